"""Backup commands: backup, restore, backups, and exporting the audit log."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from rectdesk.cli.common import open_store, print_json
from rectdesk.domain.errors import QT_TRANSLATE_NOOP, Listing, UserError
from rectdesk.domain.privacy import OutputMode
from rectdesk.services import audit, server_backup, settings
from rectdesk.services import backup as backups
from rectdesk.services.backup import BackupInfo, default_backup_dir, list_backups
from rectdesk.services.ledger import is_server, open_ledger
from rectdesk.services.paths import resolve_db_path, resolve_target


def register(commands: Any) -> None:
    """Add the backup and audit commands."""
    backup = commands.add_parser("backup", help="立即备份数据文件和佐证材料（并检查备份是否完好）")
    backup.add_argument(
        "--output", metavar="PATH", help="备份到这个文件夹（如 U 盘）；默认放在自动备份文件夹"
    )
    backup.set_defaults(handler=cmd_backup)

    restore = commands.add_parser("restore", help="从备份恢复（先另存被替换的数据文件）")
    restore.add_argument(
        "path", metavar="PATH",
        help="备份文件夹，或 backup --output 用过的文件夹（取其中最新的完好备份）",
    )  # fmt: skip
    restore.set_defaults(handler=cmd_restore)

    listing = commands.add_parser("backups", help="列出备份：时间、大小、是否通过验证")
    listing.add_argument("--folder", metavar="PATH", help="列出这个文件夹中的备份（如 U 盘）")
    listing.add_argument("--json", action="store_true", help="以 JSON 输出")
    listing.set_defaults(handler=cmd_backups)

    config = commands.add_parser("backup-settings", help="查看或修改自动备份设置")
    config.add_argument("--daily", choices=["on", "off"], help="每天首次启动时自动备份")
    config.add_argument("--keep-days", type=int, metavar="N", help="每日备份保留天数（默认 14）")
    config.add_argument("--keep-weeks", type=int, metavar="N", help="每周备份保留周数（默认 8）")
    config.add_argument(
        "--folder", metavar="PATH", help="自动备份文件夹；空字符串表示数据文件旁的 backups"
    )
    config.set_defaults(handler=cmd_backup_settings)

    log = commands.add_parser("audit", help="导出审计日志（csv 或 xlsx）")
    log.add_argument("--item", type=int, metavar="ID", help="只导出某个事项的记录")
    log.add_argument("--output", required=True, metavar="FILE", help="导出文件：.csv 或 .xlsx")
    log.add_argument(
        "--privacy", default="masked", choices=[OutputMode.MASKED.value, OutputMode.FULL.value],
        help="masked 手机号和身份证号脱敏（默认）；full 完整（记入审计日志）",
    )  # fmt: skip
    log.set_defaults(handler=cmd_audit)


def cmd_backup(args: argparse.Namespace) -> int:
    """Make a verified backup now (a server ledger: a verified pg_dump)."""
    target = resolve_target(args.db)
    if is_server(target):
        folder = Path(args.output).expanduser() if args.output else None
        dumped = server_backup.dump(str(target), folder)
        print(f"服务器台账已备份并通过检查：{dumped.path}")
        print(dumped.describe())
        return 0
    with open_store(args, write=False) as store:
        if args.output:
            info = backups.backup_to(store, Path(args.output).expanduser())
        else:
            info = backups.backup_now(store, reason="manual")
    print(f"备份完成并已通过完整性检查：{info.path}")
    print(backups.describe(info))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    """Replace the store by a backup, keeping a copy of the replaced one."""
    target = resolve_target(args.db)
    if is_server(target):
        count = server_backup.restore(str(target), Path(args.path).expanduser())
        print(f"已从备份恢复服务器上的台账：{args.path}")
        print(f"现有 {count} 条事项。")
        return 0
    db_path = resolve_db_path(args.db)
    source, note = _backup_folder(Path(args.path).expanduser(), db_path)
    if note:
        print(note)
    kept = backups.restore(db_path, source)
    with open_ledger(db_path, create=False) as store:
        count = store.count_items()
    print(f"已从备份恢复：{source}")
    print(f"恢复前的数据文件已另存到：{kept}")
    print(f"现有 {count} 条事项。")
    return 0


def cmd_backups(args: argparse.Namespace) -> int:
    """List backups, newest first."""
    db_path = resolve_db_path(args.db)
    if args.folder:
        found = list_backups(Path(args.folder).expanduser(), db_path.stem)
    elif db_path.exists():
        try:
            with open_store(args, write=False) as store:
                found = backups.store_backups(store)
        except UserError:
            # A damaged store still has its backups beside it: list them to restore one.
            found = list_backups(default_backup_dir(db_path), db_path.stem)
    else:
        found = list_backups(default_backup_dir(db_path), db_path.stem)
    if args.json:
        print_json([_info_dict(b) for b in found])
        return 0
    for info in found:
        print(f"{backups.describe(info)}\n    {info.path}")
    print(f"共 {len(found)} 个备份。")
    return 0


def cmd_backup_settings(args: argparse.Namespace) -> int:
    """Show the backup settings, changing those given."""
    changes: dict[str, object] = {}
    if args.daily is not None:
        changes["backup_daily"] = args.daily == "on"
    if args.keep_days is not None:
        if args.keep_days < 1:
            raise UserError(QT_TRANSLATE_NOOP("Errors", "每日备份至少保留 1 天。"))
        changes["backup_daily_days"] = args.keep_days
    if args.keep_weeks is not None:
        changes["backup_weekly_weeks"] = args.keep_weeks
    if args.folder is not None:
        changes["backup_folder"] = args.folder.strip()
    with open_store(args, write=bool(changes)) as store:
        for key, value in changes.items():
            settings.put(store, key, value)
        daily = "开" if settings.get(store, "backup_daily") else "关"
        print(f"每天首次启动时自动备份：{daily}")
        print(f"每日备份保留：{settings.get(store, 'backup_daily_days')} 天")
        print(f"每周备份保留：{settings.get(store, 'backup_weekly_weeks')} 周")
        print(f"自动备份文件夹：{backups.backup_folder(store)}")
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    """Export the audit log."""
    mode = OutputMode(args.privacy)
    with open_store(args, write=mode is OutputMode.FULL) as store:
        count = audit.export(
            store, Path(args.output), item_id=args.item, mode=mode, actor=settings.actor(store)
        )
    print(f"已导出 {count} 条审计记录：{args.output}")
    return 0


def _backup_folder(path: Path, db_path: Path) -> tuple[Path, str]:
    """The backup to restore from ``path``: a backup folder, its manifest, or a folder of
    backups (such as the one ``backup --output`` was given), whose newest sound one is taken
    and named in the returned sentence."""
    if path.is_file() and path.name == "manifest.json":
        path = path.parent
    if path.is_dir() and (path / "manifest.json").exists():
        return path, ""
    found = [b for b in list_backups(path) if b.verified] if path.is_dir() else []
    stems = {b.db_file.name for b in found}
    mine = [b for b in found if b.db_file.name == db_path.name]
    chosen = mine or (found if len(stems) == 1 else [])
    if not chosen:
        if len(stems) > 1:
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "“{folder}”里有几个不同数据文件的备份（{names}），"
                    "请直接指定要恢复的那个备份文件夹。",
                ),
                folder=str(path),
                names=Listing(sorted(stems)),
            )
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "“{folder}”不是 RectDesk 备份文件夹，里面也没有完好的备份；"
                "请用“rectdesk-cli backups --folder 文件夹”查看可用的备份。",
            ),
            folder=str(path),
        )
    newest = chosen[0]
    return newest.path, (
        f"“{path}”里有 {len(chosen)} 份完好的备份，使用最新的一份："
        f"“{newest.path.name}”（{newest.created_at:%Y-%m-%d %H:%M}）。"
    )


def _info_dict(info: BackupInfo) -> dict[str, Any]:
    return {
        "path": str(info.path),
        "created_at": info.created_at.isoformat(timespec="seconds"),
        "reason": info.reason,
        "reason_label": backups.reason_label(info.reason),
        "size": info.size,
        "items": info.items,
        "verified": info.verified,
        "problem": info.problem,
    }
