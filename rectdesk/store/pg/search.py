"""Search on a server ledger: one lowered text per item, with a trigram index where it can be had.

SQLite's search (store/query.py) matches a term in any of the searchable columns: exactly for
Chinese and other text, ignoring case for the ASCII letters A-Z only. The same promise here:
the columns are joined with a unit separator (which no search term holds: terms are split on
whitespace, and it counts as whitespace), and both sides are lowered under the "C" collation,
which lowers A-Z and nothing else. Where the server has pg_trgm, a GIN index over that very
expression answers terms of three characters and more; shorter terms, and every term on a server
without the extension, scan the table: slower, never wrong.
"""

from __future__ import annotations

import re

#: The columns searched, in the order SQLite's search names them (store/query.py).
SEARCH_COLUMNS = ("number", "origin", "content", "measures", "outcomes", "progress", "dept_text")

_UPPER = re.compile("[A-Z]+")


def search_text(table: str = "items") -> str:
    """The lowered, joined text of an item (the index expression when ``table`` is "")."""
    prefix = f"{table}." if table else ""
    joined = " || E'\\x1f' || ".join(f"coalesce({prefix}{c}, '')" for c in SEARCH_COLUMNS)
    return f'lower(({joined}) COLLATE "C")'


def ascii_lower(text: str) -> str:
    """The text with A-Z lowered and everything else as it was (as lower() under "C")."""
    return _UPPER.sub(lambda m: m.group().lower(), text)


def term_condition(term: str) -> tuple[str, list[str]]:
    """The condition an item meets when one of its searchable columns holds ``term``."""
    escaped = ascii_lower(term).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"{search_text()} LIKE ?", [f"%{escaped}%"]
