"""Editing items with rectdesk-cli: the same rules and plain messages as the window."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rectdesk.cli import main


def run(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def listed(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> list[dict[str, object]]:
    code, out, err = run(capsys, db, "items", "--json", "--privacy", "masked", *args)
    assert code == 0, err
    data = json.loads(out)
    assert isinstance(data, list)
    return data


@pytest.fixture
def demo_db(db_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert run(capsys, db_path, "demo")[0] == 0
    return db_path


def test_close_off_with_evidence(
    demo_db: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    done = listed(capsys, demo_db, "--status", "completed", "--limit", "2")
    ids = [str(row["id"]) for row in done]
    evidence = tmp_path / "销号审批表.pdf"
    evidence.write_bytes(b"%PDF")
    code, out, err = run(
        capsys, demo_db, "close", *ids, "--date", "2023-12-01", "--evidence", str(evidence)
    )
    assert code == 0, err
    assert "销号2条事项" in out
    closed = listed(capsys, demo_db, "--status", "closed")
    assert sorted(str(r["id"]) for r in closed) == sorted(ids)
    assert all(r["closed_on"] == "2023-12-01" for r in closed)


def test_refused_changes_exit_1_with_a_plain_message(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pending = listed(capsys, demo_db, "--status", "pending", "--limit", "1")
    item_id = str(pending[0]["id"])
    code, _out, err = run(capsys, demo_db, "close", item_id)
    assert code == 1 and "不能直接销号" in err
    code, _out, err = run(capsys, demo_db, "delete", item_id)
    assert code == 1 and "--yes" in err
    code, _out, err = run(capsys, demo_db, "set-status", item_id, "--status", "declined")
    assert code == 1 and "理由" in err
    assert listed(capsys, demo_db, "--status", "pending", "--limit", "1")[0]["id"] == int(item_id)


def test_progress_lead_deadline_and_field(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = [str(r["id"]) for r in listed(capsys, demo_db, "--status", "in_progress", "--limit", "3")]
    assert (
        run(capsys, demo_db, "progress", *ids, "--text", "已完成督导", "--date", "2023-12-02")[0]
        == 0
    )
    assert run(capsys, demo_db, "set-lead", *ids, "--department", "整改工作专班")[0] == 0
    assert run(capsys, demo_db, "set-deadline", *ids, "--deadline", "2024年3月底前")[0] == 0
    assert run(capsys, demo_db, "set-field", ids[0], "owner", "李四")[0] == 0
    rows = {str(r["id"]): r for r in listed(capsys, demo_db, "--department", "整改工作专班")}
    assert sorted(rows) == sorted(ids)
    for row in rows.values():
        assert row["progress"] == "已完成督导"
        assert row["departments"][0] == "整改工作专班"  # type: ignore[index]
        assert row["deadline"] == "2024-03-31"
    assert rows[ids[0]]["owner"] == "李四"
    code, out, _ = run(capsys, demo_db, "delete", ids[0], "--yes")
    assert code == 0 and "删除" in out
    assert len(listed(capsys, demo_db, "--department", "整改工作专班")) == 2


def test_an_edit_against_an_older_version_is_refused_with_exit_1(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (row,) = listed(capsys, demo_db, "--status", "in_progress", "--limit", "1")
    item_id, version = row["id"], row["version"]
    assert isinstance(version, int)
    code, _, err = run(capsys, demo_db, "set-field", str(item_id), "owner", "李四",
                       "--seen", f"{item_id}:{version}")  # fmt: skip
    assert code == 0, err
    # Another edit against the version read before that change is refused, whole.
    code, out, err = run(capsys, demo_db, "set-deadline", str(item_id), "--deadline",
                         "2026年底前", "--seen", f"{item_id}:{version}")  # fmt: skip
    assert code == 1 and out == ""
    assert "责任人" in err and "没有保存" in err and err.count("。") == 1
    (after,) = listed(capsys, demo_db, "--status", "in_progress", "--limit", "1")
    assert after["deadline_text"] == row["deadline_text"]
