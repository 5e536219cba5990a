"""督办 and 预警 letters with their register: letters issue, letters list, letters reply."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from rectdesk.cli.common import open_store, parse_day, print_json
from rectdesk.domain.errors import UserError
from rectdesk.domain.privacy import OutputMode, mask_data, mask_text
from rectdesk.domain.query import ItemQuery
from rectdesk.domain.supervision import REPLY_RESULTS
from rectdesk.services import letters, settings
from rectdesk.services.reporting import output_path, write

_PRIVACY = "个人信息：masked 脱敏（默认）、full 完整（记入审计日志）"


def register(commands: Any) -> None:
    """Add the letters command and its sub-commands."""
    parser = commands.add_parser("letters", help="督办通知、预警提醒函和督办登记簿")
    sub = parser.add_subparsers(dest="letters_command", metavar="子命令",
                                parser_class=type(parser))  # fmt: skip
    sub.required = True

    issue = sub.add_parser("issue", help="给每个责任单位生成一份督办通知或预警提醒函并登记")
    who = issue.add_mutually_exclusive_group(required=True)
    who.add_argument("--unit", metavar="NAME", help="发给这个单位：其牵头或配合的逾期、临期事项")
    who.add_argument("--overdue", action="store_true", help="逾期事项按牵头单位各发一份督办通知")
    who.add_argument("--ids", type=int, nargs="+", metavar="ID", help="这些事项，按牵头单位分发")
    issue.add_argument("--due-reply", metavar="YYYY-MM-DD",
                       help="答复期限（默认：发函后按设定的工作日数计算）")  # fmt: skip
    issue.add_argument("--format", choices=letters.FORMATS, default="pdf", help="pdf 或 docx")
    issue.add_argument("--output", required=True, metavar="DIR", help="保存督办函的文件夹")
    issue.add_argument("--date", metavar="YYYY-MM-DD", help="发函日期（默认今天）")
    issue.add_argument("--privacy", default="masked", choices=["masked", "full"], help=_PRIVACY)
    issue.add_argument("--json", action="store_true", help="以 JSON 输出登记结果")
    issue.set_defaults(handler=cmd_issue)

    listing = sub.add_parser("list", help="列出督办登记簿")
    listing.add_argument("--year", type=int, metavar="YEAR", help="只列这一年的")
    listing.add_argument("--json", action="store_true", help="以 JSON 输出")
    listing.add_argument("--print", dest="print_to", metavar="FILE",
                         help="把登记簿打印成表格（.pdf、.docx 或 .xlsx）")  # fmt: skip
    listing.add_argument("--privacy", default="masked", choices=["masked", "full"], help=_PRIVACY)
    listing.set_defaults(handler=cmd_list)

    answer = sub.add_parser("reply", help="登记单位对督办函的答复")
    answer.add_argument("number", metavar="NUMBER", help="文号，如〔2026〕3号 或 2026-3")
    answer.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="收到答复的日期")
    answer.add_argument("--file", metavar="F", help="答复文件（复制保存到数据文件旁）")
    answer.add_argument("--summary", default="", help="答复内容摘要")
    answer.add_argument("--result", default="", help=f"办理结果，如{'、'.join(REPLY_RESULTS)}")
    answer.set_defaults(handler=cmd_reply)


def cmd_issue(args: argparse.Namespace) -> int:
    today = parse_day(args.date) if args.date else dt.date.today()
    due = parse_day(args.due_reply) if args.due_reply else None
    mode = OutputMode(args.privacy)
    with open_store(args, write=True) as store:
        if args.ids:
            items = store.items(ItemQuery(ids=tuple(args.ids)))
            if len(items) != len(set(args.ids)):
                raise UserError("有的事项编号不存在，请用“items”查看后重新填写。")
        elif args.overdue:
            items = letters.overdue_items(store, today)
            if not items:
                raise UserError(
                    "截至{day}没有逾期事项，未生成督办函。", day=today.isoformat()
                )
        else:
            items = letters.due_items(store, today)
        issued = letters.issue(
            store, items, today=today, output_dir=Path(args.output), fmt=args.format,
            unit=args.unit, reply_due=due, mode=mode, actor=settings.actor(store),
        )  # fmt: skip
        rows = [letters.letter_dict(i.letter, today) | {"file": str(i.path)} for i in issued]
    if args.json:
        print_json(mask_data(rows))
        return 0
    for row in rows:
        print(mask_text(
            f"已登记 {row['number']} {row['kind']} → {row['unit']}（{len(row['items'])}项，"
            f"答复期限 {row['reply_due']}）：{row['file']}"
        ))  # fmt: skip
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    today = dt.date.today()
    mode = OutputMode(args.privacy)
    with open_store(args, write=bool(args.print_to) and mode is OutputMode.FULL) as store:
        rows = letters.register_rows(store, today, year=args.year, mode=mode)
        if args.print_to:
            target = Path(args.print_to)
            fmt = target.suffix.lower().lstrip(".") or "pdf"
            path = output_path(target, fmt)
            report = letters.register_report(store, today, year=args.year, mode=mode)
            if mode is OutputMode.FULL:
                from rectdesk.services.reporting import record_full_export

                record_full_export(store, settings.actor(store), f"督办登记簿 → {path.name}")
            from rectdesk.fileio import atomic_path

            with atomic_path(path) as temporary:
                write(report, fmt, temporary)
            print(f"已打印督办登记簿（{len(rows)}份）：{path}")
            return 0
    if args.json:
        print_json([
            {k: row[k] for k in ("number", "date", "unit", "items", "reply_due", "reply_date",
                                 "result")}
            for row in rows
        ])  # fmt: skip
        return 0
    if not rows:
        print("督办登记簿还是空的。")
    for row in rows:
        reply = row["reply_date"] or row["state"]
        print(f"{row['number']}\t{row['kind']}\t{row['date']}\t{row['unit']}\t"
              f"{len(row['items'])}项\t答复期限 {row['reply_due'] or '—'}\t{reply}\t"
              f"{row['result']}")  # fmt: skip
    return 0


def cmd_reply(args: argparse.Namespace) -> int:
    on = parse_day(args.date)
    with open_store(args, write=True) as store:
        letter = letters.reply(
            store, args.number, on=on, summary=args.summary, result=args.result,
            file=Path(args.file) if args.file else None, actor=settings.actor(store),
        )  # fmt: skip
    print(mask_text(f"已登记{letter.number}的答复（{on.isoformat()}，{letter.result}）。"))
    return 0
