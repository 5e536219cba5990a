"""The navigator on the left: smart views with live counts, and batches by kind and year."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from rectdesk.domain.ledger import LedgerStore
from rectdesk.domain.model import BATCH_KIND_LABELS, Batch, Status
from rectdesk.domain.query import ItemQuery
from rectdesk.services import settings
from rectdesk.services.context import AppContext
from rectdesk.ui.labels import tr_label
from rectdesk.ui.tasks import Reader, read_now

QUERY_ROLE = Qt.ItemDataRole.UserRole
KEY_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Counts:
    """The figures beside the smart views."""

    total: int
    overdue: int
    due_soon: int
    by_status: dict[Status, int]


def count_views(store: LedgerStore, today: dt.date, warn_days: int) -> Counts:
    """Count what each smart view would show."""
    by_status = store.count_by_status(ItemQuery(today=today))
    return Counts(
        total=sum(by_status.values()),
        overdue=store.count_items(ItemQuery(overdue=True, today=today)),
        due_soon=store.count_items(ItemQuery(due_within=warn_days, today=today)),
        by_status=by_status,
    )


#: Smart views whose status is their whole definition.
_STATUS_VIEWS: tuple[Status, ...] = (
    Status.IN_PROGRESS, Status.COMPLETED, Status.CLOSED, Status.ONGOING, Status.DECLINED,
)  # fmt: skip
_STATUS_TITLES = {Status.COMPLETED: "已完成待销号"}


class Navigator(QTreeWidget):
    """Choosing an entry emits the query of the view it stands for."""

    view_selected = Signal(object)
    #: New counts are shown.
    counted = Signal()

    def __init__(
        self, context: AppContext, parent: QWidget | None = None, *, reader: Reader | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._read = reader or read_now(context)
        self._generation = 0
        self.counts: Counts | None = None
        self.setObjectName("navigator")
        self.setColumnCount(2)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self._views = QTreeWidgetItem(self, [QCoreApplication.translate("Navigator", "智能视图")])
        self._batches = QTreeWidgetItem(self, [QCoreApplication.translate("Navigator", "批次")])
        for group in (self._views, self._batches):
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
        self._entries: dict[str, QTreeWidgetItem] = {}
        self.currentItemChanged.connect(self._chosen)
        self._show(int(settings.get(context.store, "warn_days")), None, [])
        self.expandAll()
        self.select("all")
        self.refresh()

    # -- building ------------------------------------------------------------------------

    def refresh(self) -> None:
        """Recount the smart views and rebuild the batch tree (in the background)."""
        self._generation += 1
        generation = self._generation
        today = self._context.today()
        warn_days = int(settings.get(self._context.store, "warn_days"))

        def work(store: LedgerStore) -> tuple[Counts, list[Batch]]:
            return count_views(store, today, warn_days), store.batches()

        def done(result: tuple[Counts, list[Batch]]) -> None:
            if generation == self._generation:
                self._show(warn_days, *result)

        self._read(work, done)

    def _show(self, warn_days: int, counts: Counts | None, batches: list[Batch]) -> None:
        """Show counts (None: still counting) and the batch tree."""
        current = self.current_key()
        self.counts = counts
        translate = QCoreApplication.translate
        views: list[tuple[str, str, ItemQuery, int | None]] = [
            ("all", translate("Navigator", "全部事项"), ItemQuery(),
             counts.total if counts else None),
            ("overdue", translate("Navigator", "逾期"), ItemQuery(overdue=True),
             counts.overdue if counts else None),
            ("due_soon", translate("Navigator", "{0}日内到期").format(warn_days),
             ItemQuery(due_within=warn_days), counts.due_soon if counts else None),
        ]  # fmt: skip
        for status in _STATUS_VIEWS:
            title = tr_label(_STATUS_TITLES.get(status, status.label))
            count = counts.by_status[status] if counts else None
            views.append((status.value, title, ItemQuery(statuses=(status,)), count))
        with _Quiet(self):
            for key, title, query, count in views:
                self._entry(self._views, key, title, query, count)
            self._fill_batches(batches)
            if current is not None and current in self._entries:
                self.setCurrentItem(self._entries[current])
        self.counted.emit()

    def _entry(
        self, parent: QTreeWidgetItem, key: str, title: str, query: ItemQuery, count: int | None
    ) -> QTreeWidgetItem:
        entry = self._entries.get(key)
        if entry is None:
            entry = QTreeWidgetItem(parent)
            self._entries[key] = entry
        entry.setText(0, title)
        entry.setText(1, "…" if count is None else str(count))
        entry.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        entry.setData(0, QUERY_ROLE, query)
        entry.setData(0, KEY_ROLE, key)
        if count is not None:
            entry.setToolTip(
                0, QCoreApplication.translate("Navigator", "{0}：{1} 条").format(title, count)
            )
        return entry

    def _fill_batches(self, batches: list[Batch]) -> None:
        for key in [k for k in self._entries if k.startswith("batch:")]:
            del self._entries[key]
        self._batches.takeChildren()
        kinds: dict[str, QTreeWidgetItem] = {}
        years: dict[tuple[str, int | None], QTreeWidgetItem] = {}
        for kind in BATCH_KIND_LABELS:
            for batch in (b for b in batches if b.kind is kind):
                group = kinds.get(kind.value)
                if group is None:
                    group = QTreeWidgetItem(self._batches, [tr_label(kind.label)])
                    group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                    kinds[kind.value] = group
                year = years.get((kind.value, batch.year))
                if year is None:
                    label = (
                        QCoreApplication.translate("Navigator", "{0}年").format(batch.year)
                        if batch.year
                        else QCoreApplication.translate("Navigator", "未注明年份")
                    )
                    year = QTreeWidgetItem(group, [label])
                    year.setFlags(Qt.ItemFlag.ItemIsEnabled)
                    years[(kind.value, batch.year)] = year
                    year.setExpanded(True)
                key = f"batch:{batch.id}"
                entry = self._entry(year, key, batch.name, ItemQuery(batch_id=batch.id),
                                    batch.item_count)  # fmt: skip
                entry.setToolTip(0, batch.name)
            if kind.value in kinds:
                kinds[kind.value].setExpanded(True)
        self._batches.setExpanded(True)

    def needed_width(self) -> int:
        """The width that shows every smart view's name and count uncut (batch names elide)."""
        metrics = self.fontMetrics()
        names = [entry.text(0) for key, entry in self._entries.items() if ":" not in key]
        widest = max((metrics.horizontalAdvance(name) for name in names), default=0)
        count = metrics.horizontalAdvance("9999")
        return widest + count + 2 * self.indentation() + 2 * self.frameWidth() + 12

    # -- selecting -----------------------------------------------------------------------

    def current_key(self) -> str | None:
        """The key of the chosen entry (``all``, ``overdue``, ``batch:3``, …)."""
        entry = self.currentItem()
        key = entry.data(0, KEY_ROLE) if entry is not None else None
        return str(key) if key is not None else None

    def select(self, key: str) -> None:
        """Choose an entry by key (emits view_selected)."""
        entry = self._entries.get(key)
        if entry is not None:
            self.setCurrentItem(entry)

    def clear_choice(self) -> None:
        """Show no entry as chosen (the filters no longer match one view)."""
        with _Quiet(self):
            self.setCurrentIndex(QModelIndex())
            self.clearSelection()

    def follow(self, query: ItemQuery, fields: tuple[str, ...]) -> None:
        """Show as chosen the entry whose view matches ``query`` on ``fields`` (or none)."""
        for entry in self._entries.values():
            view = entry.data(0, QUERY_ROLE)
            if isinstance(view, ItemQuery) and all(
                getattr(view, name) == getattr(query, name) for name in fields
            ):
                if entry is not self.currentItem():
                    with _Quiet(self):
                        self.setCurrentItem(entry)
                return
        self.clear_choice()

    def count(self, key: str) -> int | None:
        """The figure shown beside an entry (None while counting)."""
        text = self._entries[key].text(1)
        return int(text) if text.isdigit() else None

    def title(self, key: str) -> str:
        """The text of an entry."""
        return self._entries[key].text(0)

    def _chosen(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        if current is None:
            return
        query = current.data(0, QUERY_ROLE)
        if isinstance(query, ItemQuery):
            self.view_selected.emit(query)


class _Quiet:
    """Block the navigator's signals while it is rebuilt."""

    def __init__(self, tree: Navigator) -> None:
        self._tree = tree

    def __enter__(self) -> None:
        self._was = self._tree.blockSignals(True)

    def __exit__(self, *exc: object) -> None:
        self._tree.blockSignals(self._was)
