"""How much taller than written LibreOffice needs each row of an Excel file: a row it needs
taller prints with its last line cut off.

Run with a Python that has LibreOffice's ``uno`` module (Debian: python3-uno, the system
``/usr/bin/python3``), not the project's environment:

    /usr/bin/python3 tests/reports/lo_rows.py FILE.xlsx ...

For every row of each file's first sheet it prints one line, ``file row written needed`` (in
points), where LibreOffice, with the fonts this machine has, needs the row taller than it was
written; a last line ``checked N files, M rows cut``. Exit status 1 when a row is cut.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile
import time

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]

#: LibreOffice heights are in 1/100 mm.
PT_PER_UNIT = 72 / 2540
#: A row may be written this much shorter than LibreOffice's optimal height (its own padding,
#: about 1.5 pt) before text is cut.
TOLERANCE_UNITS = 50


def _property(name: str, value: object) -> PropertyValue:
    prop = PropertyValue()
    prop.Name, prop.Value = name, value
    return prop


def _connect(pipe: str) -> object:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    for _ in range(120):
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:  # not listening yet
            time.sleep(0.5)
    raise SystemExit("LibreOffice did not start")


def cut_rows(desktop: object, path: str) -> list[tuple[int, float, float]]:
    """(row, written, needed) for each row LibreOffice needs taller than written."""
    url = uno.systemPathToFileUrl(os.path.abspath(path))
    doc = desktop.loadComponentFromURL(url, "_blank", 0, (_property("Hidden", True),))  # type: ignore[attr-defined]
    try:
        sheet = doc.Sheets.getByIndex(0)
        cursor = sheet.createCursor()
        cursor.gotoEndOfUsedArea(False)
        cut = []
        for index in range(cursor.RangeAddress.EndRow + 1):
            row = sheet.Rows.getByIndex(index)
            written = row.Height
            row.OptimalHeight = True
            needed = row.Height
            if needed > written + TOLERANCE_UNITS:
                cut.append((index + 1, written * PT_PER_UNIT, needed * PT_PER_UNIT))
        return cut
    finally:
        doc.close(True)


def main(paths: list[str]) -> int:
    profile = tempfile.mkdtemp(prefix="lo-rows-")
    pipe = f"lo_rows_{os.getpid()}"
    office = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore",
         f"-env:UserInstallation=file://{profile}", f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    total = 0
    try:
        context = _connect(pipe)
        desktop = context.ServiceManager.createInstanceWithContext(  # type: ignore[attr-defined]
            "com.sun.star.frame.Desktop", context
        )
        for path in paths:
            for row, written, needed in cut_rows(desktop, path):
                print(f"{path} {row} {written:.1f} {needed:.1f}")
                total += 1
        with contextlib.suppress(Exception):  # the bridge closes as LibreOffice quits
            desktop.terminate()
    finally:
        try:
            office.wait(timeout=20)
        except subprocess.TimeoutExpired:
            office.kill()
    print(f"checked {len(paths)} files, {total} rows cut")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
