"""The application context handed down the widget tree (no globals)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rectdesk.domain.ledger import LedgerStore
from rectdesk.domain.lights import LightRules
from rectdesk.services import ledger, settings


@dataclass
class AppContext:
    """The open ledger and what every part of the window needs alongside it."""

    store: LedgerStore
    #: Where the ledger is: a store file's path, or a server's address.
    target: Path | str
    today: Callable[[], dt.date] = field(default=dt.date.today)
    #: A server ledger's shared evidence folder (None for a store file, which keeps its own).
    files_dir: Path | None = None

    @property
    def on_server(self) -> bool:
        """Whether the ledger is a database on the office's server."""
        return ledger.is_server(self.target)

    @property
    def db_path(self) -> Path:
        """The store file (only for a ledger kept in a file; check ``on_server`` first)."""
        if self.on_server:
            raise ValueError("a server ledger has no store file")
        return Path(self.target)

    @property
    def label(self) -> str:
        """How the window names the ledger: the file's name, or the server and database."""
        return self.db_path.name if not self.on_server else ledger.describe(self.target)

    def reopen(self) -> None:
        """Open the same ledger again (after a restore put another file in its place)."""
        self.store = ledger.open_ledger(self.target, files_dir=self.files_dir)

    @property
    def readonly(self) -> bool:
        return self.store.readonly

    def rules(self) -> LightRules:
        """The current warning-light thresholds."""
        return settings.light_rules(self.store)

    def actor(self) -> str:
        """Who is making changes, for the audit log."""
        return settings.actor(self.store)
