"""The command line of rounds, exactly as documented: dispatch, collect, rounds, packages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from roundkit import FINANCE, Returned

from rectdesk.cli import main
from rectdesk.services.demo import load_demo
from rectdesk.store import Store


@pytest.fixture
def db(db_path: Path) -> Path:
    with Store.open(db_path) as store:
        load_demo(store, actor="测试")
    return db_path


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_dispatch_collect_rounds_round_trip(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, "--db", str(db), "dispatch", "--batch", "1", "--output",
                        str(tmp_path / "out"), "--cut-off", "2023-12-15", "--json")  # fmt: skip
    assert code == 0
    sent = json.loads(out)
    assert sent["round"] == 1 and sent["cut_off"] == "2023-12-15"
    assert {"unit", "path", "items"} <= set(sent["files"][0])
    finance = next(f for f in sent["files"] if f["unit"] == "财务处")
    returned = (
        Returned(Path(finance["path"]))
        .set(FINANCE, "整改进展", "命令行收集的进展")
        .save(tmp_path / "财务处.xlsx")
    )
    code, out, _ = _run(capsys, "--db", str(db), "collect", str(returned), "--json")
    review = json.loads(out)
    assert code == 0 and review["round"] == 1 and review["applied"] == 0
    (change,) = review["changes"]
    assert {"item_id", "field", "old", "new", "unit"} <= set(change)
    assert (change["field"], change["new"], change["unit"]) == ("progress", "命令行收集的进展",
                                                                "财务处")  # fmt: skip
    assert review["conflicts"] == [] and review["problems"] == []
    code, out, _ = _run(capsys, "--db", str(db), "collect", str(returned), "--accept-all",
                        "--dry-run", "--json")  # fmt: skip
    assert json.loads(out)["applied"] == 0
    code, out, _ = _run(capsys, "--db", str(db), "rounds", "--batch", "1", "--json")
    assert all(u["returned"] is None for u in json.loads(out)[0]["units"])
    code, out, _ = _run(capsys, "--db", str(db), "collect", str(returned), "--accept-all",
                        "--json")  # fmt: skip
    assert code == 0 and json.loads(out)["applied"] == 1
    code, out, _ = _run(capsys, "--db", str(db), "rounds", "--batch", "1", "--json")
    (round_one,) = json.loads(out)
    assert round_one["round"] == 1 and round_one["cut_off"] == "2023-12-15"
    units = {u["unit"]: u for u in round_one["units"]}
    assert units["财务处"]["returned"] is not None and units["监督处"]["returned"] is None
    assert {"unit", "items", "sent", "returned"} <= set(units["财务处"])
    code, out, _ = _run(capsys, "--db", str(db), "rounds", "--batch", "1")
    assert "未报送" in out and "已报送" in out


def test_collect_problems_in_json_and_plain_words(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _run(capsys, "--db", str(db), "dispatch", "--batch", "1", "--output", str(tmp_path / "o"))
    broken = tmp_path / "坏.xlsx"
    broken.write_bytes(b"PK\x03\x04 truncated")
    code, out, err = _run(capsys, "--db", str(db), "collect", str(broken), "--json")
    assert code == 1 and "没有一份报送表能够纳入审核" in err
    (problem,) = json.loads(out)["problems"]
    assert problem["file"] == "坏.xlsx" and "坏.xlsx" in problem["message"]
    code, out, err = _run(capsys, "--db", str(db), "collect", str(broken))
    assert "Traceback" not in out + err and "提示" in out


def test_package_and_import_package(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = tmp_path / "县.zip"
    code, out, _ = _run(capsys, "--db", str(db), "package", "--batch", "1", "--output",
                        str(package))  # fmt: skip
    assert code == 0 and package.is_file() and "已导出交换包" in out
    city = tmp_path / "city.sqlite3"
    code, out, _ = _run(capsys, "--db", str(city), "import-package", str(package), "--json")
    assert code == 0 and json.loads(out)["batch_created"] is True  # a new store is made
    code, out, _ = _run(capsys, "--db", str(city), "import-package", str(package), "--dry-run",
                        "--json")  # fmt: skip
    assert code == 0 and json.loads(out)["dry_run"] and json.loads(out)["unchanged"] == 22
    code, out, _ = _run(capsys, "--db", str(city), "import-package", str(package))
    assert "更新已有批次" in out and "新增 0 条" in out
    package.write_bytes(package.read_bytes()[:500])
    code, out, err = _run(capsys, "--db", str(city), "import-package", str(package))
    assert code == 1 and "整个交换包未导入" in err
