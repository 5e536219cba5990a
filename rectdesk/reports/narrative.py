"""The 整改情况报告 in seed 003's idiom: background, 组织领导, items, 下一步, signature.

Only what the ledger records is said to be done: an item without a recorded progress entry
reads as planned (计划措施), never as a result.
"""

from __future__ import annotations

import re
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
#: A year beginning a list item's text (1.2020年…, 2.2021-2022年…): the mark, not a decimal.
_YEAR_AFTER = r"(?:19|20)[0-9]{2}(?:年|[-－—~～至])"
#: A list mark at the start of a line: 1. 1、 1． (1) （1） ①.
_LIST_MARK = re.compile(
    r"^\s*(?:[（(]\s*([0-9]{1,2})\s*[)）]"
    r"|([0-9]{1,2})\s*(?:、|[.．,，](?![0-9])|[.．](?=" + _YEAR_AFTER + r"))(?![0-9]{1,2}月))\s*"
    r"|^\s*([0-9]{1,2})\s*[.．](?=[0-9]{1,2}月)"
)
#: What a signature says when the office's name is not set (the clerk writes it in).
UNIT_BLANK = "（单位盖章）"


def completion_rate(items: Sequence[Item]) -> str:
    """Finished items among those to be rectified (不予整改 excluded), e.g. 85.7%."""
    counted = [i for i in items if i.status is not Status.DECLINED]
    if not counted:
        return "0%"
    done = sum(1 for i in counted if i.status in _FINISHED)
    return f"{done * 100 / len(counted):.1f}%".replace(".0%", "%")


def _subject(scope: ReportScope) -> str:
    """What the report is about: the batch name without a document kind (…整改工作方案)."""
    from rectdesk.reports.build import matter

    return matter(scope.batch_name) or "本次整改"


def _background(items: Sequence[Item], scope: ReportScope) -> str:
    """Seed 003's opening: who asked, what arrived, what the office did with it."""
    subject = _subject(scope)
    source = ""
    if scope.issuer and not subject.startswith(scope.issuer):
        source = f"{scope.issuer}反馈的"
    document = f"（{scope.doc_number}）" if scope.doc_number else ""
    received = f"{cn_date(scope.received_on)}，" if scope.received_on else ""
    who = scope.unit or "我单位"
    return (
        f"{received}{source}{subject}{document}共{len(items)}个问题（意见建议）。"
        f"{who}对照反馈内容逐项研究，制定整改措施，明确责任单位和整改时限，实行“台账推进、"
        "挂账销号”。现将整改情况报告如下。"
    )


def _statistics(items: Sequence[Item], scope: ReportScope) -> str:
    counts = Counter(i.status for i in items)
    done = counts[Status.COMPLETED] + counts[Status.CLOSED]
    parts = [
        f"截至{cn_date(scope.today)}，{_subject(scope)}共涉及问题（意见建议）{len(items)}个，"
        f"已完成整改{done}个（其中已销号{counts[Status.CLOSED]}个）"
    ]
    for status in (Status.IN_PROGRESS, Status.PENDING, Status.ONGOING, Status.DECLINED):
        if counts[status]:
            parts.append(f"{status.label}{counts[status]}个")
    return "，".join(parts) + f"，整改完成率{completion_rate(items)}。"


def _organisation(items: Sequence[Item]) -> str:
    """组织领导, from what the ledger knows: units, leaders, deadlines — nothing invented."""
    units: dict[str, None] = {}
    leads: dict[str, None] = {}
    for item in items:
        units.update(dict.fromkeys(item.department_names))
        if item.lead.strip():
            leads.update(dict.fromkeys(re.split(r"[、，,\s]+", item.lead.strip())))
    text = (
        f"对反馈的{len(items)}个问题逐项明确责任单位、整改措施和整改时限，"
        f"涉及责任单位{len(units)}个"
    )
    if units:
        shown = "、".join(list(units)[:8]) + ("等" if len(units) > 8 else "")
        text += f"（{shown}）"
    if leads:
        text += f"，由{'、'.join(list(leads)[:6])}{'等' if len(leads) > 6 else ''}同志分别负责督促"
    return text + "；建立整改台账，定期调度进展，完成一项、销号一项。"


def _next_steps(items: Sequence[Item]) -> str:
    counts = Counter(i.status for i in items)
    open_count = counts[Status.PENDING] + counts[Status.IN_PROGRESS]
    parts = []
    if open_count:
        parts.append(
            f"对尚未完成的{open_count}个问题，按照整改措施和时限要求逐项推进，"
            "加强跟踪督办，确保按期整改到位"
        )
    if counts[Status.COMPLETED]:
        parts.append(f"对已完成待销号的{counts[Status.COMPLETED]}个问题，及时整理佐证材料，申请销号")
    if counts[Status.ONGOING]:
        parts.append(f"对需长期坚持的{counts[Status.ONGOING]}个问题，建立长效机制，定期报送进展")
    parts.append("巩固整改成效，举一反三，防止问题反弹")
    return "下一步，" + "；".join(parts) + "。"


def _renumbered(text: str) -> list[str]:
    """Lines of a field with their own list marks written （1）（2） (the items are 1. 2.)."""
    lines = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        mark = _LIST_MARK.match(line)
        if mark:
            number = mark.group(1) or mark.group(2) or mark.group(3)
            line = f"（{number}）{line[mark.end():]}"
        lines.append(line)
    return lines


def _account(item: Item, scope: ReportScope) -> list[str]:
    """What was done, only from recorded progress; otherwise plainly what is planned."""
    ctx = scope.field_context()
    progress = field_value(item, "progress", ctx).strip()
    if progress:
        lines = _renumbered(progress)
        return [f"整改情况：{lines[0]}", *lines[1:]]
    if item.status is Status.DECLINED:
        reason = field_value(item, "status_reason", ctx).strip()
        return [f"整改情况：不予整改。{reason}".rstrip()]
    state = f"整改情况：{item.status.label}，尚未报送整改进展。"
    measures = _renumbered(field_value(item, "measures", ctx).strip())
    if not measures:
        return [state]
    deadline = field_value(item, "deadline", ctx).strip()
    due = f"（整改时限：{deadline}）" if deadline else ""
    return [state, f"计划措施{due}：{measures[0]}", *measures[1:]]


def narrative_blocks(items: Sequence[Item], scope: ReportScope, group_by: str) -> list[Block]:
    """Background, 组织领导, items numbered continuously per category, 下一步, unit and date."""
    ctx = scope.field_context()
    sections = groups(items, group_by)
    blocks: list[Block] = [Paragraph(_background(items, scope))]
    blocks.append(Paragraph("一、组织领导和工作部署", ParagraphStyle.HEADING1))
    blocks.append(Paragraph(_organisation(items)))
    blocks.append(Paragraph("二、整改落实情况", ParagraphStyle.HEADING1))
    blocks.append(Paragraph(_statistics(items, scope)))
    number = 1
    for index, (name, members) in enumerate(sections, start=1):
        blocks.append(
            Paragraph(f"（{cn_number(index)}）{name or '未分类'}", ParagraphStyle.HEADING2)
        )
        for item in members:
            content = field_value(item, "content", ctx).strip().rstrip(_TRAILING)
            content = "".join(content.split("\n"))
            blocks.append(Paragraph(f"{number}.针对“{content}”的问题。"))
            blocks.extend(Paragraph(line) for line in _account(item, scope))
            number += 1
    blocks.append(Paragraph("三、下一步工作", ParagraphStyle.HEADING1))
    blocks.append(Paragraph(_next_steps(items)))
    blocks.append(Paragraph(""))  # one blank line between the text and the signature
    blocks.append(Paragraph(scope.unit or UNIT_BLANK, ParagraphStyle.SIGNATURE))
    blocks.append(Paragraph(cn_date(scope.today), ParagraphStyle.SIGNATURE))
    return blocks
