"""The import wizard with a list already in the ledger: it proposes the batch and reviews fields."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rectdesk.domain.model import BatchKind
from rectdesk.services import importing
from rectdesk.services.context import AppContext
from rectdesk.store import Store
from rectdesk.ui.import_wizard import ImportWizard
from rectdesk.ui.tasks import TaskRunner


def _module(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(name, module)
    spec.loader.exec_module(module)
    return module


TESTS = Path(__file__).resolve().parents[1]
samples = _module("resent_samples", TESTS / "importers" / "samples.py")
resent = _module("resent_lists", TESTS / "importers" / "test_resent_lists.py").resent


def test_the_wizard_proposes_the_batch_and_leaves_out_unticked_fields(
    qtbot: QtBot, store: Store, db_path: Path, tmp_path: Path
) -> None:
    source = samples.seed_001_workbook(tmp_path / "方案.xlsx")
    first = importing.import_file(store, source, batch_name="已有的方案")
    copy = resent(source, tmp_path / "重发.xlsx")
    wizard = ImportWizard(AppContext(store, db_path), None, copy,
                          runner=TaskRunner(synchronous=True))  # fmt: skip
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    wizard.next()
    page = wizard.batch_page
    assert page.existing_radio.isChecked() and page.existing.currentData() == first.batch_id
    assert "已在批次“已有的方案”中" in page.match_note.text()
    assert page.kind.currentData() == BatchKind.SOCIAL_REVIEW.value
    wizard.next()
    preview = wizard.preview_page
    fields = preview.fields
    assert fields.rowCount() == 1 and "1 处" in preview.tabs.tabText(1)
    assert fields.data(fields.index(0, 5)) == "重新拟定的整改措施。"
    assert "只差前导零" in preview.model.data(preview.model.index(0, 9))
    unticked = fields.setData(
        fields.index(0, 0), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole
    )
    assert unticked
    wizard.next()
    assert wizard.outcome is not None and wizard.outcome.updated == 0
    assert len(store.batches()) == 1
    assert all(i.measures != "重新拟定的整改措施。" for i in store.items())


def test_field_changes_model_is_a_sound_qt_model(
    qtmodeltester: object, store: Store, tmp_path: Path
) -> None:
    from rectdesk.ui.field_review import FieldChangesModel

    source = samples.seed_001_workbook(tmp_path / "方案.xlsx")
    first = importing.import_file(store, source)
    plan = importing.plan_import(
        store, importing.read_file(resent(source, tmp_path / "r.xlsx")), first.batch_id
    )
    model = FieldChangesModel()
    model.set_plan(plan)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    model.set_all(False)
    assert model.rejected() == [(c.row_index, c.field) for c in plan.field_changes()]
