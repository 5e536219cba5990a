"""The detail panel, driven as a clerk would: edit, undo, add progress with evidence, open it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFocusEvent, QUndoStack
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from rectdesk.domain.model import LedgerKind, Role, Status
from rectdesk.domain.status import ALLOWED
from rectdesk.services.context import AppContext
from rectdesk.store import ItemQuery, Store
from rectdesk.ui.detail_panel import DetailPanel

TODAY = dt.date(2023, 12, 5)


@pytest.fixture
def context(demo_store: Store, db_path: Path) -> AppContext:
    return AppContext(store=demo_store, target=db_path, today=lambda: TODAY)


@pytest.fixture
def panel(qtbot: QtBot, context: AppContext) -> DetailPanel:
    stack = QUndoStack()
    widget = DetailPanel(context, stack)
    stack.setParent(widget)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _first(store: Store, status: Status) -> int:
    return store.item_ids(ItemQuery(statuses=(status,), limit=1))[0]


def _leave(editor: QPlainTextEdit) -> None:
    QApplication.sendEvent(editor, QFocusEvent(QEvent.Type.FocusOut))


def test_empty_until_an_item_is_chosen(panel: DetailPanel, context: AppContext) -> None:
    assert panel.stack.currentWidget() is panel.empty
    item_id = _first(context.store, Status.IN_PROGRESS)
    panel.show_item(item_id)
    assert panel.stack.currentIndex() == 1
    number = panel.editor("number")
    assert isinstance(number, QLineEdit)
    assert number.text() == (context.store.item(item_id).number or "")


def test_edit_a_field_saves_at_once_and_undoes(
    qtbot: QtBot, panel: DetailPanel, context: AppContext
) -> None:
    item_id = _first(context.store, Status.IN_PROGRESS)
    panel.show_item(item_id)
    owner = panel.editor("owner")
    owner.setFocus()
    owner.insert("李四")
    qtbot.keyClick(owner, Qt.Key.Key_Return)
    assert context.store.item(item_id).owner == "李四"
    assert panel.undo_stack.count() == 1
    assert panel.undo_stack.undoText() == "修改“责任人”"
    # Leaving the editor again without a change adds no second step.
    owner.editingFinished.emit()
    assert panel.undo_stack.count() == 1

    measures = panel.editor("measures")
    assert isinstance(measures, QPlainTextEdit)
    measures.setPlainText("一是建立工作台账；二是每月通报进度。")
    _leave(measures)
    assert context.store.item(item_id).measures == "一是建立工作台账；二是每月通报进度。"
    assert panel.undo_stack.count() == 2

    panel.undo_stack.undo()
    assert "建立工作台账" not in context.store.item(item_id).measures
    assert "建立工作台账" not in measures.toPlainText()  # the panel refreshed itself
    panel.undo_stack.undo()
    assert context.store.item(item_id).owner == ""
    assert owner.text() == ""
    panel.undo_stack.redo()
    assert owner.text() == "李四"
    history = panel.history
    assert history.topLevelItem(0) is not None
    assert history.topLevelItem(0).text(2) == "重做"  # type: ignore[union-attr]


def test_deadline_text_is_read_and_explained(panel: DetailPanel, context: AppContext) -> None:
    item_id = _first(context.store, Status.PENDING)
    panel.show_item(item_id)
    deadline = panel.editor("deadline")
    deadline.setText("2024年3月底前")
    deadline.editingFinished.emit()
    assert context.store.item(item_id).deadline.date == dt.date(2024, 3, 31)
    assert "2024年3月31日" in panel.deadline_hint.text()


def test_empty_content_is_refused_with_a_message(
    panel: DetailPanel, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        "rectdesk.ui.detail_panel.show_error", lambda _parent, error: shown.append(error.message)
    )
    item_id = _first(context.store, Status.PENDING)
    panel.show_item(item_id)
    content = panel.editor("content")
    before = context.store.item(item_id).content
    content.setPlainText("   ")
    _leave(content)
    assert shown and "不能为空" in shown[0]
    assert context.store.item(item_id).content == before
    assert content.toPlainText() == before
    assert panel.undo_stack.count() == 0


def test_status_offers_only_allowed_changes(panel: DetailPanel, context: AppContext) -> None:
    item_id = _first(context.store, Status.COMPLETED)
    panel.show_item(item_id)
    combo = panel.status
    offered = {Status(combo.itemData(n)) for n in range(combo.count())}
    assert offered == {Status.COMPLETED} | ALLOWED[Status.COMPLETED]
    combo.setCurrentIndex(combo.findData(Status.IN_PROGRESS.value))
    combo.activated.emit(combo.currentIndex())
    assert context.store.item(item_id).status is Status.IN_PROGRESS
    offered = {Status(combo.itemData(n)) for n in range(combo.count())}
    assert Status.CLOSED not in offered
    panel.undo_stack.undo()
    assert context.store.item(item_id).status is Status.COMPLETED


def test_departments_list_with_lead_and_assisting(
    qtbot: QtBot, panel: DetailPanel, context: AppContext
) -> None:
    item_id = _first(context.store, Status.IN_PROGRESS)
    panel.show_item(item_id)
    lead = context.store.item(item_id).lead_department
    editor = panel.departments
    editor.name.setText("疾控处")
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    item = context.store.item(item_id)
    assert item.departments[-1].department == "疾控处"
    assert item.departments[-1].role is Role.ASSIST
    editor.list.setCurrentRow(editor.list.count() - 1)
    qtbot.mouseClick(editor.lead_button, Qt.MouseButton.LeftButton)
    item = context.store.item(item_id)
    assert item.lead_department == "疾控处"
    assert editor.list.item(0).text() == "疾控处（牵头）"  # type: ignore[union-attr]
    assert panel.undo_stack.count() == 2
    panel.undo_stack.undo()
    panel.undo_stack.undo()
    assert context.store.item(item_id).department_names[0] == lead
    assert "疾控处" not in context.store.item(item_id).department_names


def test_add_progress_with_evidence_and_open_it(
    qtbot: QtBot,
    panel: DetailPanel,
    context: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    evidence = tmp_path / "专题会议纪要.pdf"
    evidence.write_bytes(b"%PDF-1.4 minutes")
    item_id = _first(context.store, Status.IN_PROGRESS)
    panel.show_item(item_id)
    ledger = panel.ledger
    ledger.date.setDate(ledger.date.date().addDays(-3))
    ledger.text.setPlainText("已召开专题会议，部署整改工作。")
    ledger.files.set_files([evidence])
    qtbot.mouseClick(ledger.add_button, Qt.MouseButton.LeftButton)

    entry = context.store.ledger(item_id)[-1]
    assert (entry.kind, entry.text, entry.on) == (
        LedgerKind.PROGRESS,
        "已召开专题会议，部署整改工作。",
        dt.date(2023, 12, 2),
    )
    top = ledger.timeline.topLevelItem(0)
    assert top is not None and "已召开专题会议" in top.text(2)
    (file_row,) = ledger.attachment_items()
    assert file_row.parent() is top
    assert "专题会议纪要.pdf" in file_row.text(2)
    assert ledger.text.toPlainText() == "" and ledger.files.files() == []
    assert "已召开专题会议" in panel.progress.text()

    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    ledger.timeline.itemActivated.emit(file_row, 0)
    assert len(opened) == 1
    assert Path(opened[0].toLocalFile()).read_bytes() == b"%PDF-1.4 minutes"

    panel.undo_stack.undo()
    assert ledger.attachment_items() == []
    assert context.store.attachments(item_id) == []


def test_readonly_panel_does_not_edit(qtbot: QtBot, db_path: Path, demo_store: Store) -> None:
    item_id = _first(demo_store, Status.IN_PROGRESS)
    demo_store.close()
    with Store.open(db_path, readonly=True) as store:
        context = AppContext(store=store, target=db_path, today=lambda: TODAY)
        stack = QUndoStack()
        panel = DetailPanel(context, stack)
        stack.setParent(panel)
        qtbot.addWidget(panel)
        panel.show_item(item_id)
        owner = panel.editor("owner")
        assert isinstance(owner, QLineEdit) and owner.isReadOnly()
        assert panel.editor("measures").isReadOnly()
        status = panel.editor("status")
        assert isinstance(status, QComboBox) and not status.isEnabled()
        assert not panel.ledger.form_box.isEnabled()
        assert not panel.departments.add_button.isEnabled()
        owner.setText("改不了")
        assert panel.commit("owner") is False
        assert store.item(item_id).owner == ""


def test_closing_off_and_declining_from_the_status_box(
    panel: DetailPanel, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QDialog, QInputDialog

    from rectdesk.ui.bulk_dialogs import CloseOffDialog, to_qdate

    def accept(dialog: CloseOffDialog) -> int:
        dialog.on.setDate(to_qdate(dt.date(2023, 12, 1)))
        dialog.note.setText("经审核同意销号")  # no evidence file: a written reason
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(CloseOffDialog, "exec", accept)
    item_id = _first(context.store, Status.COMPLETED)
    panel.show_item(item_id)
    combo = panel.status
    combo.setCurrentIndex(combo.findData(Status.CLOSED.value))
    combo.activated.emit(combo.currentIndex())
    item = context.store.item(item_id)
    assert (item.status, item.closed_on) == (Status.CLOSED, dt.date(2023, 12, 1))
    assert panel.closed_on.text() == "2023年12月1日"
    assert panel.undo_stack.count() == 1

    pending = _first(context.store, Status.PENDING)
    panel.show_item(pending)
    monkeypatch.setattr(QInputDialog, "getText", lambda *args: ("", False))
    combo.setCurrentIndex(combo.findData(Status.DECLINED.value))
    combo.activated.emit(combo.currentIndex())
    assert context.store.item(pending).status is Status.PENDING
    assert Status(combo.currentData()) is Status.PENDING  # the box shows the stored status
    monkeypatch.setattr(QInputDialog, "getText", lambda *args: ("感谢建议，无须整改", True))
    combo.setCurrentIndex(combo.findData(Status.DECLINED.value))
    combo.activated.emit(combo.currentIndex())
    item = context.store.item(pending)
    assert (item.status, item.status_reason) == (Status.DECLINED, "感谢建议，无须整改")
    editor = panel.editor("status_reason")
    assert editor.text() == "感谢建议，无须整改"


def test_a_hidden_panel_catches_up_when_shown(panel: DetailPanel, context: AppContext) -> None:
    item_id = _first(context.store, Status.IN_PROGRESS)
    panel.show_item(item_id)
    panel.hide()
    from rectdesk.services.items import ItemService
    from rectdesk.ui.undo import push

    assert push(panel.undo_stack, ItemService(context.store).edit(item_id, {"owner": "王五"}))
    assert panel.editor("owner").text() == ""
    panel.show()
    assert panel.editor("owner").text() == "王五"


def test_a_missing_evidence_file_is_explained(
    panel: DetailPanel, context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        "rectdesk.ui.ledger_view.show_error", lambda _parent, error: shown.append(error.message)
    )
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    evidence = tmp_path / "照片.jpg"
    evidence.write_bytes(b"jpeg")
    item_id = _first(context.store, Status.IN_PROGRESS)
    attachment = context.store.add_attachment(item_id, evidence)
    context.store.attachment_path(attachment).unlink()
    panel.show_item(item_id)
    (row,) = panel.ledger.attachment_items()
    panel.ledger.timeline.setCurrentItem(row)
    assert panel.ledger.open_button.isEnabled()
    panel.ledger.open_button.click()
    assert opened == []
    assert shown and "照片.jpg" in shown[0] and "备份" in shown[0]
