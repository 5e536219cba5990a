"""Rounds as the office follows them: who was sent what, who answered, who to chase.

Also the round-to-round comparison: each item's progress as its lead unit reported it in two
rounds, on screen and as a printable 进展对比表.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rectdesk.domain.errors import QT_TRANSLATE_NOOP, UserError
from rectdesk.domain.ledger import LedgerStore
from rectdesk.domain.model import Role, Status
from rectdesk.domain.privacy import OutputMode, mask_data
from rectdesk.domain.rounds import Column, Round
from rectdesk.fileio import atomic_path
from rectdesk.reports.layout import Report
from rectdesk.reports.masking import mask_report
from rectdesk.reports.round_documents import (
    ChaseRow,
    Comparison,
    ComparisonRow,
    RoundFacts,
    chase_report,
    comparison_report,
)
from rectdesk.services import settings
from rectdesk.store.rounds import RoundBook

#: What the comparison shows for a round the lead unit did not answer.
NOT_ANSWERED = "（未报送）"


def next_round(store: LedgerStore, batch_id: int) -> int:
    """The number the next round of a batch gets."""
    return RoundBook(store).next_number(batch_id)


def rounds(store: LedgerStore, batch_id: int) -> list[Round]:
    """Every round of a batch, oldest first."""
    store.batch(batch_id)
    return RoundBook(store).rounds(batch_id)


def rounds_json(found: list[Round], mode: OutputMode = OutputMode.MASKED) -> list[dict[str, Any]]:
    """Rounds as the command line prints them; ``returned`` is null for a silent unit."""
    data = [
        {
            "round": r.number,
            "cut_off": r.cut_off.isoformat() if r.cut_off else None,
            "units": [
                {"unit": u.unit, "items": u.items, "lead_items": u.lead_items,
                 "sent": (u.sent_at or "")[:10] or None,
                 "returned": (u.returned_at or "")[:10] or None,
                 "contact": u.contact, "phone": u.phone}
                for u in r.units
            ],
        }
        for r in found
    ]  # fmt: skip
    return mask_data(data, mode)  # type: ignore[no-any-return]


def get_round(store: LedgerStore, batch_id: int, number: int | None = None) -> Round:
    """One round (the newest when no number is given); a plain message when there is none."""
    book = RoundBook(store)
    found = book.latest(batch_id) if number is None else book.round(batch_id, number)
    if found is None:
        if number is None:
            raise UserError(QT_TRANSLATE_NOOP("Errors", "这个批次还没有下发过报送表，请先“下发”。"))
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "这个批次没有第{number}轮，请用“rounds”查看已有轮次。"),
            number=number,
        )
    return found


def _facts(store: LedgerStore, batch_id: int, number: int, cut_off: dt.date | None,
           today: dt.date) -> RoundFacts:  # fmt: skip
    return RoundFacts(
        batch_name=store.batch(batch_id).name, round_number=number, cut_off=cut_off,
        office=str(settings.get(store, "unit_name")), clerk=str(settings.get(store, "clerk_name")),
        phone=str(settings.get(store, "clerk_phone")), today=today,
    )  # fmt: skip


def chase_list(
    store: LedgerStore,
    batch_id: int,
    number: int | None = None,
    *,
    today: dt.date | None = None,
    mode: OutputMode = OutputMode.MASKED,
) -> Report:
    """催报清单 of a round: its units that have not answered, with who to call."""
    found = get_round(store, batch_id, number)
    day = today or dt.date.today()
    # A silent unit has given no contact this round: the one it gave last time is whom to call.
    known: dict[str, tuple[str, str]] = {}
    for earlier in RoundBook(store).rounds(batch_id):
        if earlier.number <= found.number:
            for unit in earlier.units:
                if unit.contact or unit.phone:
                    known[unit.unit] = (unit.contact, unit.phone)
    rows = [
        ChaseRow(u.unit, u.lead_items, u.items - u.lead_items, (u.sent_at or "")[:10],
                 *known.get(u.unit, ("", "")))
        for u in found.missing
    ]  # fmt: skip
    report = chase_report(_facts(store, batch_id, found.number, found.cut_off, day), rows)
    return _mode(report, mode)


def _mode(report: Report, mode: OutputMode) -> Report:
    """Masked, or marked 内部资料 when personal data is kept (its export is then audited)."""
    if mode.masks:
        return mask_report(report)
    report.confidential = True
    return report


@dataclass(frozen=True)
class _Progress:
    progress: str
    status: str


def _lead_answers(store: LedgerStore, batch_id: int, number: int) -> dict[int, _Progress]:
    """Each item's answer from its lead unit in a round (the last one collected)."""
    book = RoundBook(store)
    found = book.round(batch_id, number)
    if found is None:
        return {}
    roles = {(s.unit_id, s.item_id): s.role for s in book.sent_items(found.id)}
    result: dict[int, _Progress] = {}
    for answer in book.answers(batch_id, number):
        if roles.get((answer.unit_id, answer.item_id)) is not Role.LEAD:
            continue
        result[answer.item_id] = _Progress(
            answer.answer.get(Column.PROGRESS.value, ""), answer.answer.get(Column.STATUS.value, "")
        )
    return result


def compare(store: LedgerStore, batch_id: int, earlier: int, later: int) -> Comparison:
    """Each item sent in either round: its lead unit's progress in both, and the change."""
    if earlier >= later:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "请选择两个不同的轮次，前一轮在前，如第1轮与第2轮。")
        )
    book = RoundBook(store)
    rounds_found = [get_round(store, batch_id, n) for n in (earlier, later)]
    ids: list[int] = []
    for found in rounds_found:
        for sent in book.sent_items(found.id):
            if sent.item_id not in ids:
                ids.append(sent.item_id)
    before, after = _lead_answers(store, batch_id, earlier), _lead_answers(store, batch_id, later)
    comparison = Comparison(earlier, later)
    for item in sorted(store.items_by_ids(ids), key=lambda i: i.position):
        first, second = before.get(item.id), after.get(item.id)
        comparison.rows.append(
            ComparisonRow(
                number=item.number or "",
                content=item.content,
                lead=item.lead_department,
                before=first.progress if first else NOT_ANSWERED,
                after=second.progress if second else NOT_ANSWERED,
                status_before=_status_text(first.status) if first else "",
                status_after=_status_text(second.status) if second else "",
                answered=second is not None,
            )
        )
    return comparison


def _status_text(text: str) -> str:
    from rectdesk.importers.values import status_from_text

    status = status_from_text(text)
    return status.label if isinstance(status, Status) else text


def comparison_report_for(
    store: LedgerStore,
    batch_id: int,
    earlier: int,
    later: int,
    *,
    today: dt.date | None = None,
    mode: OutputMode = OutputMode.MASKED,
) -> Report:
    """进展对比表 of two rounds, masked unless ``mode`` is full."""
    comparison = compare(store, batch_id, earlier, later)
    later_round = get_round(store, batch_id, later)
    facts = _facts(store, batch_id, later, later_round.cut_off, today or dt.date.today())
    report = comparison_report(facts, comparison)
    return _mode(report, mode)


def export(report: Report, output: Path | str, store: LedgerStore, *, actor: str = "") -> Path:
    """Write a round paper as PDF, Word or Excel (by the file's extension), whole or not at all.

    A paper that keeps personal data (内部资料) is written to the audit log with the file.
    """
    from rectdesk.services.reporting import output_path, record_full_export, write

    path = Path(output)
    fmt = path.suffix.lower().lstrip(".") or "pdf"
    path = output_path(path, fmt)
    if report.confidential:
        record_full_export(store, actor or settings.actor(store),
                           f"{report.title} → {path.name}（完整个人信息）")  # fmt: skip
    with atomic_path(path) as temporary:
        write(report, fmt, temporary)
    return path
