"""What kind of list a file is (巡察, 人大, 政协, 审计, 社会评价), from its title and columns."""

from __future__ import annotations

from rectdesk.domain.model import BatchKind
from rectdesk.importers.headers import normalise_header
from rectdesk.importers.tables import ParsedFile

#: Words of a title, most telling first: a 巡察 list about 社会评价 problems is a 巡察 list.
_TITLE_WORDS: tuple[tuple[str, BatchKind], ...] = (
    ("巡察", BatchKind.INSPECTION),
    ("巡视", BatchKind.INSPECTION),
    ("审计", BatchKind.AUDIT),
    ("政协", BatchKind.CPPCC_PROPOSAL),
    ("提案", BatchKind.CPPCC_PROPOSAL),
    ("人大", BatchKind.CONGRESS_REVIEW),
    ("代表建议", BatchKind.CONGRESS_REVIEW),
    ("议案", BatchKind.CONGRESS_REVIEW),
    ("社会评价", BatchKind.SOCIAL_REVIEW),
    ("绩效考评", BatchKind.SOCIAL_REVIEW),
    ("满意度评议", BatchKind.SOCIAL_REVIEW),
)
#: Column headers that only one kind of list has.
_HEADER_WORDS: tuple[tuple[str, BatchKind], ...] = (
    ("巡察", BatchKind.INSPECTION),
    ("巡视", BatchKind.INSPECTION),
    ("反馈问题", BatchKind.INSPECTION),
    ("审计发现问题", BatchKind.AUDIT),
    ("审计", BatchKind.AUDIT),
    ("提案编号", BatchKind.CPPCC_PROPOSAL),
    ("提案人", BatchKind.CPPCC_PROPOSAL),
    ("提案内容", BatchKind.CPPCC_PROPOSAL),
    ("代表", BatchKind.CONGRESS_REVIEW),
    ("议案编号", BatchKind.CONGRESS_REVIEW),
    ("意见建议编号", BatchKind.SOCIAL_REVIEW),
    ("评议类型", BatchKind.SOCIAL_REVIEW),
)


def guess_kind(parsed: ParsedFile, file_name: str = "") -> BatchKind:
    """The batch kind the title (or the file name) says, else the columns, else 其他."""
    for text in (parsed.title, file_name):
        for word, kind in _TITLE_WORDS:
            if word in text:
                return kind
    headers = [normalise_header(c.header) for t in parsed.tables for c in t.columns]
    for word, kind in _HEADER_WORDS:
        if any(word in header for header in headers):
            return kind
    return BatchKind.OTHER
