"""Where the store lies: a network share or a removable drive gets a plain warning."""

from __future__ import annotations

import enum
import os
import sys
from collections.abc import Callable
from pathlib import Path, PureWindowsPath

from rectdesk.domain.errors import QT_TRANSLATE_NOOP, localized

#: File systems reached over the network (as /proc/mounts names them).
NETWORK_FS = frozenset(
    {"cifs", "smb", "smbfs", "smb3", "nfs", "nfs4", "ncpfs", "afs", "9p", "davfs",
     "fuse.sshfs", "fuse.davfs2", "fuse.rclone", "fuse.gvfsd-fuse", "fuse.smbnetfs",
     "glusterfs", "fuse.glusterfs", "ceph", "fuse.s3fs"}
)  # fmt: skip
#: Local file systems typical of USB sticks and SD cards.
REMOVABLE_FS = frozenset({"vfat", "exfat", "msdos", "fuseblk", "ntfs", "ntfs3"})
REMOVABLE_ROOTS = ("/media/", "/run/media/", "/mnt/usb")


class Location(enum.Enum):
    """The kind of drive a store lies on."""

    LOCAL = "local"
    NETWORK = "network"
    REMOVABLE = "removable"


NETWORK_WARNING = QT_TRANSLATE_NOOP(
    "Errors",
    "数据文件“{name}”保存在网络共享位置（{where}）。网络文件夹上的数据库容易因断网或多人同时打开而损坏，"
    "建议把数据文件放在本机硬盘上，用“备份到指定位置”把备份存到共享文件夹。",
)
REMOVABLE_WARNING = QT_TRANSLATE_NOOP(
    "Errors",
    "数据文件“{name}”保存在可移动磁盘（{where}）上。使用中拔出 U 盘可能丢失最近的修改，"
    "建议把数据文件放在本机硬盘上，只把备份存到 U 盘；如需继续使用，请先关闭 RectDesk 再拔出。",
)


def classify(path: Path) -> tuple[Location, str]:
    """The kind of drive ``path`` lies on and a short description of it."""
    if sys.platform == "win32":
        return classify_windows(str(path.resolve()))
    mounts = _read_mounts()
    if mounts is None:
        return Location.LOCAL, ""
    return classify_posix(path.resolve(), mounts, _removable_device)


def location_warning(path: Path) -> str | None:
    """A plain Chinese warning when the store is on a risky drive, else None."""
    try:
        kind, where = classify(path)
    except OSError:
        return None
    if kind is Location.NETWORK:
        return localized(NETWORK_WARNING, name=path.name, where=where)
    if kind is Location.REMOVABLE:
        return localized(REMOVABLE_WARNING, name=path.name, where=where)
    return None


# -- Linux and other POSIX systems -----------------------------------------------------------


def parse_mounts(text: str) -> list[tuple[str, str, str]]:
    """(device, mount point, file system) for each line of /proc/mounts."""
    found = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 3:
            found.append((_unescape(fields[0]), _unescape(fields[1]), fields[2]))
    return found


def classify_posix(
    path: Path, mounts: list[tuple[str, str, str]], removable: Callable[[str], bool]
) -> tuple[Location, str]:
    """Classify by the mount holding ``path`` (the longest mount point that contains it)."""
    text = path.as_posix()
    best: tuple[str, str, str] | None = None
    for device, point, fstype in mounts:
        inside = text == point or text.startswith(point.rstrip("/") + "/")
        if inside and (best is None or len(point) > len(best[1])):
            best = (device, point, fstype)
    if best is None:
        return Location.LOCAL, ""
    device, point, fstype = best
    if fstype in NETWORK_FS or fstype.startswith("fuse.sshfs") or device.startswith("//"):
        return Location.NETWORK, f"{fstype} {device}"
    if removable(device) or (
        fstype in REMOVABLE_FS and any(point.startswith(r) for r in REMOVABLE_ROOTS)
    ):
        return Location.REMOVABLE, point
    return Location.LOCAL, point


def _read_mounts() -> list[tuple[str, str, str]] | None:
    try:
        return parse_mounts(Path("/proc/mounts").read_text("utf-8", errors="replace"))
    except OSError:
        return None


def _removable_device(device: str) -> bool:
    # /dev/sdb1 -> /sys/block/sdb/removable holds 1 for USB sticks and card readers.
    if not device.startswith("/dev/"):
        return False
    name = os.path.basename(os.path.realpath(device))
    block = Path("/sys/class/block") / name
    try:
        real = block.resolve()
        disk = real.parent if (real / "partition").exists() else real
        return (disk / "removable").read_text().strip() == "1"
    except OSError:
        return False


def _unescape(field: str) -> str:
    # /proc/mounts writes spaces and tabs in paths as octal escapes.
    return (
        field.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n")
        .replace("\\134", "\\")
    )  # fmt: skip


# -- Windows ---------------------------------------------------------------------------------

DRIVE_REMOVABLE = 2
DRIVE_REMOTE = 4


def classify_windows(
    path: str, drive_type: Callable[[str], int] | None = None
) -> tuple[Location, str]:
    """UNC paths and mapped network drives are network; USB sticks are removable."""
    pure = PureWindowsPath(path)
    if path.startswith(("\\\\", "//")):
        return Location.NETWORK, pure.anchor.rstrip("\\")
    root = pure.anchor
    if not root:
        return Location.LOCAL, ""
    kind = (drive_type or _get_drive_type)(root)
    if kind == DRIVE_REMOTE:
        return Location.NETWORK, root
    if kind == DRIVE_REMOVABLE:
        return Location.REMOVABLE, root
    return Location.LOCAL, root


def _get_drive_type(root: str) -> int:
    import ctypes

    windll = getattr(ctypes, "windll", None)
    if windll is None:
        return 0
    return int(windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(root)))
