"""Many clerks on one server, and the server going away mid-work, on a real PostgreSQL.

Each test here starts a server of its own (the session's shared one is never stopped), stops
it as a crash or a pulled cable would, and starts it again.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pgserver import PgServer, find_bindir
from PySide6.QtCore import QSettings

from rectdesk.domain.errors import ConnectionLostError
from rectdesk.domain.ledger import LedgerStore
from rectdesk.services import ledger as ledgers
from rectdesk.services.context import AppContext
from rectdesk.services.demo import load_demo
from rectdesk.services.items import ItemService

#: Long enough for any slow machine; the tests wait for an event, they do not time it.
PATIENCE = 30_000


@pytest.fixture
def server() -> Iterator[PgServer]:
    bindir = find_bindir()
    if bindir is None:
        pytest.skip("PostgreSQL server programs (initdb, pg_ctl) are not installed here")
    own = PgServer.create(bindir=bindir)
    # A halt is a crash: a commit must be on disk when it returns, as on a real server.
    own.execute("ALTER SYSTEM SET synchronous_commit = on")
    own.execute("SELECT pg_reload_conf()")
    try:
        yield own
    finally:
        own.stop()


@pytest.fixture
def url(server: PgServer) -> str:
    made = server.create_database("ledger")
    with ledgers.open_ledger(made) as store:
        load_demo(store, actor="测试")
    return made


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "rectdesk.cli", *args], capture_output=True, text=True,
        timeout=300, env={**os.environ, "RECTDESK_LANG": "zh"},
    )  # fmt: skip


def remarks(url: str, item_id: int) -> str:
    with ledgers.open_ledger(url, readonly=True) as store:
        return store.item(item_id).remarks


def test_a_write_cut_off_by_the_server_leaves_nothing_half_written(
    server: PgServer, url: str
) -> None:
    store = ledgers.open_ledger(url)
    try:
        first, second = store.item_ids()[:2]
        before = store.count_items(), store.audit_log(limit=1)[0].id
        with pytest.raises(ConnectionLostError) as lost, store.transaction():
            store.update_item(first, {"remarks": "写了一半"}, actor="测试")
            server.halt()
            store.update_item(second, {"remarks": "写不进去"}, actor="测试")
        sentence = lost.value.message
        assert "连接断开" in sentence and "没有保存" in sentence and "重试" in sentence
        assert "\n" not in sentence and "Traceback" not in sentence
        with pytest.raises(ConnectionLostError):
            store.reconnect()  # still away: the same sentence, nothing else
        with pytest.raises(ConnectionLostError):
            store.item(first)  # a read says the same
        server.resume()
        store.reconnect()
        assert store.item(first).remarks != "写了一半"
        assert store.item(second).remarks != "写不进去"
        assert (store.count_items(), store.audit_log(limit=1)[0].id) == before
        ItemService(store, "测试").edit(first, {"remarks": "恢复后保存"}).do()
        assert remarks(url, first) == "恢复后保存"
    finally:
        store.close()


def test_the_command_line_says_one_sentence_while_the_server_is_away(
    server: PgServer, url: str
) -> None:
    server.halt()
    listed = cli("--db", url, "items")
    assert listed.returncode == 1
    said = listed.stderr.strip()
    assert said and "\n" not in said and "Traceback" not in said
    assert "无法连接台账服务器" in said
    edited = cli("--db", url, "set-field", "1", "remarks", "服务器不在")
    assert edited.returncode == 1 and edited.stderr.strip() == said
    server.resume()
    assert cli("--db", url, "set-field", "1", "remarks", "服务器回来了").returncode == 0
    assert remarks(url, 1) == "服务器回来了"


def test_the_change_stamp_moves_with_every_write_and_not_with_reads(url: str) -> None:
    with ledgers.open_ledger(url) as store, store.reader() as watching:
        stamp = watching.change_stamp()
        store.item_ids()
        store.count_items()
        assert watching.change_stamp() == stamp  # reads change nothing
        ItemService(store, "测试").edit(1, {"remarks": "改了"}).do()
        moved = watching.change_stamp()
        assert moved != stamp
        store.set_setting("clerk", "另一位")  # a write with no audit line moves it too
        assert watching.change_stamp() not in (stamp, moved)


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
    qtbot.wait(20)  # laid out and its columns fitted, as a clerk sees it
    return window


def test_other_clerks_changes_appear_without_losing_selection_scroll_or_typing(
    qtbot: Any, url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rectdesk.ui import watcher

    monkeypatch.setattr(watcher, "INTERVAL", 0.2)
    store = ledgers.open_ledger(url, files_dir=tmp_path)
    other = ledgers.open_ledger(url, files_dir=tmp_path)  # another clerk's PC
    try:
        window = _window(qtbot, store, url, tmp_path)
        window.resize(1366, 500)
        ids = store.item_ids()
        chosen, elsewhere = ids[30], ids[2]
        assert window.select_item(chosen)
        scroll = window.table.verticalScrollBar().value()

        # Another clerk edits an item the window is not showing in its panel.
        ItemService(other, "同事").edit(elsewhere, {"remarks": "同事改的"}).do()
        qtbot.waitUntil(
            lambda: _row_shows(window, elsewhere, "同事改的"),
            timeout=PATIENCE,
        )
        assert window.current_item_id() == chosen
        assert window.table.verticalScrollBar().value() == scroll

        # The clerk is typing in the panel when the other clerk changes the same item.
        measures = window.detail.editor("measures")
        measures.setPlainText("正在填写的整改措施")
        ItemService(other, "同事").edit(chosen, {"remarks": "同事也改了这条"}).do()
        qtbot.waitUntil(window.detail.notice.isVisible, timeout=PATIENCE)
        assert "已被他人修改" in window.detail.notice.text()
        assert measures.toPlainText() == "正在填写的整改措施"
        assert window.current_item_id() == chosen
        assert window.detail.commit("measures")  # leaving the editor saves what was typed
        saved = other.item(chosen)
        assert saved.measures == "正在填写的整改措施" and saved.remarks == "同事也改了这条"
        assert not window.detail.notice.isVisible()

        # The other clerk changes the very field being typed in: never a silent overwrite.
        from rectdesk.ui import undo

        refusals: list[str] = []
        monkeypatch.setattr(undo, "ask_reload", lambda _p, said: refusals.append(said) or False)
        remarks_box = window.detail.editor("remarks")
        remarks_box.setPlainText("我写的备注")
        ItemService(other, "同事").edit(chosen, {"remarks": "同事写的备注"}).do()
        qtbot.waitUntil(window.detail.notice.isVisible, timeout=PATIENCE)
        assert "正是您正在填写的栏目" in window.detail.notice.text()
        assert not window.detail.commit("remarks")
        assert refusals and "同事" in refusals[0] and "备注" in refusals[0]
        assert other.item(chosen).remarks == "同事写的备注"
        assert remarks_box.toPlainText() == "我写的备注"  # the typing is still there
        window.close()
    finally:
        other.close()
        store.close()


def _row_shows(window: Any, item_id: int, text: str) -> bool:
    row = window.model.row_of(item_id)
    if row is None:
        return False
    item = window.model.item_at(row)
    return item is not None and item.remarks == text


def test_the_window_keeps_what_was_typed_while_the_server_is_away_and_comes_back(
    qtbot: Any, server: PgServer, url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rectdesk.ui import watcher

    monkeypatch.setattr(watcher, "INTERVAL", 0.2)
    store = ledgers.open_ledger(url, files_dir=tmp_path)
    try:
        window = _window(qtbot, store, url, tmp_path)
        chosen = store.item_ids()[5]
        assert window.select_item(chosen)
        measures = window.detail.editor("measures")
        measures.setPlainText("断网时写的措施")
        owner = window.detail.editor("owner")
        owner.setText("断网时写的责任人")

        server.halt()
        qtbot.waitUntil(window.lost_bar.isVisible, timeout=PATIENCE)
        sentence = window.lost_label.text()
        assert "连接断开" in sentence and "\n" not in sentence
        assert window.retry_button.text() == "重试"
        assert not window.detail.commit("measures")  # not saved, and said so in the bar
        assert measures.toPlainText() == "断网时写的措施"
        window.retry_button.click()  # still away: the bar stays, the typing too
        assert window.lost_bar.isVisible()
        assert measures.toPlainText() == "断网时写的措施"
        window.table.selectRow(0)  # another row: the panel keeps the unsaved item
        assert window.detail.current_item_id() == chosen
        assert owner.text() == "断网时写的责任人"

        server.resume()  # the window reconnects by itself and saves what was typed
        qtbot.waitUntil(lambda: not window.lost_bar.isVisible(), timeout=PATIENCE)
        saved = store.item(chosen)
        assert (saved.measures, saved.owner) == ("断网时写的措施", "断网时写的责任人")
        assert window.undo_stack.count() == 1  # one step to take it back
        assert window.detail.current_item_id() == window.current_item_id()
        window.close()
    finally:
        store.close()


def test_retry_reconnects_when_asked(
    qtbot: Any, server: PgServer, url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rectdesk.ui import watcher

    monkeypatch.setattr(watcher, "INTERVAL", 3600)  # no looking by itself: only 重试
    store = ledgers.open_ledger(url, files_dir=tmp_path)
    try:
        window = _window(qtbot, store, url, tmp_path)
        chosen = store.item_ids()[1]
        assert window.select_item(chosen)
        window.detail.editor("owner").setText("重试时保存")
        server.halt()
        assert not window.detail.commit("owner")
        assert window.lost_bar.isVisible()
        server.resume()
        window.retry_button.click()
        assert not window.lost_bar.isVisible()
        assert store.item(chosen).owner == "重试时保存"
        window.close()
    finally:
        store.close()
