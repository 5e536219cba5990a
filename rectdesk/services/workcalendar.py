"""The holiday calendar the office keeps, and deadlines counted from an event with it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from rectdesk.domain.errors import QT_TRANSLATE_NOOP, UserError
from rectdesk.domain.ledger import LedgerStore
from rectdesk.domain.workdays import CalendarTable, Counted, explain, parse_period

#: Setting holding the years the office entered: {"2027": {"rest": [iso…], "work": [iso…]}}.
KEY = "holiday_calendar"


def table(store: LedgerStore) -> CalendarTable:
    """The published calendar with the office's own years laid over it."""
    entered: dict[int, tuple[frozenset[dt.date], frozenset[dt.date]]] = {}
    for year, days in dict(store.setting(KEY, {}) or {}).items():
        try:
            rest = frozenset(dt.date.fromisoformat(d) for d in days.get("rest", []))
            work = frozenset(dt.date.fromisoformat(d) for d in days.get("work", []))
        except (AttributeError, TypeError, ValueError):
            continue  # a hand-edited value that is not a calendar: the published one stays
        entered[int(year)] = (rest, work)
    return CalendarTable(entered)


def entered_years(store: LedgerStore) -> dict[int, dict[str, list[str]]]:
    """What the office entered, by year (ISO dates)."""
    return {int(y): v for y, v in dict(store.setting(KEY, {}) or {}).items()}


def enter_year(
    store: LedgerStore, year: int, rest: Iterable[dt.date], work: Iterable[dt.date]
) -> dict[str, list[str]]:
    """Record one year's holidays (``rest``) and 调休 working weekend days (``work``)."""
    rest, work = sorted(set(rest)), sorted(set(work))
    stray = [d for d in (*rest, *work) if d.year != year]
    if stray:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "日期{day}不在{year}年内，请核对后重新录入。"),
            day=stray[0].isoformat(),
            year=year,
        )
    both = set(rest) & set(work)
    if both:
        first = min(both).isoformat()
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "{day}同时被写成放假和上班，请核对后重新录入。"),
            day=first,
        )
    weekday_work = [d for d in work if d.weekday() < 5]
    if weekday_work:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "{day}本来就是工作日；调休上班日应是周六或周日，请核对。"),
            day=weekday_work[0].isoformat(),
        )
    value = {"rest": [d.isoformat() for d in rest], "work": [d.isoformat() for d in work]}
    stored: dict[str, Any] = dict(store.setting(KEY, {}) or {})
    stored[str(year)] = value
    store.set_setting(KEY, stored)  # one statement in its own transaction
    return value


def deadline(store: LedgerStore, text: str, start: dt.date) -> Counted:
    """The deadline a period text (``收到之日起20个工作日内``) gives from *start*, explained."""
    counted = explain(text, start, table(store))
    if counted is None:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "“{text}”里没有找到期限，请写成“收到之日起20个工作日内”“交办之日起3个月内”“30日内”这样的形式。",
            ),
            text=text.strip()[:40],
        )
    return counted


__all__ = [
    "KEY",
    "CalendarTable",
    "deadline",
    "enter_year",
    "entered_years",
    "parse_period",
    "table",
]
