"""Open a store file: pragmas, the single-writer lock, and migrations."""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlite_utils

from rectdesk.domain.errors import (
    QT_TRANSLATE_NOOP,
    Message,
    StoreBusyError,
    StoreDamagedError,
    UserError,
)
from rectdesk.store import rowsums
from rectdesk.store.lock import StoreLock
from rectdesk.store.schema import MIGRATIONS
from rectdesk.store.sidecars import set_aside_wal, wal_path

log = logging.getLogger(__name__)


class GuardedConnection(sqlite3.Connection):
    """A connection that looks beside the store before each transaction begins.

    SQLite looks for a ``-wal`` file each time a connection starts reading, not only when the
    file is opened: a stranger's log put beside the store while a window has it open would be
    read (and later merged) at the next refresh or write. ``guard`` runs before every
    statement that starts a transaction (one stat of the folder when nothing is there).
    """

    guard: Callable[[], None] | None = None

    def execute(self, *args: Any) -> sqlite3.Cursor:
        if self.guard is not None and not self.in_transaction:
            self.guard()
        return super().execute(*args)

    def executemany(self, *args: Any) -> sqlite3.Cursor:
        if self.guard is not None and not self.in_transaction:
            self.guard()
        return super().executemany(*args)

    def backup(self, *args: Any, **kwargs: Any) -> None:
        if self.guard is not None and not self.in_transaction:
            self.guard()
        super().backup(*args, **kwargs)


def wal_guard(path: Path) -> Callable[[], None]:
    """Refuse the next statement, once, when a stranger's ``-wal`` appeared beside ``path``.

    The log (and its index) is moved aside before SQLite can see it; the clerk reads that it
    was, and that the action just tried did not happen and can simply be done again.
    """
    wal = wal_path(path)

    def guard() -> None:
        if not os.path.exists(wal):
            return
        moved = set_aside_wal(path)
        if moved:
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "数据文件旁出现了不属于它的“{name}”（可能是从别处复制来的），"
                    "RectDesk 没有使用它，已改名为“{moved}”留在原处；"
                    "刚才的操作没有进行，请再做一次。",
                ),
                moved[0].reason,
                name=moved[0].original.name,
                moved=moved[0].moved_to.name,
            )

    return guard


def connect(
    path: Path, *, readonly: bool = False, journal_mode: bool = True
) -> sqlite_utils.Database:
    """Connect with the pragmas every RectDesk connection uses."""
    try:
        if readonly:
            uri = f"{path.resolve().as_uri()}?mode=ro"
            conn = sqlite3.connect(
                uri, uri=True, check_same_thread=False, factory=GuardedConnection
            )
        else:
            conn = sqlite3.connect(str(path), check_same_thread=False, factory=GuardedConnection)
        conn.guard = wal_guard(path)
    except sqlite3.Error as exc:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors", "无法打开数据文件“{path}”，请检查文件是否存在、是否有读写权限。"
            ),
            str(exc),
            path=str(path),
        ) from exc
    # Transactions are managed explicitly (BEGIN/COMMIT through Database.atomic).
    conn.isolation_level = None
    rowsums.register(conn)
    db = sqlite_utils.Database(conn)
    try:
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA synchronous = FULL")
        db.execute("PRAGMA busy_timeout = 5000")
        # The first read: SQLite rolls back an interrupted write of this store here.
        db.execute("PRAGMA user_version").fetchone()
        # Rollback journal, not WAL: the store stays one file a clerk can copy, and it is
        # safer on the removable and network drives some offices use.
        if journal_mode and not readonly:
            db.execute("PRAGMA journal_mode = DELETE")
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        # (A damaged table name in SQLite's message cannot even be decoded.)
        conn.close()
        if pending_rollback(exc):
            raise StoreBusyError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "数据文件“{name}”有一次中断的写入还没有回滚，"
                    "只读方式无法处理；请关闭其他 RectDesk 窗口后再试（回滚会自动进行）。",
                ),
                str(exc),
                name=path.name,
            ) from exc
        if busy(exc):
            raise StoreBusyError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "另一个 RectDesk 程序正在写入数据文件“{name}”（例如正在导入）"
                    "，现在无法读取；数据文件没有损坏，请等它完成后再试。",
                ),
                str(exc),
                name=path.name,
            ) from exc
        raise StoreDamagedError(
            QT_TRANSLATE_NOOP(
                "Errors", "数据文件“{name}”已损坏或不是 RectDesk 数据文件，请从备份恢复。"
            ),
            str(exc),
            name=path.name,
        ) from exc
    return db


#: SQLite's primary result codes for "another connection holds a lock".
_BUSY_CODES = (5, 6)  # SQLITE_BUSY, SQLITE_LOCKED
#: SQLITE_READONLY_ROLLBACK: a hot journal that a read-only connection cannot roll back.
_READONLY_ROLLBACK = 776


def busy(exc: BaseException) -> bool:
    """Whether SQLite failed only because another process holds the store (not damage)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in _BUSY_CODES
    text = str(exc).lower()
    return "database is locked" in text or "database table is locked" in text


def pending_rollback(exc: BaseException) -> bool:
    """Whether a read-only connection met an interrupted write it may not roll back."""
    return getattr(exc, "sqlite_errorcode", None) == _READONLY_ROLLBACK


def schema_version(db: sqlite_utils.Database) -> int:
    """The number of migrations applied."""
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def pending_migrations(db: sqlite_utils.Database) -> list[str]:
    """Names of the migrations this file still needs."""
    return [m.name for m in MIGRATIONS[schema_version(db) :]]


def migrate(db: sqlite_utils.Database, path: Path | None) -> list[str]:
    """Bring the schema up to date; copy a non-empty file aside first."""
    version = schema_version(db)
    if version > len(MIGRATIONS):
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors", "这个数据文件由更新版本的 RectDesk 创建，请升级 RectDesk 后再打开。"
            ),
            f"user_version={version}, known={len(MIGRATIONS)}",
        )
    todo = MIGRATIONS[version:]
    if not todo:
        return []
    if path is not None and version > 0:
        copy_before_migration(db, path, todo[0].name)
    applied = []
    for number, migration in enumerate(todo, start=version + 1):
        with db.atomic():
            migration.apply(db)
            db.execute(f"PRAGMA user_version = {number}")
        log.info("applied migration %s", migration.name)
        applied.append(migration.name)
    return applied


def copy_before_migration(db: sqlite_utils.Database, path: Path, name: str) -> Path:
    """Back the store up (verified, with its evidence files) before a migration touches it."""
    from rectdesk.store.backup import default_backup_dir, make_backup

    info = make_backup(db.conn, path, default_backup_dir(path), reason=f"before-{name}",
                       link_files=True)  # fmt: skip
    log.info("backed up store to %s before migration %s", info.path, name)
    return info.path


#: SQLite messages that mean the disk or the drive failed, not the program.
_STORAGE_FAILURES: tuple[tuple[str, str], ...] = (
    ("database or disk is full", QT_TRANSLATE_NOOP(
        "Errors", "磁盘空间不足，本次修改没有保存。请清理磁盘后重试。")),
    ("disk i/o error", QT_TRANSLATE_NOOP(
        "Errors", "读写数据文件时出错（可能是 U 盘被拔出或网络断开），本次修改没有保存。"
                  "请检查数据文件所在的位置后重新打开 RectDesk。")),
    ("unable to open database file", QT_TRANSLATE_NOOP(
        "Errors", "找不到数据文件所在的位置（可能是 U 盘被拔出或网络断开），"
                  "本次修改没有保存。请重新连接后重新打开 RectDesk。")),
    ("readonly database", QT_TRANSLATE_NOOP(
        "Errors", "数据文件所在的位置已无法写入（可能是 U 盘被拔出或设为只读），"
                  "本次修改没有保存。请检查后重新打开 RectDesk。")),
)  # fmt: skip


def storage_error(exc: sqlite3.Error, path: Path | None = None) -> UserError | None:
    """A plain message when SQLite failed because of the disk or drive, else None.

    For a full disk the message says how much room is left where the store lies.
    """
    text = str(exc).lower()
    for needle, template in _STORAGE_FAILURES:
        if needle in text:
            message = Message(template)
            if needle == "database or disk is full" and path is not None:
                message = _full_disk_message(path)
            return UserError(message, f"{type(exc).__name__}: {exc}")
    return None


def _full_disk_message(path: Path) -> Message:
    from rectdesk.fileio import format_size, free_bytes

    return Message(
        QT_TRANSLATE_NOOP(
            "Errors",
            "磁盘空间不足，本次修改没有保存（已撤回，数据未改动）：数据文件所在的磁盘只剩 "
            "{free}，不够这次写入使用；请清理磁盘后重试。",
        ),
        free=format_size(free_bytes(path.parent)),
    )


__all__ = ["StoreLock", "connect", "migrate", "pending_migrations", "schema_version"]
