"""The 督办 menu and the item's supervision and proposal pages in the main window."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from supkit import TODAY

from rectdesk.services.context import AppContext
from rectdesk.store import Store
from rectdesk.ui.main_window import MainWindow
from rectdesk.ui.tasks import TaskRunner


@pytest.fixture
def context(store: Store) -> AppContext:
    assert store.path is not None
    return AppContext(store=store, target=store.path, today=lambda: TODAY)


def test_the_window_has_the_supervision_menu(
    qtbot: Any, context: AppContext, tmp_path: Path
) -> None:
    qsettings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(context, qsettings=qsettings, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    menus = [a.text() for a in window.menuBar().actions()]
    assert "督办(&S)" in menus
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "督办(&S)")
    names = [a.text() for a in menu.actions() if a.text()]  # type: ignore[union-attr]
    for expected in ("生成督办/预警函…", "督办登记簿…", "销号审核…", "生成销号材料汇编…",
                     "佐证材料复用检查…", "建议提案年度统计…", "销号须经审核"):  # fmt: skip
        assert expected in names
    tabs = [window.detail.tabs.tabText(i) for i in range(window.detail.tabs.count())]
    assert "督办" in tabs and "提案" in tabs


def test_dashboard_shows_overdue_replies(qtbot: Any, context: AppContext, tmp_path: Path) -> None:
    import datetime as dt

    from rectdesk.domain.lights import LightRules
    from rectdesk.services import letters
    from rectdesk.services.dashboard import build_dashboard
    from rectdesk.ui.dashboard import DashboardPage

    store = context.store
    issued = letters.issue(store, letters.overdue_items(store, TODAY), today=TODAY,
                           output_dir=tmp_path)  # fmt: skip
    later = TODAY + dt.timedelta(days=20)
    board = build_dashboard(store, today=later, rules=LightRules())
    assert [x.number for x in board.overdue_replies] == [issued[0].letter.number]
    context.today = lambda: later
    page = DashboardPage(context)
    qtbot.addWidget(page)
    page.refresh()
    assert "督办函逾期未复 1 份" in page.replies.text() and "〔2026〕1号" in page.replies.text()
    letters.reply(store, issued[0].letter.number, on=later)
    page.refresh()
    assert page.replies.isHidden()


def test_menu_checks_reuse_and_makes_a_binder_on_the_worker(
    qtbot: Any, context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox
    from supkit import photo

    from rectdesk.ui import file_dialogs, supervision_menu

    store = context.store
    ids = [i.id for i in store.items()]
    picture = photo(tmp_path / "现场.jpg", 9)
    store.add_attachment(ids[0], picture)
    store.add_attachment(ids[4], picture)
    qsettings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(context, qsettings=qsettings, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    shown: list[str] = []

    def read(dialog: supervision_menu.TextDialog) -> int:
        shown.append(dialog.view.toPlainText())
        return 0

    monkeypatch.setattr(supervision_menu.TextDialog, "exec", read)
    texts: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: texts.append(str(a[2])) or 0)
    supervision_menu.check_reuse(window)
    assert len(shown) == 1 and "同一文件：现场.jpg" in shown[0]
    target = tmp_path / "汇编.pdf"
    monkeypatch.setattr(file_dialogs, "save_file", lambda *a, **k: str(target))
    monkeypatch.setattr(window, "selected_ids", lambda: [ids[0], ids[4]])
    supervision_menu.make_binder(window)
    assert target.is_file()
    assert texts and "事项2条" in texts[-1] and "复用提示" in texts[-1]
