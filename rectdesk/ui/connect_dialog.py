"""连接服务器: open the office's shared ledger on its PostgreSQL server, or go back to the file.

The clerk types the server, port, database and user name (or pastes a whole address); 测试连接
tries it read-only and says what it found. Passwords are never kept by RectDesk: libpq reads them
from its own password file, whose place the dialog names. The choice is remembered on this PC
(QSettings) and used at the next start when no --db or RECTDESK_DB says otherwise.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from urllib.parse import quote, urlsplit

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from rectdesk.domain.errors import UserError
from rectdesk.services import ledger
from rectdesk.ui import file_dialogs

#: QSettings keys of the remembered server ledger.
SERVER_KEY = "ledger/server"
FILES_KEY = "ledger/files"
READONLY_KEY = "ledger/readonly"
DEFAULT_PORT = 5432


def remembered(qsettings: QSettings | None = None) -> tuple[str, Path | None]:
    """The server address and evidence folder chosen on this PC ("" when none)."""
    settings = qsettings if qsettings is not None else QSettings()
    server = str(settings.value(SERVER_KEY, "") or "")
    files = str(settings.value(FILES_KEY, "") or "")
    return server, (Path(files) if files else None)


def remembered_readonly(qsettings: QSettings | None = None) -> bool:
    """Whether the server chosen on this PC is opened read-only (a leader's PC)."""
    settings = qsettings if qsettings is not None else QSettings()
    return str(settings.value(READONLY_KEY, "false")).lower() in ("true", "1")


def remember(
    server: str, files: Path | None, qsettings: QSettings | None = None, readonly: bool = False
) -> None:
    """Keep the choice for the next start ("" forgets the server: the file is used again)."""
    settings = qsettings if qsettings is not None else QSettings()
    settings.setValue(SERVER_KEY, server)
    settings.setValue(FILES_KEY, str(files) if files else "")
    settings.setValue(READONLY_KEY, "true" if server and readonly else "false")
    settings.sync()


def password_file() -> Path:
    """Where libpq looks for passwords on this PC (PGPASSFILE wins)."""
    named = os.environ.get("PGPASSFILE")
    if named:
        return Path(named)
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", "")) / "postgresql" / "pgpass.conf"
    return Path.home() / ".pgpass"


def build_address(host: str, port: int, database: str, user: str) -> str:
    """A libpq address from the form (never with a password)."""
    host = host.strip()
    if host.startswith("/"):  # a socket folder on this machine
        return f"postgresql://{quote(user.strip())}@/{quote(database.strip())}?host={quote(host)}"
    shown = f"[{host}]" if ":" in host else host
    return f"postgresql://{quote(user.strip())}@{shown}:{port}/{quote(database.strip())}"


class ConnectDialog(QDialog):
    """Where the ledger is kept: the office's server, or this PC's file."""

    def __init__(
        self,
        current: str = "",
        files: Path | None = None,
        parent: QWidget | None = None,
        readonly: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("连接台账服务器"))
        self.setMinimumWidth(520)
        #: The address chosen ("" = use this PC's data file), set on accept.
        self.chosen = ""
        self.chosen_files: Path | None = None
        self.chosen_readonly = False

        intro = QLabel(
            self.tr(
                "几位同事共用一本台账时，台账放在单位内网的 PostgreSQL 服务器上。"
                "请填写管理员告诉您的服务器地址、数据库名和用户名。"
            ),
            self,
        )
        intro.setWordWrap(True)
        self.host = QLineEdit(self)
        self.host.setPlaceholderText(self.tr("例如 192.168.1.10"))
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        # Five digits at most: a port box as wide as the address looked like a text field.
        port_row = QHBoxLayout()
        port_row.addWidget(self.port)
        port_row.addStretch(1)
        self.database = QLineEdit(self)
        self.database.setPlaceholderText(self.tr("例如 rectdesk"))
        self.user = QLineEdit(self)
        self.files = QLineEdit(self)
        self.files.setPlaceholderText(self.tr("各台电脑都能打开的共享文件夹"))
        browse = QPushButton(self.tr("浏览…"), self)
        browse.clicked.connect(self._browse)
        files_row = QHBoxLayout()
        files_row.addWidget(self.files, 1)
        files_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("服务器："), self.host)
        form.addRow(self.tr("端口："), port_row)
        form.addRow(self.tr("数据库名："), self.database)
        form.addRow(self.tr("用户名："), self.user)
        form.addRow(self.tr("佐证材料文件夹："), files_row)
        self.readonly = QCheckBox(self.tr("只读连接：只查看和打印，不修改（供领导使用）"), self)
        self.readonly.setChecked(readonly)
        form.addRow("", self.readonly)
        # The file's path on a line of its own: wrapped inside a sentence it broke at a "/".
        secret = QLabel(
            self.tr(
                "RectDesk 不保存密码。需要密码时，请把它写在 PostgreSQL 的密码文件里"
                "（每行“服务器:端口:数据库名:用户名:密码”）："
            )
            + "\n"
            + str(password_file()),
            self,
        )
        secret.setWordWrap(True)
        secret.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label = QLabel(self)
        self.result_label.setVisible(False)  # no blank gap before the first test
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.test_button = QPushButton(self.tr("测试连接"), self)
        self.test_button.clicked.connect(self.test_connection)
        self.local_button = QPushButton(self.tr("改用本机数据文件"), self)
        self.local_button.clicked.connect(self.use_local_file)
        self.local_button.setVisible(bool(current))
        buttons = QDialogButtonBox(self)
        self.connect_button = buttons.addButton(
            self.tr("连接"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.test_button)
        row.addWidget(self.local_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(secret)
        layout.addWidget(self.result_label)
        layout.addLayout(row)
        self._fill(current, files)

    def _fill(self, address: str, files: Path | None) -> None:
        if address:
            parts = urlsplit(address)
            self.host.setText(parts.hostname or "")
            self.port.setValue(parts.port or DEFAULT_PORT)
            self.database.setText(parts.path.lstrip("/"))
            self.user.setText(parts.username or "")
        if files is not None:
            self.files.setText(str(files))

    def _browse(self) -> None:
        title = self.tr("选择佐证材料共享文件夹")
        chosen = file_dialogs.choose_folder(self, "server_files", title)
        if chosen:
            self.files.setText(chosen)

    def address(self) -> str:
        """The address the form describes; UserError when something needed is empty."""
        missing = [
            label for label, edit in ((self.tr("服务器"), self.host),
                                      (self.tr("数据库名"), self.database),
                                      (self.tr("用户名"), self.user)) if not edit.text().strip()
        ]  # fmt: skip
        if missing:
            raise UserError(self.tr("请填写：{0}。").format(self.tr("、").join(missing)))
        return build_address(
            self.host.text(), self.port.value(), self.database.text(), self.user.text()
        )

    def files_folder(self) -> Path | None:
        text = self.files.text().strip()
        return Path(text).expanduser() if text else None

    def test_connection(self) -> bool:
        """Try the server read-only and say what was found; True when it answered."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            message = ledger.try_server(self.address(), files_dir=self.files_folder())
        except UserError as exc:
            self.result_label.setText(exc.message)
            self.result_label.setStyleSheet("color: #a01010;")
            self.result_label.setVisible(True)
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.result_label.setVisible(True)
        self.result_label.setText(message)
        self.result_label.setStyleSheet("color: #106010;")
        return True

    def use_local_file(self) -> None:
        """Forget the server: the next opening uses this PC's data file."""
        self.chosen, self.chosen_files, self.chosen_readonly = "", None, False
        super().accept()

    def accept(self) -> None:
        if not self.test_connection():
            return
        self.chosen, self.chosen_files = self.address(), self.files_folder()
        self.chosen_readonly = self.readonly.isChecked()
        super().accept()
