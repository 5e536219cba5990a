"""The main window a clerk keeps open all day."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from rectdesk.app.context import AppContext
from rectdesk.services.demo import load_demo
from rectdesk.ui.items_model import ItemsModel


class MainWindow(QMainWindow):
    """Items table with a search box; the navigator, details and dashboard build on it."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.setWindowTitle(self.tr("整改台账桌面助手 — {0}").format(context.db_path.name))
        self.resize(1280, 800)

        self.model = ItemsModel(context, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("搜索编号、来源、内容、措施、进展、单位…（Ctrl+F）"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(150)
        self._search_timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())

        self.status_label = QLabel(self)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        layout.addWidget(self.status_label)
        self.setCentralWidget(central)

        toolbar = QToolBar(self.tr("工具栏"), self)
        self.addToolBar(toolbar)
        find = QAction(self.tr("查找"), self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self.search.setFocus)
        self.addAction(find)
        demo = QAction(self.tr("载入示例数据"), self)
        demo.triggered.connect(self.load_demo)
        toolbar.addAction(demo)
        if context.readonly:
            demo.setEnabled(False)
            self.statusBar().showMessage(self.tr("只读方式打开：不能修改数据。"))

        self.model.refresh()
        self._update_count()

    def _apply_search(self) -> None:
        self.model.set_query(replace(self.model.query, search=self.search.text()))
        self._update_count()

    def _update_count(self) -> None:
        self.status_label.setText(self.tr("共 {0} 条事项").format(self.model.rowCount()))

    def load_demo(self) -> None:
        """Add the sample batches."""
        result = load_demo(self.context.store, actor=self.context.actor())
        self.model.refresh()
        self._update_count()
        self.statusBar().showMessage(self.tr("已载入 {0} 条示例事项。").format(result.items), 5000)

    def first_run(self) -> None:
        """On an empty store, offer the sample data."""
        if self.context.readonly or self.context.store.batches():
            return
        answer = QMessageBox.question(
            self,
            self.tr("欢迎使用"),
            self.tr("数据文件还是空的。是否载入示例数据（三个示例批次）先熟悉一下？"),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.load_demo()
