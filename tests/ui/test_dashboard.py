"""The overview page: clicking any figure asks for exactly the items behind it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rectdesk.domain.model import Status
from rectdesk.services.context import AppContext
from rectdesk.store import ItemQuery, Store
from rectdesk.ui.dashboard import DashboardPage

TODAY = dt.date(2023, 12, 5)


@pytest.fixture
def page(qtbot: QtBot, demo_store: Store, db_path: Path) -> DashboardPage:
    context = AppContext(store=demo_store, target=db_path, today=lambda: TODAY)
    widget = DashboardPage(context)
    qtbot.addWidget(widget)
    widget.resize(1200, 900)
    widget.show()
    widget.refresh()
    return widget


def _figure_count(text: str) -> int:
    return int(text.split("\n")[0])


def _click(qtbot: QtBot, page: DashboardPage, key: str) -> ItemQuery:
    with qtbot.waitSignal(page.open_items) as blocker:
        qtbot.mouseClick(page.figure_buttons[key], Qt.MouseButton.LeftButton)
    query = blocker.args[0] if blocker.args else None
    assert isinstance(query, ItemQuery)
    return query


def test_figure_buttons_open_exactly_their_items(qtbot: QtBot, page: DashboardPage) -> None:
    store = page.context.store
    for key in ["total", "overdue", "soon"] + [f"status_{s.value}" for s in Status]:
        shown = _figure_count(page.figure_buttons[key].text())
        query = _click(qtbot, page, key)
        assert store.count_items(query) == shown, key
        assert query.today == TODAY
    assert _figure_count(page.figure_buttons["total"].text()) == store.count_items()
    overdue = _click(qtbot, page, "overdue")
    assert overdue.overdue and _figure_count(page.figure_buttons["overdue"].text()) > 0
    closed = _click(qtbot, page, "status_in_progress")
    assert closed.statuses == (Status.IN_PROGRESS,)


def test_department_cells_and_bars_are_clickable(qtbot: QtBot, page: DashboardPage) -> None:
    store = page.context.store
    table = page.department_table
    assert table.rowCount() == len(store.departments())
    for row in range(min(table.rowCount(), 4)):
        for column in (1, 2, 3):
            cell = table.item(row, column)
            assert cell is not None
            with qtbot.waitSignal(page.open_items) as blocker:
                table.cellClicked.emit(row, column)
            assert store.count_items(blocker.args[0]) == int(cell.text())
    name_cell = table.item(0, 0)
    assert name_cell is not None
    chart = page.chart
    assert chart.bars()[0].label == name_cell.text()
    with qtbot.waitSignal(page.open_items) as blocker:
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart.bar_rect(0).center())
    query = blocker.args[0]
    assert query.department == name_cell.text()
    assert store.count_items(query) == chart.bars()[0].value


def test_categories_and_lists(qtbot: QtBot, page: DashboardPage) -> None:
    store = page.context.store
    table = page.category_table
    assert table.rowCount() == len(store.categories())
    total = 0
    for row in range(table.rowCount()):
        cell = table.item(row, 1)
        assert cell is not None
        total += int(cell.text())
        with qtbot.waitSignal(page.open_items) as blocker:
            table.cellClicked.emit(row, 1)
        assert store.count_items(blocker.args[0]) == int(cell.text())
    assert total == store.count_items()
    board = page.dashboard
    assert board is not None
    assert page.overdue_list.topLevelItemCount() == min(board.overdue.count, 20)
    entry = page.overdue_list.topLevelItem(0)
    assert entry is not None and entry.text(3).startswith("逾期")
    assert entry.text(0) == " ".join(board.overdue_items[0].content.split())[:80]
    with qtbot.waitSignal(page.open_items) as blocker:
        page.overdue_list.itemClicked.emit(entry, 0)
    assert store.item_ids(blocker.args[0]) == [board.overdue_items[0].id]


def test_counts_when_first_shown(qtbot: QtBot, demo_store: Store, db_path: Path) -> None:
    context = AppContext(store=demo_store, target=db_path, today=lambda: TODAY)
    widget = DashboardPage(context)
    qtbot.addWidget(widget)
    assert widget.dashboard is None
    widget.show()
    qtbot.waitUntil(lambda: widget.dashboard is not None)
    assert _figure_count(widget.figure_buttons["total"].text()) == demo_store.count_items()


def test_refresh_follows_the_store(qtbot: QtBot, page: DashboardPage) -> None:
    store = page.context.store
    before = _figure_count(page.figure_buttons["status_pending"].text())
    store.delete_items(store.item_ids(ItemQuery(statuses=(Status.PENDING,), limit=2)))
    page.refresh()
    assert _figure_count(page.figure_buttons["status_pending"].text()) == before - 2


def test_due_soon_is_the_one_setting_everywhere(
    qtbot: QtBot, demo_store: Store, db_path: Path
) -> None:
    from rectdesk.services import settings
    from rectdesk.ui.navigator import Navigator
    from rectdesk.ui.reminder import due_queries

    day = dt.date(2023, 11, 25)  # the plan's sixteen items are due in five days
    context = AppContext(store=demo_store, target=db_path, today=lambda: day)
    for warn_days, expected in ((3, 0), (5, 16), (10, 16), (40, 18)):
        settings.put(demo_store, "warn_days", warn_days)
        widget = DashboardPage(context)
        qtbot.addWidget(widget)
        widget.refresh()
        navigator = Navigator(context)
        qtbot.addWidget(navigator)
        _overdue, soon = due_queries(context)
        shown = _figure_count(widget.figure_buttons["soon"].text())
        assert shown == navigator.count("due_soon") == demo_store.count_items(soon) == expected
        assert f"{warn_days}" in widget.figure_buttons["soon"].text()
        assert navigator.title("due_soon").startswith(f"{warn_days}")
