"""Start-up safety: a damaged store is offered its newest good backup; risky locations warned."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rectdesk.domain.errors import UserError, localized
from rectdesk.fileio import remove_stale_parts
from rectdesk.services import backup as backups
from rectdesk.services.backup import BackupInfo, files_dir_of, read_info, verify_backup
from rectdesk.services.context import AppContext
from rectdesk.services.health import (
    BUSY_MESSAGE,
    StartupHealth,
    background_problems,
    check_problems_message,
    checked_in_background,
    startup_check,
)
from rectdesk.ui import file_dialogs
from rectdesk.ui.backup_dialog import install_safety_menu
from rectdesk.ui.tasks import TaskRunner

log = logging.getLogger(__name__)


class RecoveryDialog(QDialog):
    """The store failed its check: restore the newest good backup, pick another, or quit."""

    def __init__(self, health: StartupHealth, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.health = health
        self.chosen: Path | None = None
        if health.damaged:
            self.setWindowTitle(self.tr("数据文件已损坏"))
        else:
            self.setWindowTitle(self.tr("数据文件是空的"))
        self.resize(620, 360)

        message = QLabel(health.message(), self)
        message.setWordWrap(True)
        details = QPlainTextEdit(self)
        details.setReadOnly(True)
        details.setMaximumHeight(110)
        details.setPlainText(
            self.tr("数据文件：{0}\n检查结果：\n{1}").format(
                health.path, "\n".join(health.problems[:20])
            )
        )

        self.restore_button = QPushButton(self.tr("用最新的完好备份恢复"), self)
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(self._use_newest)
        self.restore_button.setEnabled(health.newest_good is not None)
        self.other_button = QPushButton(self.tr("选择其他备份…"), self)
        self.other_button.clicked.connect(self._choose_other)
        self.quit_button = QPushButton(self.tr("退出"), self)
        self.quit_button.clicked.connect(self.reject)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.error = QLabel(self)
        self.error.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addWidget(details)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _use_newest(self) -> None:
        if self.health.newest_good is not None:
            self.chosen = self.health.newest_good.path
            self.accept()

    def _choose_other(self) -> None:
        folder = self.choose_folder()
        if not folder:
            return
        path = Path(folder)
        problems = verify_backup(path)
        if problems:
            self.error.setText(
                self.tr("“{0}”不是完好的 RectDesk 备份，请选择另一个备份文件夹。").format(path)
            )
            return
        self.chosen = path
        self.accept()

    def choose_folder(self) -> str:
        """Ask for a backup folder (tests replace this)."""
        start = str(self.health.path.parent / "backups")
        return QFileDialog.getExistingDirectory(self, self.tr("选择备份文件夹"), start)


def may_create(
    db_path: Path, default: Path, *, ask: bool = True, parent: QWidget | None = None
) -> bool:
    """Whether the window may go on to open ``db_path``, making a new store if it is missing.

    The default store is made on the first start; a missing file named with --db or
    RECTDESK_DB may be a typing mistake, so the clerk is asked first (unless ``ask`` is off,
    as in an automatic test run of the window).
    """
    if db_path.exists() or not ask or db_path == default:
        return True
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("recovery", "数据文件不存在"),
        QCoreApplication.translate(
            "recovery",
            "数据文件“{0}”不存在。要在这里新建一个空的数据文件吗？"
            "如果是路径写错了，请选“否”，检查 --db 或 RECTDESK_DB 后重新打开。",
        ).format(db_path),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def check_before_open(db_path: Path, parent: QWidget | None = None) -> bool:
    """Warn about a risky location; on a damaged or emptied store offer a restore.

    False: do not open (the clerk quit, or the file is another program's). A store another
    RectDesk process is writing to is opened unchecked, never offered a restore.
    """
    # A very large store read from a cold disk takes seconds: show that something happens.
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        health = startup_check(db_path, defer_large=True)
    finally:
        QGuiApplication.restoreOverrideCursor()
    if health.location_warning:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("recovery", "数据文件位置提醒"),
            health.location_warning,
        )
    if health.refused:
        QMessageBox.critical(
            parent, QCoreApplication.translate("recovery", "无法打开数据文件"), health.refused
        )
        return False
    if health.notices:
        QMessageBox.information(
            parent,
            QCoreApplication.translate("recovery", "数据文件提示"),
            "\n\n".join(health.notices),
        )
    if health.busy:
        QMessageBox.information(
            parent,
            QCoreApplication.translate("recovery", "数据文件正在写入"),
            localized(BUSY_MESSAGE),
        )
        return True
    if not health.offers_restore:
        return True
    dialog = RecoveryDialog(health, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
        return False
    try:
        kept = backups.restore(db_path, dialog.chosen)
    except UserError as exc:
        log.error("restore at start failed: %s (%s)", exc.message, exc.detail)
        QMessageBox.critical(
            parent, QCoreApplication.translate("recovery", "恢复失败"), exc.message
        )
        return False
    info = read_info(dialog.chosen)
    if health.damaged:
        text = QCoreApplication.translate(
            "recovery", "已用 {0} 的备份恢复数据文件。损坏的文件已另存到：{1}"
        )
    else:
        text = QCoreApplication.translate(
            "recovery", "已用 {0} 的备份恢复数据文件。原来的空文件已另存到：{1}"
        )
    QMessageBox.information(
        parent,
        QCoreApplication.translate("recovery", "已恢复"),
        text.format(f"{info.created_at:%Y年%m月%d日 %H:%M}", kept),
    )
    return True


class SafetyHooks:
    """The window's backup menu, the daily backup, and a new window after a restore."""

    def __init__(
        self,
        context: AppContext,
        make_window: Callable[[], QMainWindow],
        runner: TaskRunner | None = None,
    ) -> None:
        self.context = context
        self.make_window = make_window
        self.window: QMainWindow | None = None
        self.runner = runner or TaskRunner()

    def attach(self, window: QMainWindow) -> None:
        """Give ``window`` the 数据安全 menu."""
        self.window = window
        install_safety_menu(window, self.context, self.store_replaced)

    def store_replaced(self, message: str) -> None:
        """A restore reopened the store: rebuild the window on it."""
        old = self.window
        window = self.make_window()
        self.attach(window)
        window.show()
        window.statusBar().showMessage(message)
        if old is not None:
            old.hide()
            old.deleteLater()

    def start(self) -> None:
        """After the window shows: leftovers of killed writes removed, a large store's check,
        then the day's first backup."""
        if self.context.on_server:
            return  # no file of its own to clean, check or copy: the server keeps it
        path = self.context.db_path
        removed = clean_leftover_parts(path)
        if removed:
            log.info("removed %d temporary files left by killed writes", len(removed))
        if not checked_in_background(path):
            self.start_of_day_backup()
            return
        self.runner.run(lambda progress: background_problems(path), self._checked,
                        on_error=self._failed)  # fmt: skip

    def _checked(self, problems: list[str]) -> None:
        if not problems:
            self.start_of_day_backup()
            return
        rows_only = check_problems_message(problems)
        if rows_only is not None:
            QMessageBox.critical(
                self.window, QCoreApplication.translate("recovery", "数据文件已损坏"), rows_only
            )
            return
        QMessageBox.critical(
            self.window,
            QCoreApplication.translate("recovery", "数据文件已损坏"),
            QCoreApplication.translate(
                "recovery",
                "检查发现数据文件已损坏。请不要再修改数据：打开“数据安全 → 备份与恢复”，"
                "选择最新的完好备份恢复（损坏的文件会另存一份）。",
            ),
        )

    def start_of_day_backup(self) -> bool:
        """The first start of each day backs up in the background; True when one started."""
        store = self.context.store
        try:
            if not backups.daily_backup_due(store, self.context.today()):
                return False
            plan = backups.plan_backup(store, reason="daily")
        except UserError as exc:
            self._failed(exc)
            return False
        self.runner.run(lambda progress: plan.run(lambda d, t: progress.check()),
                        self._done, on_error=self._failed)  # fmt: skip
        return True

    def _done(self, info: BackupInfo) -> None:
        backups.rotate_store_backups(self.context.store)
        if self.window is not None:
            text = QCoreApplication.translate("recovery", "今日自动备份已完成（{0}）。")
            self.window.statusBar().showMessage(text.format(backups.format_size(info.size)), 10_000)

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, UserError):
            raise exc
        log.warning("daily backup failed: %s (%s)", exc.message, exc.detail)
        QMessageBox.warning(
            self.window, QCoreApplication.translate("recovery", "今日自动备份未完成"), exc.message
        )

    def shutdown(self) -> None:
        """On quitting: stop a running backup (it leaves nothing half-done) and wait for it."""
        self.runner.wait(30_000)


def clean_leftover_parts(db_path: Path, qsettings: QSettings | None = None) -> list[Path]:
    """Temporary files of killed exports and copies: beside the store, in its evidence
    folder, and in every folder the clerk last saved or opened something in."""
    evidence = files_dir_of(db_path)
    folders = [db_path.parent, evidence, evidence / "sources"]
    settings = qsettings if qsettings is not None else QSettings()
    settings.beginGroup(file_dialogs.GROUP)
    try:
        folders += [Path(str(settings.value(key))) for key in settings.childKeys()]
    finally:
        settings.endGroup()
    removed: list[Path] = []
    for folder in dict.fromkeys(folders):
        removed += remove_stale_parts(folder)
    return removed
