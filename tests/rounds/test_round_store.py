"""The rounds tables: made by migration 0010, carried by item snapshots, secret kept."""

from __future__ import annotations

from pathlib import Path

from rectdesk.domain.model import Role
from rectdesk.store import Store
from rectdesk.store.rounds import RoundBook
from rectdesk.store.schema import MIGRATIONS
from rectdesk.store.snapshot import apply_difference, child_tables, take_snapshot


def test_migration_adds_the_tables_after_the_others(store: Store) -> None:
    assert MIGRATIONS[9].name == "0010_rounds"
    tables = {r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"rounds", "round_units", "round_items", "round_answers", "package_links"} <= tables
    # The answers hang off items: an item command's snapshot carries them, so undo takes them.
    assert {"round_items", "round_answers"} <= {t.name for t in child_tables(store)}


def test_secret_is_made_once_and_kept(db_path: Path) -> None:
    with Store.open(db_path) as store:
        first = RoundBook(store).secret()
        assert len(first) == 32
        assert RoundBook(store).secret() == first
    with Store.open(db_path) as again:
        assert RoundBook(again).secret() == first


def test_rounds_units_answers_and_undo_of_answers(demo_store: Store) -> None:
    book = RoundBook(demo_store)
    assert book.next_number(1) == 1
    round_id = book.open_round(1, 1, None)
    unit = book.unit_id(round_id, "财务处")
    assert book.unit_id(round_id, "财务处") == unit
    item = demo_store.items()[0].id
    book.record_sent(unit, "a.xlsx", [(item, Role.LEAD, {"content": "x"})])
    assert book.next_number(1) == 2
    found = book.latest(1)
    assert found is not None and found.units[0].returned_at is None
    before = take_snapshot(demo_store, [item])
    with demo_store.transaction():
        book.add_answers([(unit, item, "a.xlsx", {"progress": "p", "contact": "张三"}, [])])
    after = take_snapshot(demo_store, [item])
    again = book.latest(1)
    assert again is not None and again.units[0].returned_at and again.units[0].contact == "张三"
    with demo_store.transaction():
        apply_difference(demo_store, after, before, actor="测试", action="undo")
    undone = book.latest(1)
    assert undone is not None and undone.units[0].returned_at is None
    assert book.sent_items(round_id)[0].sent == {"content": "x"}
