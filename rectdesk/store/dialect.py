"""Where the two engines behind a store differ, said once: SQLite's file or a PostgreSQL server.

The store's SQL is written once, in the dialect both engines share; the few places where they
truly differ (search, a sort by a number at the start of a text) ask the store's dialect.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Dialect:
    """One SQL engine, as the store's queries need to know it."""

    name: str

    @property
    def postgres(self) -> bool:
        return self.name == "postgresql"


SQLITE = Dialect("sqlite")
POSTGRES = Dialect("postgresql")
