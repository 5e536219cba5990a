"""The application context handed down the widget tree (no globals)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rectdesk.domain.ledger import LedgerStore
from rectdesk.domain.lights import LightRules
from rectdesk.services import settings


@dataclass
class AppContext:
    """The open store and what every part of the window needs alongside it."""

    store: LedgerStore
    db_path: Path
    today: Callable[[], dt.date] = field(default=dt.date.today)

    @property
    def readonly(self) -> bool:
        return self.store.readonly

    def rules(self) -> LightRules:
        """The current warning-light thresholds."""
        return settings.light_rules(self.store)

    def actor(self) -> str:
        """Who is making changes, for the audit log."""
        return settings.actor(self.store)
