"""Split a responsible-unit cell (责任处室, 牵头单位, …) into separate unit names."""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["UNIT_SUFFIXES", "parse_departments", "split_departments"]

#: Endings of unit names; a conjunction only splits between two names that end so.
#: 厅 is added for provincial departments (财政厅) that often share a cell with ours.
UNIT_SUFFIXES: tuple[str, ...] = (
    "中心", "处", "科", "室", "股", "局", "委", "院", "办", "站", "所", "队", "部", "组",
    "会", "厅",
)  # fmt: skip

# Characters that always separate two names at the top level (outside brackets).
_SEPARATORS = frozenset("\n、，,；;/／|｜")

_OPENING = {"（": "）", "(": ")", "【": "】", "[": "]", "〔": "〕"}

# Zero-width characters come from Word and WPS tables and would otherwise hide in names.
_INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_LINE_BREAK_RE = re.compile(r"\r\n|[\r\v\f\x85\u2028\u2029]")

# A role label opens a run of names with one role: "牵头单位：A；配合单位：B、C".
_ROLE_LABEL_RE = re.compile(
    r"(?P<lead>牵头|主办|主责)?(?P<assist>配合|协办|协助|参与|责任)?"
    r"(?:单位|处室|部门|科室|股室)?\s*[:：]"
)

#: Bracketed or trailing words that mark a unit's role rather than name it.
#: Longest first, so that 牵头单位 is removed whole rather than leaving 单位 behind.
_LEAD_MARKERS = ("牵头单位", "牵头处室", "牵头部门", "牵头", "主办", "主责")
_ASSIST_MARKERS = ("配合单位", "配合处室", "配合", "协办", "协助", "参与")

# "以及" first so that "及" is not taken out of it.
_CONJUNCTION_RE = re.compile("以及|和|及|与")

# Characters trimmed from both ends of a name besides whitespace.
_EDGE_PUNCTUATION = "。.:：!！?？\"'“”‘’"


def _normalise(cell: str) -> str:
    """Cell text with one kind of line break and no invisible characters."""
    return _LINE_BREAK_RE.sub("\n", _INVISIBLE_RE.sub("", cell))


def _ends_with_unit(name: str) -> bool:
    """Whether name ends in a unit suffix such as 处 or 中心."""
    return name.endswith(UNIT_SUFFIXES)


def _clean(name: str) -> str:
    """Name without surrounding whitespace and stray punctuation."""
    previous = None
    while previous != name:
        previous = name
        name = name.strip().strip(_EDGE_PUNCTUATION)
    return name


def _role_segments(text: str) -> list[tuple[str, bool | None]]:
    """Text cut at role labels, each piece with the role its label gives (None: no label)."""
    segments: list[tuple[str, bool | None]] = []
    pos = 0
    role: bool | None = None
    for m in _ROLE_LABEL_RE.finditer(text):
        if not (m["lead"] or m["assist"]):
            continue  # A bare "单位：" or a stray colon is no role label.
        segments.append((text[pos : m.start()], role))
        role = bool(m["lead"])
        pos = m.end()
    segments.append((text[pos:], role))
    return segments


def _closing_index(text: str, start: int) -> int:
    """Index of the bracket closing the one at start on the same line, or -1."""
    opening = text[start]
    closing = _OPENING[opening]
    depth = 0
    for i in range(start, len(text)):
        if text[i] == "\n":
            return -1  # A line break always separates names, even in an open bracket.
        if text[i] == opening:
            depth += 1
        elif text[i] == closing:
            depth -= 1
            if depth == 0:
                return i
    return -1


def _top_level_pieces(text: str) -> list[tuple[str, bool | None]]:
    """Pieces between separators outside brackets, each with its bracketed role marker."""
    pieces: list[tuple[str, bool | None]] = []
    current: list[str] = []
    marker: bool | None = None

    def flush() -> None:
        nonlocal marker
        piece = "".join(current)
        if piece.strip():
            pieces.append((piece, marker))
        current.clear()
        marker = None

    i = 0
    while i < len(text):
        ch = text[i]
        if ch in _SEPARATORS or ch.isspace():
            flush()
            i += 1
            continue
        if ch in _OPENING:
            close = _closing_index(text, i)
            if close == -1:
                # An unbalanced bracket is kept as an ordinary character.
                current.append(ch)
                i += 1
                continue
            inner = "".join(text[i + 1 : close].split())
            role = True if inner in _LEAD_MARKERS else False if inner in _ASSIST_MARKERS else None
            if role is None:
                current.append(text[i : close + 1])
            elif "".join(current).strip():
                # The marker ends the name it follows: "医政处（牵头）科教处".
                marker = role
                flush()
            elif pieces:
                # "医政处 （牵头）": the marker belongs to the name before the space.
                name, _ = pieces[-1]
                pieces[-1] = (name, role)
            i = close + 1
            continue
        current.append(ch)
        i += 1
    flush()
    return pieces


def _split_conjunctions(piece: str) -> list[str]:
    """Piece cut at 和/及/与 where both sides are whole unit names."""
    names: list[str] = []
    last = 0
    for m in _CONJUNCTION_RE.finditer(piece):
        left = _clean(piece[last : m.start()])
        right = _clean(piece[m.end() :])
        if left and right and _ends_with_unit(left) and _ends_with_unit(right):
            names.append(left)
            last = m.end()
    names.append(piece[last:])
    return names


def _trailing_role(name: str) -> tuple[str, bool | None]:
    """Name without a glued role word (医政处牵头, 科教处配合) and the role it gave."""
    for words, role in ((_LEAD_MARKERS, True), (_ASSIST_MARKERS, False)):
        for word in words:
            stem = name.removesuffix(word)
            if stem != name and _ends_with_unit(stem):
                return stem, role
    # "财务处等": the list goes on elsewhere; the unit itself is still named.
    stem = name.removesuffix("等")
    if stem != name and _ends_with_unit(stem):
        return stem, None
    return name, None


def _first_role(*roles: bool | None) -> bool:
    """The first role given, most specific first; unmarked means not lead."""
    return next((role for role in roles if role is not None), False)


def parse_departments(cell: str) -> list[tuple[str, bool]]:
    """Unit names in a cell, in order and without repeats, each with whether it is marked lead."""
    if len(cell) <= _CACHED_CHARS:
        return list(_parse_cached(cell))
    return list(_parse(cell))


#: Cells up to this length are remembered (a cache of short cells stays a few MB at most).
_CACHED_CHARS = 200


@lru_cache(maxsize=4096)
def _parse_cached(cell: str) -> tuple[tuple[str, bool], ...]:
    # Pure: a ledger names the same few units over and over, so each cell text is read once.
    return _parse(cell)


def _parse(cell: str) -> tuple[tuple[str, bool], ...]:
    found: dict[str, bool] = {}
    last = ""
    for segment, segment_role in _role_segments(_normalise(cell)):
        for piece, marker in _top_level_pieces(segment):
            names = _split_conjunctions(piece)
            for index, raw in enumerate(names):
                name, trailing = _trailing_role(_clean(raw))
                name = _clean(name)
                if name in _LEAD_MARKERS or name in _ASSIST_MARKERS:
                    # "医政处 牵头": a role word on its own qualifies the name before it.
                    if last and name in _LEAD_MARKERS:
                        found[last] = True
                    continue
                if not name:
                    continue
                # A bracketed marker after "A和B（牵头）" belongs to the last name only.
                role = marker if index == len(names) - 1 else None
                lead = _first_role(trailing, role, segment_role)
                found[name] = found.get(name, False) or lead
                last = name
    return tuple(found.items())


def split_departments(cell: str) -> list[str]:
    """Unit names in a cell, in order and without repeats."""
    return [name for name, _ in parse_departments(cell)]
