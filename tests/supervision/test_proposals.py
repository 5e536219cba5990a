"""The proposal workflow: statutory deadline, contacts, answers, 不满意, the year's figures."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from rectdesk.domain.errors import UserError
from rectdesk.domain.proposals import Answer, HandlingRole, Proposal, ProposalKind
from rectdesk.services import proposals
from rectdesk.store import Store

ASSIGNED = dt.date(2026, 1, 20)


def _answer(item_id: int, round_: int = 1, **kw: object) -> Answer:
    values: dict[str, object] = dict(
        id=0, item_id=item_id, round=round_, answered_on=dt.date(2026, 4, 10), answer_class="A",
        number="县卫健函〔2026〕8号", signer="王局长", contact_person="李明",
        contact_phone="0771-5812345", text="您提出的建议收悉。现答复如下：已增加基层医生培训。",
    )  # fmt: skip
    values.update(kw)
    return Answer(**values)  # type: ignore[arg-type]


def test_statutory_deadline_from_assignment_becomes_the_item_deadline(store: Store) -> None:
    item_id = store.items()[0].id
    counted = proposals.save(store, Proposal(item_id, ProposalKind.CPPCC, code="112",
                                             proposer="张委员", assigned_on=ASSIGNED))  # fmt: skip
    # 交办之日起3个月内: 20 April 2026 is a Monday, a working day.
    assert counted is not None and counted.date == dt.date(2026, 4, 20)
    assert store.item(item_id).deadline.date == dt.date(2026, 4, 20)
    assert "交办之日起3个月内" in store.item(item_id).deadline.text
    # As 会办 unit the opinion is due within one month: 20 Feb 2026 falls in the Spring
    # Festival holiday (15–23 Feb), so it moves to the next working day, 24 Feb.
    co = proposals.save(store, Proposal(item_id, ProposalKind.CONGRESS, role=HandlingRole.CO,
                                        assigned_on=ASSIGNED))  # fmt: skip
    assert co is not None and co.date == dt.date(2026, 2, 24)
    with pytest.raises(UserError, match="领办的领导"):
        proposals.save(store, Proposal(item_id, key=True))


def test_answers_second_handling_and_the_year(store: Store, tmp_path: Path) -> None:
    ids = [i.id for i in store.items()]
    proposals.save(store, Proposal(ids[0], ProposalKind.CPPCC, code="112", proposer="张委员",
                                   key=True, leader="局长", assigned_on=ASSIGNED))  # fmt: skip
    proposals.save(store, Proposal(ids[1], ProposalKind.CONGRESS, code="45",
                                   assigned_on=ASSIGNED))  # fmt: skip
    sent = dt.date(2026, 2, 10)
    proposals.save(store, Proposal(ids[2], ProposalKind.CONGRESS, role=HandlingRole.CO,
                                   assigned_on=ASSIGNED, co_opinion_on=sent))  # fmt: skip
    proposals.add_contact(store, ids[0], on=dt.date(2026, 2, 3), method="面对面沟通",
                          who="张委员", opinions=3)  # fmt: skip
    proposals.add_contact(store, ids[0], on=dt.date(2026, 3, 3), method="电话沟通", opinions=1)
    proposals.add_contact(store, ids[1], on=dt.date(2026, 3, 5), method="实地考察")
    with pytest.raises(UserError, match="沟通方式"):
        proposals.add_contact(store, ids[1], on=dt.date(2026, 3, 5), method="微信")
    with pytest.raises(UserError, match="答复分类"):
        proposals.record_answer(store, _answer(ids[0], answer_class="Z"))
    with pytest.raises(UserError, match="还没有第一次答复"):
        proposals.record_answer(store, _answer(ids[0], 2))
    proposals.record_answer(store, _answer(ids[0], satisfaction="不满意",
                                           feedback_on=dt.date(2026, 4, 20)))  # fmt: skip
    assert store.item(ids[0]).result_class == "A"
    assert store.item(ids[0]).satisfaction == "不满意"
    first = proposals.answers(store, ids[0])[0]
    due = proposals.second_deadline(store, first)
    assert due is not None and due.date == dt.date(2026, 5, 20)
    proposals.record_answer(store, _answer(ids[0], 2, answered_on=dt.date(2026, 5, 15),
                                           satisfaction="基本满意"))  # fmt: skip
    may = dt.date(2026, 5, 1)
    proposals.record_answer(store, _answer(ids[1], answer_class="B", answered_on=may,
                                           satisfaction="满意"))  # fmt: skip
    with pytest.raises(UserError, match="不满意时"):
        proposals.record_answer(store, _answer(ids[1], 2))
    figures = proposals.year_figures(store, 2026)
    assert (figures.total, figures.main, figures.co, figures.key) == (3, 2, 1, 1)
    assert (figures.face_to_face, figures.phone, figures.other_contacts) == (1, 1, 1)
    assert figures.opinions == 4 and figures.answered == 2 and figures.answered_on_time == 1
    assert figures.by_class == {"A": 1, "B": 1} and figures.second_handled == 1
    assert (figures.satisfied, figures.basically, figures.unsatisfied) == (1, 1, 0)
    assert figures.satisfaction_rate == 1.0 and figures.co_on_time == 1
    report = proposals.year_report(store, 2026)
    paragraph = next(b.text for b in report.blocks if hasattr(b, "text") and "共承办" in b.text)
    assert "共承办建议提案3件" in paragraph and "面对面沟通1次、电话沟通1次" in paragraph
    assert "满意率100.0%" in paragraph and "已按时提出会办意见1件" in paragraph
    assert proposals.year_figures(store, 2025).total == 0
    letter = proposals.answer_letter(store, ids[0], 1, "pdf", tmp_path / "答复函.pdf")
    text = "".join(p.extract_text() or "" for p in PdfReader(str(letter)).pages)
    for expected in ("A类", "县卫健函〔2026〕8号", "签发人：王局长", "\n张委员：", "第112号提案",
                     "联系人：李明"):  # fmt: skip
        assert expected in text, expected


def test_answer_classes_are_the_offices(store: Store) -> None:
    proposals.set_answer_classes(store, [("A", "已解决或基本解决"), ("B", "正在解决"),
                                         ("C", "列入计划逐步解决"), ("D", "留作参考")])  # fmt: skip
    assert [c for c, _ in proposals.answer_classes(store)] == ["A", "B", "C", "D"]
    with pytest.raises(UserError, match="不能重复"):
        proposals.set_answer_classes(store, [("A", "x"), ("A", "y")])


def test_the_letter_names_the_proposer_once_as_representative_or_member() -> None:
    assert ProposalKind.CONGRESS.addressee("王五") == "王五代表"
    assert ProposalKind.CONGRESS.addressee("王五代表") == "王五代表"
    assert ProposalKind.CPPCC.addressee(" 李四委员 ") == "李四委员"
    assert ProposalKind.CPPCC.addressee("") == "委员"


def test_an_answer_is_never_dated_before_the_proposal_was_assigned(store: Store) -> None:
    item_id = store.items()[0].id
    proposals.save(store, Proposal(item_id, ProposalKind.CPPCC, code="9", assigned_on=ASSIGNED))
    with pytest.raises(UserError, match="早于交办日期"):
        proposals.record_answer(store, _answer(item_id, answered_on=dt.date(2026, 1, 5)))
    assert proposals.answers(store, item_id) == []
