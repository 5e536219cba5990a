"""Backup use cases: daily and before-import backups, rotation, backups to a USB stick, restore."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rectdesk import fileio
from rectdesk.domain.errors import QT_TRANSLATE_NOOP, UserError
from rectdesk.domain.ledger import LedgerStore
from rectdesk.services import settings
from rectdesk.services.ledger import open_ledger
from rectdesk.store.backup import (
    BackupInfo,
    Progress,
    backup_file,
    backup_store,
    default_backup_dir,
    files_dir_of,
    list_backups,
    read_info,
    remove_backup,
    remove_stale_parts,
    restore_backup,
    store_state,
    verify_backup,
)

log = logging.getLogger(__name__)

#: Backups as the window and the command line see them, the store's own types included.
__all__ = [
    "REASON_LABELS",
    "BackupInfo",
    "BackupPlan",
    "Progress",
    "backup_before_import",
    "backup_folder",
    "backup_now",
    "backup_to",
    "daily_backup_due",
    "daily_backup_if_due",
    "default_backup_dir",
    "describe",
    "files_dir_of",
    "format_size",
    "kept_by_rotation",
    "list_backups",
    "plan_backup",
    "read_info",
    "reason_label",
    "restore",
    "rotate_store_backups",
    "same_state_backup",
    "store_backups",
    "verify_backup",
]

#: Reasons written into backup names and shown in the list.
REASON_LABELS = {
    "daily": "每日自动",
    "manual": "手动",
    "import": "导入前",
    "external": "备份到指定位置",
    "before-restore": "恢复前另存",
    "replaced": "恢复前另存（原文件已损坏）",
}


def reason_label(reason: str) -> str:
    """The Chinese name of why a backup was made."""
    if reason.startswith("before-0"):
        return "升级数据结构前"
    return REASON_LABELS.get(reason, reason)


def backup_folder(store: LedgerStore) -> Path:
    """Where this store's automatic backups go (a setting; ``backups/`` beside it by default)."""
    if store.path is None:
        raise UserError(QT_TRANSLATE_NOOP("Errors", "内存中的临时数据不能备份。"))
    chosen = str(settings.get(store, "backup_folder")).strip()
    return Path(chosen).expanduser() if chosen else default_backup_dir(store.path)


def backup_now(store: LedgerStore, *, reason: str = "manual") -> BackupInfo:
    """A verified backup in the automatic folder, then rotation of the older ones."""
    folder = backup_folder(store)
    info = backup_store(store, folder, reason=reason, link_files=True)
    rotate_store_backups(store)
    return info


@dataclass(frozen=True)
class BackupPlan:
    """A backup to make away from the store's own thread: where from, where to, why."""

    db_path: Path
    folder: Path
    reason: str
    link_files: bool

    def run(self, progress: Progress | None = None) -> BackupInfo:
        """Make the backup through a connection of its own (safe on a worker thread)."""
        return backup_file(self.db_path, self.folder, reason=self.reason,
                           link_files=self.link_files, progress=progress)  # fmt: skip


def plan_backup(
    store: LedgerStore, *, reason: str = "manual", folder: Path | None = None
) -> BackupPlan:
    """What ``run`` will do; read on the store's thread (settings live in the store).

    Without ``folder`` the backup goes to the automatic folder (call rotate_store_backups
    afterwards); with it, to that folder as a full copy (a USB stick).
    """
    if store.path is None:
        raise UserError(QT_TRANSLATE_NOOP("Errors", "内存中的临时数据不能备份。"))
    if folder is None:
        return BackupPlan(store.path, backup_folder(store), reason, link_files=True)
    return BackupPlan(store.path, Path(folder), "external", link_files=False)


def backup_to(store: LedgerStore, folder: Path) -> BackupInfo:
    """A verified backup in a folder the clerk picked (a USB stick): full copies, no rotation."""
    return backup_store(store, Path(folder), reason="external", link_files=False)


def backup_before_import(store: LedgerStore) -> Path:
    """Back up before an import changes the ledger; returns the backup folder.

    A sound backup of this very state (nothing written since, e.g. an earlier attempt that
    failed on a full disk and was rolled back) is used again instead of adding another copy.
    """
    if store.path is not None:
        same = same_state_backup(store)
        if same is not None:
            log.info("store unchanged since backup %s: no new backup before import", same.path)
            return same.path
    return backup_now(store, reason="import").path


def same_state_backup(store: LedgerStore) -> BackupInfo | None:
    """A verified backup in the automatic folder of exactly the store's present content."""
    assert store.path is not None
    state = store_state(store.path)
    if not state:
        return None
    for info in list_backups(backup_folder(store), store.path.stem):
        if info.state == state and info.verified:
            return info
    return None


def daily_backup_due(store: LedgerStore, today: dt.date) -> bool:
    """Whether today's automatic backup is still to be made."""
    if store.readonly or store.path is None or not settings.get(store, "backup_daily"):
        return False
    made = list_backups(backup_folder(store), store.path.stem)
    return not any(b.reason == "daily" and b.created_at.date() == today for b in made)


def daily_backup_if_due(store: LedgerStore, today: dt.date | None = None) -> BackupInfo | None:
    """The first start of each day backs the store up (and rotates old backups)."""
    if not daily_backup_due(store, today or dt.date.today()):
        return None
    return backup_now(store, reason="daily")


def store_backups(store: LedgerStore) -> list[BackupInfo]:
    """This store's backups in its automatic folder, newest first."""
    if store.path is None:
        return []
    return list_backups(backup_folder(store), store.path.stem)


def rotate_store_backups(store: LedgerStore, now: dt.datetime | None = None) -> list[Path]:
    """Delete automatic backups that the rotation settings no longer keep."""
    assert store.path is not None
    folder = backup_folder(store)
    remove_stale_parts(folder, dt.timedelta(hours=6))
    found = list_backups(folder, store.path.stem)
    keep = kept_by_rotation(
        found,
        (now or dt.datetime.now()).date(),
        daily_days=settings.get(store, "backup_daily_days"),
        weekly_weeks=settings.get(store, "backup_weekly_weeks"),
    )
    removed = []
    for info in found:
        if info.path not in keep:
            try:
                remove_backup(info.path)
            except OSError as exc:
                log.warning("could not remove old backup %s: %s", info.path, exc)
                continue
            removed.append(info.path)
    if removed:
        log.info("rotation removed %d old backups", len(removed))
    return removed


def kept_by_rotation(
    backups: Sequence[BackupInfo], today: dt.date, *, daily_days: int, weekly_weeks: int
) -> set[Path]:
    """Which backups rotation keeps.

    Everything from today; the newest sound backup of each of the last ``daily_days`` days;
    the newest of each of the last ``weekly_weeks`` ISO weeks; and always the newest sound
    backup, however old, so rotation never leaves a store without one. Unverified copies
    (a damaged store kept before a restore) stay for the daily period.
    """
    keep: set[Path] = set()
    days: set[dt.date] = set()
    weeks: set[tuple[int, int]] = set()
    newest_sound_kept = False
    for info in sorted(backups, key=lambda b: b.created_at, reverse=True):
        day = info.created_at.date()
        age = (today - day).days
        if age <= 0:
            keep.add(info.path)
        elif not info.verified:
            if age < daily_days:
                keep.add(info.path)
            continue
        else:
            first_of_day = age < daily_days and day not in days
            first_of_week = age < weekly_weeks * 7 and day.isocalendar()[:2] not in weeks
            if first_of_day or first_of_week or not newest_sound_kept:
                keep.add(info.path)
        if info.path in keep and info.verified:
            newest_sound_kept = True
            days.add(day)
            weeks.add(day.isocalendar()[:2])
    return keep


def restore(
    db_path: Path, backup: Path, *, keep_in: Path | None = None, actor: str | None = None
) -> Path:
    """Replace a closed store by a backup; returns where the replaced store was kept.

    The restored store's audit log then says who restored which backup, and where the
    replaced store was kept (the clerk named in its settings when ``actor`` is not given).
    """
    backup = Path(backup)
    kept = restore_backup(backup, db_path, keep_in=keep_in or default_backup_dir(db_path))
    with open_ledger(db_path, create=False) as store, store.transaction():
        who = actor if actor is not None else settings.actor(store)
        store.audit(who, None, "restore", "backup", str(kept), str(backup))
    return kept


def describe(info: BackupInfo) -> str:
    """One line for lists and messages."""
    state = "已验证" if info.verified else f"未通过验证（{info.problem}）"
    items = f"{info.items} 条事项，" if info.items is not None else ""
    return (
        f"{info.created_at:%Y-%m-%d %H:%M}  {reason_label(info.reason)}  {items}"
        f"{format_size(info.size)}  {state}"
    )


def format_size(size: int) -> str:
    """Bytes as a short Chinese-readable size."""
    return fileio.format_size(size)
