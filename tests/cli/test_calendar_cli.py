"""rectdesk-cli deadline-explain and holidays: counted dates with the office's own years."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rectdesk.cli import main


def run(db: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_explain_prints_the_date_and_how_it_was_counted(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(db_path, capsys, "demo")[0] == 0
    code, out, _ = run(
        db_path, capsys, "deadline-explain", "收到之日起20个工作日内", "--from", "2026-02-10"
    )
    assert code == 0
    assert "2026年3月16日" in out and "2026年2月15日至2月23日" in out
    code, out, _ = run(db_path, capsys, "deadline-explain", "交办之日起3个月内办复",
                       "--from", "2026-03-31", "--json")  # fmt: skip
    data = json.loads(out)
    assert (data["deadline"], data["unit"], data["amount"]) == ("2026-06-30", "months", 3)


def test_a_missing_year_is_said_then_entered(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(db_path, capsys, "demo")[0] == 0
    _, out, _ = run(db_path, capsys, "deadline-explain", "20个工作日内", "--from", "2027-01-20",
                    "--json")  # fmt: skip
    before = json.loads(out)
    assert before["missing_years"] == [2027]
    code, out, err = run(db_path, capsys, "holidays", "2027", "--rest",
                         "2027-01-01,2027-02-06..2027-02-13", "--work", "2027-02-14")  # fmt: skip
    assert code == 0, err
    assert "放假9天" in out and "调休上班1天" in out
    _, out, _ = run(db_path, capsys, "deadline-explain", "20个工作日内", "--from", "2027-01-20",
                    "--json")  # fmt: skip
    after = json.loads(out)
    assert after["missing_years"] == []
    assert after["deadline"] > before["deadline"]  # the Spring Festival week now skipped
    _, out, _ = run(db_path, capsys, "holidays", "2027", "--json")
    assert json.loads(out)["entered"] is True


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["holidays", "2027", "--work", "2027-02-15"], "本来就是工作日"),  # a Monday
        (["holidays", "2027", "--rest", "2026-12-31"], "不在2027年内"),
        (["holidays", "2027", "--rest", "2027-02-13..2027-02-06"], "区间"),
        (["holidays", "2027", "--rest", "2027-02-30"], "格式不对"),
        (["deadline-explain", "尽快办理", "--from", "2026-01-05"], "没有找到期限"),
    ],
)
def test_wrong_input_is_one_sentence_and_writes_nothing(
    db_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert run(db_path, capsys, "demo")[0] == 0
    code, out, err = run(db_path, capsys, *args)
    assert code == 1 and message in err and "Traceback" not in err
    _, out, _ = run(db_path, capsys, "holidays", "2027", "--json")
    assert json.loads(out)["entered"] is False
