"""Read exported reports back into plain entries, so the three formats can be compared."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

from rectdesk.reports.layout import Paragraph, Report

Entry = tuple[str, tuple[str, ...]]
_SPACE = re.compile(r"\s+")


def squash(text: str) -> str:
    """Text without any whitespace (PDF extraction breaks lines where the writer wrapped)."""
    return _SPACE.sub("", text)


def layout_entries(report: Report) -> list[Entry]:
    """The report as ("p", (line,)) and ("row", cells) entries, header rows included."""
    out: list[Entry] = []
    for block in report.blocks:
        if isinstance(block, Paragraph):
            out.extend(("p", (line,)) for line in block.text.split("\n") if line.strip())
            continue
        out.extend(("row", tuple(row)) for row in block.header_grid())
        out.extend(("row", tuple(row.cells)) for row in block.rows)
    return out


def docx_entries(path: Path) -> list[Entry]:
    """Body paragraphs and table rows of a .docx, in document order."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph as DocxParagraph

    document = docx.Document(str(path))
    out: list[Entry] = []
    for block in document.iter_inner_content():
        if isinstance(block, DocxParagraph):
            if block.text.strip():
                out.append(("p", (block.text,)))
        elif isinstance(block, Table):
            for row in block.rows:
                out.append(("row", tuple(_docx_row(row))))
    return out


def _docx_row(row: object) -> list[str]:
    from docx.oxml.ns import qn

    cells = []
    tr = row._tr  # type: ignore[attr-defined]
    for tc in tr.iter(qn("w:tc")):
        text = "\n".join(
            "".join(t.text or "" for t in p.iter(qn("w:t"))) for p in tc.iter(qn("w:p"))
        )
        span = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
        count = int(span.get(qn("w:val"))) if span is not None else 1
        merge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
        continued = merge is not None and merge.get(qn("w:val")) != "restart"
        cells.append(text)
        if continued:
            cells[-1] = "\x00up"  # filled from the row above by the caller
        cells.extend(["\x00left"] * (count - 1))
    return cells


def resolve_spans(entries: list[Entry]) -> list[Entry]:
    """Spanned places repeat the text they belong to (as Table.header_grid does)."""
    out: list[Entry] = []
    for kind, cells in entries:
        row = list(cells)
        for i, text in enumerate(row):
            if text == "\x00left":
                row[i] = row[i - 1]
            elif text == "\x00up":
                row[i] = out[-1][1][i]
        if kind == "row" and len(row) > 1 and all(c == row[0] for c in row):
            row = [row[0]]  # a section row spans the table
        out.append((kind, tuple(row)))
    return out


def xlsx_entries(path: Path) -> list[Entry]:
    """Rows of the sheet; merged ranges read as one cell; a one-cell row is a paragraph."""
    import openpyxl

    sheet = openpyxl.load_workbook(path).active
    owner: dict[tuple[int, int], tuple[int, int]] = {}
    for merged in sheet.merged_cells.ranges:
        for row in range(merged.min_row, merged.max_row + 1):
            for col in range(merged.min_col, merged.max_col + 1):
                owner[(row, col)] = (merged.min_row, merged.min_col)
    out: list[Entry] = []
    places: dict[int, int] = {}  # first grid column of a cell → its place in the last row
    for r, row in enumerate(sheet.iter_rows(), start=1):
        first = sheet.cell(r, 1).value
        merged_above = owner.get((r, 1), (r, 1))[0] < r
        continued = first == "(续)" or (
            not first and (r, 1) not in owner and any(c.value for c in row)
            and bool(out) and out[-1][0] == "row" and row[0].border.left.style is not None
        )
        if out and r > 1 and (merged_above or continued) and out[-1][0] == "row":
            # A continuation row (the page's end or Excel's 409-point limit): its texts go
            # on the row above; its 序号 says (续) where it opens a page.
            kind, above = out[-1]
            joined = list(above)
            for c in range(1, sheet.max_column + 1):
                top = owner.get((r, c), (r, c))
                value = sheet.cell(r, c).value
                if top == (r, c) and c in places and value and not (c == 1 and continued):
                    joined[places[c]] += "\n" + str(value)
            out[-1] = (kind, tuple(joined))
            continue
        cells: list[str] = []
        seen: set[tuple[int, int]] = set()
        has_border = False
        row_places: dict[int, int] = {}
        for c, cell in enumerate(row, start=1):
            top = owner.get((r, c), (r, c))
            if top in seen:
                continue
            seen.add(top)
            row_places[c] = len(cells)
            value = sheet.cell(*top).value
            cells.append("" if value is None else str(value))
            has_border = has_border or cell.border.left.style is not None
        places = row_places
        if not any(cells):
            continue
        while len(cells) > 1 and not has_border and not cells[-1]:
            cells.pop()
        out.append(("row" if has_border else "p", tuple(cells)))
    return out


def pdf_pages(path: Path) -> list[str]:
    """The text of every page, in the order it was drawn.

    poppler's pdftotext (raw order) is a hundred times faster than pypdf; pypdf is the
    fallback where poppler is not installed.
    """
    if shutil.which("pdftotext"):
        result = subprocess.run(
            ["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"],
            capture_output=True, check=True,
        )  # fmt: skip
        pages = result.stdout.decode("utf-8").split("\f")
        return pages[:-1] if pages and not pages[-1].strip() else pages
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(str(path)).pages]


def raw_xml(path: Path, member: str) -> str:
    """One XML part of a .docx or .xlsx."""
    with zipfile.ZipFile(path) as archive:
        return archive.read(member).decode("utf-8")


def all_xml(path: Path) -> str:
    """Every XML part of an OOXML file, concatenated (for scanning)."""
    with zipfile.ZipFile(path) as archive:
        return "".join(
            archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith(".xml")
        )
