"""Longer fuzzing of the importers: mutated workbooks, CSV and legacy files for a time budget.

    python3 tests/benchmarks/fuzz_import.py [--seconds 180]

Every case must end in a parsed file or a UserError that names the file; anything else is
printed with the input saved for replay. Reports cases run, the slowest case and peak memory.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "importers"))

import hostile  # noqa: E402
import samples  # noqa: E402

from rectdesk.domain.errors import UserError  # noqa: E402
from rectdesk.services.importing import read_file  # noqa: E402

#: Failing inputs are kept here for replay (outside the repository).
KEEP = Path(tempfile.gettempdir()) / "rectdesk-fuzz-failures"


def seeds(folder: Path) -> list[bytes]:
    """Valid files of every kind to mutate."""
    made = [
        samples.seed_000_workbook(folder / "a.xlsx").read_bytes(),
        samples.seed_001_workbook(folder / "b.xlsx").read_bytes(),
        samples.ledger_workbook(folder / "c.xlsx").read_bytes(),
        "编号,问题描述,责任单位\n0120240001,问题,办公室\n".encode("gbk"),
    ]
    made += [path.read_bytes() for path in (HERE.parent / "importers" / "data").iterdir()]
    made += [maker() for _, _, maker, _ in hostile.CORPUS if _ != "decompression bomb"]
    return made


def mutate(rng: random.Random, data: bytes) -> bytes:
    """Flip, insert, delete or splice bytes."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 12)):
        choice = rng.random()
        if not out:
            out.extend(rng.randbytes(16))
        position = rng.randrange(len(out))
        if choice < 0.5:
            out[position] = rng.randrange(256)
        elif choice < 0.7:
            out[position:position] = rng.randbytes(rng.randint(1, 64))
        elif choice < 0.9:
            del out[position : position + rng.randint(1, 256)]
        else:
            out = out[:position]
    return bytes(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=180)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    cases = refused = read = failures = 0
    slowest = 0.0
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        pool = seeds(base)
        deadline = time.monotonic() + args.seconds
        while time.monotonic() < deadline:
            data = mutate(rng, rng.choice(pool))
            path = base / rng.choice(["fuzz.xlsx", "fuzz.xls", "fuzz.csv", "fuzz.et"])
            path.write_bytes(data)
            started = time.perf_counter()
            try:
                read_file(path)
                read += 1
            except UserError as exc:
                refused += 1
                if path.name not in exc.message:
                    raise AssertionError(f"message does not name the file: {exc.message}") from exc
            except Exception:
                failures += 1
                keep = KEEP / f"fuzz-failure-{cases}{path.suffix}"
                KEEP.mkdir(exist_ok=True)
                keep.write_bytes(data)
                print(f"unhandled on case {cases}, saved {keep}:\n{traceback.format_exc()}")
            slowest = max(slowest, time.perf_counter() - started)
            cases += 1
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{cases} cases in {args.seconds:.0f} s: {read} read, {refused} refused with a message,"
        f" {failures} unhandled; slowest case {slowest:.2f} s; peak memory {peak:.0f} MB"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
