"""The import wizard end to end, offscreen, with a synchronous task runner."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import openpyxl
import pytest
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from rectdesk.domain.model import BatchKind
from rectdesk.services.context import AppContext
from rectdesk.store import Store
from rectdesk.ui.import_wizard import ImportWizard
from rectdesk.ui.tasks import TaskRunner


def _samples() -> ModuleType:
    path = Path(__file__).resolve().parents[1] / "importers" / "samples.py"
    spec = importlib.util.spec_from_file_location("import_samples", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("import_samples", module)
    spec.loader.exec_module(module)
    return module


samples = _samples()


@pytest.fixture
def context(store: Store, db_path: Path) -> AppContext:
    return AppContext(store, db_path)


def wizard_for(qtbot: QtBot, context: AppContext, path: Path | None = None) -> ImportWizard:
    wizard = ImportWizard(context, None, path, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def test_whole_import_through_the_wizard(qtbot: QtBot, context: AppContext, tmp_path: Path) -> None:
    path = samples.ledger_workbook(tmp_path / "台账.xlsx")
    wizard = wizard_for(qtbot, context, path)
    assert wizard.currentPage() is wizard.file_page
    wizard.next()
    assert wizard.currentPage() is wizard.mapping_page
    assert wizard.mapping_page.table.rowCount() == 9
    wizard.next()
    page = wizard.batch_page
    assert wizard.currentPage() is page
    assert page.name.text() == "县卫生健康局巡察反馈问题整改台账" and page.year.value() == 2024
    page.kind.setCurrentIndex(page.kind.findData(BatchKind.INSPECTION.value))
    wizard.next()
    preview = wizard.preview_page
    assert preview.model.rowCount() == 4
    assert "新增 4 条" in preview.counts.text()
    assert preview.model.index(0, 0).data() == "新增"
    assert "未写年份" in preview.model.index(0, 9).data()
    with qtbot.waitSignal(wizard.items_imported) as signal:
        wizard.next()
    assert signal.args == [4]
    assert wizard.currentPage() is wizard.summary_page
    batch = context.store.batches()[0]
    assert batch.kind is BatchKind.INSPECTION and batch.item_count == 4 and batch.source_file
    wizard.summary_page.undo_button.click()
    assert context.store.batches() == []


def test_bad_file_gives_one_sentence_and_stays(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    path = tmp_path / "坏.xlsx"
    path.write_bytes(b"PK\x03\x04broken")
    wizard = wizard_for(qtbot, context, path)
    wizard.next()
    assert wizard.currentPage() is wizard.file_page
    assert "坏.xlsx" in wizard.file_page.error_label.text()
    assert context.store.batches() == []


def test_mapping_can_be_changed(qtbot: QtBot, context: AppContext, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["序号", "问题描述", "督办科室", "说明"])
    sheet.append([1, "问题一", "医政股", "附注"])
    path = tmp_path / "映射.xlsx"
    book.save(path)
    wizard = wizard_for(qtbot, context, path)
    wizard.next()
    page = wizard.mapping_page
    combo = page.combo(2)  # 督办科室: unknown, kept as an extra field
    assert combo.currentData() is None
    combo.setCurrentIndex(combo.findData("departments"))
    wizard.next()
    assert wizard.currentPage() is wizard.batch_page
    draft = wizard.parsed.rows[0].draft if wizard.parsed else None
    assert draft is not None and [a.department for a in draft.departments] == ["医政股"]
    assert draft.remarks == "附注"


def test_reimport_into_existing_batch_shows_unchanged(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    path = samples.seed_001_workbook(tmp_path / "方案.xlsx")
    for expected in ("新增", "无变化"):
        wizard = wizard_for(qtbot, context, path)
        wizard.next()
        wizard.next()
        if expected == "无变化":
            assert wizard.batch_page.existing_radio.isChecked()
        wizard.next()
        assert wizard.preview_page.model.index(0, 0).data() == expected
        wizard.next()
        assert wizard.currentPage() is wizard.summary_page
    assert context.store.batches()[0].item_count == 5


def test_preview_model_passes_the_model_tester(
    qtbot: QtBot, context: AppContext, tmp_path: Path, qtmodeltester: Any
) -> None:
    path = samples.seed_000_workbook(tmp_path / "汇总.xlsx")
    wizard = wizard_for(qtbot, context, path)
    wizard.next()
    wizard.next()
    wizard.next()
    qtmodeltester.check(wizard.preview_page.model)
    assert wizard.button(QWizard.WizardButton.CommitButton).text() == "导入"


def test_reading_runs_in_the_background_and_moves_on(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    path = samples.seed_001_workbook(tmp_path / "方案.xlsx")
    wizard = ImportWizard(context, None, path)  # the real thread pool
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.mapping_page, timeout=10_000)
    assert wizard.parsed is not None and len(wizard.parsed.rows) == 5
    assert wizard.runner.wait(5000)
