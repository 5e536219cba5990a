"""The record of each import: what it created and what it changed, so it can be undone whole."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

import sqlite_utils

from rectdesk.domain.errors import QT_TRANSLATE_NOOP, UserError
from rectdesk.domain.ledger import LedgerStore
from rectdesk.store import rows
from rectdesk.store.store import engine


def create_imports_tables(db: sqlite_utils.Database) -> None:
    """Migration step: the imports log (no foreign key on batch_id: undo may remove the batch)."""
    db.execute(
        """CREATE TABLE imports (
            id INTEGER PRIMARY KEY,
            batch_id INTEGER NOT NULL,
            batch_created INTEGER NOT NULL DEFAULT 0,
            file_name TEXT NOT NULL,
            source_path TEXT NOT NULL DEFAULT '',
            sha256 TEXT NOT NULL DEFAULT '',
            at TEXT NOT NULL,
            actor TEXT NOT NULL DEFAULT '',
            created INTEGER NOT NULL DEFAULT 0,
            updated INTEGER NOT NULL DEFAULT 0,
            unchanged INTEGER NOT NULL DEFAULT 0,
            undone_at TEXT
        )"""
    )
    db.execute(
        """CREATE TABLE import_changes (
            import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
            item_id INTEGER NOT NULL,
            action TEXT NOT NULL,
            before TEXT NOT NULL DEFAULT ''
        )"""
    )
    db.execute("CREATE INDEX import_changes_import ON import_changes(import_id)")
    db.execute("CREATE INDEX imports_batch ON imports(batch_id, id)")


@dataclass(frozen=True, slots=True)
class ImportRecord:
    """One import as recorded."""

    id: int
    batch_id: int
    batch_created: bool
    file_name: str
    source_path: str
    sha256: str
    at: str
    actor: str
    created: int
    updated: int
    unchanged: int
    undone_at: str | None


@dataclass(frozen=True, slots=True)
class ImportChange:
    """One item an import created or changed; ``before`` is the JSON of the old values."""

    item_id: int
    action: str
    before: str


def _record(row: sqlite3.Row) -> ImportRecord:
    return ImportRecord(
        id=row["id"],
        batch_id=row["batch_id"],
        batch_created=bool(row["batch_created"]),
        file_name=row["file_name"],
        source_path=row["source_path"],
        sha256=row["sha256"],
        at=row["at"],
        actor=row["actor"],
        created=row["created"],
        updated=row["updated"],
        unchanged=row["unchanged"],
        undone_at=row["undone_at"],
    )


class ImportLog:
    """Reads and writes the imports tables of one store (call inside store.transaction())."""

    def __init__(self, store: LedgerStore) -> None:
        self.store = engine(store)

    def _rows(self, sql: str, params: list[object]) -> list[sqlite3.Row]:
        cursor = self.store.db.execute(sql, params)
        cursor.row_factory = sqlite3.Row
        return list(cursor.fetchall())

    def add(
        self,
        *,
        batch_id: int,
        batch_created: bool,
        file_name: str,
        source_path: str,
        sha256: str,
        actor: str,
        counts: tuple[int, int, int],
        changes: list[ImportChange],
    ) -> int:
        """Record an import with its changes; returns its id."""
        with self.store.transaction():
            cursor = self.store.db.execute(
                "INSERT INTO imports (batch_id, batch_created, file_name, source_path, sha256,"
                " at, actor, created, updated, unchanged) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [batch_id, int(batch_created), file_name, source_path, sha256, rows.now_text(),
                 actor, *counts],
            )  # fmt: skip
            import_id = int(cursor.lastrowid or 0)
            self.store.db.conn.executemany(
                "INSERT INTO import_changes (import_id, item_id, action, before)"
                " VALUES (?, ?, ?, ?)",
                [(import_id, c.item_id, c.action, c.before) for c in changes],
            )
        return import_id

    def get(self, import_id: int) -> ImportRecord:
        """One import; a plain message when it does not exist."""
        found = self._rows("SELECT * FROM imports WHERE id = ?", [import_id])
        if not found:
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Errors", "找不到编号为 {import_id} 的导入记录，请用“imports”查看。"
                ),
                import_id=import_id,
            )
        return _record(found[0])

    def all(self, batch_id: int | None = None) -> list[ImportRecord]:
        """Imports, newest first."""
        if batch_id is None:
            return [_record(r) for r in self._rows("SELECT * FROM imports ORDER BY id DESC", [])]
        return [
            _record(r)
            for r in self._rows(
                "SELECT * FROM imports WHERE batch_id = ? ORDER BY id DESC", [batch_id]
            )
        ]

    def changes(self, import_id: int) -> list[ImportChange]:
        """What the import created or changed, in the order it did so."""
        return [
            ImportChange(r["item_id"], r["action"], r["before"])
            for r in self._rows(
                "SELECT item_id, action, before FROM import_changes WHERE import_id = ?"
                " ORDER BY rowid",
                [import_id],
            )
        ]

    def later_active(self, record: ImportRecord) -> list[int]:
        """Imports into the same batch after this one that are still in force."""
        return [
            int(r[0])
            for r in self.store.db.execute(
                "SELECT id FROM imports WHERE batch_id = ? AND id > ? AND undone_at IS NULL",
                [record.batch_id, record.id],
            ).fetchall()
        ]

    def mark_undone(self, import_id: int) -> None:
        with self.store.transaction():
            self.store.db.execute(
                "UPDATE imports SET undone_at = ? WHERE id = ?", [rows.now_text(), import_id]
            )
