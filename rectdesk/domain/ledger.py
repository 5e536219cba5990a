"""The ledger as every part of the program sees it, whatever engine keeps it.

``LedgerStore`` is the one door to the data: the window and the command line hold a
``LedgerStore`` and never the class behind it; they write only through the services, which
open transactions. The SQLite file (rectdesk/store) is one implementation; engines differ in
what they can do beyond this (a store file can be copied, checked and locked; a server
cannot), and say so through ``capabilities`` instead of pretending.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

from rectdesk.domain.model import (
    Attachment,
    AuditEntry,
    Batch,
    BatchDraft,
    Item,
    ItemDraft,
    LedgerEntry,
    LedgerKind,
    Status,
)
from rectdesk.domain.query import ItemQuery


class Capability(enum.Enum):
    """What an engine can do beyond reading and writing the ledger."""

    #: The ledger is one file on this computer: it can be copied as a backup, restored by
    #: putting a copy back, checked page by page, and locked against a second writer.
    FILE = "file"
    #: Evidence files lie in a folder beside the ledger.
    FILES_BESIDE = "files_beside"
    #: More connections can be opened, for reading or for one long write off the window's
    #: thread (a ledger in memory has only its own).
    CONNECTIONS = "connections"


class LedgerStore(Protocol):
    """Reading and writing the ledger; every method speaks in domain records."""

    #: Opened for reading only (a leader's look, a folder the clerk may not write).
    readonly: bool
    #: Read-only because the account may only look (a leader's, on a server), not by choice.
    account_readonly: bool
    #: The file behind the ledger, None when it has none (in memory, on a server).
    path: Path | None
    #: Sentences for the clerk from opening (a stray file set aside, a write rolled back).
    notices: list[str]
    @property
    def capabilities(self) -> frozenset[Capability]:
        """What this engine can do beyond the protocol."""
        ...

    @property
    def files_dir(self) -> Path:
        """The folder that keeps evidence and source files (UserError where there is none)."""
        ...

    def close(self) -> None: ...
    def __enter__(self) -> LedgerStore: ...
    def __exit__(self, *exc: object) -> None: ...

    def transaction(self) -> contextlib.AbstractContextManager[Any]:
        """One user action: everything inside commits together or not at all."""
        ...

    # -- batches
    def add_batch(self, draft: BatchDraft, *, actor: str = "") -> int: ...
    def batches(self) -> list[Batch]: ...
    def batch(self, batch_id: int) -> Batch: ...
    def find_batch(self, name: str) -> Batch | None: ...
    def set_batch_source(self, batch_id: int, source_file: str, sha256: str) -> None: ...
    def delete_batch(self, batch_id: int, *, actor: str = "") -> None: ...

    # -- items
    def add_items(
        self, batch_id: int, drafts: Iterable[ItemDraft], *, actor: str = ""
    ) -> list[int]: ...
    def update_item(self, item_id: int, changes: dict[str, Any], *, actor: str = "") -> Item: ...
    def delete_items(self, item_ids: Sequence[int], *, actor: str = "") -> None: ...
    def claim_items(self, versions: Mapping[int, int]) -> None:
        """Inside a transaction: ConflictError unless each item is at the version given."""
        ...

    def item_versions(self, item_ids: Sequence[int]) -> dict[int, int]: ...
    def item(self, item_id: int) -> Item: ...
    def items(self, query: ItemQuery | None = None) -> list[Item]: ...
    def item_ids(self, query: ItemQuery | None = None) -> list[int]: ...
    def items_by_ids(self, item_ids: Sequence[int]) -> list[Item]: ...

    # -- counts
    def count_items(self, query: ItemQuery | None = None) -> int: ...
    def count_by_status(self, query: ItemQuery | None = None) -> dict[Status, int]: ...
    def count_by_category(self, query: ItemQuery | None = None) -> list[tuple[str, int]]: ...
    def count_by_department(self, query: ItemQuery | None = None) -> list[dict[str, Any]]: ...
    def departments(self) -> list[str]: ...
    def categories(self, batch_id: int | None = None) -> list[str]: ...

    # -- ledger entries and evidence
    def add_ledger_entry(
        self, item_id: int, on: dt.date, kind: LedgerKind, text: str, *, author: str = ""
    ) -> int: ...
    def ledger(self, item_id: int) -> list[LedgerEntry]: ...
    def delete_ledger_entry(self, entry_id: int, *, actor: str = "") -> None: ...
    def add_attachment(
        self, item_id: int, source: Path, *, ledger_id: int | None = None, actor: str = ""
    ) -> Attachment: ...
    def attachment(self, attachment_id: int) -> Attachment: ...
    def attachments(self, item_id: int) -> list[Attachment]: ...
    def attachment_path(self, attachment: Attachment) -> Path: ...

    # -- audit log, settings, templates
    def audit(
        self, actor: str, item_id: int | None, action: str, field: str, old: str, new: str
    ) -> None: ...
    def audit_log(self, item_id: int | None = None, *, limit: int = 1000) -> list[AuditEntry]: ...
    def setting(self, key: str, default: Any = None) -> Any: ...
    def set_setting(self, key: str, value: Any) -> None: ...
    def save_template(
        self, name: str, definition: dict[str, Any], *, base: str = "", builtin: bool = False
    ) -> int: ...
    def templates(self) -> list[dict[str, Any]]: ...
    def delete_template(self, name: str) -> None: ...

    def check(self) -> list[str]:
        """What is wrong with the stored ledger (empty when sound)."""
        ...

    # -- other clerks' changes
    def change_stamp(self) -> object:
        """A cheap mark that differs once anyone else has written to the ledger.

        Compare two marks read on the same connection (a background reader kept open):
        a different mark means something changed (a few false alarms are allowed; a missed
        change is not). Raises ConnectionLostError when a server ledger cannot be reached.
        """
        ...

    def reconnect(self) -> None:
        """Open the connection again after the server came back (nothing for a file)."""
        ...

    # -- background work
    def reader(self) -> LedgerStore:
        """A second, read-only connection for a background thread (closed by the caller)."""
        ...

    def worker_writer(self) -> LedgerStore:
        """A second writable connection, for one long write on a worker thread."""
        ...

