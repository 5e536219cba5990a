"""Personal data under attack: generated phone and ID formats, then every output of planted data.

The property: whatever way a clerk or a citizen wrote a phone or an ID number (separators of
every kind, +86, area codes, an X check character, full-width digits, glued to Chinese text
or to each other), no seven consecutive digits of it survive masking, and the ordinary
numbers around it (dates, 文号, amounts, counts) are left exactly as they were.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rectdesk.domain.privacy import OutputMode, mask_data, mask_text, masked_pieces

SEPARATORS = [" ", ".", "-", "–", "—", "－", "\u3000", "．", "‐", "  ", " - "]
_FULL_WIDTH = str.maketrans({str(i): chr(0xFF10 + i) for i in range(10)})
_ASCII = str.maketrans({chr(0xFF10 + i): str(i) for i in range(10)} | {"ｘ": "x", "Ｘ": "X"})
# What the check ignores between digits: every separator a number may be written with.
_GAPS = re.compile(r"[\s.\-–—－．‐()（）+]")

#: Numbers that are not personal data and must come out exactly as they went in.
ORDINARY = [
    "截至2023年11月30日",
    "〔2023〕12号",
    "桂卫发〔2021〕72号",
    "资金1500元",
    "共3条",
    "第12项",
    "增长23.98%",
    "于2023年12月底前",
    "编号0220200740200334号",
    "预算13295万元",
    "发放1000-2000个口罩",
]
FILLER = ["王五", "回访群众", "满意", "联系人：", "身份证号", "，", "。", "\n", "反映", "手机"]


@dataclass(frozen=True)
class Planted:
    """A written number: its prefix (+86, a keyword: nobody's in particular) and body."""

    body: str
    prefix: str = ""
    suffix: str = ""


def _grouped(draw: st.DrawFn, digits: str, sizes: tuple[int, ...]) -> str:
    """Digits cut into groups of ``sizes``, each gap a separator of its own (mixed)."""
    parts, pos = [], 0
    for size in sizes:
        parts.append(digits[pos : pos + size])
        pos += size
    parts.append(digits[pos:])
    text = parts[0]
    for part in parts[1:]:
        if part:
            text += draw(st.sampled_from(SEPARATORS)) + part
    return text


def _maybe_full_width(draw: st.DrawFn, text: str) -> str:
    return text.translate(_FULL_WIDTH) if draw(st.booleans()) else text


@st.composite
def mobiles(draw: st.DrawFn) -> Planted:
    number = draw(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True))
    sizes = draw(st.sampled_from([(), (3, 4), (3,), (7,), (3, 3), (4, 4)]))
    prefix = draw(
        st.sampled_from(["", "", "+86", "86", "+86 ", "86-", "(+86)", "（+86）", "0086 ", "+86—"])
    )
    # The country code is everyone's: the number itself is what must not survive.
    return Planted(_maybe_full_width(draw, _grouped(draw, number, sizes)), prefix)


@st.composite
def landlines(draw: st.DrawFn) -> Planted:
    area = draw(st.sampled_from(["010", "020", "021", "0771", "0755", "0591", "0898", "0311"]))
    local = draw(st.from_regex(r"[1-9][0-9]{6,7}", fullmatch=True))
    local_written = _grouped(draw, local, draw(st.sampled_from([(), (3,), (4,)])))
    form = draw(st.sampled_from(["sep", "paren", "full_paren"]))
    if form == "sep":
        written = area + draw(st.sampled_from(SEPARATORS)) + local_written
    elif form == "paren":
        written = f"({area}){draw(st.sampled_from(['', ' ']))}{local_written}"
    else:
        written = f"（{area}）{local_written}"
    return Planted(_maybe_full_width(draw, written))


@st.composite
def keyword_landlines(draw: st.DrawFn) -> Planted:
    keyword = draw(st.sampled_from(["电话：", "座机", "联系电话 ", "Tel: ", "传真"]))
    area = draw(st.sampled_from(["", "0771", "010"]))
    local = draw(st.from_regex(r"[1-9][0-9]{6,7}", fullmatch=True))
    # A bare local number counts only after its keyword, and must end there (a comma).
    return Planted(area + local, keyword, "，")


@st.composite
def ids(draw: st.DrawFn) -> Planted:
    region = draw(st.sampled_from(["450102", "110101", "440305", "510104", "650102", "320106"]))
    born = draw(st.dates(dt.date(1930, 1, 1), dt.date(2023, 12, 31)))
    sequence = draw(st.from_regex(r"[0-9]{3}", fullmatch=True))
    if draw(st.integers(0, 9)) == 0 and born.year < 2000:  # the legacy 15-digit card
        number = region + born.strftime("%y%m%d") + sequence
        sizes: tuple[int, ...] = draw(st.sampled_from([(), (6,), (6, 6)]))
    else:
        number = region + born.strftime("%Y%m%d") + sequence
        number += draw(st.sampled_from(list("0123456789Xx")))
        sizes = draw(st.sampled_from([(), (6, 8), (6, 4, 4), (6,), (3, 3, 4, 4)]))
    return Planted(_maybe_full_width(draw, _grouped(draw, number, sizes)))


PERSONAL = st.one_of(mobiles(), landlines(), keyword_landlines(), ids())
SEGMENT = st.one_of(
    PERSONAL, PERSONAL, st.sampled_from(ORDINARY), st.sampled_from(FILLER)
)  # fmt: skip
# "" glues two numbers together, the harshest case; the rest are what separates cells' words.
JOINERS = st.sampled_from(["", "", "", " ", "，", "\n", "、", "；"])


#: A piece of a generated text and whose number it is (None: nobody's).
Part = tuple[str, "int | None"]


@st.composite
def texts(draw: st.DrawFn) -> tuple[str, list[Part], list[str]]:
    """A text, its parts with their owners, and the ordinary pieces it holds."""
    segments = draw(st.lists(SEGMENT, min_size=1, max_size=7))
    segments.append(draw(PERSONAL))
    segments = draw(st.permutations(segments))
    parts: list[Part] = []
    ordinary: list[str] = []
    for number, segment in enumerate(segments):
        if parts:
            parts.append((draw(JOINERS), None))
        if isinstance(segment, Planted):
            parts += [(segment.prefix, None), (segment.body, number), (segment.suffix, None)]
        else:
            parts.append((segment, None))
            if segment in ORDINARY:
                ordinary.append(segment)
    return "".join(text for text, _ in parts), parts, ordinary


Stream = list[tuple[str, frozenset[int], bool]]  # digit, whose it may be, gap before it


def _stream(chars: list[tuple[str, frozenset[int]]]) -> list[Stream]:
    """Runs of digits (and X): separators are skipped, anything else (a star) ends a run."""
    runs: list[Stream] = [[]]
    gap = False
    for ch, owners in chars:
        ch = ch.translate(_ASCII)
        if ch in "0123456789Xx":
            runs[-1].append((ch, owners, gap))
            gap = False
        elif _GAPS.fullmatch(ch):
            gap = True
        else:
            runs.append([])
            gap = False
    return [run for run in runs if run]


def _owned(parts: list[Part]) -> list[tuple[str, frozenset[int]]]:
    return [(ch, frozenset() if o is None else frozenset({o})) for t, o in parts for ch in t]


def wanted_windows(parts: list[Part], size: int = 7) -> dict[str, set[frozenset[int]]]:
    """Seven digits in a row of one planted number, or of numbers glued with no gap at all.

    Digits of two numbers with a separator between them (139… 0771-…) are two numbers read
    side by side, and digits of nobody's (a date, +86) are not personal: neither counts.
    Each window comes with the numbers it belongs to.
    """
    found: dict[str, set[frozenset[int]]] = {}
    for run in _stream(_owned(parts)):
        for i in range(len(run) - size + 1):
            window = run[i : i + size]
            if any(not owners for _, owners, _ in window):
                continue
            crossings = [k for k in range(1, size) if window[k][1] != window[k - 1][1]]
            if any(window[k][2] for k in crossings):
                continue
            group = frozenset().union(*(owners for _, owners, _ in window))
            found.setdefault("".join(d for d, _, _ in window), set()).add(group)
    return found


def masked_with_owners(text: str, parts: list[Part]) -> list[tuple[str, frozenset[int]]]:
    """The masked text, each character with the numbers it may come from (by place)."""
    owned = _owned(parts)
    out: list[tuple[str, frozenset[int]]] = []
    pos = 0
    for datum, replacement in masked_pieces(text):
        out += owned[pos : datum.start]
        span = frozenset().union(*(owners for _, owners in owned[datum.start : datum.end]))
        out += [(ch, span) for ch in replacement]
        pos = datum.end
    out += owned[pos:]
    assert "".join(ch for ch, _ in out) == mask_text(text)
    return out


def leaked(chars: list[tuple[str, frozenset[int]]], parts: list[Part]) -> set[str]:
    """Seven-digit pieces of planted numbers readable in ``chars``, at those numbers' place."""
    wanted = wanted_windows(parts)
    found = set()
    for run in _stream(chars):
        for i in range(len(run) - 6):
            window = run[i : i + 7]
            digits = "".join(d for d, _, _ in window)
            for group in wanted.get(digits, ()):
                if all(owners & group for _, owners, _ in window):
                    found.add(digits)
    return found


TRIED: list[int] = []


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts())
def test_no_seven_digits_of_a_planted_number_survive(
    case: tuple[str, list[Part], list[str]],
) -> None:
    text, parts, ordinary = case
    TRIED.append(1)
    masked = mask_text(text)
    assert leaked(masked_with_owners(text, parts), parts) == set(), (text, masked)
    for piece in ordinary:
        assert masked.count(piece) >= text.count(piece), (text, masked, piece)
    assert mask_text(masked) == masked  # masking twice changes nothing more


@settings(max_examples=500, deadline=None)
@given(texts())
def test_the_check_sees_an_unmasked_number(case: tuple[str, list[Part], list[str]]) -> None:
    # The leak check must find every planted number in the unmasked text, or it proves nothing.
    text, parts, _ordinary = case
    owners = {owner for _, owner in parts if owner is not None}
    for owner in owners:
        alone = [(t, o if o == owner else None) for t, o in parts]
        assert leaked(_owned(alone), alone), (text, owner)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(ORDINARY), st.sampled_from(FILLER)), max_size=10))
def test_ordinary_numbers_are_left_alone(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert mask_text(text) == text


def test_the_formats_the_issue_found_are_masked() -> None:
    cases = {
        "188.9999.0000": "188****0000",
        "188—1212—3434": "188****3434",
        "450102 19900101 5678": "450102 ******** 5678",
        "45010219900101567813911112222": "450102********5678*******2222",
        "回访群众王五13911112222满意": "回访群众王五139****2222满意",
    }
    assert {text: mask_text(text) for text in cases} == cases


def test_mask_data_reaches_every_text() -> None:
    data = {"a": ["王五13911112222", ("0771-5812345",)], "13911112222": {"x": 1, "y": None}}
    masked = mask_data(data)
    expected = {"a": ["王五139****2222", ("0771-****345",)], "139****2222": {"x": 1, "y": None}}
    assert masked == expected
    assert mask_data(data, OutputMode.FULL) is data
