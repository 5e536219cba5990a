"""The Qt steps of the smoke test (imported only by ``--smoke-test``, never by the CLI)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QSettings,
    QSize,
    QThreadPool,
    QTranslator,
)
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication

from rectdesk.app.application import install_translators, make_application
from rectdesk.domain.ledger import LedgerStore
from rectdesk.services.context import AppContext


class QtSmokeFailure(Exception):
    """A Qt part of the build is missing or broken."""


def application(folder: Path) -> QApplication:
    """The QApplication, with settings kept in ``folder`` instead of the clerk's profile."""
    if QApplication.instance() is None:
        # Only when the smoke test owns the process: setPath is global to it.
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    return make_application()


def check_translations(app: QApplication, ours: Path) -> None:
    """Qt's own Chinese strings are found, and every compiled translation of ours loads."""
    install_translators(app, "zh_CN")
    cancel = QCoreApplication.translate("QPlatformTheme", "Cancel")
    if cancel == "Cancel":
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        raise QtSmokeFailure(f"Qt 的中文翻译（qtbase_zh_CN.qm）没有找到：{qt_dir}")
    for compiled in sorted(ours.glob("*.qm")):
        translator = QTranslator()
        if not translator.load(str(compiled)):
            raise QtSmokeFailure(f"界面翻译文件无法载入：{compiled}")


def check_pdf(path: Path) -> int:
    """QtPdf opens the report and renders its first page; returns the page count."""
    document = QPdfDocument()
    error = document.load(str(path))
    if error != QPdfDocument.Error.None_ or document.pageCount() < 1:
        raise QtSmokeFailure(f"QtPdf 无法打开导出的 PDF（{error}）：{path}")
    image = document.render(0, QSize(210, 297))
    if image.isNull():
        raise QtSmokeFailure("QtPdf 无法绘制 PDF 的第一页")
    pages = document.pageCount()
    document.close()
    return pages


def check_main_window(store: LedgerStore, path: Path) -> None:
    """The main window builds over the sample data; it is never shown."""
    from rectdesk.ui.main_window import MainWindow

    window = MainWindow(AppContext(store=store, target=path))
    try:
        if window.model.rowCount() < 1:
            raise QtSmokeFailure("主窗口的事项表是空的")
    finally:
        QThreadPool.globalInstance().waitForDone(10_000)
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
