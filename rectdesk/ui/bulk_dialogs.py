"""Work on many items at once: each function asks in a small dialog and pushes ONE undo step.

Every function takes ``(context, undo_stack, item_ids, parent, seen)`` and returns whether the
store was changed. ``seen`` holds the items' versions as the list showed them: an item
another clerk changed since refuses the whole edit, with 重新载入 offered (ui/undo.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rectdesk.domain import deadline_notes
from rectdesk.domain.deadlines import parse_deadline
from rectdesk.domain.errors import UserError
from rectdesk.domain.model import DeadlineKind, Status
from rectdesk.domain.query import ItemQuery
from rectdesk.domain.status import can_change
from rectdesk.services.context import AppContext
from rectdesk.services.items import ItemCommand, ItemService
from rectdesk.ui.labels import date_text, tr_label
from rectdesk.ui.undo import push, show_error

#: Above this many selected items the allowed statuses are not worked out in advance.
_STATUS_PROBE_LIMIT = 30_000


def to_qdate(day: dt.date) -> QDate:
    """A Python date as a QDate."""
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    """A QDate as a Python date."""
    return dt.date(day.year(), day.month(), day.day())


def date_edit(day: dt.date, parent: QWidget) -> QDateEdit:
    """A calendar date field in the official order (年月日)."""
    editor = QDateEdit(to_qdate(day), parent)
    editor.setCalendarPopup(True)
    editor.setDisplayFormat("yyyy年M月d日")
    return editor


class _Dialog(QDialog):
    """A small form with OK/Cancel."""

    def __init__(self, title: str, intro: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        self.intro = QLabel(intro, self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)


class StatusDialog(_Dialog):
    """Choose a new status; a close-off date or a reason when the status needs one."""

    def __init__(self, statuses: list[Status], today: dt.date, count: int, parent: QWidget | None):
        super().__init__(
            self.tr("修改完成情况"),
            self.tr("把选中的 {0} 条事项改为：").format(count),
            parent,
        )
        self.status = QComboBox(self)
        for status in statuses:
            self.status.addItem(tr_label(status.label), status.value)
        self.closed_on = date_edit(today, self)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("如：非建设性建议、不属于职责范围"))
        self.form.addRow(self.tr("完成情况："), self.status)
        self.form.addRow(self.tr("销号日期："), self.closed_on)
        self.form.addRow(self.tr("不予整改理由："), self.reason)
        self.status.currentIndexChanged.connect(self._update)
        self._update()

    def chosen(self) -> Status:
        """The status picked."""
        return Status(self.status.currentData())

    def _update(self) -> None:
        status = self.chosen()
        self.form.setRowVisible(self.closed_on, status is Status.CLOSED)
        self.form.setRowVisible(self.reason, status is Status.DECLINED)


class LeadDialog(_Dialog):
    """Choose the unit that leads (牵头)."""

    def __init__(self, departments: list[str], count: int, parent: QWidget | None) -> None:
        super().__init__(
            self.tr("设置牵头单位"),
            self.tr("为选中的 {0} 条事项设置牵头单位；原牵头单位改为配合。").format(count),
            parent,
        )
        self.department = QComboBox(self)
        self.department.setEditable(True)
        self.department.addItems(departments)
        self.department.setCurrentText("")
        self.form.addRow(self.tr("牵头单位："), self.department)


class DeadlineDialog(_Dialog):
    """Type a deadline as it would be written; see at once how it is read."""

    def __init__(self, count: int, parent: QWidget | None) -> None:
        super().__init__(
            self.tr("修改整改时限"),
            self.tr(
                "为选中的 {0} 条事项填写整改时限，如“2024年6月30日”“12月底前”“立行立改”"
                "“长期坚持”；没写年份时按各事项所在批次的年份计算。"
            ).format(count),
            parent,
        )
        self.text = QLineEdit(self)
        self.preview = QLabel(self)
        self.preview.setWordWrap(True)
        self.form.addRow(self.tr("整改时限："), self.text)
        self.form.addRow("", self.preview)
        self.text.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        deadline = parse_deadline(self.text.text(), not_before=dt.date.today())
        if deadline.date is not None:
            shown = self.tr("解读为：{0}").format(date_text(deadline.date))
            if deadline.ongoing:
                shown += self.tr("，并长期坚持")
        elif deadline.kind is DeadlineKind.ONGOING:
            shown = self.tr("解读为：长期坚持")
        elif deadline.kind is DeadlineKind.IMMEDIATE:
            shown = self.tr("解读为：立行立改")
        else:
            shown = self.tr("（没有可识别的日期）") if self.text.text().strip() else ""
        if deadline.warning:
            shown += "  " + self.tr("注意：{0}").format(deadline_notes.shown(deadline.warning))
        self.preview.setText(shown)


class FilesField(QWidget):
    """A list of evidence files with 添加 / 移除 buttons."""

    def __init__(self, parent: QWidget | None, *, single: bool = False) -> None:
        super().__init__(parent)
        self._single = single
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget(self)
        self.list.setMaximumHeight(70 if not single else 28)
        buttons = QVBoxLayout()
        self.add_button = QPushButton(self.tr("选择文件…"), self)
        self.remove_button = QPushButton(self.tr("移除"), self)
        self.add_button.clicked.connect(self._choose)
        self.remove_button.clicked.connect(self._remove)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

    def files(self) -> list[Path]:
        """The chosen files."""
        return [Path(self.list.item(n).text()) for n in range(self.list.count())]

    def set_files(self, files: list[Path]) -> None:
        """Replace the chosen files."""
        self.list.clear()
        for path in files[:1] if self._single else files:
            self.list.addItem(str(path))

    def _choose(self) -> None:
        caption = self.tr("选择佐证材料")
        if self._single:
            name, _ = QFileDialog.getOpenFileName(self, caption)
            chosen = [name] if name else []
        else:
            chosen, _ = QFileDialog.getOpenFileNames(self, caption)
        self.set_files((self.files() if not self._single else []) + [Path(n) for n in chosen])

    def _remove(self) -> None:
        rows = [self.list.row(entry) for entry in self.list.selectedItems()]
        if not rows and self.list.count():
            rows = [self.list.count() - 1]
        for row in sorted(rows, reverse=True):
            self.list.takeItem(row)


class CloseOffDialog(_Dialog):
    """Close off (销号): a date, a note and an optional evidence file."""

    def __init__(self, today: dt.date, count: int, parent: QWidget | None) -> None:
        super().__init__(
            self.tr("销号"),
            self.tr(
                "为选中的 {0} 条事项销号。只有已完成（待销号）或长期坚持的事项可以销号。"
            ).format(count),
            parent,
        )
        self.on = date_edit(today, self)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("如：经县委巡察办审核同意销号（可不填）"))
        self.evidence = FilesField(self, single=True)
        self.form.addRow(self.tr("销号日期："), self.on)
        self.form.addRow(self.tr("说明："), self.note)
        self.form.addRow(self.tr("佐证材料："), self.evidence)


class ProgressDialog(_Dialog):
    """The same progress entry for several items: date, text, evidence files."""

    def __init__(self, today: dt.date, count: int, parent: QWidget | None) -> None:
        super().__init__(
            self.tr("添加整改进展"),
            self.tr("为选中的 {0} 条事项添加同一条整改进展。").format(count),
            parent,
        )
        self.on = date_edit(today, self)
        self.text = QPlainTextEdit(self)
        self.text.setPlaceholderText(self.tr("写明做了什么、取得了什么成果"))
        self.files = FilesField(self)
        self.form.addRow(self.tr("日期："), self.on)
        self.form.addRow(self.tr("进展情况："), self.text)
        self.form.addRow(self.tr("佐证材料："), self.files)


# -- the actions ----------------------------------------------------------------------------


def _service(context: AppContext) -> ItemService:
    return ItemService(context.store, context.actor)


def _usable(context: AppContext, item_ids: list[int], parent: QWidget | None) -> bool:
    if context.readonly:
        show_error(
            parent,
            UserError(
                QCoreApplication.translate("BulkDialogs", "当前以只读方式打开，不能修改数据。")
            ),
        )
        return False
    if not item_ids:
        show_error(
            parent, UserError(QCoreApplication.translate("BulkDialogs", "请先在列表中选择事项。"))
        )
        return False
    return True


def _build_and_push(
    stack: QUndoStack, build: Callable[[], ItemCommand], parent: QWidget | None
) -> bool:
    try:
        command = build()
    except UserError as exc:
        show_error(parent, exc)
        return False
    return push(stack, command, parent)


def allowed_statuses(context: AppContext, item_ids: list[int]) -> list[Status]:
    """Statuses every selected item may take (a status an item already has counts)."""
    if len(item_ids) > _STATUS_PROBE_LIMIT:
        return list(Status)
    counts = context.store.count_by_status(ItemQuery(ids=tuple(item_ids)))
    present = [s for s, n in counts.items() if n]
    return [s for s in Status if all(can_change(old, s) for old in present)]


def set_status(
    context: AppContext,
    undo_stack: QUndoStack,
    item_ids: list[int],
    parent: QWidget | None,
    seen: Mapping[int, int] | None = None,
) -> bool:
    """Ask for a status (and a date or reason if needed) and set it on every item."""
    if not _usable(context, item_ids, parent):
        return False
    statuses = allowed_statuses(context, item_ids)
    if not statuses:
        show_error(
            parent,
            UserError(
                QCoreApplication.translate(
                    "BulkDialogs",
                    "选中事项的状态各不相同，没有一个可以统一改成的状态，请分开修改。",
                )
            ),
        )
        return False
    dialog = StatusDialog(statuses, context.today(), len(item_ids), parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    status = dialog.chosen()
    return _build_and_push(
        undo_stack,
        lambda: _service(context).set_status(
            item_ids,
            status,
            closed_on=from_qdate(dialog.closed_on.date()),
            reason=dialog.reason.text(),
            seen=seen,
        ),
        parent,
    )


def set_lead_department(
    context: AppContext,
    undo_stack: QUndoStack,
    item_ids: list[int],
    parent: QWidget | None,
    seen: Mapping[int, int] | None = None,
) -> bool:
    """Ask for a unit and make it the lead of every item."""
    if not _usable(context, item_ids, parent):
        return False
    dialog = LeadDialog(context.store.departments(), len(item_ids), parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    name = dialog.department.currentText()
    return _build_and_push(
        undo_stack, lambda: _service(context).set_lead_department(item_ids, name, seen=seen), parent
    )


def set_deadline(
    context: AppContext,
    undo_stack: QUndoStack,
    item_ids: list[int],
    parent: QWidget | None,
    seen: Mapping[int, int] | None = None,
) -> bool:
    """Ask for a deadline text and give it to every item."""
    if not _usable(context, item_ids, parent):
        return False
    dialog = DeadlineDialog(len(item_ids), parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    text = dialog.text.text()
    return _build_and_push(
        undo_stack, lambda: _service(context).set_deadline(item_ids, text, seen=seen), parent
    )


def close_off(
    context: AppContext,
    undo_stack: QUndoStack,
    item_ids: list[int],
    parent: QWidget | None,
    seen: Mapping[int, int] | None = None,
) -> bool:
    """Ask for the close-off date, a note and an evidence file; close every item off."""
    if not _usable(context, item_ids, parent):
        return False
    dialog = CloseOffDialog(context.today(), len(item_ids), parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    files = dialog.evidence.files()
    on = from_qdate(dialog.on.date())
    note = dialog.note.text()
    return _build_and_push(
        undo_stack,
        lambda: _service(context).close_off(
            item_ids, on, evidence=files[0] if files else None, note=note, seen=seen
        ),
        parent,
    )


def add_progress(
    context: AppContext,
    undo_stack: QUndoStack,
    item_ids: list[int],
    parent: QWidget | None,
    seen: Mapping[int, int] | None = None,
) -> bool:
    """Ask for a progress entry and add it to every item's ledger."""
    if not _usable(context, item_ids, parent):
        return False
    dialog = ProgressDialog(context.today(), len(item_ids), parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    on = from_qdate(dialog.on.date())
    text = dialog.text.toPlainText()
    files = dialog.files.files()
    return _build_and_push(
        undo_stack, lambda: _service(context).add_progress(item_ids, on, text, files, seen=seen),
        parent,
    )


def delete_items(
    context: AppContext,
    undo_stack: QUndoStack,
    item_ids: list[int],
    parent: QWidget | None,
    seen: Mapping[int, int] | None = None,
) -> bool:
    """Ask before deleting; the deletion can be undone."""
    if not _usable(context, item_ids, parent):
        return False
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("BulkDialogs", "删除事项"),
        QCoreApplication.translate(
            "BulkDialogs", "确定删除选中的 {0} 条事项吗？其台账和佐证材料记录一并删除（可以撤销）。"
        ).format(len(item_ids)),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    return _build_and_push(
        undo_stack, lambda: _service(context).delete(item_ids, seen=seen), parent
    )
