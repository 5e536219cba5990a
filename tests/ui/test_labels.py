"""Every domain label is listed in rectdesk/ui/labels.py, where pyside6-lupdate finds it."""

from __future__ import annotations

import enum
import importlib
import inspect
import pkgutil
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

import rectdesk.domain
from rectdesk.domain.lights import LIGHT_LABELS, Signal
from rectdesk.domain.model import FIELD_LABELS, Light
from rectdesk.importers.headers import FIELD_NAMES
from rectdesk.services import audit, backup, importing
from rectdesk.ui import detail_panel, import_wizard, navigator
from rectdesk.ui.columns import COLUMNS
from rectdesk.ui.labels import CONTEXT, LABELS, signal_label, tr_label

ROOT = Path(__file__).resolve().parents[2]


def labelled_enums() -> Iterator[type[enum.Enum]]:
    """Every enum of the domain package whose members carry a ``label``."""
    for info in pkgutil.iter_modules(rectdesk.domain.__path__, "rectdesk.domain."):
        module = importlib.import_module(info.name)
        for _name, value in inspect.getmembers(module, inspect.isclass):
            if (
                issubclass(value, enum.Enum)
                and value.__module__ == module.__name__
                and isinstance(inspect.getattr_static(value, "label", None), property)
            ):
                yield value


def sample_signals() -> list[Signal]:
    days = (None, -400, -1, 0, 1, 3, 10, 365)
    return [
        Signal(light, left, stale) for light in Light for left in days for stale in (False, True)
    ]


def test_every_labelled_enum_is_found() -> None:
    names = {e.__name__ for e in labelled_enums()}
    assert {"Status", "BatchKind", "LedgerKind", "OutputMode"} <= names


@pytest.mark.parametrize("kind", list(labelled_enums()), ids=lambda e: e.__name__)
def test_every_enum_label_is_listed(kind: type[enum.Enum]) -> None:
    missing = [m.label for m in kind if m.label not in LABELS]  # type: ignore[attr-defined]
    assert missing == [], f"add to rectdesk/ui/labels.py: {missing}"


def test_every_label_table_is_listed() -> None:
    tables: dict[str, object] = {
        "FIELD_LABELS": FIELD_LABELS.values(),
        "LIGHT_LABELS": LIGHT_LABELS.values(),
        "FIELD_NAMES": FIELD_NAMES.values(),
        "importing.ACTION_LABELS": importing.ACTION_LABELS.values(),
        "backup.REASON_LABELS": backup.REASON_LABELS.values(),
        "backup.reason_label": [backup.reason_label("before-0004")],
        "audit.ACTION_LABELS": audit.ACTION_LABELS.values(),
        "audit.OTHER_FIELDS": audit.OTHER_FIELDS.values(),
        "detail_panel.ACTION_LABELS": detail_panel.ACTION_LABELS.values(),
        "detail_panel.RECORD_LABELS": detail_panel.RECORD_LABELS.values(),
        "detail_panel.SATISFACTIONS": [s for s in detail_panel.SATISFACTIONS if s],
        "navigator._STATUS_TITLES": navigator._STATUS_TITLES.values(),
        "COLUMNS": [c.header for c in COLUMNS],
        "FILE_FILTER": [import_wizard.FILE_FILTER],
    }
    for name, texts in tables.items():
        assert isinstance(texts, list | type({}.values()))
        missing = [t for t in texts if t not in LABELS]
        assert missing == [], f"{name}: add to rectdesk/ui/labels.py: {missing}"


def test_labels_are_listed_once() -> None:
    assert len(set(LABELS)) == len(LABELS)


@pytest.mark.parametrize("signal", sample_signals(), ids=repr)
def test_signal_label_matches_the_domain_label(signal: Signal) -> None:
    # No translator installed: the source texts, with the days filled in as the domain does.
    assert signal_label(signal) == signal.label


def test_unlisted_text_comes_back_unchanged() -> None:
    assert tr_label("卫健局办公室") == "卫健局办公室"


@pytest.mark.skipif(shutil.which("pyside6-lupdate") is None, reason="pyside6-lupdate not installed")
def test_lupdate_finds_every_label(tmp_path: Path) -> None:
    ts = tmp_path / "labels.ts"
    subprocess.run(
        ["pyside6-lupdate", "-silent", "rectdesk/ui/labels.py", "-ts", str(ts)],
        cwd=ROOT,
        check=True,
    )
    found = {
        message.findtext("source")
        for context in ET.parse(ts).getroot().iter("context")
        if context.findtext("name") == CONTEXT
        for message in context.iter("message")
    }
    assert set(LABELS) <= found


def test_english_translator_translates_every_label(qapp: QCoreApplication) -> None:
    translator = QTranslator()
    assert translator.load("rectdesk_en", str(ROOT / "translations"))
    untranslated = [t for t in LABELS if not translator.translate(CONTEXT, t)]
    assert untranslated == []
