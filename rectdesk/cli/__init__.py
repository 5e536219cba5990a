"""rectdesk-cli: the same services as the window, from a terminal.

Each command module has ``register(commands)``, adding its sub-parsers with a ``handler``
default; the modules are listed once in ``COMMAND_MODULES``.
"""

from __future__ import annotations

import argparse
import importlib
import io
import logging
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from rectdesk import __version__
from rectdesk.app.logs import setup_logging
from rectdesk.cli.common import EXIT_DAMAGED, EXIT_UNEXPECTED, EXIT_USER_ERROR, ChineseParser
from rectdesk.domain.errors import StoreDamagedError, UserError
from rectdesk.domain.privacy import mask_text
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
    parser.add_argument(
        "--version", action="version", version=f"RectDesk {__version__}", help="显示版本号并退出"
    )
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
    try:
        return _run(argv)
    except BrokenPipeError:
        # The reader went away while the help or a usage error was printed.
        _drop_output(sys.stdout)
        return 0


def _run(argv: Sequence[str] | None) -> int:
    args = build_parser().parse_args(argv)
    setup_logging(console=False)
    handler: Callable[[argparse.Namespace], int] = args.handler
    stdout = sys.stdout
    sys.stdout = PrintableOnly(stdout)
    try:
        status = handler(args)
        sys.stdout.flush()  # a pipe closed at the end shows here, not later at exit
        return status
    except StoreDamagedError as exc:
        log.error("store damaged: %s (%s)", exc.message, exc.detail)
        print(exc.message, file=sys.stderr)
        return EXIT_DAMAGED
    except UserError as exc:
        log.info("user error: %s (%s)", exc.message, exc.detail)
        # A refusal may quote stored text (a returned application's opinion): masked as
        # every other output.
        print(mask_text(exc.message), file=sys.stderr)
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


def _drop_output(stream: Any) -> None:
    """Send what is still buffered for ``stream`` nowhere, so exit stays quiet."""
    log.info("standard output closed by its reader")
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, stream.fileno())
        finally:
            os.close(devnull)
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        pass  # not a real file (a test's capture): nothing is flushed at exit anyway


def _damage(exc: sqlite3.DatabaseError) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in (11, 26)  # SQLITE_CORRUPT, SQLITE_NOTADB
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text


class PrintableOnly:
    """Standard output that shows stored control characters instead of obeying them, and
    that goes quiet when its reader goes away.

    Text from a spreadsheet can hold terminal escape sequences (colours, cursor moves, a
    changed window title); printed raw they would act on the clerk's terminal. JSON output
    is unaffected: it already writes control characters as escapes. When the reader closes
    the pipe (``rectdesk-cli items | head -1``) the rest of the output is dropped and the
    command carries on to its end: a change half made because nobody read its report would
    be worse than a report nobody reads.
    """

    #: Every control character but TAB and line feed shows as a space; ESC as a visible ␛.
    _SHOWN: ClassVar[dict[int, str]] = {
        **dict.fromkeys([*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F, *range(0x80, 0xA0)], " "),
        0x1B: "␛",
    }

    def __init__(self, stream: Any) -> None:
        self.stream = stream
        self.closed_by_reader = False

    def write(self, text: str) -> int:
        if self.closed_by_reader:
            return len(text)
        if not text.isprintable():  # the common case, printable text, costs one scan
            text = text.translate(self._SHOWN)
        try:
            return int(self.stream.write(text))
        except BrokenPipeError:
            self._reader_gone()
            return len(text)

    def flush(self) -> None:
        if self.closed_by_reader:
            return
        try:
            self.stream.flush()
        except BrokenPipeError:
            self._reader_gone()

    def _reader_gone(self) -> None:
        self.closed_by_reader = True
        _drop_output(self.stream)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


def _utf8_streams() -> None:
    # A Windows console may default to GBK; Chinese output must never crash the command.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
