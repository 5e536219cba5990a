"""Header names the upper levels use, mapped to canonical fields with a confidence."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

#: Canonical import fields and the header names seen for them (DOMAIN.md and real ledgers).
#: ``assist`` is a column of assisting units; ``closed`` a 是否销号 yes/no column.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "seq": ("序号", "序", "顺序号"),
    "number": ("意见建议编号", "编号", "问题编号", "提案编号", "建议编号", "议案编号", "案号"),
    "category": ("主题", "评议类型及对象", "问题类别", "类别", "问题类型", "类型", "分类", "领域"),
    "origin": ("意见来源", "来源", "提出人", "反映人", "提案人", "问题来源", "提出单位"),
    "content": (
        "意见或建议内容", "意见或建议", "意见建议内容", "意见建议", "整改内容", "问题描述",
        "存在问题", "反馈问题", "问题内容", "具体问题", "主要问题", "提案内容", "建议内容",
        "问题表现", "审计发现问题", "问题",
    ),
    "departments": (
        "责任处室", "整改部门", "责任单位", "牵头单位", "责任部门", "承办单位", "主办单位",
        "责任科室", "整改单位", "牵头部门", "责任股室",
    ),
    "assist": ("配合单位", "协办单位", "配合部门", "配合处室", "协办部门"),
    "lead": ("责任领导", "分管领导", "牵头领导", "包案领导"),
    "owner": ("责任人", "承办人", "具体责任人", "经办人"),
    "measures": ("整改措施", "具体措施", "整改举措", "措施"),
    "outcomes": ("整改可检验成果", "可检验成果", "整改目标", "预期成果", "整改成效"),
    "deadline": ("整改时限", "完成时限", "整改期限", "办结时限", "完成时间", "时限"),
    "status": ("完成情况", "是否完成", "整改状态", "办理状态", "状态"),
    "closed": ("是否销号", "销号情况"),
    "closed_on": ("销号日期", "销号时间"),
    "progress": (
        "整改进展", "整改情况", "进展情况", "工作进展", "推进情况", "整改落实情况", "落实情况",
        "整改进度",
    ),
    "remarks": ("备注", "说明"),
    "result_class": ("办理结果类别", "办理结果", "结果类别"),
    "satisfaction": ("满意度", "满意情况", "代表满意度", "委员满意度"),
}  # fmt: skip

#: Chinese names of the import fields, for the mapping editor and messages.
FIELD_NAMES: dict[str, str] = {
    "seq": "序号",
    "number": "编号",
    "category": "类别",
    "origin": "来源",
    "content": "问题/意见内容",
    "departments": "责任单位",
    "assist": "配合单位",
    "lead": "责任领导",
    "owner": "责任人",
    "measures": "整改措施",
    "outcomes": "可检验成果",
    "deadline": "整改时限",
    "status": "完成情况",
    "closed": "是否销号",
    "closed_on": "销号日期",
    "progress": "整改进展",
    "remarks": "备注",
    "result_class": "办理结果类别",
    "satisfaction": "满意度",
}

#: Fields that may appear in more than one column of a table.
MULTI = frozenset({"departments", "assist"})

_NOISE = re.compile(r"[\s\u3000\xa0*＊:：]|[（(][^）)]{0,8}[)）]$")
_BY_LENGTH = sorted(
    ((name, fieldname) for fieldname, names in SYNONYMS.items() for name in names),
    key=lambda pair: -len(pair[0]),
)
_EXACT = {name: fieldname for fieldname, names in SYNONYMS.items() for name in names}


def normalise_header(text: str) -> str:
    """A header as compared: no spaces or line breaks, no unit suffix like （条）."""
    flat = unicodedata.normalize("NFKC", text)
    return _NOISE.sub("", flat)


@dataclass(frozen=True, slots=True)
class FieldGuess:
    """What a header names, and how sure the guess is (0 to 1)."""

    field: str | None
    confidence: float


def guess_field(header: str) -> FieldGuess:
    """The canonical field a header names: exact synonym 1.0, contained synonym 0.7."""
    flat = normalise_header(header)
    if not flat or len(flat) > 30:
        return FieldGuess(None, 0.0)
    if flat in _EXACT:
        return FieldGuess(_EXACT[flat], 1.0)
    for name, fieldname in _BY_LENGTH:
        if len(name) >= 2 and name in flat:
            return FieldGuess(fieldname, 0.7)
    return FieldGuess(None, 0.0)


@dataclass(slots=True)
class ColumnMap:
    """One column of a detected table: its header and the field it feeds (None: extra)."""

    index: int
    header: str
    field: str | None
    confidence: float


def map_columns(headers: list[str]) -> list[ColumnMap]:
    """Each header mapped; a field claimed twice goes to the surer column, the other is extra."""
    columns = []
    for index, header in enumerate(headers):
        guess = guess_field(header)
        columns.append(ColumnMap(index, header, guess.field, guess.confidence))
    best: dict[str, ColumnMap] = {}
    for column in columns:
        if column.field is None or column.field in MULTI:
            continue
        held = best.get(column.field)
        if held is None or column.confidence > held.confidence:
            if held is not None:
                held.field, held.confidence = None, 0.0
            best[column.field] = column
        else:
            column.field, column.confidence = None, 0.0
    return columns


def header_score(headers: list[str]) -> int:
    """How many distinct canonical fields a row's cells name."""
    return len({c.field for c in map_columns(headers) if c.field is not None})
