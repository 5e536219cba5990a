"""A guard against a Qt binding that gives up references to None, True and False.

PySide6 6.12.0 decrements None's reference count on every call that returns nothing
(``setText``, ``resize``, a ``parent()`` that is null …), and True's or False's each time Qt
asks some Python overrides for a yes or no (QWizardPage.isComplete, on every keystroke in
the import wizard's path field). From Python 3.12 these objects are immortal and nothing
happens; before it, their counts fall until the interpreter aborts with "deallocating None"
or "deallocating True or False" — a window that vanishes after a few thousand clicks, often
while a path is typed. The only binding that ships QtPdf as a wheel of its own
(PySide6-Pdf) is that release, so the dependency cannot simply be bounded below it.

The guard measures the loss with a few hundred harmless calls and, where it is real, gives
the three objects a reserve of references far larger than any process will give up, so they
are never freed — what Python 3.12 does by making them immortal. The reserve is written
through CPython's object header (the reference count is the header's first field in every
release build); the write is read back through ``sys.getrefcount`` and undone if it does not
show.
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


def true_references_lost(calls: int = PROBE_CALLS) -> int:
    """How many references to True Qt gives up asking a Python override ``calls`` times."""
    if sys.version_info >= (3, 12):
        return 0
    from PySide6.QtWidgets import QApplication, QWizard, QWizardPage

    if QApplication.instance() is None:
        return 0  # no widgets without an application: the None probe decides alone

    class Page(QWizardPage):
        def isComplete(self) -> bool:
            return True

    wizard = QWizard()
    page = Page()
    wizard.addPage(page)
    before = sys.getrefcount(True)
    for _ in range(calls):
        page.completeChanged.emit()  # the wizard asks isComplete() again
    lost = max(0, before - sys.getrefcount(True))
    wizard.deleteLater()
    return lost


def reserve_none_references() -> bool:
    """Add the reserve when the binding loses such references; True when it was added."""
    lost = {"None": none_references_lost(), "True": true_references_lost()}
    if max(lost.values()) < PROBE_CALLS // 2:
        return False
    if hasattr(sys, "gettotalrefcount"):
        # A debug build puts other fields first in the header: leave it alone.
        log.error("the Qt binding gives up references to None; debug build, not guarded")
        return False
    for constant in (None, True, False):
        if not _reserve(constant):
            log.error("the Qt binding gives up references to %r; the guard could not be set",
                      constant)  # fmt: skip
            return False
    from PySide6 import __version__ as binding_version

    log.warning(
        "PySide6 %s gives up references to None and to True/False (%s of %d calls); they"
        " were given a reserve of references so the interpreter does not abort",
        binding_version, lost, PROBE_CALLS,
    )  # fmt: skip
    return True


def _reserve(constant: object) -> bool:
    count = ctypes.c_ssize_t.from_address(id(constant))
    before = sys.getrefcount(constant)
    count.value += RESERVE
    if sys.getrefcount(constant) - before != RESERVE:
        count.value -= RESERVE
        return False
    return True
