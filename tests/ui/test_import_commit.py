"""The import's write: off the window's connection, cancellable, and on the Edit menu's undo."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QPushButton
from pytestqt.qtbot import QtBot

from rectdesk.services.context import AppContext
from rectdesk.store import ItemQuery, Store
from rectdesk.ui import import_wizard
from rectdesk.ui.import_wizard import ImportWizard
from rectdesk.ui.main_window import MainWindow
from rectdesk.ui.tasks import Progress, TaskRunner, open_writer


def _samples() -> ModuleType:
    path = Path(__file__).resolve().parents[1] / "importers" / "samples.py"
    spec = importlib.util.spec_from_file_location("import_samples", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("import_samples", module)
    spec.loader.exec_module(module)
    return module


samples = _samples()
ROWS = 3000


@pytest.fixture
def context(store: Store, db_path: Path) -> AppContext:
    return AppContext(store, db_path)


def to_preview(qtbot: QtBot, wizard: ImportWizard) -> None:
    wizard.show()
    for page in (wizard.mapping_page, wizard.batch_page, wizard.preview_page):
        wizard.next()
        qtbot.waitUntil(lambda page=page: wizard.currentPage() is page, timeout=20_000)


def test_the_window_never_sees_the_open_write(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    path = samples.seed_001_workbook(tmp_path / "大表.xlsx", rows=ROWS)
    wizard = ImportWizard(context, None, path)  # the real thread pool
    qtbot.addWidget(wizard)
    to_preview(qtbot, wizard)
    seen: list[tuple[int, int, bool]] = []

    def look(done: int, _total: int, _text: str) -> None:
        # What the window's own connection shows while the worker writes.
        store = context.store
        seen.append((done, store.count_items(ItemQuery()), store.db.conn.in_transaction))

    wizard.next()  # 导入: starts the write and returns at once
    assert wizard.busy and wizard.currentPage() is wizard.preview_page
    assert wizard.task is not None
    wizard.task.relay.progressed.connect(look)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.summary_page, timeout=60_000)
    assert [s for s in seen if s[0] > 0], "no progress arrived while writing"
    assert all(count == 0 and not open_ for _done, count, open_ in seen)
    assert context.store.count_items(ItemQuery()) == ROWS
    assert wizard.runner.wait(5000)


def test_cancel_during_the_write_keeps_the_wizard_and_writes_nothing(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    path = samples.seed_001_workbook(tmp_path / "大表.xlsx", rows=ROWS)
    wizard = ImportWizard(context, None, path)
    qtbot.addWidget(wizard)
    to_preview(qtbot, wizard)
    wizard.next()
    wizard.reject()  # 取消 / Esc while writing: stops the write, the wizard stays
    assert wizard.isVisible()
    qtbot.waitUntil(lambda: not wizard.busy, timeout=60_000)
    assert wizard.outcome is None
    assert "没有写入任何内容" in wizard.preview_page.error_label.text()
    assert context.store.count_items(ItemQuery()) == 0
    assert context.store.batches() == []
    wizard.reject()  # now it closes
    assert not wizard.isVisible()


def test_a_cancel_after_the_commit_keeps_the_result() -> None:
    progress = Progress()
    progress.settle()
    progress.cancel()
    assert not progress.cancelled
    progress.check()  # does not raise


def test_the_writer_connection_writes_under_the_windows_lock(store: Store) -> None:
    from rectdesk.domain.model import BatchDraft, BatchKind

    with open_writer(store) as writer:
        assert writer.path == store.path and not writer.readonly
        with writer.transaction():
            writer.add_batch(BatchDraft(BatchKind.AUDIT, "县审计局审计整改"))
            assert store.batches() == []  # the window's connection: not before the commit
    assert [b.name for b in store.batches()] == ["县审计局审计整改"]
    with store.transaction():  # the window still writes: its lock was not given up
        store.add_batch(BatchDraft(BatchKind.OTHER, "自查"))
    with pytest.raises(ValueError), open_writer(Store.memory()):
        pass


def test_ctrl_z_takes_an_import_back(
    qtbot: QtBot, context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = samples.seed_001_workbook(tmp_path / "方案.xlsx")
    qsettings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(context, qsettings=qsettings, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    window.show()

    def run_wizard(wizard: ImportWizard) -> int:
        wizard.file_page.path_edit.setText(str(path))
        wizard.show()
        for _page in range(4):
            wizard.next()
        assert wizard.currentPage() is wizard.summary_page
        wizard.accept()
        return 1

    monkeypatch.setattr(ImportWizard, "exec", run_wizard)
    window.file_actions["import"].trigger()
    assert window.navigator.count("all") == 5
    assert window.undo_action.isEnabled()
    assert "方案.xlsx" in window.undo_action.text()
    window.undo_action.trigger()
    assert context.store.batches() == []
    assert window.navigator.count("all") == 0
    assert not window.redo_action.isEnabled()  # an import taken back is imported again


def test_enter_after_browsing_goes_on_instead_of_browsing_again(
    qtbot: QtBot, context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = samples.seed_001_workbook(tmp_path / "方案.xlsx")
    asked: list[str] = []

    def choose(*_args: Any, **_kwargs: Any) -> tuple[str, str]:
        asked.append("browse")
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)
    wizard = ImportWizard(context, None, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    browse = next(b for b in wizard.file_page.findChildren(QPushButton) if b.text() == "浏览…")
    browse.setFocus()
    qtbot.keyClick(browse, Qt.Key.Key_Space)
    assert asked == ["browse"]
    qtbot.keyClick(browse, Qt.Key.Key_Return)
    assert asked == ["browse"]
    assert wizard.currentPage() is wizard.mapping_page
    assert import_wizard.ImportWizard is ImportWizard
