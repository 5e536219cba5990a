"""The papers of a round: the covering notice (通知), the chase list (催报) and the comparison.

Each is a format-neutral report (layout.py) that the PDF, Word and Excel writers print; the
caller passes texts already masked for the output they go to.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from rectdesk.reports.build import lay_widths
from rectdesk.reports.dispatch_book import cut_off_text
from rectdesk.reports.fields import cn_date
from rectdesk.reports.layout import (
    Align,
    Column,
    Paragraph,
    ParagraphStyle,
    Report,
    Row,
    RowKind,
    Table,
)


@dataclass(frozen=True)
class NoticeUnit:
    """One unit in the notice: its items and the file made for it."""

    unit: str
    lead: int
    assist: int
    file_name: str


@dataclass(frozen=True)
class NoticeItem:
    """One item in the notice's list."""

    number: str
    content: str
    lead: str
    assisting: str
    deadline: str


@dataclass
class RoundFacts:
    """What every paper of a round names."""

    batch_name: str
    round_number: int
    cut_off: dt.date | None
    office: str
    clerk: str
    phone: str
    today: dt.date


#: A blank left to write in by hand.
_GAP = "\u3000" * 4


def _report(name: str, title: str, *, landscape: bool = False) -> Report:
    report = Report(name=name, title=title, landscape=landscape)
    report.blocks.append(Paragraph(title, ParagraphStyle.TITLE))
    return report


def _short(text: str, width: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def notice_report(facts: RoundFacts, units: list[NoticeUnit], items: list[NoticeItem]) -> Report:
    """关于报送第N轮整改进展情况的通知, with the units and the items as attachments."""
    office = facts.office or "本单位"
    title = f"关于报送{facts.batch_name}第{facts.round_number}轮整改进展情况的通知"
    report = _report("round_notice", title)
    cut = cut_off_text(facts.cut_off)
    lead = sum(u.lead for u in units)
    body = [
        Paragraph("各有关单位：", ParagraphStyle.BODY),
        Paragraph(
            f"为扎实推进{facts.batch_name}整改落实，及时掌握各项整改任务进展，现将第"
            f"{facts.round_number}轮整改进展报送工作通知如下。"
        ),
        Paragraph("一、报送内容", ParagraphStyle.HEADING1),
        Paragraph(
            f"本轮共涉及{len(units)}个单位、{lead}条事项（见附件1、附件2）。各单位对照本单位的"
            "报送表，填写牵头和配合事项的整改措施、整改进展、完成情况、完成时间和佐证材料。"
            "牵头单位负责汇总配合单位的意见。"
        ),
        Paragraph("二、报送时间", ParagraphStyle.HEADING1),
        Paragraph(f"请于{cut}前将填好的报送表报回{office}。逾期未报的，将予以催报。"),
        Paragraph("三、有关要求", ParagraphStyle.HEADING1),
        Paragraph(
            "报送表中灰色的列请勿改动，隐藏的“校验码”列请勿删除；整改进展要写实写具体，"
            "已完成的事项请注明完成时间和佐证材料名称，材料按要求另行报送。"
        ),
        Paragraph("四、联系方式", ParagraphStyle.HEADING1),
        Paragraph(f"联系人：{facts.clerk or _GAP}，联系电话：{facts.phone or _GAP}。"),
        Paragraph("附件：1．各单位报送事项汇总表"),
        Paragraph("\u3000\u3000\u30002．报送事项清单"),
    ]
    if facts.office:
        body.append(Paragraph(facts.office, ParagraphStyle.SIGNATURE))
    body.append(Paragraph(cn_date(facts.today), ParagraphStyle.SIGNATURE))
    report.blocks.extend(body)
    report.blocks.append(Paragraph("附件1", ParagraphStyle.ATTACHMENT))
    report.blocks.append(Paragraph("各单位报送事项汇总表", ParagraphStyle.TITLE, 18.0))
    summary = Table(
        [
            Column("seq", "序号", 0.6, Align.CENTER, fixed_mm=12),
            Column("unit", "责任单位", 2.4),
            Column("lead", "牵头（条）", 1.0, Align.CENTER, fixed_mm=20),
            Column("assist", "配合（条）", 1.0, Align.CENTER, fixed_mm=20),
            Column("file", "报送表", 3.0),
        ]
    )
    for number, unit in enumerate(units, start=1):
        summary.rows.append(
            Row((str(number), unit.unit, str(unit.lead), str(unit.assist), unit.file_name))
        )
    summary.rows.append(
        Row(("合计", "", str(lead), str(sum(u.assist for u in units)), ""), RowKind.TOTAL)
    )
    report.blocks.append(summary)
    report.blocks.append(Paragraph("附件2", ParagraphStyle.ATTACHMENT))
    report.blocks.append(Paragraph("报送事项清单", ParagraphStyle.TITLE, 18.0))
    listing = Table(
        [
            Column("seq", "序号", 0.6, Align.CENTER, fixed_mm=12),
            Column("number", "编号", 1.6, Align.CENTER, fixed_mm=28),
            Column("content", "问题/意见建议内容", 4.0),
            Column("lead", "牵头单位", 1.4, fixed_mm=22),
            Column("assist", "配合单位", 1.4, fixed_mm=22),
            Column("deadline", "整改时限", 1.3, Align.CENTER, fixed_mm=22),
        ]
    )
    for number, item in enumerate(items, start=1):
        listing.rows.append(
            Row((str(number), item.number, _short(item.content, 80), item.lead, item.assisting,
                 item.deadline))
        )  # fmt: skip
    report.blocks.append(listing)
    lay_widths(report)
    return report


@dataclass(frozen=True)
class ChaseRow:
    """A unit that has not answered."""

    unit: str
    lead: int
    assist: int
    sent_on: str
    contact: str
    phone: str


def chase_report(facts: RoundFacts, rows: list[ChaseRow]) -> Report:
    """催报清单: the units of a round that have not answered, to call or write to."""
    title = f"{facts.batch_name}第{facts.round_number}轮整改进展催报清单"
    report = _report("round_chase", title, landscape=True)
    late = ""
    if facts.cut_off is not None and facts.today > facts.cut_off:
        late = f"，已超过截止日期{(facts.today - facts.cut_off).days}天"
    report.blocks.append(
        Paragraph(
            f"报送截止：{cut_off_text(facts.cut_off)}；截至{cn_date(facts.today)}，"
            f"尚有{len(rows)}个单位未报送{late}。",
            ParagraphStyle.SUBTITLE,
        )
    )
    table = Table(
        [
            Column("seq", "序号", 0.6, Align.CENTER, fixed_mm=12),
            Column("unit", "责任单位", 2.6),
            Column("lead", "牵头（条）", 1.0, Align.CENTER, fixed_mm=20),
            Column("assist", "配合（条）", 1.0, Align.CENTER, fixed_mm=20),
            Column("sent", "下发日期", 1.4, Align.CENTER),
            Column("contact", "联系人", 1.0, Align.CENTER),
            Column("phone", "联系电话", 1.5, Align.CENTER),
            Column("how", "催报方式及结果", 2.4),
        ]
    )
    for number, row in enumerate(rows, start=1):
        table.rows.append(
            Row((str(number), row.unit, str(row.lead), str(row.assist), row.sent_on,
                 row.contact, row.phone, ""))
        )  # fmt: skip
    if not rows:
        table.rows.append(Row(("各单位均已报送。",), RowKind.SECTION))
    report.blocks.append(table)
    lay_widths(report)
    report.blocks.append(
        Paragraph(
            f"填报单位（盖章）：{facts.office or _GAP}\u3000\u3000"
            f"填报人：{facts.clerk or _GAP}\u3000\u3000填报日期：{cn_date(facts.today)}",
            ParagraphStyle.SIGNOFF,
        )
    )
    return report


@dataclass(frozen=True)
class ComparisonRow:
    """One item's progress in two rounds."""

    number: str
    content: str
    lead: str
    before: str
    after: str
    status_before: str
    status_after: str
    #: Whether the lead unit answered in the later round (if not, nothing is known to move).
    answered: bool = True

    @property
    def changed(self) -> bool:
        moved = self.before != self.after or self.status_before != self.status_after
        return self.answered and moved

    @property
    def change_text(self) -> str:
        """有, 无, or 未报送 when the later round has no answer."""
        if not self.answered:
            return "未报送"
        return "有" if self.changed else "无"


@dataclass
class Comparison:
    """Two rounds of a batch side by side."""

    earlier: int
    later: int
    rows: list[ComparisonRow] = field(default_factory=list)


def comparison_report(facts: RoundFacts, comparison: Comparison) -> Report:
    """进展对比表: each item's progress as of two rounds, and what changed."""
    title = f"{facts.batch_name}第{comparison.earlier}轮与第{comparison.later}轮整改进展对比表"
    report = _report("round_comparison", title, landscape=True)
    changed = sum(1 for r in comparison.rows if r.changed)
    report.blocks.append(
        Paragraph(
            f"共{len(comparison.rows)}条事项，其中{changed}条有新进展；截至{cn_date(facts.today)}。",
            ParagraphStyle.SUBTITLE,
        )
    )
    table = Table(
        [
            Column("seq", "序号", 0.6, Align.CENTER),
            Column("number", "编号", 1.5, Align.CENTER),
            Column("content", "问题/意见建议内容", 2.6),
            Column("lead", "牵头单位", 1.2),
            Column("before", f"第{comparison.earlier}轮进展", 3.0),
            Column("after", f"第{comparison.later}轮进展", 3.0),
            Column("status", "完成情况", 1.3, Align.CENTER),
            Column("changed", "变化", 0.8, Align.CENTER),
        ]
    )
    for number, row in enumerate(comparison.rows, start=1):
        status = (
            row.status_after
            if row.status_before == row.status_after
            else f"{row.status_before or '—'}→{row.status_after or '—'}"
        )
        table.rows.append(
            Row((str(number), row.number, _short(row.content, 80), row.lead, row.before,
                 row.after, status, row.change_text))
        )  # fmt: skip
    if not comparison.rows:
        table.rows.append(Row(("两轮都没有报送的事项。",), RowKind.SECTION))
    report.blocks.append(table)
    lay_widths(report)
    return report
