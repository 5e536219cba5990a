"""The fill-back dialog: the kept original by default, a new file, never the original."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import openpyxl
import pytest
from pytestqt.qtbot import QtBot

from rectdesk.services.context import AppContext
from rectdesk.services.importing import import_file
from rectdesk.store import Store
from rectdesk.ui.fillback_dialog import FillBackDialog


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


def test_fill_back_dialog_uses_the_kept_original(
    qtbot: QtBot, context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = samples.seed_001_workbook(tmp_path / "方案.xlsx")
    result = import_file(context.store, path, batch_name="方案")
    monkeypatch.setattr(Path, "home", lambda: tmp_path)
    dialog = FillBackDialog(context, None, result.batch_id or 0)
    qtbot.addWidget(dialog)
    assert dialog.original.text().endswith("方案.xlsx")
    dialog.fill_button.click()
    assert dialog.outcome is not None and dialog.outcome.matched == 5
    assert Path(dialog.output.text()).exists() and "已回填 5 行" in dialog.message.text()
    dialog.output.setText(dialog.original.text())
    dialog.fill_button.click()
    assert "不要覆盖" in dialog.message.text()


def test_fill_back_dialog_reports_a_non_xlsx_original(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    path = tmp_path / "清单.csv"
    path.write_text("问题描述,责任单位\n问题一,办公室\n", encoding="utf-8")
    result = import_file(context.store, path, batch_name="清单")
    dialog = FillBackDialog(context, None, result.batch_id or 0)
    qtbot.addWidget(dialog)
    dialog.output.setText(str(tmp_path / "out.xlsx"))
    dialog.fill_button.click()
    assert "不是 xlsx" in dialog.message.text() and dialog.outcome is None
    assert not (tmp_path / "out.xlsx").exists()
    assert openpyxl  # the module is used by the other tests through samples
