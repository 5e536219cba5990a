"""rectdesk-cli as a user runs it: a fresh store, the demo, listing, errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rectdesk.cli import main

ITEM_KEYS = {
    "id", "batch_id", "seq", "number", "category", "origin", "content", "departments", "lead",
    "owner", "measures", "outcomes", "deadline", "deadline_kind", "deadline_text", "status",
    "light", "progress", "remarks",
}  # fmt: skip


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def items(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> list[dict[str, object]]:
    code, out, err = run(capsys, "--db", str(db), "items", "--json", *args)
    assert code == 0, err
    data = json.loads(out)
    assert isinstance(data, list)
    return data


@pytest.fixture
def demo_db(db_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    code, out, _ = run(capsys, "--db", str(db_path), "demo")
    assert code == 0 and "49" in out
    return db_path


def test_demo_loads_three_batches_once(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", str(demo_db), "demo")
    assert code == 0 and "共添加 0 条" in out
    code, out, _ = run(capsys, "--db", str(demo_db), "batches", "--json")
    batches = json.loads(out)
    assert sorted(b["items"] for b in batches) == [9, 18, 22]
    assert {b["kind"] for b in batches} == {"social_review", "inspection"}


def test_items_json_contract(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = items(capsys, demo_db)
    assert len(rows) == 49
    for row in rows:
        assert set(row) >= ITEM_KEYS
        assert row["number"] is None or isinstance(row["number"], str)
        assert isinstance(row["departments"], list)
    numbers = [r["number"] for r in rows]
    assert "0220200740200334" in numbers  # leading zero kept
    assert all(n is None or ("E+" not in n and not n.endswith(".0")) for n in numbers)  # type: ignore[operator]
    assert numbers.count(None) == 1 + 9  # one in seed 000, all of seed 003
    seed001 = [r for r in rows if r["deadline_text"]]
    assert len(seed001) == 18
    assert {r["deadline"] for r in seed001} == {"2023-11-30", "2023-12-31"}
    assert all(r["deadline_kind"] == "date" for r in seed001)


def test_source_order_and_sections(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _code, out, _ = run(capsys, "--db", str(demo_db), "batches", "--json")
    seed000 = next(b for b in json.loads(out) if b["items"] == 22)
    rows = items(capsys, demo_db, "--batch", str(seed000["id"]))
    assert [r["seq"] for r in rows[:6]] == ["1", "2", "3", "4", "1", "2"]
    categories = list(dict.fromkeys(r["category"] for r in rows))
    assert len(categories) == 5 and categories[0] == "反馈问题整改"


def test_phone_numbers_are_masked_by_default(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    masked = json.dumps(items(capsys, demo_db), ensure_ascii=False)
    assert "13978476053" not in masked and "139****6053" in masked
    published = items(capsys, demo_db, "--privacy", "publish")
    assert all(r["origin"] == "" for r in published)
    full = json.dumps(items(capsys, demo_db, "--privacy", "full"), ensure_ascii=False)
    assert "13978476053" in full


def test_search_and_filters(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert len(items(capsys, demo_db, "--search", "凉坪村")) == 2
    assert len(items(capsys, demo_db, "--search", "药")) >= 5
    assert [r["number"] for r in items(capsys, demo_db, "--search", "0220220630700418")] == [
        "0220220630700418"
    ]
    in_office = items(capsys, demo_db, "--department", "办公室")
    assert in_office and all("办公室" in r["departments"] for r in in_office)  # type: ignore[operator]
    overdue = items(capsys, demo_db, "--overdue", "--today", "2023-12-01")
    assert len(overdue) == 16  # seed 001's 2023-11-30 items
    assert all(r["light"] == "red" for r in overdue)
    soon = items(capsys, demo_db, "--due-within", "15", "--today", "2023-11-20")
    assert len(soon) == 16
    combined = items(
        capsys, demo_db, "--overdue", "--today", "2024-01-05", "--department", "科教处"
    )
    assert combined and all("科教处" in r["departments"] for r in combined)  # type: ignore[operator]
    declined = items(capsys, demo_db, "--status", "declined")
    assert len(declined) == 3
    by_deadline = items(capsys, demo_db, "--sort", "deadline", "--limit", "3")
    assert [r["deadline"] for r in by_deadline] == ["2023-11-30"] * 3


def test_text_listing(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", str(demo_db), "items", "--search", "马堤")
    assert code == 0 and "共 2 条" in out
    assert out.count("\n") == 3


def test_user_errors_exit_1_with_one_chinese_line(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for args in (["items", "--status", "whatever"], ["items", "--batch", "999"],
                 ["items", "--today", "yesterday"], ["items", "--limit", "-1"]):  # fmt: skip
        code, _out, err = run(capsys, "--db", str(demo_db), *args)
        assert code == 1, args
        assert len(err.strip().splitlines()) == 1
        assert "Traceback" not in err
        assert any("\u4e00" <= ch <= "\u9fff" for ch in err)


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--db", str(db_path), "items", "--sort", "nonsense"])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["frobnicate"])
    assert exc.value.code == 2


def test_check(demo_db: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "--db", str(demo_db), "check")
    assert code == 0 and "完好" in out
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"garbage" * 1000)
    code, _, err = run(capsys, "--db", str(broken), "check")
    assert code != 0 and "损坏" in err
    code, _, err = run(capsys, "--db", str(tmp_path / "none.sqlite3"), "check")
    assert code == 1 and "不存在" in err


def test_environment_variable_chooses_the_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "env.sqlite3"
    monkeypatch.setenv("RECTDESK_DB", str(target))
    assert run(capsys, "demo")[0] == 0
    assert target.exists()


def test_console_script_runs_in_a_fresh_process(demo_db: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run(
        [sys.executable, "-m", "rectdesk.cli", "--db", str(demo_db), "items", "--search", "核酸"],
        capture_output=True, text=True, encoding="utf-8", env=env, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "共 1 条" in result.stdout
