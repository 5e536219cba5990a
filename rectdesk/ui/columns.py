"""The items table's columns (key, header, store sort key) and the view that shows them."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QCoreApplication, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from rectdesk.domain.model import Light
from rectdesk.ui.labels import tr_label


@dataclass(frozen=True)
class Column:
    """One column of the items table."""

    key: str
    header: str
    sort: str | None
    visible: bool = True

    def title(self) -> str:
        """The header in the current language (the headers are listed in labels.py)."""
        return tr_label(self.header)


#: Every column the clerk may show, in their default order.
COLUMNS: tuple[Column, ...] = (
    Column("light", "预警", "light"),
    Column("seq", "序号", "seq"),
    Column("number", "意见建议编号", "number"),
    Column("category", "类别", "category"),
    Column("content", "意见建议内容", "content"),
    Column("departments", "责任单位", "department"),
    Column("deadline", "整改时限", "deadline"),
    Column("overdue_days", "逾期天数", "deadline"),
    Column("status", "完成情况", "status"),
    Column("progress", "整改进展", "progress_on"),
    Column("origin", "意见来源", "origin", visible=False),
    Column("measures", "整改措施", None, visible=False),
    Column("outcomes", "整改可检验成果", None, visible=False),
    Column("lead", "责任领导", "lead", visible=False),
    Column("owner", "责任人", "owner", visible=False),
    Column("closed_on", "销号日期", "closed_on", visible=False),
    Column("remarks", "备注", None, visible=False),
    Column("updated_at", "最后修改", "updated", visible=False),
)

KEYS: tuple[str, ...] = tuple(c.key for c in COLUMNS)

#: Colours of the warning lights; the text label beside the mark carries the meaning too.
LIGHT_COLOURS: dict[Light, str] = {
    Light.RED: "#d32f2f",
    Light.YELLOW: "#f9a825",
    Light.GREEN: "#388e3c",
    Light.BLUE: "#1976d2",
    Light.GREY: "#9e9e9e",
}

#: A shape per light so the mark reads in black and white too. The marks are drawn, not typed:
#: the characters ● and ▲ are missing from some Windows UI fonts and showed there as boxes.
LIGHT_SHAPES: dict[Light, str] = {
    Light.RED: "disc",
    Light.YELLOW: "triangle",
    Light.GREEN: "ring",
    Light.BLUE: "diamond",
    Light.GREY: "dash",
}
_POLYGONS: dict[str, list[tuple[float, float]]] = {
    "triangle": [(8, 2.5), (14, 13.5), (2, 13.5)],
    "diamond": [(8, 2), (14, 8), (8, 14), (2, 8)],
    "dash": [(3, 7), (13, 7), (13, 9), (3, 9)],
}
_LIGHT_MARKS: dict[Light, QImage] = {}


def light_mark(light: Light) -> QImage:
    """The light's coloured shape for the table's decoration role, 16 × 16 (made once).

    An image, not a pixmap or icon: it needs no QGuiApplication, so the model stays testable
    without a window; drawn at twice the size for high-DPI screens.
    """
    image = _LIGHT_MARKS.get(light)
    if image is None:
        image = _LIGHT_MARKS[light] = _draw_mark(light, 2)
    return image


def _draw_mark(light: Light, scale: int) -> QImage:
    image = QImage(16 * scale, 16 * scale, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    image.setDevicePixelRatio(scale)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(LIGHT_COLOURS[light])
    shape = LIGHT_SHAPES[light]
    if shape == "ring":
        painter.setPen(QPen(colour, 1.8))
        painter.drawEllipse(QRectF(3.5, 3.5, 9, 9))
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        points = _POLYGONS.get(shape)
        if points is None:
            painter.drawEllipse(QRectF(3, 3, 10, 10))
        else:
            painter.drawPolygon(QPolygonF([QPointF(x, y) for x, y in points]))
    painter.end()
    return image


def column_index(key: str) -> int:
    """The logical index of a column."""
    return KEYS.index(key)


class ItemsTable(QTableView):
    """The items table: fixed row height, store-side sorting, columns chosen from the header."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("itemsTable")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.setTabKeyNavigation(False)  # Tab leaves the table for the detail panel
        rows = self.verticalHeader()
        rows.setVisible(False)
        # A fixed height lets the view place 100,000 rows without measuring any of them.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicatorClearable(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)

    def apply_default_columns(self) -> None:
        """Show the default columns in their default order and widths."""
        header = self.horizontalHeader()
        for logical, column in enumerate(COLUMNS):
            visual = header.visualIndex(logical)
            if visual != logical:
                header.moveSection(visual, logical)
            header.setSectionHidden(logical, not column.visible)
            header.resizeSection(logical, DEFAULT_WIDTHS.get(column.key, 110))
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)

    def save_columns(self) -> QByteArray:
        """Which columns are shown, their order, widths and sort."""
        return self.horizontalHeader().saveState()

    def restore_columns(self, state: object) -> bool:
        """Put back a saved column layout; defaults when it does not fit these columns."""
        header = self.horizontalHeader()
        saved = state if isinstance(state, QByteArray) else QByteArray()
        if not saved.isEmpty() and header.restoreState(saved) and header.count() == len(COLUMNS):
            return True
        self.apply_default_columns()
        return False

    def visible_keys(self) -> list[str]:
        """Shown columns in the order the clerk arranged them."""
        header = self.horizontalHeader()
        logical = [header.logicalIndex(v) for v in range(header.count())]
        return [COLUMNS[i].key for i in logical if not header.isSectionHidden(i)]

    def set_column_shown(self, key: str, shown: bool) -> None:
        """Show or hide one column (at least one stays visible)."""
        logical = column_index(key)
        if not shown and len(self.visible_keys()) <= 1:
            return
        self.horizontalHeader().setSectionHidden(logical, not shown)
        self.columns_changed.emit()

    columns_changed = Signal()

    def columns_menu(self, parent: QWidget | None = None) -> QMenu:
        """A menu with a check per column and a way back to the defaults."""
        menu = QMenu(QCoreApplication.translate("ItemsModel", "显示的列"), parent or self)
        self.fill_columns_menu(menu)
        return menu

    def fill_columns_menu(self, menu: QMenu) -> None:
        """Put the column checks into a menu (emptied first)."""
        menu.clear()
        shown = set(self.visible_keys())
        for column in COLUMNS:
            action = menu.addAction(column.title())
            action.setCheckable(True)
            action.setChecked(column.key in shown)
            action.toggled.connect(lambda on, key=column.key: self.set_column_shown(key, on))
        menu.addSeparator()
        reset = menu.addAction(QCoreApplication.translate("ItemsModel", "恢复默认的列"))
        reset.triggered.connect(self._reset_columns)

    def _reset_columns(self) -> None:
        self.apply_default_columns()
        self.columns_changed.emit()

    def _header_menu(self, pos: QPoint) -> None:
        menu = self.columns_menu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.horizontalHeader().mapToGlobal(pos))


DEFAULT_WIDTHS: dict[str, int] = {
    "light": 110, "seq": 44, "number": 140, "category": 110, "content": 320,
    "departments": 130, "deadline": 120, "overdue_days": 64, "status": 110, "progress": 240,
}  # fmt: skip
