"""PDF writer: the layout laid by hand on a reportlab canvas (fast, rows split cleanly)."""

from __future__ import annotations

import contextlib
import gc
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from rectdesk.domain.errors import UserError
from rectdesk.reports.fontfiles import FontFace
from rectdesk.reports.fonts import FontPlan, load_font, plan_fonts
from rectdesk.reports.layout import (
    CONFIDENTIAL_MARK,
    PARAGRAPH_FONTS,
    Align,
    Paragraph,
    ParagraphStyle,
    Report,
    Role,
    RowKind,
    Table,
    page_number_text,
)
from rectdesk.reports.pdf_table import TableWriter
from rectdesk.reports.textwrap_cjk import Widths, title_lines, wrap

MM = 72.0 / 25.4
#: GB/T 9704: 22 lines in the 225 mm type area, so a line pitch of about 28.9 pt for 3号.
BODY_PITCH = 225 * MM / 22


@dataclass(frozen=True)
class PdfResult:
    """What the PDF writer produced."""

    pages: int
    fonts: FontPlan


def characters_by_role(report: Report) -> dict[Role, set[str]]:
    """Which characters each font must have."""
    found: dict[Role, set[str]] = {role: set() for role in Role}
    style = report.number_style()
    if style != "none":
        found[Role.PAGE_NUMBER].update(page_number_text(style, 1234567890, 1234567890))
    if report.confidential:
        found[Role.HEADING].update(CONFIDENTIAL_MARK)
    for block in report.blocks:
        if isinstance(block, Paragraph):
            found[PARAGRAPH_FONTS[block.style][0]].update(block.text)
            continue
        for header_row in block.header_rows():
            for header_cell in header_row:
                found[Role.TABLE_HEADER].update(header_cell.text)
        for row in block.rows:
            role = Role.BODY if row.kind is RowKind.BODY else Role.SECTION
            for text in row.cells:
                found[role].update(text)
    return {role: {ch for ch in chars if not ch.isspace()} for role, chars in found.items()}


@contextlib.contextmanager
def _plain_streams() -> Iterator[None]:
    # ASCII85 only makes streams 25% bigger and slower; Flate alone is standard PDF.
    # The cyclic collector is paused: a long report makes millions of small strings, and
    # repeated full collections over them made the time grow faster than the pages.
    from reportlab import rl_config

    saved = rl_config.useA85
    collecting = gc.isenabled()
    rl_config.useA85 = 0
    gc.disable()
    try:
        yield
    finally:
        rl_config.useA85 = saved
        if collecting:
            gc.enable()


def write_pdf(
    report: Report,
    target: Path | BinaryIO,
    *,
    faces: Sequence[FontFace] | None = None,
    plan: FontPlan | None = None,
    strict: bool = True,
) -> PdfResult:
    """Render the report to a PDF file or stream.

    A character no installed font has would print blank: ``strict`` refuses the export with
    one sentence; the preview (not strict) shows the pages and lists the characters.
    """
    plan = plan or plan_fonts(characters_by_role(report), faces, report.fonts)
    if strict and plan.missing:
        raise UserError(plan.refusal())
    with _plain_streams():
        total = None
        if report.number_style() == "page_of":
            # 共 N 页 needs the count first; page numbers never change how pages break.
            total = _PdfWriter(report, io.BytesIO(), plan, dry=True).run()
        writer = _PdfWriter(report, target, plan, total)
        pages = writer.run()
    return PdfResult(pages, plan)


class _PdfWriter(TableWriter):
    def __init__(
        self,
        report: Report,
        target: Path | BinaryIO,
        plan: FontPlan,
        total: int | None = None,
        *,
        dry: bool = False,
    ) -> None:
        from reportlab.pdfbase.pdfmetrics import stringWidth
        from reportlab.pdfgen.canvas import Canvas

        self.report = report
        self.total = total
        #: A dry run only counts the pages: the same breaks, nothing drawn or saved.
        self.dry = dry
        width, height = page_points(report)
        self.width, self.height = width, height
        top, bottom, left, right = (m * MM for m in report.page_margins_mm())
        self.x0, self.x1 = left, width - right
        self.y_top, self.y_bottom = height - top, bottom
        self.names = {
            role: load_font(c.face.path, c.face.index)[0] for role, c in plan.choices.items()
        }
        #: Per role, the characters its font lacks and the font that draws each of them.
        self.stand_ins: dict[Role, dict[str, str]] = {
            role: {ch: load_font(f.path, f.index)[0] for ch, f in found.items()}
            for role, found in plan.stand_ins.items()
        }
        self._string_width = stringWidth
        self._widths: dict[tuple[Role, float], Widths] = {}
        name = str(target) if isinstance(target, Path) else target
        self.c: Any = Canvas(
            name,
            pagesize=(width, height),
            pageCompression=1,
            initialFontName=self.names[Role.BODY],
        )
        self.c.setTitle(report.title)
        self.c.setSubject(report.name)
        self.c.setCreator("RectDesk")
        self.page = 0
        self.y = self.y_top
        from reportlab.lib.rl_accel import escapePDF
        from reportlab.pdfbase.pdfmetrics import getFont

        self._doc = self.c._doc
        self._code: list[str] = self.c._code
        self._escape = escapePDF
        used = set(self.names.values())
        for found in self.stand_ins.values():
            used.update(found.values())
        self._fonts: dict[str, tuple[Any, dict[int, str]]] = {
            name: (getFont(name), {}) for name in used
        }

    # -- fonts ---------------------------------------------------------------------------

    def widths(self, role: Role, size: float) -> Widths:
        key = (role, size)
        found = self._widths.get(key)
        if found is None:
            font = self.names[role]
            stand = self.stand_ins.get(role, {})
            found = Widths(
                lambda ch: float(self._string_width(ch, stand.get(ch, font), size))
            )
            self._widths[key] = found
        return found

    def set_font(self, role: Role, size: float) -> None:
        """Kept for symmetry with the canvas API; text operators carry their own font."""

    def draw(self, role: Role, size: float, x: float, y: float, text: str, align: Align) -> None:
        """Write one line of text straight into the page's content stream.

        The canvas's drawString builds a text object per call; with hundreds of thousands of
        table lines that dominates the time, so the same operators are written directly.
        """
        if not text or self.dry:
            return
        if align is Align.CENTER:
            x -= self.widths(role, size).text_width(text) / 2
        elif align is Align.RIGHT:
            x -= self.widths(role, size).text_width(text)
        parts = [f"BT 1 0 0 1 {x:.2f} {y:.2f} Tm"]
        for face_name, run in self._runs(role, text):
            font, names = self._fonts[face_name]
            for subset, raw in font.splitString(run, self._doc):
                name = names.get(subset)
                if name is None:
                    name = names[subset] = font.getSubsetInternalName(subset, self._doc)
                parts.append(f"{name} {size:g} Tf ({self._escape(raw)}) Tj")
        parts.append("ET")
        self._code.append(" ".join(parts))

    def _runs(self, role: Role, text: str) -> list[tuple[str, str]]:
        """The text cut where the font changes (a glyph the role's font lacks)."""
        primary = self.names[role]
        stand = self.stand_ins.get(role)
        if not stand or not any(ch in stand for ch in text):
            return [(primary, text)]
        runs: list[tuple[str, str]] = []
        for ch in text:
            name = stand.get(ch, primary)
            if runs and runs[-1][0] == name:
                runs[-1] = (name, runs[-1][1] + ch)
            else:
                runs.append((name, ch))
        return runs

    # -- pages ---------------------------------------------------------------------------

    def run(self) -> int:
        self.start_page()
        blocks = self.report.blocks
        for index, block in enumerate(blocks):
            tail = self._tail(blocks[index + 1 :])
            if isinstance(block, Paragraph):
                following = blocks[index + 1] if index + 1 < len(blocks) else None
                self.paragraph(block, keep_next=_keeps_with_next(block, following), tail=tail)
            else:
                self.table(block, tail=tail)
        self.finish_page()
        if not self.dry:
            self.c.save()
        return self.page

    def start_page(self) -> None:
        self.page += 1
        self._code = self.c._code
        self.y = self.y_top
        if self.report.confidential:
            self.draw(Role.HEADING, 14, self.x0, self.y_top + 8 * MM, CONFIDENTIAL_MARK, Align.LEFT)

    def finish_page(self) -> None:
        style = self.report.number_style()
        if style != "none":
            text = page_number_text(style, self.page, self.total)
            size = self.report.page_number_size
            y = self.y_bottom - 7 * MM - 10
            if style != "dash":
                self.draw(Role.PAGE_NUMBER, size, (self.x0 + self.x1) / 2, y, text, Align.CENTER)
            # Odd pages on the right, even pages on the left, one character in (GB/T 9704).
            elif self.page % 2:
                self.draw(Role.PAGE_NUMBER, size, self.x1 - size, y, text, Align.RIGHT)
            else:
                self.draw(Role.PAGE_NUMBER, size, self.x0 + size, y, text, Align.LEFT)
        self.c.showPage()

    def new_page(self) -> None:
        self.finish_page()
        self.start_page()

    # -- paragraphs ----------------------------------------------------------------------

    def _tail(self, rest: Sequence[object]) -> float:
        """Height of the closing lines (blank, unit, date, sign-off) when nothing else follows:
        they never stand alone on a page, so what comes before keeps them company."""
        if not rest or not all(
            isinstance(b, Paragraph)
            and (b.style in (ParagraphStyle.SIGNATURE, ParagraphStyle.SIGNOFF) or not b.text)
            for b in rest
        ):
            return 0.0
        height = 0.0
        for block in rest:
            assert isinstance(block, Paragraph)
            role, size = block.font()
            area = self.x1 - self.x0 - (4 * size if block.style is ParagraphStyle.SIGNATURE else 0)
            count = len(wrap(block.text, area, self.widths(role, size))) or 1
            height += count * self._pitch(block, size)
        return height

    @staticmethod
    def _pitch(para: Paragraph, size: float) -> float:
        if para.style is ParagraphStyle.TITLE:
            return size * 1.5
        if para.style in (ParagraphStyle.SIGNATURE,) or size >= 14:
            return BODY_PITCH
        return size * 1.6

    def _lines_from(self, y: float, pitch: float) -> int:
        """How many lines of ``pitch`` fit from ``y`` down, counted as the drawing loop does."""
        count = 0
        while y - pitch >= self.y_bottom:
            y -= pitch
            count += 1
        return count

    def paragraph(self, para: Paragraph, *, keep_next: bool = False, tail: float = 0.0) -> None:
        role, size = para.font()
        widths = self.widths(role, size)
        area = self.x1 - self.x0
        indent = 0.0
        style = para.style
        if style in (ParagraphStyle.BODY, ParagraphStyle.HEADING1, ParagraphStyle.HEADING2):
            indent = 2 * size
        if style is ParagraphStyle.TITLE:
            lines = [part for line in para.text.split("\n")
                     for part in title_lines(line, area, widths)]  # fmt: skip
            pitch = size * 1.5
        elif style is ParagraphStyle.SIGNATURE:
            lines = wrap(para.text, area - 4 * size, widths)
            pitch = BODY_PITCH
        else:
            lines = wrap(para.text, area, widths, first_width=area - indent)
            pitch = self._pitch(para, size)
        if style is ParagraphStyle.TITLE and self.y < self.y_top:
            self.y -= pitch * 0.5
        # A heading never ends a page: it moves down with what it introduces.
        if (
            keep_next
            and self.y - len(lines) * pitch - 3 * BODY_PITCH < self.y_bottom
            and self.y < self.y_top
        ):
            self.new_page()
        if not para.text.strip() and self.y >= self.y_top:
            return  # a blank line never opens a page
        fresh = self.y_top - self.y_bottom
        turns = set()
        if style is not ParagraphStyle.TITLE:
            room = self._lines_from(self.y, pitch)
            page = self._lines_from(self.y_top, pitch)
            turns = page_turns(len(lines), room, page, at_top=self.y >= self.y_top)
        closing_from = len(lines) - 2 if len(lines) >= 4 else 0
        self.set_font(role, size)
        for index, line in enumerate(lines):
            rest = len(lines) - index
            # The last two lines go over with the closing lines, the whole paragraph where
            # it has three lines or fewer (two stay behind or none).
            closing = (tail and index == closing_from and rest * pitch + tail <= fresh
                       and self.y - rest * pitch - tail < self.y_bottom)  # fmt: skip
            # No single line of a paragraph alone on a page (turns), the closing lines kept.
            moved = (index in turns or closing) and self.y < self.y_top
            if moved or self.y - pitch < self.y_bottom:
                self.new_page()
                self.set_font(role, size)
            baseline = self.y - pitch / 2 - 0.36 * size
            if style in (ParagraphStyle.TITLE, ParagraphStyle.SUBTITLE):
                self.draw(role, size, (self.x0 + self.x1) / 2, baseline, line, Align.CENTER)
            elif style is ParagraphStyle.SIGNATURE:
                self.draw(role, size, self.x1 - 4 * size, baseline, line, Align.RIGHT)
            else:
                x = self.x0 + (indent if index == 0 else 0)
                self.draw(role, size, x, baseline, line, Align.LEFT)
            self.y -= pitch
        if style is ParagraphStyle.TITLE:
            self.y -= pitch * 0.6


def page_turns(count: int, room: int, page: int, *, at_top: bool) -> set[int]:
    """Lines of a paragraph of ``count`` lines before which a new page starts, ``room`` lines
    fitting on this page and ``page`` on a fresh one: no page holds a single line of it,
    first or last (widow and orphan control, as Word's). A paragraph of three lines or fewer
    that does not fit goes over whole."""
    turns: set[int] = set()
    start = 0
    while count - start > room:
        take = room
        if count - start - take == 1:
            take -= 1  # the last line would be alone over the page: one more goes with it
        if take < 2:
            take = 0 if not (start == 0 and at_top) else room  # the first line alone: move
        if take <= 0 and start > 0:
            take = room
        start += take
        turns.add(start)
        room, at_top = page, True
    return turns


def page_points(report: Report) -> tuple[float, float]:
    """The page's width and height in points, orientation applied."""
    width, height = report.page_mm()
    return width * MM, height * MM


def _keeps_with_next(block: Paragraph, following: object) -> bool:
    """Headings and labels stay on the page of what follows them."""
    if following is None:
        return False
    return block.style in (
        ParagraphStyle.ATTACHMENT,
        ParagraphStyle.HEADING1,
        ParagraphStyle.HEADING2,
        ParagraphStyle.SUBTITLE,
    ) or (block.style is ParagraphStyle.TITLE and isinstance(following, Table))
