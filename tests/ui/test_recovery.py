"""Start-up: a damaged store is offered its newest good backup; risky locations are warned."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QMainWindow, QMessageBox
from pytestqt.qtbot import QtBot

from rectdesk.services import backup as backups
from rectdesk.services import health as health_service
from rectdesk.services.context import AppContext
from rectdesk.services.health import StartupHealth, startup_check
from rectdesk.store import Store
from rectdesk.store.backup import list_backups, make_backup
from rectdesk.ui.recovery import RecoveryDialog, SafetyHooks, check_before_open
from rectdesk.ui.tasks import TaskRunner


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Message boxes are recorded (title, text) instead of shown."""
    shown: list[tuple[str, str]] = []

    def record(_parent: object, title: str, text: str, *_args: object) -> Any:
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    for name in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, record)
    return shown


def _damaged_with_backup(store: Store) -> Path:
    path = store.path
    assert path is not None
    make_backup(store.db.conn, path, backups.backup_folder(store), reason="daily",
                now=dt.datetime.now() - dt.timedelta(days=1))  # fmt: skip
    store.close()
    data = bytearray(path.read_bytes())
    for offset in range(8192, min(len(data), 8192 * 6), 7):
        data[offset] = 0x5A
    path.write_bytes(bytes(data))
    return path


def test_dialog_offers_the_newest_good_backup(qtbot: QtBot, demo_store: Store) -> None:
    path = _damaged_with_backup(demo_store)
    health = startup_check(path)
    dialog = RecoveryDialog(health)
    qtbot.addWidget(dialog)
    assert dialog.restore_button.isEnabled()
    dialog.restore_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert health.newest_good is not None and dialog.chosen == health.newest_good.path


def test_without_a_backup_only_another_backup_or_quit(qtbot: QtBot, tmp_path: Path) -> None:
    health = StartupHealth(tmp_path / "ledger.sqlite3", ["file is not a database"])
    dialog = RecoveryDialog(health)
    qtbot.addWidget(dialog)
    assert not dialog.restore_button.isEnabled()
    dialog.choose_folder = lambda: str(tmp_path)  # type: ignore[method-assign]
    dialog.other_button.click()
    assert dialog.chosen is None and "不是完好的 RectDesk 备份" in dialog.error.text()
    dialog.quit_button.click()
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_start_up_restores_a_damaged_store(
    qtbot: QtBot, demo_store: Store, boxes: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _damaged_with_backup(demo_store)

    def accept_newest(dialog: RecoveryDialog) -> int:
        dialog.restore_button.click()
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(RecoveryDialog, "exec", accept_newest)
    assert check_before_open(path) is True
    assert boxes and boxes[-1][0] == "已恢复" and "另存到" in boxes[-1][1]
    with Store.open(path) as store:
        assert store.check() == [] and store.count_items() == 49
    assert any(b.reason == "replaced" for b in list_backups(path.parent / "backups"))


def test_start_up_quit_leaves_the_damaged_file_alone(
    demo_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _damaged_with_backup(demo_store)
    before = path.read_bytes()
    monkeypatch.setattr(RecoveryDialog, "exec", lambda _self: 0)
    assert check_before_open(path) is False
    assert path.read_bytes() == before


def test_location_warning_at_start(
    tmp_path: Path, boxes: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(health_service, "location_warning", lambda _p: "网络共享位置警告")
    assert check_before_open(tmp_path / "ledger.sqlite3") is True
    assert boxes == [("数据文件位置提醒", "网络共享位置警告")]


def test_daily_backup_at_start_once(
    qtbot: QtBot, demo_store: Store, db_path: Path, boxes: list[tuple[str, str]]
) -> None:
    context = AppContext(store=demo_store, target=db_path)
    window = QMainWindow()
    qtbot.addWidget(window)
    hooks = SafetyHooks(context, QMainWindow, TaskRunner(synchronous=True))
    hooks.attach(window)
    assert hooks.start_of_day_backup() is True
    assert "今日自动备份已完成" in window.statusBar().currentMessage()
    assert [b.reason for b in backups.store_backups(demo_store)] == ["daily"]
    assert hooks.start_of_day_backup() is False
    assert boxes == []


def test_daily_backup_in_the_background(qtbot: QtBot, demo_store: Store, db_path: Path) -> None:
    context = AppContext(store=demo_store, target=db_path)
    window = QMainWindow()
    qtbot.addWidget(window)
    hooks = SafetyHooks(context, QMainWindow)
    hooks.attach(window)
    assert hooks.start_of_day_backup() is True
    qtbot.waitUntil(lambda: not hooks.runner.busy, timeout=30_000)
    assert backups.store_backups(demo_store)[0].verified
    hooks.shutdown()


def test_daily_backup_failure_is_a_warning_not_a_crash(
    demo_store: Store, db_path: Path, boxes: list[tuple[str, str]], tmp_path: Path
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    from rectdesk.services import settings

    settings.put(demo_store, "backup_folder", str(blocker / "backups"))
    context = AppContext(store=demo_store, target=db_path)
    hooks = SafetyHooks(context, QMainWindow, TaskRunner(synchronous=True))
    assert hooks.start_of_day_backup() is True
    assert boxes and boxes[0][0] == "今日自动备份未完成" and "备份失败" in boxes[0][1]
    assert demo_store.check() == []


def test_window_is_rebuilt_on_the_restored_store(
    qtbot: QtBot, demo_store: Store, db_path: Path
) -> None:
    context = AppContext(store=demo_store, target=db_path)
    first = QMainWindow()  # deleted by the hooks once replaced, so not given to qtbot
    made: list[QMainWindow] = []

    def make() -> QMainWindow:
        window = QMainWindow()
        qtbot.addWidget(window)
        made.append(window)
        return window

    hooks = SafetyHooks(context, make)
    hooks.attach(first)
    first.show()
    hooks.store_replaced("已从备份恢复。")
    assert hooks.window is made[0] and made[0].isVisible() and not first.isVisible()
    assert made[0].statusBar().currentMessage() == "已从备份恢复。"
    assert made[0].menuBar().actions()[0].text() == "数据安全"


def test_application_start_on_a_damaged_store_never_crashes(
    qtbot: QtBot, demo_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rectdesk.app import application

    path = _damaged_with_backup(demo_store)
    offered: list[StartupHealth] = []

    def decline(dialog: RecoveryDialog) -> int:
        offered.append(dialog.health)
        return 0

    monkeypatch.setattr(RecoveryDialog, "exec", decline)
    # Translators and the crash hook are process-wide: keep them out of the test process.
    monkeypatch.setattr(application, "install_translators", lambda _app, _lang: "zh_CN")
    monkeypatch.setattr(application, "install_crash_hook", lambda: None)
    assert application.run(path) == 1
    assert offered and offered[0].newest_good is not None


def test_damage_found_after_start_is_reported_and_skips_the_backup(
    qtbot: QtBot,
    demo_store: Store,
    db_path: Path,
    boxes: list[tuple[str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(health_service, "BACKGROUND_CHECK_BYTES", 1024)
    monkeypatch.setattr(health_service, "check_file", lambda _path, quick: ["page 3: broken"])
    context = AppContext(store=demo_store, target=db_path)
    window = QMainWindow()
    qtbot.addWidget(window)
    hooks = SafetyHooks(context, QMainWindow, TaskRunner(synchronous=True))
    hooks.attach(window)
    hooks.start()
    assert boxes and boxes[0][0] == "数据文件已损坏" and "备份与恢复" in boxes[0][1]
    assert backups.store_backups(demo_store) == []


def test_a_sound_large_store_gets_its_daily_backup_after_the_check(
    qtbot: QtBot, demo_store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(health_service, "BACKGROUND_CHECK_BYTES", 1024)
    context = AppContext(store=demo_store, target=db_path)
    window = QMainWindow()
    qtbot.addWidget(window)
    hooks = SafetyHooks(context, QMainWindow, TaskRunner(synchronous=True))
    hooks.attach(window)
    hooks.start()
    assert [b.reason for b in backups.store_backups(demo_store)] == ["daily"]
