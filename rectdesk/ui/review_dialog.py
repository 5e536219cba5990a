"""收集: the review of the units' answers, item by item and field by field, before any write.

Every change shows the ledger's value, the unit's, and who sent it; the clerk accepts or
rejects per field, per item, per unit or all at once. Two units giving one field different
values are shown side by side, one of them to take. 写入台账 writes the accepted changes in
one transaction, as one step on the undo stack.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rectdesk.domain.errors import UserError
from rectdesk.domain.ledger import Capability
from rectdesk.domain.rounds import ROLE_LABELS
from rectdesk.services.collect import Change, CollectPlan, plan_collect
from rectdesk.services.collect_apply import accept_command
from rectdesk.services.context import AppContext
from rectdesk.services.items import ItemCommand
from rectdesk.ui import file_dialogs
from rectdesk.ui.labels import tr_label
from rectdesk.ui.tasks import Progress, TaskRunner, open_reader
from rectdesk.ui.undo import ItemUndoCommand, busy, show_error

log = logging.getLogger(__name__)

FILE_FILTER = "报送表 (*.xlsx *.xlsm *.xls *.et *.csv *.txt);;所有文件 (*)"
#: Words of the review that the shared labels lack, shown through tr_label.
_LABELS = (
    QT_TRANSLATE_NOOP("Labels", "牵头"),
    QT_TRANSLATE_NOOP("Labels", "配合"),
    QT_TRANSLATE_NOOP("Labels", "完成时间"),
)
_CONFLICT = QColor("#fde2c4")
_REFUSED = QColor("#eeeeee")
_PROBLEM = QColor("#a61b1b")
_WARNING = QColor("#7a5a00")


class CollectUndoCommand(ItemUndoCommand):
    """A collection on the undo stack, named in the interface language."""

    def __init__(self, command: ItemCommand, round_number: int, parent: QWidget | None) -> None:
        super().__init__(command, parent)
        self.setText(
            QCoreApplication.translate("ReviewDialog", "收集第{0}轮报送").format(round_number)
        )


def _short(text: str, width: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


class ReviewDialog(QDialog):
    """Choose the returned workbooks, review every change, write the accepted ones."""

    collected = Signal(int)

    #: The tree's columns: 事项 / 字段, 报送单位, 分工, 原值, 新值, 说明.
    COLUMNS = 6

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        paths: Sequence[Path | str] = (),
        runner: TaskRunner | None = None,
        undo_stack: QUndoStack | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.runner = runner or TaskRunner(self)
        self.undo_stack = undo_stack
        self.plan: CollectPlan | None = None
        self.command: ItemCommand | None = None
        self._syncing = False
        self._tree_rows: dict[int, QTreeWidgetItem] = {}
        self._table_cells: dict[int, QTableWidgetItem] = {}
        self.setWindowTitle(self.tr("收集报送表"))
        self.resize(1180, 660)

        choose = QPushButton(self.tr("选择报回的报送表…"), self)
        choose.setAutoDefault(False)
        choose.clicked.connect(self.choose_files)
        self.summary = QLabel(self.tr("选择各单位报回的报送表（可一次选多个，顺序不限）。"), self)
        self.summary.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(choose)
        top.addWidget(self.summary, 1)

        self.problems = QListWidget(self)
        self.problems.setWordWrap(True)
        self.problems.setMaximumHeight(110)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(self.COLUMNS)
        self.tree.setHeaderLabels(list(self._column_texts()))
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        for column, width in enumerate((250, 130, 50, 260, 260)):
            self.tree.setColumnWidth(column, width)
        self.tree.header().setStretchLastSection(True)
        self.tree.itemChanged.connect(self._tree_changed)
        self.conflicts = QTableWidget(0, 5, self)
        self.conflicts.setHorizontalHeaderLabels(
            [self.tr("冲突的事项"), self.tr("字段"), self.tr("原值"),
             self.tr("牵头单位的意见"), self.tr("配合单位的意见")]
        )  # fmt: skip
        self.conflicts.verticalHeader().setVisible(False)
        self.conflicts.setWordWrap(True)
        header = self.conflicts.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((200, 80, 200, 330)):
            self.conflicts.setColumnWidth(column, width)
        self.conflicts.itemChanged.connect(self._table_changed)
        self.conflict_label = QLabel(self)
        conflict_box = QWidget(self)
        conflict_layout = QVBoxLayout(conflict_box)
        conflict_layout.setContentsMargins(0, 0, 0, 0)
        conflict_layout.addWidget(self.conflict_label)
        conflict_layout.addWidget(self.conflicts, 1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.tree)
        split.addWidget(conflict_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        self.conflict_box = conflict_box

        self.accept_all = QPushButton(self.tr("全部采纳"), self)
        self.reject_all = QPushButton(self.tr("全部不采纳"), self)
        self.unit = QComboBox(self)
        self.accept_unit = QPushButton(self.tr("采纳该单位"), self)
        self.reject_unit = QPushButton(self.tr("不采纳该单位"), self)
        self.write_button = QPushButton(self.tr("写入台账"), self)
        self.write_button.setDefault(True)
        close = QPushButton(self.tr("关闭"), self)
        for button in (self.accept_all, self.reject_all, self.accept_unit, self.reject_unit, close):
            button.setAutoDefault(False)
        self.accept_all.clicked.connect(lambda: self._set_all(True))
        self.reject_all.clicked.connect(lambda: self._set_all(False))
        self.accept_unit.clicked.connect(lambda: self._set_unit(True))
        self.reject_unit.clicked.connect(lambda: self._set_unit(False))
        self.write_button.clicked.connect(self.write)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_all)
        buttons.addWidget(self.reject_all)
        buttons.addSpacing(16)
        buttons.addWidget(QLabel(self.tr("按单位："), self))
        buttons.addWidget(self.unit)
        buttons.addWidget(self.accept_unit)
        buttons.addWidget(self.reject_unit)
        buttons.addStretch(1)
        buttons.addWidget(self.write_button)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.problems)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        self._show_plan()
        if paths:
            self.read(list(paths))

    def _column_texts(self) -> tuple[str, ...]:
        return (
            self.tr("事项 / 字段"), self.tr("报送单位"), self.tr("分工"), self.tr("原值"),
            self.tr("新值"), self.tr("说明"),
        )  # fmt: skip

    # -- reading -------------------------------------------------------------------------

    def choose_files(self) -> None:
        names = file_dialogs.open_files(
            self, "collect", self.tr("选择报回的报送表"), tr_label(FILE_FILTER)
        )
        if names:
            self.read(names)

    def read(self, paths: Sequence[Path | str]) -> None:
        """Read the files off the window's thread; the review fills when they are read."""
        context = self.context
        files = [Path(p) for p in paths]
        reading = self.tr("已读取 {0} / {1} 个文件…")

        def work(progress: Progress) -> CollectPlan:
            def report(done: int, total: int) -> None:
                progress.report(done, total, reading.format(done, total))

            if Capability.CONNECTIONS not in context.store.capabilities:
                return plan_collect(context.store, files, progress=report)
            with open_reader(context.store) as reader:
                return plan_collect(reader, files, progress=report)

        self.runner.run(
            work, self._read_done, on_error=self._failed,
            title=self.tr("正在读取报送表…"), parent=self,
        )  # fmt: skip

    def _read_done(self, plan: CollectPlan) -> None:
        self.plan = plan
        self.command = None
        self._show_plan()

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, UserError):
            raise exc
        log.info("collect refused: %s (%s)", exc.message, exc.detail)
        self.summary.setText(exc.message)

    # -- showing -------------------------------------------------------------------------

    def _show_plan(self) -> None:
        plan = self.plan
        self._syncing = True
        try:
            self._fill_problems(plan)
            self._fill_tree(plan)
            self._fill_conflicts(plan)
            self.unit.clear()
            for unit in plan.units() if plan else []:
                self.unit.addItem(unit)
        finally:
            self._syncing = False
        has_changes = plan is not None and bool(plan.received)
        for widget in (self.accept_all, self.reject_all, self.unit, self.accept_unit,
                       self.reject_unit):  # fmt: skip
            widget.setEnabled(plan is not None and bool(plan.changes))
        self.write_button.setEnabled(has_changes and not self.context.readonly)
        self._count()

    def _count(self) -> None:
        plan = self.plan
        if plan is None:
            return
        if plan.round_number is None:
            self.summary.setText(self.tr("选中的文件都不能纳入审核，请查看下面的提示。"))
            return
        included = [f for f in plan.files if f.included]
        self.summary.setText(
            self.tr(
                "批次“{batch}”第{round}轮：{files} 个文件纳入审核（{units} 个单位），"
                "{changes} 处修改，已采纳 {accepted} 处，{conflicts} 处冲突。"
            ).format(
                batch=plan.batch_name, round=plan.round_number, files=len(included),
                units=len(plan.units()), changes=len(plan.changes),
                accepted=len(plan.accepted()), conflicts=len(plan.conflicts()),
            )
        )  # fmt: skip

    def _fill_problems(self, plan: CollectPlan | None) -> None:
        self.problems.clear()
        if plan is None:
            self.problems.setVisible(False)
            return
        for report in plan.files:
            for text, colour in [(p, _PROBLEM) for p in report.problems] + [
                (w, _WARNING) for w in report.warnings
            ]:
                entry = QListWidgetItem(text, self.problems)
                entry.setForeground(QBrush(colour))
        self.problems.setVisible(self.problems.count() > 0)

    def _fill_tree(self, plan: CollectPlan | None) -> None:
        self.tree.clear()
        self._tree_rows.clear()
        if plan is None:
            return
        by_item: dict[int, list[Change]] = {}
        for change in plan.changes:
            by_item.setdefault(change.item_id, []).append(change)
        for changes in by_item.values():
            top = QTreeWidgetItem(self.tree)
            units = "、".join(sorted({c.unit for c in changes}))
            first = changes[0]
            top.setText(0, f"{first.item_label}　{_short(first.item_text, 70)}　（{units}）")
            top.setToolTip(0, first.item_text)
            top.setFlags(
                top.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsAutoTristate
            )
            for change in changes:
                row = QTreeWidgetItem(top)
                row.setText(0, tr_label(change.field_label))
                row.setText(1, change.unit)
                row.setText(2, tr_label(ROLE_LABELS[change.role]))
                row.setText(3, _short(change.old) or self.tr("（空）"))
                row.setText(4, _short(change.new))
                row.setText(5, change.note)
                row.setToolTip(3, change.old)
                row.setToolTip(4, change.new)
                row.setToolTip(5, change.note)
                row.setData(0, Qt.ItemDataRole.UserRole, change.index)
                flags = row.flags() | Qt.ItemFlag.ItemIsUserCheckable
                if not change.allowed:
                    flags &= ~Qt.ItemFlag.ItemIsEnabled
                row.setFlags(flags)
                row.setCheckState(0, self._state(change))
                if change.conflict:
                    for column in range(self.COLUMNS):
                        row.setBackground(column, QBrush(_CONFLICT))
                elif not change.allowed:
                    for column in range(self.COLUMNS):
                        row.setBackground(column, QBrush(_REFUSED))
                self._tree_rows[change.index] = row
            top.setFirstColumnSpanned(True)
            top.setExpanded(True)

    def _fill_conflicts(self, plan: CollectPlan | None) -> None:
        self.conflicts.setRowCount(0)
        self._table_cells.clear()
        groups = plan.conflicts() if plan else []
        self.conflict_box.setVisible(bool(groups))
        self.conflict_label.setText(
            self.tr(
                "{0} 处冲突：同一事项的同一字段，两个单位报的不一样，请勾选采用哪一个。"
            ).format(len(groups))
        )
        width = max((len(g) for g in groups), default=2)
        self.conflicts.setColumnCount(3 + max(width, 2))
        labels = [self.tr("冲突的事项"), self.tr("字段"), self.tr("原值")]
        labels += [self.tr("牵头单位的意见"), self.tr("配合单位的意见")]
        labels += [self.tr("配合单位的意见")] * (width - 2)
        self.conflicts.setHorizontalHeaderLabels(labels)
        for group in groups:
            row = self.conflicts.rowCount()
            self.conflicts.insertRow(row)
            first = group[0]
            for column, text in enumerate((first.item_label, tr_label(first.field_label),
                                           _short(first.old, 60))):  # fmt: skip
                cell = QTableWidgetItem(text)
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.conflicts.setItem(row, column, cell)
            ordered = sorted(group, key=lambda c: (c.role.value != "lead", c.unit))
            for offset, change in enumerate(ordered):
                role = tr_label(ROLE_LABELS[change.role])
                cell = QTableWidgetItem(f"{change.unit}（{role}）：{_short(change.new, 120)}")
                cell.setToolTip(change.new)
                cell.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsUserCheckable
                )
                cell.setCheckState(self._state(change))
                cell.setData(Qt.ItemDataRole.UserRole, change.index)
                self.conflicts.setItem(row, 3 + offset, cell)
                self._table_cells[change.index] = cell
        self.conflicts.resizeRowsToContents()

    @staticmethod
    def _state(change: Change) -> Qt.CheckState:
        accepted = change.accepted and change.allowed
        return Qt.CheckState.Checked if accepted else Qt.CheckState.Unchecked

    # -- choosing ------------------------------------------------------------------------

    def _tree_changed(self, row: QTreeWidgetItem, column: int) -> None:
        index = row.data(0, Qt.ItemDataRole.UserRole)
        if self._syncing or column != 0 or index is None or self.plan is None:
            return
        change = self.plan.changes[int(index)]
        self._choose(change, row.checkState(0) == Qt.CheckState.Checked)

    def _table_changed(self, cell: QTableWidgetItem) -> None:
        index = cell.data(Qt.ItemDataRole.UserRole)
        if self._syncing or index is None or self.plan is None:
            return
        change = self.plan.changes[int(index)]
        self._choose(change, cell.checkState() == Qt.CheckState.Checked)

    def _choose(self, change: Change, accepted: bool) -> None:
        assert self.plan is not None
        moved = self.plan.set_accepted(change, accepted)
        self._sync([change, *moved])

    def _sync(self, changes: Sequence[Change]) -> None:
        """Show the plan's choice for these changes in the tree and the conflict table."""
        self._syncing = True
        try:
            for change in changes:
                state = self._state(change)
                row = self._tree_rows.get(change.index)
                if row is not None and row.checkState(0) != state:
                    row.setCheckState(0, state)
                cell = self._table_cells.get(change.index)
                if cell is not None and cell.checkState() != state:
                    cell.setCheckState(state)
        finally:
            self._syncing = False
        self._count()

    def _set_all(self, accepted: bool) -> None:
        if self.plan is None:
            return
        if accepted:
            self.plan.accept_all()
        else:
            for change in self.plan.changes:
                change.accepted = False
        self._sync(self.plan.changes)

    def _set_unit(self, accepted: bool) -> None:
        unit = self.unit.currentText()
        if self.plan is None or not unit:
            return
        moved: list[Change] = []
        for change in self.plan.changes:
            if change.unit == unit:
                moved.append(change)
                moved.extend(self.plan.set_accepted(change, accepted))
        self._sync(moved)

    # -- writing -------------------------------------------------------------------------

    def write(self) -> None:
        """Write the accepted changes in one transaction and put them on the undo stack."""
        plan, context = self.plan, self.context
        if plan is None or self.command is not None:
            return
        try:
            command = accept_command(
                context.store, plan, actor=context.actor, today=context.today()
            )
            with busy():
                command.do()
        except UserError as exc:
            log.info("collect write refused: %s (%s)", exc.message, exc.detail)
            show_error(self, exc)
            return
        self.command = command
        assert plan.round_number is not None
        if self.undo_stack is not None:
            self.undo_stack.push(
                CollectUndoCommand(command, plan.round_number, self.parentWidget())
            )
        self.write_button.setEnabled(False)
        self.summary.setText(
            self.tr(
                "已写入 {0} 处修改，每处都记入了台账（来源为报送单位和轮次）；"
                "{1} 个单位记为已报送。可用“编辑 → 撤销”整体撤回。"
            ).format(len(plan.accepted()), len(plan.units()))
        )
        self.collected.emit(len(plan.accepted()))
