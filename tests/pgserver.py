"""A throw-away PostgreSQL server for tests and benchmarks: ``python3 tests/pgserver.py start DIR``.

The server is made with ``initdb`` in a folder of its own, listens only on a Unix socket in
that folder (no TCP port), and runs with settings that trade durability for speed (fsync off):
it holds nothing worth keeping. PostgreSQL refuses to run as root, so when the tests run as
root the server runs as the unprivileged ``nobody`` account, which owns the folder.

From the command line, ``start DIR`` makes and starts a server in DIR (which must not exist or
be empty) and prints the URL of its ``postgres`` database; ``stop DIR`` stops it and removes DIR.
"""

from __future__ import annotations

import atexit
import contextlib
import glob
import os
import pwd
import secrets
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from rectdesk.store import Store
from rectdesk.store.targets import open_store

#: The superuser initdb makes (trusted on the socket, which only this machine can reach).
SUPERUSER = "rectdesk"
#: The account the server runs as when we are root.
UNPRIVILEGED = "nobody"
#: Settings for a server that holds only test data.
FAST_SETTINGS = {
    "listen_addresses": "''",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "60",
    "shared_buffers": "128MB",
    "max_wal_size": "1GB",
    "log_min_messages": "warning",
}


def find_bindir() -> Path | None:
    """The folder holding initdb, pg_ctl and postgres, or None when the server is absent.

    RECTDESK_PG_BIN wins; then Debian's versioned folders (newest first), then PATH.
    """
    chosen = os.environ.get("RECTDESK_PG_BIN")
    candidates = [Path(chosen)] if chosen else []
    debian = sorted(
        glob.glob("/usr/lib/postgresql/*/bin"),
        key=lambda p: int(Path(p).parent.name) if Path(p).parent.name.isdigit() else 0,
        reverse=True,
    )
    candidates += [Path(p) for p in debian]
    candidates += [Path(p) for p in sorted(glob.glob("/usr/pgsql-*/bin"), reverse=True)]
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(Path(on_path).parent)
    for folder in candidates:
        if all((folder / name).is_file() for name in ("initdb", "pg_ctl", "postgres")):
            return folder
    return None


def _utf8_locale() -> str:
    """A UTF-8 locale the machine has, so that pg_trgm sees Chinese characters as letters."""
    try:
        found = subprocess.run(["locale", "-a"], capture_output=True, text=True, check=False)
        names = found.stdout.split()
    except OSError:
        names = []
    for wanted in ("C.UTF-8", "C.utf8", "en_US.UTF-8", "en_US.utf8", "zh_CN.UTF-8", "zh_CN.utf8"):
        if wanted in names:
            return wanted
    return "C"


@dataclass
class PgServer:
    """One running server, rooted in ``root`` (data, socket and log inside)."""

    root: Path
    bindir: Path

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def socket_dir(self) -> Path:
        return self.root / "socket"

    @property
    def log(self) -> Path:
        return self.root / "server.log"

    def url(self, dbname: str = "postgres", user: str = SUPERUSER) -> str:
        """A libpq URL reaching this server through its socket."""
        return f"postgresql://{user}@/{dbname}?host={self.socket_dir}"

    # -- running programs as the server's owner ---------------------------------------------

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        command = [str(self.bindir / args[0]), *args[1:]]
        env = {**os.environ, "HOME": str(self.root), "LC_ALL": "C.UTF-8", "PGTZ": "UTC"}
        env.pop("PGDATABASE", None)
        if os.geteuid() == 0:
            account = pwd.getpwnam(UNPRIVILEGED)
            command = [
                "setpriv", f"--reuid={account.pw_uid}", f"--regid={account.pw_gid}",
                "--clear-groups", "--", *command,
            ]  # fmt: skip
        return subprocess.run(
            command, env=env, cwd=self.root, capture_output=True, text=True, check=check
        )

    # -- life cycle -------------------------------------------------------------------------

    @classmethod
    def create(cls, root: Path | None = None, bindir: Path | None = None) -> PgServer:
        """initdb into ``root`` (a new temporary folder by default) and start the server."""
        bindir = bindir or find_bindir()
        if bindir is None:
            raise RuntimeError("no PostgreSQL server programs (initdb, pg_ctl) found")
        if root is None:
            root = Path(tempfile.mkdtemp(prefix="rectdesk-pg-"))
        root.mkdir(parents=True, exist_ok=True)
        if any(root.iterdir()):
            raise RuntimeError(f"{root} is not empty")
        server = cls(root, bindir)
        try:
            server.socket_dir.mkdir()
            if os.geteuid() == 0:
                account = pwd.getpwnam(UNPRIVILEGED)
                for path in (root, server.socket_dir):
                    os.chown(path, account.pw_uid, account.pw_gid)
            root.chmod(0o700)
            server._run(
                "initdb", "-D", str(server.data), "-U", SUPERUSER, "--auth=trust",
                "--encoding=UTF8", f"--locale={_utf8_locale()}", "--no-sync", "--no-instructions",
            )  # fmt: skip
            settings = dict(FAST_SETTINGS, unix_socket_directories=f"'{server.socket_dir}'")
            with (server.data / "postgresql.conf").open("a", encoding="utf-8") as conf:
                conf.write("\n# test server\n")
                conf.writelines(f"{key} = {value}\n" for key, value in settings.items())
            server._run("pg_ctl", "-D", str(server.data), "-l", str(server.log), "-w", "start")
        except subprocess.CalledProcessError as exc:
            message = f"{exc.cmd[-1] if exc.cmd else ''}: {exc.stderr or exc.stdout}"
            if server.log.exists():
                message += "\n" + server.log.read_text(errors="replace")[-2000:]
            server.remove()
            raise RuntimeError(f"PostgreSQL test server did not start: {message}") from exc
        except BaseException:
            server.remove()
            raise
        return server

    def stop(self) -> None:
        """Stop the server (immediately: it holds nothing worth keeping) and remove its folder."""
        if (self.data / "postmaster.pid").exists():
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop", check=False)
        self.remove()

    def halt(self) -> None:
        """Stop the server at once, as a crash or a pulled cable would; the data stays."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")

    def resume(self) -> None:
        """Start a halted server again (it recovers from its log, as after a restart)."""
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "start")

    def remove(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)

    # -- databases --------------------------------------------------------------------------

    def execute(self, sql: str, dbname: str = "postgres") -> None:
        """Run one statement as the superuser, outside a transaction."""
        import psycopg

        with psycopg.connect(self.url(dbname), autocommit=True) as conn:
            conn.execute(sql.encode())

    def create_database(self, name: str, template: str = "template0") -> str:
        """A new, empty database (a copy of ``template``); its URL."""
        self.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        return self.url(name)

    def drop_database(self, name: str) -> None:
        with contextlib.suppress(Exception):
            self.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# -- one server for a whole test session ------------------------------------------------------

_shared: PgServer | None = None
_template: str | None = None
#: The database each test's ledger is copied from: migrated once, search index included.
TEMPLATE = "rectdesk_ledger_template"


def shared_server() -> PgServer | None:
    """The session's server, started on first use and stopped when the process ends.

    None only when this machine has no server programs (the tests then skip, saying so);
    a server that is installed but fails to start is an error, not a skip.
    """
    global _shared
    if _shared is None:
        bindir = find_bindir()
        if bindir is None:
            return None
        _shared = PgServer.create(bindir=bindir)
        atexit.register(_stop_shared)
    return _shared


def _stop_shared() -> None:
    global _shared, _template
    if _shared is not None:
        _shared.stop()
    _shared, _template = None, None


def ledger_template(server: PgServer) -> str:
    """A migrated, empty ledger database to copy (CREATE DATABASE … TEMPLATE)."""
    global _template
    if _template is None:
        from rectdesk.store.pg.store import PgStore

        server.drop_database(TEMPLATE)
        server.create_database(TEMPLATE)
        PgStore.open(server.url(TEMPLATE)).close()
        _template = TEMPLATE
    return _template


def fresh_ledger_url(server: PgServer) -> tuple[str, str]:
    """(name, URL) of a new database holding an empty, migrated ledger."""
    name = f"ledger_{secrets.token_hex(6)}"
    return name, server.create_database(name, template=ledger_template(server))


def empty_ledger(url: str) -> None:
    """Remove every row of a ledger database, numbering starting again at 1."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT relname FROM pg_class WHERE relnamespace = current_schema()::regnamespace"
                " AND relkind = 'r' AND relname <> 'rectdesk_schema'"
            ).fetchall()
        ]
        names = ", ".join(f'"{t}"' for t in tables)
        conn.execute(f"TRUNCATE {names} RESTART IDENTITY CASCADE".encode())


# -- fixtures (imported by the conftest files of the folders whose tests use them) ------------

ENGINES = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def pg_server() -> PgServer:
    """One real PostgreSQL server for the whole session (skips only where none is installed)."""
    server = shared_server()
    if server is None:
        pytest.skip("PostgreSQL server programs (initdb, pg_ctl) are not installed here")
    return server


@pytest.fixture
def pg_url(pg_server: PgServer) -> Iterator[str]:
    """A new database holding an empty ledger, dropped after the test."""
    name, url = fresh_ledger_url(pg_server)
    yield url
    pg_server.drop_database(name)


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    """The engine a test runs on."""
    return str(request.param)


@pytest.fixture
def ledger(engine: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """An empty ledger: a store file, or a database on the session's server."""
    if engine == "sqlite":
        opened = Store.open(tmp_path / "ledger.sqlite3")
    else:
        opened = open_store(request.getfixturevalue("pg_url"), files_dir=tmp_path / "evidence")
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def new_ledger(engine: str, request: pytest.FixtureRequest) -> Callable[[], Store]:
    """Makes an empty ledger each call (for property tests: one per example); close it."""
    if engine == "sqlite":
        return Store.memory
    url = request.getfixturevalue("pg_url")

    def make() -> Store:
        empty_ledger(url)
        return open_store(url)

    return make


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("start", "stop"):
        print("usage: python3 tests/pgserver.py start|stop DIR", file=sys.stderr)
        return 2
    root = Path(argv[1]).resolve()
    if argv[0] == "start":
        server = PgServer.create(root)
        print(server.url())
        return 0
    bindir = find_bindir()
    if bindir is None:
        print("no PostgreSQL server programs found", file=sys.stderr)
        return 1
    PgServer(root, bindir).stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
