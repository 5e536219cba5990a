"""Log files: details for support, never shown to the clerk as a traceback.

Clerks are told to send the log to support, and the source tables hold citizens' names and
phone numbers, so no cell text may reach it. Every record passes one scrubber on its way
to the file: phone and ID numbers masked (the one masking function), quoted values (where
messages name a cell, a file or a sheet) replaced by “…”, and the messages of exceptions
raised outside RectDesk (which may carry a whole cell, as openpyxl's do) reduced to
their ASCII words. Tracebacks keep their frames: those are RectDesk's own code.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
from pathlib import Path
from types import TracebackType
from typing import Any

from rectdesk.domain.errors import UserError
from rectdesk.domain.privacy import mask_text
from rectdesk.services.paths import log_dir

LOG_FILE = "rectdesk.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

# A quoted value: Chinese quotes always, ASCII quotes when they hold anything but ASCII
# (a repr of a cell, a path with a name in it); 'x' inside a word (don't) is no quote.
_QUOTED = re.compile(
    r"“[^”\n]*”|‘[^’\n]*’|「[^」\n]*」|『[^』\n]*』"
    r"|(?<![A-Za-z])'[^'\n]*[^\x00-\x7f][^'\n]*'|\"[^\"\n]*[^\x00-\x7f][^\"\n]*\""
)
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_ELLIPSIS = "…"


def _unquote(match: re.Match[str]) -> str:
    quoted = match.group()
    return quoted[0] + _ELLIPSIS + quoted[-1]


def scrub(text: str) -> str:
    """A message fit for the log: numbers masked, quoted values and control bytes removed."""
    return _CONTROL.sub("", _QUOTED.sub(_unquote, mask_text(text)))


def scrub_exception_message(error: BaseException) -> str:
    """An exception's message for the log; a foreign one keeps only its ASCII words."""
    try:
        message = str(error)
    except Exception:  # a broken __str__ must not lose the rest of the report
        message = "<message unavailable>"
    message = scrub(message)
    if isinstance(error, UserError):
        return message  # RectDesk's own sentence, its values already quoted
    return _NON_ASCII.sub(_ELLIPSIS, message)


def format_exception(error: BaseException) -> str:
    """A traceback (causes first, as Python prints it) with every message scrubbed."""
    import traceback

    parts: list[str] = []
    seen: set[int] = set()

    def add(exc: BaseException) -> None:
        seen.add(id(exc))
        cause, context = exc.__cause__, exc.__context__
        if cause is not None and id(cause) not in seen:
            add(cause)
            parts.append("\nThe above exception was the direct cause of the following:\n\n")
        elif context is not None and not exc.__suppress_context__ and id(context) not in seen:
            add(context)
            parts.append("\nDuring handling of the above exception, another occurred:\n\n")
        if exc.__traceback__ is not None:
            parts.append("Traceback (most recent call last):\n")
            parts.extend(scrub(line) for line in traceback.format_tb(exc.__traceback__))
        kind = type(exc)
        name = kind.__qualname__
        if kind.__module__ not in ("builtins", "__main__"):
            name = f"{kind.__module__}.{name}"
        message = scrub_exception_message(exc)
        parts.append(f"{name}: {message}\n" if message else f"{name}\n")

    add(error)
    return "".join(parts)


def crash_report(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> str:
    """The report the crash dialog shows and the clerk copies to support: scrubbed too."""
    if value.__traceback__ is None and tb is not None:
        value = value.with_traceback(tb)
    return format_exception(value)


class ScrubbingFormatter(logging.Formatter):
    """Formats a record, then scrubs it: arguments, exception and the whole line."""

    def format(self, record: logging.LogRecord) -> str:
        clean = logging.makeLogRecord(record.__dict__)
        if isinstance(clean.args, dict):
            clean.args = {k: _scrub_arg(v) for k, v in clean.args.items()}
        elif clean.args:
            clean.args = tuple(_scrub_arg(a) for a in clean.args)
        clean.exc_text = None
        return scrub(super().format(clean))

    def formatException(self, ei: Any) -> str:
        error = ei[1]
        if error is None:
            return ""
        return crash_report(ei[0], error, ei[2]).rstrip("\n")


def _scrub_arg(value: object) -> object:
    if isinstance(value, BaseException):
        return scrub_exception_message(value)
    if isinstance(value, str):
        return scrub(value)
    return value


def log_path() -> Path:
    """The current log file."""
    override = os.environ.get("RECTDESK_LOG_DIR", "").strip()
    return (Path(override) if override else log_dir()) / LOG_FILE


def setup_logging(*, console: bool = False, level: int = logging.INFO) -> Path | None:
    """Log to a rotating file (and optionally stderr); returns the file, or None if unwritable."""
    root = logging.getLogger("rectdesk")
    if any(getattr(h, "_rectdesk", False) for h in root.handlers):
        return log_path()
    root.setLevel(level)
    path: Path | None = log_path()
    handler: logging.Handler
    try:
        assert path is not None
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=5, encoding="utf-8", delay=True
        )
    except OSError:
        # A read-only profile must not stop the program; logs then go nowhere.
        handler = logging.NullHandler()
        path = None
    handler.setFormatter(ScrubbingFormatter(_FORMAT))
    setattr(handler, "_rectdesk", True)  # noqa: B010 - marks our handler for idempotence
    root.addHandler(handler)
    if console:
        stream = logging.StreamHandler()
        stream.setLevel(logging.WARNING)
        stream.setFormatter(ScrubbingFormatter("%(message)s"))
        root.addHandler(stream)
    return path
