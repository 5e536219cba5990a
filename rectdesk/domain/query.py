"""What the clerk asked to see: filters, sort keys and search terms, whatever the store."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from rectdesk.domain.lights import LightRules
from rectdesk.domain.model import Light, Status

#: Sort keys a caller may ask for; the source order breaks ties.
SORT_KEYS: tuple[str, ...] = (
    "source", "deadline", "status", "number", "category", "department", "seq", "batch",
    "updated", "progress_on", "origin", "content", "lead", "owner", "closed_on", "light", "id",
)  # fmt: skip


@dataclass(frozen=True)
class ItemQuery:
    """What the clerk asked to see; every field narrows the result, all combine."""

    batch_id: int | None = None
    statuses: tuple[Status, ...] = ()
    lights: tuple[Light, ...] = ()
    overdue: bool = False
    due_within: int | None = None
    department: str | None = None
    category: str | None = None
    search: str = ""
    deadline_from: dt.date | None = None
    deadline_to: dt.date | None = None
    ids: tuple[int, ...] | None = None
    sort: str = "source"
    descending: bool = False
    limit: int | None = None
    offset: int = 0
    today: dt.date = field(default_factory=dt.date.today)
    rules: LightRules = field(default_factory=LightRules)

    @property
    def unfiltered(self) -> bool:
        """Whether the query selects every item."""
        return (
            self.batch_id is None and not self.statuses and not self.lights
            and not self.overdue and self.due_within is None and self.department is None
            and self.category is None and not self.search.strip()
            and self.deadline_from is None and self.deadline_to is None and self.ids is None
        )  # fmt: skip

    def page(self, limit: int | None, offset: int = 0) -> ItemQuery:
        """The same filter, another page."""
        return replace(self, limit=limit, offset=offset)


def search_terms(text: str) -> list[str]:
    """Split a search box entry into terms; every term must match."""
    return [t for t in text.replace("\u3000", " ").split() if t]
