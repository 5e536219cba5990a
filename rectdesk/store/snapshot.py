"""Snapshots of items with every row that hangs off them, for exact undo and redo.

A snapshot holds the items' rows and the rows of each table with a foreign key to ``items``
(departments, extra fields, ledger, evidence records, and any table added later). Applying
the difference between two snapshots moves the store from one to the other, touching only
what differs, and records each change in the audit log.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from rectdesk.domain.errors import QT_TRANSLATE_NOOP, UserError
from rectdesk.domain.ledger import LedgerStore
from rectdesk.store import rows
from rectdesk.store.store import engine
from rectdesk.store.versions import BUMP, current

if TYPE_CHECKING:
    from rectdesk.store.store import Store

_CHUNK = 500
_ROWID = "__rowid__"

#: Item columns recorded in the audit log under one field name.
_FIELD_OF_COLUMN = {
    "deadline": "deadline",
    "deadline_kind": "deadline",
    "deadline_ongoing": "deadline",
    "deadline_text": "deadline",
    "deadline_warning": "deadline",
    "dept_text": "departments",
}
_UNAUDITED = frozenset({"updated_at", "created_at", "id", "version"})
#: Item columns whose difference alone is no change of the item.
_UNVERSIONED = frozenset({"updated_at", "version"})


@dataclass(frozen=True)
class ChildTable:
    """A table whose rows belong to an item."""

    name: str
    item_column: str
    #: Whether the rowid has a column name of its own (INTEGER PRIMARY KEY).
    rowid_column: str | None
    #: column -> referenced child table, for references between child tables.
    references: dict[str, str] = field(default_factory=dict)
    #: How a row is named in SQL: SQLite's rowid; on a server, the key or the rowid column.
    rowid_sql: str = "rowid"


@dataclass(frozen=True)
class Snapshot:
    """The state of some items: ``items`` lacks the ids that did not exist."""

    ids: tuple[int, ...]
    items: dict[int, dict[str, Any]]
    children: dict[str, dict[int, dict[str, Any]]]

    def __len__(self) -> int:
        return len(self.items)


def child_tables(store: Store) -> list[ChildTable]:
    """Tables referencing items, each after the child tables it references."""
    if store.dialect.postgres:
        return _ordered(*_server_child_tables(store))
    found: dict[str, ChildTable] = {}
    pending: dict[str, list[tuple[str, str]]] = {}
    for (name,) in store.db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall():
        keys = store.db.execute(f"PRAGMA foreign_key_list({_quote(name)})").fetchall()
        item_columns = [k[3] for k in keys if k[2] == "items"]
        if not item_columns or name == "items":
            continue
        info = store.db.execute(f"PRAGMA table_info({_quote(name)})").fetchall()
        pk = [c for c in info if c[5]]
        alias = pk[0][1] if len(pk) == 1 and str(pk[0][2]).upper() == "INTEGER" else None
        found[name] = ChildTable(name, item_columns[0], alias)
        pending[name] = [(k[3], k[2]) for k in keys if k[2] != "items"]
    return _ordered(found, pending)


def _server_child_tables(
    store: Store,
) -> tuple[dict[str, ChildTable], dict[str, list[tuple[str, str]]]]:
    from rectdesk.store.pg.catalog import foreign_keys
    from rectdesk.store.pg.connection import PgDatabase

    db = cast(PgDatabase, store.db)
    found: dict[str, ChildTable] = {}
    pending: dict[str, list[tuple[str, str]]] = {}
    for name, keys in foreign_keys(db).items():
        item_columns = [column for column, parent in keys if parent == "items"]
        if not item_columns or name == "items":
            continue
        named = db.conn.row_id_column(name)
        alias = None if named == "rowid" else named
        found[name] = ChildTable(name, item_columns[0], alias, rowid_sql=named or "rowid")
        pending[name] = [(column, parent) for column, parent in keys if parent != "items"]
    return found, pending


def _ordered(
    found: dict[str, ChildTable], pending: dict[str, list[tuple[str, str]]]
) -> list[ChildTable]:
    for name, refs in pending.items():
        found[name].references.update({col: table for col, table in refs if table in found})
    ordered: list[ChildTable] = []
    while found:
        ready = [
            t for t in found.values() if all(r not in found for r in t.references.values())
        ] or list(found.values())
        for table in sorted(ready, key=lambda t: t.name):
            ordered.append(found.pop(table.name))
    return ordered


def take_snapshot(ledger: LedgerStore, item_ids: Sequence[int]) -> Snapshot:
    """The current rows of these items and of everything that belongs to them."""
    store = engine(ledger)
    ids = tuple(dict.fromkeys(item_ids))
    items: dict[int, dict[str, Any]] = {}
    for chunk in _chunks(ids):
        for row in _select(store, f"SELECT * FROM items WHERE id IN ({_marks(chunk)})", chunk):
            items[int(row["id"])] = row
    children: dict[str, dict[int, dict[str, Any]]] = {}
    for table in child_tables(store):
        found: dict[int, dict[str, Any]] = {}
        for chunk in _chunks(ids):
            sql = (
                f"SELECT {table.rowid_sql} AS {_ROWID}, * FROM {_quote(table.name)}"
                f" WHERE {_quote(table.item_column)} IN ({_marks(chunk)})"
            )
            for row in _select(store, sql, chunk):
                found[int(row.pop(_ROWID))] = row
        children[table.name] = found
    return Snapshot(ids, items, children)


def same_state(now: Snapshot, expected: Snapshot, item_ids: Sequence[int]) -> bool:
    """Whether these items and their belongings hold the same values in both snapshots.

    Versions and change times aside: an item a clerk changed and then put back by undo is
    the same item under a newer version.
    """
    wanted = set(item_ids)

    def plain(row: dict[str, Any] | None) -> dict[str, Any] | None:
        if row is None:
            return None
        return {c: v for c, v in row.items() if c not in _UNVERSIONED}

    for item_id in wanted:
        if plain(now.items.get(item_id)) != plain(expected.items.get(item_id)):
            return False
    for name in now.children.keys() | expected.children.keys():
        mine = now.children.get(name, {})
        theirs = expected.children.get(name, {})
        for rid in mine.keys() | theirs.keys():
            row = mine.get(rid) or theirs[rid]
            # Every table that belongs to items names it by item_id (see child_tables).
            if row.get("item_id") in wanted and mine.get(rid) != theirs.get(rid):
                return False
    return True


def apply_difference(
    ledger: LedgerStore, source: Snapshot, target: Snapshot, *, actor: str, action: str
) -> None:
    """Move the store from ``source`` to ``target`` (call inside a transaction)."""
    store = engine(ledger)
    tables = child_tables(store)
    appearing = [i for i in target.ids if i in target.items and i not in source.items]
    vanishing = [i for i in source.ids if i in source.items and i not in target.items]
    changing = [i for i in target.ids if i in target.items and i in source.items]
    vanishing_set, appearing_set = set(vanishing), set(appearing)
    # Every item this changes gets a new version before anything is recorded, so the audit
    # entries below carry it (store/versions.py); the version itself is never put back.
    touched = _touched(tables, source, target, changing)
    for item_id in touched:
        store.db.execute(BUMP, [item_id])
    # Rows that go or change: children first, so references are never left dangling.
    for table in reversed(tables):
        before = source.children.get(table.name, {})
        after = target.children.get(table.name, {})
        gone = [rid for rid, row in before.items() if after.get(rid) != row]
        for chunk in _chunks(gone):
            store.db.execute(
                f"DELETE FROM {_quote(table.name)} WHERE {table.rowid_sql} IN ({_marks(chunk)})",
                list(chunk),
            )
        for rid in gone:
            if before[rid][table.item_column] not in vanishing_set:
                _audit_child(store, actor, action, table, before[rid], removed=True)
    for item_id in vanishing:
        row = source.items[item_id]
        store.audit(actor, item_id, action, "item", _item_title(row), "")
        store.db.execute("DELETE FROM items WHERE id = ?", [item_id])
    for item_id in appearing:
        row = dict(target.items[item_id])
        # Back under a newer version than any clerk can have seen before it went.
        row["version"] = int(row.get("version") or 0) + 1
        if store._scalar("SELECT 1 FROM items WHERE id = ?", [item_id]):
            raise UserError(
                QT_TRANSLATE_NOOP("Errors", "无法恢复已删除的事项：它的编号已被新添加的事项占用。"),
                f"item id {item_id} is taken",
            )
        try:
            _insert(store, "items", row)
        except integrity_errors(store) as exc:
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Errors", "无法恢复已删除的事项：它所在的批次已被删除。"
                ),
                f"item {item_id}: {exc}"
            ) from exc
        store.audit(actor, item_id, action, "item", "", _item_title(row))
    for item_id in changing:
        _update_item(store, source.items[item_id], target.items[item_id], actor, action)
    # Rows that come back: parents first, following any rowid that had to change.
    moved: dict[tuple[str, int], int] = {}
    for table in tables:
        before = source.children.get(table.name, {})
        after = target.children.get(table.name, {})
        for rid, row in after.items():
            if before.get(rid) == row:
                continue
            values = dict(row)
            for column, parent in table.references.items():
                if values.get(column) is not None and (parent, values[column]) in moved:
                    values[column] = moved[(parent, values[column])]
            new_rid = _insert_child(store, table, rid, values)
            if new_rid != rid:
                moved[(table.name, rid)] = new_rid
            if values[table.item_column] not in appearing_set:
                _audit_child(store, actor, action, table, values, removed=False)
    # The target now describes the store again, versions included: a later move from it
    # (redo after undo) claims the versions the store really has.
    for item_id, version in current(store, list(target.items)).items():
        target.items[item_id]["version"] = version


def _touched(
    tables: list[ChildTable], source: Snapshot, target: Snapshot, changing: Sequence[int]
) -> list[int]:
    """The items present before and after whose row or belongings differ."""
    found = {
        i
        for i in changing
        if any(
            source.items[i].get(c) != v
            for c, v in target.items[i].items()
            if c not in _UNVERSIONED
        )
    }
    keep = set(changing)
    for table in tables:
        before = source.children.get(table.name, {})
        after = target.children.get(table.name, {})
        for rid in before.keys() | after.keys():
            if before.get(rid) != after.get(rid):
                row = after.get(rid) or before[rid]
                if row[table.item_column] in keep:
                    found.add(int(row[table.item_column]))
    return sorted(found)


def _update_item(
    store: Store, old: dict[str, Any], new: dict[str, Any], actor: str, action: str
) -> None:
    changed = {c: v for c, v in new.items() if old.get(c) != v and c != "version"}
    if not changed:
        return
    sets = ", ".join(f"{_quote(c)} = ?" for c in changed)
    store.db.execute(f"UPDATE items SET {sets} WHERE id = ?", [*changed.values(), new["id"]])
    audited: set[str] = set()
    for column in changed:
        name = _FIELD_OF_COLUMN.get(column, column)
        if column in _UNAUDITED or name in audited:
            continue
        audited.add(name)
        if name == "deadline":
            before, after = _deadline_text(old), _deadline_text(new)
        else:
            before, after = rows.describe(old.get(column)), rows.describe(new.get(column))
        store.audit(actor, int(new["id"]), action, name, before, after)


def _deadline_text(row: dict[str, Any]) -> str:
    return str(row.get("deadline_text") or row.get("deadline") or "")


def _item_title(row: dict[str, Any]) -> str:
    return f"{row.get('number') or ''} {str(row.get('content') or '')[:40]}".strip()


def _audit_child(
    store: Store,
    actor: str,
    action: str,
    table: ChildTable,
    row: dict[str, Any],
    *,
    removed: bool,
) -> None:
    if table.name == "item_departments":
        return  # the items row's department text carries the change
    if "text" in row:
        text = str(row["text"])[:200]
    elif "name" in row:
        text = str(row["name"])
    elif "key" in row:
        text = f"{row['key']}：{row.get('value', '')}"
    else:
        text = ""
    old, new = (text, "") if removed else ("", text)
    store.audit(actor, int(row[table.item_column]), action, table.name, old, new)


def _insert(store: Store, table: str, row: dict[str, Any]) -> int:
    names = ", ".join(_quote(c) for c in row)
    cursor = store.db.execute(
        f"INSERT INTO {_quote(table)} ({names}) VALUES ({_marks(row)})", list(row.values())
    )
    return int(cursor.lastrowid or 0)


def _insert_child(store: Store, table: ChildTable, rid: int, row: dict[str, Any]) -> int:
    values = dict(row)
    if table.rowid_column is None:
        values = {"rowid": rid, **values}
    else:
        values[table.rowid_column] = rid
    # On a server a failed statement spoils the whole transaction: try it in a savepoint.
    guard = store.db.atomic() if store.dialect.postgres else contextlib.nullcontext()
    try:
        with guard:
            return _insert(store, table.name, values)
    except integrity_errors(store):
        # The old rowid was taken meanwhile; the row comes back under a new one.
        values.pop("rowid", None)
        if table.rowid_column is not None:
            values.pop(table.rowid_column, None)
        return _insert(store, table.name, values)


def integrity_errors(store: Store) -> tuple[type[Exception], ...]:
    """The exceptions the store's engine raises for a broken key or constraint."""
    if store.dialect.postgres:
        import psycopg

        return (psycopg.IntegrityError,)
    return (sqlite3.IntegrityError,)


def _select(store: Store, sql: str, params: Sequence[Any]) -> Iterator[dict[str, Any]]:
    cursor = store.db.execute(sql, list(params))
    columns = [d[0] for d in cursor.description]
    for values in cursor.fetchall():
        yield dict(zip(columns, values, strict=True))


def _chunks(values: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def _marks(values: Sequence[Any] | dict[str, Any]) -> str:
    return ",".join("?" * len(values))


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
