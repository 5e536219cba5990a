"""Detect and mask personal data (phones, ID numbers) before printing or exporting.

``mask_text`` is the one masking function: every output (lists, JSON, reports, audit
exports, logs) passes its texts through it, never a field-by-field variant.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from enum import Enum
from typing import Any

__all__ = [
    "DEFAULT_OUTPUT_MODE",
    "OutputMode",
    "PersonalDatum",
    "apply_mode",
    "contains_personal_data",
    "find_personal_data",
    "mask_data",
    "mask_parts",
    "mask_text",
    "masked_pieces",
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


# Full-width digits and the many dashes, dots and brackets clerks type map one-to-one onto
# ASCII, so offsets found in the normalised text are offsets in the original text too.
_NORMALISE = str.maketrans(
    {
        **{chr(0xFF10 + i): str(i) for i in range(10)},
        **dict.fromkeys("－‐‑‒–—―﹣−", "-"),
        **dict.fromkeys("\u3000\u00a0\u202f\u2007", " "),
        "＋": "+",
        "．": ".",
        "（": "(",
        "）": ")",
        "Ｘ": "X",
        "ｘ": "x",
    }
)

#: What may stand between the digit groups of one number: 139 7847-6053, 188.9999.0000,
#: (0771)1234567, or a list that cut it (身份证450102、19900101、5678). Up to three of them in
#: a row (“) - ”). \x1f joins the parts of a list masked together (mask_parts).
_PART = "\x1f"
_SEPARATORS = frozenset(" .-()\t、" + _PART)
_MAX_GAP = 3
# A run of digits, ended by an X (the ID check character) where one follows it.
_GROUP = re.compile(r"[0-9]+[Xx]?")
# Digits beside four stars are what is left of a number already masked (139****6053).
_STARS_BEFORE = re.compile(r"\*{4}[ .\-()\t]{0,3}$")
_STARS_AFTER = re.compile(r"[ .\-()\t]{0,3}\*{4}")
# Every phone or ID has seven digits or more, each at most three characters from the next:
# text without such a run skips the scan (most cells, most of the time).
_QUICK = re.compile(r"[0-9０-９](?:[^0-9０-９]{0,3}[0-9０-９]){6}")

_MOBILE_RE = re.compile(r"1[3-9][0-9]{9}")
_ID18_RE = re.compile(r"[1-8][0-9]{5}(?:19|20)[0-9]{2}[0-9]{2}[0-9]{2}[0-9]{3}[0-9Xx]")
_ID15_RE = re.compile(r"[1-8][0-9]{5}[0-9]{6}[0-9]{3}")
_MOBILE_PREFIXES = ("0086", "86", "")

# 010 and 02x are three-digit area codes; every other area code has four digits.
# A local number never starts with 0 (that would be another area code).
_AREA = r"0(?:[12][0-9]|[3-9][0-9]{2})"
_AREA_RE = re.compile(_AREA)
_LOCAL = r"[1-9][0-9]{6,7}"

# Bare local numbers (and area+local without a separator) look like amounts or counts,
# so they only count right after a phone keyword.
_KEYWORD_LANDLINE_RE = re.compile(
    r"""
    (?:电话号码|联系电话|办公电话|电话|固话|座机|传真|联系方式
      |(?:(?<![A-Za-z])|(?<=[0-9][Xx]))(?:telephone|tel|phone|fax))
    [\x20\t.]*[:：]?[\x20\t]*
    (?P<number>(?P<area>"""
    + _AREA
    + r""")?(?P<local>"""
    + _LOCAL
    + r"))(?![0-9])(?!\.[0-9])",
    re.VERBOSE | re.IGNORECASE,
)

#: First two digits of the region code: provinces, Hong Kong, Macao, Taiwan.
_PROVINCES = frozenset(
    {
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36",
        "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
        "63", "64", "65", "71", "81", "82", "83",
    }
)  # fmt: skip


@dataclass(frozen=True)
class _Piece:
    """One number inside a run of digit groups: kind, digit range, and how it is shown."""

    kind: str
    start: int  # index of its first digit in the run's digit string
    end: int
    keep_head: int  # digits shown at the front (area code, ID region, mobile prefix+3)
    keep_tail: int  # digits shown at the end
    stars: int = 0  # mobiles: the fixed "****" in place of the middle digits


@dataclass(frozen=True)
class _Hit:
    """A found datum together with the text that replaces it when masking."""

    datum: PersonalDatum
    masked: str
    in_place: str  # the same digits hidden, every other character where it was


def _plausible_id(digits: str) -> bool:
    """Whether an ID's region and birth date could belong to a real person."""
    if len(digits) == 18:
        year, month, day = int(digits[6:10]), int(digits[10:12]), int(digits[12:14])
    else:
        year, month, day = 1900 + int(digits[6:8]), int(digits[8:10]), int(digits[10:12])
    if digits[:2] not in _PROVINCES or not 1900 <= year <= 2099:
        return False
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _pieces_at(s: str, p: int, starts: frozenset[int]) -> Iterator[_Piece]:
    """Every phone or ID that could begin at position ``p`` of a run's digit string."""
    for prefix in _MOBILE_PREFIXES:
        q = p + len(prefix)
        if s.startswith(prefix, p) and _MOBILE_RE.match(s, q) and q + 11 <= len(s):
            yield _Piece(MOBILE, p, q + 11, len(prefix) + 3, 4, stars=4)
    for pattern, size in ((_ID18_RE, 18), (_ID15_RE, 15)):
        if pattern.match(s, p) and _plausible_id(s[p : p + size]):
            yield _Piece(ID_CARD, p, p + size, 6, 4)
    area = _AREA_RE.match(s, p)
    # Without a keyword, an area code counts only where the writer set it apart.
    if area is not None and area.end() in starts and s[area.end() : area.end() + 1] != "0":
        for size in (7, 8):
            local = s[area.end() : area.end() + size]
            if len(local) == size and local.isdigit():
                shown = size - 4
                yield _Piece(LANDLINE, p, area.end() + size, area.end() - p, shown)


def _tile(s: str, first: int, starts: frozenset[int], ends: frozenset[int]) -> list[_Piece]:
    """The longest row of whole numbers from ``first`` that ends where a digit group ends."""
    back: dict[int, _Piece] = {}
    reach = {first}
    best = -1
    frontier = first
    p = first
    while p <= frontier and p < len(s):
        if p in reach:
            for piece in _pieces_at(s, p, starts):
                if piece.end not in reach:
                    reach.add(piece.end)
                    back[piece.end] = piece
                    frontier = max(frontier, piece.end)
                    if piece.end in ends:
                        best = max(best, piece.end)
        p += 1
    pieces: list[_Piece] = []
    while best > first:
        piece = back[best]
        pieces.append(piece)
        best = piece.start
    return pieces[::-1]


def _masked_already(norm: str, group: re.Match[str]) -> bool:
    start, end = group.span()
    return bool(
        _STARS_BEFORE.search(norm, max(0, start - 7), start)
        or _STARS_AFTER.match(norm, end, end + 7)
    )


def _runs(norm: str) -> Iterator[list[re.Match[str]]]:
    """Digit groups joined only by a few separators: one run each."""
    run: list[re.Match[str]] = []
    for group in _GROUP.finditer(norm):
        if "*" in norm and _masked_already(norm, group):
            # Masking twice changes nothing: what is left of a masked number is never re-read.
            if run:
                yield run
            run = []
            continue
        if run:
            gap = norm[run[-1].end() : group.start()]
            # Digits right after an X run on: an ID glued to the next number.
            if gap and not (len(gap) <= _MAX_GAP and _SEPARATORS.issuperset(gap)):
                yield run
                run = []
        run.append(group)
    if run:
        yield run


def _render(norm: str, span: tuple[int, int], where: list[int], piece: _Piece, glued: bool) -> str:
    """The masked form of one number: kept digits, stars, separators as written."""
    start, end = span
    head = 0 if glued else piece.keep_head  # two glued numbers must not show 7 digits in a row
    if piece.stars:
        shown = norm[start : where[piece.keep_head - 1] + 1]
        if glued:
            shown = "".join("*" if ch.isdigit() else ch for ch in shown)
        return shown + "*" * piece.stars + "".join(norm[i] for i in where[-piece.keep_tail :])
    chars = list(norm[start:end])
    for index, position in enumerate(where):
        if head <= index < len(where) - piece.keep_tail:
            chars[position - start] = "*"
    return "".join(chars)


def _run_hits(norm: str, text: str, run: list[re.Match[str]]) -> Iterator[_Hit]:
    """The numbers in one run of digit groups, leftmost and longest first."""
    where = [i for group in run for i in range(group.start(), group.end())]
    s = "".join(norm[i] for i in where)
    offsets = [0]
    for group in run:
        offsets.append(offsets[-1] + group.end() - group.start())
    starts = frozenset(offsets[:-1])
    # A number ends where its group ends, or just before a group's trailing X (13912345678x).
    ends = frozenset(offsets[1:]) | {o - 1 for o in offsets[1:] if s[o - 1] in "Xx"}
    index = 0
    while index < len(run):
        pieces = _tile(s, offsets[index], starts, ends)
        if not pieces:
            index += 1
            continue
        previous_end = -1
        for piece in pieces:
            digits = where[piece.start : piece.end]
            first, last = digits[0], digits[-1] + 1
            # Glued: no character at all between this number and the one before it.
            glued = piece.start == previous_end and where[piece.start - 1] + 1 == first
            previous_end = piece.end
            if not glued and first > 0 and norm[first - 1] == "+" and piece.kind == MOBILE:
                first -= 1
            if not glued and first > 0 and norm[first - 1] == "(" and ")" in norm[first:last]:
                first -= 1
            masked = _render(norm, (first, last), digits, piece, glued)
            in_place = _render(norm, (first, last), digits, replace(piece, stars=0), glued)
            datum = PersonalDatum(piece.kind, first, last, text[first:last])
            yield _Hit(datum, masked, in_place)
        end = pieces[-1].end
        index = offsets.index(end if end in offsets else end + 1)


def _keyword_hits(norm: str, text: str) -> Iterator[_Hit]:
    """Landlines written without an area-code separator, right after a phone keyword."""
    for m in _KEYWORD_LANDLINE_RE.finditer(norm):
        start, end = m.span("number")
        area = len(m["area"] or "")
        piece = _Piece(LANDLINE, 0, end - start, area, end - start - area - 4)
        masked = _render(norm, (start, end), list(range(start, end)), piece, glued=False)
        yield _Hit(PersonalDatum(LANDLINE, start, end, text[start:end]), masked, masked)


def _scan(text: str) -> list[_Hit]:
    """All personal data in text, in order, without overlaps."""
    if _QUICK.search(text) is None:
        return []
    norm = text.translate(_NORMALISE)
    candidates = [hit for run in _runs(norm) for hit in _run_hits(norm, text, run)]
    candidates.extend(_keyword_hits(norm, text))
    # Earliest first, then longest; the kind order breaks remaining ties.
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


def masked_pieces(text: str) -> list[tuple[PersonalDatum, str]]:
    """What ``mask_text`` replaces, in order, each with the text put in its place."""
    return [(hit.datum, hit.masked) for hit in _scan(text)]


def mask_text(text: str) -> str:
    """Text with every phone and ID number masked and everything else untouched."""
    hits = _scan(text)
    if not hits:
        return text
    parts: list[str] = []
    pos = 0
    for hit in hits:
        parts.append(text[pos : hit.datum.start])
        parts.append(hit.masked)
        pos = hit.datum.end
    parts.append(text[pos:])
    return "".join(parts)


def mask_parts(parts: list[str] | tuple[str, ...]) -> list[str]:
    """Texts masked as one, each kept in its place: a number a list split is still found."""
    if len(parts) < 2:
        return [mask_text(part) for part in parts]
    text = _PART.join(parts)
    out: list[str] = []
    pos = 0
    for hit in _scan(text):
        out.append(text[pos : hit.datum.start])
        # A number across parts keeps every character in place, so the parts split back.
        out.append(hit.in_place if _PART in hit.datum.text else hit.masked)
        pos = hit.datum.end
    out.append(text[pos:])
    return "".join(out).split(_PART)


def apply_mode(text: str, mode: OutputMode) -> str:
    """Text as the given output mode may show it."""
    return mask_text(text) if mode.masks else text


def mask_data(value: Any, mode: OutputMode = OutputMode.MASKED) -> Any:
    """Every text inside ``value`` (strings in lists, tuples and dicts, keys too) masked."""
    if not mode.masks:
        return value
    if isinstance(value, str):
        return mask_text(value)
    if isinstance(value, dict):
        return {mask_data(k, mode): mask_data(v, mode) for k, v in value.items()}
    if isinstance(value, list | tuple):
        if value and all(isinstance(v, str) for v in value):
            return type(value)(mask_parts(value))
        return type(value)(mask_data(v, mode) for v in value)
    return value
