"""The unexpected-error dialog: the report can be copied and the program keeps running."""

from __future__ import annotations

import sqlite3
import sys
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from rectdesk.app import application


def test_report_is_copyable_and_the_dialog_stays(qtbot: Any) -> None:
    box = application.crash_box(None, "Traceback: ValueError: 坏了")
    qtbot.addWidget(box)
    box.show()
    copy = next(b for b in box.buttons() if b.text() == "复制报告")
    copy.click()
    assert QApplication.clipboard().text() == "Traceback: ValueError: 坏了"
    assert box.isVisible()
    assert box.detailedText() == "Traceback: ValueError: 坏了"


def test_hook_logs_and_returns(monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.detailedText()) or 0)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    application.install_crash_hook()
    try:
        raise RuntimeError("意外")
    except RuntimeError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    # The report is sent to support: a foreign exception's message keeps only ASCII words.
    assert len(shown) == 1 and "RuntimeError: …" in shown[0] and "意外" not in shown[0]


def test_a_lost_drive_is_a_plain_message_not_a_crash_report(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    warnings: list[str] = []
    reports: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: reports.append(self.detailedText()) or 0)
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, _title, text, *_a: warnings.append(text) or 0
    )
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    application.install_crash_hook()
    error = sqlite3.OperationalError("disk I/O error")
    sys.excepthook(type(error), error, None)
    assert reports == []
    assert len(warnings) == 1 and "U 盘" in warnings[0]
