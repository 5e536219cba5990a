"""The audit log for the clerk: readable rows, per item or whole, exported as CSV or Excel."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from rectdesk.domain.errors import QT_TRANSLATE_NOOP, UserError
from rectdesk.domain.ledger import LedgerStore
from rectdesk.domain.model import FIELD_LABELS, LEDGER_KIND_LABELS, AuditEntry
from rectdesk.domain.privacy import OutputMode, mask_data
from rectdesk.fileio import atomic_path, write_bytes_atomic
from rectdesk.reports.cells import csv_text, put_text
from rectdesk.services import settings

HEADERS: tuple[str, ...] = ("序号", "时间", "操作人", "事项", "操作", "字段", "原值", "新值")

ACTION_LABELS: dict[str, str] = {
    "add_batch": "新增批次",
    "delete_batch": "删除批次",
    "add_items": "添加事项",
    "update": "修改",
    "delete": "删除事项",
    "ledger": "记台账",
    "delete_ledger": "删除台账记录",
    "attach": "添加佐证材料",
    "export_full": "导出完整个人信息",
    "restore": "从备份恢复",
    "settings": "修改设置",
    "delete_template": "删除报表模板",
}
OTHER_FIELDS: dict[str, str] = {
    "batch": "批次",
    "item": "事项",
    "items": "事项",
    "attachment": "佐证材料",
    "extra": "其他列",
    "progress_on": "进展日期",
    "report": "报表",
    "audit": "审计日志",
    "fill_back": "回填原表",
    "template": "报表模板",
    "dispatch": "下发",
    "package": "交换包",
}
#: Everything, not the store's default page of 1,000 entries.
ALL = 1 << 40


def note_full_export(
    store: LedgerStore, actor: str, output: str, what: str, *, item_id: int | None = None
) -> None:
    """Write that personal data left the program unmasked (inside the caller's transaction).

    The one place that writes it: every output kept unmasked says so in the audit log.
    """
    store.audit(actor, item_id, "export_full", output, "", what)


def field_label(field: str) -> str:
    """The Chinese name of a changed field."""
    for kind, label in LEDGER_KIND_LABELS.items():
        if kind.value == field:
            return label
    setting = settings.SETTING_LABELS.get(field)
    return FIELD_LABELS.get(field) or OTHER_FIELDS.get(field) or setting or field


def entries(
    store: LedgerStore, item_id: int | None = None, *, limit: int = ALL
) -> list[AuditEntry]:
    """Recorded changes, newest first; one item's when ``item_id`` is given."""
    return store.audit_log(item_id, limit=limit)


def rows(found: Sequence[AuditEntry], mode: OutputMode = OutputMode.MASKED) -> list[list[str]]:
    """Display rows (HEADERS order); phone and ID numbers masked unless ``mode`` is full."""
    table = [
        [
            str(e.id),
            e.at.replace("T", " ")[:19],
            e.actor,
            "" if e.item_id is None else str(e.item_id),
            ACTION_LABELS.get(e.action, e.action),
            field_label(e.field),
            e.old,
            e.new,
        ]
        for e in found
    ]
    # Every column, not only the changed values: an actor or a field name is text too.
    result: list[list[str]] = mask_data(table, mode)
    return result


def export(
    store: LedgerStore,
    target: Path,
    *,
    item_id: int | None = None,
    mode: OutputMode = OutputMode.MASKED,
    actor: str = "",
) -> int:
    """Write the audit log to ``target`` (.csv or .xlsx), whole or not at all; returns rows."""
    target = Path(target)
    suffix = target.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors", "审计日志只能导出为 .csv 或 .xlsx 文件，请修改文件名的扩展名。"
            )
        )
    if mode is OutputMode.PUBLISH:
        mode = OutputMode.MASKED
    table = rows(entries(store, item_id), mode)
    if mode is OutputMode.FULL and not store.readonly:
        with store.transaction():
            note_full_export(store, actor, "audit", f"审计日志 {len(table)} 条", item_id=item_id)
    if suffix == ".csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(HEADERS)
        # A value such as "=…" must not run as a formula when Excel opens the file.
        writer.writerows([[csv_text(v) for v in row] for row in table])
        # A byte-order mark lets Excel and WPS open the file as UTF-8.
        write_bytes_atomic(target, buffer.getvalue().encode("utf-8-sig"))
    else:
        _write_xlsx(target, table, item_id)
    return len(table)


def _write_xlsx(target: Path, table: list[list[str]], item_id: int | None) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = "审计日志" if item_id is None else f"事项{item_id}"
    for r, values in enumerate([list(HEADERS), *table], start=1):
        for c, value in enumerate(values, start=1):
            # Kept as text: a changed value such as "=…" must never become a formula.
            put_text(sheet.cell(r, c), value)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for column, width in zip("ABCDEFGH", (8, 20, 10, 8, 14, 14, 40, 40), strict=True):
        sheet.column_dimensions[column].width = width
    for row_cells in sheet.iter_rows(min_row=2, min_col=7, max_col=8):
        for cell in row_cells:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    with atomic_path(target) as temporary:
        book.save(temporary)
