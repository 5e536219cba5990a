"""Close-off reviews (申请 → 审核 → 销号) and the evidence fingerprints of the reuse guard."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from rectdesk.domain.closure import CloseReview, ReviewState
from rectdesk.domain.errors import QT_TRANSLATE_NOOP, Label, UserError
from rectdesk.domain.evidence import EvidenceUse, FileKind, Fingerprint
from rectdesk.domain.ledger import LedgerStore
from rectdesk.store import rows
from rectdesk.store.store import engine


class ReviewBook:
    """Close-off applications and their reviews."""

    def __init__(self, store: LedgerStore) -> None:
        self.store = engine(store)

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        cursor = self.store.db.execute(sql, list(params))
        cursor.row_factory = sqlite3.Row
        return list(cursor.fetchall())

    def apply(self, item_id: int, on: dt.date, applicant: str, note: str) -> CloseReview:
        """A new application (an earlier one of the item is superseded)."""
        with self.store.transaction():
            self.store.item(item_id)
            cursor = self.store.db.execute(
                "INSERT INTO close_reviews (item_id, applied_on, applicant, state, note)"
                " VALUES (?, ?, ?, ?, ?)",
                [item_id, on.isoformat(), applicant, ReviewState.APPLIED.value, note],
            )
            self.store.audit(applicant, item_id, "close_apply", "close_review", "", note[:200])
        return self.review(int(cursor.lastrowid or 0))

    def decide(
        self, review_id: int, *, approve: bool, reviewer: str, on: dt.date, opinion: str
    ) -> CloseReview:
        """Record the reviewer's decision on an open application."""
        review = self.review(review_id)
        if review.state is not ReviewState.APPLIED:
            raise UserError(
                QT_TRANSLATE_NOOP("Errors", "这份销号申请已经审核过（{state}），不能再次审核。"),
                state=Label(review.state.label),
            )
        state = ReviewState.APPROVED if approve else ReviewState.REJECTED
        with self.store.transaction():
            self.store.db.execute(
                "UPDATE close_reviews SET state = ?, reviewer = ?, reviewed_on = ?, opinion = ?"
                " WHERE id = ?",
                [state.value, reviewer, on.isoformat(), opinion, review_id],
            )
            change = f"{state.value} {opinion}"[:200]
            self.store.audit(reviewer, review.item_id, "close_review", "close_review",
                             ReviewState.APPLIED.value, change)  # fmt: skip
        return self.review(review_id)

    def review(self, review_id: int) -> CloseReview:
        found = self._rows("SELECT * FROM close_reviews WHERE id = ?", [review_id])
        if not found:
            raise UserError(QT_TRANSLATE_NOOP("Errors", "找不到这份销号申请，可能已被删除。"))
        return _review(found[0])

    def latest(self, item_ids: Iterable[int]) -> dict[int, CloseReview]:
        """Each item's latest application, if it has one."""
        ids = list(item_ids)
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        found = self._rows(
            f"SELECT * FROM close_reviews WHERE id IN (SELECT max(id) FROM close_reviews"
            f" WHERE item_id IN ({marks}) GROUP BY item_id)",
            ids,
        )
        return {r["item_id"]: _review(r) for r in found}

    def pending(self) -> list[CloseReview]:
        """Applications waiting for a reviewer, oldest first."""
        found = self._rows(
            "SELECT * FROM close_reviews WHERE state = ? AND id IN"
            " (SELECT max(id) FROM close_reviews GROUP BY item_id) ORDER BY applied_on, id",
            [ReviewState.APPLIED.value],
        )
        return [_review(r) for r in found]

    def history(self, item_id: int) -> list[CloseReview]:
        found = self._rows("SELECT * FROM close_reviews WHERE item_id = ? ORDER BY id", [item_id])
        return [_review(r) for r in found]


def _review(r: sqlite3.Row) -> CloseReview:
    return CloseReview(
        id=r["id"], item_id=r["item_id"], applied_on=dt.date.fromisoformat(r["applied_on"]),
        applicant=r["applicant"], note=r["note"], state=ReviewState(r["state"]),
        reviewer=r["reviewer"], reviewed_on=rows.date_or_none(r["reviewed_on"]),
        opinion=r["opinion"],
    )  # fmt: skip


class FingerprintBook:
    """What the reuse guard has read of each evidence content, and every evidence use."""

    def __init__(self, store: LedgerStore) -> None:
        self.store = engine(store)

    def uses(self) -> list[EvidenceUse]:
        """Every evidence file of every item, with the item's lead unit and label."""
        cursor = self.store.db.execute(
            "SELECT a.id, a.item_id, a.name, a.sha256,"
            " coalesce((SELECT d.name FROM item_departments AS x JOIN departments AS d"
            "  ON d.id = x.department_id WHERE x.item_id = a.item_id"
            "  ORDER BY x.role != 'lead', x.position LIMIT 1), ''),"
            " coalesce(nullif(i.number, ''), nullif(i.seq, ''), '#' || i.id)"
            " FROM attachments AS a JOIN items AS i ON i.id = a.item_id ORDER BY a.id"
        )
        return [EvidenceUse(r[0], r[1], r[2], r[3], r[4], r[5]) for r in cursor.fetchall()]

    def missing(self) -> list[tuple[str, str]]:
        """(sha256, stored path) of contents not fingerprinted yet, one path per content."""
        cursor = self.store.db.execute(
            "SELECT sha256, min(stored_path) FROM attachments"
            " WHERE sha256 NOT IN (SELECT sha256 FROM evidence_prints) GROUP BY sha256"
        )
        return [(r[0], r[1]) for r in cursor.fetchall()]

    def known(self, sha256s: Sequence[str]) -> set[str]:
        """Which of these contents are fingerprinted already."""
        wanted = list(dict.fromkeys(sha256s))
        if not wanted:
            return set()
        cursor = self.store.db.execute(
            f"SELECT sha256 FROM evidence_prints WHERE sha256 IN ({','.join('?' * len(wanted))})",
            wanted,
        )
        return {r[0] for r in cursor.fetchall()}

    def save(self, prints: Sequence[Fingerprint]) -> None:
        """Keep fingerprints (a content read again replaces its old one)."""
        if not prints:
            return
        with self.store.transaction():
            self.store.db.conn.executemany(
                "INSERT INTO evidence_prints (sha256, kind, phash, text_hash, note)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (sha256) DO UPDATE SET"
                " kind = excluded.kind, phash = excluded.phash, text_hash = excluded.text_hash,"
                " note = excluded.note",
                [(p.sha256, p.kind.value, None if p.phash is None else f"{p.phash:016x}",
                  p.text_hash, p.note) for p in prints],
            )  # fmt: skip

    def prints(self) -> dict[str, Fingerprint]:
        cursor = self.store.db.execute(
            "SELECT sha256, kind, phash, text_hash, note FROM evidence_prints"
        )
        return {
            r[0]: Fingerprint(
                r[0], FileKind(r[1]), None if r[2] is None else int(r[2], 16), r[3], r[4]
            )
            for r in cursor.fetchall()
        }
