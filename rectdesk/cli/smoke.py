"""``rectdesk-cli smoke-test``: the build's smoke test without its Qt steps."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(commands: Any) -> None:
    """Add the smoke-test command."""
    smoke = commands.add_parser(
        "smoke-test",
        help="检查本程序能否正常工作：临时数据文件、示例数据、导出一份 PDF 报表（不动正式数据）",
    )
    smoke.add_argument(
        "--keep", metavar="DIR", help="把临时数据文件和报表留在 DIR 中（默认用完即删）"
    )
    smoke.set_defaults(handler=cmd_smoke_test)


def cmd_smoke_test(args: argparse.Namespace) -> int:
    """Run the smoke test; 0 when it passed."""
    from rectdesk.app import smoke

    return smoke.run(with_qt=False, folder=Path(args.keep) if args.keep else None)
