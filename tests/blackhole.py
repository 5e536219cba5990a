"""A TCP forwarder in front of a test server that can fall silent, as a pulled cable does.

``Proxy(target)`` listens on a free port of 127.0.0.1 and carries every connection on to
``target`` (the path of the server's Unix socket, or a (host, port) pair). ``blackhole()`` stops
it carrying and reading, in both directions, without closing anything: a client waits for an
answer that never comes and gets no error. ``forward()`` carries on with what was held back.
``blackhole_on(marker)`` falls silent when a client sends bytes holding ``marker`` (before they
reach the server), to cut a write at a chosen statement; ``throttle(rate)`` makes the line slow.

Only the forwarding falls silent, not TCP: the proxy's side still acknowledges what arrives, as a
VPN gateway or a connection pooler in front of a dead server does. The client sees what it sees
behind a pulled cable: no answer, no error, no closed connection.
"""

from __future__ import annotations

import contextlib
import select
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path


class Proxy:
    """A forwarder on ``127.0.0.1:port`` in front of ``target``."""

    def __init__(self, target: Path | tuple[str, int]) -> None:
        self._target = target
        self._flowing = threading.Event()
        self._flowing.set()
        self._marker: bytes | None = None
        self._rate: int | None = None
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._closed = False
        self._listener = socket.socket()
        # A line's worth of buffer, not the megabytes loopback grows to: a client sending more
        # than a slow line carries waits to send, as it would on that line.
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 65536)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen()
        self.port: int = self._listener.getsockname()[1]
        threading.Thread(target=self._accept, name="proxy-accept", daemon=True).start()

    def url(self, dbname: str, user: str) -> str:
        """A libpq URL reaching ``dbname`` through the proxy, over TCP."""
        return f"postgresql://{user}@127.0.0.1:{self.port}/{dbname}"

    def blackhole(self) -> None:
        """Stop forwarding and reading; keep every connection open."""
        self._flowing.clear()

    def blackhole_on(self, marker: bytes) -> None:
        """Fall silent as soon as a client sends ``marker`` (it is held back with the rest)."""
        self._marker = marker

    def throttle(self, rate: int | None) -> None:
        """Carry at most ``rate`` bytes a second each way, as a slow line does (None: no limit)."""
        self._rate = rate

    def forward(self) -> None:
        """Carry on forwarding, what was held back first."""
        self._marker = None
        self._flowing.set()

    @property
    def silent(self) -> bool:
        return not self._flowing.is_set()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            sockets, self._sockets = self._sockets, []
        self._flowing.set()
        for sock in [self._listener, *sockets]:
            with contextlib.suppress(OSError):
                sock.close()

    def __enter__(self) -> Proxy:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- the threads ---------------------------------------------------------------------

    def _connect(self) -> socket.socket:
        if isinstance(self._target, Path):
            server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            server.connect(str(self._target))
            return server
        return socket.create_connection(self._target)

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return  # closed
            try:
                server = self._connect()
            except OSError:
                client.close()
                continue
            with self._lock:
                if self._closed:
                    client.close()
                    server.close()
                    return
                self._sockets += [client, server]
            for source, sink, watch in ((client, server, True), (server, client, False)):
                threading.Thread(
                    target=self._pump, args=(source, sink, watch), name="proxy-pump", daemon=True
                ).start()

    def _pump(self, source: socket.socket, sink: socket.socket, watch: bool) -> None:
        held = b""
        with contextlib.suppress(OSError, ValueError):
            for data in self._chunks(source):
                marker = self._marker
                if watch and marker is not None and marker in held + data:
                    self._marker = None
                    self._flowing.clear()
                held += data
                self._flowing.wait()
                if self._closed:
                    return
                sink.sendall(held)
                held = b""
            self._flowing.wait()
            sink.sendall(held)
            sink.shutdown(socket.SHUT_WR)

    def _chunks(self, source: socket.socket) -> Iterator[bytes]:
        """What ``source`` sends, read only while forwarding; ends at its end."""
        while not self._closed:
            self._flowing.wait()
            ready, _, _ = select.select([source], [], [], 0.2)
            if not ready or not self._flowing.is_set():
                continue
            rate = self._rate
            data = source.recv(65536 if rate is None else max(1, rate // 20))
            if not data:
                return
            if rate is not None:
                time.sleep(len(data) / rate)
            yield data
