"""The overview page (总览): counts, a bar chart and the due lists; every figure is clickable."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rectdesk.domain.ledger import LedgerStore
from rectdesk.domain.model import Item, Status
from rectdesk.domain.query import ItemQuery
from rectdesk.services.context import AppContext
from rectdesk.services.dashboard import Dashboard, Figure, build_dashboard
from rectdesk.ui.charts import Bar, BarChart
from rectdesk.ui.labels import tr_label
from rectdesk.ui.supervision_tab import overdue_replies_text
from rectdesk.ui.tasks import Reader, read_now

#: How many departments the chart shows (the table lists them all).
CHART_DEPARTMENTS = 12
LIST_LIMIT = 20
_QUERY_ROLE = Qt.ItemDataRole.UserRole + 1


class DashboardPage(QWidget):
    """Counts by status, department and category, the overdue and due-soon lists."""

    #: An ItemQuery selecting exactly the items behind a clicked figure.
    open_items = Signal(object)

    def __init__(
        self, context: AppContext, parent: QWidget | None = None, *, reader: Reader | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self._read = reader or read_now(context)
        self._generation = 0
        self.dashboard: Dashboard | None = None
        #: The clickable figures by key: total, overdue, soon, status_<code>.
        self.figure_buttons: dict[str, QPushButton] = {}
        self._figures: dict[str, Figure] = {}

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        body = QWidget(scroll)
        scroll.setWidget(body)
        layout = QVBoxLayout(body)

        self.heading = QLabel(body)
        self.heading.setObjectName("dashboardHeading")
        layout.addWidget(self.heading)
        self.replies = QLabel(body)  # 督办 letters whose reply is overdue
        self.replies.setWordWrap(True)
        layout.addWidget(self.replies)

        # What needs doing first: the figures, then the overdue and due-soon items themselves.
        top = QHBoxLayout()
        for key in ("total", "overdue", "soon"):
            top.addWidget(self._figure_button(key, body), 2)
        for status in Status:
            top.addWidget(self._figure_button(f"status_{status.value}", body), 1)
        layout.addLayout(top)

        lists = QHBoxLayout()
        self.overdue_box = QGroupBox(body)
        self.overdue_list = self._list(self.overdue_box)
        lists.addWidget(self.overdue_box, 1)
        self.soon_box = QGroupBox(body)
        self.soon_list = self._list(self.soon_box)
        lists.addWidget(self.soon_box, 1)
        layout.addLayout(lists)

        middle = QGridLayout()
        departments = QGroupBox(self.tr("按责任单位（牵头或配合）"), body)
        box = QVBoxLayout(departments)
        self.department_table = self._table(
            [self.tr("责任单位"), self.tr("事项"), self.tr("已完成"), self.tr("逾期"),
             self.tr("完成率")],
            departments,
        )  # fmt: skip
        box.addWidget(self.department_table)
        middle.addWidget(departments, 0, 0)
        chart_box = QGroupBox(body)
        self.chart_box = chart_box
        chart_layout = QVBoxLayout(chart_box)
        self.chart = BarChart(chart_box)
        self.chart.bar_clicked.connect(self._bar_clicked)
        chart_layout.addWidget(self.chart)
        chart_layout.addStretch(1)
        middle.addWidget(chart_box, 0, 1)
        categories = QGroupBox(self.tr("按类别"), body)
        category_box = QVBoxLayout(categories)
        self.category_table = self._table([self.tr("类别"), self.tr("事项")], categories)
        category_box.addWidget(self.category_table)
        middle.addWidget(categories, 0, 2)
        middle.setColumnStretch(0, 3)
        middle.setColumnStretch(1, 3)
        middle.setColumnStretch(2, 2)
        layout.addLayout(middle)
        layout.addStretch(1)
        self._show_counting()

    # -- building blocks -----------------------------------------------------------------

    def _figure_button(self, key: str, parent: QWidget) -> QPushButton:
        button = QPushButton(parent)
        button.setObjectName(f"figure_{key}")
        button.setMinimumHeight(50)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.clicked.connect(lambda _checked=False, k=key: self._open_figure(k))
        self.figure_buttons[key] = button
        return button

    def _table(self, headers: list[str], parent: QWidget) -> QTableWidget:
        table = QTableWidget(0, len(headers), parent)
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Sized once after filling: sizing to contents on every cell set is slow.
        for column in range(1, len(headers)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        table.setMinimumHeight(220)
        table.cellClicked.connect(lambda row, column, t=table: self._cell_clicked(t, row, column))
        table.cellActivated.connect(lambda row, column, t=table: self._cell_clicked(t, row, column))
        return table

    def _list(self, box: QGroupBox) -> QTreeWidget:
        layout = QVBoxLayout(box)
        tree = QTreeWidget(box)
        tree.setRootIsDecorated(False)
        tree.setUniformRowHeights(True)
        tree.setHeaderLabels([self.tr("内容"), self.tr("责任单位"), self.tr("整改时限"),
                              self.tr("天数")])  # fmt: skip
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the content reads
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 110)  # units: a long list is elided, the tooltip has it all
        for column in (2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        tree.setMinimumHeight(180)
        tree.itemClicked.connect(self._list_clicked)
        tree.itemActivated.connect(self._list_clicked)
        layout.addWidget(tree)
        return tree

    # -- filling -------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        if self.dashboard is None and self._generation == 0:
            self.refresh()  # shown before anyone asked: count now rather than show blanks
        super().showEvent(event)

    def refresh(self) -> None:
        """Count again from the store, off the GUI thread when the window has a reader.

        On a large ledger the counts take a moment: the page says it is counting meanwhile
        instead of staying blank, and a newer refresh wins over an older one.
        """
        self._generation += 1
        generation = self._generation
        today, rules = self.context.today(), self.context.rules()

        def work(store: LedgerStore) -> Dashboard:
            return build_dashboard(store, today=today, rules=rules, list_limit=LIST_LIMIT)

        def done(board: Dashboard) -> None:
            if generation == self._generation:
                self.show_dashboard(board)

        if self.dashboard is None:
            self._show_counting()
        self._read(work, done)

    def _show_counting(self) -> None:
        self.heading.setText(self.tr("正在统计…"))
        for button in self.figure_buttons.values():
            button.setText("…")

    def show_dashboard(self, board: Dashboard) -> None:
        """Show counted figures."""
        self.dashboard = board
        self.heading.setText(
            self.tr("截至 {0}年{1}月{2}日").format(board.today.year, board.today.month,
                                                board.today.day)
        )  # fmt: skip
        days = board.soon.query.due_within
        self._set_figure("total", board.total, self.tr("全部事项"))
        self._set_figure("overdue", board.overdue, self.tr("已逾期"))
        self._set_figure("soon", board.soon, self.tr("{0}日内到期").format(days))
        for status, figure in zip(Status, board.statuses, strict=True):
            self._set_figure(f"status_{status.value}", figure, tr_label(status.label))
        self.replies.setText(overdue_replies_text(board.overdue_replies, board.today))
        self.replies.setVisible(bool(board.overdue_replies))
        self._fill_departments(board)
        self._fill_categories(board)
        self._fill_list(self.overdue_list, board.overdue_items, overdue=True)
        self._fill_list(self.soon_list, board.soon_items, overdue=False)
        self.overdue_box.setTitle(self._list_title(self.tr("逾期事项"), board.overdue.count))
        self.soon_box.setTitle(
            self._list_title(self.tr("{0}日内到期").format(days), board.soon.count)
        )

    def _list_title(self, name: str, count: int) -> str:
        if count > LIST_LIMIT:
            return self.tr("{0}（共 {1} 条，列出最早的 {2} 条）").format(name, count, LIST_LIMIT)
        return self.tr("{0}（{1} 条）").format(name, count)

    def _set_figure(self, key: str, figure: Figure, label: str) -> None:
        self._figures[key] = figure
        button = self.figure_buttons[key]
        button.setText(f"{figure.count}\n{label}")
        button.setToolTip(self.tr("点击查看这 {0} 条事项").format(figure.count))
        urgent = key == "overdue" and figure.count > 0
        button.setStyleSheet("QPushButton { color: #c62828; font-weight: bold; }" if urgent else "")

    def _fill_departments(self, board: Dashboard) -> None:
        table = self.department_table
        table.setRowCount(len(board.departments))
        for row, unit in enumerate(board.departments):
            rate = "—" if unit.rate is None else f"{unit.rate:.0%}"
            cells = [
                (unit.department, unit.total),
                (str(unit.total.count), unit.total),
                (str(unit.done.count), unit.done),
                (str(unit.overdue.count), unit.overdue),
                (rate, unit.done),
            ]
            for column, (text, figure) in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(_QUERY_ROLE, figure.query)
                cell.setToolTip(self.tr("点击查看这 {0} 条事项").format(figure.count))
                if column:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if column == 3 and unit.overdue.count:
                    cell.setForeground(Qt.GlobalColor.darkRed)
                table.setItem(row, column, cell)
        _size_columns(table)
        shown = min(len(board.departments), CHART_DEPARTMENTS)
        self.chart_box.setTitle(
            self.tr("事项最多的 {0} 个单位（红色为逾期）").format(shown)
            if len(board.departments) > shown
            else self.tr("各单位事项数（红色为逾期）")
        )
        self.chart.set_bars(
            [
                Bar(
                    unit.department,
                    unit.total.count,
                    unit.overdue.count,
                    self.tr("{0}：{1} 条，已完成 {2} 条，逾期 {3} 条").format(
                        unit.department, unit.total.count, unit.done.count, unit.overdue.count
                    ),
                )
                for unit in board.departments[:CHART_DEPARTMENTS]
            ]
        )

    def _fill_categories(self, board: Dashboard) -> None:
        table = self.category_table
        table.setRowCount(len(board.categories))
        for row, figure in enumerate(board.categories):
            for column, text in enumerate((tr_label(figure.label), str(figure.count))):
                cell = QTableWidgetItem(text)
                cell.setData(_QUERY_ROLE, figure.query)
                if column:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                table.setItem(row, column, cell)
        _size_columns(table)

    def _fill_list(self, tree: QTreeWidget, items: list[Item], *, overdue: bool) -> None:
        tree.clear()
        today = self.context.today()
        rules = self.context.rules()
        for item in items:
            due = item.deadline.date
            days = (today - due).days if due and overdue else (due - today).days if due else 0
            shown_days = (
                self.tr("逾期{0}天").format(days)
                if overdue
                else self.tr("今日到期")
                if days == 0
                else self.tr("还有{0}天").format(days)
            )
            content = " ".join(item.content.split())
            entry = QTreeWidgetItem(
                [
                    content[:80],
                    "、".join(item.department_names),
                    item.deadline.text or (due.isoformat() if due else ""),
                    shown_days,
                ]
            )
            entry.setToolTip(0, content)
            entry.setToolTip(1, entry.text(1))
            entry.setData(0, _QUERY_ROLE, ItemQuery(ids=(item.id,), today=today, rules=rules))
            tree.addTopLevelItem(entry)

    # -- clicks --------------------------------------------------------------------------

    def figure(self, key: str) -> Figure:
        """The figure shown on a button (after refresh())."""
        return self._figures[key]

    def _open_figure(self, key: str) -> None:
        if key in self._figures:
            self.open_items.emit(self._figures[key].query)

    def _cell_clicked(self, table: QTableWidget, row: int, column: int) -> None:
        cell = table.item(row, column)
        query = cell.data(_QUERY_ROLE) if cell is not None else None
        if isinstance(query, ItemQuery):
            self.open_items.emit(query)

    def _bar_clicked(self, index: int) -> None:
        if self.dashboard is not None and 0 <= index < len(self.dashboard.departments):
            self.open_items.emit(self.dashboard.departments[index].total.query)

    def _list_clicked(self, entry: QTreeWidgetItem, _column: int = 0) -> None:
        query = entry.data(0, _QUERY_ROLE)
        if isinstance(query, ItemQuery):
            self.open_items.emit(replace(query))


def _size_columns(table: QTableWidget) -> None:
    """Fit the figure columns to their contents (the name column stretches)."""
    for column in range(1, table.columnCount()):
        table.resizeColumnToContents(column)
