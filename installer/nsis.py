"""Compile installer/windows/rectdesk.nsi with makensis (on Windows, or on Linux to check it)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "installer" / "windows" / "rectdesk.nsi"
#: Where the NSIS installer puts makensis on Windows.
WINDOWS_MAKENSIS = (
    r"C:\Program Files (x86)\NSIS\makensis.exe",
    r"C:\Program Files\NSIS\makensis.exe",
)


def makensis() -> str:
    found = shutil.which("makensis")
    if found:
        return found
    for candidate in WINDOWS_MAKENSIS:
        if os.path.exists(candidate):
            return candidate
    raise SystemExit("makensis not found: install NSIS 3 (Windows: nsis.sourceforge.io; "
                     "Debian: apt-get install nsis)")  # fmt: skip


def build_installer(
    source: Path, version: str, dist: Path, *, fast: bool = False, name: str = ""
) -> Path:
    """dist/``name`` (default rectdesk-<version>-setup.exe) packing the folder ``source``."""
    if not source.is_dir():
        raise SystemExit(f"nothing to pack: {source} is not a folder")
    output = dist / (name or f"rectdesk-{version}-setup.exe")
    print(f"==> makensis {SCRIPT.name} -> {output.name}", flush=True)
    started = time.monotonic()
    defines = [f"-DVERSION={version}", f"-DSOURCE_DIR={source.resolve()}", f"-DOUTFILE={output}"]
    if fast:
        defines.append("-DCOMPRESSOR=zlib")  # a check build: speed over size
    dist.mkdir(parents=True, exist_ok=True)
    command = [makensis(), "-V2", "-WX", "-INPUTCHARSET", "UTF8", *defines, str(SCRIPT)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    sys.stdout.write(result.stdout[-4000:])
    if result.returncode != 0:
        sys.stderr.write(result.stderr)
        raise SystemExit(f"makensis failed with status {result.returncode}")
    print(f"    {output.name}: {output.stat().st_size / 2**20:.0f} MiB, "
          f"{time.monotonic() - started:.0f} s")  # fmt: skip
    return output
