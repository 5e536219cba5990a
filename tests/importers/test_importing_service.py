"""The import use case: preview, one transaction, matching on re-import, undo, source kept."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest

from rectdesk.cli import main
from rectdesk.domain.errors import UserError
from rectdesk.domain.model import BatchDraft, BatchKind, Status
from rectdesk.services import importing
from rectdesk.services.fillback import fill_back
from rectdesk.store import ItemQuery, Store


def snapshot(store: Store) -> list[tuple[object, ...]]:
    return [
        (i.batch_id, i.number, i.content, i.status, i.progress, i.deadline, tuple(i.departments))
        for i in store.items()
    ]


def test_new_batch_then_reimport_is_unchanged(store: Store, seed_001: Path) -> None:
    result = importing.import_file(store, seed_001, kind=BatchKind.SOCIAL_REVIEW)
    assert (result.created, result.updated, result.unchanged) == (5, 0, 0)
    batch = store.batch(result.batch_id or 0)
    assert batch.kind is BatchKind.SOCIAL_REVIEW and batch.year == 2023
    assert batch.item_count == 5
    # The original is kept beside the store, with its hash.
    assert batch.source_sha256 and (store.files_dir / batch.source_file).read_bytes() == (
        seed_001.read_bytes()
    )
    # Imported items are searchable at once.
    assert len(store.items(ItemQuery(search="房产证"))) == 1
    again = importing.import_file(store, seed_001, batch_name=batch.name)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 5)
    assert again.batch_id == batch.id


def test_reimport_with_progress_updates_matched_rows(store: Store, seed_001: Path) -> None:
    first = importing.import_file(store, seed_001, batch_name="方案")
    book = openpyxl.load_workbook(seed_001)
    sheet = book.active
    assert sheet is not None
    sheet.cell(4, 9, "整改进展")
    sheet.cell(5, 9, "已通报1次")
    sheet.cell(6, 4, "内容已被上级修改。")
    book.save(seed_001)
    parsed = importing.read_file(seed_001)
    plan = importing.plan_import(store, parsed, first.batch_id)
    assert [r.action for r in plan.rows] == ["updated", "updated", "unchanged", "unchanged",
                                             "unchanged"]  # fmt: skip
    assert plan.rows[0].changes == {"progress": "已通报1次", "status": Status.IN_PROGRESS}
    before = snapshot(store)
    result = importing.commit_import(store, plan, actor="测试", today=dt.date(2024, 1, 5))
    item = store.item(plan.rows[0].item_id or 0)
    assert item.progress == "已通报1次" and item.status is Status.IN_PROGRESS
    assert store.ledger(item.id)[-1].on == dt.date(2024, 1, 5)
    importing.undo_import(store, result.import_id or 0, actor="测试")
    assert snapshot(store) == before
    assert store.ledger(item.id) == []


def test_matching_by_content_when_there_is_no_number(store: Store, ledger: Path) -> None:
    result = importing.import_file(store, ledger, batch_name="台账")
    plan = importing.plan_import(store, importing.read_file(ledger), result.batch_id)
    assert {r.action for r in plan.rows} == {"unchanged"}
    assert [r.item_id for r in plan.rows] == [i.id for i in store.items()]


def test_one_transaction_all_rows_or_none(
    store: Store, seed_001: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = importing.plan_import(store, importing.read_file(seed_001), None)
    original = store.add_items

    def failing(*args: object, **kwargs: object) -> list[int]:
        original(*args, **kwargs)  # type: ignore[arg-type]
        raise RuntimeError("disk pulled out")

    monkeypatch.setattr(store, "add_items", failing)
    with pytest.raises(RuntimeError):
        importing.commit_import(store, plan, new_batch=BatchDraft(BatchKind.OTHER, "半截"))
    assert store.items() == [] and store.batches() == []
    assert importing.list_imports(store) == []
    assert not list((store.files_dir / "sources").glob("*"))


def test_undo_removes_a_created_batch_and_refuses_out_of_order(
    store: Store, seed_001: Path, ledger: Path
) -> None:
    first = importing.import_file(store, seed_001, batch_name="方案")
    second = importing.import_file(store, ledger, batch_name="方案")
    assert second.created == 4 and second.batch_id == first.batch_id
    with pytest.raises(UserError, match="请先撤销后面的导入"):
        importing.undo_import(store, first.import_id or 0)
    importing.undo_import(store, second.import_id or 0)
    assert store.batch(first.batch_id or 0).item_count == 5
    importing.undo_import(store, first.import_id or 0)
    assert store.batches() == []
    with pytest.raises(UserError, match="撤销过"):
        importing.undo_import(store, first.import_id or 0)


def test_dry_run_writes_nothing(store: Store, seed_000: Path) -> None:
    result = importing.import_file(store, seed_000, dry_run=True)
    assert result.dry_run and result.created == 7 and result.import_id is None
    assert store.batches() == [] and not store.files_dir.exists()


def test_cli_import_undo_and_fill_back(
    db_path: Path, seed_001: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--db", str(db_path), "import", str(seed_001), "--kind", "social_review",
                 "--year", "2023", "--json"])  # fmt: skip
    out, err = capsys.readouterr()
    assert code == 0, err
    data = json.loads(out)
    assert {"batch_id", "created", "updated", "unchanged", "warnings"} <= set(data)
    assert data["created"] == 5
    assert data["warnings"][0]["sheet"] == "整改工作方案" and data["warnings"][0]["row"] == 8
    code = main(["--db", str(db_path), "import", str(seed_001), "--batch-name",
                 "自治区中医药局2022年度绩效考评社会评价意见建议整改工作方案"])  # fmt: skip
    out, _ = capsys.readouterr()
    assert code == 0 and "无变化 5 条" in out
    with Store.open(db_path) as store:
        item = store.items()[0]
        store.add_ledger_entry(item.id, dt.date(2023, 9, 1), importing.LedgerKind.PROGRESS,
                               "已完成调研")  # fmt: skip
    output = tmp_path / "回填.xlsx"
    code = main(["--db", str(db_path), "fill-back", str(seed_001), "--batch",
                 str(data["batch_id"]), "--output", str(output)])  # fmt: skip
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "已回填 5 行" in out
    sheet = openpyxl.load_workbook(output).active
    assert sheet is not None
    assert sheet.cell(4, 9).value == "整改进展" and sheet.cell(5, 9).value == "已完成调研"
    assert sheet.cell(4, 10).value == "完成情况" and sheet.cell(6, 10).value == "未启动"
    assert sheet.cell(4, 9).font.bold  # the header style is carried over
    assert sheet.cell(5, 9).border.left.style == "thin"
    assert "A2:H2" in {str(r) for r in sheet.merged_cells.ranges}
    code = main(["--db", str(db_path), "undo-import", str(data["import_id"])])
    out, err = capsys.readouterr()
    assert code == 1 and "请先撤销" in err  # the second import came later
    code = main(["--db", str(db_path), "import", str(tmp_path / "missing.xlsx")])
    _, err = capsys.readouterr()
    assert code == 1 and "missing.xlsx" in err


def test_fill_back_into_existing_columns_keeps_merges(store: Store, ledger: Path) -> None:
    result = importing.import_file(store, ledger, batch_name="台账")
    items = store.items()
    store.update_item(items[2].id, {"status": Status.CLOSED, "closed_on": dt.date(2024, 5, 1)})
    output = ledger.with_name("回填台账.xlsx")
    filled = fill_back(store, result.batch_id or 0, ledger, output)
    assert filled.matched == 4 and filled.added_columns == [] and filled.unmatched == []
    sheet = openpyxl.load_workbook(output).active
    assert sheet is not None
    assert sheet.cell(7, 6).value == "已制定学习计划"
    assert sheet.cell(10, 7).value == "已销号" and sheet.cell(10, 8).value == "是"
    assert sheet.cell(10, 9).value == "2024年5月1日"
    assert "C3:D3" in {str(r) for r in sheet.merged_cells.ranges}
    with pytest.raises(UserError, match="不要覆盖"):
        fill_back(store, result.batch_id or 0, ledger, ledger)


def test_fill_back_labels_every_repeated_section_header(store: Store, seed_000: Path) -> None:
    result = importing.import_file(store, seed_000, batch_name="汇总")
    output = seed_000.with_name("回填汇总.xlsx")
    filled = fill_back(store, result.batch_id or 0, seed_000, output)
    assert filled.matched == 7 and filled.unmatched == []
    sheet = openpyxl.load_workbook(output).active
    assert sheet is not None
    headers = [r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == "序号"]
    assert len(headers) == 4  # the count table's header, then one per section
    for row in headers[1:]:
        assert sheet.cell(row, 7).value == "整改进展" and sheet.cell(row, 8).value == "完成情况"
    assert sheet.cell(3, 7).value is None  # the count table is left alone
    assert sheet.cell(11, 8).value == "未启动"


def test_progress_is_reported_and_cancelling_writes_nothing(
    store: Store, seed_001: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importing, "PROGRESS_STEP", 2)
    plan = importing.plan_import(store, importing.read_file(seed_001), None)
    reports: list[tuple[int, int]] = []

    def cancel_midway(done: int, total: int) -> None:
        reports.append((done, total))
        if done >= 4:
            raise UserError("已取消导入，没有写入任何内容。")

    with pytest.raises(UserError, match="已取消"):
        importing.commit_import(
            store, plan, new_batch=BatchDraft(BatchKind.OTHER, "取消"), progress=cancel_midway
        )
    assert reports == [(0, 5), (2, 5), (4, 5)]
    assert store.items() == [] and store.batches() == [] and importing.list_imports(store) == []
    assert not list((store.files_dir / "sources").glob("*"))
