"""The rounds of a batch: who was sent what, who answered and when, who to chase (催报),
and how each item's progress moved from one round to the next (进展对比)."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from rectdesk.domain.deadlines import format_cn_date
from rectdesk.domain.errors import UserError
from rectdesk.domain.privacy import OutputMode
from rectdesk.domain.rounds import Round, UnitRound
from rectdesk.reports.layout import Report
from rectdesk.reports.round_documents import Comparison, ComparisonRow
from rectdesk.services import rounds as rounds_service
from rectdesk.services.context import AppContext
from rectdesk.ui import file_dialogs
from rectdesk.ui.list_model import ListTableModel
from rectdesk.ui.undo import show_error

log = logging.getLogger(__name__)

SAVE_FILTER = "PDF (*.pdf);;Word (*.docx);;Excel (*.xlsx)"
_MISSING = QColor("#a61b1b")
_CHANGED = QColor("#e8f0fe")


class UnitsModel(ListTableModel):
    """The units of one round: their items, when they were sent and when they answered."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                self.tr("责任单位"), self.tr("牵头（条）"), self.tr("配合（条）"),
                self.tr("下发日期"), self.tr("报送情况"), self.tr("联系人"), self.tr("联系电话"),
            ],
            parent,
        )  # fmt: skip

    def cell(self, row: Any, column: int, role: int) -> Any:
        unit: UnitRound = row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(unit, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == 4 and unit.returned_at is None:
            return QBrush(_MISSING)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (1, 2):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _text(self, unit: UnitRound, column: int) -> str:
        if column == 0:
            return unit.unit
        if column == 1:
            return str(unit.lead_items)
        if column == 2:
            return str(unit.items - unit.lead_items)
        if column == 3:
            return (unit.sent_at or "")[:10]
        if column == 4:
            if unit.returned_at is None:
                return self.tr("未报送")
            return self.tr("已报送 {0}").format(unit.returned_at[:10])
        if column == 5:
            return unit.contact
        return unit.phone


class ComparisonModel(ListTableModel):
    """Each item's progress in two rounds, the changed ones shaded."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                self.tr("编号"), self.tr("问题/意见建议内容"), self.tr("牵头单位"),
                self.tr("前一轮进展"), self.tr("本轮进展"), self.tr("完成情况"), self.tr("变化"),
            ],
            parent,
        )  # fmt: skip
        self.earlier = 0
        self.later = 0

    def set_comparison(self, comparison: Comparison | None, *, only_changed: bool = False) -> None:
        """Show two rounds side by side (only the items whose progress moved, if asked)."""
        self.earlier = comparison.earlier if comparison else 0
        self.later = comparison.later if comparison else 0
        rows = comparison.rows if comparison else []
        self.set_rows([r for r in rows if r.changed] if only_changed else rows)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 3, 4)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and section in (3, 4)
            and self.later
        ):
            number = self.earlier if section == 3 else self.later
            return self.tr("第{0}轮进展").format(number)
        return super().headerData(section, orientation, role)

    def _change_text(self, item: ComparisonRow) -> str:
        if not item.answered:
            return self.tr("未报送")
        return self.tr("有") if item.changed else self.tr("无")

    def cell(self, row: Any, column: int, role: int) -> Any:
        item: ComparisonRow = row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            texts = (
                item.number, item.content, item.lead, item.before, item.after,
                item.status_after if item.status_before == item.status_after
                else f"{item.status_before or '—'}→{item.status_after or '—'}",
                self._change_text(item),
            )  # fmt: skip
            text = texts[column]
            if column in (3, 4) and text == rounds_service.NOT_ANSWERED:
                return self.tr("（未报送）")
            if role == Qt.ItemDataRole.DisplayRole and column in (1, 3, 4):
                flat = " ".join(text.split())
                return flat if len(flat) <= 60 else flat[:59] + "…"
            return text
        if role == Qt.ItemDataRole.BackgroundRole and item.changed:
            return QBrush(_CHANGED)
        return None


class RoundsDialog(QDialog):
    """Rounds of a batch: the units' answers, the chase list and the round comparison."""

    def __init__(
        self, context: AppContext, parent: QWidget | None = None, *, batch_id: int | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.rounds: list[Round] = []
        self.setWindowTitle(self.tr("轮次与催报"))
        self.resize(1000, 620)
        self.batch = QComboBox(self)
        for batch in context.store.batches():
            self.batch.addItem(batch.name, batch.id)
        if batch_id is not None:
            self.batch.setCurrentIndex(max(self.batch.findData(batch_id), 0))
        self.round = QComboBox(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("批次"), self.batch)
        form.addRow(self.tr("轮次"), self.round)

        self.units = UnitsModel(self)
        self.units_view = QTableView(self)
        self.units_view.setModel(self.units)
        self.units_view.verticalHeader().setVisible(False)
        self.units_view.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((220, 80, 80, 110, 150, 100)):
            self.units_view.setColumnWidth(column, width)

        self.comparison = ComparisonModel(self)
        self.compare_view = QTableView(self)
        self.compare_view.setModel(self.comparison)
        self.compare_view.verticalHeader().setVisible(False)
        self.compare_view.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((130, 200, 90, 190, 190, 110)):
            self.compare_view.setColumnWidth(column, width)
        self.earlier = QComboBox(self)
        self.changed_only = QCheckBox(self.tr("只看有变化的事项"), self)
        self.changed_only.toggled.connect(self._compare)
        compare_bar = QHBoxLayout()
        compare_bar.addWidget(QLabel(self.tr("对比的前一轮："), self))
        compare_bar.addWidget(self.earlier)
        compare_bar.addWidget(self.changed_only)
        compare_bar.addStretch(1)
        self.compare_note = QLabel(self)
        compare_page = QWidget(self)
        compare_layout = QVBoxLayout(compare_page)
        compare_layout.addLayout(compare_bar)
        compare_layout.addWidget(self.compare_note)
        compare_layout.addWidget(self.compare_view, 1)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.units_view, self.tr("报送情况"))
        self.tabs.addTab(compare_page, self.tr("进展对比"))

        self.full = QCheckBox(self.tr("打印完整联系电话（仅内部使用，记入审计日志）"), self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.chase_button = self.buttons.addButton(
            self.tr("打印催报清单…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.compare_button = self.buttons.addButton(
            self.tr("导出进展对比表…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.chase_button.clicked.connect(self.export_chase)
        self.compare_button.clicked.connect(self.export_comparison)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.full)
        layout.addWidget(self.buttons)
        self.batch.currentIndexChanged.connect(self.load)
        self.round.currentIndexChanged.connect(self._round_changed)
        self.earlier.currentIndexChanged.connect(self._compare)
        self.load()

    # -- showing -------------------------------------------------------------------------

    def batch_id(self) -> int | None:
        data = self.batch.currentData()
        return int(data) if data is not None else None

    def current(self) -> Round | None:
        index = self.round.currentIndex()
        return self.rounds[index] if 0 <= index < len(self.rounds) else None

    def load(self) -> None:
        """Read the chosen batch's rounds; the newest is shown first."""
        batch_id = self.batch_id()
        self.rounds = rounds_service.rounds(self.context.store, batch_id) if batch_id else []
        self.round.blockSignals(True)
        self.round.clear()
        for found in self.rounds:
            cut = format_cn_date(found.cut_off) if found.cut_off else self.tr("未定")
            self.round.addItem(self.tr("第{0}轮（截止 {1}）").format(found.number, cut))
        self.round.setCurrentIndex(len(self.rounds) - 1)
        self.round.blockSignals(False)
        self._round_changed()

    def _round_changed(self) -> None:
        found = self.current()
        self.units.set_rows(found.units if found else [])
        self.chase_button.setEnabled(found is not None)
        if found is None:
            self.summary.setText(self.tr("这个批次还没有下发过报送表：请先用“报送 → 下发报送表”。"))
        else:
            answered = len(found.units) - len(found.missing)
            text = self.tr("第{0}轮：共 {1} 个单位，已报送 {2} 个，未报送 {3} 个。").format(
                found.number, len(found.units), answered, len(found.missing)
            )
            today = self.context.today()
            if found.overdue(today) and found.missing:
                assert found.cut_off is not None
                text += self.tr("已超过截止日期 {0} 天，请催报未报送的单位。").format(
                    (today - found.cut_off).days
                )
            self.summary.setText(text)
        self.earlier.blockSignals(True)
        self.earlier.clear()
        for earlier in self.rounds:
            if found is not None and earlier.number < found.number:
                self.earlier.addItem(self.tr("第{0}轮").format(earlier.number), earlier.number)
        self.earlier.setCurrentIndex(self.earlier.count() - 1)
        self.earlier.blockSignals(False)
        self._compare()

    def _compare(self) -> None:
        found, batch_id = self.current(), self.batch_id()
        earlier = self.earlier.currentData()
        if found is None or batch_id is None or earlier is None:
            self.comparison.set_comparison(None)
            self.compare_note.setText(self.tr("需要至少两轮才能对比进展。"))
            self.compare_button.setEnabled(False)
            return
        comparison = rounds_service.compare(
            self.context.store, batch_id, int(earlier), found.number
        )
        self.comparison.set_comparison(comparison, only_changed=self.changed_only.isChecked())
        changed = sum(1 for row in comparison.rows if row.changed)
        self.compare_note.setText(
            self.tr("共 {0} 条事项，其中 {1} 条与第{2}轮相比有变化（蓝色）。").format(
                len(comparison.rows), changed, earlier
            )
        )
        self.compare_button.setEnabled(True)

    # -- printing ------------------------------------------------------------------------

    def export_chase(self) -> None:
        found, batch_id = self.current(), self.batch_id()
        if found is None or batch_id is None:
            return
        name = self.tr("第{0}轮催报清单.pdf").format(found.number)
        self._export(
            lambda: rounds_service.chase_list(
                self.context.store,
                batch_id,
                found.number,
                today=self.context.today(),
                mode=self._mode(),
            ),
            name,
        )

    def export_comparison(self) -> None:
        found, batch_id = self.current(), self.batch_id()
        earlier = self.earlier.currentData()
        if found is None or batch_id is None or earlier is None:
            return
        name = self.tr("第{0}轮与第{1}轮进展对比表.pdf").format(earlier, found.number)
        self._export(
            lambda: rounds_service.comparison_report_for(
                self.context.store, batch_id, int(earlier), found.number,
                today=self.context.today(), mode=self._mode(),
            ),
            name,
        )  # fmt: skip

    def _mode(self) -> OutputMode:
        return OutputMode.FULL if self.full.isChecked() else OutputMode.MASKED

    def _export(self, build: Any, name: str) -> None:
        target = file_dialogs.save_file(self, "rounds", self.tr("保存"), name, SAVE_FILTER)
        if not target:
            return
        try:
            report: Report = build()
            path = rounds_service.export(
                report, target, self.context.store, actor=self.context.actor()
            )
        except UserError as exc:
            log.info("round paper refused: %s (%s)", exc.message, exc.detail)
            show_error(self, exc)
            return
        if report.confidential:
            text = self.tr("已保存“{0}”（含完整个人信息，已记入审计日志）。").format(path)
        else:
            text = self.tr("已保存“{0}”（电话、身份证号已脱敏）。").format(path)
        self.summary.setText(text)
