"""Many clerks at once: an edit made against an item someone else changed since is refused.

Each test runs on a store file and on a real server. The second clerk writes through a
connection of their own (the file's second writable connection, or a second server
connection), one after the other, as two PCs would.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlite_utils

from rectdesk.domain.errors import ConflictError
from rectdesk.domain.model import Assignment, BatchDraft, BatchKind, ItemDraft, Role, Status
from rectdesk.domain.query import ItemQuery
from rectdesk.services.items import ItemService, versions_seen
from rectdesk.store import Store
from rectdesk.store.schema import MIGRATIONS
from rectdesk.store.versions import os_identity


def _seed(ledger: Store) -> list[int]:
    batch = ledger.add_batch(BatchDraft(BatchKind.INSPECTION, "巡察反馈", year=2026))
    drafts = [
        ItemDraft(content=f"问题{n}：药品管理不规范", number=f"XC-{n}",
                  departments=[Assignment("医政科"), Assignment("药政科", Role.ASSIST)])
        for n in range(1, 4)
    ]  # fmt: skip
    return ledger.add_items(batch, drafts, actor="王科员")


@pytest.fixture
def other(ledger: Store) -> Iterator[Store]:
    """The second clerk's own connection to the same ledger."""
    second = ledger.worker_writer()
    try:
        yield second
    finally:
        second.close()


def _audit_count(ledger: Store) -> int:
    return len(ledger.audit_log(limit=1 << 30))


def test_an_edit_against_a_changed_item_is_refused_naming_who_what_and_when(
    ledger: Store, other: Store
) -> None:
    ids = _seed(ledger)
    seen = ledger.item(ids[0])  # the clerk opens the item
    ItemService(other, "李四").edit(ids[0], {"deadline": "2026年6月30日"}).do()
    entries = _audit_count(ledger)
    with pytest.raises(ConflictError) as refused:
        ItemService(ledger, "张三").edit(
            ids[0], {"measures": "一是建立台账"}, version=seen.version
        ).do()
    message = refused.value.message
    assert "XC-1" in message and "整改时限" in message and "李四" in message
    assert "没有保存" in message and "重新载入" in message
    assert message.count("。") == 1
    assert refused.value.item_ids == (ids[0],)
    assert ledger.item(ids[0]).measures == ""  # nothing written, not even the audit line
    assert _audit_count(ledger) == entries
    # Reloaded, the same edit goes through.
    fresh = ledger.item(ids[0])
    ItemService(ledger, "张三").edit(
        ids[0], {"measures": "一是建立台账"}, version=fresh.version
    ).do()
    assert ledger.item(ids[0]).measures == "一是建立台账"
    assert ledger.item(ids[0]).deadline.date == dt.date(2026, 6, 30)


def test_a_bulk_edit_with_one_changed_item_writes_nothing(ledger: Store, other: Store) -> None:
    ids = _seed(ledger)
    seen = versions_seen(ledger.items_by_ids(ids))
    ItemService(other, "李四").set_departments(ids[2], [Assignment("办公室")]).do()
    before = ledger.count_by_status()
    with pytest.raises(ConflictError, match="责任单位") as refused:
        ItemService(ledger, "张三").set_status(ids, Status.IN_PROGRESS, seen=seen).do()
    assert refused.value.item_ids == (ids[2],)
    assert [i.status for i in ledger.items_by_ids(ids)] == [Status.PENDING] * 3
    assert ledger.count_by_status() == before
    assert {r["department"] for r in ledger.count_by_department(ItemQuery())} >= {"办公室"}


def test_progress_and_evidence_change_the_version_too(
    ledger: Store, other: Store, tmp_path: Path
) -> None:
    ids = _seed(ledger)
    seen = ledger.item(ids[1]).version
    ItemService(other, "李四").add_progress([ids[1]], dt.date(2026, 3, 1), "已开展自查").do()
    with pytest.raises(ConflictError, match="整改进展"):
        ItemService(ledger, "张三").edit(ids[1], {"remarks": "备注"}, version=seen).do()


def test_an_undo_after_someone_else_changed_the_item_is_refused(
    ledger: Store, other: Store
) -> None:
    ids = _seed(ledger)
    mine = ItemService(ledger, "张三").edit(ids[0], {"owner": "张三"})
    mine.do()
    ItemService(other, "李四").edit(ids[0], {"lead": "王局长"}).do()
    with pytest.raises(ConflictError, match="责任领导"):
        mine.undo()
    item = ledger.item(ids[0])
    assert (item.owner, item.lead) == ("张三", "王局长")  # neither change lost


def test_own_undo_and_redo_of_several_edits_of_one_item_still_work(ledger: Store) -> None:
    ids = _seed(ledger)
    service = ItemService(ledger, "张三")
    first = service.edit(ids[0], {"owner": "甲"})
    first.do()
    second = service.edit(ids[0], {"owner": "乙"})
    second.do()
    second.undo()
    first.undo()
    assert ledger.item(ids[0]).owner == ""
    first.do()
    second.do()
    assert ledger.item(ids[0]).owner == "乙"


def test_an_edit_of_an_item_someone_deleted_says_so(ledger: Store, other: Store) -> None:
    ids = _seed(ledger)
    seen = ledger.item(ids[0]).version
    ItemService(other, "李四").delete([ids[0]]).do()
    with pytest.raises(ConflictError, match=r"已由 李四 于 .* 删除"):
        ItemService(ledger, "张三").set_deadline([ids[0]], "2026年底前", seen={ids[0]: seen}).do()


def test_the_audit_log_names_clerk_account_machine_and_version(ledger: Store) -> None:
    ids = _seed(ledger)
    ItemService(ledger, "张三").edit(ids[0], {"remarks": "核实"}).do()
    entry = ledger.audit_log(ids[0], limit=1)[0]
    assert (entry.actor, entry.field, entry.new) == ("张三", "remarks", "核实")
    assert (entry.os_user, entry.machine) == os_identity()
    assert entry.item_version == ledger.item(ids[0]).version > 0


def test_an_older_store_file_gets_versions_in_place(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)
    conn.isolation_level = None
    db = sqlite_utils.Database(conn)
    for number, migration in enumerate(MIGRATIONS[:11], start=1):
        with db.atomic():
            migration.apply(db)
            db.execute(f"PRAGMA user_version = {number}")
    db.execute("INSERT INTO batches (kind, name, created_at) VALUES ('other', '旧', 'x')")
    db.execute(
        "INSERT INTO items (batch_id, position, content, created_at, updated_at)"
        " VALUES (1, 1, '旧事项', 'x', 'x')"
    )
    conn.close()
    with Store.open(path) as store:
        item = store.item(1)
        assert item.version == 0
        ItemService(store, "张三").edit(1, {"owner": "甲"}, version=0).do()
        assert store.item(1).version == 1
        assert store.audit_log(1)[0].item_version == 1
