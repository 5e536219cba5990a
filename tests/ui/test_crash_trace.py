"""A crash Python cannot catch leaves a fault report, and the next start names the log to send."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from rectdesk.app import application
from rectdesk.app.faults import CrashTrace
from rectdesk.app.logs import log_path
from rectdesk.store.lock import StoreLock

#: A run that arms the trace and then dies of a segmentation fault inside C code.
CRASHING_RUN = textwrap.dedent(
    """
    import ctypes, sys
    from pathlib import Path
    from rectdesk.app.faults import CrashTrace
    CrashTrace(Path(sys.argv[1])).arm()
    ctypes.string_at(0)
    """
)
#: A run that arms the trace and waits until its standard input closes, then exits cleanly.
WAITING_RUN = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from rectdesk.app.faults import CrashTrace
    trace = CrashTrace(Path(sys.argv[1]))
    trace.arm()
    print("armed", flush=True)
    sys.stdin.read()
    trace.stop()
    """
)


def _python(code: str, folder: Path, **kwargs: Any) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", code, str(folder)], text=True, stdout=subprocess.PIPE, **kwargs
    )


def test_a_segfault_is_reported_at_the_next_start(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    crashed = _python(CRASHING_RUN, tmp_path, stderr=subprocess.DEVNULL)
    crashed.communicate(timeout=60)
    assert crashed.returncode != 0
    caplog.set_level(logging.ERROR, logger="rectdesk.app.faults")
    ends = CrashTrace(tmp_path).collect()
    assert [end.pid for end in ends] == [crashed.pid]
    assert "Segmentation fault" in ends[0].report or "Fatal Python error" in ends[0].report
    assert "string_at" in ends[0].report  # the Python stack of the crash is there
    assert ends[0].report in caplog.text  # copied into the log the clerk is asked to send
    assert list(tmp_path.iterdir()) == []  # reported once, then cleared
    assert CrashTrace(tmp_path).collect() == []


def test_a_clean_exit_and_a_running_window_are_not_reported(tmp_path: Path) -> None:
    running = _python(WAITING_RUN, tmp_path, stdin=subprocess.PIPE)
    assert running.stdout is not None and running.stdout.readline().strip() == "armed"
    assert CrashTrace(tmp_path).collect() == []  # alive: its marker is locked
    running.communicate("", timeout=60)
    assert running.returncode == 0
    assert list(tmp_path.iterdir()) == []
    assert CrashTrace(tmp_path).collect() == []


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_killed_run_is_reported_without_a_fault_report(tmp_path: Path) -> None:
    running = _python(WAITING_RUN, tmp_path, stdin=subprocess.PIPE)
    assert running.stdout is not None and running.stdout.readline().strip() == "armed"
    os.kill(running.pid, signal.SIGKILL)
    running.communicate(timeout=60)
    ends = CrashTrace(tmp_path).collect()
    assert [(end.pid, end.report) for end in ends] == [(running.pid, "")]


def test_a_marker_whose_lock_is_held_is_a_live_run(tmp_path: Path) -> None:
    held = StoreLock(tmp_path / "running-1")  # a live run (here this process holds its lock)
    assert held.acquire()
    try:
        assert CrashTrace(tmp_path).collect() == []
    finally:
        held.release()
    assert [end.pid for end in CrashTrace(tmp_path).collect()] == [1]


def test_the_message_names_the_log_file_and_keeps_open_for_the_folder(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    crashed = _python(CRASHING_RUN, tmp_path, stderr=subprocess.DEVNULL)
    crashed.communicate(timeout=60)
    ends = CrashTrace(tmp_path).collect()
    opened: list[str] = []
    monkeypatch.setattr(
        application.QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile())
    )
    box = application.earlier_end_box(None, ends)
    qtbot.addWidget(box)
    box.show()
    assert str(log_path()) in box.text()
    assert "意外退出" in box.text()
    folder = next(b for b in box.buttons() if b.text() == "打开日志所在文件夹")
    folder.click()
    assert opened == [str(log_path().parent)]
    assert box.isVisible()
    assert isinstance(box, QMessageBox)
