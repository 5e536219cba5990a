"""The rounds in the window: the 报送 menu, 下发, the review of 收集, and 轮次与催报."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QMessageBox

from rectdesk.domain.model import Status
from rectdesk.services.context import AppContext
from rectdesk.services.dispatch import DispatchResult
from rectdesk.store import Store
from rectdesk.ui import file_dialogs
from rectdesk.ui.dispatch_dialog import DispatchDialog
from rectdesk.ui.main_window import MainWindow
from rectdesk.ui.review_dialog import ReviewDialog
from rectdesk.ui.rounds_view import RoundsDialog
from rectdesk.ui.tasks import TaskRunner


def _roundkit() -> ModuleType:
    path = Path(__file__).resolve().parents[1] / "rounds" / "roundkit.py"
    spec = importlib.util.spec_from_file_location("ui_roundkit", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("ui_roundkit", module)
    spec.loader.exec_module(module)
    return module


kit = _roundkit()
TODAY = dt.date(2023, 12, 20)


@pytest.fixture
def context(demo_store: Store, db_path: Path) -> AppContext:
    return AppContext(store=demo_store, target=db_path, today=lambda: TODAY)


@pytest.fixture
def sent(demo_store: Store, tmp_path: Path) -> DispatchResult:
    result: DispatchResult = kit.send(demo_store, tmp_path / "下发")
    return result


def _returned(sent: DispatchResult, tmp_path: Path) -> list[Path]:
    lead = (
        kit.Returned(kit.file_of(sent, "财务处"))
        .set(kit.SHARED, "完成情况", "整改中")
        .set(kit.SHARED, "整改进展", "牵头的进展")
        .set(kit.FINANCE, "整改进展", "培训2期")
        .set(kit.FINANCE, "问题/意见建议内容", "改动受保护的列")
        .save(tmp_path / "财务处.xlsx")
    )
    assist = (
        kit.Returned(kit.file_of(sent, "规划处"))
        .set(kit.SHARED, "完成情况", "已完成")
        .save(tmp_path / "规划处.xlsx")
    )
    return [lead, assist]


def test_the_rounds_menu(qtbot: Any, context: AppContext, tmp_path: Path) -> None:
    window = MainWindow(
        context, qsettings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat),
        runner=TaskRunner(synchronous=True),
    )  # fmt: skip
    qtbot.addWidget(window)
    titles = [a.text() for a in window.menuBar().actions()]
    assert "报送(&R)" in titles
    names = {a.objectName() for a in window.findChildren(QAction)}
    assert {"action_dispatch", "action_collect", "action_rounds", "action_package",
            "action_import_package"} <= names  # fmt: skip


def test_dispatch_dialog_writes_the_workbooks(
    qtbot: Any, context: AppContext, tmp_path: Path
) -> None:
    dialog = DispatchDialog(context, None, batch_id=1, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(dialog)
    assert dialog.round.value() == 1 and not dialog.selected.isVisible()
    dialog.folder.setText(str(tmp_path / "报送表"))
    dialog.send()
    assert dialog.outcome is not None and dialog.outcome.round_number == 1
    assert all(f.path.is_file() for f in dialog.outcome.files)
    assert "财务处" in dialog.message.toPlainText()
    assert dialog.open_button.isEnabled()
    dialog.send()  # again: a new round
    assert dialog.outcome.round_number == 2


def test_dispatch_dialog_says_why_it_cannot(qtbot: Any, context: AppContext) -> None:
    dialog = DispatchDialog(context, None, batch_id=1, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(dialog)
    dialog.folder.setText("")
    dialog.send()
    assert "请选择批次和保存报送表的文件夹" in dialog.message.toPlainText()


def test_review_accept_reject_conflicts_write_and_undo(
    qtbot: Any, context: AppContext, sent: DispatchResult, tmp_path: Path
) -> None:
    stack = QUndoStack()
    dialog = ReviewDialog(
        context, None, paths=_returned(sent, tmp_path), runner=TaskRunner(synchronous=True),
        undo_stack=stack,
    )  # fmt: skip
    qtbot.addWidget(dialog)
    plan = dialog.plan
    assert plan is not None and len(plan.conflicts()) == 1
    assert dialog.problems.count() == 1 and "受保护" in dialog.problems.item(0).text()
    assert dialog.conflict_box.isVisibleTo(dialog)
    # The conflict side by side: ticking the assisting unit's value unticks the lead's.
    lead_cell = dialog.conflicts.item(0, 3)
    assist_cell = dialog.conflicts.item(0, 4)
    assert "财务处" in lead_cell.text() and lead_cell.checkState() == Qt.CheckState.Checked
    assist_cell.setCheckState(Qt.CheckState.Checked)
    assert lead_cell.checkState() == Qt.CheckState.Unchecked
    assist = next(c for c in plan.changes if c.unit == "规划处")
    assert (
        assist.accepted and dialog._tree_rows[assist.index].checkState(0) == Qt.CheckState.Checked
    )
    # Per field in the tree.
    finance = next(c for c in plan.changes if c.item_label == kit.FINANCE)
    dialog._tree_rows[finance.index].setCheckState(0, Qt.CheckState.Unchecked)
    assert not finance.accepted
    # Per unit, then all.
    dialog.unit.setCurrentText("财务处")
    dialog.reject_unit.click()
    assert not any(c.accepted for c in plan.changes if c.unit == "财务处")
    dialog.accept_all.click()
    assert all(c.accepted for c in plan.changes if c.allowed and not c.conflict)
    assert [c.unit for c in plan.changes if c.conflict and c.accepted] == ["财务处"]
    dialog.write()
    store = context.store
    shared = next(i for i in store.items() if i.number == kit.SHARED)
    assert shared.status is Status.IN_PROGRESS and shared.progress == "牵头的进展"
    assert stack.count() == 1 and stack.undoText() == "收集第1轮报送"
    assert not dialog.write_button.isEnabled()
    stack.undo()
    shared = next(i for i in store.items() if i.number == kit.SHARED)
    assert shared.status is Status.PENDING and shared.progress == ""


def test_review_of_files_that_cannot_be_taken(
    qtbot: Any, context: AppContext, sent: DispatchResult, tmp_path: Path
) -> None:
    bad = tmp_path / "坏.xlsx"
    bad.write_bytes(b"PK\x03\x04 broken")
    dialog = ReviewDialog(context, None, paths=[bad], runner=TaskRunner(synchronous=True))
    qtbot.addWidget(dialog)
    assert "不能纳入审核" in dialog.summary.text()
    assert "坏.xlsx" in dialog.problems.item(0).text()
    assert not dialog.write_button.isEnabled()


def test_rounds_view_models_and_printing(
    qtbot: Any, qtmodeltester: Any, context: AppContext, sent: DispatchResult, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    review = ReviewDialog(
        context, None, paths=_returned(sent, tmp_path)[:1], runner=TaskRunner(synchronous=True)
    )
    qtbot.addWidget(review)
    review.write()
    kit.send(context.store, tmp_path / "第2轮")
    dialog = RoundsDialog(context, None, batch_id=1)
    qtbot.addWidget(dialog)
    assert dialog.round.count() == 2 and dialog.round.currentIndex() == 1
    qtmodeltester.check(dialog.units)
    assert "未报送 10 个" in dialog.summary.text() and "已超过截止日期" in dialog.summary.text()
    dialog.round.setCurrentIndex(0)
    units = [dialog.units.data(dialog.units.index(r, 4)) for r in range(dialog.units.rowCount())]
    assert sum(1 for u in units if u.startswith("已报送")) == 1
    dialog.round.setCurrentIndex(1)
    qtmodeltester.check(dialog.comparison)
    assert dialog.comparison.rowCount() > 0
    header = dialog.comparison.headerData(3, Qt.Orientation.Horizontal)
    assert header == "第1轮进展"
    dialog.changed_only.setChecked(True)
    assert dialog.comparison.rowCount() == 0  # nobody answered round 2 yet: nothing moved
    dialog.changed_only.setChecked(False)
    target = tmp_path / "催报.pdf"
    monkeypatch.setattr(file_dialogs, "save_file", lambda *args, **kwargs: str(target))
    dialog.chase_button.click()
    assert target.read_bytes().startswith(b"%PDF")
    target = tmp_path / "对比.docx"
    dialog.compare_button.click()
    assert target.is_file()


def test_package_menu_round_trip(
    qtbot: Any, context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rectdesk.ui import rounds_menu

    window = MainWindow(
        context, qsettings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat),
        runner=TaskRunner(synchronous=True),
    )  # fmt: skip
    qtbot.addWidget(window)
    package = tmp_path / "包.zip"
    monkeypatch.setattr(file_dialogs, "save_file", lambda *args, **kwargs: str(package))
    rounds_menu.export_package(window)
    assert package.is_file() and "已导出交换包" in window.statusBar().currentMessage()
    with Store.open(tmp_path / "city.sqlite3") as city:
        other = MainWindow(
            AppContext(store=city, target=tmp_path / "city.sqlite3"),
            qsettings=QSettings(str(tmp_path / "ui2.ini"), QSettings.Format.IniFormat),
            runner=TaskRunner(synchronous=True),
        )  # fmt: skip
        qtbot.addWidget(other)
        monkeypatch.setattr(file_dialogs, "open_file", lambda *args, **kwargs: str(package))
        asked: list[str] = []

        def answer(_parent: object, _title: str, text: str) -> QMessageBox.StandardButton:
            asked.append(text)
            return QMessageBox.StandardButton.Yes

        monkeypatch.setattr(QMessageBox, "question", answer)
        rounds_menu.import_package(other)
        assert "新增" in asked[0] and len(city.batches()) == 1
