"""Fixtures for the rounds tests: a store with a round sent, and returned workbooks to edit."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import roundkit

from rectdesk.services.dispatch import DispatchResult
from rectdesk.store import Store


@pytest.fixture
def sent(demo_store: Store, tmp_path: Path) -> DispatchResult:
    """Round 1 of the first demo batch, sent to its ten units."""
    return roundkit.send(demo_store, tmp_path / "下发")
