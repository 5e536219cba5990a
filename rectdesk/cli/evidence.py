"""Evidence commands: the 销号 binder, and the reuse guard's list."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from rectdesk.cli.common import open_store, print_json
from rectdesk.domain.privacy import OutputMode, mask_text
from rectdesk.fileio import atomic_path
from rectdesk.services import binder, evidence_guard, settings
from rectdesk.services.reporting import output_path, write

_PRIVACY = "个人信息：masked 脱敏（默认）、full 完整（记入审计日志）"


def register(commands: Any) -> None:
    """Add binder and evidence-reuse."""
    book = commands.add_parser(
        "binder",
        help="销号材料汇编：封面、目录、每条事项的问题、措施、台账和佐证材料（PDF 或 zip）",
    )
    which = book.add_mutually_exclusive_group(required=True)
    which.add_argument("--item", type=int, nargs="+", metavar="ID", help="事项编号（可以多个）")
    which.add_argument("--batch", type=int, metavar="ID", help="批次编号")
    book.add_argument("--output", required=True, metavar="FILE", help="输出文件（.pdf 或 .zip）")
    book.add_argument("--privacy", default="masked", choices=["masked", "full"], help=_PRIVACY)
    book.add_argument("--json", action="store_true", help="以 JSON 输出结果")
    book.set_defaults(handler=cmd_binder)

    reuse = commands.add_parser(
        "evidence-reuse", help="检查同一份佐证材料（同一文件、近似照片、文字相同的PDF）用于不同事项"
    )
    reuse.add_argument("--json", action="store_true", help="以 JSON 输出")
    reuse.add_argument("--print", dest="print_to", metavar="FILE",
                       help="把复用清单打印成表格（.pdf、.docx 或 .xlsx）")  # fmt: skip
    reuse.set_defaults(handler=cmd_reuse)


def cmd_binder(args: argparse.Namespace) -> int:
    mode = OutputMode(args.privacy)
    with open_store(args, write=True) as store:
        result = binder.write_binder(
            store, Path(args.output), item_ids=args.item, batch_id=args.batch, mode=mode,
            actor=settings.actor(store),
        )  # fmt: skip
    if args.json:
        print_json({"file": str(result.path), "items": result.items, "files": result.files,
                    "pages": result.pages, "embedded": result.embedded, "listed": result.listed,
                    "flagged_items": result.flagged})  # fmt: skip
        return 0
    pages = f"，共{result.pages}页" if result.pages is not None else ""
    print(f"已生成销号材料：{result.path}（事项{result.items}条，佐证材料{result.files}份，"
          f"收录{result.embedded}份，仅列出{result.listed}份{pages}）")  # fmt: skip
    if result.flagged:
        print(f"注意：{result.flagged}条事项有佐证材料复用提示，请逐项核实。")
    return 0


def cmd_reuse(args: argparse.Namespace) -> int:
    today = dt.date.today()
    with open_store(args, write=False) as store:
        result = evidence_guard.check(store, fresh=not store.readonly)
        if args.print_to:
            target = Path(args.print_to)
            fmt = target.suffix.lower().lstrip(".") or "pdf"
            path = output_path(target, fmt)
            report = evidence_guard.reuse_report(store, result, today=today)
            with atomic_path(path) as temporary:
                write(report, fmt, temporary)
            print(f"已打印佐证材料复用清单：{path}")
            return 0
    if args.json:
        print_json(evidence_guard.check_json(result))
        return 0
    print(f"检查佐证材料{result.files}份（内容不同的{result.contents}份，本次新读取"
          f"{result.read_now}份），用时{result.seconds:.1f}秒。")  # fmt: skip
    if not result.groups:
        print("没有发现同一份材料用于不同事项。")
        return 0
    for number, group in enumerate(result.groups, start=1):
        print(mask_text(f"{number}. {evidence_guard.describe(group)}"))
    print(f"共{len(result.groups)}组，涉及事项{len(result.by_item)}条。")
    return 0
