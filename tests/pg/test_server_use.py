"""A clerk's use of a server ledger, on a real PostgreSQL server the tests start: the command
line by address, a verified dump and its restore, the window, and the 连接服务器 dialog."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from rectdesk.domain.errors import UserError
from rectdesk.services import ledger as ledgers
from rectdesk.services import server_backup
from rectdesk.services.context import AppContext
from rectdesk.services.paths import resolve_target


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "rectdesk.cli", *args], capture_output=True, text=True,
        timeout=300, env={**os.environ, **(env or {})},
    )  # fmt: skip


def test_an_address_is_kept_whole_wherever_a_file_may_be_named(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url = "postgresql://clerk@192.168.1.10:5432/ledger"
    assert resolve_target(url) == url
    monkeypatch.setenv("RECTDESK_DB", url)
    assert resolve_target(None) == url
    assert resolve_target("/tmp/a.sqlite3") == Path("/tmp/a.sqlite3")  # --db wins over the env


def test_the_command_line_works_on_a_server_ledger(pg_url: str, tmp_path: Path) -> None:
    assert cli("--db", pg_url, "demo").returncode == 0
    listed = cli("--db", pg_url, "items", "--json")
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.count('"id"') == 49
    checked = cli("--db", pg_url, "check")
    assert checked.returncode == 0 and "服务器上的台账完好" in checked.stdout
    # the same address from the environment
    env_listed = cli("items", env={"RECTDESK_DB": pg_url})
    assert env_listed.returncode == 0 and "共 49 条" in env_listed.stdout


def test_a_server_backup_is_a_verified_dump_that_restores_in_full(
    pg_url: str, tmp_path: Path
) -> None:
    assert cli("--db", pg_url, "demo").returncode == 0
    made = cli("--db", pg_url, "backup", "--output", str(tmp_path / "备份"))
    assert made.returncode == 0, made.stderr
    dumps = list((tmp_path / "备份").glob("*.dump"))
    assert len(dumps) == 1 and "通过检查" in made.stdout
    assert not [p for p in (tmp_path / "备份").iterdir() if p not in dumps]  # no leftovers

    with ledgers.open_ledger(pg_url) as store:
        doomed = store.item_ids()[:5]
        store.delete_items(doomed, actor="测试")
        assert store.count_items() == 44
    back = cli("--db", pg_url, "restore", str(dumps[0]))
    assert back.returncode == 0, back.stderr
    assert "现有 49 条事项" in back.stdout
    with ledgers.open_ledger(pg_url) as store:
        assert store.count_items() == 49
        last = store.audit_log(limit=1)[0]
        assert (last.action, last.new) == ("restore", str(dumps[0]))


def test_a_file_that_is_not_a_dump_is_refused_and_changes_nothing(
    pg_url: str, tmp_path: Path
) -> None:
    assert cli("--db", pg_url, "demo").returncode == 0
    fake = tmp_path / "假的.dump"
    fake.write_bytes(b"PGDMP" + os.urandom(2000))
    refused = cli("--db", pg_url, "restore", str(fake))
    assert refused.returncode != 0 and "Traceback" not in refused.stderr
    assert refused.stderr.strip()
    with ledgers.open_ledger(pg_url) as store:
        assert store.count_items() == 49


def test_a_dump_of_another_database_is_not_taken_for_a_ledger(
    pg_server: Any, tmp_path: Path
) -> None:
    other = pg_server.create_database("not_a_ledger")
    try:
        pg_server.execute("CREATE TABLE unrelated (x int)", dbname="not_a_ledger")
        with pytest.raises(UserError):
            server_backup.dump(other, tmp_path)
        assert not list(tmp_path.glob("*.dump*"))
    finally:
        pg_server.drop_database("not_a_ledger")


def test_trying_a_server_says_what_it_found(pg_url: str, pg_server: Any) -> None:
    empty = pg_server.create_database("empty_for_try")
    try:
        assert "还是空的" in ledgers.try_server(empty)
    finally:
        pg_server.drop_database("empty_for_try")
    assert "0 条事项" in ledgers.try_server(pg_url)
    wrong = pg_url.replace("/ledger_", "/nothing_here_")
    with pytest.raises(UserError, match="无法连接台账服务器"):
        ledgers.try_server(wrong)
    with pytest.raises(UserError):
        ledgers.try_server("/tmp/a.sqlite3")


def test_the_window_opens_a_server_ledger(
    qtbot: Any, pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rectdesk.services.demo import load_demo
    from rectdesk.ui.main_window import MainWindow
    from rectdesk.ui.tasks import TaskRunner

    store = ledgers.open_ledger(pg_url, files_dir=tmp_path)
    load_demo(store, actor="测试")
    context = AppContext(store=store, target=pg_url, files_dir=tmp_path)
    qsettings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(context, qsettings=qsettings, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    assert "ledger_" in window.windowTitle() and "sqlite3" not in window.windowTitle()
    assert window.model.rowCount() == 49
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: told.append(a[2]))
    window.backup()  # a server ledger is not copied like a file: the window says who backs it up
    assert told and "rectdesk-cli backup" in told[0]
    store.close()


def test_the_connect_dialog_tests_and_chooses_a_server(
    qtbot: Any, pg_url: str, tmp_path: Path
) -> None:
    from rectdesk.ui.connect_dialog import ConnectDialog, build_address, remember, remembered

    parts = urlsplit(pg_url)
    socket_dir = parse_qs(parts.query)["host"][0]
    dialog = ConnectDialog()
    qtbot.addWidget(dialog)
    dialog.host.setText(socket_dir)
    dialog.database.setText(parts.path.lstrip("/"))
    assert not dialog.test_connection()  # no user name yet: said, nothing tried
    assert "用户名" in dialog.result_label.text()
    dialog.user.setText(parts.username or "")
    assert dialog.test_connection(), dialog.result_label.text()
    assert "连接成功" in dialog.result_label.text()
    dialog.accept()
    assert dialog.chosen == build_address(socket_dir, 5432, parts.path.lstrip("/"),
                                          parts.username or "")  # fmt: skip
    with ledgers.open_ledger(dialog.chosen) as store:
        assert store.count_items() == 0
    qsettings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    remember(dialog.chosen, tmp_path, qsettings)
    assert remembered(qsettings) == (dialog.chosen, tmp_path)
    assert "password" not in Path(qsettings.fileName()).read_text().lower()
