"""The sample data is dated relative to the day it is loaded, so its lights look like a real day."""

from __future__ import annotations

import datetime as dt

import pytest

from rectdesk.domain.lights import LightRules, signal_for
from rectdesk.domain.model import Light
from rectdesk.services.demo import DEMO_AS_OF, load_demo
from rectdesk.store import ItemQuery, Store


@pytest.mark.parametrize("today", [dt.date(2026, 12, 4), dt.date(2031, 2, 28), DEMO_AS_OF])
def test_loaded_today_the_sample_shows_a_working_day(store: Store, today: dt.date) -> None:
    result = load_demo(store, actor="测试", today=today)
    assert result.items == 49
    items = store.items(ItemQuery())
    lights = [
        signal_for(
            i.status, i.deadline, today=today, rules=LightRules(), last_progress=i.progress_on
        )
        for i in items
    ]
    assert not any(s.light is Light.RED for s in lights)  # nothing years overdue
    assert sum(1 for s in lights if s.light is Light.YELLOW) == 16  # due within ten days
    dated = [i.deadline.date for i in items if i.deadline.date is not None]
    assert min(dated) - today == dt.timedelta(days=10)
    assert all(i.deadline.text == f"{d.year}年{d.month}月{d.day}日"
               for i in items if (d := i.deadline.date) is not None)  # fmt: skip
    shifted = (today - DEMO_AS_OF).days
    years = (DEMO_AS_OF + dt.timedelta(days=shifted)).year - DEMO_AS_OF.year
    plan = next(b for b in store.batches() if "整改工作方案" in b.name)
    assert plan.year == 2023 + years
    assert f"{2022 + years}年度" in plan.name
    inspection = next(b for b in store.batches() if "巡察" in b.name)
    assert inspection.received_on == dt.date(2019, 10, 22) + dt.timedelta(days=shifted)
    assert store.count_items(ItemQuery(overdue=True, today=today)) == 0
    assert store.count_items(ItemQuery(due_within=10, today=today)) == 16


def test_without_a_day_the_sample_keeps_the_source_dates(store: Store) -> None:
    load_demo(store)
    dated = {i.deadline.date for i in store.items(ItemQuery()) if i.deadline.date}
    assert dated == {dt.date(2023, 11, 30), dt.date(2023, 12, 31)}


def test_loading_twice_on_one_day_adds_nothing(store: Store) -> None:
    today = dt.date(2026, 12, 4)
    load_demo(store, today=today)
    again = load_demo(store, today=today)
    assert again.items == 0 and len(again.skipped_batches) == 3
