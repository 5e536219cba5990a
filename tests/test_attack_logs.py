"""The log users send to support carries no cell text.

A citizen's cell (回访群众王五13911112222满意) is planted where the program reads and writes —
an imported row, a sheet name, a file name, a failing write, and the exception that once
carried a whole cell into the log — then each error path runs and the log file is searched
for the phone number, the name and the cell.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QMessageBox

from rectdesk.app import application
from rectdesk.app.logs import ScrubbingFormatter, scrub, setup_logging
from rectdesk.cli import main
from rectdesk.domain.errors import UserError

CELL = "回访群众王五13911112222满意"
SECRETS = ("13911112222", "王五", "回访群众", "满意")


@pytest.fixture
def log_file() -> Iterator[Path]:
    """A fresh log file set up as the program does it (the test's own log folder)."""
    root = logging.getLogger("rectdesk")
    saved = [h for h in root.handlers if getattr(h, "_rectdesk", False)]
    for handler in saved:
        root.removeHandler(handler)
    path = setup_logging()
    assert path is not None
    yield path
    for handler in [h for h in root.handlers if getattr(h, "_rectdesk", False)]:
        root.removeHandler(handler)
        handler.close()
    for handler in saved:
        root.addHandler(handler)


def logged(path: Path) -> str:
    for handler in logging.getLogger("rectdesk").handlers:
        handler.flush()
    return path.read_text("utf-8") if path.exists() else ""


def assert_clean(text: str) -> None:
    assert [s for s in SECRETS if s in text] == [], text


def cli(db: Path, *args: str) -> int:
    return main(["--db", str(db), *args])


def test_bad_import_rows_leave_no_cell_in_the_log(
    log_file: Path, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["序号", "问题描述", "责任单位", "整改时限", "完成情况", "编号"])
    sheet.append([1, CELL, CELL, CELL, CELL, 123.0])
    sheet.append([2, "正常事项", "办公室", "2024年6月30日", "整改中", ""])
    path = tmp_path / "清单.xlsx"
    book.save(path)
    assert cli(db_path, "import", str(path)) == 0
    out = capsys.readouterr().out
    assert "王五" in out  # the clerk sees the cell named on screen; the log does not
    assert "import" in logged(log_file)
    assert_clean(logged(log_file))


def test_refused_imports_leave_no_cell_in_the_log(
    log_file: Path, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = CELL  # a sheet named after its content, with no table in it
    sheet.append([CELL])
    named = tmp_path / f"{CELL}.xlsx"
    book.save(named)
    assert cli(db_path, "import", str(named)) == 1
    assert cli(db_path, "import", str(tmp_path / f"缺失{CELL}.xlsx")) == 1
    err = capsys.readouterr().err
    assert "王五" in err
    text = logged(log_file)
    assert text.count("user error") == 2
    assert_clean(text)


def test_a_failing_write_leaves_no_cell_in_the_log(
    log_file: Path, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(db_path, "demo") == 0
    blocker = tmp_path / "不是文件夹.txt"
    blocker.write_text("x", encoding="utf-8")
    target = blocker / f"{CELL}.xlsx"  # a folder that is a file: the write fails
    assert cli(db_path, "report", "plan", "--format", "xlsx", "--output", str(target)) == 1
    assert cli(db_path, "audit", "--output", str(blocker / f"{CELL}.csv")) == 1
    capsys.readouterr()
    text = logged(log_file)
    assert text.count("user error") == 2
    assert_clean(text)


def _illegal_character_error() -> Exception:
    """The very exception that once carried a whole cell into the log (openpyxl's own)."""
    try:
        openpyxl.Workbook().active["A1"] = CELL.replace("王五", "王五\x0b")  # type: ignore[index]
    except Exception as exc:
        return exc
    raise AssertionError("openpyxl accepted a control character")


def test_an_unexpected_error_with_a_cell_in_its_message(log_file: Path) -> None:
    error = _illegal_character_error()
    assert "13911112222" in str(error)  # the library puts the whole value in its message
    log = logging.getLogger("rectdesk.cli")
    try:
        raise RuntimeError("写入失败") from error
    except RuntimeError:
        log.exception("unexpected error in rectdesk-cli %s", "fill-back")
    log.warning("background read failed: %s", error)
    log.info("user error: %s (%s)", f"无法写入“{CELL}”", repr(error))
    text = logged(log_file)
    assert "IllegalCharacterError" in text and "Traceback" in text
    assert "test_attack_logs.py" in text  # the frames are kept for support
    assert "139****2222" in text
    assert_clean(text)


def test_the_crash_report_the_clerk_copies_is_scrubbed(
    log_file: Path, qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.detailedText()) or 0)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    application.install_crash_hook()
    error = _illegal_character_error()
    sys.excepthook(type(error), error, error.__traceback__)
    assert len(shown) == 1 and "IllegalCharacterError" in shown[0]
    assert_clean(shown[0])
    assert_clean(logged(log_file))


def test_rectdesk_sentences_stay_readable() -> None:
    # The scrub keeps what support needs: RectDesk's own words, English messages, numbers.
    formatter = ScrubbingFormatter("%(message)s")
    record = logging.LogRecord("rectdesk.x", logging.INFO, __file__, 1,
                               "user error: %s (%s)", (UserError(f"找不到“{CELL}”，请检查路径。"),
                               "[Errno 2] No such file: 'ledger.sqlite3'"), None)  # fmt: skip
    assert formatter.format(record) == (
        "user error: 找不到“…”，请检查路径。 ([Errno 2] No such file: 'ledger.sqlite3')"
    )
    assert scrub("database is locked") == "database is locked"
    assert scrub(f"打开'/home/{CELL}.xlsx'失败") == "打开'…'失败"
