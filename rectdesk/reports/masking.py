"""A report as a masked output prints it: every text through the one masking function."""

from __future__ import annotations

from dataclasses import replace

from rectdesk.domain.privacy import mask_text
from rectdesk.reports.layout import Paragraph, ParagraphStyle, Report


def mask_report(report: Report) -> Report:
    """Mask the title, every paragraph, header and cell of ``report`` in place; returns it.

    The sign-off line (填报单位…联系电话) is left as it is: it is the office's own contact
    from the settings, printed so the upper level can call back, not a citizen's.
    """
    report.title = mask_text(report.title)
    for index, block in enumerate(report.blocks):
        if isinstance(block, Paragraph):
            if block.style is not ParagraphStyle.SIGNOFF:
                report.blocks[index] = replace(block, text=mask_text(block.text))
            continue
        block.columns = [replace(c, header=mask_text(c.header)) for c in block.columns]
        block.header = [
            [replace(cell, text=mask_text(cell.text)) for cell in row] for row in block.header
        ]
        block.rows = [replace(row, cells=tuple(map(mask_text, row.cells))) for row in block.rows]
    return report
