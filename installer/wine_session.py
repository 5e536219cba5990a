"""One Wine 10 session inside the trixie root: a fresh prefix for a Chinese user, and a screen.

The user is 张三 (C:\\users\\张三), the locale zh_CN.UTF-8 (code page 936, as on a Chinese
Windows), Mono and Gecko are never installed, and every Wine command gets the same display, so
that no process starts a window station without a screen. Everything runs without a network
(a network namespace of its own): installing and running the program must need none.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from wine_root import CHINESE_FONT, LOCALE, WineRoot

USER = "张三"
WORK = "/tmp/rectdesk-wine-smoke"
SCREEN = "1366x768x24"
FONT_KEY = r"HKLM\Software\Microsoft\Windows NT\CurrentVersion\Fonts"
VERSION_KEY = r"HKLM\Software\Microsoft\Windows NT\CurrentVersion"
AEDEBUG_KEY = r"HKLM\Software\Microsoft\Windows NT\CurrentVersion\AeDebug"


class WineFailure(Exception):
    """A Wine command did not behave as the check needs."""


@dataclass
class Done:
    """What a Windows program did: exit status and its output (decoded from code page 936)."""

    status: int
    output: str


class WineSession:
    """A prefix under WORK inside the root, and an Xvfb screen for it."""

    def __init__(self, root: WineRoot, name: str = "prefix", *, arch: str = "win64") -> None:
        self.root = root
        self.prefix = f"{WORK}/{name}"
        self.arch = arch
        self.display = ""
        self._screen: subprocess.Popen[bytes] | None = None

    # --- environment -----------------------------------------------------------------------

    def env(self) -> dict[str, str]:
        return {
            "USER": USER, "LOGNAME": USER, "LANG": LOCALE, "LC_ALL": LOCALE,
            "WINEPREFIX": self.prefix, "WINEARCH": self.arch, "WINEDEBUG": "-all",
            "WINEDLLOVERRIDES": "mscoree,mshtml=", "XDG_RUNTIME_DIR": f"{WORK}/xdg",
            "DISPLAY": self.display,
        }  # fmt: skip

    def host(self, windows_path: str) -> Path:
        """The host path of a C:\\ path of this prefix."""
        relative = windows_path[3:].replace("\\", "/")
        return self.root.host(f"{self.prefix}/drive_c/{relative}")

    @property
    def profile(self) -> str:
        return f"C:\\users\\{USER}"

    # --- screen and prefix -----------------------------------------------------------------

    def start_screen(self, display: int) -> None:
        """Xvfb on ``display`` inside the root (its own socket folder: no clash with the host)."""
        self.display = f":{display}"
        command = self.root.command(["Xvfb", self.display, "-screen", "0", SCREEN,
                                     "-nolisten", "tcp", "-noreset"], offline=True)  # fmt: skip
        self._screen = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        socket = self.root.host(f"/tmp/.X11-unix/X{display}")
        for _ in range(100):
            if socket.exists():
                return
            time.sleep(0.1)
        raise WineFailure("Xvfb did not start")

    def stop_screen(self) -> None:
        if self._screen is not None:
            self._screen.terminate()
            self._screen.wait(10)
            self._screen = None

    def share_screen(self, other: WineSession) -> None:
        self.display = other.display

    def create(self) -> None:
        """A fresh prefix (the old one removed), booted."""
        host = self.root.host(self.prefix)
        if host.exists():
            self.kill()
            shutil.rmtree(host)
        xdg = self.root.host(f"{WORK}/xdg")
        xdg.mkdir(parents=True, exist_ok=True)
        xdg.chmod(0o700)
        done = self.wine(["wineboot", "--init"], timeout=300)
        self.wait()
        if done.status != 0 or not self.host(self.profile).is_dir():
            raise WineFailure(f"wineboot failed ({done.status}): {done.output[-500:]}")
        # A crash (or a call Wine does not implement) ends the program instead of waiting in
        # Wine's debugger until the check's time runs out.
        self.wine(["reg", "delete", AEDEBUG_KEY, "/v", "Debugger", "/f"])

    def install_chinese_font(self) -> str:
        """Copy the Chinese TrueType font into C:\\Windows\\Fonts and register it, as installing
        a font on Windows does (Qt finds fonts through that registry key)."""
        source = self.root.host(CHINESE_FONT)
        shutil.copy2(source, self.host(r"C:\windows\Fonts") / source.name)
        self.reg_add(FONT_KEY, "WenQuanYi Zen Hei & WenQuanYi Zen Hei Mono (TrueType)", source.name)
        return source.name

    # --- running ---------------------------------------------------------------------------

    def run(self, argv: list[str], *, timeout: float = 300) -> Done:
        """A command inside the root with this session's environment."""
        try:
            command = self.root.command(argv, self.env(), offline=True)
            done = subprocess.run(command, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired as exc:
            self.kill()
            raise WineFailure(f"{' '.join(argv)[:120]} took longer than {timeout:.0f} s") from exc
        output = (done.stdout + done.stderr).decode("gbk", errors="replace")
        return Done(done.returncode, output)

    def wine(self, argv: list[str], *, timeout: float = 300) -> Done:
        return self.run(["wine", *argv], timeout=timeout)

    def start(self, argv: list[str]) -> subprocess.Popen[bytes]:
        """A Windows program in the background (its status is the program's)."""
        return subprocess.Popen(
            self.root.command(["wine", *argv], self.env(), offline=True),
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        )  # fmt: skip

    def wait(self, timeout: float = 300) -> None:
        """Until every program of the prefix has ended (the uninstaller relaunches itself)."""
        self.run(["wineserver", "-w"], timeout=timeout)

    def kill(self) -> None:
        with contextlib.suppress(subprocess.TimeoutExpired):
            subprocess.run(self.root.command(["wineserver", "-k"], self.env(), offline=True),
                           capture_output=True, timeout=60, check=False)  # fmt: skip

    def reg_add(self, key: str, name: str, value: str) -> None:
        done = self.wine(["reg", "add", key, "/v", name, "/t", "REG_SZ", "/d", value, "/f"])
        if done.status != 0:
            raise WineFailure(f"reg add {key} {name}: {done.output}")

    def reg_query(self, key: str) -> str | None:
        """The text of ``reg query KEY`` (with subkeys), or None when the key is missing."""
        done = self.wine(["reg", "query", key, "/s"])
        return done.output if done.status == 0 else None

    def set_windows(self, version: str, build: str = "") -> str:
        """winecfg's Windows version (win7, win81, win10); ``build`` overrides the build."""
        self.wine(["winecfg", "/v", version])
        if build:
            for name in ("CurrentBuild", "CurrentBuildNumber"):
                self.reg_add(VERSION_KEY, name, build)
        self.kill()  # a new wineserver reads the version afresh
        return self.wine(["cmd", "/c", "ver"]).output.strip()

    # --- screen ----------------------------------------------------------------------------

    def windows_named(self, name: str) -> list[str]:
        """X window ids whose title contains ``name`` (a regular expression)."""
        done = self.run(["xdotool", "search", "--onlyvisible", "--name", name])
        return done.output.split() if done.status == 0 else []

    def repaint(self) -> None:
        """Have every visible window drawn again before a screenshot.

        Without a window manager, Wine 10 under Xvfb shows a window opened after the first
        one as a black box until it is moved; a move by one pixel and back draws it.
        """
        for window in self.windows_named("."):
            x, y, _width, _height = self.geometry(window)
            self.run(["xdotool", "windowmove", window, str(x + 1), str(y)])
            self.run(["xdotool", "windowmove", window, str(x), str(y)])

    def geometry(self, window: str) -> tuple[int, int, int, int]:
        values = dict(
            line.split("=", 1)
            for line in self.run(["xdotool", "getwindowgeometry", "--shell", window]).output.split()
            if "=" in line
        )
        if not {"X", "Y", "WIDTH", "HEIGHT"} <= values.keys():
            raise WineFailure(f"window {window} is gone")
        return int(values["X"]), int(values["Y"]), int(values["WIDTH"]), int(values["HEIGHT"])

    def screenshot(
        self, target: Path, box: tuple[int, int, int, int] | None = None
    ) -> tuple[int, float]:
        """The screen (or ``box``: x, y, width, height) as PNG; returns its number of colours
        and the share of black pixels (a window Wine did not draw is black)."""
        inside = f"{WORK}/shot.png"
        cut = ""
        if box:
            width, height = (int(n) for n in SCREEN.split("x")[:2])
            left, top = max(box[0], 0), max(box[1], 0)
            right, bottom = min(box[0] + box[2], width), min(box[1] + box[3], height)
            cut = f"| pnmcut -left {left} -top {top} -width {right - left} -height {bottom - top} "
        script = f"set -e; xwd -root -silent | xwdtopnm 2>/dev/null {cut}| pnmtopng > {inside}"
        done = self.run(["sh", "-c", script])
        if done.status != 0:
            raise WineFailure(f"screenshot of {box or 'the screen'} failed: {done.output[-300:]}")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(self.root.host(inside), target)
        histogram = self.run(["sh", "-c", f"pngtopnm {inside} | ppmhist -noheader"]).output
        counts = {}
        for line in histogram.splitlines():
            fields = line.split()
            if len(fields) >= 5:
                counts[tuple(fields[:3])] = int(fields[4])
        total = sum(counts.values()) or 1
        return len(counts), counts.get(("0", "0", "0"), 0) / total
