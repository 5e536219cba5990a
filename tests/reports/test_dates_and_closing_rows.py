"""Issue 14, read back from the written files: a date never breaks inside in Word or Excel
(only after 年, on a line of its own), and the sign-off never keeps one lonely item."""

from __future__ import annotations

import datetime as dt
import io
import re
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from readback import pdf_pages, raw_xml
from test_official_output import demo_batch, seed_store

from rectdesk.domain.model import Status
from rectdesk.reports.fontfiles import FontFace
from rectdesk.reports.layout import Column, Role, Row, Table
from rectdesk.reports.widths import break_dates
from rectdesk.services import reporting
from rectdesk.store import Store

TODAY = dt.date(2023, 11, 20)
PT_PER_MM = 72 / 25.4
#: What LibreOffice sets where 仿宋_GB2312 is missing: DejaVu Sans digits (0.636 em) and a
#: gap of about a fifth of an em where a digit meets a Chinese character (measured at 10.5 pt).
STAND_IN_DIGIT_EM = 0.636
AUTOSPACE_EM = 0.2
#: Word's cell margins in this writer (57 twips a side) and Excel's padding (2 pt a side).
WORD_MARGIN_PT = 57 / 20
EXCEL_PAD_PT = 2.0
_FULL_DATE = re.compile(r"[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日")


def set_width(line: str, size: float) -> float:
    """A line's width as LibreOffice sets it with the stand-in fonts."""
    ems = sum(STAND_IN_DIGIT_EM if ch.isascii() else 1.0 for ch in line)
    joints = re.findall(r"[0-9A-Za-z](?=[^\x00-\x7f])|[^\x00-\x7f](?=[0-9A-Za-z])", line)
    return (ems + AUTOSPACE_EM * len(joints)) * size


def assert_date_lines(text: str, inner_pt: float, size: float, where: str) -> None:
    """Every line of a date cell fits; a date is broken, if at all, right after 年."""
    lines = text.split("\n")
    flat = "".join(lines)
    breaks, at = [], 0
    for line in lines[:-1]:
        at += len(line)
        breaks.append(at)
    for date in _FULL_DATE.finditer(flat):
        for cut in breaks:
            if date.start() < cut < date.end():
                assert flat[cut - 1] == "年", (where, text)
    for line in lines:
        assert set_width(line, size) <= inner_pt + 0.01, (where, line, inner_pt)


def _export_deadlines(store: Store, template: str, part: str, fmt: str,
                      tmp_path: Path) -> tuple[int, float, Path]:  # fmt: skip
    """Export a template (one demo batch, or all); the deadline column's index, the body
    size and the file."""
    batch = demo_batch(store, part) if part else None
    report = reporting.build(store, template, batch_id=batch, today=TODAY)
    index = [c.key for c in report.tables()[0].columns].index("deadline")
    path = tmp_path / f"{template}.{fmt}"
    reporting.export_report(store, template, fmt, path, batch_id=batch, today=TODAY)
    return index, report.tables()[0].font_size, path


@pytest.mark.parametrize(("template", "part"), [("plan", "方案"), ("warnings", "")])
def test_word_dates_break_only_after_the_year_and_fit(
    report_store: Store, tmp_path: Path, template: str, part: str
) -> None:
    from docx import Document
    from docx.oxml.ns import qn

    index, size, path = _export_deadlines(report_store, template, part, "docx", tmp_path)
    assert 'w:left w:w="57"' in raw_xml(path, "word/document.xml")
    table = Document(str(path)).tables[0]
    grid = table._tbl.find(qn("w:tblGrid"))
    inner = int(list(grid.iter(qn("w:gridCol")))[index].get(qn("w:w"))) / 20 - 2 * WORD_MARGIN_PT
    checked = 0
    for row in table.rows[1:]:
        cells = row._tr.findall(qn("w:tc"))
        if len(cells) <= index:
            continue  # a section row
        paragraphs = cells[index].iter(qn("w:p"))
        text = "\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in paragraphs)
        if _FULL_DATE.search(text.replace("\n", "")):
            assert_date_lines(text, inner, size, f"{template} docx")
            checked += 1
    assert checked >= 9


@pytest.mark.parametrize(("template", "part"), [("plan", "方案"), ("ledger", ""),
                                                ("warnings", "")])  # fmt: skip
def test_excel_dates_break_only_after_the_year_and_fit(
    report_store: Store, tmp_path: Path, template: str, part: str
) -> None:
    import openpyxl
    from openpyxl.utils import get_column_letter

    from rectdesk.reports.xlsx import MM_PER_UNIT

    index, size, path = _export_deadlines(report_store, template, part, "xlsx", tmp_path)
    sheet = openpyxl.load_workbook(path).active
    units = sheet.column_dimensions[get_column_letter(index + 1)].width
    inner = units * MM_PER_UNIT * PT_PER_MM - 2 * EXCEL_PAD_PT
    checked = 0
    for (value,) in sheet.iter_rows(min_col=index + 1, max_col=index + 1, values_only=True):
        if isinstance(value, str) and _FULL_DATE.search(value.replace("\n", "")):
            assert_date_lines(value, inner, size, f"{template} xlsx")
            checked += 1
    assert checked >= 9


def test_a_date_breaks_after_the_year_only_where_it_must() -> None:
    columns = [Column("deadline", "整改时限"), Column("measures", "整改措施")]
    long_text = "2023年12月31日前完成全部整改任务并形成佐证材料报送局办公室备案。"
    rows = [Row(("2023年11月30日", long_text)), Row(("长期坚持", "2024年6月底前")),
            Row(("2023年12月31日前", ""))]
    table = Table(columns, rows, font_size=10.5, widths_mm=[17.0, 120.0])
    break_dates(table)
    assert table.rows[0].cells == ("2023年\n11月30日", long_text)
    assert table.rows[1].cells == ("长期坚持", "2024年6月底前")
    assert table.rows[2].cells[0] == "2023年\n12月31日前"
    wide = Table(columns, [Row(("2023年11月30日", ""))], font_size=10.5, widths_mm=[40.0, 100.0])
    break_dates(wide)
    assert wide.rows[0].cells[0] == "2023年11月30日"


# -- the sign-off keeps company --------------------------------------------------------------


_NUMBER = re.compile(r"(?<![0-9])[0-9]{15,16}(?![0-9])")


def _warned_items(store: Store) -> list[Any]:
    """Forty items of a new batch, all in progress: the warnings list's rows."""
    batch = seed_store(store, 40, name="预警批次")
    items = list(store.items(reporting.ItemQuery(batch_id=batch)))
    for item in items:
        store.update_item(item.id, {"status": Status.IN_PROGRESS.value})
    return items


def test_warnings_sign_off_never_keeps_one_item_alone(
    store: Store, font_env: list[FontFace], tmp_path: Path
) -> None:
    """Over many list lengths, the last page holds two items or more with the sign-off
    (an item going on from the page before counts; its part says (续))."""
    items = _warned_items(store)
    lonely = []
    for count in range(2, 41):
        ids = [i.id for i in items[:count]]
        path = tmp_path / "warnings.pdf"
        reporting.export_report(store, "warnings", "pdf", path, item_ids=ids,
                                today=dt.date(2023, 12, 20))  # fmt: skip
        pages = pdf_pages(path)
        last = pages[-1]
        assert "填报单位" in last
        if len(pages) == 1:
            continue
        shown = len(_NUMBER.findall(last)) + last.count("(续)")
        if shown < 2:
            lonely.append(count)
    assert not lonely, lonely


def test_tall_last_items_share_the_last_page(store: Store, font_env: list[FontFace],
                                             tmp_path: Path) -> None:  # fmt: skip
    """Items too tall to go over together with the sign-off (a third of a page to a page
    each): the second-to-last one still reaches the last page (its last lines, marked (续)),
    so the last item is not alone."""
    from rectdesk.domain.model import Assignment, BatchDraft, BatchKind, ItemDraft

    batch = store.add_batch(BatchDraft(BatchKind.OTHER, "长文本台账", year=2023))
    sentence = "按照台账推进、挂账销号的要求，逐项落实整改措施并形成佐证材料。"
    store.add_items(batch, [
        ItemDraft(content=f"第{n + 1}项问题。", number=f"02202306300{n:05d}",
                  departments=[Assignment("办公室")], measures=sentence * 12 * (1 + n % 3))
        for n in range(8)
    ])  # fmt: skip
    ids = [i.id for i in store.items(reporting.ItemQuery(batch_id=batch))]
    lonely = []
    for count in range(2, 9):
        path = tmp_path / "ledger.pdf"
        reporting.export_report(store, "ledger", "pdf", path, item_ids=ids[:count],
                                today=TODAY)  # fmt: skip
        pages = pdf_pages(path)
        last = pages[-1]
        assert "填报单位" in last
        if len(pages) > 1 and len(_NUMBER.findall(last)) + last.count("(续)") < 2:
            lonely.append(count)
    assert not lonely, lonely


def test_word_keeps_the_last_two_rows_with_the_sign_off(report_store: Store,
                                                        tmp_path: Path) -> None:  # fmt: skip
    path = tmp_path / "warnings.docx"
    reporting.export_report(report_store, "warnings", "docx", path, today=TODAY)
    body = raw_xml(path, "word/document.xml")
    table = body[body.rindex("<w:tbl>") : body.rindex("</w:tbl>")]
    rows = table.split("<w:tr>")[1:]
    assert all("<w:keepNext/>" in row for row in rows[-2:])
    assert "<w:cantSplit/>" in rows[-1]
    assert "<w:keepNext/>" not in rows[-3] or "<w:gridSpan" in rows[-3]


def test_word_moves_short_rows_whole(report_store: Store, tmp_path: Path) -> None:
    """Word cannot mark a split row (续): rows of a few lines move whole to the next page,
    as in the PDF; a row taller than that may still split."""
    path = tmp_path / "warnings.docx"
    reporting.export_report(report_store, "warnings", "docx", path, today=TODAY)
    body = raw_xml(path, "word/document.xml")
    rows = body[body.rindex("<w:tbl>") : body.rindex("</w:tbl>")].split("<w:tr>")[1:]
    rows = [row for row in rows if "<w:tblHeader/>" not in row]
    # All short but one, whose 整改内容 runs to ten lines.
    split = [row for row in rows if "<w:cantSplit/>" not in row]
    assert len(rows) >= 20 and len(split) == 1 and "0220220630700412" in split[0]
    plan = tmp_path / "plan.docx"
    reporting.export_report(report_store, "plan", "docx", plan,
                            batch_id=demo_batch(report_store, "方案"), today=TODAY)  # fmt: skip
    body = raw_xml(plan, "word/document.xml")
    first = body[body.index("<w:tbl>") :].split("<w:tr>")[2]
    assert "0220220630700418" in first and "<w:cantSplit/>" not in first


@pytest.mark.parametrize("template", ["plan", "ledger", "warnings", "summary", "closures"])
def test_word_headers_break_between_words_and_fit(
    report_store: Store, tmp_path: Path, template: str
) -> None:
    from docx import Document
    from docx.oxml.ns import qn

    from rectdesk.reports.textwrap_cjk import _word_bounds

    report = reporting.build(report_store, template, today=TODAY)
    layout = report.tables()[0]
    if layout.header:
        pytest.skip("grouped headers are written as the template gives them")
    path = tmp_path / f"{template}.docx"
    reporting.export_report(report_store, template, "docx", path, today=TODAY)
    table = Document(str(path)).tables[0]
    widths = [int(c.get(qn("w:w"))) / 20 for c in table._tbl.iter(qn("w:gridCol"))]
    header = table.rows[0]._tr.findall(qn("w:tc"))
    for index, cell in enumerate(header):
        lines = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in cell.iter(qn("w:p"))]
        whole = "".join(lines)
        # Every line fits its column as LibreOffice sets it (else it breaks anywhere) ...
        for line in lines:
            room = widths[index] - 2 * WORD_MARGIN_PT
            assert set_width(line, layout.header_size) <= room + 0.01, (template, lines)
        # ... and any break falls between words, never inside brackets.
        cut = 0
        for line in lines[:-1]:
            cut += len(line)
            assert cut in _word_bounds(whole), (template, lines)
            assert whole[:cut].count("（") == whole[:cut].count("）"), (template, lines)


@pytest.mark.parametrize(("template", "part"), [("plan", "方案"), ("ledger", "")])
def test_word_unit_lists_break_only_between_names(
    report_store: Store, tmp_path: Path, template: str, part: str
) -> None:
    from docx import Document
    from docx.oxml.ns import qn

    batch = demo_batch(report_store, part) if part else None
    report = reporting.build(report_store, template, batch_id=batch, today=TODAY)
    layout = report.tables()[0]
    index = [c.key for c in layout.columns].index("departments")
    path = tmp_path / f"{template}.docx"
    reporting.export_report(report_store, template, "docx", path, batch_id=batch, today=TODAY)
    table = Document(str(path)).tables[0]
    widths = [int(c.get(qn("w:w"))) / 20 for c in table._tbl.iter(qn("w:gridCol"))]
    room = widths[index] - 2 * WORD_MARGIN_PT
    several = 0
    for row in table.rows[1:]:
        cells = row._tr.findall(qn("w:tc"))
        if len(cells) <= index:
            continue  # a section row
        lines = ["".join(t.text or "" for t in p.iter(qn("w:t")))
                 for p in cells[index].iter(qn("w:p"))]  # fmt: skip
        if len(lines) > 1 and "、" in "".join(lines):
            several += 1
            assert all(line.endswith("、") for line in lines[:-1]), lines
            # The names fit; a 、 ending a line may hang into the margin, as word processors let it.
            fits = [set_width(line.rstrip("、"), layout.font_size) <= room + 0.01 for line in lines]
            assert all(fits), lines
    assert several >= 2


_SECTION = re.compile(r"^[一二三四五六七八九十]+、\S+$")
_PAGE_NUMBER = re.compile(r"^—\s*[0-9]+\s*—$")


def test_a_section_heading_never_ends_a_page(store: Store, font_env: list[FontFace],
                                             tmp_path: Path) -> None:  # fmt: skip
    """The warnings list groups items under their unit (一、办公室); over many list lengths
    no page ends with such a heading, its items all on the next page."""
    items = _warned_items(store)
    stranded, headings = [], 0
    for count in range(4, 41, 3):
        path = tmp_path / "warnings.pdf"
        reporting.export_report(store, "warnings", "pdf", path,
                                item_ids=[i.id for i in items[:count]],
                                today=dt.date(2023, 12, 20))  # fmt: skip
        for number, page in enumerate(pdf_pages(path)[:-1], 1):
            lines = [line.strip() for line in page.splitlines() if line.strip()]
            lines = [line for line in lines if not _PAGE_NUMBER.match(line)]
            headings += sum(1 for line in lines if _SECTION.match(line))
            if lines and _SECTION.match(lines[-1]):
                stranded.append((count, number, lines[-1]))
    assert headings > 10  # the lists do have headings to strand
    assert not stranded, stranded


def test_word_cells_split_with_two_lines_on_each_page(report_store: Store,
                                                      tmp_path: Path) -> None:  # fmt: skip
    """A tall row may split over two pages; its cell paragraphs carry widow control, so Word
    and WPS leave no single line of a cell on either page."""
    path = tmp_path / "summary.docx"
    reporting.export_report(report_store, "summary", "docx", path, today=TODAY)
    body = raw_xml(path, "word/document.xml")
    tables = re.findall(r"<w:tbl>.*?</w:tbl>", body, flags=re.S)
    rows = [row for table in tables for row in table.split("<w:tr>")[1:]]
    splittable = [row for row in rows if "<w:cantSplit/>" not in row and "w:tblHeader" not in row]
    assert splittable  # the summary has rows too tall to move whole
    for row in splittable:
        for ppr in re.findall(r"<w:pPr>(.*?)</w:pPr>", row):
            assert "<w:widowControl/>" in ppr, ppr


@pytest.mark.parametrize(
    ("count", "room", "expected"),
    [
        (3, 2, {0}),  # would leave one line over: all three go over
        (4, 3, {2}),  # two and two, not three and one
        (5, 1, {0}),  # the first line alone at the foot: moved
        (5, 5, set()),
        (30, 3, {3, 25}),  # longer than a page: 3, 22, 5
        (24, 0, {0, 22}),  # nothing fits here: over whole, then 22 and 2
    ],
)
def test_page_turns_leave_no_line_alone(count: int, room: int, expected: set[int]) -> None:
    from rectdesk.reports.pdf import page_turns

    turns = page_turns(count, room, 22, at_top=False)
    assert turns == expected
    edges = sorted({0, *turns, count})
    parts = [b - a for a, b in pairwise(edges) if b > a]
    assert all(part >= 2 for part in parts), parts


def test_narrative_paragraphs_keep_two_lines_on_each_page(
    store: Store, font_env: list[FontFace], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every line the PDF draws is recorded with its paragraph and page: over narratives of
    many lengths, no paragraph leaves a single line on a page (widow or orphan)."""
    from rectdesk.reports import pdf

    placed: list[tuple[int, int]] = []
    current = [0]
    paragraph, draw = pdf._PdfWriter.paragraph, pdf._PdfWriter.draw

    def counted(self: Any, para: Any, **kwargs: Any) -> None:
        current[0] += 1
        paragraph(self, para, **kwargs)

    def recorded(self: Any, role: Any, size: float, x: float, y: float, text: str,
                 align: Any) -> None:  # fmt: skip
        if role is not Role.PAGE_NUMBER:
            placed.append((current[0], self.page))
        draw(self, role, size, x, y, text, align)

    monkeypatch.setattr(pdf._PdfWriter, "paragraph", counted)
    monkeypatch.setattr(pdf._PdfWriter, "draw", recorded)
    batch = seed_store(store, 18)
    items = [i.id for i in store.items(reporting.ItemQuery(batch_id=batch))]
    lonely, splits = [], 0
    for count in range(3, 19):
        placed.clear()
        report = reporting.build(store, "narrative", item_ids=items[:count], today=TODAY)
        pdf.write_pdf(report, io.BytesIO())
        pages_of: dict[int, list[int]] = {}
        for number, page in placed:
            pages_of.setdefault(number, []).append(page)
        for number, pages in pages_of.items():
            counts = [pages.count(p) for p in sorted(set(pages))]
            splits += len(counts) > 1
            if len(counts) > 1 and min(counts) < 2:
                lonely.append((count, number, counts))
    assert splits > 20  # paragraphs do run over pages
    assert not lonely, lonely


def test_word_names_chinese_and_keeps_numbers_with_their_units(report_store: Store,
                                                               tmp_path: Path) -> None:  # fmt: skip
    """The document's East Asian language is zh-CN and its line-break lists (Word's and WPS's
    中文版式) forbid a line to start with a closing mark or with the unit after a number, so
    2021年, 12月23日 and 750人 stay whole there as in the PDF."""
    import docx

    path = tmp_path / "plan.docx"
    reporting.export_report(report_store, "plan", "docx", path, today=TODAY)
    settings = raw_xml(path, "word/settings.xml")
    before = re.search(r'<w:noLineBreaksBefore w:lang="zh-CN" w:val="([^"]*)"/>', settings)
    after = re.search(r'<w:noLineBreaksAfter w:lang="zh-CN" w:val="([^"]*)"/>', settings)
    assert before and after
    assert set("，。、；：？！）》”年月日人") <= set(before.group(1))
    assert set("（《“") <= set(after.group(1))
    # In the schema's order: right after w:characterSpacingControl.
    assert re.search(r"<w:characterSpacingControl [^>]*/><w:noLineBreaksAfter ", settings)
    styles = raw_xml(path, "word/styles.xml")
    assert re.search(r'<w:docDefaults>.*<w:lang [^>]*w:eastAsia="zh-CN"', styles, flags=re.S)
    assert docx.Document(str(path)).paragraphs  # still a document Word's reader opens


def _excel_pages(path: Path) -> tuple[Any, list[list[int]], float]:
    """The sheet, its rows page by page (by its manual breaks) and the page's height."""
    import openpyxl

    sheet = openpyxl.load_workbook(path).active
    cuts = [0, *sorted(b.id for b in sheet.row_breaks.brk), sheet.max_row]
    pages = [list(range(a + 1, b + 1)) for a, b in pairwise(cuts) if b > a]
    margins = sheet.page_margins
    height = (210 / 25.4 - margins.top - margins.bottom) * 72  # A4 landscape
    return sheet, pages, height


def test_excel_pages_hold_their_rows_and_keep_headings_and_sign_off(
    store: Store, font_env: list[FontFace], tmp_path: Path
) -> None:
    """Over many list lengths the Excel warnings list is laid in pages by manual breaks: each
    page (with the header rows printed again) holds its rows at full size, no page ends with
    a unit heading or a header row, and the sign-off has two items or more with it."""
    items = _warned_items(store)
    problems, paged = [], 0
    for count in range(2, 41, 2):
        path = tmp_path / "warnings.xlsx"
        reporting.export_report(store, "warnings", "xlsx", path,
                                item_ids=[i.id for i in items[:count]],
                                today=dt.date(2023, 12, 20))  # fmt: skip
        sheet, pages, page_pt = _excel_pages(path)
        titles = [int(x) for x in re.findall(r"[0-9]+", sheet.print_title_rows or "")]
        title_pt = sum(sheet.row_dimensions[r].height for r in range(titles[0], titles[-1] + 1))
        paged += len(pages) > 1
        for number, rows in enumerate(pages):
            used = sum(sheet.row_dimensions[r].height or 12.75 for r in rows)
            used += title_pt if number else 0
            if used > page_pt:
                problems.append((count, number, "overfull", used))
            last = rows[-1]
            value = str(sheet.cell(last, 1).value or "")
            if number < len(pages) - 1 and (_SECTION.match(value) or value == "序号"):
                problems.append((count, number, "ends with", value))
        closing = pages[-1]
        numbers = [r for r in closing
                   if re.fullmatch(r"[0-9]+|\(续\)", str(sheet.cell(r, 1).value))]
        if len(pages) > 1 and len(numbers) < 2:
            problems.append((count, "lonely sign-off", numbers))
    assert paged > 10
    assert not problems, problems


def test_excel_default_font_is_arial(report_store: Store, tmp_path: Path) -> None:
    """Column widths are counted in the default font's digits: Arial (Liberation Sans on
    Linux) makes Excel, WPS and LibreOffice read them alike (Calibri, missing on Linux, made
    LibreOffice print every page at three quarters)."""
    path = tmp_path / "plan.xlsx"
    reporting.export_report(report_store, "plan", "xlsx", path, today=TODAY)
    styles = raw_xml(path, "xl/styles.xml")
    first = re.search(r"<fonts[^>]*><font>(.*?)</font>", styles)
    assert first and '<name val="Arial"/>' in first.group(1) and '<sz val="10"/>' in first.group(1)
