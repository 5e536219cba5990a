"""Noticing other clerks' changes, and a server that went away, while the window is open.

A thread of its own keeps one read-only connection and reads the ledger's change stamp every
few seconds (a single cheap statement, never on the GUI thread). Polling, not LISTEN/NOTIFY:
the same loop serves a store file written by another process (rectdesk-cli in a second
terminal) and a server; it needs no trigger in the schema and no connection held in a wait;
and the very read that looks for changes is the probe that sees the server go and come back.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, Signal

from rectdesk.domain.errors import ConnectionLostError, UserError
from rectdesk.domain.ledger import LedgerStore

log = logging.getLogger(__name__)

#: Seconds between two looks at the ledger.
INTERVAL = 2.0


class ChangeWatcher(QObject):
    """Emits ``changed`` when someone wrote to the ledger, ``lost``/``back`` for the server."""

    changed = Signal()
    #: The sentence saying the ledger cannot be reached.
    lost = Signal(str)
    back = Signal()

    def __init__(
        self, store: LedgerStore, parent: QObject | None = None, *, interval: float | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._interval = INTERVAL if interval is None else interval
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        #: Whether the last look failed (read on the GUI thread only after a signal).
        self.is_lost = False

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="ledger-watch", daemon=True)
            self._thread.start()

    def look_now(self) -> None:
        """Look at once instead of waiting for the next turn (重试)."""
        self._wake.set()

    def stop(self) -> None:
        """Stop looking and close the connection (waits for the thread)."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=2)  # a read stuck on a dead network ends with the process
            self._thread = None

    def _run(self) -> None:
        reader: LedgerStore | None = None
        stamp: object = None
        lost = False
        while not self._stop.is_set():
            try:
                if reader is None:
                    reader = self._store.reader()
                    fresh = reader.change_stamp()
                    if lost or stamp is not None:
                        stamp = None  # a new connection: anything may have changed meanwhile
                else:
                    fresh = reader.change_stamp()
                if lost:
                    lost = False
                    self.is_lost = False
                    self.back.emit()
                elif stamp is not None and fresh != stamp:
                    self.changed.emit()
                stamp = fresh
            except ConnectionLostError as exc:
                log.info("ledger out of reach: %s", exc.detail or type(exc).__name__)
                if reader is not None:
                    reader.close()
                    reader = None
                if not lost:
                    lost = True
                    self.is_lost = True
                    self.lost.emit(exc.message)
            except UserError as exc:  # a store file busy for a moment: look again later
                log.info("could not look for changes: %s", exc.detail or exc.template)
                if reader is not None:
                    reader.close()
                    reader = None
            except Exception:  # a bug must not stop the looking; it is logged
                log.exception("looking for changes failed")
            self._wake.wait(self._interval)
            self._wake.clear()
        if reader is not None:
            reader.close()
