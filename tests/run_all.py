"""Install what the tests need and run them all headless: ``python3 tests/run_all.py``.

Works on a fresh machine with only Python: installs the package with its test extra, and on
Debian-family Linux (as root) the Chinese TrueType font the report tests render with.
Extra arguments go to pytest.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: Debian packages the tests use when the machine lacks them (fonts are checked by file).
APT_PACKAGES = {
    "fonts-wqy-zenhei": "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "nsis": "/usr/bin/makensis",  # compiles the Windows installer script as a check
    # pdftotext reads exported PDFs back quickly in the report tests (pypdf is the fallback).
    "poppler-utils": "/usr/bin/pdftotext",
}


def step(message: str) -> None:
    print(f"==> {message}", flush=True)


def install_python_packages() -> None:
    step("pip install -e .[test]")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--disable-pip-version-check", "-q",
         "-e", f"{ROOT}[test]"],
        check=True,
    )  # fmt: skip


def install_system_packages() -> None:
    missing = [name for name, marker in APT_PACKAGES.items() if not Path(marker).exists()]
    if not missing or not sys.platform.startswith("linux") or shutil.which("apt-get") is None:
        return
    if hasattr(os, "geteuid") and os.geteuid() != 0:
        step(f"skipping apt-get (not root); tests needing {missing} will be skipped")
        return
    step(f"apt-get install {' '.join(missing)}")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=False, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=False, env=env)


def run_tests(extra: list[str]) -> int:
    step("pytest")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "pytest", *extra], cwd=ROOT, env=env).returncode


def main() -> int:
    install_python_packages()
    install_system_packages()
    return run_tests(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
