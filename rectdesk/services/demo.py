"""Sample data: the seed tables as three demo batches."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rectdesk.domain.deadlines import format_cn_date, parse_deadline
from rectdesk.domain.ledger import LedgerStore
from rectdesk.domain.model import (
    Assignment,
    BatchDraft,
    BatchKind,
    Deadline,
    ItemDraft,
    LedgerKind,
    Status,
)
from rectdesk.services.paths import resource_dir

DEMO_FILES = ("seed000.json", "seed001.json", "seed003.json")
#: The day the sample data describes: sixteen items fall due ten days later. Loaded with a
#: ``today``, every date moves by the days between the two, so the clerk sees the lights
#: as on that day (due soon, on track, done) instead of everything three years overdue.
DEMO_AS_OF = dt.date(2023, 11, 20)
_YEAR = re.compile(r"(?<![0-9])(20[0-9]{2})(?![0-9])")


@dataclass(frozen=True)
class DemoResult:
    """What loading the demo did."""

    added_batches: list[str]
    skipped_batches: list[str]
    items: int


def demo_folder() -> Path:
    """Where the demo batches are kept."""
    return resource_dir() / "demo"


def load_demo(
    store: LedgerStore, *, actor: str = "", folder: Path | None = None, today: dt.date | None = None
) -> DemoResult:
    """Add the demo batches not yet in the store, all in one transaction.

    With ``today`` the sample is dated relative to it (see DEMO_AS_OF); without, it keeps the
    dates of the source tables.
    """
    shift = _Shift(today - DEMO_AS_OF if today is not None else dt.timedelta(0))
    added: list[str] = []
    skipped: list[str] = []
    count = 0
    documents = [_read(folder or demo_folder(), name) for name in DEMO_FILES]
    with store.transaction():
        for document in documents:
            meta = document["batch"]
            name = shift.text(meta["name"])
            if store.find_batch(name) is not None:
                skipped.append(name)
                continue
            batch = BatchDraft(
                kind=BatchKind(meta["kind"]),
                name=name,
                issuer=meta.get("issuer", ""),
                doc_number=shift.text(meta.get("doc_number", "")),
                year=shift.year(meta.get("year")),
                received_on=shift.date(_date(meta.get("received_on"))),
            )
            batch_id = store.add_batch(batch, actor=actor)
            drafts = [_draft(row, meta.get("year"), shift) for row in document["items"]]
            ids = store.add_items(batch_id, drafts, actor=actor)
            progress_on = shift.date(_date(meta.get("progress_on"))) or batch.received_on
            for item_id, draft in zip(ids, drafts, strict=False):
                if draft.progress:
                    store.add_ledger_entry(
                        item_id,
                        progress_on or dt.date(batch.year or 2000, 12, 31),
                        LedgerKind.PROGRESS,
                        draft.progress,
                        author=actor,
                    )
            added.append(batch.name)
            count += len(ids)
    return DemoResult(added, skipped, count)


class _Shift:
    """Moves the sample's dates (and the years named in its texts) by a number of days."""

    def __init__(self, by: dt.timedelta) -> None:
        self.by = by
        self.years = (DEMO_AS_OF + by).year - DEMO_AS_OF.year

    def date(self, value: dt.date | None) -> dt.date | None:
        return value + self.by if value is not None else None

    def year(self, value: int | None) -> int | None:
        return value + self.years if value is not None else None

    def text(self, value: str) -> str:
        if not self.years:
            return value
        return _YEAR.sub(lambda m: str(int(m.group(1)) + self.years), value)

    def deadline(self, text: str, year: int | None) -> Deadline:
        deadline = parse_deadline(text, year=year)
        if not self.by or deadline.date is None:
            return parse_deadline(self.text(text), year=self.year(year))
        moved = deadline.date + self.by
        return parse_deadline(format_cn_date(moved), year=moved.year)


def _read(folder: Path, name: str) -> dict[str, Any]:
    with (folder / name).open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _draft(row: dict[str, Any], year: int | None, shift: _Shift) -> ItemDraft:
    return ItemDraft(
        content=row["content"],
        seq=str(row.get("seq", "")),
        number=row.get("number"),
        category=row.get("category", ""),
        origin=row.get("origin", ""),
        departments=[Assignment(name) for name in row.get("departments", [])],
        measures=row.get("measures", ""),
        outcomes=row.get("outcomes", ""),
        deadline=shift.deadline(row.get("deadline", ""), year),
        status=Status(row.get("status", "pending")),
        status_reason=row.get("status_reason", ""),
        progress=row.get("progress", ""),
        remarks=row.get("remarks", ""),
    )
