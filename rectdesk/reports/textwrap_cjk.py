"""Line breaking for Chinese text with measured glyph widths (no Qt, no reportlab)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from itertools import accumulate

#: Characters that must not begin a line (closing punctuation, 避头点).
NO_START = frozenset("，。、；：？！）》」』”’】〕〉…—%‰,.;:?!)]}·～°℃")
#: Characters that must not end a line (opening punctuation, 避尾点).
NO_END = frozenset("（《「『“‘【〔〈([{")

#: Runs that are read as one word and are not broken where a line can avoid it: Latin words,
#: codes and masked phone numbers (138****1962), numbers with their unit (12月, 750人,
#: 23.98%, 1101天), month-day dates (11月30日). A full date may break after 年, as offices
#: print it.
_KEEP = re.compile(
    r"[0-9０-９]{1,2}月[0-9０-９]{1,2}[日号]"
    r"|[0-9０-９]+(?:\.[0-9]+)?(?:万元|亿元|小时|分钟|[年月日号天周时个人项次元家条所名期批轮%％])"
    r"|[A-Za-z0-9._\-/@%+#&*＊]{2,}"
)
#: Words that the titles and headers of official tables are made of (longest first), so
#: that a two-line title or a wrapped header breaks between words, never inside one.
TITLE_WORDS = sorted(
    (
        "自治区", "卫生健康委", "卫生健康局", "卫健委", "卫健局", "中医药局", "党组",
        "年度", "绩效考评", "社会评价", "意见建议", "意见", "建议", "整改", "工作", "方案",
        "汇总表", "台账", "情况", "报告", "关于", "清单", "预警", "逾期", "临期", "销号",
        "反馈", "问题", "巡察", "巡视", "专项", "县委", "市委", "第八轮", "人大", "政协",
        "代表", "提案", "审计", "编号", "内容", "部门", "措施", "可检验", "成果", "时限",
        "进展", "完成", "是否", "日期", "备注", "责任", "单位", "处室", "领导", "主题",
        "序号", "来源", "类别", "办理", "结果", "满意度", "说明", "状态", "评议", "类型",
        "对象", "数量", "牵头",
    ),
    key=len,
    reverse=True,
)  # fmt: skip
#: Break points that carry the meaning of a title: (before these words, after these words).
_TITLE_BEFORE = ("社会评价", "意见建议", "整改", "巡察", "巡视", "反馈", "专项", "关于",
                 "逾期", "销号", "人大", "政协", "审计")  # fmt: skip
_TITLE_AFTER = ("年度", "绩效考评", "卫生健康委", "卫健委", "卫生健康局", "卫健局", "中医药局",
                "党组", "巡察", "问题")  # fmt: skip


def _is_word(ch: str) -> bool:
    # Latin letters and digits keep together, as do decimal numbers and codes.
    return ch.isascii() and (ch.isalnum() or ch in "._-/@%+#&*")


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


def em_width(ch: str) -> float:
    """A character's width in ems as official Chinese fonts set it: ASCII half, others full."""
    return 0.5 if ch.isascii() else 1.0


def nominal_widths(size: float) -> Widths:
    """Widths at a size from the em rule alone (the same on every machine)."""
    return Widths(lambda ch: em_width(ch) * size)


def kept_spans(text: str, words: Iterable[str] = ()) -> list[tuple[int, int]]:
    """(start, end) of the runs a break should avoid, sorted and not overlapping."""
    spans = [m.span() for m in _KEEP.finditer(text)]
    for word in words:
        if len(word) < 2:
            continue
        start = text.find(word)
        while start >= 0:
            spans.append((start, start + len(word)))
            start = text.find(word, start + len(word))
    if not spans:
        return spans
    spans.sort()
    merged = [spans[0]]
    for start, end in spans[1:]:
        last_start, last_end = merged[-1]
        if start < last_end:
            merged[-1] = (last_start, max(last_end, end))
        else:
            merged.append((start, end))
    return merged


def wrap(
    text: str,
    width: float,
    widths: Widths,
    first_width: float | None = None,
    words: Iterable[str] = (),
) -> list[str]:
    """Break text into lines no wider than ``width`` (the first no wider than ``first_width``).

    Hard line breaks are kept; closing punctuation never starts a line and opening punctuation
    never ends one; codes, numbers with their units, dates and the given ``words`` (unit
    names, say) are not cut unless longer than a line.
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
        if cum[-1] <= limit + 0.01:
            lines.append(para)
            limit = width
            continue
        spans = kept_spans(para, words)
        starts = [s for s, _e in spans]
        start = 0
        while start < n:
            base = cum[start - 1] if start else 0.0
            end = bisect_right(cum, base + limit + 0.01)
            if end <= start:
                end = start + 1
            if end < n:
                end = _adjust(para, start, end, spans, starts)
            lines.append(para[start:end])
            start = end
            while start < n and para[start] == " ":
                start += 1
            limit = width
    return lines


def _adjust(
    para: str, start: int, end: int, spans: list[tuple[int, int]], starts: list[int]
) -> int:
    """Move a break back so punctuation and kept words sit where they belong."""
    candidate = end
    for _round in range(4):
        moved = candidate
        while moved - 1 > start and para[moved] in NO_START:
            moved -= 1
        while moved - 1 > start and para[moved - 1] in NO_END:
            moved -= 1
        at = bisect_right(starts, moved - 1) - 1
        if at >= 0:
            span_start, span_end = spans[at]
            if span_start < moved < span_end and span_start > start:
                moved = span_start
        if moved == candidate:
            break
        candidate = moved
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


def _word_bounds(text: str) -> list[int]:
    """Positions between the words of a title (known words, kept runs, single characters)."""
    bounds = set()
    i = 0
    kept = {s: e for s, e in kept_spans(text)}
    while i < len(text):
        if i in kept:
            j = kept[i]
        else:
            j = next((i + len(w) for w in TITLE_WORDS if text.startswith(w, i)), i + 1)
        bounds.add(j)
        i = j
    return sorted(b for b in bounds if 0 < b < len(text))


def title_lines(text: str, width: float, widths: Widths) -> list[str]:
    """A title in lines that break where the meaning breaks (seed 001: 考评 | 社会评价…).

    A title that fits stays one line; else the break goes between words, preferring the
    joints of meaning (after the issuing body or 年度…, before 社会评价/整改/…), the two lines
    as even as they can be.
    """
    if "\n" in text or widths.text_width(text) <= width + 0.01:
        return [line for line in text.split("\n")] if "\n" in text else [text]
    bounds = _word_bounds(text)
    best: tuple[float, int] | None = None
    for b in bounds:
        left, right = text[:b], text[b:]
        if right[0] in NO_START or left[-1] in NO_END:
            continue
        wl, wr = widths.text_width(left), widths.text_width(right)
        if max(wl, wr) > width + 0.01:
            continue
        strong = right.startswith(_TITLE_BEFORE) or left.endswith(_TITLE_AFTER)
        size = max(widths.values(), default=1.0)
        cost = abs(wl - wr) + (0 if strong else 4 * size)
        if best is None or cost < best[0]:
            best = (cost, b)
    if best is None:
        return balanced(text, width, widths)
    return [text[: best[1]], text[best[1] :]]
