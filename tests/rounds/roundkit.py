"""Helpers for the rounds tests: send a round, and edit a returned workbook as a unit would."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl

from rectdesk.domain.rounds import SHEET_COLUMNS
from rectdesk.services.dispatch import DispatchResult, dispatch
from rectdesk.store import Store

TODAY = dt.date(2023, 11, 20)
CUT_OFF = dt.date(2023, 12, 15)
#: The demo batch every test sends (seed 000: 22 items, ten units, two shared items).
BATCH = 1
#: Items of that batch: 财务处 leads it and 规划处 assists.
SHARED = "0220200740200337"
#: 财务处 leads it alone.
FINANCE = "120200740100003"
HEADER_ROW = 3


def send(store: Store, folder: Path, **options: Any) -> DispatchResult:
    """Send a round of the demo batch."""
    options.setdefault("cut_off", CUT_OFF)
    options.setdefault("today", TODAY)
    return dispatch(store, BATCH, folder, actor="测试", **options)


def file_of(result: DispatchResult, unit: str) -> Path:
    return next(f.path for f in result.files if f.unit == unit)


class Returned:
    """A unit's workbook opened for editing, found by headers and 编号 like a person would."""

    def __init__(self, path: Path) -> None:
        self.book = openpyxl.load_workbook(path)
        self.sheet = self.book["整改事项"]

    def headers(self) -> list[str]:
        return [str(c.value or "") for c in self.sheet[HEADER_ROW]]

    def column(self, header: str) -> int:
        return self.headers().index(header) + 1

    def row_of(self, number: str) -> int:
        col = self.column("编号")
        for row in range(HEADER_ROW + 1, self.sheet.max_row + 1):
            if self.sheet.cell(row, col).value == number:
                return row
        raise KeyError(number)

    def set(self, number: str, header: str, value: object) -> Returned:
        self.sheet.cell(self.row_of(number), self.column(header)).value = value
        return self

    def get(self, number: str, header: str) -> object:
        return self.sheet.cell(self.row_of(number), self.column(header)).value

    def delete_column(self, header: str) -> Returned:
        self.sheet.delete_cols(self.column(header))
        return self

    def grid(self) -> list[list[object]]:
        return [list(r) for r in self.sheet.iter_rows(values_only=True)]

    def rewrite(self, grid: list[list[object]]) -> Returned:
        """Replace the sheet's values (styles and merges go, as in a careless re-save)."""
        for merged in list(self.sheet.merged_cells.ranges):
            self.sheet.unmerge_cells(str(merged))
        self.sheet.delete_rows(1, self.sheet.max_row)
        for r, values in enumerate(grid, start=1):
            for c, value in enumerate(values, start=1):
                self.sheet.cell(r, c).value = value
        return self

    def move_columns(self, order: list[str]) -> Returned:
        """Put these headers first, in this order; the rest follow as they were."""
        grid = self.grid()
        headers = [str(v or "") for v in grid[HEADER_ROW - 1]]
        first = [headers.index(h) for h in order]
        permutation = first + [i for i in range(len(headers)) if i not in first]
        return self.rewrite([[row[i] if i < len(row) else None for i in permutation]
                             for row in grid])  # fmt: skip

    def reverse_rows(self) -> Returned:
        grid = self.grid()
        head, body = grid[:HEADER_ROW], grid[HEADER_ROW:]
        return self.rewrite(head + list(reversed(body)))

    def append(self, values: dict[str, object]) -> Returned:
        row = self.sheet.max_row + 1
        for header, value in values.items():
            self.sheet.cell(row, self.column(header)).value = value
        return self

    def save(self, path: Path) -> Path:
        self.book.save(path)
        return path

    def save_csv(self, path: Path, encoding: str = "gbk") -> Path:
        """The item sheet as Excel's “CSV (逗号分隔)” saves it: shown values, hidden column kept."""
        with path.open("w", encoding=encoding, newline="") as handle:
            writer = csv.writer(handle)
            for values in self.sheet.iter_rows(values_only=True):
                writer.writerow(["" if v is None else v for v in values])
        return path


def header_texts() -> list[str]:
    return [c.header for c in SHEET_COLUMNS]
