"""Rounds speed: 下发 to 30 units, 收集 of 30 returned workbooks, and the exchange package.

    python3 tests/benchmarks/bench_rounds.py [--items 1000] [--units 30] [--evidence-mb 200]

Targets (issue 13): dispatch 1,000 items to 30 units under 5 s; collect 30 returned workbooks
(1,000 items) to the review under 5 s; package and import-package of 1,000 items with 200 MB
of evidence under 30 s. Each item has a lead unit and, every third item, an assisting one;
every returned workbook changes the progress and the status of each of its lead items.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

import openpyxl

from rectdesk.domain.model import Assignment, BatchDraft, BatchKind, ItemDraft, Role
from rectdesk.domain.rounds import SHEET_COLUMNS, Column
from rectdesk.services.collect import plan_collect
from rectdesk.services.collect_apply import apply_collect
from rectdesk.services.dispatch import dispatch
from rectdesk.services.exchange import import_package, make_package
from rectdesk.services.items import ItemService
from rectdesk.store import ItemQuery, Store

TEXT = "加强基层医疗卫生人才队伍建设，落实待遇保障政策，推进县域医共体建设。"


def _fill(store: Store, items: int, units: int) -> int:
    batch = store.add_batch(BatchDraft(BatchKind.SOCIAL_REVIEW, "基准批次", year=2024))
    names = [f"第{n + 1:02d}卫生院" for n in range(units)]
    drafts = []
    for i in range(items):
        departments = [Assignment(names[i % units], Role.LEAD)]
        if i % 3 == 0:
            departments.append(Assignment(names[(i + 1) % units], Role.ASSIST))
        drafts.append(
            ItemDraft(
                content=f"{TEXT}（第{i + 1}条）", number=f"0{120240000000000 + i}",
                origin=f"群众{i}，电话1390000{i % 10000:04d}", departments=departments,
                measures=TEXT * 3, progress="",
            )
        )  # fmt: skip
    store.add_items(batch, drafts)
    return batch


def _answer(path: Path, target: Path) -> None:
    """Fill a returned workbook as a unit does: progress and status of every lead row."""
    book = openpyxl.load_workbook(path)
    sheet = book["整改事项"]
    keys = [c.key for c in SHEET_COLUMNS]
    role, progress, status = (keys.index(k) + 1 for k in
                              (Column.ROLE, Column.PROGRESS, Column.STATUS))  # fmt: skip
    for row in range(4, sheet.max_row + 1):
        if sheet.cell(row, role).value == "牵头":
            sheet.cell(row, progress).value = f"第{row}行：已召开专题会议，制定实施方案。"
            sheet.cell(row, status).value = "整改中"
    book.save(target)


def _timed(label: str, target: float, work: object) -> object:
    started = time.perf_counter()
    result = work()  # type: ignore[operator]
    seconds = time.perf_counter() - started
    verdict = "ok" if seconds < target else "SLOW"
    print(f"{label:<58} {seconds:6.2f} s   (target < {target:.0f} s) {verdict}")
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--units", type=int, default=30)
    parser.add_argument("--evidence-mb", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        store = Store.open(base / "county.sqlite3")
        batch = _fill(store, args.items, args.units)
        sent = _timed(
            f"dispatch {args.items} items to {args.units} units (+ notice)", 5,
            lambda: dispatch(store, batch, base / "out", cut_off=dt.date(2024, 6, 30)),
        )  # fmt: skip
        files = sent.files  # type: ignore[attr-defined]
        returned = base / "returned"
        returned.mkdir()
        for sent_file in files:
            _answer(sent_file.path, returned / sent_file.path.name)
        paths = sorted(returned.iterdir())
        plan = _timed(
            f"collect {len(paths)} returned workbooks to the review", 5,
            lambda: plan_collect(store, paths),
        )  # fmt: skip
        changes = len(plan.changes)  # type: ignore[attr-defined]
        print(f"  review: {changes} changes from {len(paths)} files")
        _timed(f"write the {changes} accepted changes (one transaction)", 5,
               lambda: apply_collect(store, plan, actor="基准"))  # type: ignore[arg-type]  # fmt: skip
        _evidence(store, base, args.items, args.evidence_mb)
        package = base / "package.zip"

        def round_trip() -> None:
            make_package(store, batch, package)
            with Store.open(base / "city" / "city.sqlite3") as city:
                result = import_package(city, package)
                assert result.created == args.items

        _timed(f"package + import-package, {args.items} items, {args.evidence_mb} MB evidence",
               30, round_trip)  # fmt: skip
        print(f"  package size {package.stat().st_size / 1e6:.0f} MB")
        store.close()
    return 0


def _evidence(store: Store, base: Path, items: int, megabytes: int) -> None:
    """Attach evidence files (photos: random bytes, 2 MB each) adding up to ``megabytes``."""
    count = max(1, megabytes // 2)
    ids = store.item_ids(ItemQuery(sort="source"))[:items]
    folder = base / "evidence"
    folder.mkdir()
    service = ItemService(store, "基准")
    for n in range(count):
        path = folder / f"现场照片{n}.jpg"
        path.write_bytes(os.urandom(2 << 20))
        service.add_progress([ids[n % len(ids)]], dt.date(2024, 5, 1), f"现场核查{n}", [path]).do()


if __name__ == "__main__":
    sys.exit(main())
