"""The English interface is English: no Chinese character outside the ledger's own data.

The window runs on the sample data (Chinese, as the clerk's lists are) with the English
translation installed; every text the program itself shows is gathered: window and dialog
titles, menus and their tips, buttons, labels, placeholders, group boxes, tabs, headers,
combo entries that are not data, the navigator's own entries, the dialogs a clerk opens.
Cells of the tables, the navigator's batch names and the detail panel's field values are
data and left out; so are the two names of the languages themselves.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QSettings,
    Qt,
    QTranslator,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QTabWidget,
    QTreeWidget,
    QWidget,
)

from rectdesk.app.application import crash_box, earlier_end_box
from rectdesk.app.faults import EarlierEnd
from rectdesk.domain.errors import install_translator
from rectdesk.services.context import AppContext
from rectdesk.services.demo import load_demo
from rectdesk.services.paths import translations_dir
from rectdesk.store import Store
from rectdesk.ui.main_window import MainWindow
from rectdesk.ui.tasks import TaskRunner

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")
#: A clerk's own text quoted in a sentence.
QUOTED = re.compile(r"“[^”]*”")
#: Each language named in itself (the switch in the help, the choice in the settings).
OWN_NAMES = {"中文", "简体中文"}
TODAY = dt.date(2026, 12, 4)


@pytest.fixture
def english(qapp: Any) -> Iterator[None]:
    translator = QTranslator()
    assert translator.load("rectdesk_en", str(translations_dir()))
    QCoreApplication.installTranslator(translator)
    install_translator(QCoreApplication.translate)  # as the window does when it starts
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    install_translator(None)
    QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(QLocale.system())


@pytest.fixture
def window(qtbot: Any, english: None, store: Store, db_path: Path, tmp_path: Path) -> MainWindow:
    load_demo(store, actor="Wang", today=TODAY)
    qsettings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    context = AppContext(store, db_path, today=lambda: TODAY)
    shown = MainWindow(context, qsettings=qsettings, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def _header_texts(model: QAbstractItemModel | None, columns: int | None = None) -> list[str]:
    if model is None:
        return []
    count = model.columnCount(QModelIndex()) if columns is None else columns
    return [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(count)]


def interface_texts(root: QWidget, data: set[int]) -> list[tuple[str, str]]:
    """(where, text) for every interface text under ``root``; widgets in ``data`` skipped."""
    found: list[tuple[str, str]] = [("title", root.windowTitle())]

    def add(where: QWidget | str, *texts: str | None) -> None:
        name = where if isinstance(where, str) else type(where).__name__
        found.extend((name, t) for t in texts if t)

    for widget in [root, *root.findChildren(QWidget)]:
        if id(widget) in data or any(id(p) in data for p in _parents(widget, root)):
            continue
        add(widget, widget.toolTip(), widget.statusTip(), widget.whatsThis())
        if isinstance(widget, (QLabel, QAbstractButton)):
            add(widget, widget.text())
        elif isinstance(widget, QLineEdit):
            add(widget, widget.placeholderText())
        elif isinstance(widget, QGroupBox):
            add(widget, widget.title())
        elif isinstance(widget, QTabWidget):
            add(widget, *(widget.tabText(i) for i in range(widget.count())))
        elif isinstance(widget, QComboBox):
            add(widget, *(widget.itemText(i) for i in range(widget.count())))
        elif isinstance(widget, QTreeWidget):
            add(widget, *(widget.headerItem().text(c) for c in range(widget.columnCount())))
        elif isinstance(widget, QTableView):
            add(widget, *_header_texts(widget.model(), widget.horizontalHeader().count()))
        elif isinstance(widget, QMenu):
            add(widget, widget.title())
        for action in widget.actions():
            add(f"action of {type(widget).__name__}", action.text(), action.toolTip(),
                action.statusTip())  # fmt: skip
            if action.menu() is not None:
                menu = action.menu()
                assert isinstance(menu, QMenu)
                found.extend(interface_texts(menu, data))
    return found


def _parents(widget: QWidget, root: QWidget) -> Iterator[QWidget]:
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        yield parent
        parent = parent.parentWidget()


def chinese(found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(w, t) for w, t in found if HAN.search(t) and t not in OWN_NAMES]


def data_widgets(window: MainWindow) -> set[int]:
    """Widgets that show the ledger's data (or the clerk's own typing)."""
    detail = window.detail
    bar = window.filter_bar
    data: list[QWidget] = [
        window.table, window.navigator, detail.title, detail.progress, detail.extra,
        detail.departments.list, detail.history, detail.ledger.timeline,
        bar.department, bar.category, bar.batch,
    ]  # fmt: skip
    if window.dashboard is not None:
        board = window.dashboard
        data += [board.department_table, board.category_table, board.chart,
                 board.overdue_list, board.soon_list]  # fmt: skip
    return {id(w) for w in data}


def test_the_main_window_and_its_menus(qtbot: Any, window: MainWindow) -> None:
    window.select_item(window.model.item_id(20) or 0)
    window.pages.setCurrentIndex(0)
    qtbot.waitUntil(lambda: window.dashboard is not None and window.dashboard.dashboard)
    window.pages.setCurrentIndex(1)
    found = interface_texts(window, data_widgets(window))
    assert chinese(found) == []
    # The navigator's own entries (not the batch names) and the table's headers.
    navigator = window.navigator
    keys = ("all", "overdue", "due_soon", "in_progress", "completed", "closed", "ongoing")
    own = [navigator.title(k) for k in keys]
    own += [navigator.topLevelItem(i).text(0) for i in range(navigator.topLevelItemCount())]
    assert [t for t in own if HAN.search(t)] == []
    assert [t for t in _header_texts(window.model) if HAN.search(t)] == []
    lights = {str(window.model.index(r, 0).data()) for r in range(window.model.rowCount())}
    assert [t for t in lights if HAN.search(t)] == []
    assert not HAN.search(window.filter_bar.summary.text())


def test_the_detail_panel_explains_in_english(qtbot: Any, window: MainWindow) -> None:
    store = window.context.store
    dated = next(i for i in store.items() if i.deadline.date is not None)
    window.select_item(dated.id)
    panel = window.detail
    for text in (panel.deadline_hint.text(), panel.closed_on.text()):
        assert not HAN.search(text), text
    window.table.selectAll()
    assert chinese(interface_texts(panel.selection, set())) == []


def test_a_deadline_warning_kept_in_chinese_is_explained_in_english(
    qtbot: Any, window: MainWindow
) -> None:
    from rectdesk.services.items import ItemService
    from rectdesk.ui.items_model import COLUMNS

    store = window.context.store
    item = next(iter(store.items()))
    ItemService(store).edit(item.id, {"deadline": "2023年2月30日前；6月底前"}).do()
    window.model.invalidate([item.id])
    stored = store.item(item.id).deadline.warning
    assert "不存在" in stored  # the ledger keeps the Chinese, as the command line shows it
    window.select_item(item.id)
    hint = window.detail.deadline_hint.text()
    assert "2023-02-30" in hint and not HAN.search(QUOTED.sub("", hint)), hint
    model = window.model
    row = model.row_of(item.id)
    column = next(n for n, c in enumerate(COLUMNS) if c.key == "deadline")
    assert row is not None
    tip = str(model.index(row, column).data(Qt.ItemDataRole.ToolTipRole))
    assert "2023-02-30" in tip and not HAN.search(QUOTED.sub("", tip)), tip


@pytest.mark.parametrize(
    "opener",
    ["open_settings", "show_help", "import_items", "backup_dialog", "reminder", "welcome"],
)
def test_dialogs(qtbot: Any, window: MainWindow, opener: str, monkeypatch: Any) -> None:
    seen: list[list[tuple[str, str]]] = []

    def look(dialog: QDialog) -> int:
        dialog.show()
        qtbot.waitExposed(dialog)
        seen.append(interface_texts(dialog, set()))
        pages = getattr(dialog, "pageIds", None)
        if pages is not None:  # a wizard: its pages' titles too
            for page_id in dialog.pageIds():
                page = dialog.page(page_id)
                seen.append([("page", page.title()), ("page", page.subTitle())])
        return 0

    monkeypatch.setattr(QDialog, "exec", look)
    if opener == "open_settings":
        window.open_settings()
    elif opener == "show_help":
        window.show_help()
        assert window.help_dialog is not None
        look(window.help_dialog)  # type: ignore[arg-type]
        assert not HAN.search(window.help_dialog.browser.toPlainText())  # type: ignore[attr-defined]
    elif opener == "import_items":
        window.import_items()
    elif opener == "backup_dialog":
        from rectdesk.ui.backup_dialog import BackupDialog

        look(BackupDialog(window.context, window, runner=TaskRunner(synchronous=True)))
    elif opener == "reminder":
        from rectdesk.ui.reminder import ReminderDialog

        dialog = ReminderDialog(window.context, window)
        look(dialog)
        assert not HAN.search(dialog.tree.topLevelItem(0).text(0))  # the group titles
    else:
        from rectdesk.ui.welcome import WelcomeDialog

        look(WelcomeDialog(window.context, window))
    assert seen
    assert [chinese(texts) for texts in seen] == [[] for _ in seen]


def test_messages_of_the_program_itself(qtbot: Any, english: None, tmp_path: Path) -> None:
    boxes = [
        crash_box(None, "Traceback …"),
        earlier_end_box(None, [EarlierEnd(1, dt.datetime(2026, 12, 4, 9, 30), "Fatal …")]),
    ]
    for box in boxes:
        qtbot.addWidget(box)
        texts = [box.windowTitle(), box.text(), *(b.text() for b in box.buttons())]
        assert [t for t in texts if HAN.search(t)] == []
    assert QCoreApplication.translate("Application", "整改台账桌面助手") == "RectDesk"
