"""Proposal fields, the contact log and the answers of 建议/提案 items.

Each table references ``items``, so an item command's snapshot carries them (undo of a
deletion brings them back).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Sequence
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from rectdesk.domain.errors import QT_TRANSLATE_NOOP, UserError
from rectdesk.domain.ledger import LedgerStore
from rectdesk.domain.proposals import Answer, Contact, HandlingRole, Proposal, ProposalKind
from rectdesk.store import rows
from rectdesk.store.schema import run_script
from rectdesk.store.store import engine

if TYPE_CHECKING:
    import sqlite_utils


def create_proposal_tables(db: sqlite_utils.Database) -> None:
    """Migration step: proposals, their contacts and answers."""
    run_script(
        db,
        """
        CREATE TABLE proposals (
            item_id INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            code TEXT NOT NULL DEFAULT '',
            proposer TEXT NOT NULL DEFAULT '',
            role TEXT NOT NULL DEFAULT 'main',
            main_unit TEXT NOT NULL DEFAULT '',
            co_units TEXT NOT NULL DEFAULT '',
            key INTEGER NOT NULL DEFAULT 0,
            leader TEXT NOT NULL DEFAULT '',
            assigned_on TEXT,
            answer_period TEXT NOT NULL DEFAULT '',
            co_period TEXT NOT NULL DEFAULT '',
            co_opinion_on TEXT
        );
        CREATE INDEX proposals_assigned ON proposals(assigned_on);
        CREATE TABLE proposal_contacts (
            id INTEGER PRIMARY KEY,
            item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
            on_date TEXT NOT NULL,
            method TEXT NOT NULL,
            who TEXT NOT NULL DEFAULT '',
            opinions INTEGER NOT NULL DEFAULT 0,
            content TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX proposal_contacts_item ON proposal_contacts(item_id, on_date);
        CREATE TABLE proposal_answers (
            id INTEGER PRIMARY KEY,
            item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
            round INTEGER NOT NULL,
            answered_on TEXT NOT NULL,
            answer_class TEXT NOT NULL,
            number TEXT NOT NULL DEFAULT '',
            signer TEXT NOT NULL DEFAULT '',
            contact_person TEXT NOT NULL DEFAULT '',
            contact_phone TEXT NOT NULL DEFAULT '',
            satisfaction TEXT NOT NULL DEFAULT '',
            feedback_on TEXT,
            text TEXT NOT NULL DEFAULT '',
            UNIQUE (item_id, round)
        );
        """,
    )


_PROPOSAL_COLUMNS = (
    "kind", "code", "proposer", "role", "main_unit", "co_units", "key", "leader",
    "assigned_on", "answer_period", "co_period", "co_opinion_on",
)  # fmt: skip


class ProposalBook:
    """Reads and writes the proposal tables of one store."""

    def __init__(self, store: LedgerStore) -> None:
        self.store = engine(store)

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        cursor = self.store.db.execute(sql, list(params))
        cursor.row_factory = sqlite3.Row
        return list(cursor.fetchall())

    def save(self, proposal: Proposal, *, actor: str = "") -> None:
        """Create or replace an item's proposal fields (call inside a transaction)."""
        values = asdict(proposal)
        values["kind"] = proposal.kind.value
        values["role"] = proposal.role.value
        values["key"] = int(proposal.key)
        values["assigned_on"] = rows.iso(proposal.assigned_on)
        values["co_opinion_on"] = rows.iso(proposal.co_opinion_on)
        columns = ", ".join(("item_id", *_PROPOSAL_COLUMNS))
        updates = ", ".join(f"{c} = excluded.{c}" for c in _PROPOSAL_COLUMNS)
        self.store.db.execute(
            f"INSERT INTO proposals ({columns}) VALUES ({', '.join('?' * 13)})"
            f" ON CONFLICT (item_id) DO UPDATE SET {updates}",
            [proposal.item_id, *(values[c] for c in _PROPOSAL_COLUMNS)],
        )
        what = f"{proposal.kind.label} {proposal.role.label} {proposal.code}"
        self.store.audit(actor, proposal.item_id, "proposal", "proposal", "", what)

    def proposal(self, item_id: int) -> Proposal | None:
        found = self._rows("SELECT * FROM proposals WHERE item_id = ?", [item_id])
        return _proposal(found[0]) if found else None

    def proposals(self, year: int | None = None) -> list[Proposal]:
        """Proposals assigned in a year (every one when ``year`` is None)."""
        if year is None:
            found = self._rows("SELECT * FROM proposals ORDER BY assigned_on, item_id")
        else:
            found = self._rows(
                "SELECT * FROM proposals WHERE substr(assigned_on, 1, 4) = ?"
                " ORDER BY assigned_on, item_id",
                [f"{year:04d}"],
            )
        return [_proposal(r) for r in found]

    def add_contact(
        self, item_id: int, on: dt.date, method: str, who: str, content: str, opinions: int,
        *, actor: str = "",
    ) -> int:  # fmt: skip
        if opinions < 0:
            raise UserError(QT_TRANSLATE_NOOP("Errors", "征求到的意见条数不能是负数。"))
        with self.store.transaction():
            self.store.item(item_id)
            cursor = self.store.db.execute(
                "INSERT INTO proposal_contacts (item_id, on_date, method, who, opinions, content)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [item_id, on.isoformat(), method, who, opinions, content],
            )
            self.store.audit(actor, item_id, "contact", "proposal_contacts", "",
                             f"{on.isoformat()} {method}")  # fmt: skip
        return int(cursor.lastrowid or 0)

    def contacts(self, item_ids: Sequence[int] | None = None) -> list[Contact]:
        where, params = "TRUE", []
        if item_ids is not None:
            if not item_ids:
                return []
            where = f"item_id IN ({','.join('?' * len(item_ids))})"
            params = list(item_ids)
        found = self._rows(
            f"SELECT * FROM proposal_contacts WHERE {where} ORDER BY item_id, on_date, id", params
        )
        return [
            Contact(
                r["id"],
                r["item_id"],
                dt.date.fromisoformat(r["on_date"]),
                r["method"],
                r["who"],
                r["content"],
                r["opinions"],
            )
            for r in found
        ]

    def save_answer(self, answer: Answer, *, actor: str = "") -> int:
        """Create or replace the answer of a round (call inside a transaction)."""
        cursor = self.store.db.execute(
            "INSERT INTO proposal_answers (item_id, round, answered_on, answer_class, number,"
            " signer, contact_person, contact_phone, satisfaction, feedback_on, text)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (item_id, round) DO UPDATE SET"
            " answered_on = excluded.answered_on, answer_class = excluded.answer_class,"
            " number = excluded.number, signer = excluded.signer,"
            " contact_person = excluded.contact_person, contact_phone = excluded.contact_phone,"
            " satisfaction = excluded.satisfaction, feedback_on = excluded.feedback_on,"
            " text = excluded.text",
            [answer.item_id, answer.round, answer.answered_on.isoformat(), answer.answer_class,
             answer.number, answer.signer, answer.contact_person, answer.contact_phone,
             answer.satisfaction, rows.iso(answer.feedback_on), answer.text],
        )  # fmt: skip
        what = f"第{answer.round}次答复 {answer.answer_class}类 {answer.satisfaction}"
        self.store.audit(actor, answer.item_id, "answer", "proposal_answers", "", what)
        return int(cursor.lastrowid or 0)

    def answers(self, item_ids: Sequence[int] | None = None) -> list[Answer]:
        where, params = "TRUE", []
        if item_ids is not None:
            if not item_ids:
                return []
            where = f"item_id IN ({','.join('?' * len(item_ids))})"
            params = list(item_ids)
        found = self._rows(
            f"SELECT * FROM proposal_answers WHERE {where} ORDER BY item_id, round", params
        )
        return [
            Answer(
                id=r["id"],
                item_id=r["item_id"],
                round=r["round"],
                answered_on=dt.date.fromisoformat(r["answered_on"]),
                answer_class=r["answer_class"],
                number=r["number"],
                signer=r["signer"],
                contact_person=r["contact_person"],
                contact_phone=r["contact_phone"],
                text=r["text"],
                satisfaction=r["satisfaction"],
                feedback_on=rows.date_or_none(r["feedback_on"]),
            )
            for r in found
        ]


def _proposal(r: sqlite3.Row) -> Proposal:
    return Proposal(
        item_id=r["item_id"], kind=ProposalKind(r["kind"]), code=r["code"],
        proposer=r["proposer"], role=HandlingRole(r["role"]), main_unit=r["main_unit"],
        co_units=r["co_units"], key=bool(r["key"]), leader=r["leader"],
        assigned_on=rows.date_or_none(r["assigned_on"]), answer_period=r["answer_period"],
        co_period=r["co_period"], co_opinion_on=rows.date_or_none(r["co_opinion_on"]),
    )  # fmt: skip
