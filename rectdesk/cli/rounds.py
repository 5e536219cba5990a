"""Commands for rounds with the responsible units: dispatch, collect, rounds, and packages."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from rectdesk.cli.common import EXIT_USER_ERROR, open_store, parse_day, print_json
from rectdesk.domain.privacy import mask_data, mask_text
from rectdesk.services import settings
from rectdesk.services.collect import describe, plan_collect
from rectdesk.services.collect_apply import apply_collect
from rectdesk.services.dispatch import dispatch
from rectdesk.services.exchange import import_package, make_package
from rectdesk.services.rounds import rounds, rounds_json


def register(commands: Any) -> None:
    """Add dispatch, collect, rounds, package and import-package."""
    send = commands.add_parser(
        "dispatch", help="下发：为批次的每个责任单位生成一份报送表（xlsx），并生成报送通知（Word）"
    )
    send.add_argument("--batch", type=int, required=True, metavar="ID", help="批次编号")
    send.add_argument("--output", required=True, metavar="DIR", help="保存报送表的文件夹")
    send.add_argument(
        "--round", type=int, metavar="N", help="轮次（默认为下一轮；写已有的轮次则重新下发）"
    )
    send.add_argument("--cut-off", metavar="YYYY-MM-DD", help="报送截止日期")
    send.add_argument("--json", action="store_true", help="以 JSON 输出结果")
    send.set_defaults(handler=cmd_dispatch)

    collect = commands.add_parser(
        "collect", help="收集：读入各单位报回的报送表，列出每条事项的修改（默认不写入）"
    )
    collect.add_argument("files", nargs="+", metavar="FILE", help="报回的报送表（可以多个）")
    collect.add_argument("--dry-run", action="store_true", help="只检查，不写入")
    collect.add_argument(
        "--accept-all", action="store_true", help="采纳全部修改并写入（冲突时以牵头单位为准）"
    )
    collect.add_argument("--json", action="store_true", help="以 JSON 输出结果")
    collect.set_defaults(handler=cmd_collect)

    listing = commands.add_parser("rounds", help="列出批次的各轮下发和报送情况")
    listing.add_argument("--batch", type=int, required=True, metavar="ID", help="批次编号")
    listing.add_argument("--json", action="store_true", help="以 JSON 输出")
    listing.set_defaults(handler=cmd_rounds)

    package = commands.add_parser(
        "package", help="导出交换包（zip：事项、台账、佐证材料和清单），供上级 RectDesk 导入"
    )
    package.add_argument("--batch", type=int, required=True, metavar="ID", help="批次编号")
    package.add_argument("--output", required=True, metavar="FILE", help="交换包文件（.zip）")
    package.set_defaults(handler=cmd_package)

    take = commands.add_parser("import-package", help="导入下级报送的交换包")
    take.add_argument("file", metavar="FILE", help="交换包文件（.zip）")
    take.add_argument("--dry-run", action="store_true", help="只检查和统计，不写入")
    take.add_argument("--json", action="store_true", help="以 JSON 输出结果")
    take.set_defaults(handler=cmd_import_package)


def cmd_dispatch(args: argparse.Namespace) -> int:
    cut_off = parse_day(args.cut_off) if args.cut_off else None
    with open_store(args, write=True) as store:
        result = dispatch(
            store, args.batch, Path(args.output), round_number=args.round, cut_off=cut_off,
            actor=settings.actor(store),
        )  # fmt: skip
    if args.json:
        print_json(mask_data(result.as_json()))
        return 0
    head = "重新下发" if result.resent else "已下发"
    count = len(result.files)
    print(f"{head}第{result.round_number}轮：{count} 个单位，报送表保存在“{args.output}”。")
    for sent in result.files:
        print(f"  {sent.unit}\t牵头 {sent.lead} 条、配合 {sent.assist} 条\t{sent.path.name}")
    if result.notice is not None:
        print(f"报送通知：{result.notice.name}")
    print("报送表中意见来源的电话、身份证号已脱敏。")
    for warning in result.warnings:
        print(f"提示 {warning}")
    return 0


def cmd_collect(args: argparse.Namespace) -> int:
    write = args.accept_all and not args.dry_run
    with open_store(args, write=write) as store:
        plan = plan_collect(store, [Path(f) for f in args.files])
        if args.accept_all:
            plan.accept_all()
        applied = 0
        if write and plan.received:
            apply_collect(store, plan, actor=settings.actor(store))
            applied = len(plan.accepted())
    if args.json:
        print_json(plan.as_json(applied))
    else:
        for line in describe(plan):
            print(line)
        if applied:
            print(f"已写入 {applied} 处修改，每处都记入了台账（来源为报送单位和轮次）。")
        elif plan.received and not write:
            print("没有写入任何内容：确认无误后加 --accept-all 写入，或在窗口中逐项审核。")
    if not any(f.included for f in plan.files):
        print("没有一份报送表能够纳入审核，请查看上面的提示。", file=sys.stderr)
        return EXIT_USER_ERROR
    return 0


def cmd_rounds(args: argparse.Namespace) -> int:
    with open_store(args, write=False) as store:
        found = rounds(store, args.batch)
    if args.json:
        print_json(rounds_json(found))
        return 0
    if not found:
        print("这个批次还没有下发过报送表。")
    for item in found:
        cut = item.cut_off.isoformat() if item.cut_off else "未定"
        missing = len(item.missing)
        print(f"第{item.number}轮（截止 {cut}）：{len(item.units)} 个单位，"
              f"已报送 {len(item.units) - missing} 个，未报送 {missing} 个")  # fmt: skip
        for unit in item.units:
            state = f"已报送 {unit.returned_at[:10]}" if unit.returned_at else "未报送"
            print(mask_text(f"  {unit.unit}\t{unit.items} 条\t{state}"))
    return 0


def cmd_package(args: argparse.Namespace) -> int:
    with open_store(args, write=True) as store:
        result = make_package(store, args.batch, Path(args.output), actor=settings.actor(store))
    print(
        f"已导出交换包“{result.path}”：事项 {result.items} 条，台账 {result.ledger} 条，"
        f"佐证材料 {result.evidence} 份。文字中的电话、身份证号已脱敏。"
    )
    return 0


def cmd_import_package(args: argparse.Namespace) -> int:
    with open_store(args, write=not args.dry_run, create=not args.dry_run) as store:
        result = import_package(
            store, Path(args.file), dry_run=args.dry_run,
            actor=settings.actor(store) if not args.dry_run else "",
        )  # fmt: skip
    if args.json:
        print_json(result.as_json())
        return 0
    head = "检查完成（未写入）" if result.dry_run else f"已导入到批次 {result.batch_id}"
    kind = "新建批次" if result.batch_created else "更新已有批次"
    print(
        mask_text(
            f"{head}（{kind}“{result.batch_name}”）：新增 {result.created} 条，"
            f"更新 {result.updated} 条，无变化 {result.unchanged} 条；"
            f"台账 {result.ledger_added} 条，佐证材料 {result.evidence_added} 份。"
        )
    )
    return 0
