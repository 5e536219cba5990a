"""The .deb packages for Kylin V10, UOS 20 and other Debian-family systems, amd64 and arm64.

    python3 installer/build.py deb [--arch amd64|arm64|all] [--smoke]

For each architecture: CPython from installer/linux_python.py (glibc 2.28), the pinned wheels in
a venv of that interpreter, PyInstaller on installer/rectdesk.spec, all inside a Debian 11 root
of the target architecture (arm64 runs through qemu-user-static); then the ELF scan of
installer/elf_versions.py, which fails the build when any file needs a newer glibc than the
package promises, and installer/debian_package.py, which packs dist/rectdesk_<version>_<arch>.deb.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import debian_roots
import elf_versions
import linux_python
from debian_roots import CACHE, Chroot, step

import debian_package
from bundle_rules import bundle_problems

ROOT = Path(__file__).resolve().parent.parent
INSTALLER = ROOT / "installer"
#: What the project copy inside a root holds (with installer/, the spec needs nothing else).
PROJECT_PARTS = ("rectdesk", "resources", "translations", "pyproject.toml")
#: For the arm64 bundling root (the amd64 one is the build root, which has them): libraries
#: CPython's modules link against, those QtCore/QtGui need to be imported (PyInstaller's hooks
#: ask Qt where its plugins and translations are), and binutils for PyInstaller's objdump.
ARM64_RUNTIME = ("libssl1.1", "libffi7", "zlib1g", "liblzma5", "libbz2-1.0", "libuuid1",
                 "libglib2.0-0", "libfontconfig1", "libdbus-1-3", "libx11-6", "libxkbcommon0",
                 "libegl1", "libgl1", "binutils", "ca-certificates")  # fmt: skip


@dataclass(frozen=True)
class Target:
    """One architecture: names, the newest glibc its package may need, and the largest memory
    page its libraries must load with (arm64 servers and desktops may run 64 KiB pages)."""

    deb_arch: str  # amd64, arm64
    machine: str  # x86_64, aarch64
    max_glibc: str
    why: str
    page_size: int

    @property
    def key(self) -> str:
        return f"linux-{self.machine}"


TARGETS = {
    "amd64": Target("amd64", "x86_64", "2.28",
                    "UOS 20 (Debian 10), Kylin V10 SP1 (Ubuntu 20.04) and newer", 4096),
    "arm64": Target("arm64", "aarch64", "2.31",
                    "PyPI's newest arm64 PySide6 wheel for old systems is manylinux_2_31", 65536),
}  # fmt: skip


def _manylinux_module(max_glibc: str) -> str:
    """PEP 600's _manylinux hook: pip then takes no wheel that needs a newer glibc."""
    major, minor = max_glibc.split(".")
    return (
        '"""Limit the manylinux wheels pip accepts to glibc ' + max_glibc + ' (PEP 600)."""\n\n\n'
        "def manylinux_compatible(tag_major, tag_minor, tag_arch):\n"
        f"    return (tag_major, tag_minor) <= ({major}, {minor})\n"
    )


def _bundle_root(target: Target) -> Path:
    """The root PyInstaller runs in: the build root for amd64, a bullseye arm64 root for arm64."""
    if target.deb_arch == "amd64":
        return linux_python.build_root()
    root = CACHE / "bundleroot-bullseye-arm64"
    stamp = root / ".rectdesk-bundle-root"
    wanted = " ".join(ARM64_RUNTIME)
    if stamp.is_file() and stamp.read_text() == wanted:
        return root
    step(f"preparing the arm64 bundling root {root}")
    if not (root / "usr" / "bin" / "apt-get").is_file():
        debian_roots.unpack(debian_roots.pristine(linux_python.SUITE, "arm64"), root)
    with Chroot(root) as chroot:
        chroot.run("apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends "
                   f"{wanted} >/tmp/apt.log 2>&1 || {{ tail -20 /tmp/apt.log; exit 1; }}; "
                   "apt-get clean")  # fmt: skip
    stamp.write_text(wanted)
    return root


def _install_python(root: Path, target: Target) -> str:
    """Unpack the interpreter into the root (when it changed); returns its tarball's name."""
    tarball = linux_python.interpreter(target.machine)
    stamp = root / "opt" / f".rectdesk-python-{target.machine}"
    if not stamp.is_file() or stamp.read_text() != tarball.name:
        shutil.rmtree(root / linux_python.PREFIX.lstrip("/"), ignore_errors=True)
        subprocess.run(["tar", "-xzf", str(tarball), "-C", str(root)], check=True)
        stamp.write_text(tarball.name)
    return tarball.name


def _host_certificates(root: Path) -> dict[str, str]:
    """pip inside the root trusts what pip here trusts (the same certificate bundle)."""
    bundle = Path("/etc/ssl/certs/ca-certificates.crt")
    if not bundle.is_file():
        return {}
    inside = root / "etc" / "ssl" / "certs" / "rectdesk-build-ca.crt"
    inside.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(bundle, inside)
    return {"PIP_CERT": "/etc/ssl/certs/rectdesk-build-ca.crt"}


def _venv(chroot: Chroot, root: Path, target: Target, python_name: str) -> str:
    """A venv of the built interpreter holding the pinned requirements; returns its python."""
    requirements = INSTALLER / f"requirements-{target.key}.txt"
    venv = f"/build/venv-{target.machine}"
    wanted = hashlib.sha256(requirements.read_bytes() + python_name.encode()).hexdigest()
    stamp = root / venv.lstrip("/") / ".rectdesk-requirements"
    if stamp.is_file() and stamp.read_text() == wanted:
        return f"{venv}/bin/python"
    step(f"installing {requirements.name} into {venv} (inside the {target.deb_arch} root)")
    shutil.rmtree(root / venv.lstrip("/"), ignore_errors=True)
    (root / "build").mkdir(exist_ok=True)
    shutil.copy2(requirements, root / "build" / requirements.name)
    chroot.run(f"{linux_python.PREFIX}/bin/python3.11 -m venv {venv}")
    site = root / venv.lstrip("/") / "lib" / "python3.11" / "site-packages"
    (site / "_manylinux.py").write_text(_manylinux_module(target.max_glibc), encoding="utf-8")
    chroot.run(
        f"{venv}/bin/python -m pip install -q --disable-pip-version-check --only-binary=:all: "
        f"-r /build/{requirements.name}",
        env=_host_certificates(root),
    )  # fmt: skip
    stamp.write_text(wanted)
    return f"{venv}/bin/python"


def _copy_project(root: Path) -> None:
    """The program's committed files (git HEAD; the working tree when this is not a git
    checkout), so uncommitted edits never reach a package by accident, and installer/ as it
    is here (it is the recipe being run)."""
    project = root / "build" / "project"
    shutil.rmtree(project, ignore_errors=True)
    project.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(INSTALLER, project / "installer", ignore=ignore)
    if shutil.which("git") and (ROOT / ".git").exists():
        git = ["git", "-C", str(ROOT)]
        commit = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True, check=True).stdout.strip()  # fmt: skip
        archive = subprocess.run([*git, "archive", "--format=tar", "HEAD", *PROJECT_PARTS],
                                 capture_output=True, check=True).stdout  # fmt: skip
        subprocess.run(["tar", "-x", "-C", str(project)], input=archive, check=True)
        dirty = subprocess.run([*git, "status", "--porcelain", "--", *PROJECT_PARTS],
                               capture_output=True, text=True, check=False).stdout  # fmt: skip
        note = " (uncommitted changes are left out)" if dirty.strip() else ""
        print(f"    packaging commit {commit}{note}")
        return
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, project / part, ignore=ignore)
        else:
            shutil.copy2(source, project / part)


def build_bundle(target: Target, dist: Path) -> Path:
    """dist/linux-<machine>/rectdesk, built by PyInstaller inside the target's root."""
    root = _bundle_root(target)
    python_name = _install_python(root, target)
    out = f"/build/dist-{target.machine}"
    with Chroot(root) as chroot:
        python = _venv(chroot, root, target, python_name)
        _copy_project(root)
        step(f"PyInstaller one-folder build for {target.deb_arch} (inside the root)")
        started = time.monotonic()
        chroot.run(
            f"cd /build/project && {python} -m PyInstaller --noconfirm --clean --log-level ERROR "
            f"--distpath {out} --workpath /build/pyinstaller-{target.machine} "
            "installer/rectdesk.spec",
            env={"PYTHONDONTWRITEBYTECODE": "1"},
        )  # fmt: skip
        print(f"    built in {time.monotonic() - started:.0f} s")
    bundle = dist / target.key / "rectdesk"
    shutil.rmtree(bundle, ignore_errors=True)
    bundle.parent.mkdir(parents=True, exist_ok=True)
    shutil.copytree(root / out.lstrip("/") / "rectdesk", bundle, symlinks=True)
    problems = bundle_problems(bundle, windows=False)
    if problems:
        raise SystemExit("bundle check failed:\n  " + "\n  ".join(problems))
    check_elf(bundle, target)
    return bundle


def check_elf(path: Path, target: Target) -> elf_versions.Scan:
    """Fail when any ELF file under ``path`` (a folder or a .deb) needs a newer glibc, or
    cannot be loaded with the target's largest page size."""
    result = elf_versions.scan(path, max_glibc=target.max_glibc, page=target.page_size)
    print(f"    ELF scan of {path.name}: {result.summary()}")
    if result.files == 0:
        raise SystemExit(f"no ELF file in {path}")
    if result.over:
        raise SystemExit(
            f"{path.name} needs a glibc newer than {target.max_glibc} ({target.why}):\n  "
            + "\n  ".join(result.over[:40])
        )
    if result.misaligned:
        raise SystemExit(
            f"{path.name} has libraries the loader refuses with {target.page_size}-byte pages "
            "(segments not page-aligned):\n  " + "\n  ".join(result.misaligned[:40])
        )
    return result


def build_debs(arches: list[str], version: str, dist: Path) -> list[Path]:
    """Build the bundle and .deb for each architecture; returns the .deb paths."""
    debian_roots.require_tools("debootstrap", "dpkg-deb")
    debs = []
    for arch in arches:
        target = TARGETS[arch]
        started = time.monotonic()
        bundle = build_bundle(target, dist)
        scan = elf_versions.scan(bundle)
        deb = debian_package.build_deb(
            bundle, version, target.key, dist, work=ROOT / "build" / f"deb-{arch}",
            min_glibc=scan.glibc() or target.max_glibc,
            glibcxx=elf_versions.show(scan.newest.get("GLIBCXX", ())),
        )  # fmt: skip
        check_elf(deb, target)
        print(f"    {deb.name} ready in {time.monotonic() - started:.0f} s")
        debs.append(deb)
    return debs
