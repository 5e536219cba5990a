"""Report templates: the built-in official tables and the clerk's own, as plain data."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from rectdesk.domain.errors import QT_TRANSLATE_NOOP, UserError
from rectdesk.reports.fields import CENTRED_FIELDS, FIELD_HEADERS
from rectdesk.reports.fonts import FAMILIES, OFFICIAL
from rectdesk.reports.layout import (
    GBT9704_MARGINS_MM,
    PAGE_NUMBER_STYLES,
    PAGE_SIZES_MM,
    TABLE_MARGINS_MM,
    Align,
    Role,
)

#: How a template lays out its items.
KIND_TABLE = "table"  # one table, optional section rows (plan, ledger, lists, custom)
KIND_SUMMARY = "summary"  # count table, then one table per category (seed 000)
KIND_NARRATIVE = "narrative"  # running text in seed 003's idiom

GROUPS = ("", "category", "department", "status")
NUMBERINGS = ("continuous", "section", "source")

#: The parts of a report whose font and size a clerk chooses, and the font roles each sets.
PARTS: dict[str, tuple[Role, ...]] = {
    "title": (Role.TITLE,),
    "subtitle": (Role.SUBTITLE, Role.ATTACHMENT),
    "header": (Role.TABLE_HEADER,),
    "body": (Role.BODY,),
    "section": (Role.SECTION,),
    "signoff": (Role.SIGNOFF,),
    "page_number": (Role.PAGE_NUMBER,),
}

#: The official font names a part may be set in (their installed equivalents are found).
FONT_NAMES: tuple[str, ...] = tuple(FAMILIES)

#: Sizes (pt) of the parts whose size is not title_size or font_size; 0 or absent: default.
DEFAULT_SIZES: dict[str, float] = {
    "subtitle": 16.0,
    "header": 0.0,  # the table's font size
    "section": 0.0,  # the table's font size
    "signoff": 12.0,
    "page_number": 14.0,
}


@dataclass
class ColumnSpec:
    """One column of a template."""

    field: str
    header: str = ""
    width: float = 1.0  # relative weight: shares out what the content leaves over
    align: str = ""
    wrap: bool = True
    #: A width fixed by the clerk in millimetres; 0: the width follows the content.
    width_mm: float = 0.0

    def header_text(self) -> str:
        return self.header or FIELD_HEADERS.get(self.field, self.field)

    def alignment(self) -> Align:
        if self.align:
            return Align(self.align)
        return Align.CENTER if self.field in CENTRED_FIELDS else Align.LEFT


@dataclass
class TemplateSpec:
    """Everything a clerk can change about a report."""

    name: str
    label: str
    kind: str = KIND_TABLE
    title: str = ""  # empty: the batch name with the label; {batch}, {unit}, {year} fill in
    subtitle: str = ""
    attachment: str = "附件"
    columns: list[ColumnSpec] = field(default_factory=list)
    group_by: str = ""
    numbering: str = "continuous"
    sort: str = "source"
    landscape: bool = True
    font_size: float = 10.5
    title_size: float = 22.0  # 2号
    page_numbers: bool = True
    margins_mm: tuple[float, float, float, float] = GBT9704_MARGINS_MM
    signoff: bool = False
    statuses: tuple[str, ...] = ()
    lights: tuple[str, ...] = ()
    privacy: str = "masked"
    base: str = ""
    builtin: bool = False
    #: A two-row header: (text, first column index, span) groups over the column headers.
    header_groups: list[tuple[str, int, int]] = field(default_factory=list)
    #: Part → official font name, where the clerk departs from the official font.
    fonts: dict[str, str] = field(default_factory=dict)
    #: Part → size in points for subtitle, header, section, signoff, page_number.
    sizes: dict[str, float] = field(default_factory=dict)
    page_size: str = "A4"
    page_number_style: str = "dash"
    #: Which items: deadline range (ISO dates, inclusive), department and category.
    deadline_from: str = ""
    deadline_to: str = ""
    department: str = ""
    category: str = ""

    def role_fonts(self) -> dict[Role, str]:
        """The fonts wanted per role where this template departs from the official ones."""
        found: dict[Role, str] = {}
        for part, name in self.fonts.items():
            for role in PARTS.get(part, ()):
                if name and name != OFFICIAL[role]:
                    found[role] = name
        return found

    def part_font(self, part: str) -> str:
        """The font a part is set in (its official font unless chosen)."""
        return self.fonts.get(part) or OFFICIAL[PARTS[part][0]]

    def part_size(self, part: str) -> float:
        """The size of a part in points (0 for header/section: the table's size)."""
        if part == "title":
            return self.title_size
        if part == "body":
            return self.font_size
        return float(self.sizes.get(part) or DEFAULT_SIZES[part])

    def deadline_range(self) -> tuple[dt.date | None, dt.date | None]:
        """The deadline range as dates (None: open)."""
        return _date(self.deadline_from), _date(self.deadline_to)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready definition (what store.save_template keeps)."""
        data = asdict(self)
        data["margins_mm"] = list(self.margins_mm)
        data["header_groups"] = [list(g) for g in self.header_groups]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TemplateSpec:
        """A template from its stored definition; unknown keys are ignored."""
        try:
            columns = [ColumnSpec(**_known(ColumnSpec, c)) for c in data.get("columns", [])]
            values = _known(cls, data)
            values["columns"] = columns
            if "margins_mm" in values:
                values["margins_mm"] = tuple(float(m) for m in values["margins_mm"])
            for key in ("statuses", "lights"):
                if key in values:
                    values[key] = tuple(values[key])
            if "fonts" in values:
                values["fonts"] = {str(k): str(v) for k, v in dict(values["fonts"]).items()}
            if "sizes" in values:
                values["sizes"] = {str(k): float(v) for k, v in dict(values["sizes"]).items()}
            if "header_groups" in values:
                values["header_groups"] = [
                    (str(g[0]), int(g[1]), int(g[2])) for g in values["header_groups"]
                ]
            spec = cls(**values)
        except (TypeError, ValueError, KeyError, IndexError) as exc:
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Errors", "模板定义不完整或已损坏，无法使用；请在报表设计器中重新保存该模板。"
                ),
                str(exc),
            ) from exc
        spec.validate()
        return spec

    def validate(self) -> None:
        """Raise a plain message when the template cannot produce a report."""
        if self.kind not in (KIND_TABLE, KIND_SUMMARY, KIND_NARRATIVE):
            raise UserError(
                QT_TRANSLATE_NOOP("Errors", "模板“{label}”的类型“{kind}”无法识别。"),
                label=self.label,
                kind=self.kind,
            )
        if self.kind == KIND_TABLE and not self.columns:
            raise UserError(
                QT_TRANSLATE_NOOP("Errors", "模板“{label}”没有任何列，请至少添加一列。"),
                label=self.label,
            )
        if self.group_by not in GROUPS:
            raise UserError(
                QT_TRANSLATE_NOOP("Errors", "模板“{label}”的分组方式“{group}”无法识别。"),
                label=self.label,
                group=self.group_by,
            )
        if self.numbering not in NUMBERINGS:
            raise UserError(
                QT_TRANSLATE_NOOP("Errors", "模板“{label}”的编号方式“{numbering}”无法识别。"),
                label=self.label,
                numbering=self.numbering,
            )
        if any(c.width <= 0 or c.width_mm < 0 for c in self.columns):
            raise UserError(
                QT_TRANSLATE_NOOP("Errors", "模板“{label}”有列宽不大于零的列，请改为正数。"),
                label=self.label,
            )
        if self.privacy not in ("masked", "publish"):
            # Keeping phone and ID numbers is chosen for each export, never by default.
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Errors", "模板“{label}”的个人信息默认方式只能是脱敏或公开发布。"
                ),
                label=self.label,
            )
        if not 10 <= self.title_size <= 36:
            raise UserError(
                QT_TRANSLATE_NOOP("Errors", "模板“{label}”的标题字号应在 10 到 36 磅之间。"),
                label=self.label,
            )
        if not 6 <= self.font_size <= 22:
            raise UserError(
                QT_TRANSLATE_NOOP("Errors", "模板“{label}”的表格字号应在 6 到 22 磅之间。"),
                label=self.label,
            )
        for part, name in self.fonts.items():
            if part not in PARTS or (name and name not in FAMILIES):
                raise UserError(
                    QT_TRANSLATE_NOOP(
                        "Errors", "模板“{label}”的字体设置“{part}：{name}”无法识别。"
                    ),
                    label=self.label,
                    part=part,
                    name=name,
                )
        for part, size in self.sizes.items():
            if part not in DEFAULT_SIZES or not (size == 0 or 6 <= size <= 36):
                raise UserError(
                    QT_TRANSLATE_NOOP(
                        "Errors", "模板“{label}”的字号设置“{part}：{size}”应在 6 到 36 磅之间。"
                    ),
                    label=self.label,
                    part=part,
                    size=size,
                )
        if self.page_size not in PAGE_SIZES_MM:
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Errors", "模板“{label}”的纸张“{size}”无法识别，可用 A4、A3、B5。"
                ),
                label=self.label,
                size=self.page_size,
            )
        if self.page_number_style not in PAGE_NUMBER_STYLES:
            raise UserError(
                QT_TRANSLATE_NOOP("Errors", "模板“{label}”的页码样式“{style}”无法识别。"),
                label=self.label,
                style=self.page_number_style,
            )
        first, last = self.deadline_range()
        if first and last and first > last:
            raise UserError(
                QT_TRANSLATE_NOOP("Errors", "模板“{label}”的整改时限范围起日晚于止日，请调换。"),
                label=self.label,
            )


def _date(text: str) -> dt.date | None:
    if not text.strip():
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError as exc:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "日期“{text}”写法不对，请写成 2025-06-30 这样的格式。"),
            text=text,
        ) from exc


def _known(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    names = set(cls.__dataclass_fields__)  # type: ignore[attr-defined]
    return {k: v for k, v in data.items() if k in names}


def _cols(*specs: tuple[str, str, float]) -> list[ColumnSpec]:
    return [ColumnSpec(f, h, w) for f, h, w in specs]


#: 仿宋_GB2312 小四 (12 pt): the body of a table of few columns. A plan, whose long 整改措施 and
#: 成果 share the width with six other columns, keeps 五号 (10.5 pt, the default below) as
#: offices set dense tables (at 小四 the seed-001 plan takes 14 pages instead of 10); the
#: thirteen-column ledger keeps 小五 (9 pt).
TABLE_SIZE = 12.0

_PLAN_COLUMNS = (
    ("seq", "序号", 0.8),
    ("category", "主题", 1.6),
    ("number", "意见建议编号", 3.4),
    ("content", "整改内容", 3.2),
    ("departments", "整改部门", 1.4),
    ("measures", "整改措施", 4.2),
    ("outcomes", "整改可检验成果", 3.6),
    ("deadline", "整改时限", 1.7),
)

BUILTINS: dict[str, TemplateSpec] = {
    "plan": TemplateSpec(
        name="plan",
        label="整改工作方案",
        columns=_cols(*_PLAN_COLUMNS),
        margins_mm=TABLE_MARGINS_MM,
        builtin=True,
    ),
    "summary": TemplateSpec(
        name="summary",
        label="意见建议汇总表",
        kind=KIND_SUMMARY,
        columns=_cols(
            ("seq", "序号", 0.8),
            ("number", "意见建议编号", 3.4),
            ("origin", "意见来源", 1.6),
            ("content", "意见或建议内容", 4.0),
            ("departments", "责任处室", 1.4),
            ("measures", "整改措施", 5.0),
        ),
        group_by="category",
        numbering="section",
        font_size=TABLE_SIZE,
        margins_mm=TABLE_MARGINS_MM,
        builtin=True,
    ),
    "ledger": TemplateSpec(
        name="ledger",
        label="整改台账",
        columns=_cols(
            ("seq", "序号", 0.8),
            ("category", "主题", 1.6),
            ("number", "意见建议编号", 3.6),
            ("content", "整改内容", 3.2),
            ("departments", "整改部门", 1.4),
            ("measures", "整改措施", 4.0),
            ("outcomes", "整改可检验成果", 3.0),
            ("deadline", "整改时限", 1.7),
            ("progress", "整改进展", 3.4),
            ("status", "完成情况", 1.3),
            ("closed", "是否销号", 1.0),
            ("closed_on", "销号日期", 1.7),
            ("remarks", "备注", 1.2),
        ),
        font_size=9.0,
        signoff=True,
        margins_mm=TABLE_MARGINS_MM,
        builtin=True,
    ),
    "narrative": TemplateSpec(
        name="narrative",
        label="整改情况报告",
        kind=KIND_NARRATIVE,
        attachment="",
        group_by="category",
        landscape=False,
        font_size=16.0,
        builtin=True,
    ),
    "warnings": TemplateSpec(
        name="warnings",
        label="逾期临期预警清单",
        columns=_cols(
            ("seq", "序号", 0.8),
            ("number", "编号", 3.4),
            ("content", "整改内容", 4.0),
            ("departments", "责任单位", 1.6),
            ("deadline", "整改时限", 1.8),
            ("light", "预警", 1.4),
            ("progress", "整改进展", 4.0),
        ),
        group_by="department",
        numbering="section",
        sort="deadline",
        lights=("red", "yellow"),
        signoff=True,
        font_size=TABLE_SIZE,
        margins_mm=TABLE_MARGINS_MM,
        builtin=True,
    ),
    "closures": TemplateSpec(
        name="closures",
        label="销号清单",
        columns=_cols(
            ("seq", "序号", 0.8),
            ("number", "编号", 3.4),
            ("content", "整改内容", 4.0),
            ("departments", "责任单位", 1.6),
            ("progress", "整改情况", 4.4),
            ("closed_on", "销号日期", 1.8),
        ),
        group_by="department",
        numbering="section",
        sort="closed_on",
        statuses=("closed",),
        signoff=True,
        font_size=TABLE_SIZE,
        margins_mm=TABLE_MARGINS_MM,
        builtin=True,
    ),
}


def builtin(name: str) -> TemplateSpec:
    """A fresh copy of a built-in template (safe to change)."""
    spec = BUILTINS[name]
    return TemplateSpec.from_dict(replace(spec).to_dict())
