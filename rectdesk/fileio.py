"""Files written whole or not at all: a temporary file beside the target, renamed into place."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from rectdesk.domain.errors import QT_TRANSLATE_NOOP, Message, UserError


def describe_os_error(exc: OSError, path: Path) -> Message:
    """One plain sentence for a failed write."""
    if exc.errno == errno.ENOSPC:
        return Message(
            QT_TRANSLATE_NOOP(
                "Errors", "磁盘空间不足，无法写入“{name}”，请清理磁盘或换一个位置后重试。"
            ),
            name=path.name,
        )
    if exc.errno in (errno.EACCES, errno.EPERM):
        return Message(
            QT_TRANSLATE_NOOP(
                "Errors",
                "没有权限写入“{path}”，请换一个文件夹，"
                "或关闭正在使用该文件的程序（如 WPS）后重试。",
            ),
            path=str(path),
        )
    if exc.errno in (errno.ENOENT, errno.ENODEV, errno.EIO):
        return Message(
            QT_TRANSLATE_NOOP(
                "Errors",
                "无法写入“{path}”：位置不存在或设备已移除（如 U 盘被拔出），请检查后重试。",
            ),
            path=str(path),
        )
    if exc.errno == errno.EROFS:
        return Message(
            QT_TRANSLATE_NOOP("Errors", "“{folder}”是只读位置，请换一个文件夹保存。"),
            folder=str(path.parent),
        )
    return Message(
        QT_TRANSLATE_NOOP("Errors", "写入“{name}”失败，请检查磁盘和文件夹后重试。"),
        name=path.name,
    )


#: Characters Windows (NTFS, FAT on a USB stick) refuses in a file name, and the names it reserves.
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$", re.IGNORECASE)


def portable_name(name: str, max_bytes: int = 180) -> str:
    """*name* made safe on every disk a clerk uses: Windows' forbidden characters replaced,
    reserved names avoided, no trailing dot or space, and at most *max_bytes* of UTF-8 (the
    extension kept), so a copy to an NTFS or FAT stick and a later backup never fail on it."""
    clean = _FORBIDDEN.sub("_", name).strip().rstrip(". ") or "文件"
    if _RESERVED.match(clean):
        clean = "_" + clean
    stem, dot, suffix = clean.rpartition(".")
    if not dot or len(suffix.encode()) > 16:
        stem, suffix = clean, ""
    tail = f".{suffix}" if suffix else ""
    budget = max_bytes - len(tail.encode())
    while len(stem.encode()) > budget:
        stem = stem[:-1]
    return (stem.rstrip(". ") or "文件") + tail


def format_size(size: int | None) -> str:
    """Bytes as a short size (B, KB, MB, GB); "?" when unknown."""
    if size is None:
        return "?"
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"


def free_bytes(path: Path) -> int | None:
    """Free space on the disk holding ``path`` (or its nearest existing folder)."""
    probe = Path(path)
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    try:
        return shutil.disk_usage(probe).free
    except OSError:
        return None


#: A temporary file of atomic_path: hidden, the target's stem, mkstemp's 8 random characters.
PART_NAME = re.compile(r"^\..*-[a-z0-9_]{8}\.part$")
#: A temporary file untouched this long whose writer is gone was left by a killed write
#: (the writer holds its file from the moment it is made: the delay only adds a margin).
STALE_PART_SECONDS = 2.0


@contextlib.contextmanager
def atomic_path(target: Path | str) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces ``target`` in one rename.

    On any failure the temporary file is removed and an existing ``target`` stays untouched;
    an OSError becomes a UserError in plain Chinese. While it is written the temporary file
    is held open (and locked where the system allows), so that remove_stale_parts, run here
    first for the target's folder, takes only the leftovers of writes that were killed.
    """
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_parts(target.parent)
        handle, name = tempfile.mkstemp(
            prefix=f".{target.stem[:40]}-", suffix=".part", dir=target.parent
        )
        _hold(handle)
    except OSError as exc:
        raise UserError(describe_os_error(exc, target), str(exc)) from exc
    temporary = Path(name)
    try:
        try:
            yield temporary
        finally:
            os.close(handle)  # Windows renames no file that is open
        _fsync(temporary)
        _give_mode(temporary, target)
        os.replace(temporary, target)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise UserError(describe_os_error(exc, target), str(exc)) from exc
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def remove_stale_parts(folder: Path, older_than: float = STALE_PART_SECONDS) -> list[Path]:
    """Delete the temporary files of atomic writes that were killed; returns what went.

    A file qualifies when it has atomic_path's name, nobody wrote to it for ``older_than``
    seconds, and no living writer holds it (its lock is free; on Windows, it can be deleted).
    Never raises: cleaning up must not stop the write that asked for it.
    """
    removed: list[Path] = []
    limit = time.time() - older_than
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not PART_NAME.match(entry.name):
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            if entry.stat(follow_symlinks=False).st_mtime >= limit:
                continue
            if _remove_unheld(Path(entry.path)):
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


if sys.platform == "win32":

    def _hold(handle: int) -> None:
        pass  # an open handle alone keeps other processes from deleting the file

    def _remove_unheld(path: Path) -> bool:
        try:
            path.unlink()
        except PermissionError:  # open in a living process
            return False
        return True

else:
    import fcntl

    def _hold(handle: int) -> None:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _remove_unheld(path: Path) -> bool:
        fd = os.open(path, os.O_RDONLY)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:  # a living writer holds it
                return False
            path.unlink()
            return True
        finally:
            os.close(fd)


def write_bytes_atomic(target: Path | str, data: bytes) -> None:
    """Write ``data`` to ``target`` whole or not at all."""
    with atomic_path(target) as temporary:
        temporary.write_bytes(data)


def _fsync(path: Path) -> None:
    # Flush to the device before the rename, so a power cut leaves the old or the new file.
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _give_mode(temporary: Path, target: Path) -> None:
    # mkstemp makes the file private (0600); the result should have the permissions of the
    # file it replaces, or of any new file the clerk saves (the umask's).
    if target.exists():
        mode = target.stat().st_mode & 0o777
    else:
        mask = os.umask(0)
        os.umask(mask)
        mode = 0o666 & ~mask
    with contextlib.suppress(OSError):
        os.chmod(temporary, mode)
