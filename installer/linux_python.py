"""CPython 3.11 for the Linux packages, built here so that it runs on glibc 2.28 and later.

The Python of the build machine (Debian 12: glibc 2.36) cannot go into a package for Kylin V10
(glibc 2.31) or UOS 20 (glibc 2.28). So a Debian 11 root is made with debootstrap, the Debian
source packages of python3.11 and sqlite3 (bookworm, with Debian's security fixes) are fetched
into it, and installer/build_python.sh compiles them there: natively for x86_64, with Debian's
cross compiler for aarch64. Each interpreter is cached as a tarball keyed by the recipe, so it is
compiled once (about 4 minutes on two cores) and reused.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import tempfile
from pathlib import Path

import debian_roots
import elf_versions
from debian_roots import CACHE, Chroot, step

INSTALLER = Path(__file__).resolve().parent
RECIPE = INSTALLER / "build_python.sh"
SUITE = "bullseye"
#: Where the interpreter lives in the build and bundling roots.
PREFIX = "/opt/rectdesk-python"
#: Source packages (from bookworm: CPython 3.11 and SQLite 3.40 with Debian's fixes).
SOURCES = ("python3.11", "sqlite3")
SOURCE_SUITE = "bookworm"
ARM64_DEV = ("libssl-dev", "zlib1g-dev", "libffi-dev", "liblzma-dev", "libbz2-dev", "uuid-dev")
BUILD_PACKAGES = (
    "build-essential", "pkg-config", "tcl", "xz-utils", "patch", "ca-certificates", "dpkg-dev",
    "binutils", "libssl-dev", "zlib1g-dev", "libffi-dev", "liblzma-dev", "libbz2-dev",
    "uuid-dev", "gcc-aarch64-linux-gnu", "libc6-dev-arm64-cross",
    *(f"{name}:arm64" for name in ARM64_DEV),
)  # fmt: skip
#: The oldest glibc the interpreter must run on (UOS 20).
MAX_GLIBC = "2.28"
JOBS = int(os.environ.get("RECTDESK_BUILD_JOBS", "2"))


def _digest(*parts: str | bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode() if isinstance(part, str) else part)
        digest.update(b"\0")
    return digest.hexdigest()[:12]


def build_root() -> Path:
    """The bullseye amd64 root with compilers, -dev packages (amd64 and arm64) and sources."""
    wanted = _digest(SUITE, *BUILD_PACKAGES, *SOURCES, SOURCE_SUITE)
    root = CACHE / f"buildroot-{SUITE}-amd64"
    stamp = root / ".rectdesk-build-root"
    if stamp.is_file() and stamp.read_text() == wanted:
        return root
    tarball = debian_roots.pristine(SUITE, "amd64")
    debian_roots.ensure_foreign_arch("arm64")
    step(f"preparing the build root {root} (compilers, -dev packages, Debian sources)")
    debian_roots.unpack(tarball, root)
    mirror = debian_roots.mirror()
    (root / "etc" / "apt" / "sources.list.d" / "rectdesk-src.list").write_text(
        f"deb-src {mirror} {SOURCE_SUITE} main\n"
    )
    with Chroot(root) as chroot:
        chroot.run(
            "set -e\ndpkg --add-architecture arm64\napt-get update -q >/dev/null\n"
            f"apt-get install -y -q --no-install-recommends {' '.join(BUILD_PACKAGES)} "
            ">/tmp/apt.log 2>&1 || { tail -30 /tmp/apt.log; exit 1; }\n"
            "mkdir -p /build/src && cd /build/src\n"
            f"apt-get source -q --download-only {' '.join(SOURCES)} >/dev/null 2>&1\n"
            "ls /build/src/python3.11_*.orig.tar.gz /build/src/sqlite3_*.orig.tar.xz\n"
            "apt-get clean\n"
        )  # fmt: skip
    stamp.write_text(wanted)
    return root


def _sources_key(root: Path) -> str:
    names = sorted(p.name for p in (root / "build" / "src").iterdir() if p.is_file())
    return _digest(RECIPE.read_bytes(), *names)


def interpreter(arch: str) -> Path:
    """The cached tarball of CPython for ``arch`` (x86_64 or aarch64), built when missing."""
    root = build_root()
    tarball = CACHE / "python" / f"python-{arch}-{_sources_key(root)}.tar.gz"
    if tarball.is_file():
        return tarball
    build_python = ""
    if arch != "x86_64":
        # Cross-compiling needs a python3.11 of the same version that runs here.
        # It is relocatable: unpacked beside, not over, the one the amd64 bundle uses.
        native = interpreter("x86_64")
        beside = root / "build" / "native-python"
        subprocess.run(["rm", "-rf", str(beside)], check=True)
        beside.mkdir(parents=True)
        subprocess.run(["tar", "-xzf", str(native), "-C", str(beside)], check=True)
        build_python = f"/build/native-python{PREFIX}/bin/python3.11"
    step(f"compiling CPython 3.11 and SQLite for {arch} (-j{JOBS}; cached afterwards)")
    (root / "build" / "build_python.sh").write_bytes(RECIPE.read_bytes())
    with Chroot(root) as chroot:
        chroot.run(f"nice bash /build/build_python.sh {arch} /build/src /build/out {JOBS} "
                   f"{build_python}")  # fmt: skip
    built = root / "build" / "out" / f"python-{arch}.tar.gz"
    with tempfile.TemporaryDirectory(prefix="rectdesk-python-scan-") as tmp:
        subprocess.run(["tar", "-xzf", str(built), "-C", tmp], check=True)
        scan = elf_versions.scan(Path(tmp), max_glibc=MAX_GLIBC)
        print(f"    ELF scan of the interpreter: {scan.summary()}")
        if scan.over:
            raise SystemExit(f"the {arch} interpreter needs a glibc newer than {MAX_GLIBC}:\n  "
                             + "\n  ".join(scan.over[:40]))  # fmt: skip
    tarball.parent.mkdir(parents=True, exist_ok=True)
    for old in tarball.parent.glob(f"python-{arch}-*.tar.gz"):
        old.unlink()
    built.rename(tarball)
    return tarball
