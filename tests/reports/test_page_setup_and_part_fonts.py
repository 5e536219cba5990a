"""Page size, page-number style, fonts per part and the deadline range, read back per format."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest
from readback import pdf_pages, raw_xml, squash

from rectdesk.cli import main
from rectdesk.domain.errors import UserError
from rectdesk.reports.fontfiles import FontFace
from rectdesk.reports.fonts import load_font
from rectdesk.reports.layout import Role, RowKind
from rectdesk.reports.templates import TemplateSpec, builtin
from rectdesk.services import reporting
from rectdesk.services.demo import load_demo
from rectdesk.store import ItemQuery, Store

TODAY = dt.date(2023, 11, 20)
MM = 72 / 25.4
NEW_KEYS = ("fonts", "sizes", "page_size", "page_number_style", "deadline_from", "deadline_to",
            "department", "category")  # fmt: skip


def plan_batch(store: Store) -> int:
    return next(b.id for b in store.batches() if "整改工作方案" in b.name)


def spec_with(name: str, **changes: object) -> TemplateSpec:
    spec = builtin("plan")
    spec.name = spec.label = name
    for key, value in changes.items():
        setattr(spec, key, value)
    spec.validate()
    return spec


def export(store: Store, spec: TemplateSpec, fmt: str, path: Path) -> reporting.ExportResult:
    reporting.save_template(store, spec)
    return reporting.export_report(
        store, spec.name, fmt, path, batch_id=plan_batch(store), today=TODAY
    )


@pytest.fixture
def part_faces(test_faces: list[FontFace], monkeypatch: pytest.MonkeyPatch) -> list[FontFace]:
    """Three faces of the test font installed under official names: 黑体, 楷体, 仿宋."""
    from rectdesk.reports import fonts

    hei, mono, sharp = test_faces[:3]
    faces = [
        replace(hei, families=("黑体", "SimHei")),
        replace(mono, families=("楷体_GB2312",)),
        replace(sharp, families=("仿宋_GB2312",)),
    ]
    monkeypatch.setattr(fonts, "scan_faces", lambda dirs=None: tuple(faces))
    return faces


def base_font(face: FontFace) -> str:
    from reportlab.pdfbase.pdfmetrics import getFont

    name = getFont(load_font(face.path, face.index)[0]).face.name
    return name.decode() if isinstance(name, bytes) else str(name)


def drawn_font(font: dict[str, object]) -> str:
    """The face a PDF font resource names: subset tag and reportlab's subset number dropped."""
    name = str(font["/BaseFont"]).split("+")[-1].lstrip("/")
    stem, _sep, number = name.rpartition("-")
    return stem if number.isdigit() else name


# -- the template ------------------------------------------------------------------------------


def test_old_templates_load_with_defaults_and_new_fields_round_trip() -> None:
    old = builtin("ledger").to_dict()
    for key in NEW_KEYS:
        old.pop(key)
    spec = TemplateSpec.from_dict(old)
    assert (spec.page_size, spec.page_number_style, spec.fonts, spec.sizes) == (
        "A4",
        "dash",
        {},
        {},
    )
    assert spec.deadline_range() == (None, None)
    new = spec_with(
        "新表", page_size="A3", page_number_style="page_of", fonts={"header": "楷体_GB2312"},
        sizes={"header": 12.0, "page_number": 10.5}, deadline_from="2023-01-01",
        deadline_to="2023-12-31",
    )  # fmt: skip
    assert TemplateSpec.from_dict(json.loads(json.dumps(new.to_dict()))) == new
    assert new.role_fonts() == {Role.TABLE_HEADER: "楷体_GB2312"}
    assert new.part_font("title") == "方正小标宋简体" and new.part_size("page_number") == 10.5
    for bad, message in (
        ({"page_size": "Letter"}, "纸张"),
        ({"page_number_style": "roman"}, "页码样式"),
        ({"fonts": {"header": "Comic Sans"}}, "字体设置"),
        ({"sizes": {"signoff": 80}}, "字号设置"),
        ({"deadline_from": "2023-12-31", "deadline_to": "2023-01-01"}, "起日晚于止日"),
        ({"deadline_from": "明年"}, "日期"),
    ):
        with pytest.raises(UserError, match=message):
            TemplateSpec.from_dict(new.to_dict() | bad)


# -- page size -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("size", "landscape", "mm"),
    [("A4", False, (210, 297)), ("A3", True, (420, 297)), ("B5", False, (182, 257))],
)
def test_page_size_in_every_format(
    demo_store: Store,
    font_env: list[FontFace],
    tmp_path: Path,
    size: str,
    landscape: bool,
    mm: tuple[int, int],
) -> None:
    import docx
    import openpyxl
    from pypdf import PdfReader

    spec = spec_with(f"纸张{size}", page_size=size, landscape=landscape)
    export(demo_store, spec, "pdf", tmp_path / "a.pdf")
    page = PdfReader(str(tmp_path / "a.pdf")).pages[0]
    assert (round(float(page.mediabox.width) / MM), round(float(page.mediabox.height) / MM)) == mm
    export(demo_store, spec, "docx", tmp_path / "a.docx")
    section = docx.Document(str(tmp_path / "a.docx")).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == mm
    sect_xml = raw_xml(tmp_path / "a.docx", "word/document.xml")
    twips = (round(mm[0] * 1440 / 25.4), round(mm[1] * 1440 / 25.4))
    assert any(f'w:w="{twips[0] + d}"' in sect_xml for d in (-1, 0, 1))
    export(demo_store, spec, "xlsx", tmp_path / "a.xlsx")
    setup = openpyxl.load_workbook(tmp_path / "a.xlsx").active.page_setup
    assert int(setup.paperSize) == {"A4": 9, "A3": 8, "B5": 13}[size]
    assert setup.orientation == ("landscape" if landscape else "portrait")


# -- page numbers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("style", "expected", "excel"),
    [
        ("dash", "—{p}—", "— &P —"),
        ("page", "第{p}页", "第 &P 页"),
        ("page_of", "第{p}页共{n}页", "第 &P 页 共 &N 页"),
        ("hyphen", "-{p}-", "- &P -"),
        ("none", "", ""),
    ],
)
def test_page_number_styles(
    demo_store: Store, font_env: list[FontFace], tmp_path: Path, style: str, expected: str,
    excel: str,
) -> None:  # fmt: skip
    import openpyxl
    from pypdf import PdfReader

    spec = spec_with(f"页码{style}", page_number_style=style)
    result = export(demo_store, spec, "pdf", tmp_path / "a.pdf")
    pages = pdf_pages(tmp_path / "a.pdf")
    assert result.pages == len(pages) >= 2
    for number, text in enumerate(pages, start=1):
        flat = squash(text)
        if expected:
            assert flat.endswith(expected.format(p=number, n=len(pages)))
        else:
            assert not flat.endswith(f"—{number}—") and not flat.endswith(f"{number}页")
    if style not in ("dash", "none"):  # the other styles sit in the middle of the page
        xs: list[float] = []
        reader = PdfReader(str(tmp_path / "a.pdf"))
        width = float(reader.pages[1].mediabox.width)

        def visit(text: str, _cm: object, tm: list[float], *_: object) -> None:
            if text.strip() and tm[5] < 15 * MM:  # under a table with 20 mm margins
                xs.append(tm[4])

        reader.pages[1].extract_text(visitor_text=visit)
        assert xs and width * 0.3 < xs[0] < width * 0.5

    export(demo_store, spec, "docx", tmp_path / "a.docx")
    footers = "".join(
        raw_xml(tmp_path / "a.docx", f"word/footer{n}.xml")
        for n in (1, 2, 3)
        if _has(tmp_path / "a.docx", f"word/footer{n}.xml")
    )
    assert ("PAGE" in footers) == (style != "none")
    assert ("NUMPAGES" in footers) == (style == "page_of")
    if style in ("page", "page_of"):
        assert "第 " in footers and '<w:jc w:val="center"/>' in footers

    export(demo_store, spec, "xlsx", tmp_path / "a.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "a.xlsx").active
    footer = sheet.oddFooter.right.text if style == "dash" else sheet.oddFooter.center.text
    assert (footer or "") == excel


def _has(path: Path, member: str) -> bool:
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return member in archive.namelist()


# -- fonts per part --------------------------------------------------------------------------


def test_fonts_per_part_in_pdf_word_and_excel(
    demo_store: Store, part_faces: list[FontFace], tmp_path: Path
) -> None:
    import docx
    import openpyxl
    from docx.oxml.ns import qn
    from pypdf import PdfReader

    hei, kai, fang = part_faces
    spec = spec_with(
        "字体表", fonts={"header": "楷体_GB2312", "body": "黑体", "page_number": "仿宋_GB2312"},
        sizes={"header": 12.0}, signoff=True,
    )  # fmt: skip
    result = export(demo_store, spec, "pdf", tmp_path / "a.pdf")
    assert result.fonts_used["表头"] == "楷体_GB2312"
    assert result.fonts_used["正文和表格"] == "黑体"
    assert result.fonts_used["页码"] == "仿宋_GB2312"
    assert result.fonts_used["落款行"] == "仿宋_GB2312"  # not chosen: the official font
    drawn: dict[str, set[str]] = {}

    def visit(text: str, _cm: object, _tm: object, font: dict[str, object] | None,
              *_: object) -> None:  # fmt: skip
        if text.strip() and font:
            drawn.setdefault(squash(text), set()).add(drawn_font(font))

    PdfReader(str(tmp_path / "a.pdf")).pages[0].extract_text(visitor_text=visit)
    header = {f for t, fs in drawn.items() if "整改措施" in t for f in fs}
    page_number = {f for t, fs in drawn.items() if t == "—1—" for f in fs}
    assert header == {base_font(kai)}
    assert page_number == {base_font(fang)}
    assert any(base_font(hei) in fs for t, fs in drawn.items() if "0220" in t)  # body cells

    export(demo_store, spec, "docx", tmp_path / "a.docx")
    table = docx.Document(str(tmp_path / "a.docx")).tables[0]

    def east_asia(cell_xml: object) -> set[str]:
        return {
            str(f.get(qn("w:eastAsia")))
            for f in cell_xml.iter(qn("w:rFonts"))  # type: ignore[attr-defined]
        }

    assert east_asia(table.rows[0]._tr) == {"楷体_GB2312"}
    assert east_asia(table.rows[2]._tr) == {"黑体"}
    sizes = {s.get(qn("w:val")) for s in table.rows[0]._tr.iter(qn("w:sz"))}
    assert sizes == {"24"}  # 12 pt header

    export(demo_store, spec, "xlsx", tmp_path / "a.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "a.xlsx").active
    header_cell = next(c for row in sheet.iter_rows() for c in row if c.value == "整改措施")
    assert header_cell.font.name == "楷体_GB2312" and header_cell.font.size == 12
    assert sheet.oddFooter.right.font == "仿宋_GB2312"


def test_a_chosen_font_not_installed_falls_back_and_says_so(
    demo_store: Store, part_faces: list[FontFace], tmp_path: Path
) -> None:
    spec = spec_with("缺字体表", fonts={"title": "黑体", "section": "方正小标宋简体"})
    result = export(demo_store, spec, "pdf", tmp_path / "a.pdf")
    assert result.fonts_used["标题"] == "黑体"
    notes = "\n".join(result.font_notes)
    assert "分组行和合计行：方正小标宋简体 未安装，改用" in notes
    assert "标题：黑体" in notes
    preview = reporting.render_preview(reporting.build(demo_store, spec, today=TODAY))
    assert any("方正小标宋简体 未安装" in w for w in preview.warnings)


# -- which items -----------------------------------------------------------------------------


def test_deadline_range_selects_items(demo_store: Store, font_env: list[FontFace]) -> None:
    everything = reporting.build(demo_store, builtin("plan"), today=TODAY)
    first, last = dt.date(2023, 9, 1), dt.date(2023, 12, 31)
    spec = spec_with("时限表", deadline_from=first.isoformat(), deadline_to=last.isoformat())
    report = reporting.build(demo_store, spec, today=TODAY)
    wanted = demo_store.items(ItemQuery(deadline_from=first, deadline_to=last, today=TODAY))
    rows = [r for r in report.tables()[0].rows if r.kind is RowKind.BODY]
    assert wanted and len(rows) == len(wanted) < len(everything.tables()[0].rows)
    assert all(i.deadline.date and first <= i.deadline.date <= last for i in wanted)
    numbers = {r.cells[2] for r in rows}
    assert numbers == {i.number for i in wanted}


# -- the command line uses saved templates -----------------------------------------------------


def test_cli_exports_with_a_saved_templates_page_setup(
    tmp_path: Path, font_env: list[FontFace], capsys: pytest.CaptureFixture[str]
) -> None:
    from pypdf import PdfReader

    db = tmp_path / "ledger.sqlite3"
    with Store.open(db) as store:
        load_demo(store)
        batch = plan_batch(store)
        reporting.save_template(
            store, spec_with("A3方案", page_size="A3", landscape=True, page_number_style="page_of")
        )
    assert main(["--db", str(db), "templates", "--json"]) == 0
    listed = {t["name"]: t for t in json.loads(capsys.readouterr().out)}
    assert listed["A3方案"]["page_size"] == "A3" and listed["plan"]["page_size"] == "A4"
    assert listed["A3方案"]["page_number_style"] == "page_of"
    out = tmp_path / "a3.pdf"
    code = main(["--db", str(db), "export", "--template", "A3方案", "--format", "pdf",
                 "--output", str(out), "--batch", str(batch), "--json"])  # fmt: skip
    assert code == 0
    pages = json.loads(capsys.readouterr().out)["pages"]
    page = PdfReader(str(out)).pages[0]
    assert round(float(page.mediabox.width) / MM) == 420
    assert squash(pdf_pages(out)[0]).endswith(f"第1页共{pages}页")


def test_rows_taller_than_a_page_are_named_in_one_warning(
    demo_store: Store, test_faces: list[FontFace]
) -> None:
    spec = spec_with("大字号方案", font_size=16.0)  # 三号: several measures outgrow a page
    report = reporting.build(demo_store, spec, batch_id=plan_batch(demo_store), today=TODAY)
    tall = [w for w in reporting.render_preview(report).warnings if "比一页还高" in w]
    assert len(tall) == 1, tall
    assert tall[0].count("第") >= 2 and "、" in tall[0]  # every such row, in one sentence
