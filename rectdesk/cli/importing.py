"""Commands to import an upper level's spreadsheet, undo an import, and fill a sheet back."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from rectdesk.cli.common import open_store, print_json
from rectdesk.domain.errors import Listing, UserError
from rectdesk.domain.model import BatchKind
from rectdesk.domain.privacy import mask_text
from rectdesk.services import settings
from rectdesk.services.fillback import FULL_DATA_NOTICE, fill_back
from rectdesk.services.importing import import_file, list_imports, undo_import


def register(commands: Any) -> None:
    """Add import, imports, undo-import and fill-back."""
    kinds = "、".join(f"{k.value}（{k.label}）" for k in BatchKind)
    parser = commands.add_parser("import", help="导入上级下发的表格（xlsx、xls、et、csv）")
    parser.add_argument("file", metavar="FILE", help="表格文件")
    parser.add_argument(
        "--batch-name", metavar="TEXT", help="批次名称（已有同名批次时导入到该批次）"
    )
    parser.add_argument(
        "--kind", metavar="CODE", help=f"新批次的类型（默认按标题和列判断）：{kinds}"
    )
    parser.add_argument("--year", type=int, metavar="YYYY", help="批次年份（未写年份的时限按此年）")
    parser.add_argument(
        "--doc-number", metavar="TEXT", default="", help="文号，如 安人常办〔2021〕72号"
    )
    parser.add_argument("--dry-run", action="store_true", help="只检查和统计，不写入")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出结果")
    parser.set_defaults(handler=cmd_import)

    imports = commands.add_parser("imports", help="列出导入记录")
    imports.add_argument("--json", action="store_true", help="以 JSON 输出")
    imports.set_defaults(handler=cmd_imports)

    undo = commands.add_parser("undo-import", help="整体撤销一次导入")
    undo.add_argument("import_id", type=int, metavar="ID", help="导入记录编号（见 imports）")
    undo.set_defaults(handler=cmd_undo)

    fill = commands.add_parser(
        "fill-back", help="把整改进展回填到上级下发的原表（另存为新文件；完整信息，记入审计日志）"
    )
    fill.add_argument("original", metavar="ORIGINAL", help="上级下发的原表（xlsx）")
    fill.add_argument("--batch", type=int, required=True, metavar="ID", help="批次编号")
    fill.add_argument("--output", required=True, metavar="PATH", help="回填后的新文件")
    fill.set_defaults(handler=cmd_fill_back)


def _kind(code: str | None) -> BatchKind | None:
    if code is None:
        return None
    for kind in BatchKind:
        if code in (kind.value, kind.label):
            return kind
    raise UserError(
        "无法识别的批次类型“{code}”，可用：{kinds}。",
        code=code,
        kinds=Listing(k.value for k in BatchKind),
    )


def cmd_import(args: argparse.Namespace) -> int:
    kind = _kind(args.kind)
    if args.year is not None and not 1990 <= args.year <= 2100:
        raise UserError("年份“{year}”不对，请写成 2024 这样的四位年份。", year=args.year)
    with open_store(args, write=not args.dry_run, create=not args.dry_run) as store:
        result = import_file(
            store,
            Path(args.file),
            batch_name=args.batch_name,
            kind=kind,
            year=args.year,
            doc_number=args.doc_number,
            dry_run=args.dry_run,
            actor=settings.actor(store) if not args.dry_run else "",
        )
    if args.json:
        print_json(result.as_json())
        return 0
    head = "检查完成（未写入）" if result.dry_run else f"已导入到批次 {result.batch_id}"
    print(
        f"{head}：新增 {result.created} 条，更新 {result.updated} 条，"
        f"无变化 {result.unchanged} 条。"
    )
    matched = result.matched_batch
    if matched is not None and matched.batch_id != result.batch_id:
        print(
            f"注意：这个表格有 {matched.matched} 条事项已在批次 {matched.batch_id}"
            f"“{matched.name}”中；如是重发的清单，请撤销本次导入，"
            f"改用 --batch-name “{matched.name}” 导入以更新。"
        )
    for change in result.changes[:200]:
        print(mask_text(f"修改 事项 {change.item_id} {change.field}：{change.old} → {change.new}"))
    if result.import_id is not None:
        print(f"导入记录编号 {result.import_id}（可用 undo-import {result.import_id} 整体撤销）。")
    for warning in result.warnings:
        where = f"工作表“{warning['sheet']}”第{warning['row']}行：" if warning["row"] else ""
        print(f"提示 {where}{warning['message']}")
    return 0


def cmd_imports(args: argparse.Namespace) -> int:
    with open_store(args, write=False) as store:
        records = list_imports(store)
    if args.json:
        print_json([
            {"id": r.id, "batch_id": r.batch_id, "file": mask_text(r.file_name), "at": r.at,
             "created": r.created, "updated": r.updated, "unchanged": r.unchanged,
             "undone_at": r.undone_at}
            for r in records
        ])  # fmt: skip
        return 0
    if not records:
        print("还没有导入记录。")
    for r in records:
        state = f"已于 {r.undone_at} 撤销" if r.undone_at else "有效"
        print(f"{r.id}\t批次 {r.batch_id}\t{r.at}\t{mask_text(r.file_name)}\t新增 {r.created}"
              f" 更新 {r.updated}\t{state}")  # fmt: skip
    return 0


def cmd_undo(args: argparse.Namespace) -> int:
    with open_store(args, write=True) as store:
        record = undo_import(store, args.import_id, actor=settings.actor(store))
    print(f"已撤销导入 {record.id}（{record.file_name}）：删除新增的 {record.created} 条，"
          f"恢复更新过的 {record.updated} 条。")  # fmt: skip
    return 0


def cmd_fill_back(args: argparse.Namespace) -> int:
    # Writable: the fill-back is a full-data output and is recorded in the audit log.
    with open_store(args, write=True) as store:
        store.batch(args.batch)
        result = fill_back(
            store, args.batch, Path(args.original), Path(args.output),
            actor=settings.actor(store),
        )  # fmt: skip
    print(f"已回填 {result.matched} 行，保存为“{result.output}”。")
    print(f"注意：{FULL_DATA_NOTICE}")
    if result.added_columns:
        print(f"在表格右侧新增了列：{'、'.join(result.added_columns)}。")
    for sheet, row in result.unmatched[:50]:
        print(f"提示 工作表“{sheet}”第{row}行没有对应的事项，未回填。")
    return 0
