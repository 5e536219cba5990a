"""Qt application start-up: translators, crash hook, opening the store, the main window."""

from __future__ import annotations

import logging
import sqlite3
import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTimer,
    QTranslator,
    QUrl,
)
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from rectdesk.app import binding
from rectdesk.app.faults import CrashTrace, EarlierEnd
from rectdesk.app.logs import crash_report, log_path
from rectdesk.domain.errors import StoreLockedError, UserError, install_translator
from rectdesk.domain.ledger import LedgerStore
from rectdesk.services.context import AppContext
from rectdesk.services.ledger import is_server, open_ledger
from rectdesk.services.paths import APP_NAME, default_db_path, translations_dir
from rectdesk.store.connection import storage_error

log = logging.getLogger("rectdesk.app")


def make_application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, with names used by QSettings."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    binding.reserve_none_references()  # before the clerk's first click (see binding.py)
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
    # Messages raised or written below the window are translated through the same translators.
    install_translator(QCoreApplication.translate)
    # Qt appends the display name to every window title: it must speak the chosen language.
    app.setApplicationDisplayName(QCoreApplication.translate("Application", "整改台账桌面助手"))
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
        # Scrubbed: the clerk sends this report to support, and a message may carry a cell.
        report = crash_report(kind, value, tb)
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


def earlier_end_box(parent: QWidget | None, ends: list[EarlierEnd]) -> QMessageBox:
    """Tell the clerk the last run ended unexpectedly, and which file to send."""
    translate = QCoreApplication.translate
    last = ends[-1]
    when = last.started.strftime("%Y-%m-%d %H:%M")
    if last.report:
        what = translate("CrashHook", "上次打开的 RectDesk（{0} 启动）因程序错误意外退出了。")
    else:
        what = translate(
            "CrashHook",
            "上次打开的 RectDesk（{0} 启动）没有正常关闭，可能是被强制结束或电脑断电。",
        )
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("CrashHook", "程序上次意外退出"))
    box.setText(
        what.format(when)
        + "\n\n"
        + translate(
            "CrashHook",
            "已保存的修改不受影响（每次修改都是立即保存的，没写完的导入会整个撤回）。"
            "退出前的记录在日志文件中：\n{0}\n\n"
            "如果这种情况再次出现，请把这个文件发给信息化管理人员。",
        ).format(log_path())
    )
    folder = box.addButton(
        translate("CrashHook", "打开日志所在文件夹"), QMessageBox.ButtonRole.ActionRole
    )
    folder.clicked.disconnect()  # opening the folder must not close the message
    folder.clicked.connect(
        lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_path().parent)))
    )
    box.addButton(translate("CrashHook", "知道了"), QMessageBox.ButtonRole.AcceptRole)
    return box


def open_store_interactively(
    path: Path | str, files_dir: Path | None = None, readonly: bool = False
) -> LedgerStore | None:
    """Open the ledger; offer read-only when another program writes to its file."""
    translate = QCoreApplication.translate
    try:
        return open_ledger(path, files_dir=files_dir, readonly=readonly)
    except StoreLockedError as exc:
        # Why it cannot be written (another program writes to it, or the folder is read-only),
        # then what can be done now.
        text = translate(
            "OpenStore", "数据文件：{0}\n\n{1}\n\n可以以只读方式打开（只能查看，不能修改）。"
        ).format(path, exc.message)
        box = QMessageBox(
            QMessageBox.Icon.Question, translate("OpenStore", "数据文件不能写入"), text
        )
        look_only = box.addButton(
            translate("OpenStore", "以只读方式打开"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(translate("OpenStore", "不打开"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(look_only)
        box.exec()
        if box.clickedButton() is look_only:
            return open_ledger(path, readonly=True)
        return None
    except UserError as exc:
        QMessageBox.critical(None, translate("OpenStore", "无法打开台账"), exc.message)
        return None


def run(
    path: Path | str,
    *,
    lang: str | None = None,
    quit_after: int | None = None,
    files_dir: Path | None = None,
    readonly: bool = False,
) -> int:
    """Run the window until it closes (``readonly``: only look and print)."""
    app = make_application()
    install_translators(app, lang)
    install_crash_hook()
    trace = CrashTrace()
    earlier = trace.start()
    try:
        return _run_window(app, path, earlier, quit_after, files_dir, readonly)
    finally:
        trace.stop()


def _run_window(
    app: QApplication,
    target: Path | str,
    earlier: list[EarlierEnd],
    quit_after: int | None,
    files_dir: Path | None,
    readonly: bool = False,
) -> int:
    from rectdesk.ui import connect_dialog, recovery

    if target == default_db_path():
        # No --db nor RECTDESK_DB: the server chosen on this PC, if one was.
        server, remembered_files = connect_dialog.remembered()
        if server:
            target, files_dir = server, files_dir or remembered_files
            readonly = readonly or connect_dialog.remembered_readonly()
    if not is_server(target):
        # A store file is checked, and offered its backups, before it is opened; a server
        # ledger has no file here to check (the server keeps its own).
        path = Path(target)
        if not recovery.may_create(path, default_db_path(), ask=quit_after is None):
            return 1
        if not recovery.check_before_open(path):
            return 1
    store = open_store_interactively(target, files_dir, readonly)
    if store is None:
        return 1
    from rectdesk.ui.main_window import MainWindow

    context = AppContext(store=store, target=target, files_dir=files_dir)
    window = MainWindow(context, watch=True)
    safety = recovery.SafetyHooks(context, lambda: MainWindow(context, watch=True))
    safety.attach(window)
    window.show()
    if quit_after is not None:
        QTimer.singleShot(quit_after, window.close)
    else:
        QTimer.singleShot(0, safety.start)

        def greet() -> None:
            if earlier:  # first say that the last run crashed, then welcome and remind
                earlier_end_box(window, earlier).exec()
            window.first_run()

        QTimer.singleShot(0, greet)
    try:
        return app.exec()
    finally:
        safety.shutdown()
        context.store.close()  # after a restore, the store reopened in its place
