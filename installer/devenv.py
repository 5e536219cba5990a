"""The project's own Python environment, made the same way on every machine.

``installer/start.py`` (install and open the window) and ``tests/run_all.py`` (install what the
tests need and run them) both start here. They work with nothing but a system Python:

- the packages go into ``.venv`` in the project folder, never into the system Python (Debian 12
  and Ubuntu 24.04 refuse that, PEP 668), and an existing ``.venv`` is reused; when the command
  already runs inside a virtual environment, that one is used;
- on Debian-family Linux, the system libraries that Qt loads are found by asking the dynamic
  linker what the installed Qt misses, and installed with ``apt-get`` when running as root;
  otherwise the exact ``apt install`` line is printed.

Runs on Python 3.10+ with the standard library only (no project dependency is installed yet).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
QTLIBS = ROOT / "rectdesk" / "app" / "qtlibs.py"
MIN_PYTHON = (3, 10)


def step(message: str) -> None:
    print(f"==> {message}", flush=True)


def fail(message: str) -> None:
    """Stop with one plain sentence (Chinese, then English) and exit status 1."""
    print(message, file=sys.stderr, flush=True)
    raise SystemExit(1)


def in_virtualenv() -> bool:
    return sys.prefix != getattr(sys, "base_prefix", sys.prefix)


def venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def can_apt() -> bool:
    return sys.platform.startswith("linux") and shutil.which("apt-get") is not None


_apt_updated = False


def apt_install(packages: list[str]) -> bool:
    """Install Debian packages as root; True when apt-get succeeded."""
    global _apt_updated
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    step(f"apt-get install {' '.join(packages)}")
    if not _apt_updated:
        subprocess.run(["apt-get", "update", "-qq"], check=False, env=env, capture_output=True)
        _apt_updated = True
    done = subprocess.run(
        ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages],
        check=False, env=env, capture_output=True, text=True,
    )  # fmt: skip
    if done.returncode != 0:  # dpkg's progress lines only matter when something went wrong
        print(done.stdout[-4000:], done.stderr[-4000:], sep="\n", file=sys.stderr)
    return done.returncode == 0


def _works(python: Path) -> bool:
    try:
        done = subprocess.run(
            [str(python), "-c", "import sys; print(sys.version_info[:2] >= (3, 10))"],
            capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
    except OSError:
        return False
    return done.returncode == 0 and done.stdout.strip() == "True"


def _make_venv() -> None:
    step(f"creating {VENV.relative_to(ROOT)} with {sys.executable}")
    done = subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=False)
    if done.returncode == 0 and _works(venv_python(VENV)):
        return
    # Debian ships the venv module without ensurepip unless python3-venv is installed.
    package = f"python3.{sys.version_info.minor}-venv"
    if can_apt() and is_root() and apt_install([package]):
        shutil.rmtree(VENV, ignore_errors=True)
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        return
    hint = f"sudo apt install {package}" if can_apt() else "安装 Python 的 venv 组件"
    fail(
        f"无法创建 Python 虚拟环境 .venv：请先运行 {hint}，然后重新运行本命令。\n"
        f"Could not create the virtual environment .venv: run {hint!r} first, then try again."
    )


def project_python() -> Path:
    """The interpreter to install into: the active virtual environment, or ``.venv``."""
    if sys.version_info < MIN_PYTHON:
        fail(
            f"需要 Python 3.10 或更高版本，当前是 {sys.version.split()[0]}。\n"
            f"Python 3.10 or newer is needed; this is {sys.version.split()[0]}."
        )
    if in_virtualenv():
        return Path(sys.executable)
    python = venv_python(VENV)
    if python.exists() and _works(python):
        return python
    if VENV.exists():
        step(f"{VENV.relative_to(ROOT)} does not work here; making it again")
        shutil.rmtree(VENV)
    _make_venv()
    return venv_python(VENV)


def pip_install(python: Path, extras: str = "") -> None:
    """``pip install -e .[extras]`` unless the same project file was installed already."""
    target = f"{ROOT}[{extras}]" if extras else str(ROOT)
    stamp = Path(python).parent.parent / f".rectdesk-installed{('-' + extras) if extras else ''}"
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + target.encode()).hexdigest()
    if stamp.exists() and stamp.read_text(encoding="utf-8") == wanted:
        return
    step(f"pip install -e .{f'[{extras}]' if extras else ''}")
    done = subprocess.run(
        [str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q", "-e", target],
        check=False,
    )  # fmt: skip
    if done.returncode != 0:
        fail(
            "安装依赖失败（见上方 pip 的输出）：请检查网络或软件源设置后重新运行。\n"
            "Installing the dependencies failed (see pip's output above): check the network or "
            "package index settings and run again."
        )
    stamp.write_text(wanted, encoding="utf-8")


def missing_qt_packages(python: Path, *, window: bool) -> tuple[list[str], list[str]]:
    """(Debian packages, unknown libraries) that the installed Qt cannot find on this system."""
    if not sys.platform.startswith("linux"):
        return [], []
    # Run by path (not as rectdesk.app.qtlibs): the package's __init__ needs its dependencies.
    code = f"import runpy, sys; sys.argv[1:] = {['--window'] if window else []!r}; " + (
        f"runpy.run_path({str(QTLIBS)!r}, run_name='__main__')"
    )
    done = subprocess.run(
        [str(python), "-c", code], capture_output=True, text=True, cwd=ROOT, check=False
    )
    lines = [*done.stdout.splitlines(), "", ""][:2]
    return lines[0].split(), lines[1].split()


def ensure_system_packages(python: Path, *, window: bool, optional: dict[str, str]) -> None:
    """Make Qt loadable here, and add *optional* packages (name → file it provides) if possible.

    Without the Qt libraries nothing works, so their absence stops the command with the exact
    line to run; the optional ones only make some checks or fonts available.
    """
    packages, unknown = missing_qt_packages(python, window=window)
    extra = [name for name, marker in optional.items() if not Path(marker).exists()]
    if can_apt() and is_root() and (packages or extra):
        apt_install(packages + extra)
        packages, unknown = missing_qt_packages(python, window=window)
    elif extra and can_apt():
        step(f"not root: skipping optional packages {' '.join(extra)}")
    if packages or unknown:
        line = f"sudo apt install {' '.join(packages)}" if packages else ""
        also = " ".join(unknown)
        fail(
            "Qt 所需的系统库没有安装"
            + (f"，请运行：{line}" if line else "")
            + (f"；还缺少：{also}" if also else "")
            + "，然后重新运行本命令。\n"
            + "System libraries that Qt needs are missing"
            + (f"; run: {line}" if line else "")
            + (f"; also missing: {also}" if also else "")
            + "; then run this command again."
        )
