"""File choosers remember the last folder of each purpose, apart from the others."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog

from rectdesk.ui import file_dialogs


@pytest.fixture
def qsettings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


def test_each_purpose_starts_where_its_last_file_was(
    qapp: Any, tmp_path: Path, qsettings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    tables, reports = tmp_path / "下发表格", tmp_path / "报表"
    tables.mkdir()
    reports.mkdir()
    started: list[str] = []
    answers = iter([str(tables / "清单.xlsx"), "", str(reports / "台账.pdf")])

    def dialog(_parent: Any, _title: str, start: str, _filters: str) -> tuple[str, str]:
        started.append(start)
        return next(answers), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", dialog)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    first = file_dialogs.open_file(None, "import", "选择表格", "*.xlsx", qsettings)
    assert first == str(tables / "清单.xlsx")
    assert file_dialogs.open_file(None, "import", "选择表格", "*.xlsx", qsettings) == ""
    assert started[1] == str(tables)  # a cancel does not forget the folder
    saved = file_dialogs.save_file(None, "report", "保存", "台账.pdf", "*.pdf", qsettings)
    assert saved == str(reports / "台账.pdf")
    assert started[2] != str(tables)  # another purpose keeps its own folder
    assert started[2].endswith("台账.pdf")
    assert file_dialogs.last_folder("report", qsettings) == str(reports)
    assert file_dialogs.last_folder("import", qsettings) == str(tables)


def test_a_folder_that_went_away_falls_back_to_documents(
    tmp_path: Path, qsettings: QSettings
) -> None:
    gone = tmp_path / "U盘"
    gone.mkdir()
    file_dialogs.remember("backup", str(gone), qsettings)
    assert file_dialogs.last_folder("backup", qsettings) == str(gone)
    gone.rmdir()
    assert file_dialogs.last_folder("backup", qsettings) != str(gone)
