"""Sample data: the seed tables as three demo batches."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rectdesk.app.paths import resource_dir
from rectdesk.domain.deadlines import parse_deadline
from rectdesk.domain.model import (
    Assignment,
    BatchDraft,
    BatchKind,
    ItemDraft,
    LedgerKind,
    Status,
)
from rectdesk.store import Store

DEMO_FILES = ("seed000.json", "seed001.json", "seed003.json")


@dataclass(frozen=True)
class DemoResult:
    """What loading the demo did."""

    added_batches: list[str]
    skipped_batches: list[str]
    items: int


def demo_folder() -> Path:
    """Where the demo batches are kept."""
    return resource_dir() / "demo"


def load_demo(store: Store, *, actor: str = "", folder: Path | None = None) -> DemoResult:
    """Add the demo batches not yet in the store, all in one transaction."""
    added: list[str] = []
    skipped: list[str] = []
    count = 0
    documents = [_read(folder or demo_folder(), name) for name in DEMO_FILES]
    with store.transaction():
        for document in documents:
            meta = document["batch"]
            if store.find_batch(meta["name"]) is not None:
                skipped.append(meta["name"])
                continue
            batch = BatchDraft(
                kind=BatchKind(meta["kind"]),
                name=meta["name"],
                issuer=meta.get("issuer", ""),
                doc_number=meta.get("doc_number", ""),
                year=meta.get("year"),
                received_on=_date(meta.get("received_on")),
            )
            batch_id = store.add_batch(batch, actor=actor)
            drafts = [_draft(row, batch.year) for row in document["items"]]
            ids = store.add_items(batch_id, drafts, actor=actor)
            progress_on = _date(meta.get("progress_on")) or batch.received_on
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


def _read(folder: Path, name: str) -> dict[str, Any]:
    with (folder / name).open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _draft(row: dict[str, Any], year: int | None) -> ItemDraft:
    return ItemDraft(
        content=row["content"],
        seq=str(row.get("seq", "")),
        number=row.get("number"),
        category=row.get("category", ""),
        origin=row.get("origin", ""),
        departments=[Assignment(name) for name in row.get("departments", [])],
        measures=row.get("measures", ""),
        outcomes=row.get("outcomes", ""),
        deadline=parse_deadline(row.get("deadline", ""), year=year),
        status=Status(row.get("status", "pending")),
        status_reason=row.get("status_reason", ""),
        progress=row.get("progress", ""),
        remarks=row.get("remarks", ""),
    )
