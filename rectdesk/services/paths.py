"""Where RectDesk keeps its data and finds its resources, from source or a frozen build."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from rectdesk.store.pg import is_server_url

APP_NAME = "RectDesk"
DB_ENV = "RECTDESK_DB"
DB_FILE = "rectdesk.sqlite3"


def data_dir() -> Path:
    """The per-user application data folder (e.g. %APPDATA%\\RectDesk, ~/.local/share/RectDesk)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=True))


def default_db_path() -> Path:
    """The embedded default store."""
    return data_dir() / DB_FILE


def resolve_db_path(option: str | os.PathLike[str] | None) -> Path:
    """``--db`` wins, then ``RECTDESK_DB``, then the default store."""
    if option:
        return Path(option).expanduser()
    env = os.environ.get(DB_ENV, "").strip()
    if env:
        return Path(env).expanduser()
    return default_db_path()


#: Where a server ledger's shared evidence folder is named for the command line.
FILES_ENV = "RECTDESK_FILES"


def resolve_target(option: str | os.PathLike[str] | None) -> Path | str:
    """Like resolve_db_path, but a server address (postgresql://…) is kept as it was given."""
    for given in (option, os.environ.get(DB_ENV, "")):
        if given and is_server_url(str(given).strip()):
            return str(given).strip()
        if given:
            break
    return resolve_db_path(option)


def log_dir() -> Path:
    """Where log files and crash reports go."""
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def _candidates(name: str) -> list[Path]:
    package = Path(__file__).resolve().parent.parent
    found = [package / f"_{name}", package.parent / name]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        found.insert(0, Path(frozen) / name)
    return found


def resource_dir() -> Path:
    """The ``resources`` folder: beside the package in a checkout, inside it when installed."""
    return _first_existing("resources")


def translations_dir() -> Path:
    """The ``translations`` folder (compiled .qm files)."""
    return _first_existing("translations")


def _first_existing(name: str) -> Path:
    candidates = _candidates(name)
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[-1]
