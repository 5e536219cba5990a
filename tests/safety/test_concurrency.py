"""One writer per store, across real processes."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from rectdesk.domain.errors import StoreLockedError
from rectdesk.store import Store

HOLDER = """
import sys
from rectdesk.store import Store
store = Store.open(sys.argv[1])
print("ready", flush=True)
sys.stdin.readline()
store.close()
"""


@pytest.fixture
def holder(db_path: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process that has the store open for writing until told to stop."""
    Store.open(db_path).close()
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "ready"
    try:
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=30)
        for stream in (process.stdin, process.stdout):
            if stream is not None:
                stream.close()


def test_second_process_is_refused_with_a_clear_message(
    holder: subprocess.Popen[str], db_path: Path
) -> None:
    with pytest.raises(StoreLockedError, match="另一个 RectDesk 程序") as caught:
        Store.open(db_path)
    assert "只读" in caught.value.message
    with Store.open(db_path, readonly=True) as reader:
        assert reader.readonly and reader.count_items() == 0


def test_second_cli_writer_exits_with_the_message(
    holder: subprocess.Popen[str], db_path: Path
) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "rectdesk.cli", "--db", str(db_path), "demo"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert result.returncode == 1
    assert "另一个 RectDesk 程序" in result.stderr
    assert "Traceback" not in result.stderr


def test_lock_is_freed_when_the_holder_is_killed(
    holder: subprocess.Popen[str], db_path: Path
) -> None:
    holder.kill()
    holder.wait(timeout=30)
    deadline = time.monotonic() + 10
    while True:
        try:
            Store.open(db_path).close()
            break
        except StoreLockedError:
            assert time.monotonic() < deadline, "lock not released after the holder died"


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or os.geteuid() != 0,
    reason="mounts a small tmpfs and makes it read-only",
)
def test_a_store_in_a_read_only_folder_opens_read_only(tmp_path: Path) -> None:
    medium = tmp_path / "光盘"
    medium.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(medium)], check=True)
    try:
        db = medium / "ledger.sqlite3"
        demo = subprocess.run(
            [sys.executable, "-m", "rectdesk.cli", "--db", str(db), "demo"],
            capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
        assert demo.returncode == 0, demo.stderr
        (db.parent / (db.name + ".lock")).unlink(missing_ok=True)
        subprocess.run(["mount", "-o", "remount,ro", str(medium)], check=True)
        with pytest.raises(StoreLockedError, match="不能写入"):
            Store.open(db)
        with Store.open(db, readonly=True) as reader:
            assert reader.count_items() > 0
        for args, code in ((["items", "--limit", "1"], 0), (["demo"], 1)):
            done = subprocess.run(
                [sys.executable, "-m", "rectdesk.cli", "--db", str(db), *args],
                capture_output=True, text=True, timeout=120, check=False,
            )  # fmt: skip
            assert done.returncode == code, done.stderr
            assert "Traceback" not in done.stderr
    finally:
        subprocess.run(["umount", "-l", str(medium)], check=False)
