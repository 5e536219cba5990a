"""An item's ledger (台账) as a timeline, with evidence files and a form to add progress."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QUndoStack
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rectdesk.domain.errors import QT_TRANSLATE_NOOP, UserError
from rectdesk.domain.model import Attachment, LedgerKind
from rectdesk.services.context import AppContext
from rectdesk.services.items import ItemService
from rectdesk.ui.bulk_dialogs import FilesField, date_edit, from_qdate, to_qdate
from rectdesk.ui.labels import tr_label
from rectdesk.ui.undo import push, show_error

log = logging.getLogger(__name__)

_ATTACHMENT_ROLE = Qt.ItemDataRole.UserRole + 1


def _size(size: int) -> str:
    if size >= 1 << 20:
        return f"{size / (1 << 20):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} B"


class LedgerView(QWidget):
    """The timeline of progress, reminders, replies and close-off, newest first."""

    #: The id of an evidence file the clerk asked to open.
    attachment_opened = Signal(int)

    def __init__(
        self, context: AppContext, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.undo_stack = undo_stack
        self._item_id: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        self.timeline = QTreeWidget(self)
        self.timeline.setHeaderLabels([self.tr("日期"), self.tr("类型"), self.tr("内容")])
        self.timeline.setWordWrap(True)
        self.timeline.setUniformRowHeights(False)
        self.timeline.itemActivated.connect(self._activated)
        self.timeline.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.timeline, 1)

        row = QHBoxLayout()
        self.open_button = QPushButton(self.tr("打开佐证材料"), self)
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self._open_selected)
        row.addStretch(1)
        row.addWidget(self.open_button)
        layout.addLayout(row)

        self.form_box = QGroupBox(self.tr("添加整改进展"), self)
        form = QFormLayout(self.form_box)
        self.date = date_edit(context.today(), self.form_box)
        self.text = QPlainTextEdit(self.form_box)
        self.text.setPlaceholderText(self.tr("写明做了什么、取得了什么成果"))
        self.text.setMaximumHeight(90)
        self.files = FilesField(self.form_box)
        self.add_button = QPushButton(self.tr("记录进展"), self.form_box)
        self.add_button.clicked.connect(self.add_progress)
        form.addRow(self.tr("日期："), self.date)
        form.addRow(self.tr("进展情况："), self.text)
        form.addRow(self.tr("佐证材料："), self.files)
        form.addRow("", self.add_button)
        layout.addWidget(self.form_box)
        self.form_box.setEnabled(not context.readonly)

    def set_item(self, item_id: int | None) -> None:
        """Show one item's ledger (None: nothing)."""
        if item_id != self._item_id:
            self.text.clear()
            self.files.set_files([])
            self.date.setDate(to_qdate(self.context.today()))
        self._item_id = item_id
        self.reload()

    def reload(self) -> None:
        """Read the ledger again."""
        self.timeline.clear()
        self.open_button.setEnabled(False)
        if self._item_id is None:
            self.form_box.setEnabled(False)
            return
        self.form_box.setEnabled(not self.context.readonly)
        store = self.context.store
        try:
            entries = store.ledger(self._item_id)
            attachments = store.attachments(self._item_id)
        except UserError:
            return  # the item was deleted; the panel shows its empty state
        by_entry: dict[int | None, list[Attachment]] = {}
        for attachment in attachments:
            by_entry.setdefault(attachment.ledger_id, []).append(attachment)
        for entry in reversed(entries):
            kind = tr_label(entry.kind.label)
            text = entry.text or (self.tr("已销号") if entry.kind is LedgerKind.CLOSE_OFF else "")
            if entry.author:
                text += self.tr("（{0}）").format(entry.author)
            node = QTreeWidgetItem([entry.on.isoformat(), kind, text])
            node.setToolTip(2, entry.text)
            self._add_files(node, by_entry.pop(entry.id, []))
            self.timeline.addTopLevelItem(node)
        loose = [a for files in by_entry.values() for a in files]
        if loose:
            node = QTreeWidgetItem(["", self.tr("佐证材料"), self.tr("未关联到台账记录的材料")])
            self._add_files(node, loose)
            self.timeline.addTopLevelItem(node)
        self.timeline.expandAll()
        self.timeline.resizeColumnToContents(0)
        self.timeline.resizeColumnToContents(1)

    def _add_files(self, node: QTreeWidgetItem, files: list[Attachment]) -> None:
        for attachment in files:
            child = QTreeWidgetItem(
                ["", self.tr("佐证材料"), f"{attachment.name}（{_size(attachment.size)}）"]
            )
            child.setData(0, _ATTACHMENT_ROLE, attachment.id)
            child.setToolTip(2, self.tr("双击打开“{0}”").format(attachment.name))
            node.addChild(child)

    def attachment_items(self) -> list[QTreeWidgetItem]:
        """The timeline rows that stand for evidence files."""
        found: list[QTreeWidgetItem] = []
        for n in range(self.timeline.topLevelItemCount()):
            node = self.timeline.topLevelItem(n)
            if node is None:
                continue
            for c in range(node.childCount()):
                child = node.child(c)
                if child is not None:
                    found.append(child)
        return found

    # -- actions -------------------------------------------------------------------------

    def add_progress(self) -> bool:
        """Record the form's progress entry for the shown item (one undo step)."""
        if self._item_id is None:
            return False
        service = ItemService(self.context.store, self.context.actor)
        try:
            command = service.add_progress(
                [self._item_id],
                from_qdate(self.date.date()),
                self.text.toPlainText(),
                self.files.files(),
            )
        except UserError as exc:
            show_error(self, exc)
            return False
        if not push(self.undo_stack, command, self):
            return False
        self.text.clear()
        self.files.set_files([])
        return True

    def open_attachment(self, attachment_id: int) -> bool:
        """Open an evidence file with the system's viewer."""
        store = self.context.store
        try:
            attachment = store.attachment(attachment_id)
            path = store.attachment_path(attachment)
            if not path.is_file():
                raise UserError(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "佐证材料“{name}”的文件不在数据文件旁的文件夹中，"
                        "可能被移动或删除，请从备份恢复。",
                    ),
                    str(path),
                    name=attachment.name,
                )
        except UserError as exc:
            show_error(self, exc)
            return False
        self.attachment_opened.emit(attachment_id)
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path)))):
            refused = UserError(
                QT_TRANSLATE_NOOP("Errors", "没有能打开“{name}”的程序，请手动打开：{path}"),
                name=attachment.name,
                path=str(path),
            )
            show_error(self, refused)
            return False
        return True

    def _activated(self, node: QTreeWidgetItem, _column: int) -> None:
        attachment_id = node.data(0, _ATTACHMENT_ROLE)
        if isinstance(attachment_id, int):
            self.open_attachment(attachment_id)

    def _selection_changed(self) -> None:
        selected = self.timeline.selectedItems()
        self.open_button.setEnabled(
            bool(selected) and isinstance(selected[0].data(0, _ATTACHMENT_ROLE), int)
        )

    def _open_selected(self) -> None:
        selected = self.timeline.selectedItems()
        if selected:
            self._activated(selected[0], 0)
