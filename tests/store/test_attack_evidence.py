"""Evidence files under attack: hostile names, huge files, a full disk."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rectdesk.domain.errors import UserError
from rectdesk.domain.model import BatchDraft, BatchKind, ItemDraft
from rectdesk.services.items import ItemService
from rectdesk.store import Store

WINDOWS_FORBIDDEN = set('<>:"\\|?*')


def _one_item(store: Store) -> int:
    batch = store.add_batch(BatchDraft(BatchKind.OTHER, "测试批次"))
    store.add_items(batch, [ItemDraft(content="问题一")])
    return store.item_ids()[0]


def _progress(store: Store, item_id: int, evidence: Path) -> None:
    ItemService(store).add_progress([item_id], dt.date(2026, 12, 4), "已整改", [evidence]).do()


@pytest.mark.parametrize(
    "name",
    [
        "照片" * 41 + ".jpg",  # 250 bytes: with the stored copy's prefix, past 255
        'a<b>c:d"e|f?g*h.pdf',  # refused by NTFS and FAT, so every backup to a stick failed
        "CON.docx",
        "报告 .",
        "整改\x0b情况.docx",
    ],
)
@pytest.mark.skipif(sys.platform == "win32", reason="the hostile names are made on Linux")
def test_a_hostile_evidence_name_is_kept_but_stored_portably(
    store: Store, tmp_path: Path, name: str
) -> None:
    item_id = _one_item(store)
    source = tmp_path / name
    source.write_bytes(b"evidence")
    _progress(store, item_id, source)
    (attachment,) = store.attachments(item_id)
    assert attachment.name == name  # the clerk sees the name as given
    stored = store.files_dir / attachment.stored_path
    assert stored.read_bytes() == b"evidence"
    assert len(stored.name.encode()) <= 200
    assert not set(stored.name) & WINDOWS_FORBIDDEN and stored.name.isprintable()
    assert stored.name == stored.name.rstrip(". ")
    assert stored.name.split("-", 1)[1].upper() != "CON.DOCX"


def test_evidence_over_the_size_limit_is_refused_before_copying(
    store: Store, tmp_path: Path
) -> None:
    item_id = _one_item(store)
    huge = tmp_path / "扫描件.pdf"
    with huge.open("wb") as handle:  # sparse: no real gigabyte written
        handle.truncate(1024 * 1024 * 1024 + 1)
    with pytest.raises(UserError, match="上限"):
        _progress(store, item_id, huge)
    assert store.attachments(item_id) == []
    assert store.ledger(item_id) == [] or all(e.text != "已整改" for e in store.ledger(item_id))


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or os.geteuid() != 0, reason="mounts a small tmpfs"
)
def test_a_full_disk_is_said_with_the_space_needed(tmp_path: Path) -> None:
    disk = tmp_path / "small"
    disk.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", str(disk)], check=True)
    try:
        with Store.open(disk / "ledger.sqlite3", create=True) as store:
            item_id = _one_item(store)
            evidence = tmp_path / "录像.mp4"
            evidence.write_bytes(os.urandom(8 * 1024 * 1024))
            with pytest.raises(UserError, match=r"磁盘空间不足.*需要约"):
                _progress(store, item_id, evidence)
            assert store.attachments(item_id) == []
            leftovers = list((disk / "ledger-files").rglob("*")) if (
                disk / "ledger-files").exists() else []  # fmt: skip
            assert [p for p in leftovers if p.is_file()] == []
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)
