"""The only layer that speaks SQL."""

from rectdesk.domain.query import ItemQuery
from rectdesk.store.store import Store
from rectdesk.store.targets import open_store

__all__ = ["ItemQuery", "Store", "open_store"]
