"""rectdesk-cli backup / restore / backups / audit as a clerk runs them."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import openpyxl
import pytest

from rectdesk.cli import main
from rectdesk.store import Store


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo_db(db_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert run(capsys, "--db", str(db_path), "demo")[0] == 0
    return db_path


def test_backup_list_and_restore(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", str(demo_db), "backup")
    assert code == 0, err
    assert "已通过完整性检查" in out
    code, out, _ = run(capsys, "--db", str(demo_db), "backups", "--json")
    listed = json.loads(out)
    assert len(listed) == 1 and listed[0]["verified"] and listed[0]["items"] == 49
    assert listed[0]["reason_label"] == "手动"

    with Store.open(demo_db) as store:
        store.delete_items(store.item_ids()[:5])
    code, out, err = run(capsys, "--db", str(demo_db), "restore", listed[0]["path"])
    assert code == 0, err
    assert "现有 49 条事项" in out and "另存到" in out
    with Store.open(demo_db) as store:
        assert store.count_items() == 49
        assert store.audit_log(limit=1)[0].action == "restore"
    code, out, _ = run(capsys, "--db", str(demo_db), "backups")
    assert "恢复前另存" in out and "共 2 个备份" in out


def test_backup_to_a_usb_folder_and_list_it(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    usb = tmp_path / "U盘"
    code, out, err = run(capsys, "--db", str(demo_db), "backup", "--output", str(usb))
    assert code == 0, err
    code, out, _ = run(capsys, "--db", str(demo_db), "backups", "--folder", str(usb), "--json")
    assert json.loads(out)[0]["reason"] == "external"


def test_backup_while_the_window_is_open(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Store.open(demo_db):
        code, _out, err = run(capsys, "--db", str(demo_db), "backup")
    assert code == 0, err


def test_restore_refuses_what_is_not_a_backup(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = demo_db.read_bytes()
    code, _, err = run(capsys, "--db", str(demo_db), "restore", str(tmp_path))
    assert code == 1 and "不是 RectDesk 备份文件夹" in err
    assert demo_db.read_bytes() == before


def test_restore_while_the_window_is_open_is_refused(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "--db", str(demo_db), "backup")
    path = json.loads(run(capsys, "--db", str(demo_db), "backups", "--json")[1])[0]["path"]
    with Store.open(demo_db):
        code, _, err = run(capsys, "--db", str(demo_db), "restore", path)
    assert code == 1 and "不能恢复" in err


def test_backup_to_an_unwritable_place(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    code, _out, err = run(capsys, "--db", str(demo_db), "backup", "--output", str(blocker))
    assert code == 1 and err.startswith("备份失败") and err.count("\n") == 1


def _phone_edit(db: Path) -> int:
    with Store.open(db) as store:
        item_id = store.item_ids()[0]
        store.update_item(item_id, {"origin": "张三 13912346053"}, actor="李四")
        return item_id


def test_audit_export_csv_masked_by_default(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    item_id = _phone_edit(demo_db)
    target = tmp_path / "审计.csv"
    code, _out, err = run(capsys, "--db", str(demo_db), "audit", "--item", str(item_id),
                         "--output", str(target))  # fmt: skip
    assert code == 0, err
    rows = list(csv.reader(target.read_text("utf-8-sig").splitlines()))
    assert rows[0][:3] == ["序号", "时间", "操作人"]
    assert rows[1][2:6] == ["李四", str(item_id), "修改", "意见来源"]
    assert "139****6053" in rows[1][7]
    assert "13912346053" not in target.read_text("utf-8-sig")


def test_audit_export_xlsx_full_is_itself_audited(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _phone_edit(demo_db)
    target = tmp_path / "审计.xlsx"
    code, _out, err = run(capsys, "--db", str(demo_db), "audit", "--output", str(target),
                         "--privacy", "full")  # fmt: skip
    assert code == 0, err
    sheet = openpyxl.load_workbook(target).active
    values = [str(c.value) for row in sheet.iter_rows() for c in row if c.value]
    assert any("13912346053" in v for v in values)
    with Store.open(demo_db) as store:
        assert store.audit_log(limit=1)[0].action == "export_full"


def test_audit_export_wrong_extension(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "--db", str(demo_db), "audit", "--output", str(tmp_path / "a.pdf"))
    assert code == 1 and ".csv 或 .xlsx" in err


def test_damaged_store_lists_its_backups_and_is_restored(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "--db", str(demo_db), "backup")[0] == 0
    demo_db.write_bytes(b"\0" * 4096 * 8)  # wiped by a failing disk
    code, out, _ = run(capsys, "--db", str(demo_db), "check")
    assert code == 3
    code, out, _ = run(capsys, "--db", str(demo_db), "backups", "--json")
    listed = json.loads(out)
    assert code == 0 and len(listed) == 1
    code, out, err = run(capsys, "--db", str(demo_db), "restore", listed[0]["path"])
    assert code == 0, err
    assert run(capsys, "--db", str(demo_db), "check")[0] == 0


def test_backup_settings(demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", str(demo_db), "backup-settings")
    assert code == 0 and "保留：14 天" in out and "保留：8 周" in out
    assert str(demo_db.parent / "backups") in out
    changes = ["--daily", "off", "--keep-days", "7", "--keep-weeks", "4"]
    changes += ["--folder", str(tmp_path / "b")]
    code, out, _ = run(capsys, "--db", str(demo_db), "backup-settings", *changes)
    assert code == 0 and "自动备份：关" in out and "7 天" in out and "4 周" in out
    run(capsys, "--db", str(demo_db), "backup")
    assert len(list((tmp_path / "b").iterdir())) == 1
    code, _, err = run(capsys, "--db", str(demo_db), "backup-settings", "--keep-weeks", "-1")
    assert code == 1 and "不能是负数" in err
