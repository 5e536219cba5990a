"""A list sent again: found by its items (not its name), zeros and wording kept, kind guessed."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import openpyxl
import pytest

from rectdesk.cli import main
from rectdesk.domain.model import BatchKind
from rectdesk.services import importing
from rectdesk.store import ItemQuery, Store

ZERO = "0220220630700418"


def resent(source: Path, target: Path, *, title: str = "关于再次报送整改工作方案的通知") -> Path:
    """The upper level's copy sent again: a new title, the 编号 stored as a number (its leading
    zero lost), every 整改时限 an Excel date cell, one measure rewritten."""
    book = openpyxl.load_workbook(source)
    sheet = book.active
    assert sheet is not None
    sheet.cell(2, 1).value = title
    for row in range(5, sheet.max_row + 1):
        number = sheet.cell(row, 3).value
        if isinstance(number, str) and number.startswith("0"):
            sheet.cell(row, 3).value = int(number)  # every zero lost: no peer to restore it
        deadline = sheet.cell(row, 8).value
        found = re.fullmatch(r"(\d{4})年(\d{1,2})月(\d{1,2})日", str(deadline))
        if found:
            sheet.cell(row, 8).value = dt.datetime(*(int(g) for g in found.groups()))
    sheet.cell(6, 6).value = "重新拟定的整改措施。"
    book.save(target)
    return target


def test_a_resent_list_updates_its_batch_by_content(
    store: Store, seed_001: Path, tmp_path: Path
) -> None:
    first = importing.import_file(store, seed_001)
    wording = sorted(i.deadline.text for i in store.items())
    copy = resent(seed_001, tmp_path / "重发.xlsx")
    result = importing.import_file(store, copy)
    assert [b.id for b in store.batches()] == [first.batch_id]  # no batch of duplicates
    assert result.matched_batch is not None and result.matched_batch.batch_id == first.batch_id
    assert result.matched_batch.matched == 5 and result.matched_batch.rows == 5
    assert (result.created, result.updated, result.unchanged) == (0, 1, 4)
    (change,) = result.changes
    assert (change.field, change.new) == ("measures", "重新拟定的整改措施。")
    assert change.old.startswith("1.5月底前")
    # The lost zero matched the item with a warning, and the number kept its zero.
    assert any("只差前导零" in w["message"] for w in result.warnings)
    assert ZERO in [i.number for i in store.items()]
    # 整改时限 keeps its wording: the Excel date cells mean the same days.
    assert "2023年11月30日" in wording
    assert sorted(i.deadline.text for i in store.items(ItemQuery(batch_id=first.batch_id))) == (
        wording
    )


def test_an_explicit_name_is_kept_and_the_match_reported(
    store: Store, seed_001: Path, tmp_path: Path
) -> None:
    first = importing.import_file(store, seed_001, batch_name="方案")
    result = importing.import_file(store, resent(seed_001, tmp_path / "r.xlsx"), batch_name="另建")
    assert result.batch_id != first.batch_id and result.created == 5
    assert result.matched_batch is not None and result.matched_batch.name == "方案"


def test_a_different_list_is_not_matched(store: Store, seed_001: Path, seed_000: Path) -> None:
    importing.import_file(store, seed_001)
    result = importing.import_file(store, seed_000)
    assert result.matched_batch is None and len(store.batches()) == 2


def test_the_kind_is_guessed_from_title_and_columns(
    store: Store, seed_001: Path, tmp_path: Path
) -> None:
    book = openpyxl.load_workbook(seed_001)
    sheet = book.active
    assert sheet is not None
    sheet.cell(2, 1).value = "县委第八轮专项巡察反馈问题"
    sheet.cell(3, 1).value = "整改清单"
    book.save(tmp_path / "巡察.xlsx")
    result = importing.import_file(store, tmp_path / "巡察.xlsx")
    assert store.batch(result.batch_id or 0).kind is BatchKind.INSPECTION
    social = importing.import_file(store, seed_001, batch_name="社会评价")
    assert store.batch(social.batch_id or 0).kind is BatchKind.SOCIAL_REVIEW  # 意见建议编号


def test_reviewed_fields_can_be_left_out(store: Store, seed_001: Path, tmp_path: Path) -> None:
    first = importing.import_file(store, seed_001)
    parsed = importing.read_file(resent(seed_001, tmp_path / "r.xlsx"))
    plan = importing.plan_import(store, parsed, first.batch_id)
    (change,) = plan.field_changes()
    plan.reject([(change.row_index, change.field)])
    assert plan.count(importing.UPDATED) == 0
    importing.commit_import(store, plan, backup=False)
    assert all(i.measures != "重新拟定的整改措施。" for i in store.items())


def test_cli_import_json_reports_matched_batch_and_changes(
    db_path: Path, seed_001: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(db_path), "import", str(seed_001)]) == 0
    capsys.readouterr()
    copy = resent(seed_001, tmp_path / "r.xlsx")
    assert main(["--db", str(db_path), "import", str(copy), "--dry-run", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["matched_batch"]["matched"] == 5 and data["updated"] == 1
    assert data["changes"][0]["field"] == "measures"
    assert {"item_id", "field", "old", "new"} <= set(data["changes"][0])
