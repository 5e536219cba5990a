"""Read every sheet of a workbook or CSV into plain grids of values, within fixed limits."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from rectdesk.domain.errors import QT_TRANSLATE_NOOP, UserError, localized
from rectdesk.importers.sheetxml import (
    ForbiddenXml,
    SheetReader,
    TooMuchText,
    read_shared_strings,
)
from rectdesk.importers.sniff import Format, refuse, sniff

CellValue = str | int | float | bool | dt.datetime | dt.date | dt.time | None
Row = Sequence[CellValue]

#: Excel's own limit on the characters in a cell; longer text is cut with a warning.
MAX_CELL_CHARS = 32767
#: Columns beyond this are ignored (no ledger has two hundred columns).
MAX_COLUMNS = 200
#: Excel's own row limit.
MAX_ROWS = 1_048_576
#: All the text of one file together; beyond it the file is refused (memory stays bounded).
MAX_TOTAL_CHARS = 120_000_000
#: Cells that merged ranges may fill in; a few bytes of XML can otherwise ask for billions.
MAX_MERGED_CELLS = 2_000_000

EMPTY_ROW: tuple[CellValue, ...] = ()
_ZERO_FORMAT = re.compile(r"0{2,}")


class ImportCancelled(Exception):
    """The clerk cancelled a slow read."""


@dataclass(frozen=True, slots=True)
class Merge:
    """A merged range, 0-based and inclusive."""

    top: int
    left: int
    bottom: int
    right: int


@dataclass(slots=True)
class SheetGrid:
    """One sheet's values, merged ranges filled in, with what was noticed while reading."""

    name: str
    rows: list[Row]
    merges: list[Merge] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def value(self, row: int, col: int) -> CellValue:
        cells = self.rows[row] if row < len(self.rows) else EMPTY_ROW
        return cells[col] if col < len(cells) else None

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)


@dataclass(slots=True)
class Workbook:
    """Every sheet of a file, in order."""

    path: Path
    format: Format
    sheets: list[SheetGrid]


Progress = Callable[[int], None]
Cancelled = Callable[[], bool]


def too_much_text(path: Path, detail: str = "") -> UserError:
    return refuse(
        path,
        QT_TRANSLATE_NOOP("Errors", "表格文字总量过大（超过一亿字），已停止读取，请检查文件。"),
        detail,
    )


class _Budget:
    """Counts characters and rows read, reports progress and honours cancel."""

    def __init__(self, path: Path, progress: Progress | None, cancelled: Cancelled | None):
        self.path = path
        self.chars = 0
        self.rows = 0
        self.progress = progress
        self.cancelled = cancelled

    def text(self, value: str, notes: list[str], row: int) -> str:
        if len(value) > MAX_CELL_CHARS:
            notes.append(
                localized(
                    QT_TRANSLATE_NOOP("Errors", "第{row}行单元格超过 {limit} 个字符，已截断"),
                    row=row,
                    limit=MAX_CELL_CHARS,
                )
            )
            value = value[:MAX_CELL_CHARS]
        self.chars += len(value)
        if self.chars > MAX_TOTAL_CHARS:
            raise too_much_text(self.path)
        return value

    def row_done(self) -> None:
        self.rows += 1
        if self.rows % 500 == 0:
            if self.cancelled is not None and self.cancelled():
                raise ImportCancelled
            if self.progress is not None:
                self.progress(self.rows)


def read_workbook(
    path: Path | str, *, progress: Progress | None = None, cancelled: Cancelled | None = None
) -> Workbook:
    """Every sheet of the file, its format decided by content; a UserError for bad files."""
    path = Path(path)
    kind = sniff(path)
    budget = _Budget(path, progress, cancelled)
    try:
        if kind is Format.XLSX:
            # openpyxl over defusedxml, streamed cell by cell. A faster native reader was tried
            # and refused: it aborts the whole process on hostile size attributes.
            sheets = _read_xlsx(path, budget)
        elif kind is Format.XLS:
            sheets = _read_xls(path, budget)
        else:
            sheets = [_read_csv(path, budget)]
    except OSError as exc:  # the file went away or the drive failed while it was being read
        raise refuse(
            path,
            QT_TRANSLATE_NOOP(
                "Errors", "读取过程中文件被移走、删除或无法读取，请把文件复制到本机后再导入。"
            ),
            repr(exc),
        ) from exc
    for sheet in sheets:
        _fill_merges(path, sheet)
    if not any(sheet.rows for sheet in sheets):
        raise refuse(
            path,
            QT_TRANSLATE_NOOP("Errors", "表格里没有任何内容，请确认是否选对了文件。"),
        )
    return Workbook(path, kind, sheets)


def _fill_merges(path: Path, sheet: SheetGrid) -> None:
    """A merged cell's value applies to every cell it covers (within MAX_MERGED_CELLS)."""
    rows = sheet.rows
    area = sum(
        (min(m.bottom, len(rows) - 1) - m.top + 1) * (m.right - m.left + 1)
        for m in sheet.merges
        if m.top < len(rows)
    )
    if area > MAX_MERGED_CELLS:
        raise refuse(
            path,
            QT_TRANSLATE_NOOP(
                "Errors",
                "工作表“{sheet}”的合并单元格范围异常巨大（疑似恶意构造），已拒绝打开；"
                "请在 WPS 或 Excel 中取消整行整列的合并后另存。",
            ),
            f"{area} merged cells",
            sheet=sheet.name,
        )
    for merge in sheet.merges:
        if merge.top >= len(rows):
            continue
        first = rows[merge.top]
        value = first[merge.left] if merge.left < len(first) else None
        if value is None:
            continue
        for r in range(merge.top, min(merge.bottom, len(rows) - 1) + 1):
            cells = list(rows[r])
            if len(cells) <= merge.right:
                cells.extend([None] * (merge.right + 1 - len(cells)))
            for c in range(merge.left, merge.right + 1):
                if cells[c] is None or cells[c] == "":
                    cells[c] = value
            rows[r] = cells


def _ranges(refs: Sequence[str]) -> list[Merge]:
    from openpyxl.utils.cell import range_boundaries

    merges = []
    for ref in refs:
        try:
            left, top, right, bottom = range_boundaries(ref)
        except (ValueError, TypeError):
            continue
        if None in (left, top, right, bottom):
            continue
        assert left is not None and top is not None and right is not None and bottom is not None
        if bottom - top > MAX_ROWS or left > MAX_COLUMNS:
            continue
        right = min(right, MAX_COLUMNS)
        merges.append(Merge(top - 1, left - 1, bottom - 1, right - 1))
    return merges


# -- xlsx ------------------------------------------------------------------------------------


def _broken(path: Path, exc: BaseException) -> UserError:
    return refuse(
        path,
        QT_TRANSLATE_NOOP("Errors", "文件已损坏或不完整（可能下载或拷贝中断），请重新获取原文件。"),
        repr(exc),
    )


def _read_xlsx(path: Path, budget: _Budget) -> list[SheetGrid]:
    from defusedxml import DefusedXmlException

    # A file object, not the name: openpyxl would refuse a workbook named .csv or .et.
    handle = path.open("rb")
    try:
        book = _load_workbook(handle)
    except (DefusedXmlException, ForbiddenXml) as exc:
        handle.close()
        raise _forbidden(path, exc) from exc
    except TooMuchText as exc:
        handle.close()
        raise too_much_text(path, str(exc)) from exc
    except OSError:
        handle.close()
        raise
    except Exception as exc:  # any parser failure on a hostile or broken file
        handle.close()
        raise _broken(path, exc) from exc
    try:
        sheets = []
        for sheet in book.worksheets:
            if not hasattr(sheet, "_worksheet_path"):
                continue  # a chart sheet holds no table
            sheets.append(_read_xlsx_sheet(path, book, sheet, budget))
        return sheets
    except (UserError, ImportCancelled, OSError):
        raise
    except (DefusedXmlException, ForbiddenXml) as exc:
        raise _forbidden(path, exc) from exc
    except Exception as exc:
        raise _broken(path, exc) from exc
    finally:
        book.close()
        handle.close()


def _load_workbook(handle: IO[bytes]) -> Any:
    """openpyxl's read-only workbook, with the shared strings read by the lean reader."""
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.xml.constants import SHARED_STRINGS

    class Reader(ExcelReader):  # type: ignore[misc]
        def read_strings(self) -> None:
            found = self.package.find(SHARED_STRINGS)
            if found is not None:
                with self.archive.open(found.PartName[1:]) as source:
                    self.shared_strings = read_shared_strings(source)

    reader = Reader(handle, read_only=True, data_only=True, keep_links=False)
    reader.read()
    return reader.wb


def _forbidden(path: Path, exc: BaseException) -> UserError:
    return refuse(
        path,
        QT_TRANSLATE_NOOP("Errors", "文件含有被禁止的 XML 结构（疑似恶意构造），已拒绝打开。"),
        repr(exc),
    )


def _number_format(book: Any, style_id: int) -> str:
    from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE

    try:
        format_id = book._cell_styles[style_id].numFmtId
        if format_id < BUILTIN_FORMATS_MAX_SIZE:
            return str(BUILTIN_FORMATS.get(format_id, "General"))
        return str(book._number_formats[format_id - 164])
    except (IndexError, KeyError, AttributeError):
        return "General"


def _read_xlsx_sheet(path: Path, book: Any, sheet: Any, budget: _Budget) -> SheetGrid:
    from openpyxl.utils.datetime import from_excel

    grid = SheetGrid(str(sheet.title), [])
    rows: list[Row] = grid.rows
    shared = getattr(sheet, "_shared_strings", None) or book.shared_strings
    date_styles = book._date_formats
    pads: dict[int, int] = {}

    def convert(raw: str, style: int) -> CellValue:
        try:
            number: int | float = int(raw) if raw.lstrip("-").isdigit() else float(raw)
        except ValueError:
            return raw
        if not style:
            return number
        if style in date_styles:
            try:
                return from_excel(number, book.epoch)  # type: ignore[no-any-return]
            except (OverflowError, ValueError, TypeError):
                return number
        if style not in pads:
            fmt = _number_format(book, style)
            pads[style] = len(fmt) if _ZERO_FORMAT.fullmatch(fmt) else 0
        if pads[style] and float(number).is_integer():
            return str(int(number)).zfill(pads[style])  # 编号 kept as 0000… formatted
        return number

    def on_row(index: int, values: list[CellValue]) -> None:
        if index > MAX_ROWS or index < 1:
            raise refuse(
                path,
                QT_TRANSLATE_NOOP("Errors", "工作表“{sheet}”的行号异常，文件可能已损坏。"),
                sheet=sheet.title,
            )
        kept = False
        for i, value in enumerate(values):
            if isinstance(value, str):
                size = len(value)
                if size > MAX_CELL_CHARS or budget.chars + size > MAX_TOTAL_CHARS:
                    values[i] = value = budget.text(value, grid.notes, index)
                else:
                    budget.chars += size  # what budget.text does for a cell within limits
                kept = kept or value != ""
            elif value is not None:
                kept = True
        if not kept:
            return  # nothing kept: no gap of empty rows is made for it
        if len(rows) < index - 1:
            rows.extend([EMPTY_ROW] * (index - 1 - len(rows)))
        rows.append(values)
        budget.row_done()

    reader = SheetReader(shared, convert, on_row, MAX_COLUMNS)
    with book._archive.open(sheet._worksheet_path) as source:
        reader.parse(source)
    grid.merges = _ranges(reader.merges)
    if reader.wide:
        grid.notes.append(
            localized(
                QT_TRANSLATE_NOOP("Errors", "第 {column} 列以后的内容已忽略"), column=MAX_COLUMNS
            )
        )
    _trim(grid)
    return grid


def _trim(grid: SheetGrid) -> None:
    last = len(grid.rows)
    while last and not any(v is not None and v != "" for v in grid.rows[last - 1]):
        last -= 1
    del grid.rows[last:]


# -- xls / et ---------------------------------------------------------------------------------


def _read_xls(path: Path, budget: _Budget) -> list[SheetGrid]:
    import xlrd

    quiet = io.StringIO()  # xlrd writes its warnings to stdout by default
    try:
        try:
            book = xlrd.open_workbook(
                str(path), formatting_info=True, on_demand=True, logfile=quiet
            )
        except NotImplementedError:
            book = xlrd.open_workbook(str(path), on_demand=True, logfile=quiet)
    except xlrd.XLRDError as exc:
        if "encrypt" in str(exc).lower():
            raise refuse(
                path,
                QT_TRANSLATE_NOOP(
                    "Errors", "表格设置了打开密码，请在 WPS 或 Excel 中取消密码后另存，再导入。"
                ),
            ) from exc
        raise _broken(path, exc) from exc
    except Exception as exc:
        raise _broken(path, exc) from exc
    try:
        return [_read_xls_sheet(path, book, i, budget) for i in range(book.nsheets)]
    except (UserError, ImportCancelled):
        raise
    except Exception as exc:
        raise _broken(path, exc) from exc
    finally:
        book.release_resources()


def _read_xls_sheet(path: Path, book: Any, index: int, budget: _Budget) -> SheetGrid:
    import xlrd

    sheet = book.sheet_by_index(index)
    grid = SheetGrid(str(sheet.name), [])
    width = min(sheet.ncols, MAX_COLUMNS)
    for r in range(sheet.nrows):
        values: list[CellValue] = []
        for c in range(min(sheet.row_len(r), width)):
            cell = sheet.cell(r, c)
            value: CellValue = None
            if cell.ctype == xlrd.XL_CELL_TEXT:
                value = budget.text(str(cell.value), grid.notes, r + 1)
            elif cell.ctype == xlrd.XL_CELL_NUMBER:
                value = float(cell.value)
            elif cell.ctype == xlrd.XL_CELL_DATE:
                try:
                    value = xlrd.xldate_as_datetime(cell.value, book.datemode)
                except (ValueError, OverflowError, xlrd.xldate.XLDateError):
                    value = str(cell.value)
            elif cell.ctype == xlrd.XL_CELL_BOOLEAN:
                value = bool(cell.value)
            values.append(value)
        grid.rows.append(values)
        budget.row_done()
    grid.merges = [
        Merge(r1, c1, r2 - 1, min(c2, MAX_COLUMNS) - 1)
        for r1, r2, c1, c2 in getattr(sheet, "merged_cells", [])
        if c1 < MAX_COLUMNS
    ]
    _trim(grid)
    return grid


# -- csv --------------------------------------------------------------------------------------


def decode_text(path: Path, data: bytes) -> str:
    """UTF-8 (with or without BOM), else GB18030 (a superset of GBK); refuse anything else."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise _undecodable(path, exc) from exc
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise _undecodable(path, None)


def _undecodable(path: Path, exc: BaseException | None) -> UserError:
    return refuse(
        path,
        QT_TRANSLATE_NOOP(
            "Errors",
            "文字编码无法识别（不是 UTF-8 或 GBK），请用 WPS 或 Excel 打开后另存为 xlsx 再导入。",
        ),
        repr(exc),
    )


def _read_csv(path: Path, budget: _Budget) -> SheetGrid:
    text = decode_text(path, path.read_bytes())
    if "\x00" in text:
        raise refuse(
            path,
            QT_TRANSLATE_NOOP("Errors", "文件内容不是表格，也不是文本，请检查是否选错了文件。"),
        )
    sample = text[:20000]
    delimiter = max(",\t;", key=sample.count) if any(d in sample for d in ",\t;") else ","
    csv.field_size_limit(MAX_TOTAL_CHARS)
    chars = budget.chars
    try:
        # Strict first: an opening quote that is never closed would otherwise swallow every
        # row after it into one cell without a word.
        return _csv_grid(path, text, delimiter, budget, strict=True)
    except csv.Error as exc:
        if "end of data" in str(exc):
            raise refuse(
                path,
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "文本表格里有一个引号没有配对，它后面的各行都会被并进一个单元格；"
                    "请用 WPS 或 Excel 打开核对后另存为 xlsx 再导入。",
                ),
                repr(exc),
            ) from exc
    # Other strictness complaints (a quote inside an unquoted cell) are read as WPS reads them.
    budget.chars = chars
    try:
        return _csv_grid(path, text, delimiter, budget, strict=False)
    except csv.Error as exc:
        raise refuse(
            path,
            QT_TRANSLATE_NOOP(
                "Errors", "文本表格的格式有误（引号不配对等），请用 WPS 或 Excel 另存为 xlsx。"
            ),
            repr(exc),
        ) from exc


def _csv_grid(path: Path, text: str, delimiter: str, budget: _Budget, *, strict: bool) -> SheetGrid:
    grid = SheetGrid(path.stem, [])
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, strict=strict)
    for number, record in enumerate(reader, 1):
        if number > MAX_ROWS:
            raise refuse(path, QT_TRANSLATE_NOOP("Errors", "文件行数超过一百万行，已拒绝导入。"))
        values: list[CellValue] = [
            budget.text(v, grid.notes, number) if v else None for v in record[:MAX_COLUMNS]
        ]
        grid.rows.append(values)
        budget.row_done()
    _trim(grid)
    return grid


def zip_member_names(path: Path) -> list[str]:
    """Names inside a zip workbook (used to spot external links)."""
    try:
        with zipfile.ZipFile(path) as archive:
            return archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return []
