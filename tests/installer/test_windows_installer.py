"""The Windows installer's build rules, checked quickly and without Wine.

The proof under Wine 10 is ``python3 installer/build.py windows --smoke`` (about 5 minutes on
two cores); the last test here runs it when RECTDESK_WINE_SMOKE=1 is set.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from rectdesk import __version__

ROOT = Path(__file__).resolve().parent.parent.parent
INSTALLER = ROOT / "installer"
NSI = INSTALLER / "windows" / "rectdesk.nsi"
FONT = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
if str(INSTALLER) not in sys.path:
    sys.path.insert(0, str(INSTALLER))

import font_standins  # noqa: E402
import windows_build  # noqa: E402
import windows_launcher  # noqa: E402
import windows_layout as layout  # noqa: E402

import nsis  # noqa: E402

# --- a minimal PE file, to feed the import checker ---------------------------------------------


def fake_pe(
    imports: list[str], *, delay: list[str] | None = None, machine: int = 0x8664, gui: bool = False
) -> bytes:
    """A PE32+ image with one section holding import and delay-load descriptors."""
    names = b""
    name_rvas = []
    base = 0x1000
    table_size = 20 * (len(imports) + 1) + 32 * (len(delay or []) + 1)
    for name in [*imports, *(delay or [])]:
        name_rvas.append(base + table_size + len(names))
        names += name.encode() + b"\0"
    section = b""
    for rva in name_rvas[: len(imports)]:
        section += struct.pack("<IIIII", 0, 0, 0, rva, 0)
    section += b"\0" * 20
    delay_at = base + len(section)
    for rva in name_rvas[len(imports) :]:
        section += struct.pack("<IIIIIIII", 1, rva, 0, 0, 0, 0, 0, 0)
    section += b"\0" * 32 + names
    optional = bytearray(240)
    struct.pack_into("<H", optional, 0, 0x20B)
    struct.pack_into("<H", optional, 68, 2 if gui else 3)
    struct.pack_into("<I", optional, 108, 16)
    struct.pack_into("<II", optional, 112 + 8, base, 20 * (len(imports) + 1))
    if delay:
        struct.pack_into("<II", optional, 112 + 13 * 8, delay_at, 32 * (len(delay) + 1))
    header = bytearray(0x200)
    header[:2] = b"MZ"
    struct.pack_into("<I", header, 0x3C, 0x40)
    header[0x40:0x44] = b"PE\0\0"
    struct.pack_into("<HHIIIHH", header, 0x44, machine, 1, 0, 0, 0, 240, 0x22)
    header[0x58 : 0x58 + 240] = optional
    struct.pack_into("<8sIIIIIIHHI", header, 0x148, b".idata", len(section), base,
                     len(section), 0x200, 0, 0, 0, 0, 0xC0000040)  # fmt: skip
    return bytes(header) + section


def put(folder: Path, relative: str, data: bytes) -> Path:
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_pe_reader_finds_imports_delay_loads_machine_and_subsystem() -> None:
    info = layout.read_pe(fake_pe(["KERNEL32.dll", "Qt6Core.dll"], delay=["d3d11.dll"], gui=True))
    assert info.imports == ("kernel32.dll", "qt6core.dll", "d3d11.dll")
    assert info.machine == layout.MACHINE_X64 and info.gui
    with pytest.raises(ValueError):
        layout.read_pe(b"\x7fELF not a Windows program")


@pytest.mark.skipif(not Path("/usr/share/nsis/Stubs").is_dir(), reason="nsis not installed")
def test_pe_reader_reads_a_real_windows_program() -> None:
    stub = Path("/usr/share/nsis/Stubs/zlib-x86-unicode").read_bytes()
    info = layout.read_pe(stub)
    assert info.machine == layout.MACHINE_X86 and info.gui
    assert "kernel32.dll" in info.imports


def _program_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "RectDesk"
    site = "python/Lib/site-packages/PySide6"
    put(folder, "python/python311.dll", fake_pe(["KERNEL32.dll", "VCRUNTIME140.dll"]))
    put(folder, "python/python3.dll", fake_pe(["python311.dll"]))
    put(folder, "python/vcruntime140.dll", fake_pe(["kernel32.dll"]))
    put(folder, "python/_sqlite3.pyd", fake_pe(["python311.dll", "sqlite3.dll"]))
    put(folder, "python/sqlite3.dll", fake_pe(["kernel32.dll"]))
    put(folder, f"{site}/QtCore.pyd", fake_pe(["python3.dll", "Qt6Core.dll", "MSVCP140.dll"]))
    put(folder, f"{site}/Qt6Core.dll", fake_pe(["kernel32.dll", "api-ms-win-crt-heap-l1-1-0.dll"]))
    put(folder, f"{site}/msvcp140.dll", fake_pe(["kernel32.dll"]))
    put(folder, f"{site}/Qt6Quick.dll", fake_pe(["Qt6Core.dll"]))  # loaded by nothing
    put(folder, f"{site}/plugins/platforms/qwindows.dll", fake_pe(["Qt6Gui.dll", "Qt6Core.dll"]))
    return folder


def test_import_closure_reports_a_dll_that_is_nowhere(tmp_path: Path) -> None:
    folder = _program_folder(tmp_path)
    _needed, problems = layout.import_closure(folder, layout.closure_roots(folder))
    assert problems == [
        "python/Lib/site-packages/PySide6/plugins/platforms/qwindows.dll imports qt6gui.dll, "
        "which is neither here nor in Windows"
    ]


def test_unused_qt_dlls_are_pruned_and_used_ones_kept(tmp_path: Path) -> None:
    folder = _program_folder(tmp_path)
    site = folder / "python/Lib/site-packages/PySide6"
    put(site, "Qt6Gui.dll", fake_pe(["Qt6Core.dll", "gdi32.dll", "dwrite.dll"]))
    removed, problems = layout.prune_unneeded_dlls(folder)
    assert problems == []
    assert [p.name for p in removed] == ["Qt6Quick.dll"]
    assert {p.name for p in site.glob("*.dll")} == {"Qt6Core.dll", "Qt6Gui.dll", "msvcp140.dll"}


def test_dlls_of_delvewheel_repaired_wheels_are_found_beside_their_package(
    tmp_path: Path,
) -> None:
    folder = _program_folder(tmp_path)
    put(folder, "python/Lib/site-packages/PySide6/Qt6Gui.dll", fake_pe(["Qt6Core.dll"]))
    site = "python/Lib/site-packages"
    put(folder, f"{site}/numpy/_core/_multiarray_umath.pyd", fake_pe(["libopenblas-1a2b.dll"]))
    put(folder, f"{site}/scipy/linalg/_flapack.pyd", fake_pe(["libopenblas-1a2b.dll"]))
    put(folder, f"{site}/numpy.libs/libopenblas-1a2b.dll", fake_pe(["kernel32.dll"]))
    _needed, problems = layout.import_closure(folder, layout.closure_roots(folder))
    # numpy's own folder of DLLs serves numpy, not scipy, which must bring its own
    assert problems == [
        f"{site}/scipy/linalg/_flapack.pyd imports libopenblas-1a2b.dll, "
        "which is neither here nor in Windows"
    ]


def test_the_system_icu_of_newer_qt_is_refused(tmp_path: Path) -> None:
    # PySide6 6.12's Qt6Core.dll imports icuuc.dll: missing before Windows 10 1703 and in Wine.
    folder = _program_folder(tmp_path)
    put(folder, "python/Lib/site-packages/PySide6/Qt6Gui.dll", fake_pe(["Qt6Core.dll"]))
    put(folder, "python/Lib/site-packages/PySide6/Qt6Core.dll", fake_pe(["icuuc.dll"]))
    _needed, problems = layout.import_closure(folder, layout.closure_roots(folder))
    assert any("imports icuuc.dll" in p for p in problems)


def test_a_32_bit_dll_is_refused(tmp_path: Path) -> None:
    folder = _program_folder(tmp_path)
    put(folder, "python/Lib/site-packages/PySide6/Qt6Gui.dll", fake_pe(["kernel32.dll"]))
    put(folder, "python/sqlite3.dll", fake_pe(["kernel32.dll"], machine=0x14C))
    _needed, problems = layout.import_closure(folder, layout.closure_roots(folder))
    assert problems == ["not x64: python/sqlite3.dll"]


def test_an_empty_folder_has_every_problem_named(tmp_path: Path) -> None:
    problems = layout.layout_problems(tmp_path)
    assert "missing program: rectdesk.exe" in problems
    assert "missing: python/python.exe" in problems
    assert "python/python3XX._pth missing" in problems


# --- what goes into the folder -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "kept"),
    [
        ("PySide6/QtCore.pyd", True),
        ("PySide6/QtPdfWidgets.pyd", True),
        ("PySide6/QtWebEngineCore.pyd", False),
        ("PySide6/QtQml.pyd", False),
        ("PySide6/QtNetwork.pyd", False),  # Qt6Network.dll comes only as QtPdf's dependency
        ("PySide6/Qt6WebEngineCore.dll", False),
        ("PySide6/Qt6Core.dll", True),  # top-level DLLs: decided by the import closure
        ("PySide6/plugins/platforms/qwindows.dll", True),
        ("PySide6/plugins/platforms/qoffscreen.dll", True),
        ("PySide6/plugins/platforms/qdirect2d.dll", False),
        ("PySide6/plugins/styles/qmodernwindowsstyle.dll", True),
        ("PySide6/plugins/sqldrivers/qsqlite.dll", False),
        ("PySide6/translations/qtbase_zh_CN.qm", True),
        ("PySide6/translations/qtbase_de.qm", False),
        ("PySide6/translations/qtwebengine_zh_CN.qm", False),
        ("PySide6/designer.exe", False),
        ("PySide6/opengl32sw.dll", False),
        ("PySide6/resources/icudtl.dat", False),
        ("PySide6/include/QtCore/qglobal.h", False),
        ("PySide6/__init__.py", True),
        ("PySide6/QtCore.pyi", False),
        ("shiboken6/shiboken6.abi3.dll", True),
        ("shiboken6/vcamp140.dll", False),
        ("shiboken6/Shiboken.pyd", True),
        ("reportlab/pdfgen/canvas.py", True),
        ("scipy/linalg/tests/test_basic.py", False),
        ("numpy/testing/__init__.py", True),
        ("lxml/includes/libxml/tree.h", False),
        ("pip/__init__.py", True),  # pip is skipped as a whole distribution, see below
        ("pip-26.3.dist-info/METADATA", False),
        ("openpyxl-3.1.5.dist-info/METADATA", True),
        ("openpyxl-3.1.5.dist-info/RECORD", False),
    ],
)
def test_wheel_file_rules(path: str, kept: bool) -> None:
    assert layout.keep_wheel_file(path) is kept


def test_pip_is_left_out_as_a_whole() -> None:
    assert layout.distribution_of("pip-26.3-py3-none-any.whl") in layout.SKIP_DISTRIBUTIONS
    assert layout.distribution_of("PySide6_Essentials-6.9.3-cp39-abi3-win_amd64.whl") == (
        "pyside6-essentials"
    )


def test_every_windows_pin_is_exact_and_hashed() -> None:
    pins = windows_build.pinned_hashes(windows_build.REQUIREMENTS)
    assert pins and all("==" in pin and hashes for pin, hashes in pins.items())
    versions = {pin.split("==")[0].lower(): pin.split("==")[1] for pin in pins}
    # 6.9.3, not 6.12: 6.12's Qt6Core.dll needs icuuc.dll (Windows 10 1703+, not in Wine).
    assert versions["pyside6-essentials"] == versions["pyside6-addons"] == "6.9.3"
    assert versions["shiboken6"] == "6.9.3"


def test_readme_names_the_windows_qt_and_the_builds_it_supports() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    windows = readme[readme.index("### Windows 10 / 11") : readme.index("### 麒麟")]
    assert "PySide6 6.9.3" in windows and "1809" in windows and "17763" in windows
    assert "RectDesk-Setup-" in windows and "/DELETEDATA" in windows
    assert (ROOT / "resources" / "screenshots" / "main-window-windows.png").is_file()
    assert "main-window-windows.png" in readme


def test_pin_parser_joins_continued_lines(tmp_path: Path) -> None:
    pins = tmp_path / "pins.txt"
    pins.write_text(
        "# comment\nfoo==1.0 \\\n    --hash=sha256:" + "a" * 64 + "\nbar==2.0\n", encoding="utf-8"
    )
    assert windows_build.pinned_hashes(pins) == {"foo==1.0": {"a" * 64}, "bar==2.0": set()}
    assert windows_build.cached_wheels(tmp_path, {"foo==1.0": {"a" * 64}}) is None


def test_dll_version_reads_the_fixed_file_info() -> None:
    info = b"\xbd\x04\xef\xfe" + struct.pack("<IIII", 0x10000, (3 << 16) | 11, 9150 << 16, 0)
    assert windows_build.dll_version(b"junk" + info) == (3, 11, 9)
    with pytest.raises(ValueError):
        windows_build.dll_version(b"no resource here")


def test_build_cache_lives_outside_the_checkout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RECTDESK_BUILD_CACHE", raising=False)
    assert ROOT not in windows_build.cache_dir().parents
    monkeypatch.setenv("RECTDESK_BUILD_CACHE", "/srv/cache")
    assert windows_build.cache_dir() == Path("/srv/cache/windows")
    assert windows_build.installer_name("1.2.3") == "RectDesk-Setup-1.2.3-x64.exe"


# --- launchers and NSIS ------------------------------------------------------------------------


@pytest.mark.skipif(shutil.which(windows_launcher.GCC) is None, reason="mingw-w64 not installed")
def test_launchers_are_x64_window_and_console_programs(tmp_path: Path) -> None:
    built = windows_launcher.compile_launchers(
        tmp_path, version="1.2.3", python_dll="python311.dll", work=tmp_path / "work"
    )
    infos = {p.name: layout.read_pe(p.read_bytes()) for p in built}
    assert infos["rectdesk.exe"].gui and not infos["rectdesk-cli.exe"].gui
    for name, info in infos.items():
        assert info.machine == layout.MACHINE_X64, name
        assert all(layout.is_system_dll(dll) for dll in info.imports), info.imports
        data = (tmp_path / name).read_bytes()
        assert "整改台账桌面助手".encode("utf-16-le") in data  # version resource, in Chinese
        assert "python311.dll".encode("utf-16-le") in data
        assert b"longPathAware" in data  # the manifest


@pytest.mark.skipif(shutil.which("makensis") is None, reason="makensis not installed (nsis)")
def test_nsis_packs_the_program_folder_as_a_32_bit_setup(tmp_path: Path) -> None:
    staged = tmp_path / "RectDesk"
    for name in ("rectdesk.exe", "rectdesk-cli.exe", "python/python311.dll",
                 "app/rectdesk/__init__.py"):  # fmt: skip
        put(staged, name, b"staged for a compile check")
    name = windows_build.installer_name(__version__)
    setup = nsis.build_installer(staged, __version__, tmp_path / "out", fast=True, name=name)
    assert setup.name == f"RectDesk-Setup-{__version__}-x64.exe"
    # 32-bit on purpose: a 32-bit Windows must be able to start it and read why it refuses.
    assert layout.read_pe(setup.read_bytes()).machine == layout.MACHINE_X86


def _section(text: str, title: str) -> str:
    start = text.index(f'Section "{title}')
    return text[start : text.index("SectionEnd", start)]


def test_the_uninstaller_never_deletes_data_unless_asked() -> None:
    text = NSI.read_text(encoding="utf-8")
    program = _section(text, "un.卸载程序")
    assert "APPDATA" not in program and "LOCALAPPDATA" not in program
    assert 'RMDir /r "$INSTDIR"' not in text  # only its known subfolders, never the whole folder
    assert re.search(r'Section /o "un\.删除我的数据', text)  # unticked unless chosen
    # an upgrade clears old program files only in a folder that holds this program
    install = _section(text, "程序文件")
    guard = install.index('${If} ${FileExists} "$INSTDIR\\rectdesk-cli.exe"')
    assert all(install.index(m.group(0)) > guard for m in re.finditer(r"RMDir /r [^\n]+", install))


def test_the_installer_refuses_old_and_32_bit_windows_in_one_chinese_sentence() -> None:
    text = NSI.read_text(encoding="utf-8")
    assert "${IfNot} ${AtLeastWin10}" in text and "${IfNot} ${RunningX64}" in text
    refusals = re.findall(r'MB_ICONSTOP "([^"]+)"', text)
    assert len(refusals) == 2
    for sentence in refusals:
        assert sentence.count("。") == 1 and sentence.endswith("。")
        assert "64 位的 Windows 10 或 Windows 11" in sentence
    assert "!define MIN_BUILD 17763" in text  # Qt 6.9: Windows 10 1809 and later


def test_no_code_turns_off_the_system_file_dialog() -> None:
    hits = [
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "rectdesk").rglob("*.py")
        if "DontUseNativeDialog" in path.read_text(encoding="utf-8")
    ]
    assert hits == []


# --- stand-in fonts for the Wine check ---------------------------------------------------------


@pytest.mark.skipif(not FONT.exists(), reason="fonts-wqy-zenhei not installed")
def test_font_standins_are_found_by_their_official_names(tmp_path: Path) -> None:
    from reportlab.pdfbase.ttfonts import TTFont

    from rectdesk.reports.fontfiles import read_faces
    from rectdesk.reports.fonts import choose_fonts
    from rectdesk.reports.layout import Role

    written = font_standins.write_standins(FONT, font_standins.OFFICIAL_FONTS, tmp_path)
    faces = [face for path in written for face in read_faces(path)]
    assert {f.families for f in faces} == {
        ("方正小标宋简体", "FZXiaoBiaoSong-B05S"), ("仿宋_GB2312", "FangSong_GB2312"),
        ("楷体_GB2312", "KaiTi_GB2312"),
    }  # fmt: skip
    assert all(f.truetype and f.chinese for f in faces)
    chosen = choose_fonts(faces)
    assert chosen[Role.TITLE].official and chosen[Role.BODY].family == "仿宋_GB2312"
    TTFont("standin", str(written[0]), validate=1)  # checksums right: reportlab embeds it


# --- the whole proof under Wine (slow, only when asked) ----------------------------------------


@pytest.mark.slow
@pytest.mark.skipif(
    os.environ.get("RECTDESK_WINE_SMOKE") != "1",
    reason="set RECTDESK_WINE_SMOKE=1 to build the installer and prove it under Wine (~5 min)",
)
def test_the_installer_under_wine() -> None:
    done = subprocess.run(
        [sys.executable, str(INSTALLER / "build.py"), "windows", "--smoke"],
        cwd=ROOT, capture_output=True, text=True, timeout=3600, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    report = (ROOT / "dist" / "windows-smoke" / "report.txt").read_text(encoding="utf-8")
    assert "all checks held" in report and "FAIL" not in report
