"""A unit's answer in a field, as the ledger keeps it, and the ledger's value beside it."""

from __future__ import annotations

from rectdesk.domain.deadlines import format_cn_date, parse_deadline
from rectdesk.domain.errors import QT_TRANSLATE_NOOP, localized
from rectdesk.domain.model import Item, Status
from rectdesk.domain.rounds import EXTRA_KEYS, STATUS_CHOICES, Column
from rectdesk.importers.values import status_from_text

#: Statuses a unit may report (销号 and 不予整改 are the office's to decide).
UNIT_STATUSES = frozenset(status for _, status in STATUS_CHOICES)


def current_value(item: Item, column: Column) -> str:
    """What the ledger holds now for an answer field."""
    if column is Column.MEASURES:
        return item.measures
    if column is Column.PROGRESS:
        return item.progress
    if column is Column.STATUS:
        return item.status.label
    return item.extra.get(EXTRA_KEYS[column], "")


def answer_value(column: Column, given: str) -> tuple[str | None, str]:
    """The value to review (None when it cannot be taken) and, if not, why in one sentence."""
    text = given.strip()
    if column is Column.STATUS:
        status = status_from_text(text)
        if status is None:
            return None, localized(
                QT_TRANSLATE_NOOP(
                    "Errors", "完成情况“{status}”无法识别，请从下拉列表中选择，这一项未纳入。"
                ),
                status=text[:20],
            )
        if status not in UNIT_STATUSES:
            return None, localized(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "完成情况“{status}”不能由报送单位填报（销号、"
                    "不予整改须在事项中办理），这一项未纳入。",
                ),
                status=text[:20],
            )
        return status.label, ""
    if column is Column.COMPLETED_ON:
        day = parse_deadline(text).date
        return (format_cn_date(day) if day is not None else text), ""
    return text, ""


def status_of(label: str) -> Status | None:
    """A reviewed 完成情况 back to a status."""
    return status_from_text(label)
