"""Planning searches for terms shorter than a trigram.

A one- or two-character term cannot be matched by the trigram index directly. When the term
is common, scanning items in page order finds a page of hits quickly. When it is rare, a scan
would read the whole table, so the index's own list of terms is used instead: every indexed
trigram that starts with the term (each text is padded, see schema.SENTINEL) names exactly the
items that contain it.
"""

from __future__ import annotations

import sqlite3

import sqlite_utils

from rectdesk.domain.query import ItemQuery, search_terms
from rectdesk.store.query import short_term_condition

#: Items sampled to judge whether a short term is common enough to scan for.
SAMPLE = 1500
#: Hits in the sample above which scanning fills a page fast.
DENSE_HITS = 8
#: More index terms than this and an OR-query costs more than the scan.
MAX_TERMS = 4000


def plan_short_terms(db: sqlite_utils.Database, query: ItemQuery) -> dict[str, str]:
    """For each rare short term, the index query that finds it ('' when nothing has it)."""
    plan: dict[str, str] = {}
    for term in search_terms(query.search):
        if len(term) >= 3 or term in plan or _dense(db, term):
            continue
        terms = _index_terms(db, term)
        if terms is not None:
            plan[term] = " OR ".join('"' + t.replace('"', '""') + '"' for t in terms)
    return plan


def _dense(db: sqlite_utils.Database, term: str) -> bool:
    condition, params = short_term_condition(term)
    sql = (
        f"SELECT count(*) FROM (SELECT * FROM items ORDER BY id LIMIT {SAMPLE}) AS items"
        f" WHERE {condition}"
    )
    return int(db.execute(sql, params).fetchone()[0]) >= DENSE_HITS


def _index_terms(db: sqlite_utils.Database, term: str) -> list[str] | None:
    if any(not ch.isascii() and (ch.lower() != ch or ch.upper() != ch) for ch in term):
        # A letter of another alphabet: the index folds its case its own way (Python lowers a
        # final Σ to ς, the index to σ), so only a scan is sure to find what it should.
        return None
    low = term.lower()
    try:
        rows = db.execute(
            "SELECT term FROM items_fts_terms WHERE term >= ? AND term < ? LIMIT ?",
            [low, low + "\U0010ffff", MAX_TERMS + 1],
        ).fetchall()
    except sqlite3.OperationalError:
        return None  # an older store without the term list: scan
    if len(rows) > MAX_TERMS:
        return None
    return [r[0] for r in rows]
