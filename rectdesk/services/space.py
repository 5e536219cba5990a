"""Room on the disk for an import, checked before anything is written and said in megabytes.

An import first backs the store up, keeps a copy of the original file and then grows the
store inside one transaction. On a full disk the transaction fails and is rolled back, but
the backup and the copy were already made: checking first leaves the disk as it was and
tells the clerk how much room to make.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rectdesk.domain.errors import QT_TRANSLATE_NOOP, Message, UserError
from rectdesk.domain.ledger import LedgerStore
from rectdesk.fileio import format_size, free_bytes
from rectdesk.store.backup import backup_bytes

if TYPE_CHECKING:
    from rectdesk.services.importing import ImportPlan

#: LedgerStore growth per byte of imported text (the items, their search index and assignments).
#: Measured at 2.0 for imports of 3,000 seed-shaped rows and for the 100,000-item benchmark
#: store (tests/benchmarks/bench_store.py); the rest is margin.
GROWTH_PER_TEXT_BYTE = 2.5
#: SQLite's rollback journal holds the original of every page the import changes; new rows
#: mostly fill new pages, so it stays small (0.4-0.6 MB measured for 3,000 rows).
JOURNAL_BYTES = 1 << 20
#: Per updated item: its row's page and index pages are copied into the journal.
JOURNAL_PER_UPDATE = 2 * 4096

_TEXT_FIELDS = ("seq", "number", "category", "origin", "content", "lead", "owner", "measures",
                "outcomes", "progress", "remarks", "result_class", "satisfaction",
                "status_reason")  # fmt: skip


@dataclass(frozen=True)
class Need:
    """Bytes an import needs, by part, and on which disks."""

    backup: int
    source: int
    growth: int
    journal: int

    @property
    def total(self) -> int:
        return self.backup + self.source + self.growth + self.journal


def import_need(store: LedgerStore, plan: ImportPlan, *, backup: bool) -> Need:
    """About how much room ``plan`` takes: backup, copy of the file, new data, journal."""
    from rectdesk.services.backup import same_state_backup

    assert store.path is not None
    text = 0
    updates = 0
    for row in plan.rows:
        if row.action == "new":
            draft = row.parsed.draft
            text += sum(len(str(getattr(draft, f, "") or "").encode()) for f in _TEXT_FIELDS)
            text += sum(len(k.encode()) + len(v.encode()) for k, v in draft.extra.items())
            text += sum(len(a.department.encode()) for a in draft.departments)
            text += len(draft.deadline.text.encode())
        elif row.action == "updated":
            updates += 1
            text += sum(len(str(v).encode()) for v in row.changes.values())
    backup_size = 0
    if backup and same_state_backup(store) is None:
        backup_size = backup_bytes(store.path, link_files=True)
    try:
        source = plan.parsed.workbook.path.stat().st_size
    except OSError:
        source = 0
    return Need(
        backup=backup_size,
        source=source,
        growth=int(text * GROWTH_PER_TEXT_BYTE),
        journal=JOURNAL_BYTES + updates * JOURNAL_PER_UPDATE,
    )


def ensure_room_for_import(
    store: LedgerStore, plan: ImportPlan, *, backup: bool, backup_folder: Path | None = None
) -> None:
    """Refuse, before anything is written, an import the disk has no room for."""
    if store.path is None:
        return
    need = import_need(store, plan, backup=backup)
    here = store.path.parent
    needed_here = need.source + need.growth + need.journal
    if backup_folder is not None and not _same_disk(here, backup_folder):
        _require(backup_folder, need.backup, need, QT_TRANSLATE_NOOP("Errors", "备份位置"))
    else:
        needed_here += need.backup
    _require(here, needed_here, need, QT_TRANSLATE_NOOP("Errors", "数据文件所在的磁盘"))


def _require(folder: Path, needed: int, need: Need, where: str) -> None:
    free = free_bytes(folder)
    if free is None or free >= needed:
        return
    raise UserError(
        QT_TRANSLATE_NOOP(
            "Errors",
            "磁盘空间不足，没有导入（数据未改动）：这次导入约需 {needed}"
            "（导入前备份 {backup}、原表副本 {source}、新增数据约 {growth}），{where}只有 "
            "{free} 可用；请清理出至少 {short} 后重试。",
        ),
        f"need={need} free={free}",
        needed=format_size(needed),
        backup=format_size(need.backup),
        source=format_size(need.source),
        growth=format_size(need.growth + need.journal),
        where=Message(where),
        free=format_size(free),
        short=format_size(needed - free),
    )


def _same_disk(one: Path, other: Path) -> bool:
    def device(path: Path) -> int | None:
        while not path.exists() and path != path.parent:
            path = path.parent
        try:
            return os.stat(path).st_dev
        except OSError:
            return None

    return device(one) == device(other)
