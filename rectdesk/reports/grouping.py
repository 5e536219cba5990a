"""Grouping items into sections and numbering the sections."""

from __future__ import annotations

from collections.abc import Sequence

from rectdesk.domain.model import Item

_DIGITS = "零一二三四五六七八九"


def cn_number(n: int) -> str:
    """1 → 一, 12 → 十二, 40 → 四十 (section ordinals; 100 and more stay digits)."""
    if n < 10:
        return _DIGITS[n]
    if n >= 100:
        return str(n)
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else _DIGITS[tens]
    return head + "十" + (_DIGITS[ones] if ones else "")


def group_key(item: Item, group_by: str) -> str:
    """The section an item belongs to."""
    if group_by == "department":
        return item.lead_department
    if group_by == "status":
        return item.status.label
    return item.category


def groups(items: Sequence[Item], group_by: str) -> list[tuple[str, list[Item]]]:
    """Items grouped by a field, groups in order of first appearance."""
    found: dict[str, list[Item]] = {}
    for item in items:
        found.setdefault(group_key(item, group_by), []).append(item)
    return list(found.items())
