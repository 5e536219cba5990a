"""Backups in the window: list them, back up now or to a chosen folder, restore one."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rectdesk.domain.errors import UserError
from rectdesk.services import backup as backups
from rectdesk.services import settings
from rectdesk.services.backup import BackupInfo, list_backups
from rectdesk.services.context import AppContext
from rectdesk.services.ledger import open_ledger
from rectdesk.ui import file_dialogs
from rectdesk.ui.labels import tr_label
from rectdesk.ui.list_model import ListTableModel
from rectdesk.ui.tasks import Progress, TaskRunner

log = logging.getLogger(__name__)


class BackupListModel(ListTableModel):
    """Backups, newest first: time, reason, items, size, verified."""

    TIME, REASON, ITEMS, SIZE, STATE = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__((self.tr("时间"), self.tr("类型"), self.tr("事项数"), self.tr("大小"),
                          self.tr("状态")), parent)  # fmt: skip

    @property
    def backups(self) -> list[BackupInfo]:
        return self.rows

    def set_backups(self, found: list[BackupInfo]) -> None:
        """Show a new list."""
        self.set_rows(found)

    def cell(self, info: BackupInfo, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TIME:
                return f"{info.created_at:%Y-%m-%d %H:%M:%S}"
            if column == self.REASON:
                return tr_label(backups.reason_label(info.reason))
            if column == self.ITEMS:
                return "" if info.items is None else str(info.items)
            if column == self.SIZE:
                return backups.format_size(info.size)
            if column == self.STATE:
                return self.tr("已验证") if info.verified else self.tr("未通过验证")
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(info.path) + (f"\n{info.problem}" if info.problem else "")
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.ITEMS, self.SIZE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class BackupSettingsBox(QGroupBox):
    """The backup settings: daily backup on or off, rotation, the automatic folder."""

    saved = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("自动备份设置"))
        self.context = context
        store = context.store
        self.daily = QCheckBox(self.tr("每天首次启动时自动备份"), self)
        self.daily.setChecked(bool(settings.get(store, "backup_daily")))
        self.days = QSpinBox(self)
        self.days.setRange(1, 366)
        self.days.setSuffix(self.tr(" 天"))
        self.days.setValue(int(settings.get(store, "backup_daily_days")))
        self.weeks = QSpinBox(self)
        self.weeks.setRange(0, 104)
        self.weeks.setSuffix(self.tr(" 周"))
        self.weeks.setValue(int(settings.get(store, "backup_weekly_weeks")))
        self.folder = QLineEdit(str(settings.get(store, "backup_folder")), self)
        self.folder.setPlaceholderText(self.tr("留空：数据文件旁的 backups 文件夹"))
        choose = QPushButton(self.tr("选择…"), self)
        choose.clicked.connect(self._choose)
        self.save_button = QPushButton(self.tr("保存设置"), self)
        self.save_button.clicked.connect(self.save)

        form = QFormLayout(self)
        form.addRow(self.daily)
        form.addRow(self.tr("每日备份保留："), self.days)
        form.addRow(self.tr("每周备份保留："), self.weeks)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(choose)
        form.addRow(self.tr("自动备份文件夹："), folder_row)
        form.addRow(self.save_button)
        self.setEnabled(not context.readonly)

    def _choose(self) -> None:
        chosen = file_dialogs.choose_folder(self, "backup", self.tr("选择自动备份文件夹"))
        if chosen:
            self.folder.setText(chosen)

    def save(self) -> None:
        """Store the values (each checked by the settings declaration)."""
        store = self.context.store
        folder = self.folder.text().strip()
        if folder and not Path(folder).expanduser().is_absolute():
            # A bare name would mean "beside wherever the program was started from".
            QMessageBox.warning(
                self, self.tr("设置未保存"),
                self.tr("“自动备份文件夹”要写完整的位置，如 D:\\备份 或 /media/U盘/备份；"
                        "也可以点“选择…”找到它。留空则备份在数据文件旁。"),
            )  # fmt: skip
            return
        values = {
            "backup_daily": self.daily.isChecked(),
            "backup_daily_days": self.days.value(),
            "backup_weekly_weeks": self.weeks.value(),
            "backup_folder": self.folder.text().strip(),
        }
        for key, value in values.items():
            if settings.get(store, key) != value:
                settings.put(store, key, value)
        self.saved.emit()


class BackupDialog(QDialog):
    """Back up now, back up to a USB stick, restore a backup (the open store is reopened)."""

    store_replaced = Signal()

    def __init__(
        self, context: AppContext, parent: QWidget | None = None, runner: TaskRunner | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.runner = runner or TaskRunner(self)
        self.replaced_message = ""
        self.setWindowTitle(self.tr("备份与恢复"))
        self.resize(760, 600)

        self.folder_label = QLabel(self)
        self.folder_label.setWordWrap(True)
        self.model = BackupListModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())

        self.backup_button = QPushButton(self.tr("立即备份"), self)
        self.backup_button.clicked.connect(self.back_up_now)
        self.external_button = QPushButton(self.tr("备份到指定文件夹（如 U 盘）…"), self)
        self.external_button.clicked.connect(self.back_up_to_folder)
        self.restore_button = QPushButton(self.tr("用所选备份恢复…"), self)
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_other_button = QPushButton(self.tr("从其他位置恢复…"), self)
        self.restore_other_button.clicked.connect(self.restore_from_folder)
        self.status = QLabel(self)
        self.status.setWordWrap(True)

        buttons = QHBoxLayout()
        for button in (self.backup_button, self.external_button, self.restore_button,
                       self.restore_other_button):  # fmt: skip
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.folder_label)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.settings_box = BackupSettingsBox(context, self)
        self.settings_box.saved.connect(self._settings_saved)
        layout.addWidget(self.settings_box)
        layout.addWidget(close)

        if context.readonly:
            for button in (self.restore_button, self.restore_other_button):
                button.setEnabled(False)
                button.setToolTip(self.tr("只读方式打开时不能恢复。"))
        self.refresh()

    # -- what the clerk sees ------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the backup folder."""
        store = self.context.store
        try:
            folder = backups.backup_folder(store)
            found = backups.store_backups(store)
        except UserError as exc:
            self.folder_label.setText(exc.message)
            self.model.set_backups([])
            return
        self.folder_label.setText(
            self.tr("自动备份位置：{0}\n每天首次启动和每次导入前自动备份；每日备份保留 {1} 天，"
                    "每周备份保留 {2} 周。恢复前会先另存当前数据。").format(
                folder, settings.get(store, "backup_daily_days"),
                settings.get(store, "backup_weekly_weeks"),
            )
        )  # fmt: skip
        self.model.set_backups(found)
        if found:
            self.table.selectRow(0)

    def _settings_saved(self) -> None:
        self.status.setText(self.tr("设置已保存。"))
        self.refresh()

    def selected_backup(self) -> BackupInfo | None:
        """The backup chosen in the list."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.backups[rows[0].row()]

    # -- backing up ---------------------------------------------------------------------------

    def back_up_now(self) -> None:
        """A verified backup in the automatic folder (in the background)."""
        self._start(backups.plan_backup(self.context.store, reason="manual"))

    def back_up_to_folder(self) -> None:
        """A verified full copy in a folder the clerk picks."""
        chosen = self.choose_folder(self.tr("选择备份保存的文件夹（如 U 盘）"))
        if chosen:
            self._start(backups.plan_backup(self.context.store, folder=Path(chosen)))

    def _start(self, plan: backups.BackupPlan) -> None:
        self._set_busy(True)
        label = self.tr("正在备份并检查备份…")
        self.status.setText(label)

        def work(progress: Progress) -> BackupInfo:
            return plan.run(lambda done, total: progress.report(done, total, label))

        def done(info: BackupInfo) -> None:
            if plan.link_files:  # the automatic folder: keep it to the rotation settings
                backups.rotate_store_backups(self.context.store)
            self._set_busy(False)
            self.status.setText(self.tr("备份完成并已通过检查：{0}").format(info.path))
            self.refresh()

        def failed(exc: BaseException) -> None:
            self._set_busy(False)
            if not isinstance(exc, UserError):
                raise exc
            log.info("backup failed: %s (%s)", exc.message, exc.detail)
            self.show_error(exc.message)

        def cancelled() -> None:
            self._set_busy(False)
            self.status.setText(self.tr("已取消备份，原有数据和旧备份均未改动。"))

        self.runner.run(work, done, on_error=failed, on_cancel=cancelled,
                        title=self.tr("正在备份"), parent=self)  # fmt: skip

    def _set_busy(self, busy: bool) -> None:
        for button in (self.backup_button, self.external_button):
            button.setEnabled(not busy)
        for button in (self.restore_button, self.restore_other_button):
            button.setEnabled(not busy and not self.context.readonly)

    def reject(self) -> None:
        """Closing waits for a running backup (it is never left half-done)."""
        if self.runner.busy:
            self.status.setText(self.tr("正在备份，请等备份完成后再关闭。"))
            return
        super().reject()

    def choose_folder(self, title: str) -> str:
        """Ask for a folder (tests replace this)."""
        return file_dialogs.choose_folder(self, "backup_copy", title)

    # -- restoring ----------------------------------------------------------------------------

    def restore_selected(self) -> None:
        """Restore the backup selected in the list."""
        info = self.selected_backup()
        if info is None:
            self.status.setText(self.tr("请先在列表中选择一个备份。"))
            return
        self.restore(info.path)

    def restore_from_folder(self) -> None:
        """Restore a backup from elsewhere (a USB stick)."""
        chosen = self.choose_folder(self.tr("选择要恢复的备份文件夹"))
        if chosen:
            self.restore(Path(chosen))

    def restore(self, backup: Path) -> bool:
        """Ask, close the store, restore, reopen; the open store is replaced on success."""
        if self.context.readonly or self.runner.busy:
            return False
        found = list_backups(backup.parent, self.context.db_path.stem)
        info = next((b for b in found if b.path == backup), None)
        when = f"{info.created_at:%Y年%m月%d日 %H:%M}" if info else backup.name
        if not self.confirm(
            self.tr("确认恢复"),
            self.tr("将用 {0} 的备份替换当前数据，之后所做的修改将不再显示。\n"
                    "当前数据会先另存一份，可以再恢复回来。\n\n确定恢复吗？").format(when),
        ):  # fmt: skip
            return False
        outcome = self._busy(lambda: restore_open_store(self.context, backup))
        if outcome is None:
            return False
        self.replaced_message = self.tr("已从备份恢复。恢复前的数据已另存到：{0}").format(outcome)
        self.status.setText(self.replaced_message)
        self.refresh()
        self.store_replaced.emit()
        # The window rebuilds itself on the restored store once this dialog has closed.
        self.accept()
        return True

    def confirm(self, title: str, text: str) -> bool:
        """A yes/no question (tests replace this)."""
        answer = QMessageBox.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def show_error(self, message: str) -> None:
        """A plain message for a failure the clerk can act on."""
        self.status.setText(message)
        QMessageBox.warning(self, self.tr("提示"), message)

    def _busy(self, work: Callable[[], Any]) -> Any:
        failure: UserError | None = None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return work()
        except UserError as exc:
            failure = exc
        finally:
            QGuiApplication.restoreOverrideCursor()
        assert failure is not None
        log.info("backup dialog: %s (%s)", failure.message, failure.detail)
        self.show_error(failure.message)
        return None


def restore_open_store(context: AppContext, backup: Path) -> Path:
    """Close the context's store, restore the backup over it, reopen it in the context.

    On failure the previous store is reopened, so the window keeps working on what it had.
    """
    path = context.db_path
    actor = context.actor()
    keep_in = backups.backup_folder(context.store)
    context.store.close()
    try:
        kept = backups.restore(path, backup, keep_in=keep_in, actor=actor)
    finally:
        context.store = open_ledger(path)
    return kept


def install_safety_menu(
    window: QMainWindow, context: AppContext, on_store_replaced: Callable[[str], None]
) -> None:
    """Add 备份与恢复 and 审计日志 to the window's menu bar.

    After a restore ``on_store_replaced`` gets the message to show; it should rebuild the
    window on ``context.store``, which now is the restored store.
    """
    bar = window.menuBar()
    menu = QMenu(QCoreApplication.translate("BackupDialog", "数据安全"), bar)
    # Before 帮助 when the window has one (the help menu stays last, as is usual).
    last = bar.actions()[-1] if bar.actions() else None
    if last is not None and last.text().replace("&", "").startswith(("帮助", "Help")):
        bar.insertMenu(last, menu)
    else:
        bar.addMenu(menu)
    backup = QAction(QCoreApplication.translate("BackupDialog", "备份与恢复…"), window)
    audit = QAction(QCoreApplication.translate("BackupDialog", "审计日志…"), window)
    menu.addAction(backup)
    menu.addAction(audit)
    if context.on_server:
        # A server ledger is not a file to copy: the server's dump is made with
        # rectdesk-cli backup, by whoever looks after the server.
        backup.setEnabled(False)
        backup.setToolTip(
            QCoreApplication.translate(
                "BackupDialog",
                "服务器上的台账由服务器备份：请管理员用“rectdesk-cli backup”"
                "或数据库自己的备份工具。",
            )
        )
        menu.setToolTipsVisible(True)

    def open_backups() -> None:
        dialog = BackupDialog(context, window)
        dialog.exec()
        if dialog.replaced_message:
            on_store_replaced(dialog.replaced_message)

    def open_audit() -> None:
        from rectdesk.ui.audit_dialog import AuditDialog

        AuditDialog(context, window).exec()

    backup.triggered.connect(open_backups)
    audit.triggered.connect(open_audit)
