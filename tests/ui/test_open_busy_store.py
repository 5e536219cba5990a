"""Opening a store the window may not write: it says why, whatever the reason, and offers
reading only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from rectdesk.app import application
from rectdesk.domain.errors import StoreLockedError
from rectdesk.services.ledger import open_ledger

FOLDER = "数据文件所在的文件夹不能写入（只读或没有权限），只能以只读方式查看。"
OTHER = "这个数据文件正由另一个 RectDesk 程序（窗口或命令行）写入。"


@pytest.mark.parametrize("reason", [FOLDER, OTHER])
@pytest.mark.parametrize("choice", ["以只读方式打开", "不打开"])
def test_the_reason_is_said_and_reading_offered(
    qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reason: str, choice: str
) -> None:
    path = tmp_path / "台账.sqlite3"
    open_ledger(path).close()
    real = application.open_ledger

    def refuse_writing(target: Path, **kwargs: Any) -> Any:
        if not kwargs.get("readonly"):
            raise StoreLockedError(reason)
        return real(target, **kwargs)

    shown: list[str] = []

    def answer(box: QMessageBox) -> int:
        shown.append(box.text())
        wanted = next(b for b in box.buttons() if b.text() == choice)
        wanted.click()
        return 0

    monkeypatch.setattr(application, "open_ledger", refuse_writing)
    monkeypatch.setattr(QMessageBox, "exec", answer)
    store = application.open_store_interactively(path)
    assert len(shown) == 1 and reason in shown[0] and str(path) in shown[0]
    assert "另一个 RectDesk 窗口" not in shown[0]  # no guess at a reason it does not know
    if choice == "不打开":
        assert store is None
    else:
        assert store is not None and store.readonly
        store.close()
