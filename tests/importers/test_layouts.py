"""Messy layouts: every seed table and each kind of mess, read into exact item drafts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
import samples

from rectdesk.domain.model import DeadlineKind, Role, Status
from rectdesk.importers.readers import read_workbook
from rectdesk.importers.sniff import Format
from rectdesk.importers.tables import ParsedFile, parse_workbook


def parse(path: Path, **kwargs: object) -> ParsedFile:
    return parse_workbook(read_workbook(path), **kwargs)  # type: ignore[arg-type]


def test_seed_000_sections_count_table_repeated_headers_and_footer(seed_000: Path) -> None:
    parsed = parse(seed_000)
    expected = [(cat, row) for cat, rows in samples.SEED_000 for row in rows]
    assert len(parsed.rows) == len(expected)
    for got, (category, (number, origin, content, unit, measures)) in zip(
        parsed.rows, expected, strict=True
    ):
        assert got.draft.number == number  # leading zero kept, exact text
        assert got.draft.category == category  # "一、" prefix dropped
        assert got.draft.origin == origin  # in-cell line break kept
        assert got.draft.content == content
        assert got.draft.measures == measures
        assert [a.department for a in got.draft.departments] == unit.split("\n")
    assert parsed.rows[0].draft.seq == "1" and parsed.rows[3].draft.seq == "1"
    table = parsed.tables[0]
    assert table.skipped["重复表头"] == 2 and table.skipped["表尾"] == 1
    assert [c.field for c in table.columns] == [
        "seq", "number", "origin", "content", "departments", "measures",
    ]  # fmt: skip
    assert parsed.year == 2020 and "汇总表" in parsed.title


def test_seed_001_title_lines_attachment_and_deadlines(seed_001: Path) -> None:
    parsed = parse(seed_001)
    assert [r.draft.number for r in parsed.rows] == [row[1] for row in samples.SEED_001]
    assert [r.row for r in parsed.rows] == [5, 6, 7, 8, 9]
    drafts = [r.draft for r in parsed.rows]
    assert drafts[0].category == "本系统市县两级干部职工"
    assert drafts[0].deadline.date == dt.date(2023, 12, 31)
    assert drafts[2].deadline.date == dt.date(2023, 11, 30)  # an Excel date cell
    # "6月底前": the title says 2022年度 but the plan's dated deadlines are in 2023.
    assert drafts[3].deadline.date == dt.date(2023, 6, 30)
    assert any("未写年份" in w for w in parsed.rows[3].warnings)
    assert drafts[4].deadline.date == dt.date(2024, 12, 31) and drafts[4].deadline.ongoing
    assert [(a.department, a.role) for a in drafts[3].departments] == [
        ("医政处", Role.LEAD), ("中医处", Role.ASSIST),
    ]  # fmt: skip
    assert "1.开展" in drafts[0].measures and "\n2." in drafts[0].measures


def test_year_given_by_the_batch_wins(seed_001: Path) -> None:
    parsed = parse(seed_001, year=2025)
    assert parsed.rows[3].draft.deadline.date == dt.date(2025, 6, 30)
    assert parsed.year_source == "批次"


def test_ledger_two_row_header_merges_sections_example_and_status(ledger: Path) -> None:
    parsed = parse(ledger)
    table = parsed.tables[0]
    assert table.header_height == 2
    assert table.skipped["示例行"] == 1 and table.skipped["分类行"] == 2
    rows = parsed.rows
    assert [r.draft.content for r in rows] == [
        "学习制度落实不到位。", "会议记录不规范。", "基层培训次数不足。", "药品采购流程待完善。",
    ]  # fmt: skip
    first, second, third, fourth = (r.draft for r in rows)
    assert first.category == "党的建设方面" and third.category == "业务工作方面"
    assert [(a.department, a.role) for a in first.departments] == [
        ("办公室", Role.LEAD), ("人事股", Role.ASSIST),
    ]  # fmt: skip
    assert first.status is Status.IN_PROGRESS and first.progress == "已制定学习计划"
    assert first.deadline.date == dt.date(2024, 6, 30)  # 填报日期 gives the year
    assert second.status is Status.CLOSED and second.closed_on == dt.date(2024, 2, 1)
    assert second.deadline.kind is DeadlineKind.IMMEDIATE
    assert third.deadline.kind is DeadlineKind.ONGOING
    # The vertically merged unit cell applies to the row it covers.
    assert [a.department for a in fourth.departments] == ["医政股"]
    assert fourth.deadline.date == dt.date(2024, 12, 31)


def test_unmapped_columns_kept_as_extra_and_sheet_names_as_categories(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    first.title = "填表说明"
    first.append(["请按要求填写，每个问题一行。"])
    for name in ("医疗服务", "公共卫生"):
        sheet = book.create_sheet(name)
        sheet.append(["序号", "问题", "责任单位", "督办人", "整改时限"])
        sheet.append([1, f"{name}问题一", "医政股", "张某", "2024年6月30日"])
        sheet.append([2, f"{name}问题二", "疾控股", "", "2024年底前"])
        sheet.append([])
        sheet.append(["合计", 2])
    path = tmp_path / "分表.xlsx"
    book.save(path)
    parsed = parse(path)
    assert [r.draft.category for r in parsed.rows] == ["医疗服务"] * 2 + ["公共卫生"] * 2
    assert parsed.rows[0].draft.extra == {"督办人": "张某"}
    assert parsed.rows[1].draft.extra == {}
    assert any("填表说明" in note for note in parsed.notes)
    assert parsed.tables[0].skipped["合计行"] == 1


@pytest.mark.parametrize(
    ("encoding", "bom"), [("utf-8", False), ("utf-8", True), ("gbk", False), ("gb18030", False)]
)
def test_csv_encodings(tmp_path: Path, encoding: str, bom: bool) -> None:
    text = (
        "县卫生健康局整改清单\r\n"
        "编号,问题描述,责任单位,整改时限\r\n"
        '0120240001,"医保结算慢，\n群众排队久",医保股、办公室,2024.09.30\r\n'
        "1.20240000002E+11,门诊标识不清,医政股,立行立改\r\n"
    )
    data = text.encode(encoding)
    path = tmp_path / "清单.txt"  # the name says nothing: the content decides
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    book = read_workbook(path)
    assert book.format is Format.CSV
    rows = parse_workbook(book).rows
    assert rows[0].draft.number == "0120240001"
    assert rows[0].draft.content == "医保结算慢，\n群众排队久"
    assert [a.department for a in rows[0].draft.departments] == ["医保股", "办公室"]
    assert rows[1].draft.number == "120240000002"  # E-notation restored where exact
    assert rows[1].draft.deadline.kind is DeadlineKind.IMMEDIATE


def test_numbers_turned_into_floats(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["意见建议编号", "意见或建议内容"])
    sheet.append([120200740100001, "整数单元格"])
    sheet.append([220200740200334, "丢了前导零"])
    sheet.append(["0220200740200335", "文本编号"])
    sheet.append([1.2022063060000345e16, "超过十五位"])
    sheet.append(["1.2022E+14", "科学计数法"])
    sheet.append(["\u3000120200740100009.0\xa0", "带空格和 .0"])
    cell = sheet.cell(8, 1, 220200740200336)
    cell.number_format = "0000000000000000"
    sheet.cell(8, 2, "零格式")
    path = tmp_path / "编号.xlsx"
    book.save(path)
    rows = parse(path).rows
    numbers = [r.draft.number for r in rows]
    assert numbers == [
        "120200740100001", "0220200740200334", "0220200740200335", None, None,
        "120200740100009", "0220200740200336",
    ]  # fmt: skip
    assert any("前导零" in w for w in rows[1].warnings)
    assert any("丢失" in w for w in rows[3].warnings)
    assert any("科学计数法" in w for w in rows[4].warnings)
    assert all("E+" not in (n or "") and not (n or "").endswith(".0") for n in numbers)


def test_formulas_use_the_stored_value_and_are_never_evaluated(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["问题", "责任单位", "备注"])
    sheet.append(["公式行", "办公室", "=1+1"])
    path = tmp_path / "公式.xlsx"
    book.save(path)  # openpyxl stores no cached value: the cell reads as empty, not "2"
    rows = parse(path).rows
    assert rows[0].draft.remarks == "" and rows[0].draft.content == "公式行"


def test_shared_strings_as_excel_writes_them(tmp_path: Path) -> None:
    import hostile

    sst = (
        '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
        '2006/main" count="1" uniqueCount="1"><si><t>共享字符串里的问题</t></si></sst>'
    )
    path = tmp_path / "共享.xlsx"
    path.write_bytes(hostile._with_shared_strings(hostile.valid_xlsx(), sst.encode()))
    rows = parse(path).rows
    assert rows[0].draft.content == "共享字符串里的问题"
    assert rows[1].draft.content == "问题2"


DATA = Path(__file__).resolve().parent / "data"


def test_legacy_xls_with_two_row_header_and_merges() -> None:
    # Saved from the ledger sample by LibreOffice as Excel 97-2003 (BIFF8).
    parsed = parse(DATA / "整改台账.xls")
    assert parsed.workbook.format is Format.XLS and parsed.year == 2024
    drafts = [r.draft for r in parsed.rows]
    assert [d.category for d in drafts] == ["党的建设方面"] * 2 + ["业务工作方面"] * 2
    assert drafts[1].status is Status.CLOSED and drafts[1].closed_on == dt.date(2024, 2, 1)
    assert [a.department for a in drafts[3].departments] == ["医政股"]  # vertical merge


def test_wps_et_is_read_by_content() -> None:
    parsed = parse(DATA / "意见建议汇总表.et")
    assert parsed.workbook.format is Format.XLS
    assert [r.draft.number for r in parsed.rows] == [
        row[0] for _, rows in samples.SEED_000 for row in rows
    ]


@pytest.mark.parametrize("maker", ["seed_000_workbook", "seed_001_workbook", "ledger_workbook"])
def test_seed_layouts_saved_with_shared_strings_read_the_same(tmp_path: Path, maker: str) -> None:
    inline = getattr(samples, maker)(tmp_path / "a.xlsx")
    shared = samples.to_shared_strings(getattr(samples, maker)(tmp_path / "b.xlsx"))
    first, second = parse(inline), parse(shared)
    assert [(r.row, r.draft) for r in first.rows] == [(r.row, r.draft) for r in second.rows]
    assert first.title == second.title and first.year == second.year
