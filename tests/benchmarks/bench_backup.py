"""Backup benchmark: ``python3 tests/benchmarks/bench_backup.py [--items 100000] [--db PATH]``.

Builds (once) a store of items shaped like seed 001 (bench_store.build) with some evidence
files, then times what the clerk waits for: the start-up quick check, a backup (online copy,
integrity check of the copy, checksum, evidence files), verifying a backup, a backup to
another folder (a USB stick: files copied, not linked), and a restore.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from bench_store import build

from rectdesk.services import backup as backups
from rectdesk.store import Store
from rectdesk.store.backup import check_file, verify_backup

T = TypeVar("T")


def timed(label: str, fn: Callable[[], T]) -> T:
    """Run once and print the seconds taken."""
    started = time.perf_counter()
    result = fn()
    print(f"{label:<44} {time.perf_counter() - started:8.2f} s")
    return result


def add_evidence(path: Path, count: int, size: int) -> None:
    """Evidence files of ``size`` bytes on the first ``count`` items."""
    source_dir = Path(tempfile.mkdtemp(prefix="rectdesk-evidence-"))
    with Store.open(path) as store:
        if store.attachments(store.item_ids()[0]):
            return
        for n, item_id in enumerate(store.item_ids()[:count]):
            source = source_dir / f"佐证{n}.pdf"
            source.write_bytes(bytes([n % 251]) * size)
            store.add_attachment(item_id, source)
    shutil.rmtree(source_dir, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--evidence", type=int, default=100, help="evidence files to add")
    parser.add_argument("--evidence-size", type=int, default=200_000)
    parser.add_argument(
        "--db", type=Path, default=Path("/tmp/rectdesk-bench-backup/ledger.sqlite3")
    )
    args = parser.parse_args()
    if not args.db.exists():
        args.db.parent.mkdir(parents=True, exist_ok=True)
        seconds, _raw = build(args.db, args.items)
        print(f"built {args.items} items in {seconds:.1f} s")
    add_evidence(args.db, args.evidence, args.evidence_size)
    size = args.db.stat().st_size
    files = sum(p.stat().st_size for p in args.db.with_name(args.db.stem + "-files").rglob("*")
                if p.is_file())  # fmt: skip
    print(f"store: {size / 1e6:.1f} MB, evidence: {files / 1e6:.1f} MB")

    work = Path(tempfile.mkdtemp(prefix="rectdesk-bench-b-"))
    try:
        problems = timed("start-up quick check (PRAGMA quick_check)",
                         lambda: check_file(args.db, quick=True))  # fmt: skip
        assert problems == []
        timed("full integrity check of the store", lambda: check_file(args.db))
        with Store.open(args.db) as store:
            store.set_setting("backup_folder", str(work / "auto"))

            def raw_copy() -> None:
                dest = sqlite3.connect(work / "raw.sqlite3")
                store.db.conn.backup(dest, pages=4096)
                dest.close()

            timed("online copy only (sqlite3 backup API)", raw_copy)
            info = timed("backup now (copy + integrity + checksum)",
                         lambda: backups.backup_now(store))  # fmt: skip
            assert info.verified
            timed("second backup (evidence linked)", lambda: backups.backup_now(store))
            usb = timed("backup to another folder (files copied)",
                        lambda: backups.backup_to(store, work / "usb"))  # fmt: skip
            print(f"backup size: {usb.size / 1e6:.1f} MB, items {usb.items}")
            timed("list backups", lambda: backups.store_backups(store))
        bad = timed("verify a backup (checksum + integrity)", lambda: verify_backup(info.path))
        assert bad == []
        target = work / "restored" / args.db.name
        timed("restore onto a new computer", lambda: backups.restore(target, usb.path))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
