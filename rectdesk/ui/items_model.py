"""The items table model: holds ids, fetches rows lazily in pages, sorts in the store."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from rectdesk.app.context import AppContext
from rectdesk.domain.lights import signal_for
from rectdesk.domain.model import Item, Light
from rectdesk.store import ItemQuery

Index = QModelIndex | QPersistentModelIndex

#: (key, header, sort key in the store or None)
COLUMNS: tuple[tuple[str, str, str | None], ...] = (
    ("light", "预警", "light"),
    ("seq", "序号", "seq"),
    ("number", "意见建议编号", "number"),
    ("category", "类别", "category"),
    ("content", "意见建议内容", "content"),
    ("departments", "责任单位", "department"),
    ("deadline", "整改时限", "deadline"),
    ("status", "完成情况", "status"),
    ("progress", "整改进展", "progress_on"),
)

LIGHT_COLOURS: dict[Light, str] = {
    Light.RED: "#d32f2f",
    Light.YELLOW: "#f9a825",
    Light.GREEN: "#388e3c",
    Light.BLUE: "#1976d2",
    Light.GREY: "#9e9e9e",
}

PAGE = 200


class ItemsModel(QAbstractTableModel):
    """Rows are item ids from the store; items are loaded a page at a time and cached."""

    def __init__(self, context: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self._context = context
        self._query = ItemQuery()
        self._ids: list[int] = []
        self._cache: dict[int, Item] = {}

    # -- loading -------------------------------------------------------------------------

    def set_query(self, query: ItemQuery) -> None:
        """Show what a query selects (the store sorts and filters)."""
        self._query = replace(query, limit=None, offset=0)
        self.refresh()

    @property
    def query(self) -> ItemQuery:
        return self._query

    def refresh(self) -> None:
        """Reload ids after a change in the store."""
        self.beginResetModel()
        query = replace(self._query, today=self._context.today(), rules=self._context.rules())
        self._query = query
        self._ids = self._context.store.item_ids(query)
        self._cache.clear()
        self.endResetModel()

    def item_id(self, row: int) -> int | None:
        """The id shown in a row."""
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def item_at(self, row: int) -> Item | None:
        """The item in a row, loading its page if needed; None if it cannot be loaded."""
        item_id = self.item_id(row)
        if item_id is None:
            return None
        if item_id not in self._cache:
            start = (row // PAGE) * PAGE
            page = self._ids[start : start + PAGE]
            if len(self._cache) > 20 * PAGE:
                self._cache.clear()
            for item in self._context.store.items_by_ids(page):
                self._cache[item.id] = item
        return self._cache.get(item_id)

    def invalidate(self, item_ids: list[int]) -> None:
        """Forget cached rows after an edit and repaint just those rows."""
        for item_id in item_ids:
            self._cache.pop(item_id, None)
        wanted = set(item_ids)
        for row, item_id in enumerate(self._ids):
            if item_id in wanted:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    # -- Qt model interface --------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return self.tr(COLUMNS[section][1])
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.item_at(index.row()) is None:
            return Qt.ItemFlag.NoItemFlags  # a row that failed to load draws disabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.column() < len(COLUMNS):
            return None
        try:
            item = self.item_at(index.row())
        except Exception:
            return None
        if item is None:
            return None
        key = COLUMNS[index.column()][0]
        signal = signal_for(
            item.status, item.deadline, today=self._query.today, rules=self._query.rules,
            last_progress=item.progress_on,
        )  # fmt: skip
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, key, signal.label)
        if role == Qt.ItemDataRole.ToolTipRole and key in ("content", "progress"):
            return getattr(item, key)
        if role == Qt.ItemDataRole.DecorationRole and key == "light":
            return QColor(LIGHT_COLOURS[signal.light])
        if role == Qt.ItemDataRole.ForegroundRole and key == "light":
            return QBrush(QColor(LIGHT_COLOURS[signal.light]))
        if role == Qt.ItemDataRole.UserRole:
            return item.id
        return None

    @staticmethod
    def _display(item: Item, key: str, light_label: str) -> str:
        if key == "light":
            return light_label
        if key == "departments":
            return "、".join(item.department_names)
        if key == "deadline":
            return item.deadline.text or (
                item.deadline.date.isoformat() if item.deadline.date else ""
            )
        if key == "status":
            return item.status.label
        if key == "number":
            return item.number or ""
        value = getattr(item, key)
        text = str(value) if value is not None else ""
        return " ".join(text.split())[:200]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS) or COLUMNS[column][2] is None:
            return
        sort_key = COLUMNS[column][2]
        assert sort_key is not None
        descending = order == Qt.SortOrder.DescendingOrder
        self.set_query(replace(self._query, sort=sort_key, descending=descending))
