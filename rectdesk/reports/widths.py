"""Column widths that follow the content: short columns as narrow as their words, the rest
shared out where it saves the most lines. One answer for every format (em-based widths, so
the Word, Excel and PDF tables of a report have the same columns on every machine)."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from rectdesk.reports.layout import Column, RowKind, Table
from rectdesk.reports.textwrap_cjk import _word_bounds, kept_spans, nominal_widths, wrap

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
#: The gap Word, WPS and LibreOffice Writer put where Chinese meets a Latin letter or digit
#: (autospace, about a quarter em; LibreOffice keeps it whatever the file asks), in ems.
_AUTOSPACE_EM = 0.25
#: How many body rows the width search looks at (evenly spread over a long table).
_SAMPLE = 160
_STEPS = 60


_BRACKETED = re.compile(r"[（(][^）)]*[）)]")
#: A date cell's rest after 年 (12月31日前) has at most this many characters; longer text
#: that begins with a year is running text, left to wrap.
_SHORT_REST = 10
#: A paragraph that begins with a year and goes on with its month (2023年11月30日, 2024年6月底前).
_YEAR_FIRST = re.compile(r"[0-9０-９]{4}年(?=[0-9０-９]{1,2}月)")


def rendered_width(text: str, size: float) -> float:
    """Width of a short text as a word processor may set it where the official fonts are
    missing: digits and Latin letters at ``_CODE_EM``, autospace where they meet Chinese."""
    ems = 0.0
    last = ""
    for ch in text:
        latin = ch.isascii()
        ems += _CODE_EM if latin else 1.0
        kind = ("L" if ch.isalnum() else "") if latin else ("C" if ch.isalpha() else "")
        if kind and last and kind != last:
            ems += _AUTOSPACE_EM
        last = kind
    return ems * size


def list_words(column: Column, text: str) -> list[str]:
    """The names in a list cell (科教处、医政处), kept whole when a line allows."""
    if column.key not in LIST_FIELDS:
        return []
    return [w.strip() for w in text.replace("\n", "、").split("、") if w.strip()]


def _min_width(column: Column, rows: Sequence[Sequence[str]], index: int, size: float,
               header_size: float) -> float:  # fmt: skip
    body = nominal_widths(size)
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
            wide = rendered_width(piece, size)
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
    all_rows = len(body_rows)
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
    if paras:
        short = _hold_one_liners(widths, auto, paras, body_rows, mins, size)
        movable = [i for i in grow if i not in short]
        # Only where every row is looked at: tuned to a sample, exact lines overfit it.
        if len(movable) > 1 and len(body_rows) == all_rows:
            _settle(widths, movable, body_rows, columns, mins, size)
    return widths


def _hold_one_liners(widths: list[float], auto: list[int], paras: list[list[list[float]]],
                     rows: Sequence[Sequence[str]], mins: dict[int, float], size: float
                     ) -> list[int]:  # fmt: skip
    """Widen a column whose every text is one line (a date, 10天内到期) to hold it as a word
    processor sets it, taken from the columns that wrap anyway.

    At the em rule 2023年11月30日 fits; in LibreOffice, with wider stand-in digits and
    autospace, it would end as 2023年11月30 over 日.
    """
    short = [i for i in auto if all(_lines(p[i], widths[i] - 2 * PAD_X) == 1 for p in paras)]
    donors = [i for i in auto if i not in short]
    for i in short:
        texts = (cells[i] for cells in rows if i < len(cells))
        need = max((rendered_width(t, size) for t in texts if t), default=0.0) + 2 * PAD_X + 1.0
        missing = need - widths[i]
        spare = sum(widths[j] - mins[j] for j in donors)
        if missing <= 0 or spare < missing:
            continue
        for j in donors:
            widths[j] -= missing * (widths[j] - mins[j]) / spare
        widths[i] = need
    return short


def _settle(widths: list[float], movable: list[int], rows: Sequence[Sequence[str]],
            columns: Sequence[Column], mins: dict[int, float], size: float) -> None:  # fmt: skip
    """Move width between the wrapping columns while the lines, wrapped as the writers wrap
    them, fall.

    The estimate above divides a text's width by its column's; real lines end early (no
    closing mark starts a line, codes and unit names stay whole), and a table that nearly
    fills its last page is decided by those few lines. Counts are kept per whole point.
    """
    body = nominal_widths(size)
    cache: dict[tuple[int, int, int], int] = {}

    def count(r: int, i: int) -> int:
        key = (r, i, round(widths[i]))
        found = cache.get(key)
        if found is None:
            text = rows[r][i] if i < len(rows[r]) else ""
            words = list_words(columns[i], text)
            found = len(wrap(text, key[2] - 2 * PAD_X, body, words=words)) if text else 1
            cache[key] = found
        return found

    still = [i for i in range(len(widths)) if i not in movable]
    floor = [max((count(r, i) for i in still), default=1) for r in range(len(rows))]

    def height() -> int:
        return sum(max(floor[r], *(count(r, i) for i in movable)) for r in range(len(rows)))

    best = height()
    for _round in range(4):
        improved = False
        for i in movable:
            for j in movable:
                if i == j:
                    continue
                for delta in (1.5 * MM, 3 * MM, 6 * MM):
                    if widths[i] - delta < mins[i]:
                        break
                    widths[i] -= delta
                    widths[j] += delta
                    found = height()
                    if found < best:
                        best, improved = found, True
                        break
                    widths[i] += delta
                    widths[j] -= delta
        if not improved:
            break


def break_dates(table: Table) -> None:
    """Start a new line after 年 where a cell's paragraph is a date that does not fit its
    column on one line as a word processor may set it.

    Word, WPS and LibreOffice would otherwise break it wherever the line ends, inside a number
    or before a lone 日 (2023年11月30 / 日); offices write it 2023年 / 11月30日.
    """
    if len(table.widths_mm) != len(table.columns):
        return
    size = table.font_size
    inner = [w * MM - 2 * PAD_X for w in table.widths_mm]
    for index, row in enumerate(table.rows):
        if row.kind is not RowKind.BODY:
            continue
        cells = list(row.cells)
        changed = False
        for i, text in enumerate(cells[: len(inner)]):
            if "年" not in text:
                continue
            paras = text.split("\n")
            for k, para in enumerate(paras):
                year = _YEAR_FIRST.match(para)
                if year is None or rendered_width(para, size) <= inner[i]:
                    continue
                rest = para[year.end() :]
                if len(rest) <= _SHORT_REST:
                    paras[k] = para[: year.end()] + "\n" + rest
                    changed = True
            cells[i] = "\n".join(paras)
        if changed:
            table.rows[index] = replace(row, cells=tuple(cells))


def break_lists(table: Table) -> None:
    """Start a new line between names where a list of units is too wide for its column.

    Word, WPS and LibreOffice break Chinese anywhere, so 规划产业处、科教处 ended as
    规划产业处、科教 / 处; the break now falls after a 、, in every format alike. A name wider
    than its column is left to wrap as it must.
    """
    if len(table.widths_mm) != len(table.columns):
        return
    size = table.font_size
    for i, column in enumerate(table.columns):
        if column.key not in LIST_FIELDS:
            continue
        room = table.widths_mm[i] * MM - 2 * PAD_X
        for index, row in enumerate(table.rows):
            if row.kind is not RowKind.BODY or i >= len(row.cells) or "、" not in row.cells[i]:
                continue
            paras = row.cells[i].split("\n")
            laid = [_names_in_lines(para, room, size) for para in paras]
            if laid != paras:
                cells = list(row.cells)
                cells[i] = "\n".join(laid)
                table.rows[index] = replace(row, cells=tuple(cells))


def _names_in_lines(para: str, room: float, size: float) -> str:
    """A 、-separated list in lines that end after a 、 (unchanged when it fits or cannot)."""
    if rendered_width(para, size) <= room:
        return para
    names = [name + "、" for name in para.split("、")]
    names[-1] = names[-1][:-1]
    if any(rendered_width(name.rstrip("、"), size) > room for name in names):
        return para
    lines = [""]
    for name in names:
        # A 、 ending a line may hang into the cell's margin (Word, WPS and LibreOffice let
        # closing punctuation do so): only the names must fit.
        if lines[-1] and rendered_width(lines[-1] + name.rstrip("、"), size) > room:
            lines.append(name)
        else:
            lines[-1] += name
    return "\n".join(lines)


def break_headers(table: Table) -> None:
    """Break a column header too wide for its column between words (整改 / 进展).

    Word, WPS and LibreOffice break Chinese anywhere, so a header one character too wide
    for its column ended as 整改进 / 展; the break now falls where the words meet, in every
    format alike. Grouped two-line headers are left as the template writes them.
    """
    if table.header or len(table.widths_mm) != len(table.columns):
        return
    size = table.header_size
    for i, column in enumerate(table.columns):
        text = column.header
        room = table.widths_mm[i] * MM - 2 * PAD_X
        if not text or "\n" in text or rendered_width(text, size) <= room:
            continue
        cuts = [0, *(b for b in _word_bounds(text) if not _in_brackets(text, b)), len(text)]
        pieces = [text[a:b] for a, b in pairwise(cuts)]
        lines = [""]
        for piece in pieces:
            if lines[-1] and rendered_width(lines[-1] + piece, size) > room:
                lines.append(piece)
            else:
                lines[-1] += piece
        if len(lines) > 1 and all(rendered_width(line, size) <= room for line in lines):
            table.columns[i] = replace(column, header="\n".join(lines))


def _in_brackets(text: str, at: int) -> bool:
    """Whether a break at ``at`` would fall inside brackets (数量（条）stays 数量 / （条）)."""
    depth = 0
    for ch in text[:at]:
        if ch in "（(〔[【":
            depth += 1
        elif ch in "）)〕]】" and depth > 0:
            depth -= 1
    return depth > 0


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
