"""The sentence that refuses an edit made against items someone else changed meanwhile.

Each item carries a version that grows with every stored change; the audit log records which
version each change made, by whom, from which machine and when. An edit, a bulk edit or an
undo brings the versions the clerk saw; when one no longer matches, the changes recorded
since then say who changed what and when, and nothing of the edit is written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from rectdesk.domain.errors import QT_TRANSLATE_NOOP, ConflictError, Label, Listing, Message
from rectdesk.domain.model import FIELD_LABELS, LEDGER_KIND_LABELS, AuditEntry

#: Audit field names that are not item fields, as the clerk knows them.
_OTHER_FIELDS: dict[str, str] = {
    "attachment": "佐证材料",
    "attachments": "佐证材料",
    "ledger": "台账",
    "item_extra": "其他列",
    "extra": "其他列",
    "progress_on": "整改进展",
    "item": "事项",
}
#: At most this many changed fields are named.
_SHOWN_FIELDS = 3


@dataclass(frozen=True)
class Stale:
    """One item whose stored version is not the one the clerk saw."""

    item_id: int
    #: How the clerk knows the item (its number, else the start of its content).
    title: str
    #: Changes recorded since the version seen, oldest first (may be empty).
    changes: Sequence[AuditEntry]
    #: Whether the item is gone.
    deleted: bool = False
    #: When the item was last changed, as stored (used when no change was recorded).
    updated_at: str = ""


def item_title(number: str | None, content: str) -> str:
    """An item as named in a sentence: its number, else the start of its content."""
    if number:
        return number
    flat = " ".join(content.split())
    return flat if len(flat) <= 14 else flat[:13] + "…"


def field_name(field: str) -> str:
    """The clerk's name of a field recorded in the audit log."""
    for kind, label in LEDGER_KIND_LABELS.items():
        if kind.value == field:
            return label
    return FIELD_LABELS.get(field) or _OTHER_FIELDS.get(field) or field


def when_text(at: str, today: dt.date | None = None) -> str:
    """A stored time as a clerk says it: 10:42 today, else 2026-12-03 10:42."""
    try:
        moment = dt.datetime.fromisoformat(at)
    except ValueError:
        return at
    if moment.date() == (today or dt.date.today()):
        return moment.strftime("%H:%M")
    return moment.strftime("%Y-%m-%d %H:%M")


def who_text(entry: AuditEntry) -> str | Message:
    """Who made a change: the clerk's name (填报人), else the computer account."""
    if entry.actor.strip():
        return entry.actor.strip()
    if entry.os_user.strip():
        return entry.os_user.strip()
    return Message(QT_TRANSLATE_NOOP("Errors", "另一位用户"))


def conflict_error(stale: Sequence[Stale], detail: str = "") -> ConflictError:
    """One sentence about the first stale item (and how many more there are)."""
    first = stale[0]
    values: dict[str, object] = {
        "name": first.title,
        "item_ids": tuple(s.item_id for s in stale),
    }
    if len(stale) > 1:
        values["others"] = len(stale) - 1
    last = first.changes[-1] if first.changes else None
    if last is not None:
        values["who"] = who_text(last)
        values["when"] = when_text(last.at)
    if first.deleted:
        if last is None:
            template = (
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "事项“{name}”已被别人删除，另有 {others} 条事项也已被别人改过，"
                    "您的修改没有保存；请重新载入后再改。",
                )
                if len(stale) > 1
                else QT_TRANSLATE_NOOP(
                    "Errors", "事项“{name}”已被别人删除，您的修改没有保存；请重新载入后再改。"
                )
            )
        else:
            template = (
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "事项“{name}”已由 {who} 于 {when} 删除，另有 {others} 条事项也已被别人改过，"
                    "您的修改没有保存；请重新载入后再改。",
                )
                if len(stale) > 1
                else QT_TRANSLATE_NOOP(
                    "Errors",
                    "事项“{name}”已由 {who} 于 {when} 删除，您的修改没有保存；请重新载入后再改。",
                )
            )
        return ConflictError(template, detail, **values)
    if last is None:
        values["when"] = when_text(first.updated_at)
        template = (
            QT_TRANSLATE_NOOP(
                "Errors",
                "事项“{name}”已在 {when} 被别人改过，另有 {others} 条事项也已被别人改过，"
                "您的修改没有保存；请重新载入后再改。",
            )
            if len(stale) > 1
            else QT_TRANSLATE_NOOP(
                "Errors",
                "事项“{name}”已在 {when} 被别人改过，您的修改没有保存；请重新载入后再改。",
            )
        )
        return ConflictError(template, detail, **values)
    fields = list(dict.fromkeys(field_name(c.field) for c in first.changes if c.field))
    values["fields"] = Listing(Label(f) for f in fields[:_SHOWN_FIELDS])
    template = (
        QT_TRANSLATE_NOOP(
            "Errors",
            "事项“{name}”的“{fields}”已由 {who} 于 {when} 改过，另有 {others} 条事项也已被别人"
            "改过，您的修改没有保存；请重新载入后再改。",
        )
        if len(stale) > 1
        else QT_TRANSLATE_NOOP(
            "Errors",
            "事项“{name}”的“{fields}”已由 {who} 于 {when} 改过，您的修改没有保存；"
            "请重新载入后再改。",
        )
    )
    return ConflictError(template, detail, **values)
