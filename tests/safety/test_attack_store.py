"""Attacks on the store file: strangers' journals and logs, other programs' files, empty files.

Every attack runs on real SQLite files made by real second processes; a journal is made hot by
killing its writer with SIGKILL in the middle of a transaction.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from rectdesk.domain.errors import StoreEmptyError, StoreForeignError, StoreMissingError
from rectdesk.services import backup as backups
from rectdesk.services.demo import load_demo
from rectdesk.services.health import startup_check
from rectdesk.store import Store
from rectdesk.store.backup import list_backups
from rectdesk.store.connection import connect
from rectdesk.store.fileformat import journal_mismatch, read_journal
from rectdesk.store.schema import APPLICATION_ID, MIGRATIONS
from rectdesk.ui.recovery import RecoveryDialog, check_before_open, may_create

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is a POSIX signal")

ENV = {**os.environ, "PYTHONIOENCODING": "utf-8"}

#: Another program's database in WAL mode: its last commits stay in the log when it dies.
FOREIGN_WAL = """
import os, sqlite3, sys
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("PRAGMA journal_mode = WAL")
c.execute("PRAGMA wal_autocheckpoint = 0")
c.execute("CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT, phone TEXT)")
c.execute("BEGIN")
for n in range(500):
    c.execute("INSERT INTO people (name, phone) VALUES (?, ?)", (f"外来{n}", "13900000000"))
c.execute("COMMIT")
os._exit(0)
"""

#: Another program's database in rollback mode, its writer stopped mid-transaction with the
#: database file already changed (a tiny cache spills pages before the commit).
FOREIGN_JOURNAL = """
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
c.execute("BEGIN")
c.executemany("INSERT INTO t (v) VALUES (?)", [("文" * 300,) for _ in range(3000)])
c.execute("COMMIT")
c.execute("PRAGMA cache_size = 10")
c.execute("BEGIN")
c.execute("UPDATE t SET v = v || 'x'")
print("ready", flush=True)
time.sleep(600)
"""

#: A RectDesk store's own writer stopped mid-transaction: ``grow`` allocates new pages (page 1
#: is journaled), ``rewrite`` only rewrites rows in place (page 1 is not).
OWN_WRITE = """
import sys, time
from rectdesk.domain.model import BatchDraft, BatchKind, ItemDraft
from rectdesk.store import Store
store = Store.open(sys.argv[1])
store.db.execute("PRAGMA cache_size = 10")
store.db.conn.execute("BEGIN")
if sys.argv[2] == "grow":
    batch = store.add_batch(BatchDraft(BatchKind.OTHER, "半途"))
    store.add_items(batch, [ItemDraft(content="半途" * 400) for _ in range(400)])
else:
    store.db.execute("UPDATE items SET created_at = replace(created_at, '2', '3')")
print("ready", flush=True)
time.sleep(600)
"""


#: A window's hold on the store: open (and locked) until killed.
HOLDER = """
import sys, time
from rectdesk.store import Store
store = Store.open(sys.argv[1])
print("ready", flush=True)
time.sleep(600)
"""


def _killed_midway(code: str, *args: str) -> None:
    """Run ``code`` until it prints "ready", then SIGKILL it."""
    process = subprocess.Popen(
        [sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True, env=ENV
    )
    assert process.stdout is not None
    try:
        assert process.stdout.readline().strip() == "ready"
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=60)
        process.stdout.close()


def _demo(path: Path, extra_items: int = 0) -> None:
    with Store.open(path) as store:
        load_demo(store, actor="测试")
        if extra_items:
            from rectdesk.domain.model import BatchDraft, BatchKind, ItemDraft

            batch = store.add_batch(BatchDraft(BatchKind.OTHER, "加长"))
            store.add_items(batch, [ItemDraft(content="加长" * 300) for _ in range(extra_items)])


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _raw_view(db: Path, sidecar: Path, tmp: Path) -> tuple[list[str], int | None]:
    """What plain SQLite makes of a copy of the store with the stranger beside it."""
    folder = tmp / "plain-sqlite"
    folder.mkdir()
    copy = folder / db.name
    shutil.copyfile(db, copy)
    shutil.copyfile(sidecar, folder / (db.name + sidecar.name.removeprefix(db.name)))
    conn = sqlite3.connect(copy)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        try:
            problems = [r[0] for r in conn.execute("PRAGMA integrity_check")]
            count = None if problems != ["ok"] else conn.execute("SELECT count(*) FROM items")
            return tables, None if count is None else int(count.fetchone()[0])
        except sqlite3.DatabaseError:
            return tables, None
    except sqlite3.DatabaseError:
        return [], None
    finally:
        conn.close()


# -- a stranger's write-ahead log --------------------------------------------------------------


def test_foreign_wal_is_set_aside_not_merged(tmp_path: Path) -> None:
    db = tmp_path / "ledger.sqlite3"
    _demo(db)
    other = tmp_path / "other.sqlite3"
    subprocess.run([sys.executable, "-c", FOREIGN_WAL, str(other)], check=True, env=ENV)
    wal = Path(str(other) + "-wal")
    assert wal.stat().st_size > 4096  # the commits are in the log only
    planted = Path(str(db) + "-wal")
    shutil.copyfile(wal, planted)
    # The attack is real: plain SQLite merges the stranger's log into a copy of the store.
    tables, _ = _raw_view(db, planted, tmp_path)
    assert "people" in tables and "items" not in tables

    with Store.open(db) as store:
        assert store.count_items() == 49
        assert store.check() == []
        assert len(store.notices) == 1 and "不属于这个数据文件" in store.notices[0]
        assert "people" not in store.db.table_names()
    assert not planted.exists()
    [kept] = tmp_path.glob("ledger.sqlite3-wal.foreign-*")
    assert _sha(kept) == _sha(wal)  # renamed, never deleted or changed


def test_foreign_wal_through_the_command_line(tmp_path: Path) -> None:
    db = tmp_path / "ledger.sqlite3"
    _demo(db)
    other = tmp_path / "other.sqlite3"
    subprocess.run([sys.executable, "-c", FOREIGN_WAL, str(other)], check=True, env=ENV)
    shutil.copyfile(Path(str(other) + "-wal"), Path(str(db) + "-wal"))
    result = subprocess.run(
        [sys.executable, "-m", "rectdesk.cli", "--db", str(db), "items"],
        capture_output=True, text=True, env=ENV, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "共 49 条" in result.stdout
    assert "不属于这个数据文件" in result.stderr and "已改名为" in result.stderr
    check = subprocess.run(
        [sys.executable, "-m", "rectdesk.cli", "--db", str(db), "check"],
        capture_output=True, text=True, env=ENV, timeout=120,
    )  # fmt: skip
    assert check.returncode == 0 and "完好" in check.stdout


def test_a_wal_mode_store_keeps_its_own_log(tmp_path: Path) -> None:
    """No false alarm: a store switched to WAL by another tool keeps its last commits."""
    db = tmp_path / "ledger.sqlite3"
    _demo(db)
    code = """
import os, sqlite3, sys
from rectdesk.store.rowsums import register
c = sqlite3.connect(sys.argv[1], isolation_level=None)
register(c)  # the row checksums' triggers call it: without it the store refuses the write
c.execute("PRAGMA journal_mode = WAL"); c.execute("PRAGMA wal_autocheckpoint = 0")
c.execute("UPDATE items SET remarks = '日志中的修改' WHERE id <= 5")
os._exit(0)
"""
    subprocess.run([sys.executable, "-c", code, str(db)], check=True, env=ENV)
    assert Path(str(db) + "-wal").stat().st_size > 0
    with Store.open(db) as store:
        assert store.notices == []
        assert [i.remarks for i in store.items()[:6]] == ["日志中的修改"] * 5 + [""]


def test_a_check_beside_an_open_window_never_merges_a_log(tmp_path: Path) -> None:
    """The window holds the store (and its lock); a log dropped beside it is left alone."""
    db = tmp_path / "ledger.sqlite3"
    _demo(db)
    other = tmp_path / "other.sqlite3"
    subprocess.run([sys.executable, "-c", FOREIGN_WAL, str(other)], check=True, env=ENV)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=ENV,
    )  # fmt: skip
    assert holder.stdout is not None and holder.stdin is not None
    try:
        assert holder.stdout.readline().strip() == "ready"
        planted = Path(str(db) + "-wal")
        shutil.copyfile(Path(str(other) + "-wal"), planted)
        before, log = _sha(db), _sha(planted)
        startup_check(db)
        assert _sha(db) == before and _sha(planted) == log
    finally:
        holder.kill()
        holder.wait(timeout=60)
        holder.stdin.close()
        holder.stdout.close()
    with Store.open(db) as store:  # the next opening sets it aside
        assert store.count_items() == 49 and "不属于这个数据文件" in store.notices[0]


# -- a stranger's hot journal ------------------------------------------------------------------


def test_foreign_hot_journal_of_another_program_is_set_aside(tmp_path: Path) -> None:
    db = tmp_path / "ledger.sqlite3"
    _demo(db)
    before = _sha(db)
    other = tmp_path / "other.sqlite3"
    _killed_midway(FOREIGN_JOURNAL, str(other))
    journal = Path(str(other) + "-journal")
    assert journal.stat().st_size > 0
    planted = Path(str(db) + "-journal")
    shutil.copyfile(journal, planted)
    assert journal_mismatch(db, planted) is not None
    # The attack is real: plain SQLite plays the stranger's pages into a copy of the store.
    assert _raw_view(db, planted, tmp_path)[1] != 49

    health = startup_check(db)
    assert not health.damaged and "不属于这个数据文件" in health.notices[0]
    assert _sha(db) == before
    with Store.open(db) as store:
        assert store.notices == []  # already set aside by the start-up check
        assert store.count_items() == 49 and store.check() == []
    [kept] = tmp_path.glob("ledger.sqlite3-journal.foreign-*")
    assert _sha(kept) == _sha(journal)


def test_hot_journal_of_a_diverged_copy_of_the_store_is_set_aside(tmp_path: Path) -> None:
    """The hardest stranger: the same store copied earlier, killed in its own import."""
    db = tmp_path / "ledger.sqlite3"
    _demo(db, extra_items=300)
    twin = tmp_path / "copy" / "ledger.sqlite3"
    twin.parent.mkdir()
    shutil.copyfile(db, twin)
    with Store.open(db) as store:  # the original moves on
        for item_id in store.item_ids()[:3]:
            store.update_item(item_id, {"remarks": "复制之后的修改"})
    _killed_midway(OWN_WRITE, str(twin), "grow")
    planted = Path(str(db) + "-journal")
    shutil.copyfile(Path(str(twin) + "-journal"), planted)
    assert 1 in read_journal(planted).pages  # type: ignore[union-attr]

    with Store.open(db) as store:
        assert any("不属于这个数据文件" in n for n in store.notices)
        assert store.count_items() == 349 and store.check() == []
        assert sum(i.remarks == "复制之后的修改" for i in store.items()) == 3


@pytest.mark.parametrize("kind", ["grow", "rewrite"])
def test_own_hot_journal_is_rolled_back_not_set_aside(tmp_path: Path, kind: str) -> None:
    db = tmp_path / "ledger.sqlite3"
    _demo(db, extra_items=300)
    _killed_midway(OWN_WRITE, str(db), kind)
    journal = Path(str(db) + "-journal")
    parsed = read_journal(journal)
    assert not isinstance(parsed, str) and parsed.pages
    # Both branches of the rule are exercised: with and without page 1 in the journal.
    assert (1 in parsed.pages) == (kind == "grow")
    assert journal_mismatch(db, journal) is None
    with Store.open(db) as store:
        assert store.notices and "已自动回滚" in store.notices[0]
        assert store.count_items() == 349 and store.check() == []
        assert store.find_batch("半途") is None
    assert not journal.exists()
    assert list(tmp_path.glob("*.foreign-*")) == []


# -- another program's SQLite file; empty and missing stores -----------------------------------


def _other_program(path: Path, application_id: int) -> None:
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {application_id}")
    conn.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO users (name) VALUES ('某人')")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("application_id", [0x47504B47, 0])
def test_another_programs_database_is_refused_untouched(
    tmp_path: Path, application_id: int
) -> None:
    path = tmp_path / "crm.db"
    _other_program(path, application_id)
    before = _sha(path)
    with pytest.raises(StoreForeignError, match="其他程序的数据库文件"):
        Store.open(path)
    for command in (["demo"], ["items"], ["check"], ["import", str(tmp_path / "x.csv")]):
        result = subprocess.run(
            [sys.executable, "-m", "rectdesk.cli", "--db", str(path), *command],
            capture_output=True, text=True, env=ENV, timeout=120,
        )  # fmt: skip
        assert result.returncode == 1, (command, result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1
        assert "其他程序的数据库文件" in result.stderr
    assert startup_check(path).refused
    assert _sha(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["crm.db"]


def test_stores_are_marked_and_old_ones_marked_on_opening(tmp_path: Path) -> None:
    new = tmp_path / "new.sqlite3"
    Store.open(new).close()
    with sqlite3.connect(new) as conn:
        assert conn.execute("PRAGMA application_id").fetchone() == (APPLICATION_ID,)
    old = tmp_path / "old.sqlite3"  # as a release before the mark left it
    db = connect(old)
    marked = [m.name for m in MIGRATIONS].index("0009_application_id")
    for number, migration in enumerate(MIGRATIONS[:marked], start=1):
        with db.atomic():
            migration.apply(db)
            db.execute(f"PRAGMA user_version = {number}")
    with db.atomic():
        db.execute("INSERT INTO batches (kind, name, created_at) VALUES ('other', '旧批次', 'x')")
    db.conn.close()
    with sqlite3.connect(old) as conn:
        assert conn.execute("PRAGMA application_id").fetchone() == (0,)
    with Store.open(old) as store:
        assert [b.name for b in store.batches()] == ["旧批次"]
        assert store.db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_an_empty_store_with_a_backup_is_not_a_new_store(tmp_path: Path) -> None:
    db = tmp_path / "ledger.sqlite3"
    _demo(db)
    with Store.open(db) as store:
        info = backups.backup_now(store)
    db.write_bytes(b"")
    with pytest.raises(StoreEmptyError, match="0 字节") as caught:
        Store.open(db)
    assert info.path.name in caught.value.message and "49 条事项" in caught.value.message
    assert db.stat().st_size == 0
    for command in ("demo", "items"):
        result = subprocess.run(
            [sys.executable, "-m", "rectdesk.cli", "--db", str(db), command],
            capture_output=True, text=True, env=ENV, timeout=120,
        )  # fmt: skip
        assert result.returncode == 3 and "restore" in result.stderr and "0 字节" in result.stderr
    assert db.stat().st_size == 0
    health = startup_check(db)
    assert health.empty and health.offers_restore and not health.damaged
    assert health.newest_good is not None and health.newest_good.path == info.path


def test_an_empty_store_without_backups_is_a_new_one(tmp_path: Path) -> None:
    db = tmp_path / "ledger.sqlite3"
    db.write_bytes(b"")
    with pytest.raises(StoreMissingError, match="0 字节"):
        Store.open(db, create=False)
    assert not startup_check(db).offers_restore
    with Store.open(db) as store:
        assert store.count_items() == 0


def test_read_only_open_never_creates(tmp_path: Path) -> None:
    path = tmp_path / "typo" / "ledger.sqlite3"
    for readonly, create in ((True, False), (False, False)):
        with pytest.raises(StoreMissingError, match="不存在"):
            Store.open(path, readonly=readonly, create=create)
    assert not path.parent.exists()


# -- the same attacks as the window meets them at start ----------------------------------------


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Message boxes are recorded (title, text) instead of shown."""
    shown: list[tuple[str, str]] = []

    def record(_parent: object, title: str, text: str, *_args: object) -> object:
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    for name in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, record)
    return shown


def test_window_offers_the_backup_for_an_empty_store_not_demo_data(
    qtbot: QtBot, tmp_path: Path, boxes: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "ledger.sqlite3"
    _demo(db)
    with Store.open(db) as store:
        backups.backup_now(store)
    db.write_bytes(b"")
    offered: list[str] = []

    def accept(dialog: RecoveryDialog) -> int:
        offered.append(dialog.windowTitle())
        assert "0 字节" in dialog.health.message() and "49 条事项" in dialog.health.message()
        dialog.restore_button.click()
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(RecoveryDialog, "exec", accept)
    assert check_before_open(db) is True
    assert offered == ["数据文件是空的"]
    assert boxes[-1][0] == "已恢复" and "空文件" in boxes[-1][1]
    with Store.open(db) as store:
        assert store.count_items() == 49
    kept = [b for b in list_backups(tmp_path / "backups") if b.reason == "replaced"]
    assert len(kept) == 1 and not kept[0].verified  # the empty file, never a "good backup"


def test_window_refuses_another_programs_file_and_reports_strangers(
    qtbot: QtBot, tmp_path: Path, boxes: list[tuple[str, str]]
) -> None:
    other = tmp_path / "crm.db"
    _other_program(other, 0x47504B47)
    assert check_before_open(other) is False
    assert boxes == [("无法打开数据文件", boxes[0][1])] and "其他程序" in boxes[0][1]

    db = tmp_path / "ledger.sqlite3"
    _demo(db)
    source = tmp_path / "wal-source.sqlite3"
    subprocess.run([sys.executable, "-c", FOREIGN_WAL, str(source)], check=True, env=ENV)
    shutil.copyfile(Path(str(source) + "-wal"), Path(str(db) + "-wal"))
    boxes.clear()
    assert check_before_open(db) is True
    assert [title for title, _ in boxes] == ["数据文件提示"]
    assert "不属于这个数据文件" in boxes[0][1]


def test_window_asks_before_making_a_store_at_a_typed_path(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def answer(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    typo = tmp_path / "Docments" / "ledger.sqlite3"
    default = tmp_path / "data" / "rectdesk.sqlite3"
    assert may_create(default, default) is True and asked == []  # the first start
    assert may_create(typo, default) is False
    assert len(asked) == 1 and "不存在" in asked[0] and "--db" in asked[0]
    assert not typo.parent.exists()
    assert may_create(typo, default, ask=False) is True  # an automatic run of the window
