"""Debian roots made with debootstrap: kept pristine as tarballs, used as fresh copies.

The Linux packages are built in a Debian 11 (bullseye) root and tried in fresh bullseye and
bookworm roots, amd64 and arm64; an arm64 root runs through qemu-user-static and binfmt_misc.
Everything is cached under ~/.cache/rectdesk-build (or $RECTDESK_BUILD_CACHE). Needs root and a
Debian-family build machine (debootstrap, chroot, mount).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

CACHE = Path(os.environ.get("RECTDESK_BUILD_CACHE") or Path.home() / ".cache" / "rectdesk-build")
DEFAULT_MIRROR = "http://deb.debian.org/debian"
#: Debian architecture of each platform key used by installer/build.py.
DEBIAN_ARCH = {"x86_64": "amd64", "aarch64": "arm64"}
BINFMT = Path("/proc/sys/fs/binfmt_misc")


def step(message: str) -> None:
    print(f"==> {message}", flush=True)


def host_arch() -> str:
    return subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()


def mirror() -> str:
    """The Debian archive this machine's apt uses (so the roots come from the same place)."""
    if os.environ.get("RECTDESK_DEBIAN_MIRROR"):
        return os.environ["RECTDESK_DEBIAN_MIRROR"]
    lines: list[str] = []
    sources = Path("/etc/apt/sources.list.d")
    for path in sorted(sources.glob("*.sources")) if sources.is_dir() else []:
        lines += [ln.split(":", 1)[1].strip() for ln in path.read_text().splitlines()
                  if ln.startswith("URIs:")]  # fmt: skip
    for path in [Path("/etc/apt/sources.list"), *sorted(sources.glob("*.list"))]:
        if path.is_file():
            lines += [ln.split()[1] for ln in path.read_text().splitlines()
                      if ln.startswith("deb ") and len(ln.split()) > 2]  # fmt: skip
    for uri in lines:
        for candidate in uri.split():
            if candidate.rstrip("/").endswith("/debian") and "security" not in candidate:
                return candidate
    return DEFAULT_MIRROR


def require_tools(*tools: str) -> None:
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if os.geteuid() != 0:
        raise SystemExit("building and trying the .deb needs root (debootstrap, chroot, mount)")
    if missing:
        packages = {"debootstrap": "debootstrap", "qemu-aarch64-static": "qemu-user-static",
                    "Xvfb": "xvfb", "dpkg-deb": "dpkg"}  # fmt: skip
        names = sorted({packages.get(tool, tool) for tool in missing})
        step(f"installing {' '.join(names)} on the build machine")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-q"], check=False, env=env, capture_output=True)
        subprocess.run(["apt-get", "install", "-y", "-q", *names], check=True, env=env)


def ensure_foreign_arch(arch: str) -> None:
    """Let this machine run ``arch`` programs (qemu-user-static registered with binfmt_misc)."""
    if arch == host_arch():
        return
    qemu_name = {"arm64": "aarch64", "amd64": "x86_64"}[arch]
    require_tools(f"qemu-{qemu_name}-static")
    if not (BINFMT / "register").exists():
        subprocess.run(["mount", "-t", "binfmt_misc", "binfmt_misc", str(BINFMT)], check=True)
    entry = BINFMT / f"qemu-{qemu_name}"
    if not entry.exists():
        # Debian's entry uses the F flag: the interpreter is opened now, so it works in chroots.
        conf = Path(f"/usr/lib/binfmt.d/qemu-{qemu_name}.conf")
        if not conf.is_file():
            raise SystemExit(f"{conf} missing: apt-get install qemu-user-static binfmt-support")
        (BINFMT / "register").write_text(conf.read_text().strip())
    if entry.read_text().splitlines()[0] != "enabled":
        entry.write_text("1")


def pristine(suite: str, arch: str, *, include: Sequence[str] = ()) -> Path:
    """The tarball of a fresh ``debootstrap --variant=minbase`` root (made once, then cached)."""
    extra = f"+{'+'.join(include)}" if include else ""
    tarball = CACHE / "roots" / f"{suite}-{arch}-minbase{extra}.tar.gz"
    if tarball.is_file():
        return tarball
    require_tools("debootstrap")
    ensure_foreign_arch(arch)
    tarball.parent.mkdir(parents=True, exist_ok=True)
    step(f"debootstrap {suite} {arch} (minbase) into the cache")
    with tempfile.TemporaryDirectory(dir=tarball.parent, prefix=".debootstrap-") as tmp:
        root = Path(tmp) / "root"
        command = ["debootstrap", "--variant=minbase", f"--arch={arch}"]
        if include:
            command.append("--include=" + ",".join(include))
        log = Path(tmp) / "debootstrap.log"
        with log.open("w") as out:
            done = subprocess.run([*command, suite, str(root), mirror()], stdout=out,
                                  stderr=subprocess.STDOUT, check=False)  # fmt: skip
        if done.returncode != 0:
            raise SystemExit(f"debootstrap {suite} {arch} failed:\n{log.read_text()[-3000:]}")
        shutil.rmtree(root / "var" / "cache" / "apt" / "archives", ignore_errors=True)
        (root / "var" / "cache" / "apt" / "archives" / "partial").mkdir(parents=True)
        partial = tarball.with_suffix(".part")
        with tarfile.open(partial, "w:gz", compresslevel=3) as archive:
            archive.add(root, arcname=".")
        partial.rename(tarball)
    return tarball


def unpack(tarball: Path, dest: Path) -> Path:
    """A fresh copy of a cached root at ``dest`` (replacing what was there)."""
    remove(dest)
    dest.mkdir(parents=True)
    subprocess.run(["tar", "-xzf", str(tarball), "-C", str(dest)], check=True)
    return dest


def remove(root: Path) -> None:
    """Delete a root, making sure nothing is still mounted inside it first."""
    if not root.exists():
        return
    for mount in reversed(_mounts_under(root)):
        subprocess.run(["umount", "-l", mount], check=False)
    shutil.rmtree(root)


def _mounts_under(root: Path) -> list[str]:
    prefix = str(root.resolve()) + "/"
    mounts = []
    for line in Path("/proc/mounts").read_text().splitlines():
        point = line.split()[1].replace("\\040", " ")
        if point.startswith(prefix):
            mounts.append(point)
    return sorted(mounts)


class Chroot:
    """Commands run inside a root, with /proc, /sys, /dev and the network's resolver."""

    def __init__(self, root: Path, *, binds: Mapping[str, Path] | None = None) -> None:
        self.root = root
        self.binds = dict(binds or {})
        self._mounted: list[Path] = []

    def __enter__(self) -> Chroot:
        resolv = self.root / "etc" / "resolv.conf"
        with contextlib.suppress(OSError):
            resolv.unlink()
        shutil.copy2("/etc/resolv.conf", resolv)
        for name in ("proc", "sys", "dev", "dev/pts"):
            self._bind(Path("/") / name, name)
        for inside, outside in self.binds.items():
            self._bind(outside, inside.lstrip("/"))
        return self

    def _bind(self, outside: Path, inside: str) -> None:
        target = self.root / inside
        target.mkdir(parents=True, exist_ok=True)
        subprocess.run(["mount", "--bind", str(outside), str(target)], check=True)
        self._mounted.append(target)

    def __exit__(self, *_exc: object) -> None:
        # Only this object's own mounts: another build may be using the same root.
        for target in reversed(self._mounted):
            done = subprocess.run(["umount", str(target)], capture_output=True, check=False)
            if done.returncode != 0:
                subprocess.run(["umount", "-l", str(target)], capture_output=True, check=False)
        self._mounted.clear()

    def run(
        self,
        script: str,
        *,
        env: Mapping[str, str] | None = None,
        check: bool = True,
        capture: bool = False,
        timeout: float | None = None,
    ) -> subprocess.CompletedProcess[str]:
        """Run a bash script in the root (as root, in a clean environment)."""
        clean = {
            "PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "HOME": "/root",
            "LANG": "C.UTF-8",
            "DEBIAN_FRONTEND": "noninteractive",
            **(env or {}),
        }
        done = subprocess.run(
            ["chroot", str(self.root), "/bin/bash", "-c", script],
            env=clean, text=True, check=False, timeout=timeout,
            capture_output=capture,
        )  # fmt: skip
        if check and done.returncode != 0:
            detail = (done.stdout or "")[-3000:] + (done.stderr or "")[-3000:] if capture else ""
            raise SystemExit(f"failed in {self.root.name} (status {done.returncode}):\n"
                             f"{script.strip()[:400]}\n{detail}")  # fmt: skip
        return done


@contextlib.contextmanager
def fresh_root(suite: str, arch: str, name: str) -> Iterator[Path]:
    """A throw-away copy of the pristine root, deleted afterwards."""
    tarball = pristine(suite, arch)
    ensure_foreign_arch(arch)
    work = CACHE / "run" / name
    unpack(tarball, work)
    try:
        yield work
    finally:
        remove(work)
