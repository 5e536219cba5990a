"""A PostgreSQL connection that speaks to the store as its SQLite connection does.

The store and its books run their SQL through ``db.execute(sql, params)`` with ``?`` marks,
read ``lastrowid``, set ``row_factory`` for rows by column name, and group writes in
``db.atomic()``. ``PgDatabase`` gives them the same, so their SQL is written once:

- ``?`` becomes psycopg's ``%s`` (and a literal ``%`` is doubled), outside quoted text only;
- an INSERT into a table with a row id returns it (``RETURNING``), which becomes ``lastrowid``;
- ``atomic()`` opens a transaction, or a savepoint inside one;
- a PRAGMA that sets something SQLite-only is skipped (it has no meaning on a server); one that
  reads, or any other SQLite-only statement, raises at once instead of pretending.

Booleans are bound as 0/1, as SQLite stores them. Text holding the NUL character, which
PostgreSQL cannot store, is refused with a plain sentence.
"""

from __future__ import annotations

import contextlib
import re
import secrets
from collections.abc import Iterator, Sequence
from typing import Any

import psycopg
from psycopg.conninfo import conninfo_to_dict
from psycopg.pq import TransactionStatus

from rectdesk.domain.errors import QT_TRANSLATE_NOOP, ConnectionLostError, UserError, localized
from rectdesk.store.dialect import POSTGRES
from rectdesk.store.pg.liveness import Watch, WatchedConnection

#: Quoted text and names pass unchanged; ``?`` and ``%`` outside them are rewritten.
_TOKENS = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|--[^\n]*|\?|%")
_INSERT = re.compile(r'^\s*INSERT\s+INTO\s+"?([A-Za-z_][A-Za-z0-9_]*)"?', re.IGNORECASE)
_SQLITE_ONLY = re.compile(r"\bsqlite_master\b|^\s*INSERT\s+OR\b|^\s*REPLACE\b", re.IGNORECASE)
_CACHE_LIMIT = 4000
#: The server's side of a vanished clerk: its TCP gives up on the clerk's PC within half a minute
#: (not the operating system's two hours), so the half-done transaction is rolled back and the
#: rows it locked are free for the other clerks. Only the settings the server knows are set
#: (PostgreSQL 12 added tcp_user_timeout; kindred servers may lack some).
_SERVER_SIDE = (
    "SELECT set_config(s.name, s.value, false) FROM (VALUES ('tcp_keepalives_idle', '10'),"
    " ('tcp_keepalives_interval', '5'), ('tcp_keepalives_count', '3'),"
    " ('tcp_user_timeout', '20000')) AS s(name, value)"
    " WHERE s.name IN (SELECT name FROM pg_settings)"
)


def translate(sql: str) -> str:
    """The statement with psycopg's placeholders (``?`` → ``%s``, ``%`` → ``%%``)."""

    def replace(match: re.Match[str]) -> str:
        token = match.group()
        if token == "?":
            return "%s"
        if token == "%":
            return "%%"
        return token

    return _TOKENS.sub(replace, sql)


def describe(target: str) -> str:
    """A server ledger's name for messages and logs: user, host and database, never a password."""
    try:
        info = conninfo_to_dict(target)
    except psycopg.ProgrammingError:
        return localized(QT_TRANSLATE_NOOP("Errors", "（无法解析的服务器地址）"))
    host = str(info.get("host") or "localhost")
    port = f":{info['port']}" if info.get("port") else ""
    user = f"{info['user']}@" if info.get("user") else ""
    return f"{user}{host}{port}/{info.get('dbname') or ''}"


def connection_lost(where: str, exc: BaseException) -> ConnectionLostError:
    """The sentence for a server that went away mid-work (nothing half-written stays)."""
    return ConnectionLostError(
        QT_TRANSLATE_NOOP(
            "Errors",
            "与台账服务器（{where}）的连接断开了（网络中断或服务器重启）：断开时做的修改没有保存，"
            "已保存的数据不受影响；服务器恢复后会自动重新连接，也可以点“重试”。",
        ),
        _first_line(exc),
        where=where,
    )


def _bindable(params: Sequence[Any] | None) -> list[Any]:
    values = list(params or ())
    for n, value in enumerate(values):
        if type(value) is bool:
            values[n] = int(value)
        elif type(value) is str and "\x00" in value:
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "要保存的文字里有一个空字符（代码为 0 的控制字符），服务器上的台账不能保存它；"
                    "请检查来源表格，删去这个字符后重试。",
                )
            )
    return values


class Row:
    """A result row read by position or by column name, like ``sqlite3.Row``."""

    __slots__ = ("_index", "_values")

    def __init__(self, index: dict[str, int], values: Sequence[Any]) -> None:
        self._index = index
        self._values = tuple(values)

    def __getitem__(self, key: int | str | slice) -> Any:
        if isinstance(key, str):
            try:
                return self._values[self._index[key]]
            except KeyError:
                return self._values[self._index[key.lower()]]
        return self._values[key]

    def keys(self) -> list[str]:
        return list(self._index)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __repr__(self) -> str:
        return f"Row({dict(zip(self._index, self._values, strict=False))!r})"


class PgCursor:
    """The rows of one statement, read at once (the store reads every result whole)."""

    def __init__(
        self,
        rows: list[tuple[Any, ...]],
        names: list[str],
        rowcount: int,
        lastrowid: int | None,
    ) -> None:
        self._rows = rows
        self._next = 0
        self.description = [(name, None, None, None, None, None, None) for name in names]
        self.rowcount = rowcount
        self.lastrowid = lastrowid
        #: Set (to anything, ``sqlite3.Row`` included) to read rows by column name.
        self.row_factory: Any = None

    def _shape(self, values: tuple[Any, ...]) -> Any:
        if self.row_factory is None:
            return values
        index: dict[str, int] = {}
        for n, column in enumerate(self.description):
            index.setdefault(column[0], n)
        return Row(index, values)

    def fetchone(self) -> Any:
        if self._next >= len(self._rows):
            return None
        self._next += 1
        return self._shape(self._rows[self._next - 1])

    def fetchall(self) -> list[Any]:
        rest = self._rows[self._next :]
        self._next = len(self._rows)
        return [self._shape(values) for values in rest]

    def __iter__(self) -> Iterator[Any]:
        while (row := self.fetchone()) is not None:
            yield row


class PgConnection:
    """The few connection calls the store makes directly (``db.conn``)."""

    def __init__(self, raw: psycopg.Connection[Any], where: str = "") -> None:
        self.raw = raw
        #: The server as named in messages (no password).
        self.where = where
        self._translated: dict[str, tuple[str, str | None]] = {}
        #: table -> the column an INSERT returns as lastrowid (None: the table has none).
        self._row_id: dict[str, str | None] = {}

    @property
    def in_transaction(self) -> bool:
        return self.raw.info.transaction_status in (
            TransactionStatus.INTRANS, TransactionStatus.INERROR, TransactionStatus.ACTIVE,
        )  # fmt: skip

    def _prepare(self, sql: str) -> tuple[str, str | None]:
        """(translated SQL, the id column its INSERT returns)."""
        found = self._translated.get(sql)
        if found is not None:
            return found
        if _SQLITE_ONLY.search(sql):
            raise NotImplementedError(f"SQLite-only statement on a server ledger: {sql[:80]}")
        returned: str | None = None
        insert = _INSERT.match(sql)
        text = translate(sql)
        if insert and " RETURNING " not in sql.upper():
            returned = self.row_id_column(insert.group(1).lower())
            if returned is not None:
                text += f' RETURNING "{returned}"'
        if len(self._translated) > _CACHE_LIMIT:
            self._translated.clear()
        self._translated[sql] = (text, returned)
        return text, returned

    def row_id_column(self, table: str) -> str | None:
        """The column that names a row of ``table`` (its integer key, else rowid), if any."""
        if table in self._row_id:
            return self._row_id[table]
        found = self.raw.execute(
            "SELECT a.attname, format_type(a.atttypid, a.atttypmod), i.indnatts"
            " FROM pg_index i JOIN pg_attribute a"
            " ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]"
            " WHERE i.indrelid = to_regclass(%s) AND i.indisprimary",
            [table],
        ).fetchone()
        column: str | None = None
        if found is not None and found[2] == 1 and found[1] in ("bigint", "integer"):
            column = str(found[0])
        elif self.raw.execute(
            "SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass(%s) AND attname = 'rowid'"
            " AND NOT attisdropped",
            [table],
        ).fetchone():
            column = "rowid"
        if found is not None or column is not None:
            self._row_id[table] = column  # (a table not made yet is looked up again)
        return column

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> PgCursor:
        stripped = sql.lstrip()
        if stripped[:6].upper() == "PRAGMA":
            if "=" in stripped:
                return PgCursor([], [], -1, None)  # an SQLite setting: nothing to set here
            raise NotImplementedError(f"SQLite PRAGMA read on a server ledger: {sql[:80]}")
        values = _bindable(params)
        try:
            text, returned = self._prepare(sql)
            cursor = self.raw.execute(text, values)
            names = [column.name for column in cursor.description or ()]
            rows = cursor.fetchall() if cursor.description else []
        except psycopg.OperationalError as exc:
            raise connection_lost(self.where, exc) from exc
        lastrowid = None
        if returned is not None:
            lastrowid = int(rows[0][0]) if rows and rows[0][0] is not None else None
            rows, names = [], []
        return PgCursor(rows, names, cursor.rowcount, lastrowid)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if not rows:
            return
        text = translate(sql)
        try:
            with self.raw.cursor() as cursor:
                cursor.executemany(text, [_bindable(r) for r in rows])
        except psycopg.OperationalError as exc:
            raise connection_lost(self.where, exc) from exc

    def close(self) -> None:
        self.raw.close()


class PgDatabase:
    """What the store uses of ``sqlite_utils.Database``, on a PostgreSQL connection."""

    dialect = POSTGRES

    def __init__(self, raw: psycopg.Connection[Any], target: str) -> None:
        #: The database as named in messages (no password).
        self.target = describe(target)
        self.conn = PgConnection(raw, self.target)

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> PgCursor:
        return self.conn.execute(sql, params)

    def query(self, sql: str, params: Sequence[Any] | None = None) -> Iterator[dict[str, Any]]:
        cursor = self.execute(sql, params)
        names = [d[0] for d in cursor.description]
        for values in cursor.fetchall():
            yield dict(zip(names, values, strict=True))

    @contextlib.contextmanager
    def atomic(self) -> Iterator[PgDatabase]:
        """A transaction, or a savepoint when one is open: all of it happens or none.

        A connection lost on the way is one sentence (ConnectionLostError): the server rolls
        back what it had of the transaction, so nothing half-written stays.
        """
        try:
            with self._atomic() as db:
                yield db
        except psycopg.OperationalError as exc:
            raise connection_lost(self.target, exc) from exc

    @contextlib.contextmanager
    def _atomic(self) -> Iterator[PgDatabase]:
        raw = self.conn.raw
        if self.conn.in_transaction:
            name = f"rectdesk_{secrets.token_hex(8)}"
            raw.execute(f"SAVEPOINT {name}")
            try:
                yield self
            except BaseException:
                if self.conn.in_transaction and not raw.closed:
                    raw.execute(f"ROLLBACK TO SAVEPOINT {name}")
                    raw.execute(f"RELEASE SAVEPOINT {name}")
                raise
            raw.execute(f"RELEASE SAVEPOINT {name}")
            return
        raw.execute("BEGIN")
        try:
            yield self
        except BaseException:
            with contextlib.suppress(psycopg.Error):
                raw.execute("ROLLBACK")
            raise
        try:
            raw.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(psycopg.Error):
                raw.execute("ROLLBACK")
            raise

    def table_names(self) -> list[str]:
        """The tables of the ledger's schema, by name."""
        found = self.conn.raw.execute(
            "SELECT c.relname FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace"
            " AND c.relkind IN ('r', 'p') ORDER BY c.relname"
        ).fetchall()
        return [str(r[0]) for r in found]

    def close(self) -> None:
        self.conn.close()


def connect(target: str, *, readonly: bool = False) -> PgDatabase:
    """Connect to a server ledger; a plain sentence when the server cannot be reached.

    Passwords come from libpq itself (its password file, PGPASSFILE, or a prompt the caller
    runs): RectDesk never writes one anywhere.
    """
    where = describe(target)
    options: dict[str, Any] = {"autocommit": True, "application_name": "RectDesk"}
    try:
        given = conninfo_to_dict(target)
    except psycopg.ProgrammingError as exc:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "服务器地址的写法不对，请按“postgresql://用户名@服务器:端口/数据库名”填写。",
            ),
            str(exc),
        ) from exc
    if "connect_timeout" not in given:
        # Long enough for a VPN; a retry on a silent line freezes the window no longer.
        options["connect_timeout"] = 5
    # An idle connection behind a pulled cable dies within half a minute, not TCP's two hours
    # (a wait for an answer is bounded sooner, by the liveness watch).
    for key, value in (("keepalives", 1), ("keepalives_idle", 15), ("keepalives_interval", 5),
                       ("keepalives_count", 3), ("tcp_user_timeout", 30000)):  # fmt: skip
        given.setdefault(key, value)
        options.setdefault(key, given[key])
    asking = dict(options)
    if readonly:
        options["options"] = (str(given.get("options", "")) +
                              " -c default_transaction_read_only=on").strip()  # fmt: skip
    try:
        raw = WatchedConnection.connect(target, **options)
    except psycopg.OperationalError as exc:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "无法连接台账服务器（{where}）：请检查服务器地址、端口、数据库名和用户名是否写对，"
                "服务器是否已启动、是否允许这台电脑连接；需要密码时，请把它存在 PostgreSQL 的"
                "密码文件（pgpass）里，RectDesk 不保存密码。",
            ),
            _first_line(exc),
            where=where,
        ) from exc
    encoding = raw.execute("SHOW server_encoding").fetchone()
    if encoding is None or str(encoding[0]).upper() not in ("UTF8", "UTF-8"):
        raw.close()
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "服务器上的数据库（{where}）不是 UTF8 编码，存不下中文；"
                "请让管理员新建一个 UTF8 编码的数据库（ENCODING 'UTF8'）后再连接。",
            ),
            f"server_encoding={encoding[0] if encoding else None}",
            where=where,
        )
    raw.execute("SET client_encoding = 'UTF8'")
    with contextlib.suppress(psycopg.ProgrammingError, psycopg.DataError):
        raw.execute(_SERVER_SIDE)  # a kindred server that refuses one: connect all the same
    raw.watch = Watch(target, asking, raw.info.backend_pid, raw.fileno())
    # psycopg prepares a statement run five times; the server may then plan it once for any
    # parameters, and a search pattern or a filter decides the right plan (a rare fragment's
    # page went from 0.5 s to 2 s that way). Planning afresh costs well under a millisecond.
    raw.execute("SET plan_cache_mode = force_custom_plan")
    return PgDatabase(raw, target)


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
