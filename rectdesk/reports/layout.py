"""A report as a format-neutral layout: what every writer (PDF, Word, Excel) renders."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum

#: GB/T 9704-2012 margins in millimetres: top, bottom, left (binding), right.
GBT9704_MARGINS_MM: tuple[float, float, float, float] = (37.0, 35.0, 28.0, 26.0)

#: Margins of a landscape table attachment, in millimetres on every side. GB/T 9704 fixes the
#: 156 × 225 mm type area of prose pages; a wide table printed across the sheet is laid on the
#: whole sheet less 20 mm, as offices set their 附件 tables: the binding edge (the top of a
#: turned sheet) keeps room for staples, the page number still stands 7 mm under the table, and
#: the table gains 32 mm of width and 14 mm of height, about a third more text per page.
TABLE_MARGINS_MM: tuple[float, float, float, float] = (20.0, 20.0, 20.0, 20.0)

#: Line pitch of table text as a multiple of its size: single spacing (单倍行距), as offices
#: set the text of wide tables (仿宋五号, 单倍行距).
TABLE_LEADING = 1.25
#: Table rows up to this many lines move whole to the next page instead of splitting.
KEEP_LINES = 6

#: What every page of a ``full`` export carries (issue 6).
CONFIDENTIAL_MARK = "内部资料 注意保密"


class Align(str, Enum):
    """Horizontal alignment of a column or paragraph."""

    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


class Role(str, Enum):
    """Which typeface a piece of text is set in (see fonts.py)."""

    TITLE = "title"  # 方正小标宋简体
    BODY = "body"  # 仿宋_GB2312
    HEADING = "heading"  # 黑体: 附件 label, `一、` headings, table headers
    KAI = "kai"  # 楷体_GB2312: `（一）` headings
    PAGE_NUMBER = "page_number"  # 宋体
    # The parts a clerk may set apart in the designer (each defaults to the official font).
    ATTACHMENT = "attachment"  # 附件 label: 黑体
    SUBTITLE = "subtitle"  # 楷体_GB2312
    TABLE_HEADER = "table_header"  # 黑体
    SECTION = "section"  # section and 合计 rows: 黑体
    SIGNOFF = "signoff"  # 填报单位（盖章）… lines: 仿宋_GB2312


#: Paper sizes in millimetres (portrait width, height); B5 is the JIS size Word and WPS use.
PAGE_SIZES_MM: dict[str, tuple[float, float]] = {
    "A4": (210.0, 297.0),
    "A3": (297.0, 420.0),
    "B5": (182.0, 257.0),
}

#: Page-number styles: `— 1 —` odd right / even left (GB/T 9704), 第 1 页, 第 1 页 共 N 页,
#: centred `- 1 -`, none.
PAGE_NUMBER_STYLES = ("dash", "page", "page_of", "hyphen", "none")


def page_number_text(style: str, page: int, total: int | None = None) -> str:
    """The page number as printed in a style ("" for none)."""
    if style == "dash":
        return f"— {page} —"
    if style == "page":
        return f"第 {page} 页"
    if style == "page_of":
        return f"第 {page} 页 共 {total if total is not None else page} 页"
    if style == "hyphen":
        return f"- {page} -"
    return ""


class ParagraphStyle(str, Enum):
    """The kinds of paragraph a report has, each with its font, size and alignment."""

    ATTACHMENT = "attachment"  # 附件 — top left, 3号黑体
    TITLE = "title"  # 2号小标宋, centred
    SUBTITLE = "subtitle"  # 3号楷体, centred
    HEADING1 = "heading1"  # 一、 3号黑体
    HEADING2 = "heading2"  # （一） 3号楷体
    BODY = "body"  # 3号仿宋, first line indented two characters
    SIGNATURE = "signature"  # right-aligned unit name and date
    SIGNOFF = "signoff"  # 填报单位（盖章）… line under a table


#: Font role and size (pt) per paragraph style (DOMAIN.md "Official formats").
PARAGRAPH_FONTS: dict[ParagraphStyle, tuple[Role, float]] = {
    ParagraphStyle.ATTACHMENT: (Role.ATTACHMENT, 16.0),
    ParagraphStyle.TITLE: (Role.TITLE, 22.0),
    ParagraphStyle.SUBTITLE: (Role.SUBTITLE, 16.0),
    ParagraphStyle.HEADING1: (Role.HEADING, 16.0),
    ParagraphStyle.HEADING2: (Role.KAI, 16.0),
    ParagraphStyle.BODY: (Role.BODY, 16.0),
    ParagraphStyle.SIGNATURE: (Role.BODY, 16.0),
    ParagraphStyle.SIGNOFF: (Role.SIGNOFF, 12.0),
}


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of running text."""

    text: str
    style: ParagraphStyle = ParagraphStyle.BODY
    size: float | None = None  # points; None: the official size of the style

    def font(self) -> tuple[Role, float]:
        """The font role and size this paragraph is set in."""
        role, size = PARAGRAPH_FONTS[self.style]
        return role, self.size or size


@dataclass(frozen=True)
class Column:
    """A table column: header text, relative width, alignment."""

    key: str
    header: str
    width: float = 1.0
    align: Align = Align.LEFT
    wrap: bool = True
    #: A width the clerk fixed, in millimetres; None: the width follows the content.
    fixed_mm: float | None = None


class RowKind(str, Enum):
    """Body rows hold one text per column; section and total rows are styled apart."""

    BODY = "body"
    SECTION = "section"  # one text spanning the whole width (`一、反馈问题整改`)
    TOTAL = "total"  # 合计 row: text in every column, set in bold


@dataclass(frozen=True)
class Row:
    """One table row; a section row has a single cell."""

    cells: tuple[str, ...]
    kind: RowKind = RowKind.BODY


@dataclass(frozen=True)
class HeaderCell:
    """One cell of a header row, spanning ``span`` columns (and two rows when ``rows`` is 2)."""

    text: str
    span: int = 1
    rows: int = 1


@dataclass
class Table:
    """A table with a one- or two-row header that repeats on every page."""

    columns: list[Column]
    rows: list[Row] = field(default_factory=list)
    header: list[list[HeaderCell]] = field(default_factory=list)
    font_size: float = 12.0
    header_size: float = 12.0
    section_size: float | None = None  # section and 合计 rows; None: the body size
    #: Column widths in millimetres as every writer lays them (set when the report is built).
    widths_mm: list[float] = field(default_factory=list)

    def section_font_size(self) -> float:
        return self.section_size or self.font_size

    def shares(self) -> list[float]:
        """Each column's share of the table width (laid widths, else the relative weights)."""
        if len(self.widths_mm) == len(self.columns) and sum(self.widths_mm) > 0:
            total = sum(self.widths_mm)
            return [w / total for w in self.widths_mm]
        total = sum(c.width for c in self.columns) or 1.0
        return [c.width / total for c in self.columns]

    def header_rows(self) -> list[list[HeaderCell]]:
        """The header rows; by default one row of the column headers."""
        return self.header or [[HeaderCell(c.header) for c in self.columns]]

    def header_grid(self) -> list[list[str]]:
        """The header as a full grid: spanned places repeat the text (for comparing formats)."""
        grid: list[list[str | None]] = [[None] * len(self.columns) for _ in self.header_rows()]
        for r, cells in enumerate(self.header_rows()):
            c = 0
            for cell in cells:
                while c < len(self.columns) and grid[r][c] is not None:
                    c += 1
                for dr in range(cell.rows):
                    for dc in range(cell.span):
                        if r + dr < len(grid) and c + dc < len(self.columns):
                            grid[r + dr][c + dc] = cell.text
                c += cell.span
        return [[text or "" for text in row] for row in grid]


Block = Paragraph | Table


@dataclass
class Report:
    """A whole report: page set-up, then paragraphs and tables in order."""

    name: str
    title: str
    blocks: list[Block] = field(default_factory=list)
    landscape: bool = False
    page_size: str = "A4"
    margins_mm: tuple[float, float, float, float] = GBT9704_MARGINS_MM
    confidential: bool = False
    page_numbers: bool = True
    page_number_style: str = "dash"
    page_number_size: float = 14.0
    #: Font wanted per role where the template departs from the official one.
    fonts: dict[Role, str] = field(default_factory=dict)

    def number_style(self) -> str:
        """The page-number style in force ("none" when page numbers are off)."""
        if not self.page_numbers or self.page_number_style not in PAGE_NUMBER_STYLES:
            return "none" if not self.page_numbers else "dash"
        return self.page_number_style

    def page_mm(self) -> tuple[float, float]:
        """Width and height of the page as laid, in millimetres."""
        width, height = PAGE_SIZES_MM.get(self.page_size, PAGE_SIZES_MM["A4"])
        return (height, width) if self.landscape else (width, height)

    def usable_mm(self) -> float:
        """Width of the text area in millimetres."""
        _top, _bottom, left, right = self.page_margins_mm()
        return self.page_mm()[0] - left - right

    def page_margins_mm(self) -> tuple[float, float, float, float]:
        """Top, bottom, left, right margins as laid on the page.

        A landscape page is the portrait sheet turned a quarter: the binding margin (left on
        portrait) is at the top, so the margins turn with the sheet.
        """
        top, bottom, left, right = self.margins_mm
        if self.landscape:
            return left, right, top, bottom
        return top, bottom, left, right

    def texts(self) -> Iterator[str]:
        """Every text the report prints, for font coverage checks and privacy scans."""
        if self.confidential:
            yield CONFIDENTIAL_MARK
        for block in self.blocks:
            if isinstance(block, Paragraph):
                yield block.text
                continue
            for header_row in block.header_rows():
                yield from (cell.text for cell in header_row)
            for row in block.rows:
                yield from row.cells

    def tables(self) -> list[Table]:
        """The report's tables in order."""
        return [b for b in self.blocks if isinstance(b, Table)]

    def characters(self) -> set[str]:
        """Every distinct printable character in the report."""
        found: set[str] = set()
        for text in self.texts():
            found.update(text)
        found.update("—0123456789 -第页共")
        return {ch for ch in found if ch.isprintable() and not ch.isspace()}
