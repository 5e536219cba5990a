"""A store file and a server ledger holding the same items answer every question alike."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pgserver import empty_ledger

from rectdesk.domain.errors import UserError
from rectdesk.domain.lights import LightRules
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
from rectdesk.domain.query import SORT_KEYS, ItemQuery
from rectdesk.services.dashboard import build_dashboard
from rectdesk.services.items import ItemCommand, ItemService
from rectdesk.store import Store, open_store, rows

TODAY = dt.date(2023, 11, 20)
UNITS = ["医政处", "药政处", "疾控处", "办公室"]
#: Chinese, ASCII of both cases, full-width and Greek letters, LIKE's wildcards, punctuation.
_ALPHABET = "卫生健康人才培训医政处甲乙丙丁鲸ABCabcxyzＡｂΣσ0123 %_\\-、。\n"
_TEXT = st.text(alphabet=_ALPHABET, max_size=14)
_SEQ = st.text(alphabet=" -+0123456789xa.", max_size=5)


def _deadline(offset: int | None, kind: DeadlineKind, ongoing: bool) -> Deadline:
    if offset is None:
        return Deadline("长期坚持" if kind is DeadlineKind.ONGOING else "", None, kind)
    day = TODAY + dt.timedelta(days=offset)
    return Deadline(day.isoformat(), day, kind, ongoing)


def _draft(
    content: str, origin: str, number: str | None, seq: str, status: Status,
    offset: int | None, kind: DeadlineKind, ongoing: bool, units: list[str], category: str,
    owner: str,
) -> ItemDraft:  # fmt: skip
    return ItemDraft(
        content=content, origin=origin, number=number, seq=seq, status=status,
        deadline=_deadline(offset, kind, ongoing), category=category, owner=owner,
        departments=[Assignment(u, Role.ASSIST) for u in units],
        closed_on=TODAY if status is Status.CLOSED else None,
    )  # fmt: skip


_DRAFTS = st.lists(
    st.builds(
        _draft,
        _TEXT,
        _TEXT,
        st.one_of(st.none(), _TEXT),
        _SEQ,
        st.sampled_from(list(Status)),
        st.one_of(st.none(), st.integers(-40, 40)),
        st.sampled_from([DeadlineKind.DATE, DeadlineKind.IMMEDIATE, DeadlineKind.ONGOING]),
        st.booleans(),
        st.lists(st.sampled_from(UNITS), max_size=3, unique=True),
        st.sampled_from(["", "服务态度", "药品管理", "Abc"]),
        _TEXT,
    ),
    max_size=18,
)


@pytest.fixture
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Both engines stamp the same time, so that the 'updated' order may be compared."""
    monkeypatch.setattr(rows, "now_text", lambda: "2023-11-20T09:00:00")


def _fill(store: Store, drafts: list[ItemDraft], edits: list[tuple[int, str]]) -> list[int]:
    first = store.add_batch(BatchDraft(BatchKind.SOCIAL_REVIEW, "一", year=2023))
    second = store.add_batch(BatchDraft(BatchKind.INSPECTION, "二", year=2024))
    half = len(drafts) // 2
    ids = store.add_items(first, drafts[:half]) + store.add_items(second, drafts[half:])
    for n, text in edits:
        if ids:
            item_id = ids[n % len(ids)]
            store.update_item(item_id, {"content": text, "status": Status.IN_PROGRESS,
                                         "departments": [Assignment("新单位")]})  # fmt: skip
            store.add_ledger_entry(item_id, TODAY, LedgerKind.PROGRESS, text.strip() or "进展")
    if len(ids) > 3:
        store.delete_items(ids[1:2])
    return ids


def _terms(drafts: list[ItemDraft], picks: list[tuple[int, int, int]]) -> list[str]:
    """Fragments of the items' own text (1, 2 and more characters) and a few made up."""
    texts = [d.content + " " + d.origin for d in drafts] or [""]
    found = []
    for n, start, length in picks:
        text = texts[n % len(texts)]
        found.append(text[start % (len(text) or 1) :][:length])
    return [t for t in found if t.strip()] + ["卫", "ab", "ＡＢ", "%", "_", "σ", "健康人", "x y"]


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    drafts=_DRAFTS,
    edits=st.lists(st.tuples(st.integers(0, 50), _TEXT), max_size=3),
    picks=st.lists(
        st.tuples(st.integers(0, 50), st.integers(0, 20), st.integers(1, 4)), max_size=8
    ),
)
def test_both_engines_answer_every_query_alike(
    pg_url: str,
    fixed_clock: None,
    drafts: list[ItemDraft],
    edits: list[tuple[int, str]],
    picks: list[tuple[int, int, int]],
) -> None:
    empty_ledger(pg_url)
    sqlite, server = Store.memory(), open_store(pg_url)
    try:
        assert _fill(sqlite, drafts, edits) == _fill(server, drafts, edits)
        for key in SORT_KEYS:
            for descending in (False, True):
                query = ItemQuery(sort=key, descending=descending, today=TODAY)
                assert sqlite.item_ids(query) == server.item_ids(query), (key, descending)
        assert sqlite.items() == server.items()
        filters = [
            ItemQuery(today=TODAY),
            ItemQuery(today=TODAY, overdue=True),
            ItemQuery(today=TODAY, due_within=10),
            ItemQuery(today=TODAY, statuses=(Status.PENDING, Status.CLOSED)),
            ItemQuery(today=TODAY, department="药政处"),
            ItemQuery(today=TODAY, category="Abc"),
            ItemQuery(today=TODAY, batch_id=2, sort="light"),
        ]
        filters += [ItemQuery(today=TODAY, search=t) for t in _terms(drafts, picks)]
        for query in filters:
            assert sqlite.item_ids(query) == server.item_ids(query), query.search
            assert sqlite.count_by_status(query) == server.count_by_status(query)
            assert sqlite.count_by_category(query) == server.count_by_category(query)
            assert sqlite.count_by_department(query) == server.count_by_department(query)
        assert sqlite.departments() == server.departments()
        assert server.check() == []
    finally:
        sqlite.close()
        server.close()


# -- the service-level properties, on both engines -----------------------------------------


_DASHBOARD_ITEMS = st.lists(
    st.tuples(
        st.sampled_from(list(Status)),
        st.one_of(st.none(), st.integers(-60, 60)),
        st.sampled_from([DeadlineKind.DATE, DeadlineKind.IMMEDIATE, DeadlineKind.ONGOING]),
        st.lists(st.sampled_from(UNITS), min_size=0, max_size=3, unique=True),
        st.sampled_from(["", "服务态度", "药品管理"]),
    ),
    max_size=25,
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(items=_DASHBOARD_ITEMS)
def test_every_dashboard_figure_counts_what_its_query_selects(
    new_ledger: Callable[[], Store],
    items: list[tuple[Status, int | None, DeadlineKind, list[str], str]],
) -> None:
    store = new_ledger()
    try:
        batch = store.add_batch(BatchDraft(BatchKind.SOCIAL_REVIEW, "评议", year=2023))
        store.add_items(batch, [
            ItemDraft(content=f"事项{n}", status=status, deadline=_deadline(offset, kind, False),
                      departments=[Assignment(u, Role.ASSIST) for u in units], category=category)
            for n, (status, offset, kind, units, category) in enumerate(items)
        ])  # fmt: skip
        board = build_dashboard(store, today=TODAY, rules=LightRules(), list_limit=5)
        figures = [board.total, board.overdue, board.soon, *board.statuses, *board.categories]
        for unit in board.departments:
            figures += [unit.total, unit.done, unit.overdue]
        for figure in figures:
            assert store.count_items(figure.query) == figure.count, figure.label
        assert board.total.count == len(items)
    finally:
        store.close()


_ITEM_TABLES = {
    "items": "id",
    "item_departments": "rowid",
    "item_extra": "rowid",
    "ledger": "id",
    "attachments": "id",
}


def _state(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """What the items hold, read alike on both engines (a server's extra rowid column aside).

    Row versions are left out too: they grow with undo and redo as with any change.
    """
    found = {}
    for table, key in _ITEM_TABLES.items():
        columns = [d[0] for d in store.db.execute(f"SELECT * FROM {table} LIMIT 0").description]
        names = ", ".join(c for c in columns if c not in ("rowid", "version"))
        found[table] = [
            tuple(r) for r in store.db.execute(
                f"SELECT {key}, {names} FROM {table} ORDER BY {key}"
            ).fetchall()
        ]  # fmt: skip
    return found


def _commands() -> st.SearchStrategy[tuple[str, Any]]:
    return st.one_of(
        st.tuples(st.just("edit"), st.fixed_dictionaries(
            {"owner": st.text(alphabet="张三李四abc", max_size=4)})),
        st.tuples(st.just("status"), st.sampled_from([Status.IN_PROGRESS, Status.COMPLETED])),
        st.tuples(st.just("lead"), st.sampled_from(["医政处", "新设处"])),
        st.tuples(st.just("deadline"), st.sampled_from(["2024年6月底", "立行立改", "长期坚持"])),
        st.tuples(st.just("progress"), st.text(alphabet="已完成整改", min_size=1, max_size=5)),
        st.tuples(st.just("close"), st.sampled_from(["", "同意销号"])),
        st.tuples(st.just("delete"), st.none()),
    )  # fmt: skip


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
        return service.add_progress(targets, TODAY, value)
    if kind == "close":
        return service.close_off(targets, TODAY, note=value)
    return service.delete(targets)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    steps=st.lists(
        st.tuples(_commands(), st.sets(st.integers(0, 3), min_size=1)), min_size=1, max_size=4
    )
)
def test_any_sequence_of_commands_undoes_to_the_start(
    new_ledger: Callable[[], Store], steps: list[tuple[tuple[str, Any], set[int]]]
) -> None:
    store = new_ledger()
    try:
        batch = store.add_batch(BatchDraft(BatchKind.INSPECTION, "巡察反馈", year=2023))
        ids = store.add_items(batch, [
            ItemDraft(content=f"问题{n}", departments=[Assignment("医政处"),
                      Assignment("药政处", Role.ASSIST)], extra={"批示": f"第{n}条"},
                      deadline=Deadline("2023年12月底", dt.date(2023, 12, 31), DeadlineKind.DATE))
            for n in range(4)
        ])  # fmt: skip
        store.add_ledger_entry(ids[0], dt.date(2023, 10, 1), LedgerKind.PROGRESS, "已开会")
        service = ItemService(store)
        start = _state(store)
        done: list[tuple[ItemCommand, dict[str, Any]]] = []
        for (kind, value), chosen in steps:
            targets = [ids[i] for i in sorted(chosen)]
            try:
                command = _build(service, kind, value, targets)
                before = _state(store)
                command.do()
            except UserError:
                continue
            done.append((command, before))
        for command, before in reversed(done):
            command.undo()
            assert _state(store) == before
        assert _state(store) == start
        assert store.check() == []
    finally:
        store.close()
