"""Working on many items: the right-click menu, a kept selection, tips, title and signature."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, QSettings
from PySide6.QtWidgets import QMenu

from rectdesk.domain.model import Status
from rectdesk.services import settings
from rectdesk.services.context import AppContext
from rectdesk.services.items import ItemService
from rectdesk.store import ItemQuery, Store
from rectdesk.ui.main_window import MainWindow
from rectdesk.ui.tasks import TaskRunner
from rectdesk.ui.undo import push

TODAY = dt.date(2023, 11, 20)


@pytest.fixture
def window(qtbot: Any, demo_store: Store, db_path: Path, tmp_path: Path) -> MainWindow:
    qsettings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    context = AppContext(demo_store, db_path, today=lambda: TODAY)
    shown = MainWindow(context, qsettings=qsettings, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    shown.pages.setCurrentWidget(shown.items_page)
    return shown


def select_rows(window: MainWindow, rows: list[int]) -> list[int]:
    selection = window.table.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(
            window.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    return window.selected_ids()


def test_a_bulk_change_keeps_the_selection(window: MainWindow) -> None:
    in_progress = window.context.store.item_ids(ItemQuery(statuses=(Status.IN_PROGRESS,)))
    rows = [r for r in range(window.model.rowCount()) if window.model.item_id(r) in in_progress]
    chosen = select_rows(window, rows[:4])
    assert len(chosen) == 4
    assert window.detail.stack.currentWidget() is window.detail.selection
    assert "4" in window.detail.selection.heading.text()
    service = ItemService(window.context.store, window.context.actor)
    assert push(window.undo_stack, service.set_status(chosen, Status.COMPLETED), window)
    assert sorted(window.selected_ids()) == sorted(chosen)  # ready for the next bulk step
    assert window.detail.stack.currentWidget() is window.detail.selection
    window.undo_action.trigger()
    assert sorted(window.selected_ids()) == sorted(chosen)


def test_right_click_offers_what_can_be_done_to_the_selection(
    qtbot: Any, window: MainWindow
) -> None:
    chosen = select_rows(window, [0, 1, 2])
    rect = window.table.visualRect(window.model.index(1, 2))
    window._table_menu(rect.center())
    menu = next(m for m in window.findChildren(QMenu) if m.isVisible())
    texts = [a.text() for a in menu.actions()]
    assert "对选中的 3 条事项：" in texts
    for key in ("status", "lead", "deadline", "progress", "close_off"):
        assert window.bulk_actions[key] in menu.actions()
    assert window.delete_action in menu.actions()
    menu.close()
    assert window.selected_ids() == chosen  # right-click inside the selection keeps it
    outside = window.table.visualRect(window.model.index(6, 2)).center()
    window._table_menu(outside)
    assert window.selected_ids() == [window.model.item_id(6)]  # outside: that row
    for shown in [m for m in window.findChildren(QMenu) if m.isVisible()]:
        shown.close()


def test_toolbar_and_filter_bar_explain_themselves(window: MainWindow) -> None:
    for action in window.toolbar.actions():
        if not action.isSeparator():
            assert action.toolTip() and action.toolTip() != action.text().replace("&", "")
    bar = window.filter_bar
    for widget in (bar.search, bar.status, bar.department, bar.category, bar.batch,
                   bar.date_from, bar.date_to, bar.clear_button):  # fmt: skip
        assert len(widget.toolTip()) > 4, widget.objectName()


def test_the_title_is_the_file_and_says_read_only(
    qtbot: Any, demo_store: Store, db_path: Path, tmp_path: Path
) -> None:
    qsettings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(AppContext(demo_store, db_path), qsettings=qsettings)
    qtbot.addWidget(window)
    assert window.windowTitle() == db_path.name  # Qt adds the program's name once
    reader = Store.open(db_path, readonly=True)
    try:
        readonly = MainWindow(AppContext(reader, db_path), qsettings=qsettings)
        qtbot.addWidget(readonly)
        assert readonly.windowTitle() == f"{db_path.name}［只读］"
    finally:
        reader.close()


def test_the_ledger_is_signed_with_the_clerks_name(window: MainWindow) -> None:
    store = window.context.store
    settings.put(store, "clerk_name", "王晓红")
    item_id = store.item_ids(ItemQuery(statuses=(Status.IN_PROGRESS,)))[0]
    service = ItemService(store, window.context.actor)
    assert push(window.undo_stack, service.add_progress([item_id], TODAY, "已召开专题会"), window)
    assert store.ledger(item_id)[-1].author == "王晓红"
