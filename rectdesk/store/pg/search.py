"""Search on a server ledger: one lowered text per item, with a trigram index where it can be had.

SQLite's search (store/query.py) matches a term in any of the searchable columns: exactly for
Chinese and other text, ignoring case for the ASCII letters A-Z only. The same promise here:
the columns are joined with a unit separator (which no search term holds: terms are split on
whitespace, and it counts as whitespace), and both sides are lowered under the "C" collation,
which lowers A-Z and nothing else. Where the server has pg_trgm, a GIN index over that very
expression answers terms of three characters and more. A second GIN index, over the characters
of that text (each character once, as the words of a text search vector: built into every
server), finds the items holding every character of a rare short term (and of any term where
pg_trgm is missing); the text itself then confirms the characters stand together. Common terms
scan the table in page order.

The server cannot know how common a term is (its statistics leave out texts this long), and
guesses "rare": for a common term it would then fetch every match through the index and sort
them all for one page. As in SQLite's store (store/search.py), a sample of items decides; a
common term is matched through rectdesk_contains(), a function the planner cannot see into
and so expects to match often: it walks the page's order and stops when the page is full.
"""

from __future__ import annotations

import re
from typing import Any

from rectdesk.domain.query import ItemQuery, search_terms

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


def _pattern(term: str) -> str:
    escaped = ascii_lower(term).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def term_condition(term: str, *, dense: bool = False) -> tuple[str, list[Any]]:
    """The condition an item meets when one of its searchable columns holds ``term``."""
    if dense:
        return f"rectdesk_contains({search_text()}, ?)", [_pattern(term)]
    wanted = " & ".join(_lexeme(c) for c in sorted(set(ascii_lower(term))))
    return f"{characters()} @@ ?::tsquery AND {search_text()} LIKE ?", [wanted, _pattern(term)]


def _lexeme(character: str) -> str:
    """One character as a quoted word of a text search query."""
    return "'" + character.replace("\\", "\\\\").replace("'", "''") + "'"


#: Marks a common term in a search plan (the value SQLite's plan gives an index query).
DENSE = "dense"
#: Items sampled, and hits among them above which a term counts as common (as for SQLite).
SAMPLE = 1500
DENSE_HITS = 8


def characters(table: str = "items") -> str:
    """The characters of an item's search text, each once (the index expression when ``table``
    is "").

    A text search vector rather than the array of characters itself: it holds each character
    once and in order, which the server sorts without calling a comparison function per pair;
    the index over it builds in two thirds of the time (19 s against 25-29 s for 100,000 items).
    """
    return f"array_to_tsvector(string_to_array({search_text(table)}, NULL))"


def plan_terms(db: Any, query: ItemQuery) -> dict[str, str]:
    """The query's common terms, each marked DENSE (rare ones are left to the index)."""
    plan: dict[str, str] = {}
    for term in search_terms(query.search):
        if term in plan:
            continue
        found = db.execute(
            f"SELECT count(*) FROM (SELECT * FROM items ORDER BY id LIMIT {SAMPLE}) AS items"
            f" WHERE {search_text()} LIKE ?",
            [_pattern(term)],
        ).fetchone()
        if found is not None and int(found[0]) >= DENSE_HITS:
            plan[term] = DENSE
    return plan
