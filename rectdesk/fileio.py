"""Files written whole or not at all: a temporary file beside the target, renamed into place."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from rectdesk.domain.errors import UserError


def describe_os_error(exc: OSError, path: Path) -> str:
    """One plain Chinese sentence for a failed write."""
    if exc.errno == errno.ENOSPC:
        return f"磁盘空间不足，无法写入“{path.name}”，请清理磁盘或换一个位置后重试。"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"没有权限写入“{path}”，请换一个文件夹，或关闭正在使用该文件的程序（如 WPS）后重试。"
    if exc.errno in (errno.ENOENT, errno.ENODEV, errno.EIO):
        return f"无法写入“{path}”：位置不存在或设备已移除（如 U 盘被拔出），请检查后重试。"
    if exc.errno == errno.EROFS:
        return f"“{path.parent}”是只读位置，请换一个文件夹保存。"
    return f"写入“{path.name}”失败，请检查磁盘和文件夹后重试。"


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


@contextlib.contextmanager
def atomic_path(target: Path | str) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces ``target`` in one rename.

    On any failure the temporary file is removed and an existing ``target`` stays untouched;
    an OSError becomes a UserError in plain Chinese.
    """
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(
            prefix=f".{target.stem[:40]}-", suffix=".part", dir=target.parent
        )
        os.close(handle)
    except OSError as exc:
        raise UserError(describe_os_error(exc, target), str(exc)) from exc
    temporary = Path(name)
    try:
        yield temporary
        _fsync(temporary)
        _give_mode(temporary, target)
        os.replace(temporary, target)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise UserError(describe_os_error(exc, target), str(exc)) from exc
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


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
