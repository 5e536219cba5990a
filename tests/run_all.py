"""Install what the tests need and run them all headless: ``python3 tests/run_all.py``.

Works on a fresh machine with only a system Python (Debian 12 and Ubuntu 24.04 included, whose
Python refuses ``pip install`` outside a virtual environment): the project and its test extra go
into ``.venv`` (made here, or reused; an already active virtual environment is used instead);
on Debian-family Linux as root, the system libraries Qt loads, a Chinese TrueType font and the
tools some checks use are installed with ``apt-get``; elsewhere the exact line to run is printed.
Tests use Qt's offscreen platform: no display is needed. Extra arguments go to pytest.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "installer"))

import devenv  # noqa: E402  (installer/devenv.py, found through the line above)

#: Debian packages some tests use when the machine has them (each checked by a file it provides).
OPTIONAL_PACKAGES = {
    "fonts-wqy-zenhei": "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "nsis": "/usr/bin/makensis",  # compiles the Windows installer script as a check
    # compiles the two Windows launchers (rectdesk.exe, rectdesk-cli.exe) as a check
    "gcc-mingw-w64-x86-64-win32": "/usr/bin/x86_64-w64-mingw32-gcc",
    # pdftotext reads exported PDFs back quickly in the report tests (pypdf is the fallback).
    "poppler-utils": "/usr/bin/pdftotext",
    # A real PostgreSQL server for the server-ledger tests (started by the tests themselves as
    # an unprivileged user; they skip, saying why, where no server programs are found).
    # pg_ctlcluster comes with the server packages whatever their version.
    "postgresql": "/usr/bin/pg_ctlcluster",
}


def main() -> int:
    python = devenv.project_python()
    devenv.pip_install(python, "test")
    devenv.ensure_system_packages(python, window=False, optional=OPTIONAL_PACKAGES)
    devenv.step("pytest")
    # The environment's own tools (pyside6-lupdate, ruff) come first on PATH, as if activated.
    path = os.pathsep.join([str(python.parent), os.environ.get("PATH", "")])
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PATH": path}
    command = [str(python), "-m", "pytest", "-p", "no:cacheprovider", *sys.argv[1:]]
    return subprocess.run(command, cwd=ROOT, env=env, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
