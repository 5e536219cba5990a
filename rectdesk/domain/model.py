"""Records and enumerations of the rectification domain (DOMAIN.md)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum


class BatchKind(str, Enum):
    """Where a batch of problems or suggestions came from."""

    SOCIAL_REVIEW = "social_review"
    INSPECTION = "inspection"
    CONGRESS_REVIEW = "congress_review"
    CPPCC_PROPOSAL = "cppcc_proposal"
    AUDIT = "audit"
    OTHER = "other"

    @property
    def label(self) -> str:
        return BATCH_KIND_LABELS[self]


BATCH_KIND_LABELS: dict[BatchKind, str] = {
    BatchKind.SOCIAL_REVIEW: "社会评价意见建议",
    BatchKind.INSPECTION: "巡察反馈问题",
    BatchKind.CONGRESS_REVIEW: "人大评议",
    BatchKind.CPPCC_PROPOSAL: "政协提案",
    BatchKind.AUDIT: "审计整改",
    BatchKind.OTHER: "其他",
}


class Status(str, Enum):
    """Where an item stands in its rectification."""

    PENDING = "pending"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    CLOSED = "closed"
    ONGOING = "ongoing"
    DECLINED = "declined"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


STATUS_LABELS: dict[Status, str] = {
    Status.PENDING: "未启动",
    Status.IN_PROGRESS: "整改中",
    Status.COMPLETED: "已完成（待销号）",
    Status.CLOSED: "已销号",
    Status.ONGOING: "长期坚持",
    Status.DECLINED: "不予整改",
}

#: Statuses whose items still have a deadline to meet.
OPEN_STATUSES: frozenset[Status] = frozenset({Status.PENDING, Status.IN_PROGRESS})
#: Statuses whose items need no more work (grey light).
FINISHED_STATUSES: frozenset[Status] = frozenset({Status.COMPLETED, Status.CLOSED, Status.DECLINED})


class DeadlineKind(str, Enum):
    """What a deadline text means."""

    DATE = "date"
    IMMEDIATE = "immediate"
    ONGOING = "ongoing"
    NONE = "none"


class Light(str, Enum):
    """The warning light (红黄绿灯) shown beside an item."""

    RED = "red"
    YELLOW = "yellow"
    GREEN = "green"
    BLUE = "blue"
    GREY = "grey"


class Role(str, Enum):
    """A department's part in an item."""

    LEAD = "lead"
    ASSIST = "assist"


class LedgerKind(str, Enum):
    """What a ledger entry records."""

    PROGRESS = "progress"
    REMINDER = "reminder"
    REPLY = "reply"
    COMMUNICATION = "communication"
    CLOSE_OFF = "close_off"

    @property
    def label(self) -> str:
        return LEDGER_KIND_LABELS[self]


LEDGER_KIND_LABELS: dict[LedgerKind, str] = {
    LedgerKind.PROGRESS: "整改进展",
    LedgerKind.REMINDER: "催办",
    LedgerKind.REPLY: "答复",
    LedgerKind.COMMUNICATION: "沟通",
    LedgerKind.CLOSE_OFF: "销号",
}


@dataclass(frozen=True, slots=True)
class Deadline:
    """A deadline as written, with what it means."""

    text: str = ""
    date: dt.date | None = None
    kind: DeadlineKind = DeadlineKind.NONE
    ongoing: bool = False
    warning: str = ""


@dataclass(frozen=True, slots=True)
class Assignment:
    """One department's part in an item."""

    department: str
    role: Role = Role.LEAD


@dataclass(slots=True)
class Batch:
    """A list of problems or suggestions received together (批次)."""

    id: int
    kind: BatchKind
    name: str
    issuer: str = ""
    doc_number: str = ""
    year: int | None = None
    received_on: dt.date | None = None
    source_file: str = ""
    source_sha256: str = ""
    created_at: str = ""
    item_count: int = 0


@dataclass(slots=True)
class BatchDraft:
    """A batch before it is stored."""

    kind: BatchKind
    name: str
    issuer: str = ""
    doc_number: str = ""
    year: int | None = None
    received_on: dt.date | None = None


@dataclass(slots=True)
class ItemDraft:
    """An item before it is stored: what an importer or the demo loader produces."""

    content: str
    seq: str = ""
    number: str | None = None
    category: str = ""
    origin: str = ""
    departments: list[Assignment] = field(default_factory=list)
    lead: str = ""
    owner: str = ""
    measures: str = ""
    outcomes: str = ""
    deadline: Deadline = field(default_factory=Deadline)
    status: Status = Status.PENDING
    status_reason: str = ""
    closed_on: dt.date | None = None
    progress: str = ""
    remarks: str = ""
    result_class: str = ""
    satisfaction: str = ""
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class Item:
    """A stored item with everything the window and the reports show."""

    id: int
    batch_id: int
    position: int
    content: str
    seq: str = ""
    number: str | None = None
    category: str = ""
    origin: str = ""
    departments: list[Assignment] = field(default_factory=list)
    lead: str = ""
    owner: str = ""
    measures: str = ""
    outcomes: str = ""
    deadline: Deadline = field(default_factory=Deadline)
    status: Status = Status.PENDING
    status_reason: str = ""
    closed_on: dt.date | None = None
    progress: str = ""
    progress_on: dt.date | None = None
    remarks: str = ""
    result_class: str = ""
    satisfaction: str = ""
    extra: dict[str, str] = field(default_factory=dict)
    created_at: str = ""
    updated_at: str = ""
    #: Grows with every stored change of the item or of what belongs to it; an edit made
    #: against an older version is refused (see domain/conflicts.py). Not part of equality:
    #: an item put back by undo equals what it was, under a newer version.
    version: int = field(default=0, compare=False)

    @property
    def lead_department(self) -> str:
        """The leading unit (牵头), or the first listed."""
        for assignment in self.departments:
            if assignment.role is Role.LEAD:
                return assignment.department
        return self.departments[0].department if self.departments else ""

    @property
    def department_names(self) -> list[str]:
        """Department names, the lead first."""
        lead = self.lead_department
        rest = [a.department for a in self.departments if a.department != lead]
        return ([lead] if lead else []) + rest


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    """One line of an item's ledger (台账)."""

    id: int
    item_id: int
    on: dt.date
    kind: LedgerKind
    text: str
    author: str = ""
    created_at: str = ""


@dataclass(frozen=True, slots=True)
class Attachment:
    """An evidence file (佐证材料) kept beside the store."""

    id: int
    item_id: int
    ledger_id: int | None
    name: str
    stored_path: str
    size: int
    sha256: str
    added_at: str = ""


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One recorded change."""

    id: int
    at: str
    actor: str
    item_id: int | None
    action: str
    field: str
    old: str
    new: str
    #: The item's version this change made (None: not about an item, or recorded before).
    item_version: int | None = None
    #: The computer account and the machine the change was made from.
    os_user: str = ""
    machine: str = ""


#: Canonical item fields that hold free text, in the order they are shown.
TEXT_FIELDS: tuple[str, ...] = (
    "seq",
    "number",
    "category",
    "origin",
    "content",
    "lead",
    "owner",
    "measures",
    "outcomes",
    "progress",
    "remarks",
    "status_reason",
    "result_class",
    "satisfaction",
)

#: Chinese labels of the canonical fields, as on the official tables.
FIELD_LABELS: dict[str, str] = {
    "seq": "序号",
    "number": "意见建议编号",
    "category": "类别",
    "origin": "意见来源",
    "content": "意见建议内容",
    "departments": "责任单位",
    "lead": "责任领导",
    "owner": "责任人",
    "measures": "整改措施",
    "outcomes": "整改可检验成果",
    "deadline": "整改时限",
    "status": "完成情况",
    "status_reason": "状态说明",
    "closed_on": "销号日期",
    "progress": "整改进展",
    "remarks": "备注",
    "result_class": "办理结果类别",
    "satisfaction": "满意度",
}


def normalize_assignments(assignments: list[Assignment]) -> list[Assignment]:
    """Trimmed, de-duplicated departments with exactly one lead, listed first.

    The lead is the first one marked lead, else the first listed (DOMAIN.md).
    """
    names: list[str] = []
    marked: str | None = None
    for assignment in assignments:
        name = assignment.department.strip()
        if not name or name in names:
            continue
        names.append(name)
        if marked is None and assignment.role is Role.LEAD:
            marked = name
    if not names:
        return []
    lead = marked or names[0]
    return [Assignment(lead, Role.LEAD)] + [Assignment(n, Role.ASSIST) for n in names if n != lead]
