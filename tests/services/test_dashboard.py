"""The overview: every figure's query selects exactly the items it counts."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rectdesk.domain.lights import LightRules
from rectdesk.domain.model import (
    Assignment,
    BatchDraft,
    BatchKind,
    Deadline,
    DeadlineKind,
    ItemDraft,
    Role,
    Status,
)
from rectdesk.services.dashboard import build_dashboard
from rectdesk.store import Store

TODAY = dt.date(2023, 11, 20)
UNITS = ["医政处", "药政处", "疾控处", "办公室"]


def _deadline(offset: int | None, kind: DeadlineKind) -> Deadline:
    if offset is None:
        return Deadline("长期坚持" if kind is DeadlineKind.ONGOING else "", None, kind)
    day = TODAY + dt.timedelta(days=offset)
    return Deadline(day.isoformat(), day, kind)


_ITEMS = st.lists(
    st.tuples(
        st.sampled_from(list(Status)),
        st.one_of(st.none(), st.integers(-60, 60)),
        st.sampled_from([DeadlineKind.DATE, DeadlineKind.IMMEDIATE, DeadlineKind.ONGOING]),
        st.lists(st.sampled_from(UNITS), min_size=0, max_size=3, unique=True),
        st.sampled_from(["", "服务态度", "药品管理"]),
    ),
    max_size=25,
)


def _fill(
    store: Store, rows: list[tuple[Status, int | None, DeadlineKind, list[str], str]]
) -> None:
    batch = store.add_batch(BatchDraft(BatchKind.SOCIAL_REVIEW, "评议", year=2023))
    store.add_items(
        batch,
        [
            ItemDraft(
                content=f"事项{n}",
                status=status,
                deadline=_deadline(offset, kind),
                departments=[Assignment(u, Role.ASSIST) for u in units],
                category=category,
            )
            for n, (status, offset, kind, units, category) in enumerate(rows)
        ],
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=_ITEMS)
def test_every_figure_counts_what_its_query_selects(
    rows: list[tuple[Status, int | None, DeadlineKind, list[str], str]],
) -> None:
    store = Store.memory()
    _fill(store, rows)
    board = build_dashboard(store, today=TODAY, rules=LightRules(), list_limit=5)
    figures = [board.total, board.overdue, board.soon, *board.statuses, *board.categories]
    for unit in board.departments:
        figures += [unit.total, unit.done, unit.overdue]
    for figure in figures:
        assert store.count_items(figure.query) == figure.count, figure.label
    assert board.total.count == len(rows)
    assert sum(f.count for f in board.statuses) == len(rows)
    assert sum(f.count for f in board.categories) == len(rows)
    assert len(board.overdue_items) == min(5, board.overdue.count)
    assert [i.deadline.date for i in board.overdue_items] == sorted(
        i.deadline.date for i in board.overdue_items if i.deadline.date
    )
    assert board.soon.query.due_within == LightRules().warn_days  # the navigator's setting


def test_department_rate_and_names(store: Store) -> None:
    _fill(
        store,
        [
            (Status.CLOSED, -3, DeadlineKind.DATE, ["医政处"], "服务态度"),
            (Status.IN_PROGRESS, -3, DeadlineKind.DATE, ["医政处", "办公室"], "服务态度"),
            (Status.DECLINED, None, DeadlineKind.NONE, ["医政处"], ""),
            (Status.PENDING, 5, DeadlineKind.DATE, ["办公室"], "药品管理"),
        ],
    )
    board = build_dashboard(store, today=TODAY, rules=LightRules())
    units = {u.department: u for u in board.departments}
    assert units["医政处"].total.count == 3
    assert units["医政处"].overdue.count == 1
    assert units["医政处"].rate == 0.5  # one of two that need doing (不予整改 left out)
    assert units["办公室"].rate == 0.0
    assert [f.label for f in board.categories] == ["服务态度", "（未分类）", "药品管理"]
    assert (board.overdue.count, board.soon.count) == (1, 1)
    assert [i.content for i in board.soon_items] == ["事项3"]
