"""Excel writer: one sheet laid out like the printed table, every text cell stored as text."""

from __future__ import annotations

import copy
import io
import math
from pathlib import Path
from typing import Any

from rectdesk.reports.cells import put_text
from rectdesk.reports.fonts import ROLE_LABELS, nominal_families
from rectdesk.reports.layout import (
    CONFIDENTIAL_MARK,
    Align,
    Paragraph,
    ParagraphStyle,
    Report,
    Role,
    RowKind,
    Table,
)

MM_PER_INCH = 25.4
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

def estimate_lines(text: str, width_units: float, size: float) -> int:
    """How many lines Excel needs for text in a column (CJK counts 2, ASCII 1 unit-ish)."""
    per_line = max(1.0, width_units * 7.5 / (size * 96 / 72))  # CJK characters per line
    lines = 0
    for para in text.split("\n"):
        visual = sum(1.0 if ord(ch) > 0x2E7F else 0.55 for ch in para)
        lines += max(1, math.ceil(visual / per_line))
    return lines


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
            proto.font = Font(name=self.families[role], size=size, bold=bold)
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

    families = nominal_families(report.fonts)
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
    title_rows: tuple[int, int] | None = None
    longest = -1
    for block in report.blocks:
        if isinstance(block, Paragraph):
            _paragraph(sheet, styles, block, state, n, sum(unit_widths))
        else:
            rows = _table(sheet, styles, block, state, unit_widths)
            if len(block.rows) > longest:
                longest, title_rows = len(block.rows), rows

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
    total = sum(c.width for c in table.columns) or 1.0
    widths = [units * c.width / total for c in table.columns]
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
    lines = estimate_lines(text, width, size) + (1 if indent else 0)
    sheet.row_dimensions[row].height = lines * size * 1.3 + 4
    state["row"] = row + 1


def _spans(table: Table, widths: list[float]) -> list[tuple[int, int]]:
    """Grid columns (first, last; 1-based) each table column covers on the shared sheet grid."""
    n, grid = len(table.columns), len(widths)
    if n >= grid:
        return [(i + 1, i + 1) for i in range(n)]
    total = sum(c.width for c in table.columns) or 1.0
    grid_total = sum(widths) or 1.0
    edges = [sum(widths[:k]) / grid_total for k in range(grid + 1)]
    spans: list[tuple[int, int]] = []
    start, running = 0, 0.0
    for index, column in enumerate(table.columns):
        running += column.width / total
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


def _table(
    sheet: Any, styles: _Styles, table: Table, state: dict[str, int], widths: list[float]
) -> tuple[int, int]:
    n = len(table.columns)
    spans = _spans(table, widths)
    span_widths = [sum(widths[a - 1 : b]) for a, b in spans]
    last_col = spans[-1][1] if spans else 1
    first = state["row"]
    size = table.font_size
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
        sheet.row_dimensions[first + r].height = lines * table.header_size * 1.25 + 6
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
    for item in table.rows:
        if item.kind is RowKind.SECTION:
            _write_span(sheet, row, (1, last_col), item.cells[0], section)
            lines = estimate_lines(item.cells[0], full_width, size)
        else:
            cells = list(item.cells[:n]) + [""] * (n - len(item.cells))
            kinds = [total] * n if item.kind is RowKind.TOTAL else body
            lines = 1
            for col, text in enumerate(cells):
                if simple:
                    _put(sheet, row, col + 1, text, kinds[col])
                else:
                    _write_span(sheet, row, spans[col], text, kinds[col])
                if text:
                    lines = max(lines, estimate_lines(text, span_widths[col], size))
        # Excel does not grow wrapped rows by itself when printing: set the height.
        sheet.row_dimensions[row].height = min(409.0, lines * size * 1.25 + 6)
        row += 1
    state["row"] = row + 1
    return first, first + len(grid) - 1


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
