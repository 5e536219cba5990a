"""The detail panel: every field of the selected item, saved as soon as an editor is left."""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rectdesk.domain import deadline_notes
from rectdesk.domain.errors import ConnectionLostError, UserError
from rectdesk.domain.lights import signal_for
from rectdesk.domain.model import (
    FIELD_LABELS,
    Assignment,
    AuditEntry,
    DeadlineKind,
    Item,
    Light,
    Status,
)
from rectdesk.domain.status import ALLOWED
from rectdesk.services import proposals
from rectdesk.services.context import AppContext
from rectdesk.services.items import ItemCommand, ItemService
from rectdesk.ui import bulk_dialogs
from rectdesk.ui.detail_editors import CommitTextEdit, DepartmentsEditor, SelectionPage
from rectdesk.ui.labels import date_text, light_text, tr_label
from rectdesk.ui.ledger_view import LedgerView
from rectdesk.ui.proposal_panel import ProposalPanel
from rectdesk.ui.supervision_tab import SupervisionTab
from rectdesk.ui.undo import CONFLICT, DONE, RELOAD, run, show_error

log = logging.getLogger(__name__)

#: Single-line fields, in form order.
LINE_FIELDS = ("seq", "number", "category", "lead", "owner", "deadline", "status_reason")
#: Multi-line fields.
TEXT_FIELDS = ("origin", "content", "measures", "outcomes", "remarks")
RESULT_CLASSES = ("", "A", "B", "C", "D")
SATISFACTIONS = ("", "满意", "基本满意", "不满意")

#: Audit actions and record names as the change history shows them.
ACTION_LABELS = {
    "update": "修改",
    "undo": "撤销",
    "redo": "重做",
    "ledger": "记台账",
    "delete_ledger": "删台账",
    "attach": "添加佐证",
    "delete": "删除",
    "add_items": "添加",
    "letter": "督办函",
    "letter_reply": "督办答复",
    "close_apply": "申请销号",
    "close_review": "销号审核",
    "proposal": "建议提案",
    "contact": "沟通记录",
    "answer": "答复",
}
RECORD_LABELS = {
    "ledger": "台账",
    "attachments": "佐证材料",
    "attachment": "佐证材料",
    "item_extra": "其他字段",
    "item": "事项",
    "progress": "整改进展",
    "close_off": "销号",
    "progress_on": "进展日期",
    "letter": "督办函",
    "close_review": "销号审核",
    "proposal_contacts": "沟通记录",
    "proposal_answers": "答复",
}


class DetailPanel(QWidget):
    """The selected item: fields, ledger timeline and change history."""

    #: A bulk action asked for on the several-items page (a function name of bulk_dialogs).
    bulk_requested = Signal(str)
    #: An edit could not be saved because the server is out of reach (the sentence).
    connection_lost = Signal(str)

    def __init__(
        self, context: AppContext, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.undo_stack = undo_stack
        self.item: Item | None = None
        self._item_id: int | None = None
        self._selected = 0
        self._loading = False
        self._stale = False
        #: An edit could not be saved (server away): the panel keeps its item until it is.
        self._held = False
        self.editors: dict[str, QWidget] = {}

        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        self.stack = QStackedWidget(self)
        outer.addWidget(self.stack)
        self.empty = QLabel(self.tr("在列表中选择一条事项，在这里查看和修改。"), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack.addWidget(self.empty)

        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(page)
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.title)
        self.notice = QLabel(page)
        self.notice.setObjectName("changedNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(
            "QLabel#changedNotice { background: #fff3cd; color: #5c4400;"
            " border: 1px solid #e0c060; padding: 4px; }"
        )
        self.notice.hide()
        layout.addWidget(self.notice)
        self.tabs = QTabWidget(page)
        layout.addWidget(self.tabs)
        self.stack.addWidget(page)

        self.tabs.addTab(self._fields_page(), self.tr("基本信息"))
        self.ledger = LedgerView(context, undo_stack, self)
        self.tabs.addTab(self.ledger, self.tr("台账"))
        self.history = QTreeWidget(self)
        self.history.setRootIsDecorated(False)
        self.history.setHeaderLabels(
            [self.tr("时间"), self.tr("操作人"), self.tr("操作"), self.tr("字段"),
             self.tr("原值"), self.tr("新值")]
        )  # fmt: skip
        self.tabs.addTab(self.history, self.tr("变更记录"))
        self.supervision = SupervisionTab(context, self)
        self.tabs.addTab(self.supervision, self.tr("督办"))
        self.proposal = ProposalPanel(context, self)
        self.tabs.addTab(self.proposal, self.tr("提案"))
        self.selection = SelectionPage(self)
        self.selection.bulk_requested.connect(self.bulk_requested)
        self.stack.addWidget(self.selection)

        undo_stack.indexChanged.connect(self._stack_changed)
        self._set_editable(not context.readonly)
        self.selection.set_editable(not context.readonly)
        self.show_item(None)

    # -- building ------------------------------------------------------------------------

    def _fields_page(self) -> QWidget:
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        body = QWidget(scroll)
        form = QFormLayout(body)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # A narrow panel puts a long label above its field instead of squeezing the field.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        labels = {name: tr_label(label) + self.tr("：") for name, label in FIELD_LABELS.items()}

        def line(name: str) -> QLineEdit:
            editor = QLineEdit(body)
            editor.editingFinished.connect(lambda n=name: self.commit(n))
            self.editors[name] = editor
            return editor

        def text(name: str) -> CommitTextEdit:
            editor = CommitTextEdit(body)
            editor.committed.connect(lambda n=name: self.commit(n))
            self.editors[name] = editor
            return editor

        def choice(name: str, values: tuple[str, ...]) -> QComboBox:
            editor = QComboBox(body)
            for value in values:
                editor.addItem(tr_label(value) if value else self.tr("（未填）"), value)
            editor.activated.connect(lambda _i, n=name: self.commit(n))
            self.editors[name] = editor
            return editor

        # What a clerk edits most comes first: the item, its status and deadline, the units,
        # the latest progress; then how it is handled; the source's bookkeeping last.
        form.addRow(labels["content"], text("content"))
        self.status = QComboBox(body)
        self.status.setToolTip(self.tr("改为“已销号”时会要求填写销号日期和佐证材料"))
        self.status.activated.connect(lambda _i: self._status_chosen())
        self.editors["status"] = self.status
        form.addRow(labels["status"], self.status)
        form.addRow(labels["deadline"], line("deadline"))
        self.editors["deadline"].setToolTip(
            self.tr("照原表写法填写，如“2024年6月底前”“立行立改”“长期坚持”")
        )
        self.deadline_hint = QLabel(body)
        self.deadline_hint.setWordWrap(True)
        form.addRow("", self.deadline_hint)
        self.departments = DepartmentsEditor(body)
        self.departments.changed.connect(self._departments_changed)
        self.editors["departments"] = self.departments
        form.addRow(labels["departments"], self.departments)
        self.progress = QLabel(body)
        self.progress.setWordWrap(True)
        self.progress.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(labels["progress"], self.progress)
        form.addRow(labels["measures"], text("measures"))
        form.addRow(labels["outcomes"], text("outcomes"))
        form.addRow(labels["status_reason"], line("status_reason"))
        self.closed_on = QLabel(body)
        form.addRow(labels["closed_on"], self.closed_on)
        form.addRow(labels["lead"], line("lead"))
        form.addRow(labels["owner"], line("owner"))
        form.addRow(labels["seq"], line("seq"))
        form.addRow(labels["number"], line("number"))
        form.addRow(labels["category"], line("category"))
        form.addRow(labels["origin"], text("origin"))
        form.addRow(labels["remarks"], text("remarks"))
        form.addRow(labels["result_class"], choice("result_class", RESULT_CLASSES))
        form.addRow(labels["satisfaction"], choice("satisfaction", SATISFACTIONS))
        self.extra = QLabel(body)
        self.extra.setWordWrap(True)
        self.extra.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("其他字段："), self.extra)
        scroll.setWidget(body)
        return scroll

    def _set_editable(self, editable: bool) -> None:
        for editor in self.editors.values():
            if isinstance(editor, (QLineEdit, QPlainTextEdit)):
                editor.setReadOnly(not editable)
            elif isinstance(editor, DepartmentsEditor):
                editor.set_editable(editable)
            else:
                editor.setEnabled(editable)

    # -- showing -------------------------------------------------------------------------

    def show_item(self, item_id: int | None) -> None:
        """Show one item (None: the empty hint).

        The item already shown, while the clerk has typed something not yet saved, is not
        filled again: what was typed stays, and a notice says when someone else changed it.
        """
        if self._held and self.unsaved():
            return  # typed while the server was away: stays until saved (重试)
        self._held = False
        if item_id is not None and item_id == self._item_id and self.unsaved():
            self._check_changed()
            return
        self._item_id = item_id
        self.ledger.set_item(item_id)
        self.reload()

    def unsaved(self) -> list[str]:
        """The fields whose editor holds text that differs from the stored item."""
        if self.item is None or self.context.readonly:
            return []
        return [
            name
            for name in (*LINE_FIELDS, *TEXT_FIELDS)
            if self._editor_value(name).strip() != self._stored_text(self.item, name).strip()
        ]

    def _check_changed(self) -> None:
        if self.item is None:
            return
        try:
            stored = self.context.store.item(self.item.id)
        except UserError:
            return  # deleted or out of reach: the typing stays, the window says the rest
        if stored == self.item:
            return
        typed = {name: self._editor_value(name) for name in self.unsaved()}
        if all(
            self._stored_text(stored, name).strip() == self._stored_text(self.item, name).strip()
            for name in typed
        ):
            # Someone else changed other fields: show theirs, keep the typing, and save it
            # later against their version. Where they changed a field being typed in, the
            # panel keeps the version first read, and saving is refused with who changed it.
            cursors = {name: self._cursor(name) for name in typed}
            self.item = stored
            self._loading = True
            try:
                self._fill(stored)
            finally:
                self._loading = False
            for name, text in typed.items():
                self._show_typed(name, text)
                self._cursor(name, cursors[name])
            self.notice.setText(
                self.tr(
                    "此事项已被他人修改，这里已显示最新内容；您正在填写的内容仍保留，"
                    "离开输入框即保存。"
                )
            )
        else:
            self.notice.setText(
                self.tr(
                    "此事项已被他人修改，改的正是您正在填写的栏目；您填写的内容仍保留，"
                    "保存时会说明谁改了什么，请重新载入核对后再保存。"
                )
            )
        self.notice.show()

    def _cursor(self, name: str, position: int | None = None) -> int:
        """Where the text cursor is in a field's editor; with ``position``, put it there."""
        editor = self.editors.get(name)
        if isinstance(editor, QLineEdit):
            if position is not None:
                editor.setCursorPosition(position)
            return editor.cursorPosition()
        if isinstance(editor, QPlainTextEdit):
            cursor = editor.textCursor()
            if position is not None:
                cursor.setPosition(min(position, len(editor.toPlainText())))
                editor.setTextCursor(cursor)
            return cursor.position()
        return 0

    def retry(self) -> bool:
        """Save again what was typed but not saved (the server is back); True when all was."""
        self._held = False
        if self.item is None:
            return True
        changes = {name: self._editor_value(name) for name in self.unsaved()}
        if not changes:
            return True
        item_id = self.item.id
        return self._push(lambda service: service.edit(item_id, changes))  # one undo step

    def show_selection(self, count: int) -> None:
        """How many rows are selected: more than one shows that count, not one of the items."""
        if count == self._selected:
            return
        several = count > 1 or self._selected > 1
        self._selected = count
        if several:
            self.reload()

    def _stack_changed(self, _index: int) -> None:
        # Hidden (another page, or the window closing): read again when shown.
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self._stale = False
            self.reload()
        super().showEvent(event)

    def current_item_id(self) -> int | None:
        """The id of the item shown."""
        return self._item_id

    def reload(self) -> None:
        """Read the shown item again (after an edit, an undo or a redo)."""
        if self._selected > 1:
            self.selection.set_count(self._selected)
            self.stack.setCurrentWidget(self.selection)
            return
        item: Item | None = None
        if self._item_id is not None:
            try:
                item = self.context.store.item(self._item_id)
            except UserError:
                item = None  # deleted meanwhile
        self.item = item
        self.notice.hide()
        if item is None:
            self.stack.setCurrentWidget(self.empty)
            self.ledger.reload()
            return
        self._loading = True
        try:
            self._fill(item)
        finally:
            self._loading = False
        self.ledger.reload()
        self._fill_history(self.context.store.audit_log(item.id, limit=500))
        self.supervision.set_item(item.id)
        self.proposal.set_item(item.id)
        # The 提案 page only where it applies: a 人大/政协 batch, or an item already handled so.
        shown = proposals.applies(self.context.store, item.id)
        self.tabs.setTabVisible(self.tabs.indexOf(self.proposal), shown)
        self.stack.setCurrentIndex(1)

    def _fill(self, item: Item) -> None:
        signal = signal_for(
            item.status, item.deadline, today=self.context.today(), rules=self.context.rules(),
            last_progress=item.progress_on,
        )  # fmt: skip
        number = item.number or self.tr("（无编号）")
        flat = " ".join(item.content.split())
        excerpt = flat if len(flat) <= 40 else flat[:39] + "…"
        status = tr_label(item.status.label)
        if signal.light is not Light.GREY:  # a finished item's status says it all
            status = self.tr("{0}　[{1}]").format(status, light_text(signal, item.status))
        self.title.setText(
            self.tr("<b>{0}</b>　{1}<br>{2}").format(
                html.escape(number), html.escape(status), html.escape(excerpt)
            )
        )
        for name in LINE_FIELDS:
            editor = self.editors[name]
            assert isinstance(editor, QLineEdit)
            editor.setText(self._stored_text(item, name))
            editor.setCursorPosition(0)
        for name in TEXT_FIELDS:
            editor = self.editors[name]
            assert isinstance(editor, CommitTextEdit)
            editor.set_text(self._stored_text(item, name))
        for name in ("result_class", "satisfaction"):
            combo = self.editors[name]
            assert isinstance(combo, QComboBox)
            value = getattr(item, name)
            if combo.findData(value) < 0:
                combo.addItem(value, value)
            combo.setCurrentIndex(combo.findData(value))
        self.departments.set_assignments(item.departments)
        self.departments.set_known(self.context.store.departments())
        self.deadline_hint.setText(self._deadline_hint(item))
        self.status.clear()
        for status in Status:
            if status is item.status or status in ALLOWED[item.status]:
                self.status.addItem(tr_label(status.label), status.value)
        self.status.setCurrentIndex(self.status.findData(item.status.value))
        self.closed_on.setText(date_text(item.closed_on) if item.closed_on else "—")
        self.progress.setText(
            f"{item.progress_on.isoformat()}　{item.progress}"
            if item.progress_on
            else item.progress or self.tr("（尚无进展，在“台账”中添加）")
        )
        self.extra.setText(
            "\n".join(f"{k}：{v}" for k, v in item.extra.items()) or self.tr("（无）")
        )

    def _deadline_hint(self, item: Item) -> str:
        deadline = item.deadline
        if deadline.date is not None:
            hint = self.tr("解读为：{0}").format(date_text(deadline.date))
            if deadline.ongoing:
                hint += self.tr("，并长期坚持")
        elif deadline.kind is DeadlineKind.ONGOING:
            hint = self.tr("解读为：长期坚持")
        elif deadline.kind is DeadlineKind.IMMEDIATE:
            hint = self.tr("解读为：立行立改")
        else:
            hint = self.tr("没有可识别的日期") if deadline.text else ""
        if deadline.warning:
            hint += "\n" + self.tr("注意：{0}").format(deadline_notes.shown(deadline.warning))
        return hint

    @staticmethod
    def _stored_text(item: Item, name: str) -> str:
        if name == "deadline":
            return item.deadline.text or (
                item.deadline.date.isoformat() if item.deadline.date else ""
            )
        value = getattr(item, name)
        return "" if value is None else str(value)

    def _fill_history(self, entries: list[AuditEntry]) -> None:
        self.history.clear()
        for entry in entries:
            field = FIELD_LABELS.get(entry.field) or RECORD_LABELS.get(entry.field, entry.field)
            old, new = entry.old, entry.new
            if entry.field == "status":
                old, new = (self._status_label(v) for v in (old, new))
            row = QTreeWidgetItem(
                [entry.at.replace("T", " "), entry.actor,
                 tr_label(ACTION_LABELS.get(entry.action, entry.action)), tr_label(field),
                 " ".join(old.split())[:80], " ".join(new.split())[:80]]
            )  # fmt: skip
            row.setToolTip(4, old)
            row.setToolTip(5, new)
            self.history.addTopLevelItem(row)
        for column in range(4):
            self.history.resizeColumnToContents(column)

    def _status_label(self, value: str) -> str:
        try:
            return tr_label(Status(value).label)
        except ValueError:
            return value

    # -- editing -------------------------------------------------------------------------

    def _editor_value(self, name: str) -> str:
        editor = self.editors[name]
        if isinstance(editor, QLineEdit):
            return editor.text()
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText()
        if isinstance(editor, QComboBox):
            return str(editor.currentData() or "")
        raise KeyError(name)

    def commit(self, name: str) -> bool:
        """Save one field's editor if its text differs from the stored value."""
        if self._loading or self.item is None or self.context.readonly:
            return False
        value = self._editor_value(name)
        if value.strip() == self._stored_text(self.item, name).strip():
            return False
        item_id, version = self.item.id, self.item.version
        return self._push(
            lambda service: service.edit(item_id, {name: value}, version=version),
            typed=(name, value),
        )

    def _departments_changed(self, assignments: list[Assignment]) -> None:
        if self.item is None or self.context.readonly:
            return
        item_id, version = self.item.id, self.item.version
        self._push(lambda service: service.set_departments(item_id, assignments, version=version))

    def _status_chosen(self) -> None:
        if self._loading or self.item is None:
            return
        status = Status(self.status.currentData())
        item_id = self.item.id
        seen = {item_id: self.item.version}
        if status is self.item.status:
            return
        if status is Status.CLOSED:
            bulk_dialogs.close_off(self.context, self.undo_stack, [item_id], self, seen)
        elif status is Status.DECLINED:
            reason, ok = QInputDialog.getText(
                self,
                self.tr("不予整改"),
                self.tr("请说明理由（如：非建设性建议、不属于职责范围）："),
            )
            if ok:
                self._push(
                    lambda service: service.set_status([item_id], status, reason=reason, seen=seen)
                )
        else:
            self._push(lambda service: service.set_status([item_id], status, seen=seen))
        self.reload()  # a refused or cancelled change shows the stored status again

    def _push(
        self,
        build: Callable[[ItemService], ItemCommand],
        typed: tuple[str, str] | None = None,
    ) -> bool:
        """Make an edit of the shown item; ``typed`` is the field and text the clerk typed.

        When another clerk changed the item first, the typed text stays in its editor: as it
        is (the message closed), or over the item loaded again (重新载入), ready to be saved
        again against what is stored now.
        """
        service = ItemService(self.context.store, self.context.actor)
        try:
            command = build(service)
        except ConnectionLostError as exc:
            self._held = True
            self.connection_lost.emit(exc.message)
            return False
        except UserError as exc:
            show_error(self, exc)
            self.reload()
            return False
        lost: list[ConnectionLostError] = []
        outcome = run(self.undo_stack, command, self, on_lost=lost.append)
        if outcome == DONE:
            return True
        if lost:  # keep what was typed; the window offers 重试
            self._held = True
            self.connection_lost.emit(lost[0].message)
            return False
        if outcome == CONFLICT and typed is not None:
            return False  # still the clerk's text, over the item as first read
        self.reload()
        if outcome == RELOAD and typed is not None and self.item is not None:
            self._show_typed(*typed)
        return False

    def _show_typed(self, name: str, text: str) -> None:
        """Put the clerk's unsaved text back into a field's editor (nothing is saved)."""
        editor = self.editors.get(name)
        self._loading = True
        try:
            if isinstance(editor, QLineEdit):
                editor.setText(text)
            elif isinstance(editor, QPlainTextEdit):
                editor.setPlainText(text)
        finally:
            self._loading = False

    def editor(self, name: str) -> Any:
        """The editor of a field (for the window's keyboard handling and tests)."""
        return self.editors[name]
