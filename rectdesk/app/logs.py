"""Log files: details for support, never shown to the clerk as a traceback."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

from rectdesk.app.paths import log_dir

LOG_FILE = "rectdesk.log"


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
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    setattr(handler, "_rectdesk", True)  # noqa: B010 - marks our handler for idempotence
    root.addHandler(handler)
    if console:
        stream = logging.StreamHandler()
        stream.setLevel(logging.WARNING)
        root.addHandler(stream)
    return path
