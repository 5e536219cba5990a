"""The workbook a responsible unit receives: instructions, then its items to fill in.

The unit may fill the white columns (a drop-down for 完成情况); the grey ones are locked, the
row marks sit in a hidden last column, and the sheet prints on A4 landscape, one page wide,
the header row on every page. The sheet is protected without a password: a unit that must
unprotect it can, and what it changed in a locked column is found when the file comes back.
Every text goes in through ``put_text``: a value is never a formula.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rectdesk.domain.deadlines import format_cn_date
from rectdesk.domain.rounds import SHEET_COLUMNS, STATUS_CHOICES, Column
from rectdesk.reports.cells import put_text
from rectdesk.reports.xlsx import estimate_lines

#: The names of the two sheets; the collector looks for the second by its header, not its name.
GUIDE_SHEET = "填报说明"
ITEMS_SHEET = "整改事项"
#: Where the workbook's own mark is kept on the guide sheet (looked up by this label).
FILE_MARK_LABEL = "表格校验码"
#: The first data row (title, unit line and header above it).
FIRST_ROW = 4
#: Rows below the items that still offer the 完成情况 drop-down (for rows a unit adds).
SPARE_ROWS = 50
_BODY_SIZE = 10.5
_LOCKED_FILL = "EDEDED"
_FONT = "宋体"
#: The guide's one column, in characters: an A4 portrait page wide.
_GUIDE_WIDTH = 66
_HEADING_FONT = "黑体"


@dataclass
class DispatchBook:
    """Everything one unit's workbook shows (texts already masked as the output requires)."""

    batch_name: str
    unit: str
    round_number: int
    cut_off: dt.date | None
    office: str
    clerk: str
    phone: str
    file_mark: str
    rows: list[dict[Column, str]] = field(default_factory=list)

    @property
    def lead_count(self) -> int:
        return sum(1 for r in self.rows if r.get(Column.ROLE) == "牵头")

    @property
    def assist_count(self) -> int:
        return len(self.rows) - self.lead_count


def cut_off_text(day: dt.date | None) -> str:
    """The cut-off as printed."""
    return format_cn_date(day) if day is not None else "另行通知"


def guide_lines(book: DispatchBook) -> list[str]:
    """The instructions, one numbered line each."""
    office = book.office or "本单位"
    return [
        "1．请在“整改事项”工作表中填写白色的列：整改措施、整改进展、完成情况（点单元格右侧"
        "箭头选择）、完成时间、佐证材料、联系人和联系电话。已有的内容是上一次报送的情况，"
        "有变化的请直接改写，没有变化的保持原样。",
        f"2．灰色的列（编号、问题内容、意见来源、分工、整改时限）由{office}填写，请勿改动；"
        "最后一列“校验码”已隐藏，用于核对报回的表格，请勿删除或改动。",
        "3．可以筛选、调整列宽和行高，也可以在表格下方另起一行写说明；请不要删除事项行，"
        "不要把几条事项合并成一行，也不要把别的单位的表格内容复制进来。",
        "4．分工为“配合”的事项，请写明本单位承担部分的进展，由牵头单位汇总。",
        "5．佐证材料请写明材料名称（如会议纪要、印发文件的文号），材料本身按要求另行报送。",
        f"6．填好后直接保存（WPS 也请保存为 xlsx 格式），不要改动文件名中的单位名称，"
        f"于{cut_off_text(book.cut_off)}前报回{office}。",
    ]


def write_dispatch_book(book: DispatchBook, target: Path | io.BytesIO) -> None:
    """Write the workbook (to a path the caller made atomic, or to memory)."""
    from openpyxl import Workbook

    workbook = Workbook()
    guide = workbook.active
    assert guide is not None
    guide.title = GUIDE_SHEET
    _guide(guide, book)
    _add_styles(workbook)
    _items(workbook.create_sheet(ITEMS_SHEET), book)
    workbook.active = 0
    workbook.save(target)


def _font(size: float, *, bold: bool = False, heading: bool = False, color: str = "000000") -> Any:
    from openpyxl.styles import Font

    name = _HEADING_FONT if heading else _FONT
    return Font(name=name, size=size, bold=bold, charset=134, color=color)


def _guide(sheet: Any, book: DispatchBook) -> None:
    from openpyxl.styles import Alignment

    sheet.column_dimensions["A"].width = _GUIDE_WIDTH
    title = f"{book.batch_name}第{book.round_number}轮整改进展报送表"
    cells: list[tuple[str, Any]] = [
        (title, _font(16, heading=True)),
        ("填报说明", _font(14, heading=True)),
        (f"报送单位：{book.unit}", _font(12)),
        (f"轮次：第{book.round_number}轮", _font(12)),
        (f"报送截止：{cut_off_text(book.cut_off)}", _font(12, bold=True)),
        (f"事项：牵头 {book.lead_count} 条，配合 {book.assist_count} 条", _font(12)),
        (f"下发单位：{book.office or '（未填写）'}", _font(12)),
        (
            f"联系人：{book.clerk or '（未填写）'}　联系电话：{book.phone or '（未填写）'}",
            _font(12),
        ),
        ("", _font(12)),
        *[(line, _font(12)) for line in guide_lines(book)],
        ("", _font(12)),
        (f"{FILE_MARK_LABEL}：{book.file_mark}（核对用，请勿改动）", _font(9, color="808080")),
    ]
    wrap = Alignment(wrap_text=True, vertical="top")
    for number, (text, font) in enumerate(cells, start=1):
        cell = sheet.cell(number, 1)
        put_text(cell, text)
        cell.font = font
        cell.alignment = wrap
        lines = estimate_lines(text, _GUIDE_WIDTH, font.sz or 12) if text else 1
        sheet.row_dimensions[number].height = max(18.0, lines * (font.sz or 12) * 1.45)
    sheet.protection.sheet = True
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _add_styles(workbook: Any) -> None:
    """The cell styles of the item sheet, registered once as named styles.

    A named style is set on a cell by its name: one lookup, where setting font, fill, border
    and alignment one by one costs openpyxl a hash of each per cell (most of a sending's time).
    """
    from openpyxl.styles import Alignment, Border, NamedStyle, PatternFill, Protection, Side

    side = Side(style="thin", color="000000")
    border = Border(left=side, right=side, top=side, bottom=side)
    for name, fillable, centred, header in (
        ("rd_locked", False, False, False), ("rd_locked_centre", False, True, False),
        ("rd_open", True, False, False), ("rd_open_centre", True, True, False),
        ("rd_header_locked", False, True, True), ("rd_header_open", True, True, True),
    ):  # fmt: skip
        style = NamedStyle(name=name)
        style.font = _font(11 if header else _BODY_SIZE, heading=header)
        style.alignment = Alignment(
            wrap_text=True, vertical="center" if header else "top",
            horizontal="center" if centred else None,
        )  # fmt: skip
        style.border = border
        style.protection = Protection(locked=not fillable or header)
        if not fillable:
            style.fill = PatternFill("solid", fgColor=_LOCKED_FILL)
        workbook.add_named_style(style)
    spare = NamedStyle(name="rd_spare")
    spare.protection = Protection(locked=False)
    workbook.add_named_style(spare)


def _items(sheet: Any, book: DispatchBook) -> None:
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.worksheet.page import PageMargins

    columns = SHEET_COLUMNS
    last = len(columns)
    shown = last - 1  # the mark column is hidden and not printed
    end_row = FIRST_ROW + len(book.rows) - 1

    title = f"{book.batch_name}整改进展报送表（第{book.round_number}轮）"
    put_text(sheet.cell(1, 1), title)
    sheet.cell(1, 1).font = _font(14, heading=True)
    sheet.cell(1, 1).alignment = Alignment(horizontal="center", vertical="center")
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=shown)
    sheet.row_dimensions[1].height = 26
    line = (
        f"报送单位：{book.unit}　　报送截止：{cut_off_text(book.cut_off)}　　"
        f"牵头 {book.lead_count} 条、配合 {book.assist_count} 条　　白色列由报送单位填写"
    )
    put_text(sheet.cell(2, 1), line)
    sheet.cell(2, 1).font = _font(11)
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=shown)
    sheet.row_dimensions[2].height = 20

    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = column.width
        cell = sheet.cell(3, index)
        put_text(cell, column.header)
        cell.style = "rd_header_open" if column.fillable else "rd_header_locked"
    sheet.row_dimensions[3].height = 30
    sheet.column_dimensions[get_column_letter(last)].hidden = True

    narrow = {Column.SEQ, Column.NUMBER, Column.ROLE, Column.DEADLINE, Column.STATUS,
              Column.COMPLETED_ON}  # fmt: skip
    styles = [
        ("rd_open" if c.fillable else "rd_locked") + ("_centre" if c.key in narrow else "")
        for c in columns
    ]
    for offset, values in enumerate(book.rows):
        row = FIRST_ROW + offset
        lines = 1
        for index, column in enumerate(columns, start=1):
            text = values.get(column.key, "")
            cell = sheet.cell(row, index)
            put_text(cell, text)
            cell.style = styles[index - 1]
            if column.key is not Column.TOKEN and text:
                lines = max(lines, estimate_lines(text, column.width, _BODY_SIZE))
        sheet.row_dimensions[row].height = min(409.0, max(1, lines) * _BODY_SIZE * 1.35 + 6)
    # Rows a unit adds below the items (a note, a missing item) are open too.
    for row in range(end_row + 1, end_row + 1 + SPARE_ROWS):
        for index, column in enumerate(columns, start=1):
            if column.key is not Column.TOKEN:
                sheet.cell(row, index).style = "rd_spare"

    status_index = next(i for i, c in enumerate(columns, 1) if c.key is Column.STATUS)
    status_letter = get_column_letter(status_index)
    choices = ",".join(text for text, _ in STATUS_CHOICES)
    validation = DataValidation(type="list", formula1=f'"{choices}"', allow_blank=True)
    validation.error = f"请从下拉列表中选择：{choices.replace(',', '、')}。"
    validation.errorTitle = "完成情况"
    validation.prompt = "请点右侧箭头选择"
    validation.promptTitle = "完成情况"
    validation.showErrorMessage = True
    validation.showInputMessage = True
    sheet.add_data_validation(validation)
    validation.add(f"{status_letter}{FIRST_ROW}:{status_letter}{end_row + SPARE_ROWS}")

    last_letter = get_column_letter(last)
    shown_letter = get_column_letter(shown)
    sheet.freeze_panes = f"A{FIRST_ROW}"
    if book.rows:
        sheet.auto_filter.ref = f"A3:{last_letter}{end_row}"
    protection = sheet.protection
    protection.sheet = True
    # Allowed under protection: filtering, widths and heights, formatting, adding rows.
    protection.autoFilter = False
    protection.sort = False
    protection.formatColumns = False
    protection.formatRows = False
    protection.formatCells = False
    protection.insertRows = False

    setup = sheet.page_setup
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.orientation = "landscape"
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins = PageMargins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    sheet.print_title_rows = "3:3"
    sheet.print_area = f"A1:{shown_letter}{max(end_row, 3)}"
    sheet.print_options.horizontalCentered = True
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"
    sheet.oddFooter.center.size = 9
