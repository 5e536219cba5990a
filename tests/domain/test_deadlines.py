"""Deadline texts as clerks write them, read into dates, kinds and warnings."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rectdesk.domain.deadlines import format_cn_date, parse_deadline, parse_iso
from rectdesk.domain.model import Deadline, DeadlineKind

D = dt.date
CN_NUMERALS = "〇一二三四五六七八九"
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")

dates = st.dates(min_value=D(1990, 1, 1), max_value=D(2099, 12, 31))
years = st.integers(1990, 2098)
months = st.integers(1, 12)


def month_end(year: int, month: int) -> dt.date:
    """Worked out independently of the code under test: the day before the next month."""
    first_of_next = D(year + month // 12, month % 12 + 1, 1)
    return first_of_next - dt.timedelta(days=1)


def cn_number(n: int) -> str:
    """How a clerk writes 1–31 in Chinese numerals: 一, 十, 十一, 二十, 三十一."""
    tens, ones = divmod(n, 10)
    if tens == 0:
        return CN_NUMERALS[ones]
    return ("" if tens == 1 else CN_NUMERALS[tens]) + "十" + (CN_NUMERALS[ones] if ones else "")


def assert_plain_date(deadline: Deadline, expected: dt.date) -> None:
    assert (deadline.date, deadline.kind, deadline.ongoing, deadline.warning) == (
        expected,
        DeadlineKind.DATE,
        False,
        "",
    )


# --- Dates with their year written ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023年11月30日", D(2023, 11, 30)),
        ("2023年11月30号", D(2023, 11, 30)),
        ("2023年11月30日前", D(2023, 11, 30)),
        ("2023年11月30日之前完成", D(2023, 11, 30)),
        ("2023.11.30", D(2023, 11, 30)),
        ("2023/11/30", D(2023, 11, 30)),
        ("2023-11-30", D(2023, 11, 30)),
        ("2023.1.5", D(2023, 1, 5)),
        ("2023-11-30 00:00:00", D(2023, 11, 30)),
        ("2023.11", D(2023, 11, 30)),
        ("2023-02", D(2023, 2, 28)),
        ("2023年11月", D(2023, 11, 30)),
        ("2023年11月份", D(2023, 11, 30)),
        ("2023年12月底", D(2023, 12, 31)),
        ("2023年12月底前", D(2023, 12, 31)),
        ("2023年12月末", D(2023, 12, 31)),
        ("2023年6月底以前", D(2023, 6, 30)),
        ("2024年2月底", D(2024, 2, 29)),
        ("2023年2月底", D(2023, 2, 28)),
        ("2024年2月29日", D(2024, 2, 29)),
        ("2023年年底前", D(2023, 12, 31)),
        ("2023年底", D(2023, 12, 31)),
        ("2023年底前", D(2023, 12, 31)),
        ("2023年年底", D(2023, 12, 31)),
        ("2022年年底前", D(2022, 12, 31)),
        ("2023年末", D(2023, 12, 31)),
        ("2023年内", D(2023, 12, 31)),
        ("2023年度内完成", D(2023, 12, 31)),
        ("2021年下半年前", D(2021, 12, 31)),
        ("2021年下半年", D(2021, 12, 31)),
        ("2021年上半年", D(2021, 6, 30)),
        ("2021年第三季度", D(2021, 9, 30)),
        ("2021年三季度末", D(2021, 9, 30)),
        ("2021年第一季度", D(2021, 3, 31)),
        ("2021年第4季度前完成", D(2021, 12, 31)),
        ("2023年十一月三十日", D(2023, 11, 30)),
        ("2023年十二月底", D(2023, 12, 31)),
        ("二〇二三年十二月三十一日", D(2023, 12, 31)),
        ("2023年6月上旬", D(2023, 6, 10)),
        ("2023年6月中旬", D(2023, 6, 20)),
        ("2023年6月下旬", D(2023, 6, 30)),
        ("2023年6月中", D(2023, 6, 15)),
        ("截至2023年11月30日", D(2023, 11, 30)),
    ],
)
def test_dates_with_a_year(text: str, expected: dt.date) -> None:
    deadline = parse_deadline(text)
    assert deadline.text == text
    assert_plain_date(deadline, expected)


@pytest.mark.parametrize("context", [None, 2019, 2030])
def test_a_written_year_wins_over_the_context_year(context: int | None) -> None:
    assert parse_deadline("2023年6月底前", year=context).date == D(2023, 6, 30)


# --- Dates without a year ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("6月底前", D(2023, 6, 30)),
        ("6月30日前", D(2023, 6, 30)),
        ("6月30号", D(2023, 6, 30)),
        ("11月底", D(2023, 11, 30)),
        ("6月", D(2023, 6, 30)),
        ("年底前", D(2023, 12, 31)),
        ("年内", D(2023, 12, 31)),
        ("十二月底", D(2023, 12, 31)),
        ("十一月三十日前", D(2023, 11, 30)),
        ("一季度", D(2023, 3, 31)),
        ("第二季度末", D(2023, 6, 30)),
        ("下半年", D(2023, 12, 31)),
        ("今年底前", D(2023, 12, 31)),
        ("本年度内", D(2023, 12, 31)),
        ("明年6月底", D(2024, 6, 30)),
        ("次年一季度", D(2024, 3, 31)),
    ],
)
def test_yearless_forms_take_the_context_year(text: str, expected: dt.date) -> None:
    assert_plain_date(parse_deadline(text, year=2023), expected)


@pytest.mark.parametrize(
    "text", ["6月底前", "6月30日前", "11月底", "年底前", "6月", "十二月底", "一季度", "明年6月底"]
)
def test_yearless_forms_without_a_context_year_ask_for_one(text: str) -> None:
    deadline = parse_deadline(text)
    assert deadline.date is None
    assert deadline.kind is DeadlineKind.DATE
    assert deadline.warning == f"时限“{text}”未写年份，请补充年份"


def test_a_year_written_once_carries_to_later_dates_in_the_text() -> None:
    deadline = parse_deadline("2022年6月底前完成排查，12月底前完成整改", year=2030)
    assert deadline.date == D(2022, 12, 31)


def test_a_later_year_does_not_reach_back_to_an_earlier_yearless_date() -> None:
    deadline = parse_deadline("6月底前完成排查，2023年底前完成整改")
    assert deadline.date is None
    assert "未写年份" in deadline.warning


# --- Five-year plans -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "plan"),
    [
        ("“十四五”末", D(2025, 12, 31), "十四五"),
        ('"十四五"末', D(2025, 12, 31), "十四五"),
        ("十四五期间", D(2025, 12, 31), "十四五"),
        ("“十四五”规划期内", D(2025, 12, 31), "十四五"),
        ("十五五期间", D(2030, 12, 31), "十五五"),
        ("“十三五”末", D(2020, 12, 31), "十三五"),
    ],
)
def test_five_year_plans_end_on_their_last_day(text: str, expected: dt.date, plan: str) -> None:
    deadline = parse_deadline(text)
    assert (deadline.date, deadline.kind) == (expected, DeadlineKind.DATE)
    assert deadline.warning == f"按“{plan}”末推定为{format_cn_date(expected)}"


# --- Immediate and ongoing -----------------------------------------------------------------------


@pytest.mark.parametrize("text", ["立行立改", "立即整改", "即知即改", "马上就改", "立查立改"])
def test_immediate(text: str) -> None:
    assert parse_deadline(text) == Deadline(text, None, DeadlineKind.IMMEDIATE)


def test_immediate_keeps_a_date_written_beside_it() -> None:
    deadline = parse_deadline("立行立改，2023年6月底前完成")
    assert (deadline.date, deadline.kind, deadline.warning) == (
        D(2023, 6, 30),
        DeadlineKind.IMMEDIATE,
        "",
    )


@pytest.mark.parametrize(
    "text", ["长期坚持", "长期", "持续推进", "持续整改", "常态化", "常态化开展", "每季度检查"]
)
def test_ongoing(text: str) -> None:
    assert parse_deadline(text, year=2023) == Deadline(text, None, DeadlineKind.ONGOING, True)


@pytest.mark.parametrize(
    "text", ["2024年底前，并长期坚持", "2024年12月31日前完成并长期坚持", "2024年底前完成，持续推进"]
)
def test_a_date_that_is_then_kept_up(text: str) -> None:
    assert parse_deadline(text) == Deadline(text, D(2024, 12, 31), DeadlineKind.DATE, True)


def test_immediate_and_ongoing_together() -> None:
    deadline = parse_deadline("立行立改并长期坚持")
    assert (deadline.kind, deadline.ongoing, deadline.date) == (DeadlineKind.IMMEDIATE, True, None)


# --- Several dates -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "latest"),
    [
        ("2023年6月30日前完成调查，2023年12月31日前全部完成", D(2023, 12, 31)),
        ("2023年12月31日前全部完成，2023年6月30日前完成调查", D(2023, 12, 31)),
        ("2023.6.30\n2023.12.31", D(2023, 12, 31)),
        ("2023.6-2023.12", D(2023, 12, 31)),
        ("2023年6月底前完成排查，2024年底前完成整改", D(2024, 12, 31)),
    ],
)
def test_several_dates_take_the_latest_and_say_so(text: str, latest: dt.date) -> None:
    deadline = parse_deadline(text)
    assert (deadline.date, deadline.kind) == (latest, DeadlineKind.DATE)
    assert "含多个日期" in deadline.warning
    assert format_cn_date(latest) in deadline.warning


def test_the_same_date_written_twice_is_one_date() -> None:
    assert_plain_date(parse_deadline("2023年12月31日（2023年底前）"), D(2023, 12, 31))


def test_one_unreadable_milestone_leaves_the_date_open() -> None:
    # The bad one might have been the latest, so no date is given rather than a wrong one.
    deadline = parse_deadline("2023年2月30日前完成调查，2023年6月30日前全部完成")
    assert deadline.date is None
    assert "不存在" in deadline.warning


# --- Nothing, or nothing readable ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text", [None, "", "   ", "\u3000", "\n", "无", "/", "／", "—", "——", "-", "暂无", "无。"]
)
def test_no_deadline(text: str | None) -> None:
    assert parse_deadline(text, year=2023) == Deadline((text or "").strip())


@pytest.mark.parametrize("text", ["按要求完成", "尽快", "待定", "第三批", "abc"])
def test_unrecognised_text_asks_for_a_date(text: str) -> None:
    deadline = parse_deadline(text, year=2023)
    assert (deadline.date, deadline.kind) == (None, DeadlineKind.NONE)
    assert deadline.warning == f"无法识别的时限“{text}”，请手工填写日期"


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("2023年2月30日", "不存在"),
        ("2023年2月29日", "不存在"),
        ("2023年13月", "不存在"),
        ("2023.11.31", "不存在"),
        ("2023年0月1日", "不存在"),
        ("23年12月底", "两位"),
        ("23年底前", "两位"),
        ("23.12.31", "两位"),
        ("23/6/30", "两位"),
        ("1023年5月", "似乎有误"),
        ("3个月内", "相对期限"),
        ("30个工作日内", "相对期限"),
        ("15日内", "相对期限"),
        ("半年内", "相对期限"),
    ],
)
def test_dates_that_cannot_be_given_warn(text: str, hint: str) -> None:
    deadline = parse_deadline(text, year=2023)
    assert (deadline.date, deadline.kind) == (None, DeadlineKind.DATE)
    assert hint in deadline.warning
    assert f"“{text}”" in deadline.warning


@pytest.mark.parametrize(
    ("text", "expected", "hint"),
    [
        ("2023年", D(2023, 12, 31), "只写了年份"),
        ("2023.1", D(2023, 1, 31), "2023.10"),
    ],
)
def test_guesses_are_made_but_flagged(text: str, expected: dt.date, hint: str) -> None:
    deadline = parse_deadline(text)
    assert deadline.date == expected
    assert hint in deadline.warning


def test_a_long_text_is_shortened_in_the_warning() -> None:
    text = "请各单位按照文件要求" * 10
    warning = parse_deadline(text).warning
    assert warning.startswith("无法识别的时限“") and "…”" in warning
    assert len(warning) < len(text)


# --- Layout: full-width characters, spaces, line breaks ------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("２０２３年１１月３０日", D(2023, 11, 30)),
        ("２０２３．１１．３０", D(2023, 11, 30)),
        ("２０２３／１１／３０", D(2023, 11, 30)),
        ("2023 年 11 月 30 日", D(2023, 11, 30)),
        ("2023年\n11月30日", D(2023, 11, 30)),
        ("2023年\u300011月30日", D(2023, 11, 30)),
        ("\u30002023年11月30日前\n", D(2023, 11, 30)),
        ("2023\u200b年11月30日", D(2023, 11, 30)),
    ],
)
def test_layout_does_not_matter(text: str, expected: dt.date) -> None:
    deadline = parse_deadline(text)
    assert deadline.text == text.strip()
    assert_plain_date(deadline, expected)


# --- Excel date cells ----------------------------------------------------------------------------


@pytest.mark.parametrize("value", [D(2023, 11, 30), dt.datetime(2023, 11, 30, 0, 0)])
def test_an_excel_date_without_text(value: dt.date) -> None:
    assert parse_deadline(None, excel_date=value) == Deadline(
        "2023-11-30", D(2023, 11, 30), DeadlineKind.DATE
    )


def test_an_excel_date_keeps_the_text_shown() -> None:
    deadline = parse_deadline("2023/11/30", excel_date=D(2023, 11, 30))
    assert deadline == Deadline("2023/11/30", D(2023, 11, 30), DeadlineKind.DATE)


def test_an_excel_date_that_disagrees_with_its_text_wins_but_warns() -> None:
    deadline = parse_deadline("2023年12月底前", excel_date=D(2023, 11, 30))
    assert deadline.date == D(2023, 11, 30)
    assert "不一致" in deadline.warning


def test_an_excel_date_with_immediate_or_ongoing_text() -> None:
    immediate = parse_deadline("立行立改", excel_date=D(2023, 11, 30))
    ongoing = parse_deadline("长期坚持", excel_date=D(2023, 11, 30))
    assert (immediate.kind, immediate.date) == (DeadlineKind.IMMEDIATE, D(2023, 11, 30))
    assert (ongoing.kind, ongoing.ongoing) == (DeadlineKind.DATE, True)


def test_an_excel_date_from_an_empty_cell_serial_warns() -> None:
    # Serial 0 or 1 shows as 1899/1900 when the cell was empty or mistyped.
    deadline = parse_deadline("", excel_date=D(1900, 1, 1))
    assert deadline.date == D(1900, 1, 1)
    assert "似乎有误" in deadline.warning


def test_the_context_year_is_not_used_for_excel_dates() -> None:
    assert parse_deadline("", year=2030, excel_date=D(2023, 1, 2)).date == D(2023, 1, 2)


# --- Helpers -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (D(2023, 11, 30), "2023年11月30日"),
        (D(2024, 1, 5), "2024年1月5日"),
        (D(2025, 12, 31), "2025年12月31日"),
    ],
)
def test_format_cn_date(day: dt.date, text: str) -> None:
    assert format_cn_date(day) == text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-11-30", D(2023, 11, 30)),
        (" 2023-11-30 ", D(2023, 11, 30)),
        ("2023-11-30T08:00:00", D(2023, 11, 30)),
        ("2023-11-30 08:00:00", D(2023, 11, 30)),
        ("2023-02-30", None),
        ("2023/11/30", None),
        ("2023-1-5", None),
        ("30-11-2023", None),
        ("2023年11月30日", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_iso(value: str | None, expected: dt.date | None) -> None:
    assert parse_iso(value) == expected


# --- Properties ----------------------------------------------------------------------------------

# Characters the rules care about, so generated texts often come close to real deadlines.
DEADLINE_ALPHABET = (
    "0123456789０２年月日号底末前内上下中旬半季度第"
    "十一二三四五六七八九〇两.-/ \u3000\n今明“”个天长期立即"
)


def check_invariants(deadline: Deadline, text: str | None) -> None:
    assert deadline.text == (text or "").strip()
    if deadline.kind is DeadlineKind.ONGOING:
        assert deadline.ongoing and deadline.date is None
    if deadline.kind is DeadlineKind.NONE:
        assert deadline.date is None and not deadline.ongoing
    if deadline.date is not None:
        assert deadline.kind in (DeadlineKind.DATE, DeadlineKind.IMMEDIATE)


@settings(max_examples=300, deadline=None)
@given(
    text=st.one_of(st.none(), st.text(), st.text(alphabet=DEADLINE_ALPHABET)),
    year=st.one_of(st.none(), st.integers(), years),
)
def test_never_raises_and_keeps_the_text(text: str | None, year: int | None) -> None:
    check_invariants(parse_deadline(text, year=year), text)


@given(dates)
def test_iso_round_trip(day: dt.date) -> None:
    assert parse_iso(day.isoformat()) == day
    assert_plain_date(parse_deadline(day.isoformat()), day)


@given(dates)
def test_official_form_round_trip(day: dt.date) -> None:
    assert_plain_date(parse_deadline(format_cn_date(day)), day)


@given(dates, st.sampled_from("./"))
def test_dotted_and_slashed_forms(day: dt.date, sep: str) -> None:
    text = sep.join(str(part) for part in (day.year, day.month, day.day))
    assert_plain_date(parse_deadline(text), day)


@given(years, months, st.sampled_from(["月", "月底", "月底前", "月末"]))
def test_a_month_means_its_last_day(year: int, month: int, suffix: str) -> None:
    assert_plain_date(parse_deadline(f"{year}年{month}{suffix}"), month_end(year, month))


@given(years, months)
def test_chinese_numeral_months(year: int, month: int) -> None:
    text = f"{cn_number(month)}月底前"
    assert_plain_date(parse_deadline(text, year=year), month_end(year, month))


@given(dates)
def test_chinese_numeral_days(day: dt.date) -> None:
    text = f"{day.year}年{cn_number(day.month)}月{cn_number(day.day)}日"
    assert parse_deadline(text).date == day


@given(dates, years)
def test_a_written_year_is_never_replaced(day: dt.date, context: int) -> None:
    assert parse_deadline(format_cn_date(day), year=context).date == day


@given(dates)
def test_full_width_digits_read_the_same(day: dt.date) -> None:
    assert parse_deadline(format_cn_date(day).translate(FULL_WIDTH)).date == day


@given(months, st.one_of(st.none(), years))
def test_yearless_dates_never_fall_back_to_another_year(month: int, year: int | None) -> None:
    deadline = parse_deadline(f"{month}月底前", year=year)
    if year is None:
        assert deadline.date is None and "未写年份" in deadline.warning
    else:
        assert deadline.date == month_end(year, month)


@given(dates)
def test_excel_dates_round_trip(day: dt.date) -> None:
    assert parse_deadline(None, excel_date=day) == Deadline(day.isoformat(), day, DeadlineKind.DATE)
