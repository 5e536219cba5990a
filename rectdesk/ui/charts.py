"""A small horizontal bar chart drawn with QPainter; bars are clickable."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QHelpEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget


@dataclass(frozen=True)
class Bar:
    """One bar: a label, a value, and a part of it drawn apart (e.g. the overdue share)."""

    label: str
    value: int
    part: int = 0
    tooltip: str = ""


class BarChart(QWidget):
    """Bars one above the other, label left, value right; a click reports the bar's index."""

    bar_clicked = Signal(int)

    BAR_HEIGHT = 18
    GAP = 6
    MARGIN = 8

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[Bar] = []
        self._hover = -1
        self.bar_colour = QColor("#5c8fc9")
        self.part_colour = QColor("#d32f2f")
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_bars(self, bars: list[Bar]) -> None:
        """Show these bars (largest first is the caller's choice)."""
        self._bars = list(bars)
        self._hover = -1
        self.updateGeometry()
        self.setMinimumHeight(self.sizeHint().height())
        self.update()

    def bars(self) -> list[Bar]:
        """The bars shown."""
        return list(self._bars)

    def bar_rect(self, index: int) -> QRect:
        """Where a bar's row is (the whole row answers a click)."""
        top = self.MARGIN + index * (self.BAR_HEIGHT + self.GAP)
        return QRect(0, top, self.width(), self.BAR_HEIGHT + self.GAP // 2)

    def bar_at(self, point: QPoint) -> int:
        """The index of the bar under a point, or -1."""
        for index in range(len(self._bars)):
            if self.bar_rect(index).contains(point):
                return index
        return -1

    def sizeHint(self) -> QSize:
        rows = max(len(self._bars), 1)
        return QSize(360, 2 * self.MARGIN + rows * (self.BAR_HEIGHT + self.GAP))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        palette = self.palette()
        text_colour = palette.color(palette.ColorRole.WindowText)
        if not self._bars:
            painter.setPen(text_colour)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("暂无数据"))
            return
        label_width = min(
            max(metrics.horizontalAdvance(b.label) for b in self._bars) + 12, self.width() // 3
        )
        value_width = max(metrics.horizontalAdvance(self._value_text(b)) for b in self._bars) + 12
        span = max(self.width() - label_width - value_width - 2 * self.MARGIN, 10)
        largest = max(max(b.value for b in self._bars), 1)
        for index, bar in enumerate(self._bars):
            row = self.bar_rect(index)
            top = row.top()
            if index == self._hover:
                painter.fillRect(row, palette.color(palette.ColorRole.AlternateBase))
            painter.setPen(text_colour)
            label_rect = QRect(self.MARGIN, top, label_width - 8, self.BAR_HEIGHT)
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_rect.width())
            painter.drawText(
                label_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label
            )
            left = self.MARGIN + label_width
            width = round(span * bar.value / largest)
            painter.fillRect(QRect(left, top + 2, width, self.BAR_HEIGHT - 4), self.bar_colour)
            if bar.part:
                part = max(round(span * bar.part / largest), 2)
                painter.fillRect(QRect(left, top + 2, part, self.BAR_HEIGHT - 4), self.part_colour)
            painter.setPen(text_colour)
            painter.drawText(
                QRect(left + width + 6, top, value_width, self.BAR_HEIGHT),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                self._value_text(bar),
            )

    def _value_text(self, bar: Bar) -> str:
        # The overdue share is written out too, so the chart reads without colour.
        if bar.part:
            return self.tr("{0}（逾期{1}）").format(bar.value, bar.part)
        return str(bar.value)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            index = self.bar_at(event.position().toPoint())
            if index >= 0:
                self.bar_clicked.emit(index)
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        index = self.bar_at(event.position().toPoint())
        if index != self._hover:
            self._hover = index
            self.setCursor(
                Qt.CursorShape.PointingHandCursor if index >= 0 else Qt.CursorShape.ArrowCursor
            )
            self.update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._hover = -1
        self.update()
        super().leaveEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.bar_at(event.pos())
            if index >= 0 and self._bars[index].tooltip:
                QToolTip.showText(event.globalPos(), self._bars[index].tooltip, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)
