"""Qt application start-up: translators, crash hook, opening the store, the main window."""

from __future__ import annotations

import logging
import sqlite3
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTimer,
    QTranslator,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from rectdesk.app.context import AppContext
from rectdesk.app.logs import log_path
from rectdesk.app.paths import APP_NAME, translations_dir
from rectdesk.domain.errors import StoreLockedError, UserError
from rectdesk.store import Store
from rectdesk.store.connection import storage_error

log = logging.getLogger("rectdesk.app")


def make_application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, with names used by QSettings."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("整改台账桌面助手")
    return app


def install_translators(app: QApplication, lang: str | None) -> str:
    """Load Qt's own and RectDesk's translations; Chinese unless English is chosen."""
    chosen = lang or str(QSettings().value("ui/language", "zh_CN"))
    translators: list[QTranslator] = []
    if chosen.startswith("zh"):
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name in ("qtbase_zh_CN", "qt_zh_CN"):
            translator = QTranslator(app)
            if translator.load(name, qt_dir) or translator.load(name, str(translations_dir())):
                translators.append(translator)
                break
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    else:
        own = QTranslator(app)
        if own.load(f"rectdesk_{chosen}", str(translations_dir())):
            translators.append(own)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    for translator in translators:
        app.installTranslator(translator)
    return chosen


def install_crash_hook(parent: QWidget | None = None) -> None:
    """Unexpected errors: log them, show a copyable report, keep running."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if isinstance(value, UserError):
            QMessageBox.warning(
                parent, QCoreApplication.translate("CrashHook", "提示"), value.message
            )
            return
        lost = storage_error(value) if isinstance(value, sqlite3.Error) else None
        if lost is not None:
            # A read that failed because the drive went away or filled up: say so plainly.
            log.error("storage failure: %s", value, exc_info=(kind, value, tb))
            QMessageBox.warning(
                parent, QCoreApplication.translate("CrashHook", "提示"), lost.message
            )
            return
        report = "".join(traceback.format_exception(kind, value, tb))
        log.error("unexpected error:\n%s", report)
        if showing:
            return  # an error while the report is open (e.g. in a repaint): logged only
        showing.append(True)
        try:
            crash_box(parent, report).exec()
        finally:
            showing.clear()

    showing: list[bool] = []

    sys.excepthook = hook


def crash_box(parent: QWidget | None, report: str) -> QMessageBox:
    """The unexpected-error dialog; its report can be selected or copied with one button."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("CrashHook", "意外错误"))
    box.setText(
        QCoreApplication.translate(
            "CrashHook", "发生了意外错误，RectDesk 会尽量继续运行。\n详情已写入日志文件：{0}"
        ).format(log_path())
    )
    box.setDetailedText(report)
    copy = box.addButton(
        QCoreApplication.translate("CrashHook", "复制报告"), QMessageBox.ButtonRole.ActionRole
    )
    copy.clicked.disconnect()  # copying must not close the dialog
    copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(report))
    box.addButton(QMessageBox.StandardButton.Close)
    return box


def open_store_interactively(path: Path) -> Store | None:
    """Open the store; offer read-only when another window holds it."""
    try:
        return Store.open(path)
    except StoreLockedError as exc:
        answer = QMessageBox.question(
            None,
            "数据文件正在使用",
            f"{exc.message}\n\n是否以只读方式打开（只能查看，不能修改）？",
        )
        if answer == QMessageBox.StandardButton.Yes:
            return Store.open(path, readonly=True)
        return None
    except UserError as exc:
        QMessageBox.critical(None, "无法打开数据文件", exc.message)
        return None


def run(path: Path, *, lang: str | None = None, quit_after: int | None = None) -> int:
    """Run the window until it closes."""
    app = make_application()
    install_translators(app, lang)
    install_crash_hook()
    from rectdesk.ui import recovery

    if not recovery.check_before_open(path):
        return 1
    store = open_store_interactively(path)
    if store is None:
        return 1
    from rectdesk.ui.main_window import MainWindow

    context = AppContext(store=store, db_path=path)
    window = MainWindow(context)
    safety = recovery.SafetyHooks(context, lambda: MainWindow(context))
    safety.attach(window)
    window.show()
    if quit_after is not None:
        QTimer.singleShot(quit_after, window.close)
    else:
        QTimer.singleShot(0, safety.start)
        QTimer.singleShot(0, window.first_run)
    try:
        return app.exec()
    finally:
        safety.shutdown()
        context.store.close()  # after a restore, the store reopened in its place
