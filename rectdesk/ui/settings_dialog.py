"""The settings dialog: who reports, warning thresholds, reminder, language."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from rectdesk.domain.errors import UserError
from rectdesk.services import settings
from rectdesk.services.context import AppContext

#: Where the interface language is kept (read by app/application.py before the store opens).
LANGUAGE_KEY = "ui/language"
LANGUAGES = (("zh_CN", "简体中文"), ("en", "English"))


class SettingsDialog(QDialog):
    """Edit the ledger's settings; everything is saved together when the clerk presses OK."""

    def __init__(
        self, context: AppContext, qsettings: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._qsettings = qsettings
        self.setWindowTitle(self.tr("设置"))
        self.setMinimumWidth(460)
        store = context.store

        self.unit_name = QLineEdit(str(settings.get(store, "unit_name")), self)
        self.unit_name.setPlaceholderText(self.tr("如：××县卫生健康局"))
        self.clerk_name = QLineEdit(str(settings.get(store, "clerk_name")), self)
        self.clerk_phone = QLineEdit(str(settings.get(store, "clerk_phone")), self)
        self.warn_days = QSpinBox(self)
        self.warn_days.setRange(0, 365)
        self.warn_days.setSuffix(self.tr(" 天"))
        self.warn_days.setValue(int(settings.get(store, "warn_days")))
        self.stale_days = QSpinBox(self)
        self.stale_days.setRange(1, 3650)
        self.stale_days.setSuffix(self.tr(" 天"))
        self.stale_days.setValue(int(settings.get(store, "stale_days")))
        self.remind = QCheckBox(self.tr("启动时提醒逾期和临期事项"), self)
        self.remind.setChecked(bool(settings.get(store, "remind_at_start")))
        self.language = QComboBox(self)
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        current = str(qsettings.value(LANGUAGE_KEY, "zh_CN"))
        self.language.setCurrentIndex(max(0, self.language.findData(current)))

        form = QFormLayout()
        form.addRow(self.tr("填报单位："), self.unit_name)
        form.addRow(self.tr("填报人："), self.clerk_name)
        form.addRow(self.tr("联系电话："), self.clerk_phone)
        form.addRow(self.tr("临期提醒：到期前"), self.warn_days)
        form.addRow(self.tr("长期坚持事项久未更新："), self.stale_days)
        form.addRow("", self.remind)
        form.addRow(self.tr("界面语言："), self.language)
        note = QLabel(
            self.tr("界面语言在下次启动时生效。填报单位、填报人和联系电话用于报表落款。"), self
        )
        note.setWordWrap(True)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        if context.readonly:
            banner = QLabel(self.tr("只读方式打开：设置不能修改。"), self)
            banner.setObjectName("readonlyNote")
            layout.addWidget(banner)
            for widget in (self.unit_name, self.clerk_name, self.clerk_phone, self.warn_days,
                           self.stale_days, self.remind):  # fmt: skip
                widget.setEnabled(False)
        layout.addWidget(self.buttons)

    def values(self) -> dict[str, object]:
        """The ledger settings as entered."""
        return {
            "unit_name": self.unit_name.text().strip(),
            "clerk_name": self.clerk_name.text().strip(),
            "clerk_phone": self.clerk_phone.text().strip(),
            "warn_days": self.warn_days.value(),
            "stale_days": self.stale_days.value(),
            "remind_at_start": self.remind.isChecked(),
        }

    def save(self) -> None:
        """Store the settings in one transaction, and the language for the next start."""
        self._qsettings.setValue(LANGUAGE_KEY, self.language.currentData())
        self._qsettings.sync()
        if self._context.readonly:
            return
        settings.save(self._context.store, self.values())

    def accept(self) -> None:
        try:
            self.save()
        except UserError as exc:
            QMessageBox.warning(self, self.tr("设置未保存"), exc.message)
            return
        super().accept()
