"""Build RectDesk's distributables: the one-folder bundle, the .deb, the Windows installer.

    python3 installer/build.py         # bundle + .deb (Linux) or bundle + setup.exe (Windows)
    python3 installer/build.py bundle  # only the PyInstaller folder dist/rectdesk/
    python3 installer/build.py deb [--arch amd64|arm64|all] [--smoke]
                                       # .deb for glibc 2.28+, built in Debian 11 roots (root
                                       # needed); --smoke installs it into fresh roots and tries it
    python3 installer/build.py nsis [--nsis-source DIR]   # compile installer/windows/rectdesk.nsi
    python3 installer/build.py windows [--smoke]
                                       # dist/RectDesk-Setup-<version>-x64.exe, built on Linux;
                                       # --smoke installs and runs it under Wine 10 (root needed)

The pinned runtime (installer/requirements-<platform>.txt) and PyInstaller are installed into a
build venv (default: a folder under the temporary directory), never into the project's own
environment. Outputs go to dist/ and intermediate files to build/, both git-ignored.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INSTALLER = ROOT / "installer"
DIST = ROOT / "dist"
WORK = ROOT / "build"
BUNDLE_NAME = "rectdesk"


def step(message: str) -> None:
    print(f"==> {message}", flush=True)


def version() -> str:
    """The version, read from the one place it is kept: rectdesk/__init__.py."""
    text = (ROOT / "rectdesk" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.MULTILINE)
    if not found:
        raise SystemExit("rectdesk/__init__.py has no __version__")
    return found.group(1)


def platform_key() -> str:
    """linux-x86_64, linux-aarch64 or windows-x86_64."""
    machine = platform.machine().lower()
    machine = {"amd64": "x86_64", "arm64": "aarch64"}.get(machine, machine)
    if sys.platform == "win32":
        return f"windows-{machine}"
    if sys.platform.startswith("linux"):
        return f"linux-{machine}"
    raise SystemExit(f"no installer build for {sys.platform}")


def requirements_file(key: str) -> Path:
    name = "requirements-windows.txt" if key.startswith("windows") else f"requirements-{key}.txt"
    path = INSTALLER / name
    if not path.exists():
        raise SystemExit(f"no pinned requirements for {key}: {path} is missing")
    return path


def venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")


def ensure_venv(venv: Path, requirements: Path) -> Path:
    """A build venv holding exactly the pinned requirements (reinstalled when they change)."""
    python = venv_python(venv)
    if not python.exists():
        step(f"creating build venv {venv}")
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    stamp = venv / ".rectdesk-requirements"
    wanted = hashlib.sha256(requirements.read_bytes()).hexdigest()
    if not stamp.exists() or stamp.read_text(encoding="utf-8") != wanted:
        step(f"installing {requirements.name} into the build venv")
        subprocess.run(
            [str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q",
             "-r", str(requirements)],
            check=True,
        )  # fmt: skip
        stamp.write_text(wanted, encoding="utf-8")
    return python


def windows_version_file(version: str) -> Path:
    """The version resource of the Windows programs (read by the spec)."""
    numbers = ", ".join([*version.split("."), "0", "0", "0"][:4])
    text = f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers=({numbers}), prodvers=({numbers}), mask=0x3f, flags=0x0,
                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('080404b0', [
      StringStruct('CompanyName', 'RectDesk'),
      StringStruct('FileDescription', '整改台账桌面助手'),
      StringStruct('FileVersion', '{version}'),
      StringStruct('ProductName', '整改台账桌面助手 RectDesk'),
      StringStruct('ProductVersion', '{version}')])]),
    VarFileInfo([VarStruct('Translation', [2052, 1200])])
  ]
)
"""
    path = WORK / "version_info.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def build_bundle(python: Path, *, max_glibc: str = "") -> Path:
    """Run PyInstaller on installer/rectdesk.spec; returns dist/rectdesk."""
    step("PyInstaller one-folder build of rectdesk and rectdesk-cli")
    if sys.platform == "win32":
        windows_version_file(version())
    started = time.monotonic()
    subprocess.run(
        [str(python), "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(DIST), "--workpath", str(WORK / "pyinstaller"),
         str(INSTALLER / "rectdesk.spec")],
        check=True, cwd=ROOT,
    )  # fmt: skip
    bundle = DIST / BUNDLE_NAME
    print(f"    built in {time.monotonic() - started:.0f} s")
    check_bundle(bundle, max_glibc=max_glibc)
    return bundle


def bundle_files(bundle: Path) -> list[str]:
    """Every file of the bundle as a relative POSIX path."""
    return sorted(p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file())


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def check_bundle(bundle: Path, *, max_glibc: str = "") -> None:
    """The bundle holds what RectDesk needs and none of the Qt modules it must not ship."""
    from bundle_rules import bundle_problems

    problems = bundle_problems(bundle, windows=sys.platform == "win32")
    if problems:
        raise SystemExit("bundle check failed:\n  " + "\n  ".join(problems))
    files = bundle_files(bundle)
    print(f"    {len(files)} files, {folder_size(bundle) / 2**20:.0f} MiB, no WebEngine")
    if sys.platform.startswith("linux"):
        needed = glibc_needed(bundle)
        print(f"    highest glibc symbol version needed: {needed or 'unknown'}")
        if needed and max_glibc and _version_tuple(needed) > _version_tuple(max_glibc):
            raise SystemExit(
                f"the bundle needs glibc {needed} but must run on {max_glibc}: build it on a "
                f"system with glibc {max_glibc} (see README, 安装与迁移)"
            )


def _version_tuple(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split("."))


def glibc_needed(bundle: Path) -> str:
    """The highest GLIBC_x.y version any ELF file of the bundle requires ('' if unknown)."""
    if shutil.which("objdump") is None:
        return ""
    best = (0, 0)
    for path in bundle.rglob("*"):
        if not path.is_file() or path.is_symlink():
            continue
        with path.open("rb") as handle:
            if handle.read(4) != b"\x7fELF":
                continue
        out = subprocess.run(
            ["objdump", "-T", str(path)], capture_output=True, text=True, check=False
        ).stdout
        for major, minor in re.findall(r"GLIBC_(\d+)\.(\d+)", out):
            best = max(best, (int(major), int(minor)))
    return f"{best[0]}.{best[1]}" if best != (0, 0) else ""


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "targets", nargs="*", choices=["bundle", "deb", "nsis", "windows", "all"], default=["all"],
        metavar="TARGET", help="bundle, deb, nsis, windows or all",
    )  # fmt: skip
    parser.add_argument(
        "--venv", type=Path,
        default=Path(tempfile.gettempdir()) / f"rectdesk-build-venv-{platform_key()}",
        help="the build venv (created when missing)",
    )  # fmt: skip
    parser.add_argument("--nsis-source", type=Path, help="folder packed by the NSIS installer")
    parser.add_argument(
        "--max-glibc", default="", metavar="X.Y",
        help="fail when the Linux bundle needs a newer glibc (2.28 for Kylin V10 / UOS 20)",
    )  # fmt: skip
    parser.add_argument("--nsis-fast", action="store_true", help="zlib instead of lzma (checks)")
    parser.add_argument(
        "--arch", choices=["amd64", "arm64", "all"], default="all",
        help="architectures of the .deb (default: both)",
    )  # fmt: skip
    parser.add_argument(
        "--smoke", action="store_true",
        help="after `deb`: apt install it into fresh Debian 11/12 roots and run it there; "
        "after `windows`: install, run and uninstall it under Wine 10",
    )  # fmt: skip
    args = parser.parse_args(argv)
    targets = set(args.targets)
    if "all" in targets:
        targets = {"deb"} if sys.platform.startswith("linux") else {"bundle", "nsis"}
    if sys.platform == "win32" and targets & {"bundle", "nsis"}:
        # requirements-windows.txt pins the wheels of the embeddable-Python installer, which
        # needs mingw-w64 and NSIS from Debian: it is built on Linux (WSL works too).
        raise SystemExit("build the Windows installer on Linux: python3 installer/build.py windows")
    started = time.monotonic()
    key = platform_key()
    step(f"RectDesk {version()} for {key}")
    bundle = DIST / BUNDLE_NAME
    if "bundle" in targets:
        bundle = build_bundle(
            ensure_venv(args.venv, requirements_file(key)), max_glibc=args.max_glibc
        )
    if "deb" in targets:
        from deb_build import build_debs

        arches = ["amd64", "arm64"] if args.arch == "all" else [args.arch]
        debs = build_debs(arches, version(), DIST)
        if args.smoke:
            from deb_smoke import smoke_debs

            if not smoke_debs(debs, DIST / "smoke"):
                return 1
    if "windows" in targets:
        from windows_build import build as build_windows

        setup = build_windows(version(), fast=args.nsis_fast)
        if args.smoke:
            from windows_smoke import smoke_installer

            if not smoke_installer(setup, version()):
                return 1
    if "nsis" in targets:
        from nsis import build_installer

        build_installer(args.nsis_source or bundle, version(), DIST, fast=args.nsis_fast)
    step(f"done in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(INSTALLER))
    os.chdir(ROOT)
    sys.exit(main())
