"""Shared fixtures: every test runs headless, on its own store, with its own data folders."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before Qt is imported anywhere: no display is needed.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from rectdesk.store import Store

TODAY = dt.date(2023, 11, 20)


@pytest.fixture(autouse=True)
def _isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep the clerk's real data, logs and settings out of reach of every test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("RECTDESK_LOG_DIR", str(home / "logs"))
    monkeypatch.delenv("RECTDESK_DB", raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A store file path in the test's own folder."""
    return tmp_path / "ledger.sqlite3"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    """An empty store on disk."""
    opened = Store.open(db_path)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def demo_store(store: Store) -> Store:
    """A store holding the three demo batches."""
    from rectdesk.services.demo import load_demo

    load_demo(store, actor="测试")
    return store
