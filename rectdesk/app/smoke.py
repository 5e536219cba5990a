"""The smoke test of a build: store, sample data, one report, Qt — headless, on temporary data.

``rectdesk --smoke-test`` runs every step; ``rectdesk-cli smoke-test`` runs the steps that need
no Qt. Neither touches the clerk's data file, settings or logs, and neither shows a window.
"""

from __future__ import annotations

import importlib
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from rectdesk import __version__
from rectdesk.app.paths import resource_dir, translations_dir
from rectdesk.services.demo import load_demo
from rectdesk.services.reporting import export_report
from rectdesk.store import Store

#: The report the smoke test renders: the rectification plan, as PDF.
REPORT_KIND = "plan"
REPORT_FORMAT = "pdf"
ACTOR = "冒烟测试"
#: Libraries imported only when a clerk imports or exports a file: a frozen build must hold them.
LIBRARIES = (
    "openpyxl", "xlrd", "docx", "defusedxml.ElementTree", "reportlab.pdfgen.canvas", "_rl_accel",
    "sqlite3",
)  # fmt: skip


class SmokeFailure(Exception):
    """A step ran but its result is wrong."""


@dataclass
class SmokeResult:
    """What the smoke test did and saw."""

    folder: Path
    steps: list[str] = field(default_factory=list)
    items: int = 0
    report: Path | None = None
    pdf_pages: int = 0


Say = Callable[[str], None]


def _print(line: str) -> None:
    # A windowed Windows build has no console: sys.stdout is None there.
    stream = sys.stdout
    if stream is not None:
        stream.write(line + "\n")
        stream.flush()


@contextmanager
def _step(result: SmokeResult, name: str, say: Say) -> Iterator[None]:
    started = time.perf_counter()
    yield
    result.steps.append(name)
    say(f"通过  {name}（{time.perf_counter() - started:.2f} 秒）")


def run_core(folder: Path, *, say: Say = _print) -> SmokeResult:
    """Open a store in ``folder``, load the sample data, render one report; no Qt."""
    result = SmokeResult(folder=folder)
    with _step(result, "程序库（Excel、Word、XML 安全解析）", say):
        for module in LIBRARIES:
            importlib.import_module(module)
    with _step(result, "资源文件", say):
        if not (resource_dir() / "demo").is_dir():
            raise SmokeFailure(f"找不到示例数据文件夹：{resource_dir() / 'demo'}")
    with _step(result, "打开临时数据文件", say):
        store = Store.open(folder / "smoke.sqlite3")
    try:
        with _step(result, "载入示例数据", say):
            loaded = load_demo(store, actor=ACTOR)
            result.items = loaded.items
            if loaded.items <= 0 or not store.batches():
                raise SmokeFailure("示例数据没有载入任何事项")
        with _step(result, "导出整改方案 PDF", say):
            exported = export_report(
                store, REPORT_KIND, REPORT_FORMAT, folder / f"{REPORT_KIND}.{REPORT_FORMAT}"
            )
            _check_pdf_file(exported.path)
            if exported.items <= 0:
                raise SmokeFailure("导出的报表中没有事项")
            result.report = exported.path
            if exported.missing_chars:
                # The build works; the machine lacks a Chinese TrueType font (see the README).
                say(f"注意：报表中有 {len(exported.missing_chars)} 个字符没有合适的中文字体")
    finally:
        store.close()
    return result


def run_qt(result: SmokeResult, *, say: Say = _print) -> SmokeResult:
    """The Qt part: platform plugin, Chinese translations, QtPdf, and the main window built."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from rectdesk.app import smoke_qt

    with _step(result, "Qt 平台与界面翻译", say):
        app = smoke_qt.application(result.folder)
        smoke_qt.check_translations(app, translations_dir())
    with _step(result, "QtPdf 打开导出的 PDF", say):
        if result.report is None:
            raise SmokeFailure("没有可供检查的报表")
        result.pdf_pages = smoke_qt.check_pdf(result.report)
    with _step(result, "建立主窗口（不显示）", say):
        store = Store.open(result.folder / "smoke.sqlite3")
        try:
            smoke_qt.check_main_window(store, result.folder / "smoke.sqlite3")
        finally:
            store.close()
    return result


def run(*, with_qt: bool, folder: Path | None = None, say: Say = _print) -> int:
    """Run the smoke test; 0 when every step passed, 1 otherwise."""
    say(f"RectDesk {__version__} 冒烟测试（{'含界面部分' if with_qt else '不含界面部分'}）")
    started = time.perf_counter()
    try:
        with _workspace(folder) as where:
            result = run_core(where, say=say)
            if with_qt:
                run_qt(result, say=say)
    except Exception as exc:
        error = sys.stderr
        if error is not None:
            traceback.print_exc(file=error)
        say(f"失败：{exc}")
        return 1
    say(
        f"冒烟测试通过：{len(result.steps)} 个步骤，{result.items} 条示例事项，"
        f"用时 {time.perf_counter() - started:.1f} 秒。"
    )
    return 0


@contextmanager
def _workspace(folder: Path | None) -> Iterator[Path]:
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
        yield folder
        return
    with tempfile.TemporaryDirectory(prefix="rectdesk-smoke-", ignore_cleanup_errors=True) as tmp:
        yield Path(tmp)


def _check_pdf_file(path: Path) -> None:
    if not path.is_file():
        raise SmokeFailure(f"报表文件没有生成：{path}")
    with path.open("rb") as handle:
        head = handle.read(5)
    if head != b"%PDF-" or path.stat().st_size < 1000:
        raise SmokeFailure(f"报表文件不是完整的 PDF：{path}")
