"""Opening a store file safely: it must exist (or may be created), be RectDesk's, and be its own.

The order matters. Before SQLite sees the file: a missing or empty file is refused unless the
caller may create a store (an empty file with sound backups beside it never passes as a new
store); the lock is taken; journals and logs of other databases are moved aside; another
program's database is refused by the application id in its header. Then SQLite opens it,
rolling back an interrupted write of this store, which the clerk is told about.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from rectdesk.domain.errors import (
    QT_TRANSLATE_NOOP,
    Message,
    StoreBusyError,
    StoreDamagedError,
    StoreEmptyError,
    StoreForeignError,
    StoreLockedError,
    StoreMissingError,
    UserError,
    localized,
)
from rectdesk.fileio import describe_os_error
from rectdesk.store.connection import busy, connect, migrate
from rectdesk.store.fileformat import read_db_header
from rectdesk.store.lock import StoreLock
from rectdesk.store.schema import APPLICATION_ID, MIGRATIONS
from rectdesk.store.sidecars import SetAside, has_hot_journal, set_aside_strangers

log = logging.getLogger(__name__)

#: Tables every RectDesk store has had since its first release.
_OWN_TABLES = frozenset({"batches", "items"})

ROLLED_BACK = QT_TRANSLATE_NOOP(
    "Errors",
    "上次有一次写入没有完成（程序被强制结束、断电或磁盘已满），已自动回滚到那次写入之前；"
    "在那之前保存的数据都在。",
)


@dataclass
class Opened:
    """A connection on a store file that passed the checks, with what the clerk should read."""

    db: sqlite_utils.Database
    lock: StoreLock | None
    notices: list[str] = field(default_factory=list)


def missing_message(path: Path) -> Message:
    return Message(
        QT_TRANSLATE_NOOP(
            "Errors",
            "数据文件“{path}”不存在：请检查路径是否写对；"
            "只有 demo、import 和窗口首次启动会新建数据文件。",
        ),
        path=str(path),
    )


def open_file(path: Path, *, readonly: bool, create: bool, verify: bool = False) -> Opened:
    """Run the checks in order and open ``path`` (created only when ``create``).

    ``verify`` runs SQLite's quick check before anything is written (migrations included).
    """
    if not path.exists():
        if readonly or not create:
            raise StoreMissingError(missing_message(path))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError(describe_os_error(exc, path), str(exc)) from exc
    elif _size(path) == 0:
        refuse_empty(path, create=create and not readonly)
    # Another program's file is refused before anything is made or renamed beside it.
    refuse_foreign(path)
    lock = None if readonly else _take_lock(path)
    try:
        notices = [moved.sentence() for moved in _guard(path, lock)]
        interrupted = path.exists() and has_hot_journal(path)
        db = connect(path, readonly=readonly, journal_mode=False)
        try:
            if not readonly:
                db.execute("PRAGMA journal_mode = DELETE")
            if interrupted and not has_hot_journal(path):
                log.warning("an interrupted write to %s was rolled back", path)
                notices.append(localized(ROLLED_BACK))
            if verify:
                problems = quick_problems(db)
                if problems:
                    raise StoreDamagedError(damaged_message(path), "; ".join(problems[:5]))
            if not readonly:
                migrate(db, path)
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
            db.conn.close()
            if busy(exc):
                raise StoreBusyError(busy_message(path), str(exc)) from exc
            raise StoreDamagedError(
                QT_TRANSLATE_NOOP("Errors", "数据文件“{name}”已损坏，无法打开，请从备份恢复。"),
                str(exc),
                name=path.name,
            ) from exc
        except BaseException:
            db.conn.close()
            raise
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    return Opened(db, lock, notices)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return -1


def _take_lock(path: Path) -> StoreLock:
    lock = StoreLock(path)
    try:
        taken = lock.acquire()
    except OSError as exc:  # the lock file cannot be made: a read-only folder or medium
        raise StoreLockedError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "数据文件所在的文件夹不能写入（只读或没有权限），只能以只读方式查看；"
                "要修改数据，请把数据文件复制到可以写入的文件夹。",
            ),
            str(exc),
        ) from exc
    if not taken:
        raise StoreLockedError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "这个数据文件正由另一个 RectDesk 程序（窗口或命令行）写入，"
                "请等它完成或关闭它后再试；也可以以只读方式打开。",
            )
        )
    return lock


def _guard(path: Path, lock: StoreLock | None) -> list[SetAside]:
    """Set strangers aside while holding the lock (taken briefly for a read-only open)."""
    if lock is not None:
        return set_aside_strangers(path)
    brief = StoreLock(path)
    try:
        if not brief.acquire():
            return []  # a writer has the store: it checked the files when it opened them
    except OSError:
        return []  # a read-only folder: nothing can be renamed there, and nothing written
    try:
        return set_aside_strangers(path)
    finally:
        brief.release()


def refuse_empty(path: Path, *, create: bool) -> None:
    """An empty (0-byte) store: refused when sound backups exist, or when it may not be created."""
    from rectdesk.store.backup import newest_sound_backup

    found = newest_sound_backup(path, with_items=True)
    if found is not None:
        raise StoreEmptyError(empty_message(path, found.path.name, found.items or 0,
                                            f"{found.created_at:%Y-%m-%d %H:%M}"))  # fmt: skip
    if not create:
        raise StoreMissingError(
            QT_TRANSLATE_NOOP(
                "Errors", "数据文件“{path}”是空文件（0 字节），里面没有数据；请检查路径是否写对。"
            ),
            path=str(path),
        )


def empty_message(path: Path, backup: str, items: int, when: str) -> Message:
    return Message(
        QT_TRANSLATE_NOOP(
            "Errors",
            "数据文件“{name}”是空文件（0 字节），不是新的空台账（可能在复制或断电时被截断）；"
            "旁边的 backups 文件夹里有 {when} 的完好备份“{backup}”（{items} 条事项），"
            "请用“rectdesk-cli restore {folder}”恢复，或打开 RectDesk 窗口按提示恢复。",
        ),
        name=path.name,
        when=when,
        backup=backup,
        items=items,
        folder=str(path.parent / "backups" / backup),
    )


def refuse_foreign(path: Path) -> None:
    """Refuse another program's SQLite file before SQLite may write to it in any way.

    The header's application id decides; a file without one is read through an immutable
    connection (no journal played back, no log merged): it passes when it is empty or holds
    the tables of a store made before stores were marked. A file in WAL mode without
    RectDesk's mark is another program's: RectDesk never writes in WAL mode.
    """
    try:
        header = read_db_header(path)
    except OSError:
        return
    if header is None or header.application_id == APPLICATION_ID:
        return  # not SQLite's header at all: SQLite will call it damaged
    detail = f"application_id={header.application_id:#x} wal={header.wal_mode}"
    if header.application_id != 0 or header.wal_mode:
        raise StoreForeignError(foreign_message(path), detail)
    try:
        tables = _table_names(path)
    except (sqlite3.DatabaseError, UnicodeDecodeError):
        return  # unreadable: the checks that follow report it as damaged
    if not tables and header.user_version == 0:
        return  # a new, empty file
    if 1 <= header.user_version <= len(MIGRATIONS) and tables >= _OWN_TABLES:
        return  # a store of an older release, before stores were marked
    raise StoreForeignError(foreign_message(path), f"{detail} user_version={header.user_version}")


def _table_names(path: Path) -> set[str]:
    uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
    conn = sqlite3.connect(uri, uri=True)
    try:
        found = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
        return {str(r[0]) for r in found}
    finally:
        conn.close()


def foreign_message(path: Path) -> Message:
    return Message(
        QT_TRANSLATE_NOOP(
            "Errors",
            "“{name}”是其他程序的数据库文件，不是 RectDesk 数据文件；RectDesk 没有改动它，"
            "请检查 --db 给出的路径。",
        ),
        name=path.name,
    )


def quick_problems(db: sqlite_utils.Database) -> list[str]:
    """SQLite's quick check (page structure, not contents); raises when the store is busy."""
    try:
        rows = [str(r[0]) for r in db.execute("PRAGMA quick_check").fetchall()]
    except sqlite3.DatabaseError as exc:
        from rectdesk.store.connection import busy

        if busy(exc):
            raise
        return [f"{type(exc).__name__}: {exc}"]
    except UnicodeDecodeError as exc:  # a damaged name in an error message
        return [f"unreadable message: {exc}"]
    return [r for r in rows if r != "ok"]


def damaged_message(path: Path) -> Message:
    return Message(
        QT_TRANSLATE_NOOP(
            "Errors",
            "数据文件“{name}”已损坏（打开时的快速检查没有通过），为免读到或写入错误的数据，"
            "这次没有使用它；请运行“rectdesk-cli check”查看，"
            "并用“rectdesk-cli backups”找到完好的备份恢复。",
        ),
        name=path.name,
    )


def busy_message(path: Path) -> Message:
    return Message(
        QT_TRANSLATE_NOOP(
            "Errors",
            "另一个 RectDesk 程序正在写入数据文件“{name}”（例如正在导入），现在无法读取；"
            "数据文件没有损坏，请等它完成后再试。",
        ),
        name=path.name,
    )
