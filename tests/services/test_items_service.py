"""Item edits as commands: each does what it says, and undo puts the store back exactly."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rectdesk.domain.errors import TransitionError, UserError
from rectdesk.domain.model import (
    Assignment,
    BatchDraft,
    BatchKind,
    Deadline,
    DeadlineKind,
    ItemDraft,
    LedgerKind,
    Role,
    Status,
)
from rectdesk.services.items import ItemCommand, ItemService
from rectdesk.store import ItemQuery, Store

DAY = dt.date(2023, 11, 20)


def state(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Everything the ledger holds except the audit log (which grows with every change).

    The departments table only names units (a name once used stays known), so it is left out.
    """
    tables = ("items", "item_departments", "item_extra", "ledger", "attachments")
    return {t: store.db.execute(f"SELECT rowid, {_unversioned(store, t)} FROM {t}"
                                " ORDER BY rowid").fetchall() for t in tables}  # fmt: skip


def _unversioned(store: Store, table: str) -> str:
    """Every column but the row version, which grows with undo and redo too."""
    names = [r[1] for r in store.db.execute(f"PRAGMA table_info({table})").fetchall()]
    return ", ".join(n for n in names if n != "version")


def _seed(store: Store, count: int = 4) -> list[int]:
    batch = store.add_batch(BatchDraft(BatchKind.INSPECTION, "巡察反馈", year=2023))
    drafts = [
        ItemDraft(
            content=f"问题{n}：基层医疗机构药品管理不规范",
            number=f"02200000000000{n:02d}",
            category="药品管理",
            departments=[Assignment("医政处"), Assignment("药政处", Role.ASSIST)],
            deadline=Deadline("2023年12月底", dt.date(2023, 12, 31), DeadlineKind.DATE),
            status=[Status.PENDING, Status.IN_PROGRESS, Status.COMPLETED, Status.ONGOING][n % 4],
            extra={"批示": f"第{n}条"},
        )
        for n in range(count)
    ]
    ids = store.add_items(batch, drafts)
    store.add_ledger_entry(ids[0], dt.date(2023, 10, 1), LedgerKind.PROGRESS, "已召开专题会议")
    return ids


@pytest.fixture
def seeded(store: Store) -> tuple[Store, list[int]]:
    return store, _seed(store)


def _roundtrip(store: Store, command: ItemCommand) -> None:
    before = state(store)
    command.do()
    after = state(store)
    assert after != before, "the command changed nothing"
    command.undo()
    assert state(store) == before
    command.do()  # redo
    assert state(store) == after
    command.undo()
    assert state(store) == before


def test_edit_one_field_and_undo(seeded: tuple[Store, list[int]]) -> None:
    store, ids = seeded
    service = ItemService(store, "王科员")
    command = service.edit(ids[0], {"measures": "一是建立台账；二是每月通报。"})
    command.do()
    assert store.item(ids[0]).measures == "一是建立台账；二是每月通报。"
    assert store.items(ItemQuery(search="每月通报"))[0].id == ids[0]
    command.undo()
    assert store.item(ids[0]).measures == ""
    assert store.items(ItemQuery(search="每月通报")) == []
    history = store.audit_log(ids[0])
    assert [(e.action, e.field, e.new) for e in history[:2]] == [
        ("undo", "measures", ""),
        ("update", "measures", "一是建立台账；二是每月通报。"),
    ]
    assert history[0].actor == "王科员"
    _roundtrip(store, service.edit(ids[1], {"remarks": "已报县委巡察办"}))


def test_edit_deadline_text_without_a_year_is_the_next_such_day(
    seeded: tuple[Store, list[int]],
) -> None:
    store, ids = seeded  # a 2023 batch, edited today
    command = ItemService(store).edit(ids[0], {"deadline": "6月底前"})
    command.do()
    deadline = store.item(ids[0]).deadline
    today = dt.date.today()
    june = dt.date(today.year, 6, 30)
    assert deadline.date == (june if june >= today else dt.date(today.year + 1, 6, 30))
    assert deadline.text == "6月底前"
    assert "未写年份" in deadline.warning  # the clerk is told which year was taken
    _roundtrip(store, ItemService(store).edit(ids[1], {"deadline": "长期坚持"}))


def test_typed_year_less_deadline_never_lands_before_the_day_it_is_typed(
    seeded: tuple[Store, list[int]],
) -> None:
    store, ids = seeded
    service = ItemService(store)
    item = store.item(ids[0])
    typed = service.deadline_for(item, "12月15日前", today=dt.date(2026, 12, 4))
    assert typed.date == dt.date(2026, 12, 15)  # not the batch's 2023
    later = service.deadline_for(item, "12月1日前", today=dt.date(2026, 12, 4))
    assert later.date == dt.date(2027, 12, 1)
    written = service.deadline_for(item, "2023年6月30日", today=dt.date(2026, 12, 4))
    assert written.date == dt.date(2023, 6, 30) and not written.warning  # a year written wins


def test_number_is_text_and_content_required(seeded: tuple[Store, list[int]]) -> None:
    store, ids = seeded
    service = ItemService(store)
    service.edit(ids[0], {"number": " 0220180400000013 "}).do()
    assert store.item(ids[0]).number == "0220180400000013"
    service.edit(ids[0], {"number": ""}).do()
    assert store.item(ids[0]).number is None
    with pytest.raises(UserError, match="不能为空"):
        service.edit(ids[0], {"content": "  "})
    with pytest.raises(UserError, match="不能在这里修改"):
        service.edit(ids[0], {"status": Status.CLOSED})


def test_departments_lead_and_assisting(seeded: tuple[Store, list[int]]) -> None:
    store, ids = seeded
    service = ItemService(store)
    command = service.set_departments(
        ids[0], [Assignment("科教处", Role.ASSIST), Assignment("基层处", Role.LEAD)]
    )
    _roundtrip(store, command)
    command.do()
    assert store.item(ids[0]).departments == [
        Assignment("基层处", Role.LEAD),
        Assignment("科教处", Role.ASSIST),
    ]
    assert store.count_items(ItemQuery(department="基层处")) == 1
    command.undo()
    assert store.count_items(ItemQuery(department="基层处")) == 0
    assert store.item(ids[0]).lead_department == "医政处"


def test_status_change_follows_the_rules(seeded: tuple[Store, list[int]]) -> None:
    store, ids = seeded
    service = ItemService(store)
    _roundtrip(store, service.set_status([ids[0]], Status.IN_PROGRESS))
    # completed (ids[2]) cannot go back to pending: the whole edit is refused
    with pytest.raises(TransitionError, match="没有做任何改动"):
        service.set_status(ids, Status.PENDING)
    with pytest.raises(TransitionError, match="理由"):
        service.set_status([ids[0]], Status.DECLINED)
    command = service.set_status([ids[0], ids[1]], Status.DECLINED, reason="不属于职责范围")
    command.do()
    assert {store.item(i).status_reason for i in ids[:2]} == {"不属于职责范围"}
    command.undo()
    assert store.item(ids[1]).status is Status.IN_PROGRESS


def test_reopening_clears_the_close_off_date(seeded: tuple[Store, list[int]]) -> None:
    store, ids = seeded
    service = ItemService(store)
    service.set_status([ids[2]], Status.CLOSED, closed_on=DAY, reason="经审核同意").do()
    assert store.item(ids[2]).closed_on == DAY
    _roundtrip(store, service.set_status([ids[2]], Status.IN_PROGRESS))
    service.set_status([ids[2]], Status.IN_PROGRESS).do()
    assert store.item(ids[2]).closed_on is None


def test_bulk_lead_department_and_deadline(seeded: tuple[Store, list[int]]) -> None:
    store, ids = seeded
    service = ItemService(store)
    command = service.set_lead_department(ids, "疾控处")
    _roundtrip(store, command)
    command.do()
    item = store.item(ids[1])
    assert [a.department for a in item.departments] == ["疾控处", "医政处", "药政处"]
    assert item.departments[1].role is Role.ASSIST
    deadline = service.set_deadline(ids[:3], "2024年3月底前")
    _roundtrip(store, deadline)
    deadline.do()
    assert {store.item(i).deadline.date for i in ids[:3]} == {dt.date(2024, 3, 31)}
    assert store.item(ids[3]).deadline.date == dt.date(2023, 12, 31)


def test_close_off_with_evidence_then_undo_and_redo(
    seeded: tuple[Store, list[int]], tmp_path: Path
) -> None:
    store, ids = seeded
    evidence = tmp_path / "销号报告.pdf"
    evidence.write_bytes(b"%PDF-1.4 close-off")
    service = ItemService(store, "王科员")
    with pytest.raises(TransitionError, match="不能直接销号"):
        service.close_off(ids, DAY, evidence=evidence)
    command = service.close_off([ids[2], ids[3]], DAY, evidence=evidence, note="经县委巡察办审核")
    _roundtrip(store, command)
    command.do()
    for item_id in (ids[2], ids[3]):
        item = store.item(item_id)
        assert (item.status, item.closed_on) == (Status.CLOSED, DAY)
        entry = store.ledger(item_id)[-1]
        assert (entry.kind, entry.text) == (LedgerKind.CLOSE_OFF, "经县委巡察办审核")
        (attachment,) = store.attachments(item_id)
        assert attachment.ledger_id == entry.id
        assert store.attachment_path(attachment).read_bytes() == b"%PDF-1.4 close-off"
    assert store.count_items(ItemQuery(statuses=(Status.CLOSED,))) == 2
    command.undo()
    assert store.count_items(ItemQuery(statuses=(Status.CLOSED,))) == 0
    assert store.attachments(ids[2]) == []


def test_progress_for_several_items(seeded: tuple[Store, list[int]], tmp_path: Path) -> None:
    store, ids = seeded
    files = [tmp_path / "会议纪要.docx", tmp_path / "照片.jpg"]
    for n, path in enumerate(files):
        path.write_bytes(bytes([n]) * 10)
    service = ItemService(store)
    with pytest.raises(UserError, match="进展的内容"):
        service.add_progress(ids, DAY, " ")
    command = service.add_progress(ids[:3], DAY, "已完成全县药品专项检查", files)
    _roundtrip(store, command)
    command.do()
    for item_id in ids[:3]:
        item = store.item(item_id)
        assert item.progress == "已完成全县药品专项检查"
        assert item.progress_on == DAY
        assert sorted(a.name for a in store.attachments(item_id)) == ["会议纪要.docx", "照片.jpg"]
    command.undo()
    assert store.item(ids[0]).progress == "已召开专题会议"
    assert store.item(ids[1]).progress == ""


def test_delete_and_restore(seeded: tuple[Store, list[int]], tmp_path: Path) -> None:
    store, ids = seeded
    evidence = tmp_path / "e.txt"
    evidence.write_text("佐证", encoding="utf-8")
    ItemService(store).add_progress([ids[0]], DAY, "第二次进展", [evidence]).do()
    command = ItemService(store).delete(ids[:2])
    _roundtrip(store, command)
    command.do()
    assert store.count_items() == 2
    command.undo()
    restored = store.item(ids[0])
    assert restored.extra == {"批示": "第0条"}
    assert [e.text for e in store.ledger(ids[0])] == ["已召开专题会议", "第二次进展"]
    assert store.attachments(ids[0])[0].ledger_id == store.ledger(ids[0])[1].id
    assert store.items(ItemQuery(search="药品管理不规范", department="药政处"))
    assert store.audit_log(ids[0])[0].action == "undo"


def test_redo_survives_a_ledger_id_taken_meanwhile(
    seeded: tuple[Store, list[int]], tmp_path: Path
) -> None:
    store, ids = seeded
    evidence = tmp_path / "e.txt"
    evidence.write_text("x", encoding="utf-8")
    command = ItemService(store).add_progress([ids[1]], DAY, "进展甲", [evidence])
    command.do()
    command.undo()
    # Something outside the undo history takes the freed ledger row id.
    store.add_ledger_entry(ids[3], DAY, LedgerKind.PROGRESS, "另一条")
    command.do()
    (attachment,) = store.attachments(ids[1])
    entry = store.ledger(ids[1])[-1]
    assert entry.text == "进展甲"
    assert attachment.ledger_id == entry.id
    assert store.ledger(ids[3])[-1].text == "另一条"


def test_nothing_changes_when_a_command_fails(seeded: tuple[Store, list[int]]) -> None:
    store, ids = seeded
    before = state(store)
    command = ItemService(store).add_progress([ids[0], ids[1]], DAY, "进展", [])
    store.delete_items([ids[1]])
    before = state(store)
    with pytest.raises(UserError):
        command.do()
    assert state(store) == before
    with pytest.raises(UserError, match="请先选择"):
        ItemService(store).delete([])


def test_readonly_store_refuses(db_path: Path) -> None:
    with Store.open(db_path) as writable:
        ids = _seed(writable, 1)
    with Store.open(db_path, readonly=True) as store:
        command = ItemService(store).edit(ids[0], {"remarks": "x"})
        with pytest.raises(UserError, match="只读"):
            command.do()


_FIELDS = st.sampled_from(["seq", "category", "origin", "lead", "owner", "measures", "remarks"])
_TEXT = st.text(alphabet="医政处整改台账进展abc 123、。\n", max_size=20)


@st.composite
def _commands(draw: st.DrawFn) -> tuple[str, Any]:
    kinds = ["edit", "status", "lead", "deadline", "progress", "close", "delete"]
    kind = draw(st.sampled_from(kinds))
    if kind == "close":
        return kind, draw(st.sampled_from(["", "同意销号"]))
    if kind == "edit":
        return kind, {draw(_FIELDS): draw(_TEXT)}
    if kind == "status":
        return kind, draw(st.sampled_from([Status.IN_PROGRESS, Status.COMPLETED, Status.ONGOING]))
    if kind == "lead":
        return kind, draw(st.sampled_from(["医政处", "药政处", "新设处"]))
    if kind == "deadline":
        return kind, draw(st.sampled_from(["2024年6月底", "立行立改", "长期坚持", "12月底前"]))
    return kind, draw(st.text(alphabet="已完成整改检查", min_size=1, max_size=8))


def _build(service: ItemService, kind: str, value: Any, targets: list[int]) -> ItemCommand:
    if kind == "edit":
        return service.edit(targets[0], value)
    if kind == "status":
        return service.set_status(targets, value)
    if kind == "lead":
        return service.set_lead_department(targets, value)
    if kind == "deadline":
        return service.set_deadline(targets, value)
    if kind == "progress":
        return service.add_progress(targets, DAY, value)
    if kind == "close":
        return service.close_off(targets, DAY, note=value)
    return service.delete(targets)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    steps=st.lists(
        st.tuples(_commands(), st.sets(st.integers(0, 3), min_size=1)), min_size=1, max_size=4
    )
)
def test_any_sequence_of_commands_undoes_to_the_start(
    steps: list[tuple[tuple[str, Any], set[int]]],
) -> None:
    store = Store.memory()
    ids = _seed(store)
    service = ItemService(store)
    start = state(store)
    done: list[tuple[ItemCommand, dict[str, Any]]] = []
    for (kind, value), chosen in steps:
        targets = [ids[i] for i in sorted(chosen)]
        try:
            command = _build(service, kind, value, targets)
            before = state(store)
            command.do()
        except UserError:
            continue
        done.append((command, before))
    for command, before in reversed(done):
        command.undo()
        assert state(store) == before
    assert state(store) == start
    assert store.check() == []


def test_undoing_a_delete_after_its_batch_went_is_explained(
    seeded: tuple[Store, list[int]],
) -> None:
    store, ids = seeded
    command = ItemService(store).delete(ids[:1])
    command.do()
    store.delete_batch(store.item(ids[1]).batch_id)
    with pytest.raises(UserError, match="批次已被删除"):
        command.undo()
    assert store.count_items() == 0
