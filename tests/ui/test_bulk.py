"""Bulk edits from the selection: one dialog, one undo step, exact undo."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from rectdesk.domain.model import LedgerKind, Role, Status
from rectdesk.services.context import AppContext
from rectdesk.store import ItemQuery, Store
from rectdesk.ui import bulk_dialogs
from rectdesk.ui.bulk_dialogs import (
    CloseOffDialog,
    DeadlineDialog,
    LeadDialog,
    ProgressDialog,
    StatusDialog,
    to_qdate,
)

TODAY = dt.date(2023, 12, 5)


@pytest.fixture
def context(demo_store: Store, db_path: Path) -> AppContext:
    return AppContext(store=demo_store, target=db_path, today=lambda: TODAY)


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def stack(parent: QWidget) -> QUndoStack:
    return QUndoStack(parent)


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []

    def record(_parent: Any, error: Any) -> None:
        shown.append(error.message)

    monkeypatch.setattr("rectdesk.ui.bulk_dialogs.show_error", record)
    monkeypatch.setattr("rectdesk.ui.undo.show_error", record)
    return shown


def answer(
    monkeypatch: pytest.MonkeyPatch, dialog: type[QDialog], fill: Callable[[Any], None]
) -> None:
    """Make the dialog, when shown, be filled in and accepted at once."""

    def run(self: Any) -> int:
        fill(self)
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(dialog, "exec", run)


def _ids(store: Store, status: Status, count: int) -> list[int]:
    return store.item_ids(ItemQuery(statuses=(status,), limit=count))


def test_bulk_close_off_with_evidence_is_one_undo_step(
    context: AppContext,
    stack: QUndoStack,
    parent: QWidget,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    errors: list[str],
) -> None:
    store = context.store
    evidence = tmp_path / "销号审批表.pdf"
    evidence.write_bytes(b"%PDF approval")
    ids = _ids(store, Status.COMPLETED, 5)
    assert len(ids) == 5
    before = [store.item(i) for i in ids]

    def fill(dialog: CloseOffDialog) -> None:
        dialog.on.setDate(to_qdate(dt.date(2023, 12, 1)))
        dialog.note.setText("经审核同意销号")
        dialog.evidence.set_files([evidence])

    answer(monkeypatch, CloseOffDialog, fill)
    assert bulk_dialogs.close_off(context, stack, ids, parent)
    assert errors == []
    assert stack.count() == 1
    assert stack.undoText() == "销号 5 条事项"
    for item_id in ids:
        item = store.item(item_id)
        assert (item.status, item.closed_on) == (Status.CLOSED, dt.date(2023, 12, 1))
        assert store.ledger(item_id)[-1].kind is LedgerKind.CLOSE_OFF
        assert [a.name for a in store.attachments(item_id)] == ["销号审批表.pdf"]
    stack.undo()
    assert [store.item(i) for i in ids] == before
    assert all(store.attachments(i) == [] for i in ids)
    stack.redo()
    assert store.count_items(ItemQuery(ids=tuple(ids), statuses=(Status.CLOSED,))) == 5


def test_close_off_refuses_unfinished_items_and_changes_nothing(
    context: AppContext,
    stack: QUndoStack,
    parent: QWidget,
    monkeypatch: pytest.MonkeyPatch,
    errors: list[str],
) -> None:
    ids = _ids(context.store, Status.COMPLETED, 2) + _ids(context.store, Status.IN_PROGRESS, 1)
    answer(monkeypatch, CloseOffDialog, lambda _d: None)
    assert not bulk_dialogs.close_off(context, stack, ids, parent)
    assert stack.count() == 0
    assert len(errors) == 1 and "不能直接销号" in errors[0]
    assert context.store.count_items(ItemQuery(statuses=(Status.CLOSED,))) == 0


def test_cancelled_dialog_does_nothing(
    context: AppContext, stack: QUndoStack, parent: QWidget, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(StatusDialog, "exec", lambda _self: int(QDialog.DialogCode.Rejected))
    ids = _ids(context.store, Status.PENDING, 3)
    assert not bulk_dialogs.set_status(context, stack, ids, parent)
    assert stack.count() == 0


def test_bulk_status_offers_what_every_item_allows(
    context: AppContext, stack: QUndoStack, parent: QWidget, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _ids(context.store, Status.PENDING, 2) + _ids(context.store, Status.IN_PROGRESS, 2)
    offered: list[Status] = []

    def fill(dialog: StatusDialog) -> None:
        offered.extend(Status(dialog.status.itemData(n)) for n in range(dialog.status.count()))
        dialog.status.setCurrentIndex(dialog.status.findData(Status.DECLINED.value))
        dialog.reason.setText("不属于职责范围")

    answer(monkeypatch, StatusDialog, fill)
    assert bulk_dialogs.set_status(context, stack, ids, parent)
    assert Status.CLOSED not in offered and Status.DECLINED in offered
    assert {context.store.item(i).status for i in ids} == {Status.DECLINED}
    assert {context.store.item(i).status_reason for i in ids} == {"不属于职责范围"}
    stack.undo()
    assert [context.store.item(i).status for i in ids] == [Status.PENDING] * 2 + [
        Status.IN_PROGRESS
    ] * 2


def test_bulk_lead_department_and_deadline(
    context: AppContext, stack: QUndoStack, parent: QWidget, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = context.store
    ids = _ids(store, Status.PENDING, 3)
    answer(monkeypatch, LeadDialog, lambda d: d.department.setCurrentText("疾控处"))
    assert bulk_dialogs.set_lead_department(context, stack, ids, parent)
    for item_id in ids:
        assert store.item(item_id).departments[0].department == "疾控处"
        assert all(a.role is Role.ASSIST for a in store.item(item_id).departments[1:])

    def fill(dialog: DeadlineDialog) -> None:
        dialog.text.setText("2024年6月底前")
        assert "2024年6月30日" in dialog.preview.text()

    answer(monkeypatch, DeadlineDialog, fill)
    assert bulk_dialogs.set_deadline(context, stack, ids, parent)
    assert {store.item(i).deadline.date for i in ids} == {dt.date(2024, 6, 30)}
    assert stack.count() == 2
    stack.undo()
    stack.undo()
    assert store.count_items(ItemQuery(department="疾控处", ids=tuple(ids))) == 0


def test_same_progress_for_several_items(
    context: AppContext,
    stack: QUndoStack,
    parent: QWidget,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    photo = tmp_path / "现场照片.jpg"
    photo.write_bytes(b"\xff\xd8jpeg")
    ids = _ids(context.store, Status.IN_PROGRESS, 4)

    def fill(dialog: ProgressDialog) -> None:
        dialog.text.setPlainText("开展全县基层医疗机构督导检查")
        dialog.files.set_files([photo])

    answer(monkeypatch, ProgressDialog, fill)
    assert bulk_dialogs.add_progress(context, stack, ids, parent)
    assert stack.count() == 1
    for item_id in ids:
        assert context.store.item(item_id).progress == "开展全县基层医疗机构督导检查"
        assert context.store.item(item_id).progress_on == TODAY
    stack.undo()
    assert all(context.store.attachments(i) == [] for i in ids)


def test_delete_asks_first(
    context: AppContext, stack: QUndoStack, parent: QWidget, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = context.store
    ids = _ids(store, Status.PENDING, 2)
    total = store.count_items()
    replies = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *args: replies.pop(0))
    assert not bulk_dialogs.delete_items(context, stack, ids, parent)
    assert store.count_items() == total
    assert bulk_dialogs.delete_items(context, stack, ids, parent)
    assert store.count_items() == total - 2
    stack.undo()
    assert store.count_items() == total
    assert store.item_ids(ItemQuery(ids=tuple(ids))) == ids


def test_readonly_and_empty_selection_are_explained(
    context: AppContext, stack: QUndoStack, parent: QWidget, errors: list[str]
) -> None:
    assert not bulk_dialogs.add_progress(context, stack, [], parent)
    assert errors == ["请先在列表中选择事项。"]
