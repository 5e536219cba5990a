"""The filter bar: search as you type, status, unit, category, batch, deadline range.

Every filter lives in one ItemQuery; the chips underneath name each active filter (with a
button to drop it) so the clerk always knows why rows are hidden.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import fields, replace
from typing import Any

from PySide6.QtCore import QDate, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from rectdesk.domain.ledger import LedgerStore
from rectdesk.domain.lights import LIGHT_LABELS
from rectdesk.domain.model import Status
from rectdesk.domain.query import ItemQuery
from rectdesk.services.context import AppContext
from rectdesk.ui.labels import tr_label
from rectdesk.ui.tasks import Reader, read_now

#: How long typing must pause before the table follows (ms).
SEARCH_DELAY = 120
#: The date a QDateEdit shows as "不限".
NO_DATE = QDate(2000, 1, 1)

#: Fields the filter bar manages (the rest of an ItemQuery is the table's business).
FILTER_FIELDS = (
    "batch_id", "statuses", "lights", "overdue", "due_within", "department", "category",
    "search", "deadline_from", "deadline_to", "ids",
)  # fmt: skip
#: Fields a navigator view sets; choosing another view replaces them all.
VIEW_FIELDS = ("batch_id", "statuses", "lights", "overdue", "due_within", "ids")

_DEFAULTS: dict[str, Any] = {
    f.name: f.default for f in fields(ItemQuery) if f.name in FILTER_FIELDS
}


def filters_only(query: ItemQuery) -> ItemQuery:
    """The filter part of a query, with sort, page and date left at their defaults."""
    return ItemQuery(**{name: getattr(query, name) for name in FILTER_FIELDS})


class DateEdit(QDateEdit):
    """A date field that Tab leaves (arrow keys still move between year, month and day)."""

    def focusNextPrevChild(self, forward: bool) -> bool:
        return QWidget.focusNextPrevChild(self, forward)


class FilterBar(QWidget):
    """Search box, filter choosers and the chips of active filters."""

    query_changed = Signal(object)

    def __init__(
        self, context: AppContext, parent: QWidget | None = None, *, reader: Reader | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._read = reader or read_now(context)
        self._choices_generation = 0
        self._query = ItemQuery()
        self._batch_names: dict[int, str] = {}

        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("搜索编号、来源、内容、措施、进展、单位…（Ctrl+F）"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY)
        self._search_timer.timeout.connect(self._search_settled)
        self._search_pending = False
        self.search.textEdited.connect(lambda _text: self._search_typed())
        self.search.returnPressed.connect(self._search_edited)

        self.status = self._combo("status", self.tr("全部状态"))
        for status in Status:
            self.status.addItem(tr_label(status.label), (status,))
        self.department = self._combo("department", self.tr("全部单位"))
        self.category = self._combo("category", self.tr("全部类别"))
        self.batch = self._combo("batch", self.tr("全部批次"))
        self.date_from = self._date_edit(self.tr("时限从"))
        self.date_to = self._date_edit(self.tr("至"))
        self._explain()

        self.status.activated.connect(lambda _i: self._combo_edited("statuses", self.status))
        self.department.activated.connect(
            lambda _i: self._combo_edited("department", self.department)
        )
        self.category.activated.connect(lambda _i: self._combo_edited("category", self.category))
        self.batch.activated.connect(lambda _i: self._combo_edited("batch_id", self.batch))
        self.date_from.dateChanged.connect(lambda _d: self._dates_edited())
        self.date_to.dateChanged.connect(lambda _d: self._dates_edited())

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.search, 3)
        for widget in (self.status, self.department, self.category, self.batch):
            top.addWidget(widget, 1)
        top.addWidget(QLabel(self.tr("时限"), self))
        top.addWidget(self.date_from)
        top.addWidget(QLabel(self.tr("至"), self))
        top.addWidget(self.date_to)

        self.summary = QLabel(self)
        self.summary.setObjectName("filterSummary")
        self._chips = QHBoxLayout()
        self._chips.setContentsMargins(0, 0, 0, 0)
        self._chips.setSpacing(4)
        self.clear_button = QToolButton(self)
        self.clear_button.setText(self.tr("清除全部筛选"))
        self.clear_button.setToolTip(self.tr("去掉所有筛选条件，显示全部事项（Ctrl+Shift+L）"))
        self.clear_button.clicked.connect(self.clear)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addWidget(self.summary)
        bottom.addLayout(self._chips)
        bottom.addWidget(self.clear_button)
        bottom.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addLayout(top)
        layout.addLayout(bottom)
        self.reload_choices()
        self._show_state()

    # -- building ------------------------------------------------------------------------

    def _explain(self) -> None:
        """Tooltips that say what each filter does."""
        self.search.setToolTip(
            self.tr("输入任意文字（可以只是几个字），在编号、来源、内容、措施、成果、进展和单位中"
                    "查找；空格隔开的几个词要同时出现。Ctrl+F 回到这里。")
        )  # fmt: skip
        self.status.setToolTip(self.tr("只看某种完成情况的事项"))
        self.department.setToolTip(self.tr("只看某个单位牵头或配合的事项"))
        self.category.setToolTip(self.tr("只看某个类别的事项"))
        self.batch.setToolTip(self.tr("只看某个批次（一次下发的清单）的事项"))
        self.date_from.setToolTip(self.tr("整改时限从这一天起（含）；“不限”表示不限制"))
        self.date_to.setToolTip(self.tr("整改时限到这一天止（含）；“不限”表示不限制"))

    def _combo(self, name: str, everything: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(6)
        combo.addItem(everything, None)
        return combo

    def _date_edit(self, tip: str) -> QDateEdit:
        edit = DateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(self.tr("不限"))
        edit.setDate(NO_DATE)
        edit.setToolTip(tip)
        return edit

    def reload_choices(self) -> None:
        """Refill the unit, category and batch lists from the store (after imports, edits)."""
        self._choices_generation += 1
        generation = self._choices_generation

        def work(store: LedgerStore) -> tuple[dict[int, str], list[str], list[str]]:
            batches = {b.id: b.name for b in store.batches()}
            return batches, store.departments(), [c for c in store.categories() if c]

        def done(result: tuple[dict[int, str], list[str], list[str]]) -> None:
            if generation == self._choices_generation:
                self._set_choices(*result)

        self._read(work, done)

    def _set_choices(
        self, batches: dict[int, str], departments: list[str], categories: list[str]
    ) -> None:
        self._batch_names = batches
        self._refill(self.department, [(name, name) for name in departments])
        self._refill(self.category, [(c, c) for c in categories])
        self._refill(self.batch, [(name, batch_id) for batch_id, name in batches.items()])
        self._show_state()

    @staticmethod
    def _refill(combo: QComboBox, entries: list[tuple[str, Any]]) -> None:
        with QSignalBlocker(combo):
            while combo.count() > 1:
                combo.removeItem(1)
            for text, value in entries:
                combo.addItem(text, value)

    # -- state ---------------------------------------------------------------------------

    def query(self) -> ItemQuery:
        """The active filters."""
        return self._query

    def set_query(self, query: ItemQuery) -> None:
        """Show exactly these filters (e.g. the items behind a dashboard figure)."""
        self._apply(filters_only(query))

    def set_view(self, query: ItemQuery) -> None:
        """Apply a navigator view: its fields replace the view fields, other filters stay."""
        self._apply(replace(self._query, **{name: getattr(query, name) for name in VIEW_FIELDS}))

    def clear(self) -> None:
        """Drop every filter."""
        self._apply(ItemQuery())

    def remove(self, name: str) -> None:
        """Drop one filter (a chip's ✕)."""
        if name == "deadline":
            self._apply(replace(self._query, deadline_from=None, deadline_to=None))
        else:
            self._apply(replace(self._query, **{name: _DEFAULTS[name]}))

    def focus_search(self) -> None:
        """Ctrl+F: put the cursor in the search box with its text selected."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _apply(self, query: ItemQuery) -> None:
        changed = query != self._query
        self._query = query
        self._show_state()
        if changed:
            self.query_changed.emit(query)

    def _search_typed(self) -> None:
        # The first keystroke searches at once; further ones within SEARCH_DELAY wait for a
        # pause, so fast typing runs a few searches instead of one per character.
        if self._search_timer.isActive():
            self._search_pending = True
            self._search_timer.start()
            return
        self._search_edited()
        self._search_timer.start()

    def _search_settled(self) -> None:
        if self._search_pending:
            self._search_edited()

    def _search_edited(self) -> None:
        self._search_pending = False
        text = self.search.text()
        if text != self._query.search:
            self._apply(replace(self._query, search=text))

    def _combo_edited(self, name: str, combo: QComboBox) -> None:
        value = combo.currentData()
        if name == "statuses":
            value = tuple(value or ())
        self._apply(replace(self._query, **{name: value}))

    def _dates_edited(self) -> None:
        self._apply(
            replace(
                self._query,
                deadline_from=_to_date(self.date_from.date()),
                deadline_to=_to_date(self.date_to.date()),
            )
        )

    # -- showing -------------------------------------------------------------------------

    def _show_state(self) -> None:
        query = self._query
        with QSignalBlocker(self.search):
            if self.search.text() != query.search:
                self.search.setText(query.search)
        self._select(
            self.status,
            query.statuses or None,
            "、".join(tr_label(s.label) for s in query.statuses),
        )
        self._select(self.department, query.department, query.department or "")
        self._select(self.category, query.category, query.category or "")
        batch_name = self._batch_names.get(query.batch_id or 0, str(query.batch_id))
        self._select(self.batch, query.batch_id, batch_name)
        for edit, value in ((self.date_from, query.deadline_from),
                            (self.date_to, query.deadline_to)):  # fmt: skip
            with QSignalBlocker(edit):
                edit.setDate(QDate(value.year, value.month, value.day) if value else NO_DATE)
        self._show_chips()

    @staticmethod
    def _select(combo: QComboBox, value: Any, text: str) -> None:
        with QSignalBlocker(combo):
            index = 0 if value is None else -1
            for row in range(1, combo.count()):
                if index < 0 and combo.itemData(row) == value:
                    index = row
            if index < 0:
                combo.addItem(text, value)  # e.g. several statuses from a dashboard figure
                index = combo.count() - 1
            combo.setCurrentIndex(index)

    def chips(self) -> list[str]:
        """Each active filter in words (what the chips show)."""
        return [text for _name, text in self._describe()]

    def _describe(self) -> list[tuple[str, str]]:
        q = self._query
        found: list[tuple[str, str]] = []
        if q.search.strip():
            found.append(("search", self.tr("搜索“{0}”").format(q.search.strip())))
        if q.batch_id is not None:
            name = self._batch_names.get(q.batch_id, str(q.batch_id))
            found.append(("batch_id", self.tr("批次：{0}").format(name)))
        if q.statuses:
            labels = "、".join(tr_label(s.label) for s in q.statuses)
            found.append(("statuses", self.tr("状态：{0}").format(labels)))
        if q.overdue:
            found.append(("overdue", self.tr("已逾期")))
        if q.due_within is not None:
            found.append(("due_within", self.tr("{0}日内到期").format(q.due_within)))
        if q.lights:
            labels = "、".join(tr_label(LIGHT_LABELS[light]) for light in q.lights)
            found.append(("lights", self.tr("预警：{0}").format(labels)))
        if q.department is not None:
            found.append(("department", self.tr("单位：{0}").format(q.department)))
        if q.category is not None:
            found.append(("category", self.tr("类别：{0}").format(q.category)))
        if q.deadline_from is not None or q.deadline_to is not None:
            start = q.deadline_from.isoformat() if q.deadline_from else self.tr("不限")
            end = q.deadline_to.isoformat() if q.deadline_to else self.tr("不限")
            found.append(("deadline", self.tr("时限：{0} 至 {1}").format(start, end)))
        if q.ids is not None:
            found.append(("ids", self.tr("指定的 {0} 条事项").format(len(q.ids))))
        return found

    def _show_chips(self) -> None:
        while self._chips.count():
            taken = self._chips.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        described = self._describe()
        for name, text in described:
            chip = QToolButton(self)
            chip.setObjectName(f"chip_{name}")
            chip.setText(f"{text}  ✕")
            chip.setToolTip(self.tr("去掉这个筛选条件"))
            chip.setAutoRaise(False)
            chip.clicked.connect(lambda _checked=False, n=name: self.remove(n))
            self._chips.addWidget(chip)
        self.clear_button.setVisible(bool(described))

    def set_counts(self, shown: int | None, total: int | None) -> None:
        """Say how many rows the filters leave (None while still being counted)."""
        if total is None:
            self.summary.setText(self.tr("正在统计…"))
        elif self._query == ItemQuery():
            self.summary.setText(self.tr("全部 {0} 条事项").format(total))
        elif shown is None:
            self.summary.setText(self.tr("筛选中…（共 {0} 条）").format(total))
        else:
            self.summary.setText(self.tr("筛选后 {0} 条（共 {1} 条），条件：").format(shown, total))


def _to_date(value: QDate) -> dt.date | None:
    if value <= NO_DATE:
        return None
    return dt.date(value.year(), value.month(), value.day())
