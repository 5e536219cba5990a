"""Masking benchmark: ``python3 tests/benchmarks/bench_masking.py [--cells 200000]``.

Every text of every masked output passes ``mask_text``: this times it over the seed-001
texts (most cells hold no number and take the quick path) and over cells holding a mobile,
a landline and an ID written in groups.
"""

from __future__ import annotations

import argparse
import json
import time

from rectdesk.domain.privacy import mask_text
from rectdesk.services.paths import resource_dir

WITH_NUMBERS = "宋启成13978476053，座机0771-1234567，身份证450102 19900101 1234。"


def per_text(texts: list[str]) -> float:
    """Microseconds per text."""
    started = time.perf_counter()
    for text in texts:
        mask_text(text)
    return (time.perf_counter() - started) * 1e6 / len(texts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cells", type=int, default=200_000)
    args = parser.parse_args(argv)
    rows = json.loads((resource_dir() / "demo" / "seed001.json").read_text("utf-8"))["items"]
    texts = [v for row in rows for v in row.values() if isinstance(v, str)]
    texts = (texts * (args.cells // len(texts) + 1))[: args.cells]
    print(f"seed-001 cells     {len(texts):>7}: {per_text(texts):6.2f} µs per cell")
    numbers = [WITH_NUMBERS] * (args.cells // 10)
    print(f"three numbers each {len(numbers):>7}: {per_text(numbers):6.2f} µs per cell")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
