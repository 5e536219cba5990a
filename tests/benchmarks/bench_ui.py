"""Window benchmark: ``python3 tests/benchmarks/bench_ui.py [--items 100000] [--db PATH]``.

Builds (once, with bench_store.build) a store of 100,000 items, then starts the real window in a
fresh process on the offscreen platform and reports, in milliseconds:

- process start to the main window painting its first rows (imports included);
- scrolling the table to its very last row (fetching every id on the way), and one screen
  at a time in the middle (each new screen loads its rows from the store);
- sorting by deadline (a header click);
- one search keystroke to the table repainted with the result;
- switching a smart view in the navigator;
- the process's resident memory (RSS) with the window open.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent


def rss_mb() -> float:
    """Resident memory of this process in MB (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def child(db: Path | str, started: float, check: bool) -> None:
    """Run in the measured process: open the window and time what a clerk does.

    ``db`` is a store file or a server ledger's address (bench_postgres.py runs it so).
    """
    from rectdesk.app.main import skip_unused_optional_imports

    skip_unused_optional_imports()  # as ``python3 -m rectdesk`` does
    from PySide6.QtCore import QEvent, QObject, QSettings
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    from rectdesk.app.application import make_application
    from rectdesk.services.context import AppContext
    from rectdesk.services.ledger import is_server, open_ledger
    from rectdesk.ui.columns import column_index
    from rectdesk.ui.main_window import MainWindow, module_available
    from rectdesk.ui.tasks import TaskRunner

    app = make_application()
    painted: list[float] = []
    check_started = time.perf_counter()
    on_server = is_server(db)
    if not on_server:
        db = Path(db)
    if check and not on_server and module_available("rectdesk.ui.recovery"):
        from rectdesk.ui import recovery

        recovery.check_before_open(Path(db))  # the start-up check application.run makes
    check_ms = (time.perf_counter() - check_started) * 1000

    class PaintWatch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                painted.append(time.time())
            return False

    store = open_ledger(db)
    ini = Path(tempfile.gettempdir()) / "rectdesk-bench-server.ui.ini"
    if not on_server:
        ini = Path(db).with_suffix(".ui.ini")
    settings = QSettings(str(ini), QSettings.Format.IniFormat)
    settings.clear()
    settings.setValue("window/page", 1)
    # As the application opens it: watching for other clerks' changes.
    window = MainWindow(AppContext(store, db), qsettings=settings, runner=TaskRunner(), watch=True)
    watch = PaintWatch()
    window.table.viewport().installEventFilter(watch)
    window.show()
    while not painted:
        app.processEvents()
    results = {
        "start to first rows": (painted[0] - started) * 1000,
        "  of which the start-up store check": check_ms,
    }

    def timed(action: Callable[[], object]) -> float:
        painted.clear()
        begin = time.perf_counter()
        action()
        while not painted:
            app.processEvents()
        return (time.perf_counter() - begin) * 1000

    def scroll_to_end() -> None:
        window.model.fetch_all()
        window.table.scrollToBottom()

    results["scroll to the end (fetch all ids)"] = timed(scroll_to_end)
    results["rows after scrolling"] = window.model.rowCount()
    results["scroll back to the top"] = timed(window.table.scrollToTop)
    bar = window.table.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    app.processEvents()
    steps = [timed(lambda: bar.setValue(bar.value() + bar.pageStep())) for _ in range(30)]
    results["one screen down, mid-table (mean of 30)"] = sum(steps) / len(steps)
    results["one screen down, slowest of 30"] = max(steps)
    window.table.scrollToTop()

    header = window.table.horizontalHeader()
    results["sort by deadline"] = timed(
        lambda: header.setSortIndicator(column_index("deadline"), header.sortIndicatorOrder())
    )

    def keystroke(text: str) -> Callable[[], None]:
        def commit() -> None:
            event = QInputMethodEvent("", [])
            event.setCommitString(text)
            QApplication.sendEvent(window.filter_bar.search, event)

        return commit

    results["search keystroke 医 (first of a word)"] = timed(keystroke("医"))
    window.filter_bar.clear()
    app.processEvents()
    results["search keystroke 凉坪村 (rare)"] = timed(keystroke("凉坪村"))
    window.filter_bar.clear()
    app.processEvents()
    results["switch smart view: 逾期"] = timed(lambda: window.navigator.select("overdue"))
    results["switch smart view: 整改中"] = timed(lambda: window.navigator.select("in_progress"))
    results["switch smart view: 全部事项"] = timed(lambda: window.navigator.select("all"))
    results["RSS with the window open (MB)"] = rss_mb()
    window.close()
    store.close()
    print(json.dumps(results, ensure_ascii=False))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/rectdesk-bench-ui/bench.sqlite3"))
    parser.add_argument("--server", help=argparse.SUPPRESS)  # a server ledger's address
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", type=float, help=argparse.SUPPRESS)
    parser.add_argument(
        "--no-check", action="store_true", help="leave out the start-up store check"
    )
    args = parser.parse_args()
    if args.child is not None:
        child(args.server or args.db, args.child, check=not args.no_check)
        return
    if not args.db.exists():
        sys.path.insert(0, str(HERE))
        from bench_store import build

        args.db.parent.mkdir(parents=True, exist_ok=True)
        seconds, _raw = build(args.db, args.items)
        print(f"built {args.items} items in {seconds:.0f} s")
    from rectdesk.store import Store

    Store.open(args.db).close()  # any pending migration runs here, not in a timed start
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    # An installed copy starts from compiled bytecode: keep it in a cache outside the tree
    # (a warm-up run fills it) rather than compiling every module on every start.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(args.db.parent / "pycache")
    subprocess.run([sys.executable, "-c", "import rectdesk.ui.main_window"], env=env, check=True)
    runs: list[dict[str, float]] = []
    for _ in range(args.runs):
        started = time.time()
        output = subprocess.run(
            [sys.executable, __file__, "--db", str(args.db), "--child", repr(started),
             *(["--no-check"] if args.no_check else [])],
            env=env, capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        runs.append(json.loads(output.strip().splitlines()[-1]))
    print(f"window on {args.db} ({args.runs} runs; ms unless noted):")
    print(f"  {'':<40}{'median':>10}{'best':>10}")
    for key in runs[0]:
        values = sorted(run[key] for run in runs)
        print(f"  {key + ':':<40}{values[len(values) // 2]:10.1f}{values[0]:10.1f}")


if __name__ == "__main__":
    main()
