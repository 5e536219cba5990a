"""Is the store sound? The quick check at every start, the full one of ``rectdesk-cli check``."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rectdesk.domain.errors import (
    QT_TRANSLATE_NOOP,
    Listing,
    StoreBusyError,
    StoreForeignError,
    StoreMissingError,
    localized,
)
from rectdesk.domain.ledger import LedgerStore
from rectdesk.services.location import location_warning
from rectdesk.store.backup import (
    BackupInfo,
    check_file,
    default_backup_dir,
    newest_sound_backup,
)
from rectdesk.store.checks import full_check, row_problems
from rectdesk.store.connection import busy
from rectdesk.store.lock import StoreLock
from rectdesk.store.opening import ROLLED_BACK, missing_message, refuse_foreign
from rectdesk.store.rowsums import OTHER, PROBLEM_PREFIX, ids_in
from rectdesk.store.sidecars import has_hot_journal, set_aside_strangers
from rectdesk.store.store import Store

log = logging.getLogger(__name__)

#: Whether an engine error means only that another program holds the ledger (not damage).
is_busy = busy


@dataclass(frozen=True)
class StartupHealth:
    """What the start-up check found."""

    path: Path
    problems: list[str] = field(default_factory=list)
    newest_good: BackupInfo | None = None
    location_warning: str | None = None
    #: The store is large: its check runs in the background once the window shows.
    deferred: bool = False
    #: Another RectDesk process is writing to it right now: not checked, not damaged.
    busy: bool = False
    #: The file is empty (0 bytes) while a sound backup with items lies beside it.
    empty: bool = False
    #: Sentences for the clerk: a foreign file set aside, an interrupted write rolled back.
    notices: list[str] = field(default_factory=list)
    #: Why the file is not opened at all (another program's database), else "".
    refused: str = ""

    @property
    def damaged(self) -> bool:
        return bool(self.problems)

    @property
    def offers_restore(self) -> bool:
        """Whether the window should offer a backup in place of the store."""
        return self.damaged or (self.empty and self.newest_good is not None)

    def message(self) -> str:
        """The plain sentence the clerk reads when the store is damaged or empty."""
        if self.empty and self.newest_good is not None:
            return empty_message(self.path, self.newest_good)
        if not self.damaged:
            return ""
        rows_only = check_problems_message(self.problems)
        if rows_only is not None:
            return rows_only
        if self.newest_good is None:
            return localized(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "数据文件“{name}”已损坏，而且没有找到可用的备份。"
                    "请不要再往这个文件写入，把它复制一份后联系技术支持；"
                    "如有 U 盘上的备份，可以选择它来恢复。",
                ),
                name=self.path.name,
            )
        return localized(
            QT_TRANSLATE_NOOP(
                "Errors",
                "数据文件“{name}”已损坏。找到了 {when} 的完好备份，"
                "可以用它恢复（之后的修改需要重新录入）；损坏的文件会另存一份，不会删除。",
            ),
            name=self.path.name,
            when=_when(self.newest_good),
        )


def _when(backup: BackupInfo) -> str:
    """When a backup was made, as the interface writes a moment: 2024年06月30日 14:05."""
    made = backup.created_at
    return localized(
        QT_TRANSLATE_NOOP("Errors", "{year}年{month}月{day}日 {time}"),
        year=made.year,
        month=f"{made.month:02d}",
        day=f"{made.day:02d}",
        time=f"{made:%H:%M}",
    )


def empty_message(path: Path, backup: BackupInfo) -> str:
    """The sentence for an empty store with a sound backup beside it."""
    return localized(
        QT_TRANSLATE_NOOP(
            "Errors",
            "数据文件“{name}”是空文件（0 字节），不是新的空台账，"
            "可能在复制或断电时被截断。找到了 {when} 的完好备份（{items} 条事项）"
            "，可以用它恢复；空文件会另存一份，不会删除。",
        ),
        name=path.name,
        when=_when(backup),
        items=backup.items or 0,
    )


BUSY_MESSAGE = QT_TRANSLATE_NOOP(
    "Errors",
    "另一个 RectDesk 程序正在写入这个数据文件（例如命令行正在导入），这次启动没有检查它；"
    "数据文件没有损坏，等那边完成后再打开即可看到最新数据。",
)

#: Stores larger than this are checked in the background: a quick check reads the whole file
#: (about 1.5 s for 900 MB from the cache, far longer from a cold disk).
BACKGROUND_CHECK_BYTES = 64 * 1024 * 1024


def checked_in_background(db_path: Path) -> bool:
    """Whether the start-up check of this store runs after the window shows."""
    try:
        return db_path.stat().st_size > BACKGROUND_CHECK_BYTES
    except OSError:
        return False


def startup_check(
    db_path: Path, *, backups: Path | None = None, defer_large: bool = False
) -> StartupHealth:
    """PRAGMA quick_check on the store (when it exists), the newest good backup if damaged.

    Files beside the store that are not its own are moved aside first, and an interrupted
    write of its own is rolled back, both under the store's lock; when another process holds
    the lock and is writing, the answer is "busy", never "damaged". An empty (0-byte) store
    with a sound backup beside it is offered that backup. With ``defer_large``, a large
    store is not read here (see ``background_problems``).
    """
    warning = location_warning(db_path)
    folder = backups or default_backup_dir(db_path)
    if not db_path.exists():
        return StartupHealth(db_path, location_warning=warning)
    if db_path.stat().st_size == 0:
        good = newest_sound_backup(db_path, folder, with_items=True)
        return StartupHealth(db_path, newest_good=good, location_warning=warning,
                             empty=good is not None)  # fmt: skip
    try:
        refuse_foreign(db_path)
    except StoreForeignError as exc:
        log.warning("not a RectDesk store: %s (%s)", db_path, exc.detail)
        return StartupHealth(db_path, location_warning=warning, refused=exc.message)
    with _held(db_path) as held:
        notices: list[str] = []
        if held:
            notices += [moved.sentence() for moved in set_aside_strangers(db_path)]
        interrupted = held and has_hot_journal(db_path)
        if defer_large and checked_in_background(db_path) and not interrupted:
            return StartupHealth(db_path, location_warning=warning, deferred=True,
                                 notices=notices)  # fmt: skip
        try:
            # Another process has the store: read only, never merge or roll back anything.
            problems = check_file(db_path, quick=True, readonly=not held)
            problems = problems or row_problems(db_path)
        except StoreBusyError:
            log.info("store %s is being written by another process: not checked", db_path)
            return StartupHealth(db_path, location_warning=warning, busy=True, notices=notices)
        if interrupted and not has_hot_journal(db_path):
            log.warning("an interrupted write to %s was rolled back at start", db_path)
            notices.append(localized(ROLLED_BACK))
    if not problems:
        return StartupHealth(db_path, location_warning=warning, notices=notices)
    log.error("store %s failed its quick check: %s", db_path, "; ".join(problems[:5]))
    good = newest_good_backup(db_path, folder)
    return StartupHealth(db_path, problems, good, warning, notices=notices)


@contextlib.contextmanager
def _held(db_path: Path) -> Iterator[bool]:
    """The store's lock for the duration, if free (True), else nothing (False)."""
    lock = StoreLock(db_path)
    try:
        held = lock.acquire()
    except OSError:
        held = False  # a read-only folder: no lock file can be made
    try:
        yield held
    finally:
        lock.release()


def newest_good_backup(db_path: Path, folder: Path) -> BackupInfo | None:
    """The newest backup of this store that passes the full verification."""
    return newest_sound_backup(db_path, folder)


def background_problems(db_path: Path) -> list[str]:
    """The quick check of a large store, on its own connection (safe on a worker thread)."""
    try:
        problems = check_file(db_path, quick=True)
        problems = problems or row_problems(db_path)
    except StoreBusyError:
        log.info("store %s busy during the background check: not checked", db_path)
        return []
    if problems:
        log.error("store %s failed its quick check: %s", db_path, "; ".join(problems[:5]))
    return problems


# -- rows that differ from what was written ------------------------------------------------

DAMAGED_ROWS = QT_TRANSLATE_NOOP(
    "Errors",
    "第 {items} 条事项的内容与保存时不一致，可能是数据文件损坏；"
    "请从备份恢复这几条或整个文件。",
)


def damaged_rows_message(item_ids: list[int]) -> str:
    """The sentence naming items whose stored rows differ from their checksums (OTHER in
    ``item_ids`` stands for rows of no item: a batch, a log entry, a setting)."""
    items = [i for i in item_ids if i != OTHER]
    other = localized(DAMAGED_OTHER) if OTHER in item_ids else ""
    if not items:
        return other
    shown: list[str] = [str(i) for i in items[:MAX_NAMED]]
    if len(items) > MAX_NAMED:
        shown.append("…")
    named = localized(DAMAGED_ROWS, items=Listing(shown))
    return named + other if other else named


DAMAGED_OTHER = QT_TRANSLATE_NOOP(
    "Errors",
    "数据文件中有记录（批次、操作日志或设置）与保存时不一致，可能是数据文件损坏；"
    "请从备份恢复整个文件。",
)


#: How many damaged items a sentence names before "…等 N 条".
MAX_NAMED = 20


def damaged_among(store: LedgerStore, item_ids: list[int]) -> list[int]:
    """Which of these items (just read or printed) differ from what was written."""
    if not isinstance(store, Store) or store.dialect.postgres or not item_ids:
        return []  # a server ledger keeps its own copies and counts
    return store.damaged_items(item_ids)


def check_problems_message(problems: list[str]) -> str | None:
    """The sentence for a check that found only damaged rows (else None: the file is damaged)."""
    ids = ids_in(problems)
    if ids and all(p.startswith(PROBLEM_PREFIX) for p in problems):
        return damaged_rows_message(ids)
    return None


# -- the full check (rectdesk-cli check) ------------------------------------------------------


@dataclass(frozen=True)
class StoreCheck:
    """What the full check of a store found."""

    path: Path
    problems: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    #: Another RectDesk process is writing to it right now: not checked, not damaged.
    busy: bool = False
    #: The file is empty (0 bytes); ``newest_good`` is a sound backup with items, if any.
    empty: bool = False
    newest_good: BackupInfo | None = None


def check_store(path: Path) -> StoreCheck:
    """SQLite's integrity and foreign-key checks and the search index's own check.

    Like the start-up check: a stranger's journal or log is moved aside and an interrupted
    write of the store's own is rolled back (reported, not called damage) when the store's
    lock is free; while another RectDesk process has the store, the check reads only, and
    a write in progress makes the answer "busy". Raises StoreMissingError and
    StoreForeignError for a missing file and another program's database.
    """
    if not path.exists():
        raise StoreMissingError(missing_message(path))
    if path.stat().st_size == 0:
        good = newest_sound_backup(path, with_items=True)
        return StoreCheck(path, empty=True, newest_good=good)
    refuse_foreign(path)
    with _held(path) as held:
        notices = [moved.sentence() for moved in set_aside_strangers(path)] if held else []
        interrupted = held and has_hot_journal(path)
        try:
            problems = full_check(path, writable=held)
        except StoreBusyError:
            return StoreCheck(path, notices=notices, busy=True)
        if interrupted and not has_hot_journal(path):
            log.warning("an interrupted write to %s was rolled back by the check", path)
            notices.append(localized(ROLLED_BACK))
    if problems:
        log.error("store %s failed its check: %s", path, "; ".join(problems[:5]))
    return StoreCheck(path, problems, notices)
