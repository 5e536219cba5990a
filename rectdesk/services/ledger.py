"""Opening the ledger: the one place that knows which engine keeps it.

A ledger is a store file on this computer (the default) or a database on the office's
PostgreSQL server, named by an address such as ``postgresql://clerk@192.168.1.10:5432/ledger``.
"""

from __future__ import annotations

from pathlib import Path

from rectdesk.domain.errors import QT_TRANSLATE_NOOP, StoreMissingError, UserError, localized
from rectdesk.domain.ledger import Capability, LedgerStore
from rectdesk.store import Store
from rectdesk.store.pg import is_server_url
from rectdesk.store.targets import describe_target, open_store


def is_server(target: Path | str) -> bool:
    """Whether ``target`` names a server ledger rather than a store file."""
    return is_server_url(target)


def describe(target: Path | str) -> str:
    """How to name the ledger to the clerk: the file's path, or the server (never a password)."""
    return describe_target(target)


def open_ledger(
    target: Path | str,
    *,
    readonly: bool = False,
    create: bool = True,
    verify: bool = False,
    files_dir: Path | str | None = None,
) -> LedgerStore:
    """Open (and bring up to date) the ledger kept at ``target``.

    Raises StoreLockedError when another program writes to a store file, UserError with a
    sentence for the clerk when the ledger cannot be opened. A missing file is made only with
    ``create``; ``verify`` runs a quick check first. ``files_dir`` is a server ledger's shared
    evidence folder (a store file keeps its evidence beside it).
    """
    if is_server(target):
        return open_store(target, readonly=readonly, create=create, verify=verify,
                          files_dir=files_dir)  # fmt: skip
    return open_store(Path(target), readonly=readonly, create=create, verify=verify)


def memory_ledger() -> LedgerStore:
    """A throw-away ledger in memory (previews, the smoke test's scratch work)."""
    return Store.memory()


def is_file(store: LedgerStore) -> bool:
    """Whether the ledger is a store file on this computer (backups, checks, a lock)."""
    return Capability.FILE in store.capabilities


def try_server(target: str, *, files_dir: Path | str | None = None) -> str:
    """Try a server ledger read-only; a sentence saying what was found (UserError if not)."""
    if not is_server(target):
        raise UserError(QT_TRANSLATE_NOOP("Errors", "请填写以 postgresql:// 开头的服务器地址。"))
    if files_dir is not None and not Path(files_dir).is_dir():
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "找不到佐证材料文件夹“{folder}”，请确认这台电脑能访问它。"),
            folder=str(files_dir),
        )
    try:
        store = open_ledger(target, readonly=True, create=False)
    except StoreMissingError:
        return localized(
            QT_TRANSLATE_NOOP(
                "Errors",
                "连接成功：服务器上的数据库（{database}）还是空的，连接后将在这里新建台账。",
            ),
            database=describe(target),
        )
    with store:
        items = store.count_items()
        batches = len(store.batches())
    return localized(
        QT_TRANSLATE_NOOP(
            "Errors", "连接成功：服务器上的台账（{database}）有 {batches} 个批次、{items} 条事项。"
        ),
        database=describe(target),
        batches=batches,
        items=items,
    )
