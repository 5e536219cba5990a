"""Killed exports leave hidden ``.part`` files; the next write there, or the next start, removes
them, and never the file of a write still running."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from rectdesk.fileio import write_bytes_atomic
from rectdesk.ui.recovery import clean_leftover_parts

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is a POSIX signal")

#: An export in the middle of writing its temporary file; it finishes on a line on stdin.
EXPORT = """
import sys
from pathlib import Path
from rectdesk.fileio import atomic_path
with atomic_path(Path(sys.argv[1])) as temporary:
    with open(temporary, "wb") as handle:
        handle.write(b"%PDF" + b"x" * 2_000_000)
    print("ready", flush=True)
    sys.stdin.readline()
print("done", flush=True)
"""


@pytest.fixture
def export(tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    process = subprocess.Popen(
        [sys.executable, "-c", EXPORT, str(tmp_path / "out" / "整改台账.pdf")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "ready"
    try:
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=60)
        for stream in (process.stdin, process.stdout):
            if stream is not None:
                stream.close()


def _parts(folder: Path) -> list[Path]:
    return sorted(folder.glob(".*.part"))


def _age(path: Path, seconds: float = 60) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_the_next_export_to_the_folder_removes_a_killed_ones_part(
    tmp_path: Path, export: subprocess.Popen[str]
) -> None:
    os.kill(export.pid, signal.SIGKILL)
    export.wait(timeout=60)
    [part] = _parts(tmp_path / "out")
    assert part.stat().st_size > 2_000_000
    write_bytes_atomic(tmp_path / "out" / "下一份.xlsx", b"PK")
    assert part.exists()  # written to a moment ago: left for now
    _age(part)
    write_bytes_atomic(tmp_path / "out" / "下一份.xlsx", b"PK")
    assert _parts(tmp_path / "out") == []
    assert (tmp_path / "out" / "下一份.xlsx").read_bytes() == b"PK"


def test_a_running_exports_part_is_never_taken(
    tmp_path: Path, export: subprocess.Popen[str]
) -> None:
    [part] = _parts(tmp_path / "out")
    _age(part, 3600)  # old, but its writer is alive
    write_bytes_atomic(tmp_path / "out" / "另一份.docx", b"PK")
    assert part.exists()
    assert export.stdin is not None and export.stdout is not None
    export.stdin.write("\n")
    export.stdin.flush()
    assert export.stdout.readline().strip() == "done"
    export.wait(timeout=60)
    assert (tmp_path / "out" / "整改台账.pdf").stat().st_size == 2_000_004
    assert _parts(tmp_path / "out") == []


def test_start_up_removes_parts_in_the_folders_the_clerk_saved_to(
    qtbot: QtBot, tmp_path: Path, export: subprocess.Popen[str]
) -> None:
    os.kill(export.pid, signal.SIGKILL)
    export.wait(timeout=60)
    [part] = _parts(tmp_path / "out")
    stray = tmp_path / "out" / ".notes-abcdefgh.part.keep"  # not a name RectDesk makes
    stray.write_text("x")
    _age(stray)
    _age(part)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("folders/report", str(tmp_path / "out"))
    removed = clean_leftover_parts(tmp_path / "store" / "ledger.sqlite3", settings)
    assert removed == [part] and not part.exists() and stray.exists()
