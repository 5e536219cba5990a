"""The items table's columns (key, header, store sort key) and the view that shows them."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QByteArray,
    QCoreApplication,
    QPoint,
    QPointF,
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QImage,
    QPainter,
    QPen,
    QPolygonF,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from rectdesk.domain.model import Light
from rectdesk.ui.labels import light_texts


@dataclass(frozen=True)
class Column:
    """One column of the items table."""

    key: str
    header: str
    sort: str | None
    visible: bool = True

    def title(self) -> str:
        """The header in the current language (short forms of their own: see HEADERS)."""
        return QCoreApplication.translate("ItemsTable", self.header)


#: Every column the clerk may show, in their default order.
COLUMNS: tuple[Column, ...] = (
    Column("light", "预警", "light"),
    Column("seq", "序号", "seq"),
    Column("number", "意见建议编号", "number"),
    Column("category", "类别", "category", visible=False),
    Column("content", "意见建议内容", "content"),
    Column("departments", "责任单位", "department"),
    Column("deadline", "整改时限", "deadline"),
    Column("overdue_days", "逾期天数", "deadline"),
    Column("status", "完成情况", "status"),
    Column("progress", "整改进展", "progress_on", visible=False),
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

#: The headers as the table shows them: a context of their own, so a language whose field
#: names are long (English) can use short headers that keep the columns narrow.
HEADERS: tuple[object, ...] = (
    QT_TRANSLATE_NOOP("ItemsTable", "预警"),
    QT_TRANSLATE_NOOP("ItemsTable", "序号"),
    QT_TRANSLATE_NOOP("ItemsTable", "意见建议编号"),
    QT_TRANSLATE_NOOP("ItemsTable", "类别"),
    QT_TRANSLATE_NOOP("ItemsTable", "意见建议内容"),
    QT_TRANSLATE_NOOP("ItemsTable", "责任单位"),
    QT_TRANSLATE_NOOP("ItemsTable", "整改时限"),
    QT_TRANSLATE_NOOP("ItemsTable", "逾期天数"),
    QT_TRANSLATE_NOOP("ItemsTable", "完成情况"),
    QT_TRANSLATE_NOOP("ItemsTable", "整改进展"),
    QT_TRANSLATE_NOOP("ItemsTable", "意见来源"),
    QT_TRANSLATE_NOOP("ItemsTable", "整改措施"),
    QT_TRANSLATE_NOOP("ItemsTable", "整改可检验成果"),
    QT_TRANSLATE_NOOP("ItemsTable", "责任领导"),
    QT_TRANSLATE_NOOP("ItemsTable", "责任人"),
    QT_TRANSLATE_NOOP("ItemsTable", "销号日期"),
    QT_TRANSLATE_NOOP("ItemsTable", "备注"),
    QT_TRANSLATE_NOOP("ItemsTable", "最后修改"),
)

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
#: What the light column shows beyond the five lights (see labels.light_key): the finished
#: statuses each read differently, and an item without a deadline is not "on track".
MARK_STYLES: dict[str, tuple[str, str]] = {
    **{light.value: (LIGHT_SHAPES[light], LIGHT_COLOURS[light]) for light in Light},
    "no_deadline": ("open", "#757575"),
    "completed": ("check", "#00897b"),
    "closed": ("check", "#9e9e9e"),
    "declined": ("cross", "#9e9e9e"),
}
_POLYGONS: dict[str, list[tuple[float, float]]] = {
    "triangle": [(8, 2.5), (14, 13.5), (2, 13.5)],
    "diamond": [(8, 2), (14, 8), (8, 14), (2, 8)],
    "dash": [(3, 7), (13, 7), (13, 9), (3, 9)],
}
_LINES: dict[str, list[list[tuple[float, float]]]] = {
    "check": [[(3, 8.5), (6.5, 12), (13, 4)]],
    "cross": [[(4, 4), (12, 12)], [(12, 4), (4, 12)]],
}
_MARKS: dict[str, QImage] = {}


def light_mark(light: Light) -> QImage:
    """The light's coloured shape for the table's decoration role, 16 × 16 (made once)."""
    return mark(light.value)


def mark(key: str) -> QImage:
    """The coloured shape of a light key (labels.light_key), 16 × 16 (made once).

    An image, not a pixmap or icon: it needs no QGuiApplication, so the model stays testable
    without a window; drawn at twice the size for high-DPI screens.
    """
    image = _MARKS.get(key)
    if image is None:
        image = _MARKS[key] = _draw_mark(*MARK_STYLES[key], 2)
    return image


def _draw_mark(shape: str, colour_name: str, scale: int) -> QImage:
    image = QImage(16 * scale, 16 * scale, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    image.setDevicePixelRatio(scale)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(colour_name)
    if shape in ("ring", "open"):
        pen = QPen(colour, 1.8)
        if shape == "open":  # no deadline: a broken ring, "not set" rather than "fine"
            pen.setStyle(Qt.PenStyle.DotLine)
        painter.setPen(pen)
        painter.drawEllipse(QRectF(3.5, 3.5, 9, 9))
    elif shape in _LINES:
        pen = QPen(colour, 2.2)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        for line in _LINES[shape]:
            painter.drawPolyline(QPolygonF([QPointF(x, y) for x, y in line]))
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
        # While the default layout is shown, the content column follows the table's width;
        # once the clerk drags a column, the widths are theirs.
        self._auto_fit = False
        self._fitting = False
        header.sectionResized.connect(self._section_resized)

    def _section_resized(self, _logical: int, _old: int, _new: int) -> None:
        # Only a drag with the mouse is the clerk's choice (the header also resizes its
        # stretched last column by itself when the table changes width).
        if not self._fitting and QGuiApplication.mouseButtons() != Qt.MouseButton.NoButton:
            self._auto_fit = False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._auto_fit:
            self.fit_width()

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

    def fit_width(self) -> None:
        """Give the content column what the other shown columns leave of the table's width.

        Used for the default layout: at 1366 × 768 every default column stays in view. The
        other columns first grow to their header and (the light column) its longest label in
        the interface language, so English words are not cut off.
        """
        self._fitting = True
        try:
            self._fit_width()
        finally:
            self._fitting = False
        self._auto_fit = True

    def _fit_width(self) -> None:
        header = self.horizontalHeader()
        content = column_index("content")
        metrics = header.fontMetrics()
        others = 0
        for logical, column in enumerate(COLUMNS):
            if logical == content or header.isSectionHidden(logical):
                continue
            wanted = metrics.horizontalAdvance(column.title()) + 18
            if column.key == "light":  # the mark, its gap and the longest label
                longest = max(map(self.fontMetrics().horizontalAdvance, light_texts()))
                wanted = max(wanted, longest + 30)
            # From the default, not the current width (the stretched last column is wide,
            # and the header keeps stretching it whatever it is given).
            width = max(DEFAULT_WIDTHS.get(column.key, 110), min(wanted, 130))
            header.resizeSection(logical, width)
            others += width
        if header.isSectionHidden(content):
            return
        room = self.viewport().width() - others - 2
        header.resizeSection(content, max(CONTENT_WIDTHS[0], min(CONTENT_WIDTHS[1], room)))

    def save_columns(self) -> QByteArray:
        """Which columns are shown, their order, widths and sort."""
        return self.horizontalHeader().saveState()

    def restore_columns(self, state: object) -> bool:
        """Put back a saved column layout; defaults when it does not fit these columns."""
        header = self.horizontalHeader()
        saved = state if isinstance(state, QByteArray) else QByteArray()
        if not saved.isEmpty() and header.restoreState(saved) and header.count() == len(COLUMNS):
            self._auto_fit = False
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
        self.fit_width()
        self.columns_changed.emit()

    def _header_menu(self, pos: QPoint) -> None:
        menu = self.columns_menu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.horizontalHeader().mapToGlobal(pos))


#: Default widths; the content column takes what the others leave (see fit_width).
DEFAULT_WIDTHS: dict[str, int] = {
    "light": 96, "seq": 40, "number": 134, "category": 100, "content": 260,
    "departments": 108, "deadline": 112, "overdue_days": 50, "status": 88, "progress": 240,
}  # fmt: skip
#: The content column is never made narrower or wider than this by fit_width.
CONTENT_WIDTHS = (150, 640)
