"""The 整改情况报告 in seed 003's idiom: statistics, then `（一）` per category, then signature."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rectdesk.domain.model import Item, Status
from rectdesk.reports.fields import cn_date, field_value
from rectdesk.reports.grouping import cn_number, groups
from rectdesk.reports.layout import Block, Paragraph, ParagraphStyle

if TYPE_CHECKING:
    from rectdesk.reports.build import ReportScope

_FINISHED = (Status.COMPLETED, Status.CLOSED)
_TRAILING = "。；;，,.！!？? \n"


def completion_rate(items: Sequence[Item]) -> str:
    """Finished items among those to be rectified (不予整改 excluded), e.g. 85.7%."""
    counted = [i for i in items if i.status is not Status.DECLINED]
    if not counted:
        return "0%"
    done = sum(1 for i in counted if i.status in _FINISHED)
    return f"{done * 100 / len(counted):.1f}%".replace(".0%", "%")


def _statistics(items: Sequence[Item], scope: ReportScope) -> str:
    counts = Counter(i.status for i in items)
    done = counts[Status.COMPLETED] + counts[Status.CLOSED]
    subject = scope.batch_name or "本次整改"
    parts = [
        f"{subject}共涉及问题（意见建议）{len(items)}个。截至{cn_date(scope.today)}，"
        f"已完成整改{done}个（其中已销号{counts[Status.CLOSED]}个）"
    ]
    for status in (Status.IN_PROGRESS, Status.PENDING, Status.ONGOING, Status.DECLINED):
        if counts[status]:
            parts.append(f"{status.label}{counts[status]}个")
    return "，".join(parts) + f"，整改完成率{completion_rate(items)}。"


def _by_category(groups: list[tuple[str, list[Item]]]) -> str:
    parts = []
    for name, members in groups:
        done = sum(1 for i in members if i.status in _FINISHED)
        parts.append(f"{name or '未分类'}{len(members)}个，已完成{done}个")
    return "按类别分：" + "；".join(parts) + "。"


def _progress(item: Item, scope: ReportScope) -> str:
    ctx = scope.field_context()
    for key in ("progress", "measures", "status_reason"):
        text = field_value(item, key, ctx).strip()
        if text:
            return text
    return f"{item.status.label}。"


def narrative_blocks(items: Sequence[Item], scope: ReportScope, group_by: str) -> list[Block]:
    """Opening statistics, items numbered continuously per category, unit and date."""
    ctx = scope.field_context()
    sections = groups(items, group_by)
    blocks: list[Block] = [Paragraph(_statistics(items, scope))]
    blocks.append(Paragraph("一、整改总体情况", ParagraphStyle.HEADING1))
    blocks.append(Paragraph(_by_category(sections)))
    blocks.append(Paragraph("二、具体整改情况", ParagraphStyle.HEADING1))
    number = 1
    for index, (name, members) in enumerate(sections, start=1):
        blocks.append(
            Paragraph(f"（{cn_number(index)}）{name or '未分类'}", ParagraphStyle.HEADING2)
        )
        for item in members:
            content = field_value(item, "content", ctx).strip().rstrip(_TRAILING)
            content = "".join(content.split("\n"))
            blocks.append(Paragraph(f"{number}.针对“{content}”的问题。"))
            # A text of several lines (1.… 2.…) becomes one paragraph per line.
            lines = [line.strip() for line in _progress(item, scope).split("\n") if line.strip()]
            blocks.append(Paragraph(f"整改情况：{lines[0] if lines else ''}"))
            blocks.extend(Paragraph(line) for line in lines[1:])
            number += 1
    blocks.append(Paragraph(""))  # one blank line between the text and the signature
    if scope.unit:
        blocks.append(Paragraph(scope.unit, ParagraphStyle.SIGNATURE))
    blocks.append(Paragraph(cn_date(scope.today), ParagraphStyle.SIGNATURE))
    return blocks
