"""Crash safety: SIGKILL at random moments never damages the store or loses a commit."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

HARNESS = Path(__file__).resolve().parent.parent / "benchmarks" / "kill_harness.py"
CI_KILLS = 30


def _harness() -> ModuleType:
    spec = importlib.util.spec_from_file_location("kill_harness", HARNESS)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["kill_harness"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is a POSIX signal")
def test_random_kills_during_imports_edits_and_backups(tmp_path: Path) -> None:
    harness = _harness()
    result = harness.run(CI_KILLS, tmp_path, seed=20231120)
    print(result.summary())
    assert result.failures == []
    assert result.survived == result.tried == CI_KILLS
    assert result.imports > 0 and result.edits > 0


def test_the_checks_can_fail(tmp_path: Path) -> None:
    """A half-present batch and a lost edit are caught (the harness is not blind)."""
    from rectdesk.domain.model import BatchDraft, BatchKind, ItemDraft
    from rectdesk.store import Store

    harness = _harness()
    db = tmp_path / "ledger.sqlite3"
    with Store.open(db) as store:
        batch_id = store.add_batch(BatchDraft(BatchKind.OTHER, "kill-1-1-n3"))
        store.add_items(batch_id, [ItemDraft(content="一"), ItemDraft(content="二")])
    result = harness.Result()
    problems = harness.check(db, ["import kill-1-2-n5 5", f"edit {batch_id} 1-3"], {}, set(),
                             result)  # fmt: skip
    text = "; ".join(problems)
    assert "half-present" in text
    assert "committed import kill-1-2-n5 is missing" in text
    assert "committed edit 1-3" in text
