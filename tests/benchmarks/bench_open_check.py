"""The quick check on opening, its cost and catch: ``python3 tests/benchmarks/bench_open_check.py``.

Cost: opening the 100,000-item benchmark store (tests/benchmarks/bench_store.py builds it once)
with and without the quick check the command line runs on every opening, from the page cache
and, when run as root on Linux, from a cold cache.

Catch: 64 bytes flipped at a random place in the middle half of the demo store, many times
over; each copy is opened the way ``rectdesk-cli items`` opens it, then given the full check
of ``rectdesk-cli check``, and its rows are compared with the original's. A flip that lands in
free space changes nothing; the rest are counted by the first check that notices them.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from rectdesk.domain.errors import UserError
from rectdesk.services.demo import load_demo
from rectdesk.store import Store
from rectdesk.store.checks import full_check


def median_ms(fn: object, repeat: int = 7) -> float:
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()  # type: ignore[operator]
        runs.append((time.perf_counter() - started) * 1000)
    return statistics.median(runs)


def drop_caches() -> bool:
    try:
        subprocess.run(["sync"], check=True)
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
    except OSError:
        return False
    return True


def cost(db: Path) -> None:
    if not db.exists():
        sys.path.insert(0, str(Path(__file__).parent))
        import bench_store

        db.parent.mkdir(parents=True, exist_ok=True)
        bench_store.build(db, 100_000)
    size = db.stat().st_size
    print(f"store: {size / 1e6:.0f} MB")
    plain = median_ms(lambda: Store.open(db).close())
    checked = median_ms(lambda: Store.open(db, verify=True).close())
    print(f"open, warm cache:                 {plain:8.1f} ms")
    print(f"open with quick check, warm:      {checked:8.1f} ms  (+{checked - plain:.0f} ms)")
    if drop_caches():
        started = time.perf_counter()
        Store.open(db).close()
        cold_plain = (time.perf_counter() - started) * 1000
        drop_caches()
        started = time.perf_counter()
        Store.open(db, verify=True).close()
        cold = (time.perf_counter() - started) * 1000
        print(f"open, cold cache:                 {cold_plain:8.1f} ms")
        print(f"open with quick check, cold:      {cold:8.1f} ms")
    started = time.perf_counter()
    full_check(db, writable=True)
    print(f"full check (rectdesk-cli check):  {(time.perf_counter() - started) * 1000:8.1f} ms")


def _rows(path: Path) -> object:
    conn = sqlite3.connect(path)
    conn.text_factory = bytes
    try:
        tables = ("batches", "items", "item_departments", "item_extra", "audit_log")
        return [conn.execute(f"SELECT * FROM {t}").fetchall() for t in tables]
    except (sqlite3.Error, UnicodeDecodeError):
        return None
    finally:
        conn.close()


def catch(trials: int, seed: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder) / "base.sqlite3"
        with Store.open(base) as store:
            load_demo(store, actor="bench")
        reference = _rows(base)
        size = base.stat().st_size
        rng = random.Random(seed)
        found: Counter[str] = Counter()
        for _ in range(trials):
            copy = Path(folder) / "copy.sqlite3"
            shutil.copyfile(base, copy)
            with open(copy, "r+b") as handle:
                offset = rng.randrange(size // 4, 3 * size // 4)
                handle.seek(offset)
                block = bytes(b ^ 0xFF for b in handle.read(64))
                handle.seek(offset)
                handle.write(block)
            changed = _rows(copy) != reference
            try:
                Store.open(copy, readonly=True, verify=True).close()
                opened = True
            except UserError:
                opened = False
            if not opened:
                found["refused on opening (quick check)"] += 1
            elif full_check(copy, writable=True):
                found["found by the full check"] += 1
            elif changed:
                found["changed rows no check notices"] += 1
            else:
                found["nothing changed (free space)"] += 1
            for side in Path(folder).glob("copy.sqlite3*"):
                side.unlink()
        print(f"{trials} flips of 64 bytes in the middle of a {size // 1024} KB demo store:")
        for what, n in found.most_common():
            print(f"  {n:4d}  {what}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, default=Path("/tmp/rectdesk-bench/bench.sqlite3"))
    parser.add_argument("--trials", type=int, default=400)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    cost(args.db)
    catch(args.trials, args.seed)


if __name__ == "__main__":
    main()
