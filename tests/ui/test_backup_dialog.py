"""The backup and audit dialogs: list, back up, restore (the store is reopened), export."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMainWindow, QMessageBox
from pytestqt.qtbot import QtBot

from rectdesk.domain.privacy import OutputMode
from rectdesk.services import backup as backups
from rectdesk.services import settings
from rectdesk.services.context import AppContext
from rectdesk.store import Store
from rectdesk.ui.audit_dialog import AuditDialog
from rectdesk.ui.backup_dialog import BackupDialog, BackupListModel, install_safety_menu
from rectdesk.ui.tasks import TaskRunner

TODAY = dt.date(2023, 11, 20)


@pytest.fixture
def context(demo_store: Store, db_path: Path) -> Iterator[AppContext]:
    opened = AppContext(store=demo_store, target=db_path, today=lambda: TODAY)
    yield opened
    opened.store.close()  # a restore put a newly opened store in the context


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Message boxes are recorded instead of shown."""
    shown: list[str] = []

    def record(_parent: object, _title: str, text: str, *_args: object) -> Any:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    for name in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, record)
    return shown


def test_backup_list_model_passes_qtmodeltester(qtmodeltester: Any, context: AppContext) -> None:
    backups.backup_now(context.store)
    backups.backup_now(context.store, reason="import")
    model = BackupListModel()
    model.set_backups(backups.store_backups(context.store))
    assert model.rowCount() == 2
    assert model.data(model.index(0, BackupListModel.REASON)) == "导入前"
    assert model.data(model.index(0, BackupListModel.STATE)) == "已验证"
    qtmodeltester.check(model)


def test_back_up_now_adds_a_verified_row(qtbot: QtBot, context: AppContext) -> None:
    dialog = BackupDialog(context, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 0
    dialog.backup_button.click()
    assert dialog.model.rowCount() == 1
    assert dialog.model.backups[0].verified
    assert "备份完成" in dialog.status.text()


def test_back_up_to_a_chosen_folder(qtbot: QtBot, context: AppContext, tmp_path: Path) -> None:
    dialog = BackupDialog(context, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(dialog)
    dialog.choose_folder = lambda _title: str(tmp_path / "usb")  # type: ignore[method-assign]
    dialog.external_button.click()
    made = list((tmp_path / "usb").iterdir())
    assert len(made) == 1 and (made[0] / "manifest.json").exists()
    assert str(made[0]) in dialog.status.text()


def test_backup_failure_is_a_plain_message(
    qtbot: QtBot, context: AppContext, tmp_path: Path, warnings: list[str]
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    dialog = BackupDialog(context, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(dialog)
    dialog.choose_folder = lambda _title: str(blocker)  # type: ignore[method-assign]
    dialog.external_button.click()
    assert warnings and warnings[0].startswith("备份失败")
    assert context.store.check() == []


def test_restore_replaces_and_reopens_the_store(qtbot: QtBot, context: AppContext) -> None:
    item_id = context.store.item_ids()[0]
    backups.backup_now(context.store)
    context.store.update_item(item_id, {"remarks": "备份之后的修改"})
    old_store = context.store

    dialog = BackupDialog(context, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(dialog)
    asked: list[str] = []
    dialog.confirm = lambda _t, text: asked.append(text) or True  # type: ignore[method-assign]
    with qtbot.waitSignal(dialog.store_replaced, timeout=10_000):
        dialog.restore_button.click()

    assert asked and "另存" in asked[0]
    assert context.store is not old_store and not context.store.readonly
    assert context.store.item(item_id).remarks == ""
    assert context.store.audit_log(limit=1)[0].action == "restore"
    assert "恢复前的数据已另存到" in dialog.replaced_message
    assert dialog.result() == dialog.DialogCode.Accepted
    reasons = {b.reason for b in backups.store_backups(context.store)}
    assert reasons == {"manual", "before-restore"}


def test_restore_declined_changes_nothing(qtbot: QtBot, context: AppContext) -> None:
    backups.backup_now(context.store)
    store = context.store
    dialog = BackupDialog(context, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(dialog)
    dialog.confirm = lambda _t, _text: False  # type: ignore[method-assign]
    dialog.restore_button.click()
    assert context.store is store and dialog.replaced_message == ""


def test_restore_of_a_broken_backup_keeps_the_store_open(
    qtbot: QtBot, context: AppContext, warnings: list[str]
) -> None:
    info = backups.backup_now(context.store)
    manifest = json.loads((info.path / "manifest.json").read_text("utf-8"))
    manifest["db_sha256"] = "0" * 64
    (info.path / "manifest.json").write_text(json.dumps(manifest), "utf-8")
    dialog = BackupDialog(context, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(dialog)
    dialog.confirm = lambda _t, _text: True  # type: ignore[method-assign]
    dialog.restore(info.path)
    assert warnings and "不能用来恢复" in warnings[0]
    assert context.store.count_items() == 49  # reopened and usable
    context.store.update_item(context.store.item_ids()[0], {"remarks": "还能写"})


def test_read_only_window_cannot_restore(qtbot: QtBot, demo_store: Store, db_path: Path) -> None:
    with Store.open(db_path, readonly=True) as reader:
        dialog = BackupDialog(AppContext(store=reader, target=db_path), runner=TaskRunner())
        qtbot.addWidget(dialog)
        assert not dialog.restore_button.isEnabled()
        assert not dialog.settings_box.isEnabled()
        assert dialog.restore(db_path) is False


def test_safety_menu_rebuilds_the_window_after_a_restore(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    replaced: list[str] = []
    install_safety_menu(window, context, replaced.append)
    menu = window.menuBar().actions()[0]
    assert menu.text() == "数据安全"
    titles = [a.text() for a in menu.menu().actions()]  # type: ignore[attr-defined]
    assert titles == ["备份与恢复…", "审计日志…"]

    backups.backup_now(context.store)

    def exec_and_restore(dialog: BackupDialog) -> int:
        dialog.confirm = lambda _t, _text: True  # type: ignore[method-assign]
        dialog.restore_selected()
        return 1

    monkeypatch.setattr(BackupDialog, "exec", exec_and_restore)
    menu.menu().actions()[0].trigger()  # type: ignore[attr-defined]
    assert replaced and "已从备份恢复" in replaced[0]


def test_audit_dialog_shows_masked_rows_and_exports(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    item_id = context.store.item_ids()[0]
    context.store.update_item(item_id, {"origin": "王五 13912346053"}, actor="李四")
    dialog = AuditDialog(context, item_id=item_id)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == f"审计日志 — 事项 {item_id}"
    assert dialog.model.rowCount() == 1
    shown = [dialog.model.data(dialog.model.index(0, c)) for c in range(8)]
    assert shown[2] == "李四" and shown[4] == "修改" and shown[5] == "意见来源"
    assert "139****6053" in shown[7]

    target = tmp_path / "审计.csv"
    dialog.choose_file = lambda _suggested: str(target)  # type: ignore[method-assign]
    dialog.export_button.click()
    rows = list(csv.reader(target.read_text("utf-8-sig").splitlines()))
    assert len(rows) == 2 and "13912346053" not in target.read_text("utf-8-sig")

    dialog.mode.setCurrentIndex(dialog.mode.findData(OutputMode.FULL))
    full = tmp_path / "审计-完整.xlsx"
    dialog.choose_file = lambda _suggested: str(full)  # type: ignore[method-assign]
    assert dialog.export() == full
    assert dialog.model.rowCount() == 2  # the full export itself was recorded


def test_audit_dialog_whole_log(qtbot: QtBot, context: AppContext, qtmodeltester: Any) -> None:
    dialog = AuditDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() >= 3  # the demo's batches and items
    assert "共" in dialog.summary.text()
    qtmodeltester.check(dialog.model)


def test_backup_runs_in_the_background_and_close_waits(qtbot: QtBot, context: AppContext) -> None:
    dialog = BackupDialog(context)  # a real worker thread
    qtbot.addWidget(dialog)
    dialog.backup_button.click()
    assert not dialog.backup_button.isEnabled()
    dialog.reject()  # refused while the backup runs
    assert "请等备份完成" in dialog.status.text()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=30_000)
    assert dialog.backup_button.isEnabled() and dialog.model.backups[0].verified


def test_settings_box_saves_and_the_list_follows(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    dialog = BackupDialog(context, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(dialog)
    box = dialog.settings_box
    assert box.days.value() == 14 and box.weeks.value() == 8 and box.daily.isChecked()
    box.days.setValue(7)
    box.daily.setChecked(False)
    box.folder.setText(str(tmp_path / "elsewhere"))
    box.save_button.click()
    assert settings.get(context.store, "backup_daily_days") == 7
    assert settings.get(context.store, "backup_daily") is False
    assert str(tmp_path / "elsewhere") in dialog.folder_label.text()
    dialog.backup_button.click()
    assert dialog.model.backups[0].path.parent == tmp_path / "elsewhere"


def test_a_folder_without_its_full_location_is_refused(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Found by the randomized exercise: typing “张三” here sent every backup to a folder
    # named 张三 beside wherever the program had been started.
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: warned.append(text) or 0)
    dialog = BackupDialog(context, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(dialog)
    box = dialog.settings_box
    box.days.setValue(3)
    for typed in ("张三", "backups/today", "./7"):
        box.folder.setText(typed)
        box.save_button.click()
        assert settings.get(context.store, "backup_folder") == ""
        assert settings.get(context.store, "backup_daily_days") == 14  # nothing saved
    assert len(warned) == 3 and "完整的位置" in warned[0]


def test_a_failed_restore_leaves_no_undo_on_the_closed_connection(
    qtbot: QtBot, context: AppContext, warnings: list[str], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    from PySide6.QtCore import QSettings

    from rectdesk.services.items import ItemService
    from rectdesk.ui.main_window import MainWindow
    from rectdesk.ui.undo import push

    qsettings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(context, qsettings=qsettings, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    first = context.store.item_ids()[0]
    edit = ItemService(context.store, "测试").edit(first, {"remarks": "改"})
    assert push(window.undo_stack, edit)
    assert window.undo_stack.canUndo()
    broken = backups.backup_now(context.store)
    manifest = json.loads((broken.path / "manifest.json").read_text("utf-8"))
    manifest["db_sha256"] = "0" * 64
    (broken.path / "manifest.json").write_text(json.dumps(manifest), "utf-8")

    def failed_restore(dialog: BackupDialog) -> int:
        dialog.confirm = lambda _t, _text: True  # type: ignore[method-assign]
        assert not dialog.restore(broken.path)  # refused: the store is reopened as it was
        return 0

    monkeypatch.setattr(BackupDialog, "exec", failed_restore)
    window.backup()
    assert warnings and "不能用来恢复" in warnings[0]
    # The edit was made on the connection the restore closed: it no longer undoes from here.
    assert not window.undo_stack.canUndo()
    window.undo_stack.undo()  # nothing to do, nothing raised
    assert context.store.item(first).remarks == "改"
    window.close()
