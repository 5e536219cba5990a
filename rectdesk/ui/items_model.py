"""The items table model: ids fetched in growing chunks, rows loaded a page at a time.

The store filters and sorts; the model never holds more than the ids it has been asked to
show plus a bounded cache of items, so 100,000 items scroll without loading them all.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from rectdesk.domain import deadline_notes
from rectdesk.domain.lights import Signal, signal_for
from rectdesk.domain.model import Item, Light
from rectdesk.domain.privacy import mask_text
from rectdesk.domain.query import ItemQuery
from rectdesk.services.context import AppContext
from rectdesk.ui.columns import COLUMNS, MARK_STYLES, column_index, mark
from rectdesk.ui.labels import light_key, light_text, tr_label

Index = QModelIndex | QPersistentModelIndex

#: Rows loaded from the store at once when a row is first drawn.
PAGE = 200
#: Ids fetched first; each further fetch doubles, up to MAX_CHUNK.
FIRST_CHUNK = 250
MAX_CHUNK = 32_000
#: Characters of long text shown in a cell (the tooltip and the detail panel have the rest);
#: laying out only what fits keeps painting fast.
DISPLAY_CHARS = 60
#: Items kept in memory before the cache is emptied.
CACHE_LIMIT = 20 * PAGE

#: Text colours of the light keys (labels.light_key); darker amber stays legible on white.
TEXT_COLOURS: dict[str, str] = {
    **{key: colour for key, (_shape, colour) in MARK_STYLES.items()},
    Light.YELLOW.value: "#9a6700",
}

_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole.value)
_USER = int(Qt.ItemDataRole.UserRole.value)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole.value)
_DECORATION = int(Qt.ItemDataRole.DecorationRole.value)
_ROLES = frozenset({_DISPLAY, _TOOLTIP, _FOREGROUND, _ALIGNMENT, _USER, _ACCESSIBLE, _DECORATION})
_CENTRE = int(Qt.AlignmentFlag.AlignCenter.value)
_LIGHT_COLUMN = column_index("light")
_COLOURED = frozenset({"light", "overdue_days"})
_BRUSHES: dict[str, QBrush] = {}


def _brush(key: str) -> QBrush:
    brush = _BRUSHES.get(key)
    if brush is None:
        brush = _BRUSHES[key] = QBrush(QColor(TEXT_COLOURS[key]))
    return brush


_CENTRED = frozenset({"seq", "number", "deadline", "overdue_days", "closed_on", "status"})
_LONG = frozenset({"content", "measures", "outcomes", "progress", "origin", "remarks"})


class ItemsModel(QAbstractTableModel):
    """Rows are item ids from the store; items are loaded a page at a time and cached."""

    def __init__(self, context: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self._context = context
        self._query = ItemQuery()
        self._ids: list[int] = []
        self._complete = True
        self._cache: dict[int, Item] = {}
        self._signals: dict[int, Signal] = {}
        self._texts: dict[int, tuple[str, ...]] = {}

    # -- loading -------------------------------------------------------------------------

    def set_query(self, query: ItemQuery) -> None:
        """Show what a query selects (the store sorts and filters)."""
        self._query = replace(query, limit=None, offset=0)
        self.refresh()

    @property
    def query(self) -> ItemQuery:
        """The query shown, with today's date and thresholds filled in."""
        return self._query

    @property
    def complete(self) -> bool:
        """Whether every id the query selects has been fetched."""
        return self._complete

    def refresh(self) -> None:
        """Reload ids after a change in the store (the first chunk only)."""
        self.beginResetModel()
        self._query = replace(self._query, today=self._context.today(), rules=self._context.rules())
        self._cache.clear()
        self._signals.clear()
        self._texts.clear()
        self._ids = self._fetch(0, FIRST_CHUNK)
        self._complete = len(self._ids) < FIRST_CHUNK
        self.endResetModel()

    def _fetch(self, offset: int, limit: int) -> list[int]:
        return self._context.store.item_ids(self._query.page(limit, offset))

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._complete

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._complete:
            return
        limit = min(MAX_CHUNK, max(FIRST_CHUNK, len(self._ids)))
        more = self._fetch(len(self._ids), limit)
        self._complete = len(more) < limit
        if more:
            start = len(self._ids)
            self.beginInsertRows(QModelIndex(), start, start + len(more) - 1)
            self._ids.extend(more)
            self.endInsertRows()

    def fetch_all(self) -> None:
        """Fetch the remaining ids (before jumping to the end or selecting everything)."""
        while self.canFetchMore():
            self.fetchMore()

    def row_of(self, item_id: int) -> int | None:
        """The row showing an item, if it has been fetched."""
        try:
            return self._ids.index(item_id)
        except ValueError:
            return None

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
            if len(self._cache) > CACHE_LIMIT:
                self._cache.clear()
                self._signals.clear()
                self._texts.clear()
            loaded = self._context.store.items_by_ids(page)
            for item in loaded:
                self._cache[item.id] = item
            for missing in set(page) - {item.id for item in loaded}:
                self._signals.pop(missing, None)
                self._texts.pop(missing, None)
        return self._cache.get(item_id)

    def signal(self, item: Item) -> Signal:
        """An item's light today (cached with the item)."""
        found = self._signals.get(item.id)
        if found is None:
            found = signal_for(
                item.status, item.deadline, today=self._query.today, rules=self._query.rules,
                last_progress=item.progress_on,
            )  # fmt: skip
            self._signals[item.id] = found
        return found

    def versions(self, item_ids: list[int]) -> dict[int, int]:
        """The versions of the items as the list last read them (rows never read: none)."""
        return {i: self._cache[i].version for i in item_ids if i in self._cache}

    def invalidate(self, item_ids: list[int]) -> None:
        """Forget cached rows after an edit and repaint just those rows."""
        wanted = set(item_ids)
        for item_id in wanted:
            self._cache.pop(item_id, None)
            self._signals.pop(item_id, None)
            self._texts.pop(item_id, None)
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
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return COLUMNS[section].title()
            if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[section].sort is None:
                return self.tr("这一列不能排序")
            return None
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._safe_item(index.row()) is None:
            return Qt.ItemFlag.NoItemFlags  # a row that failed to load draws disabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def _safe_item(self, row: int) -> Item | None:
        try:
            return self.item_at(row)
        except Exception:
            return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every painted cell and role: unused roles leave before any lookup.
        if role not in _ROLES:
            return None
        column = index.column()
        if not 0 <= column < len(COLUMNS):
            return None
        if role == _DECORATION and column != _LIGHT_COLUMN:
            return None
        item = self._safe_item(index.row())
        if item is None:
            return None
        if role == _DISPLAY:
            texts = self._texts.get(item.id)
            if texts is None:
                texts = tuple(self._display(item, c.key) for c in COLUMNS)
                self._texts[item.id] = texts
            return texts[column]
        key = COLUMNS[column].key
        if role == _TOOLTIP:
            return self._tooltip(item, key)
        if role == _FOREGROUND:
            return _brush(light_key(self.signal(item), item.status)) if key in _COLOURED else None
        if role == _DECORATION:
            return mark(light_key(self.signal(item), item.status))
        if role == _ALIGNMENT:
            return _CENTRE if key in _CENTRED else None
        if role == _USER:
            return item.id
        return light_text(self.signal(item), item.status) if key == "light" else None  # spoken

    def _display(self, item: Item, key: str) -> str:
        if key == "light":
            return light_text(self.signal(item), item.status)
        if key == "overdue_days":
            days = self.signal(item).overdue_days
            return str(days) if days else ""
        if key == "departments":
            return "、".join(item.department_names)
        if key == "deadline":
            return item.deadline.text or (
                item.deadline.date.isoformat() if item.deadline.date else ""
            )
        if key == "status":
            return tr_label(item.status.label)
        if key == "number":
            return item.number or ""
        if key == "closed_on":
            return item.closed_on.isoformat() if item.closed_on else ""
        if key == "updated_at":
            return item.updated_at.replace("T", " ")[:16]
        value = getattr(item, key)
        text = " ".join(str(value or "")[: DISPLAY_CHARS * 2].split())[:DISPLAY_CHARS]
        return mask_text(text) if key == "origin" else text

    def _tooltip(self, item: Item, key: str) -> str | None:
        if key in _LONG:
            text = str(getattr(item, key) or "")
            return mask_text(text) if key == "origin" else (text or None)
        if key == "deadline" and item.deadline.warning:
            return deadline_notes.shown(item.deadline.warning)
        if key == "light":
            return light_text(self.signal(item), item.status)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            self.set_query(replace(self._query, sort="source", descending=False))
            return
        sort_key = COLUMNS[column].sort
        if sort_key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if COLUMNS[column].key == "overdue_days":
            descending = not descending  # most days overdue = earliest deadline
        self.set_query(replace(self._query, sort=sort_key, descending=descending))

    @staticmethod
    def sortable(column: int) -> bool:
        """Whether the store can sort by a column."""
        return 0 <= column < len(COLUMNS) and COLUMNS[column].sort is not None


__all__ = ["COLUMNS", "ItemsModel", "column_index"]
