"""Fill the upper level's own workbook back with progress, keeping its layout and styles.

The filled sheet goes to the upper level as it is, names and phone numbers unmasked: it is a
full-data output, so every fill-back is written to the audit log with the file it made.
"""

from __future__ import annotations

import copy
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rectdesk.domain.deadlines import format_cn_date
from rectdesk.domain.errors import QT_TRANSLATE_NOOP, UserError
from rectdesk.domain.ledger import LedgerStore
from rectdesk.domain.model import Item, Status
from rectdesk.domain.query import ItemQuery
from rectdesk.fileio import atomic_path
from rectdesk.importers.readers import read_workbook
from rectdesk.importers.sniff import Format, sniff
from rectdesk.importers.tables import DetectedTable, parse_workbook
from rectdesk.reports.cells import put_text
from rectdesk.services.audit import note_full_export

log = logging.getLogger(__name__)

#: What the clerk is told before and after a fill-back (the CLI prints it, the dialog shows it).
FULL_DATA_NOTICE = (
    "回填的是完整信息：姓名、手机号、身份证号等个人信息原样写入新文件，不做脱敏，"
    "仅用于报送上级；每次回填都会记入审计日志。"
)

#: The columns written back, in the order they are added when the sheet lacks them.
FILL_FIELDS: tuple[tuple[str, str], ...] = (
    ("progress", "整改进展"),
    ("status", "完成情况"),
    ("closed", "是否销号"),
    ("closed_on", "销号日期"),
)
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class FillBackResult:
    """What was written: rows matched to items, rows left alone, columns added."""

    output: Path
    matched: int
    unmatched: list[tuple[str, int]]
    added_columns: list[str]


def _value(item: Item, name: str) -> str:
    if name == "progress":
        return item.progress
    if name == "status":
        return item.status.label
    if name == "closed":
        return "是" if item.status is Status.CLOSED else "否"
    if name == "closed_on":
        return format_cn_date(item.closed_on) if item.closed_on else ""
    return ""


def _match(items: list[Item]) -> tuple[dict[str, Item], dict[str, Item]]:
    by_number: dict[str, Item] = {}
    by_content: dict[str, Item] = {}
    for item in items:
        if item.number:
            by_number.setdefault(item.number, item)
        by_content.setdefault(_SPACE.sub("", item.content), item)
    return by_number, by_content


def fill_back(
    store: LedgerStore,
    batch_id: int,
    original: Path | str,
    output: Path | str,
    *,
    actor: str = "",
) -> FillBackResult:
    """Write a copy of ``original`` with each matched row's progress filled in (audited)."""
    import openpyxl

    original, output = Path(original), Path(output)
    if original.resolve() == output.resolve():
        raise UserError(QT_TRANSLATE_NOOP("Errors", "请另存为一个新文件，不要覆盖上级下发的原表。"))
    if store.readonly:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "回填会写出完整的个人信息，必须记入审计日志，但数据文件现在是只读打开的；"
                "请关闭其他 RectDesk 窗口后重新打开，再回填。",
            )
        )
    if sniff(original) is not Format.XLSX:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "“{name}”不是 xlsx 格式，无法按原样回填；请用 WPS 或 Excel 另存为 xlsx 后再回填。",
            ),
            name=original.name,
        )
    parsed = parse_workbook(read_workbook(original))
    items = store.items(ItemQuery(batch_id=batch_id))
    by_number, by_content = _match(items)
    keep_vba = original.suffix.lower() == ".xlsm"
    try:
        book = openpyxl.load_workbook(original, keep_vba=keep_vba, keep_links=False)
    except Exception as exc:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "无法打开“{name}”进行回填，文件可能已损坏。"),
            repr(exc),
            name=original.name,
        ) from exc
    matched = 0
    unmatched: list[tuple[str, int]] = []
    added: list[str] = []
    for table in parsed.tables:
        sheet = book[table.sheet]
        columns = _columns(sheet, table, added)
        for row in table.rows:
            draft = row.draft
            item = by_number.get(draft.number) if draft.number else None
            if item is None and not draft.number:
                item = by_content.get(_SPACE.sub("", draft.content))
            if item is None:
                unmatched.append((table.sheet, row.row))
                continue
            matched += 1
            for name, col in columns.items():
                cell = sheet.cell(row.row, col)
                if type(cell).__name__ == "MergedCell":
                    continue
                put_text(cell, _value(item, name))
    _save_audited(store, book, output, actor, f"批次 {batch_id} 回填 {matched} 行 → {output.name}")
    log.info("filled back batch %s: %d rows matched, %d not", batch_id, matched, len(unmatched))
    return FillBackResult(output, matched, unmatched, added)


def _save_audited(store: LedgerStore, book: Any, output: Path, actor: str, what: str) -> None:
    """Save the workbook and its audit record together: both or neither."""
    written = False
    try:
        with store.transaction():
            note_full_export(store, actor, "fill_back", f"{what}（完整个人信息）")
            with atomic_path(output) as temporary:
                book.save(temporary)
            written = True
    except BaseException:
        # The record could not be kept (disk full on commit): no unrecorded file is left.
        if written:
            output.unlink(missing_ok=True)
        raise


def _columns(sheet: Any, table: DetectedTable, added: list[str]) -> dict[str, int]:
    """Where each filled field goes (1-based): its own column, or a new one at the right."""
    from openpyxl.utils import get_column_letter

    found: dict[str, int] = {}
    for name, _ in FILL_FIELDS:
        index = table.column_for(name)
        if index is not None:
            found[name] = index + 1
    last = max(c.index for c in table.columns) + 1
    header_row = table.header_row
    width = sheet.column_dimensions[get_column_letter(last)].width or 16
    for name, label in FILL_FIELDS:
        if name in found:
            continue
        last += 1
        found[name] = last
        for row_number in (header_row, *table.repeated_headers):
            cell = sheet.cell(row_number, last)
            put_text(cell, label)
            cell._style = copy.copy(sheet.cell(row_number, last - 1)._style)
        if table.header_height > 1:
            sheet.merge_cells(
                start_row=header_row, start_column=last,
                end_row=header_row + table.header_height - 1, end_column=last,
            )  # fmt: skip
        sheet.column_dimensions[get_column_letter(last)].width = max(width, 14)
        for row in table.rows:
            source = sheet.cell(row.row, last - 1)
            sheet.cell(row.row, last)._style = copy.copy(source._style)
        added.append(f"{table.sheet}：{label}")
    return found
