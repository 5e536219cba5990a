"""The smoke test of a build: a clerk's day on temporary data, then Qt — headless.

Open a store, load the sample data, import a spreadsheet, edit an item, export PDF, Word and
Excel, make a verified backup, change the data and restore the backup. ``rectdesk --smoke-test``
runs every step and then the Qt ones; ``rectdesk-cli smoke-test`` runs the steps that need no
Qt. Neither touches the clerk's data file, settings or logs, and neither shows a window.
"""

from __future__ import annotations

import importlib
import os
import sys
import tempfile
import time
import traceback
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from rectdesk import __version__
from rectdesk.domain.ledger import LedgerStore
from rectdesk.domain.query import ItemQuery
from rectdesk.services.backup import backup_now, restore
from rectdesk.services.demo import load_demo
from rectdesk.services.importing import import_file
from rectdesk.services.items import ItemService
from rectdesk.services.ledger import open_ledger
from rectdesk.services.paths import resource_dir, translations_dir
from rectdesk.services.reporting import export_report

#: The report the smoke test renders: the rectification plan, as PDF (and Word and Excel).
REPORT_KIND = "plan"
REPORT_FORMAT = "pdf"
ACTOR = "冒烟测试"
#: The spreadsheet the smoke test imports: a plan table as upper levels send it (invented rows).
IMPORT_HEADERS = ("序号", "意见建议编号", "整改内容", "整改部门", "整改措施", "整改时限")
IMPORT_ROWS = (
    (1, "990000000000001", "冒烟测试：乡镇卫生院夜间值班人员不足。", "医政科",
     "排定夜间值班表并公示。", "2030年6月30日"),
    (2, "990000000000002", "冒烟测试：村卫生室药品目录更新不及时。", "药政科",
     "每季度核对一次药品目录。", "2030年12月31日"),
)  # fmt: skip
EDITED = "冒烟测试修改的整改措施"
CHANGED_AFTER_BACKUP = "备份之后又改的整改措施"
#: A file of each Office format must hold this part.
OFFICE_PARTS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}
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
    imported: int = 0
    report: Path | None = None
    pdf_pages: int = 0
    exports: list[Path] = field(default_factory=list)
    backup: Path | None = None


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
    """A clerk's day on a store in ``folder`` (see the module docstring); no Qt."""
    result = SmokeResult(folder=folder)
    with _step(result, "程序库（Excel、Word、XML 安全解析）", say):
        for module in LIBRARIES:
            importlib.import_module(module)
    with _step(result, "资源文件", say):
        if not (resource_dir() / "demo").is_dir():
            raise SmokeFailure(f"找不到示例数据文件夹：{resource_dir() / 'demo'}")
    path = folder / "smoke.sqlite3"
    with _step(result, "打开临时数据文件", say):
        store = open_ledger(path)
    try:
        with _step(result, "载入示例数据", say):
            loaded = load_demo(store, actor=ACTOR)
            result.items = loaded.items
            if loaded.items <= 0 or not store.batches():
                raise SmokeFailure("示例数据没有载入任何事项")
        with _step(result, "导入 Excel 表格", say):
            item_id = _import_sheet(store, folder, result)
        with _step(result, "修改事项", say):
            ItemService(store, ACTOR).edit(item_id, {"measures": EDITED}).do()
            if store.item(item_id).measures != EDITED:
                raise SmokeFailure("修改后的整改措施没有保存")
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
        for fmt, label in (("docx", "Word"), ("xlsx", "Excel")):
            with _step(result, f"导出整改方案 {label}", say):
                office = export_report(store, REPORT_KIND, fmt, folder / f"{REPORT_KIND}.{fmt}")
                _check_office_file(office.path, OFFICE_PARTS[fmt])
                result.exports.append(office.path)
        with _step(result, "备份并检查备份", say):
            info = backup_now(store, reason="manual")
            if not info.verified:
                raise SmokeFailure(f"备份没有通过完整性检查：{info.problem}")
            result.backup = info.path
        with _step(result, "从备份恢复", say):
            ItemService(store, ACTOR).edit(item_id, {"measures": CHANGED_AFTER_BACKUP}).do()
            count = store.count_items()
            store.close()
            restore(path, info.path)
            store = open_ledger(path)
            if store.item(item_id).measures != EDITED or store.count_items() != count:
                raise SmokeFailure("恢复后的数据与备份时不一致")
    finally:
        store.close()
    return result


def _import_sheet(store: LedgerStore, folder: Path, result: SmokeResult) -> int:
    """Import a two-row plan table; returns the id of its first item."""
    import openpyxl

    sheet_path = folder / "冒烟测试 导入表.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["冒烟测试整改工作方案"])
    sheet.append(list(IMPORT_HEADERS))
    for row in IMPORT_ROWS:
        sheet.append(list(row))
    book.save(sheet_path)
    imported = import_file(store, sheet_path, batch_name="冒烟测试导入", actor=ACTOR)
    if imported.created != len(IMPORT_ROWS) or imported.batch_id is None:
        raise SmokeFailure(f"导入的事项数不对：{imported.created} 条（应为 {len(IMPORT_ROWS)} 条）")
    result.imported = imported.created
    first = store.items(ItemQuery(batch_id=imported.batch_id))[0]
    return first.id


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
        store = open_ledger(result.folder / "smoke.sqlite3")
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
        f"导入 {result.imported} 条，"
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


def _check_office_file(path: Path, part: str) -> None:
    if not path.is_file() or not zipfile.is_zipfile(path):
        raise SmokeFailure(f"报表文件没有生成或已损坏：{path}")
    with zipfile.ZipFile(path) as archive:
        if part not in archive.namelist() or archive.testzip() is not None:
            raise SmokeFailure(f"报表文件不完整：{path}")


def _check_pdf_file(path: Path) -> None:
    if not path.is_file():
        raise SmokeFailure(f"报表文件没有生成：{path}")
    with path.open("rb") as handle:
        head = handle.read(5)
    if head != b"%PDF-" or path.stat().st_size < 1000:
        raise SmokeFailure(f"报表文件不是完整的 PDF：{path}")
