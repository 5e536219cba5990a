"""Dashboard and bulk-edit benchmark: ``python3 tests/benchmarks/bench_dashboard.py``.

Uses (building once) the store of bench_store.py, 100,000 items by default, and times on a
copy of it: the overview's counts (service), the overview page's refresh (offscreen Qt), and a
close-off of 1,000 items with one evidence file, its undo and its redo.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from rectdesk.domain.lights import LightRules
from rectdesk.domain.model import Status
from rectdesk.services.dashboard import build_dashboard
from rectdesk.services.items import ItemService
from rectdesk.store import ItemQuery, Store

HERE = Path(__file__).resolve().parent
TODAY = dt.date(2024, 6, 1)


def _bench_store() -> object:
    spec = importlib.util.spec_from_file_location("bench_store", HERE / "bench_store.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def median_ms(fn: object, repeat: int = 5) -> float:
    """Median milliseconds of ``repeat`` runs after one warm-up."""
    assert callable(fn)
    fn()
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - started) * 1000)
    return statistics.median(runs)


def once_ms(fn: object) -> float:
    """Milliseconds of a single run."""
    assert callable(fn)
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/rectdesk-bench/bench.sqlite3"))
    parser.add_argument("--bulk", type=int, default=1_000)
    args = parser.parse_args()
    if not args.db.exists():
        args.db.parent.mkdir(parents=True, exist_ok=True)
        seconds, _raw = _bench_store().build(args.db, args.items)  # type: ignore[attr-defined]
        print(f"built {args.items} items in {seconds:.1f} s")

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite3"
        shutil.copyfile(args.db, path)
        store = Store.open(path)
        print(f"items in store:             {store.count_items():8d}")
        rules = LightRules()
        board = build_dashboard(store, today=TODAY, rules=rules)
        print(
            f"  overdue {board.overdue.count}, due soon {board.soon.count},"
            f" departments {len(board.departments)}, categories {len(board.categories)}"
        )
        print(
            "dashboard counts (service): "
            f"{median_ms(lambda: build_dashboard(store, today=TODAY, rules=rules)):8.1f} ms"
        )

        from PySide6.QtWidgets import QApplication

        from rectdesk.services.context import AppContext
        from rectdesk.ui.dashboard import DashboardPage

        app = QApplication.instance() or QApplication(sys.argv[:1])
        context = AppContext(store=store, target=path, today=lambda: TODAY)
        page = DashboardPage(context)
        page.resize(1280, 900)
        page.show()
        app.processEvents()

        def refresh() -> None:
            page.refresh()
            page.repaint()

        print(f"dashboard page refresh:     {median_ms(refresh):8.1f} ms")

        evidence = Path(folder) / "销号审批表.pdf"
        evidence.write_bytes(b"%PDF-1.4 " + b"x" * 200_000)
        ids = store.item_ids(ItemQuery(statuses=(Status.COMPLETED,), limit=args.bulk))
        command = ItemService(store, "bench").close_off(
            ids, TODAY, evidence=evidence, note="同意销号"
        )
        print(f"close off {len(ids)} items (do):  {once_ms(command.do):8.1f} ms")
        closed = store.count_items(ItemQuery(ids=tuple(ids), statuses=(Status.CLOSED,)))
        assert closed == len(ids), closed
        print(f"  undo:                     {once_ms(command.undo):8.1f} ms")
        assert store.count_items(ItemQuery(ids=tuple(ids), statuses=(Status.CLOSED,))) == 0
        print(f"  redo:                     {once_ms(command.do):8.1f} ms")
        page.close()
        store.close()


if __name__ == "__main__":
    main()
