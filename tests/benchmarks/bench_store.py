"""Store benchmark: ``python3 tests/benchmarks/bench_store.py [--items 100000] [--db PATH]``.

Builds (once) a store of items shaped like seed 001 — about 1,100 characters of text each —
then times what the window and the command line do most: opening, a page sorted by deadline,
counts by status and department, and the first page of searches of every length.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from rectdesk.domain.model import (
    Assignment,
    BatchDraft,
    BatchKind,
    Deadline,
    DeadlineKind,
    ItemDraft,
    Status,
)
from rectdesk.services.paths import resource_dir
from rectdesk.store import ItemQuery, Store

DEPARTMENTS = [
    "办公室", "人事处", "财务处", "规划处", "医政处", "科教处", "疾控处", "妇幼处", "基层处",
    "宣传处", "监督处", "体改处", "药政处", "老龄处", "机关党委", "规划产业处", "中医处",
    "应急办", "法规处", "信息中心",
]  # fmt: skip


def _units(rng: random.Random) -> int:
    # As in the seed tables: most items name one unit, some two, a few three.
    return rng.choices([1, 2, 3], weights=[70, 25, 5])[0]


def build(path: Path, count: int, seed: int = 7) -> tuple[float, int]:
    """Create the test store; returns (seconds, raw text characters)."""
    rng = random.Random(seed)
    rows = json.loads((resource_dir() / "demo" / "seed001.json").read_text("utf-8"))["items"]
    pieces = [r["measures"] for r in rows] + [r["outcomes"] for r in rows]
    sentences = [s for p in pieces for s in p.replace("\n", "。").split("。") if len(s) > 8]
    raw = 0
    started = time.perf_counter()
    with Store.open(path) as store:
        batch_size = 10_000
        for start in range(0, count, batch_size):
            batch = store.add_batch(
                BatchDraft(BatchKind.SOCIAL_REVIEW, f"基准批次{start // batch_size + 1}", year=2023)
            )
            drafts = []
            for n in range(start, min(count, start + batch_size)):
                base = rows[n % len(rows)]
                measures = "。".join(rng.sample(sentences, 9)) + "。"
                outcomes = "。".join(rng.sample(sentences, 4)) + "。"
                content = base["content"] + f"（第{n}条）"
                day = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(0, 1000))
                draft = ItemDraft(
                    content=content,
                    seq=str(n - start + 1),
                    number=f"0220{n:012d}",
                    category=base["category"],
                    origin=rng.choice(["本系统市县两级干部职工", "南宁市青秀区", "龙胜县"]),
                    departments=[Assignment(d) for d in rng.sample(DEPARTMENTS, _units(rng))],
                    measures=measures[:700],
                    outcomes=outcomes[:300],
                    deadline=Deadline(
                        f"{day.year}年{day.month}月{day.day}日", day, DeadlineKind.DATE
                    ),
                    status=rng.choice(list(Status)),
                )
                raw += sum(len(t) for t in (content, draft.origin, draft.measures, draft.outcomes))
                drafts.append(draft)
            store.add_items(batch, drafts)
    return time.perf_counter() - started, raw


def timed(fn: Callable[[], object], repeat: int = 7) -> float:
    """Median milliseconds of ``repeat`` runs (after one warm-up)."""
    fn()
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - started) * 1000)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/rectdesk-bench/bench.sqlite3"))
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    if args.rebuild and args.db.exists():
        args.db.unlink()
    raw_file = args.db.with_suffix(".raw")
    if not args.db.exists():
        args.db.parent.mkdir(parents=True, exist_ok=True)
        seconds, raw = build(args.db, args.items)
        raw_file.write_text(str(raw))
        per_item = seconds / args.items * 1000
        print(f"built {args.items} items in {seconds:.1f} s ({per_item:.2f} ms/item)")
    raw = int(raw_file.read_text()) if raw_file.exists() else 0

    def open_close() -> None:
        Store.open(args.db).close()

    print(f"open store:                 {timed(open_close):8.1f} ms")
    store = Store.open(args.db)
    today = dt.date(2024, 6, 1)
    base = ItemQuery(today=today)
    results = {
        "page of 100 by deadline": lambda: store.items(
            ItemQuery(sort="deadline", limit=100, today=today)
        ),
        "page of 100, source order": lambda: store.items(ItemQuery(limit=100, today=today)),
        "count by status": lambda: store.count_by_status(base),
        "count by department": lambda: store.count_by_department(base),
        "overdue count": lambda: store.count_items(ItemQuery(overdue=True, today=today)),
        "all ids (window model)": lambda: store.item_ids(base),
        "search 4 chars, page 1": lambda: store.items(ItemQuery(search="中医药局", limit=100)),
        "search 3 chars, page 1": lambda: store.items(ItemQuery(search="培训班", limit=100)),
        "search 3 chars rare": lambda: store.items(ItemQuery(search="第99999条", limit=100)),
        "search 2 chars, page 1": lambda: store.items(ItemQuery(search="医院", limit=100)),
        "search 1 char, page 1": lambda: store.items(ItemQuery(search="药", limit=100)),
        "search 2 chars rare": lambda: store.items(ItemQuery(search="鲸鱼", limit=100)),
        "search 1 char rare": lambda: store.items(ItemQuery(search="鲸", limit=100)),
        "search + department filter": lambda: store.items(
            ItemQuery(search="培训", department="科教处", limit=100)
        ),
    }
    for name, fn in results.items():
        print(f"{name + ':':<28}{timed(fn, 5):8.1f} ms")
    store.close()
    size = args.db.stat().st_size
    print(f"store file: {size / 1e6:.0f} MB; raw text {raw / 1e6:.0f} M characters "
          f"({raw * 3 / 1e6:.0f} MB as UTF-8); ratio {size / max(raw * 3, 1):.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
