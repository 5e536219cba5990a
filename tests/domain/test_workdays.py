"""Working-day clocks, checked against the State Council's published arrangements 2024–2026."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rectdesk.domain.workdays import CalendarTable, PeriodUnit, count, explain, parse_period

D = dt.date

#: Written from the State Council notices (国办发明电), not from the package under test:
#: (holidays, working weekend days) of each year's major breaks.
PUBLISHED = {
    2024: (
        [D(2024, 1, 1), *[D(2024, 2, d) for d in range(10, 18)], D(2024, 4, 4), D(2024, 4, 5),
         D(2024, 4, 6), *[D(2024, 5, d) for d in range(1, 6)], D(2024, 6, 10), D(2024, 9, 15),
         D(2024, 9, 16), D(2024, 9, 17), *[D(2024, 10, d) for d in range(1, 8)]],
        [D(2024, 2, 4), D(2024, 2, 18), D(2024, 4, 7), D(2024, 4, 28), D(2024, 5, 11),
         D(2024, 9, 14), D(2024, 9, 29), D(2024, 10, 12)],
    ),
    2025: (
        [D(2025, 1, 1), D(2025, 1, 28), D(2025, 1, 29), D(2025, 1, 30), D(2025, 1, 31),
         *[D(2025, 2, d) for d in range(1, 5)], D(2025, 4, 4), D(2025, 4, 5), D(2025, 4, 6),
         *[D(2025, 5, d) for d in range(1, 6)], D(2025, 5, 31), D(2025, 6, 1), D(2025, 6, 2),
         *[D(2025, 10, d) for d in range(1, 9)]],
        [D(2025, 1, 26), D(2025, 2, 8), D(2025, 4, 27), D(2025, 9, 28), D(2025, 10, 11)],
    ),
    2026: (
        [D(2026, 1, 1), D(2026, 1, 2), D(2026, 1, 3), *[D(2026, 2, d) for d in range(15, 24)],
         D(2026, 4, 4), D(2026, 4, 5), D(2026, 4, 6), *[D(2026, 5, d) for d in range(1, 6)],
         D(2026, 6, 19), D(2026, 6, 20), D(2026, 6, 21), D(2026, 9, 25), D(2026, 9, 26),
         D(2026, 9, 27), *[D(2026, 10, d) for d in range(1, 8)]],
        [D(2026, 1, 4), D(2026, 2, 14), D(2026, 2, 28), D(2026, 5, 9), D(2026, 9, 20),
         D(2026, 10, 10)],
    ),
}  # fmt: skip


@pytest.mark.parametrize("year", sorted(PUBLISHED))
def test_the_published_arrangements_are_known(year: int) -> None:
    table = CalendarTable()
    rest, work = PUBLISHED[year]
    assert table.knows(year)
    assert [d for d in rest if table.is_workday(d)] == []
    assert [d for d in work if not table.is_workday(d)] == []


@pytest.mark.parametrize(
    ("text", "start", "expected"),
    [
        # Spring Festival 2026 (2-15..2-23) is skipped; the 调休 Saturdays 2-14 and 2-28 count.
        ("收到之日起20个工作日内", D(2026, 2, 10), D(2026, 3, 16)),
        # National Day 2025 (10-1..10-8), the 10-11 Saturday counts.
        ("交办之日起10个工作日内", D(2025, 9, 29), D(2025, 10, 20)),
        ("自收到之日起十五个工作日内办结", D(2024, 4, 30), D(2024, 5, 23)),
        # Months: the same-numbered day, moved past a rest day (10-1 is National Day).
        ("会办单位1个月内提出会办意见", D(2026, 9, 1), D(2026, 10, 8)),
        ("交办之日起3个月内办复", D(2026, 3, 31), D(2026, 6, 30)),
        ("交办之日起3个月内办复", D(2025, 11, 30), D(2026, 2, 28)),  # a 调休 working Saturday
        ("1个月内", D(2026, 1, 31), D(2026, 2, 28)),  # no 2-31: the month's last day
        ("三十日内", D(2026, 4, 30), D(2026, 6, 1)),  # 5-30 is a Saturday
    ],
)
def test_periods_are_counted_as_the_civil_code_says(
    text: str, start: dt.date, expected: dt.date
) -> None:
    counted = explain(text, start)
    assert counted is not None
    assert counted.date == expected, counted.explanation
    assert counted.explanation.endswith(f"{expected.year}年{expected.month}月{expected.day}日。")


def test_a_year_nobody_entered_is_estimated_and_said() -> None:
    counted = explain("收到之日起20个工作日内", D(2027, 1, 20))
    assert counted is not None and counted.missing_years == (2027,)
    assert "2027年的法定节假日安排尚未录入" in counted.explanation
    entered = CalendarTable({2027: (frozenset({D(2027, 2, 8)}), frozenset())})
    again = explain("收到之日起20个工作日内", D(2027, 1, 20), entered)
    assert again is not None and again.missing_years == ()
    assert again.date == counted.date + dt.timedelta(days=1)  # one more rest day to skip


def test_an_entered_year_replaces_the_published_one() -> None:
    fixed = CalendarTable({2026: (frozenset(), frozenset())})  # a correction: no holidays
    assert fixed.is_workday(D(2026, 10, 8)) and not fixed.is_workday(D(2026, 2, 14))


@pytest.mark.parametrize(
    ("text", "amount", "unit"),
    [
        ("收到之日起20个工作日内", 20, PeriodUnit.WORKDAYS),
        ("交办之日起3个月内办复", 3, PeriodUnit.MONTHS),
        ("两个月内", 2, PeriodUnit.MONTHS),
        ("十二个工作日以内", 12, PeriodUnit.WORKDAYS),
        ("30天内", 30, PeriodUnit.DAYS),
    ],
)
def test_period_forms(text: str, amount: int, unit: PeriodUnit) -> None:
    period = parse_period(text)
    assert period is not None and (period.amount, period.unit) == (amount, unit)


def test_texts_without_a_period_are_not_guessed() -> None:
    assert parse_period("2026年6月底前") is None
    assert parse_period("长期坚持") is None


@given(st.dates(D(2024, 1, 1), D(2026, 10, 31)), st.integers(1, 60))
def test_workday_counts_land_on_a_working_day_after_the_start(start: dt.date, n: int) -> None:
    counted = count(parse_period(f"{n}个工作日内"), start)  # type: ignore[arg-type]
    table = CalendarTable()
    assert counted.date > start and table.is_workday(counted.date)
    days = (counted.date - start).days
    between = [start + dt.timedelta(days=i) for i in range(1, days + 1)]
    assert sum(table.is_workday(d) for d in between) == n
