"""督办通知 and 预警提醒函 to the responsible units, and the 督办登记簿 that records them.

One letter per unit: the items it leads (or assists) from the overdue or due-soon list, or
from any selection, each with its 时限 and days overdue; a reply date counted in working days
from the day of issue; the year's next number (〔2026〕3号). Letters are masked like every
output unless the clerk chooses the full form, which the audit log records.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rectdesk.domain.deadlines import format_cn_date
from rectdesk.domain.errors import QT_TRANSLATE_NOOP, UserError
from rectdesk.domain.ledger import LedgerStore
from rectdesk.domain.model import OPEN_STATUSES, Item
from rectdesk.domain.privacy import OutputMode, mask_data
from rectdesk.domain.query import ItemQuery
from rectdesk.domain.supervision import (
    REPLY_RESULTS,
    Letter,
    LetterItem,
    LetterKind,
    days_overdue,
    overdue_text,
    parse_letter_number,
)
from rectdesk.domain.workdays import Period, PeriodUnit, count
from rectdesk.fileio import atomic_path
from rectdesk.reports.layout import Align, Column, Report, Row, Table
from rectdesk.reports.letter import LetterDoc, mask_letter, write_letter_docx, write_letter_pdf
from rectdesk.reports.masking import mask_report
from rectdesk.services import settings, workcalendar
from rectdesk.store.letters import LetterBook

#: Settings of the letters (kept in the store beside the others).
HEAD_KEY = "letter_head"
PREFIX_KEY = "letter_prefix"
REPLY_DAYS_KEY = "letter_reply_workdays"
DEFAULT_REPLY_DAYS = 5
FORMATS = ("pdf", "docx")
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


@dataclass(frozen=True)
class LetterSettings:
    """The office's letterhead, its 机关代字 and the working days a unit has to reply."""

    head: str
    prefix: str
    reply_days: int
    unit: str
    clerk: str
    phone: str


def letter_settings(store: LedgerStore) -> LetterSettings:
    unit = str(settings.get(store, "unit_name"))
    try:
        days = int(store.setting(REPLY_DAYS_KEY, DEFAULT_REPLY_DAYS))
    except (TypeError, ValueError):
        days = DEFAULT_REPLY_DAYS
    return LetterSettings(
        head=str(store.setting(HEAD_KEY, "") or unit),
        prefix=str(store.setting(PREFIX_KEY, "") or ""),
        reply_days=max(1, days),
        unit=unit,
        clerk=str(settings.get(store, "clerk_name")),
        phone=str(settings.get(store, "clerk_phone")),
    )


def save_letter_settings(store: LedgerStore, *, head: str, prefix: str, reply_days: int) -> None:
    """Keep the letterhead, the 机关代字 and the reply period."""
    if reply_days < 1 or reply_days > 60:
        raise UserError(QT_TRANSLATE_NOOP("Errors", "答复期限请填1到60个工作日。"))
    if len(prefix) > 20 or any(ch in prefix for ch in "〔〕[]"):
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors", "机关代字请只写代字本身，如“县卫健督”，年份和序号会自动加上。"
            )
        )
    store.set_setting(HEAD_KEY, head.strip())
    store.set_setting(PREFIX_KEY, prefix.strip())
    store.set_setting(REPLY_DAYS_KEY, int(reply_days))


def default_reply_due(store: LedgerStore, issued_on: dt.date) -> dt.date:
    """The reply date: the set number of working days after the day of issue."""
    days = letter_settings(store).reply_days
    return count(Period(days, PeriodUnit.WORKDAYS, "印发"), issued_on,
                 workcalendar.table(store)).date  # fmt: skip


# -- choosing the items ------------------------------------------------------------------------


def overdue_items(store: LedgerStore, today: dt.date) -> list[Item]:
    """Open items past their deadline (the overdue list)."""
    return store.items(ItemQuery(today=today, rules=settings.light_rules(store), overdue=True,
                                 sort="deadline"))  # fmt: skip


def due_items(store: LedgerStore, today: dt.date) -> list[Item]:
    """Open items overdue or due within the warning days (the overdue and due-soon lists)."""
    rules = settings.light_rules(store)
    found = {i.id: i for i in overdue_items(store, today)}
    soon = store.items(ItemQuery(today=today, rules=rules, due_within=rules.warn_days,
                                 sort="deadline"))  # fmt: skip
    found.update({i.id: i for i in soon if i.id not in found})
    return list(found.values())


def by_unit(items: Sequence[Item], unit: str | None = None) -> dict[str, list[Item]]:
    """Items per unit: each item to its lead unit, or, with ``unit``, every item naming it."""
    grouped: dict[str, list[Item]] = {}
    for item in items:
        if unit is not None:
            if unit in item.department_names:
                grouped.setdefault(unit, []).append(item)
        elif item.lead_department:
            grouped.setdefault(item.lead_department, []).append(item)
    return grouped


def _letter_item(item: Item, today: dt.date) -> LetterItem:
    label = item.number or item.seq or f"#{item.id}"
    return LetterItem(
        item_id=item.id, label=label, content=" ".join(item.content.split()),
        deadline_text=item.deadline.text or (
            format_cn_date(item.deadline.date) if item.deadline.date else ""),
        deadline=item.deadline.date, days_overdue=days_overdue(item.deadline.date, today),
    )  # fmt: skip


# -- issuing -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Issued:
    """A registered letter and the file it was written to."""

    letter: Letter
    path: Path


def issue(
    store: LedgerStore,
    items: Sequence[Item],
    *,
    today: dt.date,
    output_dir: Path,
    fmt: str = "pdf",
    unit: str | None = None,
    reply_due: dt.date | None = None,
    kind: LetterKind | None = None,
    mode: OutputMode = OutputMode.MASKED,
    actor: str = "",
) -> list[Issued]:
    """Register and write one letter per unit for the given items."""
    fmt = fmt.lower().lstrip(".")
    if fmt not in FORMATS:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "督办函只能生成 pdf 或 docx，不支持“{fmt}”。"),
            fmt=fmt,
        )
    open_items = [i for i in items if i.status in OPEN_STATUSES]
    if not open_items:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "选中的事项都已办结（或不予整改），没有需要督办的事项。")
        )
    grouped = by_unit(open_items, unit)
    if not grouped:
        if unit is not None:
            raise UserError(
                QT_TRANSLATE_NOOP("Errors", "没有由“{unit}”牵头或配合的未办结事项，未生成督办函。"),
                unit=unit,
            )
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors", "这些事项都没有填写责任单位，无法确定发给谁；请先填写责任单位。"
            )
        )
    due = reply_due or default_reply_due(store, today)
    if due < today:
        raise UserError(QT_TRANSLATE_NOOP("Errors", "答复期限早于发函日期，请重新填写。"))
    output_dir = Path(output_dir)
    try:
        output_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "无法创建文件夹“{folder}”，请换一个位置。"),
            str(exc),
            folder=str(output_dir),
        ) from exc
    options = letter_settings(store)
    book = LetterBook(store)
    if mode is OutputMode.FULL:
        from rectdesk.services.reporting import record_full_export

        record_full_export(store, actor, f"督办函 → {output_dir.name}（完整个人信息）")
    issued = []
    for name, members in grouped.items():
        entries = [_letter_item(i, today) for i in members]
        chosen = kind or (
            LetterKind.SUPERVISE if any((e.days_overdue or 0) > 0 for e in entries)
            else LetterKind.WARN
        )  # fmt: skip
        # The file is written before the letter is registered, under a number held by the
        # same transaction: a letter that failed to print never takes a number.
        with store.transaction():
            seq = book.next_seq(today.year)
            letter = Letter(0, today.year, seq, options.prefix, chosen, name, today, due, entries)
            doc = compose(letter, options)
            if mode.masks:
                doc = mask_letter(doc)
            path = output_dir / _file_name(letter, fmt)
            write_letter(doc, fmt, path)
            try:
                saved = book.add(
                    kind=chosen, unit=name, issued_on=today, reply_due=due,
                    prefix=options.prefix, items=entries, seq=seq, actor=actor,
                )  # fmt: skip
            except BaseException:
                path.unlink(missing_ok=True)
                raise
        issued.append(Issued(saved, path))
    return issued


def write_letter(doc: LetterDoc, fmt: str, path: Path) -> None:
    """Write a letter whole or not at all."""
    with atomic_path(path) as temporary:
        if fmt == "pdf":
            write_letter_pdf(doc, temporary)
        else:
            write_letter_docx(doc, temporary)


def _file_name(letter: Letter, fmt: str) -> str:
    name = f"{letter.number}{letter.kind.label}（{letter.unit}）"
    return _UNSAFE.sub("_", name)[:120] + "." + fmt


def compose(letter: Letter, options: LetterSettings) -> LetterDoc:
    """The letter's text: 主送 unit, the items with their 时限 and days overdue, reply date."""
    n = len(letter.items)
    late = sum(1 for i in letter.items if (i.days_overdue or 0) > 0)
    as_of = format_cn_date(letter.issued_on)
    office = options.unit or options.head or "我单位"
    due = format_cn_date(letter.reply_due) if letter.reply_due else "收到本函后5个工作日内"
    if letter.kind is LetterKind.SUPERVISE:
        title = "关于对逾期未完成整改事项进行督办的通知"
        opening = (
            f"根据整改工作台账，截至{as_of}，你单位负责的下列{n}项整改事项尚未完成，"
            f"其中{late}项已超过整改时限。现予督办，请高度重视，压实责任，采取有力措施加快整改，"
            f"并于{due}前将整改进展情况、下一步措施和佐证材料书面报送{office}。"
        )
        closing = "逾期未报送或整改不力的，将按有关规定予以通报。"
    else:
        title = "关于整改事项即将到期的预警提醒函"
        opening = (
            f"根据整改工作台账，截至{as_of}，你单位负责的下列{n}项整改事项即将到达整改时限。"
            f"请对照整改措施抓紧推进，确保按期完成，并于{due}前将整改进展情况和佐证材料报送{office}。"
        )
        closing = "确有困难不能按期完成的，请书面说明原因和预计完成时间。"
    table = Table(
        columns=[
            Column("seq", "序号", 0.6, Align.CENTER),
            Column("number", "编号", 2.3, Align.CENTER),
            Column("content", "整改事项", 4.0, Align.LEFT),
            Column("deadline", "整改时限", 1.6, Align.CENTER),
            Column("overdue", "逾期情况", 1.3, Align.CENTER),
        ],
        font_size=10.5,
        header_size=10.5,
        rows=[
            Row((str(k), i.label, i.content, i.deadline_text or "—", overdue_text(i.days_overdue)))
            for k, i in enumerate(letter.items, start=1)
        ],
    )
    contact = ""
    if options.clerk or options.phone:
        parts = [f"联系人：{options.clerk}" if options.clerk else "",
                 f"联系电话：{options.phone}" if options.phone else ""]  # fmt: skip
        contact = "（" + "，".join(p for p in parts if p) + "）"
    return LetterDoc(
        head=options.head or "（发文机关）",
        number=letter.number,
        title=title,
        addressee=f"{letter.unit}：",
        paragraphs=[opening],
        table=table,
        after=[closing],
        signature=office,
        date=letter.issued_on,
        contact=contact,
        name=letter.kind.value,
    )


def render(store: LedgerStore, letter: Letter, fmt: str, path: Path,
           mode: OutputMode = OutputMode.MASKED) -> Path:  # fmt: skip
    """Print a registered letter again (e.g. a lost copy), as it was numbered."""
    doc = compose(letter, letter_settings(store))
    write_letter(mask_letter(doc) if mode.masks else doc, fmt, path)
    return path


# -- the register ------------------------------------------------------------------------------


def find(store: LedgerStore, number: str) -> Letter:
    """A letter by its number as printed (〔2026〕3号) or typed (2026-3)."""
    year, seq = parse_letter_number(number)
    found = LetterBook(store).find(year, seq)
    if found is None:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors", "登记簿中没有{year}年第{seq}号督办函，请用“letters list”查看已有文号。"
            ),
            year=year,
            seq=seq,
        )
    return found


def reply(
    store: LedgerStore,
    number: str,
    *,
    on: dt.date,
    summary: str = "",
    result: str = "",
    file: Path | None = None,
    actor: str = "",
) -> Letter:
    """Record a unit's reply to a letter, with the reply file kept beside the store."""
    letter = find(store, number)
    if on < letter.issued_on:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "答复日期{replied}早于发函日期{issued}，请核对。"),
            replied=on.isoformat(),
            issued=letter.issued_on.isoformat(),
        )
    stored = name = digest = ""
    if file is not None:
        stored, name, digest = _keep_file(store, letter, Path(file))
    return LetterBook(store).record_reply(
        letter.id, on=on, summary=summary.strip(), result=result.strip() or REPLY_RESULTS[0],
        stored_file=stored, file_name=name, sha256=digest, actor=actor,
    )  # fmt: skip


def _keep_file(store: LedgerStore, letter: Letter, source: Path) -> tuple[str, str, str]:
    if not source.is_file():
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "找不到答复文件“{path}”，请重新选择。"),
            path=str(source),
        )
    digest = hashlib.sha256()
    with source.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    sha = digest.hexdigest()
    folder = store.files_dir / "letters" / f"{letter.year}-{letter.seq}"
    target = folder / f"{sha[:12]}-{_UNSAFE.sub('_', source.name)}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")
        shutil.copyfile(source, partial)
        os.replace(partial, target)
    except OSError as exc:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "无法保存答复文件“{name}”，请检查磁盘空间和文件权限。"),
            str(exc),
            name=source.name,
        ) from exc
    return target.relative_to(store.files_dir).as_posix(), source.name, sha


def letter_dict(letter: Letter, today: dt.date) -> dict[str, Any]:
    """A register row as the command line prints it (JSON)."""
    return {
        "number": letter.number,
        "kind": letter.kind.label,
        "date": letter.issued_on.isoformat(),
        "unit": letter.unit,
        "items": [i.label for i in letter.items],
        "reply_due": letter.reply_due.isoformat() if letter.reply_due else None,
        "reply_date": letter.reply_on.isoformat() if letter.reply_on else None,
        "result": letter.result,
        "state": letter.reply_state(today),
        "reply_summary": letter.reply_summary,
        "reply_file": letter.reply_file_name,
    }


def register_rows(
    store: LedgerStore, today: dt.date, *, year: int | None = None,
    mode: OutputMode = OutputMode.MASKED,
) -> list[dict[str, Any]]:  # fmt: skip
    """The register as JSON rows, masked unless ``mode`` is full."""
    data = [letter_dict(x, today) for x in LetterBook(store).letters(year=year)]
    result: list[dict[str, Any]] = mask_data(data, mode)
    return result


def register_report(
    store: LedgerStore, today: dt.date, *, year: int | None = None,
    mode: OutputMode = OutputMode.MASKED,
) -> Report:  # fmt: skip
    """督办登记簿 as a printable landscape table."""
    from rectdesk.reports.layout import Paragraph, ParagraphStyle

    letters = LetterBook(store).letters(year=year)
    title = f"{year}年督办登记簿" if year else "督办登记簿"
    table = Table(
        columns=[
            Column("seq", "序号", 0.5, Align.CENTER),
            Column("number", "文号", 1.5, Align.CENTER),
            Column("kind", "类别", 0.7, Align.CENTER),
            Column("date", "发函日期", 1.1, Align.CENTER),
            Column("unit", "主送单位", 1.4, Align.LEFT),
            Column("items", "督办事项", 5.0, Align.LEFT),
            Column("due", "答复期限", 1.1, Align.CENTER),
            Column("reply", "答复日期", 1.1, Align.CENTER),
            Column("summary", "答复情况", 2.0, Align.LEFT),
            Column("result", "办理结果", 1.1, Align.CENTER),
        ],
        font_size=10.5,
        header_size=10.5,
    )
    for k, letter in enumerate(letters, start=1):
        items = "\n".join(f"{i.label} {_short(i.content)}（{overdue_text(i.days_overdue)}）"
                         for i in letter.items)  # fmt: skip
        state = letter.reply_state(today)
        table.rows.append(Row((
            str(k), letter.number, letter.kind.short, format_cn_date(letter.issued_on),
            letter.unit, items, format_cn_date(letter.reply_due) if letter.reply_due else "—",
            format_cn_date(letter.reply_on) if letter.reply_on else state,
            letter.reply_summary + (f"（附：{letter.reply_file_name}）"
                                    if letter.reply_file_name else ""),
            letter.result or ("—" if letter.reply_on is None else ""),
        )))  # fmt: skip
    unit = str(settings.get(store, "unit_name"))
    report = Report(
        "letter_register", title,
        [Paragraph(title, ParagraphStyle.TITLE), table,
         Paragraph(f"填报单位（盖章）：{unit}　　截至：{format_cn_date(today)}",
                   ParagraphStyle.SIGNOFF)],
        landscape=True,
    )  # fmt: skip
    return mask_report(report) if mode.masks else report


def _short(text: str, width: int = 24) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def all_letters(store: LedgerStore) -> list[Letter]:
    """Every letter in the register, as the register lists them."""
    return LetterBook(store).letters()


def overdue_replies(store: LedgerStore, today: dt.date) -> list[Letter]:
    """Letters whose reply date has passed without a reply (for the dashboard)."""
    return LetterBook(store).unanswered_overdue(today)


def item_letters(store: LedgerStore, item_id: int) -> list[Letter]:
    """The letters that named an item, oldest first (its history)."""
    return LetterBook(store).letters(item_id=item_id)


__all__ = [
    "FORMATS",
    "Issued",
    "LetterSettings",
    "by_unit",
    "compose",
    "default_reply_due",
    "due_items",
    "find",
    "issue",
    "item_letters",
    "letter_dict",
    "letter_settings",
    "overdue_items",
    "overdue_replies",
    "register_report",
    "register_rows",
    "render",
    "reply",
    "save_letter_settings",
]
