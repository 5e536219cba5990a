"""Attacks on stored text: bytes flipped inside a real store file, a stranger's -wal dropped
beside a store that is open.

SQLite keeps no page checksums: a byte changed inside an item's content passes its structural
checks. Every flip must be found by a check (structural or the row checksums) or be provably
harmless: every row of every table reads back exactly as before.
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import sqlite_utils

from rectdesk.domain.errors import UserError
from rectdesk.domain.model import ItemDraft
from rectdesk.services.demo import load_demo
from rectdesk.services.health import check_store, startup_check
from rectdesk.store import Store
from rectdesk.store.checks import full_check
from rectdesk.store.schema import MIGRATIONS

ENV = {**os.environ, "PYTHONIOENCODING": "utf-8"}

#: How many stores get one flip each in the random runs (more with RECTDESK_FLIP_RUNS).
RUNS = int(os.environ.get("RECTDESK_FLIP_RUNS", "400"))


def _cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "rectdesk.cli", "--db", str(db), *args],
        capture_output=True, text=True, env=ENV, timeout=120, check=False,
    )  # fmt: skip


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    db = tmp_path / "ledger.sqlite3"
    with Store.open(db) as store:
        load_demo(store, actor="测试")
    return db


def _text_of(db: Path, item_id: int) -> bytes:
    with sqlite3.connect(db) as conn:
        return str(conn.execute("SELECT content FROM items WHERE id = ?", [item_id]).fetchone()[0]
                   ).encode()  # fmt: skip


def _flip_inside(db: Path, needle: bytes, at: int = 3) -> None:
    data = bytearray(db.read_bytes())
    start = data.index(needle)
    data[start + at] ^= 0x01
    db.write_bytes(bytes(data))


def test_a_flip_in_an_items_text_is_named_by_check_items_and_the_start_up_check(
    demo_db: Path,
) -> None:
    _flip_inside(demo_db, _text_of(demo_db, 12)[:24])
    check = _cli(demo_db, "check")
    assert check.returncode == 3
    assert "第 12 条事项的内容与保存时不一致" in check.stderr
    listing = _cli(demo_db, "items")
    assert listing.returncode == 3 and "共 49 条" in listing.stdout
    assert "第 12 条事项的内容与保存时不一致" in listing.stderr
    report = _cli(demo_db, "report", "ledger", "--format", "xlsx",
                  "--output", str(demo_db.with_name("台账.xlsx")))  # fmt: skip
    assert report.returncode == 3 and "第 12 条事项的内容与保存时不一致" in report.stderr
    health = startup_check(demo_db)
    assert health.damaged and "第 12 条事项" in health.message()
    assert check_store(demo_db).problems


def test_two_damaged_items_in_one_sentence(demo_db: Path) -> None:
    _flip_inside(demo_db, _text_of(demo_db, 12)[:24])
    _flip_inside(demo_db, _text_of(demo_db, 40)[:24])
    check = _cli(demo_db, "check")
    assert check.returncode == 3
    assert check.stderr.strip().splitlines() == [
        "第 12、40 条事项的内容与保存时不一致，可能是数据文件损坏；请从备份恢复这几条或整个文件。"
    ]


def test_a_sound_store_has_no_damaged_rows_after_edits_undos_and_deletes(demo_db: Path) -> None:
    with Store.open(demo_db) as store:
        ids = store.item_ids()
        store.update_item(ids[0], {"content": "改过的内容"}, actor="测试")
        store.delete_items(ids[1:3], actor="测试")
        batch = store.batches()[0].id
        store.add_items(batch, [ItemDraft(content=f"新事项{n}") for n in range(30)])
        assert store.damaged_items() == [] and store.check() == []
    assert _cli(demo_db, "check").returncode == 0


def test_an_existing_store_gets_its_sums_when_upgraded(tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(db, isolation_level=None)
    old = sqlite_utils.Database(conn)
    mine = [m.name for m in MIGRATIONS].index("0013_row_checksums")
    before = MIGRATIONS[:mine]
    for number, migration in enumerate(before, start=1):
        migration.apply(old)
        old.execute(f"PRAGMA user_version = {number}")
    old.execute(
        "INSERT INTO batches (kind, name, created_at) VALUES ('other', '旧批次', '2024-01-01')"
    )
    old.execute(
        "INSERT INTO items (batch_id, position, content, created_at, updated_at)"
        " VALUES (1, 1, '旧事项的内容', '2024-01-01', '2024-01-01')"
    )
    conn.close()
    with Store.open(db) as store:
        assert store.damaged_items() == []
        assert store._scalar("SELECT count(*) FROM row_sums") >= 2
    _flip_inside(db, "旧事项的内容".encode(), at=4)
    assert "第 1 条事项" in _cli(db, "check").stderr


def _dump(path: Path) -> dict[str, list[tuple[object, ...]]] | None:
    """Every row of every table, or None when the file cannot be read whole."""
    try:
        with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as conn:
            names = [r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]  # fmt: skip
            return {n: conn.execute(f'SELECT rowid, * FROM "{n}" ORDER BY rowid').fetchall()
                    if "fts" not in n else conn.execute(f'SELECT * FROM "{n}"').fetchall()
                    for n in names}  # fmt: skip
    except (sqlite3.Error, UnicodeDecodeError):
        return None


def _text_ranges(data: bytes, db: Path) -> list[tuple[int, int]]:
    """Where the stored texts clerks wrote lie in the file (content, progress, ledger)."""
    with sqlite3.connect(db) as conn:
        texts = [str(r[0]) for r in conn.execute(
            "SELECT content FROM items UNION ALL SELECT progress FROM items"
            " UNION ALL SELECT measures FROM items UNION ALL SELECT text FROM ledger"
        ) if r[0]]  # fmt: skip
    ranges = []
    for text in texts:
        encoded = text.encode()
        at = data.find(encoded)
        while at >= 0:
            ranges.append((at, at + len(encoded)))
            at = data.find(encoded, at + 1)
    return ranges


def test_random_flips_are_found_or_harmless(tmp_path: Path, demo_db: Path) -> None:
    """RUNS stores, one flip each: half inside stored text, half anywhere in the file."""
    data = demo_db.read_bytes()
    original = _dump(demo_db)
    texts = _text_ranges(data, demo_db)
    assert texts
    chance = random.Random(15)
    outcomes: Counter[tuple[str, str]] = Counter()
    for run in range(RUNS):
        where = "text" if run % 2 == 0 else "anywhere"
        if where == "text":
            start, end = chance.choice(texts)
            offset = chance.randrange(start, end)
        else:
            offset = chance.randrange(100, len(data))  # the header's first bytes: another test
        copy = tmp_path / f"run{run}.sqlite3"
        flipped = bytearray(data)
        flipped[offset] ^= 1 << chance.randrange(8)
        copy.write_bytes(bytes(flipped))
        problems = full_check(copy, writable=True)
        if any(p.startswith("row checksum") for p in problems):
            outcomes[(where, "found by the row checksums")] += 1
        elif problems:
            outcomes[(where, "found by SQLite's checks")] += 1
        elif _dump(copy) == original:
            outcomes[(where, "harmless (every row reads as before)")] += 1
        else:
            outcomes[(where, "NOT FOUND")] += 1
            pytest.fail(f"flip at {offset} changed the data unnoticed")
        copy.unlink()
    print(f"\n{RUNS} flips:", dict(sorted(outcomes.items())))
    assert outcomes[("text", "found by the row checksums")] > 0


def test_a_strangers_wal_dropped_beside_an_open_store_is_set_aside(
    tmp_path: Path, demo_db: Path
) -> None:
    stranger = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(stranger, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, x)")
    conn.executemany("INSERT INTO items (x) VALUES (?)", [(n,) for n in range(500)])
    wal = stranger.with_name(stranger.name + "-wal")
    assert wal.stat().st_size > 0
    with Store.open(demo_db) as store:
        ids = store.item_ids()
        shutil.copyfile(wal, demo_db.with_name(demo_db.name + "-wal"))
        with pytest.raises(UserError, match=r"不属于它.*已改名为.*请再做一次"):
            store.update_item(ids[0], {"content": "窗口里的修改"}, actor="测试")
        assert not demo_db.with_name(demo_db.name + "-wal").exists()
        # Done again, the write goes to the store itself.
        store.update_item(ids[0], {"content": "窗口里的修改"}, actor="测试")
        assert store.count_items() == 49
        # Dropped again, a refresh (a read) is refused the same way, and nothing merges.
        shutil.copyfile(wal, demo_db.with_name(demo_db.name + "-wal"))
        with pytest.raises(UserError, match="不属于它"):
            store.count_items()
        assert store.count_items() == 49
    conn.close()
    assert list(tmp_path.glob("ledger.sqlite3-wal.foreign-*"))
    check = _cli(demo_db, "check")
    assert check.returncode == 0, check.stderr
    with Store.open(demo_db, readonly=True) as again:
        assert again.count_items() == 49
