"""Backups of a server ledger: PostgreSQL's own dump (pg_dump's custom format), verified.

A server ledger is not a file on this computer, so it is not copied like one: ``pg_dump``
writes the whole database (items, ledger, history, settings …) into one file, which
``pg_restore --list`` must then read back completely before the backup counts as made.
Restoring replaces the ledger's tables in one transaction on the server: either all of the
dump is back, or nothing changed. Passwords come from libpq's own password file.

Where this computer has no PostgreSQL client (most clerks' Windows PCs), the backup is a
RectDesk data file instead: every row copied and checked table by table (copy-store), then
opened and checked again. It is restored the same way, in one transaction on the server.
Either kind holds the rows only: evidence files stay in the shared folder, which the server's
own backup or the office's file backup keeps.
"""

from __future__ import annotations

import datetime as dt
import glob
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from rectdesk.domain.errors import QT_TRANSLATE_NOOP, Message, UserError
from rectdesk.fileio import atomic_path, describe_os_error, format_size
from rectdesk.services import settings
from rectdesk.services.ledger import describe, is_server, open_ledger
from rectdesk.services.paths import data_dir

log = logging.getLogger(__name__)

#: Where the PostgreSQL client programs may be named explicitly.
BIN_ENV = "RECTDESK_PG_BIN"
#: The ending of a server backup: pg_dump's, or a RectDesk data file's.
SUFFIX = ".dump"
COPY_SUFFIX = ".sqlite3"
#: How long a dump or restore may take before it is given up (a large ledger takes minutes).
TIMEOUT_S = 3600

# What _run was doing, for its messages.
BACKING_UP = QT_TRANSLATE_NOOP("Errors", "备份服务器上的台账")
RESTORING = QT_TRANSLATE_NOOP("Errors", "恢复服务器上的台账")
CHECKING = QT_TRANSLATE_NOOP("Errors", "检查备份文件")


@dataclass(frozen=True)
class ServerBackup:
    """A verified dump of a server ledger."""

    path: Path
    size: int
    tables: int

    def describe(self) -> str:
        kind = "RectDesk 数据文件副本，" if self.path.suffix == COPY_SUFFIX else ""
        return f"{self.path.name}（{kind}{format_size(self.size)}，{self.tables} 张表）"


def find_tool(name: str) -> Path:
    """pg_dump or pg_restore: RECTDESK_PG_BIN, then PATH, then the usual install folders."""
    exe = name + (".exe" if sys.platform == "win32" else "")
    candidates: list[Path] = []
    named = os.environ.get(BIN_ENV, "").strip()
    if named:
        candidates.append(Path(named) / exe)
    on_path = shutil.which(name)
    if on_path:
        candidates.append(Path(on_path))
    patterns = ["/usr/lib/postgresql/*/bin", "/usr/pgsql-*/bin", "/opt/*/bin"]
    if sys.platform == "win32":
        programs = os.environ.get("PROGRAMFILES", r"C:\Program Files")
        patterns = [os.path.join(programs, "PostgreSQL", "*", "bin")]
    for pattern in patterns:
        found = sorted(glob.glob(pattern), key=_version, reverse=True)
        candidates += [Path(p) / exe for p in found]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise UserError(
        QT_TRANSLATE_NOOP(
            "Errors",
            "这台电脑上找不到 PostgreSQL 的 {program} 程序，不能备份或恢复服务器上的台账。"
            "请安装 PostgreSQL 客户端（Debian/麒麟/统信：postgresql-client），"
            "或用环境变量 {variable} 指出它所在的文件夹。",
        ),
        program=name,
        variable=BIN_ENV,
    )


def _version(folder: str) -> int:
    found = re.search(r"(\d+)", Path(folder).parent.name)
    return int(found.group(1)) if found else 0


def default_folder(target: str) -> Path:
    """Where backups of this server ledger go when no folder is named: per database."""
    name = re.sub(r"[^\w.-]+", "_", describe(target)).strip("_") or "server"
    return data_dir() / "server-backups" / name


def dump(target: str, folder: Path | None = None) -> ServerBackup:
    """A verified dump of the server ledger into ``folder``; nothing is left on failure."""
    if not is_server(target):
        raise UserError(QT_TRANSLATE_NOOP("Errors", "只有服务器上的台账才用这种方式备份。"))
    with open_ledger(target, readonly=True, create=False):
        pass  # the ledger is there and this program may read it, before a long dump starts
    folder = Path(folder) if folder is not None else default_folder(target)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    try:
        tool = find_tool("pg_dump")
    except UserError:
        log.info("no pg_dump here: the server ledger is backed up as a data file")
        return _copy_backup(target, folder, stamp)
    path = folder / f"rectdesk-{stamp}{SUFFIX}"
    with atomic_path(path) as part:
        _run([str(tool), "--format=custom", "--no-owner", "--no-privileges",
              f"--file={part}", "--dbname", target], BACKING_UP, describe(target))  # fmt: skip
        tables = verify(part)
    log.info("server ledger dumped: %s tables, %d bytes", tables, path.stat().st_size)
    return ServerBackup(path, path.stat().st_size, tables)


def _copy_backup(target: str, folder: Path, stamp: str) -> ServerBackup:
    """The server ledger copied into a new data file, checked, then put in place by rename."""
    from rectdesk.services.copying import copy_store

    path = folder / f"rectdesk-{stamp}{COPY_SUFFIX}"
    work = Path(tempfile.mkdtemp(prefix=f".rectdesk-{stamp}-", suffix=".part", dir=folder))
    try:
        made = work / path.name
        copy_store(target, made, files=False)
        tables = verify(made)
        os.replace(made, path)
    except OSError as exc:
        raise UserError(describe_os_error(exc, path), str(exc)) from exc
    finally:
        shutil.rmtree(work, ignore_errors=True)
    log.info("server ledger copied to a data file: %s tables, %d bytes", tables,
             path.stat().st_size)  # fmt: skip
    return ServerBackup(path, path.stat().st_size, tables)


def _verify_copy(path: Path) -> int:
    """Open a data-file backup read-only and check it whole; its number of tables."""
    from rectdesk.store import Store

    with Store.open(path, readonly=True, create=False) as copy:
        problems = copy.check()
        if problems:
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Errors", "备份文件“{name}”没有通过检查，不能用它恢复；请换一个备份。"
                ),
                "; ".join(problems[:3]),
                name=path.name,
            )
        return len(copy.db.table_names())


def verify(path: Path) -> int:
    """Read the whole backup back; its number of tables (UserError if bad)."""
    if path.suffix == COPY_SUFFIX:
        return _verify_copy(path)
    done = _run([str(find_tool("pg_restore")), "--list", str(path)], CHECKING, path.name)
    tables = sum(1 for line in done.splitlines() if " TABLE DATA " in line)
    if "rectdesk_schema" not in done or tables == 0:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "“{name}”不是 RectDesk 服务器台账的备份，不能用它恢复。"),
            name=path.name,
        )
    return tables


def restore(target: str, path: Path, *, actor: str | None = None) -> int:
    """Put a dump back over the server ledger in one transaction; the number of items after.

    The dump is verified first; the restored ledger's audit log says who restored which file.
    """
    if not is_server(target):
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "只有服务器上的台账才能用服务器台账的备份恢复。")
        )
    path = Path(path)
    if not path.is_file():
        raise UserError(QT_TRANSLATE_NOOP("Errors", "找不到备份文件“{path}”。"), path=str(path))
    verify(path)
    if path.suffix == COPY_SUFFIX:
        from rectdesk.services.copying import copy_store

        # Every row replaced in one transaction on the server, checked before it commits.
        copy_store(path, target, replace=True, files=False)
    else:
        _run([str(find_tool("pg_restore")), "--clean", "--if-exists", "--no-owner",
              "--no-privileges", "--single-transaction", "--exit-on-error",
              "--dbname", target, str(path)], RESTORING, describe(target))  # fmt: skip
    with open_ledger(target) as store, store.transaction():
        who = actor if actor is not None else settings.actor(store)
        store.audit(who, None, "restore", "backup", "", str(path))
        count = store.count_items()
    return count


def _run(command: list[str], what: str, where: str) -> str:
    """Run a PostgreSQL tool on ``where`` (a database or a file, for messages); its output."""
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=TIMEOUT_S, check=False,
            env={**os.environ, "PGCONNECT_TIMEOUT": os.environ.get("PGCONNECT_TIMEOUT", "10")},
        )  # fmt: skip
    except subprocess.TimeoutExpired as exc:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "{what}用时超过 {minutes} 分钟，已停止；请稍后重试。"),
            what=Message(what), minutes=TIMEOUT_S // 60,
        ) from exc  # fmt: skip
    except OSError as exc:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "无法运行 {program}，{what}没有完成。"),
            str(exc), program=Path(command[0]).name, what=Message(what),
        ) from exc  # fmt: skip
    if done.returncode != 0:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors", "{what}没有成功（{database}），台账没有改变；请检查网络和权限后重试。"
            ),
            done.stderr.strip().splitlines()[-1] if done.stderr.strip() else str(done.returncode),
            what=Message(what), database=where,
        )  # fmt: skip
    return done.stdout
