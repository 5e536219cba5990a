"""Report benchmark: ``python3 tests/benchmarks/bench_reports.py [--sizes 1000 2000]``.

Fills an in-memory store with items shaped like seed 001 (its 18 items, repeated), then
times every built-in template in every format, the seed's own 18-item plan (the designer's
preview) and the 100-item plan PDF, and checks that doubling the items at most about
doubles the time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from pathlib import Path

from rectdesk.domain.deadlines import parse_deadline
from rectdesk.domain.model import Assignment, BatchDraft, BatchKind, ItemDraft, Status
from rectdesk.reports.templates import BUILTINS
from rectdesk.services.paths import resource_dir
from rectdesk.services.reporting import export_report
from rectdesk.store import Store

TODAY = dt.date(2023, 11, 20)
FORMATS = ("pdf", "docx", "xlsx")
STATUSES = (Status.IN_PROGRESS, Status.CLOSED, Status.PENDING, Status.COMPLETED)


def seed_store(count: int) -> tuple[Store, int]:
    """A store holding ``count`` items copied round-robin from seed 001."""
    rows = json.loads((resource_dir() / "demo" / "seed001.json").read_text("utf-8"))["items"]
    store = Store.memory()
    batch = store.add_batch(BatchDraft(BatchKind.SOCIAL_REVIEW, "基准批次整改工作方案", year=2023))
    drafts = []
    for n in range(count):
        row = rows[n % len(rows)]
        status = STATUSES[n % len(STATUSES)]
        drafts.append(
            ItemDraft(
                content=row["content"],
                seq=str(n + 1),
                number=row.get("number"),
                category=row.get("category", ""),
                departments=[Assignment(d) for d in row.get("departments", [])],
                measures=row.get("measures", ""),
                outcomes=row.get("outcomes", ""),
                deadline=parse_deadline(row.get("deadline", ""), year=2023),
                status=status,
                closed_on=TODAY if status is Status.CLOSED else None,
                progress="已按措施推进，完成阶段性任务。" if n % 2 else "",
            )
        )
    store.add_items(batch, drafts)
    return store, batch


def timed(store: Store, batch: int, template: str, fmt: str, folder: Path) -> tuple[float, int]:
    """Seconds for one export, and its page count (PDF)."""
    started = time.perf_counter()
    result = export_report(
        store, template, fmt, folder / f"{template}.{fmt}", batch_id=batch, today=TODAY
    )
    return time.perf_counter() - started, result.pages or 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000])
    args = parser.parse_args(argv)
    results: dict[tuple[str, str, int], float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for size in (18, 100):
            store, batch = seed_store(size)
            timed(store, batch, "plan", "pdf", folder)  # warm up: fonts loaded once per process
            seconds, pages = timed(store, batch, "plan", "pdf", folder)
            print(f"plan pdf {size:>5} items: {seconds:6.3f} s, {pages} pages")
        for size in args.sizes:
            store, batch = seed_store(size)
            for template in BUILTINS:
                for fmt in FORMATS:
                    seconds, pages = timed(store, batch, template, fmt, folder)
                    results[(template, fmt, size)] = seconds
                    extra = f", {pages} pages" if pages else ""
                    print(f"{template:<10} {fmt:<5} {size:>5} items: {seconds:6.3f} s{extra}")
    if len(args.sizes) >= 2:
        small, large = args.sizes[0], args.sizes[-1]
        print(f"\nratio {large} / {small} items (linear would be {large / small:.1f}):")
        worst = 0.0
        for template in BUILTINS:
            for fmt in FORMATS:
                ratio = results[(template, fmt, large)] / max(results[(template, fmt, small)], 1e-6)
                worst = max(worst, ratio)
                print(f"  {template:<10} {fmt:<5} {ratio:5.2f}")
        print(f"worst ratio {worst:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
