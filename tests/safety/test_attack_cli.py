"""Attacks through the command line: a mistyped --db, restoring from a USB folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from rectdesk.cli import main
from rectdesk.store import Store

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


def test_restore_takes_the_folder_backup_output_was_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "ledger.sqlite3"
    usb = tmp_path / "U盘"
    assert run(capsys, "--db", str(db), "demo")[0] == 0
    assert run(capsys, "--db", str(db), "backup", "--output", str(usb))[0] == 0
    with Store.open(db) as store:
        store.delete_items(store.item_ids()[:9])
    code, out, err = run(capsys, "--db", str(db), "backup", "--output", str(usb))
    assert code == 0, err
    newest = next(line for line in out.splitlines() if "已通过完整性检查" in line).split("：")[-1]
    with Store.open(db) as store:
        store.delete_items(store.item_ids()[:10])

    code, out, err = run(capsys, "--db", str(db), "restore", str(usb))
    assert code == 0, err
    assert Path(newest).name in out and "2 份完好的备份" in out
    with Store.open(db) as store:
        assert store.count_items() == 40


def test_restore_refuses_a_folder_of_two_stores_backups(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    usb = tmp_path / "U盘"
    for name in ("甲.sqlite3", "乙.sqlite3"):
        assert run(capsys, "--db", str(tmp_path / name), "demo")[0] == 0
        assert run(capsys, "--db", str(tmp_path / name), "backup", "--output", str(usb))[0] == 0
    code, _out, err = run(capsys, "--db", str(tmp_path / "丙.sqlite3"), "restore", str(usb))
    assert code == 1 and "不同数据文件的备份" in err
    assert not (tmp_path / "丙.sqlite3").exists()
    code, out, err = run(capsys, "--db", str(tmp_path / "乙.sqlite3"), "restore", str(usb))
    assert code == 0 and "乙-" in out, err


def test_restore_of_an_empty_folder_is_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "空"
    empty.mkdir()
    code, out, err = run(capsys, "--db", str(tmp_path / "l.sqlite3"), "restore", str(empty))
    assert code == 1 and out == "" and len(err.strip().splitlines()) == 1
