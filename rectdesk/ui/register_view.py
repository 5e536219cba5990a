"""督办登记簿: every letter, its reply and result; replies entered, the register printed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rectdesk.domain.errors import UserError
from rectdesk.domain.privacy import mask_text
from rectdesk.domain.supervision import REPLY_RESULTS, Letter
from rectdesk.fileio import atomic_path
from rectdesk.services import letters
from rectdesk.services.context import AppContext
from rectdesk.services.reporting import write
from rectdesk.ui import file_dialogs
from rectdesk.ui.bulk_dialogs import from_qdate, to_qdate
from rectdesk.ui.labels import tr_label
from rectdesk.ui.list_model import ListTableModel
from rectdesk.ui.undo import busy, show_error


class RegisterModel(ListTableModel):
    """One letter per row; an overdue reply is drawn in red."""

    def __init__(self, today: dt.date, parent: Any = None) -> None:
        super().__init__(
            [self.tr("文号"), self.tr("类别"), self.tr("发函日期"), self.tr("主送单位"),
             self.tr("事项"), self.tr("答复期限"), self.tr("答复"), self.tr("结果")],
            parent,
        )  # fmt: skip
        self.today = today

    def cell(self, row: Letter, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == 6 and row.reply_overdue(self.today):
            return QBrush(QColor("#c00000"))
        if role == Qt.ItemDataRole.ToolTipRole and column == 4:
            return mask_text("\n".join(f"{i.label} {i.content[:40]}" for i in row.items))
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        state = row.reply_state(self.today)
        values = (
            row.number, tr_label(row.kind.short), row.issued_on.isoformat(), row.unit,
            self.tr("{0}项").format(len(row.items)),
            row.reply_due.isoformat() if row.reply_due else "—",
            row.reply_on.isoformat() if row.reply_on else tr_label(state), tr_label(row.result),
        )  # fmt: skip
        return values[column]


class ReplyDialog(QDialog):
    """The reply of a unit to one letter: date, summary, result, file."""

    def __init__(self, letter: Letter, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("登记答复：{0}").format(letter.number))
        form = QFormLayout(self)
        self.on = QDateEdit(to_qdate(today), self)
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat("yyyy-MM-dd")
        form.addRow(self.tr("收到答复日期："), self.on)
        self.summary = QLineEdit(letter.reply_summary, self)
        form.addRow(self.tr("答复情况："), self.summary)
        self.outcome = QComboBox(self)
        self.outcome.setEditable(True)
        for value in REPLY_RESULTS:
            self.outcome.addItem(tr_label(value), value)
        if letter.result:
            self.outcome.setCurrentText(tr_label(letter.result))
        form.addRow(self.tr("办理结果："), self.outcome)
        row = QHBoxLayout()
        self.file = QLineEdit(self)
        browse = QPushButton(self.tr("选择…"), self)
        browse.clicked.connect(self._browse)
        row.addWidget(self.file, 1)
        row.addWidget(browse)
        form.addRow(self.tr("答复文件："), row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def chosen_result(self) -> str:
        """The result picked (its Chinese value) or typed."""
        index = self.outcome.currentIndex()
        if index >= 0 and self.outcome.itemText(index) == self.outcome.currentText():
            return str(self.outcome.itemData(index))
        return self.outcome.currentText().strip()

    def _browse(self) -> None:
        chosen = file_dialogs.open_file(self, "letter_reply", self.tr("选择答复文件"),
                                        self.tr("所有文件 (*)"))  # fmt: skip
        if chosen:
            self.file.setText(chosen)


class RegisterDialog(QDialog):
    """The register with its actions: enter a reply, print the register."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("督办登记簿"))
        self.resize(980, 480)
        self.model = RegisterModel(context.today(), self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.doubleClicked.connect(lambda _i: self.enter_reply())
        self.reply_button = QPushButton(self.tr("登记答复…"), self)
        self.reply_button.clicked.connect(self.enter_reply)
        self.reply_button.setEnabled(not context.readonly)
        print_button = QPushButton(self.tr("打印登记簿…"), self)
        print_button.clicked.connect(self.print_register)
        close = QPushButton(self.tr("关闭"), self)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reply_button)
        buttons.addWidget(print_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(letters.all_letters(self.context.store))
        self.table.resizeColumnsToContents()

    def current(self) -> Letter | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def enter_reply(self) -> None:
        letter = self.current()
        if letter is None or self.context.readonly:
            return
        dialog = ReplyDialog(letter, self.context.today(), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            letters.reply(
                self.context.store, letter.number, on=from_qdate(dialog.on.date()),
                summary=dialog.summary.text(), result=dialog.chosen_result(),
                file=Path(dialog.file.text()) if dialog.file.text().strip() else None,
                actor=self.context.actor(),
            )  # fmt: skip
        except UserError as exc:
            show_error(self, exc)
            return
        self.reload()

    def print_register(self) -> None:
        target = file_dialogs.save_file(
            self, "register", self.tr("打印督办登记簿"), self.tr("督办登记簿.pdf"),
            self.tr("PDF (*.pdf);;Word (*.docx);;Excel (*.xlsx)"),
        )  # fmt: skip
        if not target:
            return
        path = Path(target)
        fmt = path.suffix.lower().lstrip(".") or "pdf"
        try:
            with busy():
                report = letters.register_report(self.context.store, self.context.today())
                with atomic_path(path.with_suffix("." + fmt)) as temporary:
                    write(report, fmt, temporary)
        except UserError as exc:
            show_error(self, exc)
