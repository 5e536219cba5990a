"""Rounds with the responsible units: the sheet they fill, its row marks, and their answers.

A round (第N轮) sends each unit (责任单位) the items it leads (牵头) or assists (配合) with a
cut-off (报送截止); the unit fills the open columns and sends the workbook back. Every row
carries a hidden mark: the item, round, batch, unit and role, sealed with an HMAC keyed by a
secret kept in the store, so a row copied from another file, another round or another unit,
or a mark typed by hand, is recognised.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import re
import unicodedata
from dataclasses import dataclass, field
from enum import Enum

from rectdesk.domain.model import Role, Status


class Column(str, Enum):
    """The columns of the sheet a unit fills, in the order they are printed."""

    SEQ = "seq"
    NUMBER = "number"
    CONTENT = "content"
    ORIGIN = "origin"
    ROLE = "role"
    DEADLINE = "deadline"
    MEASURES = "measures"
    PROGRESS = "progress"
    STATUS = "status"
    COMPLETED_ON = "completed_on"
    EVIDENCE = "evidence"
    CONTACT = "contact"
    PHONE = "phone"
    TOKEN = "token"


@dataclass(frozen=True)
class SheetColumn:
    """One column: its header, its width in characters, and whether the unit may fill it."""

    key: Column
    header: str
    width: float
    fillable: bool


#: The sheet as printed. 意见来源 is shown masked (a citizen's phone never leaves the office).
SHEET_COLUMNS: tuple[SheetColumn, ...] = (
    SheetColumn(Column.SEQ, "序号", 5, False),
    SheetColumn(Column.NUMBER, "编号", 17, False),
    SheetColumn(Column.CONTENT, "问题/意见建议内容", 32, False),
    SheetColumn(Column.ORIGIN, "意见来源", 12, False),
    SheetColumn(Column.ROLE, "分工", 6, False),
    SheetColumn(Column.DEADLINE, "整改时限", 11, False),
    SheetColumn(Column.MEASURES, "整改措施", 28, True),
    SheetColumn(Column.PROGRESS, "整改进展", 32, True),
    SheetColumn(Column.STATUS, "完成情况", 9, True),
    SheetColumn(Column.COMPLETED_ON, "完成时间", 11, True),
    SheetColumn(Column.EVIDENCE, "佐证材料", 16, True),
    SheetColumn(Column.CONTACT, "联系人", 8, True),
    SheetColumn(Column.PHONE, "联系电话", 12, True),
    SheetColumn(Column.TOKEN, "校验码（请勿改动）", 12, False),
)
COLUMN_BY_KEY: dict[Column, SheetColumn] = {c.key: c for c in SHEET_COLUMNS}
#: Columns compared with what was sent: a change in one of them is a protected-column edit.
PROTECTED: tuple[Column, ...] = (
    Column.NUMBER, Column.CONTENT, Column.ORIGIN, Column.ROLE, Column.DEADLINE,
)  # fmt: skip
#: The unit's answer about the item (what the review shows, field by field).
ANSWER_FIELDS: tuple[Column, ...] = (
    Column.MEASURES, Column.PROGRESS, Column.STATUS, Column.COMPLETED_ON, Column.EVIDENCE,
)  # fmt: skip
#: Names the answer fields have in the ledger and the review.
ANSWER_LABELS: dict[Column, str] = {
    Column.MEASURES: "整改措施",
    Column.PROGRESS: "整改进展",
    Column.STATUS: "完成情况",
    Column.COMPLETED_ON: "完成时间",
    Column.EVIDENCE: "佐证材料",
}
#: Item extra fields that keep the answers that have no column of their own.
EXTRA_KEYS: dict[Column, str] = {
    Column.COMPLETED_ON: "完成时间",
    Column.EVIDENCE: "佐证材料",
}

ROLE_LABELS: dict[Role, str] = {Role.LEAD: "牵头", Role.ASSIST: "配合"}

#: The drop-down of 完成情况: what a unit may say (销号 and 不予整改 are the office's to decide).
STATUS_CHOICES: tuple[tuple[str, Status], ...] = (
    ("未启动", Status.PENDING),
    ("整改中", Status.IN_PROGRESS),
    ("已完成", Status.COMPLETED),
    ("长期坚持", Status.ONGOING),
)


def status_choice(status: Status) -> str:
    """The drop-down text for an item's status (a closed item reads 已完成)."""
    if status in (Status.COMPLETED, Status.CLOSED):
        return "已完成"
    for text, value in STATUS_CHOICES:
        if value is status:
            return text
    return ""


# -- the row and file marks --------------------------------------------------------------

TOKEN_PREFIX = "RD1"
_TOKEN = re.compile(
    r"RD1\.(?P<batch>\d{1,9})\.(?P<round>\d{1,4})\.(?P<item>\d{1,12})\.(?P<unit>\d{1,9})"
    r"\.(?P<role>[LA])\.(?P<mac>[A-Z2-7]{16})"
)
_FILE_TOKEN = re.compile(
    r"RD1F\.(?P<batch>\d{1,9})\.(?P<round>\d{1,4})\.(?P<unit>\d{1,9})\.(?P<mac>[A-Z2-7]{16})"
)


@dataclass(frozen=True)
class RowMark:
    """What a row's mark says: which item, for which round, batch, unit and role."""

    batch_id: int
    round_number: int
    item_id: int
    unit_id: int
    role: Role


@dataclass(frozen=True)
class FileMark:
    """What a workbook's own mark says."""

    batch_id: int
    round_number: int
    unit_id: int


def _mac(secret: bytes, message: str) -> str:
    digest = hmac.new(secret, message.encode(), hashlib.sha256).digest()
    return base64.b32encode(digest).decode()[:16]


def row_token(secret: bytes, mark: RowMark) -> str:
    """The hidden identifier of one row."""
    role = "L" if mark.role is Role.LEAD else "A"
    body = f"{mark.batch_id}.{mark.round_number}.{mark.item_id}.{mark.unit_id}.{role}"
    return f"{TOKEN_PREFIX}.{body}.{_mac(secret, 'row|' + body)}"


def file_token(secret: bytes, mark: FileMark) -> str:
    """The hidden identifier of a whole workbook."""
    body = f"{mark.batch_id}.{mark.round_number}.{mark.unit_id}"
    return f"{TOKEN_PREFIX}F.{body}.{_mac(secret, 'file|' + body)}"


def looks_like_token(text: str) -> bool:
    """Whether a cell holds something shaped like a row mark (sound or not)."""
    return text.strip().startswith(TOKEN_PREFIX + ".")


def read_row_token(secret: bytes, text: str) -> RowMark | None:
    """The row mark, or None when it is malformed or its seal does not match."""
    found = _TOKEN.fullmatch(text.strip())
    if found is None:
        return None
    body = ".".join(found.group(k) for k in ("batch", "round", "item", "unit", "role"))
    if not hmac.compare_digest(found.group("mac"), _mac(secret, "row|" + body)):
        return None
    role = Role.LEAD if found.group("role") == "L" else Role.ASSIST
    return RowMark(
        int(found.group("batch")), int(found.group("round")), int(found.group("item")),
        int(found.group("unit")), role,
    )  # fmt: skip


def read_file_token(secret: bytes, text: str) -> FileMark | None:
    """The workbook mark, or None when it is malformed or its seal does not match."""
    found = _FILE_TOKEN.fullmatch(text.strip())
    if found is None:
        return None
    body = ".".join(found.group(k) for k in ("batch", "round", "unit"))
    if not hmac.compare_digest(found.group("mac"), _mac(secret, "file|" + body)):
        return None
    return FileMark(int(found.group("batch")), int(found.group("round")), int(found.group("unit")))


_SPACE = re.compile(r"\s+")


def flat(text: str) -> str:
    """A cell's text as compared: same characters whatever the line breaks and spacing."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text or ""))


def digest(text: str) -> str:
    """A short fingerprint of a cell's text as sent, to tell later whether it was changed."""
    return hashlib.sha256(flat(text).encode()).hexdigest()[:12]


def same_number(left: str | None, right: str | None) -> bool:
    """Whether two 编号 are the same, a leading zero lost by a spreadsheet aside."""
    a, b = flat(left or ""), flat(right or "")
    return bool(a) and (a == b or a.lstrip("0") == b.lstrip("0"))


# -- rounds as the office sees them -------------------------------------------------------


@dataclass(frozen=True)
class UnitRound:
    """One unit in one round: what it was sent and when it answered."""

    unit_id: int
    unit: str
    items: int
    lead_items: int
    sent_at: str | None
    returned_at: str | None
    file_name: str = ""
    contact: str = ""
    phone: str = ""


@dataclass(frozen=True)
class Round:
    """A round of one batch, with its units."""

    id: int
    batch_id: int
    number: int
    cut_off: dt.date | None
    created_at: str
    units: list[UnitRound] = field(default_factory=list)

    @property
    def missing(self) -> list[UnitRound]:
        """Units that have not answered."""
        return [u for u in self.units if u.returned_at is None]

    def overdue(self, today: dt.date) -> bool:
        """Whether the cut-off has passed."""
        return self.cut_off is not None and today > self.cut_off
