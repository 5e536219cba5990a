"""A full disk, an I/O error or a vanished drive: a plain message, old files and store intact."""

from __future__ import annotations

import datetime as dt
import errno
import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from rectdesk.domain.errors import UserError
from rectdesk.services import audit
from rectdesk.services import backup as backups
from rectdesk.store import Store
from rectdesk.store import backup as store_backup
from rectdesk.store.backup import list_backups, verify_backup


def _raiser(code: int) -> Callable[..., Any]:
    def fail(*_args: object, **_kwargs: object) -> Any:
        raise OSError(code, os.strerror(code))

    return fail


@pytest.fixture
def with_evidence(demo_store: Store, tmp_path: Path) -> Store:
    source = tmp_path / "照片.jpg"
    source.write_bytes(b"\xff\xd8" + b"x" * 5000)
    demo_store.add_attachment(demo_store.item_ids()[0], source)
    return demo_store


def _snapshot(folder: Path) -> list[str]:
    return (
        sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))
        if folder.exists()
        else []
    )


@pytest.mark.parametrize(
    ("target", "code", "message"),
    [
        ("shutil.copyfile", errno.ENOSPC, "磁盘空间不足"),
        ("_fsync_file", errno.EIO, "设备已移除"),
        ("os.rename", errno.ENOSPC, "磁盘空间不足"),
        ("Path.write_text", errno.ENOSPC, "磁盘空间不足"),
    ],
)
def test_failed_backup_leaves_old_backups_and_store_intact(
    with_evidence: Store,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    target: str,
    code: int,
    message: str,
) -> None:
    usb = tmp_path / "usb"
    old = backups.backup_to(with_evidence, usb)
    before = _snapshot(usb)
    if target == "shutil.copyfile":
        monkeypatch.setattr(store_backup.shutil, "copyfile", _raiser(code))
    elif target == "os.rename":
        monkeypatch.setattr(store_backup.os, "rename", _raiser(code))
    elif target == "Path.write_text":
        monkeypatch.setattr(Path, "write_text", _raiser(code))
    else:
        monkeypatch.setattr(store_backup, target, _raiser(code))

    with pytest.raises(UserError, match=message) as caught:
        backups.backup_to(with_evidence, usb)
    assert "原有数据和旧备份均未改动" in caught.value.message
    monkeypatch.undo()
    assert _snapshot(usb) == before
    assert verify_backup(old.path) == []
    assert with_evidence.check() == []
    assert with_evidence.count_items() == 49


def test_database_copy_failing_inside_sqlite(
    demo_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = backups.backup_now(demo_store)

    def full(*_args: object) -> int:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(store_backup, "_copy_database", full)
    with pytest.raises(UserError, match="备份失败"):
        backups.backup_now(demo_store)
    assert [b.path for b in backups.store_backups(demo_store)] == [old.path]
    assert not [p for p in old.path.parent.iterdir() if p.name.startswith(".")]


def test_usb_stick_pulled_during_backup(
    with_evidence: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    real = store_backup._copy_files

    def pulled(source: Path, target: Path, *, link: bool) -> list[dict[str, object]]:
        shutil.rmtree(usb)  # the stick is gone, with the half-written backup on it
        return real(source, target, link=link)

    monkeypatch.setattr(store_backup, "_copy_files", pulled)
    with pytest.raises(UserError, match="U 盘被拔出"):
        backups.backup_to(with_evidence, usb)
    assert with_evidence.check() == []


def test_backup_to_a_folder_that_cannot_be_created(demo_store: Store, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(UserError, match="备份失败"):
        backups.backup_to(demo_store, blocker / "sub")
    assert demo_store.check() == []


def test_drive_vanishing_under_an_open_store(tmp_path: Path) -> None:
    drive = tmp_path / "drive"
    store = Store.open(drive / "ledger.sqlite3")
    from rectdesk.services.demo import load_demo

    load_demo(store, actor="测试")
    item_id = store.item_ids()[0]
    moved = tmp_path / "unplugged"
    drive.rename(moved)  # what an unmounted USB stick or dropped share looks like
    try:
        with pytest.raises(UserError, match="本次修改没有保存"):
            store.update_item(item_id, {"remarks": "拔出 U 盘时的修改"})
    finally:
        store.close()
        moved.rename(drive)
    with Store.open(drive / "ledger.sqlite3") as reopened:
        assert reopened.check() == []
        assert reopened.item(item_id).remarks == ""
        assert reopened.count_items() == 49


def test_disk_full_inside_a_transaction_is_a_plain_message(demo_store: Store) -> None:
    item_id = demo_store.item_ids()[0]
    with demo_store.transaction():
        page_count = demo_store.db.execute("PRAGMA page_count").fetchone()[0]
    demo_store.db.execute(f"PRAGMA max_page_count = {page_count}")
    with pytest.raises(UserError, match="磁盘空间不足"):
        demo_store.update_item(item_id, {"measures": "很长的整改措施。" * 20000})
    assert demo_store.item(item_id).measures != "很长的整改措施。" * 20000
    assert demo_store.check() == []


def test_programming_errors_are_not_disguised(demo_store: Store) -> None:
    with pytest.raises(sqlite3.OperationalError), demo_store.transaction():
        demo_store.db.execute("SELECT no_such_column FROM items")


def test_audit_export_on_a_full_disk_keeps_the_old_file(
    demo_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import rectdesk.fileio

    for name in ("log.csv", "log.xlsx"):
        target = tmp_path / name
        target.write_bytes(b"old export")
        monkeypatch.setattr(rectdesk.fileio, "_fsync", _raiser(errno.ENOSPC))
        with pytest.raises(UserError, match="磁盘空间不足"):
            audit.export(demo_store, target)
        monkeypatch.undo()
        assert target.read_bytes() == b"old export"
        assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_failed_rotation_delete_keeps_the_new_backup(
    demo_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = backups.backup_folder(demo_store)
    now = dt.datetime.now()
    found = [
        store_backup.make_backup(demo_store.db.conn, demo_store.path, folder, reason="daily",
                                 now=now - dt.timedelta(days=days))
        for days in (400, 3)
    ]  # fmt: skip
    monkeypatch.setattr(backups, "remove_backup", _raiser(errno.EACCES))
    info = backups.backup_now(demo_store)
    assert {b.path for b in list_backups(folder)} == {found[0].path, found[1].path, info.path}
