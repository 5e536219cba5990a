"""生成督办/预警函: the items (selection, overdue, or overdue and due soon), the unit, the
reply date, the format and folder; one letter per unit, each registered with its number."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from rectdesk.domain.errors import UserError
from rectdesk.domain.privacy import OutputMode
from rectdesk.services import letters
from rectdesk.services.context import AppContext
from rectdesk.ui import file_dialogs
from rectdesk.ui.bulk_dialogs import from_qdate, to_qdate
from rectdesk.ui.undo import busy, show_error


class LettersDialog(QDialog):
    """Issue 督办通知/预警提醒函 to each unit and register them."""

    def __init__(
        self, context: AppContext, selected: list[int], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.selected = selected
        self.issued: list[letters.Issued] = []
        self.setWindowTitle(self.tr("生成督办/预警函"))
        store = context.store
        options = letters.letter_settings(store)
        today = context.today()

        form = QFormLayout()
        self.source = QComboBox(self)
        if selected:
            self.source.addItem(self.tr("选中的 {0} 条事项").format(len(selected)), "selected")
        self.source.addItem(self.tr("全部逾期事项（督办通知）"), "overdue")
        self.source.addItem(self.tr("逾期和临期事项（临期的发预警提醒函）"), "due")
        form.addRow(self.tr("事项："), self.source)
        self.unit = QComboBox(self)
        self.unit.addItem(self.tr("每个牵头单位各一份"), "")
        for name in store.departments():
            self.unit.addItem(name, name)
        form.addRow(self.tr("发给："), self.unit)
        self.issued_on = QDateEdit(to_qdate(today), self)
        self.issued_on.setCalendarPopup(True)
        self.issued_on.setDisplayFormat("yyyy-MM-dd")
        form.addRow(self.tr("发函日期："), self.issued_on)
        self.reply_due = QDateEdit(to_qdate(letters.default_reply_due(store, today)), self)
        self.reply_due.setCalendarPopup(True)
        self.reply_due.setDisplayFormat("yyyy-MM-dd")
        hint = QLabel(self.tr("默认为发函后{0}个工作日（按法定节假日和调休计算）").format(
            options.reply_days), self)  # fmt: skip
        hint.setWordWrap(True)
        form.addRow(self.tr("答复期限："), self.reply_due)
        form.addRow("", hint)
        self.head = QLineEdit(options.head, self)
        self.head.setPlaceholderText(self.tr("如：某某县卫生健康局"))
        form.addRow(self.tr("发文机关标志："), self.head)
        self.prefix = QLineEdit(options.prefix, self)
        self.prefix.setPlaceholderText(self.tr("如：县卫健督（文号印作 县卫健督〔2026〕3号）"))
        form.addRow(self.tr("机关代字："), self.prefix)
        self.days = QSpinBox(self)
        self.days.setRange(1, 60)
        self.days.setValue(options.reply_days)
        self.days.setSuffix(self.tr(" 个工作日"))
        form.addRow(self.tr("默认答复期限："), self.days)
        self.format = QComboBox(self)
        self.format.addItem(self.tr("PDF（打印）"), "pdf")
        self.format.addItem(self.tr("Word（可修改）"), "docx")
        form.addRow(self.tr("格式："), self.format)
        folder_row = QHBoxLayout()
        self.folder = QLineEdit(file_dialogs.last_folder("letters"), self)
        browse = QPushButton(self.tr("选择…"), self)
        browse.clicked.connect(self._browse)
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        form.addRow(self.tr("保存到："), folder_row)
        self.full = QCheckBox(
            self.tr("保留完整的手机号和身份证号（仅内部使用，记入审计日志）"), self
        )
        form.addRow("", self.full)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("生成并登记"))
        buttons.accepted.connect(self.issue)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        if context.readonly:
            buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

    def _browse(self) -> None:
        chosen = file_dialogs.choose_folder(self, "letters", self.tr("保存督办函的文件夹"))
        if chosen:
            self.folder.setText(chosen)

    def issue(self) -> None:
        """Write and register the letters; say where they went."""
        store = self.context.store
        today = from_qdate(self.issued_on.date())
        folder = self.folder.text().strip()
        if not folder:
            show_error(self, UserError(self.tr("请选择保存督办函的文件夹。")))
            return
        try:
            with busy():
                letters.save_letter_settings(store, head=self.head.text(),
                                             prefix=self.prefix.text(),
                                             reply_days=self.days.value())  # fmt: skip
                source = self.source.currentData()
                if source == "selected":
                    items = store.items_by_ids(self.selected)
                elif source == "overdue":
                    items = letters.overdue_items(store, today)
                else:
                    items = letters.due_items(store, today)
                if not items:
                    raise UserError(self.tr("没有需要督办或预警的事项。"))
                self.issued = letters.issue(
                    store, items, today=today, output_dir=Path(folder),
                    fmt=str(self.format.currentData()), unit=self.unit.currentData() or None,
                    reply_due=from_qdate(self.reply_due.date()),
                    mode=OutputMode.FULL if self.full.isChecked() else OutputMode.MASKED,
                    actor=self.context.actor(),
                )  # fmt: skip
        except UserError as exc:
            show_error(self, exc)
            return
        file_dialogs.remember("letters", folder + "/")
        names = "\n".join(
            f"{i.letter.number}　{i.letter.unit}（{len(i.letter.items)}项）" for i in self.issued
        )
        QMessageBox.information(
            self, self.tr("督办函已生成"),
            self.tr("已生成并登记{0}份：\n{1}\n\n保存在：{2}").format(len(self.issued), names,
                                                                folder),
        )  # fmt: skip
        self.accept()
