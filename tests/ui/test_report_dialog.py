"""The export and print dialog: defaults, personal-data confirmation, export, preview, print."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from rectdesk.domain.privacy import OutputMode
from rectdesk.reports import fonts
from rectdesk.reports.fontfiles import read_faces
from rectdesk.services.context import AppContext
from rectdesk.store import Store
from rectdesk.ui.report_dialog import ReportDialog
from rectdesk.ui.tasks import TaskRunner

TEST_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
TODAY = dt.date(2023, 11, 20)


@pytest.fixture(autouse=True)
def _test_font(monkeypatch: pytest.MonkeyPatch) -> None:
    faces = tuple(f for f in read_faces(TEST_FONT) if f.truetype) if TEST_FONT.exists() else ()
    if not faces:
        pytest.skip("需要中文 TrueType 字体 fonts-wqy-zenhei（python3 tests/run_all.py 会安装）")
    monkeypatch.setattr(fonts, "scan_faces", lambda dirs=None: faces)


@pytest.fixture
def context(demo_store: Store, db_path: Path) -> Iterator[AppContext]:
    made: list[ReportDialog] = []
    original = ReportDialog.__init__

    def tracked(self: ReportDialog, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        made.append(self)

    def tracked_sync(self: ReportDialog, *args: Any, **kwargs: Any) -> None:
        tracked(self, *args, **{"runner": TaskRunner(synchronous=True), **kwargs})

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ReportDialog, "__init__", tracked_sync)
        yield AppContext(demo_store, db_path, lambda: TODAY)
    for dialog in made:
        dialog.close()  # before the store closes: no font check may run on a closed store


def plan_batch(store: Store) -> int:
    return next(b.id for b in store.batches() if "整改工作方案" in b.name)


def test_defaults(qtbot: Any, context: AppContext) -> None:
    dialog = ReportDialog(context, None, batch_id=plan_batch(context.store))
    qtbot.addWidget(dialog)
    assert dialog.mode() is OutputMode.MASKED  # masked unless the clerk chooses otherwise
    assert [dialog.template.itemData(i) for i in range(6)] == [
        "plan", "summary", "ledger", "narrative", "warnings", "closures",
    ]  # fmt: skip
    assert dialog.scope.currentData() == plan_batch(context.store)
    assert "正文和表格" in dialog.fonts.toPlainText()
    lines = dialog.check()
    assert lines[-1].startswith("共 ") and lines[-1].endswith(" 页。")


def test_export_asks_where_and_writes(
    qtbot: Any, context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "方案.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    dialog = ReportDialog(context, None, batch_id=plan_batch(context.store))
    qtbot.addWidget(dialog)
    dialog.set_choice(dialog.format, "docx")
    result = dialog.export()
    assert result is not None and target.exists()
    assert "已导出到" in dialog.fonts.toPlainText()


def test_full_mode_is_confirmed_every_time_and_audited(
    qtbot: Any, context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes,
               QMessageBox.StandardButton.Yes]  # fmt: skip
    asked: list[str] = []

    def warning(_parent: object, title: str, *_args: object) -> QMessageBox.StandardButton:
        asked.append(title)
        return answers[len(asked) - 1]

    monkeypatch.setattr(QMessageBox, "warning", warning)
    paths = iter([tmp_path / "a.xlsx", tmp_path / "b.xlsx"])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(next(paths)), ""))
    dialog = ReportDialog(context)
    qtbot.addWidget(dialog)
    dialog.set_choice(dialog.template, "summary")
    dialog.set_choice(dialog.format, "xlsx")
    dialog.set_choice(dialog.privacy, "full")
    audited = lambda: [e for e in context.store.audit_log() if e.action == "export_full"]  # noqa: E731
    assert dialog.export() is None  # declined: nothing written, nothing recorded
    assert audited() == []
    assert dialog.export() is not None
    assert dialog.export() is not None
    assert len(asked) == 3  # asked again each time, never remembered
    assert len(audited()) == 2
    assert (tmp_path / "a.xlsx").exists() and (tmp_path / "b.xlsx").exists()


def test_selected_items_scope(qtbot: Any, context: AppContext, tmp_path: Path) -> None:
    ids = context.store.item_ids()[:2]
    dialog = ReportDialog(context, None, item_ids=ids)
    qtbot.addWidget(dialog)
    assert dialog.scope.currentData() == "selected"
    report = dialog.build()
    assert len(report.tables()[0].rows) == 2


def test_preview_shows_the_pdf_pages_and_prints(
    qtbot: Any, context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = ReportDialog(context, None, batch_id=plan_batch(context.store))
    qtbot.addWidget(dialog)
    preview = dialog.preview_dialog()
    assert preview is not None
    qtbot.addWidget(preview)
    exported = dialog.export_to(tmp_path / "plan.pdf")
    assert exported is not None
    assert preview.pages.page_count() == exported.pages > 1
    out = tmp_path / "printed.pdf"

    def accept(self: QPrintDialog) -> int:
        printer = self.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setResolution(72)
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    assert preview.print_pages() == exported.pages
    assert out.exists() and out.stat().st_size > 0

    monkeypatch.setattr(QPrintDialog, "exec", lambda self: int(QDialog.DialogCode.Rejected.value))
    assert preview.print_pages() == 0


def test_export_runs_in_the_background(qtbot: Any, context: AppContext, tmp_path: Path) -> None:
    dialog = ReportDialog(context, None, runner=TaskRunner())
    qtbot.addWidget(dialog)
    dialog.set_choice(dialog.format, "xlsx")
    assert dialog.export_to(tmp_path / "all.xlsx") is None  # not finished yet: on a thread
    qtbot.waitUntil(lambda: dialog.last_result is not None, timeout=20000)
    assert dialog.last_result is not None and dialog.last_result.path.exists()
    assert dialog.export_button.isEnabled()


def test_printer_paper_follows_the_pdf_page(qtbot: Any) -> None:
    from PySide6.QtGui import QPageSize

    from rectdesk.ui.print_preview import paper_size

    assert paper_size(595.28, 841.89).id() == QPageSize.PageSizeId.A4
    assert paper_size(1190.55, 841.89).id() == QPageSize.PageSizeId.A3  # landscape A3
    assert paper_size(515.9, 728.5).id() == QPageSize.PageSizeId.JisB5  # 182 × 257 mm
