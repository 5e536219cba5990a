"""The overview (总览): every figure with the query that selects exactly the items behind it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from rectdesk.domain.ledger import LedgerStore
from rectdesk.domain.lights import LightRules
from rectdesk.domain.model import Item, Status
from rectdesk.domain.query import ItemQuery
from rectdesk.domain.supervision import Letter
from rectdesk.store.letters import LetterBook

#: Statuses counted as done in a department's completion rate.
DONE_STATUSES: tuple[Status, ...] = (Status.COMPLETED, Status.CLOSED)


@dataclass(frozen=True)
class Figure:
    """A count, and the query that lists the items counted."""

    label: str
    count: int
    query: ItemQuery


@dataclass(frozen=True)
class DepartmentFigures:
    """One unit's row (lead or assisting): all, done, overdue, and the completion rate."""

    department: str
    total: Figure
    done: Figure
    overdue: Figure
    declined: int

    @property
    def rate(self) -> float | None:
        """Done as a share of the items that need doing (不予整改 left out); None if none."""
        base = self.total.count - self.declined
        return self.done.count / base if base > 0 else None


@dataclass(frozen=True)
class Dashboard:
    """Everything the overview shows, for one day and one set of warning rules."""

    today: dt.date
    total: Figure
    statuses: list[Figure]
    departments: list[DepartmentFigures]
    categories: list[Figure]
    overdue: Figure
    #: Due within the bureau's warning days (临期提醒天数), the same figure as the navigator's.
    soon: Figure
    overdue_items: list[Item]
    soon_items: list[Item]
    #: 督办 letters whose reply date has passed without a reply.
    overdue_replies: list[Letter] = field(default_factory=list)


def build_dashboard(
    store: LedgerStore, *, today: dt.date, rules: LightRules, list_limit: int = 20
) -> Dashboard:
    """Count the whole ledger as of ``today``; lists hold the first ``list_limit`` items."""
    base = ItemQuery(today=today, rules=rules)
    by_status = store.count_by_status(base)
    total = Figure("全部事项", sum(by_status.values()), base)
    statuses = [
        Figure(status.label, n, replace(base, statuses=(status,)))
        for status, n in by_status.items()
    ]
    departments = [
        DepartmentFigures(
            department=row["department"],
            total=Figure("事项", int(row["total"]), replace(base, department=row["department"])),
            done=Figure(
                "已完成",
                int(row["finished"]),
                replace(base, department=row["department"], statuses=DONE_STATUSES),
            ),
            overdue=Figure(
                "逾期",
                int(row["overdue"]),
                replace(base, department=row["department"], overdue=True),
            ),
            declined=int(row["declined"]),
        )
        for row in store.count_by_department(base)
    ]
    categories = [
        Figure(category or "（未分类）", n, replace(base, category=category))
        for category, n in store.count_by_category(base)
    ]
    overdue_query = replace(base, overdue=True, sort="deadline")
    overdue = Figure("逾期", store.count_items(overdue_query), overdue_query)
    soon_query = replace(base, due_within=rules.warn_days, sort="deadline")
    soon = Figure(f"{rules.warn_days}日内到期", store.count_items(soon_query), soon_query)
    return Dashboard(
        today=today,
        total=total,
        statuses=statuses,
        departments=departments,
        categories=categories,
        overdue=overdue,
        soon=soon,
        overdue_items=_first_items(store, overdue, list_limit),
        soon_items=_first_items(store, soon, list_limit),
        overdue_replies=LetterBook(store).unanswered_overdue(today),
    )


def _first_items(store: LedgerStore, figure: Figure, limit: int) -> list[Item]:
    # Ids first: the order and filter are answered from an index, and only the few rows
    # shown are read in full.
    if not figure.count:
        return []
    return store.items_by_ids(store.item_ids(figure.query.page(limit)))
