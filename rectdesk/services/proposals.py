"""The proposal workflow (建议提案办理, seed 004): fields, deadlines, contacts, answers, figures.

The statutory reply deadline is counted from the 交办 date on the working-day clock and becomes
the item's deadline, so the warning lights, the overdue list and the 督办 letters see it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from rectdesk.domain.deadlines import format_cn_date
from rectdesk.domain.errors import QT_TRANSLATE_NOOP, Label, Listing, UserError
from rectdesk.domain.ledger import LedgerStore
from rectdesk.domain.model import BatchKind, Deadline, DeadlineKind
from rectdesk.domain.privacy import OutputMode
from rectdesk.domain.proposals import (
    CONTACT_METHODS,
    DEFAULT_ANSWER_CLASSES,
    DEFAULT_SECOND_PERIOD,
    SATISFACTIONS,
    Answer,
    Contact,
    HandlingRole,
    Proposal,
    YearFigures,
    percent,
    year_paragraph,
)
from rectdesk.domain.workdays import Counted
from rectdesk.reports.layout import Align, Column, Paragraph, ParagraphStyle, Report, Row, Table
from rectdesk.reports.letter import LetterDoc, mask_letter
from rectdesk.reports.masking import mask_report
from rectdesk.services import settings, workcalendar
from rectdesk.services.letters import letter_settings, write_letter
from rectdesk.store.proposals import ProposalBook

#: Setting: the answer classes as the office names them, [[code, meaning], …].
CLASSES_KEY = "proposal_answer_classes"


def answer_classes(store: LedgerStore) -> list[tuple[str, str]]:
    stored = store.setting(CLASSES_KEY, None)
    if isinstance(stored, list) and stored:
        try:
            return [(str(code), str(name)) for code, name in stored]
        except (TypeError, ValueError):
            pass
    return list(DEFAULT_ANSWER_CLASSES)


def set_answer_classes(store: LedgerStore, classes: Sequence[tuple[str, str]]) -> None:
    """Rename or add answer classes (codes must be unique and short)."""
    clean = [(c.strip(), n.strip()) for c, n in classes if c.strip()]
    codes = [c for c, _ in clean]
    if not clean or len(set(codes)) != len(codes) or any(len(c) > 4 for c in codes):
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors", "答复分类的代号不能为空、不能重复，最长4个字符（如 A、B、C）。"
            )
        )
    old = _said_classes(answer_classes(store))
    with store.transaction():
        store.set_setting(CLASSES_KEY, [list(pair) for pair in clean])
        store.audit(settings.actor(store), None, "settings", CLASSES_KEY, old, _said_classes(clean))


def _said_classes(classes: Sequence[tuple[str, str]]) -> str:
    return "；".join(f"{code}={name}" for code, name in classes)


def proposal(store: LedgerStore, item_id: int) -> Proposal | None:
    return ProposalBook(store).proposal(item_id)


def applies(store: LedgerStore, item_id: int) -> bool:
    """Whether an item is handled as a proposal: in a 人大/政协 batch, or already recorded so."""
    kind = store.batch(store.item(item_id).batch_id).kind
    if kind in (BatchKind.CONGRESS_REVIEW, BatchKind.CPPCC_PROPOSAL):
        return True
    return proposal(store, item_id) is not None


#: The step a proposal waits for, in the order of the work.
STEP_ANSWER = "答复"
STEP_CO_OPINION = "会办意见"
STEP_SECOND = "重新办理"


@dataclass(frozen=True, slots=True)
class Standing:
    """Where a proposal stands on a day: the step now due, its clock, whether it is late."""

    proposal: Proposal
    #: 答复 (主办), 会办意见 (会办), or 重新办理 after a 不满意 answer.
    step: str
    #: The step's deadline and how it was counted; None without a date to count from.
    due: Counted | None
    #: When the step was done; None while it is still open.
    done_on: dt.date | None
    #: Days past the deadline while the step is open (0: not overdue).
    overdue_days: int
    answers: tuple[Answer, ...] = ()
    contacts: int = 0
    #: Why the deadline could not be counted (a period text the clock cannot read).
    problem: str = ""

    @property
    def overdue(self) -> bool:
        return self.overdue_days > 0

    @property
    def on_time(self) -> bool | None:
        """Whether the step was done by its deadline (None: still open, or no deadline)."""
        if self.done_on is None or self.due is None:
            return None
        return self.done_on <= self.due.date


def standing(
    store: LedgerStore, found: Proposal, today: dt.date, *,
    given: Sequence[Answer] | None = None, contacts: int | None = None,
) -> Standing:  # fmt: skip
    """The step a proposal waits for on ``today``, counted on the working-day clock."""
    if given is None:
        given = answers(store, found.item_id)
    if contacts is None:
        contacts = len(ProposalBook(store).contacts([found.item_id]))
    by_round = {a.round: a for a in given}
    first, second = by_round.get(1), by_round.get(2)
    due: Counted | None = None
    problem = ""
    try:
        if found.role is HandlingRole.CO:
            step, done = STEP_CO_OPINION, found.co_opinion_on
            due = co_deadline(store, found)
        elif first is not None and first.satisfaction == "不满意":
            step, done = STEP_SECOND, second.answered_on if second else None
            due = second_deadline(store, first)
        else:
            step, done = STEP_ANSWER, first.answered_on if first else None
            due = reply_deadline(store, found)
    except UserError as exc:
        problem = exc.message
    late = (today - due.date).days if due is not None and done is None else 0
    return Standing(found, step, due, done, max(late, 0),
                    tuple(sorted(given, key=lambda a: a.round)), contacts, problem)  # fmt: skip


def standings(store: LedgerStore, today: dt.date, year: int | None = None) -> list[Standing]:
    """Every proposal (交办 in ``year``, or all), each with the step it waits for."""
    book = ProposalBook(store)
    found = book.proposals(year)
    ids = [p.item_id for p in found]
    given: dict[int, list[Answer]] = {}
    for answer in book.answers(ids):
        given.setdefault(answer.item_id, []).append(answer)
    counts = Counter(c.item_id for c in book.contacts(ids))
    return [
        standing(store, p, today, given=given.get(p.item_id, []), contacts=counts[p.item_id])
        for p in found
    ]


def reply_deadline(store: LedgerStore, found: Proposal) -> Counted | None:
    """The statutory answer deadline counted from 交办 (None without a 交办 date)."""
    if found.assigned_on is None or not found.answer_period.strip():
        return None
    return workcalendar.deadline(store, found.answer_period, found.assigned_on)


def co_deadline(store: LedgerStore, found: Proposal) -> Counted | None:
    """When a 会办 opinion is due (only where the bureau is 会办)."""
    if found.role is not HandlingRole.CO or found.assigned_on is None:
        return None
    return workcalendar.deadline(store, found.co_period, found.assigned_on)


def save(store: LedgerStore, found: Proposal, *, actor: str = "") -> Counted | None:
    """Keep an item's proposal fields; the reply deadline becomes the item's deadline."""
    store.item(found.item_id)
    if found.key and not found.leader.strip():
        raise UserError(QT_TRANSLATE_NOOP("Errors", "重点提案需要填写领办的领导。"))
    counted = reply_deadline(store, found)
    due = co_deadline(store, found) if found.role is HandlingRole.CO else counted
    with store.transaction():
        ProposalBook(store).save(found, actor=actor)
        if due is not None:
            text = f"{format_cn_date(due.date)}前（{due.period.text or found.answer_period}）"
            deadline = Deadline(text, due.date, DeadlineKind.DATE)
            store.update_item(found.item_id, {"deadline": deadline}, actor=actor)
    return due


def add_contact(
    store: LedgerStore, item_id: int, *, on: dt.date, method: str, who: str = "", content: str = "",
    opinions: int = 0, actor: str = "",
) -> int:  # fmt: skip
    """One contact with the proposer (面对面沟通, 电话沟通, 座谈, 实地考察)."""
    if method not in CONTACT_METHODS:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "沟通方式请选：{choices}。"),
            choices=Listing(Label(m) for m in CONTACT_METHODS),
        )
    return ProposalBook(store).add_contact(item_id, on, method, who.strip(), content.strip(),
                                           int(opinions), actor=actor)  # fmt: skip


def contacts(store: LedgerStore, item_id: int) -> list[Contact]:
    return ProposalBook(store).contacts([item_id])


def answers(store: LedgerStore, item_id: int) -> list[Answer]:
    return ProposalBook(store).answers([item_id])


def next_round(store: LedgerStore, item_id: int) -> int:
    """The round a new answer belongs to: 2 once the first was rated 不满意, else 1."""
    earlier = answers(store, item_id)
    return 2 if earlier and earlier[0].satisfaction == "不满意" else 1


def record_satisfaction(
    store: LedgerStore, item_id: int, satisfaction: str, on: dt.date, *,
    round_: int | None = None, actor: str = "",
) -> Answer:  # fmt: skip
    """The proposer's rating of an answer already recorded (the latest, or ``round_``)."""
    if satisfaction not in SATISFACTIONS:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "满意度请选：{choices}。"), choices=Listing(SATISFACTIONS)
        )
    given = answers(store, item_id)
    if not given:
        raise UserError(QT_TRANSLATE_NOOP(
            "Errors", "事项 {item_id} 还没有登记答复，请先登记答复再记录满意度。"
        ), item_id=item_id)  # fmt: skip
    chosen = given[-1] if round_ is None else next((a for a in given if a.round == round_), None)
    if chosen is None:
        raise UserError(QT_TRANSLATE_NOOP("Errors", "事项 {item_id} 没有第{round}次答复。"),
                        item_id=item_id, round=round_)  # fmt: skip
    if on < chosen.answered_on:
        raise UserError(QT_TRANSLATE_NOOP(
            "Errors", "反馈日期{on}早于答复日期{answered}，请核对。"
        ), on=on.isoformat(), answered=chosen.answered_on.isoformat())  # fmt: skip
    return record_answer(
        store, replace(chosen, satisfaction=satisfaction, feedback_on=on), actor=actor
    )


def record_answer(store: LedgerStore, answer: Answer, *, actor: str = "") -> Answer:
    """The 答复 of a round; a second round only follows a 不满意 first one."""
    found = proposal(store, answer.item_id)
    if found is None:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "这条事项还没有填写建议提案信息，请先保存建议提案信息。")
        )
    if found.assigned_on is not None and answer.answered_on < found.assigned_on:
        raise UserError(QT_TRANSLATE_NOOP(
            "Errors", "答复日期{on}早于交办日期{assigned}，请核对。"
        ), on=answer.answered_on.isoformat(), assigned=found.assigned_on.isoformat())  # fmt: skip
    codes = [c for c, _ in answer_classes(store)]
    if answer.answer_class not in codes:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "答复分类请选：{choices}。"),
            choices=Listing(codes),
        )
    if answer.satisfaction and answer.satisfaction not in SATISFACTIONS:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "满意度请选：{choices}。"),
            choices=Listing(Label(s) for s in SATISFACTIONS),
        )
    if answer.round not in (1, 2):
        raise UserError(QT_TRANSLATE_NOOP("Errors", "答复只有第一次办理和不满意后的重新办理两轮。"))
    earlier = {a.round: a for a in answers(store, answer.item_id)}
    if answer.round == 2 and earlier.get(1) is None:
        raise UserError(QT_TRANSLATE_NOOP("Errors", "还没有第一次答复，不能登记重新办理。"))
    if answer.round == 2 and earlier[1].satisfaction != "不满意":
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "只有代表委员对第一次答复不满意时，才需要重新办理。")
        )
    if answer.round == 1 and 2 in earlier and answer.satisfaction != "不满意":
        # The second handling rests on the first answer's 不满意: a correction keeps it.
        raise UserError(QT_TRANSLATE_NOOP(
            "Errors",
            "已按“不满意”重新办理过，第一次答复的满意度不能再改；请记录重新办理后的满意度。",
        ))  # fmt: skip
    with store.transaction():
        ProposalBook(store).save_answer(answer, actor=actor)
        changes = {"result_class": answer.answer_class}
        if answer.satisfaction:
            changes["satisfaction"] = answer.satisfaction
        store.update_item(answer.item_id, changes, actor=actor)
    return next(a for a in answers(store, answer.item_id) if a.round == answer.round)


def second_deadline(store: LedgerStore, answer: Answer) -> Counted | None:
    """When the second handling of a 不满意 answer is due (from the feedback date)."""
    if answer.satisfaction != "不满意" or answer.feedback_on is None:
        return None
    return workcalendar.deadline(store, DEFAULT_SECOND_PERIOD, answer.feedback_on)


def answer_letter(
    store: LedgerStore, item_id: int, round_: int, fmt: str, path: Path,
    mode: OutputMode = OutputMode.MASKED,
) -> Path:  # fmt: skip
    """The 答复函 (class mark, 文号 and 签发人, the answer, 联系人) as PDF or Word."""
    found = proposal(store, item_id)
    answer = next((a for a in answers(store, item_id) if a.round == round_), None)
    if found is None or answer is None:
        raise UserError(QT_TRANSLATE_NOOP("Errors", "这条建议提案还没有登记答复，无法生成答复函。"))
    options = letter_settings(store)
    code = f"第{found.code}号" if found.code else ""
    name = dict(answer_classes(store)).get(answer.answer_class, "")
    paragraphs = [p.strip() for p in answer.text.splitlines() if p.strip()] or [
        f"您提出的{code}{found.kind.noun}收悉。现将办理情况答复如下：（答复正文）"
    ]
    person = found.kind.addressee(found.proposer)
    contact = ""
    if answer.contact_person or answer.contact_phone:
        contact = f"（联系人：{answer.contact_person}，联系电话：{answer.contact_phone}）"
    doc = LetterDoc(
        head=options.head or "（发文机关）",
        number=answer.number or "",
        title=f"关于对{code}{found.kind.noun}的答复" + ("（重新办理）" if round_ == 2 else ""),
        addressee=f"{person}：",
        paragraphs=paragraphs,
        after=[f"（办理结果：{answer.answer_class}类，{name}）" if name else "",
               "感谢您对卫生健康工作的关心和支持！"],
        signature=options.unit or options.head,
        date=answer.answered_on,
        contact=contact,
        signer=answer.signer,
        class_mark=f"{answer.answer_class}类",
        name="answer",
    )  # fmt: skip
    doc = replace(doc, after=[p for p in doc.after if p])
    write_letter(mask_letter(doc) if mode.masks else doc, fmt, Path(path))
    return Path(path)


# -- the year's figures --------------------------------------------------------------------------


def year_figures(store: LedgerStore, year: int) -> YearFigures:
    """What seed 004 leaves blank, counted over the proposals 交办 in ``year``."""
    book = ProposalBook(store)
    found = book.proposals(year)
    ids = [p.item_id for p in found]
    figures = YearFigures(year=year, total=len(found))
    for p in found:
        figures.by_kind[p.kind.label] = figures.by_kind.get(p.kind.label, 0) + 1
        figures.main += p.role is HandlingRole.MAIN
        figures.co += p.role is HandlingRole.CO
        figures.key += p.key
        if p.role is HandlingRole.CO and p.co_opinion_on is not None:
            figures.co_done += 1
            due = co_deadline(store, p)
            figures.co_on_time += due is not None and p.co_opinion_on <= due.date
    for c in book.contacts(ids):
        if c.method == "面对面沟通":
            figures.face_to_face += 1
        elif c.method == "电话沟通":
            figures.phone += 1
        else:
            figures.other_contacts += 1
        figures.opinions += c.opinions
    by_item = {p.item_id: p for p in found}
    latest: dict[int, Answer] = {}
    for a in book.answers(ids):
        if a.round == 1:
            figures.answered += 1
            figures.by_class[a.answer_class] = figures.by_class.get(a.answer_class, 0) + 1
            due = reply_deadline(store, by_item[a.item_id])
            figures.answered_on_time += due is not None and a.answered_on <= due.date
        else:
            figures.second_handled += 1
        latest[a.item_id] = a if a.item_id not in latest or a.round > latest[a.item_id].round \
            else latest[a.item_id]  # fmt: skip
    for a in latest.values():
        figures.satisfied += a.satisfaction == "满意"
        figures.basically += a.satisfaction == "基本满意"
        figures.unsatisfied += a.satisfaction == "不满意"
    return figures


def year_report(store: LedgerStore, year: int, mode: OutputMode = OutputMode.MASKED) -> Report:
    """The figures as a paragraph and a table, printable like every report."""
    f = year_figures(store, year)
    classes = answer_classes(store)
    unit = str(settings.get(store, "unit_name"))
    rows = [
        ("承办建议提案（件）", str(f.total)),
        *((f"其中{k}（件）", str(n)) for k, n in f.by_kind.items()),
        ("主办（件）", str(f.main)), ("会办（件）", str(f.co)), ("重点提案（件）", str(f.key)),
        ("面对面沟通（次）", str(f.face_to_face)), ("电话沟通（次）", str(f.phone)),
        ("座谈、实地考察（次）", str(f.other_contacts)), ("征求到意见建议（条）", str(f.opinions)),
        ("已答复（件）", str(f.answered)), ("按期答复（件）", str(f.answered_on_time)),
        *((f"{code}类：{name}（件）", str(f.by_class.get(code, 0))) for code, name in classes),
        ("满意（件）", str(f.satisfied)), ("基本满意（件）", str(f.basically)),
        ("不满意（件）", str(f.unsatisfied)), ("满意率", percent(f.satisfaction_rate)),
        ("不满意后重新办理（件）", str(f.second_handled)),
        ("会办按时提出意见（件）", f"{f.co_on_time}/{f.co}"),
    ]  # fmt: skip
    table = Table(
        columns=[Column("seq", "序号", 0.6, Align.CENTER), Column("item", "项目", 4.0),
                 Column("n", "数量", 1.4, Align.CENTER)],
        rows=[Row((str(k), label, value)) for k, (label, value) in enumerate(rows, start=1)],
    )  # fmt: skip
    title = f"{year}年建议提案办理情况统计"
    report = Report(
        "proposal_figures", title,
        [Paragraph(title, ParagraphStyle.TITLE), Paragraph(year_paragraph(f, unit, classes)),
         table],
    )  # fmt: skip
    return mask_report(report) if mode.masks else report
