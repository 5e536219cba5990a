"""The build-and-smoke job (Linux): bundle, .deb, install into a throw-away root, smoke test.

    python3 tests/installer/build_and_smoke.py            # build everything, then check it
    python3 tests/installer/build_and_smoke.py --no-build # check dist/ as it is
    python3 tests/installer/build_and_smoke.py --nsis     # also compile the Windows installer

Too slow for every CI run (a few minutes on two cores): run it before handing out a release.
Steps: installer/build.py bundle deb; check the bundle holds no WebEngine; check apt could
install the .deb's Depends here (simulated); `dpkg -x` the .deb into a temporary root; check
every shared library the installed programs need is either in the package or declared in its
Depends; run `rectdesk --smoke-test` (offscreen) and `rectdesk-cli smoke-test` from the
installed copy, on temporary data (and open the window on Xvfb when xvfb-run is installed);
print the times and sizes.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
INSTALLER = ROOT / "installer"
DIST = ROOT / "dist"
sys.path.insert(0, str(INSTALLER))

import build  # noqa: E402
import bundle_rules  # noqa: E402
import debian_package  # noqa: E402

Timings = dict[str, float]


def timed(timings: Timings, name: str, command: list[str], **kwargs: object) -> str:
    """Run ``command``, fail loudly, remember how long it took; returns its output."""
    print(f"==> {name}: {' '.join(command)}", flush=True)
    started = time.monotonic()
    done = subprocess.run(command, capture_output=True, text=True, check=False, **kwargs)  # type: ignore[call-overload]
    timings[name] = time.monotonic() - started
    output: str = done.stdout + done.stderr
    print(output.rstrip()[-3000:])
    if done.returncode != 0:
        raise SystemExit(f"FAILED: {name} (status {done.returncode})")
    return output


def elf_files(folder: Path) -> list[Path]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def system_libraries() -> dict[str, str]:
    """soname -> path, as the dynamic linker's cache of this machine knows them."""
    out = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=False).stdout
    known: dict[str, str] = {}
    for soname, _flags, path in re.findall(r"^\s*(\S+) \(([^)]*)\) => (\S+)$", out, re.M):
        known.setdefault(soname, path)
    return known


def unresolved_libraries(folder: Path) -> dict[str, str]:
    """soname -> system path ('' when missing) of every library an ELF file of ``folder`` needs
    directly and the folder does not hold; what those need in turn is their packages' concern."""
    bundled = {p.name for p in folder.rglob("*.so*")}
    system = system_libraries()
    found: dict[str, str] = {}
    for path in elf_files(folder):
        out = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True).stdout
        for soname in re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out):
            if soname not in bundled:
                found[soname] = system.get(soname, "")
    return found


def owning_package(path: str) -> str:
    """The Debian package that installed ``path`` on this machine ('' if none)."""
    for candidate in (path, os.path.realpath(path)):
        done = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
        if done.returncode == 0:
            return done.stdout.split(":", 1)[0]
    return ""


def check_dependencies(installed: Path) -> list[str]:
    """Libraries the programs need that are neither bundled nor covered by Depends."""
    declared = {
        name.strip().split(" ")[0] for entry in debian_package.DEPENDS for name in entry.split("|")
    }
    problems = []
    for soname, where in sorted(unresolved_libraries(installed).items()):
        package = debian_package.SONAME_PACKAGES.get(soname) or (
            owning_package(where) if where else ""
        )
        package = package.split(":")[0]
        if package in debian_package.IMPLIED:
            continue
        if not package:
            problems.append(f"{soname}: not found and not known to any package")
        elif package not in declared:
            problems.append(f"{soname}: from {package}, which Depends does not name")
    return problems


def smoke(installed: Path, timings: Timings) -> None:
    with tempfile.TemporaryDirectory(prefix="rectdesk-smoke-home-") as home:
        env = {
            **os.environ,
            "HOME": home,
            "XDG_DATA_HOME": f"{home}/data",
            "XDG_CONFIG_HOME": f"{home}/config",
            "XDG_STATE_HOME": f"{home}/state",
            "QT_QPA_PLATFORM": "offscreen",
        }
        env.pop("RECTDESK_DB", None)
        out = timed(timings, "rectdesk --smoke-test", [str(installed / "rectdesk"), "--smoke-test"],
                    env=env)  # fmt: skip
        if "冒烟测试通过" not in out:
            raise SystemExit("FAILED: the window program's smoke test did not report success")
        timed(timings, "rectdesk-cli smoke-test", [str(installed / "rectdesk-cli"), "smoke-test"],
              env=env)  # fmt: skip
        if shutil.which("xvfb-run"):
            # The real X11 (xcb) platform on a virtual screen: the window opens, then closes.
            window_env = {k: v for k, v in env.items() if k != "QT_QPA_PLATFORM"}
            timed(timings, "rectdesk window on Xvfb (xcb)",
                  ["xvfb-run", "-a", str(installed / "rectdesk"), "--db", f"{home}/window.sqlite3",
                   "--quit-after", "3000"], env=window_env, timeout=180)  # fmt: skip
        # /usr/bin/rectdesk-cli is a symlink: the program must find its folder through it.
        link = Path(home) / "rectdesk-cli"
        link.symlink_to(installed / "rectdesk-cli")
        timed(timings, "rectdesk-cli through a symlink", [str(link), "--version"], env=env)
        if any(Path(home, "data").rglob("*.sqlite3")):
            raise SystemExit("FAILED: the smoke test wrote into the user's data folder")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="check the existing dist/")
    parser.add_argument("--nsis", action="store_true", help="also compile the NSIS installer")
    parser.add_argument("--venv", help="build venv (passed to installer/build.py)")
    args = parser.parse_args()
    started = time.monotonic()
    timings: Timings = {}
    key = build.platform_key()
    version = build.version()
    if not args.no_build:
        command = ["nice", sys.executable, str(INSTALLER / "build.py"), "bundle", "deb"]
        if args.venv:
            command += ["--venv", args.venv]
        timed(timings, "build bundle and .deb", command, cwd=ROOT)
    bundle = DIST / "rectdesk"
    problems = bundle_rules.bundle_problems(bundle, windows=False)
    if problems:
        raise SystemExit("FAILED: bundle check\n  " + "\n  ".join(problems))
    print("==> bundle: no WebEngine, every required file present")
    deb = DIST / f"rectdesk_{version}_{debian_package.ARCHITECTURES[key]}.deb"
    timed(timings, "dpkg-deb --info", ["dpkg-deb", "--info", str(deb)])
    if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        # Every Depends entry must exist in this system's archive (nothing is installed).
        timed(timings, "apt-get install --simulate", ["apt-get", "install", "-s", "-q", str(deb)])
    with tempfile.TemporaryDirectory(prefix="rectdesk-deb-root-") as target:
        timed(timings, "dpkg -x (install into a throw-away root)", ["dpkg", "-x", str(deb), target])
        installed = Path(target) / "opt" / "rectdesk"
        listing = {p.relative_to(target).as_posix() for p in Path(target).rglob("*")}
        for needed in ("usr/share/applications/rectdesk.desktop", "usr/bin/rectdesk",
                       "usr/share/icons/hicolor/256x256/apps/rectdesk.png"):  # fmt: skip
            if needed not in listing:
                raise SystemExit(f"FAILED: the .deb lacks {needed}")
        if bundle_rules.bundle_problems(installed, windows=False):
            raise SystemExit("FAILED: the installed copy differs from the bundle")
        missing = check_dependencies(installed)
        if missing:
            raise SystemExit("FAILED: undeclared libraries\n  " + "\n  ".join(missing))
        print("==> every system library needed is declared in Depends")
        smoke(installed, timings)
    if args.nsis:
        from nsis import build_installer

        began = time.monotonic()
        build_installer(bundle, version, DIST, fast=True)
        timings["makensis (zlib check build)"] = time.monotonic() - began
    print("\n== summary ==")
    files = len(build.bundle_files(bundle))
    print(f"bundle: {build.folder_size(bundle) / 2**20:.0f} MiB in {files} files")
    print(f".deb:   {deb.stat().st_size / 2**20:.0f} MiB ({deb.name})")
    print(f"glibc:  the bundle needs {build.glibc_needed(bundle) or 'unknown'}")
    for name, seconds in timings.items():
        print(f"{seconds:7.1f} s  {name}")
    print(f"{time.monotonic() - started:7.1f} s  total")
    print("BUILD AND SMOKE PASSED")
    return 0


if __name__ == "__main__":
    sys.exit(main())
