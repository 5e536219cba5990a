"""Text stored from a spreadsheet never drives the clerk's terminal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rectdesk.cli import main

HOSTILE = "\x1b]0;窗口标题被改\x07\x1b[2J\x1b[31m红色\x1b[0m\x9b31m\r覆盖"


def test_escape_sequences_in_cells_print_as_visible_text(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "清单.csv"
    source.write_text(f'问题描述,责任单位\n"{HOSTILE}",办公室\n', encoding="utf-8")
    assert main(["--db", str(db_path), "import", str(source)]) == 0
    capsys.readouterr()
    assert main(["--db", str(db_path), "items"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out and "\r" not in out
    assert "␛" in out and "红色" in out
    assert main(["--db", str(db_path), "items", "--json"]) == 0
    (item,) = json.loads(capsys.readouterr().out)
    assert "\x1b[31m" in item["content"]  # JSON keeps the stored text, escaped
