"""PDF writer: the layout laid by hand on a reportlab canvas (fast, rows split cleanly)."""

from __future__ import annotations

import contextlib
import gc
import io
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from rectdesk.domain.errors import QT_TRANSLATE_NOOP, Label, UserError, listing, localized
from rectdesk.reports.fontfiles import FontFace
from rectdesk.reports.fonts import FontPlan, load_font, plan_fonts
from rectdesk.reports.layout import (
    CONFIDENTIAL_MARK,
    KEEP_LINES,
    PARAGRAPH_FONTS,
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
from rectdesk.reports.textwrap_cjk import TITLE_WORDS, Widths, kept_spans, title_lines, wrap
from rectdesk.reports.widths import list_words

MM = 72.0 / 25.4
#: GB/T 9704: 22 lines in the 225 mm type area, so a line pitch of about 28.9 pt for 3号.
BODY_PITCH = 225 * MM / 22
PAD_X = 3.0
PAD_Y = 2.5
#: What the 序号 cell of a row continued from the page before carries.
CONTINUED = "(续)"


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


class _PdfWriter:
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
        self.set_font(role, size)
        for index, line in enumerate(lines):
            rest = len(lines) - index
            closing = tail and rest <= 2 and rest * pitch + tail <= fresh
            if closing and index > 0 and self.y - rest * pitch - tail < self.y_bottom:
                self.new_page()  # the last lines go over with the closing lines
            elif closing and index == 0 and self.y - rest * pitch - tail < self.y_bottom:
                self.new_page()
            elif self.y - pitch < self.y_bottom:
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

    # -- tables --------------------------------------------------------------------------

    def table(self, table: Table, tail: float = 0.0) -> None:
        area = self.x1 - self.x0
        widths = [area * share for share in table.shares()]
        _fit_codes(table, widths, self.widths(Role.BODY, table.font_size))
        xs = [self.x0]
        for w in widths:
            xs.append(xs[-1] + w)
        header = _HeaderLayout(self, table, xs)
        size = table.font_size
        leading = size * TABLE_LEADING
        body = self.widths(Role.BODY, size)
        section_size = table.section_font_size()
        bold = self.widths(Role.SECTION, section_size)
        first = table.rows[0] if table.rows else None
        first_lines = 3
        if first is not None and first.kind is RowKind.BODY:
            cells = _cells(first, len(widths))
            tallest = max(
                (len(wrap(t, w - 2 * PAD_X, body)) for t, w in zip(cells, widths, strict=True)),
                default=1,
            )
            first_lines = min(3, tallest)
        if self.y - header.height - first_lines * leading - 2 * PAD_Y < self.y_bottom:
            self.new_page()
        header.draw()
        # The sign-off goes over with the last two items, never with one alone.
        bodies = [k for k, row in enumerate(table.rows) if row.kind is RowKind.BODY]
        closing = bodies[-2] if tail and len(bodies) >= 2 else -1
        leave = 0
        for number, row in enumerate(table.rows):
            if number == closing:
                leave = self._closing_break(table, header, widths, number, tail)
            if row.kind is RowKind.SECTION:
                lines = [wrap(row.cells[0], area - 2 * PAD_X, bold)]
                self._row(table, header, [self.x0, self.x1], lines, [Align.LEFT], Role.SECTION,
                          max(leading, section_size * TABLE_LEADING),
                          follow=self._first_part(table, number + 1, widths),
                          size=section_size)  # fmt: skip
                continue
            total_row = row.kind is RowKind.TOTAL
            metrics = bold if total_row else body
            role = Role.SECTION if total_row else Role.BODY
            cells = _cells(row, len(table.columns))
            lines = [
                wrap(text, w - 2 * PAD_X, metrics, words=list_words(column, text))
                for text, w, column in zip(cells, widths, table.columns, strict=True)
            ]
            last = row is table.rows[-1]
            aligns = [c.align for c in table.columns]
            if row.kind is RowKind.TOTAL:
                aligns = [Align.CENTER] * len(aligns)
            if total_row:
                row_leading = max(leading, section_size * TABLE_LEADING)
                self._row(table, header, xs, lines, aligns, role, row_leading, size=section_size,
                          tail=tail if last else 0.0)  # fmt: skip
            else:
                seq = bool(table.columns) and table.columns[0].key == "seq"
                self._row(table, header, xs, lines, aligns, role, leading,
                          tail=tail if last else 0.0, seq=seq,
                          leave=leave if number == closing else 0)  # fmt: skip

    def _closing_break(self, table: Table, header: _HeaderLayout, widths: list[float],
                       number: int, tail: float) -> int:  # fmt: skip
        """Settle how the second-to-last item meets the sign-off; returns how many of its lines
        go over to the last page.

        Where it, what follows and the sign-off fit a fresh page, they go over together. Where
        they cannot (tall items), its last two lines go over to a page of their own with what
        follows, marked (续), so the last item is never alone with the sign-off.
        """
        heights = [self._row_height(table, r, widths) for r in table.rows[number:]]
        room = self.y - self.y_bottom
        fresh = self.y_top - self.y_bottom - header.height
        need = tail + sum(heights)
        if need <= room:
            return 0
        if need <= fresh:
            if self.y < self.y_top:
                self.new_page()
                header.draw()
            return 0
        leading = table.font_size * TABLE_LEADING
        count = round((heights[0] - 2 * PAD_Y) / leading)
        after = tail + sum(heights[1:])
        seq = bool(table.columns) and table.columns[0].key == "seq"
        if seq and count > KEEP_LINES and after + 2 * leading + 2 * PAD_Y <= fresh:
            return 2
        return 0

    def _first_part(self, table: Table, number: int, widths: list[float]) -> float:
        """How much of row ``number`` must stand on the page with the row before it: the whole
        row where it moves as one (up to KEEP_LINES lines), else its first two lines."""
        if number >= len(table.rows):
            return 0.0
        height = self._row_height(table, table.rows[number], widths)
        leading = table.font_size * TABLE_LEADING
        if table.rows[number].kind is RowKind.BODY and height > KEEP_LINES * leading + 2 * PAD_Y:
            return 2 * leading + 2 * PAD_Y
        return height

    def _row_height(self, table: Table, row: Row, widths: list[float]) -> float:
        """A row's height drawn whole, as ``table`` draws it."""
        size = table.font_size
        leading = size * TABLE_LEADING
        if row.kind is RowKind.SECTION:
            section_size = table.section_font_size()
            bold = self.widths(Role.SECTION, section_size)
            count = len(wrap(row.cells[0], sum(widths) - 2 * PAD_X, bold)) or 1
            return count * max(leading, section_size * TABLE_LEADING) + 2 * PAD_Y
        if row.kind is RowKind.TOTAL:
            section_size = table.section_font_size()
            metrics = self.widths(Role.SECTION, section_size)
            leading = max(leading, section_size * TABLE_LEADING)
        else:
            metrics = self.widths(Role.BODY, size)
        cells = _cells(row, len(table.columns))
        count = max(
            (len(wrap(text, w - 2 * PAD_X, metrics, words=list_words(column, text)))
             for text, w, column in zip(cells, widths, table.columns, strict=True)),
            default=1,
        )  # fmt: skip
        return (count or 1) * leading + 2 * PAD_Y

    def _row(
        self,
        table: Table,
        header: _HeaderLayout,
        xs: list[float],
        lines: list[list[str]],
        aligns: list[Align],
        role: Role,
        leading: float,
        *,
        follow: float = 0.0,
        size: float | None = None,
        tail: float = 0.0,
        seq: bool = False,
        leave: int = 0,
    ) -> None:
        """One row, split over pages where it must be; ``tail`` is what must follow it on
        its last page (the sign-off line), ``seq`` marks a continued part 序号 (续), ``leave``
        lines go over to the next page whatever room is left, ``follow`` is what of the next
        row must share its page (a section heading never ends a page alone)."""
        size = size or table.font_size
        count = max((len(cell) for cell in lines), default=1) or 1
        height = count * leading + 2 * PAD_Y
        room = self.y - self.y_bottom
        fresh = self.y_top - self.y_bottom - header.height
        need = height + tail + follow
        if need > room and (height + tail <= fresh and (count <= KEEP_LINES or room < 4 * leading)):
            self.new_page()
            header.draw()
        # The tail only binds where it and two lines fit on a fresh page.
        tail = tail if tail + 2 * leading + 2 * PAD_Y <= fresh else 0.0
        offset = 0
        while True:
            room = self.y - self.y_bottom
            fits = int((room - 2 * PAD_Y) / leading)
            rest = count - offset
            held = leave > 0 and rest > leave  # the last lines still to go over
            if rest <= fits and rest * leading + 2 * PAD_Y + tail <= room and not held:
                self._draw_row(xs, lines, aligns, role, leading, offset, rest, size,
                               centre=offset == 0, seq=seq)  # fmt: skip
                return
            # No page starts or ends with a single stray line of a row, and the last two
            # lines go with the tail.
            fits = min(fits, rest - 2) if rest <= fits + 1 else fits
            if held:
                fits = min(fits, rest - leave)
            if fits >= 2:
                self._draw_row(xs, lines, aligns, role, leading, offset, fits, size,
                               centre=False, seq=seq)  # fmt: skip
                offset += fits
            self.new_page()
            header.draw()

    def _draw_row(
        self,
        xs: list[float],
        lines: list[list[str]],
        aligns: list[Align],
        role: Role,
        leading: float,
        offset: int,
        count: int,
        size: float,
        *,
        centre: bool,
        seq: bool = False,
    ) -> None:
        c = self.c
        height = count * leading + 2 * PAD_Y
        top = self.y
        self.set_font(role, size)
        for i, cell in enumerate(lines):
            part = cell[offset : offset + count]
            if seq and i == 0 and offset > 0:
                # A row going on from the page before says so in its 序号 cell.
                part = ([cell[0]] if cell and count > 1 else []) + [CONTINUED]
            if not part:
                continue
            align = aligns[i]
            y = top - PAD_Y
            if centre and align is Align.CENTER:
                y -= (count - len(part)) * leading / 2
            left, right = xs[i] + PAD_X, xs[i + 1] - PAD_X
            for line in part:
                baseline = y - leading / 2 - 0.36 * size
                if align is Align.CENTER:
                    self.draw(role, size, (left + right) / 2, baseline, line, align)
                elif align is Align.RIGHT:
                    self.draw(role, size, right, baseline, line, align)
                else:
                    self.draw(role, size, left, baseline, line, align)
                y -= leading
        bottom = top - height
        c.setLineWidth(0.6)
        segments = [(xs[0], top, xs[-1], top), (xs[0], bottom, xs[-1], bottom)]
        if not self.dry:
            segments.extend((x, top, x, bottom) for x in xs)
            c.lines(segments)
        self.y = bottom


_WORD = re.compile(r"[A-Za-z0-9._\-/@%+#&]{4,}")


def _fit_codes(table: Table, widths: list[float], metrics: Widths) -> None:
    """Widen centred columns (编号, dates) to their longest number, taking from wide text columns.

    A 16-digit 意见建议编号 broken over two lines is misread; the fonts found on a machine
    differ in digit width, so this is settled here, with the real metrics.
    """
    for index, column in enumerate(table.columns):
        if column.align is not Align.CENTER:
            continue
        longest = 0.0
        cap = 8.5 * metrics["中"]  # a longer run may break (a long unit name)
        for row in table.rows:
            if row.kind is RowKind.BODY and index < len(row.cells):
                text = row.cells[index]
                for start, end in kept_spans(text):
                    piece = text[start:end]
                    if piece.isascii() or metrics.text_width(piece) <= cap:
                        longest = max(longest, metrics.text_width(piece))
        need = longest + 2 * PAD_X + 1.0 - widths[index]
        donors = [i for i, c in enumerate(table.columns) if c.align is Align.LEFT]
        while need > 0.5 and donors:
            donor = max(donors, key=lambda i: widths[i])
            give = min(need, widths[donor] * 0.15)
            if give < 0.5:
                break
            widths[donor] -= give
            widths[index] += give
            need -= give


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


def _cells(row: Row, width: int) -> list[str]:
    cells = list(row.cells[:width])
    return cells + [""] * (width - len(cells))


class _HeaderLayout:
    """A table's header rows, wrapped once and drawn at the top of every page."""

    def __init__(self, writer: _PdfWriter, table: Table, xs: list[float]) -> None:
        self.writer = writer
        size = table.header_size
        self.size = size
        self.leading = size * TABLE_LEADING
        metrics = writer.widths(Role.TABLE_HEADER, size)
        rows = table.header_rows()
        taken = [[False] * len(table.columns) for _ in rows]
        self.cells: list[tuple[int, int, int, int, list[str]]] = []  # row, col, span, rows, lines
        for r, header_row in enumerate(rows):
            col = 0
            for cell in header_row:
                while col < len(table.columns) and taken[r][col]:
                    col += 1
                span = max(1, min(cell.span, len(table.columns) - col))
                down = max(1, min(cell.rows, len(rows) - r))
                for dr in range(down):
                    for dc in range(span):
                        taken[r + dr][col + dc] = True
                width = xs[col + span] - xs[col] - 2 * PAD_X
                # A header breaks between its words (整改/部门), never inside one.
                words = [w for w in TITLE_WORDS if w in cell.text]
                self.cells.append((r, col, span, down, wrap(cell.text, width, metrics,
                                                              words=words)))  # fmt: skip
                col += span
        heights = [self.leading + 2 * PAD_Y] * len(rows)
        for r, _col, _span, down, lines in self.cells:
            if down == 1:
                heights[r] = max(heights[r], len(lines) * self.leading + 2 * PAD_Y)
        for r, _col, _span, down, lines in self.cells:
            if down > 1:
                need = len(lines) * self.leading + 2 * PAD_Y
                have = sum(heights[r : r + down])
                if need > have:
                    heights[r + down - 1] += need - have
        self.row_heights = heights
        self.height = sum(heights)
        self.xs = xs

    def draw(self) -> None:
        w = self.writer
        c = w.c
        top = w.y
        tops = [top]
        for h in self.row_heights:
            tops.append(tops[-1] - h)
        w.set_font(Role.TABLE_HEADER, self.size)
        segments = []
        for r, col, span, down, lines in self.cells:
            x0, x1 = self.xs[col], self.xs[col + span]
            y0, y1 = tops[r], tops[r + down]
            segments += [(x0, y0, x1, y0), (x0, y1, x1, y1), (x0, y0, x0, y1), (x1, y0, x1, y1)]
            y = (y0 + y1) / 2 + len(lines) * self.leading / 2
            for line in lines:
                baseline = y - self.leading / 2 - 0.36 * self.size
                w.draw(Role.TABLE_HEADER, self.size, (x0 + x1) / 2, baseline, line, Align.CENTER)
                y -= self.leading
        c.setLineWidth(0.6)
        c.lines(segments)
        w.y = tops[-1]


def _measure(string_width: Any, name: str, size: float) -> Widths:
    return Widths(lambda ch: float(string_width(ch, name, size)))


def _row_name(table: Table, row: Row, number: int, index: int) -> str:
    """How a warning names a row: 表1第3项（编号 0220…），by its 序号 and 编号."""
    keys = [c.key for c in table.columns]
    seq = row.cells[keys.index("seq")] if "seq" in keys else str(index)
    code = row.cells[keys.index("number")] if "number" in keys else ""
    if number > 1 and code:
        return localized(
            QT_TRANSLATE_NOOP("Errors", "表{table}第{seq}项（编号{code}）"),
            table=number,
            seq=seq,
            code=code,
        )
    if number > 1:
        return localized(QT_TRANSLATE_NOOP("Errors", "表{table}第{seq}项"), table=number, seq=seq)
    if code:
        return localized(QT_TRANSLATE_NOOP("Errors", "第{seq}项（编号{code}）"), seq=seq, code=code)
    return localized(QT_TRANSLATE_NOOP("Errors", "第{seq}项"), seq=seq)


def check_layout(report: Report, plan: FontPlan) -> list[str]:
    """Warnings before printing: fallback fonts, missing glyphs, narrow columns, tall rows."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    notes = [c.describe() for c in plan.choices.values() if not c.official]
    notes += plan.gaps()
    width, height = page_points(report)
    top, bottom, left, right = (m * MM for m in report.page_margins_mm())
    area, page_height = width - left - right, height - top - bottom
    for number, table in enumerate(report.tables(), start=1):
        name = load_font(plan.choices[Role.BODY].face.path, plan.choices[Role.BODY].face.index)[0]
        size = table.font_size
        metrics = _measure(stringWidth, name, size)
        widths = [area * share for share in table.shares()]
        _fit_codes(table, widths, metrics)
        leading = size * TABLE_LEADING
        narrow: dict[int, str] = {}
        tall: list[str] = []
        for index, row in enumerate(table.rows, start=1):
            if row.kind is not RowKind.BODY:
                continue
            tallest = 0
            for col, text in enumerate(row.cells[: len(widths)]):
                room = widths[col] - 2 * PAD_X
                for word in _WORD.findall(text):
                    if metrics.text_width(word) > room and col not in narrow:
                        narrow[col] = word
                tallest = max(tallest, len(wrap(text, room, metrics)))
            if tallest * leading + 2 * PAD_Y > page_height * 0.9:
                tall.append(_row_name(table, row, number, index))
        if tall:  # one sentence naming every such row, not one per row
            notes.append(
                localized(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "{row}的内容比一页还高，将跨页续排（续页序号栏注“(续)”）"
                        "；如要少占页数，可在报表设计器中调小表格字号，"
                        "或给“整改措施”等长文字列固定更大的宽度。",
                    ),
                    row=listing(tall),
                )
            )
        for col, word in narrow.items():
            notes.append(
                localized(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "表{table}的“{column}”列太窄，放不下“{word}”，"
                        "会断行；可在报表设计器中加宽该列。",
                    ),
                    table=number,
                    column=Label(table.columns[col].header),
                    word=word,
                )
            )
    return notes
