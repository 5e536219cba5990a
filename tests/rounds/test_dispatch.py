"""下发: one workbook per unit that a unit can fill, print and send back, and the notice."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
import roundkit

from rectdesk.domain.errors import UserError
from rectdesk.domain.model import Status
from rectdesk.domain.privacy import OutputMode, mask_text
from rectdesk.domain.rounds import SHEET_COLUMNS, Column, read_file_token, read_row_token
from rectdesk.services.dispatch import NOT_SENT, DispatchResult
from rectdesk.services.items import ItemService
from rectdesk.store import ItemQuery, Store
from rectdesk.store.rounds import RoundBook

PHONE = "13978476053"


def _sheet(path: Path) -> openpyxl.worksheet.worksheet.Worksheet:
    return openpyxl.load_workbook(path)["整改事项"]


def _rows(sheet: openpyxl.worksheet.worksheet.Worksheet) -> list[tuple[object, ...]]:
    """The item rows (the open rows below them, for a unit's additions, are empty)."""
    return [r for r in sheet.iter_rows(min_row=4, values_only=True) if any(r)]


def test_one_workbook_per_unit_holding_its_lead_and_assisting_items(
    demo_store: Store, sent: DispatchResult
) -> None:
    everything = demo_store.items(ItemQuery(batch_id=roundkit.BATCH))
    items = [i for i in everything if i.status not in NOT_SENT]
    assert len(items) < len(everything)  # the demo has declined items: they are not sent
    units = sorted({name for item in items for name in item.department_names})
    assert [f.unit for f in sent.files] == units
    assert all(f.path.is_file() for f in sent.files) and sent.notice and sent.notice.is_file()
    for sent_file in sent.files:
        sheet = _sheet(sent_file.path)
        rows = _rows(sheet)
        expected = [i for i in items if sent_file.unit in i.department_names]
        assert len(rows) == len(expected) == sent_file.items
        roles = [r[4] for r in rows]
        # 牵头 first, then 配合, each marked.
        assert roles == sorted(roles, key=lambda r: r != "牵头")
        assert roles.count("牵头") == sent_file.lead
    planning = _sheet(roundkit.file_of(sent, "规划处"))
    assert planning.cell(4, 2).value == roundkit.SHARED and planning.cell(4, 5).value == "配合"


def test_header_protection_drop_down_and_hidden_mark(
    demo_store: Store, sent: DispatchResult
) -> None:
    path = roundkit.file_of(sent, "财务处")
    book = openpyxl.load_workbook(path)
    sheet = book["整改事项"]
    assert [c.value for c in sheet[3]] == [c.header for c in SHEET_COLUMNS]
    assert sheet.protection.sheet and not sheet.protection.autoFilter
    for index, column in enumerate(SHEET_COLUMNS, start=1):
        cell = sheet.cell(4, index)
        assert cell.protection.locked is (not column.fillable), column.header
    mark_letter = openpyxl.utils.get_column_letter(len(SHEET_COLUMNS))
    assert sheet.column_dimensions[mark_letter].hidden
    secret = RoundBook(demo_store).secret()
    for row in range(4, 4 + len(_rows(sheet))):
        mark = read_row_token(secret, str(sheet.cell(row, len(SHEET_COLUMNS)).value))
        assert mark is not None and mark.round_number == 1 and mark.batch_id == roundkit.BATCH
    (validation,) = sheet.data_validations.dataValidation
    status_letter = openpyxl.utils.get_column_letter(
        [c.key for c in SHEET_COLUMNS].index(Column.STATUS) + 1
    )
    assert validation.type == "list" and "已完成" in str(validation.formula1)
    assert str(validation.sqref).startswith(f"{status_letter}4:")


def test_first_sheet_says_the_round_and_cut_off_and_holds_the_file_mark(
    demo_store: Store, sent: DispatchResult
) -> None:
    book = openpyxl.load_workbook(roundkit.file_of(sent, "财务处"))
    assert book.sheetnames[0] == "填报说明"
    text = "\n".join(str(c.value) for row in book["填报说明"].iter_rows() for c in row if c.value)
    assert "第1轮" in text and "2023年12月15日" in text and "报送单位：财务处" in text
    mark = text.split("表格校验码：")[1].split("（")[0]
    found = read_file_token(RoundBook(demo_store).secret(), mark)
    assert found is not None and found.round_number == 1


def test_prints_landscape_one_page_wide_with_the_header_on_every_page(
    sent: DispatchResult,
) -> None:
    sheet = _sheet(roundkit.file_of(sent, "机关党委"))
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$3:$3"
    last = 3 + len(_rows(sheet))
    assert str(sheet.print_area).endswith(f"$M${last}")  # the mark column is not printed


def test_citizens_numbers_are_masked_by_the_one_masking_function(
    demo_store: Store, sent: DispatchResult, tmp_path: Path
) -> None:
    item = next(i for i in demo_store.items() if PHONE in i.origin)
    sheet = _sheet(roundkit.file_of(sent, item.lead_department))
    with zipfile.ZipFile(roundkit.file_of(sent, item.lead_department)) as archive:
        raw = b"".join(archive.read(name) for name in archive.namelist())
    assert PHONE.encode() not in raw
    origins = [r[3] for r in _rows(sheet)]
    assert mask_text(item.origin) in origins
    notice = docx.Document(str(sent.notice))
    assert PHONE not in "".join(p.text for p in notice.paragraphs)


def test_full_mode_keeps_numbers_and_is_audited(demo_store: Store, tmp_path: Path) -> None:
    result = roundkit.send(demo_store, tmp_path / "full", mode=OutputMode.FULL)
    item = next(i for i in demo_store.items() if PHONE in i.origin)
    origins = [r[3] for r in _rows(_sheet(roundkit.file_of(result, item.lead_department)))]
    assert item.origin in origins
    assert any(e.action == "export_full" and "dispatch" in e.field for e in demo_store.audit_log())


def test_every_text_is_a_string_cell_never_a_formula(demo_store: Store, tmp_path: Path) -> None:
    item = next(
        i for i in demo_store.items(ItemQuery(batch_id=roundkit.BATCH)) if i.status not in NOT_SENT
    )
    ItemService(demo_store, "测试").edit(item.id, {"measures": '=HYPERLINK("http://x","点")'}).do()
    result = roundkit.send(demo_store, tmp_path / "f")
    path = roundkit.file_of(result, item.lead_department)
    sheet = _sheet(path)
    cells = [c for row in sheet.iter_rows() for c in row if c.value is not None]
    assert cells and all(c.data_type == "s" for c in cells)
    xml = zipfile.ZipFile(path).read("xl/worksheets/sheet2.xml")
    assert b"<f>" not in xml and b"<f " not in xml


def test_closed_and_declined_items_are_not_sent_and_unitless_ones_are_named(
    demo_store: Store, tmp_path: Path
) -> None:
    items = [
        i for i in demo_store.items(ItemQuery(batch_id=roundkit.BATCH)) if i.status not in NOT_SENT
    ]
    service = ItemService(demo_store, "测试")
    service.set_status([items[0].id], Status.DECLINED, reason="非建设性建议").do()
    service.edit(items[1].id, {"departments": []}).do()
    result = roundkit.send(demo_store, tmp_path / "g")
    assert sum(f.lead for f in result.files) == len(items) - 2
    assert result.without_unit == 1 and "没有责任单位" in result.warnings[0]


def test_rounds_are_numbered_and_a_round_can_be_sent_again(
    demo_store: Store, tmp_path: Path
) -> None:
    first = roundkit.send(demo_store, tmp_path / "1")
    second = roundkit.send(demo_store, tmp_path / "2", cut_off=None)
    assert (first.round_number, second.round_number) == (1, 2)
    assert second.cut_off is None
    again = roundkit.send(demo_store, tmp_path / "2b", round_number=1, cut_off=None)
    assert again.resent and again.round_number == 1 and again.cut_off == roundkit.CUT_OFF
    with pytest.raises(UserError, match="轮次应在 1 到 3 之间"):
        roundkit.send(demo_store, tmp_path / "x", round_number=5)
    rounds = RoundBook(demo_store).rounds(roundkit.BATCH)
    assert [r.number for r in rounds] == [1, 2]


def test_a_failed_sending_leaves_no_files_and_no_round(
    demo_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rectdesk.services import dispatch as module

    def broken(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(module, "_write_notice", broken)
    with pytest.raises(OSError):
        roundkit.send(demo_store, tmp_path / "h")
    assert not list((tmp_path / "h").glob("*.xlsx"))
    assert RoundBook(demo_store).rounds(roundkit.BATCH) == []


def test_the_notice_lists_units_items_and_cut_off(sent: DispatchResult) -> None:
    assert sent.notice is not None
    document = docx.Document(str(sent.notice))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "第1轮" in text and "2023年12月15日前" in text
    tables = ["\n".join(c.text for row in t.rows for c in row.cells) for t in document.tables]
    assert all(f.unit in tables[0] for f in sent.files)
    assert roundkit.SHARED in tables[1] and "规划处" in tables[1]


def test_a_cut_off_in_the_past_is_questioned(demo_store: Store, tmp_path: Path) -> None:
    result = roundkit.send(demo_store, tmp_path / "p", cut_off=dt.date(2023, 1, 1))
    assert any("已经过去" in w for w in result.warnings)
