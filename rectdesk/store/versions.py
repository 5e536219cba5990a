"""Row versions: an edit goes through only against the versions the clerk saw.

Every write to an item (its row, its units, extra fields, ledger lines, evidence records)
adds one to ``items.version`` in the same statement or transaction. An edit, a bulk edit or
an undo first *claims* its items: ``UPDATE items SET version = version WHERE id = ? AND
version = ?`` in the edit's own transaction. On a server that takes the row's lock, so a
second clerk's claim waits and then sees the new version; a claim that matches no row means
someone else changed (or deleted) the item since it was read, and the whole edit is refused
with one sentence naming who changed what and when (domain/conflicts.py).
"""

from __future__ import annotations

import getpass
import socket
from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING

from rectdesk.domain.conflicts import Stale, conflict_error, item_title
from rectdesk.store import rows

if TYPE_CHECKING:
    from rectdesk.store.store import Store

#: Versioned edits on a server take this transaction lock first, so two clerks' edits of
#: overlapping items queue instead of locking rows (and department counts) in crossing orders.
EDIT_LOCK_KEY = 0x5244736C

#: Items claimed in one statement.
_CHUNK = 400
#: Bump an item's version (the statement other writes add their columns to).
BUMP = "UPDATE items SET version = version + 1 WHERE id = ?"


@cache
def os_identity() -> tuple[str, str]:
    """(computer account, machine name) of this process, as the audit log records them."""
    try:
        user = getpass.getuser()
    except (OSError, KeyError, ImportError):
        user = ""
    try:
        machine = socket.gethostname()
    except OSError:
        machine = ""
    return user, machine


def claim(store: Store, versions: Mapping[int, int]) -> None:
    """Check, in the caller's transaction, that every item is still at the version seen.

    Raises ConflictError (nothing written, the caller's transaction rolls back) when one is
    not; otherwise the items stay locked against other clerks until the transaction ends.
    """
    if not versions:
        return
    if store.dialect.postgres:
        store.db.execute(f"SELECT pg_advisory_xact_lock({EDIT_LOCK_KEY})")
    stale: list[int] = []
    ordered = sorted(versions)
    for start in range(0, len(ordered), _CHUNK):
        chunk = ordered[start : start + _CHUNK]
        if len(chunk) == 1:
            sql = "UPDATE items SET version = version WHERE id = ? AND version = ?"
            params: list[int] = [chunk[0], int(versions[chunk[0]])]
        else:
            # A bulk edit claims its items a few hundred at a time, in one statement each.
            cases = " ".join("WHEN ? THEN ?" for _ in chunk)
            sql = (
                f"UPDATE items SET version = version WHERE id IN ({','.join('?' * len(chunk))})"
                f" AND version = CASE id {cases} END"
            )
            params = [*chunk, *(v for i in chunk for v in (i, int(versions[i])))]
        if store.db.execute(sql, params).rowcount != len(chunk):
            now = current(store, chunk)
            stale.extend(i for i in chunk if now.get(i) != int(versions[i]))
    if stale:
        found = [_stale(store, item_id, int(versions[item_id])) for item_id in stale]
        raise conflict_error(
            found,
            "stale: " + ", ".join(f"{i}@{versions[i]}" for i in stale[:10]),
        )


def _stale(store: Store, item_id: int, seen: int) -> Stale:
    row = store._rows(
        "SELECT number, content, version, updated_at FROM items WHERE id = ?", [item_id]
    )
    if row:
        changes = [
            rows.audit_from_row(r)
            for r in store._rows(
                "SELECT * FROM audit_log WHERE item_id = ? AND item_version > ? ORDER BY id",
                [item_id, seen],
            )
        ]
        title = item_title(row[0]["number"], row[0]["content"])
        return Stale(item_id, title, changes, updated_at=str(row[0]["updated_at"]))
    gone = [
        rows.audit_from_row(r)
        for r in store._rows(
            "SELECT * FROM audit_log WHERE item_id = ? AND action IN ('delete', 'undo', 'redo')"
            " AND field = 'item' AND new = '' ORDER BY id DESC LIMIT 1",
            [item_id],
        )
    ]
    title = item_title(None, gone[0].old) if gone and gone[0].old.strip() else str(item_id)
    return Stale(item_id, title, gone, deleted=True)


def current(store: Store, item_ids: list[int]) -> dict[int, int]:
    """The stored versions of these items (missing ones left out)."""
    found: dict[int, int] = {}
    for start in range(0, len(item_ids), 500):
        chunk = item_ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for item_id, version in store.db.execute(
            f"SELECT id, version FROM items WHERE id IN ({marks})", chunk
        ).fetchall():
            found[int(item_id)] = int(version)
    return found
