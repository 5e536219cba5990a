"""rectdesk-cli's command line mistakes and a closed pipe, as a clerk meets them.

A usage error is one Chinese sentence on standard error (what is wrong, what to do) and exit
status 2, with no argparse English left in it. A reader that stops early
(``rectdesk-cli items | head -1``) ends nothing badly: the command finishes quietly, exit 0.
"""

from __future__ import annotations

import importlib
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from rectdesk.cli import COMMAND_MODULES, main
from rectdesk.cli.common import ChineseParser
from rectdesk.cli.usage import usage_sentence

HAN = re.compile(r"[\u3400-\u9fff]")
#: argparse's own English: none of it may reach the clerk.
ENGLISH = re.compile(
    r"usage|argument|error|invalid|required|unrecognized|expected|choose|ambiguous|"
    r"positional|options:|show this help",
    re.IGNORECASE,
)


def _usage_error(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    with pytest.raises(SystemExit) as exited:
        main(list(args))
    out, err = capsys.readouterr()
    assert exited.value.code == 2 and out == "", (args, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    sentence = lines[0]
    assert sentence.startswith("用法错误：") and HAN.search(sentence), sentence
    assert not ENGLISH.search(sentence), sentence
    assert "请" in sentence and sentence.endswith("。"), sentence  # it says what to do
    return sentence


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["items", "--bogus"], "不认识“--bogus”；请运行“rectdesk-cli items --help”"),
        (["proposals", "set"], "缺少必须填写的参数 ID；请运行“rectdesk-cli proposals set --help”"),
        (["proposals", "set", "--kind"], "选项 --kind 后面缺少取值"),
        (["proposals"], "缺少子命令；请运行“rectdesk-cli proposals --help”"),
        (["proposals", "sett"], "没有“sett”这个子命令（是不是要用“set”？）"),
        (["frobnicate"], "没有“frobnicate”这个命令；请运行“rectdesk-cli --help”"),
        (["itmes"], "（是不是要用“items”？）"),
        ([], "缺少命令"),
        (["items", "--limit", "x"], "选项 --limit 的取值有误：“x”不是整数"),
        (["items", "--sort", "nonsense"], "选项 --sort 不能取“nonsense”；请从 batch、"),
        (["items", "--json=1"], "选项 --json 不带取值；请去掉后面的“=1”。"),
        (["items", "--s", "x"], "选项 --s 不明确，可能是 "),
        (["binder", "--output", "x.pdf"], "需要 --item、--batch 中的一个"),
        (["letters", "issue"], "缺少必须填写的选项 --output"),
        (["--db"], "选项 --db 后面缺少取值"),
    ],
)
def test_a_usage_error_is_one_chinese_sentence(
    capsys: pytest.CaptureFixture[str], args: list[str], says: str
) -> None:
    assert says in _usage_error(capsys, *args)


@pytest.mark.parametrize(
    ("message", "says"),
    [
        # The wording of other Python versions.
        ("argument 命令: invalid choice: 'x' (choose from demo, items)", "没有“x”这个命令"),
        ("argument --n: expected 2 arguments", "选项 --n 后面缺少取值"),
        ("argument --a: not allowed with argument --b", "选项 --a 不能和 --b 同时使用"),
        ("argument --n: invalid float value: 'x'", "选项 --n 的取值“x”不对"),
        ("unrecognized arguments: a  b", "不认识“a b”"),
        ("something new in Python 3.99", "命令行写法不对（something new in Python 3.99）"),
    ],
)
def test_every_form_of_argparse_is_said_in_chinese(message: str, says: str) -> None:
    sentence = usage_sentence(message, "rectdesk-cli x")
    assert says in sentence and sentence.endswith("。") and "请" in sentence


def test_the_help_is_headed_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    for args in (["--help"], ["items", "--help"], ["proposals", "set", "--help"]):
        with pytest.raises(SystemExit) as exited:
            main(args)
        out = capsys.readouterr().out
        assert exited.value.code == 0 and out.startswith("用法：rectdesk-cli"), out
        assert not re.search(r"usage:|options:|positional arguments|show this help", out), out


# -- a reader that stops early -------------------------------------------------------------


class ClosedPipe(io.StringIO):
    """Standard output whose reader has gone: every write fails as a closed pipe does."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def _commands_of_every_module(db: Path, tmp_path: Path) -> list[list[str]]:
    table = tmp_path / "清单.csv"
    table.write_text(
        "序号,问题/意见内容,责任单位,整改时限\n1,新问题,医政科,2026年6月底前\n", "utf-8"
    )
    return [
        ["items"], ["items", "--json"], ["batches", "--json"], ["check"],  # core
        ["backups"],  # backup
        ["import", str(table), "--year", "2026"], ["imports"],  # importing
        ["templates"],  # reports
        ["set-status", "--status", "in_progress", "3", "4"],  # items
        ["deadline-explain", "收到之日起20个工作日内", "--from", "2026-03-02"],  # calendar
        ["letters", "list"],  # letters
        ["evidence-reuse"],  # evidence
        ["rounds", "--batch", "1"],  # rounds
        ["closeoff", "pending"],  # closure
        ["proposals", "list"], ["proposals", "figures", "--year", "2026"],  # proposals
    ]  # fmt: skip


def _commands_of(module: str) -> set[str]:
    sub = ChineseParser(prog="x").add_subparsers(parser_class=ChineseParser)
    importlib.import_module(module).register(sub)
    return set(sub.choices)


def test_every_command_module_finishes_quietly_when_the_reader_has_gone(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    assert main(["--db", str(db_path), "demo"]) == 0
    capsys.readouterr()
    runs = _commands_of_every_module(db_path, tmp_path)
    named = {args[0] for args in runs}
    uncovered = [m for m in COMMAND_MODULES if not named & _commands_of(m)]
    # The self-test makes its own store; copy-store writes only to its target file.
    assert uncovered == ["rectdesk.cli.smoke", "rectdesk.cli.copystore"]
    for args in runs:
        monkeypatch.setattr(sys, "stdout", ClosedPipe())
        status = main(["--db", str(db_path), *args])
        monkeypatch.undo()
        err = capsys.readouterr().err
        assert (status, err) == (0, ""), args
    # The change was made in full although nobody read that it was.
    assert main(["--db", str(db_path), "items", "--json", "--status", "in_progress"]) == 0
    listed = {row["id"] for row in json.loads(capsys.readouterr().out)}
    assert {3, 4} <= listed


@pytest.mark.parametrize("args", [["items"], ["items", "--json"], ["--help"], ["--version"]])
def test_a_real_closed_pipe_ends_with_status_0_and_nothing_said(
    db_path: Path, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    assert main(["--db", str(db_path), "demo"]) == 0
    capsys.readouterr()
    reader, writer = os.pipe()
    os.close(reader)  # the reader has gone before the first line is written
    try:
        done = subprocess.run(
            [sys.executable, "-m", "rectdesk.cli", "--db", str(db_path), *args],
            stdout=writer, stderr=subprocess.PIPE, text=True, timeout=120,
        )  # fmt: skip
    finally:
        os.close(writer)
    assert (done.returncode, done.stderr) == (0, "")
