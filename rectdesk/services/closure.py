"""销号 as a reviewed step where the office wants it, and the guard against paper 销号.

``problems`` is asked by every close-off (ItemService.close_off and set_status to 已销号):
an item without any evidence file needs a written reason, and where the office has turned
the review on, only an item whose latest application was approved may be closed off.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from rectdesk.domain.closure import CloseReview, ReviewState, closing_problem
from rectdesk.domain.errors import QT_TRANSLATE_NOOP, Label, UserError
from rectdesk.domain.ledger import LedgerStore
from rectdesk.domain.model import Item, Status
from rectdesk.services import settings
from rectdesk.store.evidence import ReviewBook

#: Setting: whether a close-off needs an approved application first.
REVIEW_KEY = "close_review_required"


def review_required(store: LedgerStore) -> bool:
    return bool(store.setting(REVIEW_KEY, False))


def set_review_required(store: LedgerStore, required: bool) -> None:
    """Turn the review on or off, in the audit log: turning it off lets items skip review."""
    old, new = review_required(store), bool(required)
    if old == new:
        return
    with store.transaction():
        store.set_setting(REVIEW_KEY, new)
        store.audit(settings.actor(store), None, "settings", REVIEW_KEY, str(old), str(new))


def problems(
    store: LedgerStore, items: Sequence[Item], *, evidence_given: bool, reason: str
) -> dict[str, list[Item]]:
    """Why each item may not be closed off now, grouped by the reason (empty: all may)."""
    required = review_required(store)
    reviews = ReviewBook(store).latest([i.id for i in items]) if required else {}
    found: dict[str, list[Item]] = {}
    for item in items:
        has = evidence_given or bool(store.attachments(item.id))
        problem = closing_problem(
            has_evidence=has, reason=reason, review_required=required, review=reviews.get(item.id)
        )
        if problem is not None:
            found.setdefault(problem, []).append(item)
    return found


def ledger_note(store: LedgerStore, item_id: int, note: str) -> str:
    """The close-off ledger line, naming the reviewer where the item was reviewed."""
    review = ReviewBook(store).latest([item_id]).get(item_id)
    if review is None or review.state is not ReviewState.APPROVED:
        return note.strip()
    said = (
        f"（经{review.reviewer}审核同意" + (f"：{review.opinion}" if review.opinion else "") + "）"
    )
    return (note.strip() + said).strip()


def apply(
    store: LedgerStore, item_ids: Sequence[int], *, on: dt.date, applicant: str, note: str
) -> list[CloseReview]:
    """申请: ask for the close-off of items that are done (已完成 or 长期坚持)."""
    wanted = list(dict.fromkeys(item_ids))
    if not wanted:
        raise UserError(QT_TRANSLATE_NOOP("Errors", "请先选择要申请销号的事项。"))
    items = store.items_by_ids(wanted)
    missing = sorted(set(wanted) - {i.id for i in items})
    if missing:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors", "找不到编号为 {item_id} 的事项，可能已被删除；没有提出任何申请。"
            ),
            item_id=missing[0],
        )
    wrong = [i for i in items if i.status not in (Status.COMPLETED, Status.ONGOING)]
    if wrong:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "只有“{completed}”或“{ongoing}”的事项可以申请销号，"
                "有{count}条事项不是（如“{example}”）。",
            ),
            completed=Label(Status.COMPLETED.label),
            ongoing=Label(Status.ONGOING.label),
            count=len(wrong),
            example=wrong[0].number or wrong[0].seq or wrong[0].id,
        )
    book = ReviewBook(store)
    open_ = book.latest([i.id for i in items])
    with store.transaction():
        made = []
        for item in items:
            latest = open_.get(item.id)
            if latest is not None and latest.state is ReviewState.APPLIED:
                made.append(latest)  # already waiting: applying twice changes nothing
                continue
            made.append(book.apply(item.id, on, applicant, note.strip()))
    return made


def decide(
    store: LedgerStore, review_id: int, *, approve: bool, reviewer: str, on: dt.date, opinion: str
) -> CloseReview:
    """审核: the reviewer approves or returns an application, with an opinion."""
    if not reviewer.strip():
        raise UserError(QT_TRANSLATE_NOOP("Errors", "请填写审核人。"))
    if not approve and not opinion.strip():
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "退回销号申请时请写明审核意见（需要补充什么）。")
        )
    review = ReviewBook(store).review(review_id)
    if on < review.applied_on:
        raise UserError(QT_TRANSLATE_NOOP("Errors", "审核日期早于申请日期，请核对。"))
    return ReviewBook(store).decide(
        review_id, approve=approve, reviewer=reviewer.strip(), on=on, opinion=opinion.strip()
    )


def latest_review(store: LedgerStore, item_id: int) -> CloseReview | None:
    """The item's latest close-off review, if it ever had one."""
    return ReviewBook(store).latest([item_id]).get(item_id)


def pending(store: LedgerStore) -> list[CloseReview]:
    """Applications waiting for a reviewer."""
    return ReviewBook(store).pending()


def history(store: LedgerStore, item_id: int) -> list[CloseReview]:
    """Every close-off application of an item and its review, oldest first."""
    store.item(item_id)
    return ReviewBook(store).history(item_id)


def open_application(store: LedgerStore, item_id: int) -> CloseReview:
    """The item's application waiting for a reviewer; a plain refusal when there is none."""
    store.item(item_id)
    review = latest_review(store, item_id)
    if review is None:
        raise UserError(QT_TRANSLATE_NOOP(
            "Errors", "事项 {item_id} 还没有提出销号申请，没有可审核的内容；请先提出销号申请。"
        ), item_id=item_id)  # fmt: skip
    if review.state is ReviewState.APPROVED:
        raise UserError(QT_TRANSLATE_NOOP(
            "Errors", "事项 {item_id} 的销号申请已由{reviewer}审核通过，不用再审核，可以直接销号。"
        ), item_id=item_id, reviewer=review.reviewer)  # fmt: skip
    if review.state is ReviewState.REJECTED:
        raise UserError(QT_TRANSLATE_NOOP(
            "Errors", "事项 {item_id} 的销号申请已被退回（{opinion}），请补充后重新提出申请。"
        ), item_id=item_id, opinion=review.opinion)  # fmt: skip
    return review
