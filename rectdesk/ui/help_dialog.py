"""The 使用说明 (help): HTML pages shipped with the program, read offline, Chinese and English."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QUrl
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from rectdesk.services.paths import resource_dir

#: The languages the help is written in, as folders of resources/help.
LANGUAGES = ("zh_CN", "en")


def help_folder(language: str) -> Path:
    """The folder of one language's pages."""
    return resource_dir() / "help" / language


def interface_language() -> str:
    """The help language that matches the interface (Chinese unless English was chosen)."""
    return "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"


class HelpDialog(QDialog):
    """A browser on the help pages; links between pages and to the other language work."""

    def __init__(self, parent: QWidget | None = None, language: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("使用说明"))
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.resize(900, 680)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)  # offline: nothing leaves the computer
        self.browser.setOpenLinks(True)
        self.other = QPushButton(self)
        self.other.clicked.connect(self._switch)
        close = QPushButton(self.tr("关闭"), self)
        close.clicked.connect(self.close)
        row = QHBoxLayout()
        row.addWidget(self.other)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addLayout(row)
        self.show_language(language or interface_language())

    def show_language(self, language: str) -> None:
        """Open the first page of the help in one language."""
        self.language = language if language in LANGUAGES else LANGUAGES[0]
        page = help_folder(self.language) / "index.html"
        self.browser.setSearchPaths([str(page.parent)])
        self.browser.setSource(QUrl.fromLocalFile(str(page)))
        # The switch names the other language in that language, so either reader finds it.
        self.other.setText("English" if self.language == "zh_CN" else "中文")

    def _switch(self) -> None:
        self.show_language("en" if self.language == "zh_CN" else "zh_CN")
