"""The 报送 menu of the main window: 下发, 收集, 轮次与催报, and the exchange packages."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox

from rectdesk.domain.errors import UserError
from rectdesk.services import exchange
from rectdesk.ui import file_dialogs
from rectdesk.ui.undo import busy, show_error

if TYPE_CHECKING:
    from rectdesk.ui.main_window import MainWindow

log = logging.getLogger(__name__)

#: The menu's texts (translated where shown, through _tr).
TEXTS: dict[str, object] = {
    "menu": QT_TRANSLATE_NOOP("RoundsMenu", "报送(&R)"),
    "dispatch": QT_TRANSLATE_NOOP("RoundsMenu", "下发报送表…"),
    "dispatch_tip": QT_TRANSLATE_NOOP(
        "RoundsMenu", "为批次（或选中事项）的每个责任单位生成报送表，并生成报送通知"
    ),
    "collect": QT_TRANSLATE_NOOP("RoundsMenu", "收集报送表…"),
    "collect_tip": QT_TRANSLATE_NOOP("RoundsMenu", "读入各单位报回的报送表，逐项审核后写入台账"),
    "rounds": QT_TRANSLATE_NOOP("RoundsMenu", "轮次与催报…"),
    "rounds_tip": QT_TRANSLATE_NOOP(
        "RoundsMenu", "查看每轮哪些单位已报送、哪些未报送，打印催报清单和进展对比表"
    ),
    "package": QT_TRANSLATE_NOOP("RoundsMenu", "导出交换包…"),
    "package_tip": QT_TRANSLATE_NOOP(
        "RoundsMenu", "把批次的事项、台账和佐证材料打包，供上级的 RectDesk 导入"
    ),
    "import_package": QT_TRANSLATE_NOOP("RoundsMenu", "导入交换包…"),
    "import_package_tip": QT_TRANSLATE_NOOP(
        "RoundsMenu", "导入下级报送的交换包：新批次，或更新之前导入的批次"
    ),
    "title": QT_TRANSLATE_NOOP("RoundsMenu", "报送"),
    "no_batch": QT_TRANSLATE_NOOP("RoundsMenu", "还没有批次：请先导入上级下发的表格。"),
    "save_package": QT_TRANSLATE_NOOP("RoundsMenu", "导出交换包"),
    "open_package": QT_TRANSLATE_NOOP("RoundsMenu", "导入交换包"),
    "package_filter": QT_TRANSLATE_NOOP("RoundsMenu", "交换包 (*.zip)"),
    "open_filter": QT_TRANSLATE_NOOP("RoundsMenu", "交换包 (*.zip);;所有文件 (*)"),
    "package_done": QT_TRANSLATE_NOOP(
        "RoundsMenu", "已导出交换包：事项 {0} 条，台账 {1} 条，佐证材料 {2} 份（文字已脱敏）。"
    ),
    "new_batch": QT_TRANSLATE_NOOP("RoundsMenu", "新建批次“{0}”"),
    "same_batch": QT_TRANSLATE_NOOP("RoundsMenu", "更新之前导入的批次“{0}”"),
    "question": QT_TRANSLATE_NOOP(
        "RoundsMenu",
        "{0}：新增 {1} 条事项，更新 {2} 条，无变化 {3} 条；台账 {4} 条，佐证材料 {5} 份。"
        "是否导入？",
    ),
    "imported": QT_TRANSLATE_NOOP(
        "RoundsMenu", "已导入交换包到批次 {0}：新增 {1} 条，更新 {2} 条。"
    ),
}


def _tr(key: str) -> str:
    return QCoreApplication.translate("RoundsMenu", str(TEXTS[key]))


def add_rounds_menu(window: MainWindow) -> QMenu:
    """Add the 报送 menu (before 帮助) and return it."""
    menu = window.menuBar().addMenu(_tr("menu"))
    slots = {
        "dispatch": (lambda: dispatch(window), True),
        "collect": (lambda: collect(window), True),
        "rounds": (lambda: show_rounds(window), False),
        "package": (lambda: export_package(window), False),
        "import_package": (lambda: import_package(window), True),
    }
    writes: list[QAction] = []
    for key, (slot, edits) in slots.items():
        if key == "package":
            menu.addSeparator()
        action = window._action(_tr(key), slot, edits=edits, name=f"action_{key}")
        action.setToolTip(_tr(f"{key}_tip"))
        action.setStatusTip(_tr(f"{key}_tip"))
        menu.addAction(action)
        if edits:
            writes.append(action)
    if window.context.readonly:
        for action in writes:
            action.setEnabled(False)
    return menu


def _batch(window: MainWindow) -> int | None:
    batch_id = window.current_batch_id()
    if batch_id is not None:
        return batch_id
    batches = window.context.store.batches()
    if not batches:
        QMessageBox.information(window, _tr("title"), _tr("no_batch"))
        return None
    return batches[0].id


def dispatch(window: MainWindow) -> None:
    """下发: the dialog for the current batch, or for the selected items."""
    from rectdesk.ui.dispatch_dialog import DispatchDialog

    batch_id = _batch(window)
    if batch_id is None:
        return
    selected = window.selected_ids()
    dialog = DispatchDialog(
        window.context, window, batch_id=batch_id,
        item_ids=selected if len(selected) > 1 else None, runner=window.runner,
    )  # fmt: skip
    dialog.exec()


def collect(window: MainWindow) -> None:
    """收集: the review; what it writes goes on the window's undo stack."""
    from rectdesk.ui.review_dialog import ReviewDialog

    dialog = ReviewDialog(
        window.context, window, runner=window.runner, undo_stack=window.undo_stack
    )
    dialog.exec()


def show_rounds(window: MainWindow) -> None:
    """轮次与催报 of the current batch."""
    from rectdesk.ui.rounds_view import RoundsDialog

    batch_id = _batch(window)
    if batch_id is None:
        return
    RoundsDialog(window.context, window, batch_id=batch_id).exec()


def export_package(window: MainWindow) -> None:
    """Write the current batch as an exchange package."""
    batch_id = _batch(window)
    if batch_id is None:
        return
    store = window.context.store
    name = store.batch(batch_id).name
    target = file_dialogs.save_file(
        window, "package", _tr("save_package"), f"{name[:40]}-交换包.zip", _tr("package_filter")
    )
    if not target:
        return
    try:
        with busy():
            result = exchange.make_package(
                store, batch_id, Path(target), actor=window.context.actor()
            )
    except UserError as exc:
        log.info("package refused: %s (%s)", exc.message, exc.detail)
        show_error(window, exc)
        return
    message = _tr("package_done").format(result.items, result.ledger, result.evidence)
    window.statusBar().showMessage(message, 8000)


def import_package(window: MainWindow) -> None:
    """Check a package whole, say what it would do, then bring it in."""
    source = file_dialogs.open_file(window, "package", _tr("open_package"), _tr("open_filter"))
    if not source:
        return
    store = window.context.store
    try:
        with busy():
            preview = exchange.import_package(store, Path(source), dry_run=True)
    except UserError as exc:
        log.info("package refused: %s (%s)", exc.message, exc.detail)
        show_error(window, exc)
        return
    where = _tr("new_batch" if preview.batch_created else "same_batch").format(preview.batch_name)
    question = _tr("question").format(
        where, preview.created, preview.updated, preview.unchanged, preview.ledger_added,
        preview.evidence_added,
    )  # fmt: skip
    if QMessageBox.question(window, _tr("open_package"), question) != (
        QMessageBox.StandardButton.Yes
    ):
        return
    try:
        with busy():
            result = exchange.import_package(store, Path(source), actor=window.context.actor())
    except UserError as exc:
        log.info("package import failed: %s (%s)", exc.message, exc.detail)
        show_error(window, exc)
        return
    window.refresh_all()
    message = _tr("imported").format(result.batch_id, result.created, result.updated)
    window.statusBar().showMessage(message, 8000)
