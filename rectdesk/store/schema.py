"""Named schema migrations; the list order is the version order (PRAGMA user_version)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

import sqlite_utils


@dataclass(frozen=True)
class Migration:
    """One schema step, applied once, in order."""

    name: str
    apply: Callable[[sqlite_utils.Database], None]


def run_script(db: sqlite_utils.Database, script: str) -> None:
    """Run statements one by one, inside the caller's transaction (executescript would commit)."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement: {statement[:80]}")


def _initial(db: sqlite_utils.Database) -> None:
    # Short columns first, long text last: SQLite reads a row's columns in order, so listing
    # and sorting never touch the long text of 整改措施/成果.
    run_script(
        db,
        """
        CREATE TABLE batches (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            name TEXT NOT NULL,
            issuer TEXT NOT NULL DEFAULT '',
            doc_number TEXT NOT NULL DEFAULT '',
            year INTEGER,
            received_on TEXT,
            source_file TEXT NOT NULL DEFAULT '',
            source_sha256 TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        );
        CREATE TABLE items (
            id INTEGER PRIMARY KEY,
            batch_id INTEGER NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            seq TEXT NOT NULL DEFAULT '',
            number TEXT,
            category TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'pending',
            deadline TEXT,
            deadline_kind TEXT NOT NULL DEFAULT 'none',
            deadline_ongoing INTEGER NOT NULL DEFAULT 0,
            deadline_text TEXT NOT NULL DEFAULT '',
            deadline_warning TEXT NOT NULL DEFAULT '',
            closed_on TEXT,
            progress_on TEXT,
            dept_text TEXT NOT NULL DEFAULT '',
            lead TEXT NOT NULL DEFAULT '',
            owner TEXT NOT NULL DEFAULT '',
            result_class TEXT NOT NULL DEFAULT '',
            satisfaction TEXT NOT NULL DEFAULT '',
            status_reason TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            origin TEXT NOT NULL DEFAULT '',
            remarks TEXT NOT NULL DEFAULT '',
            content TEXT NOT NULL DEFAULT '',
            progress TEXT NOT NULL DEFAULT '',
            outcomes TEXT NOT NULL DEFAULT '',
            measures TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX items_order ON items(batch_id, position);
        CREATE INDEX items_status ON items(status, deadline);
        CREATE INDEX items_deadline ON items(deadline, status);
        -- Sorting by deadline puts items without one last; the expression index serves it.
        CREATE INDEX items_deadline_sort ON items(deadline IS NULL, deadline, batch_id, position);
        CREATE INDEX items_number ON items(number);
        CREATE INDEX items_category ON items(category, status);
        CREATE TABLE item_extra (
            item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            key TEXT NOT NULL,
            value TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (item_id, key)
        );
        CREATE TABLE departments (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE
        );
        -- The item's light-deciding columns are copied here (kept by triggers) so that the
        -- per-department dashboard counts read one narrow index, not 100,000 long rows.
        CREATE TABLE item_departments (
            item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
            department_id INTEGER NOT NULL REFERENCES departments(id),
            role TEXT NOT NULL DEFAULT 'lead',
            position INTEGER NOT NULL DEFAULT 0,
            batch_id INTEGER,
            category TEXT,
            status TEXT,
            deadline TEXT,
            deadline_kind TEXT,
            deadline_ongoing INTEGER,
            PRIMARY KEY (item_id, department_id)
        );
        CREATE INDEX item_departments_department ON item_departments(
            department_id, status, deadline, deadline_kind, deadline_ongoing, batch_id, category
        );
        CREATE TRIGGER item_departments_copy AFTER INSERT ON item_departments BEGIN
            UPDATE item_departments SET
                (batch_id, category, status, deadline, deadline_kind, deadline_ongoing) =
                (SELECT batch_id, category, status, deadline, deadline_kind, deadline_ongoing
                 FROM items WHERE items.id = new.item_id)
            WHERE item_id = new.item_id AND department_id = new.department_id;
        END;
        CREATE TRIGGER items_copy_to_departments AFTER UPDATE OF batch_id, category, status,
                deadline, deadline_kind, deadline_ongoing ON items BEGIN
            UPDATE item_departments SET batch_id = new.batch_id, category = new.category,
                status = new.status, deadline = new.deadline,
                deadline_kind = new.deadline_kind, deadline_ongoing = new.deadline_ongoing
            WHERE item_id = new.id;
        END;
        CREATE TABLE ledger (
            id INTEGER PRIMARY KEY,
            item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
            on_date TEXT NOT NULL,
            kind TEXT NOT NULL,
            text TEXT NOT NULL DEFAULT '',
            author TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        );
        CREATE INDEX ledger_item ON ledger(item_id, on_date);
        CREATE TABLE attachments (
            id INTEGER PRIMARY KEY,
            item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
            ledger_id INTEGER REFERENCES ledger(id) ON DELETE SET NULL,
            name TEXT NOT NULL,
            stored_path TEXT NOT NULL,
            size INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            added_at TEXT NOT NULL
        );
        CREATE INDEX attachments_item ON attachments(item_id);
        -- No foreign key on item_id: the history of a deleted item must survive it.
        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL DEFAULT '',
            item_id INTEGER,
            action TEXT NOT NULL,
            field TEXT NOT NULL DEFAULT '',
            old TEXT NOT NULL DEFAULT '',
            new TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX audit_item ON audit_log(item_id, at);
        CREATE TABLE templates (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            base TEXT NOT NULL DEFAULT '',
            definition TEXT NOT NULL,
            builtin INTEGER NOT NULL DEFAULT 0,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        """,
    )


def _search_index(db: sqlite_utils.Database) -> None:
    # A trigram index answers any substring of three or more characters; shorter queries
    # scan (see store/search.py). External content: the text is not stored twice.
    run_script(
        db,
        """
        CREATE VIRTUAL TABLE items_fts USING fts5(
            number, origin, content, measures, outcomes, progress, dept_text,
            content='items', content_rowid='id', tokenize='trigram'
        );
        CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN
            INSERT INTO items_fts(rowid, number, origin, content, measures, outcomes,
                                  progress, dept_text)
            VALUES (new.id, new.number, new.origin, new.content, new.measures, new.outcomes,
                    new.progress, new.dept_text);
        END;
        CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN
            INSERT INTO items_fts(items_fts, rowid, number, origin, content, measures,
                                  outcomes, progress, dept_text)
            VALUES ('delete', old.id, old.number, old.origin, old.content, old.measures,
                    old.outcomes, old.progress, old.dept_text);
        END;
        CREATE TRIGGER items_fts_update AFTER UPDATE OF number, origin, content, measures,
                outcomes, progress, dept_text ON items BEGIN
            INSERT INTO items_fts(items_fts, rowid, number, origin, content, measures,
                                  outcomes, progress, dept_text)
            VALUES ('delete', old.id, old.number, old.origin, old.content, old.measures,
                    old.outcomes, old.progress, old.dept_text);
            INSERT INTO items_fts(rowid, number, origin, content, measures, outcomes,
                                  progress, dept_text)
            VALUES (new.id, new.number, new.origin, new.content, new.measures, new.outcomes,
                    new.progress, new.dept_text);
        END;
        """,
    )


#: Two unit separators end every indexed text, so each character of the text starts some
#: trigram: a one- or two-character search can then be answered from the index's terms.
SENTINEL = "\x1f\x1f"
_INDEXED = ("number", "origin", "content", "measures", "outcomes", "progress", "dept_text")


def _indexed_values(row: str) -> str:
    return ", ".join(f"coalesce({row}.{c}, '') || char(31, 31)" for c in _INDEXED)


def _search_index_v2(db: sqlite_utils.Database) -> None:
    # Contentless: the index keeps no copy of the text, and may hold the sentinel-padded
    # form (an external-content index must match its content table exactly).
    _create_search_index(
        db,
        "DROP TRIGGER items_fts_insert;\nDROP TRIGGER items_fts_delete;\n"
        "DROP TRIGGER items_fts_update;\nDROP TABLE items_fts;\n",
        "",
    )


def _search_index_v3(db: sqlite_utils.Database) -> None:
    # Without positions (detail=none) the index builds about twice as fast and is far
    # smaller; a long term then matches by all of its trigrams and is confirmed on the text.
    _create_search_index(
        db,
        "DROP TRIGGER items_fts_insert;\nDROP TRIGGER items_fts_delete;\n"
        "DROP TRIGGER items_fts_update;\nDROP TABLE items_fts_terms;\nDROP TABLE items_fts;\n",
        ", detail=none",
        only_on_change=True,
    )


def _create_search_index(
    db: sqlite_utils.Database, drop: str, options: str, *, only_on_change: bool = False
) -> None:
    columns = ", ".join(_INDEXED)
    # Re-indexing an item's whole text is the dearest part of a write: skip it when an update
    # names a text column but leaves every one of them as it was.
    changed = " OR ".join(f"old.{c} IS NOT new.{c}" for c in _INDEXED)
    when = f"\n                WHEN {changed}" if only_on_change else ""
    run_script(
        db,
        f"""
        {drop}
        CREATE VIRTUAL TABLE items_fts USING fts5(
            {columns}, content='', tokenize='trigram'{options}
        );
        CREATE VIRTUAL TABLE items_fts_terms USING fts5vocab(items_fts, row);
        CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN
            INSERT INTO items_fts(rowid, {columns}) VALUES (new.id, {_indexed_values("new")});
        END;
        CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN
            INSERT INTO items_fts(items_fts, rowid, {columns})
            VALUES ('delete', old.id, {_indexed_values("old")});
        END;
        CREATE TRIGGER items_fts_update AFTER UPDATE OF {columns} ON items{when} BEGIN
            INSERT INTO items_fts(items_fts, rowid, {columns})
            VALUES ('delete', old.id, {_indexed_values("old")});
            INSERT INTO items_fts(rowid, {columns}) VALUES (new.id, {_indexed_values("new")});
        END;
        INSERT INTO items_fts(rowid, {columns}) SELECT id, {_indexed_values("items")} FROM items;
        """,
    )


def _overdue_index(db: sqlite_utils.Database) -> None:
    # Overdue counts per department read only the overdue rows of this index.
    run_script(
        db,
        """
        CREATE INDEX item_departments_overdue ON item_departments(
            status, deadline_ongoing, deadline, deadline_kind, department_id
        );
        """,
    )


def _imports(db: sqlite_utils.Database) -> None:
    # Each import and what it created or changed, so it can be undone as a whole.
    from rectdesk.store.imports import create_imports_tables

    create_imports_tables(db)


def _department_counts(db: sqlite_utils.Database) -> None:
    # The dashboard's whole-ledger figures per department: assignments per status kept by
    # triggers, so they are read in a few rows instead of counted across every assignment;
    # the overdue index is re-ordered so overdue rows group by department without a sort.
    run_script(
        db,
        """
        CREATE TABLE department_status_counts (
            department_id INTEGER NOT NULL,
            status TEXT NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY (department_id, status)
        ) WITHOUT ROWID;
        CREATE TRIGGER department_counts_insert AFTER INSERT ON item_departments BEGIN
            INSERT INTO department_status_counts
            VALUES (new.department_id, coalesce(new.status, ''), 1)
            ON CONFLICT (department_id, status) DO UPDATE SET n = n + 1;
        END;
        CREATE TRIGGER department_counts_delete AFTER DELETE ON item_departments BEGIN
            UPDATE department_status_counts SET n = n - 1
            WHERE department_id = old.department_id AND status = coalesce(old.status, '');
        END;
        CREATE TRIGGER department_counts_update AFTER UPDATE OF status, department_id
                ON item_departments
                WHEN old.status IS NOT new.status OR old.department_id != new.department_id BEGIN
            UPDATE department_status_counts SET n = n - 1
            WHERE department_id = old.department_id AND status = coalesce(old.status, '');
            INSERT INTO department_status_counts
            VALUES (new.department_id, coalesce(new.status, ''), 1)
            ON CONFLICT (department_id, status) DO UPDATE SET n = n + 1;
        END;
        INSERT INTO department_status_counts
            SELECT department_id, coalesce(status, ''), count(*) FROM item_departments
            GROUP BY department_id, coalesce(status, '');
        DROP INDEX item_departments_overdue;
        CREATE INDEX item_departments_overdue ON item_departments(
            status, deadline_ongoing, department_id, deadline, deadline_kind
        );
        """,
    )


def _dashboard_indexes(db: sqlite_utils.Database) -> None:
    # The overview reads the whole ledger: categories in first-seen order, and the overdue and
    # due-soon figures and lists. Both indexes cover their queries, so no long row is read.
    run_script(
        db,
        """
        CREATE INDEX items_category_order ON items(category, batch_id, position);
        CREATE INDEX items_open_deadline ON items(
            status, deadline_ongoing, deadline, deadline_kind, batch_id, position
        );
        """,
    )


#: Written into every store's header (PRAGMA application_id): "RDsk". A SQLite file with another
#: application id belongs to another program and is never opened, let alone written.
APPLICATION_ID = 0x5244736B


def _application_id(db: sqlite_utils.Database) -> None:
    # Marks the file as RectDesk's, so that another program's SQLite file given by mistake is
    # recognised and left alone (see store/opening.py).
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def _rounds(db: sqlite_utils.Database) -> None:
    # Rounds with the responsible units (下发, 收集, 催报) and the links that let a repeated
    # exchange package update what an earlier one brought (store/rounds.py, store/packages.py).
    from rectdesk.store.packages import create_package_tables
    from rectdesk.store.rounds import create_rounds_tables

    create_rounds_tables(db)
    create_package_tables(db)


def _supervision(db: sqlite_utils.Database) -> None:
    # 督办 letters with their register, close-off reviews, evidence fingerprints for the reuse
    # guard, and the proposal workflow (store/letters.py, store/evidence.py, store/proposals.py).
    from rectdesk.store.letters import create_supervision_tables
    from rectdesk.store.proposals import create_proposal_tables

    create_supervision_tables(db)
    create_proposal_tables(db)


def _row_versions(db: sqlite_utils.Database) -> None:
    # Many clerks at once: an item's version grows with every write to it or to what hangs
    # off it (units, extra fields, ledger, evidence), so an edit made against an older version
    # is refused instead of overwriting. The audit log says which version each change made
    # (so a refusal can name who changed what and when), and from which account and machine.
    run_script(
        db,
        """
        ALTER TABLE items ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE audit_log ADD COLUMN item_version INTEGER;
        ALTER TABLE audit_log ADD COLUMN os_user TEXT NOT NULL DEFAULT '';
        ALTER TABLE audit_log ADD COLUMN machine TEXT NOT NULL DEFAULT '';
        """,
    )


def _row_checksums(db: sqlite_utils.Database) -> None:
    # A CRC-32 of every row clerks write, kept by triggers: damage inside stored text, which
    # SQLite's own checks cannot see, is named by the checks (store/rowsums.py).
    from rectdesk.store.rowsums import create

    create(db)


MIGRATIONS: tuple[Migration, ...] = (
    Migration("0001_initial", _initial),
    Migration("0002_search_index", _search_index),
    Migration("0003_search_index_short_terms", _search_index_v2),
    Migration("0004_overdue_index", _overdue_index),
    Migration("0005_imports", _imports),
    Migration("0006_department_counts", _department_counts),
    Migration("0007_dashboard_indexes", _dashboard_indexes),
    Migration("0008_search_index_without_positions", _search_index_v3),
    Migration("0009_application_id", _application_id),
    Migration("0010_rounds", _rounds),
    Migration("0011_supervision", _supervision),
    Migration("0012_row_versions", _row_versions),
    Migration("0013_row_checksums", _row_checksums),
)
