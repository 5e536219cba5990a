"""The start-up check finds a damaged store and the newest good backup, without crashing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from rectdesk.services import backup as backups
from rectdesk.services import health
from rectdesk.services.health import newest_good_backup, startup_check
from rectdesk.store import Store
from rectdesk.store.backup import make_backup


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    # Overwrite pages in the middle of the file: the header stays, the b-trees break.
    for offset in range(8192, min(len(data), 8192 * 6), 7):
        data[offset] = 0xA5
    path.write_bytes(bytes(data))


def test_sound_and_missing_stores_pass(demo_store: Store, tmp_path: Path) -> None:
    assert demo_store.path is not None
    assert not startup_check(demo_store.path).damaged
    assert not startup_check(tmp_path / "new.sqlite3").damaged


def test_damaged_store_is_offered_the_newest_good_backup(demo_store: Store) -> None:
    path = demo_store.path
    assert path is not None
    folder = backups.backup_folder(demo_store)
    older = make_backup(demo_store.db.conn, path, folder, reason="daily",
                        now=dt.datetime.now() - dt.timedelta(days=2))  # fmt: skip
    newest = make_backup(demo_store.db.conn, path, folder, reason="daily",
                         now=dt.datetime.now() - dt.timedelta(days=1))  # fmt: skip
    (newest.db_file).write_bytes(newest.db_file.read_bytes()[:-4096] + b"\xa5" * 4096)
    demo_store.close()
    _damage(path)

    health = startup_check(path)
    assert health.damaged and health.problems
    assert health.newest_good is not None and health.newest_good.path == older.path
    assert "已损坏" in health.message() and "完好备份" in health.message()


def test_garbage_file_without_backups(tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite3"
    path.write_bytes(b"PK\x03\x04 this is a zip, not a ledger" * 50)
    health = startup_check(path)
    assert health.damaged and health.newest_good is None
    assert "没有找到可用的备份" in health.message()
    assert newest_good_backup(path, tmp_path / "backups") is None


def test_hot_journal_after_a_crash_is_not_damage(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "ledger.sqlite3"
    # A transaction big enough to spill into the file, then the process dies mid-way.
    code = f"""
import os
from rectdesk.store import Store
from rectdesk.services.demo import load_demo
store = Store.open({str(path)!r})
load_demo(store, actor="t")
store.db.execute("PRAGMA cache_size = 1")
store.db.execute("BEGIN")
store.db.execute("UPDATE items SET remarks = 'half', measures = measures || measures")
os._exit(0)
"""
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
    assert Path(str(path) + "-journal").exists()
    assert not startup_check(path).damaged
    with Store.open(path) as store:
        assert all(item.remarks == "" for item in store.items())


def test_a_large_store_is_checked_after_start(
    demo_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = demo_store.path
    assert path is not None
    demo_store.close()
    _damage(path)
    monkeypatch.setattr(health, "BACKGROUND_CHECK_BYTES", 1024)
    deferred = startup_check(path, defer_large=True)
    assert deferred.deferred and not deferred.damaged  # the window opens at once
    assert health.background_problems(path)  # ...and the check that follows finds the damage
    assert startup_check(path).damaged
