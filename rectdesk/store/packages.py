"""Links between what an exchange package brought and what it became here.

A package names its source (the sending store's id and its batch); each batch, item, ledger
entry and evidence file it brought is linked to the row made for it, so the next package from
the same source updates those rows instead of adding them again.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from typing import TYPE_CHECKING

from rectdesk.domain.ledger import LedgerStore
from rectdesk.store.schema import run_script
from rectdesk.store.store import engine

if TYPE_CHECKING:
    import sqlite_utils


#: The settings key of this store's own id, named in every package it makes.
STORE_ID_KEY = "store_id"

#: The tables a link may point into.
_TABLES = {"batch": "batches", "item": "items", "ledger": "ledger", "attachment": "attachments"}


def create_package_tables(db: sqlite_utils.Database) -> None:
    """Migration step: the package links (no foreign keys: a link is checked when used)."""
    run_script(
        db,
        """
        CREATE TABLE package_links (
            source TEXT NOT NULL,
            kind TEXT NOT NULL,
            source_id INTEGER NOT NULL,
            local_id INTEGER NOT NULL,
            PRIMARY KEY (source, kind, source_id)
        ) WITHOUT ROWID;
        """,
    )


class PackageLinks:
    """Reads and writes the package links of one store."""

    def __init__(self, store: LedgerStore) -> None:
        self.store = engine(store)

    def store_id(self) -> str:
        """This store's id, made on first use."""
        found = self.store.setting(STORE_ID_KEY)
        if isinstance(found, str) and found:
            return found
        made = secrets.token_hex(8)
        self.store.set_setting(STORE_ID_KEY, made)
        return made

    def links(self, source: str, kind: str) -> dict[int, int]:
        """source id -> local id, for the rows that still exist here."""
        table = _TABLES[kind]
        return {
            int(s): int(local)
            for s, local in self.store.db.execute(
                f"SELECT l.source_id, l.local_id FROM package_links l JOIN {table} t"
                " ON t.id = l.local_id WHERE l.source = ? AND l.kind = ?",
                [source, kind],
            ).fetchall()
        }

    def link(self, source: str, kind: str, pairs: Iterable[tuple[int, int]]) -> None:
        """Remember (source id, local id) pairs (inside the caller's transaction)."""
        self.store.db.conn.executemany(
            "INSERT INTO package_links (source, kind, source_id, local_id) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (source, kind, source_id) DO UPDATE SET local_id = excluded.local_id",
            [(source, kind, s, local) for s, local in pairs],
        )
