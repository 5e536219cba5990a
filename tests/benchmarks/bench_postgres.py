"""A server ledger beside a store file: ``python3 tests/benchmarks/bench_postgres.py [--items N]``.

Builds (once) the store file of bench_store.py (items shaped like seed 001), starts a throw-away
PostgreSQL server (tests/pgserver.py: Unix socket, fsync off, as ``nobody`` when root), copies
the file onto it with copy-store and back again, and times the same questions on both engines:
opening with the first page, a page by deadline, counts by status and department, and the first
page of searches of 1, 2, 3 and 4 characters; then starts the real window (bench_ui.py's
measured process, offscreen) on each and reports window start to first rows and what a clerk
does next. Figures are medians in milliseconds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

from bench_store import build, timed  # noqa: E402
from pgserver import PgServer  # noqa: E402

from rectdesk.domain.model import Assignment, BatchDraft, BatchKind, ItemDraft  # noqa: E402
from rectdesk.domain.query import ItemQuery  # noqa: E402
from rectdesk.services.copying import copy_store  # noqa: E402
from rectdesk.store import Store, open_store  # noqa: E402

TODAY = dt.date(2024, 6, 1)


def questions(store: Store) -> dict[str, Callable[[], object]]:
    base = ItemQuery(today=TODAY)
    return {
        "page of 100 by deadline": lambda: store.items(
            ItemQuery(sort="deadline", limit=100, today=TODAY)
        ),
        "page of 100, source order": lambda: store.items(ItemQuery(limit=100, today=TODAY)),
        "count by status": lambda: store.count_by_status(base),
        "count by department": lambda: store.count_by_department(base),
        "count by dept, filtered": lambda: store.count_by_department(
            ItemQuery(today=TODAY, overdue=True)
        ),
        "overdue count": lambda: store.count_items(ItemQuery(overdue=True, today=TODAY)),
        "all ids (window model)": lambda: store.item_ids(base),
        "search 4 chars, page 1": lambda: store.items(ItemQuery(search="中医药局", limit=100)),
        "search 3 chars, page 1": lambda: store.items(ItemQuery(search="培训班", limit=100)),
        "search 3 chars rare": lambda: store.items(ItemQuery(search="第99999条", limit=100)),
        "search 2 chars, page 1": lambda: store.items(ItemQuery(search="医院", limit=100)),
        "search 1 char, page 1": lambda: store.items(ItemQuery(search="药", limit=100)),
        "search 2 chars rare": lambda: store.items(ItemQuery(search="鲸鱼", limit=100)),
        "search 1 char rare": lambda: store.items(ItemQuery(search="鲸", limit=100)),
        "search count, 2 chars": lambda: store.count_items(ItemQuery(search="医院")),
    }


def add_items(target: Path | str, count: int = 10_000) -> float:
    """Milliseconds to add ``count`` items to a new ledger in one call (as an import does)."""
    drafts = [
        ItemDraft(content=f"基层医疗机构药品管理不规范问题第{n}条" * 8, seq=str(n),
                  departments=[Assignment("医政处"), Assignment("药政处")], extra={"批示": "x"})
        for n in range(count)
    ]  # fmt: skip
    with open_store(target) as store:
        batch = store.add_batch(BatchDraft(BatchKind.OTHER, "导入"))
        started = time.perf_counter()
        store.add_items(batch, drafts)
        return (time.perf_counter() - started) * 1000


def edits(target: Path | str, count: int = 10_000) -> dict[str, float]:
    """Median milliseconds of a clerk's edits through the services, on a ledger of ``count``.

    One field of one item (the detail panel), its undo, and a status change of 100 items (a
    bulk edit): each one transaction with its undo snapshots and, where the program has row
    versions, the claim of the versions seen.
    """
    from rectdesk.domain.model import Status
    from rectdesk.services.items import ItemService

    add_items(target, count)
    with open_store(target) as store:
        service = ItemService(store, "张三")
        ids = store.item_ids(ItemQuery(limit=100))
        step = iter(range(1_000_000))
        done: list[object] = []

        def edit() -> None:
            command = service.edit(ids[0], {"owner": f"科员{next(step)}"})
            command.do()
            done.append(command)

        def undo() -> None:
            command = service.edit(ids[1], {"owner": f"科员{next(step)}"})
            command.do()
            started = time.perf_counter()
            command.undo()
            undos.append((time.perf_counter() - started) * 1000)

        undos: list[float] = []
        statuses = iter([Status.IN_PROGRESS, Status.PENDING] * 50)

        def bulk() -> None:
            service.set_status(ids, next(statuses)).do()

        figures = {"edit one field": timed(edit, 21), "bulk status, 100 items": timed(bulk, 7)}
        for _ in range(21):
            undo()
        figures["undo one field"] = sorted(undos)[len(undos) // 2]
        return figures


def window(target: Path | str, runs: int = 3) -> dict[str, float]:
    """Medians of bench_ui.py's window figures, each run a fresh process (as a clerk starts)."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "rectdesk-bench-pycache")
    subprocess.run([sys.executable, "-c", "import rectdesk.ui.main_window"], env=env, check=True)
    where = ["--server", target] if isinstance(target, str) else ["--db", str(target)]
    found: list[dict[str, float]] = []
    for _ in range(runs):
        started = time.time()
        output = subprocess.run(
            [sys.executable, str(HERE / "bench_ui.py"), *where, "--child", repr(started)],
            env=env, capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        found.append(json.loads(output.strip().splitlines()[-1]))
    return {key: sorted(run[key] for run in found)[len(found) // 2] for key in found[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/rectdesk-bench/bench.sqlite3"))
    parser.add_argument(
        "--edits-only", action="store_true",
        help="only time edits through the services, on new ledgers of 10,000 items",
    )  # fmt: skip
    parser.add_argument("--window-only", action="store_true", help="only the window figures")
    args = parser.parse_args()
    if args.edits_only:
        print_edits()
        return
    if not args.db.exists():
        args.db.parent.mkdir(parents=True, exist_ok=True)
        seconds, _ = build(args.db, args.items)
        print(f"built the store file: {args.items} items in {seconds:.1f} s")
    with Store.open(args.db) as store:  # a file built by an older version is brought up to date
        count = store.count_items()
    print(f"store file: {args.db} ({count} items, {args.db.stat().st_size / 1e6:.0f} MB)")

    server = PgServer.create()
    scratch = Path(tempfile.mkdtemp(prefix="rectdesk-bench-pg-"))
    try:
        url = server.create_database("bench")
        started = time.perf_counter()
        report = copy_store(args.db, url, target_files=scratch / "shared")
        print(f"copy-store file -> server:  {time.perf_counter() - started:8.1f} s"
              f" ({sum(report.rows.values())} rows, verified)")  # fmt: skip
        server.execute("VACUUM ANALYZE", dbname="bench")
        if not args.window_only:
            engines(args.db, url, server, scratch)
        on_file, on_server = window(args.db), window(url)
        print(f"\n{'window (median of 3 starts)':<40}{'SQLite':>10}{'PostgreSQL':>12}")
        for key, value in on_file.items():
            print(f"{key + ':':<40}{value:10.1f}{on_server.get(key, float('nan')):12.1f}")
    finally:
        server.stop()
        shutil.rmtree(scratch, ignore_errors=True)


def print_edits() -> None:
    """Edit timings on a store file and on a throw-away server, side by side."""
    server = PgServer.create()
    scratch = Path(tempfile.mkdtemp(prefix="rectdesk-bench-edit-"))
    try:
        on_file = edits(scratch / "edits.sqlite3")
        on_server = edits(server.create_database("edits"))
        print(f"{'(median ms, 10,000 items)':<28}{'SQLite':>10}{'PostgreSQL':>12}")
        for name, value in on_file.items():
            print(f"{name + ':':<28}{value:10.1f}{on_server[name]:12.1f}")
    finally:
        server.stop()
        shutil.rmtree(scratch, ignore_errors=True)


def engines(db: Path, url: str, server: PgServer, scratch: Path) -> None:
    """The same questions asked of the store file and of the server, side by side."""
    started = time.perf_counter()
    copy_store(url, scratch / "back.sqlite3", source_files=scratch / "shared")
    print(f"copy-store server -> file:  {time.perf_counter() - started:8.1f} s")

    def first_rows(target: Path | str) -> Callable[[], object]:
        def run() -> object:
            with open_store(target, readonly=True) as store:
                return store.items(ItemQuery(sort="deadline", limit=100, today=TODAY))

        return run

    print(f"\n{'(median ms)':<28}{'SQLite':>10}{'PostgreSQL':>12}")
    print(f"{'open + first page':<28}{timed(first_rows(db), 5):10.1f}"
          f"{timed(first_rows(url), 5):12.1f}")  # fmt: skip
    print(f"{'add 10,000 items (import)':<28}{add_items(scratch / 'add.sqlite3'):10.1f}"
          f"{add_items(server.create_database('adding')):12.1f}")  # fmt: skip
    with Store.open(db, readonly=True) as file_store, open_store(url) as server_store:
        print(f"(server search index: {'pg_trgm' if server_store.search_indexed else 'none'})")
        for (name, on_file), on_server in zip(
            questions(file_store).items(), questions(server_store).values(), strict=True
        ):
            print(f"{name + ':':<28}{timed(on_file, 5):10.1f}{timed(on_server, 5):12.1f}")


if __name__ == "__main__":
    main()
