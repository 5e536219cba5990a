"""Another clerk changed the item first: the panel says so, offers 重新载入, keeps the typing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from rectdesk.domain.model import Status
from rectdesk.services.context import AppContext
from rectdesk.services.items import ItemService
from rectdesk.store import ItemQuery, Store
from rectdesk.ui import undo
from rectdesk.ui.detail_panel import DetailPanel

TODAY = dt.date(2023, 12, 5)


@dataclass
class Clerk:
    """The clerk before the message: what was shown, and whether 重新载入 is chosen."""

    reload: bool = True
    shown: list[str] = field(default_factory=list)

    def answer(self, parent: object, message: str) -> bool:
        self.shown.append(message)
        return self.reload


@pytest.fixture
def context(demo_store: Store, db_path: Path) -> AppContext:
    return AppContext(store=demo_store, target=db_path, today=lambda: TODAY)


@pytest.fixture
def other(demo_store: Store) -> Iterator[ItemService]:
    """Another clerk, through a connection of their own to the same ledger."""
    second = demo_store.worker_writer()
    yield ItemService(second, "李四")
    second.close()


@pytest.fixture
def clerk(monkeypatch: pytest.MonkeyPatch) -> Clerk:
    seen = Clerk()
    monkeypatch.setattr(undo, "ask_reload", seen.answer)
    return seen


@pytest.fixture
def panel(qtbot: QtBot, context: AppContext) -> DetailPanel:
    stack = QUndoStack()
    widget = DetailPanel(context, stack)
    stack.setParent(widget)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _item(store: Store) -> int:
    return store.item_ids(ItemQuery(statuses=(Status.IN_PROGRESS,), limit=1))[0]


def _type(qtbot: QtBot, editor: QLineEdit, text: str) -> None:
    editor.setFocus()
    editor.selectAll()
    editor.insert(text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_reload_keeps_the_typed_text_to_save_again(
    qtbot: QtBot, panel: DetailPanel, context: AppContext, other: ItemService, clerk: Clerk
) -> None:
    item_id = _item(context.store)
    panel.show_item(item_id)
    other.edit(item_id, {"deadline": "2024年6月30日"}).do()
    owner = panel.editor("owner")
    assert isinstance(owner, QLineEdit)
    _type(qtbot, owner, "张三")
    assert len(clerk.shown) == 1
    assert "李四" in clerk.shown[0] and "整改时限" in clerk.shown[0]
    assert "没有保存" in clerk.shown[0]
    assert context.store.item(item_id).owner != "张三"  # nothing saved
    assert panel.undo_stack.count() == 0
    # Loaded again: the other clerk's deadline shows, and so does what this clerk typed.
    assert panel.editor("deadline").text() == "2024年6月30日"
    assert owner.text() == "张三"
    qtbot.keyClick(owner, Qt.Key.Key_Return)
    assert context.store.item(item_id).owner == "张三"
    assert context.store.item(item_id).deadline.text == "2024年6月30日"


def test_closing_the_message_keeps_the_text_and_saves_nothing(
    qtbot: QtBot, panel: DetailPanel, context: AppContext, other: ItemService, clerk: Clerk
) -> None:
    clerk.reload = False
    item_id = _item(context.store)
    panel.show_item(item_id)
    other.edit(item_id, {"remarks": "李四的备注"}).do()
    owner = panel.editor("owner")
    assert isinstance(owner, QLineEdit)
    _type(qtbot, owner, "张三")
    assert len(clerk.shown) == 1 and "备注" in clerk.shown[0]
    assert owner.text() == "张三"
    assert context.store.item(item_id).owner != "张三"


def test_an_undo_after_another_clerks_change_is_refused_and_dropped(
    qtbot: QtBot, panel: DetailPanel, context: AppContext, other: ItemService, clerk: Clerk
) -> None:
    item_id = _item(context.store)
    panel.show_item(item_id)
    owner = panel.editor("owner")
    assert isinstance(owner, QLineEdit)
    _type(qtbot, owner, "张三")
    assert context.store.item(item_id).owner == "张三"
    other.edit(item_id, {"owner": "李四"}).do()
    panel.undo_stack.undo()
    assert len(clerk.shown) == 1 and "责任人" in clerk.shown[0]
    assert context.store.item(item_id).owner == "李四"  # the other clerk's change stays
    assert panel.undo_stack.count() == 0  # the step no longer applies
