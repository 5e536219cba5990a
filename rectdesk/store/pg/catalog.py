"""What a server ledger's tables are: their columns and the references between them."""

from __future__ import annotations

from rectdesk.store.pg.connection import PgDatabase


def foreign_keys(db: PgDatabase) -> dict[str, list[tuple[str, str]]]:
    """table -> [(column, referenced table)] for every table of the ledger's schema."""
    found: dict[str, list[tuple[str, str]]] = {name: [] for name in db.table_names()}
    for table, column, parent in db.conn.raw.execute(
        "SELECT t.relname, a.attname, p.relname FROM pg_constraint c"
        " JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class p ON p.oid = c.confrelid"
        " JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]"
        " WHERE c.contype = 'f' AND t.relnamespace = current_schema()::regnamespace"
        " ORDER BY t.relname, c.conname"
    ).fetchall():
        found.setdefault(str(table), []).append((str(column), str(parent)))
    return found


def columns(db: PgDatabase, table: str) -> list[str]:
    """A table's columns in their order (generated ones left out: they cannot be written)."""
    found = db.conn.raw.execute(
        "SELECT attname FROM pg_attribute WHERE attrelid = to_regclass(%s) AND attnum > 0"
        " AND NOT attisdropped AND attgenerated = '' ORDER BY attnum",
        [table],
    ).fetchall()
    return [str(r[0]) for r in found]
