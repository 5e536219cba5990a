"""督办 and 预警 letters: their numbers (〔2026〕3号), what they name, and their replies."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from enum import Enum

from rectdesk.domain.errors import QT_TRANSLATE_NOOP, UserError


class LetterKind(str, Enum):
    """A letter pressing a unit after its deadline (督办) or before it (预警)."""

    SUPERVISE = "supervise"
    WARN = "warn"

    @property
    def label(self) -> str:
        return LETTER_KIND_LABELS[self]

    @property
    def short(self) -> str:
        """How the register names the kind in one column."""
        return "督办" if self is LetterKind.SUPERVISE else "预警"


LETTER_KIND_LABELS: dict[LetterKind, str] = {
    LetterKind.SUPERVISE: "督办通知",
    LetterKind.WARN: "预警提醒函",
}

#: Results a clerk picks for a reply (any other text is kept as typed).
REPLY_RESULTS: tuple[str, ...] = ("已整改到位", "正在整改", "说明情况", "未按要求答复")

_NUMBER = re.compile(
    r"^\s*(?P<prefix>.*?)\s*[〔\[［【(（]\s*(?P<year>\d{4})\s*[〕\]］】)）]\s*(?P<seq>\d{1,5})\s*号?\s*$"
)
_PLAIN = re.compile(r"^\s*(?P<year>\d{4})\s*[-/第]\s*(?P<seq>\d{1,5})\s*号?\s*$")


def letter_number(prefix: str, year: int, seq: int) -> str:
    """The number as printed: 县卫健督〔2026〕3号 (without a prefix: 〔2026〕3号)."""
    return f"{prefix.strip()}〔{year}〕{seq}号"


def parse_letter_number(text: str) -> tuple[int, int]:
    """(year, seq) from a number as printed or typed: 〔2026〕3号, [2026]3, 2026-3."""
    found = _NUMBER.match(text or "") or _PLAIN.match(text or "")
    if found is None:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors", "“{text}”不是督办函文号，请写成〔2026〕3号或 2026-3 这样的形式。"
            ),
            text=(text or "").strip()[:30],
        )
    return int(found.group("year")), int(found.group("seq"))


@dataclass(frozen=True, slots=True)
class LetterItem:
    """One item a letter names, as it stood when the letter went out."""

    item_id: int
    label: str
    content: str
    deadline_text: str = ""
    deadline: dt.date | None = None
    days_overdue: int | None = None


@dataclass(slots=True)
class Letter:
    """One registered letter (督办登记簿 row)."""

    id: int
    year: int
    seq: int
    prefix: str
    kind: LetterKind
    unit: str
    issued_on: dt.date
    reply_due: dt.date | None
    items: list[LetterItem] = field(default_factory=list)
    reply_on: dt.date | None = None
    reply_summary: str = ""
    reply_file: str = ""
    reply_file_name: str = ""
    reply_sha256: str = ""
    result: str = ""
    created_at: str = ""

    @property
    def number(self) -> str:
        return letter_number(self.prefix, self.year, self.seq)

    def reply_overdue(self, today: dt.date) -> bool:
        """No reply yet and the reply date has passed."""
        return self.reply_on is None and self.reply_due is not None and today > self.reply_due

    def reply_state(self, today: dt.date) -> str:
        """已答复, 逾期未复 or 待答复."""
        if self.reply_on is not None:
            return "已答复"
        return "逾期未复" if self.reply_overdue(today) else "待答复"


def days_overdue(deadline: dt.date | None, today: dt.date) -> int | None:
    """Days past the deadline (0 or less: not overdue); None without a date."""
    return None if deadline is None else (today - deadline).days


def overdue_text(days: int | None) -> str:
    """How a letter prints the days: 逾期12天, 还有3天到期, 今天到期, —."""
    if days is None:
        return "—"
    if days > 0:
        return f"逾期{days}天"
    if days == 0:
        return "今天到期"
    return f"还有{-days}天到期"
