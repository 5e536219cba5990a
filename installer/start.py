"""Install RectDesk into ``.venv`` and open the window: ``python3 installer/start.py``.

The window opens on the default data file (see README); arguments go to ``rectdesk``, e.g.
``python3 installer/start.py --db 其他.sqlite3`` or ``--lang en``.
On Windows: ``py installer\\start.py``.
On Debian-family Linux as root, the system libraries of Qt's window and a Chinese font are
installed with ``apt-get``; otherwise the exact ``apt install`` line is printed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "installer"))

import devenv  # noqa: E402  (installer/devenv.py, found through the line above)

#: A Chinese font for the window and the PDFs, on systems that have none.
OPTIONAL_PACKAGES = {"fonts-wqy-zenhei": "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"}


def main() -> int:
    python = devenv.project_python()
    devenv.pip_install(python)
    devenv.ensure_system_packages(python, window=True, optional=OPTIONAL_PACKAGES)
    devenv.step("python -m rectdesk")
    return subprocess.run([str(python), "-m", "rectdesk", *sys.argv[1:]], check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
