"""rectdesk-cli: the same services as the window, from a terminal.

Each command module has ``register(commands)``, adding its sub-parsers with a ``handler``
default; the modules are listed once in ``COMMAND_MODULES``.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sqlite3
import sys
from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from rectdesk import __version__
from rectdesk.app.logs import setup_logging
from rectdesk.cli.common import EXIT_DAMAGED, EXIT_UNEXPECTED, EXIT_USER_ERROR, ChineseParser
from rectdesk.domain.errors import StoreDamagedError, UserError
from rectdesk.services.health import is_busy

log = logging.getLogger("rectdesk.cli")

BUSY = (
    "另一个 RectDesk 程序正在写入数据文件（例如正在导入），现在无法读取；"
    "数据文件没有损坏，请等它完成后再试。"
)
DAMAGED = (
    "读取时发现数据文件已损坏；请运行“rectdesk-cli check”查看，"
    "并用“rectdesk-cli backups”找到完好的备份恢复。"
)
UNEXPECTED = "发生了意外错误，详情已写入日志文件；请把日志发给技术支持。"

#: Modules that add commands, in the order they appear in ``--help``.
COMMAND_MODULES: tuple[str, ...] = (
    "rectdesk.cli.core",
    "rectdesk.cli.smoke",
    "rectdesk.cli.backup",
    "rectdesk.cli.importing",
    "rectdesk.cli.reports",
    "rectdesk.cli.items",
    "rectdesk.cli.calendar",
    "rectdesk.cli.letters",
    "rectdesk.cli.evidence",
    "rectdesk.cli.rounds",
    "rectdesk.cli.copystore",
    "rectdesk.cli.closure",
    "rectdesk.cli.proposals",
)


def build_parser() -> argparse.ArgumentParser:
    """The command-line grammar."""
    parser = ChineseParser(
        prog="rectdesk-cli",
        description="整改台账桌面助手（RectDesk）命令行：查看和维护整改事项。",
    )
    parser.add_argument("--version", action="version", version=f"RectDesk {__version__}")
    parser.add_argument(
        "--db", metavar="PATH|URL",
        help="数据文件路径，或台账服务器地址 postgresql://用户名@服务器:端口/数据库名"
             "（默认：用户数据目录，或环境变量 RECTDESK_DB）",
    )
    parser.add_argument(
        "--evidence-dir", metavar="DIR", dest="evidence_dir",
        help="服务器台账的佐证材料共享文件夹（也可用环境变量 RECTDESK_FILES）",
    )  # fmt: skip
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
    stdout = sys.stdout
    sys.stdout = PrintableOnly(stdout)
    try:
        return handler(args)
    except StoreDamagedError as exc:
        log.error("store damaged: %s (%s)", exc.message, exc.detail)
        print(exc.message, file=sys.stderr)
        return EXIT_DAMAGED
    except UserError as exc:
        log.info("user error: %s (%s)", exc.message, exc.detail)
        print(exc.message, file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return EXIT_USER_ERROR
    except sqlite3.DatabaseError as exc:
        if is_busy(exc):
            # Another RectDesk process held the store longer than SQLite waits: not damage.
            log.info("store busy: %s", exc)
            print(BUSY, file=sys.stderr)
            return EXIT_USER_ERROR
        if _damage(exc):
            log.error("store damaged, found while reading: %s", exc)
            print(DAMAGED, file=sys.stderr)
            return EXIT_DAMAGED
        log.exception("unexpected error in rectdesk-cli %s", args.command)
        print(UNEXPECTED, file=sys.stderr)
        return EXIT_UNEXPECTED
    except Exception:
        log.exception("unexpected error in rectdesk-cli %s", args.command)
        print(UNEXPECTED, file=sys.stderr)
        return EXIT_UNEXPECTED
    finally:
        sys.stdout = stdout


def _damage(exc: sqlite3.DatabaseError) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in (11, 26)  # SQLITE_CORRUPT, SQLITE_NOTADB
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text


class PrintableOnly:
    """Standard output that shows stored control characters instead of obeying them.

    Text from a spreadsheet can hold terminal escape sequences (colours, cursor moves, a
    changed window title); printed raw they would act on the clerk's terminal. JSON output
    is unaffected: it already writes control characters as escapes.
    """

    #: Every control character but TAB and line feed shows as a space; ESC as a visible ␛.
    _SHOWN: ClassVar[dict[int, str]] = {
        **dict.fromkeys([*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F, *range(0x80, 0xA0)], " "),
        0x1B: "␛",
    }

    def __init__(self, stream: Any) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        if not text.isprintable():  # the common case, printable text, costs one scan
            text = text.translate(self._SHOWN)
        return int(self.stream.write(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


def _utf8_streams() -> None:
    # A Windows console may default to GBK; Chinese output must never crash the command.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
