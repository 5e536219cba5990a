"""A guard against a Qt binding that gives up references to None it never took.

PySide6 6.12.0 decrements None's reference count on every call that returns nothing
(``setText``, ``resize``, a ``parent()`` that is null …). From Python 3.12 None is immortal
and nothing happens; before it, None's count falls by one per call until the interpreter
aborts with "deallocating None" — a window that vanishes after a few thousand clicks, often
in the middle of an import. The only binding that ships QtPdf as a wheel of its own
(PySide6-Pdf) is that release, so the dependency cannot simply be bounded below it.

The guard measures the loss with a few hundred harmless calls and, where it is real, gives
None a reserve of references far larger than any process will give up, so it is never
freed — what Python 3.12 does by making None immortal. The reserve is written through
CPython's object header (the reference count is the header's first field in every release
build); the write is read back through ``sys.getrefcount`` and undone if it does not show.
"""

from __future__ import annotations

import ctypes
import logging
import sys

log = logging.getLogger("rectdesk.app.binding")

#: References added to None: 2**40 calls would take a process years.
RESERVE = 1 << 40
#: Calls made to measure the loss.
PROBE_CALLS = 200


def none_references_lost(calls: int = PROBE_CALLS) -> int:
    """How many references to None ``calls`` Qt calls that return nothing give up."""
    if sys.version_info >= (3, 12):
        return 0  # None is immortal: its count never moves
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(calls):
        probe.setObjectName("probe")
    return max(0, before - sys.getrefcount(None))


def reserve_none_references() -> bool:
    """Add the reserve when the binding loses references to None; True when it was added."""
    lost = none_references_lost()
    if lost < PROBE_CALLS // 2:
        return False
    if hasattr(sys, "gettotalrefcount"):
        # A debug build puts other fields first in the header: leave it alone.
        log.error("the Qt binding gives up references to None; debug build, not guarded")
        return False
    count = ctypes.c_ssize_t.from_address(id(None))
    before = sys.getrefcount(None)
    count.value += RESERVE
    if sys.getrefcount(None) - before != RESERVE:
        count.value -= RESERVE
        log.error("the Qt binding gives up references to None; the guard could not be set")
        return False
    from PySide6 import __version__ as binding_version

    log.warning(
        "PySide6 %s gives up a reference to None per call (%d of %d calls); None was given"
        " a reserve of references so the interpreter does not abort",
        binding_version, lost, PROBE_CALLS,
    )  # fmt: skip
    return True
