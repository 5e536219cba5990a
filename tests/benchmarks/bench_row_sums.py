"""What the row checksums cost: ``python3 tests/benchmarks/bench_row_sums.py [--items 10000]``.

The same store is built twice, with and without migration 0013_row_checksums (the triggers
that keep a CRC-32 of every row): the import of ``--items`` items (bench_store.build, one
add_items call per 10,000, as an import does), then opening (with the start-up quick check
and the row checksums, as the window does) and the full check of ``rectdesk-cli check``.
Medians of several runs, from the page cache.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import bench_store

from rectdesk.services.health import check_store, startup_check
from rectdesk.store import Store, connection, opening, schema


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - started) * 1000)
    return statistics.median(runs)


def _without_sums() -> tuple[schema.Migration, ...]:
    return tuple(m for m in schema.MIGRATIONS if m.name != "0013_row_checksums")


def measure(folder: Path, items: int, sums: bool, repeat: int) -> dict[str, float]:
    migrations = schema.MIGRATIONS if sums else _without_sums()
    saved = (connection.MIGRATIONS, opening.MIGRATIONS)
    connection.MIGRATIONS = opening.MIGRATIONS = migrations
    try:
        imports = []
        for run in range(max(1, repeat // 2)):
            path = folder / f"{'sums' if sums else 'plain'}-{run}.sqlite3"
            started = time.perf_counter()
            bench_store.build(path, items)
            imports.append((time.perf_counter() - started) * 1000)
        opened = median_ms(lambda: Store.open(path).close(), repeat)
        started_check = median_ms(lambda: startup_check(path), repeat)
        full = median_ms(lambda: check_store(path), repeat)
        return {
            "import": statistics.median(imports),
            "open": opened,
            "start-up check": started_check,
            "full check": full,
            "size MB": path.stat().st_size / 1e6,
        }
    finally:
        connection.MIGRATIONS, opening.MIGRATIONS = saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        before = measure(Path(folder), args.items, sums=False, repeat=args.repeat)
        after = measure(Path(folder), args.items, sums=True, repeat=args.repeat)
    print(f"{args.items} items                without sums   with sums    difference")
    for key in before:
        unit = "" if key == "size MB" else " ms"
        print(f"{key:<22} {before[key]:>10.1f}{unit:<3} {after[key]:>9.1f}{unit:<3}"
              f" {after[key] - before[key]:>+9.1f}{unit}  ({after[key] / before[key] - 1:+.0%})")


if __name__ == "__main__":
    main()
