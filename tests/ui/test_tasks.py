"""Background work: results, errors and cancel come back to the GUI thread."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QThread

from rectdesk.store import ItemQuery, Store
from rectdesk.ui.tasks import Cancelled, Progress, TaskRunner, open_reader


def test_result_arrives_in_the_gui_thread(qtbot: Any, demo_store: Store, db_path: Path) -> None:
    runner = TaskRunner()
    seen: list[tuple[object, bool]] = []
    worker_threads: list[bool] = []

    def work(progress: Progress) -> int:
        worker_threads.append(QThread.currentThread() is runner.thread())
        with open_reader(demo_store) as store:
            return store.count_items(ItemQuery(search="医院"))

    handle = runner.run(
        work, lambda r: seen.append((r, QThread.currentThread() is runner.thread()))
    )
    with qtbot.waitSignal(handle.finished, timeout=5000):
        pass
    assert seen == [(15, True)]
    assert worker_threads == [False]
    assert not runner.busy


def test_errors_go_to_the_error_callback(qtbot: Any) -> None:
    runner = TaskRunner()
    errors: list[BaseException] = []

    def work(progress: Progress) -> None:
        raise ValueError("broken")

    handle = runner.run(work, lambda _r: None, on_error=errors.append)
    qtbot.waitUntil(lambda: handle.done, timeout=5000)
    assert [str(e) for e in errors] == ["broken"]


def test_cancel_drops_the_result(qtbot: Any) -> None:
    runner = TaskRunner()
    started = threading.Event()
    results: list[object] = []
    cancelled: list[bool] = []

    def work(progress: Progress) -> str:
        progress.report(0, 10, "…")
        started.set()
        while True:  # runs until cancelled: the check raises Cancelled
            progress.check()

    handle = runner.run(
        work, results.append, on_cancel=lambda: cancelled.append(True), title="正在统计"
    )
    assert started.wait(5)
    handle.cancel()
    qtbot.waitUntil(lambda: handle.done, timeout=5000)
    assert results == [] and cancelled == [True]
    assert runner.wait(5000)


def test_synchronous_runner_for_tests() -> None:
    runner = TaskRunner(synchronous=True)
    results: list[object] = []
    runner.run(lambda p: 41 + 1, results.append)
    assert results == [42]


def test_progress_check_raises_when_cancelled() -> None:
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        progress.report(1, 2)
