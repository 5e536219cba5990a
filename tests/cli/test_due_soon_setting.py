"""`items --due-within` without a number uses the warning days the window uses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rectdesk.cli import main
from rectdesk.services import settings
from rectdesk.store import Store


def listed(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> list[object]:
    code = main(["--db", str(db), "items", "--json", "--today", "2023-11-25", *args])
    out, err = capsys.readouterr()
    assert code == 0, err
    data = json.loads(out)
    assert isinstance(data, list)
    return data


def test_due_within_defaults_to_the_setting(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(db_path), "demo"]) == 0
    capsys.readouterr()
    for warn_days, expected in ((3, 0), (5, 16), (40, 18)):
        store = Store.open(db_path)
        try:
            settings.put(store, "warn_days", warn_days)
        finally:
            store.close()
        assert len(listed(capsys, db_path, "--due-within")) == expected
    assert len(listed(capsys, db_path, "--due-within", "5")) == 16  # a number still wins
