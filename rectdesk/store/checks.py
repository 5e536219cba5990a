"""The full check of a store file, on a connection of its own."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from rectdesk.domain.errors import QT_TRANSLATE_NOOP, StoreBusyError
from rectdesk.store import rowsums
from rectdesk.store.connection import busy, pending_rollback


def full_check(path: Path, *, writable: bool) -> list[str]:
    """Problems found by SQLite's integrity and foreign-key checks and, on a writable
    connection, the search index's own check (empty when sound).

    Raises StoreBusyError while another process writes (or holds an interrupted write a
    read-only connection may not roll back). The caller holds the store's lock for
    ``writable`` and has moved strangers' journals aside (see sidecars.py).
    """
    try:
        if writable:
            conn = sqlite3.connect(str(path), timeout=5)
        else:
            conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error as exc:
        return [f"cannot open: {exc}"]
    try:
        problems = [str(r[0]) for r in conn.execute("PRAGMA integrity_check").fetchall()]
        problems = [p for p in problems if p != "ok"]
        for r in conn.execute("PRAGMA foreign_key_check").fetchall():
            problems.append(f"foreign key: table {r[0]} row {r[1]} -> {r[2]}")
        if not problems:
            damaged = rowsums.damaged_items(conn)
            if damaged:
                problems.append(rowsums.problem(damaged))
        if writable and not problems:
            try:
                conn.execute("INSERT INTO items_fts(items_fts, rank) VALUES ('integrity-check', 1)")
            except sqlite3.DatabaseError as exc:
                if busy(exc):
                    raise
                problems.append(f"search index: {exc}")
        return problems
    except sqlite3.DatabaseError as exc:
        if busy(exc) or pending_rollback(exc):
            raise StoreBusyError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "另一个 RectDesk 程序正在写入数据文件“{name}”，"
                    "现在无法检查；数据文件没有损坏，请等它完成后再试。",
                ),
                str(exc),
                name=path.name,
            ) from exc
        return [f"{type(exc).__name__}: {exc}"]
    except UnicodeDecodeError as exc:  # SQLite's message quoted a damaged name
        return [f"unreadable error message: {exc}"]
    finally:
        conn.close()


def row_problems(path: Path) -> list[str]:
    """Rows whose checksums differ (see rowsums.py), read on a read-only connection of its own;
    empty when none, or when the file cannot be read (the structural checks say why)."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error:
        return []
    try:
        damaged = rowsums.damaged_items(conn)
    except (sqlite3.Error, UnicodeDecodeError):
        return []
    finally:
        conn.close()
    return [rowsums.problem(damaged)] if damaged else []
