"""The start-up reminder: what is overdue and what falls due soon."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rectdesk.domain.model import Item
from rectdesk.domain.query import ItemQuery
from rectdesk.services import settings
from rectdesk.services.context import AppContext

#: Items listed per group; the rest are one click away in the table.
LIMIT = 100


def due_queries(context: AppContext) -> tuple[ItemQuery, ItemQuery]:
    """The overdue and the due-soon queries by today's thresholds."""
    today = context.today()
    rules = context.rules()
    overdue = ItemQuery(overdue=True, sort="deadline", today=today, rules=rules)
    soon = ItemQuery(due_within=rules.warn_days, sort="deadline", today=today, rules=rules)
    return overdue, soon


def should_remind(context: AppContext) -> bool:
    """Whether to show the reminder: switched on and something is due."""
    if not settings.get(context.store, "remind_at_start"):
        return False
    overdue, soon = due_queries(context)
    store = context.store
    return store.count_items(overdue) > 0 or store.count_items(soon) > 0


class ReminderDialog(QDialog):
    """Lists overdue and due-soon items; can be switched off for later starts."""

    #: The clerk asked to see these items in the table.
    show_items = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.setWindowTitle(self.tr("到期提醒"))
        self.resize(720, 460)
        self.overdue_query, self.soon_query = due_queries(context)
        store = context.store
        self.overdue_count = store.count_items(self.overdue_query)
        self.soon_count = store.count_items(self.soon_query)
        warn_days = self.soon_query.due_within

        intro = QLabel(
            self.tr("已逾期 {0} 条，{1} 日内到期 {2} 条。").format(
                self.overdue_count, warn_days, self.soon_count
            ),
            self,
        )
        intro.setObjectName("reminderIntro")
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("事项"), self.tr("整改时限"), self.tr("责任单位")])
        self.tree.setColumnWidth(0, 400)
        self.tree.setColumnWidth(1, 130)
        self.tree.setRootIsDecorated(True)
        if self.overdue_count:
            self._group(self.tr("已逾期（{0} 条）").format(self.overdue_count), self.overdue_query)
        if self.soon_count:
            self._group(
                self.tr("{0} 日内到期（{1} 条）").format(warn_days, self.soon_count),
                self.soon_query,
            )
        self.tree.expandAll()
        self.tree.itemDoubleClicked.connect(self._open_group)

        self.stop = QCheckBox(self.tr("不再提醒（可在“设置”中重新打开）"), self)
        self.stop.setEnabled(not context.readonly)
        self.open_overdue = QPushButton(self.tr("查看逾期事项"), self)
        self.open_overdue.clicked.connect(lambda: self._show(self.overdue_query))
        self.open_soon = QPushButton(self.tr("查看临期事项"), self)
        self.open_soon.clicked.connect(lambda: self._show(self.soon_query))
        self.open_overdue.setEnabled(self.overdue_count > 0)
        self.open_soon.setEnabled(self.soon_count > 0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.open_overdue, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.open_soon, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree)
        layout.addWidget(self.stop)
        layout.addWidget(buttons)

    def _group(self, title: str, query: ItemQuery) -> None:
        group = QTreeWidgetItem(self.tree, [title])
        group.setData(0, Qt.ItemDataRole.UserRole, query)
        font = group.font(0)
        font.setBold(True)
        group.setFont(0, font)
        for item in self._context.store.items(query.page(LIMIT)):
            QTreeWidgetItem(group, self._row(item))

    @staticmethod
    def _row(item: Item) -> list[str]:
        label = " ".join(f"{item.number or item.seq} {item.content}".split())
        deadline = item.deadline.text or (
            item.deadline.date.isoformat() if item.deadline.date else ""
        )
        return [label[:80], deadline, "、".join(item.department_names)]

    def _open_group(self, entry: QTreeWidgetItem, _column: int) -> None:
        group = entry.parent() or entry
        query = group.data(0, Qt.ItemDataRole.UserRole)
        if isinstance(query, ItemQuery):
            self._show(query)

    def _show(self, query: ItemQuery) -> None:
        self.show_items.emit(query)
        self.done(QDialog.DialogCode.Accepted)

    def done(self, result: int) -> None:
        if self.stop.isChecked() and not self._context.readonly:
            settings.put(self._context.store, "remind_at_start", False)
        super().done(result)
