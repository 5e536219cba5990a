"""Detect and mask personal data (phones, ID numbers) before printing or exporting."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import Enum

__all__ = [
    "DEFAULT_OUTPUT_MODE",
    "OutputMode",
    "PersonalDatum",
    "apply_mode",
    "contains_personal_data",
    "find_personal_data",
    "mask_text",
]


class OutputMode(str, Enum):
    """How much personal data a print or export may show (个人信息保护法)."""

    PUBLISH = "publish"
    MASKED = "masked"
    FULL = "full"

    @property
    def label(self) -> str:
        """The Chinese name shown in export dialogs."""
        return _OUTPUT_MODE_LABELS[self]

    @property
    def masks(self) -> bool:
        """Whether phone and ID numbers are masked in this mode."""
        return self is not OutputMode.FULL

    @property
    def drops_origin(self) -> bool:
        """Whether the origin column (意见来源) is left out entirely."""
        return self is OutputMode.PUBLISH


_OUTPUT_MODE_LABELS: dict[OutputMode, str] = {
    OutputMode.PUBLISH: "公开发布",
    OutputMode.MASKED: "脱敏（默认）",
    OutputMode.FULL: "完整（仅内部使用）",
}

#: Masking is the default: keeping numbers must be an explicit choice (DOMAIN.md).
DEFAULT_OUTPUT_MODE = OutputMode.MASKED

MOBILE = "mobile"
LANDLINE = "landline"
ID_CARD = "id_card"


@dataclass(frozen=True)
class PersonalDatum:
    """One piece of personal data found in a text, with its place in that text."""

    kind: str
    start: int
    end: int
    text: str


# Full-width digits and punctuation map one-to-one onto ASCII, so offsets found in the
# normalised text are offsets in the original text too.
_NORMALISE = str.maketrans(
    {
        **{chr(0xFF10 + i): str(i) for i in range(10)},
        "＋": "+",
        "－": "-",
        "‐": "-",
        "‑": "-",
        "（": "(",
        "）": ")",
        "Ｘ": "X",
        "ｘ": "x",
        "\u3000": " ",
        "\u00a0": " ",
        "\u202f": " ",
    }
)

# A number only counts when it is not a piece of a longer number (so the 15–16 digit
# 意见建议编号 never yield a phone or ID): no digit right before or after it, and no
# decimal part after it. A point before it is allowed, as in list items like "1.139…".
_BEFORE = r"(?<!\d)"
_AFTER = r"(?!\d)(?!\.\d)"

_MOBILE_RE = re.compile(
    _BEFORE
    + r"""
    (?P<prefix>(?:\+|00)?86[-\x20]?|\(\+?86\)\x20?)?
    (?P<head>1[3-9][0-9])
    [-\x20]?
    (?P<mid>[0-9]{4})
    (?P<sep>[-\x20]?)
    (?P<tail>[0-9]{4})
    (?!(?P=sep)\d)  # 139 7847 6053 1234 is a longer grouped number, not a phone
    """
    + _AFTER,
    re.VERBOSE,
)

# 010 and 02x are three-digit area codes; every other area code has four digits.
# A local number never starts with 0 (that would be another area code).
_AREA = r"0(?:[12][0-9]|[3-9][0-9]{2})"
_LOCAL = r"[1-9][0-9]{6,7}"

_LANDLINE_RE = re.compile(
    _BEFORE
    + rf"""
    (?:
        \((?P<parea>{_AREA})\)\x20?(?P<plocal>{_LOCAL})
      | (?P<area>{_AREA})[-\x20](?P<local>{_LOCAL})
    )
    """
    + _AFTER,
    re.VERBOSE,
)

# Bare local numbers (and area+local without a separator) look like amounts or counts,
# so they only count right after a phone keyword.
_KEYWORD_LANDLINE_RE = re.compile(
    r"""
    (?:电话号码|联系电话|办公电话|电话|固话|座机|传真|联系方式
      |(?<![A-Za-z])(?:telephone|tel|phone|fax))
    [\x20\t.]*[:：]?[\x20\t]*
    (?P<number>(?P<area>"""
    + _AREA
    + r""")?(?P<local>"""
    + _LOCAL
    + r"))"
    + _AFTER,
    re.VERBOSE | re.IGNORECASE,
)

# Resident ID: 6-digit region, birth date, 3-digit sequence, check character.
_ID18_RE = re.compile(
    _BEFORE + r"(?P<region>[1-8][0-9]{5})(?P<year>(?:19|20)[0-9]{2})(?P<month>[0-9]{2})"
    r"(?P<day>[0-9]{2})[0-9]{3}[0-9Xx]" + _AFTER
)
# Legacy 15-digit ID (issued before 1999): region, YYMMDD of a 19xx birth, sequence.
_ID15_RE = re.compile(
    _BEFORE + r"(?P<region>[1-8][0-9]{5})(?P<year>[0-9]{2})(?P<month>[0-9]{2})(?P<day>[0-9]{2})"
    r"[0-9]{3}" + _AFTER
)

#: First two digits of the region code: provinces, Hong Kong, Macao, Taiwan.
_PROVINCES = frozenset(
    {
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36",
        "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
        "63", "64", "65", "71", "81", "82", "83",
    }
)  # fmt: skip

_MOBILE_STARS = "****"
_LANDLINE_STARS = "****"


@dataclass(frozen=True)
class _Hit:
    """A found datum together with the text that replaces it when masking."""

    datum: PersonalDatum
    masked: str


def _plausible_id(region: str, year: int, month: int, day: int) -> bool:
    """Whether an ID's region and birth date could belong to a real person."""
    if region[:2] not in _PROVINCES or not 1900 <= year <= 2099:
        return False
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _mobile_hits(norm: str, text: str) -> list[_Hit]:
    """Mobile numbers, masked to 139****6053 with any country prefix kept."""
    hits = []
    for m in _MOBILE_RE.finditer(norm):
        masked = (m["prefix"] or "") + m["head"] + _MOBILE_STARS + m["tail"]
        datum = PersonalDatum(MOBILE, m.start(), m.end(), text[m.start() : m.end()])
        hits.append(_Hit(datum, masked))
    return hits


def _mask_local(span: str, local_start: int) -> str:
    """Star the first four digits of the 7–8 digit local number inside a landline span."""
    stars_end = local_start + len(_LANDLINE_STARS)
    return span[:local_start] + _LANDLINE_STARS + span[stars_end:]


def _landline_hits(norm: str, text: str) -> list[_Hit]:
    """Landline numbers, masked to 0771-****567 (area code and last digits kept)."""
    hits = []
    for m in _LANDLINE_RE.finditer(norm):
        group = "plocal" if m["plocal"] else "local"
        span = norm[m.start() : m.end()]
        masked = _mask_local(span, m.start(group) - m.start())
        datum = PersonalDatum(LANDLINE, m.start(), m.end(), text[m.start() : m.end()])
        hits.append(_Hit(datum, masked))
    for m in _KEYWORD_LANDLINE_RE.finditer(norm):
        start, end = m.span("number")
        masked = _mask_local(norm[start:end], m.start("local") - start)
        hits.append(_Hit(PersonalDatum(LANDLINE, start, end, text[start:end]), masked))
    return hits


def _id_hits(norm: str, text: str) -> list[_Hit]:
    """Resident ID numbers, masked to 450102********1234 (same length)."""
    hits = []
    for pattern, century in ((_ID18_RE, 0), (_ID15_RE, 1900)):
        for m in pattern.finditer(norm):
            year = century + int(m["year"])
            if not _plausible_id(m["region"], year, int(m["month"]), int(m["day"])):
                continue
            span = norm[m.start() : m.end()]
            masked = span[:6] + "*" * (len(span) - 10) + span[-4:]
            datum = PersonalDatum(ID_CARD, m.start(), m.end(), text[m.start() : m.end()])
            hits.append(_Hit(datum, masked))
    return hits


def _scan(text: str) -> list[_Hit]:
    """All personal data in text, in order, without overlaps."""
    norm = text.translate(_NORMALISE)
    candidates = _id_hits(norm, text) + _mobile_hits(norm, text) + _landline_hits(norm, text)
    # Earliest first, then longest; the kind order above breaks remaining ties.
    order = {ID_CARD: 0, MOBILE: 1, LANDLINE: 2}
    candidates.sort(key=lambda h: (h.datum.start, -h.datum.end, order[h.datum.kind]))
    chosen: list[_Hit] = []
    for hit in candidates:
        if not chosen or hit.datum.start >= chosen[-1].datum.end:
            chosen.append(hit)
    return chosen


def find_personal_data(text: str) -> list[PersonalDatum]:
    """Phone and resident ID numbers in text, in order of appearance."""
    return [hit.datum for hit in _scan(text)]


def contains_personal_data(text: str) -> bool:
    """Whether text holds any phone or resident ID number."""
    return bool(_scan(text))


def mask_text(text: str) -> str:
    """Text with every phone and ID number masked and everything else untouched."""
    parts: list[str] = []
    pos = 0
    for hit in _scan(text):
        parts.append(text[pos : hit.datum.start])
        parts.append(hit.masked)
        pos = hit.datum.end
    parts.append(text[pos:])
    return "".join(parts)


def apply_mode(text: str, mode: OutputMode) -> str:
    """Text as the given output mode may show it."""
    return mask_text(text) if mode.masks else text
