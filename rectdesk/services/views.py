"""Items as plain dictionaries for the command line, JSON and reports."""

from __future__ import annotations

import datetime as dt
from typing import Any

from rectdesk.domain.lights import LightRules, signal_for
from rectdesk.domain.model import Item
from rectdesk.domain.privacy import OutputMode, apply_mode

#: Fields that may carry personal data and are masked outside ``full`` mode.
MASKED_FIELDS = ("origin", "content", "measures", "outcomes", "progress", "remarks")


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
    }
    if mode is not OutputMode.FULL:
        for name in MASKED_FIELDS:
            data[name] = apply_mode(data[name], mode)
        data["extra"] = {k: apply_mode(v, mode) for k, v in item.extra.items()}
    if mode is OutputMode.PUBLISH:
        data["origin"] = ""
    return data


def _created(item: Item) -> dt.date | None:
    try:
        return dt.date.fromisoformat(item.created_at[:10])
    except ValueError:
        return None
