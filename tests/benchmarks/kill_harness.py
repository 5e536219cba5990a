"""Crash-safety harness: ``python3 tests/benchmarks/kill_harness.py [--kills 120] [--seed 1]``.

A child process imports batches, edits whole batches and makes backups in a loop, writing one
line to a log after each commit. The parent kills it with SIGKILL at a random moment, then
checks the store: SQLite's integrity check passes, every change the child reported is there,
no batch is half-imported or half-edited, and every listed backup is complete and verified
(a killed backup may leave only a hidden ``.part`` folder, never a backup that looks good).
The test suite runs a short version (tests/safety/test_kill.py).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

READY = "ready"
CHILD_TIMEOUT = 60.0


# -- the child ---------------------------------------------------------------------------------


def child(db: Path, log_path: Path, seed: int, round_no: int) -> None:
    """Work until killed: imports, bulk edits and backups, reporting each commit."""
    from rectdesk.domain.model import Assignment, BatchDraft, BatchKind, ItemDraft
    from rectdesk.services import backup as backups
    from rectdesk.store import ItemQuery, Store

    try:
        from rectdesk.services import importing
    except ImportError:  # the import service is optional: the store-level unit is the same
        importing = None  # type: ignore[assignment]

    rng = random.Random(seed)
    store = Store.open(db)
    fd = os.open(log_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT)

    def report(line: str) -> None:
        os.write(fd, (line + "\n").encode("utf-8"))

    report(READY)
    step = 0
    while True:
        step += 1
        tag = f"{round_no}-{step}"
        roll = rng.random()
        kill_batches = [b for b in store.batches() if b.name.startswith("kill-")]
        if roll < 0.45 or not kill_batches:
            count = rng.randint(3, 40)
            name = f"kill-{tag}-n{count}"
            report(f"start import {name}")
            if importing is not None and rng.random() < 0.5:
                source = db.parent / f"import-{round_no}.csv"
                lines = ["序号,意见建议编号,意见或建议内容,责任处室,整改措施,整改时限"]
                lines += [
                    f"{n},{round_no:06d}{step:05d}{n:05d},第{n}条意见：加强{name}相关工作,"
                    f"医政处,一是落实{n},2024年6月30日"
                    for n in range(1, count + 1)
                ]
                source.write_text("\n".join(lines) + "\n", encoding="utf-8")
                importing.import_file(store, source, batch_name=name, actor="kill")
                report(f"import {name} {count}")
                continue
            if rng.random() < 0.3:
                backups.backup_before_import(store)
            drafts = [
                ItemDraft(
                    content=f"{name} 第{n}条：" + "整改内容" * rng.randint(1, 80),
                    seq=str(n),
                    number=f"{round_no:06d}{step:05d}{n:05d}",
                    departments=[Assignment(rng.choice(["办公室", "医政处", "基层处"]))],
                    measures="措施" * rng.randint(10, 300),
                )
                for n in range(1, count + 1)
            ]
            with store.transaction():
                batch_id = store.add_batch(BatchDraft(BatchKind.OTHER, name), actor="kill")
                store.add_items(batch_id, drafts, actor="kill")
            report(f"import {name} {count}")
        elif roll < 0.85:
            batch = rng.choice(kill_batches)
            ids = store.item_ids(ItemQuery(batch_id=batch.id))
            report(f"start edit {batch.id}")
            with store.transaction():
                for item_id in ids:
                    store.update_item(item_id, {"remarks": f"edit-{tag}"}, actor="kill")
            report(f"edit {batch.id} {tag}")
        else:
            report("start backup")
            info = backups.backup_now(store, reason="manual")
            report(f"backup {info.path}")


# -- the parent --------------------------------------------------------------------------------


@dataclass
class Result:
    """What the kills did and what the checks found."""

    tried: int = 0
    survived: int = 0
    failures: list[str] = field(default_factory=list)
    killed_during: dict[str, int] = field(default_factory=dict)
    imports: int = 0
    edits: int = 0
    backups: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        during = ", ".join(f"{k} {v}" for k, v in sorted(self.killed_during.items()))
        return (
            f"kills survived {self.survived}/{self.tried} in {self.seconds:.1f} s; "
            f"killed during: {during}; committed: {self.imports} imports, "
            f"{self.edits} bulk edits, {self.backups} backups"
        )


def run(kills: int, workdir: Path, *, seed: int = 1, max_delay: float = 0.6) -> Result:
    """Kill the child ``kills`` times and check the store after each kill."""
    rng = random.Random(seed)
    db = workdir / "ledger.sqlite3"
    result = Result()
    checked_backups: set[str] = set()
    last_edit: dict[int, int] = {}
    started = time.perf_counter()
    for round_no in range(1, kills + 1):
        log_path = workdir / f"round-{round_no}.log"
        child_seed = str(seed * 100_003 + round_no)
        process = subprocess.Popen(
            [sys.executable, __file__, "--child", str(db), str(log_path), child_seed,
             str(round_no)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )  # fmt: skip
        try:
            _wait_ready(process, log_path)
            delay = rng.uniform(0.0, max_delay)
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=delay)
            if process.poll() is not None:
                error = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
                result.failures.append(f"round {round_no}: child ended by itself:\n{error}")
                result.tried += 1
                continue
            os.kill(process.pid, signal.SIGKILL)
            process.wait(timeout=CHILD_TIMEOUT)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait(timeout=CHILD_TIMEOUT)
            if process.stderr is not None:
                process.stderr.close()
        result.tried += 1
        lines = log_path.read_text("utf-8").splitlines()
        last = lines[-1] if lines else ""
        state = last.split()[1] if last.startswith("start ") else "between commits"
        result.killed_during[state] = result.killed_during.get(state, 0) + 1
        problems = check(db, lines, last_edit, checked_backups, result)
        if problems:
            result.failures.append(f"round {round_no}: " + "; ".join(problems))
        else:
            result.survived += 1
    result.seconds = time.perf_counter() - started
    return result


def _wait_ready(process: subprocess.Popen[bytes], log_path: Path) -> None:
    deadline = time.monotonic() + CHILD_TIMEOUT
    while True:
        if log_path.exists() and log_path.read_text("utf-8").startswith(READY):
            return
        if process.poll() is not None:
            error = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
            raise RuntimeError(f"child failed to start:\n{error}")
        if time.monotonic() > deadline:
            raise RuntimeError("child did not start in time")
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=0.01)


def check(
    db: Path,
    lines: list[str],
    last_edit: dict[int, int],
    checked_backups: set[str],
    result: Result,
) -> list[str]:
    """Everything that must hold after a kill; the problems found."""
    from rectdesk.domain.errors import UserError
    from rectdesk.store import ItemQuery, Store
    from rectdesk.store.backup import check_file, default_backup_dir, list_backups, verify_backup

    problems = [f"integrity: {p}" for p in check_file(db)]
    if problems:
        return problems
    try:
        store = Store.open(db)
    except UserError as exc:
        return [f"store does not open: {exc.message} ({exc.detail})"]
    with store:
        problems.extend(f"check: {p}" for p in store.check())
        batches = {b.name: b for b in store.batches()}
        for batch in batches.values():
            match = re.fullmatch(r"kill-[\d-]+-n(\d+)", batch.name)
            if match and batch.item_count != int(match.group(1)):
                problems.append(f"batch {batch.name} half-present: {batch.item_count} items")
            if match:
                remarks = {i.remarks for i in store.items(ItemQuery(batch_id=batch.id))}
                if len(remarks) > 1:
                    problems.append(f"batch {batch.name} half-edited: {sorted(remarks)[:3]}")
                edited = _edit_number(remarks.pop()) if len(remarks) == 1 else 0
                if edited < last_edit.get(batch.id, 0):
                    problems.append(f"batch {batch.name} lost a committed edit")
        for line in lines:
            words = line.split(" ", 2)
            if words[0] == "import":
                result.imports += 1
                if words[1] not in batches:
                    problems.append(f"committed import {words[1]} is missing")
            elif words[0] == "edit":
                result.edits += 1
                batch_id, number = int(words[1]), _edit_number(f"edit-{words[2]}")
                last_edit[batch_id] = max(last_edit.get(batch_id, 0), number)
                found = {i.remarks for i in store.items(ItemQuery(batch_id=batch_id))}
                if not found or _edit_number(found.pop()) < number:
                    problems.append(f"committed edit {words[2]} of batch {batch_id} is missing")
            elif words[0] == "backup":
                result.backups += 1
                reported = Path(line[len("backup ") :])
                if not reported.is_dir():
                    problems.append(f"reported backup {reported} is missing")
        for info in list_backups(default_backup_dir(db)):
            if str(info.path) in checked_backups:
                continue
            bad = verify_backup(info.path)
            if bad:
                problems.append(f"listed backup {info.path.name} is not sound: {bad}")
            checked_backups.add(str(info.path))
    return problems


def _edit_number(remark: str) -> int:
    # edit-<round>-<step>: later edits have larger numbers.
    match = re.fullmatch(r"edit-(\d+)-(\d+)", remark)
    return int(match.group(1)) * 1_000_000 + int(match.group(2)) if match else 0


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        db, log_path, seed, round_no = sys.argv[2:6]
        child(Path(db), Path(log_path), int(seed), int(round_no))
        return
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kills", type=int, default=120)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--dir", type=Path, help="work folder (default: a temporary one)")
    args = parser.parse_args()
    workdir = args.dir or Path(tempfile.mkdtemp(prefix="rectdesk-kill-"))
    workdir.mkdir(parents=True, exist_ok=True)
    result = run(args.kills, workdir, seed=args.seed)
    print(result.summary())
    for failure in result.failures:
        print("FAILED", failure)
    print(f"work folder: {workdir}")
    sys.exit(1 if result.failures else 0)


if __name__ == "__main__":
    main()
