"""Warning lights (红黄绿灯): how urgent an item is today."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rectdesk.domain.model import FINISHED_STATUSES, Deadline, DeadlineKind, Light, Status

LIGHT_LABELS: dict[Light, str] = {
    Light.RED: "逾期",
    Light.YELLOW: "临期",
    Light.GREEN: "正常",
    Light.BLUE: "长期坚持",
    Light.GREY: "已办结",
}


@dataclass(frozen=True, slots=True)
class LightRules:
    """The thresholds a bureau sets: yellow ``warn_days`` before, stale after ``stale_days``."""

    warn_days: int = 10
    stale_days: int = 90


@dataclass(frozen=True, slots=True)
class Signal:
    """An item's light with the facts behind it, ready for a label."""

    light: Light
    days_left: int | None = None
    stale: bool = False

    @property
    def overdue_days(self) -> int:
        """Days past the deadline, 0 when not overdue."""
        return -self.days_left if self.days_left is not None and self.days_left < 0 else 0

    @property
    def label(self) -> str:
        """A text label that reads without colour (printouts, colour-blind users)."""
        if self.light is Light.RED:
            return f"逾期{self.overdue_days}天"
        if self.light is Light.YELLOW and self.days_left is not None:
            return "今日到期" if self.days_left == 0 else f"{self.days_left}天内到期"
        if self.light is Light.YELLOW:
            return "立行立改"
        if self.light is Light.BLUE and self.stale:
            return "长期坚持·久未更新"
        return LIGHT_LABELS[self.light]


def signal_for(
    status: Status,
    deadline: Deadline,
    *,
    today: dt.date,
    rules: LightRules,
    last_progress: dt.date | None = None,
) -> Signal:
    """Work out an item's light; ``today`` is always passed in, never read from the clock."""
    if status in FINISHED_STATUSES:
        return Signal(Light.GREY)
    if status is Status.ONGOING or deadline.kind is DeadlineKind.ONGOING:
        return _ongoing(deadline, today, rules, last_progress)
    if deadline.kind is DeadlineKind.IMMEDIATE and deadline.date is None:
        return Signal(Light.YELLOW)
    if deadline.date is None:
        return Signal(Light.GREEN)
    days_left = (deadline.date - today).days
    if days_left < 0:
        # "…，并长期坚持": once the date has passed the item is kept up, never red.
        if deadline.ongoing:
            return _ongoing(deadline, today, rules, last_progress)
        return Signal(Light.RED, days_left)
    if days_left <= rules.warn_days:
        return Signal(Light.YELLOW, days_left)
    return Signal(Light.GREEN, days_left)


def _ongoing(
    deadline: Deadline, today: dt.date, rules: LightRules, last_progress: dt.date | None
) -> Signal:
    since = last_progress or deadline.date
    stale = since is None or (today - since).days > rules.stale_days
    return Signal(Light.BLUE, None, stale)
