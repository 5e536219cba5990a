"""Word writer: real tables built as XML in one pass (linear time), editable in Word and WPS."""

from __future__ import annotations

import io
import math
import re
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from rectdesk.reports.fonts import ROLE_LABELS, WINDOWS_FALLBACK, official_families
from rectdesk.reports.layout import (
    CONFIDENTIAL_MARK,
    KEEP_LINES,
    TABLE_LEADING,
    Align,
    Paragraph,
    ParagraphStyle,
    Report,
    Role,
    Row,
    RowKind,
    Table,
    page_number_text,
)
from rectdesk.reports.textwrap_cjk import NO_END, NO_START

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TWIPS_PER_MM = 1440 / 25.4
#: GB/T 9704 line pitch for 3号 body text, in twentieths of a point (28.9 pt).
BODY_PITCH_TWIPS = 578
#: Left and right cell margin in table cells (about the writers' 3 pt padding).
CELL_MARGIN_TWIPS = 57
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_JC = {Align.LEFT: "left", Align.CENTER: "center", Align.RIGHT: "right"}


def _text(value: str) -> str:
    return escape(_XML_INVALID.sub("", value))


class _Runs:
    """Run properties per font role and size, East-Asian font set on every run."""

    def __init__(self, families: dict[Role, str]) -> None:
        self.families = families
        self._cache: dict[tuple[Role, float, bool], str] = {}

    def rpr(self, role: Role, size: float, bold: bool = False) -> str:
        key = (role, size, bold)
        found = self._cache.get(key)
        if found is None:
            name = _text(self.families[role])
            half = round(size * 2)
            found = (
                f'<w:rPr><w:rFonts w:ascii="{name}" w:hAnsi="{name}" w:eastAsia="{name}"'
                f' w:cs="{name}" w:hint="eastAsia"/>{"<w:b/>" if bold else ""}'
                f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/></w:rPr>'
            )
            self._cache[key] = found
        return found

    def paragraph(self, text: str, role: Role, size: float, ppr: str, bold: bool = False) -> str:
        """One paragraph per line of text (hard breaks become paragraphs)."""
        rpr = self.rpr(role, size, bold)
        return "".join(
            f'<w:p><w:pPr>{ppr}</w:pPr><w:r>{rpr}<w:t xml:space="preserve">{_text(line)}'
            "</w:t></w:r></w:p>"
            for line in (text.split("\n") if text else [""])
        )


def write_docx(report: Report, target: Path | io.BytesIO) -> dict[str, str]:
    """Write the report as a .docx; returns role → font family named in the file."""
    from docx import Document
    from docx.shared import Mm

    families = official_families(report.fonts)
    runs = _Runs(families)
    document: Any = Document()
    section = document.sections[0]
    width_mm, height_mm = report.page_mm()
    if report.landscape:
        from docx.enum.section import WD_ORIENT

        section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(width_mm), Mm(height_mm)
    top, bottom, left, right = report.page_margins_mm()
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    section.footer_distance = Mm(max(bottom - 16, 5))
    section.header_distance = Mm(max(top - 16, 5))
    _page_furniture(document, section, report, runs)

    usable = (width_mm - left - right) * TWIPS_PER_MM
    parts: list[str] = []
    blocks = report.blocks
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if isinstance(block, Paragraph):
            parts.append(_paragraph_xml(block, runs, keep_next=_keeps_with_next(blocks, index)))
        else:
            signed = isinstance(following, Paragraph) and following.style is ParagraphStyle.SIGNOFF
            page_pt = (height_mm - top - bottom) * 72 / 25.4
            parts.append(_table_xml(block, runs, usable, keep_last=signed, page_pt=page_pt))
            if not signed:
                parts.append(runs.paragraph("", Role.BODY, 6, '<w:spacing w:after="0"/>'))
    _insert_body(document, "".join(parts))
    _name_fallbacks(document, set(families.values()))
    _chinese_line_breaks(document)
    core = document.core_properties
    core.title = report.title
    core.subject = report.name
    core.author = "RectDesk"
    document.save(target if isinstance(target, io.BytesIO) else str(target))
    return {ROLE_LABELS[role]: name for role, name in families.items()}


def _insert_body(document: Any, xml: str) -> None:
    """Put the report's XML before the body's section properties, parsing the part once.

    Moving a large parsed fragment into the document tree costs lxml time that grows faster
    than the fragment; splicing the text and parsing the whole part once stays linear.
    """
    from docx.oxml import parse_xml

    part = document.part
    blob: bytes = part.blob
    at = blob.rfind(b"<w:sectPr")
    if at < 0:
        at = blob.rfind(b"</w:body>")
    part._element = parse_xml(blob[:at] + xml.encode("utf-8") + blob[at:])


_HEADINGS = (ParagraphStyle.ATTACHMENT, ParagraphStyle.TITLE, ParagraphStyle.SUBTITLE,
             ParagraphStyle.HEADING1, ParagraphStyle.HEADING2)  # fmt: skip


def _keeps_with_next(blocks: list[Paragraph | Table], index: int) -> bool:
    """Headings stay with what they introduce; the last lines stay with the signature."""
    block = blocks[index]
    if index + 1 >= len(blocks) or not isinstance(block, Paragraph):
        return False
    if block.style in _HEADINGS:
        return True
    # The paragraph before the signature, the blank line and the unit stay with the date.
    # Only the last three blocks can: looking further made long reports quadratic.
    if len(blocks) - index - 1 > 3:
        return False
    rest = blocks[index + 1 :]
    return all(isinstance(b, Paragraph) for b in rest) and any(
        isinstance(b, Paragraph) and b.style in (ParagraphStyle.SIGNATURE, ParagraphStyle.SIGNOFF)
        for b in rest
    )


#: Besides the closing marks, the characters Word and WPS may not start a line with: the units
#: that follow a number (2021年, 12月23日, 750人), so a year, a date or a count stays whole.
UNITS_AFTER_NUMBERS = "年月日号天周时个人项次条名家所元万亿"


def _chinese_line_breaks(document: Any) -> None:
    """The document's East Asian language is Simplified Chinese, with its own kinsoku lists.

    Without a language Word reads the text as English East Asian text; the custom lists
    (Word: 中文版式 → 换行 → 自定义) keep 2021年 and 12月23日 whole, as the PDF does.
    """
    from docx.oxml import parse_xml

    path = f"{{{W_NS}}}docDefaults/{{{W_NS}}}rPrDefault/{{{W_NS}}}rPr"
    lang = document.styles.element.find(path)
    if lang is not None:
        found = lang.find(f"{{{W_NS}}}lang")
        if found is None:
            found = parse_xml(f'<w:lang xmlns:w="{W_NS}" w:val="en-US"/>')
            lang.append(found)
        found.set(f"{{{W_NS}}}eastAsia", "zh-CN")
    settings = document.settings.element
    for old in settings.findall(f"{{{W_NS}}}noLineBreaksAfter") + settings.findall(
        f"{{{W_NS}}}noLineBreaksBefore"
    ):
        settings.remove(old)
    before = "".join(sorted(NO_START)) + UNITS_AFTER_NUMBERS
    lists = [
        parse_xml(f'<w:noLineBreaksAfter xmlns:w="{W_NS}" w:lang="zh-CN" '
                  f'w:val="{_text("".join(sorted(NO_END)))}"/>'),
        parse_xml(f'<w:noLineBreaksBefore xmlns:w="{W_NS}" w:lang="zh-CN" '
                  f'w:val="{_text(before)}"/>'),
    ]  # fmt: skip
    # Schema order: after w:characterSpacingControl, w:printTwoOnOne, w:strictFirstAndLastChars.
    anchor = None
    for name in ("strictFirstAndLastChars", "printTwoOnOne", "characterSpacingControl"):
        anchor = settings.find(f"{{{W_NS}}}{name}")
        if anchor is not None:
            break
    if anchor is None:
        for element in reversed(lists):
            settings.insert(0, element)
        return
    for element in reversed(lists):
        anchor.addnext(element)


def _name_fallbacks(document: Any, names: set[str]) -> None:
    """Tell Word and WPS which Windows font stands in for each official one (w:altName)."""
    from lxml import etree  # type: ignore[import-untyped]

    part = next(
        (r.target_part for r in document.part.rels.values()
         if not r.is_external and r.reltype.endswith("/fontTable")),
        None,
    )  # fmt: skip
    if part is None:
        return
    root = etree.fromstring(part.blob)
    for font in root.findall(f"{{{W_NS}}}font"):
        if font.get(f"{{{W_NS}}}name") in names:
            root.remove(font)
    for name in sorted(names):
        alt = WINDOWS_FALLBACK.get(name)
        alt_xml = f'<w:altName w:val="{_text(alt)}"/>' if alt else ""
        root.append(etree.fromstring(
            f'<w:font xmlns:w="{W_NS}" w:name="{_text(name)}">{alt_xml}'
            '<w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>'
        ))  # fmt: skip
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _paragraph_xml(para: Paragraph, runs: _Runs, *, keep_next: bool = False) -> str:
    role, size = para.font()
    style = para.style
    keep = "<w:keepNext/><w:keepLines/>" if keep_next else "<w:widowControl/>"
    if style is ParagraphStyle.TITLE:
        ppr = (
            f'<w:spacing w:before="0" w:after="240" w:line="{round(size * 29)}"'
            ' w:lineRule="exact"/>'
            '<w:jc w:val="center"/>'
        )
    elif style is ParagraphStyle.SIGNATURE:
        ppr = (
            f'<w:spacing w:after="0" w:line="{BODY_PITCH_TWIPS}" w:lineRule="exact"/>'
            f'<w:ind w:right="{round(size * 80)}"/><w:jc w:val="right"/>'
        )
    elif style is ParagraphStyle.SUBTITLE:
        ppr = (
            f'<w:spacing w:after="0" w:line="{BODY_PITCH_TWIPS}" w:lineRule="exact"/>'
            '<w:jc w:val="center"/>'
        )
    elif style in (ParagraphStyle.ATTACHMENT, ParagraphStyle.SIGNOFF):
        ppr = '<w:spacing w:before="120" w:after="120"/><w:jc w:val="left"/>'
    else:
        ppr = (
            f'<w:spacing w:after="0" w:line="{BODY_PITCH_TWIPS}" w:lineRule="exact"/>'
            f'<w:ind w:firstLine="{round(size * 40)}"/><w:jc w:val="both"/>'
        )
    return runs.paragraph(para.text, role, size, keep + ppr)


def _pitch(size: float) -> int:
    """Exact line pitch of table text in twentieths of a point (single spacing)."""
    return round(size * 20 * TABLE_LEADING)


def _table_xml(table: Table, runs: _Runs, usable: float, *, keep_last: bool = False,
               page_pt: float = 0.0) -> str:  # fmt: skip
    widths = [int(usable * share) for share in table.shares()]
    n = len(widths)
    border = '<w:{0} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    borders = "".join(border.format(side) for side in
                      ("top", "left", "bottom", "right", "insideH", "insideV"))  # fmt: skip
    out = [
        f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
        f'<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:left w:w="{CELL_MARGIN_TWIPS}" w:type="dxa"/>'
        f'<w:right w:w="{CELL_MARGIN_TWIPS}" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr><w:tblGrid>"
        + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        + "</w:tblGrid>"
    ]
    out.extend(_header_rows(table, runs, widths))
    size = table.font_size
    section_size = table.section_font_size()
    section_spacing = (
        f'<w:spacing w:before="0" w:after="0" w:line="{_pitch(section_size)}"'
        ' w:lineRule="exact"/>'
    )
    spacing = (
        f'<w:spacing w:before="0" w:after="0" w:line="{_pitch(size)}" w:lineRule="exact"/>'
    )
    # Widow control in cells: a row split over two pages leaves two lines or more on each.
    cell_pprs = [f'<w:widowControl/>{spacing}<w:jc w:val="{_JC[c.align]}"/>' for c in table.columns]
    valigns = ["center" if c.align is Align.CENTER else "top" for c in table.columns]
    centre_ppr = f'{section_spacing}<w:jc w:val="center"/>'
    left_ppr = f'{section_spacing}<w:jc w:val="left"/>'
    # The sign-off line keeps the last two items with it, never one alone, where the two fit
    # a page together (LibreOffice moves a row kept with the next even where they cannot).
    # Only the last row cannot split.
    last = len(table.rows) - 1
    bodies = [k for k, row in enumerate(table.rows) if row.kind is RowKind.BODY]
    held_from = last if keep_last else -1
    if keep_last and len(bodies) >= 2:
        pair = sum(_row_lines(_cells(table.rows[k], n), widths, size) for k in bodies[-2:])
        if pair * size * TABLE_LEADING < 0.6 * page_pt:
            held_from = bodies[-2]
    for number, row in enumerate(table.rows):
        if row.kind is RowKind.SECTION:
            # A section row never ends a page: it stays with the first row it introduces.
            out.append(
                f'<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr>'
                f'<w:tcW w:w="{sum(widths)}" w:type="dxa"/>'
                f'<w:gridSpan w:val="{n}"/><w:vAlign w:val="center"/></w:tcPr>'
                + runs.paragraph(row.cells[0], Role.SECTION, section_size,
                                 "<w:keepNext/>" + left_ppr)
                + "</w:tc></w:tr>"
            )  # fmt: skip
            continue
        keep = 0 <= held_from <= number
        total_row = row.kind is RowKind.TOTAL
        cells = _cells(row, n)
        tcs = []
        for i, text in enumerate(cells):
            held = "<w:keepNext/>" if keep else ""
            if total_row:
                para = runs.paragraph(text, Role.SECTION, section_size, held + centre_ppr)
                valign = "center"
            else:
                para = runs.paragraph(text, Role.BODY, size, held + cell_pprs[i])
                valign = valigns[i]
            tcs.append(
                f'<w:tc><w:tcPr><w:tcW w:w="{widths[i]}" w:type="dxa"/>'
                f'<w:vAlign w:val="{valign}"/></w:tcPr>{para}</w:tc>'
            )
        # The last row stays whole with the sign-off line under the table; a short row moves
        # whole to the next page, as in the PDF (Word cannot mark a split row (续)).
        whole = (keep and number == last) or _row_lines(cells, widths, size) <= KEEP_LINES
        properties = "<w:trPr><w:cantSplit/></w:trPr>" if whole else ""
        out.append("<w:tr>" + properties + "".join(tcs) + "</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def _cells(row: Row, n: int) -> list[str]:
    return list(row.cells[:n]) + [""] * (n - len(row.cells))


def _row_lines(cells: list[str], widths: list[int], size: float) -> int:
    """About how many lines a row takes (its tallest cell, at the em rule)."""
    most = 1
    for text, twips in zip(cells, widths, strict=True):
        inner = (twips - 2 * CELL_MARGIN_TWIPS) / 20
        if inner <= 0:
            return 10**6
        lines = 0
        for para in text.split("\n"):
            ems = sum(0.5 if ch.isascii() else 1.0 for ch in para)
            lines += max(1, math.ceil(ems * size / inner))
        most = max(most, lines)
    return most


def _header_rows(table: Table, runs: _Runs, widths: list[int]) -> list[str]:
    """Header rows marked to repeat on every page, spans and vertical merges kept."""
    size = table.header_size
    ppr = (f'<w:spacing w:before="0" w:after="0" w:line="{_pitch(size)}" w:lineRule="exact"/>'
           '<w:jc w:val="center"/>')  # fmt: skip
    rows = table.header_rows()
    n = len(widths)
    # (text, span, merge) per grid place; merge is "restart", "continue" or "".
    grid: list[list[tuple[str, int, str] | None]] = [[None] * n for _ in rows]
    for r, header_row in enumerate(rows):
        col = 0
        for cell in header_row:
            while col < n and grid[r][col] is not None:
                col += 1
            if col >= n:
                break
            span = max(1, min(cell.span, n - col))
            down = max(1, min(cell.rows, len(rows) - r))
            grid[r][col] = (cell.text, span, "restart" if down > 1 else "")
            for dc in range(1, span):
                grid[r][col + dc] = ("", 0, "")
            for dr in range(1, down):
                grid[r + dr][col] = ("", span, "continue")
                for dc in range(1, span):
                    grid[r + dr][col + dc] = ("", 0, "")
            col += span
    out = []
    for r in range(len(rows)):
        tcs = []
        for col in range(n):
            place = grid[r][col] or ("", 1, "")
            text, span, merge = place
            if span == 0:
                continue
            width = sum(widths[col : col + span])
            extra = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
            if merge:
                extra += f'<w:vMerge w:val="{merge}"/>' if merge == "restart" else "<w:vMerge/>"
            tcs.append(
                f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{extra}'
                f'<w:vAlign w:val="center"/></w:tcPr>'
                f"{runs.paragraph(text, Role.TABLE_HEADER, size, ppr)}</w:tc>"
            )
        out.append("<w:tr><w:trPr><w:tblHeader/></w:trPr>" + "".join(tcs) + "</w:tr>")
    return out


def _field(rpr: str, code: str) -> str:
    """A Word field (PAGE, NUMPAGES) whose shown value Word and WPS update on opening."""
    return (
        f'<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r>{rpr}<w:instrText xml:space="preserve"> {code} </w:instrText></w:r>'
        f'<w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r>{rpr}<w:t>1</w:t></w:r>"
        f'<w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>'
    )


def page_number_runs(style: str, rpr: str) -> str:
    """The footer's runs for a page-number style: literal text around PAGE / NUMPAGES fields."""
    marker = page_number_text(style, 10**6, 2 * 10**6)
    if not marker:
        return ""
    out = []
    for part in re.split(r"(1000000|2000000)", marker):
        if part == "1000000":
            out.append(_field(rpr, "PAGE"))
        elif part == "2000000":
            out.append(_field(rpr, "NUMPAGES"))
        elif part:
            out.append(f'<w:r>{rpr}<w:t xml:space="preserve">{_text(part)}</w:t></w:r>')
    return "".join(out)


def _page_furniture(document: Any, section: Any, report: Report, runs: _Runs) -> None:
    """Page numbers in the report's style (`— 1 —` odd right / even left); the confidential mark."""
    from docx.oxml import parse_xml

    style = report.number_style()
    dash = style == "dash"
    document.settings.odd_and_even_pages_header_footer = dash or report.confidential
    rpr = runs.rpr(Role.PAGE_NUMBER, report.page_number_size)
    places = [(section.footer, "right" if dash else "center")]
    if document.settings.odd_and_even_pages_header_footer:
        places.append((section.even_page_footer, "left" if dash else "center"))
    for footer, jc in places:
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]._p
        ind = ""
        if dash:
            ind = '<w:ind w:right="280"/>' if jc == "right" else '<w:ind w:left="280"/>'
        xml = (
            f'<w:p xmlns:w="{W_NS}"><w:pPr><w:jc w:val="{jc}"/>{ind}</w:pPr>'
            f"{page_number_runs(style, rpr)}</w:p>"
        )
        if style != "none":
            paragraph.addprevious(parse_xml(xml))
            paragraph.getparent().remove(paragraph)
    if report.confidential:
        mark = runs.rpr(Role.HEADING, 14)
        for header in (section.header, section.even_page_header):
            header.is_linked_to_previous = False
            paragraph = header.paragraphs[0]._p
            paragraph.addprevious(parse_xml(
                f'<w:p xmlns:w="{W_NS}"><w:pPr><w:jc w:val="left"/></w:pPr>'
                f'<w:r>{mark}<w:t>{CONFIDENTIAL_MARK}</w:t></w:r></w:p>'
            ))  # fmt: skip
            paragraph.getparent().remove(paragraph)
