"""Text RectDesk writes into a workbook or a CSV file: always text, never a formula.

Every writer (reports, fill-back, audit exports) puts its text cells through these two
functions, so a value such as ``=HYPERLINK(…)`` or ``=DDE(…)`` typed into a progress note
reaches the upper level's sheet as the words it is, not as something Excel runs.
"""

from __future__ import annotations

import re
from typing import Any

#: Characters an .xlsx file cannot hold (openpyxl refuses them); Word pastes \x0b and \x0c.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

#: What makes a spreadsheet program read a CSV field as a formula (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def put_text(cell: Any, text: str | None) -> None:
    """Store ``text`` in an openpyxl cell as a string (an empty text leaves the cell empty)."""
    if not text:
        cell.value = None
        return
    cell.value = _ILLEGAL.sub("", text)
    # openpyxl takes any string starting with "=" for a formula; a string it stays.
    cell.data_type = "s"


def csv_text(text: str) -> str:
    """A CSV field that Excel, WPS and LibreOffice show as text, never evaluate."""
    return "'" + text if text.startswith(_FORMULA_START) else text
