"""Fixtures for the report tests: the one Chinese TrueType font, demo data with personal data."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from rectdesk.domain.model import Assignment, BatchDraft, BatchKind, ItemDraft, Status
from rectdesk.reports.fontfiles import FontFace, read_faces
from rectdesk.store import Store

#: The font tests render with on every machine (tests/run_all.py installs it on Debian).
TEST_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")

#: Personal data planted in a test item, beyond the phone numbers already in the demo.
PLANTED_ID = "450102199003071234"
PLANTED_MOBILE = "13812345678"


@pytest.fixture
def test_faces() -> list[FontFace]:
    """The WenQuanYi Zen Hei faces, or a skip saying how to get them."""
    faces = font_faces()
    if not faces:
        pytest.skip("需要中文 TrueType 字体 fonts-wqy-zenhei（python3 tests/run_all.py 会安装）")
    return faces


@pytest.fixture
def font_env(test_faces: list[FontFace], monkeypatch: pytest.MonkeyPatch) -> list[FontFace]:
    """Make every writer use the test font only, whatever else the machine has."""
    from rectdesk.reports import fonts

    monkeypatch.setattr(fonts, "scan_faces", lambda dirs=None: tuple(test_faces))
    return test_faces


def font_faces() -> list[FontFace]:
    """The test font's faces (empty when it is not installed)."""
    return [f for f in read_faces(TEST_FONT) if f.truetype] if TEST_FONT.exists() else []


@pytest.fixture
def report_store(demo_store: Store) -> Store:
    """The demo batches plus one item holding an ID number and a mobile in several fields."""
    return plant_personal_data(demo_store)


def plant_personal_data(store: Store) -> Store:
    """Add an item holding an ID number and a mobile in several fields."""
    batch = store.add_batch(BatchDraft(BatchKind.OTHER, "信访转办事项", year=2023))
    store.add_items(
        batch,
        [
            ItemDraft(
                content=f"群众反映（身份证号{PLANTED_ID}）卫生院夜间无人值守。",
                number="0220230000000001",
                category="信访",
                origin=f"=张三{PLANTED_MOBILE}",
                departments=[Assignment("医政股")],
                measures=f"约谈院长，回访群众（电话 {PLANTED_MOBILE}）。",
                outcomes="建立夜间值班制度。",
                progress=f"已回访，联系人手机 {PLANTED_MOBILE[:3]} {PLANTED_MOBILE[3:7]} "
                f"{PLANTED_MOBILE[7:]}。",
                status=Status.CLOSED,
                closed_on=None,
                remarks=f"身份证 {PLANTED_ID}",
            )
        ],
    )
    return store
