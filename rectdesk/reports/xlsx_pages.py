"""Where an Excel sheet's pages end, laid while the rows are written.

Excel, WPS and LibreOffice end a page wherever the rows run out and never split a row, so a
tall item moved whole to the next page left half a page blank (the seed-001 plan took 16
pages against the PDF's 10), a unit heading (二、医政处) could end a page with its items on the
next, and the sign-off line stand alone on the last page. Every row height is set by the
writer, so the pages are laid here, as the PDF lays them: a tall item is cut between lines to
fill the page and goes on in a row marked (续); a page never ends on a heading, section or
header row; the sign-off takes the last two items with it. The breaks are written as manual
page breaks.

The sheet prints fitted to the page width, which only ever shrinks it, so a page laid here
at full size always holds its rows. The workbook's default font is Arial (Liberation Sans on
Linux, the same widths), so that Excel, WPS and LibreOffice read the column widths alike and
print at (nearly) full size.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Excel rounds a row's height to whole pixels (0.75 pt at 96 dpi): room kept per row.
ROUNDING_PT = 0.75
#: Items of up to this many lines move whole to the next page rather than split (as in Word).
KEEP_WHOLE = 6


@dataclass
class Pager:
    """The pages of one sheet as rows go down: heights in points, rows 1-based."""

    page_pt: float
    blank_pt: float = 12.75
    breaks: list[int] = field(default_factory=list)
    used: float = 0.0
    start: int = 1
    last: int = 0
    title: tuple[int, int, float] | None = None  # first row, last row, height
    _leads: list[tuple[int, float]] = field(default_factory=list)

    def set_titles(self, first: int, last: int, height: float) -> None:
        """The header rows printed again at the top of every later page."""
        self.title = (first, last, height + (last - first + 1) * ROUNDING_PT)

    def carried(self, row: int) -> float:
        """Room the repeated header rows take on a page that starts at ``row``."""
        if self.title is None or row <= self.title[1]:
            return 0.0
        return self.title[2]

    def room(self) -> float:
        return self.page_pt - self.used

    def lines_left(self, pitch: float) -> int:
        """Lines of ``pitch`` a row of wrapped text can still hold on this page."""
        return max(0, int((self.room() - 6 - ROUNDING_PT) // pitch))

    def fresh(self, row: int) -> float:
        """Room on a new page that starts at ``row``."""
        return self.page_pt - self.carried(row)

    def place(self, row: int, height: float, *, lead: bool = False) -> None:
        """Put a row on the page, beginning a new page first where it does not fit; rows
        skipped since the last one placed are blank rows."""
        for blank in range(self.last + 1, row):
            self.last = blank
            self.place(blank, self.blank_pt)
        self.last = row
        need = height + ROUNDING_PT
        if need > self.room() and row > self.start:
            self.new_page(row)
        self.used += need
        if lead:
            self._leads.append((row, need))
        else:
            self._leads.clear()

    def new_page(self, row: int) -> None:
        """End the page before ``row``; the headings and header rows just above go along."""
        cut, carry = row, 0.0
        if self._leads and self._leads[0][0] > self.start:
            cut = self._leads[0][0]
            carry = sum(h for _r, h in self._leads)
        if cut <= self.start:
            return
        self.breaks.append(cut - 1)
        self.start = cut
        self.used = self.carried(cut) + carry
        if not carry:
            self._leads.clear()
