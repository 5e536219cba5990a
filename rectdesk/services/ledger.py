"""Opening the ledger: the one place that knows which engine keeps it."""

from __future__ import annotations

from pathlib import Path

from rectdesk.domain.ledger import LedgerStore
from rectdesk.store import Store


def open_ledger(
    target: Path | str, *, readonly: bool = False, create: bool = True, verify: bool = False
) -> LedgerStore:
    """Open (and bring up to date) the ledger kept at ``target``.

    Raises StoreLockedError when another program writes to it, UserError with a sentence for
    the clerk when it cannot be opened. A missing file is made only with ``create``; ``verify``
    runs a quick check first.
    """
    return Store.open(Path(target), readonly=readonly, create=create, verify=verify)


def memory_ledger() -> LedgerStore:
    """A throw-away ledger in memory (previews, the smoke test's scratch work)."""
    return Store.memory()
