"""Editing items from a terminal: status, close-off, progress, lead unit, deadline, fields.

Each command is one transaction recorded in the audit log, like the same edit in the window
(the window can undo it; the command line cannot, so ``delete`` asks for ``--yes``).
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from rectdesk.cli.common import open_store, parse_day
from rectdesk.domain.errors import UserError
from rectdesk.domain.ledger import LedgerStore
from rectdesk.domain.status import parse_status
from rectdesk.services import settings
from rectdesk.services.items import FIELD_EDITS, ItemCommand, ItemService


def register(commands: Any) -> None:
    """Add the editing commands."""
    status = commands.add_parser("set-status", help="修改事项的完成情况（按状态规则）")
    _ids(status)
    status.add_argument("--status", required=True, metavar="CODE", help="状态代码或名称")
    status.add_argument("--date", metavar="YYYY-MM-DD", help="销号日期（改为已销号时必填）")
    status.add_argument("--reason", default="", metavar="TEXT", help="不予整改的理由")
    status.set_defaults(handler=cmd_set_status)

    close = commands.add_parser("close", help="销号（已完成待销号或长期坚持的事项）")
    _ids(close)
    close.add_argument("--date", metavar="YYYY-MM-DD", help="销号日期（默认今天）")
    close.add_argument("--evidence", type=Path, metavar="FILE", help="佐证材料文件")
    close.add_argument("--note", default="", metavar="TEXT", help="销号说明")
    close.set_defaults(handler=cmd_close)

    progress = commands.add_parser("progress", help="为一条或多条事项添加同一条整改进展")
    _ids(progress)
    progress.add_argument("--text", required=True, metavar="TEXT", help="进展情况")
    progress.add_argument("--date", metavar="YYYY-MM-DD", help="进展日期（默认今天）")
    progress.add_argument(
        "--evidence", type=Path, action="append", default=[], metavar="FILE",
        help="佐证材料文件（可重复）",
    )  # fmt: skip
    progress.set_defaults(handler=cmd_progress)

    lead = commands.add_parser("set-lead", help="设置牵头单位（原牵头单位改为配合）")
    _ids(lead)
    lead.add_argument("--department", required=True, metavar="NAME", help="牵头单位名称")
    lead.set_defaults(handler=cmd_set_lead)

    deadline = commands.add_parser(
        "set-deadline", help="修改整改时限（未写年份的月日取今天以后最近的那一天，并说明）"
    )
    _ids(deadline)
    deadline.add_argument("--deadline", required=True, metavar="TEXT", help="如 2024年6月底前")
    deadline.set_defaults(handler=cmd_set_deadline)

    edit = commands.add_parser("set-field", help="修改一条事项的一个字段")
    edit.add_argument("id", type=int, metavar="ID", help="事项编号（items 列出的 id）")
    edit.add_argument("field", choices=sorted(FIELD_EDITS - {"departments", "extra"}),
                      metavar="FIELD", help="字段：" + "、".join(sorted(FIELD_EDITS)))  # fmt: skip
    edit.add_argument("value", metavar="VALUE", help="新的内容")
    _seen(edit)
    edit.set_defaults(handler=cmd_set_field)

    delete = commands.add_parser("delete", help="删除事项（连同台账和佐证材料记录）")
    _ids(delete)
    delete.add_argument("--yes", action="store_true", help="确认删除（命令行无法撤销）")
    delete.set_defaults(handler=cmd_delete)


def _ids(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "ids", type=int, nargs="+", metavar="ID", help="事项编号（items 列出的 id）"
    )
    _seen(parser)


def _seen(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--seen", action="append", default=[], type=_version, metavar="ID:VERSION",
        help="事项读取时的版本号（可重复）；其间被别人改过时不保存，返回 1 并说明",
    )  # fmt: skip


def _version(text: str) -> tuple[int, int]:
    item, _, version = text.partition(":")
    try:
        return int(item), int(version)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”应写成 事项编号:版本号，如 12:3") from None


def _run(args: argparse.Namespace, build: Any) -> int:
    with open_store(args, write=True) as store:
        service = ItemService(store, lambda: settings.actor(store))
        command: ItemCommand = build(service, store)
        # Versions given were read earlier: an item changed since refuses the whole edit
        # (ConflictError: the sentence on standard error, exit status 1).
        command.seen.update(
            {i: v for i, v in getattr(args, "seen", []) if i in command.item_ids}
        )
        command.do()
    print(f"已完成：{command.label}。")
    return 0


def _today(args: argparse.Namespace) -> dt.date:
    return parse_day(args.date) if args.date else dt.date.today()


def cmd_set_status(args: argparse.Namespace) -> int:
    """Change the status of items."""
    status = parse_status(args.status)
    closed_on = parse_day(args.date) if args.date else None
    return _run(
        args,
        lambda service, _store: service.set_status(
            args.ids, status, closed_on=closed_on, reason=args.reason
        ),
    )


def cmd_close(args: argparse.Namespace) -> int:
    """Close items off."""
    on = _today(args)
    return _run(
        args,
        lambda service, _store: service.close_off(
            args.ids, on, evidence=args.evidence, note=args.note
        ),
    )


def cmd_progress(args: argparse.Namespace) -> int:
    """Add a progress entry to items."""
    on = _today(args)
    return _run(
        args, lambda service, _store: service.add_progress(args.ids, on, args.text, args.evidence)
    )


def cmd_set_lead(args: argparse.Namespace) -> int:
    """Make a unit the lead of items."""
    return _run(
        args, lambda service, _store: service.set_lead_department(args.ids, args.department)
    )


def cmd_set_deadline(args: argparse.Namespace) -> int:
    """Give items a deadline."""
    return _run(args, lambda service, _store: service.set_deadline(args.ids, args.deadline))


def cmd_set_field(args: argparse.Namespace) -> int:
    """Change one field of one item."""
    return _run(args, lambda service, _store: service.edit(args.id, {args.field: args.value}))


def cmd_delete(args: argparse.Namespace) -> int:
    """Delete items after an explicit --yes."""
    if not args.yes:
        raise UserError(
            "删除 {count} 条事项无法在命令行撤销；确认无误请加上 --yes 再运行。",
            count=len(args.ids),
        )

    def build(service: ItemService, _store: LedgerStore) -> ItemCommand:
        return service.delete(args.ids)

    return _run(args, build)
