"""Attacks through the command line: a mistyped --db."""

from __future__ import annotations

from pathlib import Path

import pytest

from rectdesk.cli import main

#: Every command that only reads or changes an existing store (none may create one).
NOT_CREATING = [
    ["items"],
    ["items", "--json"],
    ["items", "--privacy", "full"],
    ["batches"],
    ["check"],
    ["templates"],
    ["report", "plan", "--format", "pdf", "--output", "{tmp}/out.pdf"],
    ["export", "--template", "ledger", "--format", "xlsx", "--output", "{tmp}/out.xlsx"],
    ["imports"],
    ["audit", "--output", "{tmp}/audit.csv"],
    ["backup"],
    ["backup", "--output", "{tmp}/usb"],
    ["backup-settings"],
    ["backup-settings", "--daily", "off"],
    ["undo-import", "1"],
    ["fill-back", "{tmp}/original.xlsx", "--batch", "1", "--output", "{tmp}/filled.xlsx"],
    ["import", "{tmp}/source.csv", "--dry-run"],
    ["set-status", "1", "--status", "in_progress"],
    ["progress", "1", "--text", "进展"],
    ["set-field", "1", "remarks", "备注"],
    ["delete", "1", "--yes"],
]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("command", NOT_CREATING, ids=lambda c: " ".join(c[:2]))
def test_a_mistyped_db_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    (tmp_path / "source.csv").write_text("序号,问题\n1,内容\n", encoding="utf-8")
    before = sorted(p.name for p in tmp_path.iterdir())
    typo = tmp_path / "Docments" / "ledgr.sqlite3"
    args = [part.replace("{tmp}", str(tmp_path)) for part in command]
    code, out, err = run(capsys, "--db", str(typo), *args)
    assert code == 1, err
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and "不存在" in err
    assert not typo.parent.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == before


@pytest.mark.parametrize("command", [["demo"], ["import", "{tmp}/source.csv"]])
def test_creating_commands_may_create(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    (tmp_path / "source.csv").write_text(
        "序号,意见建议编号,意见或建议内容,责任处室\n1,A1,加强管理,办公室\n", encoding="utf-8"
    )
    target = tmp_path / "new" / "ledger.sqlite3"
    args = [part.replace("{tmp}", str(tmp_path)) for part in command]
    code, _out, err = run(capsys, "--db", str(target), *args)
    assert code == 0, err
    assert target.exists()
