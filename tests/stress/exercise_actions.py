"""What the randomized exercise does to the window (see gui_exercise.py).

Every action goes through Qt's event delivery the way a clerk's input does: mouse presses
and releases at a point of a widget, key presses (shortcuts included), input-method commits
for Chinese text, context-menu events. The action chosen depends on what is in front: an
open popup menu, a modal dialog (the import wizard, a file dialog, a message box, a progress
dialog, any other dialog), or the main window itself.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QTabBar,
    QTableView,
    QTreeWidget,
    QWidget,
    QWizard,
)

LEFT = Qt.MouseButton.LeftButton
NO_MOD = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
#: Search words typed into the search box (from the sample data, plus a few that match nothing).
WORDS = ("凉坪村", "中医", "医政", "卫生院", "培训", "办公室", "2023", "满意", "x", "无此词", "")
#: Texts typed into dialogs.
TYPED = ("整改完成", "2024年6月底前", "7", "张三", "")
#: Menu entries never chosen at random: they end the run.
NEVER = ("退出", "Quit", "Exit")
#: Ticks a modal dialog may stay in front before Escape, and before it is closed outright.
PATIENCE = (80, 200)


def alive(widget: Any) -> bool:
    """Whether a widget still exists and is shown."""
    return widget is not None and shiboken6.isValid(widget) and widget.isVisible()


def usable(widgets: list[Any]) -> list[Any]:
    """The visible, enabled widgets of a list."""
    return [w for w in widgets if alive(w) and w.isEnabled()]


class Actions:
    """The repertoire; ``step`` does one thing to whatever is in front."""

    def __init__(self, driver: Any) -> None:
        self.driver = driver
        self.rng = driver.rng
        self.files: dict[str, str] = driver.files
        self.front: Any = None
        self.front_ticks = 0
        Path(self.files["export"]).mkdir(parents=True, exist_ok=True)
        self.window_actions: list[tuple[int, Callable[[QMainWindow], None]]] = [
            (6, self.navigator_click),
            (5, self.search),
            (4, self.filter_combo),
            (8, self.table_click),
            (6, self.table_scroll),
            (4, self.table_keys),
            (3, self.header_click),
            (2, self.header_menu),
            (3, self.table_menu),
            (3, self.switch_page),
            (4, self.undo_redo),
            (2, self.refresh),
            (3, self.reset_while_scrolling),
            (6, self.detail_edit),
            (2, self.detail_status),
            (2, self.detail_tab),
            (6, self.menu_action),
            (2, self.menu_bar_click),
            (1, self.resize),
            (1, self.splitter),
            (4, self.dashboard_click),
            (1, self.import_shortcut),
            (1, self.select_all),
        ]

    # -- choosing ------------------------------------------------------------------------

    def note(self, text: str) -> None:
        self.driver.note(text)

    def weighted(self, choices: list[tuple[int, Callable[..., None]]]) -> Callable[..., None]:
        total = sum(w for w, _f in choices)
        pick = self.rng.uniform(0, total)
        for weight, function in choices:
            pick -= weight
            if pick <= 0:
                return function
        return choices[-1][1]

    def main_window(self) -> QMainWindow | None:
        """The visible main window (a restore replaces it with a new one)."""
        shown = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QMainWindow) and alive(w)]  # fmt: skip
        return shown[-1] if shown else None

    def step(self) -> None:
        popup = QApplication.activePopupWidget()
        if alive(popup):
            self.on_popup(popup)
            return
        modal = QApplication.activeModalWidget()
        if alive(modal):
            if modal is self.front:
                self.front_ticks += 1
            else:
                self.front, self.front_ticks = modal, 0
            self.on_modal(modal)
            return
        self.front = None
        window = self.main_window()
        if window is not None:
            self.weighted(self.window_actions)(window)

    def busy(self) -> bool:
        """Whether a dialog or popup is still open."""
        return alive(QApplication.activePopupWidget()) or alive(QApplication.activeModalWidget())

    def close_everything(self) -> None:
        """Time is up: close popups and dialogs (one per tick), then the window."""
        popup = QApplication.activePopupWidget()
        if alive(popup):
            self.note("end: close popup")
            popup.close()
            return
        modal = QApplication.activeModalWidget()
        if alive(modal):
            self.note(f"end: close {type(modal).__name__}")
            if isinstance(modal, QDialog):
                modal.reject()
            else:
                modal.close()
            return
        window = self.main_window()
        if window is not None and not self.driver.closing:
            self.note("end: close window")
            self.driver.closing = True
            window.close()

    # -- primitives ----------------------------------------------------------------------

    def click(self, widget: QWidget, pos: QPoint | None = None, modifier: Any = NO_MOD) -> None:
        if alive(widget):
            QTest.mouseClick(widget, LEFT, modifier, pos if pos is not None else QPoint())

    def key(self, widget: QWidget, key: Qt.Key, modifier: Any = NO_MOD) -> None:
        if alive(widget):
            QTest.keyClick(widget, key, modifier)

    def type_text(self, widget: QWidget, text: str) -> None:
        """Type as a clerk does: ASCII by keys, Chinese as an input method commits it."""
        for char in text:
            if not alive(widget):
                return
            if char.isascii():
                QTest.keyClicks(widget, char)
            else:
                event = QInputMethodEvent("", [])
                event.setCommitString(char)
                QApplication.sendEvent(widget, event)

    def context_menu(self, widget: QWidget, pos: QPoint) -> None:
        if alive(widget):
            event = QContextMenuEvent(
                QContextMenuEvent.Reason.Mouse, pos, widget.mapToGlobal(pos), NO_MOD
            )
            QApplication.sendEvent(widget, event)

    def random_point(self, widget: QWidget) -> QPoint:
        rect = widget.rect()
        return QPoint(
            self.rng.randint(0, max(rect.width() - 1, 0)),
            self.rng.randint(0, max(rect.height() - 1, 0)),
        )

    def random_file(self) -> str:
        key = self.rng.choice(
            ["small", "small", "summary", "ledger", "large", "broken", "missing", "text"]
        )
        return self.files[key]

    # -- popups and modal dialogs --------------------------------------------------------

    def on_popup(self, popup: QWidget) -> None:
        if isinstance(popup, QMenu) and self.rng.random() < 0.75:
            entries = [a for a in popup.actions() if a.isEnabled() and a.isVisible()
                       and not a.isSeparator() and not a.text().startswith(NEVER)]  # fmt: skip
            if entries:
                action = self.rng.choice(entries)
                self.note(f"popup menu: {action.text()}")
                self.click(popup, popup.actionGeometry(action).center())
                return
        if self.rng.random() < 0.5 and not isinstance(popup, QMenu):
            self.note("popup: down, enter")
            for _ in range(self.rng.randint(0, 4)):
                self.key(popup, Qt.Key.Key_Down)
            self.key(popup, Qt.Key.Key_Return)
            return
        self.note("popup: escape")
        self.key(popup, Qt.Key.Key_Escape)

    def on_modal(self, modal: QWidget) -> None:
        if self.front_ticks > PATIENCE[1]:
            self.note(f"{type(modal).__name__}: stuck, closed")
            if isinstance(modal, QDialog):
                modal.reject()
            else:
                modal.close()
            return
        if self.front_ticks > PATIENCE[0] and self.rng.random() < 0.2:
            self.note(f"{type(modal).__name__}: escape (waited)")
            self.key(modal, Qt.Key.Key_Escape)
            return
        if isinstance(modal, QFileDialog):
            self.file_dialog(modal)
        elif isinstance(modal, QProgressDialog):
            if self.rng.random() < 0.05:
                self.note("progress: cancel")
                self.key(modal, Qt.Key.Key_Escape)
        elif isinstance(modal, QWizard):
            self.wizard(modal)
        elif type(modal).__name__ in ("QPrintDialog", "QPageSetupDialog"):
            # Printing to the print-to-file printer renders every page at 1200 dpi on the
            # GUI thread (minutes for a long report): a known slowness, not exercised here.
            self.note(f"{type(modal).__name__}: escape")
            self.key(modal, Qt.Key.Key_Escape)
        elif isinstance(modal, QMessageBox):
            buttons = usable(modal.buttons())
            if buttons:
                button = self.rng.choice(buttons)
                self.note(f"message box: {button.text()}")
                self.click(button)
        elif isinstance(modal, QDialog):
            self.dialog(modal)
        else:
            self.note(f"{type(modal).__name__}: escape")
            self.key(modal, Qt.Key.Key_Escape)

    def file_dialog(self, dialog: QFileDialog) -> None:
        roll = self.rng.random()
        edit = dialog.findChild(QLineEdit, "fileNameEdit")
        if roll < 0.2 or not alive(edit):
            self.note("file dialog: escape")
            self.key(dialog, Qt.Key.Key_Escape)
            return
        if dialog.fileMode() == QFileDialog.FileMode.Directory:
            target = self.files["export"]
        elif dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave:
            suffix = self.rng.choice([".pdf", ".docx", ".xlsx", ".csv", ""])
            target = str(Path(self.files["export"]) / f"导出{self.rng.randint(1, 9)}{suffix}")
        else:
            target = self.random_file()
        self.note(f"file dialog: type {Path(target).name} + enter")
        edit.selectAll()
        self.type_text(edit, target)
        self.key(edit, Qt.Key.Key_Return)
        if self.rng.random() < 0.3 and alive(edit):
            self.note("file dialog: enter again")
            self.key(edit, Qt.Key.Key_Return)

    def wizard(self, wizard: QWizard) -> None:
        page = wizard.currentPage()
        buttons = {
            "next": QWizard.WizardButton.NextButton,
            "back": QWizard.WizardButton.BackButton,
            "cancel": QWizard.WizardButton.CancelButton,
            "commit": QWizard.WizardButton.CommitButton,
            "finish": QWizard.WizardButton.FinishButton,
        }
        roll = self.rng.random()
        path_edit = getattr(page, "path_edit", None)
        if path_edit is not None and roll < 0.25:
            self.note("wizard: type a path")
            path_edit.setFocus()
            path_edit.selectAll()
            self.type_text(path_edit, self.random_file())
            if self.rng.random() < 0.5:
                self.key(path_edit, Qt.Key.Key_Return)
            return
        if path_edit is not None and roll < 0.35:
            browse = [b for b in usable(page.findChildren(QPushButton))]
            if browse:
                self.note("wizard: 浏览…")
                self.click(browse[0])
                return
        if roll < 0.45:
            combos = usable(page.findChildren(QComboBox))
            if combos:
                combo = self.rng.choice(combos)
                self.note(f"wizard: combo {combo.objectName()}")
                combo.setFocus()
                self.key(combo, self.rng.choice([Qt.Key.Key_Down, Qt.Key.Key_Up]))
                return
        if roll < 0.55:
            others = [b for b in usable(page.findChildren(QAbstractButton))]
            if others:
                button = self.rng.choice(others)
                self.note(f"wizard: page button {button.text()}")
                self.click(button)
                return
        if roll < 0.62:
            key = self.rng.choice([Qt.Key.Key_Return, Qt.Key.Key_Escape])
            self.note(f"wizard: key {key.name}")
            self.key(wizard, key)
            return
        weights = {"next": 6, "back": 3, "cancel": 1, "commit": 4, "finish": 2}
        name = self.weighted([(w, lambda n=n: n) for n, w in weights.items()])()
        button = wizard.button(buttons[name])
        if alive(button) and button.isEnabled():
            self.note(f"wizard: {name}")
            self.click(button)

    def dialog(self, dialog: QDialog) -> None:
        roll = self.rng.random()
        name = type(dialog).__name__
        if roll < 0.15:
            self.note(f"{name}: escape")
            self.key(dialog, Qt.Key.Key_Escape)
            return
        if roll < 0.22:
            self.note(f"{name}: enter")
            self.key(dialog, Qt.Key.Key_Return)
            return
        if roll < 0.4:
            edits = usable(dialog.findChildren(QLineEdit)) + usable(
                dialog.findChildren(QPlainTextEdit)
            )
            edits = [e for e in edits if not e.isReadOnly()]
            if edits:
                edit = self.rng.choice(edits)
                self.note(f"{name}: type")
                edit.setFocus()
                self.type_text(edit, self.rng.choice(TYPED))
                return
        if roll < 0.5:
            fields = usable(dialog.findChildren(QAbstractSpinBox)) + usable(
                dialog.findChildren(QComboBox)
            )
            if fields:
                field = self.rng.choice(fields)
                self.note(f"{name}: step {type(field).__name__}")
                field.setFocus()
                self.key(field, self.rng.choice([Qt.Key.Key_Up, Qt.Key.Key_Down]))
                return
        views = usable(dialog.findChildren(QAbstractItemView))
        if roll < 0.6 and views:
            view = self.rng.choice(views)
            self.note(f"{name}: click in a list")
            self.click(view.viewport(), self.random_point(view.viewport()))
            return
        buttons = usable(dialog.findChildren(QAbstractButton))
        buttons = [b for b in buttons if not b.text().startswith(NEVER)]
        if buttons:
            button = self.rng.choice(buttons)
            self.note(f"{name}: button {button.text() or button.objectName()}")
            self.click(button)

    # -- the main window -----------------------------------------------------------------

    def navigator_click(self, window: Any) -> None:
        tree: QTreeWidget = window.navigator
        items = []
        iterator = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
        while iterator:
            item = iterator.pop()
            items.append(item)
            iterator.extend(item.child(i) for i in range(item.childCount()))
        shown = [tree.visualItemRect(i) for i in items]
        shown = [r for r in shown if r.isValid() and r.height() > 0]
        if shown:
            self.note("navigator: click")
            self.click(tree.viewport(), self.rng.choice(shown).center())

    def search(self, window: Any) -> None:
        box = window.filter_bar.search
        if self.rng.random() < 0.3:
            self.note("search: Ctrl+F")
            self.key(window, Qt.Key.Key_F, CTRL)
        box.setFocus()
        if self.rng.random() < 0.4:
            self.note("search: clear")
            box.selectAll()
            self.key(box, Qt.Key.Key_Backspace)
            return
        word = self.rng.choice(WORDS)
        self.note(f"search: type {word}")
        self.type_text(box, word)

    def filter_combo(self, window: Any) -> None:
        bar = window.filter_bar
        combo = self.rng.choice([bar.status, bar.department, bar.category, bar.batch])
        self.note(f"filter: open {combo.objectName()}")
        self.click(combo)

    def table_click(self, window: Any) -> None:
        table: QTableView = window.table
        viewport = table.viewport()
        modifier = self.rng.choice([NO_MOD, NO_MOD, NO_MOD, SHIFT, CTRL])
        self.note(f"table: click ({modifier.name})")
        self.click(viewport, self.random_point(viewport), modifier)
        if self.rng.random() < 0.1:
            self.note("table: double click")
            QTest.mouseDClick(viewport, LEFT, NO_MOD, self.random_point(viewport))

    def table_scroll(self, window: Any) -> None:
        bar = window.table.verticalScrollBar()
        value = self.rng.randint(bar.minimum(), max(bar.maximum(), 0))
        self.note(f"table: scroll to {value}")
        bar.setValue(value)

    def table_keys(self, window: Any) -> None:
        table = window.table
        key = self.rng.choice([Qt.Key.Key_PageDown, Qt.Key.Key_PageUp, Qt.Key.Key_End,
                               Qt.Key.Key_Home, Qt.Key.Key_Down, Qt.Key.Key_Up,
                               Qt.Key.Key_Return, Qt.Key.Key_Delete, Qt.Key.Key_Tab])  # fmt: skip
        modifier = self.rng.choice([NO_MOD, NO_MOD, SHIFT, CTRL])
        table.setFocus()
        self.note(f"table: key {key.name} ({modifier.name})")
        self.key(table, key, modifier)

    def header_click(self, window: Any) -> None:
        header = window.table.horizontalHeader()
        visible = [i for i in range(header.count()) if not header.isSectionHidden(i)]
        if visible:
            section = self.rng.choice(visible)
            x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
            self.note(f"header: click {section}")
            self.click(header.viewport(), QPoint(x, header.height() // 2))

    def header_menu(self, window: Any) -> None:
        header = window.table.horizontalHeader()
        self.note("header: context menu")
        self.context_menu(header.viewport(), self.random_point(header.viewport()))

    def table_menu(self, window: Any) -> None:
        viewport = window.table.viewport()
        self.note("table: context menu")
        self.context_menu(viewport, self.random_point(viewport))

    def switch_page(self, window: Any) -> None:
        if self.rng.random() < 0.5:
            key = self.rng.choice([Qt.Key.Key_1, Qt.Key.Key_2])
            self.note(f"page: Ctrl+{key.name}")
            self.key(window, key, CTRL)
            return
        tabs = window.pages.findChild(QTabBar)
        if alive(tabs):
            index = self.rng.randrange(tabs.count())
            self.note(f"page: tab {index}")
            self.click(tabs, tabs.tabRect(index).center())

    def undo_redo(self, window: Any) -> None:
        key = self.rng.choice([Qt.Key.Key_Z, Qt.Key.Key_Z, Qt.Key.Key_Y])
        self.note(f"shortcut: Ctrl+{key.name}")
        self.key(window, key, CTRL)

    def refresh(self, window: Any) -> None:
        self.note("shortcut: F5")
        self.key(window, Qt.Key.Key_F5)

    def reset_while_scrolling(self, window: Any) -> None:
        """The model is reset between two scroll steps, as a refresh after an edit does."""
        bar = window.table.verticalScrollBar()
        self.note("table: scroll, refresh, scroll")
        bar.setValue(self.rng.randint(0, max(bar.maximum(), 0)))
        window.refresh_all()
        bar.setValue(self.rng.randint(0, max(bar.maximum(), 0)))
        QApplication.processEvents()

    def detail_edit(self, window: Any) -> None:
        panel = window.detail
        editors = [e for e in panel.editors.values() if alive(e) and e.isEnabled()
                   and isinstance(e, (QLineEdit, QPlainTextEdit))]  # fmt: skip
        if not editors:
            return
        editor = self.rng.choice(editors)
        self.note(f"detail: edit {type(editor).__name__}")
        self.click(editor)
        if self.rng.random() < 0.3:
            editor.selectAll()
            self.key(editor, Qt.Key.Key_Backspace)
        self.type_text(editor, self.rng.choice(["已整改", "2024年12月底前", "6月底前", "立行立改",
                                                "医政医管科", "，已完成"]))  # fmt: skip
        self.key(editor, Qt.Key.Key_Tab)

    def detail_status(self, window: Any) -> None:
        combo = window.detail.status
        if alive(combo) and combo.isEnabled():
            self.note("detail: status")
            self.click(combo)

    def detail_tab(self, window: Any) -> None:
        tabs = window.detail.tabs.findChild(QTabBar)
        if alive(tabs):
            index = self.rng.randrange(tabs.count())
            self.note(f"detail: tab {index}")
            self.click(tabs, tabs.tabRect(index).center())

    def menu_action(self, window: Any) -> None:
        actions = []
        menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
        while menus:
            menu = menus.pop()
            for action in menu.actions():
                if action.menu() is not None:
                    menus.append(action.menu())
                elif (action.isEnabled() and not action.isSeparator() and action.text()
                      and not action.text().replace("&", "").startswith(NEVER)):  # fmt: skip
                    actions.append(action)
        if actions:
            action = self.rng.choice(actions)
            self.note(f"menu: {action.text()}")
            action.trigger()

    def menu_bar_click(self, window: Any) -> None:
        bar = window.menuBar()
        entries = [a for a in bar.actions() if a.isVisible()]
        if entries:
            action = self.rng.choice(entries)
            self.note(f"menu bar: open {action.text()}")
            self.click(bar, bar.actionGeometry(action).center())

    def resize(self, window: Any) -> None:
        screen = window.screen().availableGeometry()
        width = self.rng.randint(640, screen.width())
        height = self.rng.randint(480, screen.height())
        self.note(f"window: resize {width}x{height}")
        window.resize(width, height)

    def splitter(self, window: Any) -> None:
        splitters = usable(window.findChildren(QSplitter))
        if splitters:
            splitter = self.rng.choice(splitters)
            total = sum(splitter.sizes())
            first = self.rng.randint(0, total)
            self.note("window: move a splitter")
            splitter.setSizes([first, total - first][: splitter.count()])

    def dashboard_click(self, window: Any) -> None:
        board = window.dashboard
        if board is None or not alive(board):
            self.switch_page(window)
            return
        targets = usable(board.findChildren(QPushButton)) + usable(
            board.findChildren(QAbstractItemView)
        )
        if not targets:
            return
        target = self.rng.choice(targets)
        self.note(f"dashboard: click {type(target).__name__}")
        if isinstance(target, QAbstractItemView):
            self.click(target.viewport(), self.random_point(target.viewport()))
        else:
            self.click(target)
        if self.rng.random() < 0.2:
            for widget in usable(board.findChildren(QWidget)):
                if type(widget).__name__ == "BarChart":
                    self.note("dashboard: click the chart")
                    self.click(widget, self.random_point(widget))
                    break

    def import_shortcut(self, window: Any) -> None:
        self.note("shortcut: Ctrl+O")
        self.key(window, Qt.Key.Key_O, CTRL)

    def select_all(self, window: Any) -> None:
        window.table.setFocus()
        self.note("table: Ctrl+A")
        self.key(window.table, Qt.Key.Key_A, CTRL)
