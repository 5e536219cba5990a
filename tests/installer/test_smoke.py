"""The smoke test of a build, and the rules the installers are built by."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from rectdesk import __version__
from rectdesk.app import smoke
from rectdesk.cli import main as cli_main
from rectdesk.domain.errors import UserError

ROOT = Path(__file__).resolve().parent.parent.parent
INSTALLER = ROOT / "installer"
BUNDLE = ROOT / "dist" / "rectdesk"


def _installer_module(name: str) -> ModuleType:
    """A module of installer/ (not a package: the spec and build.py import them by path)."""
    if str(INSTALLER) not in sys.path:
        sys.path.insert(0, str(INSTALLER))
    spec = importlib.util.spec_from_file_location(f"installer_{name}", INSTALLER / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- the smoke test itself -------------------------------------------------------------------


def test_core_steps_in_process(tmp_path: Path) -> None:
    lines: list[str] = []
    result = smoke.run_core(tmp_path, say=lines.append)
    assert result.items > 0
    assert result.imported == len(smoke.IMPORT_ROWS)
    assert result.report is not None
    assert result.report.read_bytes().startswith(b"%PDF-")
    assert [p.suffix for p in result.exports] == [".docx", ".xlsx"]
    assert result.backup is not None and (result.backup / "manifest.json").is_file()
    for name in ("导入 Excel 表格", "修改事项", "导出整改方案 PDF", "导出整改方案 Word",
                 "导出整改方案 Excel", "备份并检查备份", "从备份恢复"):  # fmt: skip
        assert name in result.steps
    assert all(line.startswith(("通过", "注意")) for line in lines)


def test_a_restore_that_changes_nothing_fails_the_smoke_test(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(smoke, "restore", lambda db_path, backup: db_path)
    with pytest.raises(smoke.SmokeFailure, match="恢复后的数据与备份时不一致"):
        smoke.run_core(tmp_path, say=lambda _line: None)


def test_a_broken_word_file_fails_the_smoke_test(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    real = smoke.export_report

    def broken(store: object, kind: str, fmt: str, path: Path) -> object:
        result = real(store, kind, fmt, path)  # type: ignore[arg-type]
        if fmt == "docx":
            path.write_bytes(b"PK\x03\x04 not really a zip")
        return result

    monkeypatch.setattr(smoke, "export_report", broken)
    with pytest.raises(smoke.SmokeFailure, match="报表文件没有生成或已损坏"):
        smoke.run_core(tmp_path, say=lambda _line: None)


def test_an_import_that_finds_nothing_fails_the_smoke_test(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(smoke, "IMPORT_ROWS", ())
    with pytest.raises(UserError, match="没有找到可导入的事项"):
        smoke.run_core(tmp_path, say=lambda _line: None)


def test_qt_steps_in_process(tmp_path: Path, qapp: object) -> None:
    from rectdesk.app import smoke_qt

    result = smoke.run_core(tmp_path, say=lambda _line: None)
    assert result.report is not None
    assert smoke_qt.check_pdf(result.report) >= 1
    from rectdesk.store import Store

    store = Store.open(tmp_path / "smoke.sqlite3")
    try:
        smoke_qt.check_main_window(store, tmp_path / "smoke.sqlite3")
    finally:
        store.close()


def test_cli_smoke_test_keeps_its_folder_when_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli_main(["smoke-test", "--keep", str(tmp_path / "kept")]) == 0
    assert (tmp_path / "kept" / "plan.pdf").is_file()
    assert "冒烟测试通过" in capsys.readouterr().out


def test_a_failing_step_gives_status_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("字体坏了")

    monkeypatch.setattr(smoke, "export_report", broken)
    assert smoke.run(with_qt=False) == 1
    captured = capsys.readouterr()
    assert "失败：字体坏了" in captured.out
    assert "RuntimeError" in captured.err


@pytest.mark.slow
def test_window_program_smoke_test_as_a_subprocess(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "rectdesk", "--smoke-test"],
        capture_output=True, text=True, encoding="utf-8", env=env, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "冒烟测试通过" in done.stdout
    assert "QtPdf 打开导出的 PDF" in done.stdout
    data_home = Path(os.environ.get("XDG_DATA_HOME", tmp_path / ".local" / "share"))
    assert not (data_home / "RectDesk").exists()  # the clerk's data folder is never touched


# --- what the bundle may hold -----------------------------------------------------------------


def test_bundle_rules_keep_webengine_and_other_modules_out(tmp_path: Path) -> None:
    rules = _installer_module("bundle_rules")
    assert not [name for name in rules.KEEP_QT if "WebEngine" in name or "Quick" in name]
    assert {"QtCore", "QtGui", "QtWidgets", "QtPdf"} <= rules.KEEP_QT
    for path in (
        "PySide6/Qt/lib/libQt6WebEngineCore.so.6",
        "PySide6/Qt6WebEngineCore.dll",
        "PySide6/Qt/translations/qtwebengine_zh_CN.qm",
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
        "PySide6/Qt/lib/libQt6Quick.so.6",
        "resources/screenshots/main-window.png",
    ):
        assert rules.unwanted(path), path
    for path in (
        "PySide6/Qt/lib/libQt6Pdf.so.6",
        "PySide6/Qt/translations/qtbase_zh_CN.qm",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
    ):
        assert not rules.unwanted(path), path
    fake = tmp_path / "site-packages" / "PySide6"
    fake.mkdir(parents=True)
    for name in ("QtCore.abi3.so", "QtPdf.abi3.so", "QtWebEngineCore.abi3.so", "QtQml.pyd"):
        (fake / name).touch()
    assert rules.qt_excludes(fake) == ["PySide6.QtQml", "PySide6.QtWebEngineCore"]


def test_system_libraries_are_left_to_the_target_system() -> None:
    rules = _installer_module("bundle_rules")
    assert rules.system_library("libX11.so.6", "/usr/lib/x86_64-linux-gnu/libX11.so.6",
                                windows=False)  # fmt: skip
    assert not rules.system_library(
        "libsqlite3.so.0", "/usr/lib/x86_64-linux-gnu/libsqlite3.so.0", windows=False
    )
    assert not rules.system_library(
        "libQt6Core.so.6", "/venv/site-packages/PySide6/Qt/lib/libQt6Core.so.6", windows=False
    )


def test_bundle_checker_finds_webengine(tmp_path: Path) -> None:
    rules = _installer_module("bundle_rules")
    bundle = tmp_path / "rectdesk"
    (bundle / "_internal" / "PySide6" / "Qt" / "lib").mkdir(parents=True)
    (bundle / "_internal" / "PySide6" / "Qt" / "lib" / "libQt6WebEngineCore.so.6").touch()
    problems = rules.bundle_problems(bundle, windows=False)
    assert any("WebEngine" in p for p in problems)
    assert "missing program: rectdesk" in problems


@pytest.mark.skipif(
    not (BUNDLE / "_internal").is_dir(), reason="no bundle built (installer/build.py)"
)
def test_the_built_bundle_has_no_webengine() -> None:
    rules = _installer_module("bundle_rules")
    assert rules.bundle_problems(BUNDLE, windows=sys.platform == "win32") == []


# --- version, pins, README ------------------------------------------------------------------


def test_version_has_one_home() -> None:
    assert _installer_module("build").version() == __version__
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dynamic = ["version"]' in pyproject
    assert 'path = "rectdesk/__init__.py"' in pyproject


def test_linux_pin_is_the_one_the_readme_names() -> None:
    pins = (INSTALLER / "requirements-linux-x86_64.txt").read_text(encoding="utf-8")
    found = re.search(r"^PySide6-Essentials==(\S+)", pins, re.MULTILINE)
    assert found is not None
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"PySide6 {found.group(1)}" in readme
    assert "安装与迁移" in readme


# --- icons, .deb, NSIS -----------------------------------------------------------------------


def test_icons_match_the_svg(qapp: object) -> None:
    assert _installer_module("make_icons").differences() == []
    assert (ROOT / "resources" / "icons" / "rectdesk.ico").stat().st_size > 1000


@pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="dpkg-deb not installed")
def test_deb_layout_from_a_small_folder(tmp_path: Path) -> None:
    deb = _installer_module("debian_package")
    bundle = tmp_path / "bundle"
    (bundle / "_internal").mkdir(parents=True)
    for program in ("rectdesk", "rectdesk-cli"):
        (bundle / program).write_bytes(b"\x7fELF-not-really")
    (bundle / "_internal" / "data.txt").write_text("x", encoding="utf-8")
    root = tmp_path / "root"
    deb.stage(bundle, root)
    assert (root / "usr" / "bin" / "rectdesk").is_symlink()
    assert os.readlink(root / "usr" / "bin" / "rectdesk") == "/opt/rectdesk/rectdesk"
    desktop = (root / "usr/share/applications/rectdesk.desktop").read_text(encoding="utf-8")
    assert "Exec=/usr/bin/rectdesk" in desktop and "Icon=rectdesk" in desktop
    assert (root / "usr/share/icons/hicolor/256x256/apps/rectdesk.png").is_file()
    assert (root / "usr/share/icons/hicolor/scalable/apps/rectdesk.svg").is_file()
    control = deb.control("1.2.3", "amd64", 100)
    assert "libxcb-cursor0" in control and "Architecture: amd64" in control
    built = deb.build_deb(bundle, "1.2.3", "linux-x86_64", tmp_path / "dist", work=tmp_path)
    fields = subprocess.run(["dpkg-deb", "-f", str(built), "Package", "Version", "Depends"],
                            capture_output=True, text=True, check=True).stdout  # fmt: skip
    assert "Package: rectdesk" in fields and "Version: 1.2.3" in fields
    listing = subprocess.run(["dpkg-deb", "-c", str(built)], capture_output=True, text=True,
                             check=True).stdout  # fmt: skip
    assert "./opt/rectdesk/rectdesk" in listing and "root/root" in listing


@pytest.mark.skipif(shutil.which("makensis") is None, reason="makensis not installed (nsis)")
def test_nsis_script_compiles(tmp_path: Path) -> None:
    nsis = _installer_module("nsis")
    staged = tmp_path / "staged"
    (staged / "_internal").mkdir(parents=True)
    for name in ("rectdesk.exe", "rectdesk-cli.exe", "_internal/base_library.zip"):
        (staged / name).write_bytes(b"staged for a compile check")
    setup = nsis.build_installer(staged, __version__, tmp_path / "out", fast=True)
    assert setup.read_bytes()[:2] == b"MZ"
