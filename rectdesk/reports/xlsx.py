"""Excel writer: one sheet laid out like the printed table, every text cell stored as text."""

from __future__ import annotations

import copy
import io
import math
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
    RowKind,
    Table,
)
from rectdesk.reports.textwrap_cjk import nominal_widths, wrap
from rectdesk.reports.widths import list_words

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
#: Line pitch of wrapped cell text in Excel and WPS, as a multiple of the font size.
LINE_PITCH = 1.3
#: Excel's cell padding and its wider rendering of some glyphs, taken off the width.
_SAFETY = 0.94


def max_lines(size: float) -> int:
    """How many lines of text of this size one Excel row holds."""
    return max(1, int((ROW_CAP - 6) // (size * LINE_PITCH)))


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

    families = official_families(report.fonts)
    workbook = Workbook()
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
    # Tables of one header (the summary's sections) become one table on the sheet, headings
    # as section rows: a sheet repeats one set of header rows on every page (print titles).
    joined = _joined(report.blocks)
    alike: dict[tuple[tuple[str, ...], ...], list[Any]] = {}
    for index, block in enumerate(report.blocks):
        if isinstance(block, Paragraph):
            if index in joined:
                state["row"] -= 1 if state.get("gap") else 0
                _section_row(sheet, styles, block, state, n, sum(unit_widths))
            else:
                _paragraph(sheet, styles, block, state, n, sum(unit_widths))
            state["gap"] = 0
        else:
            if index in joined:
                state["row"] -= 1 if state.get("gap") else 0
            rows = _table(sheet, styles, block, state, unit_widths, header=index not in joined)
            state["gap"] = 1
            key = tuple(tuple(r) for r in block.header_grid())
            found = alike.setdefault(key, [None, 0])
            found[0] = found[0] or rows
            found[1] += len(block.rows)
    title_rows = max(alike.values(), key=lambda f: f[1])[0] if alike else None

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
    _header_footer(sheet, report, families)
    workbook.properties.title = report.title
    workbook.properties.subject = report.name
    workbook.properties.creator = "RectDesk"
    workbook.save(target)
    return {ROLE_LABELS[role]: name for role, name in families.items()}


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


def _paragraph(
    sheet: Any, styles: _Styles, para: Paragraph, state: dict[str, int], n: int, width: float
) -> None:
    role, size = para.font()
    row = state["row"]
    align = Align.LEFT
    if para.style in (ParagraphStyle.TITLE, ParagraphStyle.SUBTITLE):
        align = Align.CENTER
    elif para.style is ParagraphStyle.SIGNATURE:
        align = Align.RIGHT
    text = para.text
    indent = 0
    if para.style in (ParagraphStyle.BODY, ParagraphStyle.HEADING1, ParagraphStyle.HEADING2):
        indent = 4  # two Chinese characters
    style = styles.get(role, size, align, border=False, valign="center", indent=indent)
    _put(sheet, row, 1, text, style)
    if n > 1:
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=n)
    lines = estimate_lines(text, width - indent * 1.1, size)
    sheet.row_dimensions[row].height = min(ROW_CAP, lines * size * LINE_PITCH + 6)
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


def _section_row(
    sheet: Any, styles: _Styles, para: Paragraph, state: dict[str, int], n: int, width: float
) -> None:
    role, size = Role.SECTION, para.font()[1]
    style = styles.get(role, min(size, 12.0), Align.LEFT, border=True, valign="center")
    row = state["row"]
    _write_span(sheet, row, (1, n), para.text, style)
    lines = estimate_lines(para.text, width, size)
    sheet.row_dimensions[row].height = min(ROW_CAP, lines * size * LINE_PITCH + 6)
    state["row"] = row + 1


def _table(
    sheet: Any, styles: _Styles, table: Table, state: dict[str, int], widths: list[float],
    *, header: bool = True,
) -> tuple[int, int] | None:  # fmt: skip
    n = len(table.columns)
    spans = _spans(table, widths)
    span_widths = [sum(widths[a - 1 : b]) for a, b in spans]
    last_col = spans[-1][1] if spans else 1
    first = state["row"]
    size = table.font_size
    head = styles.get(
        Role.TABLE_HEADER, table.header_size, Align.CENTER, border=True, valign="center"
    )
    grid = table.header_grid() if header else []
    taken: set[tuple[int, int]] = set()
    for r, header_cells in enumerate(table.header_rows() if header else []):
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
        sheet.row_dimensions[first + r].height = lines * table.header_size * LINE_PITCH + 6
    row = first + len(grid)
    body = [
        styles.get(Role.BODY, size, c.align, border=True,
                   valign="center" if c.align is Align.CENTER else "top")
        for c in table.columns
    ]  # fmt: skip
    section_size = table.section_font_size()
    section = styles.get(Role.SECTION, section_size, Align.LEFT, border=True, valign="center")
    total = styles.get(Role.SECTION, section_size, Align.CENTER, border=True, valign="center")
    full_width = sum(span_widths)
    simple = all(a == b for a, b in spans)
    pitch = size * LINE_PITCH
    most = max_lines(size)
    for item in table.rows:
        if item.kind is RowKind.SECTION:
            _write_span(sheet, row, (1, last_col), item.cells[0], section)
            lines = estimate_lines(item.cells[0], full_width, size)
            sheet.row_dimensions[row].height = min(ROW_CAP, lines * pitch + 6)
            row += 1
            continue
        cells = list(item.cells[:n]) + [""] * (n - len(item.cells))
        kinds = [total] * n if item.kind is RowKind.TOTAL else body
        pieces = [
            cell_lines(text, span_widths[c], size, table.columns[c]) for c, text in enumerate(cells)
        ]
        # A row taller than Excel's 409-point limit goes on over continuation rows: the long
        # texts are cut between lines, the short cells (序号, 编号, 时限…) merged down.
        count = max(1, *(math.ceil(len(p) / most) for p in pieces))
        for col, lines_of in enumerate(pieces):
            if len(lines_of) <= most and count > 1:
                where = spans[col]
                _write_span(sheet, row, where, cells[col], kinds[col], down=count)
                continue
            for part in range(count):
                text = join_lines(lines_of[part * most : (part + 1) * most])
                if simple:
                    _put(sheet, row + part, col + 1, text, kinds[col])
                else:
                    _write_span(sheet, row + part, spans[col], text, kinds[col])
        for part in range(count):
            tallest = max(
                (len(p[part * most : (part + 1) * most]) for p in pieces if len(p) > most
                 or count == 1),
                default=1,
            )  # fmt: skip
            # Excel does not grow wrapped rows by itself when printing: set the height.
            sheet.row_dimensions[row + part].height = min(ROW_CAP, max(1, tallest) * pitch + 6)
        row += count
    state["row"] = row + 1
    return (first, first + len(grid) - 1) if grid else None


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
