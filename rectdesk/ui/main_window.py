"""The main window a clerk keeps open all day: navigator, filters, table, details, dashboard."""

from __future__ import annotations

import functools
import importlib.util
import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    QRect,
    QSettings,
    QSignalBlocker,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from rectdesk import __version__
from rectdesk.domain.errors import UserError
from rectdesk.domain.ledger import Capability, LedgerStore
from rectdesk.domain.query import ItemQuery
from rectdesk.services.context import AppContext
from rectdesk.services.ledger import open_ledger
from rectdesk.services.paths import default_db_path
from rectdesk.ui.columns import ItemsTable
from rectdesk.ui.detail_panel import DetailPanel
from rectdesk.ui.filter_bar import VIEW_FIELDS, FilterBar
from rectdesk.ui.items_model import ItemsModel
from rectdesk.ui.navigator import Navigator
from rectdesk.ui.rounds_menu import add_rounds_menu
from rectdesk.ui.supervision_menu import add_supervision_menu
from rectdesk.ui.tasks import Progress, TaskRunner, open_reader
from rectdesk.ui.undo import conflicts
from rectdesk.ui.watcher import ChangeWatcher

log = logging.getLogger(__name__)

#: Dialogs of the 文件 menu, each in its own module (imported when first used).
FILE_DIALOGS = {
    "import": "rectdesk.ui.import_wizard",
    "fillback": "rectdesk.ui.fillback_dialog",
    "report": "rectdesk.ui.report_dialog",
    "backup": "rectdesk.ui.backup_dialog",
}

#: Edits that cannot move an item in or out of the smart views: repaint the row only.
IN_PLACE_EDITS = frozenset({"edit", "departments", "progress"})

BulkAction = Callable[
    [AppContext, QUndoStack, list[int], QWidget | None, dict[int, int] | None], bool
]


def module_available(name: str) -> bool:
    """Whether a module is installed (without importing it)."""
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


class MainWindow(QMainWindow):
    """The navigator on the left; 总览 and 事项 pages in the middle; one undo stack."""

    def __init__(
        self,
        context: AppContext,
        *,
        qsettings: QSettings | None = None,
        runner: TaskRunner | None = None,
        watch: bool = False,
    ) -> None:
        """``watch``: look for other clerks' changes (and the server) every few seconds."""
        super().__init__()
        self.context = context
        self.qsettings = qsettings if qsettings is not None else QSettings()
        self.runner = runner if runner is not None else TaskRunner(self)
        self.undo_stack = QUndoStack(self)
        self._count_generation = 0
        self._undo_index = 0
        self._shown: int | None = None
        self._sorted_column = -1
        self._sorted_order = Qt.SortOrder.AscendingOrder
        self.reminder_dialog: QWidget | None = None
        self.help_dialog: QWidget | None = None
        self.setObjectName("mainWindow")
        self._set_title()
        self._fit_columns = False

        self.navigator = Navigator(context, self, reader=self.read_in_background)
        self.filter_bar = FilterBar(context, self, reader=self.read_in_background)
        self.model = ItemsModel(context, self)
        self.table = ItemsTable(self)
        self.table.setModel(self.model)
        self.detail = DetailPanel(context, self.undo_stack, self)
        self.dashboard: Any = None  # built the first time 总览 is shown

        self.items_split = QSplitter(Qt.Orientation.Horizontal, self)
        self.items_split.setObjectName("itemsSplit")
        self.items_split.addWidget(self.table)
        self.items_split.addWidget(self.detail)
        self.items_split.setStretchFactor(0, 3)
        self.items_split.setStretchFactor(1, 2)
        items_page = QWidget(self)
        items_layout = QVBoxLayout(items_page)
        items_layout.setContentsMargins(0, 0, 0, 0)
        items_layout.addWidget(self.filter_bar)
        items_layout.addWidget(self.items_split, 1)
        self.items_page = items_page

        self.pages = QTabWidget(self)
        self.pages.setObjectName("pages")
        self.dashboard_holder = QWidget(self)
        QVBoxLayout(self.dashboard_holder).setContentsMargins(0, 0, 0, 0)
        self.pages.addTab(self.dashboard_holder, self.tr("总览"))
        self.pages.addTab(items_page, self.tr("事项"))
        self.pages.currentChanged.connect(self._page_changed)

        self.main_split = QSplitter(Qt.Orientation.Horizontal, self)
        self.main_split.setObjectName("mainSplit")
        self.main_split.addWidget(self.navigator)
        self.main_split.addWidget(self.pages)
        self.main_split.setStretchFactor(1, 1)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        self.banner = QLabel(self)
        self.banner.setObjectName("readonlyBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "QLabel#readonlyBanner { background: #fff3cd; color: #5c4400;"
            " border: 1px solid #e0c060; padding: 6px; }"
        )
        self._show_banner()
        layout.addWidget(self.banner)
        self.lost_bar = QWidget(self)
        self.lost_bar.setObjectName("lostBar")
        self.lost_bar.setStyleSheet(
            "QWidget#lostBar { background: #f8d7da; border: 1px solid #e0a0a8; }"
        )
        lost_layout = QHBoxLayout(self.lost_bar)
        lost_layout.setContentsMargins(6, 4, 6, 4)
        self.lost_label = QLabel(self.lost_bar)
        self.lost_label.setObjectName("lostMessage")
        self.lost_label.setWordWrap(True)
        self.lost_label.setStyleSheet("color: #721c24;")
        lost_layout.addWidget(self.lost_label, 1)
        self.retry_button = QPushButton(self.tr("重试"), self.lost_bar)
        self.retry_button.setObjectName("retryButton")
        self.retry_button.clicked.connect(self.retry)
        lost_layout.addWidget(self.retry_button)
        self.lost_bar.hide()
        layout.addWidget(self.lost_bar)
        layout.addWidget(self.main_split, 1)
        self.setCentralWidget(central)
        self.count_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.count_label)

        self.edit_actions: list[QAction] = []
        self._build_actions()
        self._connect()
        self._restore_layout()
        self.model.refresh()
        self._after_query()
        # Tab follows creation order: navigator, search and filters, table, detail panel.
        self.watcher: ChangeWatcher | None = None
        if watch:
            self.start_watching()

    # -- building ------------------------------------------------------------------------

    def _show_banner(self) -> None:
        """The yellow line above the work when nothing can be changed here, and why."""
        context = self.context
        if not context.readonly:
            self.banner.hide()
            return
        if context.store.account_readonly:
            text = self.tr(
                "只读连接：您的服务器账号只有查看权限，这里只能查看和打印，不能修改。"
                "需要修改时，请用有修改权限的账号连接。"
            )
        elif context.on_server:
            text = self.tr(
                "只读连接：这里只能查看和打印，不能修改。需要修改时，请在“文件 → 连接台账服务器…”"
                "中去掉“只读连接”。"
            )
        else:
            text = self.tr(
                "只读方式打开：这里只能查看，不能修改。要编辑，请关闭正在写入这份数据的其他"
                " RectDesk 程序，或把数据文件放到可以写入的文件夹，然后重新打开。"
            )
        self.banner.setText(text)
        self.banner.show()

    def _set_title(self) -> None:
        # Qt adds " — 整改台账桌面助手" (the application's display name) itself.
        title = self.context.label
        if self.context.readonly:
            title = self.tr("{0}［只读］").format(title)
        self.setWindowTitle(title)

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        *,
        edits: bool = False,
        name: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        if name:
            action.setObjectName(name)
        if edits:
            self.edit_actions.append(action)
        return action

    def _build_actions(self) -> None:
        menu = self.menuBar()
        toolbar = QToolBar(self.tr("工具栏"), self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(toolbar)
        self.toolbar = toolbar

        file_menu = menu.addMenu(self.tr("文件(&F)"))
        self.file_actions: dict[str, QAction] = {}
        entries = (
            ("import", self.tr("导入…"), self.import_items, QKeySequence.StandardKey.Open, True),
            ("fillback", self.tr("回填…"), self.fill_back, None, True),
            ("report", self.tr("导出报表/打印…"), self.export_report,
             QKeySequence.StandardKey.Print, False),
            ("backup", self.tr("备份与恢复…"), self.backup, None, False),
        )  # fmt: skip
        for key, text, slot, shortcut, edits in entries:
            if not module_available(FILE_DIALOGS[key]):
                log.info("%s not installed; its menu entry is left out", FILE_DIALOGS[key])
                continue
            action = self._action(text, slot, shortcut, edits=edits, name=f"action_{key}")
            self.file_actions[key] = action
            file_menu.addAction(action)
            if key in ("import", "report"):
                toolbar.addAction(action)
        file_menu.addSeparator()
        self.connect_action = self._action(
            self.tr("连接台账服务器…"), self.connect_server, name="action_connect"
        )
        file_menu.addAction(self.connect_action)
        self.settings_action = self._action(
            self.tr("设置…"), self.open_settings, QKeySequence.StandardKey.Preferences
        )
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        quit_action = self._action(self.tr("退出"), self.close, QKeySequence.StandardKey.Quit)
        file_menu.addAction(quit_action)

        edit_menu = menu.addMenu(self.tr("编辑(&E)"))
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("撤销"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("重做"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        self.edit_action = self._action(self.tr("编辑选中事项"), self.edit_current, "Return")
        self.edit_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.table.addAction(self.edit_action)
        edit_menu.addAction(self.edit_action)
        self.delete_action = self._action(
            self.tr("删除…"), lambda: self._bulk("delete_items"),
            QKeySequence.StandardKey.Delete, edits=True, name="action_delete",
        )  # fmt: skip
        # Only in the table: Delete in a text field of the detail panel deletes text.
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.table.addAction(self.delete_action)
        edit_menu.addAction(self.delete_action)
        edit_menu.addSeparator()
        bulk_menu = edit_menu.addMenu(self.tr("批量处理选中事项"))
        self.bulk_actions: dict[str, QAction] = {}
        bulk: tuple[tuple[str, str, str], ...] = (
            ("status", self.tr("设置状态…"), "set_status"),
            ("lead", self.tr("设置牵头单位…"), "set_lead_department"),
            ("deadline", self.tr("设置整改时限…"), "set_deadline"),
            ("close_off", self.tr("销号…"), "close_off"),
            ("progress", self.tr("添加整改进展…"), "add_progress"),
        )
        for key, text, function in bulk:
            action = self._action(
                text, functools.partial(self._bulk, function), edits=True, name=f"action_bulk_{key}"
            )
            self.bulk_actions[key] = action
            bulk_menu.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.bulk_actions["progress"])
        toolbar.addAction(self.bulk_actions["close_off"])
        toolbar.addSeparator()
        toolbar.addAction(self.undo_action)
        toolbar.addAction(self.redo_action)
        edit_menu.addSeparator()
        self.select_all_action = self._action(
            self.tr("全选（含未载入的行）"), self.select_all, QKeySequence.StandardKey.SelectAll
        )
        self.select_all_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.table.addAction(self.select_all_action)
        edit_menu.addAction(self.select_all_action)
        self.find_action = self._action(
            self.tr("查找"), self.filter_bar.focus_search, QKeySequence.StandardKey.Find
        )
        edit_menu.addAction(self.find_action)

        view_menu = menu.addMenu(self.tr("视图(&V)"))
        self.dashboard_action = self._action(
            self.tr("总览"), lambda: self.pages.setCurrentIndex(0), "Ctrl+1"
        )
        self.items_action = self._action(
            self.tr("事项"), lambda: self.pages.setCurrentIndex(1), "Ctrl+2"
        )
        view_menu.addAction(self.dashboard_action)
        view_menu.addAction(self.items_action)
        view_menu.addSeparator()
        self.refresh_action = self._action(
            self.tr("刷新"), self.refresh_all, QKeySequence.StandardKey.Refresh
        )
        view_menu.addAction(self.refresh_action)
        clear = self._action(self.tr("清除全部筛选"), self.filter_bar.clear, "Ctrl+Shift+L")
        view_menu.addAction(clear)
        source = self._action(self.tr("按原表顺序排列"), self.sort_by_source)
        view_menu.addAction(source)
        columns = view_menu.addMenu(self.tr("显示的列"))
        columns.aboutToShow.connect(lambda: self.table.fill_columns_menu(columns))
        view_menu.addSeparator()
        view_menu.addAction(toolbar.toggleViewAction())
        add_rounds_menu(self)  # 报送: 下发, 收集, 轮次与催报, 交换包
        add_supervision_menu(self)  # 督办: letters, register, binders, reviews, reuse

        help_menu = menu.addMenu(self.tr("帮助(&H)"))
        self.help_action = self._action(
            self.tr("使用说明"), self.show_help, QKeySequence.StandardKey.HelpContents
        )
        help_menu.addAction(self.help_action)
        help_menu.addSeparator()
        self.demo_action = self._action(self.tr("载入示例数据"), self.load_demo, edits=True)
        help_menu.addAction(self.demo_action)
        help_menu.addAction(self._action(self.tr("关于"), self.about))

        self._explain_actions()
        self.addAction(self.find_action)
        self.addAction(self.help_action)  # F1 anywhere in the window, dialogs' too
        for action in self.edit_actions:
            if self.context.readonly:
                action.setEnabled(False)
        if self.context.readonly:
            self.undo_action.setEnabled(False)
            self.redo_action.setEnabled(False)

    def _explain_actions(self) -> None:
        """Tooltips (and status-bar tips) that say what an entry does, with its shortcut."""
        tips: list[tuple[QAction | None, str]] = [
            (self.file_actions.get("import"),
             self.tr("导入上级下发的表格（Excel、WPS、CSV）：先预览每一行，再写入一个批次")),
            (self.file_actions.get("fillback"),
             self.tr("把一个批次的整改进展写回上级下发的原表，另存为新文件")),
            (self.file_actions.get("report"),
             self.tr("按正式格式打印，或导出 PDF、Word、Excel；选中多条时只含选中的事项")),
            (self.bulk_actions["progress"],
             self.tr("为选中的每条事项添加同一条整改进展（可附佐证材料）")),
            (self.bulk_actions["close_off"],
             self.tr("把选中的已完成事项销号：填写销号日期，可附佐证材料")),
            (self.undo_action, self.tr("撤回上一步修改（包括一次导入）")),
            (self.redo_action, self.tr("重新做刚撤回的修改")),
            (self.help_action, self.tr("打开使用说明")),
        ]  # fmt: skip
        for action, tip in tips:
            if action is None:
                continue
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            text = self.tr("{0}（{1}）").format(tip, keys) if keys else tip
            action.setToolTip(text)
            action.setStatusTip(tip)

    def _connect(self) -> None:
        self.navigator.view_selected.connect(self._view_selected)
        self.filter_bar.query_changed.connect(self._filters_changed)
        self.model.modelReset.connect(self._after_reset)
        self.model.rowsInserted.connect(lambda *_a: self._rows_added())
        self.navigator.counted.connect(self._show_summary)
        selection = self.table.selectionModel()
        selection.currentRowChanged.connect(self._current_changed)
        selection.selectionChanged.connect(lambda *_a: self._selection_changed())
        self.table.activated.connect(lambda _index: self.edit_current())
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._table_menu)
        self.detail.bulk_requested.connect(self._bulk)
        # 重新载入 after an edit or undo refused because another clerk changed the items first.
        conflicts(self.undo_stack).reload_requested.connect(self._reload_after_conflict)
        self.detail.connection_lost.connect(self.show_lost)
        self.table.columns_changed.connect(self._save_columns)
        header = self.table.horizontalHeader()
        header.sectionMoved.connect(lambda *_a: self._save_columns())
        header.sortIndicatorChanged.connect(self._sort_indicator_changed)
        self.undo_stack.indexChanged.connect(self._undo_moved)
        self._selection_changed()

    # -- layout memory -------------------------------------------------------------------

    def _restore_layout(self) -> None:
        settings = self.qsettings
        geometry = settings.value("window/geometry")
        if not isinstance(geometry, QByteArray) or not self.restoreGeometry(geometry):
            self.fit_to_screen()
        state = settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        for key, splitter in (("window/mainSplit", self.main_split),
                              ("window/itemsSplit", self.items_split)):  # fmt: skip
            saved = settings.value(key)
            if isinstance(saved, QByteArray):
                splitter.restoreState(saved)
        # The table's own columns, or (first start) the defaults fitted once it is shown.
        self._fit_columns = not self.table.restore_columns(settings.value("items/header"))
        self._apply_sort_indicator()
        self.table.setSortingEnabled(True)
        page = str(settings.value("window/page", 1))
        self.pages.setCurrentIndex(int(page) if page.isdigit() else 1)

    def fit_to_screen(self, screen: QRect | None = None) -> None:
        """Size the window and its panels to the screen (first start, nothing remembered).

        On a laptop screen (1366 × 768) the window fills it, the navigator and the detail
        panel take what they need and the table keeps the columns a clerk works with.
        """
        if screen is None:
            screen = self.screen().availableGeometry()
        frame = 40  # title bar and borders, which the window manager adds
        width = min(screen.width(), 1600)
        height = min(screen.height() - frame, 1000)
        self.resize(width, height)
        self.move(screen.x() + (screen.width() - width) // 2,
                  screen.y() + max(0, (screen.height() - frame - height) // 2))  # fmt: skip
        if width >= screen.width() - 8 or height >= screen.height() - frame - 8:
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        navigator = max(180 if width < 1500 else 230, min(self.navigator.needed_width(), 280))
        detail = max(310, min(480, int(width * 0.23)))
        self.main_split.setSizes([navigator, width - navigator])
        self.items_split.setSizes([width - navigator - detail, detail])

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._fit_columns:
            self._fit_columns = False
            # After the layout has given the table its width.
            QTimer.singleShot(0, self.table.fit_width)

    def _apply_sort_indicator(self) -> None:
        header = self.table.horizontalHeader()
        column = header.sortIndicatorSection()
        if self.model.sortable(column):
            self.model.sort(column, header.sortIndicatorOrder())
            self._sorted_column, self._sorted_order = column, header.sortIndicatorOrder()
        else:
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)

    def _sort_indicator_changed(self, column: int, order: Qt.SortOrder) -> None:
        header = self.table.horizontalHeader()
        if column >= 0 and not self.model.sortable(column):
            # The store cannot sort by long texts: put the indicator back where it was.
            with QSignalBlocker(header):
                header.setSortIndicator(self._sorted_column, self._sorted_order)
            header.viewport().update()
            return
        self._sorted_column, self._sorted_order = column, order

    def save_layout(self) -> None:
        """Remember geometry, splitters, columns and the page shown."""
        settings = self.qsettings
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        settings.setValue("window/mainSplit", self.main_split.saveState())
        settings.setValue("window/itemsSplit", self.items_split.saveState())
        settings.setValue("window/page", self.pages.currentIndex())
        self._save_columns()
        settings.sync()

    def _save_columns(self) -> None:
        self.qsettings.setValue("items/header", self.table.save_columns())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        self.stop_watching()
        self.runner.wait()
        # Destroying the stack clears it, which would announce index changes to widgets
        # reading a store that may be closed by then.
        self.undo_stack.blockSignals(True)
        super().closeEvent(event)

    # -- what the table shows ------------------------------------------------------------

    def _view_selected(self, query: ItemQuery) -> None:
        self.filter_bar.set_view(query)
        self.pages.setCurrentWidget(self.items_page)

    def _filters_changed(self, query: ItemQuery) -> None:
        self.navigator.follow(query, VIEW_FIELDS)
        current = self.model.query
        self.model.set_query(replace(query, sort=current.sort, descending=current.descending))
        self._after_query()

    def show_items(self, query: ItemQuery) -> None:
        """Open the 事项 page on exactly the items a query selects (dashboard, reminder)."""
        self.pages.setCurrentWidget(self.items_page)
        self.filter_bar.set_query(query)

    def sort_by_source(self) -> None:
        """Back to the order of the source tables."""
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self._save_columns()

    def _after_query(self) -> None:
        self._show_counts()
        self.detail.show_item(self.current_item_id())

    def _after_reset(self) -> None:
        self._selection_changed()

    def _show_counts(self) -> None:
        """Count the rows the filters leave: at once when all ids are in, else in the background."""
        self._count_generation += 1
        if self.model.complete:
            self._shown = self.model.rowCount()
            self._show_summary()
            return
        self._shown = None
        self._show_summary()
        generation = self._count_generation
        query = self.model.query

        def count(store: LedgerStore) -> int:
            return store.count_items(query)

        def done(result: object) -> None:
            if generation == self._count_generation and isinstance(result, int):
                self._shown = result
                self._show_summary()

        self.read_in_background(count, done)

    def _rows_added(self) -> None:
        if self.model.complete and self._shown is None:
            self._show_counts()

    def _show_summary(self) -> None:
        counts = self.navigator.counts
        self.filter_bar.set_counts(self._shown, counts.total if counts else None)

    def read_in_background(
        self, work: Callable[[LedgerStore], Any], done: Callable[[Any], None]
    ) -> None:
        """Run a read on a connection of its own, off the GUI thread."""
        ledger = self.context.store
        if self.runner.synchronous or Capability.CONNECTIONS not in ledger.capabilities:
            done(work(ledger))
            return

        def task(progress: Progress) -> object:
            with open_reader(ledger) as store:
                progress.check()
                return work(store)

        self.runner.run(
            task, done, on_error=lambda exc: log.warning("background read failed: %s", exc)
        )

    # -- selection and details -----------------------------------------------------------

    def current_item_id(self) -> int | None:
        """The item of the current row."""
        index = self.table.currentIndex()
        return self.model.item_id(index.row()) if index.isValid() else None

    def selected_ids(self) -> list[int]:
        """Ids of the selected rows, in table order."""
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        found = [self.model.item_id(r) for r in rows]
        return [i for i in found if i is not None]

    def select_item(self, item_id: int, *, scroll: bool = True) -> bool:
        """Make an item the current row (fetching ids until it is reached); ``scroll`` to it."""
        row = self.model.row_of(item_id)
        while row is None and self.model.canFetchMore():
            self.model.fetchMore()
            row = self.model.row_of(item_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Rows)  # fmt: skip
        self.table.selectionModel().setCurrentIndex(index, flags)
        if scroll:
            self.table.scrollTo(index)
        return True

    def select_all(self) -> None:
        """Select every row the filters leave, fetching the rest first."""
        self.model.fetch_all()
        self.table.selectAll()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item_id = self.model.item_id(current.row()) if current.isValid() else None
        self.detail.show_item(item_id)

    def _selection_changed(self) -> None:
        count = len(self.table.selectionModel().selectedRows())
        writable = not self.context.readonly
        for action in (self.delete_action, *self.bulk_actions.values()):
            action.setEnabled(writable and count > 0)
        self.count_label.setText(self.tr("已选 {0} 条").format(count) if count else "")
        self.detail.show_selection(count)

    def edit_current(self) -> None:
        """Enter: move into the detail panel to edit the current item."""
        if self.current_item_id() is None:
            return
        self.pages.setCurrentWidget(self.items_page)
        first = self.detail.editor("seq")
        if isinstance(first, QWidget) and first.isVisible():
            first.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:  # another tab of the panel is open: go to its first field
            self.table.focusNextChild()

    def _bulk(self, name: str) -> None:
        from rectdesk.ui import bulk_dialogs  # the dialogs load when first used

        function: BulkAction = getattr(bulk_dialogs, name)
        ids = self.selected_ids()
        # Against the rows as the list shows them: another clerk's change since is refused.
        if function(self.context, self.undo_stack, ids, self, self.model.versions(ids)):
            self.statusBar().showMessage(self.undo_stack.undoText(), 5000)

    # -- refreshing ----------------------------------------------------------------------

    def _reload_after_conflict(self, item_ids: object) -> None:
        """Read the rows another clerk changed again, keeping the selection."""
        self.model.invalidate([int(i) for i in item_ids] if isinstance(item_ids, tuple) else [])
        self.refresh_all()

    def _undo_moved(self, index: int) -> None:
        # The command just done (index grew) or undone (index shrank).
        moved = self.undo_stack.command(index - 1 if index > self._undo_index else index)
        self._undo_index = index
        command = getattr(moved, "command", None)
        kind = getattr(command, "kind", "")
        if kind in IN_PLACE_EDITS and self.model.query.sort == "source":
            # A field edited in the detail panel: repaint its row, keep the table where it is.
            self.model.invalidate(list(getattr(command, "item_ids", ())))
            self.navigator.refresh()
            self._show_counts()
            if self.dashboard is not None:
                self.dashboard.refresh()
        else:
            self.refresh_all()

    def refresh_all(self, *, follow: bool = True) -> None:
        """After a change in the store: rows, lights, counts, choices and dashboard.

        The current row and every selected row that still matches stay selected, so a bulk
        change can be followed by the next one on the same items; ``follow`` scrolls to the
        current row (after the clerk's own change), else the table stays where it was.
        """
        current = self.current_item_id()
        selected = self.selected_ids()
        loaded = self.model.rowCount()
        scroll = self.table.verticalScrollBar().value()
        self.navigator.refresh()
        self.filter_bar.reload_choices()
        self.model.refresh()
        while self.model.rowCount() < loaded and self.model.canFetchMore():
            self.model.fetchMore()
        self.table.executeDelayedItemsLayout()  # the scroll range of the rows now loaded
        self.table.verticalScrollBar().setValue(scroll)
        if current is not None and self.model.row_of(current) is not None:
            self.select_item(current, scroll=follow)
        if len(selected) > 1:
            self.select_items(selected)
        if not follow:
            self.table.verticalScrollBar().setValue(scroll)
        self._after_query()
        if self.dashboard is not None:
            self.dashboard.refresh()

    def select_items(self, item_ids: list[int]) -> int:
        """Select the rows of these items that are loaded; returns how many were found."""
        selection = QItemSelection()
        found = 0
        for item_id in item_ids:
            row = self.model.row_of(item_id)
            if row is not None:
                found += 1
                selection.select(self.model.index(row, 0), self.model.index(row, 0))
        flags = (QItemSelectionModel.SelectionFlag.Select
                 | QItemSelectionModel.SelectionFlag.Rows)  # fmt: skip
        self.table.selectionModel().select(selection, flags)
        return found

    def _table_menu(self, pos: QPoint) -> None:
        """Right-click on the table: what can be done to the selected items."""
        index = self.table.indexAt(pos)
        if index.isValid() and not self.table.selectionModel().isRowSelected(index.row()):
            self.table.selectRow(index.row())  # right-click outside the selection picks that row
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        count = len(self.table.selectionModel().selectedRows())
        if count == 1:
            menu.addAction(self.edit_action)
        if count:
            heading = menu.addAction(self.tr("对选中的 {0} 条事项：").format(count))
            heading.setEnabled(False)
            for key in ("status", "lead", "deadline", "progress", "close_off"):
                menu.addAction(self.bulk_actions[key])
            menu.addSeparator()
            if "report" in self.file_actions:
                menu.addAction(self.file_actions["report"])
            menu.addAction(self.delete_action)
            menu.addSeparator()
        menu.addAction(self.select_all_action)
        columns = menu.addMenu(self.tr("显示的列"))
        self.table.fill_columns_menu(columns)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def _page_changed(self, index: int) -> None:
        if index == 0 and self.dashboard is None:
            from rectdesk.ui.dashboard import DashboardPage

            self.dashboard = DashboardPage(
                self.context, self.dashboard_holder, reader=self.read_in_background
            )
            self.dashboard.open_items.connect(self.show_items)
            layout = self.dashboard_holder.layout()
            assert layout is not None
            layout.addWidget(self.dashboard)
        elif index == 0 and self.dashboard is not None:
            self.dashboard.refresh()

    # -- other clerks, and the server ---------------------------------------------------------

    def start_watching(self) -> None:
        """Look for others' writes (and whether the server is there) every few seconds."""
        self.stop_watching()
        if Capability.CONNECTIONS not in self.context.store.capabilities:
            return  # a ledger in memory: nobody else can write to it
        self.watcher = ChangeWatcher(self.context.store, self)
        self.watcher.changed.connect(self.others_changed)
        self.watcher.lost.connect(self.show_lost)
        self.watcher.back.connect(self.retry)
        self.watcher.start()

    def stop_watching(self) -> None:
        if self.watcher is not None:
            self.watcher.stop()
            self.watcher.deleteLater()
            self.watcher = None

    def others_changed(self) -> None:
        """Someone else wrote to the ledger: show it, keeping selection, scroll and typing."""
        if self.lost_bar.isVisible():
            return  # the reconnection refreshes everything
        try:
            self.refresh_all(follow=False)
        except UserError as exc:  # out of reach right now: say so, keep everything
            self.show_lost(exc.message)

    def show_lost(self, message: str) -> None:
        """The server is out of reach: one sentence and 重试; what was typed stays."""
        self.lost_label.setText(message)
        self.lost_bar.show()

    def retry(self) -> bool:
        """Reconnect, save what was typed and not saved, and show the ledger as it is now."""
        if not self.lost_bar.isVisible():
            return True
        try:
            self.context.store.reconnect()
            self.lost_bar.hide()
            if self.detail.unsaved():
                self.detail.retry()
            self.refresh_all()
        except UserError as exc:
            self.show_lost(exc.message)
            if self.watcher is not None:
                self.watcher.look_now()  # its own reconnection brings the window back
            return False
        if self.lost_bar.isVisible():  # the save failed again
            return False
        self.statusBar().showMessage(self.tr("已重新连接台账服务器。"), 5000)
        return True

    # -- 文件 menu -------------------------------------------------------------------------

    def _file_dialog(self, key: str) -> Any:
        return importlib.import_module(FILE_DIALOGS[key])

    def import_items(self) -> None:
        """Import a spreadsheet sent down by the upper level."""
        wizard = self._file_dialog("import").ImportWizard(
            self.context, self, runner=self.runner, undo_stack=self.undo_stack
        )
        # An import goes on the undo stack (撤销 takes it back); pushing it refreshes the window.
        stack = self.undo_stack

        def imported(_count: int) -> None:
            if stack.index() == 0 or stack.command(stack.index() - 1) is not wizard.undo_command:
                self.refresh_all()

        wizard.items_imported.connect(imported)
        wizard.exec()

    def fill_back(self) -> None:
        """Write progress back into the upper level's spreadsheet of a batch (chosen here)."""
        batches = self.context.store.batches()
        if not batches:
            QMessageBox.information(
                self, self.tr("回填"), self.tr("还没有批次：请先导入上级下发的表格。")
            )
            return
        current = self.current_batch_id()
        names = [self.tr("{0}（{1} 条）").format(b.name, b.item_count) for b in batches]
        start = next((i for i, b in enumerate(batches) if b.id == current), 0)
        chosen, ok = QInputDialog.getItem(
            self, self.tr("回填"), self.tr("把哪个批次的整改进展回填到上级下发的原表？"),
            names, start, False,
        )  # fmt: skip
        if not ok or chosen not in names:
            return
        batch_id = batches[names.index(chosen)].id
        self._file_dialog("fillback").FillBackDialog(self.context, self, batch_id).exec()

    def export_report(self) -> None:
        """Print or export the official tables of a batch or of the selected items."""
        ids = self.selected_ids()
        module = self._file_dialog("report")
        query = self.filter_bar.query()
        dialog = module.ReportDialog(
            self.context, self, batch_id=query.batch_id,
            item_ids=ids if len(ids) > 1 else None, filter_query=query,
        )  # fmt: skip
        dialog.exec()

    def connect_server(self) -> bool:
        """Open the office's server ledger (or this PC's file again); True when it changed."""
        from rectdesk.ui import connect_dialog

        context = self.context
        dialog = connect_dialog.ConnectDialog(
            str(context.target) if context.on_server else "", context.files_dir, self,
            readonly=context.on_server and context.readonly,
        )  # fmt: skip
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        target: Path | str = dialog.chosen or default_db_path()
        try:
            store = open_ledger(target, files_dir=dialog.chosen_files,
                                readonly=dialog.chosen_readonly)  # fmt: skip
        except UserError as exc:
            QMessageBox.warning(self, self.tr("无法打开台账"), exc.message)
            return False
        connect_dialog.remember(
            dialog.chosen, dialog.chosen_files, self.qsettings, dialog.chosen_readonly
        )
        watching = self.watcher is not None
        old = context.store
        context.store, context.target, context.files_dir = store, target, dialog.chosen_files
        self.stop_watching()
        old.close()
        self.lost_bar.hide()
        self._set_title()
        self._show_banner()
        self._data_replaced()
        self.statusBar().showMessage(self.tr("已打开台账：{0}").format(context.label))
        if watching:
            self.start_watching()
        return True

    def backup(self) -> None:
        """Back the store up, or restore it from a backup."""
        if self.context.on_server:
            QMessageBox.information(
                self, self.tr("备份与恢复"),
                self.tr("服务器上的台账由服务器备份：请管理员用“rectdesk-cli backup”"
                        "或数据库自己的备份工具。"),
            )  # fmt: skip
            return
        before = self.context.store
        dialog = self._file_dialog("backup").BackupDialog(self.context, self)
        dialog.exec()
        message = str(getattr(dialog, "replaced_message", ""))
        if message or self.context.store is not before:
            # A restore reopened context.store, on the restored file or, when it failed, on
            # the same one: the edits on the undo stack were made on the closed connection,
            # and the watcher's connection still reads the file that was replaced.
            if self.watcher is not None:
                self.start_watching()  # stops the old one first
            self._data_replaced()
        if message:
            self.statusBar().showMessage(message)

    def current_batch_id(self) -> int | None:
        """The batch chosen in the filters, else the batch of the current item."""
        batch_id = self.filter_bar.query().batch_id
        if batch_id is not None:
            return batch_id
        item_id = self.current_item_id()
        if item_id is None:
            return None
        try:
            return self.context.store.item(item_id).batch_id
        except UserError:
            return None

    def _data_replaced(self) -> None:
        # Imports and restores are not undoable edits: the old history no longer applies.
        self.undo_stack.clear()
        self.refresh_all()

    def open_settings(self) -> None:
        """Edit the settings; new thresholds recolour the lights at once."""
        from rectdesk.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.context, self.qsettings, self)
        if dialog.exec():
            self.refresh_all()

    def load_demo(self) -> None:
        """Add the sample batches, dated relative to today."""
        from rectdesk.services.demo import load_demo

        result = load_demo(
            self.context.store, actor=self.context.actor(), today=self.context.today()
        )
        self.refresh_all()  # not an undoable edit, but edits before it still undo
        self.statusBar().showMessage(self.tr("已载入 {0} 条示例事项。").format(result.items), 5000)

    def about(self) -> None:
        """Version and where the data lives."""
        if self.context.on_server:
            text = self.tr("整改台账桌面助手 RectDesk {0}\n\n台账服务器：{1}\n\n"
                           "数据保存在单位内网的服务器上，不经过互联网。")  # fmt: skip
        else:
            text = self.tr("整改台账桌面助手 RectDesk {0}\n\n数据文件：{1}\n\n"
                           "全程离线运行，数据只保存在本机。")  # fmt: skip
        where = self.context.label if self.context.on_server else self.context.db_path
        QMessageBox.about(self, self.tr("关于整改台账桌面助手"), text.format(__version__, where))

    def show_help(self) -> None:
        """The 使用说明, offline, in the interface language."""
        from rectdesk.ui.help_dialog import HelpDialog

        if self.help_dialog is None:
            self.help_dialog = HelpDialog(self)
        self.help_dialog.show()
        self.help_dialog.raise_()
        self.help_dialog.activateWindow()

    # -- start -----------------------------------------------------------------------------

    def first_run(self) -> None:
        """After the window appears: on an empty store, who works here and where to begin."""
        if not self.context.readonly and not self.context.store.batches():
            from rectdesk.ui.welcome import DEMO, IMPORT, WelcomeDialog

            welcome = WelcomeDialog(self.context, self)
            welcome.exec()
            if welcome.choice == IMPORT and "import" in self.file_actions:
                self.import_items()
            elif welcome.choice == DEMO:
                self.load_demo()
        QTimer.singleShot(0, self.remind)

    def remind(self) -> None:
        """Show what is overdue or due soon, unless switched off or nothing is due."""
        from rectdesk.ui.reminder import ReminderDialog, should_remind

        if not should_remind(self.context):
            return
        dialog = ReminderDialog(self.context, self)
        dialog.show_items.connect(self.show_items)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.reminder_dialog = dialog
        dialog.open()
