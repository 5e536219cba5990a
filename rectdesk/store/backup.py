"""Backups of a store file: SQLite's online backup, evidence files, a manifest, verification.

A backup is a folder ``<stem>-<YYYYMMDD-HHMMSS>-<reason>/`` holding the database copy, the
evidence folder ``<stem>-files/`` and ``manifest.json``. It is built under a hidden
``.….part`` name and renamed into place only after the copy passed SQLite's integrity check and
the manifest was written, so a crash or a full disk leaves a partial folder that is never
listed, never a partial backup that looks good.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import hashlib
import json
import logging
import os
import secrets
import shutil
import sqlite3
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rectdesk.domain.errors import (
    QT_TRANSLATE_NOOP,
    Message,
    StoreBusyError,
    StoreDamagedError,
    StoreLockedError,
    UserError,
)
from rectdesk.domain.ledger import LedgerStore
from rectdesk.fileio import describe_os_error, format_size, free_bytes
from rectdesk.store.connection import busy, pending_rollback
from rectdesk.store.fileformat import read_db_header
from rectdesk.store.lock import StoreLock
from rectdesk.store.schema import MIGRATIONS
from rectdesk.store.store import engine

log = logging.getLogger(__name__)

#: Called with (pages copied, pages in all) while the database is copied.
Progress = Callable[[int, int], None]

MANIFEST = "manifest.json"
FORMAT = 1
PART_SUFFIX = ".part"
#: How many pages one backup step copies: small steps let other connections in between.
STEP_PAGES = 4096


@dataclass(frozen=True)
class BackupInfo:
    """One backup folder as listed for the clerk."""

    path: Path
    created_at: dt.datetime
    reason: str
    size: int
    items: int | None
    verified: bool
    problem: str = ""
    #: The store's state when it was copied (see store_state); "" for older backups.
    state: str = ""

    @property
    def db_file(self) -> Path:
        """The database copy inside the folder."""
        return self.path / _manifest_store_name(self.path)


def default_backup_dir(db_path: Path) -> Path:
    """Where automatic backups go: ``backups/`` beside the store."""
    return db_path.parent / "backups"


def files_dir_of(db_path: Path) -> Path:
    """The evidence folder that belongs to a store file."""
    return db_path.with_name(db_path.stem + "-files")


# -- checking ------------------------------------------------------------------------------


def check_file(path: Path, *, quick: bool = False, readonly: bool = False) -> list[str]:
    """Problems SQLite finds in a database file (empty when sound).

    Raises StoreBusyError when another process is writing to it: busy is not damaged. Unless
    ``readonly``, the caller makes sure no stranger's journal or log lies beside ``path``
    (see sidecars.py): this connection may write, to roll back an interrupted write of the
    file itself.
    """
    try:
        if readonly:
            uri = f"{path.resolve().as_uri()}?mode=ro"
            conn = sqlite3.connect(uri, uri=True, timeout=5)
        else:
            conn = sqlite3.connect(str(path), timeout=5)
    except sqlite3.Error as exc:
        return [f"cannot open: {exc}"]
    try:
        pragma = "quick_check" if quick else "integrity_check"
        rows = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
        return [r for r in rows if r != "ok"]
    except sqlite3.Error as exc:
        if busy(exc) or pending_rollback(exc):
            raise StoreBusyError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "另一个 RectDesk 程序正在写入数据文件“{name}”，现在无法检查；"
                    "数据文件没有损坏，请等它完成后再试。",
                ),
                str(exc),
                name=path.name,
            ) from exc
        return [f"{type(exc).__name__}: {exc}"]
    except UnicodeDecodeError as exc:  # SQLite's message quoted a damaged name
        return [f"unreadable error message: {exc}"]
    finally:
        conn.close()


def verify_backup(folder: Path, *, deep: bool = True) -> list[str]:
    """Problems with a backup folder: manifest, checksum, integrity, evidence files."""
    manifest = _read_manifest(folder)
    if manifest is None:
        return ["manifest missing or unreadable"]
    problems: list[str] = []
    db_file = folder / str(manifest.get("store", ""))
    if not db_file.is_file():
        return [f"database copy missing: {db_file.name}"]
    if db_file.stat().st_size != manifest.get("db_size"):
        problems.append("database copy has the wrong size")
    for entry in manifest.get("files", []):
        target = folder / str(entry.get("path", ""))
        if not target.is_file() or target.stat().st_size != entry.get("size"):
            problems.append(f"evidence file missing or changed: {entry.get('path')}")
    if deep and not problems:
        if _sha256(db_file) != manifest.get("db_sha256"):
            problems.append("database copy does not match its checksum")
        else:
            problems.extend(check_file(db_file))
    return problems


# -- making ----------------------------------------------------------------------------------


def make_backup(
    source: sqlite3.Connection,
    db_path: Path,
    folder: Path,
    *,
    reason: str,
    link_files: bool = False,
    now: dt.datetime | None = None,
    progress: Progress | None = None,
) -> BackupInfo:
    """Copy the open store and its evidence files into a new verified backup under ``folder``.

    Raises UserError (the disk is full, the USB stick is gone, …); nothing partial is left
    that could be taken for a backup, and the store itself is only read. ``progress`` gets
    (pages done, pages in all); an exception it raises cancels the backup.
    """
    now = now or dt.datetime.now()
    stem = db_path.stem
    state = store_state(db_path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        name = f"{stem}-{now:%Y%m%d-%H%M%S}-{reason}"
        # Unique to this process and call: another RectDesk may be backing up at once.
        partial = folder / f".{name}-{os.getpid()}-{secrets.token_hex(4)}{PART_SUFFIX}"
        partial.mkdir()
    except OSError as exc:
        raise UserError(_backup_error(exc, folder, db_path, link_files), str(exc)) from exc
    try:
        copy = partial / db_path.name
        items = _copy_database(source, copy, progress)
        files = _copy_files(files_dir_of(db_path), partial / files_dir_of(db_path).name,
                            link=link_files)  # fmt: skip
        manifest = {
            "format": FORMAT,
            "store": db_path.name,
            "source": str(db_path),
            "created_at": now.isoformat(timespec="microseconds"),
            "reason": reason,
            "source_state": state,
            "db_size": copy.stat().st_size,
            "db_sha256": _sha256(copy),
            "integrity": "ok",
            "items": items,
            "files": files,
        }
        manifest_path = partial / MANIFEST
        manifest_path.write_text(json.dumps(manifest, ensure_ascii=False, indent=1), "utf-8")
        _fsync_file(manifest_path)
        _fsync_dir(partial)
        target = _rename_free(partial, folder, name)
        _fsync_dir(folder)
    except BaseException as exc:
        shutil.rmtree(partial, ignore_errors=True)
        if isinstance(exc, sqlite3.Error) and "full" in str(exc).lower():
            exc = OSError(errno.ENOSPC, str(exc))
        if isinstance(exc, OSError):
            raise UserError(_backup_error(exc, folder, db_path, link_files), str(exc)) from exc
        if isinstance(exc, sqlite3.Error):
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "备份失败：无法复制数据文件，原有数据和旧备份均未改动。请检查备份位置后重试。",
                ),
                f"{type(exc).__name__}: {exc}",
            ) from exc
        raise
    log.info("backup %s written (%s items, %s evidence files)", target, items, len(files))
    return read_info(target)


def _copy_database(source: sqlite3.Connection, copy: Path, progress: Progress | None) -> int:
    dest = sqlite3.connect(str(copy))
    try:
        if progress is None:
            source.backup(dest, pages=STEP_PAGES)
        else:
            report = progress
            source.backup(
                dest, pages=STEP_PAGES, progress=lambda _s, left, total: report(total - left, total)
            )
        dest.execute("PRAGMA journal_mode = DELETE").fetchone()
        problems = [r[0] for r in dest.execute("PRAGMA integrity_check").fetchall()]
        if problems != ["ok"]:
            raise StoreDamagedError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "备份未完成：数据文件的副本没有通过完整性检查，原数据文件可能已损坏，"
                    "请运行“rectdesk-cli check”检查，必要时从较早的备份恢复。",
                ),
                "; ".join(str(p) for p in problems[:5]),
            )
        has_items = dest.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'items'"
        ).fetchone()
        items = int(dest.execute("SELECT count(*) FROM items").fetchone()[0]) if has_items else 0
    finally:
        dest.close()
    _fsync_file(copy)
    return items


def own_files(folder: Path) -> list[Path]:
    """The regular files really inside *folder*, sorted: a symbolic link planted there (to a
    file or folder elsewhere) is never followed, so nothing outside is copied or restored."""
    if not folder.is_dir() or folder.is_symlink():
        return []
    root = folder.resolve()
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        if not path.resolve().is_relative_to(root):  # reached through a linked folder
            continue
        found.append(path)
    return found


def _copy_files(source: Path, target: Path, *, link: bool) -> list[dict[str, object]]:
    copied: list[dict[str, object]] = []
    for path in own_files(source):
        if path.name.endswith(PART_SUFFIX):
            continue
        relative = path.relative_to(source)
        dest = target / relative
        dest.parent.mkdir(parents=True, exist_ok=True)
        linked = False
        if link:
            # Evidence files are never changed in place (named by their checksum), so a
            # hard link on the same disk is as good as a copy and costs no space.
            with contextlib.suppress(OSError):
                os.link(path, dest)
                linked = True
        if not linked:
            shutil.copyfile(path, dest)
            _fsync_file(dest)
        copied.append({"path": (target.name / relative).as_posix(), "size": dest.stat().st_size})
    return copied


def _rename_free(partial: Path, folder: Path, name: str) -> Path:
    # The first free name of name, name-2, name-3, …; a rename never replaces a backup.
    for _attempt in range(100):
        target = _free_name(folder, name)
        try:
            os.rename(partial, target)
        except OSError as exc:
            if target.exists():  # taken by another process in between: try the next name
                continue
            raise exc
        return target
    raise OSError(errno.EEXIST, f"no free backup name for {name}")


def _free_name(folder: Path, name: str) -> Path:
    candidate = folder / name
    number = 2
    while candidate.exists():
        candidate = folder / f"{name}-{number}"
        number += 1
    return candidate


def _backup_error(exc: OSError, folder: Path, db_path: Path, link_files: bool) -> Message:
    if exc.errno == errno.ENOSPC:
        needed = backup_bytes(db_path, link_files=link_files)
        return Message(
            QT_TRANSLATE_NOOP(
                "Errors",
                "备份失败，原有数据和旧备份均未改动：备份位置的磁盘空间不足，这份备份约需 "
                "{needed}，现在只有 {free} 可用；请清理磁盘或换一个位置后重试。",
            ),
            needed=format_size(needed),
            free=format_size(free_bytes(folder)),
        )
    return Message(
        QT_TRANSLATE_NOOP("Errors", "备份失败，原有数据和旧备份均未改动：{reason}"),
        reason=describe_os_error(exc, folder / "备份"),
    )


def backup_bytes(db_path: Path, *, link_files: bool) -> int:
    """About how much room a backup of this store takes (evidence files only when copied)."""
    try:
        size = db_path.stat().st_size
    except OSError:
        return 0
    if not link_files:
        evidence = files_dir_of(db_path)
        if evidence.is_dir():
            size += sum(p.stat().st_size for p in own_files(evidence))
    return size


def store_state(db_path: Path) -> str:
    """Names the committed content of a store file: the same file (device, inode), size and
    change counter (SQLite advances it with every write) mean the same content."""
    try:
        stat = db_path.stat()
        header = read_db_header(db_path)
    except OSError:
        return ""
    counter = header.change_counter if header is not None else -1
    return f"{stat.st_dev}:{stat.st_ino}:{stat.st_size}:{counter}"


# -- listing -----------------------------------------------------------------------------------


def list_backups(folder: Path, stem: str | None = None) -> list[BackupInfo]:
    """Finished backups in ``folder`` (of one store when ``stem`` is given), newest first."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        if path.name.startswith(".") or not path.is_dir() or not (path / MANIFEST).exists():
            continue
        if stem is not None and not path.name.startswith(stem + "-"):
            continue
        found.append(read_info(path))
    return sorted(found, key=lambda b: (b.created_at, b.path.name), reverse=True)


def read_info(path: Path) -> BackupInfo:
    """What the manifest of one backup says, checked quickly (sizes, not checksums)."""
    manifest = _read_manifest(path) or {}
    try:
        created = dt.datetime.fromisoformat(str(manifest["created_at"]))
    except (KeyError, ValueError):
        created = dt.datetime.fromtimestamp(path.stat().st_mtime)
    problems = verify_backup(path, deep=False)
    size = sum(p.stat().st_size for p in own_files(path))
    return BackupInfo(
        path=path,
        created_at=created,
        reason=str(manifest.get("reason", "")),
        size=size,
        items=items if isinstance(items := manifest.get("items"), int) else None,
        verified=not problems and manifest.get("integrity") == "ok",
        problem="; ".join(problems) or ("" if manifest.get("integrity") == "ok" else "未验证"),
        state=str(manifest.get("source_state", "")),
    )


def newest_sound_backup(
    db_path: Path, folder: Path | None = None, *, with_items: bool = False
) -> BackupInfo | None:
    """The newest backup of this store that passes the full verification.

    ``with_items`` skips backups of an empty ledger (no use in place of a lost one).
    """
    for info in list_backups(folder or default_backup_dir(db_path), db_path.stem):
        if with_items and not info.items:
            continue
        if info.verified and not verify_backup(info.path):
            return info
        log.warning("backup %s skipped: %s", info.path, info.problem or "verification failed")
    return None


def remove_backup(path: Path) -> None:
    """Delete a backup folder: renamed away first, so a crash never leaves a half one listed."""
    doomed = path.with_name(f".{path.name}.deleting{PART_SUFFIX}")
    os.rename(path, doomed)
    shutil.rmtree(doomed, ignore_errors=True)


def remove_stale_parts(folder: Path, older_than: dt.timedelta) -> list[Path]:
    """Partial folders left by an interrupted backup (older ones only: one may be running)."""
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    limit = dt.datetime.now().timestamp() - older_than.total_seconds()
    for path in folder.iterdir():
        if path.name.startswith(".") and path.name.endswith(PART_SUFFIX):
            with contextlib.suppress(OSError):
                if path.stat().st_mtime < limit:
                    shutil.rmtree(path, ignore_errors=True)
                    removed.append(path)
    return removed


# -- restoring -----------------------------------------------------------------------------------


def restore_backup(backup: Path, db_path: Path, *, keep_in: Path) -> Path:
    """Replace the store at ``db_path`` by a backup; returns the copy kept of what it replaced.

    The store must be closed by the caller. The backup is verified first; the replaced store
    (sound or not) is copied into ``keep_in``; evidence files are merged, never deleted.
    """
    problems = verify_backup(backup)
    if problems:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors", "这个备份不完整或已损坏，不能用来恢复，请选择另一个备份。"
            ),
            "; ".join(problems)
        )
    source = backup / _manifest_store_name(backup)
    version = _user_version(source)
    if version > len(MIGRATIONS):
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors", "这个备份由更新版本的 RectDesk 创建，请升级 RectDesk 后再恢复。"
            )
        )
    lock = StoreLock(db_path)
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
        if not lock.acquire():
            raise StoreLockedError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "数据文件正由另一个 RectDesk 窗口使用，不能恢复。请先关闭那个窗口后重试。",
                )
            )
    except OSError as exc:
        raise UserError(describe_os_error(exc, db_path), str(exc)) from exc
    try:
        kept = keep_current(db_path, keep_in)
        try:
            _merge_files(backup / files_dir_of(db_path).name, files_dir_of(db_path))
            partial = db_path.with_name(db_path.name + ".restoring" + PART_SUFFIX)
            shutil.copyfile(source, partial)
            _fsync_file(partial)
            # A journal left by a crash belongs to the replaced file (kept above): SQLite
            # would otherwise play it back into the restored one.
            for suffix in ("-journal", "-wal", "-shm"):
                db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
            os.replace(partial, db_path)
            _fsync_dir(db_path.parent)
        except OSError as exc:
            db_path.with_name(db_path.name + ".restoring" + PART_SUFFIX).unlink(missing_ok=True)
            raise UserError(
                QT_TRANSLATE_NOOP("Errors", "恢复失败：{reason}（原数据已另存到“{kept}”）"),
                str(exc),
                reason=describe_os_error(exc, db_path),
                kept=str(kept),
            ) from exc
    finally:
        lock.release()
    log.info("restored %s from %s; replaced store kept in %s", db_path, backup, kept)
    return kept


def keep_current(db_path: Path, folder: Path) -> Path:
    """Back up the store about to be replaced; a damaged one is copied as it is."""
    if not db_path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    if db_path.stat().st_size == 0:
        # Never a verified "backup" of nothing, which would pass for the newest good one.
        return _raw_copy(db_path, folder, "empty file (0 bytes)")
    problems = check_file(db_path, quick=True)
    if not problems:
        conn = sqlite3.connect(str(db_path), timeout=5)
        try:
            return make_backup(conn, db_path, folder, reason="before-restore").path
        except UserError as exc:
            log.warning("backup before restore failed, copying as is: %s", exc.detail)
        finally:
            conn.close()
    return _raw_copy(db_path, folder, "; ".join(problems) or "backup failed")


def _raw_copy(db_path: Path, folder: Path, problem: str) -> Path:
    now = dt.datetime.now()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = _free_name(folder, f"{db_path.stem}-{now:%Y%m%d-%H%M%S}-replaced")
        partial = folder / f".{target.name}{PART_SUFFIX}"
        partial.mkdir()
        for suffix in ("", "-journal", "-wal"):
            original = db_path.with_name(db_path.name + suffix)
            if original.exists():
                shutil.copyfile(original, partial / original.name)
        _copy_files(files_dir_of(db_path), partial / files_dir_of(db_path).name, link=False)
        manifest = {
            "format": FORMAT,
            "store": db_path.name,
            "reason": "replaced",
            "created_at": now.isoformat(timespec="seconds"),
            "integrity": problem,
        }
        (partial / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False), "utf-8")
        os.rename(partial, target)
    except OSError as exc:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors", "恢复前无法另存当前数据文件，恢复已取消，数据未改动。{reason}"
            ),
            str(exc),
            reason=describe_os_error(exc, folder),
        ) from exc
    return target


def _merge_files(source: Path, target: Path) -> None:
    for path in own_files(source):
        dest = target / path.relative_to(source)
        if dest.exists() and dest.stat().st_size == path.stat().st_size:
            continue
        dest.parent.mkdir(parents=True, exist_ok=True)
        partial = dest.with_name(dest.name + PART_SUFFIX)
        shutil.copyfile(path, partial)
        os.replace(partial, dest)


def _user_version(path: Path) -> int:
    with contextlib.closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as c:
        return int(c.execute("PRAGMA user_version").fetchone()[0])


# -- small helpers -----------------------------------------------------------------------------


def _read_manifest(folder: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((folder / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _manifest_store_name(folder: Path) -> str:
    manifest = _read_manifest(folder) or {}
    return str(manifest.get("store", "")) or "missing.sqlite3"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _fsync_dir(path: Path) -> None:
    # POSIX only: makes a rename durable. Windows cannot open a folder this way.
    if sys.platform == "win32":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def backup_store(
    ledger: LedgerStore, folder: Path, *, reason: str, link_files: bool = False
) -> BackupInfo:
    """Back up an open store (see make_backup)."""
    store = engine(ledger)
    if store.path is None:
        raise UserError(QT_TRANSLATE_NOOP("Errors", "内存中的临时数据不能备份。"))
    return make_backup(store.db.conn, store.path, folder, reason=reason, link_files=link_files)


def backup_file(
    db_path: Path,
    folder: Path,
    *,
    reason: str,
    link_files: bool = False,
    progress: Progress | None = None,
) -> BackupInfo:
    """Back up a store file through a connection of its own (for a background thread)."""
    try:
        source = sqlite3.connect(str(db_path), timeout=30)
    except sqlite3.Error as exc:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors", "备份失败：无法读取数据文件，请检查文件所在的位置后重试。"
            ),
            str(exc)
        ) from exc
    try:
        return make_backup(source, db_path, folder, reason=reason, link_files=link_files,
                           progress=progress)  # fmt: skip
    finally:
        source.close()
