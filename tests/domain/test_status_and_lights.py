"""Status changes and warning lights, and that the store's SQL agrees with the rules."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rectdesk.domain.errors import TransitionError
from rectdesk.domain.lights import LightRules, signal_for
from rectdesk.domain.model import (
    BatchDraft,
    BatchKind,
    Deadline,
    DeadlineKind,
    ItemDraft,
    Light,
    Status,
)
from rectdesk.domain.status import ALLOWED, can_change, check_change, parse_status
from rectdesk.store import ItemQuery, Store
from rectdesk.store.query import light_case

TODAY = dt.date(2023, 11, 20)
RULES = LightRules(warn_days=10, stale_days=90)


def _date(day: str) -> Deadline:
    return Deadline(day, dt.date.fromisoformat(day), DeadlineKind.DATE)


@pytest.mark.parametrize(
    ("old", "new", "ok"),
    [
        (Status.PENDING, Status.IN_PROGRESS, True),
        (Status.IN_PROGRESS, Status.COMPLETED, True),
        (Status.COMPLETED, Status.CLOSED, True),
        (Status.PENDING, Status.CLOSED, False),
        (Status.IN_PROGRESS, Status.CLOSED, False),
        (Status.CLOSED, Status.COMPLETED, False),
        (Status.CLOSED, Status.IN_PROGRESS, True),
        (Status.DECLINED, Status.COMPLETED, False),
        (Status.ONGOING, Status.CLOSED, True),
        (Status.CLOSED, Status.CLOSED, True),
    ],
)
def test_allowed_changes(old: Status, new: Status, ok: bool) -> None:
    assert can_change(old, new) is ok


def test_every_status_can_be_left() -> None:
    assert all(ALLOWED[s] for s in Status)


def test_close_off_needs_a_date_and_decline_a_reason() -> None:
    with pytest.raises(TransitionError, match="销号日期"):
        check_change(Status.COMPLETED, Status.CLOSED)
    check_change(Status.COMPLETED, Status.CLOSED, closed_on=TODAY)
    with pytest.raises(TransitionError, match="理由"):
        check_change(Status.PENDING, Status.DECLINED)
    check_change(Status.PENDING, Status.DECLINED, reason="非建设性建议")
    with pytest.raises(TransitionError, match="不能把状态"):
        check_change(Status.PENDING, Status.CLOSED, closed_on=TODAY)


def test_status_parsing_accepts_codes_and_labels() -> None:
    assert parse_status("in_progress") is Status.IN_PROGRESS
    assert parse_status("整改中") is Status.IN_PROGRESS
    assert parse_status("已完成") is Status.COMPLETED
    assert parse_status("已销号") is Status.CLOSED
    with pytest.raises(TransitionError, match="无法识别"):
        parse_status("差不多")


@pytest.mark.parametrize(
    ("status", "deadline", "light", "label"),
    [
        (Status.PENDING, _date("2023-11-19"), Light.RED, "逾期1天"),
        (Status.IN_PROGRESS, _date("2023-11-20"), Light.YELLOW, "今日到期"),
        (Status.IN_PROGRESS, _date("2023-11-30"), Light.YELLOW, "10天内到期"),
        (Status.IN_PROGRESS, _date("2023-12-01"), Light.GREEN, "正常"),
        (Status.COMPLETED, _date("2020-01-01"), Light.GREY, "已办结"),
        (Status.CLOSED, _date("2020-01-01"), Light.GREY, "已办结"),
        (Status.DECLINED, Deadline(), Light.GREY, "已办结"),
        (Status.ONGOING, _date("2020-01-01"), Light.BLUE, "长期坚持"),
        (Status.PENDING, Deadline("长期坚持", None, DeadlineKind.ONGOING, True), Light.BLUE, None),
        (
            Status.PENDING,
            Deadline("立行立改", None, DeadlineKind.IMMEDIATE),
            Light.YELLOW,
            "立行立改",
        ),
        (Status.PENDING, Deadline(), Light.GREEN, "正常"),
        (
            Status.IN_PROGRESS,
            Deadline("2023年底前，并长期坚持", dt.date(2023, 1, 1), DeadlineKind.DATE, True),
            Light.BLUE,
            None,
        ),
    ],
)
def test_lights(status: Status, deadline: Deadline, light: Light, label: str | None) -> None:
    signal = signal_for(status, deadline, today=TODAY, rules=RULES, last_progress=TODAY)
    assert signal.light is light
    if label is not None:
        assert signal.label == label


def test_ongoing_turns_stale_without_recent_progress() -> None:
    ongoing = Deadline("长期坚持", None, DeadlineKind.ONGOING, True)
    fresh = signal_for(Status.ONGOING, ongoing, today=TODAY, rules=RULES,
                       last_progress=TODAY - dt.timedelta(days=90))  # fmt: skip
    stale = signal_for(Status.ONGOING, ongoing, today=TODAY, rules=RULES,
                       last_progress=TODAY - dt.timedelta(days=91))  # fmt: skip
    assert not fresh.stale and stale.stale
    assert stale.light is Light.BLUE and "久未更新" in stale.label


deadlines = st.one_of(
    st.just(Deadline()),
    st.just(Deadline("立行立改", None, DeadlineKind.IMMEDIATE)),
    st.just(Deadline("长期坚持", None, DeadlineKind.ONGOING, True)),
    st.builds(
        lambda offset, kind, ongoing: Deadline(
            "x", TODAY + dt.timedelta(days=offset), kind, ongoing
        ),
        st.integers(-30, 30),
        st.sampled_from([DeadlineKind.DATE, DeadlineKind.IMMEDIATE]),
        st.booleans(),
    ),
)


@settings(max_examples=200, deadline=None)
@given(status=st.sampled_from(list(Status)), deadline=deadlines, warn=st.integers(0, 15))
def test_store_sql_agrees_with_the_rules(status: Status, deadline: Deadline, warn: int) -> None:
    rules = LightRules(warn_days=warn)
    store = Store.memory()
    batch = store.add_batch(BatchDraft(BatchKind.OTHER, "b"))
    store.add_items(batch, [ItemDraft(content="c", status=status, deadline=deadline)])
    sql, params = light_case(TODAY, rules)
    (in_sql,) = store.db.execute(f"SELECT {sql} FROM items", params).fetchone()
    expected = signal_for(status, deadline, today=TODAY, rules=rules)
    assert in_sql == expected.light.value
    overdue = store.count_items(ItemQuery(overdue=True, today=TODAY, rules=rules))
    assert overdue == (1 if expected.light is Light.RED else 0)
    store.close()
