"""Which batch already holds a list's items: by 编号 (leading zeros aside) and by content."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence

from rectdesk.domain.ledger import LedgerStore
from rectdesk.store.store import engine

_SPACE = re.compile(r"\s+")


def content_key(text: str) -> str:
    """A short key equal for two contents that differ only in spacing and line breaks."""
    return hashlib.blake2b(_SPACE.sub("", text).encode(), digest_size=8).hexdigest()


def find_matching_batch(
    ledger: LedgerStore, numbers: Sequence[str], contents: Sequence[str]
) -> tuple[int, int] | None:
    """(batch id, rows matched) of the batch holding most of the rows; None when none does.

    ``numbers`` are 编号 without leading zeros, ``contents`` content keys; a row counts once,
    by its 编号 when it has one that matches, else by its content.
    """
    store = engine(ledger)
    wanted_numbers = set(numbers)
    wanted_contents = set(contents)
    if not wanted_numbers and not wanted_contents:
        return None
    by_number: Counter[int] = Counter()
    by_content: Counter[int] = Counter()
    cursor = store.db.execute("SELECT batch_id, number, content FROM items")
    for batch_id, number, content in cursor:
        if number and number.lstrip("0") in wanted_numbers:
            by_number[batch_id] += 1
        elif content and content_key(content) in wanted_contents:
            by_content[batch_id] += 1
    totals = by_number + by_content
    if not totals:
        return None
    batch_id, matched = totals.most_common(1)[0]
    return batch_id, matched
