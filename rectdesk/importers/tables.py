"""Find the tables in messy sheets and turn their rows into item drafts with warnings."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from rectdesk.domain import deadline_notes as notes
from rectdesk.domain.deadline_notes import joined, note, shown
from rectdesk.domain.deadlines import parse_deadline, parse_iso
from rectdesk.domain.departments import parse_departments
from rectdesk.domain.errors import QT_TRANSLATE_NOOP, localized
from rectdesk.domain.model import Assignment, Deadline, ItemDraft, Role, Status
from rectdesk.importers.headers import ColumnMap, map_columns
from rectdesk.importers.readers import CellValue, Row, SheetGrid, Workbook
from rectdesk.importers.values import (
    cell_text,
    has_ordinal,
    restore_number,
    status_from_text,
    strip_ordinal,
    yes_no,
)

#: Rows searched for the first header of a sheet.
HEADER_SEARCH_ROWS = 60
_FOOTER = re.compile(
    r"^(填表人|填报人|审核人|联系电话|填报单位|制表人|制表单位|单位负责人|负责人|签字|"
    r"填报日期|填表日期|注[:：]|说明[:：]|备注[:：])"
)
_TOTAL = re.compile(r"^(合\s*计|总\s*计|小\s*计|共\s*计)")
_EXAMPLE = frozenset({"示例", "例", "样例", "举例", "（示例）", "(示例)", "示例行"})
_DATE_LINE = re.compile(r"(?:填报|日期|时间)[^\d]{0,6}(20\d{2})\s*[年.\-/]")
#: A full date in the lines above the table (a 填报日期, or the document's own date line).
_FULL_DATE = re.compile(r"(20\d{2})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*日?")
_YEAR = re.compile(r"(20\d{2})\s*年")
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fa5]{1,12}[〔\[［(（]\s*20\d{2}\s*[〕\]］)）]\s*\d{1,4}\s*号")
_DEFAULT_SHEET = re.compile(r"^(sheet|工作表)\s*\d*$", re.IGNORECASE)
_SEQ = re.compile(r"^\d{1,6}$")

#: Mapping overrides: sheet name -> {header text as shown: field or None}.
Overrides = Mapping[str, Mapping[str, str | None]]


@dataclass(slots=True)
class ParsedRow:
    """One source row that becomes an item."""

    sheet: str
    row: int  # 1-based, as the spreadsheet shows it
    draft: ItemDraft
    warnings: list[str] = field(default_factory=list)
    closed: bool = False
    year_inferred: bool = False
    status_given: bool = False  # a status or 销号 column said it, not only progress


@dataclass(slots=True)
class DetectedTable:
    """A table found in a sheet: where its header is, how its columns map, and its rows."""

    sheet: str
    header_row: int  # 1-based
    header_height: int
    columns: list[ColumnMap]
    rows: list[ParsedRow] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    repeated_headers: list[int] = field(default_factory=list)  # 1-based, one per section

    def column_for(self, name: str) -> int | None:
        for column in self.columns:
            if column.field == name:
                return column.index
        return None


@dataclass(slots=True)
class ParsedFile:
    """Everything found in one file, ready for a preview."""

    workbook: Workbook
    title: str
    year: int | None
    year_source: str
    doc_number: str
    tables: list[DetectedTable]
    notes: list[str]
    #: The document's own date when the lines above the table give one.
    dated: dt.date | None = None

    @property
    def rows(self) -> list[ParsedRow]:
        return [row for table in self.tables for row in table.rows]


@lru_cache(maxsize=4096)
def _mapped(headers: tuple[str, ...]) -> tuple[ColumnMap, ...]:
    return tuple(map_columns(list(headers)))


def _texts(row: Row) -> list[str]:
    return [cell_text(v) for v in row]


def _could_be_header(texts: list[str]) -> bool:
    filled = [t for t in texts if t]
    return len(filled) >= 2 and all(len(t) <= 30 for t in filled) and not _SEQ.match(filled[0])


def _score(columns: tuple[ColumnMap, ...]) -> int:
    return len({c.field for c in columns if c.field})


def _is_header(columns: tuple[ColumnMap, ...], minimum: int) -> bool:
    return _score(columns) >= minimum and any(c.field == "content" for c in columns)


def _apply(columns: tuple[ColumnMap, ...], overrides: Mapping[str, str | None]) -> list[ColumnMap]:
    result = []
    for column in columns:
        key = column.header
        if key in overrides:
            target = overrides[key]
            result.append(ColumnMap(column.index, column.header, target, 1.0 if target else 0.0))
        else:
            result.append(ColumnMap(column.index, column.header, column.field, column.confidence))
    return result


def _two_row_header(first: list[str], second: list[str]) -> list[str] | None:
    """Headers combined from a group row and the row under it, or None if it is not one."""
    if len({t for t in first if t}) < 2:
        return None  # a title line over the header, not a group row
    grouped = any(first[i] and first[i] == first[i + 1] for i in range(len(first) - 1))
    filled = [t for t in second if t]
    if not grouped or not filled or any(len(t) > 20 for t in filled) or _SEQ.match(second[0]):
        return None
    combined = []
    for i in range(max(len(first), len(second))):
        top = first[i] if i < len(first) else ""
        low = second[i] if i < len(second) else ""
        if not low or low == top:
            combined.append(top)
        elif _mapped((low,))[0].field is not None:
            combined.append(low)
        else:
            combined.append(top + low)
    return combined


def _document_date(rows: list[list[str]]) -> dt.date | None:
    """The document's date: a 填报日期 line, or a line that is only a date, above the table."""
    for texts in rows:
        line = " ".join(dict.fromkeys(t for t in texts if t)).strip()
        found = _FULL_DATE.search(line)
        if found is None or not (_DATE_LINE.search(line) or found.group(0) == line):
            continue
        try:
            return dt.date(*(int(part) for part in found.groups()))
        except ValueError:
            continue
    return None


def _document_facts(rows: list[list[str]]) -> tuple[str, int | None, str, str]:
    """Title, year (with where it came from) and 文号 from the lines above the first header."""
    title, year, source, doc = "", None, "", ""
    for texts in rows:
        line = " ".join(dict.fromkeys(t for t in texts if t))
        if not line:
            continue
        if not doc:
            found = _DOC_NUMBER.search(line)
            doc = found.group(0) if found else ""
        date_line = _DATE_LINE.search(line)
        if date_line and source != "填报日期":
            year, source = int(date_line.group(1)), "填报日期"
        single = len(set(t for t in texts if t)) == 1
        if not single or line.startswith(("附件", "注", "说明", "填报", "单位")) or len(line) < 6:
            continue
        if _DATE_LINE.search(line) or has_ordinal(line):
            continue
        if not title:
            title = line
        elif len(title) < 40:
            title = title + line
    if year is None and title:
        found_year = _YEAR.search(title)
        if found_year:
            year, source = int(found_year.group(1)), "标题"
    return title, year, source, doc


class _SheetReader:
    """Walks one sheet top to bottom, following headers and section rows."""

    def __init__(
        self,
        grid: SheetGrid,
        year: int | None,
        overrides: Mapping[str, str | None],
        dated: dt.date | None = None,
    ):
        self.grid = grid
        self.year = year
        self.dated = dated
        self.overrides = overrides
        self.tables: list[DetectedTable] = []

    def first_header(self) -> int | None:
        best, best_score = None, 1
        limit = min(len(self.grid.rows), HEADER_SEARCH_ROWS)
        for r in range(limit):
            texts = _texts(self.grid.rows[r])
            if not _could_be_header(texts):
                continue
            columns = _mapped(tuple(self._headers(r, texts)[0]))
            # Strictly better only: of a two-row header, its first row is the header.
            if _is_header(columns, 2) and _score(columns) > best_score:
                best, best_score = r, _score(columns)
        return best

    def _headers(self, r: int, texts: list[str]) -> tuple[list[str], int]:
        if r + 1 < len(self.grid.rows):
            combined = _two_row_header(texts, _texts(self.grid.rows[r + 1]))
            if combined is not None:
                return combined, 2
        return texts, 1

    def read(self, start: int) -> None:
        rows = self.grid.rows
        category = self._sections_above(start)
        table, minimum = None, 2
        r = start
        while r < len(rows):
            if not rows[r]:  # the gaps of a sparse sheet: cheap to pass over
                r += 1
                continue
            texts = _texts(rows[r])
            if r == start or (
                table is not None
                and _could_be_header(texts)
                and _is_header(_mapped(tuple(self._headers(r, texts)[0])), minimum)
            ):
                table, height = self._open_table(r, texts)
                minimum = max(2, (_score(tuple(table.columns)) * 3 + 4) // 5)
                r += height
                continue
            assert table is not None
            section = self._section(texts, r)
            if section is not None:
                category = section
                table.skipped["分类行"] += 1
            else:
                self._data_row(table, texts, rows[r], r, category)
            r += 1

    def _open_table(self, r: int, texts: list[str]) -> tuple[DetectedTable, int]:
        headers, height = self._headers(r, texts)
        columns = _apply(_mapped(tuple(headers)), self.overrides)
        previous = self.tables[-1] if self.tables else None
        if previous is not None and [c.field for c in previous.columns] == [
            c.field for c in columns
        ]:
            previous.skipped["重复表头"] += 1
            previous.repeated_headers.append(r + 1)
            return previous, height
        table = DetectedTable(self.grid.name, r + 1, height, columns)
        self.tables.append(table)
        return table, height

    def _sections_above(self, start: int) -> str:
        category = ""
        for r in range(start - 1, -1, -1):
            texts = [t for t in _texts(self.grid.rows[r]) if t]
            distinct = set(texts)
            if len(distinct) == 1:
                text = texts[0]
                if has_ordinal(text) and not _FOOTER.match(text):
                    return strip_ordinal(text)
            elif distinct:
                break  # a count table or other content: no section directly above
        return category

    def _section(self, texts: list[str], r: int) -> str | None:
        filled = [t for t in texts if t]
        if not filled or len(set(filled)) != 1:
            return None
        text = filled[0]
        if _FOOTER.match(text) or _TOTAL.match(text) or _SEQ.match(text) or len(text) > 60:
            return None
        if has_ordinal(text) or (len(filled) >= 2 and len(texts) >= 3):
            return strip_ordinal(text) or text
        return None

    def _data_row(
        self, table: DetectedTable, texts: list[str], raw: Row, r: int, category: str
    ) -> None:
        filled = [t for t in texts if t]
        if not filled:
            table.skipped["空行"] += 1
            return
        first = filled[0]
        if _FOOTER.match(first):
            table.skipped["表尾"] += 1
            return
        if _TOTAL.match(first):
            table.skipped["合计行"] += 1
            return
        if any(t in _EXAMPLE for t in filled) or first.startswith(("示例", "例：", "例:")):
            table.skipped["示例行"] += 1
            return
        parsed = _to_item(table, texts, raw, r, category, self.year, self.dated)
        if parsed is None:
            table.skipped["无内容"] += 1
        else:
            table.rows.append(parsed)


def _to_item(
    table: DetectedTable,
    texts: list[str],
    raw: Row,
    r: int,
    category: str,
    year: int | None,
    dated: dt.date | None,
) -> ParsedRow | None:
    values: dict[str, str] = {}
    cells: dict[str, CellValue] = {}
    extra: dict[str, str] = {}
    departments: list[Assignment] = []
    for column in table.columns:
        text = texts[column.index] if column.index < len(texts) else ""
        name = column.field
        if name is None:
            if text and column.header:
                extra[column.header] = text
            elif text:
                extra[f"第{column.index + 1}列"] = text
            continue
        if name in ("departments", "assist"):
            for unit, lead in parse_departments(text):
                role = (
                    Role.LEAD
                    if lead or (name == "departments" and not departments)
                    else Role.ASSIST
                )
                departments.append(Assignment(unit, role))
            continue
        values[name] = text
        cells[name] = raw[column.index] if column.index < len(raw) else None
    content = values.get("content", "")
    if not content and not any(v and k != "seq" for k, v in values.items()):
        return None
    row = ParsedRow(table.sheet, r + 1, ItemDraft(content=content))
    draft = row.draft
    if not content:
        row.warnings.append(localized(QT_TRANSLATE_NOOP("Errors", "问题内容为空，请核对")))
    draft.seq = values.get("seq", "")
    number, warning = restore_number(cells.get("number"))
    draft.number = number
    if warning:
        row.warnings.append(warning)
    draft.category = strip_ordinal(values.get("category", "")) or category
    for name in ("origin", "lead", "owner", "measures", "outcomes", "progress", "remarks",
                 "result_class", "satisfaction"):  # fmt: skip
        setattr(draft, name, values.get(name, ""))
    draft.departments = departments
    deadline_cell = cells.get("deadline")
    excel_date = deadline_cell if isinstance(deadline_cell, dt.date | dt.datetime) else None
    deadline_text = values.get("deadline", "") if excel_date is None else ""
    draft.deadline = parse_deadline(deadline_text, excel_date=excel_date)
    if year is not None and draft.deadline.date is None and "年份" in draft.deadline.warning:
        draft.deadline = _with_year(deadline_text, year, dated)
        row.year_inferred = True
    if draft.deadline.warning:
        row.warnings.append(shown(draft.deadline.warning))
    _status(row, values, cells)
    draft.extra = extra
    return row


def _with_year(text: str, year: int, dated: dt.date | None = None) -> Deadline:
    """A year-less deadline read in *year*, and never before the document's date *dated*."""
    parsed = parse_deadline(text, year=year, not_before=dated)
    if dated is not None:
        return parsed  # it says itself which date it took
    warning = joined([parsed.warning, note(notes.YEAR_OF_BATCH, text=f"“{text}”", year=year)])
    return Deadline(parsed.text, parsed.date, parsed.kind, parsed.ongoing, warning)


def _reyear(tables: list[DetectedTable], year: int | None, dated: dt.date | None) -> int | None:
    """A title's year is the assessment's; when the table's own dated deadlines agree on
    another year, year-less deadlines take that one."""
    explicit = Counter(
        r.draft.deadline.date.year
        for t in tables
        for r in t.rows
        if r.draft.deadline.date is not None and not r.year_inferred
    )
    if not explicit:
        return year
    common, _ = explicit.most_common(1)[0]
    if common == year:
        return year
    for table in tables:
        for row in table.rows:
            if row.year_inferred:
                old = shown(row.draft.deadline.warning)
                row.warnings = [w for w in row.warnings if w != old]
                row.draft.deadline = _with_year(row.draft.deadline.text, common, dated)
                row.warnings.append(shown(row.draft.deadline.warning))
    return common


def _status(row: ParsedRow, values: dict[str, str], cells: dict[str, CellValue]) -> None:
    draft = row.draft
    status = status_from_text(values.get("status", ""))
    closed = yes_no(values.get("closed", ""))
    if values.get("status") and status is None:
        row.warnings.append(
            localized(
                QT_TRANSLATE_NOOP("Errors", "完成情况“{status}”无法识别，已按未启动导入"),
                status=values["status"][:20],
            )
        )
    closed_cell = cells.get("closed_on")
    closed_on = None
    if isinstance(closed_cell, dt.datetime):
        closed_on = closed_cell.date()
    elif isinstance(closed_cell, dt.date):
        closed_on = closed_cell
    elif values.get("closed_on"):
        closed_on = parse_iso(values["closed_on"].replace("/", "-").replace(".", "-"))
        if closed_on is None:
            closed_on = parse_deadline(values["closed_on"]).date
    if closed or status is Status.CLOSED:
        status = Status.CLOSED
        row.closed = True
        if closed_on is None:
            row.warnings.append(
                localized(QT_TRANSLATE_NOOP("Errors", "已销号但没有销号日期，请补填"))
            )
    row.status_given = status is not None
    if status is None and draft.progress:
        status = Status.IN_PROGRESS
    if status is Status.DECLINED:
        draft.status_reason = values.get("status", "")
    draft.status = status or Status.PENDING
    draft.closed_on = closed_on if draft.status is Status.CLOSED else None


def _pad_numbers(table: DetectedTable, grid: SheetGrid) -> None:
    """A 15-digit number read from a number cell, where its peers are 16 digits with a leading
    zero, lost that zero to Excel: put it back and say so."""
    column = table.column_for("number")
    if column is None:
        return
    peers = [r.draft.number for r in table.rows if r.draft.number and r.draft.number[0] == "0"]
    if not peers:
        return
    width, _ = Counter(len(n) for n in peers).most_common(1)[0]
    prefixes = {n[:4] for n in peers if len(n) == width}
    for row in table.rows:
        number = row.draft.number
        raw = grid.value(row.row - 1, column)
        if not number or not isinstance(raw, int | float) or len(number) != width - 1:
            continue
        if "0" + number[:3] in prefixes:  # same series as its peers, less the zero
            row.draft.number = "0" + number
            row.warnings.append(
                localized(
                    QT_TRANSLATE_NOOP(
                        "Errors", "编号“{number}”丢失了前导零，已按同表编号补为“0{number}”，请核对"
                    ),
                    number=number,
                )
            )


def parse_workbook(
    book: Workbook, *, year: int | None = None, overrides: Overrides | None = None
) -> ParsedFile:
    """Every table of every sheet; ``year`` (the batch's) wins over the year in the document."""
    overrides = overrides or {}
    notes: list[str] = []
    found: list[tuple[SheetGrid, int]] = []
    for grid in book.sheets:
        notes.extend(
            localized(
                QT_TRANSLATE_NOOP("Errors", "工作表“{sheet}”：{note}"), sheet=grid.name, note=note
            )
            for note in grid.notes
        )
        if not grid.rows:
            continue
        start = _SheetReader(grid, None, {}).first_header()
        if start is None:
            notes.append(
                localized(
                    QT_TRANSLATE_NOOP(
                        "Errors", "工作表“{sheet}”没有找到含“问题/意见内容”列的表头，未导入"
                    ),
                    sheet=grid.name,
                )
            )
            continue
        found.append((grid, start))
    title, doc_year, source, doc = "", None, "", ""
    dated: dt.date | None = None
    if found:
        grid, start = found[0]
        above = [_texts(r) for r in grid.rows[:start]]
        title, doc_year, source, doc = _document_facts(above)
        dated = _document_date(above)
    if year is not None:
        doc_year, source = year, "批次"
    tables: list[DetectedTable] = []
    for grid, start in found:
        reader = _SheetReader(grid, doc_year, overrides.get(grid.name, {}), dated)
        reader.read(start)
        for table in reader.tables:
            _pad_numbers(table, grid)
        if len(found) > 1 and not _DEFAULT_SHEET.match(grid.name):
            for table in reader.tables:
                for row in table.rows:
                    row.draft.category = row.draft.category or grid.name.strip()
        tables.extend(reader.tables)
    if source == "标题":
        found_year = _reyear(tables, doc_year, dated)
        if found_year != doc_year:
            doc_year, source = found_year, "表中时限"
    if found and not any(table.rows for table in tables):
        notes.append(
            localized(QT_TRANSLATE_NOOP("Errors", "找到了表头，但表头下面没有可导入的事项"))
        )
    return ParsedFile(book, title, doc_year, source, doc, tables, notes, dated)


def apply_year(parsed: ParsedFile, year: int | None) -> None:
    """Give year-less deadlines the batch's year (cheap: no re-reading of the file)."""
    if year is None or year == parsed.year:
        return
    for row in parsed.rows:
        if row.year_inferred:
            old = shown(row.draft.deadline.warning)
            row.warnings = [w for w in row.warnings if w != old]
            row.draft.deadline = _with_year(row.draft.deadline.text, year, parsed.dated)
            row.warnings.append(shown(row.draft.deadline.warning))
    parsed.year, parsed.year_source = year, "批次"
