"""Property: random rows written to a workbook come back from the import exactly."""

from __future__ import annotations

import datetime as dt
import string
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rectdesk.importers.readers import read_workbook
from rectdesk.importers.tables import parse_workbook

CHINESE = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
TEXT = st.text(
    alphabet=st.one_of(CHINESE, st.sampled_from(string.digits + "，。、；（）\n")), min_size=1,
    max_size=80,
).map(lambda t: t.strip()).filter(lambda t: bool(t) and t[0] not in "（0123456789")  # fmt: skip
# A cell reading just "例"/"示例" marks an example row by design; such text is not an item.
TEXT = TEXT.filter(lambda t: "例" not in t)
NUMBER = st.one_of(st.none(), st.from_regex(r"0?[1-9][0-9]{13,14}", fullmatch=True))
UNITS = st.lists(st.sampled_from(["办公室", "医政股", "疾控股", "财务股", "人事股"]),
                 min_size=1, max_size=3, unique=True)  # fmt: skip
DATES = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 12, 31))
ROW = st.tuples(NUMBER, TEXT, UNITS, DATES, st.booleans())


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(rows=st.lists(ROW, min_size=1, max_size=12))
def test_rows_survive_a_write_then_import(
    tmp_path: Path, rows: list[tuple[str | None, str, list[str], dt.date, bool]]
) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["县卫生健康局整改台账"])
    sheet.append(["序号", "编号", "问题描述", "责任单位", "整改时限"])
    for i, (number, content, units, day, as_date_cell) in enumerate(rows, 1):
        deadline: object = day if as_date_cell else f"{day.year}年{day.month}月{day.day}日"
        sheet.append([i, number, content, "、".join(units), deadline])
    path = tmp_path / "往返.xlsx"
    book.save(path)
    parsed = parse_workbook(read_workbook(path))
    assert len(parsed.rows) == len(rows)
    for got, (number, content, units, day, _) in zip(parsed.rows, rows, strict=True):
        assert got.draft.number == number
        assert got.draft.content == content
        assert [a.department for a in got.draft.departments] == units
        assert got.draft.deadline.date == day
