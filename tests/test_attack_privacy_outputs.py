"""Every output of planted personal data: a phone and an ID in every text field, then read back.

An item's and a batch's every text field carries the formats the issue found leaking
(188.9999.0000, 188—1212—3434, 450102 19900101 5678, an ID run straight into a phone, a
landline), stored through the services. Then ``items``, ``items --json``, ``batches``,
``imports``, every built-in report template as PDF, Word and Excel, and the audit log export
are read back (pdftotext/pypdf, python-docx and the raw XML, openpyxl): masked and publish
outputs hold no seven digits in a row of any planted number, full outputs hold them all.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from rectdesk.cli import main
from rectdesk.domain.model import BatchDraft, BatchKind
from rectdesk.domain.privacy import OutputMode
from rectdesk.reports import fonts
from rectdesk.reports.fontfiles import read_faces
from rectdesk.reports.templates import BUILTINS
from rectdesk.services import audit, importing
from rectdesk.services.items import ItemService
from rectdesk.services.reporting import FORMATS, export_report
from rectdesk.store import Store

TODAY = dt.date(2023, 11, 20)
TEST_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
PLANTED = (
    "王五13911112222，188.9999.0000，188—1212—3434，身份证450102 19900101 5678，"
    "45010219900101567813911112222，座机0771-5812345"
)
#: The numbers above, and the glued ID+phone as one run.
NUMBERS = (
    "13911112222",
    "18899990000",
    "18812123434",
    "450102199001015678",
    "07715812345",
    "45010219900101567813911112222",
)
#: What the masked outputs show instead of 13911112222 (proves a field was masked, not lost).
MASKED_PHONE = "139****2222"
HEADERS = [
    "序号", "主题", "意见来源", "意见或建议内容", "责任处室", "责任领导", "责任人", "整改措施",
    "整改可检验成果", "整改时限", "完成情况", "备注", "办理结果类别", "满意度", "联系方式",
]  # fmt: skip
_GAPS = re.compile(r"[\s.\-–—－．‐()（）+]")


def leaks(text: str) -> set[str]:
    """Seven digits in a row of a planted number, whatever separators or line breaks."""
    runs = re.findall(r"[0-9Xx]+", _GAPS.sub("", html.unescape(text)))
    found = set()
    for number in NUMBERS:
        for i in range(len(number) - 6):
            if any(number[i : i + 7] in run for run in runs):
                found.add(number)
    return found


def _workbook(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADERS)
    for seq, (status, deadline) in enumerate(
        [("整改中", "2023年10月31日前"), ("已完成", "2023年12月31日")], start=1
    ):
        row: list[str] = []
        for header in HEADERS:
            if header == "序号":
                row.append(str(seq))
            elif header == "完成情况":
                row.append(status)
            elif header == "整改时限":
                row.append(f"{deadline}（联系{PLANTED}）")
            else:
                row.append(f"{header}{seq}{PLANTED}")
        sheet.append(row)
    book.save(path)
    return path


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    """A store whose one batch and two items carry PLANTED in every text field."""
    folder = tmp_path_factory.mktemp("planted")
    db = folder / "ledger.sqlite3"
    with Store.open(db) as store:
        # The window's new-batch dialog stores a batch this way (name, issuer, 文号).
        # A batch name is at most 80 characters: the two formats that matter most.
        name = "信访转办王五188—1212—3434身份证45010219900101567813911112222"
        store.add_batch(
            BatchDraft(BatchKind.OTHER, name, issuer=f"上级{PLANTED}",
                       doc_number=f"桂卫〔2023〕12号{PLANTED}", year=2023),
            actor=f"录入员{PLANTED}",
        )  # fmt: skip
        source = _workbook(folder / "回访王五13911112222.xlsx")
        result = importing.import_file(store, source, batch_name=name)
        assert result.created == 2, result.warnings
        service = ItemService(store, f"录入员{PLANTED}")
        first, second = store.items()
        for item in (first, second):
            service.edit(
                item.id,
                {"number": f"0220230000000{item.id:03d}{PLANTED}", "status_reason": PLANTED,
                 "seq": f"{item.id}{PLANTED}"},
            ).do()  # fmt: skip
        service.add_progress([first.id], TODAY, f"进展{PLANTED}").do()
        service.close_off([second.id], TODAY, note=f"销号{PLANTED}").do()
    yield db, folder


def _cli(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> str:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


#: Every text field of ``items --json`` that PLANTED went into.
ITEM_FIELDS = (
    "seq", "number", "category", "origin", "content", "departments", "lead", "owner",
    "measures", "outcomes", "deadline_text", "status_reason", "progress", "remarks", "extra",
)  # fmt: skip
BATCH_FIELDS = ("name", "issuer", "doc_number", "source_file")


def test_items_json_masks_every_field(
    planted: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    db, _ = planted
    full = json.loads(_cli(capsys, db, "items", "--json", "--privacy", "full"))
    for row in full:
        for name in ITEM_FIELDS:
            assert "13911112222" in json.dumps(row[name], ensure_ascii=False), name
    for mode in ("masked", "publish"):
        rows = json.loads(_cli(capsys, db, "items", "--json", "--privacy", mode))
        assert len(rows) == 2
        assert leaks(json.dumps(rows, ensure_ascii=False)) == set(), mode
        for row in rows:
            for name in ITEM_FIELDS:
                if mode == "publish" and name == "origin":
                    assert row[name] == ""
                    continue
                assert MASKED_PHONE in json.dumps(row[name], ensure_ascii=False), (mode, name)
    listing = _cli(capsys, db, "items")
    assert leaks(listing) == set() and MASKED_PHONE in listing


def test_batches_and_imports_mask_every_field(
    planted: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    db, _ = planted
    (batch,) = json.loads(_cli(capsys, db, "batches", "--json"))
    for name in BATCH_FIELDS:
        assert "****" in batch[name] and leaks(batch[name]) == set(), name
    for args in (("batches",), ("imports",), ("imports", "--json")):
        out = _cli(capsys, db, *args)
        assert leaks(out) == set(), args
        assert "****" in out, args


def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext"):
        run = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"],
                             capture_output=True, check=True)  # fmt: skip
        return run.stdout.decode("utf-8")
    import pypdf

    return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def docx_text(path: Path) -> str:
    import docx

    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for t in document.tables for row in t.rows for c in row.cells]
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
    parts += [document.core_properties.title or "", document.core_properties.subject or ""]
    return "\n".join(parts) + "\n" + xml_text(path)


def xlsx_text(path: Path) -> str:
    book = openpyxl.load_workbook(path)
    parts = [str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row
             if c.value is not None]  # fmt: skip
    parts += [book.properties.title or "", book.properties.subject or ""]
    return "\n".join(parts) + "\n" + xml_text(path)


def xml_text(path: Path) -> str:
    """Every text in every XML part (headers, footers, properties, shared strings)."""
    with zipfile.ZipFile(path) as archive:
        xml = "\n".join(
            archive.read(n).decode("utf-8", "replace") for n in archive.namelist()
            if n.endswith((".xml", ".rels"))
        )  # fmt: skip
    return re.sub(r"<[^>]+>", "\n", xml)


READERS = {"pdf": pdf_text, "docx": docx_text, "xlsx": xlsx_text}


@pytest.fixture(scope="module")
def reports(planted: tuple[Path, Path]) -> dict[tuple[str, str, OutputMode], str]:
    if not TEST_FONT.exists():
        pytest.skip("需要中文 TrueType 字体 fonts-wqy-zenhei（python3 tests/run_all.py 会安装）")
    db, folder = planted
    faces = tuple(f for f in read_faces(TEST_FONT) if f.truetype)
    produced: dict[tuple[str, str, OutputMode], str] = {}
    with pytest.MonkeyPatch.context() as patch, Store.open(db) as store:
        patch.setattr(fonts, "scan_faces", lambda dirs=None: faces)
        for template in BUILTINS:
            for fmt in FORMATS:
                for mode in OutputMode:
                    path = folder / f"{template}-{mode.value}.{fmt}"
                    export_report(store, template, fmt, path, mode=mode, today=TODAY)
                    produced[(template, fmt, mode)] = READERS[fmt](path)
    return produced


def test_every_report_text_is_masked(reports: dict[tuple[str, str, OutputMode], str]) -> None:
    found = {key: leaks(text) for key, text in reports.items() if key[2] is not OutputMode.FULL}
    assert len(found) == len(BUILTINS) * len(FORMATS) * 2
    assert {key: numbers for key, numbers in found.items() if numbers} == {}
    for (template, fmt, _mode), text in reports.items():
        if _mode is not OutputMode.FULL:
            assert MASKED_PHONE in _GAPS.sub("", text), (template, fmt)


def test_full_reports_show_what_was_planted(
    reports: dict[tuple[str, str, OutputMode], str],
) -> None:
    # The same reading sees every number when it is kept, or the test above proves nothing.
    for template in BUILTINS:
        for fmt in FORMATS:
            assert leaks(reports[(template, fmt, OutputMode.FULL)]) >= set(NUMBERS[:5]), (
                template,
                fmt,
            )


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_audit_export_masks_every_column(planted: tuple[Path, Path], suffix: str) -> None:
    db, folder = planted
    with Store.open(db) as store:
        masked, full = folder / f"audit{suffix}", folder / f"audit-full{suffix}"
        audit.export(store, masked)
        audit.export(store, full, mode=OutputMode.FULL)
    read: Any = xlsx_text if suffix == ".xlsx" else (lambda p: p.read_text("utf-8-sig"))
    assert leaks(read(masked)) == set()
    assert MASKED_PHONE in read(masked)
    assert leaks(read(full)) >= {"13911112222", "450102199001015678"}
