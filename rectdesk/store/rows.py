"""Conversions between SQL rows and domain records."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable
from typing import Any

from rectdesk.domain.model import (
    Assignment,
    AuditEntry,
    Batch,
    BatchKind,
    Deadline,
    DeadlineKind,
    Item,
    ItemDraft,
    LedgerEntry,
    LedgerKind,
    Role,
    Status,
    normalize_assignments,
)

ITEM_COLUMNS = (
    "id, batch_id, position, seq, number, category, status, deadline, deadline_kind,"
    " deadline_ongoing, deadline_text, deadline_warning, closed_on, progress_on, dept_text,"
    " lead, owner, result_class, satisfaction, status_reason, created_at, updated_at,"
    " origin, remarks, content, progress, outcomes, measures, version"
)


def iso(value: dt.date | None) -> str | None:
    """A date as stored (ISO text) or NULL."""
    return value.isoformat() if value is not None else None


def date_or_none(value: str | None) -> dt.date | None:
    """A stored ISO date back to a date."""
    return dt.date.fromisoformat(value) if value else None


def now_text() -> str:
    """The local time as stored in created/updated columns."""
    return dt.datetime.now().isoformat(timespec="seconds")


def batch_from_row(row: sqlite3.Row) -> Batch:
    """A batches row (plus item_count) as a Batch."""
    return Batch(
        id=row["id"],
        kind=BatchKind(row["kind"]),
        name=row["name"],
        issuer=row["issuer"],
        doc_number=row["doc_number"],
        year=row["year"],
        received_on=date_or_none(row["received_on"]),
        source_file=row["source_file"],
        source_sha256=row["source_sha256"],
        created_at=row["created_at"],
        item_count=row["item_count"] if "item_count" in row.keys() else 0,  # noqa: SIM118
    )


def deadline_from_row(row: sqlite3.Row) -> Deadline:
    """The deadline columns of an items row."""
    return Deadline(
        text=row["deadline_text"],
        date=date_or_none(row["deadline"]),
        kind=DeadlineKind(row["deadline_kind"]),
        ongoing=bool(row["deadline_ongoing"]),
        warning=row["deadline_warning"],
    )


def item_from_row(row: sqlite3.Row, departments: list[Assignment], extra: dict[str, str]) -> Item:
    """An items row with its departments and extra fields as an Item."""
    return Item(
        id=row["id"],
        batch_id=row["batch_id"],
        position=row["position"],
        seq=row["seq"],
        number=row["number"],
        category=row["category"],
        origin=row["origin"],
        content=row["content"],
        departments=departments,
        lead=row["lead"],
        owner=row["owner"],
        measures=row["measures"],
        outcomes=row["outcomes"],
        deadline=deadline_from_row(row),
        status=Status(row["status"]),
        status_reason=row["status_reason"],
        closed_on=date_or_none(row["closed_on"]),
        progress=row["progress"],
        progress_on=date_or_none(row["progress_on"]),
        remarks=row["remarks"],
        result_class=row["result_class"],
        satisfaction=row["satisfaction"],
        extra=extra,
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        version=row["version"],
    )


def deadline_columns(deadline: Deadline) -> dict[str, Any]:
    """A Deadline as the items columns that hold it."""
    return {
        "deadline": iso(deadline.date),
        "deadline_kind": deadline.kind.value,
        "deadline_ongoing": int(deadline.ongoing),
        "deadline_text": deadline.text,
        "deadline_warning": deadline.warning,
    }


def dept_text(assignments: Iterable[Assignment]) -> str:
    """Departments as one searchable, sortable text, the lead first."""
    return "、".join(a.department for a in normalize_assignments(list(assignments)))


def draft_columns(draft: ItemDraft, batch_id: int, position: int, stamp: str) -> dict[str, Any]:
    """An ItemDraft as an items row (progress is written through the ledger)."""
    return {
        "batch_id": batch_id,
        "position": position,
        "seq": draft.seq,
        "number": draft.number,
        "category": draft.category,
        "status": draft.status.value,
        **deadline_columns(draft.deadline),
        "closed_on": iso(draft.closed_on),
        "dept_text": dept_text(draft.departments),
        "lead": draft.lead,
        "owner": draft.owner,
        "result_class": draft.result_class,
        "satisfaction": draft.satisfaction,
        "status_reason": draft.status_reason,
        "created_at": stamp,
        "updated_at": stamp,
        "origin": draft.origin,
        "remarks": draft.remarks,
        "content": draft.content,
        "outcomes": draft.outcomes,
        "measures": draft.measures,
    }


def ledger_from_row(row: sqlite3.Row) -> LedgerEntry:
    """A ledger row as a LedgerEntry."""
    return LedgerEntry(
        id=row["id"],
        item_id=row["item_id"],
        on=dt.date.fromisoformat(row["on_date"]),
        kind=LedgerKind(row["kind"]),
        text=row["text"],
        author=row["author"],
        created_at=row["created_at"],
    )


def audit_from_row(row: sqlite3.Row) -> AuditEntry:
    """An audit_log row as an AuditEntry."""
    return AuditEntry(
        id=row["id"],
        at=row["at"],
        actor=row["actor"],
        item_id=row["item_id"],
        action=row["action"],
        field=row["field"],
        old=row["old"],
        new=row["new"],
        item_version=row["item_version"],
        os_user=row["os_user"],
        machine=row["machine"],
    )


def describe(value: Any) -> str:
    """A field value as written in the audit log."""
    if value is None:
        return ""
    if isinstance(value, Deadline):
        return value.text or (iso(value.date) or "")
    if isinstance(value, Status):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return "、".join(
            a.department + ("（牵头）" if a.role is Role.LEAD else "（配合）")
            if isinstance(a, Assignment)
            else str(a)
            for a in value
        )
    return str(value)
