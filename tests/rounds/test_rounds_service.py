"""Rounds as the office follows them: who answered, the 催报 list, the round comparison."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import roundkit
from roundkit import FINANCE, SHARED, Returned

from rectdesk.domain.errors import UserError
from rectdesk.domain.privacy import OutputMode
from rectdesk.reports.layout import Table
from rectdesk.services import rounds
from rectdesk.services.collect import plan_collect
from rectdesk.services.collect_apply import apply_collect
from rectdesk.services.dispatch import DispatchResult
from rectdesk.store import Store

PHONE = "13977776666"


def _collect(store: Store, *paths: Path) -> None:
    plan = plan_collect(store, list(paths))
    plan.accept_all()
    apply_collect(store, plan, actor="测试")


def test_who_was_sent_what_and_who_answered(
    demo_store: Store, sent: DispatchResult, tmp_path: Path
) -> None:
    path = (
        Returned(roundkit.file_of(sent, "财务处"))
        .set(FINANCE, "联系人", "李四")
        .set(FINANCE, "联系电话", PHONE)
        .save(tmp_path / "a.xlsx")
    )
    _collect(demo_store, path)  # nothing changed but the contact: the unit still answered
    (found,) = rounds.rounds(demo_store, roundkit.BATCH)
    assert found.cut_off == roundkit.CUT_OFF
    finance = next(u for u in found.units if u.unit == "财务处")
    assert finance.returned_at is not None and finance.contact == "李四"
    assert len(found.missing) == len(found.units) - 1
    data = rounds.rounds_json([found])
    assert data[0]["round"] == 1 and data[0]["cut_off"] == "2023-12-15"
    unit = next(u for u in data[0]["units"] if u["unit"] == "财务处")
    assert unit["returned"] and unit["items"] == finance.items
    assert unit["phone"] == "139****6666"  # masked in the output
    assert all(u["returned"] is None for u in data[0]["units"] if u["unit"] != "财务处")


def test_chase_list_names_the_silent_units_only(
    demo_store: Store, sent: DispatchResult, tmp_path: Path
) -> None:
    _collect(demo_store, Returned(roundkit.file_of(sent, "财务处")).save(tmp_path / "a.xlsx"))
    report = rounds.chase_list(demo_store, roundkit.BATCH, today=dt.date(2023, 12, 20))
    (table,) = [b for b in report.blocks if isinstance(b, Table)]
    listed = [row.cells[1] for row in table.rows]
    assert "财务处" not in listed and "监督处" in listed and len(listed) == len(sent.files) - 1
    assert any("已超过截止日期5天" in t for t in report.texts())
    path = rounds.export(report, tmp_path / "催报.docx", demo_store)
    assert path.is_file()
    assert rounds.export(report, tmp_path / "催报.pdf", demo_store).read_bytes().startswith(b"%PDF")


def test_chase_list_gives_the_contact_from_the_last_answer_masked_unless_full(
    demo_store: Store, sent: DispatchResult, tmp_path: Path
) -> None:
    _collect(
        demo_store,
        Returned(roundkit.file_of(sent, "监督处"))
        .set("0220200740300703", "联系人", "王五")
        .set("0220200740300703", "联系电话", PHONE)
        .save(tmp_path / "a.xlsx"),
    )
    roundkit.send(demo_store, tmp_path / "2")  # round 2: 监督处 has not answered yet
    masked = rounds.chase_list(demo_store, roundkit.BATCH, today=dt.date(2023, 12, 1))
    (table,) = [b for b in masked.blocks if isinstance(b, Table)]
    row = next(r for r in table.rows if r.cells[1] == "监督处")
    assert row.cells[5] == "王五" and row.cells[6] == "139****6666"
    assert PHONE not in " ".join(masked.texts())
    full = rounds.chase_list(demo_store, roundkit.BATCH, mode=OutputMode.FULL)
    assert PHONE in " ".join(full.texts()) and full.confidential
    assert not [e for e in demo_store.audit_log() if e.action == "export_full"]
    rounds.export(full, tmp_path / "催报.docx", demo_store, actor="测试")
    (entry,) = [e for e in demo_store.audit_log() if e.action == "export_full"]
    assert "催报清单" in entry.new and "完整个人信息" in entry.new
    with pytest.raises(UserError, match="没有第9轮"):
        rounds.chase_list(demo_store, roundkit.BATCH, 9)


def test_round_to_round_comparison(demo_store: Store, sent: DispatchResult, tmp_path: Path) -> None:
    _collect(
        demo_store,
        Returned(roundkit.file_of(sent, "财务处"))
        .set(FINANCE, "整改进展", "第一轮进展")
        .save(tmp_path / "1.xlsx"),
    )
    second = roundkit.send(demo_store, tmp_path / "第2轮")
    _collect(
        demo_store,
        Returned(roundkit.file_of(second, "财务处"))
        .set(FINANCE, "整改进展", "第二轮进展")
        .set(FINANCE, "完成情况", "已完成")
        .save(tmp_path / "2.xlsx"),
    )
    comparison = rounds.compare(demo_store, roundkit.BATCH, 1, 2)
    row = next(r for r in comparison.rows if r.number == FINANCE)
    assert (row.before, row.after) == ("第一轮进展", "第二轮进展")
    assert row.status_after == "已完成（待销号）" and row.changed
    # 财务处 answered both rounds: an item it left alone shows the same progress twice.
    shared = next(r for r in comparison.rows if r.number == SHARED)
    assert shared.before == shared.after and not shared.changed
    unchanged = [r for r in comparison.rows if r.lead != "财务处"]
    assert all(r.before == rounds.NOT_ANSWERED and not r.changed for r in unchanged)
    report = rounds.comparison_report_for(demo_store, roundkit.BATCH, 1, 2)
    assert report.title.endswith("第1轮与第2轮整改进展对比表")
    assert rounds.export(report, tmp_path / "对比.xlsx", demo_store).is_file()
    with pytest.raises(UserError, match="两个不同的轮次"):
        rounds.compare(demo_store, roundkit.BATCH, 2, 2)
