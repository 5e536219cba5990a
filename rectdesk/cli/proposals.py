"""建议提案办理 from a terminal: proposals list, show, set, contact, reply, satisfaction, letter,
figures, classes.

The same services as the item's 建议提案 page and the 督办 menu's yearly figures. The reply
deadline is counted from 交办 on the working-day clock and said with how it was counted; an
open step past its deadline is flagged overdue. Phone and ID numbers are masked unless
``--privacy full`` is chosen, which is written to the audit log first.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

from rectdesk.cli.common import open_store, parse_day, print_json, short
from rectdesk.domain.errors import Listing, UserError
from rectdesk.domain.ledger import LedgerStore
from rectdesk.domain.model import BatchKind, Item
from rectdesk.domain.privacy import OutputMode, mask_data, mask_text
from rectdesk.domain.proposals import (
    CONTACT_METHODS,
    SATISFACTIONS,
    Answer,
    HandlingRole,
    Proposal,
    ProposalKind,
)
from rectdesk.domain.workdays import Counted
from rectdesk.reports.layout import Paragraph
from rectdesk.services import proposals, reporting, settings
from rectdesk.services.proposals import Standing

_ID_HELP = "事项编号（items 列出的 id）"
_PRIVACY = (
    "个人信息：masked 脱敏（默认）、publish 公开发布（不列代表委员姓名）、full 完整（记入审计日志）"
)
_TODAY = "按这一天判断是否逾期（默认今天）"
#: What may be written for "no date" (未交办, 未提出会办意见).
_NO_DATE = ("none", "无", "")


def register(commands: Any) -> None:
    """Add the proposals command and its sub-commands."""
    parser = commands.add_parser(
        "proposals", help="人大代表建议、政协委员提案的办理：交办、法定期限、沟通、答复、满意度"
    )
    sub = parser.add_subparsers(dest="proposals_command", metavar="子命令",
                                parser_class=type(parser))  # fmt: skip
    sub.required = True

    listing = sub.add_parser(
        "list", help="列出建议提案：按工作日计算的法定期限、怎样算的、是否逾期"
    )
    listing.add_argument("--year", type=int, metavar="YEAR", help="只列这一年交办的")
    listing.add_argument("--overdue", action="store_true", help="只列逾期未办的")
    listing.add_argument("--today", metavar="YYYY-MM-DD", help=_TODAY)
    _privacy(listing)
    listing.add_argument("--json", action="store_true", help="以 JSON 数组输出")
    listing.set_defaults(handler=cmd_list)

    show = sub.add_parser("show", help="查看一件建议提案：信息、法定期限、沟通记录和答复")
    show.add_argument("id", type=int, metavar="ID", help=_ID_HELP)
    show.add_argument("--today", metavar="YYYY-MM-DD", help=_TODAY)
    _privacy(show)
    show.add_argument("--json", action="store_true", help="以 JSON 输出")
    show.set_defaults(handler=cmd_show)

    fields = sub.add_parser(
        "set", help="填写或修改建议提案信息（只改写出的项）；法定答复期限成为事项的整改时限"
    )
    fields.add_argument("id", type=int, metavar="ID", help=_ID_HELP)
    fields.add_argument("--kind", metavar="KIND",
                        help="类别：人大代表建议（congress）或 政协委员提案（cppcc）")  # fmt: skip
    fields.add_argument("--code", metavar="TEXT", help="建议提案号，如 112")
    fields.add_argument("--proposer", metavar="NAME", help="提出的代表委员")
    fields.add_argument("--role", metavar="ROLE", help="本单位承办：主办（main）或 会办（co）")
    fields.add_argument("--main-unit", metavar="NAME", help="主办单位")
    fields.add_argument("--co-units", metavar="NAMES", help="会办单位")
    fields.add_argument("--key", action=argparse.BooleanOptionalAction,
                        help="是否重点提案（重点提案须写 --leader 领办领导）")  # fmt: skip
    fields.add_argument("--leader", metavar="NAME", help="领办的领导")
    fields.add_argument("--assigned", metavar="YYYY-MM-DD", help="交办日期（写 none 表示未交办）")
    fields.add_argument("--answer-period", metavar="TEXT",
                        help="答复时限，如“交办之日起3个月内”“交办之日起20个工作日内”")  # fmt: skip
    fields.add_argument("--co-period", metavar="TEXT", help="会办意见时限，如“交办之日起1个月内”")
    fields.add_argument("--co-opinion", metavar="YYYY-MM-DD",
                        help="提出会办意见的日期（写 none 表示尚未提出）")  # fmt: skip
    fields.add_argument("--json", action="store_true", help="以 JSON 输出保存后的信息")
    fields.set_defaults(handler=cmd_set)

    contact = sub.add_parser("contact", help="添加一条与代表委员的沟通记录")
    contact.add_argument("id", type=int, metavar="ID", help=_ID_HELP)
    contact.add_argument("--method", required=True, metavar="TEXT",
                         help=f"沟通方式：{'、'.join(CONTACT_METHODS)}")  # fmt: skip
    contact.add_argument("--date", metavar="YYYY-MM-DD", help="沟通日期（默认今天）")
    contact.add_argument("--who", default="", metavar="TEXT", help="参加人员")
    contact.add_argument("--content", default="", metavar="TEXT", help="沟通内容")
    contact.add_argument("--opinions", type=int, default=0, metavar="N", help="征求到意见（条）")
    contact.set_defaults(handler=cmd_contact)

    reply = sub.add_parser(
        "reply", help="登记答复；代表委员对第一次答复不满意后再登记，即为重新办理的答复"
    )
    reply.add_argument("id", type=int, metavar="ID", help=_ID_HELP)
    reply.add_argument("--class", dest="answer_class", metavar="CODE",
                       help="答复分类代号，如 A、B、C（见 proposals classes）")  # fmt: skip
    reply.add_argument("--date", metavar="YYYY-MM-DD", help="答复日期（默认今天）")
    reply.add_argument("--number", metavar="TEXT", help="答复函文号")
    reply.add_argument("--signer", metavar="NAME", help="签发人")
    reply.add_argument("--contact-person", metavar="NAME", help="联系人")
    reply.add_argument("--contact-phone", metavar="TEXT", help="联系电话")
    text = reply.add_mutually_exclusive_group()
    text.add_argument("--text", metavar="TEXT", help="答复正文")
    text.add_argument(
        "--text-file", type=Path, metavar="FILE", help="从文本文件（UTF-8）读入答复正文"
    )
    reply.add_argument("--satisfaction", metavar="TEXT",
                       help=f"代表委员满意度：{'、'.join(SATISFACTIONS)}（也可以以后再记）",
                       )  # fmt: skip
    reply.add_argument("--feedback-date", metavar="YYYY-MM-DD", help="满意度反馈日期（默认今天）")
    reply.add_argument("--round", type=int, metavar="N",
                       help="第几次答复：1 第一次，2 不满意后重新办理（默认自动判断）")  # fmt: skip
    reply.add_argument("--replace", action="store_true",
                       help="改正这一次已登记的答复（只改写出的项，其余保持原样）")  # fmt: skip
    reply.set_defaults(handler=cmd_reply)

    rating = sub.add_parser("satisfaction", help="记录代表委员对已登记答复的满意度")
    rating.add_argument("id", type=int, metavar="ID", help=_ID_HELP)
    rating.add_argument("--value", required=True, metavar="TEXT",
                        help=f"满意度：{'、'.join(SATISFACTIONS)}")  # fmt: skip
    rating.add_argument("--date", metavar="YYYY-MM-DD", help="反馈日期（默认今天）")
    rating.add_argument("--round", type=int, metavar="N", help="第几次答复（默认最近一次）")
    rating.set_defaults(handler=cmd_satisfaction)

    letter = sub.add_parser(
        "letter",
        help="生成答复函（PDF 或 Word；代表委员的电话、身份证号脱敏，附注的本单位联系电话照印）",
    )
    letter.add_argument("id", type=int, metavar="ID", help=_ID_HELP)
    letter.add_argument(
        "--output", required=True, metavar="FILE", help="答复函文件（.pdf 或 .docx）"
    )
    letter.add_argument("--format", choices=("pdf", "docx"), help="pdf 或 docx（默认按扩展名）")
    letter.add_argument("--round", type=int, metavar="N", help="第几次答复（默认最近一次）")
    letter.set_defaults(handler=cmd_letter)

    figures = sub.add_parser(
        "figures", help="某年建议提案办理情况统计：件数、沟通次数、征求意见、满意率、会办按时"
    )
    figures.add_argument("--year", type=int, metavar="YEAR", help="年份（默认今年）")
    figures.add_argument("--print", dest="print_to", metavar="FILE",
                         help="把统计打印成文件（.pdf、.docx 或 .xlsx）")  # fmt: skip
    figures.add_argument("--json", action="store_true", help="以 JSON 输出")
    figures.set_defaults(handler=cmd_figures)

    classes = sub.add_parser("classes", help="查看或修改答复分类（本单位的叫法）")
    classes.add_argument(
        "--set", dest="pairs", action="append", metavar="CODE=含义",
        help="按顺序写出全部分类，可重复，如 --set A=已解决 --set B=正在解决",
    )  # fmt: skip
    classes.add_argument("--json", action="store_true", help="以 JSON 输出")
    classes.set_defaults(handler=cmd_classes)


def _privacy(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--privacy", default="masked", choices=[m.value for m in OutputMode],
                        help=_PRIVACY)  # fmt: skip


def _day(text: str | None) -> dt.date:
    return parse_day(text) if text else dt.date.today()


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


# -- what is printed -------------------------------------------------------------------------


def proposal_data(st: Standing, item: Item) -> dict[str, Any]:
    """One proposal with the step it waits for, before masking."""
    p = st.proposal
    last = st.answers[-1] if st.answers else None
    return {
        "item_id": p.item_id, "number": item.number, "content": item.content,
        "kind": p.kind.value, "kind_label": p.kind.label, "code": p.code,
        "proposer": p.proposer, "role": p.role.value, "role_label": p.role.label,
        "main_unit": p.main_unit, "co_units": p.co_units, "key": p.key, "leader": p.leader,
        "assigned_on": _iso(p.assigned_on), "answer_period": p.answer_period,
        "co_period": p.co_period, "co_opinion_on": _iso(p.co_opinion_on),
        "step": st.step,
        "deadline": _iso(st.due.date) if st.due else None,
        "deadline_explanation": st.due.explanation if st.due else st.problem,
        "missing_years": list(st.due.missing_years) if st.due else [],
        "done_on": _iso(st.done_on), "on_time": st.on_time,
        "overdue": st.overdue, "overdue_days": st.overdue_days,
        "answer_class": last.answer_class if last else "",
        "satisfaction": last.satisfaction if last else "",
        "contacts": st.contacts,
    }  # fmt: skip


def _shown(data: Any, mode: OutputMode) -> Any:
    """Data as the output mode may show it: publish also leaves out the proposers' names."""
    if mode is OutputMode.PUBLISH:
        data = _without_names(data)
    return mask_data(data, mode)


def _without_names(data: Any) -> Any:
    if isinstance(data, list):
        return [_without_names(v) for v in data]
    if isinstance(data, dict):
        return {k: "" if k in ("proposer", "who") else _without_names(v) for k, v in data.items()}
    return data


def _audit_full(store: LedgerStore, mode: OutputMode, what: str) -> None:
    if mode is OutputMode.FULL:
        reporting.record_full_export(store, settings.actor(store), what, output="proposals")


def _when(row: dict[str, Any]) -> str:
    step = row["step"]
    if row["deadline"] is None:
        return f"{step}期限：{row['deadline_explanation'] or '填写交办日期后计算'}"
    if row["done_on"]:
        late = "按期" if row["on_time"] else "逾期"
        return f"{step}期限 {row['deadline']}，已于 {row['done_on']} 办理（{late}）"
    if row["overdue"]:
        return f"{step}期限 {row['deadline']}，逾期{row['overdue_days']}天"
    return f"{step}期限 {row['deadline']}，未逾期"


def _title(row: dict[str, Any]) -> str:
    code = f"第{row['code']}号" if row["code"] else ""
    key = "（重点）" if row["key"] else ""
    who = f" {row['proposer']}" if row["proposer"] else ""
    return f"{row['kind_label']}{code}{who}  {row['role_label']}{key}"


# -- reading ---------------------------------------------------------------------------------


def cmd_list(args: argparse.Namespace) -> int:
    """Every proposal with its statutory deadline and whether it is overdue."""
    today = _day(args.today)
    mode = OutputMode(args.privacy)
    with open_store(args, write=mode is OutputMode.FULL) as store:
        found = proposals.standings(store, today, year=args.year)
        if args.overdue:
            found = [st for st in found if st.overdue]
        items = {i.id: i for i in store.items_by_ids([st.proposal.item_id for st in found])}
        _audit_full(store, mode, f"rectdesk-cli proposals list：{len(found)} 件，完整个人信息")
    rows = _shown([proposal_data(st, items[st.proposal.item_id]) for st in found], mode)
    if args.json:
        print_json(rows)
        return 0
    for row in rows:
        print(f"{row['item_id']:>6}  {_title(row)}  {_when(row)}  {short(row['content'], 30)}")
        if row["deadline"] is not None:
            print(f"        {row['deadline_explanation']}")
    late = sum(1 for row in rows if row["overdue"])
    print(f"共 {len(rows)} 件，逾期未办 {late} 件。")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    """One proposal: its fields, deadline, contacts and answers."""
    today = _day(args.today)
    mode = OutputMode(args.privacy)
    with open_store(args, write=mode is OutputMode.FULL) as store:
        item = store.item(args.id)
        found = _existing(store, args.id)
        st = proposals.standing(store, found, today)
        contacts = proposals.contacts(store, args.id)
        seconds = {a.round: proposals.second_deadline(store, a) for a in st.answers}
        classes = dict(proposals.answer_classes(store))
        _audit_full(store, mode, f"rectdesk-cli proposals show {args.id}：完整个人信息")
    data = proposal_data(st, item)
    data["contact_log"] = [
        {"date": c.on.isoformat(), "method": c.method, "who": c.who, "content": c.content,
         "opinions": c.opinions}
        for c in contacts
    ]  # fmt: skip
    data["answers"] = [_answer_data(a, classes, seconds.get(a.round)) for a in st.answers]
    row = _shown(data, mode)
    if args.json:
        print_json(row)
        return 0
    print(f"事项 {row['item_id']}  {_title(row)}  {short(row['content'])}")
    units = "、".join(u for u in (row["main_unit"], row["co_units"]) if u)
    if units:
        print(f"主办 {row['main_unit'] or '—'}；会办 {row['co_units'] or '—'}")
    if row["key"]:
        print(f"重点提案，领办领导：{row['leader']}")
    print(f"交办：{row['assigned_on'] or '未交办'}；答复时限：{row['answer_period'] or '—'}"
          + (f"；会办意见时限：{row['co_period']}" if row["role"] == "co" else ""))  # fmt: skip
    print(_when(row))
    if row["deadline"] is not None:
        print(f"  {row['deadline_explanation']}")
    print(f"沟通记录（{len(row['contact_log'])}次）：" if row["contact_log"] else "沟通记录：无")
    for c in row["contact_log"]:
        print(f"  {c['date']} {c['method']} {c['who']} 意见{c['opinions']}条 {short(c['content'])}")
    print("答复：" if row["answers"] else "答复：尚未答复")
    for a in row["answers"]:
        line = f"  第{a['round']}次 {a['answered_on']} {a['answer_class']}类 {a['number']}"
        line += f" 满意度：{a['satisfaction'] or '尚未反馈'}"
        if a["second_deadline"] and len(row["answers"]) == 1:
            line += f"（不满意，须于 {a['second_deadline']} 前重新办理）"
        print(line)
    return 0


def _answer_data(a: Answer, classes: dict[str, str], second: Counted | None) -> dict[str, Any]:
    return {
        "round": a.round, "answered_on": a.answered_on.isoformat(),
        "answer_class": a.answer_class, "class_label": classes.get(a.answer_class, ""),
        "number": a.number, "signer": a.signer, "contact_person": a.contact_person,
        "contact_phone": a.contact_phone, "text": a.text, "satisfaction": a.satisfaction,
        "feedback_on": _iso(a.feedback_on),
        "second_deadline": second.date.isoformat() if second is not None else None,
        "second_explanation": second.explanation if second is not None else "",
    }  # fmt: skip


def _existing(store: LedgerStore, item_id: int) -> Proposal:
    found = proposals.proposal(store, item_id)
    if found is None:
        store.item(item_id)
        raise UserError(
            "事项 {item_id} 还没有填写建议提案信息；请先用“proposals set”填写。", item_id=item_id
        )
    return found


def _applies(store: LedgerStore, item_id: int) -> None:
    """Refuse an item the window would not show a 建议提案 page for."""
    if not proposals.applies(store, item_id):
        raise UserError(
            "事项 {item_id} 不在人大代表建议或政协委员提案批次中，不能登记建议提案；"
            "导入时请把批次类型设为 congress_review 或 cppcc_proposal。",
            item_id=item_id,
        )


# -- writing ---------------------------------------------------------------------------------


def _pick(text: str, options: dict[str, Any], what: str) -> Any:
    found = options.get(text.strip().lower())
    if found is None:
        raise UserError(
            "{what}“{text}”无法识别，可用：{choices}。",
            what=what, text=text, choices=Listing(options),
        )  # fmt: skip
    return found


_KINDS: dict[str, ProposalKind] = {
    **{k.value: k for k in ProposalKind}, **{k.label: k for k in ProposalKind},
    "人大": ProposalKind.CONGRESS, "政协": ProposalKind.CPPCC,
}  # fmt: skip
_ROLES: dict[str, HandlingRole] = {
    **{r.value: r for r in HandlingRole},
    **{r.label: r for r in HandlingRole},
}


def _optional_day(text: str) -> dt.date | None:
    return None if text.strip().lower() in _NO_DATE else parse_day(text.strip())


def cmd_set(args: argparse.Namespace) -> int:
    """Fill in or change a proposal's fields; the ones not given keep their values."""
    with open_store(args, write=True) as store:
        _applies(store, args.id)
        found = proposals.proposal(store, args.id) or _fresh(store, args.id)
        changes: dict[str, Any] = {}
        if args.kind is not None:
            changes["kind"] = _pick(args.kind, _KINDS, "类别")
        if args.role is not None:
            changes["role"] = _pick(args.role, _ROLES, "承办方式")
        for name in ("code", "proposer", "main_unit", "co_units", "leader", "answer_period",
                     "co_period"):  # fmt: skip
            value = getattr(args, name)
            if value is not None:
                changes[name] = value.strip()
        if args.key is not None:
            changes["key"] = args.key
        if args.assigned is not None:
            changes["assigned_on"] = _optional_day(args.assigned)
        if args.co_opinion is not None:
            changes["co_opinion_on"] = _optional_day(args.co_opinion)
        saved = dataclasses.replace(found, **changes)
        proposals.save(store, saved, actor=settings.actor(store))
        st = proposals.standing(store, saved, dt.date.today())
        row = mask_data(proposal_data(st, store.item(args.id)))
    if args.json:
        print_json(row)
        return 0
    print(f"已保存事项 {args.id} 的建议提案信息：{_title(row)}。")
    if row["deadline"] is None:
        print(f"{row['step']}期限：{row['deadline_explanation'] or '填写交办日期后计算'}。")
    else:
        print(f"{row['step']}期限 {row['deadline']}，已作为事项的整改时限。")
        print(f"  {row['deadline_explanation']}")
    return 0


def _fresh(store: LedgerStore, item_id: int) -> Proposal:
    """A new proposal of the kind its batch says (a 人大 batch holds 代表建议)."""
    kind = store.batch(store.item(item_id).batch_id).kind
    made = ProposalKind.CONGRESS if kind is BatchKind.CONGRESS_REVIEW else ProposalKind.CPPCC
    return Proposal(item_id, made)


def cmd_contact(args: argparse.Namespace) -> int:
    """One contact with the proposer."""
    on = _day(args.date)
    with open_store(args, write=True) as store:
        _applies(store, args.id)
        proposals.add_contact(
            store, args.id, on=on, method=args.method.strip(), who=args.who,
            content=args.content, opinions=args.opinions, actor=settings.actor(store),
        )  # fmt: skip
        total = len(proposals.contacts(store, args.id))
    print(mask_text(f"已为事项 {args.id} 添加沟通记录：{on.isoformat()} {args.method.strip()}"
                    f"（征求到意见 {args.opinions} 条），共 {total} 次沟通。"))  # fmt: skip
    return 0


def _text(args: argparse.Namespace) -> str | None:
    if args.text_file is None:
        return None if args.text is None else str(args.text)
    try:
        return Path(args.text_file).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(
            "读不了答复正文文件“{name}”，请确认它存在并以 UTF-8 保存。",
            str(exc), name=Path(args.text_file).name,
        ) from exc  # fmt: skip


def cmd_reply(args: argparse.Namespace) -> int:
    """The answer of a round (the second after a 不满意 first one), or with ``--replace``
    a correction of one already recorded."""
    satisfaction = (args.satisfaction or "").strip()
    if args.feedback_date and not satisfaction:
        raise UserError("写了满意度反馈日期，却没有写满意度；请用 --satisfaction 写明。")
    body = _text(args)
    with open_store(args, write=True) as store:
        _existing(store, args.id)
        round_ = args.round or proposals.next_round(store, args.id)
        old = next((a for a in proposals.answers(store, args.id) if a.round == round_), None)
        if old is not None and not args.replace:
            raise UserError(
                "事项 {item_id} 的第{round}次答复已于 {on} 登记（{code}类）；"
                "要改正它请加 --replace（只改写出的项）。",
                item_id=args.id, round=round_, on=old.answered_on.isoformat(),
                code=old.answer_class,
            )  # fmt: skip
        # A correction keeps what is not written; a new answer starts blank.
        base = old or Answer(id=0, item_id=args.id, round=round_, answered_on=dt.date.today(),
                             answer_class="")  # fmt: skip
        written: dict[str, Any] = {}
        if args.answer_class is not None:
            written["answer_class"] = args.answer_class.strip().upper()
        if args.date or old is None:
            written["answered_on"] = _day(args.date)
        for name in ("number", "signer", "contact_person", "contact_phone"):
            if getattr(args, name) is not None:
                written[name] = getattr(args, name).strip()
        if body is not None:
            written["text"] = body.strip()
        if satisfaction:
            written["satisfaction"] = satisfaction
            written["feedback_on"] = _day(args.feedback_date)
        answer = dataclasses.replace(base, **written)
        saved = proposals.record_answer(store, answer, actor=settings.actor(store))
        name = dict(proposals.answer_classes(store)).get(saved.answer_class, "")
        second = proposals.second_deadline(store, saved)
    which = "第一次答复" if saved.round == 1 else "重新办理的答复"
    done = "改正" if old is not None else "登记"
    print(mask_text(f"已{done}事项 {args.id} 的{which}：{saved.answered_on.isoformat()}，"
                    f"{saved.answer_class}类（{name}）。"))  # fmt: skip
    _said(saved, second)
    return 0


def _said(answer: Answer, second: Counted | None) -> None:
    if answer.satisfaction:
        print(f"代表委员满意度：{answer.satisfaction}。")
    if second is not None:
        print(f"不满意：须于 {second.date.isoformat()} 前重新办理。{second.explanation}")


def cmd_satisfaction(args: argparse.Namespace) -> int:
    """The proposer's rating of an answer already recorded."""
    on = _day(args.date)
    with open_store(args, write=True) as store:
        _existing(store, args.id)
        saved = proposals.record_satisfaction(
            store, args.id, args.value.strip(), on, round_=args.round,
            actor=settings.actor(store),
        )  # fmt: skip
        second = proposals.second_deadline(store, saved)
    print(f"已记录事项 {args.id} 第{saved.round}次答复的满意度（{on.isoformat()}）。")
    _said(saved, second)
    return 0


def cmd_letter(args: argparse.Namespace) -> int:
    """The 答复函 of an answer, masked as the window makes it."""
    target = Path(args.output)
    fmt = args.format or ("docx" if target.suffix.lower() == ".docx" else "pdf")
    path = reporting.output_path(target, fmt, title="答复函")
    with open_store(args, write=False) as store:
        _existing(store, args.id)
        given = proposals.answers(store, args.id)
        round_ = args.round or (given[-1].round if given else 1)
        written = proposals.answer_letter(store, args.id, round_, fmt, path)
    print(f"已生成答复函（第{round_}次答复）：{written}")
    return 0


def cmd_figures(args: argparse.Namespace) -> int:
    """The year's figures, as a paragraph and a table (printable)."""
    year = args.year or dt.date.today().year
    with open_store(args, write=False) as store:
        figures = proposals.year_figures(store, year)
        report = proposals.year_report(store, year)
        codes = [code for code, _ in proposals.answer_classes(store)]
        if args.print_to:
            target = Path(args.print_to)
            fmt = target.suffix.lower().lstrip(".") or "pdf"
            path = reporting.output_path(target, fmt, title=report.title)
            from rectdesk.fileio import atomic_path

            with atomic_path(path) as temporary:
                reporting.write(report, fmt, temporary)
            print(f"已打印{report.title}：{path}")
            return 0
    paragraphs = [b.text for b in report.blocks if isinstance(b, Paragraph)]
    if args.json:
        data = dataclasses.asdict(figures)
        # Every class the office uses, none left out for having no answer yet (as the table).
        data["by_class"] = {code: figures.by_class.get(code, 0) for code in codes} | {
            code: n for code, n in figures.by_class.items() if code not in codes
        }
        data["satisfaction_rate"] = figures.satisfaction_rate
        data["paragraph"] = paragraphs[-1]
        print_json(mask_data(data))
        return 0
    for block in report.blocks:
        if isinstance(block, Paragraph):
            print(mask_text(block.text))
            continue
        for row in block.rows:
            print(mask_text("\t".join(row.cells)))
    return 0


def cmd_classes(args: argparse.Namespace) -> int:
    """Show or rename the answer classes."""
    if args.pairs:
        pairs = [_pair(text) for text in args.pairs]
        with open_store(args, write=True) as store:
            proposals.set_answer_classes(store, pairs)
            classes = proposals.answer_classes(store)
    else:
        with open_store(args, write=False) as store:
            classes = proposals.answer_classes(store)
    if args.json:
        print_json([{"code": code, "name": name} for code, name in classes])
        return 0
    for code, name in classes:
        print(f"{code}类\t{name}")
    return 0


def _pair(text: str) -> tuple[str, str]:
    for mark in ("=", "＝", "：", ":"):
        if mark in text:
            code, name = text.split(mark, 1)
            return code.strip().upper(), name.strip()
    raise UserError("答复分类“{text}”请写成“代号=含义”，如 A=所提问题已经解决或采纳。", text=text)
