"""A bounded wait for a server that no longer answers.

A server that stops or restarts closes its connections, and the next read fails at once. A pulled
cable, a router or VPN that died, a frozen server machine say nothing: packets are dropped and a
read waits for an answer that never comes. TCP alone gives up late (its keepalives probe an idle
line only; a statement sent waits out TCP's retransmissions, minutes by default) and not at all
when something in between still answers for the server (a VPN gateway, a connection pooler).
An edit runs on the window's thread, so the window would freeze for all that time.

So every wait for the server is watched. One that lasts ``PATIENCE`` seconds has a second, short
connection ask the server whether it is still working on it (``pg_stat_activity``): a long
statement, or one waiting for another clerk's lock, is left to finish and asked about again. When
nothing moved on the line since the wait began or was last asked about, and the server's session
has been idle for a while (its answer was lost on the way), or waits on the line, or the server
cannot be reached within ``PROBE_LIMIT`` seconds, the waiting socket is shut down: the read
returns at once, psycopg reports the connection lost, and the store says its one sentence. The
server rolls back the half-done transaction when it notices the connection gone. A clerk waits
behind a dead line about PATIENCE + PROBE_LIMIT seconds, never longer.
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import sys
import threading
import time
from typing import Any, TypeVar

import psycopg
from psycopg.abc import PQGen

log = logging.getLogger(__name__)

#: Seconds a wait lasts before the server is asked whether it is still working on it.
PATIENCE = 5.0
#: Seconds the question may take (a new connection and one read); no answer means gone.
PROBE_LIMIT = 5
#: Seconds a session must have been idle, while its client still waits, for the answer to be lost.
SETTLED = 2.0
#: Seconds between two looks at the waits.
TICK = 0.25
#: Seconds without a wait after which the looking thread sleeps until the next one.
QUIET = 10.0

RV = TypeVar("RV")

#: The session's state: working, waiting on the line (sending or reading), or idle since when.
_QUESTION = (
    "SELECT state = 'active', wait_event IN ('ClientRead', 'ClientWrite'),"
    " extract(epoch FROM now() - state_change) FROM pg_stat_activity WHERE pid = %s"
)

WORKING, ON_THE_LINE, GONE = "working", "on the line", "gone"


class Watch:
    """How to ask about one connection's session, and to cut its socket."""

    def __init__(self, target: str, options: dict[str, Any], pid: int, fileno: int) -> None:
        self.target = target
        self.options = {**options, "connect_timeout": PROBE_LIMIT, "autocommit": True,
                        "application_name": "RectDesk (is the line alive?)"}  # fmt: skip
        self.options.pop("options", None)  # a read-only default does not matter to the question
        self.pid = pid
        self.fileno = fileno

    def ask(self) -> str:
        """WORKING, ON_THE_LINE or GONE: what the server says of the session."""
        try:
            with psycopg.connect(self.target, **self.options) as conn:
                found = conn.execute(_QUESTION, [self.pid]).fetchone()
        except psycopg.Error as exc:
            if exc.sqlstate:  # the server answered (too many connections, say): it is there
                return WORKING
            return GONE
        if found is None:
            return GONE
        active, on_line, idle_for = found
        if active:
            return ON_THE_LINE if on_line else WORKING
        return GONE if float(idle_for or 0) >= SETTLED else WORKING


class _Wait:
    """One wait for the server, and what has been learnt about it."""

    def __init__(self, watch: Watch) -> None:
        self.watch = watch
        self.started = time.monotonic()
        self.next_question = self.started + PATIENCE
        self.asking_since: float | None = None
        #: How often the line was ready (data came in or went out) during the wait.
        self.moved = 0
        #: ``moved``, and the bytes not yet sent, when the server was last asked.
        self.moved_when_asked = 0
        self.unsent_when_asked = _unsent(watch.fileno)
        #: Why the wait was cut (None: it was not).
        self.cut: str | None = None


class _Watcher:
    """One thread for the process, looking at every wait in progress.

    A wait costs a lock and a set entry; the thread is woken only after a quiet spell, so
    a run of quick statements does not wake it for each one.
    """

    def __init__(self) -> None:
        self._lock = threading.Condition()
        self._waits: set[_Wait] = set()
        self._begun = 0
        self._sleeping = True
        self._thread: threading.Thread | None = None

    def begin(self, watch: Watch) -> _Wait:
        wait = _Wait(watch)
        with self._lock:
            self._waits.add(wait)
            self._begun += 1
            if self._sleeping:
                self._sleeping = False
                if self._thread is None:
                    self._thread = threading.Thread(
                        target=self._run, name="pg-liveness", daemon=True
                    )
                    self._thread.start()
                self._lock.notify()
        return wait

    def end(self, wait: _Wait) -> None:
        with self._lock:
            self._waits.discard(wait)

    def _run(self) -> None:
        begun, quiet_since = -1, time.monotonic()
        while True:
            now = time.monotonic()
            with self._lock:
                if self._waits or self._begun != begun:
                    begun, quiet_since = self._begun, now
                elif now - quiet_since > QUIET:
                    self._sleeping = True
                    while self._sleeping:
                        self._lock.wait()
                    continue
                waits = list(self._waits)
            for wait in waits:
                if wait.asking_since is None and now >= wait.next_question:
                    wait.asking_since = now
                    threading.Thread(
                        target=self._ask, args=(wait,), name="pg-liveness-ask", daemon=True
                    ).start()
                elif wait.asking_since is not None and now - wait.asking_since > PROBE_LIMIT + 1:
                    if self._moved(wait):
                        wait.asking_since = now  # slow to answer, but the line still moves
                    else:
                        self._cut(wait, "the server did not answer a second connection")
            with self._lock:
                self._lock.wait(TICK)

    def _ask(self, wait: _Wait) -> None:
        try:
            said = wait.watch.ask()
        except Exception:  # a bug in asking must not cut a healthy connection
            log.exception("could not ask the server about a wait")
            said = WORKING
        if said == WORKING or self._moved(wait):
            wait.next_question = time.monotonic() + PATIENCE
            wait.asking_since = None
        elif said == GONE:
            self._cut(wait, "the server's session has no statement running")
        else:
            self._cut(wait, "the server's session waits on the line and nothing moves")

    @staticmethod
    def _moved(wait: _Wait) -> bool:
        """Whether data came or went since the server was last asked.

        A long upload or a big result on a slow line looks to the server like a dead line (its
        session idle, or waiting on the line): only this side can tell them apart.
        """
        unsent = _unsent(wait.watch.fileno)
        moved = wait.moved != wait.moved_when_asked or unsent != wait.unsent_when_asked
        wait.moved_when_asked, wait.unsent_when_asked = wait.moved, unsent
        return moved

    def _cut(self, wait: _Wait, why: str) -> None:
        """Shut the waiting socket down, if the wait still goes on: its read returns at once."""
        with self._lock:
            if wait not in self._waits or wait.cut is not None:
                return
            wait.cut = why
            self._waits.discard(wait)
            # A second descriptor of the same socket: shutting it down ends the first's read,
            # and the first stays open (and its number taken) until psycopg closes it.
            with (
                contextlib.suppress(OSError),
                socket.socket(fileno=os.dup(wait.watch.fileno)) as line,
            ):
                line.shutdown(socket.SHUT_RDWR)
        log.info("gave up waiting for the server after %.0f s: %s", _age(wait), why)


def _age(wait: _Wait) -> float:
    return time.monotonic() - wait.started


_watcher = _Watcher()


class WatchedConnection(psycopg.Connection[Any]):
    """A psycopg connection whose every wait for the server is watched (see the module)."""

    watch: Watch | None = None

    def wait(self, gen: PQGen[RV], *args: Any, **kwargs: Any) -> RV:
        watch = self.watch
        if watch is None:
            return super().wait(gen, *args, **kwargs)
        wait = _watcher.begin(watch)
        try:
            return super().wait(_counted(gen, wait), *args, **kwargs)
        except psycopg.OperationalError as exc:
            if wait.cut is None:
                raise
            raise psycopg.OperationalError(
                f"no answer from the server for {_age(wait):.0f} s ({wait.cut})"
            ) from exc
        finally:
            _watcher.end(wait)


def _counted(gen: PQGen[RV], wait: _Wait) -> PQGen[RV]:
    """``gen`` as it is, counting the times the line was ready for it."""
    try:
        state = next(gen)
        while True:
            ready = yield state
            if ready:
                wait.moved += 1
            state = gen.send(ready)
    except StopIteration as done:
        return done.value  # type: ignore[no-any-return]


def _unsent(fileno: int) -> int | None:
    """Bytes the system still holds to send on the socket (Linux), or None where it does not say.

    A statement handed whole to the system's buffer goes out without a word to psycopg; on a slow
    line only the shrinking buffer shows that it moves.
    """
    if not sys.platform.startswith("linux"):
        return None
    import fcntl
    import termios

    try:
        held = fcntl.ioctl(fileno, termios.TIOCOUTQ, bytes(4))
    except OSError:
        return None
    return int.from_bytes(held, sys.byteorder)
