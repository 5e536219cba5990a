"""rectdesk-cli: the same services as the window, from a terminal.

Each command module has ``register(commands)``, adding its sub-parsers with a ``handler``
default; the modules are listed once in ``COMMAND_MODULES``.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Callable, Sequence

from rectdesk import __version__
from rectdesk.app.logs import setup_logging
from rectdesk.cli.common import EXIT_UNEXPECTED, EXIT_USER_ERROR, ChineseParser
from rectdesk.domain.errors import UserError

log = logging.getLogger("rectdesk.cli")

#: Modules that add commands, in the order they appear in ``--help``.
COMMAND_MODULES: tuple[str, ...] = (
    "rectdesk.cli.core",
    "rectdesk.cli.smoke",
    "rectdesk.cli.backup",
    "rectdesk.cli.importing",
    "rectdesk.cli.reports",
    "rectdesk.cli.items",
    "rectdesk.cli.calendar",
)


def build_parser() -> argparse.ArgumentParser:
    """The command-line grammar."""
    parser = ChineseParser(
        prog="rectdesk-cli",
        description="整改台账桌面助手（RectDesk）命令行：查看和维护整改事项。",
    )
    parser.add_argument("--version", action="version", version=f"RectDesk {__version__}")
    parser.add_argument(
        "--db", metavar="PATH", help="数据文件路径（默认：用户数据目录，或环境变量 RECTDESK_DB）"
    )
    commands = parser.add_subparsers(dest="command", metavar="命令", parser_class=ChineseParser)
    commands.required = True
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit status."""
    _utf8_streams()
    args = build_parser().parse_args(argv)
    setup_logging(console=False)
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except UserError as exc:
        log.info("user error: %s (%s)", exc.message, exc.detail)
        print(exc.message, file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return EXIT_USER_ERROR
    except Exception:
        log.exception("unexpected error in rectdesk-cli %s", args.command)
        print("发生了意外错误，详情已写入日志文件；请把日志发给技术支持。", file=sys.stderr)
        return EXIT_UNEXPECTED


def _utf8_streams() -> None:
    # A Windows console may default to GBK; Chinese output must never crash the command.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
