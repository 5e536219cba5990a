"""销号 needs evidence or a written reason; where the office wants it, an approved review."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from supkit import TODAY, photo

from rectdesk.cli import main
from rectdesk.domain.closure import ReviewState
from rectdesk.domain.errors import TransitionError, UserError
from rectdesk.domain.model import LedgerKind, Status
from rectdesk.services import closure
from rectdesk.services.items import ItemService
from rectdesk.store import ItemQuery, Store


def done_ids(store: Store) -> list[int]:
    return store.item_ids(ItemQuery(statuses=(Status.COMPLETED,)))


def test_closing_without_evidence_or_reason_is_refused(store: Store) -> None:
    service = ItemService(store, "李明")
    ids = done_ids(store)
    for attempt in (
        lambda: service.close_off(ids[:1], TODAY),
        lambda: service.close_off(ids[:1], TODAY, note=" 无 "),
        lambda: service.set_status(ids[:1], Status.CLOSED, closed_on=TODAY),
    ):
        with pytest.raises(TransitionError, match="没有任何佐证材料，销号需要写明理由"):
            attempt()
    assert store.item(ids[0]).status is Status.COMPLETED
    service.close_off(ids[:1], TODAY, note="会议纪要已报纪检组存档").do()
    assert store.item(ids[0]).status is Status.CLOSED
    assert store.ledger(ids[0])[-1].text == "会议纪要已报纪检组存档"


def test_evidence_on_the_item_or_given_is_enough(store: Store, tmp_path: Path) -> None:
    service = ItemService(store, "李明")
    first, second = done_ids(store)
    store.add_attachment(first, photo(tmp_path / "现场.jpg", 1))
    service.close_off([first], TODAY).do()
    service.close_off([second], TODAY, evidence=photo(tmp_path / "b.jpg", 2)).do()
    assert {store.item(i).status for i in (first, second)} == {Status.CLOSED}


def test_review_required_applies_reviews_then_closes(store: Store, tmp_path: Path) -> None:
    closure.set_review_required(store, True)
    service = ItemService(store, "李明")
    item_id = done_ids(store)[0]
    store.add_attachment(item_id, photo(tmp_path / "现场.jpg", 1))
    with pytest.raises(TransitionError, match="先提出销号申请"):
        service.close_off([item_id], TODAY)
    (review,) = closure.apply(store, [item_id], on=TODAY, applicant="医政股张三", note="已整改")
    # Applying twice changes nothing: the open application stands.
    assert closure.apply(store, [item_id], on=TODAY, applicant="x", note="y")[0].id == review.id
    with pytest.raises(TransitionError, match="尚未审核"):
        service.close_off([item_id], TODAY)
    with pytest.raises(UserError, match="审核意见"):
        closure.decide(store, review.id, approve=False, reviewer="王局长", on=TODAY, opinion="")
    returned = closure.decide(store, review.id, approve=False, reviewer="王局长", on=TODAY,
                              opinion="请补充整改前后对比照片")  # fmt: skip
    assert returned.state is ReviewState.REJECTED
    with pytest.raises(TransitionError, match="审核未通过"):
        service.close_off([item_id], TODAY)
    with pytest.raises(UserError, match="已经审核过"):
        closure.decide(store, review.id, approve=True, reviewer="王局长", on=TODAY, opinion="")
    again = closure.apply(store, [item_id], on=TODAY, applicant="医政股张三", note="已补充")[0]
    assert closure.pending(store) == [again]
    closure.decide(store, again.id, approve=True, reviewer="王局长",
                   on=TODAY + dt.timedelta(days=1), opinion="同意销号")  # fmt: skip
    service.close_off([item_id], TODAY + dt.timedelta(days=2), note="经审核").do()
    entry = store.ledger(item_id)[-1]
    assert entry.kind is LedgerKind.CLOSE_OFF
    assert entry.text == "经审核（经王局长审核同意：同意销号）"
    assert [r.state for r in closure.ReviewBook(store).history(item_id)] == [
        ReviewState.REJECTED, ReviewState.APPROVED,
    ]  # fmt: skip


def test_only_finished_items_may_apply(store: Store) -> None:
    open_item = store.item_ids(ItemQuery(statuses=(Status.IN_PROGRESS,)))[0]
    with pytest.raises(UserError, match="只有“已完成（待销号）”"):
        closure.apply(store, [open_item], on=TODAY, applicant="x", note="")


def test_command_line_close_needs_a_reason(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    item_id = str(done_ids(store)[0])
    db = str(store.path)
    store.close()
    assert main(["--db", db, "close", item_id, "--date", TODAY.isoformat()]) == 1
    assert "写明理由" in capsys.readouterr().err
    assert main(["--db", db, "close", item_id, "--date", TODAY.isoformat(),
                 "--note", "纪要已存档"]) == 0  # fmt: skip
