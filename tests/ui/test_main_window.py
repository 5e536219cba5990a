"""The main window driven the way a clerk uses it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QInputDialog, QLabel, QMessageBox, QWidget

from rectdesk.domain.model import Status
from rectdesk.services import settings
from rectdesk.services.context import AppContext
from rectdesk.services.items import ItemService
from rectdesk.store import ItemQuery, Store
from rectdesk.ui import items_model
from rectdesk.ui.columns import column_index
from rectdesk.ui.main_window import MainWindow
from rectdesk.ui.settings_dialog import SettingsDialog
from rectdesk.ui.tasks import TaskRunner
from rectdesk.ui.undo import push

TODAY = dt.date(2023, 11, 20)  # sixteen demo items fall due on 2023-11-30
LATER = dt.date(2023, 12, 5)  # …and are five days overdue here


@pytest.fixture
def qsettings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def context(demo_store: Store, db_path: Path) -> AppContext:
    return AppContext(store=demo_store, target=db_path, today=lambda: LATER)


def open_window(qtbot: Any, context: AppContext, qsettings: QSettings) -> MainWindow:
    window = MainWindow(context, qsettings=qsettings, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.pages.setCurrentWidget(window.items_page)
    return window


@pytest.fixture
def window(qtbot: Any, context: AppContext, qsettings: QSettings) -> Iterator[MainWindow]:
    yield open_window(qtbot, context, qsettings)


def type_chinese(widget: Any, text: str) -> None:
    """Type as a Chinese input method does: each character is committed to the widget."""
    for char in text:
        event = QInputMethodEvent("", [])
        event.setCommitString(char)
        QApplication.sendEvent(widget, event)


def shown_contents(window: MainWindow) -> list[str]:
    column = column_index("content")
    model = window.model
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def test_search_by_typing_a_chinese_substring(qtbot: Any, window: MainWindow) -> None:
    assert window.model.rowCount() == 49
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.filter_bar.search.hasFocus()
    type_chinese(window.filter_bar.search, "凉坪村")
    qtbot.waitUntil(lambda: window.model.query.search == "凉坪村", timeout=3000)
    assert window.model.rowCount() == 2
    assert all("凉坪村" in text for text in shown_contents(window))
    assert window.filter_bar.summary.text().startswith("筛选后 2 条（共 49 条）")
    assert window.filter_bar.chips() == ["搜索“凉坪村”"]


def test_filters_combine_with_a_summary(qtbot: Any, window: MainWindow) -> None:
    bar = window.filter_bar
    bar.status.setCurrentIndex(bar.status.findText("整改中"))
    bar.status.activated.emit(bar.status.currentIndex())
    in_progress = window.model.rowCount()
    assert in_progress == 18
    bar.department.setCurrentIndex(bar.department.findText("办公室"))
    bar.department.activated.emit(bar.department.currentIndex())
    expected = window.context.store.count_items(
        ItemQuery(statuses=(Status.IN_PROGRESS,), department="办公室")
    )
    assert 0 < window.model.rowCount() == expected < in_progress
    assert bar.summary.text().startswith(f"筛选后 {expected} 条（共 49 条）")
    assert bar.chips() == ["状态：整改中", "单位：办公室"]
    bar.clear_button.click()
    assert window.model.rowCount() == 49


def test_navigator_views_set_the_table(qtbot: Any, window: MainWindow) -> None:
    nav = window.navigator
    assert nav.count("overdue") == 16
    nav.select("overdue")
    assert window.model.rowCount() == 16
    assert window.filter_bar.chips() == ["已逾期"]
    light = window.model.data(window.model.index(0, column_index("light")))
    assert light == "逾期5天"
    nav.select("declined")
    assert window.model.rowCount() == 3
    assert window.filter_bar.chips() == ["状态：不予整改"]
    nav.select("all")
    assert window.model.rowCount() == 49


def test_sort_by_clicking_a_header(qtbot: Any, window: MainWindow) -> None:
    header = window.table.horizontalHeader()
    section = column_index("deadline")
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert window.model.query.sort == "deadline"
    expected = window.context.store.item_ids(
        ItemQuery(sort="deadline", descending=window.model.query.descending)
    )
    assert [window.model.item_id(r) for r in range(49)] == expected


def test_column_choice_and_order_are_remembered(
    qtbot: Any, context: AppContext, qsettings: QSettings
) -> None:
    first = open_window(qtbot, context, qsettings)
    assert "origin" not in first.table.visible_keys()
    first.table.set_column_shown("origin", True)
    first.table.set_column_shown("number", False)
    header = first.table.horizontalHeader()
    header.moveSection(header.visualIndex(column_index("status")), 0)
    first.close()
    second = open_window(qtbot, context, qsettings)
    keys = second.table.visible_keys()
    assert keys[0] == "status"
    assert "origin" in keys and "number" not in keys


def test_read_only_window_disables_every_edit(
    qtbot: Any, demo_store: Store, db_path: Path, qsettings: QSettings
) -> None:
    demo_store.close()
    readonly = Store.open(db_path, readonly=True)
    try:
        window = open_window(qtbot, AppContext(readonly, db_path, lambda: LATER), qsettings)
        assert "只读" in window.windowTitle()
        assert window.banner.isVisible()
        window.table.selectRow(0)
        assert window.selected_ids()
        for action in (window.delete_action, window.demo_action,
                       *window.bulk_actions.values(), *window.edit_actions):  # fmt: skip
            assert not action.isEnabled(), action.text()
        assert not window.undo_action.isEnabled()
        window.close()
    finally:
        readonly.close()


def test_dashboard_figure_opens_the_items_behind_it(qtbot: Any, window: MainWindow) -> None:
    window.pages.setCurrentIndex(0)
    assert window.dashboard is not None
    query = ItemQuery(overdue=True, department="办公室")
    window.dashboard.open_items.emit(query)
    assert window.pages.currentWidget() is window.items_page
    assert window.filter_bar.chips() == ["已逾期", "单位：办公室"]
    assert window.model.rowCount() == window.context.store.count_items(
        ItemQuery(overdue=True, department="办公室", today=LATER)
    )


def test_bulk_edit_undo_and_redo_refresh_everything(qtbot: Any, window: MainWindow) -> None:
    store = window.context.store
    ids = store.item_ids(ItemQuery(overdue=True, today=LATER))[:3]
    command = ItemService(store, "测试").set_status(ids, Status.COMPLETED)
    assert push(window.undo_stack, command, window)
    assert window.navigator.count("overdue") == 13
    assert window.navigator.count("completed") == 12
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    assert window.navigator.count("overdue") == 16
    assert store.item(ids[0]).status is not Status.COMPLETED
    window.redo_action.trigger()
    assert window.navigator.count("overdue") == 13


def test_delete_asks_first_and_can_be_undone(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked: list[str] = []

    def question(*args: Any, **kwargs: Any) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    window.table.setFocus()
    window.table.selectRow(0)
    first = window.model.item_id(0)
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    assert window.model.rowCount() == 49
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    assert len(asked) == 2 and "1 条事项" in asked[1]
    assert window.model.rowCount() == 48 and window.model.item_id(0) != first
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.model.rowCount() == 49 and window.model.item_id(0) == first


def test_enter_moves_into_the_detail_panel(qtbot: Any, window: MainWindow) -> None:
    window.table.setFocus()
    window.table.selectRow(2)
    assert window.detail.current_item_id() == window.model.item_id(2)
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    focused = QApplication.focusWidget()
    assert focused is not None and window.detail.isAncestorOf(focused)
    assert focused is window.detail.editor("seq")


def test_reminder_shown_then_switched_off(qtbot: Any, window: MainWindow) -> None:
    window.remind()
    dialog = window.reminder_dialog
    assert dialog is not None and dialog.isVisible()
    intro = dialog.findChild(QLabel, "reminderIntro")
    assert intro is not None and "已逾期 16 条" in intro.text()
    dialog.stop.setChecked(True)  # type: ignore[attr-defined]
    dialog.open_overdue.click()  # type: ignore[attr-defined]
    assert window.filter_bar.chips() == ["已逾期"]
    assert window.model.rowCount() == 16
    assert settings.get(window.context.store, "remind_at_start") is False
    window.reminder_dialog = None
    window.remind()
    assert window.reminder_dialog is None


def test_no_reminder_when_nothing_is_due(
    qtbot: Any, demo_store: Store, db_path: Path, qsettings: QSettings
) -> None:
    window = open_window(
        qtbot, AppContext(demo_store, db_path, lambda: dt.date(2020, 1, 1)), qsettings
    )
    window.remind()
    assert window.reminder_dialog is None


def test_settings_change_recolours_the_lights(
    qtbot: Any, demo_store: Store, db_path: Path, qsettings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    window = open_window(qtbot, AppContext(demo_store, db_path, lambda: TODAY), qsettings)
    window.navigator.select("due_soon")
    assert window.model.rowCount() == 16
    light = window.model.data(window.model.index(0, column_index("light")))
    assert light == "10天内到期"

    def change(dialog: SettingsDialog) -> int:
        dialog.warn_days.setValue(5)
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(SettingsDialog, "exec", change)
    window.open_settings()
    assert settings.get(demo_store, "warn_days") == 5
    assert window.navigator.title("due_soon") == "5日内到期"
    window.navigator.select("all")
    window.filter_bar.set_query(ItemQuery(search="凉坪村"))
    window.filter_bar.set_query(ItemQuery(deadline_from=dt.date(2023, 11, 30)))
    light = window.model.data(window.model.index(0, column_index("light")))
    assert light == "正常"


def test_counting_a_long_result_runs_in_the_background(
    qtbot: Any, context: AppContext, qsettings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(items_model, "FIRST_CHUNK", 5)
    window = MainWindow(context, qsettings=qsettings)  # a real thread pool
    qtbot.addWidget(window)
    window.filter_bar.set_query(ItemQuery(search="医院"))
    assert window.model.rowCount() == 5 and not window.model.complete
    qtbot.waitUntil(lambda: "筛选后 15 条" in window.filter_bar.summary.text(), timeout=5000)
    window.close()


def test_layout_is_remembered(qtbot: Any, context: AppContext, qsettings: QSettings) -> None:
    first = open_window(qtbot, context, qsettings)
    total = sum(first.items_split.sizes())
    first.items_split.setSizes([total - 300, 300])  # as far as the window's width allows
    chosen = first.items_split.sizes()
    first.pages.setCurrentIndex(1)
    first.close()
    assert qsettings.contains("window/geometry")
    second = open_window(qtbot, context, qsettings)
    assert second.width() == first.width()
    assert all(abs(a - b) <= 5 for a, b in zip(second.items_split.sizes(), chosen, strict=True))
    assert second.pages.currentIndex() == 1


def test_import_refreshes_the_window(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rectdesk.domain.model import BatchDraft, BatchKind, ItemDraft
    from rectdesk.ui import import_wizard

    store = window.context.store

    def run_wizard(wizard: Any) -> int:
        batch = store.add_batch(BatchDraft(BatchKind.AUDIT, "县审计局审计整改", year=2023))
        store.add_items(batch, [ItemDraft(content="专项资金未及时拨付")])
        wizard.items_imported.emit(1)
        return 1

    monkeypatch.setattr(import_wizard.ImportWizard, "exec", run_wizard)
    window.file_actions["import"].trigger()
    assert window.navigator.count("all") == 50
    assert window.model.rowCount() == 50
    assert window.filter_bar.batch.findText("县审计局审计整改") > 0
    batches = window.navigator.topLevelItem(1)
    assert batches is not None
    kinds = [batches.child(i).text(0) for i in range(batches.childCount())]  # type: ignore[union-attr]
    assert "审计整改" in kinds


def test_a_column_the_store_cannot_sort_keeps_the_order(qtbot: Any, window: MainWindow) -> None:
    header = window.table.horizontalHeader()
    header.setSortIndicator(column_index("deadline"), Qt.SortOrder.DescendingOrder)
    assert window.model.query.sort == "deadline" and window.model.query.descending
    window.table.set_column_shown("measures", True)
    header.setSortIndicator(column_index("measures"), Qt.SortOrder.AscendingOrder)
    assert window.model.query.sort == "deadline" and window.model.query.descending
    assert header.sortIndicatorSection() == column_index("deadline")
    window.sort_by_source()
    assert window.model.query.sort == "source"


def test_a_field_edit_repaints_its_row_without_resetting(qtbot: Any, window: MainWindow) -> None:
    window.table.selectRow(5)
    item_id = window.model.item_id(5)
    assert item_id is not None
    resets: list[bool] = []
    window.model.modelReset.connect(lambda: resets.append(True))
    command = ItemService(window.context.store, "测试").edit(item_id, {"content": "改写后的内容"})
    with qtbot.waitSignal(window.model.dataChanged):
        assert push(window.undo_stack, command, window)
    assert window.model.data(window.model.index(5, column_index("content"))) == "改写后的内容"
    assert resets == [] and window.current_item_id() == item_id
    window.undo_action.trigger()
    assert window.model.data(window.model.index(5, column_index("content"))) != "改写后的内容"


def test_the_navigator_follows_the_filters(qtbot: Any, window: MainWindow) -> None:
    window.navigator.select("overdue")
    assert window.navigator.current_key() == "overdue"
    window.filter_bar.set_query(ItemQuery(statuses=(Status.DECLINED,), search="医院"))
    assert window.navigator.current_key() == "declined"
    window.filter_bar.set_query(ItemQuery(overdue=True, department="办公室"))
    assert window.navigator.current_key() == "overdue"
    window.filter_bar.set_query(ItemQuery(ids=(1, 2)))
    assert window.navigator.current_key() is None
    window.filter_bar.clear()
    assert window.navigator.current_key() == "all"


class RecordingDialog:
    """Stands in for a 文件 menu dialog: remembers how it was opened."""

    opened: ClassVar[list[tuple[tuple[Any, ...], dict[str, Any]]]] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        RecordingDialog.opened.append((args, kwargs))

    def exec(self) -> int:
        return 0


def test_report_and_fill_back_open_on_the_chosen_batch(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rectdesk.ui import fillback_dialog, report_dialog

    monkeypatch.setattr(report_dialog, "ReportDialog", RecordingDialog)
    monkeypatch.setattr(fillback_dialog, "FillBackDialog", RecordingDialog)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: told.append(str(a[2])))
    offered: list[tuple[list[str], int]] = []

    def choose(_parent: Any, _title: str, _label: str, names: list[str], start: int,
               _editable: bool) -> tuple[str, bool]:  # fmt: skip
        offered.append((names, start))
        return names[start], True

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    RecordingDialog.opened.clear()
    batch = window.context.store.find_batch("县委第八轮专项巡察反馈问题")
    assert batch is not None
    window.navigator.select(f"batch:{batch.id}")
    window.file_actions["report"].trigger()
    window.file_actions["fillback"].trigger()  # the chooser starts on the batch shown
    names, start = offered[-1]
    assert len(names) == 3 and names[start].startswith("县委第八轮专项巡察反馈问题")
    (_report_args, report_kwargs), (fill_args, _kw) = RecordingDialog.opened
    assert report_kwargs["batch_id"] == batch.id and report_kwargs["item_ids"] is None
    assert report_kwargs["filter_query"].batch_id == batch.id
    assert fill_args == (window.context, window, batch.id)
    RecordingDialog.opened.clear()
    window.table.selectRow(0)
    window.table.selectionModel().select(
        window.model.index(2, 0),
        window.table.selectionModel().SelectionFlag.Select
        | window.table.selectionModel().SelectionFlag.Rows,
    )
    window.file_actions["report"].trigger()
    assert RecordingDialog.opened[0][1]["item_ids"] == window.selected_ids()
    assert len(window.selected_ids()) == 2


def test_tab_goes_navigator_search_filters_table_details(qtbot: Any, window: MainWindow) -> None:
    window.activateWindow()
    window.table.selectRow(0)
    window.navigator.setFocus()
    seen: list[QWidget] = []
    for _ in range(12):
        focused = QApplication.focusWidget()
        assert focused is not None
        seen.append(focused)
        if window.detail.isAncestorOf(focused):
            break
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    bar = window.filter_bar
    assert seen[:8] == [
        window.navigator, bar.search, bar.status, bar.department, bar.category, bar.batch,
        bar.date_from, bar.date_to,
    ]  # fmt: skip
    assert seen[8] is window.table
    assert window.detail.isAncestorOf(seen[-1])


def test_first_run_asks_who_works_here_offers_the_demo_then_reminds(
    qtbot: Any, store: Store, db_path: Path, qsettings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rectdesk.ui import welcome

    def answer(dialog: welcome.WelcomeDialog) -> int:
        assert dialog.import_button.isEnabled() and dialog.demo_button.isEnabled()
        dialog.clerk_name.setText("王晓红")
        dialog.demo_button.click()
        return 1

    monkeypatch.setattr(welcome.WelcomeDialog, "exec", answer)
    window = open_window(qtbot, AppContext(store, db_path, lambda: TODAY), qsettings)
    assert window.model.rowCount() == 0 and window.navigator.count("all") == 0
    window.first_run()
    assert window.model.rowCount() == 49 and window.navigator.count("all") == 49
    assert settings.get(store, "clerk_name") == "王晓红"
    assert window.context.actor() == "王晓红"  # the ledger is signed with this name
    qtbot.waitUntil(lambda: window.reminder_dialog is not None, timeout=3000)
    assert window.reminder_dialog is not None and window.reminder_dialog.isVisible()


def test_first_run_can_start_with_an_import(
    qtbot: Any, store: Store, db_path: Path, qsettings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rectdesk.ui import import_wizard, welcome

    monkeypatch.setattr(
        welcome.WelcomeDialog, "exec", lambda dialog: dialog.import_button.click() or 1
    )
    opened: list[object] = []
    monkeypatch.setattr(import_wizard.ImportWizard, "exec", lambda w: opened.append(w) or 0)
    window = open_window(qtbot, AppContext(store, db_path, lambda: TODAY), qsettings)
    window.first_run()
    assert len(opened) == 1 and window.model.rowCount() == 0


def test_columns_are_chosen_from_the_header_menu(qtbot: Any, window: MainWindow) -> None:
    menu = window.table.columns_menu()
    by_text = {action.text(): action for action in menu.actions()}
    assert by_text["意见建议内容"].isChecked() and not by_text["意见来源"].isChecked()
    by_text["意见来源"].trigger()
    assert "origin" in window.table.visible_keys()
    by_text["意见建议内容"].trigger()
    assert "content" not in window.table.visible_keys()
    by_text["恢复默认的列"].trigger()
    keys = window.table.visible_keys()
    assert "content" in keys and "origin" not in keys
