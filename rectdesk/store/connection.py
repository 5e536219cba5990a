"""Open a store file: pragmas, the single-writer lock, and migrations."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from pathlib import Path

import sqlite_utils

from rectdesk.domain.errors import StoreDamagedError, UserError
from rectdesk.store.lock import StoreLock
from rectdesk.store.schema import MIGRATIONS

log = logging.getLogger(__name__)


def connect(path: Path, *, readonly: bool = False) -> sqlite_utils.Database:
    """Connect with the pragmas every RectDesk connection uses."""
    try:
        if readonly:
            uri = f"{path.resolve().as_uri()}?mode=ro"
            conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        else:
            conn = sqlite3.connect(str(path), check_same_thread=False)
    except sqlite3.Error as exc:
        raise UserError(
            f"无法打开数据文件“{path}”，请检查文件是否存在、是否有读写权限。", str(exc)
        ) from exc
    # Transactions are managed explicitly (BEGIN/COMMIT through Database.atomic).
    conn.isolation_level = None
    db = sqlite_utils.Database(conn)
    try:
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA synchronous = FULL")
        db.execute("PRAGMA busy_timeout = 5000")
        # Rollback journal, not WAL: the store stays one file a clerk can copy, and it is
        # safer on the removable and network drives some offices use.
        if not readonly:
            db.execute("PRAGMA journal_mode = DELETE")
        db.execute("PRAGMA user_version").fetchone()
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreDamagedError(
            f"数据文件“{path.name}”已损坏或不是 RectDesk 数据文件，请从备份恢复。", str(exc)
        ) from exc
    return db


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
            "这个数据文件由更新版本的 RectDesk 创建，请升级 RectDesk 后再打开。",
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
    """Copy the store with SQLite's online backup before a migration touches it."""
    folder = path.parent / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{path.stem}-before-{name}-{stamp}.sqlite3"
    dest = sqlite3.connect(str(target))
    try:
        db.conn.backup(dest)
    finally:
        dest.close()
    log.info("copied store to %s before migration %s", target, name)
    return target


__all__ = ["StoreLock", "connect", "migrate", "pending_migrations", "schema_version"]
