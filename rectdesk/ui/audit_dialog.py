"""The audit log in the window: who changed what and when, per item or whole; export it."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rectdesk.domain.errors import UserError
from rectdesk.domain.privacy import OutputMode
from rectdesk.services import audit
from rectdesk.services.context import AppContext
from rectdesk.ui.labels import tr_label
from rectdesk.ui.list_model import ListTableModel

log = logging.getLogger(__name__)

#: The window shows the newest entries; the export holds all of them.
SHOWN = 5000
#: The columns holding an action or a field name (audit.rows), shown translated.
LABEL_COLUMNS = (4, 5)


class AuditModel(ListTableModel):
    """Audit rows as the clerk reads them (phone and ID numbers masked)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            (
                self.tr("序号"), self.tr("时间"), self.tr("操作人"), self.tr("事项"),
                self.tr("操作"), self.tr("字段"), self.tr("原值"), self.tr("新值"),
            ),
            parent,
        )  # fmt: skip

    def cell(self, row: list[str], column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = row[column]
            if column in LABEL_COLUMNS:
                value = tr_label(value)
            if role == Qt.ItemDataRole.DisplayRole:
                return " ".join(value.split())[:120]
            return value or None
        return None


class AuditDialog(QDialog):
    """View the audit log (one item's when ``item_id`` is given) and export it."""

    def __init__(
        self, context: AppContext, parent: QWidget | None = None, item_id: int | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.item_id = item_id
        if item_id is None:
            self.setWindowTitle(self.tr("审计日志"))
        else:
            self.setWindowTitle(self.tr("审计日志 — 事项 {0}").format(item_id))
        self.resize(960, 520)

        self.model = AuditModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.summary = QLabel(self)

        self.mode = QComboBox(self)
        self.mode.addItem(self.tr("手机号、身份证号脱敏（默认）"), OutputMode.MASKED)
        if not context.readonly:  # a full export must be recorded, which needs writing
            self.mode.addItem(self.tr("完整（仅内部使用，记入审计日志）"), OutputMode.FULL)
        self.export_button = QPushButton(self.tr("导出…"), self)
        self.export_button.clicked.connect(self.export)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(QLabel(self.tr("导出方式："), self))
        row.addWidget(self.mode)
        row.addWidget(self.export_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(close)
        self.refresh()

    def refresh(self) -> None:
        """Re-read the log."""
        found = audit.entries(self.context.store, self.item_id, limit=SHOWN)
        self.model.set_rows(audit.rows(found))
        text = self.tr("共 {0} 条记录（新的在前）").format(len(found))
        if len(found) >= SHOWN:
            text = self.tr("显示最近 {0} 条记录；导出可得到全部记录").format(SHOWN)
        self.summary.setText(text)

    def export(self) -> Path | None:
        """Ask for a file and write the log as csv or xlsx."""
        name = "审计日志" if self.item_id is None else f"审计日志-事项{self.item_id}"
        folder = Path.home() if self.context.on_server else self.context.db_path.parent
        target = self.choose_file(str(folder / f"{name}.xlsx"))
        if not target:
            return None
        path = Path(target)
        if path.suffix.lower() not in (".csv", ".xlsx"):
            path = path.with_suffix(".xlsx")
        mode = OutputMode(self.mode.currentData())
        try:
            count = audit.export(self.context.store, path, item_id=self.item_id, mode=mode,
                                 actor=self.context.actor())  # fmt: skip
        except UserError as exc:
            log.info("audit export failed: %s (%s)", exc.message, exc.detail)
            QMessageBox.warning(self, self.tr("导出失败"), exc.message)
            return None
        self.summary.setText(self.tr("已导出 {0} 条记录：{1}").format(count, path))
        if mode is OutputMode.FULL:
            self.refresh()
        return path

    def choose_file(self, suggested: str) -> str:
        """Ask where to save (tests replace this)."""
        target, _filter = QFileDialog.getSaveFileName(
            self, self.tr("导出审计日志"), suggested,
            self.tr("Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)"),
        )  # fmt: skip
        return target
