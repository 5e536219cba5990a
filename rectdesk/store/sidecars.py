"""The files SQLite keeps beside a store (``-journal``, ``-wal``, ``-shm``): whose are they?

A stranger's file is renamed, never deleted, so that SQLite cannot merge or play it back into
the store; the clerk reads one sentence saying so. Only call these while holding the store's
lock (StoreLock): a journal is a live writer's until that writer is gone.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from rectdesk.domain.errors import QT_TRANSLATE_NOOP, UserError, localized
from rectdesk.store.fileformat import journal_is_hot, journal_mismatch, wal_mismatch

log = logging.getLogger(__name__)

#: Added to the name of a file moved aside (before a time stamp).
FOREIGN_TAG = ".foreign-"


@dataclass(frozen=True)
class SetAside:
    """A file beside the store that did not belong to it, and where it went."""

    original: Path
    moved_to: Path
    reason: str  # technical, for the log

    def sentence(self) -> str:
        """What the clerk reads."""
        return localized(
            QT_TRANSLATE_NOOP(
                "Errors",
                "数据文件旁的“{name}”不属于这个数据文件（可能是从别处复制来的）"
                "，RectDesk 没有使用它，已改名为“{moved}”留在原处。",
            ),
            name=self.original.name,
            moved=self.moved_to.name,
        )


def journal_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + "-journal")


def wal_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + "-wal")


def shm_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + "-shm")


def has_hot_journal(db_path: Path) -> bool:
    """Whether a rollback journal waits beside the store (an interrupted write)."""
    return journal_is_hot(journal_path(db_path))


def set_aside_wal(db_path: Path, now: dt.datetime | None = None) -> list[SetAside]:
    """Rename a ``-wal`` (and its ``-shm``) beside the store that was not written for it.

    Safe without the store's lock: a RectDesk store is never in WAL mode, so no writer of
    its own can be using such a log. Raises UserError when it cannot be renamed.
    """
    now = now or dt.datetime.now()
    moved: list[SetAside] = []
    wal = wal_path(db_path)
    try:
        reason = wal_mismatch(db_path, wal)
    except OSError:
        return moved  # gone again
    if reason is not None:
        moved.append(_move(wal, reason, now))
        shm = shm_path(db_path)
        if shm.exists():  # the log's index: meaningless without the log
            moved.append(_move(shm, "index of a foreign write-ahead log", now))
    return moved


def set_aside_strangers(db_path: Path, now: dt.datetime | None = None) -> list[SetAside]:
    """Rename a ``-wal`` or hot ``-journal`` beside the store that was not written for it.

    Raises UserError when such a file cannot be renamed: the store must then not be opened.
    """
    now = now or dt.datetime.now()
    moved: list[SetAside] = []
    if wal_path(db_path).exists():
        moved += set_aside_wal(db_path, now)
    journal = journal_path(db_path)
    if journal_is_hot(journal):
        reason = journal_mismatch(db_path, journal)
        if reason is not None:
            moved.append(_move(journal, reason, now))
    return moved


def _move(path: Path, reason: str, now: dt.datetime) -> SetAside:
    stamp = f"{path.name}{FOREIGN_TAG}{now:%Y%m%d-%H%M%S}"
    target = path.with_name(stamp)
    number = 2
    while target.exists():
        target = path.with_name(f"{stamp}-{number}")
        number += 1
    try:
        os.rename(path, target)
    except OSError as exc:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "数据文件旁的“{name}”不属于这个数据文件，"
                "而 RectDesk 无法把它改名移开（可能没有权限）；"
                "为免它混入数据，这次没有打开数据文件，请把它移到别处后再试。",
            ),
            f"{reason}; rename failed: {exc}",
            name=path.name,
        ) from exc
    log.warning("moved %s aside to %s: %s", path.name, target.name, reason)
    return SetAside(path, target, reason)
