"""The store: the one interface through which every layer reads and writes the ledger."""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils

from rectdesk.domain.errors import QT_TRANSLATE_NOOP, Listing, UserError
from rectdesk.domain.ledger import Capability, LedgerStore
from rectdesk.domain.model import (
    Assignment,
    Batch,
    BatchDraft,
    Item,
    ItemDraft,
    Role,
    Status,
    normalize_assignments,
)
from rectdesk.domain.query import ItemQuery
from rectdesk.store import rows, rowsums
from rectdesk.store.connection import connect, migrate, storage_error
from rectdesk.store.dialect import SQLITE, Dialect
from rectdesk.store.lock import StoreLock
from rectdesk.store.opening import open_file
from rectdesk.store.query import light_case, select_sql, where_clause
from rectdesk.store.records import RecordsMixin
from rectdesk.store.schema import _INDEXED, _indexed_values
from rectdesk.store.search import plan_short_terms
from rectdesk.store.versions import claim, current

log = logging.getLogger(__name__)

#: Item fields a caller may change through update_item, besides departments and extra.
EDITABLE = frozenset(
    {
        "seq", "number", "category", "origin", "content", "lead", "owner", "measures",
        "outcomes", "deadline", "status", "status_reason", "closed_on", "remarks",
        "result_class", "satisfaction", "departments", "progress", "progress_on",
    }
)  # fmt: skip


#: Page cache of a worker's writer connection, in KiB: a large write keeps its pages in memory
#: until it commits, instead of taking the file's exclusive lock early and making the window's
#: reads wait.
WRITER_CACHE_KIB = 512 * 1024

#: Items whose assignments, extra fields and search entries are written together.
_ITEMS_PER_FLUSH = 500
#: Texts longer than this are bound as copies (see _copy).
_LONG_TEXT = 32
#: The search index's insert trigger (whitespace collapsed), as the schema creates it ...
_FTS_TRIGGER = " ".join(
    f"""CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN
    INSERT INTO items_fts(rowid, {", ".join(_INDEXED)}) VALUES (new.id, {_indexed_values("new")});
    END""".split()
)
#: ... and the same entries for stored items, taken from their rows (completed by a WHERE).
_FTS_INSERTED = (
    f"INSERT INTO items_fts(rowid, {', '.join(_INDEXED)})"
    f" SELECT id, {_indexed_values('items')} FROM items WHERE id"
)


def _copy(value: str) -> str:
    """A new string equal to ``value`` when it is long and not ASCII.

    Binding a str makes Python keep a UTF-8 copy of it inside the str for as long as the str
    lives; an import plan holds every row's text until the import is done, so those copies
    would double its memory. A fresh copy takes the UTF-8 copy with it when it is freed.
    """
    if len(value) > _LONG_TEXT and not value.isascii():
        return value.encode().decode()
    return value


def _fresh(values: Iterable[Any]) -> list[Any]:
    """Statement parameters with their long texts copied (see _copy)."""
    return [
        v.encode().decode() if type(v) is str and len(v) > _LONG_TEXT and not v.isascii() else v
        for v in values
    ]


@dataclass(slots=True)
class _Pending:
    """Rows gathered by add_items and not yet written."""

    ids: list[int] = field(default_factory=list)
    departments: list[tuple[int, int, str, int]] = field(default_factory=list)
    extra: list[tuple[int, int, str, str]] = field(default_factory=list)


class Store(RecordsMixin):
    """A RectDesk store file: items, batches, ledger, evidence, audit log and settings."""

    def __init__(self, db: sqlite_utils.Database, path: Path | None, readonly: bool) -> None:
        self.db = db
        #: The SQL engine behind the connection (a server store says POSTGRES).
        self.dialect: Dialect = SQLITE
        self.path = path
        self.readonly = readonly
        #: Read-only because the account may only look (only a server has accounts).
        self.account_readonly = False
        self._lock: StoreLock | None = None
        #: Sentences for the clerk from opening (a foreign file set aside, a write rolled back).
        self.notices: list[str] = []

    # -- opening -------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        readonly: bool = False,
        create: bool = True,
        verify: bool = False,
    ) -> Store:
        """Open and migrate a store; raise StoreLockedError if another process writes to it.

        A missing file is created only with ``create`` (never read-only); ``verify`` runs a
        quick check first. See store/opening.py for what is refused and what set aside;
        ``notices`` then holds the sentences the clerk should read.
        """
        path = Path(path)
        opened = open_file(path, readonly=readonly, create=create, verify=verify)
        store = cls(opened.db, path, readonly)
        store._lock = opened.lock
        store.notices = opened.notices
        return store

    @classmethod
    def memory(cls) -> Store:
        """A throw-away store in memory (tests, previews)."""
        conn = sqlite3.connect(":memory:", check_same_thread=False)
        conn.isolation_level = None
        rowsums.register(conn)
        db = sqlite_utils.Database(conn)
        db.execute("PRAGMA foreign_keys = ON")
        migrate(db, None)
        return cls(db, None, False)

    @property
    def capabilities(self) -> frozenset[Capability]:
        """A file on this computer can be copied, checked and locked; memory cannot."""
        if self.path is None:
            return frozenset()
        return frozenset({Capability.FILE, Capability.FILES_BESIDE, Capability.CONNECTIONS})

    def reader(self) -> Store:
        """A read-only connection of its own, for a background thread (closed by the caller)."""
        if self.path is None:
            raise ValueError("a background reader needs a store file")
        return Store.open(self.path, readonly=True)

    def change_stamp(self) -> object:
        """SQLite's own counter of commits made by other connections (and processes).

        ``PRAGMA data_version`` costs nothing and changes whenever another connection (this
        program's window, rectdesk-cli, another process) committed since the last reading
        on this connection.
        """
        return self._scalar("PRAGMA data_version")

    def reconnect(self) -> None:
        """A store file needs no new connection."""

    def worker_writer(self) -> Store:
        """A second writable connection, for one long write on a worker thread.

        The process already holds the store's single-writer lock, so this connection does not
        take it again. The write's transaction lives on this connection only: the window keeps
        reading the last committed state from its own connection, and nothing the window does
        while the write runs can reach into it. Closed by the caller.
        """
        if self.path is None or self.readonly:
            raise ValueError("a background writer needs the writable store file")
        writer = Store(connect(self.path), self.path, readonly=False)
        writer.db.execute(f"PRAGMA cache_size = -{WRITER_CACHE_KIB}")
        return writer

    def close(self) -> None:
        """Close the connection and let another process write."""
        with contextlib.suppress(sqlite3.Error):
            self.db.conn.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Store]:
        """One user action: everything inside commits together or not at all."""
        self._check_writable()
        try:
            with self.db.atomic():
                yield self
        except sqlite3.OperationalError as exc:
            # A full disk or a vanished drive: SQLite rolled back; say so in plain words.
            if storage_error(exc) is None:
                raise
            if not self.db.conn.in_transaction:
                self._finish_rollback()
            error = storage_error(exc, self.path)
            assert error is not None
            raise error from exc

    def _finish_rollback(self) -> None:
        """After a failed write, let SQLite restore the file from its journal at once.

        A write that fails half-way (the disk filled up) leaves SQLite's journal in place
        until the next read; reading now puts the file back and removes the journal, so no
        interrupted write is left for a later check to trip over, and the space it took is
        free again. On a vanished drive this fails too and the next opening does it.
        """
        with contextlib.suppress(sqlite3.Error):
            self.db.execute("SELECT count(*) FROM sqlite_master").fetchone()

    def _check_writable(self) -> None:
        if self.readonly:
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "当前以只读方式打开，不能修改数据。请关闭其他 RectDesk 窗口后重新打开。",
                )
            )

    @property
    def files_dir(self) -> Path:
        """The folder beside the database that holds evidence and source files."""
        if self.path is None:
            raise UserError(QT_TRANSLATE_NOOP("Errors", "内存中的临时数据不能保存附件。"))
        return self.path.with_name(self.path.stem + "-files")

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        cursor = self.db.execute(sql, list(params))
        cursor.row_factory = sqlite3.Row
        return list(cursor.fetchall())

    def _scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.db.execute(sql, list(params)).fetchone()
        return row[0] if row else None

    # -- batches -------------------------------------------------------------------------

    def add_batch(self, draft: BatchDraft, *, actor: str = "") -> int:
        """Store a new batch and return its id."""
        with self.transaction():
            cursor = self.db.execute(
                "INSERT INTO batches (kind, name, issuer, doc_number, year, received_on,"
                " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [draft.kind.value, draft.name, draft.issuer, draft.doc_number, draft.year,
                 rows.iso(draft.received_on), rows.now_text()],
            )  # fmt: skip
            batch_id = int(cursor.lastrowid or 0)
            self.audit(actor, None, "add_batch", "batch", "", f"{batch_id}:{draft.name}")
        return batch_id

    def batches(self) -> list[Batch]:
        """All batches, newest year first, with their item counts."""
        found = self._rows(
            "SELECT batches.*, (SELECT count(*) FROM items WHERE items.batch_id = batches.id)"
            " AS item_count FROM batches ORDER BY year DESC, id"
        )
        return [rows.batch_from_row(r) for r in found]

    def batch(self, batch_id: int) -> Batch:
        """One batch; a plain message when it does not exist."""
        found = self._rows(
            "SELECT batches.*, (SELECT count(*) FROM items WHERE items.batch_id = batches.id)"
            " AS item_count FROM batches WHERE id = ?",
            [batch_id],
        )
        if not found:
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Errors", "找不到编号为 {batch_id} 的批次，请用“batches”查看已有批次。"
                ),
                batch_id=batch_id,
            )
        return rows.batch_from_row(found[0])

    def find_batch(self, name: str) -> Batch | None:
        """The batch with exactly this name, if any."""
        batch_id = self._scalar("SELECT id FROM batches WHERE name = ?", [name])
        return self.batch(int(batch_id)) if batch_id is not None else None

    def set_batch_source(self, batch_id: int, source_file: str, sha256: str) -> None:
        """Record where the batch's original file is kept."""
        with self.transaction():
            self.db.execute(
                "UPDATE batches SET source_file = ?, source_sha256 = ? WHERE id = ?",
                [source_file, sha256, batch_id],
            )

    def delete_batch(self, batch_id: int, *, actor: str = "") -> None:
        """Remove a batch with all its items (the audit log keeps the record)."""
        batch = self.batch(batch_id)
        with self.transaction():
            self.db.execute("DELETE FROM batches WHERE id = ?", [batch_id])
            self.audit(actor, None, "delete_batch", "batch", f"{batch_id}:{batch.name}", "")

    # -- items: writing ------------------------------------------------------------------

    def add_items(
        self, batch_id: int, drafts: Iterable[ItemDraft], *, actor: str = ""
    ) -> list[int]:
        """Store drafts at the end of a batch, in order; progress goes to the ledger."""
        self.batch(batch_id)
        ids: list[int] = []
        stamp = rows.now_text()
        known: dict[str, int] = {}  # department ids looked up once per call
        conn = self.db.conn
        with self.transaction():
            position = int(
                self._scalar("SELECT coalesce(max(position), 0) FROM items WHERE batch_id = ?",
                             [batch_id])
            )  # fmt: skip
            trigger = self._suspend_search_trigger()
            insert = ""
            # Every few hundred items, their assignments, extra fields and search entries go
            # in together: the same rows as one statement per row, without the round trips.
            pending = _Pending()
            for draft in drafts:
                position += 1
                columns = rows.draft_columns(draft, batch_id, position, stamp)
                if not insert:
                    insert = (
                        f"INSERT INTO items ({', '.join(columns)})"
                        f" VALUES ({', '.join('?' * len(columns))})"
                    )
                item_id = int(conn.execute(insert, _fresh(columns.values())).lastrowid or 0)
                for place, assignment in enumerate(normalize_assignments(list(draft.departments))):
                    name = assignment.department
                    if name not in known:
                        known[name] = self._department_id(name)
                    pending.departments.append((item_id, known[name], assignment.role.value, place))
                pending.extra.extend(
                    (item_id, place, key, _copy(value))
                    for place, (key, value) in enumerate(draft.extra.items())
                )
                pending.ids.append(item_id)
                ids.append(item_id)
                if len(pending.ids) >= _ITEMS_PER_FLUSH:
                    self._flush(pending, indexed=trigger is not None)
            self._flush(pending, indexed=trigger is not None)
            if trigger is not None:
                conn.execute(trigger)
            if ids:
                self.audit(actor, None, "add_items", "batch", str(batch_id), str(len(ids)))
        return ids

    def _suspend_search_trigger(self) -> str | None:
        """Drop the search index's insert trigger for this transaction; its SQL to restore.

        Filling the index for many rows in one statement is several times faster than the
        trigger's one row at a time. Only done when the trigger is exactly the one that
        _FTS_INSERTED below repeats, so the index receives the very same entries; otherwise
        the trigger stays and indexes each row itself. Dropping it is part of the caller's
        transaction: it comes back on commit as on rollback, and other writes keep it.
        """
        found = self._scalar(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'items_fts_insert'"
        )
        if not isinstance(found, str) or " ".join(found.split()) != _FTS_TRIGGER:
            return None
        self.db.conn.execute("DROP TRIGGER items_fts_insert")
        return found

    def _flush(self, pending: _Pending, *, indexed: bool) -> None:
        """Write (and empty) the gathered assignment, extra-field and search-index rows."""
        conn = self.db.conn
        if pending.departments:
            conn.executemany(
                "INSERT INTO item_departments (item_id, department_id, role, position)"
                " VALUES (?, ?, ?, ?)",
                pending.departments,
            )
        if pending.extra:
            conn.executemany(
                "INSERT INTO item_extra (item_id, position, key, value) VALUES (?, ?, ?, ?)",
                pending.extra,
            )
        ids = pending.ids
        if indexed and ids:
            if ids[-1] - ids[0] + 1 == len(ids) and ids == sorted(ids):
                conn.execute(_FTS_INSERTED + " BETWEEN ? AND ?", [ids[0], ids[-1]])
            else:
                conn.executemany(_FTS_INSERTED + " = ?", [(i,) for i in ids])
        pending.departments.clear()
        pending.extra.clear()
        pending.ids.clear()

    def _department_id(self, name: str) -> int:
        found = self._scalar("SELECT id FROM departments WHERE name = ?", [name])
        if found is not None:
            return int(found)
        cursor = self.db.execute("INSERT INTO departments (name) VALUES (?)", [name])
        return int(cursor.lastrowid or 0)

    def _write_departments(
        self,
        item_id: int,
        assignments: Sequence[Assignment],
        *,
        new: bool = False,
        known: dict[str, int] | None = None,
    ) -> None:
        if not new:
            self.db.execute("DELETE FROM item_departments WHERE item_id = ?", [item_id])
        known = {} if known is None else known
        for position, assignment in enumerate(normalize_assignments(list(assignments))):
            name, role = assignment.department, assignment.role
            if name not in known:
                known[name] = self._department_id(name)
            self.db.execute(
                "INSERT INTO item_departments (item_id, department_id, role, position)"
                " VALUES (?, ?, ?, ?)",
                [item_id, known[name], role.value, position],
            )

    def _write_extra(self, item_id: int, extra: dict[str, str], *, new: bool = False) -> None:
        if not new:
            self.db.execute("DELETE FROM item_extra WHERE item_id = ?", [item_id])
        for position, (key, value) in enumerate(extra.items()):
            self.db.execute(
                "INSERT INTO item_extra (item_id, position, key, value) VALUES (?, ?, ?, ?)",
                [item_id, position, key, value],
            )

    def update_item(self, item_id: int, changes: dict[str, Any], *, actor: str = "") -> Item:
        """Change fields of one item, recording each change in the audit log."""
        unknown = set(changes) - EDITABLE - {"extra"}
        if unknown:
            raise UserError(
                QT_TRANSLATE_NOOP("Errors", "不能修改这些字段：{fields}。"),
                fields=Listing(sorted(unknown)),
            )
        with self.transaction():
            old = self.item(item_id)
            columns: dict[str, Any] = {}
            audited: list[tuple[str, str, str]] = []
            for field, value in changes.items():
                before = getattr(old, field)
                if before == value:
                    continue
                audited.append((field, rows.describe(before), rows.describe(value)))
                if field == "departments":
                    self._write_departments(item_id, value)
                    columns["dept_text"] = rows.dept_text(value)
                elif field == "extra":
                    self._write_extra(item_id, value)
                elif field == "deadline":
                    columns.update(rows.deadline_columns(value))
                elif field == "status":
                    columns["status"] = Status(value).value
                elif field in ("closed_on", "progress_on"):
                    columns[field] = rows.iso(value)
                else:
                    columns[field] = value
            if audited:
                columns["updated_at"] = rows.now_text()
                sets = ", ".join(f"{name} = ?" for name in columns)
                # One more version with every change (store/versions.py), recorded below.
                self.db.execute(
                    f"UPDATE items SET {sets}, version = version + 1 WHERE id = ?",
                    [*columns.values(), item_id],
                )
            for field, before_text, after_text in audited:
                self.audit(actor, item_id, "update", field, before_text, after_text)
            return self.item(item_id)

    def claim_items(self, versions: Mapping[int, int]) -> None:
        """Refuse (ConflictError) unless every item is still at the version the clerk saw.

        Called first in an edit's transaction; see store/versions.py.
        """
        claim(self, versions)

    def item_versions(self, item_ids: Sequence[int]) -> dict[int, int]:
        """The stored version of each item (deleted ones left out)."""
        return current(self, list(item_ids))

    def delete_items(self, item_ids: Sequence[int], *, actor: str = "") -> None:
        """Delete items; their ledger and evidence records go with them."""
        with self.transaction():
            for item_id in item_ids:
                item = self.item(item_id)
                self.audit(
                    actor, item_id, "delete", "item", f"{item.number or ''} {item.content[:40]}", ""
                )
                self.db.execute("DELETE FROM items WHERE id = ?", [item_id])

    # -- items: reading ------------------------------------------------------------------

    def item(self, item_id: int) -> Item:
        """One item; a plain message when it does not exist."""
        found = self.items_by_ids([item_id])
        if not found:
            raise UserError(
                QT_TRANSLATE_NOOP("Errors", "找不到编号为 {item_id} 的事项，可能已被删除。"),
                item_id=item_id,
            )
        return found[0]

    def items(self, query: ItemQuery | None = None) -> list[Item]:
        """The items a query selects, in its order."""
        query = query or ItemQuery()
        sql, params = select_sql(query, "items.*", self._search_plan(query), self.dialect)
        return self._assemble(self._rows(sql, params))

    def item_ids(self, query: ItemQuery | None = None) -> list[int]:
        """Only the ids, in order (the window fetches rows lazily from these)."""
        query = query or ItemQuery()
        sql, params = select_sql(query, "items.id", self._search_plan(query), self.dialect)
        return [int(r[0]) for r in self.db.execute(sql, params).fetchall()]

    def items_by_ids(self, item_ids: Sequence[int]) -> list[Item]:
        """Items in the order of the ids given; missing ids are skipped."""
        if not item_ids:
            return []
        marks = ",".join("?" * len(item_ids))
        found = self._rows(f"SELECT * FROM items WHERE id IN ({marks})", list(item_ids))
        by_id = {item.id: item for item in self._assemble(found)}
        return [by_id[i] for i in item_ids if i in by_id]

    def count_items(self, query: ItemQuery | None = None) -> int:
        """How many items a query selects (ignoring its page)."""
        where, params = self._where(query or ItemQuery())
        return int(self._scalar(f"SELECT count(*) FROM items WHERE {where}", params))

    def _where(self, query: ItemQuery) -> tuple[str, list[Any]]:
        return where_clause(query, self._search_plan(query), self.dialect)

    def _search_plan(self, query: ItemQuery) -> dict[str, str]:
        """How the engine's search index answers the query's terms (store/search.py,
        store/pg/search.py)."""
        if self.dialect.postgres:
            from rectdesk.store.pg.search import plan_terms

            return plan_terms(self.db, query)
        return plan_short_terms(self.db, query)

    def _assemble(self, found: list[sqlite3.Row]) -> list[Item]:
        if not found:
            return []
        ids = [r["id"] for r in found]
        marks = ",".join("?" * len(ids))
        departments: dict[int, list[Assignment]] = {i: [] for i in ids}
        for r in self.db.execute(
            "SELECT item_id, name, role FROM item_departments JOIN departments"
            f" ON departments.id = department_id WHERE item_id IN ({marks})"
            " ORDER BY item_id, position",
            ids,
        ).fetchall():
            departments[r[0]].append(Assignment(r[1], Role(r[2])))
        extra: dict[int, dict[str, str]] = {i: {} for i in ids}
        for r in self.db.execute(
            f"SELECT item_id, key, value FROM item_extra WHERE item_id IN ({marks})"
            " ORDER BY item_id, position",
            ids,
        ).fetchall():
            extra[r[0]][r[1]] = r[2]
        return [rows.item_from_row(r, departments[r["id"]], extra[r["id"]]) for r in found]

    # -- counts --------------------------------------------------------------------------

    def count_by_status(self, query: ItemQuery | None = None) -> dict[Status, int]:
        """Items per status (every status present, zeros included)."""
        where, params = self._where(query or ItemQuery())
        counts = {status: 0 for status in Status}
        for status, n in self.db.execute(
            f"SELECT status, count(*) FROM items WHERE {where} GROUP BY status", params
        ).fetchall():
            counts[Status(status)] = n
        return counts

    def count_by_category(self, query: ItemQuery | None = None) -> list[tuple[str, int]]:
        """Items per category, in the order categories first appear."""
        where, params = self._where(query or ItemQuery())
        return [
            (r[0], r[1])
            for r in self.db.execute(
                f"SELECT category, count(*), min(batch_id * 1000000 + position) AS first"
                f" FROM items WHERE {where} GROUP BY category ORDER BY first",
                params,
            ).fetchall()
        ]

    def count_by_department(self, query: ItemQuery | None = None) -> list[dict[str, Any]]:
        """Per department (lead or assisting): total, finished, overdue, by name."""
        query = query or ItemQuery()
        if query.unfiltered:
            return self._count_all_by_department(query)
        where, params = self._where(query)
        light_sql, light_params = light_case(query.today, query.rules)
        if query.search or query.ids is not None or query.department is not None:
            source = "item_departments JOIN items ON items.id = item_departments.item_id"
        else:
            # Every filter left reads columns copied into item_departments: one narrow index.
            source = "item_departments AS items"
        sql = (
            "SELECT departments.name AS department, count(*) AS total,"
            " count(CASE WHEN items.status IN ('completed', 'closed') THEN 1 END) AS finished,"
            " count(CASE WHEN items.status = 'declined' THEN 1 END) AS declined,"
            f" count(CASE WHEN ({light_sql}) = 'red' THEN 1 END) AS overdue"
            f" FROM {source} JOIN departments ON departments.id = department_id"
            f" WHERE {where} GROUP BY departments.name ORDER BY total DESC, department"
        )
        return [dict(r) for r in self._rows(sql, light_params + params)]

    def _count_all_by_department(self, query: ItemQuery) -> list[dict[str, Any]]:
        # The whole ledger (the dashboard's usual view): totals per status come from the
        # counts the triggers keep, and overdue rows are counted per open status over an
        # index ordered by department, so nothing is sorted or evaluated per assignment.
        names = dict(self.db.execute("SELECT id, name FROM departments").fetchall())
        totals: dict[int, dict[str, Any]] = {}
        for department_id, status, n in self.db.execute(
            "SELECT department_id, status, n FROM department_status_counts WHERE n > 0"
        ).fetchall():
            row = totals.setdefault(
                department_id,
                {"department": names[department_id], "total": 0, "finished": 0,
                 "declined": 0, "overdue": 0},
            )  # fmt: skip
            row["total"] += n
            row["finished"] += n if status in ("completed", "closed") else 0
            row["declined"] += n if status == "declined" else 0
        for status in ("pending", "in_progress"):
            for department_id, n in self.db.execute(
                "SELECT department_id, count(*) FROM item_departments"
                " WHERE status = ? AND deadline_ongoing = 0"
                " AND deadline < ? AND deadline_kind IN ('date', 'immediate')"
                " GROUP BY department_id",
                [status, query.today.isoformat()],
            ).fetchall():
                totals[department_id]["overdue"] += n
        return sorted(totals.values(), key=lambda r: (-r["total"], r["department"]))

    def departments(self) -> list[str]:
        """Every department named by some item, by name."""
        return [
            r[0]
            for r in self.db.execute(
                "SELECT name FROM departments WHERE id IN"
                " (SELECT department_id FROM item_departments) ORDER BY name"
            ).fetchall()
        ]

    def categories(self, batch_id: int | None = None) -> list[str]:
        """Categories in the order they first appear."""
        return [c for c, _ in self.count_by_category(ItemQuery(batch_id=batch_id))]

    # -- health --------------------------------------------------------------------------

    def damaged_items(self, item_ids: Sequence[int] | None = None) -> list[int]:
        """Items whose stored rows no longer match their checksums (see rowsums.py)."""
        if self.dialect.postgres:
            return []  # the server keeps its own copies and counts
        try:
            return rowsums.damaged_items(self.db.conn, item_ids)
        except sqlite3.DatabaseError:
            return []  # structural damage: the integrity checks report it

    def check(self) -> list[str]:
        """Problems found by SQLite's integrity and foreign-key checks (empty when sound)."""
        try:
            problems = [r[0] for r in self.db.execute("PRAGMA integrity_check").fetchall()]
            problems = [p for p in problems if p != "ok"]
            for r in self.db.execute("PRAGMA foreign_key_check").fetchall():
                problems.append(f"foreign key: table {r[0]} row {r[1]} -> {r[2]}")
            damaged = rowsums.damaged_items(self.db.conn) if not problems else []
        except sqlite3.DatabaseError as exc:
            return [f"integrity check failed: {exc}"]
        if damaged:
            problems.append(rowsums.problem(damaged))
        if not self.readonly:
            try:
                self.db.execute(
                    "INSERT INTO items_fts(items_fts, rank) VALUES ('integrity-check', 1)"
                )
            except sqlite3.DatabaseError as exc:
                problems.append(f"search index: {exc}")
        return problems


def engine(store: LedgerStore) -> Store:
    """The store behind the ledger protocol, for the store's own books and functions.

    Every ledger RectDesk opens is a Store (its engine is the connection inside); anything
    else handed to the store's own code is a programming error, said at once.
    """
    if not isinstance(store, Store):
        raise TypeError(f"not a RectDesk store: {type(store).__name__}")
    return store
