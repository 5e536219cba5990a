"""Item filters and sort orders, turned into SQL in one place."""

from __future__ import annotations

import datetime as dt
from typing import Any

from rectdesk.domain.errors import QT_TRANSLATE_NOOP, Listing, UserError
from rectdesk.domain.lights import LightRules
from rectdesk.domain.model import FINISHED_STATUSES, OPEN_STATUSES, Light
from rectdesk.domain.query import SORT_KEYS, ItemQuery, search_terms
from rectdesk.store.dialect import SQLITE, Dialect
from rectdesk.store.pg import search as pg_search

#: The domain's sort keys, mapped to SQL; the source order breaks ties.
SORTS: dict[str, str] = {
    "source": "items.batch_id, items.position",
    "deadline": "items.deadline IS NULL, items.deadline, items.batch_id, items.position",
    "status": "items.status",
    "number": "items.number IS NULL, items.number",
    "category": "items.category",
    "department": "items.dept_text",
    "seq": "CAST(items.seq AS INTEGER), items.seq",
    "batch": "items.batch_id",
    "updated": "items.updated_at",
    "progress_on": "items.progress_on IS NULL, items.progress_on",
    "origin": "items.origin",
    "content": "items.content",
    "lead": "items.lead",
    "owner": "items.owner",
    "closed_on": "items.closed_on IS NULL, items.closed_on",
    "light": "light_rank",
    "id": "items.id",
}
#: Where PostgreSQL needs other words: CAST of a text that is not a number fails there, so
#: SQLite's reading of it (the leading integer, else 0) is a function of the server schema.
SERVER_SORTS: dict[str, str] = {
    **SORTS,
    "seq": "rectdesk_integer(items.seq), items.seq",
}

SEARCH_COLUMNS = ("number", "origin", "content", "measures", "outcomes", "progress", "dept_text")

_OPEN = tuple(s.value for s in OPEN_STATUSES)
_FINISHED = tuple(s.value for s in FINISHED_STATUSES)


def light_case(today: dt.date, rules: LightRules) -> tuple[str, list[Any]]:
    """SQL giving each row its light code, mirroring domain.lights.signal_for."""
    t = today.isoformat()
    warn = (today + dt.timedelta(days=rules.warn_days)).isoformat()
    finished = ",".join("?" * len(_FINISHED))
    sql = (
        "CASE"
        f" WHEN items.status IN ({finished}) THEN 'grey'"
        " WHEN items.status = 'ongoing' OR items.deadline_kind = 'ongoing' THEN 'blue'"
        " WHEN items.deadline IS NULL AND items.deadline_kind = 'immediate' THEN 'yellow'"
        " WHEN items.deadline IS NULL THEN 'green'"
        " WHEN items.deadline < ? AND items.deadline_ongoing = 1 THEN 'blue'"
        " WHEN items.deadline < ? THEN 'red'"
        " WHEN items.deadline <= ? THEN 'yellow'"
        " ELSE 'green' END"
    )
    return sql, [*_FINISHED, t, t, warn]


def _rank_expr(light_sql: str) -> str:
    whens = " ".join(f"WHEN '{light.value}' THEN {n}" for n, light in enumerate(Light))
    return f"CASE {light_sql} {whens} END"


def escape_like(text: str) -> str:
    """Escape LIKE wildcards so the text matches literally (with ESCAPE '\\')."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def where_clause(
    query: ItemQuery, short_plan: dict[str, str] | None = None, dialect: Dialect = SQLITE
) -> tuple[str, list[Any]]:
    """The WHERE part (without the keyword) and its parameters.

    ``short_plan`` maps rare one- or two-character terms to index queries (store/search.py).
    """
    parts: list[str] = []
    params: list[Any] = []
    if query.batch_id is not None:
        parts.append("items.batch_id = ?")
        params.append(query.batch_id)
    if query.ids is not None:
        if not query.ids:
            parts.append("FALSE")
        else:
            parts.append(f"items.id IN ({','.join('?' * len(query.ids))})")
            params.extend(query.ids)
    if query.statuses:
        parts.append(f"items.status IN ({','.join('?' * len(query.statuses))})")
        params.extend(s.value for s in query.statuses)
    if query.category is not None:
        parts.append("items.category = ?")
        params.append(query.category)
    if query.department is not None:
        parts.append(
            "items.id IN (SELECT item_id FROM item_departments JOIN departments"
            " ON departments.id = item_departments.department_id WHERE departments.name = ?)"
        )
        params.append(query.department)
    if query.deadline_from is not None:
        parts.append("items.deadline >= ?")
        params.append(query.deadline_from.isoformat())
    if query.deadline_to is not None:
        parts.append("items.deadline <= ?")
        params.append(query.deadline_to.isoformat())
    if query.overdue:
        parts.append(_open_dated() + " AND items.deadline < ? AND items.deadline_ongoing = 0")
        params.extend([*_OPEN, query.today.isoformat()])
    if query.due_within is not None:
        if query.due_within < 0:
            raise UserError(QT_TRANSLATE_NOOP("Errors", "“到期天数”不能是负数。"))
        # Beyond the calendar's end every dated deadline is "within": no date overflow.
        try:
            end = query.today + dt.timedelta(days=query.due_within)
        except OverflowError:
            end = dt.date.max
        parts.append(_open_dated() + " AND items.deadline >= ? AND items.deadline <= ?")
        params.extend([*_OPEN, query.today.isoformat(), end.isoformat()])
    if query.lights:
        light_sql, light_params = light_case(query.today, query.rules)
        parts.append(f"({light_sql}) IN ({','.join('?' * len(query.lights))})")
        params.extend(light_params)
        params.extend(light.value for light in query.lights)
    for term in search_terms(query.search):
        if dialect.postgres:
            dense = (short_plan or {}).get(term) == pg_search.DENSE
            sql, term_params = pg_search.term_condition(term, dense=dense)
        else:
            sql, term_params = _search_term(term, short_plan or {})
        parts.append(sql)
        params.extend(term_params)
    return (" AND ".join(parts) or "TRUE"), params


def _open_dated() -> str:
    return (
        f"items.status IN ({','.join('?' * len(_OPEN))}) AND items.deadline IS NOT NULL"
        " AND items.deadline_kind IN ('date', 'immediate')"
    )


def _search_term(term: str, short_plan: dict[str, str]) -> tuple[str, list[Any]]:
    if len(term) >= 3:
        # The index holds no positions: every trigram of the term must be in the item, and
        # the text itself confirms they stand together.
        trigrams = dict.fromkeys(term[i : i + 3] for i in range(len(term) - 2))
        expression = " AND ".join('"' + t.replace('"', '""') + '"' for t in trigrams)
        found, params = _index_match(expression)
        confirm, confirm_params = short_term_condition(term)
        return f"{found} AND {confirm}", params + confirm_params
    if term in short_plan:
        if not short_plan[term]:
            return "FALSE", []
        # The index folds the case of every alphabet (full-width and Greek letters too): the
        # text confirms the term as the scan would have matched it, A-Z alone folded.
        found, params = _index_match(short_plan[term])
        confirm, confirm_params = short_term_condition(term)
        return f"{found} AND {confirm}", params + confirm_params
    # A common short term: scan in page order, stopping at the page's end.
    return short_term_condition(term)


def _index_match(expression: str) -> tuple[str, list[Any]]:
    # The unary + keeps the planner walking the page's order index and probing the match
    # set, instead of fetching every match and sorting them all.
    return "+items.id IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?)", [expression]


def short_term_condition(term: str) -> tuple[str, list[Any]]:
    """A scan condition for a term: instr() compares bytes, LIKE only where ASCII case matters."""
    if any(ch.isascii() and ch.isalpha() for ch in term):
        pattern = f"%{escape_like(term)}%"
        likes = " OR ".join(f"items.{c} LIKE ? ESCAPE '\\'" for c in SEARCH_COLUMNS)
        return f"({likes})", [pattern] * len(SEARCH_COLUMNS)
    found = " OR ".join(f"instr(items.{c}, ?) > 0" for c in SEARCH_COLUMNS)
    return f"({found})", [term] * len(SEARCH_COLUMNS)


def order_clause(query: ItemQuery, dialect: Dialect = SQLITE) -> str:
    """The ORDER BY part (without the keywords)."""
    sorts = SERVER_SORTS if dialect.postgres else SORTS
    if query.sort not in sorts:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "无法按“{sort}”排序，可用的排序字段：{sorts}。"),
            sort=query.sort,
            sorts=Listing(SORTS),
        )
    direction = " DESC" if query.descending else ""
    columns = [c.strip() + direction for c in sorts[query.sort].split(",")]
    if "items.position" not in sorts[query.sort]:
        columns += ["items.batch_id", "items.position"]
    return ", ".join(columns)


def select_sql(
    query: ItemQuery,
    columns: str,
    short_plan: dict[str, str] | None = None,
    dialect: Dialect = SQLITE,
) -> tuple[str, list[Any]]:
    """A full SELECT over items with filter, order and page."""
    where, params = where_clause(query, short_plan, dialect)
    order = order_clause(query, dialect)
    extra = ""
    if query.sort == "light":
        light_sql, light_params = light_case(query.today, query.rules)
        extra = f", {_rank_expr(light_sql)} AS light_rank"
        params = light_params + params
    sql = f"SELECT {columns}{extra} FROM items WHERE {where} ORDER BY {order}"
    if query.limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params = [*params, query.limit, query.offset]
    return sql, params


assert tuple(SORTS) == tuple(SERVER_SORTS) == SORT_KEYS, "every sort key of the domain has its SQL"
assert pg_search.SEARCH_COLUMNS == SEARCH_COLUMNS, "both engines search the same columns"
