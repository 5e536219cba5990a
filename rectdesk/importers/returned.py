"""Read a workbook a responsible unit sent back: its rows, their marks, and the unit's answers.

The file may have been re-saved by WPS or Excel, sorted, filtered, had columns moved or
renamed, rows or notes added, the hidden mark column deleted, or been saved as CSV. Columns
are found by their headers wherever they stand; the mark column also by its contents. This
module only reads: which item a row is, and whether its mark is sound, the collector decides.
"""

from __future__ import annotations

import logging
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from rectdesk.domain.rounds import SHEET_COLUMNS, Column, looks_like_token
from rectdesk.importers.headers import guess_field, normalise_header
from rectdesk.importers.readers import CellValue, SheetGrid, read_workbook
from rectdesk.importers.sniff import Format
from rectdesk.importers.values import cell_text, restore_number

log = logging.getLogger(__name__)

#: Rows searched for the header.
_HEADER_ROWS = 40
#: Canonical import fields that stand for a sheet column when a unit renamed the header.
_BY_FIELD: dict[str, Column] = {
    "seq": Column.SEQ,
    "number": Column.NUMBER,
    "content": Column.CONTENT,
    "origin": Column.ORIGIN,
    "measures": Column.MEASURES,
    "progress": Column.PROGRESS,
    "status": Column.STATUS,
}
_EXACT: dict[str, Column] = {normalise_header(c.header): c.key for c in SHEET_COLUMNS}
_EXACT.update({"校验码": Column.TOKEN, "问题内容": Column.CONTENT, "意见建议内容": Column.CONTENT,
               "责任分工": Column.ROLE, "完成日期": Column.COMPLETED_ON})  # fmt: skip
_FILE_MARK = re.compile(r"RD1F\.[0-9]+\.[0-9]+\.[0-9]+\.[A-Z2-7]{16}")
_UNIT_LINE = re.compile(r"报送单位[:：]\s*([^\s　]+)")
_ROUND = re.compile(r"第\s*([0-9]{1,4})\s*轮")


@dataclass
class ReturnedRow:
    """One row below the header that holds anything."""

    row: int  # 1-based, as the spreadsheet shows it
    values: dict[Column, str]
    formulas: set[Column] = field(default_factory=set)

    @property
    def token(self) -> str:
        return self.values.get(Column.TOKEN, "")

    def holds_item(self) -> bool:
        """Whether the row names an item at all (a mark, a 编号 or a content)."""
        return bool(self.token or self.values.get(Column.NUMBER) or self.values.get(Column.CONTENT))


@dataclass
class ReturnedFile:
    """Everything read from one returned file."""

    path: Path
    format: Format
    sheet: str
    columns: dict[Column, int]
    rows: list[ReturnedRow]
    file_mark: str = ""
    unit_line: str = ""
    round_line: int | None = None
    #: The mark column was found by its contents after its header was changed.
    token_by_content: bool = False

    @property
    def has_token_column(self) -> bool:
        return Column.TOKEN in self.columns


def _column_of(text: str) -> Column | None:
    flat = normalise_header(text)
    if not flat:
        return None
    if flat in _EXACT:
        return _EXACT[flat]
    if flat.startswith("校验码"):
        return Column.TOKEN
    guess = guess_field(text)
    return _BY_FIELD.get(guess.field or "") if guess.confidence >= 0.7 else None


def _header(grid: SheetGrid) -> tuple[int, dict[Column, int]] | None:
    """The header row (0-based) and where each known column is."""
    best: tuple[int, dict[Column, int]] | None = None
    for r in range(min(len(grid.rows), _HEADER_ROWS)):
        found: dict[Column, int] = {}
        for c, value in enumerate(grid.rows[r]):
            if not isinstance(value, str):
                continue
            column = _column_of(value)
            if column is not None and column not in found:
                found[column] = c
        if len(found) < 3 or not ({Column.NUMBER, Column.CONTENT, Column.TOKEN} & found.keys()):
            continue
        if best is None or len(found) > len(best[1]):
            best = (r, found)
    return best


def _text(column: Column, value: CellValue) -> str:
    if column is Column.NUMBER:
        number, _warning = restore_number(value)
        return number or ""
    return cell_text(value)


def _mark_column(grid: SheetGrid, start: int) -> int | None:
    """A column whose cells hold row marks, whatever its header says."""
    counts: dict[int, int] = {}
    for row in grid.rows[start:]:
        for c, value in enumerate(row):
            if isinstance(value, str) and looks_like_token(value):
                counts[c] = counts.get(c, 0) + 1
    return max(counts, key=lambda c: counts[c]) if counts else None


def _lines_above(grid: SheetGrid, header: int) -> tuple[str, int | None]:
    unit, round_number = "", None
    for row in grid.rows[:header]:
        line = " ".join(cell_text(v) for v in row if v not in (None, ""))
        found = _UNIT_LINE.search(line)
        if found and not unit:
            unit = found.group(1)
        number = _ROUND.search(line)
        if number and round_number is None:
            round_number = int(number.group(1))
    return unit, round_number


def _file_mark(grids: list[SheetGrid]) -> str:
    for grid in grids:
        for row in grid.rows:
            for value in row:
                if isinstance(value, str) and "RD1F." in value:
                    found = _FILE_MARK.search(value)
                    if found:
                        return found.group(0)
    return ""


def read_returned(path: Path | str) -> ReturnedFile | None:
    """The returned file's item sheet; None when no sheet has the sheet's header.

    A damaged or hostile file raises the reader's UserError (one sentence about the file).
    """
    path = Path(path)
    book = read_workbook(path)
    chosen: tuple[SheetGrid, int, dict[Column, int]] | None = None
    for grid in book.sheets:
        found = _header(grid)
        if found is not None and (chosen is None or len(found[1]) > len(chosen[2])):
            chosen = (grid, found[0], found[1])
    if chosen is None:
        return None
    grid, header, columns = chosen
    token_by_content = False
    if Column.TOKEN not in columns:
        mark = _mark_column(grid, header + 1)
        if mark is not None and mark not in columns.values():
            columns[Column.TOKEN] = mark
            token_by_content = True
    rows: list[ReturnedRow] = []
    for r in range(header + 1, len(grid.rows)):
        raw = grid.rows[r]
        if not any(v not in (None, "") for v in raw):
            continue
        values = {
            column: _text(column, raw[c] if c < len(raw) else None) for column, c in columns.items()
        }
        if not any(values.values()):
            # Something outside the known columns only: a note a unit added beside the table.
            values = {Column.CONTENT: ""}
        rows.append(ReturnedRow(r + 1, values))
    if book.format is Format.XLSX:
        _note_formulas(path, grid.name, columns, rows)
    unit, round_number = _lines_above(grid, header)
    return ReturnedFile(
        path=path, format=book.format, sheet=grid.name, columns=columns, rows=rows,
        file_mark=_file_mark(book.sheets), unit_line=unit, round_line=round_number,
        token_by_content=token_by_content,
    )  # fmt: skip


def _note_formulas(
    path: Path, sheet: str, columns: dict[Column, int], rows: list[ReturnedRow]
) -> None:
    """Mark the cells that hold a formula (their shown value was read, never the formula)."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
            if not any(b"<f" in _head(archive, n) for n in parts):
                return
        import openpyxl

        book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except Exception:  # the values were read already; only the formula notes are lost
        log.info("formula scan skipped for a returned file", exc_info=True)
        return
    try:
        if sheet not in book.sheetnames:
            return
        by_row = {row.row: row for row in rows}
        where = {c: column for column, c in columns.items()}
        for cells in book[sheet].iter_rows():
            for cell in cells:
                if getattr(cell, "data_type", "") != "f":
                    continue
                row = by_row.get(getattr(cell, "row", 0) or 0)
                column = where.get((getattr(cell, "column", 0) or 0) - 1)
                if row is not None and column is not None:
                    row.formulas.add(column)
    finally:
        book.close()


#: Bytes of a worksheet part searched for a formula element (a returned sheet is small).
_SCAN_BYTES = 64 << 20


def _head(archive: zipfile.ZipFile, name: str) -> bytes:
    with archive.open(name) as handle:
        return handle.read(_SCAN_BYTES)
