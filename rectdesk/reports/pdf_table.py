"""The tables of a PDF: header rows laid out once and drawn on every page, body rows split
over pages, and the column widths settled with the real font metrics."""

from __future__ import annotations

from typing import Any

from rectdesk.reports.layout import (
    KEEP_LINES,
    TABLE_LEADING,
    Align,
    Role,
    Row,
    RowKind,
    Table,
)
from rectdesk.reports.textwrap_cjk import TITLE_WORDS, Widths, kept_spans, wrap
from rectdesk.reports.widths import list_words

PAD_X = 3.0
PAD_Y = 2.5
#: What the 序号 cell of a row continued from the page before carries.
CONTINUED = "(续)"


class TableWriter:
    """The table half of the PDF writer (``_PdfWriter`` in pdf.py): a table's rows laid over
    pages, the header drawn again at the top of each. The page half (fonts, drawing a line of
    text, breaking a page) is the writer's."""

    c: Any
    dry: bool
    x0: float
    x1: float
    y: float
    y_top: float
    y_bottom: float

    def widths(self, role: Role, size: float) -> Widths:
        raise NotImplementedError

    def set_font(self, role: Role, size: float) -> None:
        raise NotImplementedError

    def draw(self, role: Role, size: float, x: float, y: float, text: str, align: Align) -> None:
        raise NotImplementedError

    def new_page(self) -> None:
        raise NotImplementedError

    def table(self, table: Table, tail: float = 0.0) -> None:
        area = self.x1 - self.x0
        widths = [area * share for share in table.shares()]
        fit_codes(table, widths, self.widths(Role.BODY, table.font_size))
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


def fit_codes(table: Table, widths: list[float], metrics: Widths) -> None:
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


def _cells(row: Row, width: int) -> list[str]:
    cells = list(row.cells[:width])
    return cells + [""] * (width - len(cells))


class _HeaderLayout:
    """A table's header rows, wrapped once and drawn at the top of every page."""

    def __init__(self, writer: TableWriter, table: Table, xs: list[float]) -> None:
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
