"""Errors raised below the window reach the English window in English, their values intact.

The services, the store, the importers and the reports raise a Chinese template with named
values; the window installs Qt's translator into the messages when it starts. Here real
refusals are provoked through the services with the English translation installed, and every
template marked in the source is checked against the English translation file.
"""

from __future__ import annotations

import ast
import datetime as dt
import importlib.util
import re
import string
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from rectdesk.domain import deadline_notes
from rectdesk.domain.deadlines import parse_deadline
from rectdesk.domain.errors import TransitionError, UserError, install_translator
from rectdesk.domain.evidence import EvidenceUse, ReuseGroup, ReuseKind
from rectdesk.domain.model import Status
from rectdesk.domain.status import check_change
from rectdesk.services import evidence_guard, workcalendar
from rectdesk.services.importing import plan_import, read_file
from rectdesk.services.items import ItemService
from rectdesk.services.ledger import open_ledger
from rectdesk.services.paths import translations_dir
from rectdesk.store import Store

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "rectdesk"
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
#: Chinese a clerk types or finds in the Chinese documents (a deadline phrase, a column heading,
#: a letter number), quoted in the English as it must be written.
QUOTED = re.compile(r"“[^”]*”|〔\d+〕\d+号")
#: The names a UserError-like message is built with, and where its template sits.
RAISERS = {
    "UserError", "TransitionError", "StoreLockedError", "StoreDamagedError", "StoreBusyError",
    "StoreMissingError", "StoreForeignError", "StoreEmptyError", "Message",
}  # fmt: skip


def _update_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "translations_update", ROOT / "translations/update.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


UPDATE = _update_module()


@pytest.fixture
def english(qapp: Any) -> Iterator[None]:
    translator = QTranslator()
    assert translator.load("rectdesk_en", str(translations_dir()))
    QCoreApplication.installTranslator(translator)
    install_translator(QCoreApplication.translate)
    yield
    install_translator(None)
    QCoreApplication.removeTranslator(translator)


def _refusal(action: Any) -> UserError:
    with pytest.raises(UserError) as raised:
        action()
    return raised.value


def _english_except(message: str, *values: str) -> None:
    """No Chinese in ``message`` once the values (the clerk's own data) and the quoted Chinese
    examples are taken out."""
    rest = message
    for value in values:
        assert value in rest, (value, message)
        rest = rest.replace(value, "")
    assert not HAN.search(QUOTED.sub("", rest)), message


# -- real refusals, English and Chinese ---------------------------------------------------


def test_a_missing_item(english: None, store: Store) -> None:
    exc = _refusal(lambda: ItemService(store).edit(90417, {"content": "新内容"}))
    assert "90417" in exc.message
    _english_except(exc.message, "90417")
    assert exc.message == str(exc)


def test_a_bad_date_and_a_period_without_a_deadline(english: None, store: Store) -> None:
    stray = _refusal(lambda: workcalendar.enter_year(store, 2027, [dt.date(2026, 10, 1)], []))
    _english_except(stray.message, "2026-10-01", "2027")
    period = _refusal(lambda: workcalendar.deadline(store, "尽快办{0}理", dt.date(2027, 3, 1)))
    _english_except(period.message, "尽快办{0}理")


def test_a_refused_import_file_names_it_and_says_why(english: None, tmp_path: Path) -> None:
    pdf = tmp_path / "{0}整改{}清单.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    exc = _refusal(lambda: read_file(pdf))
    _english_except(exc.message, pdf.name)
    assert "PDF" in exc.message


def test_a_store_another_program_writes(english: None, db_path: Path) -> None:
    Store.open(db_path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db_path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        exc = _refusal(lambda: open_ledger(db_path))
    finally:
        holder.communicate("\n", timeout=30)
    _english_except(exc.message)
    assert "read-only" in exc.message.lower()


def test_import_warnings_are_english_with_the_clerks_text_in_them(
    english: None, store: Store, tmp_path: Path
) -> None:
    table = tmp_path / "清单.csv"
    table.write_text(
        "序号,编号,问题/意见内容,责任单位,完成情况\n"
        "1,A{0},内容一,医政科,进行{x}中\n"
        "2,A{0},内容二,医政科,已销号\n",
        "utf-8",
    )
    plan = plan_import(store, read_file(table), None)
    warnings = [w for row in plan.rows for w in row.parsed.warnings]
    assert len(warnings) == 3, warnings
    for warning in warnings:
        _english_except(warning, *[v for v in ("进行{x}中",) if v in warning])
    assert any("进行{x}中" in w for w in warnings)
    assert any("row 2" in w for w in warnings)  # the second A{0} repeats the first's number


def test_deadline_warnings_kept_in_chinese_are_shown_in_english(english: None) -> None:
    texts = {
        "6月底前": dict(year=None),
        "2023年2月30日前": dict(year=None),
        "2023年6月底前，12月底前": dict(year=None),
        "2023年": dict(year=None),
        "“十四五”期间": dict(year=None),
        "3个月内；尽快{0}": dict(year=None),
        "23年底": dict(year=None),
        "9月底前": dict(year=None, not_before=dt.date(2026, 10, 1)),
        "1023年6月": dict(year=None),
        "完成{x}；再说": dict(year=None),
    }
    for text, options in texts.items():
        warning = parse_deadline(text, **options).warning  # type: ignore[arg-type]
        assert warning, text
        shown = deadline_notes.shown(warning)
        _english_except(shown)
        assert "；" not in QUOTED.sub("", shown), shown
    cell = parse_deadline("6月30日", excel_date=dt.date(2023, 12, 31), year=2023).warning
    assert deadline_notes.shown(cell) == (
        "The cell's date 2023-12-31 differs from the text “6月30日”; the cell's date was taken"
    )
    # A sentence no template fits (an older version's) is left as it was.
    assert deadline_notes.shown("请核对时限") == "请核对时限"


def test_deadline_warnings_stay_chinese_without_the_translator() -> None:
    warning = parse_deadline("2023年2月30日前").warning
    assert warning == "时限“2023年2月30日前”中的日期2023年2月30日不存在，请核对"
    assert deadline_notes.shown(warning) == warning


def test_import_warnings_about_deadlines_are_english(
    english: None, store: Store, tmp_path: Path
) -> None:
    table = tmp_path / "清单.csv"
    table.write_text(
        "序号,问题/意见内容,责任单位,整改时限\n1,内容一,医政科,尽快{0}办\n2,内容二,医政科,2023年2月30日\n",
        "utf-8",
    )
    plan = plan_import(store, read_file(table), None)
    warnings = [w for row in plan.rows for w in row.parsed.warnings]
    assert len(warnings) == 2, warnings
    for warning in warnings:
        _english_except(warning)
    assert any("尽快{0}办" in w for w in warnings) and any("2023-02-30" in w for w in warnings)


def _reuse(kind: ReuseKind, distance: int, units: tuple[str, str]) -> ReuseGroup:
    uses = (
        EvidenceUse(1, 1, "整改照片{0}.jpg", "a" * 64, units[0], "A-1"),
        EvidenceUse(2, 2, "现场.jpg", "b" * 64, units[1], "A-2"),
    )
    return ReuseGroup(kind, uses, distance)


def test_reuse_findings_are_english_in_the_window_and_chinese_in_the_binder(
    english: None,
) -> None:
    for group in (
        _reuse(ReuseKind.SAME_FILE, 0, ("医政科", "医政科")),
        _reuse(ReuseKind.SIMILAR_IMAGE, 4, ("医政科", "疾控科")),
        _reuse(ReuseKind.SAME_TEXT, 0, ("医政科", "疾控科")),
    ):
        said = evidence_guard.describe(group)
        _english_except(
            said, "整改照片{0}.jpg", "现场.jpg", *(group.units if group.across_units else [])
        )
        assert "A-1, A-2" in said
        document = evidence_guard.describe(group, document=True)
        assert "同时用于事项 A-1、A-2" in document
    near = evidence_guard.describe(_reuse(ReuseKind.SIMILAR_IMAGE, 4, ("医政科", "疾控科")))
    assert near.startswith("Near-identical photo (4 bits apart): ") and "疾控科" in near


def test_server_refusals_are_english(english: None) -> None:
    from rectdesk.store.pg.connection import connect

    where = "clerk@127.0.0.1:1/ledger"
    refused = _refusal(lambda: connect(f"postgresql://{where}?connect_timeout=5"))
    _english_except(refused.message)
    assert where in refused.message and "pgpass" in refused.message
    wrong = _refusal(lambda: connect("postgresql://clerk@[::1/ledger"))
    _english_except(wrong.message)


HOLDER = """
import sys
from rectdesk.store import Store
store = Store.open(sys.argv[1])
print("ready", flush=True)
sys.stdin.readline()
store.close()
"""


def test_a_status_change_names_its_statuses_in_english(english: None) -> None:
    with pytest.raises(TransitionError) as raised:
        check_change(Status.CLOSED, Status.PENDING)
    message = raised.value.message
    _english_except(message)
    closed = QCoreApplication.translate("Labels", "已销号")
    assert closed != "已销号" and closed in message
    with pytest.raises(TransitionError) as several:
        check_change(Status.PENDING, Status.CLOSED)
    _english_except(several.value.message)
    assert "In progress, Completed, Ongoing, Declined." in several.value.message


def test_without_the_translator_the_same_refusals_are_chinese(store: Store, tmp_path: Path) -> None:
    missing = _refusal(lambda: ItemService(store).edit(90417, {"content": "新内容"}))
    assert missing.message == "找不到编号为 90417 的事项，可能已被删除。"
    pdf = tmp_path / "{0}清单.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    refused = _refusal(lambda: read_file(pdf)).message
    assert refused.startswith("无法导入“{0}清单.pdf”：这是 PDF 文件")


@pytest.mark.parametrize("value", ["{}", "{0}", "{item_id}", "{{", "}", "{0!r:>{1}}", "%s"])
def test_braces_in_a_value_do_not_break_the_message(
    english: None, store: Store, value: str
) -> None:
    exc = _refusal(lambda: workcalendar.deadline(store, value, dt.date(2027, 3, 1)))
    _english_except(exc.message, value)


def test_the_window_installs_the_translator_when_it_starts(qapp: Any) -> None:
    from rectdesk.app.application import install_translators

    before = set(qapp.findChildren(QTranslator))
    locale, name = QLocale(), qapp.applicationDisplayName()
    try:
        install_translators(qapp, "en")
        exc = UserError("找不到编号为 {item_id} 的事项，可能已被删除。", item_id=5)
        _english_except(exc.message, "5")
    finally:
        for translator in set(qapp.findChildren(QTranslator)) - before:
            qapp.removeTranslator(translator)
        install_translator(None)
        QLocale.setDefault(locale)
        qapp.setApplicationDisplayName(name)
    assert exc.message == "找不到编号为 5 的事项，可能已被删除。"


# -- every template in the source, against the translation file -----------------------------


def _marked(tree: ast.AST) -> Iterator[tuple[ast.Call, str]]:
    """Every QT_TRANSLATE_NOOP("Errors", "…") call and its template."""
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and _name(node.func) == "QT_TRANSLATE_NOOP"
            and len(node.args) == 2
            and isinstance(node.args[0], ast.Constant)
            and node.args[0].value == "Errors"
            and isinstance(node.args[1], ast.Constant)
            and isinstance(node.args[1].value, str)
        ):
            yield node, node.args[1].value


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else ""


def _fields(text: str) -> set[tuple[str, str, str]]:
    return {
        (name, spec or "", conversion or "")
        for _literal, name, spec, conversion in string.Formatter().parse(text)
        if name is not None
    }


def _templates() -> list[tuple[str, int, str]]:
    found = []
    for path in UPDATE.sources():
        tree = ast.parse(path.read_text("utf-8"))
        found += [(str(path.relative_to(ROOT)), n.lineno, t) for n, t in _marked(tree)]
    return found


def test_the_scan_finds_the_templates_of_every_layer() -> None:
    where = {path.split("/")[1] for path, _line, _template in _templates()}
    assert {"domain", "services", "store", "importers", "reports", "ui", "fileio.py"} <= where
    assert len(_templates()) > 200


def test_every_template_has_an_english_translation_with_the_same_placeholders() -> None:
    english = UPDATE.messages(UPDATE.TS)
    wrong = []
    for path, line, template in _templates():
        translation = english.get(("Errors", template))
        if translation is None:
            wrong.append(f"{path}:{line}: no English for {template!r}")
        elif _fields(translation) != _fields(template):
            wrong.append(f"{path}:{line}: {template!r} -> {translation!r}")
        elif HAN.search(QUOTED.sub("", translation)):
            wrong.append(f"{path}:{line}: Chinese left in {translation!r}")
    assert not wrong, "\n".join(wrong)


def test_every_message_is_given_exactly_the_values_its_template_names() -> None:
    """A value misspelt or forgotten where the message is raised would show a raw template."""
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or any(k.arg is None for k in node.keywords):
                continue
            for arg in node.args:
                marked = [t for call, t in _marked(arg) if call is arg]
                if not marked:
                    continue
                named = {k.arg for k in node.keywords} - {"detail"}
                wanted = {name for name, _spec, _conversion in _fields(marked[0])}
                if named != wanted:
                    wrong.append(f"{path.relative_to(ROOT)}:{node.lineno}: {sorted(named)} "
                                 f"given, {sorted(wanted)} named in {marked[0]!r}")  # fmt: skip
    assert not wrong, "\n".join(wrong)


def test_no_message_is_built_from_an_f_string_or_by_adding_strings() -> None:
    """Values go in as values: a message built from the clerk's text cannot be translated and
    its braces would be taken for placeholders."""
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call) and _name(node.func) in RAISERS and node.args:
                first = node.args[0]
                if isinstance(first, ast.JoinedStr | ast.BinOp):
                    wrong.append(f"rectdesk/{relative}:{node.lineno}")
    assert not wrong, "messages built as text:\n" + "\n".join(wrong)
