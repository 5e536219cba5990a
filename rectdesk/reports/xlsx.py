"""Excel writer: one sheet laid out like the printed table, every text cell stored as text."""

from __future__ import annotations

import copy
import io
from pathlib import Path
from typing import Any

from rectdesk.reports.cells import put_text
from rectdesk.reports.fonts import ROLE_LABELS, official_families
from rectdesk.reports.layout import (
    CONFIDENTIAL_MARK,
    Align,
    Column,
    Paragraph,
    ParagraphStyle,
    Report,
    Role,
    Row,
    RowKind,
    Table,
)
from rectdesk.reports.textwrap_cjk import nominal_widths, wrap
from rectdesk.reports.widths import list_words
from rectdesk.reports.xlsx_pages import KEEP_WHOLE, ROUNDING_PT, Pager

MM_PER_INCH = 25.4
MM_TO_PT = 72.0 / 25.4
PAD_PT = 2.0
#: Width of the printable area in Excel width units (about 1.9 mm each at 100%).
MM_PER_UNIT = 1.9
#: Excel's paperSize codes: 9 A4, 8 A3, 13 B5 (JIS).
PAPER_SIZES: dict[str, int] = {"A4": 9, "A3": 8, "B5": 13}
#: Page-number styles as header/footer codes (&P page, &N pages).
FOOTER_CODES: dict[str, str] = {
    "dash": "— &P —",
    "page": "第 &P 页",
    "page_of": "第 &P 页 共 &N 页",
    "hyphen": "- &P -",
}

#: Excel's highest row (points): taller rows are cut off when printed.
ROW_CAP = 409.0
#: The height Excel gives a row the writer leaves as it is (the default font's, Arial 10).
DEFAULT_ROW_PT = 12.75
#: Line pitch of wrapped cell text, as a multiple of the font size: the tallest of the fonts
#: that stand in for 仿宋_GB2312 — Noto Sans CJK, the Chinese font of UOS, Kylin and most
#: Linux desktops, sets lines 1.45 em apart (WenQuanYi 1.26, Droid Sans Fallback 1.31, the
#: Windows fonts about 1.0–1.2). At 1.3 LibreOffice cut the last line off tall cells.
LINE_PITCH = 1.45
#: Noto Sans CJK's ascent and descent (ems): LibreOffice rounds each to whole screen pixels
#: (96 dpi), so at some sizes its lines are further apart than 1.45 em (1.49 em at 12 pt).
_NOTO_ASCENT, _NOTO_DESCENT = 1.16, 0.288
#: Excel's cell padding and its wider rendering of some glyphs, taken off the width.
_SAFETY = 0.94


def line_pitch(size: float) -> float:
    """Points from one line of wrapped cell text to the next, enough for every stand-in font:
    LINE_PITCH, or Noto Sans CJK's line as LibreOffice sets it in pixels where that is more
    (measured in LibreOffice 7.4 at 9–16 pt: 12.7, 14.2, 14.9, 15.7, 17.9, 20.2, 21.7, 22.4)."""
    pixels = round(size * 96 / 72)
    noto = (round(pixels * _NOTO_ASCENT) + round(pixels * _NOTO_DESCENT)) * 72 / 96
    return max(size * LINE_PITCH, noto)


def row_height(lines: int, size: float) -> float:
    """A row's height for this many lines of wrapped text: no stand-in font cuts the last."""
    return min(ROW_CAP, lines * line_pitch(size) + 6)


def max_lines(size: float) -> int:
    """How many lines of text of this size one Excel row holds."""
    return max(1, int((ROW_CAP - 6) // line_pitch(size)))


def cell_lines(text: str, width_units: float, size: float, column: Column | None = None
               ) -> list[tuple[str, bool]]:  # fmt: skip
    """A cell's text as Excel will wrap it: (line, ends a paragraph) pairs, none lost."""
    if not text:
        return []
    inner = width_units * MM_PER_UNIT * MM_TO_PT * _SAFETY - 2 * PAD_PT
    metrics = nominal_widths(size)
    words = list_words(column, text) if column is not None else []
    out: list[tuple[str, bool]] = []
    for para in text.split("\n"):
        lines = wrap(para, inner, metrics, words=words) or [""]
        out.extend((line, k == len(lines) - 1) for k, line in enumerate(lines))
    return out


def join_lines(lines: list[tuple[str, bool]]) -> str:
    """Lines back into text: a paragraph's end becomes a line break (not after the last)."""
    parts = []
    for k, (line, ends) in enumerate(lines):
        parts.append(line)
        if ends and k < len(lines) - 1:
            parts.append("\n")
    return "".join(parts)


def estimate_lines(text: str, width_units: float, size: float) -> int:
    """How many lines Excel needs for text in a column (wrapped as cell_lines wraps it)."""
    return max(1, len(cell_lines(text, width_units, size)))


class _Styles:
    """Cell style prototypes, copied onto cells (one style lookup per kind, not per cell)."""

    def __init__(self, sheet: Any, families: dict[Role, str]) -> None:
        self.sheet = sheet
        self.families = families
        self._cache: dict[tuple[Any, ...], Any] = {}

    def get(self, role: Role, size: float, align: Align, *, border: bool, valign: str = "top",
            bold: bool = False, indent: int = 0) -> Any:  # fmt: skip
        from openpyxl.styles import Alignment, Border, Font, Side

        key = (role, size, align, border, valign, bold, indent)
        found = self._cache.get(key)
        if found is None:
            proto = self.sheet.cell(row=1, column=1)
            saved = copy.copy(proto._style)
            # charset 134 (GB2312): where the named font is missing, a Chinese one stands in.
            proto.font = Font(name=self.families[role], size=size, bold=bold, charset=134)
            proto.alignment = Alignment(
                horizontal=align.value, vertical=valign, wrap_text=True, indent=indent
            )
            if border:
                side = Side(style="thin", color="000000")
                proto.border = Border(left=side, right=side, top=side, bottom=side)
            found = copy.copy(proto._style)
            proto._style = saved
            self._cache[key] = found
        return found


def write_xlsx(report: Report, target: Path | io.BytesIO) -> dict[str, str]:
    """Write the report as an .xlsx workbook; returns role → font family named in it."""
    from openpyxl import Workbook
    from openpyxl.worksheet.page import PageMargins
    from openpyxl.worksheet.pagebreak import Break

    families = official_families(report.fonts)
    workbook = Workbook()
    _default_font(workbook)
    sheet: Any = workbook.active
    sheet.title = _sheet_title(report.name)
    styles = _Styles(sheet, families)
    tables = report.tables()
    n = max((len(t.columns) for t in tables), default=1)
    top, bottom, left, right = report.page_margins_mm()
    usable_mm = report.page_mm()[0] - left - right
    widest = max(tables, key=lambda t: len(t.columns)) if tables else None
    unit_widths = _column_widths(widest, n, usable_mm)
    for index, width in enumerate(unit_widths, start=1):
        sheet.column_dimensions[_letter(index)].width = round(width, 2)

    state = {"row": 1}
    pager = Pager((report.page_mm()[1] - top - bottom) * MM_TO_PT, blank_pt=DEFAULT_ROW_PT)
    # Tables of one header (the summary's sections) become one table on the sheet, headings
    # as section rows: a sheet repeats one set of header rows on every page (print titles),
    # those of the header most rows have.
    joined = _joined(report.blocks)
    rows_by_header: dict[tuple[tuple[str, ...], ...], int] = {}
    for table in tables:
        key = _header_key(table)
        rows_by_header[key] = rows_by_header.get(key, 0) + len(table.rows)
    title_key = max(rows_by_header, key=rows_by_header.__getitem__) if tables else None
    title_rows: tuple[int, int] | None = None
    last_table = max((i for i, b in enumerate(report.blocks) if isinstance(b, Table)), default=-1)
    for index, block in enumerate(report.blocks):
        if isinstance(block, Paragraph):
            if index in joined:
                state["row"] -= 1 if state.get("gap") else 0
                _section_row(sheet, styles, block, state, n, sum(unit_widths), pager)
            else:
                _paragraph(sheet, styles, block, state, n, sum(unit_widths), pager)
            state["gap"] = 0
        else:
            if index in joined:
                state["row"] -= 1 if state.get("gap") else 0
            tail = _tail_pt(report.blocks[index + 1 :], sum(unit_widths))
            titles = title_rows is None and _header_key(block) == title_key
            rows = _table(sheet, styles, block, state, unit_widths, pager,
                          header=index not in joined, tail=tail if index == last_table else 0.0,
                          titles=titles)  # fmt: skip
            if titles and rows is not None:
                title_rows = rows
            state["gap"] = 1

    setup = sheet.page_setup
    setup.orientation = "landscape" if report.landscape else "portrait"
    setup.paperSize = PAPER_SIZES.get(report.page_size, sheet.PAPERSIZE_A4)
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins = PageMargins(
        left=left / MM_PER_INCH, right=right / MM_PER_INCH, top=top / MM_PER_INCH,
        bottom=bottom / MM_PER_INCH, header=0.4, footer=0.5,
    )  # fmt: skip
    if title_rows is not None:
        sheet.print_title_rows = f"{title_rows[0]}:{title_rows[1]}"
    for row in pager.breaks:
        sheet.row_breaks.append(Break(id=row))
    _header_footer(sheet, report, families)
    workbook.properties.title = report.title
    workbook.properties.subject = report.name
    workbook.properties.creator = "RectDesk"
    workbook.save(target)
    return {ROLE_LABELS[role]: name for role, name in families.items()}


def _default_font(workbook: Any) -> None:
    """Arial 10 as the workbook's default font: column widths are counted in its digits, and
    Excel and WPS (Arial) and LibreOffice (Liberation Sans, the same widths) then read them
    alike. With Calibri, missing on Linux, LibreOffice measured the columns a third wider
    and shrank every page to three quarters. Every written cell names its own font."""
    from openpyxl.styles import Font

    workbook._fonts[0] = Font(name="Arial", sz=10, family=2)
    for style in workbook._named_styles:
        if style.name == "Normal":
            style.font = Font(name="Arial", sz=10, family=2)


#: Paragraphs that stay on the page of what follows them.
_LEADS = (ParagraphStyle.ATTACHMENT, ParagraphStyle.TITLE, ParagraphStyle.SUBTITLE,
          ParagraphStyle.HEADING1, ParagraphStyle.HEADING2)


def _header_key(table: Table) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(r) for r in table.header_grid())


def _indent(para: Paragraph) -> int:
    """A body paragraph's or heading's first-line indent in Excel units: two characters."""
    indented = (ParagraphStyle.BODY, ParagraphStyle.HEADING1, ParagraphStyle.HEADING2)
    return 4 if para.style in indented else 0


def _paragraph_height(para: Paragraph, width: float) -> float:
    """The height of a paragraph's row (one merged row, the text wrapped in it)."""
    _role, size = para.font()
    lines = estimate_lines(para.text, width - _indent(para) * 1.1, size)
    return row_height(lines, size)


def _tail_pt(rest: list[Paragraph | Table], width: float) -> float:
    """Height of the closing lines (sign-off, unit, date) where only they follow, the blank
    row before them included; 0 where anything else follows."""
    closing = (ParagraphStyle.SIGNOFF, ParagraphStyle.SIGNATURE)
    if not rest or not all(isinstance(b, Paragraph) and (b.style in closing or not b.text)
                           for b in rest):  # fmt: skip
        return 0.0
    height = DEFAULT_ROW_PT + ROUNDING_PT
    for block in rest:
        assert isinstance(block, Paragraph)
        height += _paragraph_height(block, width) + ROUNDING_PT
    return height


def _sheet_title(name: str) -> str:
    return "".join(ch for ch in name if ch not in "[]:*?/\\")[:31] or "报表"


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index))


def _column_widths(table: Table | None, n: int, usable_mm: float) -> list[float]:
    units = usable_mm / MM_PER_UNIT
    if table is None:
        return [units / n] * n
    widths = [units * share for share in table.shares()]
    return widths + [units / n] * (n - len(widths))


def _put(sheet: Any, row: int, column: int, text: str, style: Any) -> Any:
    cell = sheet.cell(row=row, column=column)
    # Text stays text: an origin beginning with "=" must never become a formula.
    put_text(cell, text)
    cell._style = copy.copy(style)
    return cell


def _paragraph(sheet: Any, styles: _Styles, para: Paragraph, state: dict[str, int], n: int,
               width: float, pager: Pager) -> None:  # fmt: skip
    role, size = para.font()
    row = state["row"]
    align = Align.LEFT
    if para.style in (ParagraphStyle.TITLE, ParagraphStyle.SUBTITLE):
        align = Align.CENTER
    elif para.style is ParagraphStyle.SIGNATURE:
        align = Align.RIGHT
    text = para.text
    style = styles.get(role, size, align, border=False, valign="center", indent=_indent(para))
    _put(sheet, row, 1, text, style)
    if n > 1:
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=n)
    height = _paragraph_height(para, width)
    sheet.row_dimensions[row].height = height
    pager.place(row, height, lead=para.style in _LEADS and bool(text.strip()))
    state["row"] = row + 1


def _spans(table: Table, widths: list[float]) -> list[tuple[int, int]]:
    """Grid columns (first, last; 1-based) each table column covers on the shared sheet grid."""
    n, grid = len(table.columns), len(widths)
    if n >= grid:
        return [(i + 1, i + 1) for i in range(n)]
    shares = table.shares()
    grid_total = sum(widths) or 1.0
    edges = [sum(widths[:k]) / grid_total for k in range(grid + 1)]
    spans: list[tuple[int, int]] = []
    start, running = 0, 0.0
    for index in range(n):
        running += shares[index]
        left = n - index - 1  # columns still to place after this one
        best = min(range(start + 1, grid - left + 1), key=lambda k: abs(edges[k] - running))
        spans.append((start + 1, best))
        start = best
    return spans


def _write_span(
    sheet: Any, row: int, span: tuple[int, int], text: str, style: Any, down: int = 1
) -> None:
    first, last = span
    for r in range(row, row + down):
        for col in range(first, last + 1):
            _put(sheet, r, col, "", style)
    _put(sheet, row, first, text, style)
    if last > first or down > 1:
        sheet.merge_cells(start_row=row, start_column=first, end_row=row + down - 1,
                          end_column=last)  # fmt: skip


def _joined(blocks: list[Paragraph | Table]) -> set[int]:
    """Headings and tables that go on the table before them (same header, headings between)."""
    joined: set[int] = set()
    previous: Table | None = None
    headings: list[int] = []
    for index, block in enumerate(blocks):
        if isinstance(block, Table):
            if (previous is not None and headings
                    and block.header_grid() == previous.header_grid()):  # fmt: skip
                joined.update(headings)
                joined.add(index)
            previous, headings = block, []
        elif block.style in (ParagraphStyle.HEADING1, ParagraphStyle.HEADING2):
            headings.append(index)
        else:
            previous, headings = None, []
    return joined


def _section_row(sheet: Any, styles: _Styles, para: Paragraph, state: dict[str, int], n: int,
                 width: float, pager: Pager) -> None:  # fmt: skip
    role, size = Role.SECTION, para.font()[1]
    style = styles.get(role, min(size, 12.0), Align.LEFT, border=True, valign="center")
    row = state["row"]
    _write_span(sheet, row, (1, n), para.text, style)
    lines = estimate_lines(para.text, width, size)
    sheet.row_dimensions[row].height = row_height(lines, size)
    pager.place(row, sheet.row_dimensions[row].height, lead=True)
    state["row"] = row + 1


def _table(
    sheet: Any, styles: _Styles, table: Table, state: dict[str, int], widths: list[float],
    pager: Pager, *, header: bool = True, tail: float = 0.0, titles: bool = False,
) -> tuple[int, int] | None:  # fmt: skip
    """Write a table from ``state["row"]``; ``tail`` is the height of the closing lines that
    follow it, ``titles`` marks its header rows as the ones printed on every page."""
    n = len(table.columns)
    spans = _spans(table, widths)
    span_widths = [sum(widths[a - 1 : b]) for a, b in spans]
    first = state["row"]
    grid = _header(sheet, styles, table, first, spans, span_widths, pager) if header else []
    if titles and grid:
        height = sum(sheet.row_dimensions[first + r].height for r in range(len(grid)))
        pager.set_titles(first, first + len(grid) - 1, height)
    size = table.font_size
    body = [
        styles.get(Role.BODY, size, c.align, border=True,
                   valign="center" if c.align is Align.CENTER else "top")
        for c in table.columns
    ]  # fmt: skip
    section_size = table.section_font_size()
    section = styles.get(Role.SECTION, section_size, Align.LEFT, border=True, valign="center")
    total = styles.get(Role.SECTION, section_size, Align.CENTER, border=True, valign="center")
    pitch = line_pitch(size)
    laid = [
        [] if item.kind is RowKind.SECTION else [
            cell_lines(text, span_widths[c], size, table.columns[c])
            for c, text in enumerate(_cells(item, n))
        ]
        for item in table.rows
    ]  # fmt: skip
    bodies = [k for k, item in enumerate(table.rows) if item.kind is not RowKind.SECTION]
    closing = bodies[-2] if tail and len(bodies) >= 2 else -1
    row = first + len(grid)
    for number, item in enumerate(table.rows):
        if item.kind is RowKind.SECTION:
            _write_span(sheet, row, (1, spans[-1][1]), item.cells[0], section)
            lines = _section_lines(item, span_widths, size)
            sheet.row_dimensions[row].height = row_height(lines, size)
            pager.place(row, sheet.row_dimensions[row].height, lead=True)
            row += 1
            continue
        if number == closing:
            # The last two items go over with the sign-off where together they fit a page.
            group = tail + sum(
                row_height(_tallest(p) if p else _section_lines(item, span_widths, size), size)
                + ROUNDING_PT
                for p, item in zip(laid[number:], table.rows[number:], strict=True)
            )
            if pager.room() < group <= pager.fresh(row):
                pager.new_page(row)
        kinds = [total] * n if item.kind is RowKind.TOTAL else body
        row = _item(sheet, table, row, laid[number], kinds, spans, pitch, pager)
    state["row"] = row + 1
    return (first, first + len(grid) - 1) if grid else None


def _header(sheet: Any, styles: _Styles, table: Table, first: int,
            spans: list[tuple[int, int]], span_widths: list[float], pager: Pager
            ) -> list[list[str]]:  # fmt: skip
    """The header rows, spans and vertical merges kept; returns the header grid."""
    n = len(table.columns)
    head = styles.get(
        Role.TABLE_HEADER, table.header_size, Align.CENTER, border=True, valign="center"
    )
    grid = table.header_grid()
    taken: set[tuple[int, int]] = set()
    for r, header_cells in enumerate(table.header_rows()):
        col = 0
        for cell in header_cells:
            while (r, col) in taken:
                col += 1
            if col >= n:
                break
            span = max(1, min(cell.span, n - col))
            down = max(1, min(cell.rows, len(grid) - r))
            for dr in range(down):
                for dc in range(span):
                    taken.add((r + dr, col + dc))
            where = (spans[col][0], spans[col + span - 1][1])
            _write_span(sheet, first + r, where, cell.text, head, down)
            col += span
    for r in range(len(grid)):
        lines = max(
            estimate_lines(t, w, table.header_size)
            for t, w in zip(grid[r], span_widths, strict=True)
        )
        height = row_height(lines, table.header_size)
        sheet.row_dimensions[first + r].height = height
        pager.place(first + r, height, lead=True)
    return grid


def _item(sheet: Any, table: Table, row: int, pieces: list[list[tuple[str, bool]]],
          kinds: list[Any], spans: list[tuple[int, int]], pitch: float, pager: Pager
          ) -> int:  # fmt: skip
    """One item from ``row``, in as many rows as the page and Excel's row cap ask: a tall
    item fills what is left of the page and goes on in a row marked (续) on the next, never
    leaving a single line in a row; returns the next free row."""
    total = _tallest(pieces)
    most = max_lines(table.font_size)
    simple = all(a == b for a, b in spans)
    seq = bool(table.columns) and table.columns[0].key == "seq"
    fits = total * pitch + 6 + ROUNDING_PT <= pager.room() and total <= most
    whole_fits = total * pitch + 6 + ROUNDING_PT <= pager.fresh(row) and total <= most
    if not fits and whole_fits and (total <= KEEP_WHOLE or pager.lines_left(pitch) < 4):
        pager.new_page(row)  # a short item moves whole, as in Word and the PDF
    start = 0
    while start < total:
        if pager.lines_left(pitch) < 2 and row > pager.start:
            pager.new_page(row)
        left = total - start
        take = min(left, most, max(pager.lines_left(pitch), 2))
        if left - take == 1 and take > 2:
            take -= 1  # never one line alone in a row
        continued = start > 0 and row == pager.start  # this part opens a page
        for col, lines_of in enumerate(pieces):
            text = join_lines(lines_of[start : start + take])
            if continued and col == 0 and seq:
                text = "(续)"  # the item goes on from the page before, as in the PDF
            if simple:
                _put(sheet, row, col + 1, text, kinds[col])
            else:
                _write_span(sheet, row, spans[col], text, kinds[col])
        height = row_height(max(1, take), table.font_size)
        sheet.row_dimensions[row].height = height
        pager.place(row, height)
        row += 1
        start += take
    return row


def _section_lines(item: Row, span_widths: list[float], size: float) -> int:
    return estimate_lines(item.cells[0], sum(span_widths), size)


def _tallest(pieces: list[list[tuple[str, bool]]]) -> int:
    return max((len(p) for p in pieces), default=1) or 1


def _cells(item: Row, n: int) -> list[str]:
    return list(item.cells[:n]) + [""] * (n - len(item.cells))


def _header_footer(sheet: Any, report: Report, families: dict[Role, str]) -> None:
    style = report.number_style()
    dash = style == "dash"
    sheet.HeaderFooter.differentOddEven = dash or report.confidential
    if style in FOOTER_CODES:
        font = families[Role.PAGE_NUMBER]
        parts = [sheet.oddFooter.right, sheet.evenFooter.left]
        if not dash:
            parts = [sheet.oddFooter.center, sheet.evenFooter.center]
        for part in parts:
            part.text = FOOTER_CODES[style]
            part.size = round(report.page_number_size)  # Excel takes whole points here
            part.font = font
    if report.confidential:
        for part in (sheet.oddHeader.left, sheet.evenHeader.left):
            part.text = CONFIDENTIAL_MARK
            part.size = 14
            part.font = families[Role.HEADING]
