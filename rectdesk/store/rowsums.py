"""A checksum of every row a clerk wrote, so that damage inside stored text is found.

SQLite keeps no checksum of its pages: a byte changed inside an item's content (a failing
disk, a bad copy) leaves a file that passes every structural check and reads back as other
text. Each row of the tables below has its CRC-32 in ``row_sums``, written by triggers in the
same statement as the row itself (so in the same transaction as every write, whichever code
makes it); the checks recompute them and name the rows that differ.

The triggers call ``rectdesk_row_sum``, a function each RectDesk connection registers
(``register``); a connection without it cannot change these tables, which is intended: only
RectDesk writes a RectDesk store.
"""

from __future__ import annotations

import sqlite3
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlite_utils

FUNCTION = "rectdesk_row_sum"

#: Tables not summed: SQLite's own, the search index (checked by its own integrity check),
#: counts derived from the items by triggers, and the sums themselves (and, below, the
#: tables without rowids: evidence fingerprints and exchange links, derived data).
_SKIPPED = ("sqlite_", "items_fts", "department_status_counts", "row_sum")


@dataclass(frozen=True)
class _Kept:
    """A summed table: its code in ``row_sums``, the column naming its item, the columns."""

    code: int
    table: str
    item: str  # an SQL expression: "id", "item_id" or "NULL"
    columns: tuple[str, ...]


def row_sum(*values: Any) -> int:
    """CRC-32 of a row's values (their types included: 1 and '1' differ)."""
    return zlib.crc32(repr(values).encode("utf-8", "surrogatepass"))


def register(conn: sqlite3.Connection) -> None:
    """Make the triggers' function known to this connection."""
    conn.create_function(FUNCTION, -1, row_sum, deterministic=True)


def _call(prefix: str, kept: _Kept) -> str:
    return f"{FUNCTION}({', '.join(f'{prefix}{_quoted(c)}' for c in kept.columns)})"


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _tables_now(conn: sqlite3.Connection) -> list[_Kept]:
    """Every table clerks' work is kept in, with its columns as they are now."""
    found = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name"
    ).fetchall()
    kept: list[_Kept] = []
    for name, sql in found:
        # Tables without rowids hold derived fingerprints and links, not clerks' text.
        if name.startswith(_SKIPPED) or "WITHOUT ROWID" in str(sql).upper():
            continue
        columns = tuple(str(r[1]) for r in conn.execute(f"PRAGMA table_info({_quoted(name)})"))
        item = "id" if name == "items" else "item_id" if "item_id" in columns else "NULL"
        kept.append(_Kept(len(kept) + 1, name, item, columns))
    return kept


def kept_tables(conn: sqlite3.Connection) -> list[_Kept]:
    """The tables summed in this store, as the migration recorded them."""
    rows = conn.execute("SELECT code, name, item, columns FROM row_sum_tables ORDER BY code")
    return [_Kept(int(c), str(n), str(i), tuple(str(cols).split(","))) for c, n, i, cols in rows]


def create(db: sqlite_utils.Database) -> None:
    """Migration 0013_row_checksums: the table, its triggers, and the sums of existing rows."""
    register(db.conn)
    db.execute(
        "CREATE TABLE row_sums (kept INTEGER NOT NULL, row INTEGER NOT NULL,"
        " item INTEGER, sum INTEGER NOT NULL, PRIMARY KEY (kept, row)) WITHOUT ROWID"
    )
    db.execute(
        "CREATE TABLE row_sum_tables (code INTEGER PRIMARY KEY, name TEXT NOT NULL,"
        " item TEXT NOT NULL, columns TEXT NOT NULL)"
    )
    for kept in _tables_now(db.conn):
        db.execute(
            "INSERT INTO row_sum_tables (code, name, item, columns) VALUES (?, ?, ?, ?)",
            [kept.code, kept.table, kept.item, ",".join(kept.columns)],
        )
        item = "NULL" if kept.item == "NULL" else f"new.{kept.item}"
        keep = (
            f"INSERT OR REPLACE INTO row_sums (kept, row, item, sum) VALUES"
            f" ({kept.code}, new.rowid, {item}, {_call('new.', kept)});"
        )
        db.execute(
            f"CREATE TRIGGER {kept.table}_row_sum_insert AFTER INSERT ON {_quoted(kept.table)}"
            f" BEGIN {keep} END"
        )
        db.execute(
            f"CREATE TRIGGER {kept.table}_row_sum_update AFTER UPDATE ON {_quoted(kept.table)}"
            f" BEGIN DELETE FROM row_sums WHERE kept = {kept.code} AND row = old.rowid;"
            f" {keep} END"
        )
        db.execute(
            f"CREATE TRIGGER {kept.table}_row_sum_delete AFTER DELETE ON {_quoted(kept.table)}"
            f" BEGIN DELETE FROM row_sums WHERE kept = {kept.code} AND row = old.rowid; END"
        )
        db.execute(
            f"INSERT INTO row_sums (kept, row, item, sum) SELECT {kept.code}, rowid,"
            f" {kept.item}, {_call('', kept)} FROM {_quoted(kept.table)}"
        )


def installed(conn: sqlite3.Connection) -> bool:
    found = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'row_sums'"
    ).fetchone()
    return found is not None


def _mismatch_sql(kept: _Kept, only: str = "") -> str:
    """Rows of one table whose sum differs or is missing, as (item id or NULL) rows."""
    item = "NULL" if kept.item == "NULL" else f"t.{kept.item}"
    return (
        f"SELECT coalesce(s.item, {item}) FROM {_quoted(kept.table)} AS t"
        f" LEFT JOIN row_sums AS s ON s.kept = {kept.code} AND s.row = t.rowid"
        f" WHERE s.sum IS NOT {_call('t.', kept)} {only}"
        f" UNION ALL SELECT s.item FROM row_sums AS s WHERE s.kept = {kept.code}"
        f" AND NOT EXISTS (SELECT 1 FROM {_quoted(kept.table)} AS t WHERE t.rowid = s.row)"
        f" {only.replace(item, 's.item')}"
    )


def damaged_items(conn: sqlite3.Connection, item_ids: Sequence[int] | None = None) -> list[int]:
    """Ids of items whose stored rows (item, ledger, evidence, extra fields...) differ from
    what was written, OTHER for rows of no item; ``item_ids`` limits the search to those
    items' rows. Empty on a store without sums."""
    if not installed(conn):
        return []
    register(conn)
    found: set[int] = set()
    if item_ids is not None:
        ids = sorted({int(i) for i in item_ids})
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            for kept in kept_tables(conn):
                if kept.item == "NULL":
                    continue
                only = f"AND t.{kept.item} IN ({marks})"
                rows = conn.execute(_mismatch_sql(kept, only), chunk + chunk).fetchall()
                found.update(int(r[0]) for r in rows if r[0] is not None)
        return sorted(found)
    for kept in kept_tables(conn):
        rows = conn.execute(_mismatch_sql(kept)).fetchall()
        found.update(int(r[0]) if r[0] is not None else OTHER for r in rows)
    return sorted(found)


#: Stands for a damaged row that belongs to no item (a batch, a log entry, a setting).
OTHER = 0


#: Written into a check's problems; health.py turns these into the clerk's sentence.
PROBLEM_PREFIX = "row checksum mismatch: items "


def problem(ids: Sequence[int]) -> str:
    return PROBLEM_PREFIX + ",".join(str(i) for i in ids)


def ids_in(problems: Sequence[str]) -> list[int]:
    """The item ids named by ``problem`` among a check's problems."""
    found: list[int] = []
    for text in problems:
        if text.startswith(PROBLEM_PREFIX):
            found += [int(p) for p in text[len(PROBLEM_PREFIX) :].split(",") if p]
    return found
