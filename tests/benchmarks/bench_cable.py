"""How long a clerk waits when the line to the server goes silent: ``python3 bench_cable.py``.

Starts a throw-away server (tests/pgserver.py) behind a forwarder that can fall silent
(tests/blackhole.py) and times, in seconds: a read on a connection left idle, a write cut in the
middle of its transaction, a reconnection (重试) while the line is silent, the window's watcher
saying lost and back, rectdesk-cli editing through a silent line (from the start, and cut at its
UPDATE), and, once the line carries again, the reconnection. A wait longer than ``--cap``
seconds is given up and reported as such.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent)]

from blackhole import Proxy  # noqa: E402
from pgserver import SUPERUSER, PgServer  # noqa: E402

from rectdesk.services import ledger as ledgers  # noqa: E402
from rectdesk.services.demo import load_demo  # noqa: E402


def waited(work: Callable[[], Any], cap: float) -> tuple[float | None, str]:
    """(seconds until ``work`` ended, how it ended); None when it still waits after ``cap``."""
    ended: list[str] = []

    def run() -> None:
        try:
            work()
            ended.append("returned")
        except Exception as exc:  # what ended it is the measurement
            ended.append(type(exc).__name__)

    start = time.monotonic()
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(cap)
    if thread.is_alive():
        return None, f"still waiting after {cap:.0f} s"
    return round(time.monotonic() - start, 1), ended[0]


def watched(store: Any, proxy: Proxy, cap: float) -> dict[str, float | None]:
    """Seconds until the window's watcher (looking every 2 s) says lost, and then back."""
    from PySide6.QtCore import QCoreApplication

    from rectdesk.ui.watcher import ChangeWatcher

    _app = QCoreApplication.instance() or QCoreApplication([])
    seen: dict[str, threading.Event] = {"lost": threading.Event(), "back": threading.Event()}
    watcher = ChangeWatcher(store)
    watcher.lost.connect(lambda _said: seen["lost"].set())
    watcher.back.connect(seen["back"].set)
    watcher.start()
    for _ in range(60):  # a look or two on a working line
        QCoreApplication.processEvents()
        time.sleep(0.05)
    found: dict[str, float | None] = {}
    for event, line in (("lost", proxy.blackhole), ("back", proxy.forward)):
        start = time.monotonic()
        line()
        while not seen[event].is_set() and time.monotonic() - start < cap:
            QCoreApplication.processEvents()  # the signals come from the watcher's thread
            time.sleep(0.05)
        done = seen[event].is_set()
        found[f"watcher says {event}"] = round(time.monotonic() - start, 1) if done else None
    watcher.stop()
    return found


def cli(url: str, cap: float, *args: str) -> tuple[float | None, int | str, str]:
    """(seconds, exit code, the start of what it said); None when it still waits after ``cap``."""
    start = time.monotonic()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "rectdesk.cli", "--db", url, *args], capture_output=True,
            text=True, env={**os.environ, "RECTDESK_LANG": "zh"}, check=False, timeout=cap,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        return None, f"still waiting after {cap:.0f} s", ""
    return round(time.monotonic() - start, 1), done.returncode, done.stderr.strip()[:40]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cap", type=float, default=90.0)
    cap = parser.parse_args().cap
    server = PgServer.create()
    figures: dict[str, Any] = {}
    try:
        server.create_database("ledger")
        with ledgers.open_ledger(server.url("ledger")) as store:
            load_demo(store, actor="测试")
        with Proxy(server.socket_dir / ".s.PGSQL.5432") as proxy:
            url = proxy.url("ledger", SUPERUSER)
            store = ledgers.open_ledger(url)
            first, second = store.item_ids()[:2]

            proxy.blackhole()
            figures["idle read"] = waited(lambda: store.item(first), cap)
            proxy.forward()
            figures["reconnect"] = waited(store.reconnect, cap)

            def cut_write() -> None:
                with store.transaction():
                    store.update_item(first, {"remarks": "写了一半"}, actor="测试")
                    proxy.blackhole()
                    store.update_item(second, {"remarks": "写不进去"}, actor="测试")

            figures["write cut mid-transaction"] = waited(cut_write, cap)
            proxy.forward()
            figures["reconnect after the cut"] = waited(store.reconnect, cap)
            figures["half-written remark kept"] = store.item(first).remarks == "写了一半"
            proxy.blackhole()
            figures["reconnect (重试) while silent"] = waited(store.reconnect, cap)
            proxy.forward()
            store.reconnect()
            figures.update(watched(store, proxy, cap))
            store.close()

            proxy.blackhole()
            edit = ("set-field", "1", "remarks")
            figures["cli edit, silent from the start"] = cli(url, cap, *edit, "甲")
            proxy.forward()
            proxy.blackhole_on(b"UPDATE")
            figures["cli edit, cut at its UPDATE"] = cli(url, cap, *edit, "乙")
            proxy.forward()
            figures["cli edit after"] = cli(url, cap, *edit, "丙")
    finally:
        server.stop()
    print(json.dumps(figures, ensure_ascii=False, indent=1))
    os._exit(0)  # threads still waiting on the silent line end with the process


if __name__ == "__main__":
    main()
