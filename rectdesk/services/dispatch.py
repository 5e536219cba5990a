"""下发: one workbook per responsible unit for a round, and the covering notice in Word.

The workbooks leave the office, so they show what a unit needs to answer and no more: the
item's text and deadline as written, the measures and progress so far, and 意见来源 with
every phone and ID number masked (the one masking function, domain/privacy.py). A full
sending (numbers kept) must be chosen and is written to the audit log.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rectdesk.domain.errors import QT_TRANSLATE_NOOP, UserError, localized
from rectdesk.domain.ledger import LedgerStore
from rectdesk.domain.model import Item, Role, Status
from rectdesk.domain.privacy import OutputMode, apply_mode
from rectdesk.domain.query import ItemQuery
from rectdesk.domain.rounds import (
    EXTRA_KEYS,
    ROLE_LABELS,
    Column,
    FileMark,
    RowMark,
    digest,
    file_token,
    row_token,
    status_choice,
)
from rectdesk.fileio import atomic_path
from rectdesk.reports.dispatch_book import DispatchBook, write_dispatch_book
from rectdesk.reports.round_documents import NoticeItem, NoticeUnit, RoundFacts, notice_report
from rectdesk.services import settings
from rectdesk.services.audit import note_full_export
from rectdesk.store.rounds import RoundBook

log = logging.getLogger(__name__)

#: Items a batch's round leaves out: nothing is left to report on them.
NOT_SENT = frozenset({Status.CLOSED, Status.DECLINED})
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


@dataclass(frozen=True)
class SentFile:
    """One unit's workbook."""

    unit: str
    path: Path
    items: int
    lead: int
    assist: int


@dataclass(frozen=True)
class DispatchResult:
    """What a sending made."""

    batch_id: int
    round_number: int
    cut_off: dt.date | None
    files: list[SentFile]
    notice: Path | None
    without_unit: int
    mode: OutputMode
    resent: bool = False
    warnings: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "batch_id": self.batch_id,
            "round": self.round_number,
            "cut_off": self.cut_off.isoformat() if self.cut_off else None,
            "files": [{"unit": f.unit, "path": str(f.path), "items": f.items} for f in self.files],
            "notice": str(self.notice) if self.notice else None,
            "without_unit": self.without_unit,
            "mode": self.mode.value,
            "warnings": self.warnings,
        }


def file_name(round_number: int, unit: str) -> str:
    """The workbook's name: the round and the unit, safe on every file system."""
    safe = _UNSAFE.sub("_", unit).strip(" .") or "未命名单位"
    return f"第{round_number}轮整改进展报送表-{safe[:60]}.xlsx"


def _items(store: LedgerStore, batch_id: int, item_ids: Sequence[int] | None) -> list[Item]:
    if item_ids is None:
        found = store.items(ItemQuery(batch_id=batch_id, sort="source"))
        return [i for i in found if i.status not in NOT_SENT]
    found = store.items_by_ids(list(dict.fromkeys(item_ids)))
    others = [i for i in found if i.batch_id != batch_id]
    if others:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors", "选中的事项不都属于这个批次，请在同一个批次中选择后再下发。"
            )
        )
    return found


def _units(items: list[Item]) -> dict[str, list[tuple[Item, Role]]]:
    """Each unit's items, its lead ones first, each in the batch's order."""
    found: dict[str, list[tuple[Item, Role]]] = {}
    for item in items:
        lead = item.lead_department
        for name in item.department_names:
            found.setdefault(name, []).append((item, Role.LEAD if name == lead else Role.ASSIST))
    for pairs in found.values():
        pairs.sort(key=lambda pair: (pair[1] is not Role.LEAD, pair[0].position))
    return dict(sorted(found.items()))


def _row(item: Item, role: Role, seq: int, mode: OutputMode) -> dict[Column, str]:
    """What the sheet shows for one item; the unit's own columns hold the ledger's values."""
    lead = role is Role.LEAD
    origin = "" if mode.drops_origin else item.origin
    values = {
        Column.SEQ: str(seq),
        Column.NUMBER: item.number or "",
        Column.CONTENT: item.content,
        Column.ORIGIN: origin,
        Column.ROLE: ROLE_LABELS[role],
        Column.DEADLINE: item.deadline.text,
        Column.MEASURES: item.measures,
        Column.PROGRESS: item.progress if lead else "",
        Column.STATUS: status_choice(item.status) if lead else "",
        Column.COMPLETED_ON: item.extra.get(EXTRA_KEYS[Column.COMPLETED_ON], "") if lead else "",
        Column.EVIDENCE: item.extra.get(EXTRA_KEYS[Column.EVIDENCE], "") if lead else "",
        Column.CONTACT: "",
        Column.PHONE: "",
    }
    return {key: apply_mode(text, mode) for key, text in values.items()}


def dispatch(
    store: LedgerStore,
    batch_id: int,
    output_dir: Path | str,
    *,
    round_number: int | None = None,
    cut_off: dt.date | None = None,
    item_ids: Sequence[int] | None = None,
    mode: OutputMode = OutputMode.MASKED,
    notice: bool = True,
    actor: str = "",
    today: dt.date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> DispatchResult:
    """Write one workbook per unit (and the notice) and record what each unit was sent.

    All of it or none: the round's records are written in one transaction, and a failure
    removes the files already written.
    """
    day = today or dt.date.today()
    batch = store.batch(batch_id)
    book = RoundBook(store)
    upcoming = book.next_number(batch_id)
    number = round_number or upcoming
    if number < 1 or number > upcoming:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "轮次应在 1 到 {upcoming} 之间：第{upcoming}轮是下一轮，之前的轮次可以重新下发。",
            ),
            upcoming=upcoming,
        )
    existing = book.round(batch_id, number)
    if cut_off is None and existing is not None:
        cut_off = existing.cut_off
    items = _items(store, batch_id, item_ids)
    without = [i for i in items if not i.departments]
    units = _units([i for i in items if i.departments])
    if not items:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors", "没有需要报送的事项（已销号和不予整改的事项不下发），无法下发。"
            )
        )
    if not units:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors", "这些事项都还没有责任单位，无法下发；请先给事项填写责任单位。"
            )
        )
    warnings: list[str] = []
    if without:
        warnings.append(
            localized(
                QT_TRANSLATE_NOOP(
                    "Errors", "{count}条事项没有责任单位，未下发；请填写责任单位后再下发。"
                ),
                count=len(without),
            )
        )
    if cut_off is not None and cut_off < day:
        warnings.append(
            localized(
                QT_TRANSLATE_NOOP("Errors", "报送截止日期{day}已经过去，请确认是否填错。"),
                day=cut_off.isoformat(),
            )
        )
    folder = Path(output_dir)
    facts = RoundFacts(
        batch_name=batch.name, round_number=number, cut_off=cut_off,
        office=str(settings.get(store, "unit_name")), clerk=str(settings.get(store, "clerk_name")),
        phone=str(settings.get(store, "clerk_phone")), today=day,
    )  # fmt: skip
    written: list[Path] = []
    files: list[SentFile] = []
    notice_path: Path | None = None
    try:
        with store.transaction():
            secret = book.secret()
            round_id = book.open_round(batch_id, number, cut_off)
            names: set[str] = set()
            for done, (unit, pairs) in enumerate(units.items()):
                if progress is not None:
                    progress(done, len(units))
                unit_id = book.unit_id(round_id, unit)
                name = file_name(number, unit)
                if name in names:
                    name = name[:-5] + f"-{unit_id}.xlsx"
                names.add(name)
                path = folder / name
                rows, sent = [], []
                for seq, (item, role) in enumerate(pairs, start=1):
                    values = _row(item, role, seq, mode)
                    mark = RowMark(batch_id, number, item.id, unit_id, role)
                    values[Column.TOKEN] = row_token(secret, mark)
                    rows.append(values)
                    fingerprints = {
                        key.value: digest(text)
                        for key, text in values.items()
                        if key not in (Column.SEQ, Column.TOKEN)
                    }
                    sent.append((item.id, role, fingerprints))
                sheet = DispatchBook(
                    batch_name=batch.name, unit=unit, round_number=number, cut_off=cut_off,
                    office=facts.office, clerk=facts.clerk, phone=facts.phone,
                    file_mark=file_token(secret, FileMark(batch_id, number, unit_id)), rows=rows,
                )  # fmt: skip
                with atomic_path(path) as temporary:
                    write_dispatch_book(sheet, temporary)
                written.append(path)
                book.record_sent(unit_id, name, sent)
                files.append(SentFile(unit, path, len(rows), sheet.lead_count, sheet.assist_count))
            if notice:
                notice_path = folder / f"第{number}轮整改进展报送通知.docx"
                _write_notice(notice_path, facts, files, units, mode)
                written.append(notice_path)
            what = f"批次 {batch_id} 第{number}轮 下发 {len(files)} 个单位"
            if mode is OutputMode.FULL:
                note_full_export(store, actor, "dispatch", f"{what}（完整个人信息）")
            else:
                store.audit(actor, None, "dispatch", "round", "", what)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    log.info("dispatched round %s of batch %s to %d units", number, batch_id, len(files))
    return DispatchResult(
        batch_id, number, cut_off, files, notice_path, len(without), mode,
        resent=existing is not None, warnings=warnings,
    )  # fmt: skip


def _write_notice(
    path: Path,
    facts: RoundFacts,
    files: list[SentFile],
    units: dict[str, list[tuple[Item, Role]]],
    mode: OutputMode,
) -> None:
    from rectdesk.reports.docx import write_docx

    listed: dict[int, Item] = {}
    for pairs in units.values():
        for item, _role in pairs:
            listed.setdefault(item.id, item)
    rows = [
        NoticeItem(
            number=item.number or "",
            content=apply_mode(item.content, mode),
            lead=item.lead_department,
            assisting="、".join(item.department_names[1:]),
            deadline=item.deadline.text,
        )
        for item in sorted(listed.values(), key=lambda i: i.position)
    ]
    # The items' texts are masked (above); the office's own contact line is printed as it is,
    # for the units to call back.
    report = notice_report(
        facts, [NoticeUnit(f.unit, f.lead, f.assist, f.path.name) for f in files], rows
    )
    with atomic_path(path) as temporary:
        write_docx(report, temporary)
