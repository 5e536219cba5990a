"""``rectdesk-cli check`` after killed imports and undos: ``python3 tests/benchmarks/kill_check.py``
(``--kills N``, ``--seed S``).

Each round starts ``rectdesk-cli import`` of a 3,000-row table (or ``undo-import`` of the last
import), kills it with SIGKILL at a random moment, then runs ``rectdesk-cli check`` and counts
its answers: sound (0), busy (1), damaged (3). A sound store whose last write was interrupted
must get 0 with "已自动回滚", never 3. The store is also checked for half-present imports.
The test suite runs a short version (tests/safety/test_attack_check.py).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ENV = {**os.environ, "PYTHONIOENCODING": "utf-8"}
ROWS = 3000


def cli(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "rectdesk.cli", "--db", str(db), *args]


def table(folder: Path, round_no: int) -> Path:
    path = folder / f"清单{round_no}.csv"
    lines = ["序号,意见建议编号,意见或建议内容,责任处室,整改措施,整改时限"]
    lines += [
        f"{n},R{round_no:04d}N{n:05d},第{n}条意见：加强相关工作{'内容' * 40},医政处,"
        f"一是落实{'措施' * 60},2024年6月30日"
        for n in range(1, ROWS + 1)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def half_imports(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        counts = conn.execute(
            "SELECT batches.name, count(items.id) FROM batches"
            " LEFT JOIN items ON items.batch_id = batches.id GROUP BY batches.id"
        ).fetchall()
    return [f"{name}: {n}" for name, n in counts if name.startswith("清单") and n != ROWS]


def run(kills: int, seed: int, folder: Path) -> Counter[str]:
    rng = random.Random(seed)
    db = folder / "ledger.sqlite3"
    subprocess.run(cli(db, "demo"), check=True, capture_output=True, env=ENV)
    tally: Counter[str] = Counter()
    for round_no in range(1, kills + 1):
        undo = round_no > 2 and rng.random() < 0.3
        if undo:
            listed = subprocess.run(cli(db, "imports", "--json"), capture_output=True,
                                    text=True, env=ENV)  # fmt: skip
            records = json.loads(listed.stdout or "[]")
            active = [r["id"] for r in records if not r["undone_at"]]
            if not active:
                undo = False
        command = cli(db, "undo-import", str(active[0])) if undo else cli(
            db, "import", str(table(folder, round_no)), "--batch-name", f"清单{round_no}"
        )
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, env=ENV)  # fmt: skip
        time.sleep(rng.uniform(0.3, 2.5))
        finished = process.poll() is not None
        if not finished:
            os.kill(process.pid, signal.SIGKILL)
        process.wait()
        hot = Path(str(db) + "-journal").exists()
        check = subprocess.run(cli(db, "check"), capture_output=True, text=True, env=ENV)
        answer = {0: "sound", 1: "busy", 3: "DAMAGED"}.get(check.returncode, "other")
        tally[f"{'undo' if undo else 'import'} {'finished' if finished else 'killed'}"] += 1
        tally[f"check: {answer}"] += 1
        if hot:
            tally["journal left by the kill"] += 1
        if "已自动回滚" in check.stderr:
            tally["check rolled an interrupted write back"] += 1
        if half_imports(db):
            tally["HALF-PRESENT IMPORT"] += 1
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kills", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        tally = run(args.kills, args.seed, Path(folder))
    for what, n in sorted(tally.items()):
        print(f"{n:4d}  {what}")
    print(f"{time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
