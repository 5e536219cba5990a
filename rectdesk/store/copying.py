"""Copying a whole ledger between engines: a store file to a server and back, table by table.

Every table that holds the ledger's own data is copied in the order its references need,
with its row ids, in one transaction on the target: the target is empty before and either
holds everything after or nothing. The per-department counts are not copied but rebuilt by
the target's own triggers, and a store file's search index is filled from the copied items.
Each table is then read back and compared with the source by count and by a checksum of its
rows (independent of order, the engines sort NULLs differently); a difference takes the whole
copy back. A server's two search indexes, which hold nothing of the ledger, are built after
that transaction has committed, side by side (see _server_bulk_start). Evidence files go from
one folder to the other and are checked by size and SHA-256.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import shutil
import time
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from rectdesk.domain.errors import QT_TRANSLATE_NOOP, UserError
from rectdesk.store.store import _FTS_INSERTED, Store

log = logging.getLogger(__name__)

#: Kept by the target's triggers from the copied assignments: compared, never copied.
DERIVED = ("department_status_counts",)
#: Bookkeeping of one engine that the other keeps its own way (a store file's row checksums
#: are written by its own triggers as the rows arrive).
_ENGINE_OWN = ("rectdesk_schema", "items_fts", "items_fts_terms", "row_sum")
_CHUNK = 2000

#: Called with (table, rows copied so far) while a table is copied.
Progress = Callable[[str, int], None]


@dataclass
class CopyReport:
    """What was copied, and how it was verified."""

    #: table -> rows, in the order the tables were copied.
    rows: dict[str, int] = field(default_factory=dict)
    #: table -> the checksum both sides agreed on.
    checksums: dict[str, str] = field(default_factory=dict)
    files: int = 0
    file_bytes: int = 0
    seconds: float = 0.0


# -- what each engine has ------------------------------------------------------------------


def _tables(store: Store) -> dict[str, list[str]]:
    """table -> the tables it references (its own data only, the engine's bookkeeping aside)."""
    if store.dialect.postgres:
        from rectdesk.store.pg.catalog import foreign_keys
        from rectdesk.store.pg.connection import PgDatabase

        found = {
            name: [parent for _, parent in keys]
            for name, keys in foreign_keys(cast(PgDatabase, store.db)).items()
        }
    else:
        names = [
            str(r[0])
            for r in store.db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            ).fetchall()
        ]
        found = {
            name: [str(k[2]) for k in store.db.execute(f'PRAGMA foreign_key_list("{name}")')]
            for name in names
        }
    return {
        name: parents
        for name, parents in found.items()
        if not name.startswith(_ENGINE_OWN) and name not in _ENGINE_OWN
    }


def _in_order(tables: dict[str, list[str]]) -> list[str]:
    """Every table after the tables it references."""
    ordered: list[str] = []
    left = dict(tables)
    while left:
        ready = sorted(n for n, parents in left.items()
                       if all(p == n or p not in left for p in parents))  # fmt: skip
        if not ready:
            raise UserError(
                QT_TRANSLATE_NOOP("Errors", "台账的数据表互相引用，无法确定复制顺序。"),
                str(sorted(left)),
            )
        for name in ready:
            ordered.append(name)
            del left[name]
    return ordered


def _columns(store: Store, table: str) -> list[str]:
    if store.dialect.postgres:
        from rectdesk.store.pg.catalog import columns
        from rectdesk.store.pg.connection import PgDatabase

        return columns(cast(PgDatabase, store.db), table)
    return [str(c[1]) for c in store.db.execute(f'PRAGMA table_info("{table}")').fetchall()]


def _has_rowid(store: Store, table: str) -> bool:
    """Whether rows of ``table`` have an id of their own besides their columns (SQLite's rowid
    without a named column; a server's rowid column)."""
    if store.dialect.postgres:
        return "rowid" in _columns(store, table)
    sql = store._scalar("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [table])
    if "WITHOUT ROWID" in str(sql).upper():
        return False
    info = store.db.execute(f'PRAGMA table_info("{table}")').fetchall()
    keys = [c for c in info if c[5]]
    return not (len(keys) == 1 and str(keys[0][2]).upper() == "INTEGER")


# -- reading and writing -------------------------------------------------------------------


def _read(store: Store, table: str, columns: list[str]) -> Generator[tuple[Any, ...], None, None]:
    names = ", ".join(f'"{c}"' for c in columns)
    sql = f'SELECT {names} FROM "{table}"'
    if store.dialect.postgres:
        raw = store.db.conn.raw  # type: ignore[attr-defined]
        with raw.cursor() as cursor:
            yield from cursor.stream(sql)
    else:
        yield from store.db.conn.execute(sql)


def _write(
    store: Store, table: str, columns: list[str], rows: Iterable[tuple[Any, ...]],
    progress: Progress | None,
) -> int:  # fmt: skip
    names = ", ".join(f'"{c}"' for c in columns)
    count = 0
    if store.dialect.postgres:
        import psycopg

        raw = store.db.conn.raw  # type: ignore[attr-defined]
        try:
            with raw.cursor() as cursor, cursor.copy(
                f'COPY "{table}" ({names}) FROM STDIN'
            ) as copy:  # fmt: skip
                for row in rows:
                    copy.write_row(row)
                    count += 1
                    if progress is not None and count % _CHUNK == 0:
                        progress(table, count)
        except psycopg.DataError as exc:
            # A store file may hold the NUL character in a text; a server's text cannot.
            if "0x00" not in str(exc):
                raise
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "原台账“{table}”表里有文字含空字符（代码为 0 的控制字符），服务器上的台账"
                    "不能保存它，已全部撤回，目标台账没有改动；请先在原台账里删去这个字符。",
                ),
                table=table,
            ) from exc
        return count
    insert = f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" * len(columns))})'
    chunk: list[tuple[Any, ...]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= _CHUNK:
            store.db.conn.executemany(insert, chunk)
            count += len(chunk)
            chunk.clear()
            if progress is not None:
                progress(table, count)
    if chunk:
        store.db.conn.executemany(insert, chunk)
        count += len(chunk)
    return count


class _Checksum:
    """A count and an order-independent digest of rows (a sum of per-row SHA-256 values)."""

    def __init__(self) -> None:
        self.count = 0
        self._sum = 0

    def add(self, row: tuple[Any, ...]) -> tuple[Any, ...]:
        text = json.dumps(list(row), ensure_ascii=False, separators=(",", ":"))
        self._sum = (self._sum + int.from_bytes(hashlib.sha256(text.encode()).digest(), "big")) % (
            1 << 256
        )
        self.count += 1
        return row

    @property
    def digest(self) -> str:
        return f"{self._sum:064x}"


def _checksum(rows: Iterable[tuple[Any, ...]]) -> _Checksum:
    found = _Checksum()
    for row in rows:
        found.add(row)
    return found


@contextlib.contextmanager
def _consistent_read(store: Store) -> Iterator[None]:
    """One view of the source for the whole copy (another clerk may write meanwhile)."""
    if store.dialect.postgres:
        raw = store.db.conn.raw  # type: ignore[attr-defined]
        raw.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        try:
            yield
        finally:
            raw.execute("ROLLBACK")
    else:
        store.db.conn.execute("BEGIN")
        try:
            yield
        finally:
            store.db.conn.execute("ROLLBACK")


# -- the copy ------------------------------------------------------------------------------


def copy_ledger(
    source: Store,
    target: Store,
    progress: Progress | None = None,
    *,
    replace: bool = False,
    files: bool = True,
) -> CopyReport:
    """Copy everything ``source`` holds into the empty ``target``; verified, all or nothing.

    ``replace`` empties the target first, in the same transaction (a restore: the old rows
    come back if anything fails); ``files=False`` copies the rows only, the evidence files
    staying where they are (a server's backup, whose files are in the shared folder).
    """
    started = time.monotonic()
    report = CopyReport()
    source_tables, target_tables = _tables(source), _tables(target)
    if set(source_tables) != set(target_tables):
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "两个台账的数据表不一致（可能由不同版本的 RectDesk 建立），无法复制；"
                "请先用同一版本的 RectDesk 分别打开它们一次。",
            ),
            f"only source: {sorted(set(source_tables) - set(target_tables))},"
            f" only target: {sorted(set(target_tables) - set(source_tables))}",
        )
    order = _in_order(target_tables)
    if not replace:
        _refuse_non_empty(target, order)
    copied = _copy_files(source, target, report) if files else []
    try:
        with _consistent_read(source), target.transaction():
            if replace:
                _empty(target, order)
            trigger = target._suspend_search_trigger()
            rebuild, later = _server_bulk_start(target)
            for table in order:
                if table in DERIVED:
                    continue
                columns = _shared_columns(source, target, table)
                counted = _Checksum()
                # Closed here, also when the write fails half-way (not later, by the
                # collector, after the source is closed).
                with contextlib.closing(_read(source, table, columns)) as read:
                    rows = (counted.add(row) for row in read)
                    report.rows[table] = _write(target, table, columns, rows, progress)
                if progress is not None:
                    progress(table, report.rows[table])
                back = _checksum(_read(target, table, columns))
                if (back.count, back.digest) != (counted.count, counted.digest):
                    raise UserError(
                        QT_TRANSLATE_NOOP(
                            "Errors",
                            "复制后核对不一致（{table}），已全部撤回，目标台账没有改动；请重试。",
                        ),
                        f"{table}: source {counted.count}/{counted.digest[:12]},"
                        f" target {back.count}/{back.digest[:12]}",
                        table=table,
                    )
                report.checksums[table] = counted.digest
            if trigger is not None:
                target.db.conn.execute(_FTS_INSERTED + " IS NOT NULL")
                target.db.conn.execute(trigger)
            rebuild()
            _verify_derived(source, target)
            _continue_numbering(target)
    except BaseException:
        for path in reversed(copied):
            path.unlink(missing_ok=True)
        raise
    if target.dialect.postgres:
        _build_search_indexes(target, later)
        # Fresh statistics, so the server plans its first queries on the copied rows well.
        target.db.conn.raw.execute("ANALYZE")  # type: ignore[attr-defined]
    report.seconds = time.monotonic() - started
    log.info("copied a ledger: %s rows in %.1f s", sum(report.rows.values()), report.seconds)
    return report


def _server_bulk_start(target: Store) -> tuple[Callable[[], None], list[str]]:
    """On a server, load without the per-row work, then do it once for all rows.

    The indexes that enforce nothing (the search indexes, the orders and filters) are dropped
    and built again after the load, and the foreign keys are dropped and added again, which
    checks all rows in one join: building an index whole is far quicker than adding 100,000
    long texts to it one by one, and a join than 235,000 single look-ups. The department
    copies and counts are computed in two statements instead of by their triggers row by row.
    All of it is inside the copy's transaction (a failure restores indexes, keys and triggers
    too) except the two search indexes: they hold nothing of the ledger, take most of the
    time, and the server builds each with one process, so they are built side by side once
    the copy has committed. An account that does not own the tables loads row by row.
    Returns what to run after the load, and the search indexes to build after the commit.
    """
    if not target.dialect.postgres:
        return (lambda: None), []
    import psycopg

    db = target.db
    raw = db.conn.raw  # type: ignore[attr-defined]
    rebuild: list[str] = []
    try:
        with db.atomic():
            raw.execute("ALTER TABLE item_departments DISABLE TRIGGER USER")
            rebuild = _set_aside(raw)
        quiet = True
    except psycopg.Error:  # not the tables' owner: indexes, keys and triggers row by row
        quiet = False
    later = [statement for statement in rebuild if " USING gin " in statement]

    def finish() -> None:
        if not quiet:
            return
        # The copied rows already hold their item's values; only a row that does not
        # (a source whose copies went stale) is written again.
        raw.execute(
            f"UPDATE item_departments AS d SET ({_COPIED}) = ({_copied('i')})"
            f" FROM items AS i WHERE i.id = d.item_id"
            f" AND ({_copied('d')}) IS DISTINCT FROM ({_copied('i')})"
        )
        raw.execute(
            "INSERT INTO department_status_counts (department_id, status, n)"
            " SELECT department_id, coalesce(status, ''), count(*) FROM item_departments"
            " GROUP BY 1, 2"
        )
        raw.execute("ALTER TABLE item_departments ENABLE TRIGGER USER")
        for statement in rebuild:
            if statement not in later:
                raw.execute(statement)

    return finish, later


def _build_search_indexes(target: Store, statements: list[str]) -> None:
    """Build the search indexes the copy set aside, side by side."""
    if not statements:
        return
    import psycopg

    from rectdesk.store.pg.store import PgStore

    try:
        cast(PgStore, target).build_indexes(statements)
    except psycopg.Error as exc:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "台账已全部复制并核对一致，但建立搜索索引时出错：搜索仍然正确，只是较慢；"
                "下次以可写方式打开这个台账时会自动补建。",
            ),
            str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__,
        ) from exc


def _set_aside(raw: Any) -> list[str]:
    """Drop the ledger's plain indexes and foreign keys; the statements that make them again."""
    schema = "current_schema()::regnamespace"
    indexes = raw.execute(
        "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i"
        " JOIN pg_class c ON c.oid = i.indexrelid"
        f" WHERE c.relnamespace = {schema} AND NOT i.indisunique AND NOT i.indisprimary"
        " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)"
        " ORDER BY 1"
    ).fetchall()
    keys = raw.execute(
        "SELECT conrelid::regclass::text, quote_ident(conname), pg_get_constraintdef(oid)"
        f" FROM pg_constraint WHERE contype = 'f' AND connamespace = {schema} ORDER BY 1, 2"
    ).fetchall()
    for name, _ in indexes:
        raw.execute(f"DROP INDEX {name}")
    for table, name, _ in keys:
        raw.execute(f"ALTER TABLE {table} DROP CONSTRAINT {name}")
    again = [definition for _, definition in indexes]
    again += [f"ALTER TABLE {table} ADD CONSTRAINT {name} {rule}" for table, name, rule in keys]
    return again


#: The item's columns each of its department rows keeps a copy of.
_COPIED = "batch_id, category, status, deadline, deadline_kind, deadline_ongoing"


def _copied(table: str) -> str:
    return ", ".join(f"{table}.{c}" for c in _COPIED.split(", "))


def _shared_columns(source: Store, target: Store, table: str) -> list[str]:
    theirs = [c for c in _columns(source, table) if c != "rowid"]
    ours = [c for c in _columns(target, table) if c != "rowid"]
    if set(theirs) != set(ours):
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "两个台账的“{table}”表字段不一致（可能由不同版本的 RectDesk 建立），无法复制。",
            ),
            f"source {theirs}, target {ours}",
            table=table,
        )
    if _has_rowid(source, table) and _has_rowid(target, table):
        return ["rowid", *ours]
    return ours


def _empty(target: Store, tables: list[str]) -> None:
    """Remove every row of the ledger's tables, inside the caller's transaction."""
    if target.dialect.postgres:
        names = ", ".join(f'"{t}"' for t in tables)
        target.db.conn.raw.execute(f"TRUNCATE {names}".encode())  # type: ignore[attr-defined]
        return
    for table in reversed(tables):
        target.db.conn.execute(f'DELETE FROM "{table}"')
    for table in DERIVED:
        target.db.conn.execute(f'DELETE FROM "{table}"')


def _refuse_non_empty(target: Store, tables: list[str]) -> None:
    for table in tables:
        if target._scalar(f'SELECT 1 FROM "{table}" LIMIT 1') is not None:
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "目标台账里已经有数据（{table}），复制只能写入空台账，"
                    "以免混入或覆盖；请换一个新的数据文件或空数据库。",
                ),
                table=table,
            )


def _verify_derived(source: Store, target: Store) -> None:
    for table in DERIVED:
        sql = f'SELECT department_id, status, n FROM "{table}" WHERE n <> 0'
        theirs = _checksum(tuple(r) for r in source.db.execute(sql).fetchall())
        ours = _checksum(tuple(r) for r in target.db.execute(sql).fetchall())
        if (theirs.count, theirs.digest) != (ours.count, ours.digest):
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "复制后各科室的统计与原台账不一致，已全部撤回，目标台账没有改动；请重试。",
                ),
                f"{table}: source {theirs.count}, target {ours.count}",
            )


def _continue_numbering(target: Store) -> None:
    """A server numbers new rows after the copied ones (a file does so by itself)."""
    if not target.dialect.postgres:
        return
    raw = target.db.conn.raw  # type: ignore[attr-defined]
    for table, column in raw.execute(
        "SELECT c.relname, a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
        " WHERE c.relnamespace = current_schema()::regnamespace AND a.attidentity <> ''"
    ).fetchall():
        raw.execute(
            f"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'),"
            f' coalesce((SELECT max("{column}") FROM "{table}"), 0) + 1, false)'
        )


# -- evidence files ------------------------------------------------------------------------


def _files_dir(store: Store) -> Path | None:
    try:
        return store.files_dir
    except UserError:
        return None


def _copy_files(source: Store, target: Store, report: CopyReport) -> list[Path]:
    """Copy the evidence folder's files; the list of files made (removed if the copy fails)."""
    wanted = [
        (str(r[0]), int(r[1]), str(r[2]))
        for r in source.db.execute("SELECT stored_path, size, sha256 FROM attachments").fetchall()
    ]
    origin, destination = _files_dir(source), _files_dir(target)
    if origin is None or not origin.is_dir():
        if wanted:
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "原台账有佐证材料，但找不到它们所在的文件夹，无法复制；"
                    "请用 --source-files 指定原台账的佐证材料文件夹。",
                )
            )
        return []
    files = [p for p in sorted(origin.rglob("*")) if p.is_file()]
    if not files:
        return []
    if destination is None:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "原台账有佐证材料等文件，目标台账还没有指定存放它们的文件夹；"
                "请用 --target-files 指定一个各台电脑都能访问的文件夹。",
            )
        )
    made: list[Path] = []
    try:
        for path in files:
            relative = path.relative_to(origin)
            copy = destination / relative
            if copy.exists():
                raise UserError(
                    QT_TRANSLATE_NOOP(
                        "Errors", "目标文件夹里已有同名文件“{name}”，复制只能写入空文件夹。"
                    ),
                    name=relative.as_posix(),
                )
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, copy)
            made.append(copy)
            report.files += 1
            report.file_bytes += copy.stat().st_size
        for stored, size, sha256 in wanted:
            copy = destination / stored
            if not copy.is_file() or copy.stat().st_size != size or _sha256(copy) != sha256:
                raise UserError(
                    QT_TRANSLATE_NOOP(
                        "Errors", "佐证材料“{name}”复制后核对不一致（或原文件已缺失），已全部撤回。"
                    ),
                    name=stored,
                )
    except OSError as exc:
        for path in reversed(made):
            path.unlink(missing_ok=True)
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "复制佐证材料时出错，请检查目标文件夹的空间和权限。"),
            str(exc),
        ) from exc
    except BaseException:
        for path in reversed(made):
            path.unlink(missing_ok=True)
        raise
    return made


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
