"""The only layer that speaks SQL."""

from rectdesk.domain.query import ItemQuery
from rectdesk.store.store import Store

__all__ = ["ItemQuery", "Store"]
