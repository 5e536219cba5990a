"""Prove the Windows installer under Wine 10: ``python3 installer/build.py windows --smoke``.

In a fresh Wine prefix whose user is 张三 (inside the Debian 13 root of wine_root.py):
the installer refuses Windows 7, 8.1 and a 32-bit Windows, and warns (silently: refuses) on
Windows 10 before 1809; it installs silently for the user alone; ``rectdesk-cli.exe
smoke-test`` passes and every compiled library loads; the data and log folders appear under
%APPDATA% and %LOCALAPPDATA% of C:\\users\\张三; reports find the Chinese fonts in
C:\\Windows\\Fonts by name (a generic one, then Windows' own, then the official ones); paths
with spaces work; the window opens on the sample
data and is photographed; a second writer is refused while it is open and so is an upgrade;
the file chooser is the system's; an upgrade in place keeps data and settings; the uninstaller
keeps them too; and an install into a folder with spaces works and uninstalls cleanly.
Exit status 0 only when every check held. Results and pictures go to dist/windows-smoke/.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from font_standins import OFFICIAL_FONTS, WINDOWS_FONTS, write_standins
from windows_build import DIST, ROOT, cache_dir
from wine_root import CHINESE_FONT, WineRoot
from wine_session import USER, WORK, WineFailure, WineSession

OUT = DIST / "windows-smoke"
APP_NAME = "整改台账桌面助手"
UNINSTALL_KEY = r"HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\RectDesk"
SETTINGS_KEY = r"HKCU\Software\RectDesk\RectDesk"
PROBE = ROOT / "installer" / "windows" / "probe_file_dialog.py"
#: Report role → the official font it is set in (rectdesk/reports/fonts.py, OFFICIAL).
ROLE_FONTS = {
    "标题": "方正小标宋简体", "正文和表格": "仿宋_GB2312", "一级标题": "黑体",
    "二级标题": "楷体_GB2312", "页码": "宋体", "附件标注": "黑体", "副标题": "楷体_GB2312",
    "表头": "黑体", "分组行和合计行": "黑体", "落款行": "仿宋_GB2312",
}  # fmt: skip
#: With only Windows' own Chinese fonts: the official font → what stands in for it.
WINDOWS_CHOICE = {"方正小标宋简体": "宋体", "仿宋_GB2312": "仿宋", "黑体": "黑体",
                  "楷体_GB2312": "楷体", "宋体": "宋体"}  # fmt: skip
GENERIC = "文泉驿正黑"


class Problem(Exception):
    """A check did not hold."""


@dataclass
class Check:
    name: str
    ok: bool
    detail: str
    seconds: float


@dataclass
class Smoke:
    """The run: one prefix for the user, the setup file copied into the root."""

    root: WineRoot
    setup: Path
    wine: WineSession
    checks: list[Check] = field(default_factory=list)
    setup_inside: str = ""

    # --- helpers ---------------------------------------------------------------------------

    @property
    def program_dir(self) -> str:
        return f"{self.wine.profile}\\AppData\\Local\\Programs\\RectDesk"

    def program(self, name: str, folder: str = "") -> str:
        return f"{folder or self.program_dir}\\{name}"

    def install(self, folder: str = "") -> int:
        """Run the installer silently (into ``folder`` if given); its exit status."""
        if not folder:
            done = self.wine.wine([self.setup_inside, "/S"], timeout=600)
        else:
            # /D= must come last and unquoted, spaces and all, as an IT person types it in a
            # batch file; Wine would quote it as one argument. Batch files are read in the
            # console code page (936 on a Chinese Windows).
            batch = f"{WORK}/install-to-folder.bat"
            line = f'@"{self.setup_inside}" /S /D={folder}\r\n@exit /b %errorlevel%\r\n'
            self.wine.root.host(batch).write_bytes(line.encode("gbk"))
            done = self.wine.wine(["cmd", "/c", "Z:" + batch.replace("/", "\\")], timeout=600)
        return done.status  # no wait for the whole prefix: the window may be open on purpose

    def cli(self, *args: str, folder: str = "") -> tuple[int, str]:
        done = self.wine.wine([self.program("rectdesk-cli.exe", folder), *args], timeout=300)
        return done.status, done.output

    def expect(self, condition: bool, message: str) -> None:
        if not condition:
            raise Problem(message)

    def data_file(self) -> Path:
        return self.wine.host(f"{self.wine.profile}\\AppData\\Roaming\\RectDesk\\rectdesk.sqlite3")

    def item_count(self) -> int:
        status, output = self.cli("items", "--json")
        self.expect(status == 0, f"rectdesk-cli items failed: {output[-300:]}")
        return len(json.loads(output[output.index("[") :]))

    # --- the checks, in order --------------------------------------------------------------

    def check_prefix(self) -> str:
        self.wine.create()
        font = self.wine.install_chinese_font()
        inside = f"{WORK}/{self.setup.name}"
        shutil.copy2(self.setup, self.wine.root.host(inside))
        self.setup_inside = "Z:" + inside.replace("/", "\\")
        version = self.wine.wine(["cmd", "/c", "ver"]).output.strip()
        return f"{self.wine.profile}, {version}, font {font} registered in C:\\Windows\\Fonts"

    def check_refusals(self) -> str:
        seen = []
        for version, build, label in (("win7", "", "Windows 7"), ("win81", "", "Windows 8.1"),
                                      ("win10", "14393", "Windows 10 1607")):  # fmt: skip
            reported = self.wine.set_windows(version, build)
            status = self.install()
            self.expect(status == 2, f"{label} ({reported}): installer exited {status}, not 2")
            self.expect(not self.wine.host(self.program_dir).exists(), f"{label}: files installed")
            seen.append(f"{label} refused")
        restored = self.wine.set_windows("win10")
        self.expect("10.0." in restored and "14393" not in restored, f"still {restored}")
        return ", ".join(seen) + f" (exit 2, nothing installed); back to {restored}"

    def check_install(self) -> str:
        status = self.install()
        self.expect(status == 0, f"silent install exited {status}")
        folder = self.wine.host(self.program_dir)
        for name in ("rectdesk.exe", "rectdesk-cli.exe", "uninstall.exe", "python\\python311.dll"):
            self.expect((folder / name.replace("\\", "/")).is_file(), f"{name} not installed")
        start_menu = self.wine.host(
            f"{self.wine.profile}\\AppData\\Roaming\\Microsoft\\Windows\\Start Menu\\Programs"
        )  # fmt: skip
        desktop = self.wine.host(f"{self.wine.profile}\\Desktop")
        shortcuts = [start_menu / APP_NAME / f"{APP_NAME}.lnk",
                     start_menu / APP_NAME / f"卸载 {APP_NAME}.lnk",
                     desktop / f"{APP_NAME}.lnk"]  # fmt: skip
        for link in shortcuts:
            self.expect(link.is_file(), f"shortcut missing: {link.name}")
        content = shortcuts[0].read_bytes()
        self.expect("rectdesk.exe".encode("utf-16-le") in content or b"rectdesk.exe" in content,
                    "the Start-menu shortcut does not point at rectdesk.exe")  # fmt: skip
        registered = self.wine.reg_query(UNINSTALL_KEY) or ""
        self.expect(APP_NAME in registered, "no per-user (HKCU) uninstall entry")
        return (f"per-user into {self.program_dir}; Start-menu and desktop shortcuts "
                f"“{APP_NAME}”; uninstall entry under HKCU")  # fmt: skip

    def check_cli_smoke(self) -> str:
        status, output = self.cli("smoke-test")
        self.expect(status == 0 and "冒烟测试通过" in output, f"exit {status}: {output[-600:]}")
        steps = [line.split("（")[0].replace("通过", "").strip()
                 for line in output.splitlines() if line.startswith("通过")]  # fmt: skip
        for wanted in ("导入 Excel 表格", "修改事项", "导出整改方案 PDF", "导出整改方案 Word",
                       "导出整改方案 Excel", "备份并检查备份", "从备份恢复"):  # fmt: skip
            self.expect(wanted in steps, f"step missing: {wanted}")
        return output.strip().splitlines()[-1]

    def check_native_modules(self) -> str:
        """Every compiled library loads in the installed Python, and a photo hash is computed
        (numpy, scipy and PyWavelets behind ImageHash; lxml; PIL; reportlab's accelerator;
        psycopg's compiled part with the libpq it carries)."""
        code = (
            "import numpy, scipy.fftpack, pywt, imagehash, lxml.etree, _rl_accel, pypdf, psycopg; "
            "from PIL import Image; "
            "picture = Image.linear_gradient('L').rotate(30).resize((128, 128)); "
            "print('phash', imagehash.phash(picture), 'numpy', numpy.__version__, "
            "'psycopg', psycopg.pq.__impl__, 'libpq', psycopg.pq.version())"
        )
        python = self.program("python\\python.exe")
        done = self.wine.wine([python, "-c", code], timeout=300)
        self.expect(done.status == 0 and "phash" in done.output,
                    f"exit {done.status}: {done.output[-600:]}")  # fmt: skip
        # The pure-Python fallback would need a libpq installed on the PC: it must not be used.
        self.expect("psycopg binary libpq" in done.output,
                    f"psycopg did not load its binary part: {done.output[-300:]}")  # fmt: skip
        return done.output.strip().splitlines()[-1]

    def check_window_smoke(self) -> str:
        done = self.wine.wine([self.program("rectdesk.exe"), "--smoke-test"], timeout=300)
        self.expect(done.status == 0, f"rectdesk.exe --smoke-test exited {done.status}")
        return "rectdesk.exe --smoke-test: Qt platform, translations, QtPdf, main window"

    def check_data_folders(self) -> str:
        status, output = self.cli("demo")
        self.expect(status == 0, f"rectdesk-cli demo: {output[-300:]}")
        log = self.wine.host(f"{self.wine.profile}\\AppData\\Local\\RectDesk\\Logs\\rectdesk.log")
        self.expect(self.data_file().is_file(), f"no data file at {self.data_file()}")
        self.expect(log.is_file(), "no log file under %LOCALAPPDATA%\\RectDesk\\Logs")
        return (f"C:\\users\\{USER}\\AppData\\Roaming\\RectDesk\\rectdesk.sqlite3 "
                f"({self.item_count()} items), log in AppData\\Local\\RectDesk\\Logs")  # fmt: skip

    def _report_fonts(self, name: str) -> dict[str, str]:
        folder = f"{self.wine.profile}\\Documents\\整改 报表 2024"
        self.wine.host(folder).mkdir(parents=True, exist_ok=True)
        output_path = f"{folder}\\方案 {name}.pdf"
        status, output = self.cli("report", "plan", "--format", "pdf", "--output", output_path,
                                  "--json")  # fmt: skip
        self.expect(status == 0, f"report: {output[-400:]}")
        self.expect(self.wine.host(output_path).read_bytes()[:5] == b"%PDF-", "no PDF written")
        result = json.loads(output[output.index("{") : output.rindex("}") + 1])
        self.expect(not result["missing_chars"], f"missing characters: {result['missing_chars']}")
        return dict(result["fonts_used"])

    def check_fonts(self) -> str:
        used = self._report_fonts("文泉驿")
        self.expect(set(used.values()) == {GENERIC}, f"with one generic font: {used}")
        fonts = self.wine.host(r"C:\windows\Fonts")
        source = self.wine.root.host(CHINESE_FONT)
        write_standins(source, WINDOWS_FONTS, fonts)
        used = self._report_fonts("系统字体")
        for role, family in used.items():
            wanted = WINDOWS_CHOICE[ROLE_FONTS[role]]
            self.expect(family == wanted, f"Windows fonts: {role} set in {family}, not {wanted}")
        write_standins(source, OFFICIAL_FONTS, fonts)
        used = self._report_fonts("公文字体")
        for role, family in used.items():
            self.expect(family == ROLE_FONTS[role], f"official: {role} set in {family}")
        return (
            "generic font → 文泉驿正黑; simsun.ttc/simfang/simhei/simkai → 宋体/仿宋/黑体/楷体; "
            "方正小标宋简体, 仿宋_GB2312, 楷体_GB2312 found by name; PDFs in a folder with spaces"
        )

    def check_spaces(self) -> str:
        db = f"{self.wine.profile}\\Documents\\台账 数据\\县 卫健局 台账.sqlite3"
        status, output = self.cli("--db", db, "demo")
        self.expect(status == 0, f"demo into a path with spaces: {output[-300:]}")
        status, output = self.cli("--db", db, "backup")
        self.expect(status == 0, f"backup beside a path with spaces: {output[-300:]}")
        backups = self.wine.host(db).parent / "backups"
        self.expect(any(backups.iterdir()), "no backup folder beside the data file")
        return f"--db “{db}”: demo data and a verified backup"

    def check_window(self) -> str:
        before = self.item_count()
        status: int | None
        running = self.wine.start([self.program("rectdesk.exe")])
        try:
            window = self._wait_for_window(running)
            reminded = self._close_reminder()
            time.sleep(2)  # the first daily backup, the table's first rows
            self.wine.repaint()
            time.sleep(1)
            x, y, width, height = self.wine.geometry(window)
            self.wine.screenshot(OUT / "screen.png")
            colours, black = self.wine.screenshot(OUT / "main-window.png", (x, y, width, height))
            self.expect(
                colours > 200 and black < 0.02,
                f"the window looks unpainted: {colours} colours, {black:.0%} black",
            )
            status, output = self.cli("demo")
            self.expect(status != 0 and "另一个 RectDesk" in output,
                        f"a second writer was not refused: {status} {output[-300:]}")  # fmt: skip
            self.expect(self.item_count() == before, "a reader could not read while it is open")
            status = self.install()
            self.expect(status == 3, f"an upgrade while it runs exited {status}, not 3")
            self.expect(running.poll() is None, "the window closed during the checks")
        finally:
            status = self._close(running)
        self.expect(status == 0, f"the window exited {status} when closed")
        settings = self.wine.reg_query(SETTINGS_KEY)
        self.expect(bool(settings), "no settings under HKCU\\Software\\RectDesk\\RectDesk")
        return (f"{width}×{height} window on {before} items, {colours} colours{reminded}; "
                "second writer refused, reader allowed, upgrade refused while open; closed "
                "with status 0; settings in HKCU")  # fmt: skip

    def _close_reminder(self) -> str:
        """The reminder of overdue items opens over the window at start: close it with Esc.

        Under Wine 10 without a window manager a second window is not drawn (it shows black
        until moved clear of the first), though it works: Esc closes it like a clerk would.
        """
        title = "到期提醒"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not self.wine.windows_named(title):
            time.sleep(1)
        if not self.wine.windows_named(title):
            return "; no reminder"
        self.wine.run(["xdotool", "key", "Escape"])
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and self.wine.windows_named(title):
            time.sleep(0.5)
        self.expect(not self.wine.windows_named(title), "the reminder did not close with Esc")
        return "; the reminder opened and closed with Esc"

    def _close(self, running: subprocess.Popen[bytes]) -> int | None:
        """Close the program's windows as a clerk would: the reminder first, then the window
        (WM_CLOSE, not a kill); None if it did not end within a minute (then it is killed)."""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            self.wine.wine(["taskkill", "/im", "rectdesk.exe"])
            try:
                return running.wait(4)
            except subprocess.TimeoutExpired:
                continue
        running.kill()
        self.wine.kill()
        return None

    def _wait_for_window(self, running: subprocess.Popen[bytes]) -> str:
        """The main window: its title names the data file (the reminder's does not)."""
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            found = self.wine.windows_named(r"rectdesk\.sqlite3")
            if found:
                return found[0]
            if running.poll() is not None:
                raise Problem("rectdesk.exe ended before its window appeared")
            time.sleep(1)
        raise Problem("no window within 180 s")

    def check_file_dialog(self) -> str:
        probe = f"{WORK}/probe_file_dialog.py"
        shutil.copy2(PROBE, self.wine.root.host(probe))
        title = "选择要导入的表格"
        python = self.program("python\\python.exe")
        running = self.wine.start([python, "Z:" + probe.replace("/", "\\"), title])
        shot = 0
        deadline = time.monotonic() + 120
        while running.poll() is None and time.monotonic() < deadline:
            found = self.wine.windows_named(title)
            if found and not shot:
                time.sleep(1.5)
                shot, _black = self.wine.screenshot(OUT / "file-dialog.png")
            time.sleep(0.5)
        output = (running.communicate(timeout=60)[0] or b"").decode("gbk", errors="replace")
        line = next((x for x in output.splitlines() if x.startswith("{")), "{}")
        seen = json.loads(line)
        self.expect(seen.get("system_dialog") is True, f"not the system dialog: {output[-400:]}")
        return f"system dialog (window class #32770) “{title}”: {seen.get('windows')}"

    def check_upgrade(self) -> str:
        before = self.item_count()
        size = self.data_file().stat().st_size
        status = self.install()
        self.expect(status == 0, f"the upgrade exited {status}")
        self.expect(self.item_count() == before, "items lost in the upgrade")
        self.expect(self.data_file().stat().st_size >= size, "the data file shrank")
        self.expect(bool(self.wine.reg_query(SETTINGS_KEY)), "settings lost in the upgrade")
        return f"installed again over itself: {before} items and the settings kept"

    def check_uninstall(self) -> str:
        self.wine.wine([self.program("uninstall.exe"), "/S"])
        self.wine.wait()
        folder = self.wine.host(self.program_dir)
        left = sorted(p.name for p in folder.rglob("*")) if folder.exists() else []
        self.expect(not left, f"program files left: {left[:5]}")
        desktop = self.wine.host(f"{self.wine.profile}\\Desktop")
        self.expect(not (desktop / f"{APP_NAME}.lnk").exists(), "desktop shortcut left")
        self.expect(self.wine.reg_query(UNINSTALL_KEY) is None, "uninstall entry left")
        data = self.data_file().parent
        self.expect(self.data_file().is_file(), "the uninstaller deleted the data file")
        self.expect((data / "backups").is_dir(), "the uninstaller deleted the backups")
        logs = self.wine.host(f"{self.wine.profile}\\AppData\\Local\\RectDesk\\Logs")
        self.expect(logs.is_dir(), "the uninstaller deleted the logs")
        self.expect(bool(self.wine.reg_query(SETTINGS_KEY)), "the uninstaller deleted the settings")
        return "program, shortcuts and uninstall entry removed; data, backups, logs, settings kept"

    def check_folder_with_spaces(self) -> str:
        folder = f"{self.wine.profile}\\我的 程序\\整改 台账"
        status = self.install(folder)
        self.expect(status == 0, f"install into “{folder}” exited {status}")
        self.expect(self.wine.host(folder + "\\rectdesk-cli.exe").is_file(), "not installed there")
        status, output = self.cli("smoke-test", folder=folder)
        self.expect(status == 0, f"smoke test from “{folder}”: {output[-300:]}")
        self.wine.wine([self.program("uninstall.exe", folder), "/S"])
        self.wine.wait()
        self.expect(not self.wine.host(folder + "\\rectdesk-cli.exe").exists(), "not uninstalled")
        return f"installed into “{folder}”, smoke test passed, uninstalled"

    def check_32_bit(self) -> str:
        other = WineSession(self.wine.root, "prefix32", arch="win32")
        other.share_screen(self.wine)
        try:
            other.create()
            done = other.wine([self.setup_inside, "/S"], timeout=300)
            other.wait()
            installed = other.host(f"{other.profile}\\AppData\\Local\\Programs\\RectDesk")
            self.expect(done.status == 2, f"32-bit Windows: installer exited {done.status}, not 2")
            self.expect(not installed.exists(), "32-bit Windows: files installed")
        finally:
            other.kill()
        return "a 32-bit Windows prefix: refused (exit 2), nothing installed"

    # --- running them ----------------------------------------------------------------------

    def run_all(self) -> bool:
        steps: list[tuple[str, Callable[[], str]]] = [
            ("fresh Wine prefix for 张三", self.check_prefix),
            ("refuses old Windows", self.check_refusals),
            ("silent per-user install", self.check_install),
            ("rectdesk-cli.exe smoke-test", self.check_cli_smoke),
            ("compiled libraries load", self.check_native_modules),
            ("rectdesk.exe --smoke-test", self.check_window_smoke),
            ("data and log folders", self.check_data_folders),
            ("fonts in C:\\Windows\\Fonts", self.check_fonts),
            ("paths with spaces", self.check_spaces),
            ("window, lock, screenshot", self.check_window),
            ("system file dialog", self.check_file_dialog),
            ("upgrade in place", self.check_upgrade),
            ("uninstall keeps the data", self.check_uninstall),
            ("install folder with spaces", self.check_folder_with_spaces),
            ("refuses 32-bit Windows", self.check_32_bit),
        ]
        for name, check in steps:
            started = time.monotonic()
            try:
                detail, ok = check(), True
            except (Problem, WineFailure) as exc:
                detail, ok = str(exc), False
            except Exception:
                detail, ok = traceback.format_exc(limit=3), False
            self.checks.append(Check(name, ok, detail, time.monotonic() - started))
            mark = "PASS" if ok else "FAIL"
            print(f"    {mark} {name} ({time.monotonic() - started:.0f} s): {detail}", flush=True)
            if not ok and name in ("fresh Wine prefix for 张三", "silent per-user install"):
                break
        return all(c.ok for c in self.checks) and len(self.checks) == len(steps)


def free_display(root: WineRoot) -> int:
    for number in range(91, 140):
        if not root.host(f"/tmp/.X11-unix/X{number}").exists() and \
                not root.host(f"/tmp/.X{number}-lock").exists():  # fmt: skip
            return number
    raise SystemExit("no free X display number")


def smoke_installer(setup: Path, version: str) -> bool:
    """Install, run and uninstall ``setup`` under Wine 10; True when every check held."""
    started = time.monotonic()
    print(f"==> Wine smoke test of {setup.name}", flush=True)
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    root = WineRoot(cache_dir() / "trixie-root")
    root.ensure()
    prepared = time.monotonic() - started
    with root.mounted():
        wine = WineSession(root)
        smoke = Smoke(root, setup, wine)
        try:
            wine.start_screen(free_display(root))
            ok = smoke.run_all()
        finally:
            wine.kill()
            wine.stop_screen()
    total = time.monotonic() - started
    lines = [f"RectDesk {version} Windows installer under Wine 10, without a network: {setup.name}",
             f"{'all checks held' if ok else 'FAILED'}; {total:.0f} s "
             f"(of which {prepared:.0f} s preparing the Wine root)", ""]  # fmt: skip
    lines += [f"{'PASS' if c.ok else 'FAIL'}  {c.name} ({c.seconds:.0f} s): {c.detail}"
              for c in smoke.checks]  # fmt: skip
    (OUT / "report.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"    {lines[1]}; report and screenshots in {OUT}", flush=True)
    return ok
