"""The store: schema, writes in transactions, reading, search, audit, evidence, settings."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rectdesk.domain.errors import StoreDamagedError, StoreLockedError, UserError
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
from rectdesk.store import ItemQuery, Store
from rectdesk.store.connection import connect
from rectdesk.store.schema import MIGRATIONS


def _batch(store: Store, name: str = "批次", year: int = 2023) -> int:
    return store.add_batch(BatchDraft(BatchKind.SOCIAL_REVIEW, name, year=year))


def _due(day: str) -> Deadline:
    return Deadline(day, dt.date.fromisoformat(day), DeadlineKind.DATE)


def test_new_store_is_fully_migrated_with_safe_pragmas(store: Store) -> None:
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    for table in ("batches", "items", "item_extra", "departments", "item_departments",
                  "ledger", "attachments", "audit_log", "templates", "settings"):  # fmt: skip
        assert table in store.db.table_names()


def test_migration_copies_the_file_first_and_keeps_data(db_path: Path) -> None:
    # A store made by an older release: only the first two migrations applied.
    db = connect(db_path)
    for number, migration in enumerate(MIGRATIONS[:2], start=1):
        with db.atomic():
            migration.apply(db)
            db.execute(f"PRAGMA user_version = {number}")
    with db.atomic():
        db.execute("INSERT INTO batches (kind, name, created_at) VALUES ('other', '旧批次', 'x')")
        db.execute(
            "INSERT INTO items (batch_id, position, content, created_at, updated_at)"
            " VALUES (1, 1, '旧库中的事项内容', 'x', 'x')"
        )
    db.conn.close()
    with Store.open(db_path) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert [i.content for i in store.items(ItemQuery(search="事项内"))] == ["旧库中的事项内容"]
        assert [i.content for i in store.items(ItemQuery(search="旧"))] == ["旧库中的事项内容"]
    copies = list((db_path.parent / "backups").glob(f"*before-{MIGRATIONS[2].name}*"))
    assert len(copies) == 1
    old = sqlite3.connect(copies[0] / db_path.name)  # a verified backup folder (issue 6)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 2
    old.close()


def test_newer_store_is_refused(db_path: Path) -> None:
    Store.open(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(UserError, match="更新版本"):
        Store.open(db_path)


def test_items_keep_source_order_and_fields(ledger: Store) -> None:
    batch = _batch(ledger)
    drafts = [
        ItemDraft(content=f"内容{n}", seq=str(n), number=f"0{n:015d}", category="甲",
                  departments=[Assignment("财务处"), Assignment("规划处")],
                  extra={"备用列": f"值{n}"})
        for n in (3, 1, 2)
    ]  # fmt: skip
    ledger.add_items(batch, drafts)
    items = ledger.items()
    assert [i.seq for i in items] == ["3", "1", "2"]
    first = items[0]
    assert first.number == "0000000000000003"
    assert first.department_names == ["财务处", "规划处"]
    assert [a.role for a in first.departments] == [Role.LEAD, Role.ASSIST]
    assert first.extra == {"备用列": "值3"}
    assert [i.seq for i in ledger.items(ItemQuery(sort="seq"))] == ["1", "2", "3"]


def test_marked_lead_comes_first(ledger: Store) -> None:
    batch = _batch(ledger)
    ledger.add_items(batch, [ItemDraft(content="x", departments=[
        Assignment("办公室", Role.ASSIST), Assignment("科教处", Role.LEAD)])])  # fmt: skip
    assert ledger.items()[0].department_names == ["科教处", "办公室"]


def test_a_failed_write_leaves_nothing(ledger: Store) -> None:
    batch = _batch(ledger)

    def drafts() -> object:
        yield ItemDraft(content="好的一条")
        raise RuntimeError("导入中途失败")

    with pytest.raises(RuntimeError):
        ledger.add_items(batch, drafts())  # type: ignore[arg-type]
    assert ledger.count_items() == 0
    assert ledger.audit_log() and ledger.audit_log()[0].action == "add_batch"


def test_search_finds_any_substring_in_every_searchable_field(ledger: Store) -> None:
    batch = _batch(ledger)
    ledger.add_items(batch, [
        ItemDraft(content="加强基层卫生人才培训", number="0220220630700418"),
        ItemDraft(content="其他", origin="龙胜县马堤乡", departments=[Assignment("医政医管处")]),
        ItemDraft(content="再一条", measures="1.开展调研", outcomes="形成报告"),
    ])  # fmt: skip
    ids = ledger.item_ids()
    ledger.add_ledger_entry(ids[2], dt.date(2023, 6, 1), LedgerKind.PROGRESS, "已完成督查")

    def found(text: str) -> list[int]:
        return ledger.item_ids(ItemQuery(search=text))

    assert found("卫") == [ids[0]]
    assert found("人才") == [ids[0]]
    assert found("基层卫生") == [ids[0]]
    assert found("0630700") == [ids[0]]
    assert found("马堤") == [ids[1]]
    assert found("医管") == [ids[1]]
    assert found("医政医管处") == [ids[1]]
    assert found("调研") == [ids[2]]
    assert found("形成报") == [ids[2]]
    assert found("督查") == [ids[2]]
    assert found("已完成督查") == [ids[2]]
    assert found("不存在的文字") == []
    assert found("%") == []
    assert found('"引号') == []
    assert found("基层 培训") == [ids[0]]  # every term must match


def test_short_search_for_letters_of_other_alphabets_finds_them(ledger: Store) -> None:
    # Python lowers a final Σ to ς while the index folds it to σ: the index must not be asked.
    batch = _batch(ledger)
    ledger.add_items(batch, [ItemDraft(content="AΣ"), ItemDraft(content="ＡＢ测试"),
                             ItemDraft(content="aσ")])  # fmt: skip
    ids = ledger.item_ids()
    assert ledger.item_ids(ItemQuery(search="AΣ")) == [ids[0]]  # A-Z alone fold, as on a server
    assert ledger.item_ids(ItemQuery(search="ＡＢ")) == [ids[1]]
    assert ledger.item_ids(ItemQuery(search="σ")) == [ids[2]]


def test_search_follows_edits(ledger: Store) -> None:
    batch = _batch(ledger)
    (item_id,) = ledger.add_items(batch, [ItemDraft(content="旧的内容")])
    ledger.update_item(item_id, {"content": "新的措施内容"})
    assert ledger.item_ids(ItemQuery(search="新的措施")) == [item_id]
    assert ledger.item_ids(ItemQuery(search="旧的内")) == []
    ledger.update_item(item_id, {"departments": [Assignment("疾控处")]})
    assert ledger.item_ids(ItemQuery(search="疾控处")) == [item_id]
    ledger.delete_items([item_id])
    assert ledger.item_ids(ItemQuery(search="新的措施")) == []


def test_filters_combine(ledger: Store) -> None:
    batch = _batch(ledger)
    other = _batch(ledger, "另一批")
    today = dt.date(2023, 11, 20)
    office, teaching = [Assignment("办公室")], [Assignment("科教处")]
    lasting = Deadline("2023年底前，并长期坚持", dt.date(2023, 1, 1), DeadlineKind.DATE, True)
    ledger.add_items(
        batch,
        [
            ItemDraft(content="逾期事项", deadline=_due("2023-11-01"), departments=office),
            ItemDraft(content="临期事项", deadline=_due("2023-11-25"), departments=office),
            ItemDraft(content="远期事项", deadline=_due("2024-06-30"), departments=teaching),
            ItemDraft(content="已完成事项", deadline=_due("2023-01-01"), status=Status.COMPLETED),
            ItemDraft(content="长期事项", deadline=lasting),
        ],
    )
    ledger.add_items(other, [ItemDraft(content="逾期事项二", deadline=_due("2023-10-01"))])
    q = ItemQuery(today=today)

    def contents(**kw: object) -> list[str]:
        return [i.content for i in ledger.items(ItemQuery(today=today, **kw))]  # type: ignore[arg-type]

    assert contents(overdue=True) == ["逾期事项", "逾期事项二"]
    assert contents(overdue=True, batch_id=batch) == ["逾期事项"]
    assert contents(due_within=10) == ["临期事项"]
    assert contents(department="办公室") == ["逾期事项", "临期事项"]
    assert contents(department="办公室", search="临期") == ["临期事项"]
    assert contents(statuses=(Status.COMPLETED,)) == ["已完成事项"]
    assert contents(sort="deadline", limit=2) == ["已完成事项", "长期事项"]
    assert ledger.count_items(q) == 6
    assert ledger.count_by_status(q)[Status.PENDING] == 5
    by_department = {d["department"]: d for d in ledger.count_by_department(q)}
    assert by_department["办公室"]["total"] == 2
    assert by_department["办公室"]["overdue"] == 1


def test_update_records_every_change_in_the_audit_log(ledger: Store) -> None:
    batch = _batch(ledger)
    (item_id,) = ledger.add_items(batch, [ItemDraft(content="内容")])
    item = ledger.update_item(item_id, {"status": Status.IN_PROGRESS, "owner": "张三",
                                       "deadline": _due("2024-01-31")}, actor="李四")  # fmt: skip
    assert item.status is Status.IN_PROGRESS
    assert item.deadline.date == dt.date(2024, 1, 31)
    log = ledger.audit_log(item_id)
    assert {(e.field, e.old, e.new, e.actor) for e in log} == {
        ("status", "pending", "in_progress", "李四"),
        ("owner", "", "张三", "李四"),
        ("deadline", "", "2024-01-31", "李四"),
    }
    with pytest.raises(UserError):
        ledger.update_item(item_id, {"id": 5})


def test_ledger_sets_latest_progress(ledger: Store) -> None:
    batch = _batch(ledger)
    (item_id,) = ledger.add_items(batch, [ItemDraft(content="内容")])
    ledger.add_ledger_entry(item_id, dt.date(2023, 5, 1), LedgerKind.PROGRESS, "第一次进展")
    ledger.add_ledger_entry(item_id, dt.date(2023, 3, 1), LedgerKind.PROGRESS, "补记的旧进展")
    ledger.add_ledger_entry(item_id, dt.date(2023, 6, 1), LedgerKind.REMINDER, "电话催办")
    item = ledger.item(item_id)
    assert item.progress == "第一次进展"
    assert item.progress_on == dt.date(2023, 5, 1)
    assert [e.text for e in ledger.ledger(item_id)] == ["补记的旧进展", "第一次进展", "电话催办"]
    newest = next(e for e in ledger.ledger(item_id) if e.text == "第一次进展")
    ledger.delete_ledger_entry(newest.id)
    assert ledger.item(item_id).progress == "补记的旧进展"
    with pytest.raises(UserError):
        ledger.add_ledger_entry(item_id, dt.date(2023, 1, 1), LedgerKind.PROGRESS, "  ")


def test_attachments_are_copied_with_size_and_hash(ledger: Store, tmp_path: Path) -> None:
    batch = _batch(ledger)
    (item_id,) = ledger.add_items(batch, [ItemDraft(content="内容")])
    evidence = tmp_path / "会议纪要.pdf"
    evidence.write_bytes(b"%PDF-1.4 test evidence")
    attachment = ledger.add_attachment(item_id, evidence)
    kept = ledger.attachment_path(attachment)
    assert kept.is_file() and kept != evidence
    assert kept.parent.parent.parent == ledger.files_dir
    assert attachment.size == evidence.stat().st_size
    assert attachment.sha256 == hashlib.sha256(evidence.read_bytes()).hexdigest()
    assert ledger.attachments(item_id) == [attachment]
    with pytest.raises(UserError, match="找不到"):
        ledger.add_attachment(item_id, tmp_path / "missing.doc")


def test_attachment_for_missing_item_leaves_no_file(ledger: Store, tmp_path: Path) -> None:
    evidence = tmp_path / "a.txt"
    evidence.write_text("x")
    with pytest.raises(UserError):
        ledger.add_attachment(999, evidence)
    assert not list(ledger.files_dir.rglob("*a.txt"))


def test_settings_and_templates(ledger: Store) -> None:
    assert ledger.setting("warn_days", 10) == 10
    ledger.set_setting("warn_days", 3)
    assert ledger.setting("warn_days") == 3
    ledger.save_template("整改台账（本局）", {"columns": ["seq", "content"]}, base="ledger")
    ledger.save_template("整改台账（本局）", {"columns": ["seq"]}, base="ledger")
    (template,) = ledger.templates()
    assert template["definition"] == {"columns": ["seq"]}


def test_second_writer_is_refused_and_readonly_cannot_write(db_path: Path) -> None:
    first = Store.open(db_path)
    try:
        with pytest.raises(StoreLockedError, match="另一个"):
            Store.open(db_path)
        reader = Store.open(db_path, readonly=True)
        with pytest.raises(UserError, match="只读"):
            reader.add_batch(BatchDraft(BatchKind.OTHER, "x"))
        reader.close()
    finally:
        first.close()
    Store.open(db_path).close()  # released on close


def test_check_finds_damage(db_path: Path) -> None:
    with Store.open(db_path) as store:
        batch = _batch(store)
        store.add_items(batch, [ItemDraft(content="内容" * 2000) for _ in range(50)])
        assert store.check() == []
    data = bytearray(db_path.read_bytes())
    for offset in range(4096 * 3, len(data) - 4096, 4096):
        data[offset + 100 : offset + 400] = b"\xff" * 300
    db_path.write_bytes(bytes(data))
    try:
        with Store.open(db_path, readonly=True) as damaged:
            assert damaged.check() != []
    except StoreDamagedError:
        pass


def test_not_a_database_is_reported_plainly(db_path: Path) -> None:
    db_path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreDamagedError, match="损坏"):
        Store.open(db_path)


def test_short_terms_use_the_index_when_rare_and_scan_when_common(store: Store) -> None:
    batch = _batch(store)
    common = [ItemDraft(content=f"卫生健康工作第{n}项") for n in range(40)]
    rare = [
        ItemDraft(content="鲸落之处", origin="南宁市"),
        ItemDraft(content="其他", measures="以鲸为例"),
        ItemDraft(content="末尾是鲸"),
        ItemDraft(content="鲸"),
    ]
    ids = store.add_items(batch, common + rare)
    rare_ids = ids[40:]
    from rectdesk.store.search import plan_short_terms

    assert "鲸" in plan_short_terms(store.db, ItemQuery(search="鲸"))
    assert "卫" not in plan_short_terms(store.db, ItemQuery(search="卫"))
    assert store.item_ids(ItemQuery(search="鲸")) == rare_ids
    assert store.item_ids(ItemQuery(search="是鲸")) == [rare_ids[2]]
    assert store.item_ids(ItemQuery(search="宁市")) == [rare_ids[0]]
    assert store.item_ids(ItemQuery(search="鲨")) == []
    assert len(store.item_ids(ItemQuery(search="卫"))) == 40
    assert store.count_items(ItemQuery(search="鲸 之")) == 1


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.lists(
        st.tuples(
            st.sampled_from(list(Status)),
            st.one_of(st.none(), st.integers(-20, 20)),
            st.booleans(),
            st.lists(st.sampled_from(["办公室", "科教处", "医政处"]), max_size=3),
        ),
        max_size=25,
    )
)
def test_whole_ledger_department_counts_match_the_general_query(
    new_ledger: Callable[[], Store], rows: list  # type: ignore[type-arg]
) -> None:
    today = dt.date(2023, 11, 20)
    store = new_ledger()
    batch = _batch(store)
    drafts = []
    for status, offset, ongoing, departments in rows:
        day = None if offset is None else today + dt.timedelta(days=offset)
        kind = DeadlineKind.NONE if day is None else DeadlineKind.DATE
        deadline = Deadline("x", day, kind, ongoing and day is not None)
        drafts.append(ItemDraft(content="c", status=status, deadline=deadline,
                                departments=[Assignment(d) for d in departments]))  # fmt: skip
    ids = store.add_items(batch, drafts)
    # Later edits move assignments between statuses and departments, and delete some.
    for n, item_id in enumerate(ids):
        if n % 3 == 0:
            store.update_item(item_id, {"status": Status.IN_PROGRESS})
        elif n % 3 == 1:
            moved = [Assignment("科教处"), Assignment("新单位")]
            store.update_item(item_id, {"departments": moved})
    store.delete_items(ids[-2:])
    ids = ids[:-2]
    fast = store.count_by_department(ItemQuery(today=today))
    general = store.count_by_department(ItemQuery(today=today, ids=tuple(ids)))
    assert fast == general
    store.close()
