"""The filter bar: search as you type, combined filters, chips that say why rows are hidden."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from rectdesk.domain.model import Light, Status
from rectdesk.services.context import AppContext
from rectdesk.store import ItemQuery, Store
from rectdesk.ui.filter_bar import FilterBar, filters_only

TODAY = dt.date(2023, 11, 20)


@pytest.fixture
def context(demo_store: Store, db_path: Path) -> AppContext:
    return AppContext(store=demo_store, target=db_path, today=lambda: TODAY)


@pytest.fixture
def bar(qtbot: Any, context: AppContext) -> FilterBar:
    widget = FilterBar(context)
    qtbot.addWidget(widget)
    return widget


def type_chinese(widget: Any, text: str) -> None:
    """Type as a Chinese input method does: each character is committed to the widget."""
    for char in text:
        event = QInputMethodEvent("", [])
        event.setCommitString(char)
        QApplication.sendEvent(widget, event)


def choose(combo: Any, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, text
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_typing_a_chinese_substring_searches(qtbot: Any, bar: FilterBar) -> None:
    type_chinese(bar.search, "凉坪村")
    qtbot.waitUntil(lambda: bar.query().search == "凉坪村", timeout=2000)
    assert bar.chips() == ["搜索“凉坪村”"]
    assert bar.clear_button.isVisible() or not bar.isVisible()


def test_first_keystroke_searches_at_once_then_typing_settles(qtbot: Any, bar: FilterBar) -> None:
    seen: list[str] = []
    bar.query_changed.connect(lambda query: seen.append(query.search))
    type_chinese(bar.search, "医")
    assert seen == ["医"]
    type_chinese(bar.search, "院管理")
    assert seen == ["医"]  # still typing
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=2000)
    assert seen == ["医", "医院管理"]


def test_filters_combine_and_each_has_a_chip(
    qtbot: Any, bar: FilterBar, context: AppContext
) -> None:
    choose(bar.status, "整改中")
    choose(bar.department, "办公室")
    query = bar.query()
    assert query.statuses == (Status.IN_PROGRESS,) and query.department == "办公室"
    assert bar.chips() == ["状态：整改中", "单位：办公室"]
    expected = context.store.count_items(query)
    assert expected < context.store.count_items(ItemQuery(department="办公室"))
    bar.date_from.setDate(QDate(2023, 6, 1))
    assert bar.query().deadline_from == dt.date(2023, 6, 1)
    assert bar.chips()[-1] == "时限：2023-06-01 至 不限"


def test_a_chip_removes_its_own_filter(qtbot: Any, bar: FilterBar) -> None:
    choose(bar.status, "整改中")
    choose(bar.category, "反馈问题整改")
    chip = bar.findChild(type(bar.clear_button), "chip_statuses")
    assert chip is not None
    with qtbot.waitSignal(bar.query_changed):
        chip.click()
    assert bar.query().statuses == ()
    assert bar.status.currentIndex() == 0
    assert bar.chips() == ["类别：反馈问题整改"]


def test_clear_all_drops_every_filter(qtbot: Any, bar: FilterBar) -> None:
    bar.set_query(ItemQuery(search="医院", overdue=True, department="办公室"))
    assert len(bar.chips()) == 3
    with qtbot.waitSignal(bar.query_changed):
        bar.clear_button.click()
    assert bar.query() == ItemQuery(today=bar.query().today)
    assert bar.chips() == [] and bar.search.text() == ""


def test_a_dashboard_query_shows_in_the_widgets_and_chips(bar: FilterBar) -> None:
    query = ItemQuery(
        statuses=(Status.PENDING, Status.IN_PROGRESS), department="财务处",
        lights=(Light.RED,), ids=(1, 2, 3), sort="deadline",
    )  # fmt: skip
    bar.set_query(query)
    assert bar.status.currentText() == "未启动、整改中"
    assert bar.department.currentText() == "财务处"
    assert bar.chips() == [
        "状态：未启动、整改中", "预警：逾期", "单位：财务处", "指定的 3 条事项",
    ]  # fmt: skip
    assert bar.query() == filters_only(query)


def test_a_view_replaces_view_fields_but_keeps_the_search(bar: FilterBar) -> None:
    bar.set_query(ItemQuery(search="医院", overdue=True))
    bar.set_view(ItemQuery(statuses=(Status.COMPLETED,)))
    assert bar.query().search == "医院"
    assert bar.query().overdue is False
    assert bar.query().statuses == (Status.COMPLETED,)


def test_summary_counts(bar: FilterBar) -> None:
    bar.set_counts(None, 49)
    assert bar.summary.text() == "全部 49 条事项"
    bar.set_query(ItemQuery(search="医院"))
    bar.set_counts(None, 49)
    assert "筛选中" in bar.summary.text()
    bar.set_counts(15, 49)
    assert bar.summary.text().startswith("筛选后 15 条（共 49 条）")


def test_choices_come_from_the_store(bar: FilterBar, context: AppContext) -> None:
    departments = [bar.department.itemText(i) for i in range(1, bar.department.count())]
    assert departments == context.store.departments()
    batches = [bar.batch.itemText(i) for i in range(1, bar.batch.count())]
    assert "县委第八轮专项巡察反馈问题" in batches
