"""Slow work off the GUI thread, with a progress dialog that can cancel.

A task is a plain function ``work(progress) -> result``. It runs on a pool thread, must not
touch widgets, and opens its own store connection when it reads (``open_reader``). Results,
errors and progress come back to the GUI thread through queued signals. Tests swap in a
``TaskRunner(synchronous=True)`` that runs the function at once.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rectdesk.domain.ledger import LedgerStore
from rectdesk.services.context import AppContext

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """Raised inside a task when the clerk pressed 取消."""


class Progress:
    """What a running task sees: whether it was cancelled, and how to report progress."""

    def __init__(self, emit: Callable[[int, int, str], None] | None = None) -> None:
        self._cancel = threading.Event()
        self._settled = threading.Event()
        self._emit = emit

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set() and not self._settled.is_set()

    def settle(self) -> None:
        """Say the task is past its last point of return (a write committed): its result
        stands even if 取消 was pressed a moment too late."""
        self._settled.set()

    def cancel(self) -> None:
        """Ask the task to stop at its next check."""
        self._cancel.set()

    def check(self) -> None:
        """Raise Cancelled if the clerk cancelled (call between steps)."""
        if self.cancelled:
            raise Cancelled

    def report(self, done: int, total: int, text: str = "") -> None:
        """Say how far the task is; raises Cancelled when cancelled."""
        self.check()
        if self._emit is not None:
            self._emit(done, total, text)


@contextmanager
def open_reader(store: LedgerStore) -> Iterator[LedgerStore]:
    """A read-only connection of the task's own (connections stay in one thread)."""
    reader = store.reader()
    try:
        yield reader
    finally:
        reader.close()


@contextmanager
def open_writer(store: LedgerStore) -> Iterator[LedgerStore]:
    """A second writable connection to the window's store, for one long write on a worker."""
    writer = store.worker_writer()
    try:
        yield writer
    finally:
        writer.close()


#: Runs a read of the store (perhaps on another thread) and hands the result back.
Reader = Callable[[Callable[[LedgerStore], Any], Callable[[Any], None]], None]


def read_now(context: AppContext) -> Reader:
    """A reader that reads at once on the window's own connection."""

    def read(work: Callable[[LedgerStore], Any], done: Callable[[Any], None]) -> None:
        done(work(context.store))

    return read


class _Relay(QObject):
    """Lives in the GUI thread; signals emitted from the worker are queued to it."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class _Job(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], progress: Progress, relay: _Relay):
        super().__init__()
        self.setAutoDelete(True)
        self._work = work
        self._progress = progress
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work(self._progress)
        except Cancelled:
            self._relay.cancelled.emit()
        except BaseException as exc:  # reported to the GUI thread, never lost
            if self._progress.cancelled:
                self._relay.cancelled.emit()
            else:
                self._relay.failed.emit(exc)
        else:
            if self._progress.cancelled:
                self._relay.cancelled.emit()
            else:
                self._relay.succeeded.emit(result)


class TaskHandle(QObject):
    """A running task: cancel it, or wait for ``finished`` (success, failure or cancel)."""

    finished = Signal()

    def __init__(self, progress: Progress, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.progress = progress
        self.done = False
        self.relay = _Relay(self)

    def wire(self) -> None:
        """Mark the end after the caller's own callbacks have run."""
        for signal in (self.relay.succeeded, self.relay.failed):
            signal.connect(self._finish)
        self.relay.cancelled.connect(self._finish)

    def cancel(self) -> None:
        """Stop the task; its result will be dropped."""
        self.progress.cancel()

    def _finish(self, *_args: object) -> None:
        self.done = True
        self.finished.emit()


class ProgressWindow(QDialog):
    """A task's progress, with 取消; it keeps the window under it from input while shown.

    Not a QProgressDialog: a modal QProgressDialog runs the event loop inside setValue(), so
    a progress report could deliver the task's end — and the dialog's deletion — while
    setValue() was still running on it (a crash the randomized exercise found). Here a
    progress report only sets a bar.
    """

    canceled = Signal()

    def __init__(self, title: str, cancel_text: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._ended = False
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(360)
        self.label = QLabel(title, self)
        self.label.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)  # busy until the first report
        self.cancel_button = QPushButton(cancel_text, self)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignRight)

    def show_progress(self, done: int, total: int, text: str) -> None:
        """Show how far the task is (never runs the event loop)."""
        self.bar.setRange(0, max(total, 0))
        self.bar.setValue(min(done, total) if total > 0 else 0)
        if text:
            self.label.setText(text)

    def cancel(self) -> None:
        """Ask the task to stop; the window closes when the task has ended."""
        self.cancel_button.setEnabled(False)
        self.canceled.emit()

    def finish(self) -> None:
        """The task has ended: close and go."""
        self._ended = True
        self.hide()
        self.deleteLater()

    def reject(self) -> None:
        # Esc or the close box cancel the task instead of hiding its progress.
        if self._ended:
            super().reject()
        elif self.cancel_button.isEnabled():
            self.cancel()


class TaskRunner(QObject):
    """Starts tasks on a thread pool (or at once, for tests)."""

    def __init__(self, parent: QObject | None = None, *, synchronous: bool = False) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._running: set[TaskHandle] = set()

    def run(
        self,
        work: Callable[[Progress], Any],
        on_done: Callable[[Any], None],
        *,
        on_error: Callable[[BaseException], None] | None = None,
        on_cancel: Callable[[], None] | None = None,
        title: str | None = None,
        parent: QWidget | None = None,
        blocking: bool = False,
    ) -> TaskHandle:
        """Run ``work`` in the background; ``title`` shows a cancellable progress dialog.

        The dialog keeps ``parent``'s window (and the windows under it) from input while the
        task runs; ``blocking`` shows it at once instead of after a moment.
        """
        progress = Progress()
        handle = TaskHandle(progress, self)
        relay = handle.relay
        progress._emit = relay.progressed.emit
        relay.succeeded.connect(on_done)
        relay.failed.connect(on_error or _reraise)
        if on_cancel is not None:
            relay.cancelled.connect(on_cancel)
        handle.wire()
        if title is not None:
            self._attach_dialog(handle, title, parent, blocking)
        self._running.add(handle)
        handle.finished.connect(lambda: self._running.discard(handle))
        job = _Job(work, progress, relay)
        if self.synchronous:
            job.run()
        else:
            self._pool.start(job)
        return handle

    def _attach_dialog(
        self, handle: TaskHandle, title: str, parent: QWidget | None, blocking: bool
    ) -> None:
        window = ProgressWindow(title, self.tr("取消"), parent)
        window.canceled.connect(handle.cancel)
        handle.relay.progressed.connect(window.show_progress)
        if blocking and not self.synchronous:
            window.show()
        else:
            # Quick tasks finish without a flash of a window.
            QTimer.singleShot(400, window, lambda: None if handle.done else window.show())
        handle.finished.connect(window.finish)

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait for the pool to drain (on close, so no worker outlives the store)."""
        for handle in list(self._running):
            handle.cancel()
        return bool(self._pool.waitForDone(msecs))

    @property
    def busy(self) -> bool:
        """Whether a task is still running."""
        return bool(self._running)


def _reraise(exc: BaseException) -> None:
    # No error handler given: let the crash hook (or pytest) see it in the GUI thread.
    raise exc
