"""A window open on a store file sees what another process wrote (rectdesk-cli in a second
terminal), without losing the selection or the scroll position.

A store file has one writer at a time, so the window that looks on is a read-only one (a
leader's, or a second window while the first one writes); typing kept while another clerk
writes is tested on a server ledger (tests/pg/test_server_away.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from rectdesk.services.context import AppContext
from rectdesk.services.ledger import open_ledger

#: Long enough for any slow machine; the test waits for an event, it does not time it.
PATIENCE = 30_000


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "rectdesk.cli", *args], capture_output=True, text=True,
        timeout=300, env={**os.environ, "RECTDESK_LANG": "zh"},
    )  # fmt: skip


def test_a_second_process_writing_shows_in_the_open_window(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rectdesk.ui import watcher
    from rectdesk.ui.main_window import MainWindow
    from rectdesk.ui.tasks import TaskRunner

    monkeypatch.setattr(watcher, "INTERVAL", 0.2)
    path = tmp_path / "台账.sqlite3"
    assert cli("--db", str(path), "demo").returncode == 0
    # A leader's window looks on; the clerk writes from the command line.
    store = open_ledger(path, readonly=True)
    context = AppContext(store=store, target=path)
    qsettings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(
        context, qsettings=qsettings, runner=TaskRunner(synchronous=True), watch=True
    )
    qtbot.addWidget(window)
    window.pages.setCurrentWidget(window.items_page)
    window.resize(1366, 500)
    window.show()
    qtbot.wait(20)  # laid out and its columns fitted, as a clerk sees it
    try:
        ids = store.item_ids()
        chosen, other = ids[25], ids[3]
        assert window.select_item(chosen)
        window.table.verticalScrollBar().setValue(window.table.verticalScrollBar().maximum())
        scroll = window.table.verticalScrollBar().value()

        written = cli("--db", str(path), "set-field", str(other), "remarks", "另一个程序写的")
        assert written.returncode == 0, written.stderr

        def shows() -> bool:
            row = window.model.row_of(other)
            item = window.model.item_at(row) if row is not None else None
            return item is not None and item.remarks == "另一个程序写的"

        qtbot.waitUntil(shows, timeout=PATIENCE)
        assert window.current_item_id() == chosen
        assert window.table.verticalScrollBar().value() == scroll

        # The panel shows the new text of its own item when nothing is being typed there.
        written = cli("--db", str(path), "set-field", str(chosen), "owner", "新的责任人")
        assert written.returncode == 0, written.stderr
        owner = window.detail.editor("owner")
        qtbot.waitUntil(lambda: owner.text() == "新的责任人", timeout=PATIENCE)
        assert not window.detail.notice.isVisible()
        assert window.current_item_id() == chosen
    finally:
        window.close()
        store.close()
