"""Issue 14, each defect read back from the written files: no text lost, titles, narrative,
fonts named, per-glyph fallback, office dates, line breaks, closing lines, print titles."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from readback import all_xml, docx_entries, pdf_pages, raw_xml, squash, xlsx_entries

from rectdesk.domain.deadlines import parse_deadline
from rectdesk.domain.errors import UserError
from rectdesk.domain.model import Assignment, BatchDraft, BatchKind, ItemDraft, Status
from rectdesk.reports.fontfiles import FontFace, read_faces
from rectdesk.reports.layout import Paragraph
from rectdesk.reports.pdf import write_pdf
from rectdesk.reports.textwrap_cjk import kept_spans, nominal_widths, title_lines, wrap
from rectdesk.reports.xlsx import ROW_CAP, cell_lines, line_pitch
from rectdesk.services import reporting
from rectdesk.services.paths import resource_dir
from rectdesk.store import Store

TODAY = dt.date(2023, 11, 20)
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def seed_store(store: Store, count: int, name: str = "基准批次整改工作方案") -> int:
    """``count`` items copied round-robin from seed 001 (as the benchmark does)."""
    rows = json.loads((resource_dir() / "demo" / "seed001.json").read_text("utf-8"))["items"]
    batch = store.add_batch(BatchDraft(BatchKind.SOCIAL_REVIEW, name, year=2023))
    drafts = [
        ItemDraft(
            content=row["content"],
            seq=str(n + 1),
            number=row.get("number"),
            category=row.get("category", ""),
            departments=[Assignment(d) for d in row.get("departments", [])],
            measures=row.get("measures", ""),
            outcomes=row.get("outcomes", ""),
            deadline=parse_deadline(row.get("deadline", ""), year=2023),
        )
        for n, row in enumerate(rows[n % len(rows)] for n in range(count))
    ]
    store.add_items(batch, drafts)
    return batch


def demo_batch(store: Store, part: str) -> int:
    return next(b.id for b in store.batches() if part in b.name)


# -- no text lost in Excel -------------------------------------------------------------------


@pytest.mark.slow
def test_excel_rows_never_exceed_the_cap_and_keep_all_text(store: Store, tmp_path: Path) -> None:
    import openpyxl

    batch = seed_store(store, 1000)
    path = tmp_path / "plan.xlsx"
    reporting.export_report(store, "ledger", "xlsx", path, batch_id=batch, today=TODAY)
    report = reporting.build(store, "ledger", batch_id=batch, today=TODAY)
    sheet = openpyxl.load_workbook(path).active
    heights = [sheet.row_dimensions[r].height or 15 for r in range(1, sheet.max_row + 1)]
    assert max(heights) <= ROW_CAP
    # Every cell's text, as Excel wraps it at the column's width, fits its row (or merge).
    merged = {(m.min_row, m.min_col): m for m in sheet.merged_cells.ranges}
    inside = {(r, c) for m in sheet.merged_cells.ranges for r in range(m.min_row, m.max_row + 1)
              for c in range(m.min_col, m.max_col + 1)}  # fmt: skip
    table = report.tables()[0]
    body_size = table.font_size
    checked = 0
    for row in sheet.iter_rows(min_row=4):
        for cell in row:
            if not isinstance(cell.value, str) or not cell.value:
                continue
            if (cell.row, cell.column) in inside and (cell.row, cell.column) not in merged:
                continue
            span = merged.get((cell.row, cell.column))
            last_row = span.max_row if span else cell.row
            last_col = span.max_col if span else cell.column
            width = sum(sheet.column_dimensions[chr(64 + c)].width
                        for c in range(cell.column, last_col + 1))  # fmt: skip
            height = sum(heights[r - 1] for r in range(cell.row, last_row + 1))
            size = cell.font.sz or body_size
            lines = len(cell_lines(cell.value, width, size))
            assert lines * line_pitch(size) + 6 <= height + 0.5, (cell.coordinate, lines)
            checked += 1
    assert checked > 5000
    # Nothing lost: the folded rows read back the whole of every cell, in order.
    entries = [e for e in xlsx_entries(path) if e[0] == "row"][1:]
    assert len(entries) == 1000
    for entry, laid in zip(entries, table.rows, strict=True):
        assert [squash(c) for c in entry[1]] == [squash(c) for c in laid.cells]


def test_long_row_goes_on_in_continuation_rows(store: Store, tmp_path: Path) -> None:
    """An item taller than a page fills the page and goes on in rows marked (续) on the next
    pages, each page ended by a manual break; all its text reads back in order, and a part
    that begins with = stays text (never a formula)."""
    import openpyxl

    batch = store.add_batch(BatchDraft(BatchKind.OTHER, "长文本", year=2023))
    measures = "\n".join(f"=A{n}+1按照要求逐项落实整改措施并形成佐证材料，做到台账推进。" * 3
                         for n in range(1, 40))  # fmt: skip
    store.add_items(batch, [ItemDraft(content="问题", number="0220220630700418",
                                      measures=measures + "措施结束。")])  # fmt: skip
    path = tmp_path / "plan.xlsx"
    reporting.export_report(store, "plan", "xlsx", path, batch_id=batch, today=TODAY)
    sheet = openpyxl.load_workbook(path).active
    rows = [r for r in range(1, sheet.max_row + 1)
            if sheet.cell(r, 3).value == "0220220630700418" or sheet.cell(r, 1).value == "(续)"]
    assert len(rows) >= 3 and rows == list(range(rows[0], rows[0] + len(rows)))
    breaks = [b.id for b in sheet.row_breaks.brk]
    assert [r - 1 for r in rows[1:]] == breaks[: len(rows) - 1]  # each part opens a page
    assert all((sheet.row_dimensions[r].height or 0) <= ROW_CAP for r in rows)
    text = "".join(str(sheet.cell(r, 6).value or "") for r in rows)
    assert squash(text) == squash(measures + "措施结束。")
    starts = [str(sheet.cell(r, 6).value) for r in rows]
    assert any(t.startswith("=") for t in starts)  # a part does begin with =
    assert all(c.data_type == "s" for r in rows for c in sheet[r] if c.value)


# -- titles ----------------------------------------------------------------------------------


def test_titles_say_nothing_twice(report_store: Store, tmp_path: Path) -> None:
    batch = demo_batch(report_store, "2020年度")
    for fmt in ("docx", "xlsx"):
        path = tmp_path / f"s.{fmt}"
        reporting.export_report(report_store, "summary", fmt, path, batch_id=batch, today=TODAY)
        text = squash(re.sub(r"<[^>]+>", "", all_xml(path)))
        assert "自治区卫生健康委2020年度社会评价意见建议汇总表" in text
        assert "意见建议意见建议" not in text
    plan = demo_batch(report_store, "整改工作方案")
    narrative = reporting.build(report_store, "narrative", batch_id=plan, today=TODAY)
    title = narrative.title
    assert title == "关于自治区中医药局2022年度绩效考评社会评价意见建议整改情况的报告"
    assert "方案整改" not in title


def test_titles_break_where_the_meaning_breaks() -> None:
    widths = nominal_widths(22)
    area = 225 * 72 / 25.4
    lines = title_lines("自治区中医药局2022年度绩效考评社会评价意见建议整改工作方案", area, widths)
    assert lines == ["自治区中医药局2022年度绩效考评", "社会评价意见建议整改工作方案"]
    portrait = 156 * 72 / 25.4
    lines = title_lines("关于县委第八轮专项巡察反馈问题整改情况的报告", portrait, widths)
    assert len(lines) == 2 and all(len(line) > 2 for line in lines)
    assert lines[1][0] not in "案告表"


# -- narrative -------------------------------------------------------------------------------


def test_narrative_never_presents_a_plan_as_done(report_store: Store) -> None:
    plan = demo_batch(report_store, "整改工作方案")
    items = report_store.items(reporting.ItemQuery(batch_id=plan))
    assert not any(i.progress for i in items)  # the seed-001 plan has no progress yet
    report = reporting.build(report_store, "narrative", batch_id=plan, today=TODAY)
    texts = [b.text for b in report.blocks if isinstance(b, Paragraph)]
    accounts = [t for t in texts if t.startswith("整改情况：")]
    assert len(accounts) == len(items)
    for item, account in zip(items, accounts, strict=True):
        assert account == f"整改情况：{item.status.label}，尚未报送整改进展。"
        first_measure = item.measures.strip().split("\n")[0][2:12]
        assert first_measure not in account
    assert any(t.startswith("计划措施（整改时限：") for t in texts)
    # The measures' own 1. 2. become （1）（2）: only the items are numbered 1. 2. 3.
    numbered = [t for t in texts if re.match(r"^[0-9]+\.", t)]
    assert [int(t.split(".")[0]) for t in numbered] == list(range(1, len(items) + 1))
    assert all(t.startswith("针对", len(t.split(".")[0]) + 1) for t in numbered)
    assert texts[2] == "一、组织领导和工作部署" and "三、下一步工作" in texts
    assert texts[-2] == "（单位盖章）" and texts[-1] == "2023年11月20日"


def test_narrative_reports_recorded_progress(report_store: Store) -> None:
    batch = demo_batch(report_store, "巡察")
    report = reporting.build(report_store, "narrative", batch_id=batch, today=TODAY)
    texts = [b.text for b in report.blocks if isinstance(b, Paragraph)]
    assert any(t.startswith("整改情况：一是") for t in texts)
    assert "县委第八轮专项巡察反馈问题共9个问题" in texts[1]


# -- fonts -----------------------------------------------------------------------------------


def test_word_and_excel_name_the_official_fonts(
    report_store: Store, font_env: list[FontFace], tmp_path: Path
) -> None:
    import openpyxl

    batch = demo_batch(report_store, "整改工作方案")
    docx_path, xlsx_path = tmp_path / "p.docx", tmp_path / "p.xlsx"
    reporting.export_report(report_store, "plan", "docx", docx_path, batch_id=batch, today=TODAY)
    reporting.export_report(report_store, "plan", "xlsx", xlsx_path, batch_id=batch, today=TODAY)
    body = raw_xml(docx_path, "word/document.xml")
    assert 'w:eastAsia="仿宋_GB2312"' in body and 'w:eastAsia="方正小标宋简体"' in body
    assert "WenQuanYi" not in body and "文泉" not in all_xml(docx_path)
    table = raw_xml(docx_path, "word/fontTable.xml")
    assert re.search(r'w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>', table)
    assert re.search(r'w:name="方正小标宋简体"><w:altName w:val="宋体"/>', table)
    sheet = openpyxl.load_workbook(xlsx_path).active
    names = {c.font.name for row in sheet.iter_rows() for c in row if c.value}
    assert {"仿宋_GB2312", "方正小标宋简体", "黑体"} <= names
    assert not any("WenQuanYi" in n or "文泉" in n for n in names)


@pytest.fixture
def latin_as_fangsong(test_faces: list[FontFace]) -> FontFace:
    """A font without Chinese glyphs installed under an official name (the reverse of Droid
    Sans Fallback, which has Chinese but no digits): every Chinese glyph needs a stand-in."""
    faces = [f for f in read_faces(DEJAVU) if f.truetype] if DEJAVU.exists() else []
    if not faces:
        pytest.skip("需要 DejaVu Sans 字体（fonts-dejavu-core）")
    return replace(faces[0], families=("仿宋_GB2312",), chinese=True)


def test_a_glyph_the_font_lacks_is_drawn_by_another_font(
    report_store: Store, test_faces: list[FontFace], latin_as_fangsong: FontFace, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    report = reporting.build(report_store, "plan", batch_id=demo_batch(report_store, "方案"),
                             today=TODAY)  # fmt: skip
    path = tmp_path / "p.pdf"
    result = write_pdf(report, path, faces=[latin_as_fangsong, *test_faces])
    assert result.fonts.choices[next(iter(result.fonts.choices))]  # chosen
    assert result.fonts.stand_ins and not result.fonts.missing
    text = squash("".join(pdf_pages(path)))
    assert "0220220630700418" in text and "整改措施" in text and "—1—" in text
    fonts = {str(f.get_object()["/BaseFont"]) for page in PdfReader(str(path)).pages
             for f in page["/Resources"]["/Font"].values()}  # fmt: skip
    assert len({name.split("+")[-1].rsplit("-", 1)[0] for name in fonts}) >= 2


def test_no_font_with_the_glyph_refuses_in_one_sentence(
    report_store: Store, latin_as_fangsong: FontFace, tmp_path: Path
) -> None:
    report = reporting.build(report_store, "plan", batch_id=demo_batch(report_store, "方案"),
                             today=TODAY)  # fmt: skip
    with pytest.raises(UserError) as caught:
        write_pdf(report, tmp_path / "p.pdf", faces=[latin_as_fangsong])
    assert caught.value.message.count("。") == 1 and "没有导出" in caught.value.message
    assert not (tmp_path / "p.pdf").exists()


def test_font_discovery_can_be_pointed_at_a_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, test_faces: list[FontFace]
) -> None:
    from rectdesk.reports.fontfiles import FONT_DIR_VARIABLE, scan_faces, scan_other_faces

    folder = tmp_path / "fonts"
    folder.mkdir()
    shutil.copy(test_faces[0].path, folder / "only.ttc")
    if DEJAVU.exists():
        shutil.copy(DEJAVU, folder / "latin.ttf")
    monkeypatch.setenv(FONT_DIR_VARIABLE, str(folder))
    assert {f.path.parent for f in scan_faces()} == {folder}
    assert all(f.path.parent == folder for f in scan_other_faces())


# -- dates and line breaks -------------------------------------------------------------------


def test_printed_dates_are_never_iso(
    store: Store, font_env: list[FontFace], tmp_path: Path
) -> None:
    batch = store.add_batch(BatchDraft(BatchKind.OTHER, "日期写法", year=2023))
    store.add_items(batch, [
        ItemDraft(content="甲", deadline=replace(parse_deadline("2023-11-30", year=2023),
                                                 text="2023-11-30")),
        ItemDraft(content="乙", deadline=replace(parse_deadline("2023.12.31", year=2023),
                                                 text="2023.12.31 00:00:00")),
        ItemDraft(content="丙", deadline=parse_deadline("2024年6月底前", year=2024)),
    ])  # fmt: skip
    for fmt in ("pdf", "docx", "xlsx"):
        path = tmp_path / f"p.{fmt}"
        reporting.export_report(store, "plan", fmt, path, batch_id=batch, today=TODAY)
        if fmt == "pdf":
            text = squash("".join(pdf_pages(path)))
        else:
            entries = docx_entries(path) if fmt == "docx" else xlsx_entries(path)
            text = squash("".join(c for _kind, cells in entries for c in cells))
        assert "2023年11月30日" in text and "2023年12月31日" in text and "2024年6月底前" in text
        assert not re.search(r"20[0-9]{2}[-./][0-9]{1,2}[-./][0-9]{1,2}", text), fmt


def test_breaks_keep_codes_dates_phones_and_unit_names() -> None:
    widths = nominal_widths(10.5)
    cases = (("整改时限2023年12月31日", 50.0), ("联系人138****1962反映", 60.0),
             ("逾期1101天", 45.0), ("每周不少于12小时", 65.0))
    for text, width in cases:
        lines = wrap(text, width, widths)
        assert "".join(lines) == text
        for start, end in kept_spans(text):
            assert sum(start < len("".join(lines[:k])) < end for k in range(1, len(lines))) == 0
    # A number stays with its unit: 逾期 / 1101天, never 逾期1101 / 天.
    assert wrap("逾期1101天", 45.0, widths) == ["逾期", "1101天"]
    assert wrap("每周不少于12小时", 65.0, widths) == ["每周不少于", "12小时"]
    units = ["科教处", "医政处", "规划产业处"]
    lines = wrap("、".join(units), 60.0, widths, words=units)
    assert all(line.strip("、") in units for line in lines)


def test_headers_break_between_words(report_store: Store, font_env: list[FontFace],
                                     tmp_path: Path) -> None:  # fmt: skip
    path = tmp_path / "p.pdf"
    reporting.export_report(report_store, "plan", "pdf", path,
                            batch_id=demo_batch(report_store, "方案"), today=TODAY)  # fmt: skip
    raw = pdf_pages(path)[0]
    assert "整改部\n门" not in raw and "整改时\n限" not in raw


# -- pages -----------------------------------------------------------------------------------


@pytest.mark.parametrize("count", range(1, 31))
def test_no_page_holds_only_the_closing_lines(
    store: Store, font_env: list[FontFace], tmp_path: Path, count: int
) -> None:
    batch = seed_store(store, count, name="预警批次")
    for item in store.items(reporting.ItemQuery(batch_id=batch)):
        store.update_item(item.id, {"status": Status.IN_PROGRESS.value})
    for template in ("closures", "narrative"):
        path = tmp_path / f"{template}.pdf"
        try:
            reporting.export_report(store, template, "pdf", path, batch_id=batch,
                                    today=dt.date(2023, 12, 20))  # fmt: skip
        except UserError:
            continue
        last = re.sub(r"—\d+—", "", squash(pdf_pages(path)[-1]))
        closing = re.sub(r"填报单位.*|（单位盖章）|20\d\d年\d+月\d+日", "", last)
        assert closing, (template, count, last)


def test_word_headings_keep_with_next(report_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "n.docx"
    reporting.export_report(report_store, "narrative", "docx", path, today=TODAY)
    body = raw_xml(path, "word/document.xml")
    for heading in ("一、组织领导和工作部署", "三、下一步工作"):
        paragraph = body[: body.index(heading)].rsplit("<w:p>", 1)[1]
        assert "<w:keepNext/>" in paragraph, heading


def test_excel_print_titles_repeat_the_item_header(report_store: Store, tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "s.xlsx"
    reporting.export_report(report_store, "summary", "xlsx", path, today=TODAY)
    sheet = openpyxl.load_workbook(path).active
    first, last = (int(x) for x in re.findall(r"\d+", sheet.print_title_rows))
    header = [sheet.cell(first, c).value for c in range(1, 7)]
    assert header[:2] == ["序号", "意见建议编号"]
    # One item header on the sheet: the sections after the first continue under it.
    rows = [[c.value for c in row][:2] for row in sheet.iter_rows()]
    assert rows.count(["序号", "意见建议编号"]) == 1 and first == last


def test_a_continued_row_says_so(store: Store, font_env: list[FontFace], tmp_path: Path) -> None:
    batch = seed_store(store, 18)
    path = tmp_path / "p.pdf"
    reporting.export_report(store, "plan", "pdf", path, batch_id=batch, today=TODAY)
    pages = pdf_pages(path)
    assert any("(续)" in page for page in pages[1:])


def test_seed_001_plan_pages(report_store: Store, font_env: list[FontFace],
                             tmp_path: Path) -> None:  # fmt: skip
    batch = demo_batch(report_store, "方案")
    path = tmp_path / "p.pdf"
    result = reporting.export_report(report_store, "plan", "pdf", path, batch_id=batch, today=TODAY)
    # 17 pages before widths followed content, 14 at GB/T 9704 prose margins.
    assert result.pages == len(pdf_pages(path)) and len(pdf_pages(path)) <= 10


def test_tables_at_office_sizes_on_table_margins(report_store: Store, font_env: list[FontFace],
                                                  tmp_path: Path) -> None:  # fmt: skip
    """Plans at 仿宋 五号, short tables at 小四, prose at 三号; landscape tables on 20 mm
    margins, the narrative on GB/T 9704's, read back from the Word files."""
    import docx
    from docx.oxml.ns import qn

    sizes: dict[str, set[str]] = {}
    for template in ("plan", "summary", "closures", "narrative"):
        path = tmp_path / f"{template}.docx"
        reporting.export_report(report_store, template, "docx", path, today=TODAY)
        document = docx.Document(str(path))
        section = document.sections[0]
        margins = [round(m.mm) for m in (section.top_margin, section.bottom_margin,
                                         section.left_margin, section.right_margin)]  # fmt: skip
        if template == "narrative":
            assert margins == [37, 35, 28, 26]
            continue
        assert margins == [20, 20, 20, 20]
        body = document.tables[-1].rows[-1]._tr
        sizes[template] = {s.get(qn("w:val")) for s in body.iter(qn("w:sz"))}
    assert sizes["plan"] == {"21"}
    assert sizes["summary"] == {"24"} and sizes["closures"] == {"24"}



def test_codes_keep_whole_where_digits_are_set_wider(report_store: Store, tmp_path: Path) -> None:
    """The 编号 column holds a 16-digit number on one line also where Word, WPS or LibreOffice
    set the digits in a stand-in font (DejaVu Sans, 0.64 em) — read back from the Word grid
    and the Excel column widths."""
    import openpyxl
    from docx.oxml.ns import qn

    batch = demo_batch(report_store, "方案")
    report = reporting.build(report_store, "plan", batch_id=batch, today=TODAY)
    table = report.tables()[0]
    index = [c.key for c in table.columns].index("number")
    longest = max(len(r.cells[index]) for r in table.rows)
    assert longest == 16
    need_pt = longest * 0.64 * table.font_size + 2 * 3.0  # the digits and the cell padding
    path = tmp_path / "plan.docx"
    reporting.export_report(report_store, "plan", "docx", path, batch_id=batch, today=TODAY)
    import docx

    grid = docx.Document(str(path)).tables[0]._tbl.find(qn("w:tblGrid"))
    widths_pt = [int(g.get(qn("w:w"))) / 20 for g in grid.iter(qn("w:gridCol"))]
    assert widths_pt[index] >= need_pt
    book = tmp_path / "plan.xlsx"
    reporting.export_report(report_store, "plan", "xlsx", book, batch_id=batch, today=TODAY)
    sheet = openpyxl.load_workbook(book).active
    letter = "ABCDEFGH"[index]
    # Excel's width unit is the width of one digit in the sheet's default font, plus padding.
    assert (sheet.column_dimensions[letter].width or 0) >= longest


def test_bracketed_unit_in_a_header_stays_whole(report_store: Store, font_env: list[FontFace],
                                                tmp_path: Path) -> None:  # fmt: skip
    """The summary's count column is headed 数量 over （条）, never 数量 / （ / 条）."""
    path = tmp_path / "summary.pdf"
    reporting.export_report(report_store, "summary", "pdf", path, today=TODAY)
    lines = [squash(line) for line in pdf_pages(path)[0].splitlines()]
    assert "（条）" in lines or any(line.endswith("（条）") for line in lines)
    assert "（" not in lines


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1、2020年广西对市县考核。\n2.在实施中优先安排。",
         ["（1）2020年广西对市县考核。", "（2）在实施中优先安排。"]),
        ("1.2020年利用后援单位经费。\n2.2021-2022年，开展课题研究。",
         ["（1）2020年利用后援单位经费。", "（2）2021-2022年，开展课题研究。"]),
        ("1.5亿元已下达。", ["1.5亿元已下达。"]),  # a decimal, not a list mark
        ("3.2万元用于道路。", ["3.2万元用于道路。"]),
        ("1、2月份完成培训。", ["1、2月份完成培训。"]),  # January and February
        ("(3) 建立台账。", ["（3）建立台账。"]),
        ("12．完善制度。", ["（12）完善制度。"]),
    ],
)  # fmt: skip
def test_narrative_renumbers_only_real_list_marks(text: str, expected: list[str]) -> None:
    from rectdesk.reports.narrative import _renumbered

    assert _renumbered(text) == expected
