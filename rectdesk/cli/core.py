"""The foundation commands: demo, items, batches, check."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from rectdesk.cli.common import (
    EXIT_DAMAGED,
    EXIT_USER_ERROR,
    open_store,
    parse_day,
    print_json,
    short,
)
from rectdesk.domain.errors import UserError
from rectdesk.domain.ledger import LedgerStore
from rectdesk.domain.privacy import OutputMode
from rectdesk.domain.query import SORT_KEYS, ItemQuery
from rectdesk.domain.status import parse_status
from rectdesk.services import reporting, settings
from rectdesk.services.demo import load_demo
from rectdesk.services.health import (
    check_problems_message,
    check_store,
    damaged_among,
    damaged_rows_message,
    empty_message,
)
from rectdesk.services.ledger import describe, is_server, open_ledger
from rectdesk.services.paths import resolve_db_path, resolve_target
from rectdesk.services.views import batch_dict, item_dict


def register(commands: Any) -> None:
    """Add the foundation commands."""
    demo = commands.add_parser("demo", help="载入示例数据（重复运行不会重复添加）")
    demo.set_defaults(handler=cmd_demo)

    items = commands.add_parser("items", help="列出、筛选和搜索整改事项")
    items.add_argument("--batch", type=int, metavar="ID", help="只看某个批次")
    items.add_argument("--status", metavar="CODE", help="状态代码或名称，如 in_progress 或 整改中")
    items.add_argument("--overdue", action="store_true", help="只看已逾期的事项")
    items.add_argument(
        "--due-within", type=int, nargs="?", const=-1, metavar="DAYS",
        help="只看 DAYS 天内到期的事项；不写 DAYS 时用设置中的临期提醒天数（与窗口相同）",
    )  # fmt: skip
    items.add_argument("--department", metavar="NAME", help="只看某个责任单位（牵头或配合）")
    items.add_argument("--category", metavar="TEXT", help="只看某个类别")
    items.add_argument(
        "--search", metavar="TEXT", help="搜索任意文字（编号、来源、内容、措施、成果、进展、单位）"
    )
    items.add_argument(
        "--sort", default="source", choices=sorted(SORT_KEYS), metavar="FIELD",
        help=f"排序字段（默认按原表顺序）：{'、'.join(sorted(SORT_KEYS))}",
    )  # fmt: skip
    items.add_argument("--desc", action="store_true", help="倒序")
    items.add_argument("--limit", type=int, metavar="N", help="最多显示 N 条")
    items.add_argument("--today", metavar="YYYY-MM-DD", help="按指定日期计算逾期（默认今天）")
    items.add_argument(
        "--privacy", default="masked", choices=[m.value for m in OutputMode],
        help="个人信息：masked 脱敏（默认）、publish 公开发布、full 完整（记入审计日志）",
    )  # fmt: skip
    items.add_argument("--json", action="store_true", help="以 JSON 数组输出")
    items.set_defaults(handler=cmd_items)

    batches = commands.add_parser("batches", help="列出批次")
    batches.add_argument("--json", action="store_true", help="以 JSON 输出")
    batches.set_defaults(handler=cmd_batches)

    check = commands.add_parser("check", help="检查数据文件是否完好（损坏时返回非零）")
    check.set_defaults(handler=cmd_check)


def cmd_demo(args: argparse.Namespace) -> int:
    """Load the demo batches."""
    with open_store(args, write=True, create=True) as store:
        result = load_demo(store, actor=settings.actor(store))
    for name in result.added_batches:
        print(f"已添加示例批次：{name}")
    for name in result.skipped_batches:
        print(f"已存在，跳过：{name}")
    print(f"共添加 {result.items} 条事项。")
    return 0


def item_query(args: argparse.Namespace, store: LedgerStore) -> ItemQuery:
    """The filters given on the command line."""
    today = parse_day(args.today) if args.today else dt.date.today()
    if args.limit is not None and args.limit < 0:
        raise UserError("--limit 不能是负数。")
    if args.batch is not None:
        store.batch(args.batch)
    return ItemQuery(
        batch_id=args.batch,
        statuses=(parse_status(args.status),) if args.status else (),
        overdue=args.overdue,
        # Without DAYS: the bureau's warning days, the figure the window shows as 临期.
        due_within=settings.get(store, "warn_days") if args.due_within == -1 else args.due_within,
        department=args.department,
        category=args.category,
        search=args.search or "",
        sort=args.sort,
        descending=args.desc,
        limit=args.limit,
        today=today,
        rules=settings.light_rules(store),
    )


def cmd_items(args: argparse.Namespace) -> int:
    """List items."""
    mode = OutputMode(args.privacy)
    with open_store(args, write=mode is OutputMode.FULL) as store:
        query = item_query(args, store)
        found = store.items(query)
        if mode is OutputMode.FULL:
            reporting.record_full_export(
                store, settings.actor(store),
                f"rectdesk-cli items：{len(found)} 条，完整个人信息", output="items",
            )  # fmt: skip
        rows = [item_dict(i, today=query.today, rules=query.rules, mode=mode) for i in found]
        damaged = damaged_among(store, [i.id for i in found])
    if damaged:
        print(damaged_rows_message(damaged), file=sys.stderr)
    if args.json:
        print_json(rows)
        return EXIT_DAMAGED if damaged else 0
    for row in rows:
        print(
            f"{row['id']:>6}  {row['number'] or '（无编号）':<17} [{row['light_label']}] "
            f"{row['status_label']}  {row['deadline_text'] or '无时限'}  "
            f"{'、'.join(row['departments'])}  {short(row['content'])}"
        )
    print(f"共 {len(rows)} 条。")
    return EXIT_DAMAGED if damaged else 0


def cmd_batches(args: argparse.Namespace) -> int:
    """List batches."""
    with open_store(args, write=False) as store:
        batches = store.batches()
    rows = [batch_dict(b) for b in batches]  # masked: a batch name can hold a phone number
    if args.json:
        print_json(rows)
        return 0
    for row in rows:
        print(
            f"{row['id']:>4}  {row['year'] or '----'}  {row['kind_label']:<8} "
            f"{row['name']}（{row['items']} 条）"
        )
    print(f"共 {len(rows)} 个批次。")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Integrity check; exit 3 on damage only (busy, or a write rolled back, is not damage)."""
    target = resolve_target(args.db)
    if is_server(target):
        # No file here to check page by page: the server's own copies and counts are compared.
        with open_ledger(target, readonly=True, create=False) as store:
            problems = store.check()
        if problems:
            print(f"服务器上的台账（{describe(target)}）有 {len(problems)} 处不一致：",
                  file=sys.stderr)  # fmt: skip
            for problem in problems[:20]:
                print(f"  {problem}", file=sys.stderr)
            return EXIT_DAMAGED
        print(f"服务器上的台账完好：{describe(target)}")
        return 0
    path = resolve_db_path(args.db)
    result = check_store(path)
    for notice in result.notices:
        print(notice, file=sys.stderr)
    if result.busy:
        print("另一个 RectDesk 程序正在写入这个数据文件（例如正在导入），现在无法检查；"
              "数据文件没有损坏，请等它完成后再运行 check。", file=sys.stderr)  # fmt: skip
        return EXIT_USER_ERROR
    if result.empty:
        if result.newest_good is None:
            print(f"数据文件“{path.name}”是空文件（0 字节），里面还没有数据。")
            return 0
        print(empty_message(path, result.newest_good), file=sys.stderr)
        print(f"恢复：rectdesk-cli --db {path} restore {result.newest_good.path}", file=sys.stderr)
        return EXIT_DAMAGED
    rows_only = check_problems_message(result.problems)
    if rows_only is not None:
        print(rows_only, file=sys.stderr)
        return EXIT_DAMAGED
    if result.problems:
        print(f"数据文件“{path.name}”已损坏（{len(result.problems)} 处问题），请从备份恢复：",
              file=sys.stderr)  # fmt: skip
        for problem in result.problems[:20]:
            print(f"  {problem}", file=sys.stderr)
        return EXIT_DAMAGED
    print(f"数据文件完好：{path}")
    return 0
