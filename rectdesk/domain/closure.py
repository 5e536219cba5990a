"""销号 as a reviewed step (申请 → 审核 → 销号), and what closing without evidence needs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from rectdesk.domain.errors import QT_TRANSLATE_NOOP, localized


class ReviewState(str, Enum):
    """Where a close-off application stands."""

    APPLIED = "applied"
    APPROVED = "approved"
    REJECTED = "rejected"

    @property
    def label(self) -> str:
        return REVIEW_STATE_LABELS[self]


REVIEW_STATE_LABELS: dict[ReviewState, str] = {
    ReviewState.APPLIED: "已申请，待审核",
    ReviewState.APPROVED: "审核通过，可销号",
    ReviewState.REJECTED: "审核未通过",
}

#: A reason shorter than this is not a reason (“无”, “-”).
MIN_REASON_CHARS = 2


@dataclass(frozen=True, slots=True)
class CloseReview:
    """One close-off application and its review."""

    id: int
    item_id: int
    applied_on: dt.date
    applicant: str
    note: str
    state: ReviewState
    reviewer: str = ""
    reviewed_on: dt.date | None = None
    opinion: str = ""


def closing_problem(
    *,
    has_evidence: bool,
    reason: str,
    review_required: bool,
    review: CloseReview | None,
) -> str | None:
    """Why an item may not be closed off now, in the interface language (None: it may).

    Closing without any evidence file needs a written reason (纸面销号 is what inspections look
    for); where the office reviews close-offs, only an approved application may be closed.
    """
    if review_required:
        if review is None:
            return localized(
                QT_TRANSLATE_NOOP(
                    "Errors", "本单位要求销号先审核：请先提出销号申请，审核通过后再销号"
                )
            )
        if review.state is ReviewState.APPLIED:
            return localized(QT_TRANSLATE_NOOP("Errors", "销号申请尚未审核，请审核通过后再销号"))
        if review.state is ReviewState.REJECTED:
            return localized(
                QT_TRANSLATE_NOOP("Errors", "销号申请审核未通过，请补充材料后重新申请")
            )
    if not has_evidence and len(reason.strip()) < MIN_REASON_CHARS:
        return localized(
            QT_TRANSLATE_NOOP(
                "Errors",
                "没有任何佐证材料，销号需要写明理由（如“会议纪要已报纪检组存档”）；"
                "或先添加佐证材料",
            )
        )
    return None
