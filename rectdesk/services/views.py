"""Items and batches as plain dictionaries for the command line and JSON.

These are where records become output rows, so this is where they are masked: every text
of a row, through the one masking function (rectdesk.domain.privacy.mask_data).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from rectdesk.domain.lights import LightRules, signal_for
from rectdesk.domain.model import Batch, Item
from rectdesk.domain.privacy import OutputMode, mask_data


def item_dict(
    item: Item,
    *,
    today: dt.date,
    rules: LightRules,
    mode: OutputMode = OutputMode.MASKED,
) -> dict[str, Any]:
    """One item with its light, as the ``items --json`` contract describes."""
    signal = signal_for(
        item.status,
        item.deadline,
        today=today,
        rules=rules,
        last_progress=item.progress_on or _created(item),
    )
    data: dict[str, Any] = {
        "id": item.id,
        "batch_id": item.batch_id,
        "seq": item.seq,
        "number": item.number,
        "category": item.category,
        "origin": item.origin,
        "content": item.content,
        "departments": item.department_names,
        "lead": item.lead,
        "owner": item.owner,
        "measures": item.measures,
        "outcomes": item.outcomes,
        "deadline": item.deadline.date.isoformat() if item.deadline.date else None,
        "deadline_kind": item.deadline.kind.value,
        "deadline_text": item.deadline.text,
        "deadline_ongoing": item.deadline.ongoing,
        "deadline_warning": item.deadline.warning,
        "status": item.status.value,
        "status_label": item.status.label,
        "status_reason": item.status_reason,
        "closed_on": item.closed_on.isoformat() if item.closed_on else None,
        "light": signal.light.value,
        "light_label": signal.label,
        "overdue_days": signal.overdue_days,
        "stale": signal.stale,
        "progress": item.progress,
        "progress_on": item.progress_on.isoformat() if item.progress_on else None,
        "remarks": item.remarks,
        "extra": dict(item.extra),
        # The version read, for an edit made later (rectdesk-cli … --seen ID:VERSION).
        "version": item.version,
    }
    if mode is OutputMode.PUBLISH:
        data["origin"] = ""
    masked: dict[str, Any] = mask_data(data, mode)
    return masked


def batch_dict(batch: Batch, mode: OutputMode = OutputMode.MASKED) -> dict[str, Any]:
    """One batch, as the ``batches --json`` contract describes; masked unless ``full``."""
    data: dict[str, Any] = {
        "id": batch.id,
        "kind": batch.kind.value,
        "kind_label": batch.kind.label,
        "name": batch.name,
        "issuer": batch.issuer,
        "doc_number": batch.doc_number,
        "year": batch.year,
        "received_on": batch.received_on.isoformat() if batch.received_on else None,
        "items": batch.item_count,
        "source_file": batch.source_file,
    }
    masked: dict[str, Any] = mask_data(data, mode)
    return masked


def _created(item: Item) -> dt.date | None:
    try:
        return dt.date.fromisoformat(item.created_at[:10])
    except ValueError:
        return None
