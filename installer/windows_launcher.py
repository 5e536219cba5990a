"""Compile the two launchers, rectdesk.exe and rectdesk-cli.exe, with the mingw-w64 cross compiler.

Each is a few kilobytes of C (installer/windows/launcher.c) carrying the RectDesk icon, a
Chinese version resource and a manifest (Windows 10/11, long paths), and runs ``python -m
rectdesk`` or ``python -m rectdesk.cli`` on the embedded Python inside its own process.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "installer" / "windows" / "launcher.c"
MANIFEST = ROOT / "installer" / "windows" / "launcher.manifest"
ICON = ROOT / "resources" / "icons" / "rectdesk.ico"
GCC = "x86_64-w64-mingw32-gcc"
WINDRES = "x86_64-w64-mingw32-windres"

#: File name → (Python module it runs, window program?).
LAUNCHERS = {
    "rectdesk.exe": ("rectdesk", True),
    "rectdesk-cli.exe": ("rectdesk.cli", False),
}


def _quad(version: str) -> str:
    numbers = [int(part) for part in version.split(".") if part.isdigit()]
    return ",".join(str(n) for n in [*numbers, 0, 0, 0, 0][:4])


def resource_script(name: str, version: str, description: str) -> str:
    """The .rc text of one launcher: icon (Qt's default window icon), manifest, version."""
    quad = _quad(version)
    return f"""#pragma code_page(65001)
#include <winver.h>
IDI_ICON1 ICON "{ICON.as_posix()}"
1 24 "{MANIFEST.as_posix()}"
VS_VERSION_INFO VERSIONINFO
FILEVERSION {quad}
PRODUCTVERSION {quad}
FILEFLAGSMASK 0x3fL
FILEFLAGS 0x0L
FILEOS VOS_NT_WINDOWS32
FILETYPE VFT_APP
FILESUBTYPE 0x0L
BEGIN
  BLOCK "StringFileInfo"
  BEGIN
    BLOCK "080404b0"
    BEGIN
      VALUE "CompanyName", "RectDesk"
      VALUE "FileDescription", "{description}"
      VALUE "FileVersion", "{version}"
      VALUE "InternalName", "{name[: -len(".exe")]}"
      VALUE "OriginalFilename", "{name}"
      VALUE "ProductName", "整改台账桌面助手 RectDesk"
      VALUE "ProductVersion", "{version}"
    END
  END
  BLOCK "VarFileInfo"
  BEGIN
    VALUE "Translation", 0x804, 1200
  END
END
"""


def compile_launcher(name: str, target: Path, *, version: str, python_dll: str, work: Path) -> Path:
    """Build one launcher into ``target`` (a folder); returns the .exe."""
    module, windowed = LAUNCHERS[name]
    work.mkdir(parents=True, exist_ok=True)
    stem = name[: -len(".exe")]
    description = "整改台账桌面助手" if windowed else "整改台账桌面助手 命令行"
    rc = work / f"{stem}.rc"
    rc.write_text(resource_script(name, version, description), encoding="utf-8")
    res = work / f"{stem}-res.o"
    subprocess.run([WINDRES, "-c", "65001", "-i", str(rc), "-o", str(res)], check=True)
    exe = target / name
    command = [
        GCC, "-municode", "-O2", "-s", "-Wall", "-Wextra", "-Werror", "-std=c11",
        f'-DPYTHON_DLL=L"{python_dll}"', f'-DMODULE=L"{module}"',
        *(["-DWINDOWED", "-mwindows"] if windowed else ["-mconsole"]),
        str(SOURCE), str(res), "-o", str(exe),
        "-lshell32", "-luser32", "-Wl,--no-insert-timestamp",
    ]  # fmt: skip
    subprocess.run(command, check=True)
    return exe


def compile_launchers(target: Path, *, version: str, python_dll: str, work: Path) -> list[Path]:
    """Both launchers into ``target``."""
    return [
        compile_launcher(name, target, version=version, python_dll=python_dll, work=work)
        for name in LAUNCHERS
    ]
