"""The Qt binding must not free None: the guard finds a binding that would, and stops it."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from rectdesk.app import binding

#: A process that makes many calls returning nothing, and asks a Python override for a yes
#: many times, after the guard (if asked for) is set.
MANY_CALLS = textwrap.dedent(
    """
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication, QLineEdit, QWizard, QWizardPage
    from rectdesk.app import binding
    app = QApplication([])
    calls = max(sys.getrefcount(None), sys.getrefcount(True)) + 20_000
    if sys.argv[1] == "guarded":
        binding.reserve_none_references()

    class Page(QWizardPage):
        def isComplete(self):
            return True

    wizard = QWizard()
    page = Page()
    wizard.addPage(page)
    edit = QLineEdit()
    for _ in range(calls):
        edit.setText("整改")
        page.completeChanged.emit()
    print("alive")
    """
)


def _run(mode: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", MANY_CALLS, mode], capture_output=True, text=True, timeout=300
    )


def test_a_window_survives_more_calls_than_none_has_references() -> None:
    done = _run("guarded")
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "alive"


def test_the_guard_acts_only_on_a_binding_that_loses_references(qapp: object) -> None:
    lost = max(binding.none_references_lost(), binding.true_references_lost())
    if lost < binding.PROBE_CALLS // 2:
        before = sys.getrefcount(None)
        assert binding.reserve_none_references() is False
        assert sys.getrefcount(None) - before < binding.RESERVE
    else:
        # This binding is the broken one: unguarded, the same process dies.
        unguarded = _run("plain")
        assert unguarded.returncode != 0 and "deallocating" in unguarded.stderr


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_the_reserve_is_read_back(qapp: object) -> None:
    lost = max(binding.none_references_lost(), binding.true_references_lost())
    before = [sys.getrefcount(c) for c in (None, True, False)]
    added = binding.reserve_none_references()
    after = [sys.getrefcount(c) for c in (None, True, False)]
    if added:
        for old, new in zip(before, after, strict=True):
            assert new - old >= binding.RESERVE - 2 * binding.PROBE_CALLS
    else:
        assert lost < binding.PROBE_CALLS // 2
