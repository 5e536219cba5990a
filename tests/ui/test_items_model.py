"""The items table model: lazy ids, store-side sorting, light labels, qtmodeltester."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QSize, Qt

from rectdesk.domain.model import Status
from rectdesk.services.context import AppContext
from rectdesk.store import ItemQuery, Store
from rectdesk.ui import items_model
from rectdesk.ui.columns import column_index
from rectdesk.ui.items_model import ItemsModel

DISPLAY = Qt.ItemDataRole.DisplayRole
LATER = dt.date(2023, 12, 5)  # the demo's 2023-11-30 deadlines are five days past


@pytest.fixture
def context(demo_store: Store, db_path: Path) -> AppContext:
    return AppContext(store=demo_store, target=db_path, today=lambda: LATER)


def cell(model: ItemsModel, row: int, key: str, role: int = DISPLAY) -> Any:
    return model.data(model.index(row, column_index(key)), role)


def column_texts(model: ItemsModel, key: str) -> list[str]:
    return [cell(model, row, key) for row in range(model.rowCount())]


def test_model_passes_qtmodeltester(qtmodeltester: Any, context: AppContext) -> None:
    model = ItemsModel(context)
    model.refresh()
    assert model.rowCount() == 49
    qtmodeltester.check(model)
    model.set_query(ItemQuery(search="凉坪村"))
    qtmodeltester.check(model)


def test_rows_follow_the_query_and_show_canonical_fields(context: AppContext) -> None:
    model = ItemsModel(context)
    model.set_query(ItemQuery(search="凉坪村"))
    assert model.rowCount() == 2
    assert all("凉坪村" in text for text in column_texts(model, "content"))
    assert column_texts(model, "departments") == ["机关党委", "机关党委"]
    assert column_texts(model, "status") == ["未启动", "未启动"]
    assert cell(model, 0, "content", Qt.ItemDataRole.UserRole) == model.item_id(0)


def test_light_is_a_coloured_mark_with_a_text_label(context: AppContext) -> None:
    model = ItemsModel(context)
    model.set_query(ItemQuery(overdue=True))
    assert model.rowCount() == 16
    label = cell(model, 0, "light")
    assert label.startswith("逾期") and label.endswith("天")
    mark = cell(model, 0, "light", Qt.ItemDataRole.DecorationRole)
    assert mark.deviceIndependentSize().toSize() == QSize(16, 16)
    assert mark.pixelColor(16, 16).name() == "#d32f2f"  # a drawn red disc: no font needed
    assert mark.pixelColor(0, 0).alpha() == 0
    assert cell(model, 0, "content", Qt.ItemDataRole.DecorationRole) is None
    days = int(cell(model, 0, "overdue_days"))
    assert days == (LATER - dt.date(2023, 11, 30)).days
    assert cell(model, 0, "light", Qt.ItemDataRole.ForegroundRole).color().name() == "#d32f2f"
    finished = ItemsModel(context)
    finished.set_query(ItemQuery(statuses=(Status.COMPLETED,)))
    assert {cell(finished, r, "light") for r in range(finished.rowCount())} == {"待销号"}
    assert cell(finished, 0, "overdue_days") == ""


def test_each_finished_status_and_a_missing_deadline_read_differently(
    context: AppContext,
) -> None:
    from rectdesk.services.items import ItemService

    store = context.store
    service = ItemService(store, "测试")
    ids = store.item_ids(ItemQuery(statuses=(Status.COMPLETED,)))
    service.close_off(ids[:1], LATER, note="已整改").do()
    pending = store.item_ids(ItemQuery(statuses=(Status.IN_PROGRESS,)))
    service.set_status(pending[:1], Status.DECLINED, reason="不属于职责范围").do()
    seen: dict[str, tuple[str, str, int]] = {}
    for status in (Status.COMPLETED, Status.CLOSED, Status.DECLINED, Status.PENDING):
        model = ItemsModel(context)
        model.set_query(ItemQuery(statuses=(status,)))
        assert model.rowCount() > 0
        label = cell(model, 0, "light")
        image = cell(model, 0, "light", Qt.ItemDataRole.DecorationRole)
        colour = cell(model, 0, "light", Qt.ItemDataRole.ForegroundRole).color().name()
        seen[status.value] = (label, colour, image.cacheKey())
    assert seen["completed"][0] == "待销号"
    assert seen["closed"][0] == "已销号"
    assert seen["declined"][0] == "不予整改"
    assert seen["pending"][0] == "未定时限"  # the 2020 list gives no deadlines: not 正常
    assert len({label for label, _c, _k in seen.values()}) == 4
    assert len({key for _l, _c, key in seen.values()}) == 4  # four different marks
    assert seen["pending"][1] != "#388e3c"  # not the green of an item on track


def test_sorting_is_done_by_the_store(context: AppContext) -> None:
    model = ItemsModel(context)
    model.refresh()
    model.sort(column_index("deadline"), Qt.SortOrder.AscendingOrder)
    assert model.query.sort == "deadline" and not model.query.descending
    expected = context.store.item_ids(ItemQuery(sort="deadline"))
    assert [model.item_id(r) for r in range(model.rowCount())] == expected
    model.sort(column_index("number"), Qt.SortOrder.DescendingOrder)
    numbers = [n for n in column_texts(model, "number") if n]
    assert numbers == sorted(numbers, reverse=True)
    model.sort(-1)
    assert model.query.sort == "source"


def test_overdue_days_sort_puts_the_most_overdue_first(context: AppContext) -> None:
    model = ItemsModel(context)
    model.set_query(ItemQuery(overdue=True))
    model.sort(column_index("overdue_days"), Qt.SortOrder.DescendingOrder)
    days = [int(d) for d in column_texts(model, "overdue_days")]
    assert days == sorted(days, reverse=True)


def test_ids_are_fetched_in_growing_chunks(
    context: AppContext, monkeypatch: pytest.MonkeyPatch, qtmodeltester: Any
) -> None:
    monkeypatch.setattr(items_model, "FIRST_CHUNK", 10)
    monkeypatch.setattr(items_model, "PAGE", 4)
    model = ItemsModel(context)
    model.refresh()
    assert model.rowCount() == 10 and model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 20
    model.fetch_all()
    assert model.rowCount() == 49 and model.complete
    assert [model.item_id(r) for r in range(49)] == context.store.item_ids(ItemQuery())
    qtmodeltester.check(model)


def test_origin_is_masked_in_the_table(context: AppContext) -> None:
    store = context.store
    item_id = store.item_ids(ItemQuery())[0]
    store.update_item(item_id, {"origin": "张三 13912346053"})
    model = ItemsModel(context)
    model.refresh()
    assert "139****6053" in cell(model, 0, "origin")
    assert "13912346053" not in cell(model, 0, "origin")


def test_invalidate_repaints_an_edited_row(context: AppContext, qtbot: Any) -> None:
    model = ItemsModel(context)
    model.refresh()
    item_id = model.item_id(3)
    assert item_id is not None
    context.store.update_item(item_id, {"status": Status.IN_PROGRESS})
    with qtbot.waitSignal(model.dataChanged):
        model.invalidate([item_id])
    assert cell(model, 3, "status") == "整改中"


def test_a_deleted_row_draws_disabled_without_raising(context: AppContext) -> None:
    model = ItemsModel(context)
    model.refresh()
    item_id = model.item_id(0)
    assert item_id is not None
    context.store.delete_items([item_id])
    model.invalidate([item_id])
    assert cell(model, 0, "content") is None
    assert model.flags(model.index(0, 0)) == Qt.ItemFlag.NoItemFlags
