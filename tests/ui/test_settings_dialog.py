"""The settings dialog: saved in the store (and language in QSettings), read-only respected."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from rectdesk.services import settings
from rectdesk.services.context import AppContext
from rectdesk.store import Store
from rectdesk.ui.settings_dialog import LANGUAGE_KEY, SettingsDialog


@pytest.fixture
def qsettings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


def test_values_are_saved(qtbot: Any, store: Store, db_path: Path, qsettings: QSettings) -> None:
    dialog = SettingsDialog(AppContext(store, db_path), qsettings)
    qtbot.addWidget(dialog)
    assert dialog.warn_days.value() == 10
    dialog.unit_name.setText("  龙胜县卫生健康局 ")
    dialog.clerk_name.setText("李明")
    dialog.clerk_phone.setText("0773-7512345")
    dialog.warn_days.setValue(3)
    dialog.stale_days.setValue(60)
    dialog.remind.setChecked(False)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.accept()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert settings.get(store, "unit_name") == "龙胜县卫生健康局"
    assert settings.get(store, "clerk_name") == "李明"
    assert settings.light_rules(store).warn_days == 3
    assert settings.get(store, "stale_days") == 60
    assert settings.get(store, "remind_at_start") is False
    assert qsettings.value(LANGUAGE_KEY) == "en"
    again = SettingsDialog(AppContext(store, db_path), qsettings)
    qtbot.addWidget(again)
    assert again.language.currentData() == "en"
    assert again.unit_name.text() == "龙胜县卫生健康局"


def test_read_only_store_fields_are_locked(
    qtbot: Any, demo_store: Store, db_path: Path, qsettings: QSettings
) -> None:
    demo_store.close()
    readonly = Store.open(db_path, readonly=True)
    try:
        dialog = SettingsDialog(AppContext(readonly, db_path), qsettings)
        qtbot.addWidget(dialog)
        assert not dialog.warn_days.isEnabled()
        assert dialog.language.isEnabled()
        dialog.accept()
        assert dialog.result() == SettingsDialog.DialogCode.Accepted
    finally:
        readonly.close()
