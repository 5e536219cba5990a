"""Attacks on reading a source file: pipes, files that vanish, padded text, year-less dates."""

from __future__ import annotations

import datetime as dt
import io
import os
import sys
import threading
from pathlib import Path

import openpyxl
import pytest

from rectdesk.domain.errors import UserError
from rectdesk.importers import readers
from rectdesk.importers.sheetxml import TooMuchText, read_shared_strings
from rectdesk.importers.tables import parse_workbook


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "清单.csv"
    os.mkfifo(fifo)
    outcome: list[BaseException] = []
    worker = threading.Thread(target=lambda: _capture(fifo, outcome), daemon=True)
    worker.start()
    worker.join(10)
    assert not worker.is_alive(), "reading a FIFO blocked"
    assert isinstance(outcome[0], UserError) and "不是普通文件" in str(outcome[0])


def _capture(path: Path, outcome: list[BaseException]) -> None:
    try:
        readers.read_workbook(path)
    except BaseException as exc:  # the test looks at whatever came out
        outcome.append(exc)


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_a_file_removed_between_checking_and_reading_is_one_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    path = tmp_path / f"清单.{suffix}"
    if suffix == "xlsx":
        book = openpyxl.Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.append(["问题描述", "责任单位"])
        sheet.append(["问题一", "办公室"])
        book.save(path)
    else:
        path.write_text("问题描述,责任单位\n问题一,办公室\n", encoding="utf-8")
    sniff = readers.sniff

    def sniff_then_vanish(target: Path) -> readers.Format:
        kind = sniff(target)
        target.unlink()  # the USB stick pulled, or the file moved, right after the check
        return kind

    monkeypatch.setattr(readers, "sniff", sniff_then_vanish)
    with pytest.raises(UserError, match="移走、删除或无法读取"):
        readers.read_workbook(path)


def test_shared_strings_are_bounded_by_the_text_kept() -> None:
    body = b"".join(b"<si><t>" + b"x" * 1000 + b"</t></si>" for _ in range(50))
    part = b'<?xml version="1.0"?><sst xmlns="urn:x">' + body + b"</sst>"
    assert len(read_shared_strings(io.BytesIO(part))) == 50
    with pytest.raises(TooMuchText):
        read_shared_strings(io.BytesIO(part), max_chars=10_000)
    with pytest.raises(TooMuchText):
        read_shared_strings(io.BytesIO(part), max_strings=10)


def _dated_list(path: Path, date_line: str, deadline: str) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["县卫生健康局巡察反馈问题整改清单"])
    sheet.append([date_line])
    sheet.append(["序号", "问题描述", "责任单位", "整改时限"])
    sheet.append([1, "制度执行不到位", "办公室", deadline])
    book.save(path)


@pytest.mark.parametrize(
    ("date_line", "deadline", "expected"),
    [
        ("2019年10月22日", "6月底前", dt.date(2020, 6, 30)),  # the next June, not the past one
        ("2019年10月22日", "12月底前", dt.date(2019, 12, 31)),
        ("填报日期：2019年10月22日", "6月底前", dt.date(2020, 6, 30)),
        ("填报日期：2019年10月22日", "2019年6月30日", dt.date(2019, 6, 30)),  # written: kept
    ],
)
def test_a_year_less_deadline_never_lands_before_the_document_date(
    tmp_path: Path, date_line: str, deadline: str, expected: dt.date
) -> None:
    path = tmp_path / "巡察.xlsx"
    _dated_list(path, date_line, deadline)
    parsed = parse_workbook(readers.read_workbook(path))
    (row,) = parsed.rows
    assert row.draft.deadline.date == expected
    assert parsed.dated == dt.date(2019, 10, 22)
    if "年" not in deadline:
        assert any("未写年份" in w for w in row.warnings)  # the clerk sees which year was taken


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_an_unreadable_file_is_one_sentence(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    path = tmp_path / "锁定.csv"
    path.write_text("问题描述\n问题一\n", encoding="utf-8")
    path.chmod(0)
    with pytest.raises(UserError, match="无法读取"):
        readers.read_workbook(path)
