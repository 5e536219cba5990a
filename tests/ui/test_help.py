"""The 使用说明: offline pages in both languages, every picture present, reachable with F1."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QTextDocument

from rectdesk.services.context import AppContext
from rectdesk.store import Store
from rectdesk.ui.help_dialog import LANGUAGES, HelpDialog, help_folder
from rectdesk.ui.main_window import MainWindow
from rectdesk.ui.tasks import TaskRunner

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
#: What a clerk must find in the help (the issue's list), as anchors of every language.
SECTIONS = ("cycle", "lights", "print", "usb", "damaged", "crash", "keys")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.images: list[str] = []
        self.links: list[str] = []
        self.anchors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "img" and found.get("src"):
            self.images.append(str(found["src"]))
        if tag == "a" and found.get("href"):
            self.links.append(str(found["href"]))
        if tag == "a" and found.get("name"):
            self.anchors.append(str(found["name"]))


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_are_complete_and_offline(language: str) -> None:
    page = help_folder(language) / "index.html"
    parsed = _Links()
    parsed.feed(page.read_text("utf-8"))
    assert set(SECTIONS) <= set(parsed.anchors)
    assert len(parsed.images) >= 3  # main window, wizard, overview
    for source in parsed.images:
        assert (page.parent / source).resolve().is_file(), source
        assert f"-{'zh' if language == 'zh_CN' else 'en'}.png" in source  # its own language
    for link in parsed.links:
        assert link.startswith("#") and link[1:] in parsed.anchors, link  # nothing online
    if language == "en":
        assert not HAN.findall(page.read_text("utf-8"))


def test_the_dialog_shows_chinese_first_then_english(qtbot: Any) -> None:
    dialog = HelpDialog(None, "zh_CN")
    qtbot.addWidget(dialog)
    dialog.show()
    text = dialog.browser.toPlainText()
    assert "一年的工作" in text and "备份到 U 盘" in text and "数据文件已损坏" in text
    document = dialog.browser.document()
    for name in ("main-1366-zh.png", "wizard-1366-zh.png", "dashboard-1366-zh.png"):
        url = QUrl.fromLocalFile(str(help_folder("zh_CN").parent.parent / "screenshots" / name))
        image = document.resource(QTextDocument.ResourceType.ImageResource, url)
        assert image is not None and not image.isNull(), name
    assert dialog.other.text() == "English"
    dialog.other.click()
    english = dialog.browser.toPlainText()
    assert "The year's work" in english and not HAN.findall(english)
    assert dialog.other.text() == "中文"
    assert not dialog.browser.openExternalLinks()


def test_f1_opens_the_help(qtbot: Any, demo_store: Store, db_path: Path, tmp_path: Path) -> None:
    qsettings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(
        AppContext(demo_store, db_path), qsettings=qsettings, runner=TaskRunner(synchronous=True)
    )
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()  # shortcuts reach the active window only
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert window.help_dialog is not None and window.help_dialog.isVisible()
    assert "使用说明" in [a.text() for a in window.menuBar().actions()[-1].menu().actions()]
