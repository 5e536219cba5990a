"""A full disk, for real: the store lives on a small tmpfs mounted by the test (needs root)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from rectdesk.domain.errors import UserError
from rectdesk.services import backup as backups
from rectdesk.services import importing, space
from rectdesk.services.demo import load_demo
from rectdesk.store import Store
from rectdesk.store.backup import list_backups

ENV = {**os.environ, "PYTHONIOENCODING": "utf-8"}
ROWS = 3000


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 6 MB file system of its own (unmounted afterwards)."""
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root on Linux")
    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", str(mount)],
                          capture_output=True, text=True)  # fmt: skip
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


@pytest.fixture
def source(tmp_path: Path) -> Path:
    """A 2.7 MB table of 3,000 items: it fits on the disk, what it grows into does not."""
    lines = ["序号,意见建议编号,意见或建议内容,责任处室,整改措施,整改时限"]
    lines += [
        f"{n},NO{n:08d},第{n}条意见：加强相关工作{'内容' * 60},医政处,一是落实{'措施' * 80},"
        "2024年6月30日"
        for n in range(1, ROWS + 1)
    ]
    path = tmp_path / "大表.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _store_on(disk: Path) -> Path:
    db = disk / "ledger.sqlite3"
    with Store.open(db) as store:
        load_demo(store, actor="测试")
    return db


def _leftovers(disk: Path) -> list[str]:
    """Journals and partial files a failed write could leave."""
    return sorted(p.name for p in disk.rglob("*") if p.name.endswith(("-journal", ".part")))


def test_import_on_a_full_disk_is_refused_first_with_the_room_it_needs(
    small_disk: Path, source: Path
) -> None:
    db = _store_on(small_disk)
    free = shutil.disk_usage(small_disk).free
    for _attempt in range(3):
        result = subprocess.run(
            [sys.executable, "-m", "rectdesk.cli", "--db", str(db), "import", str(source)],
            capture_output=True, text=True, env=ENV, timeout=300,
        )  # fmt: skip
        assert result.returncode == 1, result.stderr
        assert "磁盘空间不足" in result.stderr and "约需" in result.stderr
        assert "MB" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert _leftovers(small_disk) == []
    assert list_backups(small_disk / "backups") == []  # nothing piled up
    assert shutil.disk_usage(small_disk).free == free
    check = subprocess.run(
        [sys.executable, "-m", "rectdesk.cli", "--db", str(db), "check"],
        capture_output=True, text=True, env=ENV, timeout=120,
    )  # fmt: skip
    assert check.returncode == 0 and "完好" in check.stdout


def test_a_write_that_fills_the_disk_leaves_no_journal_and_no_pile_of_backups(
    small_disk: Path, source: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the estimate lets an import through and the disk fills during the write."""
    monkeypatch.setattr(space, "GROWTH_PER_TEXT_BYTE", 0.1)  # far too hopeful on purpose
    db = _store_on(small_disk)
    with Store.open(db) as store:
        for _attempt in range(4):
            with pytest.raises(UserError, match="磁盘空间不足") as caught:
                importing.import_file(store, source, batch_name="大表")
            assert "已撤回" in caught.value.message and "MB" in caught.value.message
            assert _leftovers(small_disk) == []
        assert store.count_items() == 49 and store.find_batch("大表") is None
        assert store.check() == []
        made = backups.store_backups(store)
        assert len(made) == 1 and made[0].reason == "import"  # made once, then reused
    assert not (small_disk / "ledger-files" / "sources").exists() or not any(
        (small_disk / "ledger-files" / "sources").iterdir()
    )


def test_backup_on_a_full_disk_says_how_much_it_needs(small_disk: Path) -> None:
    db = _store_on(small_disk)
    filler = small_disk / "filler.bin"
    room = shutil.disk_usage(small_disk).free - db.stat().st_size // 2
    with filler.open("wb") as handle:
        handle.write(b"\0" * room)
    with Store.open(db) as store:
        with pytest.raises(UserError, match="磁盘空间不足") as caught:
            backups.backup_now(store)
        assert "约需" in caught.value.message and "可用" in caught.value.message
        assert backups.store_backups(store) == []
    assert _leftovers(small_disk) == []
    assert [p.name for p in (small_disk / "backups").iterdir()] == []  # no partial folder
