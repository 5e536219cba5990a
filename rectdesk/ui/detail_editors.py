"""Editors of the detail panel: text that grows with its content, and the responsible units."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRect, QStringListModel, Qt, Signal
from PySide6.QtGui import QFocusEvent, QResizeEvent
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from rectdesk.domain.model import Assignment, Role

#: Lines a text editor shows at least (an empty field stays small) and at most (then scrolls).
TEXT_LINES = (2, 7)
#: Endings of unit names that vary between lists for the same unit (医政医管科 / 医政医管处).
UNIT_ENDINGS = ("科", "处", "股", "室", "办", "办公室", "中心", "站", "所", "局", "院", "组")


class CommitTextEdit(QPlainTextEdit):
    """A multi-line editor that reports when it is left with changed text.

    Its height follows its text between TEXT_LINES, so an empty 意见来源 takes two lines,
    not a large empty box above the fields a clerk edits most.
    """

    committed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.textChanged.connect(self._fit)
        self._fit()

    def lines_wanted(self) -> int:
        """Lines the text takes at the editor's width, between TEXT_LINES."""
        width = max(self.viewport().width() - 2 * int(self.document().documentMargin()), 40)
        flags = int(Qt.TextFlag.TextWordWrap.value) | int(Qt.TextFlag.TextWrapAnywhere.value)
        text = self.toPlainText() or " "
        height = self.fontMetrics().boundingRect(QRect(0, 0, width, 1 << 20), flags, text).height()
        lines = -(-height // max(self.fontMetrics().lineSpacing(), 1))
        return max(TEXT_LINES[0], min(TEXT_LINES[1], lines))

    def _fit(self) -> None:
        # QPlainTextEdit lays out only what it shows, so the lines are measured, not asked.
        margins = self.contentsMargins()
        frame = margins.top() + margins.bottom()
        padding = int(2 * self.document().documentMargin())
        height = self.lines_wanted() * self.fontMetrics().lineSpacing() + frame + padding + 2
        if height != self.height() or self.minimumHeight() != height:
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.committed.emit()  # the panel saves only when the text differs from the store

    def set_text(self, text: str) -> None:
        """Show stored text (left alone when equal, so the cursor stays put)."""
        if self.toPlainText() != text:
            self.setPlainText(text)


def similar_units(name: str, known: list[str]) -> list[str]:
    """Known unit names that look like another spelling of ``name`` (not ``name`` itself).

    Two names are alike when one contains the other (医政 / 医政医管科) or they differ only in
    a usual ending (医政医管科 / 医政医管处).
    """
    name = name.strip()
    if not name or name in known:
        return []

    def stem(text: str) -> str:
        for ending in sorted(UNIT_ENDINGS, key=len, reverse=True):
            if text.endswith(ending) and len(text) > len(ending) + 1:
                return text[: -len(ending)]
        return text

    found = []
    for other in known:
        contains = len(name) >= 2 and len(other) >= 2 and (name in other or other in name)
        if contains or stem(other) == stem(name):
            found.append(other)
    return found


class DepartmentsEditor(QWidget):
    """Responsible units as a list: one lead (牵头), the others assisting (配合).

    The name field spans the panel's width with the buttons under it, so nothing is cut off
    in a narrow panel; typing offers the units already in the ledger (any part of the name).
    """

    changed = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._assignments: list[Assignment] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget(self)
        self.list.setMaximumHeight(72)
        self.list.setToolTip(self.tr("双击一个单位把它设为牵头单位"))
        self.list.itemDoubleClicked.connect(lambda _entry: self.make_lead())
        layout.addWidget(self.list)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("输入单位名称，回车添加"))
        self.name.returnPressed.connect(self.add)
        self._known = QStringListModel(self)
        completer = QCompleter(self._known, self.name)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.name.setCompleter(completer)
        layout.addWidget(self.name)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("添加"), self)
        self.lead_button = QPushButton(self.tr("设为牵头"), self)
        self.remove_button = QPushButton(self.tr("移除"), self)
        self.add_button.setToolTip(self.tr("把输入的单位加为配合单位（第一个为牵头单位）"))
        self.lead_button.setToolTip(self.tr("把选中的单位设为牵头单位"))
        self.remove_button.setToolTip(self.tr("从这条事项移除选中的单位"))
        self.add_button.clicked.connect(self.add)
        self.lead_button.clicked.connect(self.make_lead)
        self.remove_button.clicked.connect(self.remove)
        for button in (self.add_button, self.lead_button, self.remove_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)

    def set_assignments(self, assignments: list[Assignment]) -> None:
        """Show stored units."""
        self._assignments = list(assignments)
        self.list.clear()
        for assignment in assignments:
            role = self.tr("牵头") if assignment.role is Role.LEAD else self.tr("配合")
            entry = QListWidgetItem(self.tr("{0}（{1}）").format(assignment.department, role))
            entry.setData(Qt.ItemDataRole.UserRole, assignment.department)
            self.list.addItem(entry)

    def set_known(self, names: list[str]) -> None:
        """Offer these unit names while typing."""
        if self._known.stringList() != names:
            self._known.setStringList(names)

    def known(self) -> list[str]:
        """The unit names offered."""
        return list(self._known.stringList())

    def set_editable(self, editable: bool) -> None:
        """Read-only or not."""
        for widget in (self.name, self.add_button, self.lead_button, self.remove_button):
            widget.setEnabled(editable)

    def _selected(self) -> str | None:
        entry = self.list.currentItem()
        return str(entry.data(Qt.ItemDataRole.UserRole)) if entry is not None else None

    def add(self) -> None:
        """Add the typed unit as assisting (or as lead when it is the first)."""
        name = self.name.text().strip()
        if not name:
            return
        alike = similar_units(name, self.known())
        if alike:
            name = self.choose_spelling(name, alike)
            if not name:
                return
        self.name.clear()
        if any(a.department == name for a in self._assignments):
            return
        role = Role.ASSIST if self._assignments else Role.LEAD
        self.changed.emit([*self._assignments, Assignment(name, role)])

    def choose_spelling(self, typed: str, alike: list[str]) -> str:
        """Ask whether a new name is one already in the ledger; "" when the clerk cancels.

        Two spellings of one unit would count it twice in every statistic.
        """
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("单位名称"))
        box.setText(
            self.tr(
                "台账里已有相近的单位：{0}。\n同一个单位写法不同，统计时会被算成两个单位。"
            ).format("、".join(alike[:5]))
        )
        choices = [
            (box.addButton(self.tr("用“{0}”").format(o), QMessageBox.ButtonRole.AcceptRole), o)
            for o in alike[:3]
        ]
        keep = box.addButton(self.tr("仍用“{0}”").format(typed), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is keep:
            return typed
        return next((other for button, other in choices if button is clicked), "")

    def make_lead(self) -> None:
        """Make the selected unit the lead; the former lead assists."""
        name = self._selected()
        if name is None:
            return
        self.changed.emit(
            [Assignment(name, Role.LEAD)]
            + [Assignment(a.department, Role.ASSIST) for a in self._assignments]
        )

    def remove(self) -> None:
        """Remove the selected unit (the next one leads if it was the lead)."""
        name = self._selected()
        if name is None:
            return
        self.changed.emit([a for a in self._assignments if a.department != name])


class SelectionPage(QWidget):
    """Several rows are selected: say how many and offer what can be done to all of them."""

    #: The bulk action asked for (a function name of bulk_dialogs).
    bulk_requested = Signal(str)

    ACTIONS = (
        ("set_status", QT_TRANSLATE_NOOP("SelectionPage", "设置状态…")),
        ("set_lead_department", QT_TRANSLATE_NOOP("SelectionPage", "设置牵头单位…")),
        ("set_deadline", QT_TRANSLATE_NOOP("SelectionPage", "设置整改时限…")),
        ("add_progress", QT_TRANSLATE_NOOP("SelectionPage", "添加整改进展…")),
        ("close_off", QT_TRANSLATE_NOOP("SelectionPage", "销号…")),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setObjectName("selectionHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        hint = QLabel(
            self.tr("下面的操作对选中的每一条事项都生效，可以用“撤销”（Ctrl+Z）一次撤回。"
                    "要查看或修改一条事项，只选中那一行。"),
            self,
        )  # fmt: skip
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.buttons: dict[str, QPushButton] = {}
        for name, text in self.ACTIONS:
            button = QPushButton(QCoreApplication.translate("SelectionPage", str(text)), self)
            button.setObjectName(f"bulk_{name}")
            button.clicked.connect(lambda _checked=False, n=name: self.bulk_requested.emit(n))
            layout.addWidget(button)
            self.buttons[name] = button
        layout.addStretch(1)

    def set_count(self, count: int) -> None:
        """Say how many items are selected."""
        self.heading.setText(self.tr("已选中 {0} 条事项").format(count))

    def set_editable(self, editable: bool) -> None:
        """Read-only or not."""
        for button in self.buttons.values():
            button.setEnabled(editable)
