"""Column widths that follow the content: short columns as narrow as their words, the rest
shared out where it saves the most lines. One answer for every format (em-based widths, so
the Word, Excel and PDF tables of a report have the same columns on every machine)."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from itertools import pairwise

from rectdesk.reports.layout import Column, RowKind, Table
from rectdesk.reports.textwrap_cjk import Widths, _word_bounds, kept_spans, nominal_widths

MM = 72.0 / 25.4
#: Cell padding on each side, in points (the writers use the same).
PAD_X = 3.0
#: Columns listing names (unit names never break inside).
LIST_FIELDS = frozenset({"departments", "lead_department", "lead", "owner"})
#: A kept word longer than this many ems may break (a long unit name in a narrow column).
_LONGEST_KEPT_EM = 8.5
#: Width of a Latin letter or digit in a code, number or date, in ems, when a column is sized
#: to keep it whole: 0.5 in the official fonts, up to 0.64 in the fonts Word, WPS or
#: LibreOffice put in their place where those are missing (DejaVu Sans digits).
_CODE_EM = 0.64
#: How many body rows the width search looks at (evenly spread over a long table).
_SAMPLE = 160
_STEPS = 60


_BRACKETED = re.compile(r"[（(][^）)]*[）)]")


def list_words(column: Column, text: str) -> list[str]:
    """The names in a list cell (科教处、医政处), kept whole when a line allows."""
    if column.key not in LIST_FIELDS:
        return []
    return [w.strip() for w in text.replace("\n", "、").split("、") if w.strip()]


def _min_width(column: Column, rows: Sequence[Sequence[str]], index: int, size: float,
               header_size: float) -> float:  # fmt: skip
    body = nominal_widths(size)
    code = Widths(lambda ch: (_CODE_EM if ch.isascii() else 1.0) * size)
    head = nominal_widths(header_size)
    header = column.header.replace("\n", "")
    bounds = [0, *_word_bounds(header), len(header)] if header else [0]
    # A header breaks between its words, never inside (整改/部门, not 整改部/门).
    need = max((head.text_width(header[a:b]) for a, b in pairwise(bounds)), default=0.0)
    # A unit in brackets goes on a line of its own, whole: 数量/（条）, never 数量/（/条）.
    for unit in _BRACKETED.findall(header):
        need = max(need, head.text_width(unit))
    need = max(need, 2 * header_size)
    cap = _LONGEST_KEPT_EM * size
    for cells in rows:
        text = cells[index] if index < len(cells) else ""
        if not text:
            continue
        for word in list_words(column, text):
            need = max(need, min(body.text_width(word), cap))
        for start, end in kept_spans(text):
            piece = text[start:end]
            wide = code.text_width(piece)
            need = max(need, wide if piece.isascii() else min(wide, cap))
    return need + 2 * PAD_X + 1.0


def _paragraph_widths(text: str, size: float) -> list[float]:
    body = nominal_widths(size)
    return [body.text_width(p) for p in text.split("\n")]


def _lines(paras: list[float], inner: float) -> int:
    if inner <= 1:
        return 10**6
    return sum(max(1, math.ceil(w / inner - 1e-6)) for w in paras)


def column_widths_pt(table: Table, area: float) -> list[float]:
    """Widths in points for the table's columns on a text area ``area`` points wide."""
    columns = table.columns
    n = len(columns)
    if n == 0:
        return []
    body_rows = [row.cells for row in table.rows if row.kind is RowKind.BODY]
    if len(body_rows) > _SAMPLE:
        step = len(body_rows) / _SAMPLE
        body_rows = [body_rows[int(k * step)] for k in range(_SAMPLE)]
    size = table.font_size
    fixed = [c.fixed_mm * MM if c.fixed_mm else None for c in columns]
    free = area - sum(f for f in fixed if f is not None)
    auto = [i for i in range(n) if fixed[i] is None]
    widths = [f or 0.0 for f in fixed]
    if not auto:
        return widths
    if free <= 0:
        for i in auto:
            widths[i] = 2 * size + 2 * PAD_X
        return widths
    mins = {i: _min_width(columns[i], body_rows, i, size, table.header_size) for i in auto}
    if sum(mins.values()) >= free:
        scale = free / sum(mins.values())
        for i in auto:
            widths[i] = mins[i] * scale
        return widths
    for i in auto:
        widths[i] = mins[i]
    paras = [[_paragraph_widths(cells[i] if i < len(cells) else "", size) for i in range(n)]
             for cells in body_rows]  # fmt: skip
    # A column whose every cell already fits on one line gains nothing from more width.
    grow = [i for i in auto if any(_lines(p[i], widths[i] - 2 * PAD_X) > 1 for p in paras)]
    surplus = free - sum(widths[i] for i in auto)
    if grow and paras:
        step = surplus / _STEPS
        lines = [[_lines(p[i], widths[i] - 2 * PAD_X) for i in range(n)] for p in paras]
        for _round in range(_STEPS):
            best, best_gain = grow[0], -1.0
            for i in grow:
                inner = widths[i] + step - 2 * PAD_X
                gain = 0.0
                for r, p in enumerate(paras):
                    row = lines[r]
                    if row[i] <= 1:
                        continue
                    after = _lines(p[i], inner)
                    if after < row[i]:
                        others = max((row[j] for j in range(n) if j != i), default=1)
                        gain += max(row[i], others) - max(after, others)
                        # Fewer lines in a column still helps when another column leads.
                        gain += (row[i] - after) * 0.001
                if gain > best_gain:
                    best, best_gain = i, gain
            if best_gain <= 0:
                break
            widths[best] += step
            for r, p in enumerate(paras):
                lines[r][best] = _lines(p[best], widths[best] - 2 * PAD_X)
            surplus -= step
    if len(grow) > 1 and paras:
        _polish(widths, grow, paras, mins)
    if surplus > 0.01:
        # Nothing left to save: the long-text columns share the rest by their weights.
        takers = grow or auto
        weight = sum(columns[i].width for i in takers) or 1.0
        for i in takers:
            widths[i] += surplus * columns[i].width / weight
    return widths


def _height(widths: list[float], paras: list[list[list[float]]]) -> tuple[int, int]:
    """Lines of the table, then lines of every cell (which breaks ties towards balance)."""
    inner = [w - 2 * PAD_X for w in widths]
    rows = cells = 0
    for p in paras:
        counts = [_lines(p[i], inner[i]) for i in range(len(inner))]
        rows += max(counts)
        cells += sum(counts)
    return rows, cells


def _polish(
    widths: list[float], grow: list[int], paras: list[list[list[float]]], mins: dict[int, float]
) -> None:
    """Move width between pairs of growing columns while that saves lines.

    The greedy pass cannot see that two columns leading in different rows both need room;
    a line count is flat over small moves, so each pair tries moves of several sizes.
    """
    best = _height(widths, paras)
    step = 9.0
    for _round in range(12):
        improved = False
        for i in grow:
            for j in grow:
                if i == j:
                    continue
                choice = None
                for m in (1, 2, 3, 5, 8, 12):
                    delta = step * m
                    if widths[i] - delta < mins[i]:
                        break
                    widths[i] -= delta
                    widths[j] += delta
                    height = _height(widths, paras)
                    widths[i] += delta
                    widths[j] -= delta
                    if height < best and (choice is None or height < choice[0]):
                        choice = (height, delta)
                if choice is not None:
                    best = choice[0]
                    widths[i] -= choice[1]
                    widths[j] += choice[1]
                    improved = True
        if not improved:
            break


def column_widths_mm(table: Table, area_mm: float) -> list[float]:
    """The same widths in millimetres."""
    return [w / MM for w in column_widths_pt(table, area_mm * MM)]
