"""Import speed and memory: seed-layout workbooks of 1,000 / 10,000 (/ 100,000) rows and the seeds.

    python3 tests/benchmarks/bench_import.py [--rows 1000 10000] [--seeds]

Each figure is measured in a fresh child process (read, detect, map, validate, write into a new
store file, searchable), so peak memory (max RSS) is that import's own.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "importers"))

import samples  # noqa: E402

from rectdesk.services.importing import import_file  # noqa: E402
from rectdesk.store import ItemQuery, Store  # noqa: E402


def _peak_mb() -> float:
    """This process's own peak resident memory (ru_maxrss survives exec, VmHWM does not)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_one(path: Path, db: Path) -> dict[str, float]:
    """Import ``path`` into a new store at ``db``; time, peak memory, items found by search."""
    started = time.perf_counter()
    with Store.open(db) as store:
        result = import_file(store, path, batch_name="基准")
        found = store.count_items(ItemQuery(search="第1条"))
    elapsed = time.perf_counter() - started
    peak_mb = _peak_mb()
    return {"seconds": round(elapsed, 3), "peak_mb": round(peak_mb, 1),
            "created": result.created, "search_hits": found}  # fmt: skip


def _child(path: Path) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(path), "--db", str(Path(folder) / "b.db")],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
    if out.returncode != 0:
        raise SystemExit(f"import of {path.name} failed:\n{out.stderr[-2000:]}")
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--seeds", action="store_true", help="also the seed-layout workbooks")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure_one(Path(args.one), Path(args.db))))
        return
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        for rows in args.rows:
            path = samples.seed_001_workbook(base / f"rows{rows}.xlsx", rows=rows, long_text=400)
            samples.to_shared_strings(path)  # as Excel and WPS save it
            size = path.stat().st_size / 1e6
            figures = _child(path)
            print(f"{rows:>7} rows ({size:.1f} MB file): {figures}")
        if args.seeds:
            for maker in (samples.seed_000_workbook, samples.seed_001_workbook,
                          samples.ledger_workbook):  # fmt: skip
                path = maker(base / f"{maker.__name__}.xlsx")
                print(f"{maker.__name__}: {_child(path)}")


if __name__ == "__main__":
    main()
