"""The only layer that speaks SQL."""

from rectdesk.store.query import ItemQuery
from rectdesk.store.store import Store

__all__ = ["ItemQuery", "Store"]
