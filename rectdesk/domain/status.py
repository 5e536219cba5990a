"""Which status changes are allowed, and what a change needs."""

from __future__ import annotations

import datetime as dt

from rectdesk.domain.errors import QT_TRANSLATE_NOOP, Label, Listing, TransitionError
from rectdesk.domain.model import Status

# Reopening (closed/completed back to 整改中) is allowed because upper levels do send items
# back; every change lands in the audit log, so a reopen is never silent.
ALLOWED: dict[Status, frozenset[Status]] = {
    Status.PENDING: frozenset(
        {Status.IN_PROGRESS, Status.COMPLETED, Status.ONGOING, Status.DECLINED}
    ),
    Status.IN_PROGRESS: frozenset(
        {Status.PENDING, Status.COMPLETED, Status.ONGOING, Status.DECLINED}
    ),
    Status.COMPLETED: frozenset({Status.CLOSED, Status.IN_PROGRESS, Status.ONGOING}),
    Status.CLOSED: frozenset({Status.IN_PROGRESS}),
    Status.ONGOING: frozenset({Status.IN_PROGRESS, Status.COMPLETED, Status.CLOSED}),
    Status.DECLINED: frozenset({Status.PENDING, Status.IN_PROGRESS}),
}


def can_change(old: Status, new: Status) -> bool:
    """Whether an item may go from ``old`` to ``new`` (staying put is always allowed)."""
    return old is new or new in ALLOWED[old]


def check_change(
    old: Status, new: Status, *, closed_on: dt.date | None = None, reason: str = ""
) -> None:
    """Raise a TransitionError in plain Chinese when the change is not allowed."""
    if not can_change(old, new):
        raise TransitionError(
            QT_TRANSLATE_NOOP("Errors", "不能把状态从“{old}”直接改为“{new}”，可改为：{allowed}。"),
            old=Label(old.label),
            new=Label(new.label),
            allowed=Listing(Label(s.label) for s in sorted(ALLOWED[old], key=_order)),
        )
    if new is Status.CLOSED and closed_on is None:
        raise TransitionError(QT_TRANSLATE_NOOP("Errors", "销号需要填写销号日期，请填写后再销号。"))
    if new is Status.DECLINED and not reason.strip():
        raise TransitionError(
            QT_TRANSLATE_NOOP(
                "Errors", "不予整改需要说明理由（如：非建设性建议、不属于职责范围）。"
            )
        )


def _order(status: Status) -> int:
    return list(Status).index(status)


def parse_status(value: str) -> Status:
    """Accept a status code or its Chinese label; raise a plain message otherwise."""
    text = value.strip()
    for status in Status:
        if text in (status.value, status.label) or text == status.label.split("（")[0]:
            return status
    codes = Listing(f"{s.value}（{s.label}）" for s in Status)
    raise TransitionError(
        QT_TRANSLATE_NOOP("Errors", "无法识别的状态“{value}”，可用：{codes}。"),
        value=value,
        codes=codes,
    )
