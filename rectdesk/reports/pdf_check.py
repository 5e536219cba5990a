"""The check before printing: fallback fonts, missing glyphs, columns too narrow for a number
and rows taller than a page, each said in one plain sentence."""

from __future__ import annotations

import re
from typing import Any

from rectdesk.domain.errors import QT_TRANSLATE_NOOP, Label, listing, localized
from rectdesk.reports.fonts import FontPlan, load_font
from rectdesk.reports.layout import TABLE_LEADING, Report, Role, Row, RowKind, Table
from rectdesk.reports.pdf import MM, page_points
from rectdesk.reports.pdf_table import PAD_X, PAD_Y, fit_codes
from rectdesk.reports.textwrap_cjk import Widths, wrap

_WORD = re.compile(r"[A-Za-z0-9._\-/@%+#&]{4,}")


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
        fit_codes(table, widths, metrics)
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
