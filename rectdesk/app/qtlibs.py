"""Before Qt starts on Linux: are the system libraries and the display it needs there?

Qt's own message for a missing platform library is an English line followed by an abort; a
clerk (or the IT person helping) needs the Debian package to install, in Chinese. The check
asks the dynamic linker (``ldd``) which libraries the Qt files cannot find, so it follows
whatever the installed Qt actually links against rather than a list kept by hand.

This module imports nothing from Qt or from the rest of RectDesk: the set-up scripts load it by
path with the system Python before any dependency is installed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

#: Debian/Ubuntu/Kylin/UOS package that provides each library Qt may miss on a minimal system.
DEBIAN_PACKAGES = {
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libOpenGL.so.0": "libopengl0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6",
    "libnss3.so": "libnss3",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
}

_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)


def qt_root() -> Path | None:
    """The folder holding Qt's ``lib`` and ``plugins`` (PySide6's wheel or a frozen bundle)."""
    candidates = []
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.append(Path(frozen) / "PySide6" / "Qt")
    for entry in sys.path:
        candidates.append(Path(entry or ".") / "PySide6" / "Qt")
    for candidate in candidates:
        if (candidate / "plugins" / "platforms").is_dir():
            return candidate
    return None


def missing_libraries(files: Iterable[Path]) -> list[str]:
    """Shared libraries that the dynamic linker cannot find for any of *files*, sorted."""
    if shutil.which("ldd") is None:
        return []
    missing: set[str] = set()
    for path in files:
        if not path.exists():
            continue
        try:
            out = subprocess.run(
                ["ldd", str(path)], capture_output=True, text=True, timeout=20, check=False
            ).stdout
        except (OSError, subprocess.SubprocessError):
            continue
        missing.update(_NOT_FOUND.findall(out))
    return sorted(missing)


def qt_files(root: Path, *, window: bool) -> list[Path]:
    """The Qt files RectDesk loads: the core libraries, and the X11 platform plugin for a window."""
    lib = root / "lib"
    names = ["libQt6Core.so.6", "libQt6Gui.so.6", "libQt6Widgets.so.6", "libQt6Pdf.so.6"]
    files = [lib / name for name in names]
    files.append(root / "plugins" / "platforms" / "libqoffscreen.so")
    if window:
        files.append(root / "plugins" / "platforms" / "libqxcb.so")
        files.append(lib / "libQt6XcbQpa.so.6")
    return files


def packages_for(libraries: Iterable[str]) -> tuple[list[str], list[str]]:
    """(Debian packages that provide *libraries*, libraries with no known package)."""
    packages: set[str] = set()
    unknown: list[str] = []
    for name in libraries:
        package = DEBIAN_PACKAGES.get(name)
        if package:
            packages.add(package)
        else:
            unknown.append(name)
    return sorted(packages), unknown


def wants_window_platform() -> bool:
    """True when Qt will use X11 (xcb): not offscreen/minimal/wayland chosen explicitly."""
    chosen = os.environ.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(":")[0].split(";")[0] in ("xcb", "")
    return not os.environ.get("WAYLAND_DISPLAY")


def problem_before_window(english: bool = False) -> str | None:
    """A sentence saying why the window cannot start here (Chinese unless *english*), or None.

    Qt is not loaded yet, so its translator cannot be used: both languages are written here.
    """
    if not sys.platform.startswith("linux"):
        return None
    chosen = os.environ.get("QT_QPA_PLATFORM", "")
    if not chosen and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        if english:
            return (
                "No graphical desktop was found (DISPLAY is not set), so the window cannot open."
                " Run it from a desktop session; for the command line use rectdesk-cli."
            )
        return (
            "没有找到图形桌面（DISPLAY 未设置），窗口无法打开。请在桌面环境中运行；"
            "只用命令行时请使用 rectdesk-cli。"
        )
    root = qt_root()
    if root is None:
        return None
    missing = missing_libraries(qt_files(root, window=wants_window_platform()))
    if not missing:
        return None
    packages, unknown = packages_for(missing)
    if english:
        parts = []
        if packages:
            parts.append("ask your IT staff to run: sudo apt install " + " ".join(packages))
        if unknown:
            parts.append("also missing: " + ", ".join(unknown))
        return "System libraries the window needs are not installed; " + "; ".join(parts) + "."
    parts = []
    if packages:
        parts.append("请让信息化管理人员安装：sudo apt install " + " ".join(packages))
    if unknown:
        parts.append("还缺少这些系统库：" + "、".join(unknown))
    return "窗口所需的系统库没有安装，程序无法打开。" + "；".join(parts) + "。"


def _report(window: bool) -> None:
    """Print the Debian packages (line 1) and unknown libraries (line 2) Qt misses here."""
    root = qt_root()
    missing = missing_libraries(qt_files(root, window=window)) if root else []
    packages, unknown = packages_for(missing)
    print(" ".join(packages))
    print(" ".join(unknown))


if __name__ == "__main__":  # used by installer/devenv.py with the project's interpreter
    _report(window="--window" in sys.argv[1:])
