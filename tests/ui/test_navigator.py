"""The navigator: smart views with live counts, batches by kind and year."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QTreeWidgetItem

from rectdesk.domain.model import Status
from rectdesk.services import settings
from rectdesk.services.context import AppContext
from rectdesk.store import ItemQuery, Store
from rectdesk.ui.navigator import Navigator

LATER = dt.date(2023, 12, 5)


@pytest.fixture
def context(demo_store: Store, db_path: Path) -> AppContext:
    return AppContext(store=demo_store, target=db_path, today=lambda: LATER)


@pytest.fixture
def navigator(qtbot: Any, context: AppContext) -> Navigator:
    widget = Navigator(context)
    qtbot.addWidget(widget)
    return widget


def texts(parent: QTreeWidgetItem, row: int) -> str:
    child = parent.child(row)
    assert child is not None
    return child.text(0)


def test_smart_views_show_live_counts(navigator: Navigator, context: AppContext) -> None:
    store = context.store
    assert navigator.count("all") == 49
    assert navigator.count("overdue") == store.count_items(ItemQuery(overdue=True, today=LATER))
    assert navigator.count("overdue") == 16
    assert navigator.title("due_soon") == "10日内到期"
    assert navigator.count("in_progress") == 18
    assert navigator.title("completed") == "已完成待销号"
    assert navigator.count("declined") == 3


def test_choosing_a_view_emits_its_query(qtbot: Any, navigator: Navigator) -> None:
    with qtbot.waitSignal(navigator.view_selected) as blocker:
        navigator.select("overdue")
    assert blocker.args[0].overdue is True
    with qtbot.waitSignal(navigator.view_selected) as blocker:
        navigator.select("in_progress")
    assert blocker.args[0].statuses == (Status.IN_PROGRESS,)
    assert navigator.current_key() == "in_progress"


def test_batches_are_grouped_by_kind_and_year(navigator: Navigator, context: AppContext) -> None:
    batches = navigator.topLevelItem(1)
    assert batches is not None
    kinds = [texts(batches, i) for i in range(batches.childCount())]
    assert kinds == ["社会评价意见建议", "巡察反馈问题"]
    social = batches.child(0)
    assert social is not None
    years = [texts(social, i) for i in range(social.childCount())]
    assert years == ["2023年", "2020年"]
    inspection = context.store.find_batch("县委第八轮专项巡察反馈问题")
    assert inspection is not None
    assert navigator.count(f"batch:{inspection.id}") == 9


def test_counts_follow_changes_and_threshold(navigator: Navigator, context: AppContext) -> None:
    store = context.store
    item_id = store.item_ids(ItemQuery(overdue=True, today=LATER))[0]
    store.update_item(item_id, {"status": Status.COMPLETED})
    settings.put(store, "warn_days", 30)
    navigator.select("completed")
    navigator.refresh()
    assert navigator.count("overdue") == 15
    assert navigator.count("completed") == 10
    assert navigator.title("due_soon") == "30日内到期"
    assert navigator.current_key() == "completed"
