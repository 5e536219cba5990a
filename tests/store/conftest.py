"""Ledger fixtures: a test that takes ``ledger`` runs on a store file and on a real server."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pgserver import engine, ledger, new_ledger, pg_server, pg_url  # noqa: F401
