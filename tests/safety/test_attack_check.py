"""Attacks on the checks: a crash, a busy store, flipped bytes. Only real damage is called damage.

A crash is a real SIGKILL of a real writer; "busy" is a second process holding a write
transaction on the store, as a long command-line import does.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from rectdesk.services import backup as backups
from rectdesk.services.demo import load_demo
from rectdesk.services.health import check_store, startup_check
from rectdesk.store import Store
from rectdesk.store.backup import make_backup
from rectdesk.ui.recovery import RecoveryDialog, check_before_open

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is a POSIX signal")

ENV = {**os.environ, "PYTHONIOENCODING": "utf-8"}

#: A RectDesk writer in the middle of a long write: it holds the store's lock and SQLite's
#: exclusive lock until told to commit (a line on stdin) or killed.
WRITER = """
import sys
from rectdesk.domain.model import BatchDraft, BatchKind, ItemDraft
from rectdesk.store import Store
store = Store.open(sys.argv[1])
store.db.execute("PRAGMA cache_size = 10")  # pages reach the file before the commit
store.db.conn.execute("BEGIN EXCLUSIVE")
batch = store.add_batch(BatchDraft(BatchKind.OTHER, "长时间导入"))
store.add_items(batch, [ItemDraft(content="导入中" * 100) for _ in range(200)])
print("ready", flush=True)
sys.stdin.readline()
store.db.conn.execute("COMMIT")
store.close()
print("done", flush=True)
"""

#: Imports and bulk edits in a loop, reporting each commit, until killed.
WORKER = """
import sys
from rectdesk.domain.model import BatchDraft, BatchKind, ItemDraft
from rectdesk.store import ItemQuery, Store
store = Store.open(sys.argv[1])
store.db.execute("PRAGMA cache_size = 20")
print("ready", flush=True)
step = 0
while True:
    step += 1
    with store.transaction():
        batch = store.add_batch(BatchDraft(BatchKind.OTHER, f"轮次{step}"))
        store.add_items(batch, [ItemDraft(content=f"第{step}轮" * 200) for _ in range(60)])
    print(f"import {step}", flush=True)
    ids = store.item_ids(ItemQuery(batch_id=batch))
    with store.transaction():
        for item_id in ids:
            store.update_item(item_id, {"remarks": f"改{step}"})
    print(f"edit {step}", flush=True)
"""


def _cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "rectdesk.cli", "--db", str(db), *args],
        capture_output=True, text=True, env=ENV, timeout=180,
    )  # fmt: skip


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    db = tmp_path / "ledger.sqlite3"
    with Store.open(db) as store:
        load_demo(store, actor="测试")
        # A backup a wrong "restore" would roll the ledger back to.
        make_backup(store.db.conn, db, backups.backup_folder(store), reason="daily",
                    now=dt.datetime.now() - dt.timedelta(days=1))  # fmt: skip
    return db


@pytest.fixture
def writer(demo_db: Path) -> Iterator[subprocess.Popen[str]]:
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(demo_db)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=ENV,
    )  # fmt: skip
    assert process.stdout is not None and process.stdin is not None
    assert process.stdout.readline().strip() == "ready"
    try:
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=60)
        process.stdin.close()
        process.stdout.close()


def _finish(process: subprocess.Popen[str]) -> None:
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write("\n")
    process.stdin.flush()
    assert process.stdout.readline().strip() == "done"
    process.wait(timeout=60)


# -- busy is not damaged -----------------------------------------------------------------------


def test_start_up_during_a_write_says_busy_and_offers_no_restore(
    qtbot: QtBot,
    demo_db: Path,
    writer: subprocess.Popen[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    health = startup_check(demo_db)
    assert health.busy and not health.damaged and not health.offers_restore
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, title, text: shown.append(text))
    monkeypatch.setattr(RecoveryDialog, "exec", lambda _self: pytest.fail("restore offered"))
    assert check_before_open(demo_db) is True
    assert any("正在写入" in text for text in shown)
    _finish(writer)
    assert not startup_check(demo_db).damaged
    with Store.open(demo_db) as store:  # the write that was reported done is there
        assert store.count_items() == 249


def test_check_during_a_write_says_busy_not_damaged(
    demo_db: Path, writer: subprocess.Popen[str]
) -> None:
    result = _cli(demo_db, "check")
    assert result.returncode == 1, result.stderr
    assert "正在写入" in result.stderr and "损坏" not in result.stderr.replace("没有损坏", "")
    listing = _cli(demo_db, "items")
    assert listing.returncode == 1 and "正在写入" in listing.stderr and listing.stdout == ""
    _finish(writer)
    after = _cli(demo_db, "check")
    assert after.returncode == 0 and "完好" in after.stdout


# -- a crash leaves an interrupted write: rolled back, not damage ------------------------------


def test_check_after_a_kill_rolls_the_write_back(
    demo_db: Path, writer: subprocess.Popen[str]
) -> None:
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait(timeout=60)
    journal = Path(str(demo_db) + "-journal")
    assert journal.read_bytes()[:1] != b"\x00"  # hot: the file was already written
    result = _cli(demo_db, "check")
    assert result.returncode == 0, result.stderr
    assert "完好" in result.stdout and "已自动回滚" in result.stderr
    assert not Path(str(demo_db) + "-journal").exists()
    with Store.open(demo_db) as store:
        assert store.count_items() == 49 and store.find_batch("长时间导入") is None


def test_random_kills_never_read_as_damage(tmp_path: Path) -> None:
    """Kill a writer at random moments; the check after each is sound, with no false alarm."""
    db = tmp_path / "ledger.sqlite3"
    Store.open(db).close()
    rng = random.Random(20240615)
    committed: set[str] = set()
    hot = 0
    kills = 12
    for _round in range(kills):
        process = subprocess.Popen(
            [sys.executable, "-c", WORKER, str(db)], stdout=subprocess.PIPE, text=True, env=ENV
        )
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "ready"
        lines = rng.randint(0, 3)
        for _ in range(lines):
            committed.add(process.stdout.readline().strip())
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=60)
        committed.update(line.strip() for line in process.stdout.read().splitlines())
        process.stdout.close()
        hot += Path(str(db) + "-journal").exists()
        result = check_store(db)
        assert result.problems == [] and not result.busy
        assert all("不属于" not in n for n in result.notices)
        with Store.open(db) as store:
            for batch in store.batches():
                assert batch.item_count == 60  # never half an import
    assert hot > 0, "no kill landed inside a write: the test proved nothing"


# -- real damage -------------------------------------------------------------------------------


def _leaf_pages(data: bytes, root: int, page_size: int = 4096) -> list[int]:
    """The leaf pages of a table b-tree, found by walking it from its root."""
    start = (root - 1) * page_size
    header = start + (100 if root == 1 else 0)
    if data[header] == 0x0D:
        return [root]
    count = int.from_bytes(data[header + 3 : header + 5], "big")
    children = [int.from_bytes(data[header + 8 : header + 12], "big")]
    for n in range(count):
        cell = int.from_bytes(data[header + 12 + 2 * n : header + 14 + 2 * n], "big")
        children.append(int.from_bytes(data[start + cell : start + cell + 4], "big"))
    return [leaf for child in children for leaf in _leaf_pages(data, child, page_size)]


def _flip_a_table_page(path: Path) -> int:
    """Flip 64 bytes of the items table's leaf page nearest the middle of the file."""
    with sqlite3.connect(path) as conn:
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'items'").fetchone()
    data = bytearray(path.read_bytes())
    middle = len(data) // 4096 // 2
    page = min(_leaf_pages(bytes(data), int(root[0])), key=lambda n: abs(n - middle))
    start = (page - 1) * 4096
    for offset in range(start + 8, start + 72):  # the cell pointers
        data[offset] ^= 0xFF
    path.write_bytes(bytes(data))
    return page


def test_flipped_bytes_stop_the_listing_with_exit_3(demo_db: Path) -> None:
    _flip_a_table_page(demo_db)
    listing = _cli(demo_db, "items")
    assert listing.returncode == 3, listing.stderr
    assert listing.stdout == "" and "已损坏" in listing.stderr
    check = _cli(demo_db, "check")
    assert check.returncode == 3 and "已损坏" in check.stderr
    health = startup_check(demo_db)
    assert health.damaged and health.offers_restore


def test_garbage_is_damage_and_a_copy_is_kept_on_restore(tmp_path: Path, demo_db: Path) -> None:
    broken = tmp_path / "broken.sqlite3"
    shutil.copyfile(demo_db, broken)
    with open(broken, "r+b") as handle:
        handle.seek(0)
        handle.write(b"\x00" * 100)
    result = _cli(broken, "check")
    assert result.returncode == 3
    with sqlite3.connect(demo_db) as conn:
        assert conn.execute("PRAGMA quick_check").fetchone() == ("ok",)


def test_a_name_too_damaged_to_print_is_damage_not_a_crash(tmp_path: Path) -> None:
    """SQLite's message quotes the broken table name, which is no longer UTF-8."""
    path = tmp_path / "ledger.sqlite3"
    with Store.open(path) as store:
        load_demo(store, actor="测试")
    data = bytearray(path.read_bytes())
    start = data.index(b"CREATE TABLE batches")
    data[start : start + 6] = b"\xbe" * 6
    name = data.rindex(b"batches", 0, start)
    data[name : name + 7] = b"\xbe" * 7
    path.write_bytes(bytes(data))
    for command in ("items", "check"):
        result = _cli(path, command)
        assert result.returncode == 3, (command, result.stderr)
        assert "损坏" in result.stderr and "意外错误" not in result.stderr
