"""rectdesk-cli closeoff: 申请 → 审核 → 销号 on a demo store, and every refusal in one sentence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rectdesk.cli import main
from rectdesk.domain.model import LedgerKind
from rectdesk.services import closure
from rectdesk.store import Store

PHONE = "13911112222"
MASKED = "139****2222"
REVIEW_KEYS = {
    "review_id", "item_id", "number", "content", "state", "state_label", "applied_on",
    "applicant", "note", "reviewer", "reviewed_on", "opinion",
}  # fmt: skip


def run(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def ok(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> str:
    code, out, err = run(capsys, db, *args)
    assert code == 0, err
    return out


def refused(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> str:
    """A refusal: exit 1, nothing on standard output, one Chinese sentence on standard error."""
    code, out, err = run(capsys, db, *args)
    assert code == 1, (out, err)
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].endswith("。") and "Traceback" not in err
    return lines[0]


def ids_with(capsys: pytest.CaptureFixture[str], db: Path, status: str) -> list[str]:
    rows = json.loads(ok(capsys, db, "items", "--json", "--status", status))
    return [str(r["id"]) for r in rows]


def status_of(capsys: pytest.CaptureFixture[str], db: Path, item_id: str) -> dict[str, object]:
    rows = json.loads(ok(capsys, db, "items", "--json"))
    found: dict[str, object] = next(r for r in rows if str(r["id"]) == item_id)
    return found


@pytest.fixture
def demo_db(db_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    ok(capsys, db_path, "demo")
    return db_path


def test_request_decide_close_with_the_review_required(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    item = ids_with(capsys, demo_db, "completed")[0]
    assert "已打开" in ok(capsys, demo_db, "closeoff", "require-review", "on")
    assert json.loads(ok(capsys, demo_db, "closeoff", "require-review", "--json")) == {
        "review_required": True
    }
    # The attack: closing around the review, with a reason, is refused.
    assert "先提出销号申请" in refused(
        capsys, demo_db, "closeoff", "close", item, "--reason", "会议纪要已存档"
    )
    out = ok(capsys, demo_db, "closeoff", "request", item, "--note", "已整改完毕",
             "--date", "2023-12-01")  # fmt: skip
    assert "已为 1 条事项提出销号申请" in out
    (waiting,) = json.loads(ok(capsys, demo_db, "closeoff", "pending", "--json"))
    assert (str(waiting["item_id"]), waiting["state"], waiting["note"]) == (
        item, "applied", "已整改完毕",
    )  # fmt: skip
    assert "尚未审核" in refused(capsys, demo_db, "closeoff", "close", item, "--reason", "已存档")
    out = ok(capsys, demo_db, "closeoff", "decide", item, "--approve", "--reviewer", "王局长",
             "--opinion", "同意销号", "--date", "2023-12-02")  # fmt: skip
    assert "审核通过" in out and "王局长" in out
    assert json.loads(ok(capsys, demo_db, "closeoff", "pending", "--json")) == []
    ok(capsys, demo_db, "closeoff", "close", item, "--reason", "会议纪要已报纪检组存档",
       "--date", "2023-12-03")  # fmt: skip
    row = status_of(capsys, demo_db, item)
    assert (row["status"], row["closed_on"]) == ("closed", "2023-12-03")
    shown = json.loads(ok(capsys, demo_db, "closeoff", "show", item, "--json"))
    assert shown["status"] == "closed" and shown["can_close"] is False
    assert shown["review_required"] is True
    (review,) = shown["reviews"]
    assert (review["state"], review["reviewer"], review["reviewed_on"], review["opinion"]) == (
        "approved", "王局长", "2023-12-02", "同意销号",
    )  # fmt: skip
    with Store.open(demo_db, readonly=True) as store:
        last = store.ledger(int(item))[-1]
        assert closure.review_required(store)  # the switch the window reads
        switched = [e for e in store.audit_log() if e.field == closure.REVIEW_KEY]
    # Turning the review on is in the audit log.
    assert [(e.action, e.old, e.new) for e in switched] == [("settings", "False", "True")]
    assert last.kind is LedgerKind.CLOSE_OFF
    assert last.text == "会议纪要已报纪检组存档（经王局长审核同意：同意销号）"


def test_a_returned_application_must_be_made_again(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    item = ids_with(capsys, demo_db, "completed")[0]
    ok(capsys, demo_db, "closeoff", "require-review", "on")
    ok(capsys, demo_db, "closeoff", "request", item, "--date", "2023-12-01")
    assert "审核意见" in refused(capsys, demo_db, "closeoff", "decide", item, "--reject",
                                 "--reviewer", "王局长")  # fmt: skip
    out = ok(capsys, demo_db, "closeoff", "decide", item, "--reject", "--reviewer", "王局长",
             "--opinion", "请补充整改前后对比照片", "--date", "2023-12-02")  # fmt: skip
    assert "已退回" in out
    assert "审核未通过" in refused(capsys, demo_db, "closeoff", "close", item, "--reason", "已存档")
    assert "已被退回" in refused(capsys, demo_db, "closeoff", "decide", item, "--approve",
                                 "--reviewer", "王局长")  # fmt: skip
    ok(capsys, demo_db, "closeoff", "request", item, "--note", "已补充照片", "--date", "2023-12-05")
    history = json.loads(ok(capsys, demo_db, "closeoff", "show", item, "--json"))["reviews"]
    assert [r["state"] for r in history] == ["rejected", "applied"]
    assert "已补充照片" in ok(capsys, demo_db, "closeoff", "pending")


def test_requesting_twice_keeps_the_open_application(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    item = ids_with(capsys, demo_db, "completed")[0]
    ok(capsys, demo_db, "closeoff", "request", item, "--date", "2023-12-01")
    out = ok(capsys, demo_db, "closeoff", "request", item, "--date", "2023-12-09")
    assert "原已在等待审核" in out and "已为" not in out
    (waiting,) = json.loads(ok(capsys, demo_db, "closeoff", "pending", "--json"))
    assert waiting["applied_on"] == "2023-12-01"


def test_closing_without_evidence_needs_a_written_reason(
    demo_db: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    first, second, third = ids_with(capsys, demo_db, "completed")[:3]
    assert "写明理由" in refused(capsys, demo_db, "closeoff", "close", first)
    # A token reason is not a reason.
    assert "写明理由" in refused(capsys, demo_db, "closeoff", "close", first, "--reason", " 无 ")
    assert "现在还不能销号" in ok(capsys, demo_db, "closeoff", "show", first)
    assert status_of(capsys, demo_db, first)["status"] == "completed"
    missing = tmp_path / "不存在.pdf"
    assert "找不到佐证材料文件" in refused(
        capsys, demo_db, "closeoff", "close", first, "--evidence", str(missing)
    )
    evidence = tmp_path / "会议纪要.pdf"
    evidence.write_bytes(b"%PDF-1.4 minutes")
    ok(capsys, demo_db, "closeoff", "close", first, "--evidence", str(evidence))
    ok(capsys, demo_db, "closeoff", "close", second, "--reason", "会议纪要已报纪检组存档")
    assert {status_of(capsys, demo_db, i)["status"] for i in (first, second)} == {"closed"}
    assert status_of(capsys, demo_db, third)["status"] == "completed"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["decide", "{done}", "--approve", "--reviewer", "王局长"], "还没有提出销号申请"),
        (["decide", "{waiting}", "--approve"], "请填写审核人"),
        (["decide", "{waiting}", "--approve", "--reviewer", "   "], "请填写审核人"),
        (["decide", "{waiting}", "--approve", "--reviewer", "王局长", "--date", "2023-11-01"],
         "审核日期早于申请日期"),
        (["decide", "999999", "--approve", "--reviewer", "王局长"], "找不到编号为 999999"),
        (["request", "{done}", "999999"], "找不到编号为 999999"),
        (["request", "999999"], "找不到编号为 999999"),
        (["request", "{open}"], "只有“已完成（待销号）”"),
        (["request", "{done}", "--date", "2023-13-01"], "格式不对"),
        (["show", "999999"], "找不到编号为 999999"),
        (["close", "{done}", "999999", "--reason", "会议纪要已存档"], "找不到编号为 999999"),
    ],
)  # fmt: skip
def test_refusals_say_one_sentence_and_change_nothing(
    demo_db: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    done = ids_with(capsys, demo_db, "completed")
    open_item = ids_with(capsys, demo_db, "in_progress")[0]
    ok(capsys, demo_db, "closeoff", "request", done[1], "--date", "2023-12-01")
    before = ok(capsys, demo_db, "closeoff", "pending", "--json")
    values = {"done": done[0], "waiting": done[1], "open": open_item}
    said = refused(capsys, demo_db, "closeoff", *[a.format(**values) for a in args])
    assert message in said
    assert ok(capsys, demo_db, "closeoff", "pending", "--json") == before


def test_a_store_another_program_writes_is_only_read(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    done = ids_with(capsys, demo_db, "completed")
    ok(capsys, demo_db, "closeoff", "request", done[1], "--date", "2023-12-01")
    with Store.open(demo_db):  # the window holds the store
        for args in (
            ["request", done[0]],
            ["decide", done[1], "--approve", "--reviewer", "王局长"],
            ["close", done[0], "--reason", "会议纪要已存档"],
            ["require-review", "on"],
        ):
            assert "另一个 RectDesk 程序" in refused(capsys, demo_db, "closeoff", *args), args
        # Reading still works, read-only.
        (waiting,) = json.loads(ok(capsys, demo_db, "closeoff", "pending", "--json"))
        assert str(waiting["item_id"]) == done[1]
        assert "已关闭" in ok(capsys, demo_db, "closeoff", "require-review")
        ok(capsys, demo_db, "closeoff", "show", done[1])
    (waiting,) = json.loads(ok(capsys, demo_db, "closeoff", "pending", "--json"))
    assert waiting["state"] == "applied"
    assert status_of(capsys, demo_db, done[0])["status"] == "completed"


def test_personal_data_is_masked_in_every_closeoff_output(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    item = ids_with(capsys, demo_db, "completed")[0]
    note = f"已整改，联系人王五{PHONE}"
    outputs = [
        ok(capsys, demo_db, "closeoff", "request", item, "--note", note, "--date", "2023-12-01"),
        ok(capsys, demo_db, "closeoff", "pending"),
        ok(capsys, demo_db, "closeoff", "pending", "--json"),
        ok(capsys, demo_db, "closeoff", "decide", item, "--reject", "--reviewer", "王局长",
           "--opinion", f"请与王五（{PHONE}）核实", "--date", "2023-12-02"),
        ok(capsys, demo_db, "closeoff", "show", item),
        ok(capsys, demo_db, "closeoff", "show", item, "--json"),
    ]  # fmt: skip
    for out in outputs:
        assert PHONE not in out
    assert all(MASKED in out for out in outputs[1:])
    # A refusal that quotes the returned application's opinion masks it too.
    said = refused(capsys, demo_db, "closeoff", "decide", item, "--approve", "--reviewer", "王局长")
    assert "已被退回" in said and PHONE not in said and MASKED in said
    # Kept whole in the store: masking is of the output only.
    with Store.open(demo_db, readonly=True) as store:
        assert closure.latest_review(store, int(item)).note == note  # type: ignore[union-attr]


def test_json_shapes(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    item = ids_with(capsys, demo_db, "completed")[0]
    made = json.loads(ok(capsys, demo_db, "closeoff", "request", item, "--json"))
    assert isinstance(made, list) and set(made[0]) == REVIEW_KEYS
    (waiting,) = json.loads(ok(capsys, demo_db, "closeoff", "pending", "--json"))
    assert set(waiting) == REVIEW_KEYS and waiting["reviewer"] == ""
    assert waiting["reviewed_on"] is None and isinstance(waiting["review_id"], int)
    decided = json.loads(ok(capsys, demo_db, "closeoff", "decide", item, "--approve",
                            "--reviewer", "王局长", "--json"))  # fmt: skip
    assert set(decided) == REVIEW_KEYS and decided["state"] == "approved"
    shown = json.loads(ok(capsys, demo_db, "closeoff", "show", item, "--json"))
    assert set(shown) == {
        "item_id", "number", "content", "status", "status_label", "closed_on", "evidence",
        "review_required", "can_close", "problem", "reuse", "reviews",
    }  # fmt: skip
    # Approved but without evidence: still needs a written reason, and says so.
    assert shown["can_close"] is False and "写明理由" in shown["problem"]
    assert shown["reuse"] == []


def test_show_flags_evidence_another_item_was_closed_with(
    demo_db: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    first, second = ids_with(capsys, demo_db, "completed")[:2]
    minutes = tmp_path / f"会议纪要-王五{PHONE}.pdf"
    minutes.write_bytes(b"%PDF-1.4 minutes")
    ok(capsys, demo_db, "closeoff", "close", first, "--evidence", str(minutes))
    # The same file offered for another item: the reviewer sees it before deciding,
    # without a reuse check having been run.
    ok(capsys, demo_db, "progress", second, "--text", "已整改", "--evidence", str(minutes))
    ok(capsys, demo_db, "closeoff", "request", second)
    (flag,) = json.loads(ok(capsys, demo_db, "closeoff", "show", second, "--json"))["reuse"]
    assert "同一文件" in flag and MASKED in flag and PHONE not in flag
    text = ok(capsys, demo_db, "closeoff", "show", second)
    assert "佐证材料复用提示：同一文件" in text and PHONE not in text
