"""What reading a deadline text noticed (未写年份, 日期不存在…), in the interface language.

A deadline's warning is kept in the ledger as Chinese sentences joined with “；”, made from the
templates below; the command line, the reports and the exports show it as it is. The window
shows it through :func:`shown`, which recognises each sentence by its template, takes its
values back out and says it in the interface language. A sentence that fits no template (one
written by an older version, or typed elsewhere) is shown unchanged.
"""

from __future__ import annotations

import re
from functools import cache

from rectdesk.domain.errors import CONTEXT, QT_TRANSLATE_NOOP, localized, translated

UNREADABLE = QT_TRANSLATE_NOOP("Errors", "无法识别的时限{text}，请手工填写日期")
CELL_DATE_ODD = QT_TRANSLATE_NOOP("Errors", "表格日期{date}似乎有误，请核对")
CELL_DATE_DIFFERS = QT_TRANSLATE_NOOP("Errors", "表格日期{date}与文字{text}不一致，已按表格日期")
SEVERAL_DATES = QT_TRANSLATE_NOOP("Errors", "时限{text}含多个日期，已取最晚的{date}")
NO_YEAR = QT_TRANSLATE_NOOP("Errors", "时限{text}未写年份，请补充年份")
ODD_YEAR = QT_TRANSLATE_NOOP("Errors", "时限{text}中的年份{year}年似乎有误，请核对")
NO_SUCH_DATE = QT_TRANSLATE_NOOP("Errors", "时限{text}中的日期{written}不存在，请核对")
YEAR_GUESSED = QT_TRANSLATE_NOOP("Errors", "时限{text}未写年份，已按{date}理解，请核对")
YEAR_OF_BATCH = QT_TRANSLATE_NOOP("Errors", "时限{text}未写年份，已按{year}年理解，请核对")
STORED_AS_NUMBER = QT_TRANSLATE_NOOP(
    "Errors", "时限{text}可能是“{year}.10”被表格存成了数字，已按1月理解，请核对"
)
YEAR_ONLY = QT_TRANSLATE_NOOP("Errors", "时限{text}只写了年份，已按年底推定为{date}")
PLAN_END = QT_TRANSLATE_NOOP("Errors", "按{plan}末推定为{date}")
RELATIVE = QT_TRANSLATE_NOOP("Errors", "时限{text}是相对期限，没有起算日期，请手工填写日期")
SHORT_YEAR = QT_TRANSLATE_NOOP("Errors", "时限{text}的年份只写了两位，请写全四位年份")
#: Between two notes of one deadline.
JOINER = QT_TRANSLATE_NOOP("Errors", "；")

_TEMPLATES = (
    UNREADABLE, CELL_DATE_ODD, CELL_DATE_DIFFERS, SEVERAL_DATES, NO_YEAR, ODD_YEAR, NO_SUCH_DATE,
    YEAR_GUESSED, YEAR_OF_BATCH, STORED_AS_NUMBER, YEAR_ONLY, PLAN_END, RELATIVE, SHORT_YEAR,
)  # fmt: skip

#: What each value looks like in the Chinese sentence, so a sentence is read back unambiguously.
_VALUE_PATTERNS = {
    "text": r"“.*?”",
    "plan": r"“[^”]*”",
    "date": r"[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日",
    "written": r"(?:[0-9]+年)?[0-9]+月(?:[0-9]+日)?",
    "year": r"[0-9]+",
}
_CN_DATE = re.compile(r"(?:([0-9]+)年)?([0-9]+)月(?:([0-9]+)日)?")


def note(template: str, **values: object) -> str:
    """One note as it is kept: the Chinese template with its values."""
    return template.format_map(values)


def joined(notes: list[str]) -> str:
    """Several notes of one deadline as they are kept."""
    return JOINER.join(n for n in notes if n)


@cache
def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"\{(\w+)\}", template)
    regex = "".join(
        re.escape(part) if n % 2 == 0 else f"(?P<{part}>{_VALUE_PATTERNS[part]})"
        for n, part in enumerate(parts)
    )
    return re.compile(regex)


def _latin_date(text: str) -> str:
    """2023年6月30日 → 2023-06-30, 2月30日 → 02-30, 2023年13月 → 2023-13 (it may not exist)."""
    match = _CN_DATE.fullmatch(text)
    if match is None:
        return text
    year, month, day = match.groups()
    return "-".join(p for p in (year, month.zfill(2), day and day.zfill(2)) if p)


def _one(sentence: str) -> str | None:
    """``sentence`` in the interface language, or None when it fits no template."""
    for template in _TEMPLATES:
        match = _pattern(template).fullmatch(sentence)
        if match is not None:
            values = match.groupdict()
            for name in ("date", "written"):
                if name in values:
                    values[name] = _latin_date(values[name])
            return localized(template, **values)
    return None


def shown(warning: str) -> str:
    """A kept deadline warning in the interface language (unchanged when that is Chinese)."""
    if not warning or translated(CONTEXT, JOINER) == JOINER:
        return warning
    pieces = warning.split(JOINER)
    out: list[str] = []
    start = 0
    while start < len(pieces):
        # A clerk's text may itself hold a “；”: take the shortest run of pieces that fits.
        for end in range(start + 1, len(pieces) + 1):
            said = _one(JOINER.join(pieces[start:end]))
            if said is not None:
                out.append(said)
                start = end
                break
        else:
            out.append(pieces[start])
            start += 1
    return translated(CONTEXT, JOINER).join(out)
