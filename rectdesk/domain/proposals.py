"""人大代表建议 and 政协委员提案: their own fields, contacts, answers and a year's figures."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum


class ProposalKind(str, Enum):
    """Who made the suggestion."""

    CONGRESS = "congress"
    CPPCC = "cppcc"

    @property
    def label(self) -> str:
        return "人大代表建议" if self is ProposalKind.CONGRESS else "政协委员提案"

    @property
    def person(self) -> str:
        """How the letter addresses the proposer: 代表 or 委员."""
        return "代表" if self is ProposalKind.CONGRESS else "委员"

    def addressee(self, proposer: str) -> str:
        """How the letter names the proposer: 王五代表 (never 王五代表代表), or 代表 alone."""
        name = proposer.strip()
        if name.endswith(("代表", "委员")):
            return name
        return f"{name}{self.person}"

    @property
    def noun(self) -> str:
        return "建议" if self is ProposalKind.CONGRESS else "提案"


class HandlingRole(str, Enum):
    """The bureau's part: 主办 (answers) or 会办 (sends its opinion to the 主办 unit)."""

    MAIN = "main"
    CO = "co"

    @property
    def label(self) -> str:
        return "主办" if self is HandlingRole.MAIN else "会办"


CONTACT_METHODS: tuple[str, ...] = ("面对面沟通", "电话沟通", "座谈", "实地考察")
SATISFACTIONS: tuple[str, ...] = ("满意", "基本满意", "不满意")
#: The answer classes as most offices name them; the office may rename or add (settings).
DEFAULT_ANSWER_CLASSES: tuple[tuple[str, str], ...] = (
    ("A", "所提问题已经解决或采纳"),
    ("B", "正在解决或列入计划解决"),
    ("C", "因条件限制或其他原因留作参考"),
)
#: The statutory periods most rules give, counted from 交办 (working-day clock).
DEFAULT_ANSWER_PERIOD = "交办之日起3个月内"
DEFAULT_CO_PERIOD = "交办之日起1个月内"
#: A second handling after 不满意 is due this long after the feedback.
DEFAULT_SECOND_PERIOD = "收到之日起1个月内"


@dataclass(slots=True)
class Proposal:
    """The proposal fields of one item."""

    item_id: int
    kind: ProposalKind = ProposalKind.CPPCC
    code: str = ""
    proposer: str = ""
    role: HandlingRole = HandlingRole.MAIN
    main_unit: str = ""
    co_units: str = ""
    key: bool = False
    leader: str = ""
    assigned_on: dt.date | None = None
    answer_period: str = DEFAULT_ANSWER_PERIOD
    co_period: str = DEFAULT_CO_PERIOD
    co_opinion_on: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Contact:
    """One contact with the proposer (沟通记录)."""

    id: int
    item_id: int
    on: dt.date
    method: str
    who: str = ""
    content: str = ""
    opinions: int = 0


@dataclass(frozen=True, slots=True)
class Answer:
    """One 答复 (round 1, or 2 for the second handling after 不满意)."""

    id: int
    item_id: int
    round: int
    answered_on: dt.date
    answer_class: str
    number: str = ""
    signer: str = ""
    contact_person: str = ""
    contact_phone: str = ""
    text: str = ""
    satisfaction: str = ""
    feedback_on: dt.date | None = None


@dataclass(slots=True)
class YearFigures:
    """What seed 004's speech leaves blank, for one year."""

    year: int
    total: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)
    main: int = 0
    co: int = 0
    key: int = 0
    face_to_face: int = 0
    phone: int = 0
    other_contacts: int = 0
    opinions: int = 0
    answered: int = 0
    answered_on_time: int = 0
    by_class: dict[str, int] = field(default_factory=dict)
    satisfied: int = 0
    basically: int = 0
    unsatisfied: int = 0
    second_handled: int = 0
    co_on_time: int = 0
    co_done: int = 0

    @property
    def rated(self) -> int:
        return self.satisfied + self.basically + self.unsatisfied

    @property
    def satisfaction_rate(self) -> float | None:
        """满意 and 基本满意 as a share of the proposals rated; None when none was."""
        return (self.satisfied + self.basically) / self.rated if self.rated else None


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def year_paragraph(f: YearFigures, unit: str, classes: Sequence[tuple[str, str]]) -> str:
    """The figures as one paragraph, as a speech or summary writes them."""
    who = unit or "我单位"
    kinds = "，".join(f"{k}{n}件" for k, n in f.by_kind.items() if n)
    parts = [f"{f.year}年，{who}共承办建议提案{f.total}件"]
    if kinds:
        parts[0] += f"（{kinds}）"
    parts.append(f"其中主办{f.main}件、会办{f.co}件，重点提案{f.key}件")
    contacts = f"办理中与代表委员面对面沟通{f.face_to_face}次、电话沟通{f.phone}次"
    if f.other_contacts:
        contacts += f"、座谈和实地考察{f.other_contacts}次"
    parts.append(contacts + f"，征求到意见建议{f.opinions}条")
    if f.answered:
        shares = "、".join(
            f"{code}类（{name}）{f.by_class.get(code, 0)}件" for code, name in classes
        )
        parts.append(f"已答复{f.answered}件，按期答复{f.answered_on_time}件；{shares}")
    if f.rated:
        parts.append(
            f"代表委员反馈满意{f.satisfied}件、基本满意{f.basically}件、不满意{f.unsatisfied}件，"
            f"满意率{percent(f.satisfaction_rate)}"
        )
        if f.unsatisfied:
            parts[-1] += f"；对不满意的重新办理{f.second_handled}件"
    if f.co:
        parts.append(f"会办的{f.co}件中，已按时提出会办意见{f.co_on_time}件")
    return "，".join(parts[:2]) + "；" + "；".join(parts[2:]) + "。"
