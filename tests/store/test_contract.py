"""What every ledger does, whichever engine keeps it: each test runs on a file and on a server."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from pathlib import Path

import pytest

from rectdesk.domain.closure import ReviewState
from rectdesk.domain.errors import UserError
from rectdesk.domain.evidence import FileKind, Fingerprint
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
from rectdesk.domain.proposals import Answer, Proposal, ProposalKind
from rectdesk.domain.query import SORT_KEYS, ItemQuery
from rectdesk.domain.supervision import LetterItem, LetterKind
from rectdesk.services.items import ItemService
from rectdesk.store import Store
from rectdesk.store.evidence import FingerprintBook, ReviewBook
from rectdesk.store.imports import ImportChange, ImportLog
from rectdesk.store.letters import LetterBook
from rectdesk.store.packages import PackageLinks
from rectdesk.store.proposals import ProposalBook
from rectdesk.store.rounds import RoundBook

TODAY = dt.date(2023, 11, 20)


def _batch(ledger: Store, name: str = "批次", year: int = 2023) -> int:
    return ledger.add_batch(BatchDraft(BatchKind.SOCIAL_REVIEW, name, year=year))


def _due(day: str) -> Deadline:
    return Deadline(day, dt.date.fromisoformat(day), DeadlineKind.DATE)


def _found(ledger: Store, text: str) -> list[int]:
    return ledger.item_ids(ItemQuery(search=text))


# -- batches -------------------------------------------------------------------------------


def test_batches_are_listed_counted_found_and_deleted_with_their_items(ledger: Store) -> None:
    old = _batch(ledger, "旧批次", 2022)
    new = _batch(ledger, "新批次", 2024)
    ledger.add_items(new, [ItemDraft(content="甲"), ItemDraft(content="乙")])
    (kept,) = ledger.add_items(old, [ItemDraft(content="丙")])
    assert [(b.name, b.item_count) for b in ledger.batches()] == [("新批次", 2), ("旧批次", 1)]
    assert ledger.find_batch("新批次") is not None and ledger.find_batch("无") is None
    ledger.set_batch_source(new, "sources/a.xlsx", "ab" * 32)
    assert ledger.batch(new).source_file == "sources/a.xlsx"
    ledger.delete_batch(new, actor="张三")
    assert ledger.item_ids() == [kept]
    assert ledger.audit_log()[0].action == "delete_batch"
    with pytest.raises(UserError, match="找不到编号"):
        ledger.batch(new)


# -- sorting -------------------------------------------------------------------------------


def _sortable(ledger: Store) -> list[int]:
    batch = _batch(ledger)
    drafts = [
        ItemDraft(content="乙内容", seq="10", number="B2", category="二", origin="乙地",
                  lead="李", owner="赵", deadline=_due("2023-12-01"),
                  departments=[Assignment("科教处")]),
        ItemDraft(content="甲内容", seq="9", number=None, category="一", origin="甲地",
                  lead="张", owner="钱", status=Status.COMPLETED, closed_on=dt.date(2023, 3, 1),
                  departments=[Assignment("办公室")]),
        ItemDraft(content="Alpha", seq="2a", number="a1", category="二", origin="Zeta",
                  deadline=_due("2023-11-01"), departments=[Assignment("财务处")]),
        ItemDraft(content="alpha", seq="x", number="A1", category="一", origin="zeta",
                  deadline=_due("2024-01-15"), status=Status.IN_PROGRESS),
        ItemDraft(content="丁", seq=" -3", number="", category="", origin=""),
    ]  # fmt: skip
    return ledger.add_items(batch, drafts)


@pytest.mark.parametrize("key", SORT_KEYS)
def test_every_sort_key_orders_every_item_both_ways(ledger: Store, key: str) -> None:
    ids = _sortable(ledger)
    ascending = ledger.item_ids(ItemQuery(sort=key, today=TODAY))
    descending = ledger.item_ids(ItemQuery(sort=key, descending=True, today=TODAY))
    assert sorted(ascending) == sorted(descending) == sorted(ids)
    page = ledger.item_ids(ItemQuery(sort=key, today=TODAY, limit=2, offset=1))
    assert page == ascending[1:3]


def test_sorts_read_text_by_its_characters_and_seq_by_its_leading_number(ledger: Store) -> None:
    ids = _sortable(ledger)

    def order(key: str, descending: bool = False) -> list[int]:
        return ledger.item_ids(ItemQuery(sort=key, descending=descending, today=TODAY))

    # 序号 by the integer it starts with (" -3" → -3, "x" → 0, "2a" → 2), as SQLite's CAST.
    assert order("seq") == [ids[4], ids[3], ids[2], ids[1], ids[0]]
    # Upper case before lower, ASCII before Chinese: characters compared by their code.
    assert order("content")[:3] == [ids[2], ids[3], ids[4]]
    assert order("origin") == [ids[4], ids[2], ids[3], ids[0], ids[1]]  # 乙 U+4E59 < 甲 U+7532
    # Items without a date come last, and first the other way round.
    assert order("deadline") == [ids[2], ids[0], ids[3], ids[1], ids[4]]
    assert order("deadline", descending=True) == [ids[4], ids[1], ids[3], ids[0], ids[2]]
    assert order("number") == [ids[4], ids[3], ids[0], ids[2], ids[1]]
    assert order("light")[0] == ids[2]  # the overdue item first


# -- search --------------------------------------------------------------------------------


def test_search_finds_one_two_and_longer_chinese_fragments(ledger: Store) -> None:
    batch = _batch(ledger)
    ids = ledger.add_items(batch, [
        ItemDraft(content="加强基层卫生人才培训", number="0220220630700418"),
        ItemDraft(content="其他事项", origin="龙胜县马堤乡",
                  departments=[Assignment("医政医管处")]),
        ItemDraft(content="鲸", measures="以鲸为例"),
    ])  # fmt: skip
    assert _found(ledger, "卫") == [ids[0]]
    assert _found(ledger, "鲸") == [ids[2]]
    assert _found(ledger, "马堤") == [ids[1]]
    assert _found(ledger, "医管") == [ids[1]]
    assert _found(ledger, "基层卫生人才") == [ids[0]]
    assert _found(ledger, "医政医管处") == [ids[1]]
    assert _found(ledger, "070041") == [ids[0]]
    assert _found(ledger, "鲸为") == [ids[2]]
    assert _found(ledger, "卫 培训") == [ids[0]]
    assert _found(ledger, "卫　鲸") == []  # (a full-width space splits terms too)
    assert ledger.count_items(ItemQuery(search="事")) == 1


def test_search_ignores_the_case_of_ascii_letters_only(ledger: Store) -> None:
    batch = _batch(ledger)
    ids = ledger.add_items(batch, [
        ItemDraft(content="ABC 系统"),
        ItemDraft(content="ＡＢＣ 全角"),
        ItemDraft(content="ΣΑΣ 希腊"),
        ItemDraft(content="x", origin="Wi-Fi"),
    ])  # fmt: skip
    assert _found(ledger, "abc") == [ids[0]]
    assert _found(ledger, "aBc 系") == [ids[0]]
    assert _found(ledger, "ｂ") == []  # full-width letters are not folded
    assert _found(ledger, "ＡＢＣ") == [ids[1]]
    assert _found(ledger, "σασ") == []  # nor Greek
    assert _found(ledger, "wi-FI") == [ids[3]]
    assert _found(ledger, "b") == [ids[0]]


def test_search_takes_wildcards_literally_and_never_spans_two_fields(ledger: Store) -> None:
    batch = _batch(ledger)
    ids = ledger.add_items(batch, [
        ItemDraft(content="完成率100%", origin="甲乙"),
        ItemDraft(content="丙丁", origin="a_b\\c"),
        ItemDraft(content="完成率1000"),
    ])  # fmt: skip
    assert _found(ledger, "100%") == [ids[0]]
    assert _found(ledger, "%") == [ids[0]]
    assert _found(ledger, "_") == [ids[1]]
    assert _found(ledger, "a_b\\c") == [ids[1]]
    assert _found(ledger, "率1_0") == []
    assert _found(ledger, "乙完") == []  # origin "甲乙" then content "完成率…"
    assert _found(ledger, "c丙") == []


def test_search_follows_edits_and_deletions(ledger: Store) -> None:
    batch = _batch(ledger)
    (item_id,) = ledger.add_items(batch, [ItemDraft(content="旧的内容")])
    ledger.update_item(item_id, {"content": "新的措施内容", "departments": [Assignment("疾控处")]})
    assert _found(ledger, "旧") == []
    assert _found(ledger, "措施") == [item_id]
    assert _found(ledger, "疾控处") == [item_id]
    ledger.add_ledger_entry(item_id, dt.date(2023, 6, 1), LedgerKind.PROGRESS, "已督查")
    assert _found(ledger, "督查") == [item_id]
    ledger.delete_items([item_id])
    assert _found(ledger, "措施") == []


# -- counts and filters --------------------------------------------------------------------


def test_counts_by_status_category_and_department(ledger: Store) -> None:
    batch = _batch(ledger)
    ledger.add_items(batch, [
        ItemDraft(content="a", category="乙", deadline=_due("2023-11-01"),
                  departments=[Assignment("办公室"), Assignment("科教处")]),
        ItemDraft(content="b", category="甲", status=Status.COMPLETED,
                  departments=[Assignment("科教处")]),
        ItemDraft(content="c", category="乙", status=Status.DECLINED,
                  departments=[Assignment("办公室")]),
    ])  # fmt: skip
    query = ItemQuery(today=TODAY)
    counts = ledger.count_by_status(query)
    assert (counts[Status.PENDING], counts[Status.COMPLETED], counts[Status.DECLINED]) == (1, 1, 1)
    assert ledger.count_by_category(query) == [("乙", 2), ("甲", 1)]
    assert ledger.categories() == ["乙", "甲"]
    assert ledger.departments() == sorted(["办公室", "科教处"])
    whole = ledger.count_by_department(query)
    filtered = ledger.count_by_department(ItemQuery(today=TODAY, search="a b c"))
    assert filtered == []
    searched = ledger.count_by_department(ItemQuery(today=TODAY, category="乙"))
    assert {d["department"]: (d["total"], d["overdue"], d["declined"]) for d in searched} == {
        "办公室": (2, 1, 1), "科教处": (1, 1, 0)
    }  # fmt: skip
    assert {d["department"]: (d["total"], d["finished"], d["overdue"]) for d in whole} == {
        "办公室": (2, 0, 1), "科教处": (2, 1, 1)
    }  # fmt: skip


def test_filters_by_batch_department_dates_and_ids(ledger: Store) -> None:
    first, second = _batch(ledger, "一"), _batch(ledger, "二")
    a, b = ledger.add_items(first, [
        ItemDraft(content="a", deadline=_due("2023-11-25"), departments=[Assignment("办公室")]),
        ItemDraft(content="b", deadline=_due("2024-02-01")),
    ])  # fmt: skip
    (c,) = ledger.add_items(second, [ItemDraft(content="c", deadline=_due("2023-10-01"))])
    assert ledger.item_ids(ItemQuery(batch_id=second)) == [c]
    assert ledger.item_ids(ItemQuery(department="办公室")) == [a]
    window = ItemQuery(deadline_from=dt.date(2023, 11, 1), deadline_to=dt.date(2024, 1, 1))
    assert ledger.item_ids(window) == [a]
    assert ledger.item_ids(ItemQuery(ids=(c, b))) == [b, c]
    assert ledger.item_ids(ItemQuery(ids=())) == []
    assert ledger.item_ids(ItemQuery(today=TODAY, due_within=7)) == [a]
    assert ledger.item_ids(ItemQuery(today=TODAY, overdue=True)) == [c]
    assert [i.id for i in ledger.items_by_ids([c, 999, a])] == [c, a]


# -- transactions --------------------------------------------------------------------------


def test_a_failed_action_leaves_nothing_and_an_inner_failure_only_itself(ledger: Store) -> None:
    with pytest.raises(RuntimeError), ledger.transaction():
        _batch(ledger, "不应留下")
        ledger.set_setting("a", 1)
        raise RuntimeError("中途失败")
    assert ledger.batches() == [] and ledger.setting("a") is None
    with ledger.transaction():
        ledger.set_setting("kept", 1)
        with contextlib.suppress(UserError), ledger.transaction():
            ledger.set_setting("dropped", 2)
            ledger.item(12345)  # raises: the inner part alone is taken back
        ledger.set_setting("also kept", 3)
    assert (ledger.setting("kept"), ledger.setting("dropped"), ledger.setting("also kept")) == (
        1, None, 3
    )  # fmt: skip


def test_a_broken_constraint_takes_back_the_whole_action(ledger: Store) -> None:
    batch = _batch(ledger)
    with pytest.raises(Exception), ledger.transaction():  # noqa: B017 - either engine's error
        ledger.add_items(batch, [ItemDraft(content="留不下")])
        ledger.db.execute("INSERT INTO settings (key, value) VALUES ('x', NULL)")
    assert ledger.count_items() == 0
    ledger.set_setting("after", True)  # the connection is usable again
    assert ledger.setting("after") is True


# -- ledger, evidence, audit, settings, templates -----------------------------------------


def test_ledger_entries_evidence_and_audit(ledger: Store, tmp_path: Path) -> None:
    batch = _batch(ledger)
    (item_id,) = ledger.add_items(batch, [ItemDraft(content="内容")])
    entry = ledger.add_ledger_entry(item_id, dt.date(2023, 5, 1), LedgerKind.PROGRESS, "进展一",
                                    author="王五")  # fmt: skip
    evidence = tmp_path / "照片.jpg"
    evidence.write_bytes(b"\xff\xd8 not really a photo")
    attachment = ledger.add_attachment(item_id, evidence, ledger_id=entry, actor="王五")
    assert attachment.ledger_id == entry
    assert ledger.attachment_path(attachment).read_bytes() == evidence.read_bytes()
    ledger.delete_ledger_entry(entry, actor="王五")
    assert ledger.attachments(item_id)[0].ledger_id is None  # ON DELETE SET NULL
    assert ledger.item(item_id).progress == ""
    actions = [e.action for e in ledger.audit_log(item_id)]
    assert actions == ["delete_ledger", "attach", "ledger"]
    assert len(ledger.audit_log(limit=2)) == 2
    assert {e.actor for e in ledger.audit_log(item_id)} == {"王五"}


def test_settings_hold_json_and_templates_keep_builtins(ledger: Store) -> None:
    ledger.set_setting("单位", {"名称": "卫健局", "人数": 3, "列表": [1, None]})
    assert ledger.setting("单位") == {"名称": "卫健局", "人数": 3, "列表": [1, None]}
    ledger.save_template("内置", {"c": 1}, builtin=True)
    ledger.save_template("自定义", {"c": 2}, base="ledger")
    ledger.delete_template("内置")
    ledger.delete_template("自定义")
    assert [(t["name"], t["builtin"]) for t in ledger.templates()] == [("内置", True)]


def test_text_round_trips_exactly(ledger: Store) -> None:
    text = "换行\n制表\t引号'\"反斜杠\\百分号%问号?表情😀" + "长" * 5000
    batch = _batch(ledger)
    (item_id,) = ledger.add_items(batch, [ItemDraft(content=text, extra={"备注?": "值%s"})])
    item = ledger.item(item_id)
    assert item.content == text and item.extra == {"备注?": "值%s"}
    assert ledger.item_ids(ItemQuery(search="号?表")) == [item_id]


# -- the import log and undo ---------------------------------------------------------------


def test_import_log_records_changes_in_order(ledger: Store) -> None:
    batch = _batch(ledger)
    ids = ledger.add_items(batch, [ItemDraft(content="a"), ItemDraft(content="b")])
    log = ImportLog(ledger)
    changes = [ImportChange(ids[1], "created", ""), ImportChange(ids[0], "updated", "{}")]
    first = log.add(batch_id=batch, batch_created=True, file_name="清单.xlsx", source_path="",
                    sha256="", actor="张三", counts=(1, 1, 0), changes=changes)  # fmt: skip
    second = log.add(batch_id=batch, batch_created=False, file_name="清单2.xlsx",
                     source_path="", sha256="", actor="张三", counts=(0, 0, 2),
                     changes=[])  # fmt: skip
    assert log.changes(first) == changes
    assert [r.id for r in log.all()] == [second, first]
    assert log.later_active(log.get(first)) == [second]
    log.mark_undone(second)
    assert log.later_active(log.get(first)) == []
    assert log.get(first).batch_created is True


def test_undo_and_redo_restore_items_with_everything_hanging_off_them(
    ledger: Store, tmp_path: Path
) -> None:
    batch = _batch(ledger)
    (item_id,) = ledger.add_items(batch, [ItemDraft(
        content="要删除的事项", extra={"备用": "x"},
        departments=[Assignment("办公室"), Assignment("科教处", Role.ASSIST)])])  # fmt: skip
    ledger.add_ledger_entry(item_id, dt.date(2023, 5, 1), LedgerKind.PROGRESS, "进展")
    evidence = tmp_path / "a.pdf"
    evidence.write_bytes(b"%PDF-1.4")
    ledger.add_attachment(item_id, evidence)
    ProposalBook(ledger).save(Proposal(item_id, ProposalKind.CONGRESS, code="建议1"))
    before = ledger.item(item_id)
    service = ItemService(ledger, "张三")
    command = service.delete([item_id])
    command.do()
    assert ledger.count_items() == 0
    command.undo()
    assert ledger.item(item_id) == before
    assert [e.text for e in ledger.ledger(item_id)] == ["进展"]
    assert len(ledger.attachments(item_id)) == 1
    assert ProposalBook(ledger).proposal(item_id) is not None
    assert ledger.count_by_department(ItemQuery())[0]["total"] == 1
    command.do()
    assert ledger.count_items() == 0
    command.undo()
    change = service.edit(item_id, {"content": "改过的内容", "owner": "李四"})
    change.do()
    change.undo()
    assert ledger.item(item_id).content == "要删除的事项"
    assert ledger.item(item_id).owner == ""
    assert ledger.check() == []


# -- the other books -----------------------------------------------------------------------


def test_rounds_letters_reviews_prints_proposals_and_links(ledger: Store) -> None:
    batch = _batch(ledger)
    (item_id,) = ledger.add_items(batch, [ItemDraft(content="事项")])
    rounds = RoundBook(ledger)
    round_id = rounds.open_round(batch, rounds.next_number(batch), dt.date(2023, 12, 1))
    unit = rounds.unit_id(round_id, "办公室")
    assert rounds.unit_id(round_id, "办公室") == unit
    rounds.record_sent(unit, "办公室.xlsx", [(item_id, Role.LEAD, {"content": "ab"})])
    with ledger.transaction():
        rounds.add_answers([(unit, item_id, "回.xlsx", {"contact": "王", "phone": "1"}, ["x"])])
    (units,) = [r.units for r in rounds.rounds(batch)]
    assert (units[0].items, units[0].lead_items, units[0].contact) == (1, 1, "王")
    assert rounds.sent_items(round_id)[0].sent == {"content": "ab"}
    assert len(rounds.secret()) == 32 and rounds.secret() == rounds.secret()

    letters = LetterBook(ledger)
    letter = letters.add(kind=LetterKind.SUPERVISE, unit="办公室", issued_on=dt.date(2023, 11, 1),
                         reply_due=dt.date(2023, 11, 10), prefix="督",
                         items=[LetterItem(item_id, "1", "事项")])  # fmt: skip
    assert letter.seq == 1 and letters.next_seq(2023) == 2
    assert [x.id for x in letters.unanswered_overdue(TODAY)] == [letter.id]
    letters.record_reply(letter.id, on=TODAY, summary="已整改", result="完成")
    assert letters.unanswered_overdue(TODAY) == [] and len(letters.letters(year=2023)) == 1
    assert letters.letters(item_id=item_id)[0].reply_summary == "已整改"

    reviews = ReviewBook(ledger)
    review = reviews.apply(item_id, TODAY, "张三", "申请销号")
    assert [r.id for r in reviews.pending()] == [review.id]
    decided = reviews.decide(review.id, approve=True, reviewer="李四", on=TODAY, opinion="同意")
    assert decided.state is ReviewState.APPROVED and reviews.pending() == []

    prints = FingerprintBook(ledger)
    prints.save([Fingerprint("ab" * 32, FileKind.IMAGE, phash=0xFFFF_0000_FFFF_0000)])
    prints.save([Fingerprint("ab" * 32, FileKind.PDF, text_hash="t")])  # replaces
    assert prints.prints()["ab" * 32] == Fingerprint("ab" * 32, FileKind.PDF, None, "t", "")

    proposals = ProposalBook(ledger)
    with ledger.transaction():
        proposals.save(Proposal(item_id, ProposalKind.CPPCC, assigned_on=dt.date(2023, 3, 1)))
        proposals.save_answer(Answer(0, item_id, 1, TODAY, "A", satisfaction="满意"))
        proposals.save_answer(Answer(0, item_id, 1, TODAY, "B"))  # the same round: replaced
    proposals.add_contact(item_id, TODAY, "面商", "王", "意见", 2)
    assert [p.item_id for p in proposals.proposals(2023)] == [item_id]
    assert [a.answer_class for a in proposals.answers([item_id])] == ["B"]
    assert proposals.contacts()[0].opinions == 2

    links = PackageLinks(ledger)
    with ledger.transaction():
        links.link("src", "item", [(7, item_id)])
        links.link("src", "item", [(7, item_id), (8, 99999)])
    assert links.links("src", "item") == {7: item_id}  # a link to a missing row is not kept
    assert links.store_id() == links.store_id()
    assert json.loads(json.dumps(ledger.setting("store_id"))) == links.store_id()
