"""Input a user can type that once ended in "unexpected error" (exit 4): now one sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from rectdesk.cli import main


@pytest.fixture
def demo(db_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert main(["--db", str(db_path), "demo"]) == 0
    capsys.readouterr()
    return db_path


@pytest.mark.parametrize(
    "args",
    [
        ["items", "--batch", "9223372036854775808"],
        ["items", "--limit", "99999999999999999999"],
        ["set-status", "9223372036854775808", "--status", "closed"],
        ["undo-import", "-9223372036854775809"],
        ["items", "--batch", "一"],
    ],
)
def test_numbers_beyond_what_the_store_holds_are_usage_errors(
    demo: Path, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    with pytest.raises(SystemExit) as exited:  # argparse ends usage errors itself
        main(["--db", str(demo), *args])
    err = capsys.readouterr().err
    assert exited.value.code == 2 and "用法错误" in err and "Traceback" not in err


def test_due_within_past_the_calendar_lists_every_dated_item(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(demo), "items", "--due-within", "100000000", "--json"]) == 0
    huge = capsys.readouterr().out
    assert main(["--db", str(demo), "items", "--due-within", "2000000", "--json"]) == 0
    assert capsys.readouterr().out == huge


def test_a_biggest_id_that_does_not_exist_is_one_sentence(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--db", str(demo), "set-status", str(2**63 - 1), "--status", "closed"])
    err = capsys.readouterr().err
    assert code == 1 and len(err.strip().splitlines()) == 1


def test_report_output_naming_a_folder_writes_inside_it(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "导出 文件夹"
    folder.mkdir()
    code = main(["--db", str(demo), "report", "summary", "--format", "xlsx",
                 "--output", str(folder), "--today", "2026-12-04"])  # fmt: skip
    assert code == 0, capsys.readouterr().err
    (written,) = folder.iterdir()
    assert written.suffix == ".xlsx" and written.name.endswith("_20261204.xlsx")
    assert len(written.name.encode()) <= 255
    assert not (tmp_path / "导出 文件夹.xlsx").exists()
