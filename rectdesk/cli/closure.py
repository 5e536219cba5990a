"""销号 as a reviewed step: closeoff request, pending, decide, show, close, require-review.

The same services as the window's 督办 menu (申请销号, 销号审核, 销号须经审核) and its close-off:
every write goes through them, each in its own transaction, recorded in the audit log. ``show``
gives the reuse guard's findings beside the review, as the 督办 tab does. Texts that may hold
personal data (an item's content, a note, an opinion, a file name) are printed masked.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from rectdesk.cli.common import open_store, parse_day, print_json, short
from rectdesk.domain.closure import CloseReview
from rectdesk.domain.errors import UserError
from rectdesk.domain.ledger import LedgerStore
from rectdesk.domain.model import Item, Status
from rectdesk.domain.privacy import mask_data, mask_text
from rectdesk.services import closure, evidence_guard, settings
from rectdesk.services.items import ItemService

_ID_HELP = "事项编号（items 列出的 id）"


def register(commands: Any) -> None:
    """Add the closeoff command and its sub-commands."""
    parser = commands.add_parser(
        "closeoff", help="销号审核：申请 → 审核（审核人、意见）→ 销号，及“销号须经审核”开关"
    )
    sub = parser.add_subparsers(dest="closeoff_command", metavar="子命令",
                                parser_class=type(parser))  # fmt: skip
    sub.required = True

    request = sub.add_parser("request", help="为已完成（待销号）或长期坚持的事项提出销号申请")
    request.add_argument("ids", type=int, nargs="+", metavar="ID", help=_ID_HELP)
    request.add_argument("--note", default="", metavar="TEXT", help="申请说明（整改完成情况）")
    request.add_argument("--date", metavar="YYYY-MM-DD", help="申请日期（默认今天）")
    request.add_argument("--json", action="store_true", help="以 JSON 输出申请")
    request.set_defaults(handler=cmd_request)

    pending = sub.add_parser("pending", help="列出待审核的销号申请（先申请的在前）")
    pending.add_argument("--json", action="store_true", help="以 JSON 数组输出")
    pending.set_defaults(handler=cmd_pending)

    decide = sub.add_parser("decide", help="审核一条事项的销号申请：同意或退回，记录审核人和意见")
    decide.add_argument("id", type=int, metavar="ID", help=_ID_HELP)
    choice = decide.add_mutually_exclusive_group(required=True)
    choice.add_argument("--approve", action="store_true", help="同意销号")
    choice.add_argument("--reject", action="store_true", help="退回补充（须写审核意见）")
    decide.add_argument("--reviewer", default="", metavar="NAME", help="审核人（必填）")
    decide.add_argument("--opinion", default="", metavar="TEXT", help="审核意见（退回时必填）")
    decide.add_argument("--date", metavar="YYYY-MM-DD", help="审核日期（默认今天）")
    decide.add_argument("--json", action="store_true", help="以 JSON 输出审核结果")
    decide.set_defaults(handler=cmd_decide)

    show = sub.add_parser("show", help="查看一条事项的销号申请、审核记录，以及现在能否销号")
    show.add_argument("id", type=int, metavar="ID", help=_ID_HELP)
    show.add_argument("--date", metavar="YYYY-MM-DD", help="按这一天判断能否销号（默认今天）")
    show.add_argument("--json", action="store_true", help="以 JSON 输出")
    show.set_defaults(handler=cmd_show)

    close = sub.add_parser(
        "close", help="销号（须经审核时，只有审核通过的事项可以销号；台账记下审核人）"
    )
    close.add_argument("ids", type=int, nargs="+", metavar="ID", help=_ID_HELP)
    close.add_argument("--date", metavar="YYYY-MM-DD", help="销号日期（默认今天）")
    close.add_argument("--evidence", type=Path, metavar="FILE", help="佐证材料文件")
    close.add_argument("--reason", "--note", dest="reason", default="", metavar="TEXT",
                       help="销号说明，记入台账；没有任何佐证材料时必须写明理由")  # fmt: skip
    close.set_defaults(handler=cmd_close)

    required = sub.add_parser("require-review", help="查看或设置“销号须经审核”（本数据文件）")
    required.add_argument(
        "state", nargs="?", choices=("on", "off"), metavar="on|off",
        help="on 打开（须先申请、审核通过才能销号）、off 关闭；不写则只显示",
    )  # fmt: skip
    required.add_argument("--json", action="store_true", help="以 JSON 输出")
    required.set_defaults(handler=cmd_require_review)


def _day(args: argparse.Namespace) -> dt.date:
    return parse_day(args.date) if args.date else dt.date.today()


def review_dict(review: CloseReview, item: Item | None) -> dict[str, Any]:
    """One application with its review, masked like every output."""
    masked: dict[str, Any] = mask_data(_review_data(review, item))
    return masked


def _review_data(review: CloseReview, item: Item | None) -> dict[str, Any]:
    return {
        "review_id": review.id,
        "item_id": review.item_id,
        "number": item.number if item else None,
        "content": item.content if item else "",
        "state": review.state.value,
        "state_label": review.state.label,
        "applied_on": review.applied_on.isoformat(),
        "applicant": review.applicant,
        "note": review.note,
        "reviewer": review.reviewer,
        "reviewed_on": review.reviewed_on.isoformat() if review.reviewed_on else None,
        "opinion": review.opinion,
    }


def _items(store: LedgerStore, reviews: list[CloseReview]) -> dict[int, Item]:
    return {i.id: i for i in store.items_by_ids([r.item_id for r in reviews])}


def _line(review: CloseReview, item: Item | None) -> str:
    label = (item.number or item.seq or "（无编号）") if item else "（已删除）"
    text = f"{review.item_id:>6}  {label}  {review.applied_on.isoformat()} {review.applicant}申请"
    if item is not None:
        text += f"：{short(item.content)}"
    if review.note:
        text += f"（说明：{short(review.note, 30)}）"
    return mask_text(text)


def cmd_request(args: argparse.Namespace) -> int:
    """申请: ask for the close-off of finished items."""
    on = _day(args)
    with open_store(args, write=True) as store:
        waiting = {r.item_id for r in closure.pending(store)}
        made = closure.apply(store, args.ids, on=on, applicant=settings.actor(store),
                             note=args.note)  # fmt: skip
        required = closure.review_required(store)
        items = _items(store, made)
    if args.json:
        print_json([review_dict(r, items.get(r.item_id)) for r in made])
        return 0
    again = sum(r.item_id in waiting for r in made)
    if again < len(made):
        print(f"已为 {len(made) - again} 条事项提出销号申请，等待审核。")
    if again:
        more = "另有" if again < len(made) else "这"
        print(f"{more} {again} 条事项原已在等待审核，没有重复申请。")
    if not required:
        print("提示：本数据文件没有打开“销号须经审核”，这些事项也可以直接销号。")
    return 0


def cmd_pending(args: argparse.Namespace) -> int:
    """The applications waiting for a reviewer."""
    with open_store(args, write=False) as store:
        waiting = closure.pending(store)
        items = _items(store, waiting)
    if args.json:
        print_json([review_dict(r, items.get(r.item_id)) for r in waiting])
        return 0
    if not waiting:
        print("没有待审核的销号申请。")
        return 0
    for review in waiting:
        print(_line(review, items.get(review.item_id)))
    print(f"共 {len(waiting)} 份待审核。")
    return 0


def cmd_decide(args: argparse.Namespace) -> int:
    """审核: approve or return one item's open application."""
    on = _day(args)
    with open_store(args, write=True) as store:
        review = closure.open_application(store, args.id)
        decided = closure.decide(store, review.id, approve=args.approve, reviewer=args.reviewer,
                                 on=on, opinion=args.opinion)  # fmt: skip
        item = store.item(args.id)
    if args.json:
        print_json(review_dict(decided, item))
        return 0
    opinion = f"：{decided.opinion}" if decided.opinion else ""
    who = f"审核人 {decided.reviewer}{opinion}"
    if args.approve:
        print(mask_text(f"事项 {args.id} 的销号申请已审核通过（{who}），现在可以销号。"))
    else:
        print(mask_text(f"事项 {args.id} 的销号申请已退回（{who}）；补充后请重新提出申请。"))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    """An item's applications, reviews and whether it may be closed off now."""
    on = _day(args)
    with open_store(args, write=False) as store:
        item = store.item(args.id)
        reviews = closure.history(store, args.id)
        required = closure.review_required(store)
        evidence = len(store.attachments(args.id))
        problem = _closing_problem(store, args.id, on)
        # The reuse guard's findings, as the window's 督办 tab shows them beside the review.
        reuse = evidence_guard.flags_for(store, [args.id]).get(args.id, [])
    data = {
        "item_id": item.id, "number": item.number, "content": item.content,
        "status": item.status.value, "status_label": item.status.label,
        "closed_on": item.closed_on.isoformat() if item.closed_on else None,
        "evidence": evidence, "review_required": required,
        "can_close": problem is None, "problem": problem, "reuse": reuse,
        "reviews": [_review_data(r, item) for r in reviews],
    }  # fmt: skip
    masked: dict[str, Any] = mask_data(data)
    if args.json:
        print_json(masked)
        return 0
    label = item.number or item.seq or "（无编号）"
    print(f"事项 {item.id}  {label}  {masked['status_label']}  {short(masked['content'])}")
    print(f"佐证材料 {evidence} 份；销号{'须' if required else '不须'}经审核。")
    for flag in masked["reuse"]:
        print(f"佐证材料复用提示：{flag}")
    if not reviews:
        print("未提出销号申请。")
    for row in masked["reviews"]:
        line = f"{row['applied_on']} {row['applicant']}申请：{row['state_label']}"
        if row["note"]:
            line += f"（说明：{row['note']}）"
        if row["reviewer"]:
            line += f"；{row['reviewed_on']} 审核人 {row['reviewer']}：{row['opinion'] or '—'}"
        print(line)
    if item.closed_on is not None:
        print(f"已于 {item.closed_on.isoformat()} 销号。")
    elif problem is None:
        print("现在可以销号。")
    else:
        print(f"现在还不能销号：{masked['problem']}")
    return 0


def _closing_problem(store: LedgerStore, item_id: int, on: dt.date) -> str | None:
    """Why the window's close-off would refuse this item now (None: it would not).

    The close-off command is built, which checks every rule, and never run.
    """
    if store.item(item_id).status is Status.CLOSED:
        return "已经销号。"
    try:
        ItemService(store).close_off([item_id], on)
    except UserError as exc:
        return exc.message
    return None


def cmd_close(args: argparse.Namespace) -> int:
    """销号: close items off, as the window's close-off does."""
    on = _day(args)
    with open_store(args, write=True) as store:
        service = ItemService(store, lambda: settings.actor(store))
        command = service.close_off(args.ids, on, evidence=args.evidence, note=args.reason)
        command.do()
    print(f"已完成：{command.label}（{on.isoformat()}）。")
    return 0


def cmd_require_review(args: argparse.Namespace) -> int:
    """Show or set whether a close-off needs an approved application first."""
    with open_store(args, write=args.state is not None) as store:
        if args.state is not None:
            closure.set_review_required(store, args.state == "on")
        required = closure.review_required(store)
    if args.json:
        print_json({"review_required": required})
        return 0
    if required:
        print("销号须经审核：已打开。事项须先申请、审核通过，才能销号。")
    else:
        print("销号须经审核：已关闭。已完成的事项可以直接销号（没有佐证材料时须写明理由）。")
    return 0
