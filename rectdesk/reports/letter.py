"""Letters in the GB/T 9704 函 format (督办通知, 预警提醒函, 答复函), as PDF and Word.

The body (title, paragraphs, the items table, 落款 and date) is an ordinary report layout and
goes through the report writers; what only a letter has — the red 发文机关标志 with its red
rule, the 文号 (and 签发人) line, the 主送 line set flush left, the 附注 contact line and the
answer-class mark — is drawn into the places the layout marks for it.
"""

from __future__ import annotations

import datetime as dt
import io
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, BinaryIO

from rectdesk.domain.deadlines import format_cn_date
from rectdesk.domain.privacy import mask_text
from rectdesk.reports.fonts import FontPlan, plan_fonts
from rectdesk.reports.layout import Align, Paragraph, ParagraphStyle, Report, Role, Table
from rectdesk.reports.masking import mask_report
from rectdesk.reports.pdf import BODY_PITCH, MM, PdfResult, _PdfWriter, characters_by_role
from rectdesk.reports.textwrap_cjk import wrap

#: The red of 发文机关标志 and its rule (GB/T 9704: red).
RED = (0.8, 0.0, 0.0)
HEAD_SIZE = 30.0
BODY_SIZE = 16.0


@dataclass
class LetterDoc:
    """Everything a letter prints, in reading order."""

    head: str
    number: str
    title: str
    addressee: str
    paragraphs: list[str] = field(default_factory=list)
    table: Table | None = None
    after: list[str] = field(default_factory=list)
    signature: str = ""
    date: dt.date | None = None
    contact: str = ""
    signer: str = ""
    class_mark: str = ""
    name: str = "letter"


def mask_letter(doc: LetterDoc) -> LetterDoc:
    """The letter with every phone and ID number masked (the one masking function).

    The 附注 contact line is the office's own number, printed so the unit can call back
    (as the sign-off line of a report), and is kept.
    """
    return replace(
        doc,
        head=mask_text(doc.head),
        number=mask_text(doc.number),
        title=mask_text(doc.title),
        addressee=mask_text(doc.addressee),
        paragraphs=[mask_text(p) for p in doc.paragraphs],
        after=[mask_text(p) for p in doc.after],
        signature=mask_text(doc.signature),
        signer=mask_text(doc.signer),
        table=mask_report(Report("t", "", [doc.table])).blocks[0]  # type: ignore[arg-type]
        if doc.table is not None
        else None,
    )


@dataclass
class _Marks:
    """The tokens standing in the layout where the letter's own parts go."""

    head: str = field(default_factory=lambda: "RDHEAD" + _token())
    addressee: str = field(default_factory=lambda: "RDTO" + _token())
    contact: str = field(default_factory=lambda: "RDNOTE" + _token())


def _token() -> str:
    # Letters only: a token can never look like a phone number to the masking pass.
    return "".join(chr(ord("a") + b % 26) for b in secrets.token_bytes(12))


def letter_report(doc: LetterDoc, marks: _Marks | None = None) -> tuple[Report, _Marks]:
    """The letter as a report layout, with marks where the letter's own parts go."""
    marks = marks or _Marks()
    blocks: list[Paragraph | Table] = [Paragraph(marks.head, ParagraphStyle.SIGNOFF)]
    blocks.append(Paragraph(doc.title, ParagraphStyle.TITLE))
    if doc.addressee:
        blocks.append(Paragraph(marks.addressee, ParagraphStyle.SIGNOFF))
    blocks.extend(Paragraph(p) for p in doc.paragraphs)
    if doc.table is not None:
        blocks.append(doc.table)
    blocks.extend(Paragraph(p) for p in doc.after)
    # Three blank lines: room for the seal, which presses on the unit and the date.
    blocks.extend([Paragraph(""), Paragraph(""), Paragraph("")])
    if doc.signature:
        blocks.append(Paragraph(doc.signature, ParagraphStyle.SIGNATURE))
    if doc.date is not None:
        blocks.append(Paragraph(format_cn_date(doc.date), ParagraphStyle.SIGNATURE))
    if doc.contact:
        blocks.append(Paragraph(marks.contact, ParagraphStyle.SIGNOFF))
    return Report(doc.name, doc.title, blocks), marks


# -- PDF -------------------------------------------------------------------------------------


def _characters(doc: LetterDoc, report: Report) -> dict[Role, set[str]]:
    found = characters_by_role(report)
    found[Role.TITLE].update(doc.head)
    found[Role.BODY].update(doc.number + doc.addressee + doc.contact + "签发人：" + doc.signer)
    found[Role.HEADING].update(doc.class_mark)
    return {role: {ch for ch in chars if not ch.isspace()} for role, chars in found.items()}


def write_letter_pdf(
    doc: LetterDoc, target: Path | BinaryIO, *, plan: FontPlan | None = None
) -> PdfResult:
    """Render a letter as PDF; refuses plainly when no font has some character."""
    from rectdesk.domain.errors import UserError
    from rectdesk.reports.pdf import _plain_streams

    report, marks = letter_report(doc)
    plan = plan or plan_fonts(_characters(doc, report))
    if plan.missing:
        raise UserError(plan.refusal())
    with _plain_streams():
        writer = _LetterPdf(doc, marks, report, target, plan)
        pages = writer.run()
    return PdfResult(pages, plan)


class _LetterPdf(_PdfWriter):
    """The report PDF writer, drawing the letter's own parts where the layout marks them."""

    def __init__(
        self, doc: LetterDoc, marks: _Marks, report: Report, target: Path | BinaryIO,
        plan: FontPlan,
    ) -> None:  # fmt: skip
        super().__init__(report, target, plan)
        self.doc = doc
        self.special: dict[str, Callable[[], None]] = {
            marks.head: self._head, marks.addressee: self._addressee, marks.contact: self._note,
        }  # fmt: skip

    def run(self) -> int:
        self.start_page()
        blocks = self.report.blocks
        for index, block in enumerate(blocks):
            if isinstance(block, Paragraph) and block.text in self.special:
                self.special[block.text]()
                continue
            tail = self._tail(blocks[index + 1 :])
            if isinstance(block, Paragraph):
                self.paragraph(block, tail=tail)
            else:
                self.table(block, tail=tail)
        self.finish_page()
        self.c.save()
        return self.page

    def _red(self, on: bool) -> None:
        self._code.append("{:.2f} {:.2f} {:.2f} rg".format(*RED) if on else "0 g")

    def _head(self) -> None:
        doc = self.doc
        if doc.class_mark:
            self.draw(Role.HEADING, BODY_SIZE, self.x0, self.y + 6 * MM, doc.class_mark,
                      Align.LEFT)  # fmt: skip
        # The 发文机关标志: red, centred, shrunk to the text width when the name is long.
        area = self.x1 - self.x0
        size = HEAD_SIZE
        while size > 16 and self.widths(Role.TITLE, size).text_width(doc.head) > area:
            size -= 1
        self.y -= size * 1.2
        self._red(True)
        self.draw(Role.TITLE, size, (self.x0 + self.x1) / 2, self.y, doc.head, Align.CENTER)
        self._red(False)
        self.y -= 9 * MM
        # 文号 (and 签发人) above the red rule, as the 函 format has it.
        baseline = self.y - 0.36 * BODY_SIZE
        if doc.signer:
            self.draw(Role.BODY, BODY_SIZE, self.x0 + BODY_SIZE, baseline, doc.number, Align.LEFT)
            self.draw(Role.BODY, BODY_SIZE, self.x1 - BODY_SIZE, baseline,
                      f"签发人：{doc.signer}", Align.RIGHT)  # fmt: skip
        else:
            self.draw(Role.BODY, BODY_SIZE, self.x1 - BODY_SIZE, baseline, doc.number,
                      Align.RIGHT)  # fmt: skip
        self.y -= BODY_SIZE * 0.6 + 3 * MM
        c = self.c
        c.setStrokeColorRGB(*RED)
        c.setLineWidth(2.0)
        c.line(self.x0, self.y, self.x1, self.y)
        c.setLineWidth(0.6)
        c.line(self.x0, self.y - 2.2, self.x1, self.y - 2.2)
        c.setStrokeColorRGB(0, 0, 0)
        self.y -= BODY_PITCH * 0.8

    def _flush_left(self, text: str, *, indent: float = 0.0) -> None:
        """Lines of 3号仿宋 set from the left edge (主送, 附注)."""
        widths = self.widths(Role.BODY, BODY_SIZE)
        area = self.x1 - self.x0
        for index, line in enumerate(wrap(text, area, widths, first_width=area - indent)):
            if self.y - BODY_PITCH < self.y_bottom:
                self.new_page()
            baseline = self.y - BODY_PITCH / 2 - 0.36 * BODY_SIZE
            x = self.x0 + (indent if index == 0 else 0)
            self.draw(Role.BODY, BODY_SIZE, x, baseline, line, Align.LEFT)
            self.y -= BODY_PITCH

    def _addressee(self) -> None:
        self._flush_left(self.doc.addressee)

    def _note(self) -> None:
        self._flush_left(self.doc.contact, indent=2 * BODY_SIZE)


# -- Word ------------------------------------------------------------------------------------


def write_letter_docx(doc: LetterDoc, target: Path | io.BytesIO) -> dict[str, str]:
    """Write a letter as .docx (editable in Word and WPS); returns the fonts it names."""
    from docx import Document
    from docx.oxml import parse_xml

    from rectdesk.reports.docx import BODY_PITCH_TWIPS, W_NS, _Runs, write_docx
    from rectdesk.reports.fonts import official_families

    report, marks = letter_report(doc)
    buffer = io.BytesIO()
    fonts = write_docx(report, buffer)
    buffer.seek(0)
    document: Any = Document(buffer)
    runs = _Runs(official_families())
    red = "CC0000"
    size = round(HEAD_SIZE * 2)
    spacing = f'<w:spacing w:after="0" w:line="{BODY_PITCH_TWIPS}" w:lineRule="exact"/>'

    def run(text: str, role: Role, pt: float, color: str = "") -> str:
        rpr = runs.rpr(role, pt)
        if color:
            rpr = rpr.replace("<w:rPr>", f'<w:rPr><w:color w:val="{color}"/>', 1)
        return f'<w:r>{rpr}<w:t xml:space="preserve">{_xml(text)}</w:t></w:r>'

    head = []
    if doc.class_mark:
        head.append(f"<w:p><w:pPr>{spacing}</w:pPr>{run(doc.class_mark, Role.HEADING, 16)}</w:p>")
    head.append(
        '<w:p><w:pPr><w:spacing w:before="120" w:after="120"/><w:jc w:val="center"/></w:pPr>'
        + run(doc.head, Role.TITLE, size / 2, red).replace(
            f'<w:sz w:val="{size}"/>', f'<w:sz w:val="{size}"/><w:w w:val="90"/>', 1
        )
        + "</w:p>"
    )
    border = (
        '<w:pBdr><w:bottom w:val="thickThinSmallGap" w:sz="24" w:space="4"'
        f' w:color="{red}"/></w:pBdr>'
    )
    if doc.signer:
        line = (
            f'<w:p><w:pPr>{border}<w:tabs><w:tab w:val="right" w:pos="8560"/></w:tabs>{spacing}'
            f'<w:ind w:left="320" w:right="320"/></w:pPr>{run(doc.number, Role.BODY, 16)}'
            f"<w:r><w:tab/></w:r>{run(f'签发人：{doc.signer}', Role.BODY, 16)}</w:p>"
        )
    else:
        line = (
            f'<w:p><w:pPr>{border}{spacing}<w:ind w:right="320"/><w:jc w:val="right"/></w:pPr>'
            f"{run(doc.number, Role.BODY, 16)}</w:p>"
        )
    head.append(line)
    head.append(f"<w:p><w:pPr>{spacing}</w:pPr></w:p>")
    replacements = {
        marks.head: "".join(head),
        marks.addressee: f"<w:p><w:pPr>{spacing}</w:pPr>{run(doc.addressee, Role.BODY, 16)}</w:p>",
        marks.contact: (
            f'<w:p><w:pPr>{spacing}<w:ind w:firstLine="640"/></w:pPr>'
            f"{run(doc.contact, Role.BODY, 16)}</w:p>"
        ),
    }
    body = document.element.body
    for paragraph in list(body.iterchildren(f"{{{W_NS}}}p")):
        text = "".join(t.text or "" for t in paragraph.iter(f"{{{W_NS}}}t"))
        xml = replacements.get(text)
        if xml is None:
            continue
        for element in list(parse_xml(f'<w:body xmlns:w="{W_NS}">{xml}</w:body>')):
            paragraph.addprevious(element)
        body.remove(paragraph)
    document.save(target if isinstance(target, io.BytesIO) else str(target))
    return fonts


def _xml(text: str) -> str:
    from rectdesk.reports.docx import _text

    return _text(text)
