"""The dialogs' list models: Qt's model checks pass and cells show what their rows hold."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from rectdesk.ui.audit_dialog import AuditModel


def test_audit_model_passes_the_model_tester(qtmodeltester: Any) -> None:
    model = AuditModel()
    model.set_rows(
        [
            ["1", "2026-11-25 09:00", "王", "3", "update", "status", "pending", "in_progress"],
            ["2", "2026-11-25 09:01", "王", "3", "ledger", "progress", "", "已召开  专题会\n议"],
        ]
    )
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and model.columnCount() == 8
    assert model.headerData(0, Qt.Orientation.Horizontal) == "序号"
    # Whitespace and line breaks are folded for the table; the tooltip keeps the text.
    assert model.data(model.index(1, 7)) == "已召开 专题会 议"
    assert model.data(model.index(1, 7), Qt.ItemDataRole.ToolTipRole) == "已召开  专题会\n议"
    assert model.data(model.index(5, 0)) is None
