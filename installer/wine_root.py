"""A Debian 13 "trixie" root holding Wine 10, made once with debootstrap and reused.

Wine 8 (Debian 12, this machine) aborts in QApplication; Wine 10 runs Qt 6.9. The root lives in
the build cache (~/.cache/rectdesk-build/windows/trixie-root), outside the checkout, and is
entered with chroot with /proc, /sys and /dev bound in for the time of a run. Making it needs
root and network access once (about 2 minutes); afterwards nothing is downloaded.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import subprocess
from collections.abc import Iterator, Sequence
from pathlib import Path

SUITE = "trixie"
#: wine32 runs the installer (a 32-bit program, so that it can refuse 32-bit Windows itself);
#: Xvfb is the screen, xdotool finds windows, xwd and netpbm take screenshots; the locale
#: gives Wine the Chinese code page (936) of a Chinese Windows.
PACKAGES = (
    "wine", "wine64", "wine32:i386", "xvfb", "xauth", "xdotool", "x11-apps", "netpbm",
    "fonts-wqy-zenhei", "locales",
)  # fmt: skip
LOCALE = "zh_CN.UTF-8"
#: The font that stands in for the Chinese fonts of a Chinese Windows.
CHINESE_FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
BINDS = ("proc", "sys", "dev")


def mirror() -> str:
    """The first Debian archive this machine's apt uses (deb.debian.org otherwise)."""
    found: list[str] = []
    sources = Path("/etc/apt/sources.list.d")
    for path in sorted(sources.glob("*.sources")) if sources.is_dir() else []:
        found += [
            line.split(":", 1)[1].split()[0]
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
            if line.startswith("URIs:") and line.split(":", 1)[1].split()
        ]
    lists = [Path("/etc/apt/sources.list"), *sorted(sources.glob("*.list"))]
    for path in lists:
        if path.is_file():
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                parts = line.split()
                if parts[:1] == ["deb"] and len(parts) > 1:
                    found.append(parts[-3] if parts[1].startswith("[") else parts[1])
    usable = [url for url in found if "security" not in url and url.startswith("http")]
    return usable[0] if usable else "http://deb.debian.org/debian"


class WineRoot:
    """The trixie root with Wine: made when missing, entered with :meth:`mounted`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._stamp = path / ".rectdesk-wine-root"

    def _wanted(self) -> str:
        return hashlib.sha256(" ".join([SUITE, *PACKAGES, LOCALE]).encode()).hexdigest()

    @property
    def ready(self) -> bool:
        return self._stamp.is_file() and self._stamp.read_text() == self._wanted()

    def ensure(self) -> None:
        """Debootstrap and install Wine when the root is missing or out of date."""
        if self.ready:
            return
        if os.geteuid() != 0:
            raise SystemExit(
                "the Wine smoke test makes a Debian root with debootstrap: run it as root"
            )
        if shutil.which("debootstrap") is None:
            _apt_install_here(["debootstrap"])
        if not (self.path / "usr" / "bin" / "apt-get").exists():
            print(f"==> debootstrap {SUITE} into {self.path} (once)", flush=True)
            self.path.parent.mkdir(parents=True, exist_ok=True)
            log = self.path.parent / "debootstrap.log"
            with log.open("w") as out:
                done = subprocess.run(
                    ["debootstrap", "--variant=minbase", "--include=ca-certificates", SUITE,
                     str(self.path), mirror()],
                    stdout=out, stderr=subprocess.STDOUT, check=False,
                )  # fmt: skip
            if done.returncode != 0:
                raise SystemExit(f"debootstrap failed: see {log}")
        shutil.copy2("/etc/resolv.conf", self.path / "etc" / "resolv.conf")
        log = self.path.parent / "wine-install.log"
        print(
            f"==> installing Wine 10 and Xvfb into the {SUITE} root (once; log: {log})", flush=True
        )
        with self.mounted(), log.open("w") as out:
            env = {"DEBIAN_FRONTEND": "noninteractive"}
            (self.path / "etc" / "locale.gen").write_text(f"{LOCALE} UTF-8\n", encoding="utf-8")
            for step in (["dpkg", "--add-architecture", "i386"], ["apt-get", "update", "-qq"],
                         ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *PACKAGES],
                         ["locale-gen"]):  # fmt: skip
                done = subprocess.run(self.command(step, env), stdout=out,
                                      stderr=subprocess.STDOUT, check=False)  # fmt: skip
                if done.returncode != 0:
                    raise SystemExit(f"{' '.join(step[:2])} failed in the Wine root: see {log}")
        self._stamp.write_text(self._wanted())

    @contextlib.contextmanager
    def mounted(self) -> Iterator[WineRoot]:
        """/proc, /sys and /dev bound into the root while inside; unbound after (if bound here)."""
        bound = []
        try:
            for name in BINDS:
                target = self.path / name
                target.mkdir(exist_ok=True)
                if subprocess.run(["mountpoint", "-q", str(target)], check=False).returncode:
                    subprocess.run(["mount", "--bind", f"/{name}", str(target)], check=True)
                    bound.append(target)
            yield self
        finally:
            for target in reversed(bound):
                subprocess.run(["umount", str(target)], check=False)

    def command(
        self, argv: Sequence[str], env: dict[str, str] | None = None, *, offline: bool = False
    ) -> list[str]:
        """``argv`` run inside the root with exactly ``env`` (plus PATH and HOME).

        ``offline``: in a network namespace of its own with no network at all, so whatever
        runs there provably needs none (Wine and X talk through files in the root's /tmp).
        """
        base = {"PATH": "/usr/lib/wine:/usr/sbin:/usr/bin:/sbin:/bin", "HOME": "/root"}
        pairs = [f"{k}={v}" for k, v in {**base, **(env or {})}.items()]
        isolate = ["unshare", "--net"] if offline else []
        return [*isolate, "chroot", str(self.path), "/usr/bin/env", "-i", *pairs, *argv]

    def host(self, inside: str) -> Path:
        """The host path of a path inside the root."""
        return self.path / inside.lstrip("/")


def _apt_install_here(packages: list[str]) -> None:
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "install", "-y", "-qq", *packages], check=True, env=env)
