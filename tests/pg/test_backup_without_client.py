"""A server ledger backed up on a PC without PostgreSQL's client programs (most clerks'
Windows PCs): a RectDesk data file, checked, and restored in one transaction on the server."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from rectdesk.cli import main
from rectdesk.domain.errors import QT_TRANSLATE_NOOP, UserError
from rectdesk.services import ledger as ledgers
from rectdesk.services import server_backup
from rectdesk.services.demo import load_demo
from rectdesk.services.items import ItemService
from rectdesk.store import Store


@pytest.fixture
def no_client(monkeypatch: pytest.MonkeyPatch) -> None:
    """This PC has no pg_dump nor pg_restore (the sentence find_tool says then)."""

    def missing(name: str) -> Path:
        sentence = QT_TRANSLATE_NOOP("Errors", "这台电脑上找不到 PostgreSQL 的 {program} 程序")
        raise UserError(sentence, program=name)

    monkeypatch.setattr(server_backup, "find_tool", missing)


@pytest.fixture
def demo_url(pg_url: str) -> str:
    with ledgers.open_ledger(pg_url) as store:
        load_demo(store, actor="测试")
    return pg_url


def _backup(url: str, folder: Path, capsys: Any) -> Path:
    assert main(["--db", url, "backup", "--output", str(folder)]) == 0
    said = capsys.readouterr().out
    assert "通过检查" in said and "数据文件副本" in said
    made = list(folder.iterdir())
    assert len(made) == 1 and made[0].suffix == ".sqlite3", made  # no leftovers beside it
    return made[0]


def test_the_backup_is_a_checked_data_file_that_restores_in_full(
    no_client: None, demo_url: str, tmp_path: Path, capsys: Any
) -> None:
    copy = _backup(demo_url, tmp_path / "备份", capsys)
    with Store.open(copy, readonly=True) as kept:
        assert kept.count_items() == 49 and not kept.check()
    with ledgers.open_ledger(demo_url) as store:
        first = store.item_ids()[0]
        before = store.item(first).remarks
        ItemService(store, "测试").edit(first, {"remarks": "备份之后改的"}).do()
        store.delete_items(store.item_ids()[1:6], actor="测试")
        assert store.count_items() == 44
    assert main(["--db", demo_url, "restore", str(copy)]) == 0
    assert "现有 49 条事项" in capsys.readouterr().out
    with ledgers.open_ledger(demo_url) as store:
        assert store.count_items() == 49
        assert store.item(first).remarks == before
        last = store.audit_log(limit=1)[0]
        assert (last.action, last.new) == ("restore", str(copy))
        ItemService(store, "测试").edit(first, {"remarks": "恢复后再改"}).do()  # writable again
        assert store.item(first).remarks == "恢复后再改"


def test_a_restore_that_fails_half_way_leaves_the_server_as_it_was(
    no_client: None, demo_url: str, tmp_path: Path, capsys: Any
) -> None:
    copy = _backup(demo_url, tmp_path / "备份", capsys)
    # A character the server cannot hold, deep in the copy: found only while the rows load,
    # after the server's tables were emptied in the same transaction.
    with Store.open(copy) as kept:
        last = kept.item_ids()[-1]
        kept.db.execute("UPDATE items SET remarks = ? WHERE id = ?", ("坏\x00字", last))
        kept.db.conn.commit()
        assert not kept.check()  # a sound file: the row checksum follows the write
    with ledgers.open_ledger(demo_url) as store:
        store.delete_items(store.item_ids()[:3], actor="测试")
    assert main(["--db", demo_url, "restore", str(copy)]) == 1
    said = capsys.readouterr().err.strip()
    assert said and "\n" not in said and "Traceback" not in said
    with ledgers.open_ledger(demo_url) as store:
        assert store.count_items() == 46  # the 46 of before, not 0 and not 49


def test_a_damaged_backup_is_refused_before_anything_changes(
    no_client: None, demo_url: str, tmp_path: Path, capsys: Any
) -> None:
    copy = _backup(demo_url, tmp_path / "备份", capsys)
    with sqlite3.connect(copy) as raw:  # another program rewrites a row behind RectDesk's back
        page = raw.execute("PRAGMA page_size").fetchone()[0]
    data = bytearray(copy.read_bytes())
    for offset in range(page * 3, len(data) - page, page * 7):
        data[offset + 100 : offset + 164] = bytes(64)
    copy.write_bytes(bytes(data))
    assert main(["--db", demo_url, "restore", str(copy)]) != 0
    said = capsys.readouterr().err.strip()
    assert said and "Traceback" not in said
    with ledgers.open_ledger(demo_url) as store:
        assert store.count_items() == 49
