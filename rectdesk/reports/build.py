"""Turn a template and the selected items into a format-neutral Report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from rectdesk.domain.lights import LightRules
from rectdesk.domain.model import Item, Status
from rectdesk.domain.privacy import OutputMode
from rectdesk.reports.fields import FieldContext, cn_date, field_value, signal
from rectdesk.reports.grouping import cn_number, groups
from rectdesk.reports.layout import (
    Align,
    Column,
    HeaderCell,
    Paragraph,
    ParagraphStyle,
    Report,
    Row,
    RowKind,
    Table,
)
from rectdesk.reports.narrative import narrative_blocks
from rectdesk.reports.templates import KIND_NARRATIVE, KIND_SUMMARY, TemplateSpec
from rectdesk.reports.textwrap_cjk import nominal_widths, title_lines
from rectdesk.reports.widths import break_dates, break_headers, break_lists, column_widths_mm

#: The one row of a table that has nothing to list.
NOTHING_TO_LIST = "暂无符合条件的事项。"


@dataclass(frozen=True)
class ReportScope:
    """The items to print and what the printout says about them."""

    items: Sequence[Item]
    today: dt.date
    rules: LightRules = field(default_factory=LightRules)
    mode: OutputMode = OutputMode.MASKED
    batch_name: str = ""
    year: int | None = None
    unit: str = ""
    clerk: str = ""
    phone: str = ""
    issuer: str = ""  # the batch's 下发单位, for the narrative's opening
    doc_number: str = ""  # the batch's 文号
    received_on: dt.date | None = None

    def field_context(self) -> FieldContext:
        return FieldContext(self.today, self.rules, self.mode)


#: Endings of a batch name that name a kind of document, not the matter (a batch called
#: “…整改工作方案” is about “…”); the template supplies its own kind of document.
_DOCUMENT_ENDINGS = ("整改工作方案", "工作方案", "整改方案", "意见建议汇总表", "汇总表", "整改台账",
                     "台账", "整改情况报告", "整改情况的报告", "清单")  # fmt: skip


def matter(name: str) -> str:
    """A batch name without the kind of document it ends in (…整改工作方案 → …)."""
    base = name.strip()
    for ending in _DOCUMENT_ENDINGS:
        if base.endswith(ending) and len(base) > len(ending):
            return base[: -len(ending)]
    return base


def _overlap(left: str, right: str) -> int:
    """Length of the longest end of ``left`` that begins ``right`` (意见建议 + 意见建议汇总表)."""
    for size in range(min(len(left), len(right)), 1, -1):
        if left.endswith(right[:size]):
            return size
    return 0


def report_title(spec: TemplateSpec, scope: ReportScope) -> str:
    """The title: the template's own, or the batch name joined to the template's label.

    Nothing is said twice: a batch ending in 意见建议 and the label 意见建议汇总表 share
    their words, a batch named …整改工作方案 gives its matter, not its document kind.
    """
    if spec.title.strip():
        return (
            spec.title.replace("{batch}", scope.batch_name)
            .replace("{unit}", scope.unit)
            .replace("{year}", str(scope.year or scope.today.year))
        )
    base = matter(scope.batch_name or scope.unit)
    if spec.kind == KIND_NARRATIVE:
        return f"关于{base}整改情况的报告" if base else spec.label
    if not base:
        return spec.label
    return base + spec.label[_overlap(base, spec.label) :]


def title_text(title: str, report: Report, size: float) -> str:
    """The title with its line breaks, the same in every format (where the meaning breaks)."""
    # A title line stays within GB/T 9704's 225 mm type area, also over a wider table, so a
    # long title breaks in two where the meaning breaks, as seed 001's does.
    width = min(report.usable_mm(), 225.0) * 72 / 25.4
    return "\n".join(title_lines(title, width, nominal_widths(size)))


def select_items(spec: TemplateSpec, scope: ReportScope) -> list[Item]:
    """The scope's items that the template's own filters keep."""
    ctx = scope.field_context()
    chosen = list(scope.items)
    if spec.statuses:
        wanted = {Status(s) for s in spec.statuses}
        chosen = [i for i in chosen if i.status in wanted]
    if spec.lights:
        lights = set(spec.lights)
        chosen = [i for i in chosen if signal(i, ctx).light.value in lights]
    first, last = spec.deadline_range()
    if first is not None:
        chosen = [i for i in chosen if i.deadline.date is not None and i.deadline.date >= first]
    if last is not None:
        chosen = [i for i in chosen if i.deadline.date is not None and i.deadline.date <= last]
    if spec.department.strip():
        name = spec.department.strip()
        chosen = [i for i in chosen if name in i.department_names]
    if spec.category.strip():
        chosen = [i for i in chosen if i.category == spec.category.strip()]
    return chosen


def build_report(spec: TemplateSpec, scope: ReportScope) -> Report:
    """The whole report for a template and scope."""
    spec.validate()
    report = Report(
        name=spec.name,
        title=report_title(spec, scope),
        landscape=spec.landscape,
        margins_mm=spec.margins_mm,
        confidential=scope.mode is OutputMode.FULL,
        page_numbers=spec.page_numbers and spec.page_number_style != "none",
        page_number_style=spec.page_number_style,
        page_number_size=spec.part_size("page_number"),
        page_size=spec.page_size,
        fonts=spec.role_fonts(),
    )
    items = select_items(spec, scope)
    if spec.attachment.strip() and spec.kind != KIND_NARRATIVE:
        report.blocks.append(
            Paragraph(spec.attachment.strip(), ParagraphStyle.ATTACHMENT, _size(spec, "subtitle"))
        )
    title_size = None if spec.title_size == 22.0 else spec.title_size
    report.blocks.append(
        Paragraph(title_text(report.title, report, spec.title_size), ParagraphStyle.TITLE,
                  title_size)
    )  # fmt: skip
    if spec.subtitle.strip():
        report.blocks.append(
            Paragraph(spec.subtitle.strip(), ParagraphStyle.SUBTITLE, _size(spec, "subtitle"))
        )
    if spec.kind == KIND_NARRATIVE:
        report.blocks.extend(narrative_blocks(items, scope, spec.group_by or "category"))
        return report
    if spec.kind == KIND_SUMMARY:
        report.blocks.append(_count_table(spec, items, scope))
        for index, (group, members) in enumerate(groups(items, "category"), start=1):
            name = group or "未分类"
            report.blocks.append(Paragraph(f"{cn_number(index)}、{name}", ParagraphStyle.HEADING1))
            table = _table(spec, scope)
            _fill(table, spec, members, scope, first=1)
            report.blocks.append(table)
    else:
        table = _table(spec, scope)
        if spec.group_by:
            number = 1
            for index, (group, members) in enumerate(groups(items, spec.group_by), start=1):
                label = group or "未填写"
                table.rows.append(Row((f"{cn_number(index)}、{label}",), RowKind.SECTION))
                if spec.numbering == "section":
                    number = 1
                number = _fill(table, spec, members, scope, first=number)
        else:
            _fill(table, spec, items, scope, first=1)
        report.blocks.append(table)
    for table in report.tables():
        if not table.rows:
            table.rows.append(Row((NOTHING_TO_LIST,), RowKind.SECTION))
    lay_widths(report)
    if spec.signoff:
        report.blocks.append(
            Paragraph(signoff_line(scope), ParagraphStyle.SIGNOFF, _size(spec, "signoff"))
        )
    return report


def lay_widths(report: Report) -> None:
    """Column widths from the content, one answer for tables of the same columns."""
    area = report.usable_mm()
    alike: dict[tuple[str, ...], list[Table]] = {}
    for table in report.tables():
        alike.setdefault(tuple(c.key for c in table.columns), []).append(table)
    for tables in alike.values():
        first = tables[0]
        rows = [r for t in tables for r in t.rows]
        joined = Table(first.columns, rows, font_size=first.font_size,
                       header_size=first.header_size)  # fmt: skip
        widths = column_widths_mm(joined, area)
        for table in tables:
            table.widths_mm = list(widths)
            break_dates(table)
            break_headers(table)
            break_lists(table)


def _size(spec: TemplateSpec, part: str) -> float | None:
    """A part's size when the template sets one, else None (the style's official size)."""
    return float(spec.sizes[part]) if spec.sizes.get(part) else None


def signoff_line(scope: ReportScope) -> str:
    """填报单位（盖章）… filled from the settings, blanks left to write by hand."""
    gap = "\u3000" * 4
    return (
        f"填报单位（盖章）：{scope.unit or gap}\u3000\u3000填报人：{scope.clerk or gap}"
        f"\u3000\u3000审核人：{gap}\u3000\u3000联系电话：{scope.phone or gap}"
        f"\u3000\u3000填报日期：{cn_date(scope.today)}"
    )


def _columns(spec: TemplateSpec, scope: ReportScope) -> list[Column]:
    # Publishing drops the origin column entirely (issue 6).
    return [
        Column(c.field, c.header_text(), c.width, c.alignment(), c.wrap, c.width_mm or None)
        for c in spec.columns
        if not (scope.mode is OutputMode.PUBLISH and c.field == "origin")
    ]


def _table(spec: TemplateSpec, scope: ReportScope) -> Table:
    columns = _columns(spec, scope)
    table = Table(
        columns,
        font_size=spec.font_size,
        header_size=spec.sizes.get("header") or spec.font_size,
        section_size=spec.sizes.get("section") or None,
    )
    if spec.header_groups:
        table.header = _two_row_header(spec, columns)
    return table


def _two_row_header(spec: TemplateSpec, columns: list[Column]) -> list[list[HeaderCell]]:
    """Grouped headers: a group spans its columns above, others span both rows."""
    keys = [c.field for c in spec.columns]
    kept = {c.key for c in columns}
    group_of: dict[int, tuple[str, int]] = {}
    for text, start, span in spec.header_groups:
        members = [k for k in keys[start : start + span] if k in kept]
        if members:
            group_of[[c.key for c in columns].index(members[0])] = (text, len(members))
    top: list[HeaderCell] = []
    bottom: list[HeaderCell] = []
    index = 0
    while index < len(columns):
        if index in group_of:
            text, span = group_of[index]
            top.append(HeaderCell(text, span=span))
            bottom.extend(HeaderCell(c.header) for c in columns[index : index + span])
            index += span
        else:
            top.append(HeaderCell(columns[index].header, rows=2))
            index += 1
    return [top, bottom]


def _fill(
    table: Table, spec: TemplateSpec, items: Sequence[Item], scope: ReportScope, *, first: int
) -> int:
    """Append one body row per item; returns the next running number."""
    ctx = scope.field_context()
    keys = [c.key for c in table.columns]
    number = first
    rows = table.rows
    for item in items:
        cells = []
        for key in keys:
            if key == "seq" and spec.numbering != "source":
                cells.append(str(number))
            else:
                cells.append(field_value(item, key, ctx))
        rows.append(Row(tuple(cells)))
        number += 1
    return number


def _count_table(spec: TemplateSpec, items: Sequence[Item], scope: ReportScope) -> Table:
    """Seed 000's first table: 序号 / 评议类型及对象 / 数量（条）, with 合计."""
    table = Table(
        [
            Column("seq", "序号", 0.8, align=Align.CENTER),
            Column("category", "评议类型及对象", 6.0),
            Column("count", "数量（条）", 1.6, align=Align.CENTER),
        ],
        font_size=spec.font_size,
        header_size=spec.sizes.get("header") or spec.font_size,
        section_size=spec.sizes.get("section") or None,
    )
    found = groups(items, "category")
    for index, (group, members) in enumerate(found, start=1):
        table.rows.append(Row((str(index), group or "未分类", str(len(members)))))
    table.rows.append(Row(("合计", "", str(len(items))), RowKind.TOTAL))
    return table
