"""The English translation covers every visible string and its compiled file is current."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

ROOT = Path(__file__).resolve().parent.parent


def _update_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "translations_update", ROOT / "translations/update.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(shutil.which("pyside6-lupdate") is None, reason="pyside6-lupdate not installed")
def test_translations_are_complete_and_compiled() -> None:
    problems = _update_module().problems()
    assert problems == [], "run `python3 translations/update.py`:\n" + "\n".join(problems)


def test_english_translator_translates_the_window_title(qapp: QCoreApplication) -> None:
    translator = QTranslator()
    assert translator.load("rectdesk_en", str(ROOT / "translations"))
    # The window's title is the file's name; Qt appends the display name, translated here.
    assert translator.translate("Application", "整改台账桌面助手") == "RectDesk"
    assert translator.translate("MainWindow", "{0}［只读］") == "{0} [read-only]"
