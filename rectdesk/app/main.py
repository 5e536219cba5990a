"""The composition root of the window: arguments, Qt application, store, main window."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from rectdesk import __version__
from rectdesk.app import qtlibs
from rectdesk.app.logs import setup_logging
from rectdesk.services.paths import FILES_ENV, resolve_target

log = logging.getLogger("rectdesk.app")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Options of the ``rectdesk`` command."""
    parser = argparse.ArgumentParser(prog="rectdesk", description="整改台账桌面助手")
    parser.add_argument(
        "--db", metavar="PATH|URL",
        help="数据文件路径，或台账服务器地址（postgresql://用户名@服务器:端口/数据库名）",
    )  # fmt: skip
    parser.add_argument(
        "--evidence-dir",
        metavar="DIR",
        help="服务器台账的佐证材料共享文件夹（也可用环境变量 RECTDESK_FILES）",
    )
    parser.add_argument(
        "--readonly", action="store_true", help="只读打开：只查看和打印，不修改（供领导使用）"
    )
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="界面语言")
    parser.add_argument("--version", action="version", version=f"RectDesk {__version__}")
    parser.add_argument(
        "--quit-after", type=int, metavar="MS", help=argparse.SUPPRESS
    )  # for smoke tests: close the window after MS milliseconds
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="检查本程序能否正常工作（临时数据、示例数据、导出一份报表），不打开窗口",
    )
    known, _qt_args = parser.parse_known_args(argv)
    return known


#: Libraries that sqlite-utils and openpyxl load when installed, only to convert their own
#: value types; RectDesk never passes such values, and loading them slows the window's start.
#: They are held off only while the window's modules load: the evidence reuse guard needs
#: numpy later (through imagehash).
UNUSED_OPTIONAL = ("numpy", "pandas")


def skip_unused_optional_imports() -> list[str]:
    """Make the optional imports above fail fast (the libraries fall back as if not installed);
    returns the names blocked, for ``allow_optional_imports``."""
    blocked = [name for name in UNUSED_OPTIONAL if name not in sys.modules]
    for name in blocked:
        sys.modules[name] = None  # type: ignore[assignment]
    return blocked


def allow_optional_imports(blocked: list[str]) -> None:
    """Let the blocked libraries be imported again by code that really uses them."""
    for name in blocked:
        if name in sys.modules and sys.modules[name] is None:
            del sys.modules[name]


def main(argv: Sequence[str] | None = None) -> int:
    """Start the window; returns the exit status."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.smoke_test:
        from rectdesk.app import smoke

        return smoke.run(with_qt=True)
    setup_logging(console=True)
    problem = qtlibs.problem_before_window(english=args.lang == "en")
    if problem:
        print(problem, file=sys.stderr)
        return 1
    blocked = skip_unused_optional_imports()
    from rectdesk.app.application import run

    allow_optional_imports(blocked)
    files = args.evidence_dir or os.environ.get(FILES_ENV, "").strip()
    return run(
        resolve_target(args.db), lang=args.lang, quit_after=args.quit_after,
        files_dir=Path(files).expanduser() if files else None, readonly=args.readonly,
    )  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
