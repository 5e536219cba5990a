"""The README's two commands and the check that runs before the window starts."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from rectdesk.app import qtlibs

ROOT = Path(__file__).resolve().parent.parent


def test_readme_and_ci_name_the_same_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python3 installer/start.py" in readme
    assert "python3 tests/run_all.py" in readme
    assert "python3 tests/run_all.py" in ci
    assert "pip install -e ." not in readme.split("## 数据保存在哪里")[0]  # PEP 668 refuses it


def test_window_without_a_display_says_so_in_one_sentence(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    env["HOME"] = str(tmp_path)
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    env["XDG_STATE_HOME"] = str(tmp_path / "state")
    if not sys.platform.startswith("linux"):
        pytest.skip("the display check is for Linux")
    done = subprocess.run(
        [sys.executable, "-m", "rectdesk", "--db", str(tmp_path / "x.sqlite3")],
        capture_output=True, text=True, env=env, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 1
    assert "图形桌面" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "x.sqlite3").exists()  # nothing was created


def test_missing_libraries_are_named_by_their_debian_packages() -> None:
    packages, unknown = qtlibs.packages_for(
        ["libxcb-cursor.so.0", "libxcb-icccm.so.4", "libglib-2.0.so.0", "libfoo.so.9"]
    )
    assert packages == ["libglib2.0-0", "libxcb-cursor0", "libxcb-icccm4"]
    assert unknown == ["libfoo.so.9"]


def test_ldd_output_for_a_library_that_is_missing_is_read(tmp_path: Path) -> None:
    text = (
        "\tlinux-vdso.so.1 (0x00007ffd)\n"
        "\tlibxcb-icccm.so.4 => not found\n"
        "\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f)\n"
    )
    assert qtlibs._NOT_FOUND.findall(text) == ["libxcb-icccm.so.4"]


def test_the_installed_qt_is_found_and_loads_offscreen() -> None:
    root = qtlibs.qt_root()
    assert root is not None
    # The tests run offscreen, so everything the offscreen platform needs is present.
    assert qtlibs.missing_libraries(qtlibs.qt_files(root, window=False)) == []


def test_libraries_held_off_at_start_are_importable_once_the_window_loaded() -> None:
    # The window holds numpy off while its modules load; the evidence reuse guard needs it
    # afterwards (imagehash), so it must be importable again by then.
    code = (
        "from rectdesk.app import main as m\n"
        "blocked = m.skip_unused_optional_imports()\n"
        "import rectdesk.app.application\n"
        "m.allow_optional_imports(blocked)\n"
        "import imagehash, numpy\n"
        "print('ok')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr
