"""Crashes Python cannot catch (a fault inside Qt) still leave a trace, and the next start says so.

While the window runs, ``faulthandler`` is armed on a file of its own in the log folder, and a
marker file beside it is held under an operating-system lock. A clean exit removes both. At
the next start a marker whose lock nobody holds belongs to a run that ended without closing:
its fault report (the Python stacks of every thread, no ledger data) is copied into the log,
and the window tells the clerk which file to send.
"""

from __future__ import annotations

import datetime as dt
import faulthandler
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from rectdesk.app.logs import log_path
from rectdesk.store.lock import StoreLock

log = logging.getLogger("rectdesk.app.faults")

#: A running window's marker (its lock file is the same name + ".lock").
MARKER = "running-{pid}"
#: Where faulthandler writes when the process dies of a fault.
FAULTS = "faults-{pid}.log"
#: Characters of a fault report copied into the log (the stacks of a few threads).
REPORT_CHARS = 20_000


@dataclass(frozen=True)
class EarlierEnd:
    """A run that ended without closing its window."""

    pid: int
    started: dt.datetime
    #: What faulthandler wrote ("" after a forced kill or a power cut).
    report: str


class CrashTrace:
    """Arm the fault handler for this run; find the runs before it that did not end cleanly."""

    def __init__(self, folder: Path | None = None, *, pid: int | None = None) -> None:
        self.folder = folder if folder is not None else log_path().parent
        self.pid = os.getpid() if pid is None else pid
        self._lock: StoreLock | None = None
        self._file: IO[str] | None = None

    def _marker(self, pid: int) -> Path:
        return self.folder / MARKER.format(pid=pid)

    def _faults(self, pid: int) -> Path:
        return self.folder / FAULTS.format(pid=pid)

    def collect(self) -> list[EarlierEnd]:
        """Earlier runs that ended unexpectedly (their traces are logged, then removed)."""
        found: list[EarlierEnd] = []
        try:
            markers = sorted(self.folder.glob(MARKER.format(pid="*") + ".lock"))
        except OSError:
            return found
        for lock_file in markers:
            pid_text = lock_file.name[len("running-") : -len(".lock")]
            if not pid_text.isdigit() or (int(pid_text) == self.pid and self._lock is not None):
                continue  # not a marker, or this run's own
            pid = int(pid_text)
            lock = StoreLock(self._marker(pid))
            if not lock.acquire():
                continue  # another window is running now
            try:
                started = dt.datetime.fromtimestamp(lock_file.stat().st_mtime)
                report = _read_report(self._faults(pid))
            except OSError:
                lock.release()
                continue
            lock.release()
            for leftover in (self._faults(pid), lock_file):
                leftover.unlink(missing_ok=True)
            if report:
                log.error("the run started %s (process %d) ended by a fault:\n%s",
                          f"{started:%Y-%m-%d %H:%M}", pid, report)  # fmt: skip
            else:
                log.error("the run started %s (process %d) ended without closing its window",
                          f"{started:%Y-%m-%d %H:%M}", pid)  # fmt: skip
            found.append(EarlierEnd(pid, started, report))
        return found

    def arm(self) -> bool:
        """Hold this run's marker and send fault reports to its file; False if the folder fails."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            lock = StoreLock(self._marker(self.pid))
            if not lock.acquire():
                return False
            handle = open(self._faults(self.pid), "w", encoding="utf-8")  # noqa: SIM115 - kept open
        except OSError as exc:
            log.warning("fault reports cannot be written: %s", exc)
            return False
        self._lock, self._file = lock, handle
        faulthandler.enable(file=handle, all_threads=True)
        return True

    def start(self) -> list[EarlierEnd]:
        """Collect the earlier unexpected ends, then arm for this run."""
        earlier = self.collect()
        self.arm()
        return earlier

    def stop(self) -> None:
        """A clean exit: disarm and remove this run's marker and (empty) fault file."""
        if self._file is None:
            return
        faulthandler.disable()
        self._file.close()
        self._file = None
        self._faults(self.pid).unlink(missing_ok=True)
        if self._lock is not None:
            self._lock.release()
            self._lock = None
        (self.folder / (MARKER.format(pid=self.pid) + ".lock")).unlink(missing_ok=True)


def _read_report(path: Path) -> str:
    if not path.exists():
        return ""
    text = path.read_text(encoding="utf-8", errors="replace").strip()
    return text[:REPORT_CHARS]
