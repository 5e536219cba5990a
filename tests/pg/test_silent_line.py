"""A line to the server that falls silent, as behind a pulled cable, on a real PostgreSQL.

The ledger is reached over TCP through a forwarder (tests/blackhole.py) that stops carrying and
reading without closing anything: no error, no answer. Each wait ends in the one sentence after
about ten seconds (rectdesk/store/pg/liveness.py); the tests wait for the event, not the clock.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from blackhole import Proxy
from pgserver import SUPERUSER, PgServer, fresh_ledger_url
from PySide6.QtCore import QSettings

from rectdesk.domain.errors import ConnectionLostError
from rectdesk.domain.ledger import LedgerStore
from rectdesk.services import ledger as ledgers
from rectdesk.services.context import AppContext
from rectdesk.services.demo import load_demo
from rectdesk.services.items import ItemService
from rectdesk.store.pg import liveness

pytestmark = pytest.mark.slow

#: Long enough for any slow machine; the tests wait for an event, they do not time it.
PATIENCE = 120_000


@pytest.fixture
def direct(pg_server: PgServer) -> Iterator[str]:
    """A demo ledger on the session's server, reached directly."""
    name, url = fresh_ledger_url(pg_server)
    with ledgers.open_ledger(url) as store:
        load_demo(store, actor="测试")
    yield url
    pg_server.drop_database(name)


@pytest.fixture
def proxy(pg_server: PgServer) -> Iterator[Proxy]:
    with Proxy(pg_server.socket_dir / ".s.PGSQL.5432") as made:
        yield made


@pytest.fixture
def url(direct: str, proxy: Proxy) -> str:
    """The same ledger through the forwarder, over TCP."""
    return proxy.url(psycopg.conninfo.conninfo_to_dict(direct)["dbname"], SUPERUSER)


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "rectdesk.cli", *args], capture_output=True, text=True,
        timeout=300, env={**os.environ, "RECTDESK_LANG": "zh"},
    )  # fmt: skip


def one_sentence(said: str) -> str:
    assert said and "\n" not in said.strip() and "Traceback" not in said
    return said.strip()


def test_a_write_cut_by_a_silent_line_ends_in_the_sentence_and_leaves_nothing(
    proxy: Proxy, url: str, direct: str
) -> None:
    store = ledgers.open_ledger(url)
    try:
        first, second = store.item_ids()[:2]
        before = store.count_items(), store.audit_log(limit=1)[0].id
        with pytest.raises(ConnectionLostError) as lost, store.transaction():
            store.update_item(first, {"remarks": "写了一半"}, actor="测试")
            proxy.blackhole()
            store.update_item(second, {"remarks": "写不进去"}, actor="测试")
        sentence = one_sentence(lost.value.message)
        assert "连接断开" in sentence and "没有保存" in sentence
        assert "no answer from the server" in lost.value.detail
        with pytest.raises(ConnectionLostError):
            store.reconnect()  # still silent: the same sentence
        proxy.forward()
        store.reconnect()
        assert store.item(first).remarks != "写了一半"
        assert store.item(second).remarks != "写不进去"
        assert (store.count_items(), store.audit_log(limit=1)[0].id) == before
        # The server rolled the cut transaction back and freed its rows: the same item saves.
        ItemService(store, "测试").edit(first, {"remarks": "恢复后保存"}).do()
        with ledgers.open_ledger(direct, readonly=True) as seen:
            assert seen.item(first).remarks == "恢复后保存"
    finally:
        store.close()


def test_a_long_statement_and_a_slow_line_are_left_to_finish(
    proxy: Proxy, url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(liveness, "PATIENCE", 0.5)  # asked about many times meanwhile
    store = ledgers.open_ledger(url)
    try:
        assert store.db.execute("SELECT pg_sleep(3), 1").fetchone()[1] == 1
        with store.transaction():
            store.db.execute("SELECT pg_sleep(3)")
            store.update_item(1, {"remarks": "慢而没断"}, actor="测试")
        assert store.item(1).remarks == "慢而没断"
        # A big result and a big statement on a slow line: the server waits on the line, or
        # is idle while the statement arrives, as on a dead one; but here the line moves.
        proxy.throttle(200_000)
        big = 1_000_000
        assert store.db.execute(f"SELECT repeat('x', {big})").fetchone()[0] == "x" * big
        assert store.db.execute("SELECT length(?)", ["x" * big]).fetchone()[0] == big
    finally:
        store.close()


def test_the_command_line_says_one_sentence_through_a_silent_line(
    proxy: Proxy, url: str, direct: str
) -> None:
    proxy.blackhole()
    silent = cli("--db", url, "set-field", "1", "remarks", "线路不通")
    assert silent.returncode == 1
    assert "无法连接台账服务器" in one_sentence(silent.stderr)

    proxy.forward()
    proxy.blackhole_on(b"UPDATE")  # the cable is pulled as the edit is sent
    cut = cli("--db", url, "set-field", "1", "remarks", "发出时断了")
    assert cut.returncode == 1
    assert "连接断开" in one_sentence(cut.stderr)
    assert proxy.silent

    proxy.forward()  # what was held back reaches the server, but never its COMMIT
    with ledgers.open_ledger(direct, readonly=True) as seen:
        assert seen.item(1).remarks != "发出时断了"
    assert cli("--db", url, "set-field", "1", "remarks", "线路恢复了").returncode == 0
    with ledgers.open_ledger(direct, readonly=True) as seen:
        assert seen.item(1).remarks == "线路恢复了"


def _window(qtbot: Any, store: LedgerStore, url: str, tmp_path: Path) -> Any:
    from rectdesk.ui.main_window import MainWindow
    from rectdesk.ui.tasks import TaskRunner

    context = AppContext(store=store, target=url, files_dir=tmp_path)
    qsettings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(
        context, qsettings=qsettings, runner=TaskRunner(synchronous=True), watch=True
    )
    qtbot.addWidget(window)
    window.pages.setCurrentWidget(window.items_page)
    window.show()
    qtbot.wait(20)
    return window


def test_the_window_shows_the_bar_keeps_the_typing_and_comes_back(
    qtbot: Any, proxy: Proxy, url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rectdesk.ui import watcher

    monkeypatch.setattr(watcher, "INTERVAL", 0.2)
    store = ledgers.open_ledger(url, files_dir=tmp_path)
    try:
        window = _window(qtbot, store, url, tmp_path)
        chosen = store.item_ids()[3]
        assert window.select_item(chosen)
        measures = window.detail.editor("measures")
        measures.setPlainText("断线时写的措施")

        proxy.blackhole()
        assert not window.detail.commit("measures")  # waits its bound, then says so
        assert window.lost_bar.isVisible()
        sentence = window.lost_label.text()
        assert "连接断开" in sentence and "\n" not in sentence
        assert measures.toPlainText() == "断线时写的措施"
        window.retry_button.click()  # still silent: the bar stays, the typing too
        assert window.lost_bar.isVisible()
        assert measures.toPlainText() == "断线时写的措施"

        proxy.forward()  # the window reconnects by itself and saves what was typed
        qtbot.waitUntil(lambda: not window.lost_bar.isVisible(), timeout=PATIENCE)
        assert store.item(chosen).measures == "断线时写的措施"
        window.close()
    finally:
        store.close()


def test_an_idle_window_notices_a_silent_line_by_itself(
    qtbot: Any, proxy: Proxy, url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rectdesk.ui import watcher

    monkeypatch.setattr(watcher, "INTERVAL", 0.2)
    store = ledgers.open_ledger(url, files_dir=tmp_path)
    try:
        window = _window(qtbot, store, url, tmp_path)
        proxy.blackhole()
        qtbot.waitUntil(window.lost_bar.isVisible, timeout=PATIENCE)
        assert "连接断开" in window.lost_label.text()
        proxy.forward()
        qtbot.waitUntil(lambda: not window.lost_bar.isVisible(), timeout=PATIENCE)
        window.close()
    finally:
        store.close()
