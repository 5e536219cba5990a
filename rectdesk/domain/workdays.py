"""Deadlines counted from an event: working days, days and months, with how they were counted.

Proposal and petition rules write their deadlines as periods: 收到之日起20个工作日内,
交办之日起3个月内办复, 会办单位1个月内提出会办意见. Counting follows the Civil Code's rules on
periods (articles 201–203): the day of the event is not counted; a period in months ends on
the same-numbered day of the last month (its last day when there is none); a period whose last
day is a rest day ends on the next working day. Working days follow the State Council's yearly
holiday and 调休 calendar: the ``chinesecalendar`` package carries the published years, and the
office can enter a year it does not know yet (``CalendarTable``); a count that crosses a year
nobody has entered still gives a date, estimated with Saturdays and Sundays only, and says so.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum

from rectdesk.domain.deadlines import format_cn_date


class PeriodUnit(str, Enum):
    """How a period is counted."""

    WORKDAYS = "workdays"
    DAYS = "days"
    MONTHS = "months"


_UNIT_WORDS = {"工作日": PeriodUnit.WORKDAYS, "日": PeriodUnit.DAYS, "天": PeriodUnit.DAYS,
               "个月": PeriodUnit.MONTHS, "月": PeriodUnit.MONTHS}  # fmt: skip
_CN_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9}  # fmt: skip
_NUMBER = r"[0-9]{1,3}|[一二两三四五六七八九十]{1,3}"
_PERIOD = re.compile(
    r"(?:(?P<event>收到|接到|交办|转办|受理|立案|印发|下发|发文|签收)[^，。；,;]{0,6}?之日)?"
    r"(?:起|后)?\s*(?P<n>"
    + _NUMBER
    + r")\s*(?P<unit>个工作日|工作日|个月|月|日|天)\s*(?:内|以内|之内)"
)


@dataclass(frozen=True, slots=True)
class Period:
    """A period read from text: ``amount`` units after an event (``event`` as written, or '')."""

    amount: int
    unit: PeriodUnit
    event: str = ""
    text: str = ""


def _number(text: str) -> int:
    if text.isdigit():
        return int(text)
    if text.startswith("十"):
        text = "一" + text
    if "十" in text:
        tens, _, ones = text.partition("十")
        return _CN_DIGITS[tens] * 10 + (_CN_DIGITS[ones] if ones else 0)
    return _CN_DIGITS[text]


def parse_period(text: str) -> Period | None:
    """The first period in *text* (``20个工作日内``, ``3个月内``, ``三十日内``), or None."""
    found = _PERIOD.search(text or "")
    if found is None:
        return None
    unit_word = found.group("unit").removeprefix("个")
    unit = _UNIT_WORDS["个月" if unit_word == "月" else unit_word]
    return Period(_number(found.group("n")), unit, found.group("event") or "", found.group(0))


@dataclass
class CalendarTable:
    """Rest days and 调休 working days by year: the published ones plus what the office entered.

    ``entered`` maps a year to (holidays, working weekend days); an entered year replaces the
    published one, so a correction is possible too.
    """

    entered: Mapping[int, tuple[frozenset[dt.date], frozenset[dt.date]]] = field(
        default_factory=dict
    )

    def __post_init__(self) -> None:
        holidays, workdays = _published()
        self._holidays = {d for d in holidays if d.year not in self.entered}
        self._workdays = {d for d in workdays if d.year not in self.entered}
        for rest, work in self.entered.values():
            self._holidays |= rest
            self._workdays |= work
        self._years = {d.year for d in holidays} | set(self.entered)

    def knows(self, year: int) -> bool:
        """Whether the year's holiday arrangement is known (published or entered)."""
        return year in self._years

    def is_workday(self, day: dt.date) -> bool:
        """A working day: not a holiday, and a weekday or a 调休 working weekend day."""
        if day in self._holidays:
            return False
        return day.weekday() < 5 or day in self._workdays

    def is_holiday(self, day: dt.date) -> bool:
        return day in self._holidays


def _published() -> tuple[set[dt.date], set[dt.date]]:
    """The State Council's arrangements that the installed ``chinesecalendar`` carries."""
    try:
        from chinese_calendar import constants
    except ImportError:  # the package is a dependency; without it only entered years count
        return set(), set()
    return set(constants.holidays), set(constants.workdays)


@dataclass(frozen=True, slots=True)
class Counted:
    """A computed deadline and, in plain words, how it was counted."""

    start: dt.date
    date: dt.date
    period: Period
    steps: tuple[str, ...]
    missing_years: tuple[int, ...] = ()

    @property
    def explanation(self) -> str:
        return "".join(self.steps)


def count(period: Period, start: dt.date, table: CalendarTable | None = None) -> Counted:
    """The last day of *period* counted from the event on *start*."""
    table = table or CalendarTable()
    event = f"{period.event}之日" if period.event else "起算日"
    steps = [f"自{event}{format_cn_date(start)}的次日起计算"]
    if period.unit is PeriodUnit.WORKDAYS:
        day, skipped = _add_workdays(start, period.amount, table)
        steps.append(f"，数{period.amount}个工作日（不含周六周日和法定节假日，调休上班日照常计算）")
        if skipped:
            steps.append(f"，其间跳过节假日{_days(skipped)}")
    else:
        if period.unit is PeriodUnit.DAYS:
            day = start + dt.timedelta(days=period.amount)
            steps.append(f"，数{period.amount}日，到{format_cn_date(day)}")
        else:
            day = _add_months(start, period.amount)
            steps.append(f"，{period.amount}个月后的对应日为{format_cn_date(day)}")
        moved = day
        while not table.is_workday(moved):
            moved += dt.timedelta(days=1)
        if moved != day:
            steps.append("；该日是休息日，顺延到其后的第一个工作日")
            day = moved
    steps.append(f"，期限为{format_cn_date(day)}。")
    missing = tuple(y for y in range(start.year, day.year + 1) if not table.knows(y))
    if missing:
        years = "、".join(f"{y}年" for y in missing)
        steps.append(
            f"{years}的法定节假日安排尚未录入，这部分只按周六周日休息估算；"
            "国务院公布当年安排后请录入（rectdesk-cli holidays 年份 --rest … --work …）。"
        )
    return Counted(start, day, period, tuple(steps), missing)


def _add_workdays(
    start: dt.date, amount: int, table: CalendarTable
) -> tuple[dt.date, list[dt.date]]:
    day, counted, skipped = start, 0, []
    while counted < amount:
        day += dt.timedelta(days=1)
        if table.is_workday(day):
            counted += 1
        elif table.is_holiday(day):
            skipped.append(day)
    return day, skipped


def _add_months(start: dt.date, months: int) -> dt.date:
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def _days(days: Iterable[dt.date]) -> str:
    """Runs of consecutive dates as 2026年2月15日至2月23日, joined with 、."""
    runs: list[tuple[dt.date, dt.date]] = []
    for day in sorted(days):
        if runs and day - runs[-1][1] == dt.timedelta(days=1):
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    parts = []
    for first, last in runs:
        if first == last:
            parts.append(format_cn_date(first))
        else:
            parts.append(f"{format_cn_date(first)}至{last.month}月{last.day}日")
    return "、".join(parts)


def explain(text: str, start: dt.date, table: CalendarTable | None = None) -> Counted | None:
    """The deadline a period text gives when counted from *start*, or None without a period."""
    period = parse_period(text)
    return None if period is None else count(period, start, table)
