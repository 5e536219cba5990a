"""The store on a PostgreSQL server: the same Store, over another connection.

Everything the ledger does is Store's own code and the books' (rectdesk/store); this class only
opens the connection, migrates, and answers for what differs between a file and a server:
a server ledger has no file to copy, lock or check page by page (those capabilities are
absent, not imitated), and its evidence files live in a folder the office names.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from pathlib import Path

import psycopg

from rectdesk.domain.errors import QT_TRANSLATE_NOOP, UserError
from rectdesk.domain.ledger import Capability
from rectdesk.store.dialect import POSTGRES
from rectdesk.store.pg.connection import PgDatabase, connect, connection_lost
from rectdesk.store.pg.schema import (
    build_indexes,
    ensure_character_index,
    ensure_search_index,
    may_write,
    migrate,
    search_index_ready,
)
from rectdesk.store.store import Store

log = logging.getLogger(__name__)


class PgStore(Store):
    """A ledger in a PostgreSQL database."""

    db: PgDatabase  # type: ignore[assignment]

    def __init__(
        self, db: PgDatabase, url: str, readonly: bool, files_dir: Path | None = None
    ) -> None:
        super().__init__(db, None, readonly)  # type: ignore[arg-type]
        self.dialect = POSTGRES
        self._url = url
        self._files = files_dir
        #: Where the ledger is, for messages (user, host, database; never a password).
        self.target = db.target
        #: Whether searches of three characters and more use the trigram index.
        self.search_indexed = False

    @classmethod
    def open(  # type: ignore[override]
        cls,
        url: str,
        *,
        readonly: bool = False,
        create: bool = True,
        verify: bool = False,
        files_dir: Path | str | None = None,
    ) -> PgStore:
        """Connect, migrate (unless read-only) and make the search index where the server can.

        ``verify`` runs check() first, as a file's quick check would; ``files_dir`` is the
        folder (shared by every PC) where evidence files are kept.
        """
        db = connect(url, readonly=readonly)
        try:
            # A leader's account, granted only SELECT by the administrator, opens read-only:
            # the window and the command line then say so instead of failing at each write.
            account_readonly = not readonly and not may_write(db)
            if account_readonly:
                readonly = True
                db.conn.raw.execute("SET default_transaction_read_only = on")
            migrate(db, readonly=readonly, create=create)
            store = cls(db, url, readonly, Path(files_dir) if files_dir is not None else None)
            store.account_readonly = account_readonly
            store.search_indexed = search_index_ready(db) if readonly else ensure_search_index(db)
            if not readonly:
                ensure_character_index(db)
            if verify:
                problems = store.check()
                if problems:
                    raise UserError(
                        QT_TRANSLATE_NOOP(
                            "Errors", "服务器上的台账（{where}）有不一致的地方，请联系管理员检查。"
                        ),
                        "; ".join(problems[:5]),
                        where=db.target,
                    )
        except psycopg.OperationalError as exc:
            db.close()
            raise connection_lost(db.target, exc) from exc
        except BaseException:
            db.close()
            raise
        log.info("opened server ledger %s", db.target)
        return store

    def close(self) -> None:
        with contextlib.suppress(psycopg.Error):
            self.db.close()

    def _check_writable(self) -> None:
        if self.readonly:
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "这是台账服务器（{where}）的只读连接：只能查看和打印，不能修改。"
                    "要修改，请用有修改权限的账号连接。",
                ),
                where=self.target,
            )

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Store]:
        """One user action: everything inside commits together or not at all."""
        self._check_writable()
        try:
            with self.db.atomic():
                yield self
        except psycopg.OperationalError as exc:
            raise connection_lost(self.target, exc) from exc

    # -- what a server has, and what it has not -------------------------------------------

    @property
    def capabilities(self) -> frozenset[Capability]:
        """More connections, yes; a file to copy, lock or check page by page, no."""
        return frozenset({Capability.CONNECTIONS})

    @property
    def files_dir(self) -> Path:
        """The shared folder for evidence files; a plain sentence when none was named."""
        if self._files is None:
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "这个服务器台账还没有指定存放佐证材料的共享文件夹，不能添加或打开佐证材料；"
                    "请在连接设置里选一个各台电脑都能访问的文件夹。",
                )
            )
        return self._files

    def reader(self) -> PgStore:
        """A read-only connection of its own, for a background thread (closed by the caller)."""
        return PgStore.open(self._url, readonly=True, create=False, files_dir=self._files)

    def worker_writer(self) -> PgStore:
        """A second writable connection, for one long write on a worker thread."""
        if self.readonly:
            raise ValueError("a background writer needs a writable connection")
        return PgStore.open(self._url, create=False, files_dir=self._files)

    def build_indexes(self, statements: list[str]) -> None:
        """Run CREATE INDEX statements side by side, each over a connection of its own."""
        build_indexes(self.db, statements, lambda: connect(self._url))

    def change_stamp(self) -> object:
        """The server's next transaction number: it moves on whenever anyone commits a write.

        One call, no table read. Writes to other databases on the same server move it too
        (a refresh for nothing, never a change missed).
        """
        return self._scalar("SELECT txid_snapshot_xmax(txid_current_snapshot())")

    def reconnect(self) -> None:
        """A new connection after the server came back; ConnectionLostError while it is away."""
        try:
            fresh = connect(self._url, readonly=self.readonly)
        except UserError as exc:
            raise connection_lost(self.target, exc) from exc
        old, self.db = self.db, fresh
        with contextlib.suppress(psycopg.Error):
            old.close()
        log.info("reconnected to server ledger %s", self.target)

    def _suspend_search_trigger(self) -> str | None:
        return None  # no SQLite search index to fill by hand here

    def check(self) -> list[str]:
        """Whether the copies and counts the triggers keep agree with the items (empty: sound).

        A server keeps its own pages and foreign keys sound; what it cannot know is that the
        per-department copies and counts RectDesk keeps by trigger still match the items.
        """
        problems: list[str] = []
        stale = self._scalar(
            "SELECT count(*) FROM item_departments d JOIN items i ON i.id = d.item_id"
            " WHERE d.batch_id IS DISTINCT FROM i.batch_id"
            " OR d.category IS DISTINCT FROM i.category OR d.status IS DISTINCT FROM i.status"
            " OR d.deadline IS DISTINCT FROM i.deadline"
            " OR d.deadline_kind IS DISTINCT FROM i.deadline_kind"
            " OR d.deadline_ongoing IS DISTINCT FROM i.deadline_ongoing"
        )
        if stale:
            problems.append(f"department copies: {stale} assignments differ from their items")
        wrong = self._scalar(
            "SELECT count(*) FROM (SELECT department_id, coalesce(status, '') AS status,"
            " count(*) AS n FROM item_departments GROUP BY 1, 2) AS real"
            " FULL JOIN (SELECT * FROM department_status_counts WHERE n <> 0) AS kept"
            " USING (department_id, status) WHERE real.n IS DISTINCT FROM kept.n"
        )
        if wrong:
            problems.append(f"department counts: {wrong} counts differ from the assignments")
        return problems
