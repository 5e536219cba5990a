"""Item fields as the printed tables show them."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from rectdesk.domain.deadlines import format_cn_date
from rectdesk.domain.lights import LightRules, Signal, signal_for
from rectdesk.domain.model import Item, Status
from rectdesk.domain.privacy import OutputMode

#: Fields a column may show, with the header the official tables use for them.
FIELD_HEADERS: dict[str, str] = {
    "seq": "序号",
    "number": "意见建议编号",
    "category": "主题",
    "origin": "意见来源",
    "content": "整改内容",
    "departments": "整改部门",
    "lead_department": "牵头单位",
    "lead": "责任领导",
    "owner": "责任人",
    "measures": "整改措施",
    "outcomes": "整改可检验成果",
    "deadline": "整改时限",
    "progress": "整改进展",
    "status": "完成情况",
    "closed": "是否销号",
    "closed_on": "销号日期",
    "remarks": "备注",
    "light": "预警",
    "status_reason": "状态说明",
    "result_class": "办理结果类别",
    "satisfaction": "满意度",
    "progress_on": "进展日期",
}

#: Fields that are short codes or dates, centred in their cells.
CENTRED_FIELDS = frozenset(
    {"seq", "number", "deadline", "status", "closed", "closed_on", "light", "progress_on",
     "result_class", "satisfaction"}
)  # fmt: skip


@dataclass(frozen=True)
class FieldContext:
    """What a field value depends on besides the item."""

    today: dt.date
    rules: LightRules
    mode: OutputMode


def signal(item: Item, ctx: FieldContext) -> Signal:
    """The item's warning light today."""
    return signal_for(
        item.status,
        item.deadline,
        today=ctx.today,
        rules=ctx.rules,
        last_progress=item.progress_on,
    )


def cn_date(day: dt.date | None) -> str:
    """A date written in full, 2023年11月30日; empty for none."""
    return format_cn_date(day) if day else ""


#: A date in figures (2023-11-30, 2023.11.30, 2023/11/30, an Excel cell's 2023-11-30 00:00:00).
_FIGURE_DATE = re.compile(
    r"(?<![0-9])([12][0-9]{3})\s*[-./／．]\s*([01]?[0-9])\s*[-./／．]\s*([0-3]?[0-9])(?![0-9])"
    r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
)


def office_dates(text: str) -> str:
    """Dates in figures written the office's way (2023年11月30日); other text unchanged."""
    if not text or not any(ch.isdigit() for ch in text):
        return text

    def written(match: re.Match[str]) -> str:
        year, month, day = (int(g) for g in match.groups())
        try:
            return cn_date(dt.date(year, month, day))
        except ValueError:
            return match.group(0)

    return _FIGURE_DATE.sub(written, text)


def _deadline(item: Item, ctx: FieldContext) -> str:
    if item.deadline.text.strip():
        return office_dates(item.deadline.text.strip())
    return cn_date(item.deadline.date)


_GETTERS: dict[str, Callable[[Item, FieldContext], str]] = {
    "seq": lambda i, c: i.seq,
    "number": lambda i, c: i.number or "",
    "category": lambda i, c: i.category,
    "origin": lambda i, c: i.origin,
    "content": lambda i, c: i.content,
    "departments": lambda i, c: "、".join(i.department_names),
    "lead_department": lambda i, c: i.lead_department,
    "lead": lambda i, c: i.lead,
    "owner": lambda i, c: i.owner,
    "measures": lambda i, c: i.measures,
    "outcomes": lambda i, c: i.outcomes,
    "deadline": _deadline,
    "progress": lambda i, c: i.progress,
    "status": lambda i, c: i.status.label,
    "closed": lambda i, c: "是" if i.status is Status.CLOSED else "否",
    "closed_on": lambda i, c: cn_date(i.closed_on),
    "remarks": lambda i, c: i.remarks,
    "light": lambda i, c: signal(i, c).label,
    "status_reason": lambda i, c: i.status_reason,
    "result_class": lambda i, c: i.result_class,
    "satisfaction": lambda i, c: i.satisfaction,
    "progress_on": lambda i, c: cn_date(i.progress_on),
}


def field_value(item: Item, key: str, ctx: FieldContext) -> str:
    """One field as printed (masked once, on the whole report: reports.masking)."""
    getter = _GETTERS.get(key)
    if getter is None:
        return office_dates(item.extra.get(key, ""))
    return getter(item, ctx)


def known_field(key: str) -> bool:
    """Whether a column key names a canonical field (others read the item's extra fields)."""
    return key in _GETTERS
