"""What every command shares: exit codes, the parser class, opening the store, output."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from rectdesk.cli.usage import usage_sentence
from rectdesk.domain.errors import QT_TRANSLATE_NOOP, StoreLockedError, UserError
from rectdesk.domain.ledger import LedgerStore
from rectdesk.services.ledger import open_ledger
from rectdesk.services.paths import FILES_ENV, resolve_target

EXIT_USER_ERROR = 1
EXIT_USAGE = 2
EXIT_DAMAGED = 3
EXIT_UNEXPECTED = 4


#: The largest whole number the store can hold (SQLite's 64-bit integer).
MAX_NUMBER = 2**63 - 1


def whole_number(text: str) -> int:
    """Every ``type=int`` option: a whole number the store can hold, else a usage error."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是整数") from None
    if not -MAX_NUMBER <= value <= MAX_NUMBER:
        raise argparse.ArgumentTypeError(f"“{text}”太大了")
    return value


#: Where the innermost command that read its arguments leaves its name in the namespace.
_PROG = "_rectdesk_prog"


class ChineseFormatter(argparse.HelpFormatter):
    """Help whose usage line starts in Chinese, like the rest of it."""

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


class ChineseParser(argparse.ArgumentParser):
    """argparse that says a usage error in one Chinese sentence (what is wrong, what to do)
    and exits 2; its help is headed in Chinese too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", ChineseFormatter)
        super().__init__(*args, **kwargs)
        # argparse looks converters up by the ``type`` given, so this covers every type=int.
        self.register("type", int, whole_number)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        for action in self._actions:
            if isinstance(action, argparse._HelpAction):
                action.help = "显示这份说明并退出"

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        parsed, extras = super().parse_known_args(args, namespace)
        # A sub-command parses first: the innermost name stays.
        if not hasattr(parsed, _PROG):
            setattr(parsed, _PROG, self.prog)
        return parsed, extras

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        parsed, extras = self.parse_known_args(args, namespace)
        prog = getattr(parsed, _PROG, self.prog)
        delattr(parsed, _PROG)
        if extras:
            self._usage_error(f"unrecognized arguments: {' '.join(extras)}", prog)
        return parsed

    def error(self, message: str) -> NoReturn:
        self._usage_error(message, self.prog)

    def _usage_error(self, message: str, prog: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"用法错误：{usage_sentence(message, prog)}\n")


def open_store(args: argparse.Namespace, *, write: bool, create: bool = False) -> LedgerStore:
    """Open the store named by ``--db``; readers fall back to read-only when it is busy.

    Only ``create`` (demo, import) makes a new store: any other command on a missing path
    says so and creates nothing. Every opening is quick-checked first, so damaged data is
    never printed as if it were sound; what opening set aside or rolled back is said on
    standard error.
    """
    target = resolve_target(args.db)
    files = files_dir(args)
    try:
        store = open_ledger(target, create=create, verify=True, files_dir=files)
    except StoreLockedError:
        if write:
            raise
        store = open_ledger(target, readonly=True, verify=True, files_dir=files)
    for notice in store.notices:
        print(notice, file=sys.stderr)
    return store


def files_dir(args: argparse.Namespace) -> Path | None:
    """A server ledger's shared evidence folder: ``--evidence-dir``, else RECTDESK_FILES."""
    given = getattr(args, "evidence_dir", None) or os.environ.get(FILES_ENV, "").strip()
    return Path(given).expanduser() if given else None


def parse_day(text: str) -> dt.date:
    """A YYYY-MM-DD option value."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "日期“{text}”格式不对，请写成 2024-06-30 这样的形式。"),
            text=text,
        ) from exc


def print_json(data: object) -> None:
    """JSON on stdout, Chinese kept readable."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1))
    sys.stdout.write("\n")


def short(text: str, width: int = 40) -> str:
    """One line of at most ``width`` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
