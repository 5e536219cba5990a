"""At 1366 × 768, in Chinese and in English, the window shows what a clerk works with."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QRect, QSettings, QTranslator
from PySide6.QtWidgets import QAbstractButton, QVBoxLayout, QWidget

from rectdesk.services.context import AppContext
from rectdesk.services.paths import translations_dir
from rectdesk.store import Store
from rectdesk.ui.columns import ItemsTable, column_index
from rectdesk.ui.items_model import ItemsModel
from rectdesk.ui.main_window import MainWindow
from rectdesk.ui.tasks import TaskRunner

#: The columns a clerk works with, which must be in view without scrolling sideways.
WORKING_COLUMNS = ["light", "seq", "number", "content", "departments", "deadline",
                   "overdue_days", "status"]  # fmt: skip
LAPTOP = QRect(0, 0, 1366, 728)  # 1366 × 768 less a taskbar


@pytest.fixture(params=["zh_CN", "en"])
def language(request: pytest.FixtureRequest, qapp: Any) -> Iterator[str]:
    translator = QTranslator()
    if request.param == "en":
        assert translator.load("rectdesk_en", str(translations_dir()))
        QCoreApplication.installTranslator(translator)
    yield str(request.param)
    QCoreApplication.removeTranslator(translator)


def laptop_window(qtbot: Any, store: Store, db_path: Path, tmp_path: Path) -> MainWindow:
    qsettings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(
        AppContext(store, db_path), qsettings=qsettings, runner=TaskRunner(synchronous=True)
    )
    qtbot.addWidget(window)
    window.fit_to_screen(LAPTOP)
    window.setFixedSize(window.size())  # no window manager: keep the laptop's size
    window.show()
    qtbot.waitExposed(window)
    window.pages.setCurrentWidget(window.items_page)
    qtbot.waitUntil(lambda: not window._fit_columns)
    window.table.fit_width()
    return window


def test_working_columns_are_in_view(
    qtbot: Any, language: str, demo_store: Store, db_path: Path, tmp_path: Path
) -> None:
    window = laptop_window(qtbot, demo_store, db_path, tmp_path)
    table = window.table
    assert window.width() <= LAPTOP.width() and window.height() <= LAPTOP.height()
    assert table.visible_keys() == WORKING_COLUMNS
    header = table.horizontalHeader()
    assert header.length() <= table.viewport().width(), language  # no sideways scrolling
    metrics = header.fontMetrics()
    for logical in range(header.count()):
        if header.isSectionHidden(logical):
            continue
        title = str(window.model.headerData(logical, header.orientation()))
        assert header.sectionSize(logical) >= metrics.horizontalAdvance(title) + 8, title
    assert header.sectionSize(column_index("content")) >= 150


def test_the_detail_panel_never_cuts_off_its_buttons(
    qtbot: Any, language: str, demo_store: Store, db_path: Path, tmp_path: Path
) -> None:
    window = laptop_window(qtbot, demo_store, db_path, tmp_path)
    window.select_item(window.model.item_id(0) or 0)
    panel = window.detail
    buttons = [b for b in panel.findChildren(QAbstractButton) if b.isVisible()]
    assert len(buttons) >= 3
    for button in buttons:
        assert button.width() >= button.minimumSizeHint().width(), button.text()
        left = button.mapTo(panel, button.rect().topLeft()).x()
        assert left >= 0 and left + button.width() <= panel.width(), button.text()
    # Several rows: the panel says how many and offers the bulk actions, all in view.
    window.table.selectAll()
    assert panel.stack.currentWidget() is panel.selection
    for button in panel.selection.buttons.values():
        assert button.isVisible() and button.width() >= button.minimumSizeHint().width()


def test_the_navigator_names_every_view_in_full(
    qtbot: Any, language: str, demo_store: Store, db_path: Path, tmp_path: Path
) -> None:
    window = laptop_window(qtbot, demo_store, db_path, tmp_path)
    tree = window.navigator
    metrics = tree.fontMetrics()
    for key in ("all", "overdue", "due_soon", "in_progress", "completed", "closed", "ongoing"):
        title = tree.title(key)
        rect = tree.visualItemRect(tree._entries[key])
        assert rect.x() + metrics.horizontalAdvance(title) <= tree.columnWidth(0), title


def test_the_content_column_follows_the_table_until_the_clerk_sets_widths(
    qtbot: Any, demo_store: Store, db_path: Path
) -> None:
    # A table inside a small window (the offscreen screen is 800 wide): only its width moves.
    holder = QWidget()
    qtbot.addWidget(holder)
    table = ItemsTable(holder)
    table.setModel(ItemsModel(AppContext(demo_store, db_path), holder))
    table.apply_default_columns()
    for key in ("seq", "number", "departments", "deadline", "overdue_days"):
        table.set_column_shown(key, False)
    layout = QVBoxLayout(holder)
    layout.addWidget(table)
    holder.setFixedSize(500, 400)
    holder.show()
    qtbot.waitExposed(holder)
    table.fit_width()
    header = table.horizontalHeader()
    content = column_index("content")
    narrow = header.sectionSize(content)
    holder.setFixedSize(760, 400)  # the window is made wider (maximized)
    qtbot.waitUntil(lambda: header.sectionSize(content) >= narrow + 200)
    assert header.length() <= table.viewport().width()
    table._auto_fit = False  # what a drag on the header does (see ItemsTable._section_resized)
    header.resizeSection(content, 200)
    holder.setFixedSize(700, 400)
    qtbot.wait(20)
    assert header.sectionSize(content) == 200  # the clerk's width stays
