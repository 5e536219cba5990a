"""Each writer read back: page set-up, repeated headers, fonts, page numbers, cell types."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from readback import pdf_pages, raw_xml, squash

from rectdesk.domain.model import Assignment, BatchDraft, BatchKind, ItemDraft
from rectdesk.reports.fontfiles import FontFace
from rectdesk.reports.fonts import load_font
from rectdesk.reports.layout import Column, Paragraph, ParagraphStyle, Report, Role, Row, Table
from rectdesk.reports.pdf import write_pdf
from rectdesk.reports.textwrap_cjk import NO_START, Widths, wrap
from rectdesk.services import reporting
from rectdesk.store import Store

TODAY = dt.date(2023, 11, 20)
MM = 72 / 25.4


def long_store(store: Store, count: int = 12, repeat: int = 60) -> int:
    """A batch whose items are long; the first one is taller than a whole page."""
    batch = store.add_batch(BatchDraft(BatchKind.OTHER, "长文本批次", year=2023))
    sentence = "按照“台账推进、挂账销号”的要求，逐项落实整改措施并形成佐证材料。"
    drafts = [
        ItemDraft(
            content=f"第{n + 1}项问题：" + sentence * 3,
            number=f"02202306300{n:05d}",
            category="测试主题",
            departments=[Assignment("办公室")],
            measures=f"措施{n + 1}开始。"
            + sentence * (repeat if n == 0 else 6)
            + f"措施{n + 1}结束。",
            outcomes="形成制度1项。",
        )
        for n in range(count)
    ]
    store.add_items(batch, drafts)
    return batch


# -- PDF ---------------------------------------------------------------------------------------


def test_pdf_pages_headers_numbers_and_fonts(
    store: Store, font_env: list[FontFace], tmp_path: Path
) -> None:
    from pypdf import PdfReader

    batch = long_store(store)
    path = tmp_path / "plan.pdf"
    result = reporting.export_report(store, "plan", "pdf", path, batch_id=batch, today=TODAY)
    pages = pdf_pages(path)
    assert result.pages == len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        flat = squash(page)
        assert "整改措施" in flat and "整改可检验成果" in flat  # the header on every page
        assert flat.endswith(f"—{number}—")
    # The row taller than a page is split cleanly: all of it is there, start to end, in order.
    text = squash("".join(pages))
    assert text.index("措施1开始") < text.index("措施1结束") < text.index("措施2开始")
    reader = PdfReader(str(path))
    first = reader.pages[0]
    width, height = float(first.mediabox.width), float(first.mediabox.height)
    assert width > height and round(width) == 842  # A4 landscape
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts.add(str(font["/BaseFont"]))
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor  # a TrueType program embedded in the file
    assert fonts and all("+" in name for name in fonts)  # subset tags: ABCDEF+Name
    assert not any("Helvetica" in name for name in fonts)


def test_pdf_page_numbers_alternate_sides(
    store: Store, font_env: list[FontFace], tmp_path: Path
) -> None:
    from pypdf import PdfReader

    batch = long_store(store)
    path = tmp_path / "plan.pdf"
    reporting.export_report(store, "plan", "pdf", path, batch_id=batch, today=TODAY)
    positions: dict[int, float] = {}
    for index, page in enumerate(PdfReader(str(path)).pages[:2], start=1):
        found: list[float] = []

        def visit(text: str, cm: object, tm: list[float], *_: object) -> None:
            if "—" in text and tm[5] < 35 * MM:
                found.append(tm[4])  # noqa: B023 - used at once, inside this loop turn

        page.extract_text(visitor_text=visit)
        positions[index] = found[0]
    assert positions[1] > 500  # odd page: right
    assert positions[2] < 200  # even page: left


def test_wrapped_lines_fit_their_width(test_faces: list[FontFace]) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    name, _covered = load_font(test_faces[0].path, test_faces[0].index)
    widths = Widths(lambda ch: float(stringWidth(ch, name, 10.5)))
    text = "整改措施：一是加强领导，二是压实责任（2023年11月30日前），三是建立长效机制。" * 5
    lines = wrap(text + "\n0220220630700418 编号不断开", 120, widths)
    assert "".join(lines) == text + "0220220630700418 编号不断开"
    assert all(widths.text_width(line) <= 120.01 for line in lines)
    assert not any(line and line[0] in NO_START for line in lines)
    assert any(line.startswith("0220220630700418") for line in lines)  # a number is not cut


def test_missing_glyphs_are_reported(test_faces: list[FontFace]) -> None:
    from rectdesk.domain.errors import UserError

    report = Report("x", "缺字", [Table([Column("a", "内容")], [Row(("生僻字𠀀𪚥",))])])
    # The preview shows the pages and names the characters; an export refuses plainly.
    result = write_pdf(report, io.BytesIO(), faces=test_faces, strict=False)
    assert "𠀀" in result.fonts.missing_chars()
    assert any("缺少" in line for line in result.fonts.describe())
    with pytest.raises(UserError, match="𠀀"):
        write_pdf(report, io.BytesIO(), faces=test_faces)


# -- Word --------------------------------------------------------------------------------------


def test_docx_tables_fonts_sections_and_footer(store: Store, tmp_path: Path) -> None:
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn

    batch = long_store(store)
    path = tmp_path / "plan.docx"
    reporting.export_report(store, "plan", "docx", path, batch_id=batch, today=TODAY)
    document = docx.Document(str(path))
    section = document.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert section.page_width > section.page_height
    # A landscape table attachment: 20 mm on every side (layout.TABLE_MARGINS_MM).
    assert round(section.top_margin.mm) == 20 and round(section.left_margin.mm) == 20
    table = document.tables[0]
    assert len(table.rows) == 1 + 12
    header_tr = table.rows[0]._tr
    assert header_tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    assert table.rows[1]._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None
    runs = list(document.element.body.iter(qn("w:r")))
    assert runs
    for run in runs:
        fonts = run.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        assert fonts is not None and fonts.get(qn("w:eastAsia")), "a run without East-Asian font"
    assert document.settings.odd_and_even_pages_header_footer
    odd = raw_xml(path, "word/footer2.xml") + raw_xml(path, "word/footer1.xml")
    assert "PAGE" in odd and "— " in odd
    assert table.rows[1].cells[2].text == "0220230630000000"


# -- Excel -------------------------------------------------------------------------------------


def test_xlsx_print_setup_and_text_cells(report_store: Store, tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "summary.xlsx"
    reporting.export_report(report_store, "summary", "xlsx", path, today=TODAY)
    sheet = openpyxl.load_workbook(path).active
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows and ":" in sheet.print_title_rows
    assert all(sheet.column_dimensions[c].width > 1 for c in "ABCDEF")
    assert any(r.max_col - r.min_col >= 5 for r in sheet.merged_cells.ranges)  # section rows
    origins = [c for row in sheet.iter_rows() for c in row if str(c.value).startswith("=张三")]
    assert origins and all(c.data_type == "s" for c in origins)  # never a formula
    xml = raw_xml(path, "xl/worksheets/sheet1.xml")
    assert "<f>" not in xml
    numbers = [c for row in sheet.iter_rows() for c in row if c.value == "0220200740200337"]
    assert numbers and numbers[0].alignment.wrap_text
    assert "&amp;P" in xml or "&P" in xml  # page numbers in the footer


def test_exports_are_atomic(store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from rectdesk.domain.errors import UserError

    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "plan.docx"
    target.write_bytes(b"old file")

    def failing(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(reporting, "write", failing)
    with pytest.raises(UserError, match="磁盘空间不足"):
        reporting.export_report(store, "plan", "docx", target, today=TODAY)
    assert target.read_bytes() == b"old file"
    assert [p.name for p in folder.iterdir()] == ["plan.docx"]


def test_no_chinese_font_is_refused_plainly(store: Store, tmp_path: Path) -> None:
    from rectdesk.domain.errors import UserError

    report = Report("x", "标题", [Paragraph("正文", ParagraphStyle.BODY)])
    with pytest.raises(UserError, match="没有可嵌入 PDF 的中文"):
        write_pdf(report, tmp_path / "x.pdf", faces=[])
    assert not (tmp_path / "x.pdf").exists()


def test_font_choice_prefers_official_names(test_faces: list[FontFace]) -> None:
    from dataclasses import replace

    from rectdesk.reports.fonts import choose_fonts

    fake_fangsong = replace(test_faces[0], families=("仿宋", "FangSong"))
    choices = choose_fonts([*test_faces, fake_fangsong])
    assert choices[Role.BODY].family == "仿宋"
    assert "仿宋_GB2312 未安装，改用 仿宋" in choices[Role.BODY].describe()
    assert choices[Role.TITLE].family == test_faces[0].name  # no 小标宋/宋体: the fallback
