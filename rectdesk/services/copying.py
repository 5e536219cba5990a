"""Copying a whole ledger between a store file and a server (rectdesk-cli copy-store)."""

from __future__ import annotations

from pathlib import Path

from rectdesk.domain.errors import QT_TRANSLATE_NOOP, UserError
from rectdesk.store.copying import CopyReport, Progress, copy_ledger
from rectdesk.store.pg import is_server_url as is_server
from rectdesk.store.targets import describe_target, open_store


def describe(target: Path | str) -> str:
    """How a ledger is named to the clerk: the file's path, or the server (never a password)."""
    return describe_target(target)


def copy_store(
    source: Path | str,
    target: Path | str,
    *,
    source_files: Path | str | None = None,
    target_files: Path | str | None = None,
    progress: Progress | None = None,
    replace: bool = False,
    files: bool = True,
) -> CopyReport:
    """Copy everything ``source`` holds into the empty ledger ``target`` (made if missing).

    ``replace`` empties a target that holds a ledger first, in the same transaction (a
    restore); ``files=False`` copies the rows only (see store/copying.copy_ledger).

    The source is read through a read-only connection; the target is written in one
    transaction and checked table by table before it commits.
    """
    both_files = not is_server(source) and not is_server(target)
    if describe(source) == describe(target) or (
        both_files and Path(source).resolve() == Path(target).resolve()
    ):
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "原台账和目标台账是同一个，无需复制；请给出另一个目标。")
        )
    origin = open_store(source, readonly=True, create=False,
                        files_dir=source_files if is_server(source) else None)  # fmt: skip
    try:
        folder = target_files if is_server(target) else None
        destination = open_store(target, create=True, files_dir=folder)
        try:
            return copy_ledger(origin, destination, progress, replace=replace, files=files)
        finally:
            destination.close()
    finally:
        origin.close()
