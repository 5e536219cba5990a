"""The ledger on a PostgreSQL server: the same store and books, over a libpq connection.

Nothing here is imported until a server ledger is opened, so a clerk with a store file never
loads the PostgreSQL client.
"""

from __future__ import annotations

#: How a server ledger is named wherever a store file path may be given.
URL_SCHEMES = ("postgresql://", "postgres://")


def is_server_url(target: object) -> bool:
    """Whether ``target`` names a PostgreSQL database (a libpq URL) rather than a store file."""
    return isinstance(target, str) and target.strip().lower().startswith(URL_SCHEMES)


__all__ = ["URL_SCHEMES", "is_server_url"]
