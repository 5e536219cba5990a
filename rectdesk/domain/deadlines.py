"""Read deadline texts (“2023年12月底前”, “立行立改”, “长期坚持”…) into a Deadline."""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from rectdesk.domain import deadline_notes as notes
from rectdesk.domain.deadline_notes import joined, note
from rectdesk.domain.model import Deadline, DeadlineKind

__all__ = ["format_cn_date", "parse_deadline", "parse_iso"]

#: Years a ledger deadline can plausibly name; anything else is a typo such as 1023 or 2203.
PLAUSIBLE_YEARS = range(1990, 2100)

_CN_DIGITS: dict[str, int] = {
    "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip

# Chinese numerals are rewritten only before a unit, so plan names such as “十四五” stay words;
# 每一季度 / 同一日 are counting words, not quarter or day numbers.
_CN_NUMBER = re.compile(
    r"(?<![每逐同])[〇零一二两三四五六七八九十]+(?=个|月|日|号|季|天|周|年|星期|工作日)"
)
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
_SPACES = re.compile(r"\s+")
# A space only separates two numbers (“2023.6.30 2023.12.31”); elsewhere it is layout.
_LONE_SPACE = re.compile(r"(?<![0-9]) | (?![0-9])")

_IMMEDIATE = re.compile(r"立行立改|立查立改|即知即改|即查即改|边查边改|马上就改|马上办|立即|即时")
# Recurring duties (每年, 每一季度) are kept up like 长期坚持.
_ONGOING = re.compile(r"长期|持续|常态化|长效|久久为功|常抓不懈|定期|每一?(?:年|半年|季|月)")

_BLANK_WORDS = frozenset(
    {"", "无", "暂无", "无时限", "无期限", "不适用", "na", "n/a", "none", "null"}
)
_PUNCTUATION = "-—–―_/\\.·、，,。;；:：~…()[]【】*"

#: Which year a relative year word means, counted from the document's year.
_RELATIVE_YEARS: dict[str, int] = {"今": 0, "本": 0, "当": 0, "明": 1, "次": 1, "来": 1, "翌": 1}

#: Day of the month meant by a part of the month; the rest (底, 末, 下旬…) mean its last day.
_PART_DAYS: dict[str, int] = {"上旬": 10, "中旬": 20, "中": 15}


@dataclass(slots=True)
class _Scan:
    """What the rules need while reading one text."""

    quoted: str
    year: int | None
    # A date written without a year that would fall before this one means the next year.
    not_before: dt.date | None = None
    # Officialese writes the year once: “2023年6月底前…，12月底前…” means 2023 both times.
    last_year: int | None = None


@dataclass(frozen=True, slots=True)
class _Found:
    """One date mention: its date, or a problem when there is no date."""

    date: dt.date | None
    note: str = ""
    year: int | None = None


_Reader = Callable[[re.Match[str], _Scan], _Found]


def format_cn_date(d: dt.date) -> str:
    """The official full form, e.g. 2023年11月30日."""
    return f"{d.year}年{d.month}月{d.day}日"


def parse_iso(s: str | None) -> dt.date | None:
    """A date from ``2023-11-30`` (a time part is allowed and ignored), else None."""
    match = re.fullmatch(r"([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[T ].*)?", (s or "").strip())
    if match is None:
        return None
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def parse_deadline(
    text: str | None,
    *,
    year: int | None = None,
    excel_date: dt.date | dt.datetime | None = None,
    not_before: dt.date | None = None,
) -> Deadline:
    """What a deadline cell means; ``year`` is the document's year, never today's.

    ``not_before`` is the day the text was written (the document's date, or today for what a
    clerk types): a month and day written without a year that would fall before it mean the
    next time that day comes (a list dated 2019-10-22 saying 6月底前 means 2020-06-30), and
    the deadline then says which year it took, for the clerk to check.
    """
    raw = (text or "").strip()
    if excel_date is not None:
        return _from_excel(raw, excel_date, year)
    return _from_text(raw, year, not_before)


#: Texts up to this length are remembered (a cache of short cells stays a few MB at most).
_CACHED_CHARS = 200


def _from_text(raw: str, year: int | None, not_before: dt.date | None = None) -> Deadline:
    if len(raw) <= _CACHED_CHARS:
        return _from_text_cached(raw, year, not_before)
    return _read_text(raw, year, not_before)


@lru_cache(maxsize=4096)
def _from_text_cached(raw: str, year: int | None, not_before: dt.date | None) -> Deadline:
    # Pure and its result immutable: a ledger repeats the same few deadline texts many times.
    return _read_text(raw, year, not_before)


def _read_text(raw: str, year: int | None, not_before: dt.date | None = None) -> Deadline:
    flat = _normalise(raw)
    scan = _Scan(_quote(raw), year, not_before)
    found = _scan_dates(flat, scan)
    immediate = _IMMEDIATE.search(flat) is not None
    ongoing = _ONGOING.search(flat) is not None
    if found:
        date, warning = _settle(found, scan)
        kind = DeadlineKind.IMMEDIATE if immediate else DeadlineKind.DATE
        return Deadline(raw, date, kind, ongoing, warning)
    if immediate:
        return Deadline(raw, None, DeadlineKind.IMMEDIATE, ongoing)
    if ongoing:
        return Deadline(raw, None, DeadlineKind.ONGOING, True)
    if flat.strip(_PUNCTUATION).lower() in _BLANK_WORDS:
        return Deadline(raw)
    return Deadline(raw, warning=note(notes.UNREADABLE, text=scan.quoted))


def _from_excel(raw: str, value: dt.date | dt.datetime, year: int | None) -> Deadline:
    # The cell's own date is authoritative; the text only adds 立行立改 / 长期坚持.
    day = value.date() if isinstance(value, dt.datetime) else value
    said = _from_text(raw, year) if raw else Deadline()
    warnings = []
    if day.year not in PLAUSIBLE_YEARS:
        warnings.append(note(notes.CELL_DATE_ODD, date=format_cn_date(day)))
    if said.date is not None and said.date != day:
        warnings.append(note(notes.CELL_DATE_DIFFERS, date=format_cn_date(day), text=_quote(raw)))
    kind = DeadlineKind.IMMEDIATE if said.kind is DeadlineKind.IMMEDIATE else DeadlineKind.DATE
    return Deadline(raw or day.isoformat(), day, kind, said.ongoing, joined(warnings))


def _normalise(raw: str) -> str:
    """One spelling for the rules: ASCII digits and punctuation, no layout spaces."""
    flat = unicodedata.normalize("NFKC", raw).translate(_INVISIBLE)  # ２０２３ → 2023, 　 → space
    flat = _LONE_SPACE.sub("", _SPACES.sub(" ", flat))
    return _CN_NUMBER.sub(_arabic, flat)


def _arabic(match: re.Match[str]) -> str:
    """十二 → 12, 三十一 → 31, 二〇二三 → 2023; anything else is left as written."""
    run = match.group()
    if "十" not in run:
        return "".join(str(_CN_DIGITS[char]) for char in run)
    tens, _, ones = run.partition("十")
    if len(tens) > 1 or len(ones) > 1 or ones == "十":
        return run
    return str(_CN_DIGITS.get(tens, 1) * 10 + _CN_DIGITS.get(ones, 0))


def _quote(raw: str) -> str:
    shown = " ".join(raw.split())
    return f"“{shown[:40]}…”" if len(shown) > 40 else f"“{shown}”"


def _scan_dates(flat: str, scan: _Scan) -> list[_Found]:
    """Every date mention, left to right; at each place the first rule that fits wins."""
    found: list[_Found] = []
    pos = 0
    while pos < len(flat):
        hit = next(((m, read) for rule, read in _RULES if (m := rule.match(flat, pos))), None)
        if hit is None:
            pos += 1  # 前, 完成, punctuation: words around the dates
            continue
        match, read = hit
        item = read(match, scan)
        if item.year is not None:
            scan.last_year = item.year
        found.append(item)
        pos = max(match.end(), pos + 1)
    return found


def _settle(found: list[_Found], scan: _Scan) -> tuple[dt.date | None, str]:
    """The latest date (milestones end with the final one) and the warnings."""
    said = list(dict.fromkeys(item.note for item in found if item.note))
    dates = sorted({item.date for item in found if item.date is not None})
    # One unreadable mention might be the latest, so no date is safer than a guessed one.
    if any(item.date is None for item in found):
        return None, joined(said)
    if len(dates) > 1:
        said.append(note(notes.SEVERAL_DATES, text=scan.quoted, date=format_cn_date(dates[-1])))
    return dates[-1], joined(said)


# Readers: one per rule, each turning a match into a date or a problem.


def _year_of(match: re.Match[str], scan: _Scan) -> int | None:
    groups = match.groupdict()
    if groups.get("y"):
        return int(groups["y"])
    if groups.get("rel"):
        offset = _RELATIVE_YEARS[groups["rel"][0]]
        return None if scan.year is None else scan.year + offset
    return scan.last_year if scan.last_year is not None else scan.year


def _written_year(match: re.Match[str], scan: _Scan) -> bool:
    """Whether the mention, or an earlier one in the same text, names its year."""
    groups = match.groupdict()
    return bool(groups.get("y") or groups.get("rel")) or scan.last_year is not None


def _calendar(match: re.Match[str], scan: _Scan, month: int, day: int | None) -> _Found:
    """The date in the year the text names or implies; ``day=None`` is the month's last day."""
    if scan.not_before is not None and not _written_year(match, scan):
        return _next_occurrence(scan, month, day)
    year = _year_of(match, scan)
    if year is None:
        return _Found(None, note(notes.NO_YEAR, text=scan.quoted))
    if year not in PLAUSIBLE_YEARS:
        return _Found(None, note(notes.ODD_YEAR, text=scan.quoted, year=year))
    last = calendar.monthrange(year, month)[1] if 1 <= month <= 12 else 0
    if not last or (day is not None and not 1 <= day <= last):
        written = f"{year}年{month}月" + ("" if day is None else f"{day}日")
        return _Found(None, note(notes.NO_SUCH_DATE, text=scan.quoted, written=written), year)
    return _Found(dt.date(year, month, last if day is None else day), year=year)


def _next_occurrence(scan: _Scan, month: int, day: int | None) -> _Found:
    """A year-less month/day: the first time it comes on or after ``scan.not_before``."""
    start = scan.not_before
    assert start is not None
    year = max(scan.year or start.year, start.year)
    for candidate in (year, year + 1):
        last = calendar.monthrange(candidate, month)[1] if 1 <= month <= 12 else 0
        if not last or (day is not None and not 1 <= day <= last):
            if day == 29 and month == 2 and candidate == year:
                continue  # 2月29日 in a common year: the next leap day is too far to guess
            written = f"{month}月" + ("" if day is None else f"{day}日")
            return _Found(None, note(notes.NO_SUCH_DATE, text=scan.quoted, written=written))
        date = dt.date(candidate, month, last if day is None else day)
        if date >= start:
            said = note(notes.YEAR_GUESSED, text=scan.quoted, date=format_cn_date(date))
            # No year is remembered: a later year-less mention is placed on its own.
            return _Found(date, said)
    return _Found(None, note(notes.NO_YEAR, text=scan.quoted))


def _read_day(match: re.Match[str], scan: _Scan) -> _Found:
    return _calendar(match, scan, int(match["m"]), int(match["d"]))


def _read_month(match: re.Match[str], scan: _Scan) -> _Found:
    return _calendar(match, scan, int(match["m"]), _PART_DAYS.get(match["part"] or ""))


def _read_dotted_month(match: re.Match[str], scan: _Scan) -> _Found:
    found = _calendar(match, scan, int(match["m"]), None)
    # Excel stores a typed 2023.10 as the number 2023.1, which then reads as January.
    if match["s"] == "." and match["m"] == "1" and found.date is not None:
        said = note(notes.STORED_AS_NUMBER, text=scan.quoted, year=match["y"])
        return replace(found, note=said)
    return found


def _read_half(match: re.Match[str], scan: _Scan) -> _Found:
    return _calendar(match, scan, 6 if match["h"] == "上" else 12, None)


def _read_quarter(match: re.Match[str], scan: _Scan) -> _Found:
    return _calendar(match, scan, 3 * int(match["q"]), None)


def _read_year_end(match: re.Match[str], scan: _Scan) -> _Found:
    return _calendar(match, scan, 12, 31)


def _read_bare_year(match: re.Match[str], scan: _Scan) -> _Found:
    found = _calendar(match, scan, 12, 31)
    if found.date is None:
        return found
    said = note(notes.YEAR_ONLY, text=scan.quoted, date=format_cn_date(found.date))
    return replace(found, note=said)


def _read_plan(match: re.Match[str], scan: _Scan) -> _Found:
    # The Nth five-year plan ends in 1955 + 5N: 十四五 = 2021–2025, 十五五 = 2026–2030.
    plan = f"“十{match['n']}五”"
    end = dt.date(1955 + 5 * (10 + _CN_DIGITS[match["n"]]), 12, 31)
    return _Found(end, note(notes.PLAN_END, plan=plan, date=format_cn_date(end)))


def _read_relative(match: re.Match[str], scan: _Scan) -> _Found:
    return _Found(None, note(notes.RELATIVE, text=scan.quoted))


def _read_short_year(match: re.Match[str], scan: _Scan) -> _Found:
    # 23 could be 2023 or 1923 to a machine; the clerk knows, so ask rather than guess.
    return _Found(None, note(notes.SHORT_YEAR, text=scan.quoted))


_YEAR = r"(?:(?<![0-9])(?P<y>[0-9]{4})年度?|(?P<rel>今年|本年|当年|明年|次年|来年|翌年)度?)"
_MONTH = r"(?<![0-9])(?P<m>[0-9]{1,2})"
_SEP_DATE = r"(?<![0-9])(?P<y>[0-9]{4})(?P<s>[./-])(?P<m>[0-9]{1,2})"

#: Ordered: at one place the first pattern that fits wins, so longer forms come first.
_RULES: tuple[tuple[re.Pattern[str], _Reader], ...] = tuple(
    (re.compile(pattern), read)
    for pattern, read in (
        (_YEAR + "?" + _MONTH + r"月(?P<d>[0-9]{1,2})(?![0-9])", _read_day),  # 2023年11月30日
        (_SEP_DATE + r"(?P=s)(?P<d>[0-9]{1,2})(?![0-9])", _read_day),  # 2023.11.30, 2023/11/30
        (_SEP_DATE + r"(?![0-9])(?!(?P=s)[0-9])", _read_dotted_month),  # 2023.11, 2023-11
        (_YEAR + "?" + _MONTH + r"月份?(?P<part>上旬|中旬|下旬|中|底|末|内)?", _read_month),
        (_YEAR + r"?(?P<h>[上下])半年", _read_half),  # 2021年下半年
        (_YEAR + r"?第?(?<![0-9])(?P<q>[1-4])季", _read_quarter),  # 2021年第三季度, 一季度
        (_YEAR + r"年?(?:底|末|终|内)", _read_year_end),  # 2023年年底, 2023年底, 今年内
        (r"年(?:底|末|终|内)", _read_year_end),  # 年底前: the document's year
        (r"十(?P<n>[一二三四五六七八九])五", _read_plan),  # “十四五”末, 十四五期间
        (r"(?:(?<![0-9])[0-9]{1,3}个?(?:工作日|日|天|周|星期|月|年)|半个?[月年])(?:以内|之内|内)",
         _read_relative),  # 3个月内, 半年内
        (r"(?<![0-9])[0-9]{2}(?:年|(?P<s>[./-])[0-9]{1,2}(?P=s)[0-9]{1,2}(?![0-9]))"
         r"[0-9上下中第半年度季月份日号底末内终旬]*", _read_short_year),  # 23年底, 23.12.31
        (_YEAR, _read_bare_year),  # 2023年: taken as its last day, with a warning
    )
)  # fmt: skip
