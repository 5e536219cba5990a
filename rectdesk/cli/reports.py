"""Report commands: report / export (PDF, Word, Excel) and templates."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from rectdesk.cli.common import EXIT_DAMAGED, open_store, parse_day, print_json
from rectdesk.domain.privacy import OutputMode
from rectdesk.domain.query import ItemQuery
from rectdesk.services import reporting, settings
from rectdesk.services.health import damaged_among, damaged_rows_message

_PRIVACY_HELP = (
    "个人信息：masked 脱敏（默认，或模板的设定）、publish 公开发布（去掉来源列）、"
    "full 完整（记入审计日志）"
)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format", required=True, choices=sorted(reporting.FORMATS), help="输出格式"
    )
    parser.add_argument("--output", required=True, metavar="PATH", help="输出文件路径")
    parser.add_argument("--batch", type=int, metavar="ID", help="只含某个批次的事项")
    parser.add_argument(
        "--privacy", "--personal-data", dest="privacy", default=None,
        choices=[m.value for m in OutputMode], help=_PRIVACY_HELP,
    )  # fmt: skip
    parser.add_argument("--today", metavar="YYYY-MM-DD", help="报表日期和逾期计算日期（默认今天）")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出导出结果")
    parser.set_defaults(handler=cmd_report)


def register(commands: Any) -> None:
    """Add the report commands."""
    report = commands.add_parser("report", help="按模板导出正式格式报表（PDF、Word、Excel）")
    report.add_argument(
        "template", metavar="TEMPLATE",
        help="模板名称：plan、summary、ledger、narrative、warnings、closures 或自定义模板名",
    )  # fmt: skip
    _common(report)

    export = commands.add_parser("export", help="同 report：--template 指定模板")
    export.add_argument("--template", required=True, metavar="NAME", help="模板名称")
    _common(export)

    listing = commands.add_parser("templates", help="列出报表模板（内置和自定义）")
    listing.add_argument("--json", action="store_true", help="以 JSON 输出")
    listing.set_defaults(handler=cmd_templates)


def cmd_report(args: argparse.Namespace) -> int:
    """Export one report."""
    chosen = OutputMode(args.privacy) if args.privacy else None
    today = parse_day(args.today) if args.today else None
    with open_store(args, write=chosen is OutputMode.FULL) as store:
        # Without --privacy the template's own default applies (脱敏 or 公开发布, never 完整).
        mode = chosen or OutputMode(reporting.get_template(store, args.template).privacy)
        result = reporting.export_report(
            store,
            args.template,
            args.format,
            Path(args.output),
            batch_id=args.batch,
            mode=mode,
            today=today,
            actor=settings.actor(store),
        )
        damaged = damaged_among(store, store.item_ids(ItemQuery(batch_id=args.batch)))
    if damaged:
        print(damaged_rows_message(damaged), file=sys.stderr)
    if args.json:
        print_json(
            {
                "path": str(result.path),
                "template": result.template,
                "format": result.format,
                "rows": result.items,
                "pages": result.pages,
                "privacy": result.mode.value,
                "fonts_used": result.fonts_used,
                "missing_chars": result.missing_chars,
                "seconds": round(result.seconds, 3),
            }
        )
    else:
        pages = f"，{result.pages} 页" if result.pages is not None else ""
        print(f"已导出：{result.path}（{result.items} 行{pages}，{result.mode.label}）")
        for note in result.font_notes:
            print(f"  字体 {note}")
    if result.missing_chars:
        print(
            f"注意：所用字体缺少这些字，打印时会空白：{result.missing_chars}；请安装完整的中文字体。",
            file=sys.stderr,
        )
    return EXIT_DAMAGED if damaged else 0


def cmd_templates(args: argparse.Namespace) -> int:
    """List the templates."""
    with open_store(args, write=False) as store:
        specs = reporting.templates(store)
    rows: list[dict[str, Any]] = [
        {
            "name": s.name,
            "label": s.label,
            "kind": s.kind,
            "builtin": s.builtin,
            "landscape": s.landscape,
            "page_size": s.page_size,
            "page_number_style": s.page_number_style if s.page_numbers else "none",
            "columns": [c.header_text() for c in s.columns],
        }
        for s in specs
    ]
    if args.json:
        print_json(rows)
        return 0
    for row in rows:
        origin = "内置" if row["builtin"] else "自定义"
        columns = "、".join(row["columns"]) or "（文字报告）"
        print(f"{row['name']:<12} {row['label']}（{origin}）：{columns}")
    print(f"共 {len(rows)} 个模板。")
    return 0
