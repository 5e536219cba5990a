"""The 督办登记簿: letters numbered per year, the items each named, and their replies.

``letter_items`` keeps the item's id without a foreign key and a copy of how it stood when
the letter went out: the register is a record of what was sent, and outlives the item.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rectdesk.domain.errors import QT_TRANSLATE_NOOP, UserError
from rectdesk.domain.ledger import LedgerStore
from rectdesk.domain.supervision import Letter, LetterItem, LetterKind, letter_number
from rectdesk.store import rows
from rectdesk.store.schema import run_script
from rectdesk.store.store import engine

if TYPE_CHECKING:
    import sqlite_utils


def create_supervision_tables(db: sqlite_utils.Database) -> None:
    """Migration step: letters, what each named, close-off reviews, evidence fingerprints."""
    run_script(
        db,
        """
        CREATE TABLE letters (
            id INTEGER PRIMARY KEY,
            year INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            prefix TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL,
            unit TEXT NOT NULL,
            issued_on TEXT NOT NULL,
            reply_due TEXT,
            reply_on TEXT,
            result TEXT NOT NULL DEFAULT '',
            reply_file TEXT NOT NULL DEFAULT '',
            reply_file_name TEXT NOT NULL DEFAULT '',
            reply_sha256 TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            reply_summary TEXT NOT NULL DEFAULT '',
            UNIQUE (year, seq)
        );
        CREATE INDEX letters_reply ON letters(reply_on, reply_due);
        CREATE TABLE letter_items (
            letter_id INTEGER NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
            item_id INTEGER NOT NULL,
            position INTEGER NOT NULL,
            label TEXT NOT NULL DEFAULT '',
            deadline_text TEXT NOT NULL DEFAULT '',
            deadline TEXT,
            days_overdue INTEGER,
            content TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (letter_id, item_id)
        );
        CREATE INDEX letter_items_item ON letter_items(item_id);
        CREATE TABLE close_reviews (
            id INTEGER PRIMARY KEY,
            item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
            applied_on TEXT NOT NULL,
            applicant TEXT NOT NULL DEFAULT '',
            state TEXT NOT NULL,
            reviewer TEXT NOT NULL DEFAULT '',
            reviewed_on TEXT,
            opinion TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX close_reviews_item ON close_reviews(item_id, id);
        CREATE TABLE evidence_prints (
            sha256 TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            phash TEXT,
            text_hash TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT ''
        ) WITHOUT ROWID;
        CREATE INDEX attachments_sha256 ON attachments(sha256);
        """,
    )


_YEAR_IN_USE = QT_TRANSLATE_NOOP("Errors", "{year}年已有文号{number}，请换一个编号。")


class LetterBook:
    """Reads and writes the register of one store."""

    def __init__(self, store: LedgerStore) -> None:
        self.store = engine(store)

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        cursor = self.store.db.execute(sql, list(params))
        cursor.row_factory = sqlite3.Row
        return list(cursor.fetchall())

    def next_seq(self, year: int) -> int:
        """The number the next letter of a year gets (numbers restart every year)."""
        found = self.store._scalar("SELECT coalesce(max(seq), 0) FROM letters WHERE year = ?",
                                   [year])  # fmt: skip
        return int(found) + 1

    def add(
        self,
        *,
        kind: LetterKind,
        unit: str,
        issued_on: dt.date,
        reply_due: dt.date | None,
        prefix: str,
        items: Sequence[LetterItem],
        seq: int | None = None,
        actor: str = "",
    ) -> Letter:
        """Register a letter; it takes the year's next number unless ``seq`` is given."""
        year = issued_on.year
        with self.store.transaction():
            number = seq if seq is not None else self.next_seq(year)
            if seq is not None and self.store._scalar(
                "SELECT 1 FROM letters WHERE year = ? AND seq = ?", [year, seq]
            ):
                raise UserError(
                    _YEAR_IN_USE, year=year, number=letter_number(prefix, year, seq)
                )
            cursor = self.store.db.execute(
                "INSERT INTO letters (year, seq, prefix, kind, unit, issued_on, reply_due,"
                " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [year, number, prefix.strip(), kind.value, unit, issued_on.isoformat(),
                 rows.iso(reply_due), rows.now_text()],
            )  # fmt: skip
            letter_id = int(cursor.lastrowid or 0)
            self.store.db.conn.executemany(
                "INSERT INTO letter_items (letter_id, item_id, position, label, deadline_text,"
                " deadline, days_overdue, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(letter_id, i.item_id, place, i.label, i.deadline_text, rows.iso(i.deadline),
                  i.days_overdue, i.content) for place, i in enumerate(items)],
            )  # fmt: skip
            text = f"{letter_number(prefix, year, number)} {kind.label} → {unit}"
            for item in items:
                self.store.audit(actor, item.item_id, "letter", "letter", "", text)
        return self.letter(letter_id)

    def letter(self, letter_id: int) -> Letter:
        found = self._rows("SELECT * FROM letters WHERE id = ?", [letter_id])
        if not found:
            raise UserError(QT_TRANSLATE_NOOP("Errors", "找不到这份督办函，可能已被删除。"))
        return self._assemble(found)[0]

    def find(self, year: int, seq: int) -> Letter | None:
        found = self._rows("SELECT * FROM letters WHERE year = ? AND seq = ?", [year, seq])
        return self._assemble(found)[0] if found else None

    def letters(self, *, year: int | None = None, item_id: int | None = None) -> list[Letter]:
        """Letters in number order (a year's, or those naming an item)."""
        where, params = "TRUE", []
        if year is not None:
            where, params = "year = ?", [year]
        if item_id is not None:
            where += " AND id IN (SELECT letter_id FROM letter_items WHERE item_id = ?)"
            params.append(item_id)
        found = self._rows(f"SELECT * FROM letters WHERE {where} ORDER BY year, seq", params)
        return self._assemble(found)

    def unanswered_overdue(self, today: dt.date) -> list[Letter]:
        """Letters whose reply date has passed with no reply (the dashboard's list)."""
        found = self._rows(
            "SELECT * FROM letters WHERE reply_on IS NULL AND reply_due < ?"
            " ORDER BY reply_due, year, seq",
            [today.isoformat()],
        )
        return self._assemble(found)

    def record_reply(
        self,
        letter_id: int,
        *,
        on: dt.date,
        summary: str,
        result: str,
        stored_file: str = "",
        file_name: str = "",
        sha256: str = "",
        actor: str = "",
    ) -> Letter:
        """Write a unit's reply onto its letter (a later reply replaces the earlier record)."""
        letter = self.letter(letter_id)
        with self.store.transaction():
            columns: dict[str, Any] = {
                "reply_on": on.isoformat(), "reply_summary": summary, "result": result,
            }  # fmt: skip
            if stored_file:
                columns.update(reply_file=stored_file, reply_file_name=file_name,
                               reply_sha256=sha256)  # fmt: skip
            sets = ", ".join(f"{k} = ?" for k in columns)
            self.store.db.execute(
                f"UPDATE letters SET {sets} WHERE id = ?", [*columns.values(), letter_id]
            )
            for item in letter.items:
                self.store.audit(actor, item.item_id, "letter_reply", "letter", "",
                                 f"{letter.number} {on.isoformat()} {result}".strip())  # fmt: skip
        return self.letter(letter_id)

    def _assemble(self, found: list[sqlite3.Row]) -> list[Letter]:
        if not found:
            return []
        ids = [r["id"] for r in found]
        marks = ",".join("?" * len(ids))
        items: dict[int, list[LetterItem]] = {i: [] for i in ids}
        for r in self._rows(
            f"SELECT * FROM letter_items WHERE letter_id IN ({marks}) ORDER BY letter_id, position",
            ids,
        ):
            items[r["letter_id"]].append(
                LetterItem(
                    item_id=r["item_id"],
                    label=r["label"],
                    content=r["content"],
                    deadline_text=r["deadline_text"],
                    deadline=rows.date_or_none(r["deadline"]),
                    days_overdue=r["days_overdue"],
                )
            )
        return [
            Letter(
                id=r["id"],
                year=r["year"],
                seq=r["seq"],
                prefix=r["prefix"],
                kind=LetterKind(r["kind"]),
                unit=r["unit"],
                issued_on=dt.date.fromisoformat(r["issued_on"]),
                reply_due=rows.date_or_none(r["reply_due"]),
                items=items[r["id"]],
                reply_on=rows.date_or_none(r["reply_on"]),
                reply_summary=r["reply_summary"],
                reply_file=r["reply_file"],
                reply_file_name=r["reply_file_name"],
                reply_sha256=r["reply_sha256"],
                result=r["result"],
                created_at=r["created_at"],
            )
            for r in found
        ]
