"""Fixtures for letters, binders, the reuse guard, close-off reviews and proposals."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from supkit import PLANTED, TEST_FONT, TODAY

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
from rectdesk.reports.fontfiles import read_faces
from rectdesk.store import Store


@pytest.fixture(autouse=True)
def one_font(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every writer uses the test font only (tests/run_all.py installs it on Debian)."""
    if not TEST_FONT.exists():
        pytest.skip("需要中文 TrueType 字体 fonts-wqy-zenhei")
    from rectdesk.reports import fonts

    faces = tuple(read_faces(TEST_FONT))
    monkeypatch.setattr(fonts, "scan_faces", lambda dirs=None: faces)


def _deadline(day: dt.date) -> Deadline:
    return Deadline(f"{day.year}年{day.month}月{day.day}日", day, DeadlineKind.DATE)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A store on disk (evidence needs a folder) with six items of three units."""
    opened = Store.open(tmp_path / "ledger.rdk")
    opened.set_setting("unit_name", "某某县卫生健康局")
    opened.set_setting("clerk_name", "李明")
    opened.set_setting("clerk_phone", "0771-5812345")
    batch = opened.add_batch(BatchDraft(BatchKind.INSPECTION, "县委巡察反馈问题", year=2026))
    units = ["医政股", "医政股", "疾控股", "疾控股", "办公室", "办公室"]
    drafts = []
    for n, unit in enumerate(units, start=1):
        drafts.append(
            ItemDraft(
                content=f"第{n}项问题：基层医疗机构管理不规范。{PLANTED if n == 1 else ''}",
                seq=str(n),
                number=f"02202606300{n:05d}",
                departments=[Assignment(unit, Role.LEAD)]
                + ([Assignment("办公室", Role.ASSIST)] if n == 2 else []),
                measures=f"整改措施{n}：建立制度，定期检查。",
                deadline=_deadline(TODAY - dt.timedelta(days=10 * (3 - n))),
                status=Status.IN_PROGRESS if n < 5 else Status.COMPLETED,
            )
        )
    opened.add_items(batch, drafts)
    yield opened
    opened.close()
