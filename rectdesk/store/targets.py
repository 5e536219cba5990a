"""Opening a ledger by what the clerk gave: a store file's path or a server's URL."""

from __future__ import annotations

from pathlib import Path

from rectdesk.store.pg import is_server_url
from rectdesk.store.store import Store


def open_store(
    target: Path | str,
    *,
    readonly: bool = False,
    create: bool = True,
    verify: bool = False,
    files_dir: Path | str | None = None,
) -> Store:
    """The ledger at ``target``: a PostgreSQL URL (``postgresql://user@host:5432/db`` or
    ``postgresql:///db?host=/socket/dir``) or the path of a store file.

    ``files_dir`` is the shared evidence folder of a server ledger; a store file keeps its
    evidence in the folder beside it and takes none.
    """
    if is_server_url(target):
        from rectdesk.store.pg.store import PgStore

        return PgStore.open(
            str(target).strip(), readonly=readonly, create=create, verify=verify,
            files_dir=files_dir,
        )  # fmt: skip
    if files_dir is not None:
        raise ValueError("a store file keeps its evidence files beside it")
    return Store.open(target, readonly=readonly, create=create, verify=verify)


def describe_target(target: Path | str) -> str:
    """How a ledger is named to the clerk: the file's path, or the server without a password."""
    if is_server_url(target):
        from rectdesk.store.pg.connection import describe

        return describe(str(target))
    return str(target)
