"""Line breaking for Chinese text with measured glyph widths (no Qt, no reportlab)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from itertools import accumulate

#: Characters that must not begin a line (closing punctuation, 避头点).
NO_START = frozenset("，。、；：？！）》」』”’】〕〉…—%‰,.;:?!)]}·～°℃")
#: Characters that must not end a line (opening punctuation, 避尾点).
NO_END = frozenset("（《「『“‘【〔〈([{")


def _is_word(ch: str) -> bool:
    # Latin letters and digits keep together, as do decimal numbers and codes.
    return ch.isascii() and (ch.isalnum() or ch in "._-/@%+#&")


class Widths(dict[str, float]):
    """Advance widths of characters at one font size, measured once each."""

    def __init__(self, measure: Callable[[str], float]) -> None:
        super().__init__()
        self._measure = measure

    def __missing__(self, ch: str) -> float:
        width = self._measure(ch)
        self[ch] = width
        return width

    def text_width(self, text: str) -> float:
        return sum(map(self.__getitem__, text))


def wrap(text: str, width: float, widths: Widths, first_width: float | None = None) -> list[str]:
    """Break text into lines no wider than ``width`` (the first no wider than ``first_width``).

    Hard line breaks are kept; closing punctuation never starts a line and opening punctuation
    never ends one; Latin words and numbers are not cut unless longer than a line.
    """
    lines: list[str] = []
    limit = width if first_width is None else first_width
    for para in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        para = para.rstrip()
        if not para:
            lines.append("")
            limit = width
            continue
        cum = list(accumulate(map(widths.__getitem__, para)))
        n = len(para)
        start = 0
        while start < n:
            base = cum[start - 1] if start else 0.0
            end = bisect_right(cum, base + limit + 0.01)
            if end <= start:
                end = start + 1
            if end < n:
                end = _adjust(para, start, end)
            lines.append(para[start:end])
            start = end
            while start < n and para[start] == " ":
                start += 1
            limit = width
    return lines


def _adjust(para: str, start: int, end: int) -> int:
    """Move a break back so punctuation and Latin words sit where they belong."""
    candidate = end
    while candidate - 1 > start and para[candidate] in NO_START:
        candidate -= 1
    while candidate - 1 > start and para[candidate - 1] in NO_END:
        candidate -= 1
    if _is_word(para[candidate - 1]) and _is_word(para[candidate]):
        k = candidate - 1
        while k > start and _is_word(para[k - 1]):
            k -= 1
        if k > start:
            candidate = k
    return candidate if candidate > start else end


def balanced(text: str, width: float, widths: Widths) -> list[str]:
    """Lines of about equal length (for titles): wrap, then narrow to the average."""
    lines = wrap(text, width, widths)
    if len(lines) < 2 or "\n" in text:
        return lines
    total = widths.text_width(text.replace("\n", ""))
    target = total / len(lines) + max(widths.values(), default=0.0)
    again = wrap(text, min(width, target), widths)
    return again if len(again) == len(lines) else lines
