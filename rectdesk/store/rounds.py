"""Rounds with the responsible units: what each unit was sent, and what it answered.

``round_items`` and ``round_answers`` reference ``items``, so an item command's snapshot
(store/snapshot.py) carries them: taking back a collection takes its answers back too, and
the unit shows as not answered again.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rectdesk.domain.errors import QT_TRANSLATE_NOOP, UserError
from rectdesk.domain.ledger import LedgerStore
from rectdesk.domain.model import Role
from rectdesk.domain.rounds import Round, UnitRound
from rectdesk.store import rows
from rectdesk.store.schema import run_script
from rectdesk.store.store import engine

if TYPE_CHECKING:
    import sqlite_utils


#: The settings key of the store's secret that seals every row mark.
SECRET_KEY = "rounds_secret"


def create_rounds_tables(db: sqlite_utils.Database) -> None:
    """Migration step: rounds, the units of each, what they were sent and what they answered."""
    run_script(
        db,
        """
        CREATE TABLE rounds (
            id INTEGER PRIMARY KEY,
            batch_id INTEGER NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
            number INTEGER NOT NULL,
            cut_off TEXT,
            created_at TEXT NOT NULL,
            UNIQUE (batch_id, number)
        );
        CREATE TABLE round_units (
            id INTEGER PRIMARY KEY,
            round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
            unit TEXT NOT NULL,
            sent_at TEXT,
            file_name TEXT NOT NULL DEFAULT '',
            UNIQUE (round_id, unit)
        );
        -- What one unit's sheet held for one item: its role and a fingerprint per column.
        CREATE TABLE round_items (
            round_unit_id INTEGER NOT NULL REFERENCES round_units(id) ON DELETE CASCADE,
            item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
            role TEXT NOT NULL,
            sent TEXT NOT NULL DEFAULT '{}',
            PRIMARY KEY (round_unit_id, item_id)
        );
        CREATE INDEX round_items_item ON round_items(item_id);
        -- A unit's answer about an item as collected, with the fields taken into the ledger.
        CREATE TABLE round_answers (
            id INTEGER PRIMARY KEY,
            round_unit_id INTEGER NOT NULL REFERENCES round_units(id) ON DELETE CASCADE,
            item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
            received_at TEXT NOT NULL,
            file_name TEXT NOT NULL DEFAULT '',
            answer TEXT NOT NULL DEFAULT '{}',
            accepted TEXT NOT NULL DEFAULT '[]'
        );
        CREATE INDEX round_answers_unit ON round_answers(round_unit_id, item_id);
        CREATE INDEX round_answers_item ON round_answers(item_id);
        """,
    )


@dataclass(frozen=True)
class SentItem:
    """One item as it went to one unit."""

    unit_id: int
    unit: str
    item_id: int
    role: Role
    sent: dict[str, str]


@dataclass(frozen=True)
class Answer:
    """A unit's collected answer about an item."""

    unit_id: int
    unit: str
    round_number: int
    item_id: int
    received_at: str
    file_name: str
    answer: dict[str, str]
    accepted: list[str]


class RoundBook:
    """Reads and writes the rounds tables of one store."""

    def __init__(self, store: LedgerStore) -> None:
        self.store = engine(store)

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        cursor = self.store.db.execute(sql, list(params))
        cursor.row_factory = sqlite3.Row
        return list(cursor.fetchall())

    # -- the secret ----------------------------------------------------------------------

    def secret(self) -> bytes:
        """The store's sealing secret, made on first use (a read-only store cannot make it)."""
        found = self.store.setting(SECRET_KEY)
        if isinstance(found, str) and len(found) >= 32:
            return bytes.fromhex(found)
        if self.store.readonly:
            raise UserError(
                QT_TRANSLATE_NOOP("Errors", "这个数据文件还没有下发过报送表，无法核对收回的表格。")
            )
        made = secrets.token_hex(32)
        self.store.set_setting(SECRET_KEY, made)
        return bytes.fromhex(made)

    # -- rounds --------------------------------------------------------------------------

    def next_number(self, batch_id: int) -> int:
        """The number the next round of a batch gets."""
        found = self.store._scalar(
            "SELECT coalesce(max(number), 0) FROM rounds WHERE batch_id = ?", [batch_id]
        )
        return int(found) + 1

    def open_round(self, batch_id: int, number: int, cut_off: dt.date | None) -> int:
        """The round of that number, made if new; a new cut-off replaces the old one."""
        with self.store.transaction():
            found = self.store._scalar(
                "SELECT id FROM rounds WHERE batch_id = ? AND number = ?", [batch_id, number]
            )
            if found is not None:
                if cut_off is not None:
                    self.store.db.execute(
                        "UPDATE rounds SET cut_off = ? WHERE id = ?", [cut_off.isoformat(), found]
                    )
                return int(found)
            cursor = self.store.db.execute(
                "INSERT INTO rounds (batch_id, number, cut_off, created_at) VALUES (?, ?, ?, ?)",
                [batch_id, number, rows.iso(cut_off), rows.now_text()],
            )
            return int(cursor.lastrowid or 0)

    def rounds(self, batch_id: int) -> list[Round]:
        """Every round of a batch, oldest first, each with its units."""
        found = self._rows("SELECT * FROM rounds WHERE batch_id = ? ORDER BY number", [batch_id])
        return [self._round(r) for r in found]

    def round(self, batch_id: int, number: int) -> Round | None:
        """One round of a batch, or None."""
        found = self._rows(
            "SELECT * FROM rounds WHERE batch_id = ? AND number = ?", [batch_id, number]
        )
        return self._round(found[0]) if found else None

    def latest(self, batch_id: int) -> Round | None:
        """The newest round of a batch, or None before the first."""
        found = self._rows(
            "SELECT * FROM rounds WHERE batch_id = ? ORDER BY number DESC LIMIT 1", [batch_id]
        )
        return self._round(found[0]) if found else None

    def round_of_unit(self, unit_id: int) -> tuple[int, int] | None:
        """(batch id, round number) of a unit's place in a round."""
        found = self._rows(
            "SELECT rounds.batch_id, rounds.number FROM round_units"
            " JOIN rounds ON rounds.id = round_units.round_id WHERE round_units.id = ?",
            [unit_id],
        )
        return (int(found[0][0]), int(found[0][1])) if found else None

    def _round(self, row: sqlite3.Row) -> Round:
        return Round(
            id=row["id"], batch_id=row["batch_id"], number=row["number"],
            cut_off=rows.date_or_none(row["cut_off"]), created_at=row["created_at"],
            units=self.units(row["id"]),
        )  # fmt: skip

    # -- units ---------------------------------------------------------------------------

    def units(self, round_id: int) -> list[UnitRound]:
        """The units of a round by name, with counts, the last answer and its contact."""
        found = self._rows(
            "SELECT u.id, u.unit, u.sent_at, u.file_name,"
            " (SELECT count(*) FROM round_items i WHERE i.round_unit_id = u.id) AS items,"
            " (SELECT count(*) FROM round_items i WHERE i.round_unit_id = u.id"
            "   AND i.role = 'lead') AS lead_items,"
            " (SELECT max(received_at) FROM round_answers a WHERE a.round_unit_id = u.id)"
            "   AS returned_at"
            " FROM round_units u WHERE u.round_id = ? ORDER BY u.unit",
            [round_id],
        )
        contacts = self._contacts([int(r["id"]) for r in found])
        return [
            UnitRound(
                unit_id=r["id"],
                unit=r["unit"],
                items=r["items"],
                lead_items=r["lead_items"],
                sent_at=r["sent_at"],
                returned_at=r["returned_at"],
                file_name=r["file_name"],
                contact=contacts.get(r["id"], ("", ""))[0],
                phone=contacts.get(r["id"], ("", ""))[1],
            )
            for r in found
        ]

    def _contacts(self, unit_ids: list[int]) -> dict[int, tuple[str, str]]:
        """The contact and phone each unit gave last (from its answers)."""
        if not unit_ids:
            return {}
        marks = ",".join("?" * len(unit_ids))
        found: dict[int, tuple[str, str]] = {}
        for unit_id, answer in self.store.db.execute(
            f"SELECT round_unit_id, answer FROM round_answers WHERE round_unit_id IN ({marks})"
            " ORDER BY received_at, id",
            unit_ids,
        ).fetchall():
            data = json.loads(answer)
            contact, phone = str(data.get("contact", "")), str(data.get("phone", ""))
            if contact or phone:
                found[int(unit_id)] = (contact, phone)
        return found

    def unit_id(self, round_id: int, unit: str) -> int:
        """A unit's place in a round, made if new."""
        with self.store.transaction():
            self.store.db.execute(
                "INSERT INTO round_units (round_id, unit) VALUES (?, ?)"
                " ON CONFLICT (round_id, unit) DO NOTHING",
                [round_id, unit],
            )
            return int(
                self.store._scalar(
                    "SELECT id FROM round_units WHERE round_id = ? AND unit = ?", [round_id, unit]
                )
            )

    def record_sent(
        self,
        unit_id: int,
        file_name: str,
        items: Iterable[tuple[int, Role, dict[str, str]]],
    ) -> None:
        """What a unit's workbook held (a second sending of the round replaces the first)."""
        with self.store.transaction():
            self.store.db.execute("DELETE FROM round_items WHERE round_unit_id = ?", [unit_id])
            self.store.db.conn.executemany(
                "INSERT INTO round_items (round_unit_id, item_id, role, sent) VALUES (?, ?, ?, ?)",
                [(unit_id, item_id, role.value, json.dumps(sent, ensure_ascii=False))
                 for item_id, role, sent in items],
            )  # fmt: skip
            self.store.db.execute(
                "UPDATE round_units SET sent_at = ?, file_name = ? WHERE id = ?",
                [rows.now_text(), file_name, unit_id],
            )

    def sent_items(self, round_id: int) -> list[SentItem]:
        """Every item of a round as it went to each unit."""
        found = self._rows(
            "SELECT u.id AS unit_id, u.unit, i.item_id, i.role, i.sent FROM round_items i"
            " JOIN round_units u ON u.id = i.round_unit_id WHERE u.round_id = ?"
            " ORDER BY u.unit, i.rowid",
            [round_id],
        )
        return [
            SentItem(r["unit_id"], r["unit"], r["item_id"], Role(r["role"]), json.loads(r["sent"]))
            for r in found
        ]

    # -- answers -------------------------------------------------------------------------

    def add_answers(
        self, answers: Iterable[tuple[int, int, str, dict[str, str], list[str]]]
    ) -> None:
        """Record collected answers: (unit, item, file name, answer, accepted fields).

        Called inside the collection's own transaction (an item command), so that taking the
        collection back takes these rows back too.
        """
        stamp = rows.now_text()
        self.store.db.conn.executemany(
            "INSERT INTO round_answers (round_unit_id, item_id, received_at, file_name, answer,"
            " accepted) VALUES (?, ?, ?, ?, ?, ?)",
            [(unit_id, item_id, stamp, file_name, json.dumps(answer, ensure_ascii=False),
              json.dumps(accepted, ensure_ascii=False))
             for unit_id, item_id, file_name, answer, accepted in answers],
        )  # fmt: skip

    def answers(self, batch_id: int, number: int) -> list[Answer]:
        """Every answer collected in one round of a batch, oldest first."""
        found = self._rows(
            "SELECT u.id AS unit_id, u.unit, r.number, a.item_id, a.received_at, a.file_name,"
            " a.answer, a.accepted FROM round_answers a"
            " JOIN round_units u ON u.id = a.round_unit_id JOIN rounds r ON r.id = u.round_id"
            " WHERE r.batch_id = ? AND r.number = ? ORDER BY a.received_at, a.id",
            [batch_id, number],
        )
        return [
            Answer(r["unit_id"], r["unit"], r["number"], r["item_id"], r["received_at"],
                   r["file_name"], json.loads(r["answer"]), json.loads(r["accepted"]))
            for r in found
        ]  # fmt: skip
