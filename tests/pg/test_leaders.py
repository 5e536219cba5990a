"""Leaders who only look and print: a read-only connection, by choice or by their account.

The administrator gives a leader's account SELECT only; RectDesk then opens the ledger
read-only and says so, instead of failing at each write. A clerk may also choose 只读连接 in
the connection dialog (a meeting-room PC).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from pgserver import PgServer
from PySide6.QtCore import QSettings

from rectdesk.domain.errors import UserError
from rectdesk.services import ledger as ledgers
from rectdesk.services.context import AppContext
from rectdesk.services.demo import load_demo
from rectdesk.services.items import ItemService
from rectdesk.store import ItemQuery


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "rectdesk.cli", *args], capture_output=True, text=True,
        timeout=300, env={**os.environ, "RECTDESK_LANG": "zh"},
    )  # fmt: skip


@pytest.fixture
def leader_url(pg_server: PgServer, pg_url: str) -> str:
    """The demo ledger, and the address of an account the administrator let only look."""
    with ledgers.open_ledger(pg_url) as store:
        load_demo(store, actor="测试")
    database = urlsplit(pg_url).path.lstrip("/")
    pg_server.execute(
        "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'leader')"
        " THEN CREATE ROLE leader LOGIN; END IF; END $$"
    )
    pg_server.execute(f'GRANT CONNECT ON DATABASE "{database}" TO leader')
    pg_server.execute("GRANT USAGE ON SCHEMA public TO leader", dbname=database)
    pg_server.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO leader", dbname=database)
    return pg_server.url(database, user="leader")


def test_an_account_that_may_only_look_opens_read_only_and_says_so(
    leader_url: str, pg_url: str
) -> None:
    with ledgers.open_ledger(leader_url) as store:
        assert store.readonly and store.account_readonly
        assert store.count_items() == 49
        assert store.items(ItemQuery(search="医", limit=5))
        with pytest.raises(UserError) as refused:
            ItemService(store, "领导").edit(1, {"remarks": "领导改的"}).do()
        assert "只读连接" in refused.value.message and "\n" not in refused.value.message
    with ledgers.open_ledger(pg_url, readonly=True) as other:
        assert other.item(1).remarks != "领导改的"


def test_the_command_line_refuses_a_write_in_one_sentence_and_prints(
    leader_url: str, tmp_path: Path
) -> None:
    edited = cli("--db", leader_url, "set-field", "1", "remarks", "领导改的")
    assert edited.returncode == 1
    said = edited.stderr.strip()
    assert "只读连接" in said and "\n" not in said and "Traceback" not in said
    listed = cli("--db", leader_url, "items", "--limit", "3")
    assert listed.returncode == 0 and listed.stdout.strip()
    output = tmp_path / "汇总表.xlsx"
    printed = cli("--db", leader_url, "report", "summary", "--format", "xlsx",
                  "--output", str(output))  # fmt: skip
    assert printed.returncode == 0, printed.stderr
    assert output.stat().st_size > 0


def _window(qtbot: Any, store: Any, url: str, tmp_path: Path) -> Any:
    from rectdesk.ui.main_window import MainWindow
    from rectdesk.ui.tasks import TaskRunner

    context = AppContext(store=store, target=url, files_dir=tmp_path)
    qsettings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(context, qsettings=qsettings, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_window_on_a_look_only_account_shows_why_it_cannot_change(
    qtbot: Any, leader_url: str, tmp_path: Path
) -> None:
    store = ledgers.open_ledger(leader_url, files_dir=tmp_path)
    try:
        window = _window(qtbot, store, leader_url, tmp_path)
        assert window.banner.isVisible()
        assert "服务器账号只有查看权限" in window.banner.text()
        window.close()
    finally:
        store.close()


def test_a_chosen_read_only_connection_is_remembered_and_shown(
    qtbot: Any, pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rectdesk.ui import connect_dialog
    from rectdesk.ui.connect_dialog import ConnectDialog

    with ledgers.open_ledger(pg_url) as writable:
        load_demo(writable, actor="测试")
    store = ledgers.open_ledger(pg_url, files_dir=tmp_path)
    window = _window(qtbot, store, pg_url, tmp_path)
    try:
        assert not window.banner.isVisible()

        def choose(dialog: ConnectDialog) -> int:
            dialog.readonly.setChecked(True)  # the clerk ticks 只读连接 and connects
            dialog.chosen, dialog.chosen_files = pg_url, tmp_path
            dialog.chosen_readonly = dialog.readonly.isChecked()
            return int(ConnectDialog.DialogCode.Accepted)

        monkeypatch.setattr(ConnectDialog, "exec", choose)
        assert window.connect_server()
        assert window.context.readonly and window.banner.isVisible()
        assert "只读连接" in window.banner.text()
        assert connect_dialog.remembered_readonly(window.qsettings)
        assert connect_dialog.remembered(window.qsettings)[0] == pg_url
        with pytest.raises(UserError):
            ItemService(window.context.store, "测试").edit(1, {"remarks": "不该保存"}).do()
        window.close()
    finally:
        window.context.store.close()
