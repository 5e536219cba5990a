"""Backups: made online, verified, with evidence files; listed, rotated and restored."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from rectdesk.domain.errors import StoreLockedError, UserError
from rectdesk.services import backup as backups
from rectdesk.services import settings
from rectdesk.store import Store
from rectdesk.store.backup import (
    BackupInfo,
    list_backups,
    make_backup,
    read_info,
    remove_stale_parts,
    verify_backup,
)
from rectdesk.store.connection import connect
from rectdesk.store.schema import MIGRATIONS


def _attach(store: Store, tmp_path: Path, text: str = "佐证材料") -> Path:
    source = tmp_path / "佐证.txt"
    source.write_text(text, encoding="utf-8")
    attachment = store.add_attachment(store.item_ids()[0], source)
    return store.attachment_path(attachment)


def test_backup_copies_store_and_evidence_and_verifies(demo_store: Store, tmp_path: Path) -> None:
    evidence = _attach(demo_store, tmp_path)
    info = backups.backup_now(demo_store)
    assert info.verified and info.reason == "manual"
    assert info.items == demo_store.count_items() == 49
    assert info.path.parent == tmp_path / "backups"
    copied = info.path / "ledger-files" / evidence.relative_to(demo_store.files_dir)
    assert copied.read_text(encoding="utf-8") == "佐证材料"
    assert verify_backup(info.path) == []
    with sqlite3.connect(info.db_file) as conn:
        assert conn.execute("SELECT count(*) FROM items").fetchone()[0] == 49


def test_backup_made_while_a_transaction_is_open_holds_committed_data(
    demo_store: Store, tmp_path: Path
) -> None:
    item_id = demo_store.item_ids()[0]
    demo_store.update_item(item_id, {"remarks": "已提交"})
    info = make_backup(sqlite3.connect(demo_store.path), demo_store.path, tmp_path / "b",
                       reason="manual")  # fmt: skip
    with sqlite3.connect(info.db_file) as conn:
        remarks = conn.execute("SELECT remarks FROM items WHERE id = ?", [item_id]).fetchone()
    assert remarks == ("已提交",)


def test_verification_catches_a_changed_copy(demo_store: Store) -> None:
    info = backups.backup_now(demo_store)
    with info.db_file.open("r+b") as handle:
        handle.seek(5000)
        handle.write(b"\xff" * 64)
    assert verify_backup(info.path) != []
    assert read_info(info.path).verified  # sizes unchanged: the quick listing cannot tell
    (info.path / "manifest.json").unlink()
    assert list_backups(info.path.parent) == []


def test_missing_evidence_file_marks_backup_unverified(demo_store: Store, tmp_path: Path) -> None:
    _attach(demo_store, tmp_path)
    info = backups.backup_now(demo_store)
    next((info.path / "ledger-files").rglob("*.txt")).unlink()
    listed = read_info(info.path)
    assert not listed.verified and "evidence" in listed.problem


def test_partial_backup_folders_are_never_listed(demo_store: Store) -> None:
    folder = backups.backup_folder(demo_store)
    partial = folder / ".ledger-20231120-090000-daily.part"
    partial.mkdir(parents=True)
    (partial / "ledger.sqlite3").write_bytes(b"half")
    assert list_backups(folder) == []
    assert remove_stale_parts(folder, dt.timedelta(hours=1)) == []
    assert remove_stale_parts(folder, dt.timedelta(seconds=-1)) == [partial]
    assert not partial.exists()


def test_two_backups_in_one_second_get_distinct_folders(demo_store: Store) -> None:
    now = dt.datetime(2023, 11, 20, 9, 0, 0)
    first = make_backup(demo_store.db.conn, demo_store.path, demo_store.path.parent / "b",
                        reason="import", now=now)  # fmt: skip
    second = make_backup(demo_store.db.conn, demo_store.path, demo_store.path.parent / "b",
                         reason="import", now=now)  # fmt: skip
    assert first.path != second.path
    assert [b.path for b in list_backups(first.path.parent)] == [second.path, first.path]


def test_backup_before_import_returns_a_verified_folder(demo_store: Store) -> None:
    path = backups.backup_before_import(demo_store)
    assert read_info(path).reason == "import"
    assert verify_backup(path) == []


def test_daily_backup_once_per_day(demo_store: Store) -> None:
    today = dt.date.today()
    first = backups.daily_backup_if_due(demo_store, today)
    assert first is not None and first.reason == "daily"
    assert backups.daily_backup_if_due(demo_store, today) is None
    settings.put(demo_store, "backup_daily", False)
    assert not backups.daily_backup_due(demo_store, today + dt.timedelta(days=1))


def test_daily_backup_not_made_by_a_reader(demo_store: Store) -> None:
    path = demo_store.path
    assert path is not None
    with Store.open(path, readonly=True) as reader:
        assert backups.daily_backup_if_due(reader) is None


def test_backup_folder_setting(demo_store: Store, tmp_path: Path) -> None:
    settings.put(demo_store, "backup_folder", str(tmp_path / "elsewhere"))
    info = backups.backup_now(demo_store)
    assert info.path.parent == tmp_path / "elsewhere"
    assert backups.store_backups(demo_store)[0].path == info.path


def test_external_backup_copies_files_rather_than_linking(
    demo_store: Store, tmp_path: Path
) -> None:
    evidence = _attach(demo_store, tmp_path)
    info = backups.backup_to(demo_store, tmp_path / "usb")
    copied = next((info.path / "ledger-files").rglob("*.txt"))
    assert copied.stat().st_ino != evidence.stat().st_ino
    assert info.reason == "external" and info.verified


def _info(day: dt.datetime, *, verified: bool = True) -> BackupInfo:
    return BackupInfo(Path(f"/b/{day:%Y%m%d-%H%M}"), day, "daily", 1, 1, verified)


def test_rotation_keeps_days_then_weeks_then_the_newest_sound() -> None:
    today = dt.date(2023, 11, 20)
    start = dt.datetime(2023, 11, 20, 18)
    found = [_info(start - dt.timedelta(hours=12 * n)) for n in range(0, 2 * 120)]
    kept = backups.kept_by_rotation(found, today, daily_days=14, weekly_weeks=8)
    kept_days = sorted({b.created_at.date() for b in found if b.path in kept}, reverse=True)
    # Today's two, one for each of the 13 days before, one per week back to 8 weeks.
    assert len([b for b in found if b.path in kept and b.created_at.date() == today]) == 2
    daily = [d for d in kept_days if (today - d).days < 14]
    assert len(daily) == 14
    weekly = [d for d in kept_days if 14 <= (today - d).days < 56]
    assert len({d.isocalendar()[:2] for d in weekly}) == len(weekly)
    assert 5 <= len(weekly) <= 6
    assert all((today - d).days < 56 for d in kept_days)
    # Each kept day keeps its newest backup.
    for day in daily[1:]:
        newest = max(b.created_at for b in found if b.created_at.date() == day)
        assert _info(newest).path in kept


def test_rotation_never_removes_the_last_sound_backup() -> None:
    old = _info(dt.datetime(2022, 1, 1, 9))
    damaged = _info(dt.datetime(2023, 11, 19, 9), verified=False)
    kept = backups.kept_by_rotation([old, damaged], dt.date(2023, 11, 20),
                                    daily_days=14, weekly_weeks=8)  # fmt: skip
    assert kept == {old.path, damaged.path}


def test_rotation_removes_old_backups_on_disk(demo_store: Store) -> None:
    folder = backups.backup_folder(demo_store)
    base = dt.datetime.now()
    for days in (0, 1, 2, 30, 100, 200):
        make_backup(demo_store.db.conn, demo_store.path, folder, reason="daily",
                    link_files=True, now=base - dt.timedelta(days=days))  # fmt: skip
    removed = backups.rotate_store_backups(demo_store, now=base)
    assert len(removed) == 2
    left = {(base.date() - b.created_at.date()).days for b in backups.store_backups(demo_store)}
    assert left == {0, 1, 2, 30}
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]


def test_restore_keeps_a_copy_and_brings_back_the_data(demo_store: Store, tmp_path: Path) -> None:
    path = demo_store.path
    assert path is not None
    _attach(demo_store, tmp_path)
    info = backups.backup_now(demo_store)
    item_id = demo_store.item_ids()[0]
    demo_store.update_item(item_id, {"remarks": "备份之后的修改"})
    demo_store.close()

    kept = backups.restore(path, info.path)
    assert read_info(kept).reason == "before-restore" and verify_backup(kept) == []
    with Store.open(path) as restored:
        assert restored.item(item_id).remarks == ""
        assert restored.count_items() == 49
        assert restored.attachments(item_id)
        assert restored.attachment_path(restored.attachments(item_id)[0]).exists()
    with sqlite3.connect(read_info(kept).db_file) as conn:
        remarks = conn.execute("SELECT remarks FROM items WHERE id = ?", [item_id]).fetchone()
    assert remarks == ("备份之后的修改",)


def test_restore_of_a_damaged_store_keeps_it_as_it_was(demo_store: Store) -> None:
    path = demo_store.path
    assert path is not None
    info = backups.backup_now(demo_store)
    demo_store.close()
    path.write_bytes(b"not a database at all" * 100)
    Path(str(path) + "-journal").write_bytes(b"stale journal")

    kept = backups.restore(path, info.path)
    assert (kept / path.name).read_bytes().startswith(b"not a database")
    assert not read_info(kept).verified
    assert not Path(str(path) + "-journal").exists()
    with Store.open(path) as restored:
        assert restored.count_items() == 49 and restored.check() == []


def test_restore_refuses_a_broken_backup_and_changes_nothing(demo_store: Store) -> None:
    path = demo_store.path
    assert path is not None
    info = backups.backup_now(demo_store)
    demo_store.close()
    before = path.read_bytes()
    data = json.loads((info.path / "manifest.json").read_text("utf-8"))
    data["db_sha256"] = "0" * 64
    (info.path / "manifest.json").write_text(json.dumps(data), "utf-8")
    with pytest.raises(UserError, match="备份不完整或已损坏"):
        backups.restore(path, info.path)
    assert path.read_bytes() == before


def test_restore_refuses_while_another_window_writes(demo_store: Store) -> None:
    path = demo_store.path
    assert path is not None
    info = backups.backup_now(demo_store)
    with pytest.raises(StoreLockedError, match="另一个 RectDesk"):
        backups.restore(path, info.path)


def test_restore_refuses_a_backup_from_a_newer_version(demo_store: Store) -> None:
    path = demo_store.path
    assert path is not None
    with demo_store.transaction():
        demo_store.db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    info = backups.backup_now(demo_store)
    with demo_store.transaction():
        demo_store.db.execute(f"PRAGMA user_version = {len(MIGRATIONS)}")
    demo_store.close()
    with pytest.raises(UserError, match="更新版本"):
        backups.restore(path, info.path)


def test_restore_onto_a_new_computer(demo_store: Store, tmp_path: Path) -> None:
    info = backups.backup_to(demo_store, tmp_path / "usb")
    target = tmp_path / "new-pc" / "ledger.sqlite3"
    backups.restore(target, info.path)
    with Store.open(target) as restored:
        assert restored.count_items() == 49


def test_migration_makes_a_verified_backup_first(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    db = connect(path)
    with db.atomic():
        MIGRATIONS[0].apply(db)
        db.execute("INSERT INTO batches (kind, name, created_at) VALUES ('other', '旧批次', '')")
        db.execute("PRAGMA user_version = 1")
    db.conn.close()
    with Store.open(path) as store:
        assert store.batches()[0].name == "旧批次"
    found = list_backups(tmp_path / "backups", "old")
    assert len(found) == 1 and found[0].verified
    assert found[0].reason == f"before-{MIGRATIONS[1].name}"
    assert backups.reason_label(found[0].reason) == "升级数据结构前"
    with sqlite3.connect(found[0].db_file) as conn:
        assert conn.execute("PRAGMA user_version").fetchone() == (1,)
