"""Item commands on Qt's undo stack: Ctrl+Z / Ctrl+Y for every edit, bulk edits as one step."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from rectdesk.domain.errors import ConflictError, ConnectionLostError, UserError
from rectdesk.domain.model import FIELD_LABELS, Status
from rectdesk.importers.tables import ParsedFile
from rectdesk.services import importing
from rectdesk.services.context import AppContext
from rectdesk.services.items import ItemCommand
from rectdesk.ui.labels import tr_label

log = logging.getLogger(__name__)

_CONTEXT = "UndoCommands"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


#: How each kind of edit is named in the Edit menu; {0} is the number of items, {1} a detail.
_TEXTS: dict[str, tuple[object, object]] = {
    "edit": (
        QT_TRANSLATE_NOOP("UndoCommands", "修改“{1}”"),
        QT_TRANSLATE_NOOP("UndoCommands", "修改 {0} 条事项"),
    ),
    "departments": (
        QT_TRANSLATE_NOOP("UndoCommands", "修改责任单位"),
        QT_TRANSLATE_NOOP("UndoCommands", "修改 {0} 条事项的责任单位"),
    ),
    "status": (
        QT_TRANSLATE_NOOP("UndoCommands", "改为“{1}”"),
        QT_TRANSLATE_NOOP("UndoCommands", "把 {0} 条事项改为“{1}”"),
    ),
    "lead_department": (
        QT_TRANSLATE_NOOP("UndoCommands", "牵头单位改为“{1}”"),
        QT_TRANSLATE_NOOP("UndoCommands", "把 {0} 条事项的牵头单位改为“{1}”"),
    ),
    "deadline": (
        QT_TRANSLATE_NOOP("UndoCommands", "整改时限改为“{1}”"),
        QT_TRANSLATE_NOOP("UndoCommands", "把 {0} 条事项的整改时限改为“{1}”"),
    ),
    "close_off": (
        QT_TRANSLATE_NOOP("UndoCommands", "销号"),
        QT_TRANSLATE_NOOP("UndoCommands", "销号 {0} 条事项"),
    ),
    "progress": (
        QT_TRANSLATE_NOOP("UndoCommands", "添加整改进展"),
        QT_TRANSLATE_NOOP("UndoCommands", "为 {0} 条事项添加整改进展"),
    ),
    "delete": (
        QT_TRANSLATE_NOOP("UndoCommands", "删除事项"),
        QT_TRANSLATE_NOOP("UndoCommands", "删除 {0} 条事项"),
    ),
}


def command_text(command: ItemCommand) -> str:
    """The translated name of a command, as shown after 撤销/重做."""
    one, many = _TEXTS.get(command.kind, (command.label, command.label))
    detail = command.detail
    if command.kind == "edit":
        detail = tr_label(FIELD_LABELS.get(detail, detail))
    elif command.kind == "status" and detail in {s.value for s in Status}:
        detail = tr_label(Status(detail).label)
    template = one if len(command.item_ids) == 1 else many
    return _tr(str(template)).format(len(command.item_ids), detail)


class Conflicts(QObject):
    """Where a refused edit (another clerk changed the items first) asks to load them again.

    One per undo stack (its child): the window reloads the list, the detail panel its item.
    """

    #: The clerk chose 重新载入 for these item ids (a tuple).
    reload_requested = Signal(object)


def conflicts(stack: QUndoStack) -> Conflicts:
    """The stack's conflict notices (made on first use)."""
    found = stack.findChild(Conflicts)
    return found if isinstance(found, Conflicts) else Conflicts(stack)


def ask_reload(parent: QWidget | None, message: str) -> bool:
    """Show the refusal with 重新载入 and 关闭; True when the clerk chose to reload."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("UndoCommands", "别人已经改过"))
    box.setText(message)
    reload_button = box.addButton(
        QCoreApplication.translate("UndoCommands", "重新载入"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(
        QCoreApplication.translate("UndoCommands", "关闭"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(reload_button)
    box.exec()
    return box.clickedButton() is reload_button


def report(stack: QUndoStack, parent: QWidget | None, error: UserError) -> bool:
    """Say why an edit was refused; for a conflict, offer 重新载入 (True: chosen)."""
    if not isinstance(error, ConflictError):
        show_error(parent, error)
        return False
    if ask_reload(parent, error.message):
        conflicts(stack).reload_requested.emit(error.item_ids)
        return True
    return False


class ItemUndoCommand(QUndoCommand):
    """Wraps an ItemCommand that has already run once; undo/redo move the store."""

    def __init__(
        self,
        command: ItemCommand,
        parent_widget: QWidget | None,
        stack: QUndoStack | None = None,
    ) -> None:
        super().__init__(command_text(command))
        self.command = command
        self._parent_widget = parent_widget
        self._stack = stack
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False  # push() already made the edit
            return
        self._run(self.command.do)

    def undo(self) -> None:
        self._run(self.command.undo)

    def _run(self, step: Callable[[], None]) -> None:
        try:
            with busy():
                step()
        except UserError as exc:
            log.info("undo step failed: %s (%s)", exc.message, exc.detail)
            # The history no longer matches the store (another clerk changed these items, or
            # they went): drop this step, tell the clerk, offer to load them again.
            self.setObsolete(True)
            if self._stack is None:
                show_error(self._parent_widget, exc)
            else:
                report(self._stack, self._parent_widget, exc)


class ImportUndoCommand(QUndoCommand):
    """An import, already written: 撤销 takes it back whole; it is then dropped (no 重做)."""

    def __init__(
        self,
        context: AppContext,
        result: importing.ImportResult,
        parsed: ParsedFile,
        parent_widget: object = None,
    ) -> None:
        name = parsed.workbook.path.name
        super().__init__(QCoreApplication.translate("UndoCommands", "导入“{0}”").format(name))
        assert result.import_id is not None
        self.import_id = result.import_id
        self._context = context
        self._parent_widget = parent_widget if isinstance(parent_widget, QWidget) else None
        self.undone = False

    def redo(self) -> None:
        # Pushed after the wizard wrote the import, so the first redo has nothing to do; an
        # undone import is dropped from the stack (obsolete), never redone: the clerk imports
        # the file again instead.
        pass

    def undo(self) -> None:
        context = self._context
        try:
            with busy():
                importing.undo_import(context.store, self.import_id, actor=context.actor())
            self.undone = True
        except UserError as exc:
            log.info("import undo refused: %s (%s)", exc.message, exc.detail)
            show_error(self._parent_widget, exc)
        self.setObsolete(True)


def push(
    stack: QUndoStack,
    command: ItemCommand,
    parent: QWidget | None = None,
    *,
    on_lost: Callable[[ConnectionLostError], None] | None = None,
) -> bool:
    """Make the edit now and put it on the undo stack; a plain message when it fails."""
    return run(stack, command, parent, on_lost=on_lost) == DONE


#: What became of an edit: made; refused; refused because another clerk changed the items
#: first (the clerk closed the message); the same, and the clerk chose 重新载入; not saved
#: because the server went away.
DONE, REFUSED, CONFLICT, RELOAD, LOST = "done", "refused", "conflict", "reload", "lost"


def run(
    stack: QUndoStack,
    command: ItemCommand,
    parent: QWidget | None = None,
    *,
    on_lost: Callable[[ConnectionLostError], None] | None = None,
) -> str:
    """Make the edit now and put it on the undo stack; DONE, REFUSED, CONFLICT, RELOAD or LOST.

    A refusal is said in one sentence; when another clerk changed the items first, the
    clerk may choose 重新载入 (RELOAD), and the window loads them again. ``on_lost`` takes a
    lost server connection instead of a message box (the window shows one sentence with 重试
    and keeps what was typed).
    """
    try:
        with busy():
            command.do()
    except ConnectionLostError as exc:
        log.info("edit not saved, server out of reach: %s", exc.detail)
        if on_lost is None:
            show_error(parent, exc)
        else:
            on_lost(exc)
        return LOST
    except UserError as exc:
        log.info("edit refused: %s (%s)", exc.message, exc.detail)
        if report(stack, parent, exc):
            return RELOAD
        return CONFLICT if isinstance(exc, ConflictError) else REFUSED
    stack.push(ItemUndoCommand(command, parent, stack))
    return DONE


@contextlib.contextmanager
def busy() -> Iterator[None]:
    """A wait cursor while an edit runs (a bulk edit of many items takes a moment)."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def show_error(parent: QWidget | None, error: UserError) -> None:
    """A plain Chinese message instead of a traceback."""
    QMessageBox.warning(
        parent, QCoreApplication.translate("UndoCommands", "无法完成"), error.message
    )
