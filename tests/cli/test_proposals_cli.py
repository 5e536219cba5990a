"""rectdesk-cli proposals: statutory deadlines on the working-day clock, contacts, answers,
satisfaction and the year's figures, on a demo store with a 人大代表建议 batch imported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx import Document

from rectdesk.cli import main
from rectdesk.store import Store

PHONE = "13911112222"
MASKED = "139****2222"
PROPOSER = f"王五代表{PHONE}"
LIST_KEYS = {
    "item_id", "number", "content", "kind", "kind_label", "code", "proposer", "role",
    "role_label", "main_unit", "co_units", "key", "leader", "assigned_on", "answer_period",
    "co_period", "co_opinion_on", "step", "deadline", "deadline_explanation", "missing_years",
    "done_on", "on_time", "overdue", "overdue_days", "answer_class", "satisfaction", "contacts",
}  # fmt: skip
ANSWER_KEYS = {
    "round", "answered_on", "answer_class", "class_label", "number", "signer", "contact_person",
    "contact_phone", "text", "satisfaction", "feedback_on", "second_deadline",
    "second_explanation",
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


def shown(capsys: pytest.CaptureFixture[str], db: Path, item: str, *args: str) -> dict[str, object]:
    data: dict[str, object] = json.loads(ok(capsys, db, "proposals", "show", item, "--json", *args))
    return data


@pytest.fixture
def db(db_path: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Path:
    """The demo store plus a 人大代表建议 batch of three items."""
    ok(capsys, db_path, "demo")
    table = tmp_path / "建议.csv"
    table.write_text(
        "序号,意见建议编号,意见来源,意见或建议内容,责任处室\n"
        f"1,45,{PROPOSER},关于加强乡镇卫生院人才队伍建设的建议,医政股\n"
        "2,46,李代表,关于完善家庭医生签约服务的建议,基层股\n"
        "3,47,赵代表,关于改善县医院停车难的建议,办公室\n",
        encoding="utf-8",
    )
    ok(capsys, db_path, "import", str(table), "--kind", "congress_review",
       "--batch-name", "2026年县人大代表建议", "--year", "2026")  # fmt: skip
    return db_path


def proposal_ids(capsys: pytest.CaptureFixture[str], db: Path) -> list[str]:
    rows = json.loads(ok(capsys, db, "items", "--json", "--search", "关于"))
    return [str(r["id"]) for r in rows if str(r["number"]).startswith("4")]


def demo_item(capsys: pytest.CaptureFixture[str], db: Path) -> str:
    rows = json.loads(ok(capsys, db, "items", "--json", "--batch", "1", "--limit", "1"))
    return str(rows[0]["id"])


def test_set_counts_the_reply_deadline_and_makes_it_the_items(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second, third = proposal_ids(capsys, db)
    data = json.loads(ok(capsys, db, "proposals", "set", first, "--code", "45", "--proposer",
                         PROPOSER, "--assigned", "2026-01-20", "--json"))  # fmt: skip
    assert data["kind"] == "congress"  # from the batch's kind
    assert (data["step"], data["deadline"]) == ("答复", "2026-04-20")
    assert "交办之日2026年1月20日" in data["deadline_explanation"]
    items = {str(r["id"]): r for r in json.loads(ok(capsys, db, "items", "--json"))}
    assert items[first]["deadline"] == "2026-04-20"
    assert "交办之日起3个月内" in str(items[first]["deadline_text"])
    # 会办: the opinion within one month; 20 Feb 2026 is in the Spring Festival holiday.
    out = ok(capsys, db, "proposals", "set", second, "--role", "会办", "--assigned", "2026-01-20")
    assert "会办意见期限 2026-02-24" in out and "顺延" in out
    # In working days: the holiday of 15–23 Feb 2026 is skipped.
    out = ok(capsys, db, "proposals", "set", third, "--answer-period", "交办之日起20个工作日内",
             "--assigned", "2026-02-10")  # fmt: skip
    assert "答复期限 2026-03-16" in out and "2026年2月15日至2月23日" in out
    # Only the fields written change.
    ok(capsys, db, "proposals", "set", first, "--main-unit", "县卫生健康局")
    again = shown(capsys, db, first)
    assert (again["code"], again["assigned_on"], again["main_unit"]) == (
        "45", "2026-01-20", "县卫生健康局",
    )  # fmt: skip
    # Un-assigning stops the clock.
    assert shown(capsys, db, third)["deadline"] == "2026-03-16"
    ok(capsys, db, "proposals", "set", third, "--assigned", "none")
    assert shown(capsys, db, third)["deadline"] is None


def test_the_list_flags_what_is_overdue_on_the_clock(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second, _third = proposal_ids(capsys, db)
    ok(capsys, db, "proposals", "set", first, "--assigned", "2026-01-20")
    ok(capsys, db, "proposals", "set", second, "--role", "co", "--assigned", "2026-01-20")

    def listed(today: str, *more: str) -> dict[str, dict[str, object]]:
        rows = json.loads(ok(capsys, db, "proposals", "list", "--json", "--today", today, *more))
        return {str(r["item_id"]): r for r in rows}

    on_day = listed("2026-02-24")
    assert not on_day[second]["overdue"] and not on_day[first]["overdue"]
    after = listed("2026-02-25")
    assert (after[second]["overdue"], after[second]["overdue_days"]) == (True, 1)
    assert set(listed("2026-02-25", "--overdue")) == {second}
    text = ok(capsys, db, "proposals", "list", "--today", "2026-02-25")
    assert "逾期1天" in text and "顺延到其后的第一个工作日" in text and "逾期未办 1 件" in text
    ok(capsys, db, "proposals", "set", second, "--co-opinion", "2026-02-26")
    late = listed("2026-03-10")[second]
    assert (late["overdue"], late["done_on"], late["on_time"]) == (False, "2026-02-26", False)
    ok(capsys, db, "proposals", "reply", first, "--class", "A", "--date", "2026-04-20")
    answered = listed("2026-06-01")[first]
    assert (answered["overdue"], answered["on_time"], answered["answer_class"]) == (
        False, True, "A",
    )  # fmt: skip
    assert set(listed("2026-06-01", "--year", "2025")) == set()
    assert set(listed("2026-06-01", "--year", "2026")) == {first, second}


def test_contacts_answers_satisfaction_and_the_year(
    db: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    first, second, _third = proposal_ids(capsys, db)
    ok(capsys, db, "proposals", "set", first, "--code", "45", "--proposer", PROPOSER,
       "--assigned", "2026-01-20", "--key", "--leader", "张局长")  # fmt: skip
    ok(capsys, db, "proposals", "set", second, "--code", "46", "--assigned", "2026-01-20")
    ok(capsys, db, "proposals", "contact", first, "--method", "面对面沟通", "--date",
       "2026-02-03", "--who", PROPOSER, "--opinions", "3", "--content", "座谈人才培养")  # fmt: skip
    ok(capsys, db, "proposals", "contact", first, "--method", "电话沟通", "--date", "2026-03-03",
       "--opinions", "1")  # fmt: skip
    out = ok(capsys, db, "proposals", "reply", first, "--class", "A", "--date", "2026-04-10",
             "--number", "县卫健函〔2026〕8号", "--signer", "王局长", "--contact-person", "李明",
             "--text", f"您提出的建议收悉。请王五{PHONE}核对。", "--satisfaction", "不满意",
             "--feedback-date", "2026-04-20")  # fmt: skip
    assert "第一次答复" in out and "须于 2026-05-20 前重新办理" in out
    step = shown(capsys, db, first, "--today", "2026-05-21")
    assert (step["step"], step["deadline"], step["overdue_days"]) == ("重新办理", "2026-05-20", 1)
    # The next answer is the second handling without saying so.
    out = ok(capsys, db, "proposals", "reply", first, "--class", "B", "--date", "2026-05-15")
    assert "重新办理的答复" in out
    out = ok(capsys, db, "proposals", "satisfaction", first, "--value", "基本满意", "--date",
             "2026-05-20")  # fmt: skip
    assert "第2次答复" in out
    ok(capsys, db, "proposals", "reply", second, "--class", "B", "--date", "2026-05-01")
    ok(capsys, db, "proposals", "satisfaction", second, "--value", "满意", "--date", "2026-05-03")
    data = shown(capsys, db, first)
    answers = data["answers"]
    assert isinstance(answers, list) and [a["round"] for a in answers] == [1, 2]
    assert all(set(a) == ANSWER_KEYS for a in answers)
    assert (
        answers[0]["second_deadline"] == "2026-05-20" and answers[1]["satisfaction"] == "基本满意"
    )
    assert [c["method"] for c in data["contact_log"]] == ["面对面沟通", "电话沟通"]  # type: ignore[attr-defined]
    assert (data["contacts"], data["key"], data["leader"]) == (2, True, "张局长")
    figures = json.loads(ok(capsys, db, "proposals", "figures", "--year", "2026", "--json"))
    assert (figures["total"], figures["main"], figures["key"]) == (2, 2, 1)
    assert (figures["face_to_face"], figures["phone"], figures["opinions"]) == (1, 1, 4)
    assert (figures["answered"], figures["second_handled"]) == (2, 1)
    assert (figures["satisfied"], figures["basically"], figures["satisfaction_rate"]) == (1, 1, 1.0)
    assert "共承办建议提案2件" in figures["paragraph"]
    assert list(figures["by_class"])[:3] == ["A", "B", "C"] and figures["by_class"]["C"] == 0
    text = ok(capsys, db, "proposals", "figures", "--year", "2026")
    assert "满意率\t100.0%" in text and "面对面沟通（次）\t1" in text
    printed = tmp_path / "统计.xlsx"
    ok(capsys, db, "proposals", "figures", "--year", "2026", "--print", str(printed))
    assert printed.stat().st_size > 0
    letter = tmp_path / "答复函.docx"
    assert "第1次答复" in ok(capsys, db, "proposals", "letter", first, "--round", "1",
                             "--output", str(letter))  # fmt: skip
    words = "\n".join(p.text for p in Document(str(letter)).paragraphs)
    assert "第45号建议" in words and "县卫健函〔2026〕8号" in words
    assert PHONE not in words and MASKED in words


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["set", "{demo}", "--code", "1"], "不在人大代表建议或政协委员提案批次中"),
        (["contact", "{demo}", "--method", "电话沟通"], "不在人大代表建议或政协委员提案批次中"),
        (["set", "999999", "--code", "1"], "找不到编号为 999999"),
        (["reply", "{fresh}", "--class", "A"], "还没有填写建议提案信息"),
        (["show", "{fresh}"], "还没有填写建议提案信息"),
        (["reply", "{item}", "--class", "Z"], "答复分类请选"),
        (["reply", "{item}", "--class", "A", "--round", "2"], "还没有第一次答复"),
        (["reply", "{item}", "--class", "A", "--satisfaction", "很好"], "满意度请选"),
        (["reply", "{item}", "--class", "A", "--feedback-date", "2026-04-01"], "没有写满意度"),
        (["satisfaction", "{item}", "--value", "满意"], "还没有登记答复"),
        (["contact", "{item}", "--method", "微信"], "沟通方式请选"),
        (["contact", "{item}", "--method", "电话沟通", "--opinions", "-1"], "不能是负数"),
        (["set", "{item}", "--key"], "领办的领导"),
        (["set", "{item}", "--kind", "市长信箱"], "无法识别"),
        (["set", "{item}", "--role", "协办"], "无法识别"),
        (["set", "{item}", "--assigned", "2026-13-01"], "格式不对"),
        (["set", "{item}", "--answer-period", "尽快办理"], "没有找到期限"),
        (["letter", "{item}", "--output", "{tmp}/答复函.docx"], "还没有登记答复"),
        (["classes", "--set", "A"], "代号=含义"),
        (["classes", "--set", "A=已解决", "--set", "A=正在解决"], "不能重复"),
    ],
)  # fmt: skip
def test_refusals_say_one_sentence_and_change_nothing(
    db: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str], message: str
) -> None:
    item, fresh, _third = proposal_ids(capsys, db)
    ok(capsys, db, "proposals", "set", item, "--code", "45", "--assigned", "2026-01-20")
    before = (shown(capsys, db, item), ok(capsys, db, "proposals", "classes", "--json"))
    values = {"demo": demo_item(capsys, db), "fresh": fresh, "item": item, "tmp": str(tmp_path)}
    said = refused(capsys, db, "proposals", *[a.format(**values) for a in args])
    assert message in said
    assert (shown(capsys, db, item), ok(capsys, db, "proposals", "classes", "--json")) == before
    assert json.loads(ok(capsys, db, "proposals", "list", "--json"))[0]["item_id"] == int(item)


def test_satisfaction_refusals_after_answers(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    item = proposal_ids(capsys, db)[0]
    ok(capsys, db, "proposals", "set", item, "--assigned", "2026-01-20")
    ok(capsys, db, "proposals", "reply", item, "--class", "A", "--date", "2026-04-10")
    assert "早于答复日期" in refused(capsys, db, "proposals", "satisfaction", item, "--value",
                                     "满意", "--date", "2026-04-01")  # fmt: skip
    assert "没有第2次答复" in refused(capsys, db, "proposals", "satisfaction", item, "--value",
                                      "满意", "--round", "2")  # fmt: skip
    ok(capsys, db, "proposals", "satisfaction", item, "--value", "满意", "--date", "2026-04-12")
    assert "不满意时" in refused(capsys, db, "proposals", "reply", item, "--class", "B",
                                 "--round", "2")  # fmt: skip
    ok(capsys, db, "proposals", "satisfaction", item, "--value", "不满意", "--date", "2026-04-12")
    ok(capsys, db, "proposals", "reply", item, "--class", "B", "--date", "2026-05-10")
    # With a second handling on record, the first 不满意 stands.
    assert "不能再改" in refused(capsys, db, "proposals", "satisfaction", item, "--value", "满意",
                                 "--round", "1")  # fmt: skip
    assert [a["satisfaction"] for a in shown(capsys, db, item)["answers"]] == ["不满意", ""]  # type: ignore[union-attr]


def test_an_answer_on_record_is_only_corrected_when_asked(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    item = proposal_ids(capsys, db)[0]
    ok(capsys, db, "proposals", "set", item, "--assigned", "2026-01-20")
    assert "答复分类请选" in refused(capsys, db, "proposals", "reply", item)
    ok(capsys, db, "proposals", "reply", item, "--class", "A", "--date", "2026-04-10",
       "--signer", "王局长", "--text", "已解决。", "--satisfaction", "满意",
       "--feedback-date", "2026-04-12")  # fmt: skip
    before = shown(capsys, db, item)
    # A second reply of the same round would have blanked the first one's satisfaction.
    assert "--replace" in refused(capsys, db, "proposals", "reply", item, "--class", "B")
    assert shown(capsys, db, item) == before
    out = ok(capsys, db, "proposals", "reply", item, "--class", "b", "--replace")
    assert "已改正" in out and "B类" in out
    (answer,) = shown(capsys, db, item)["answers"]  # type: ignore[misc]
    assert (answer["answer_class"], answer["answered_on"], answer["signer"]) == (
        "B", "2026-04-10", "王局长",
    )  # fmt: skip
    assert (answer["text"], answer["satisfaction"], answer["feedback_on"]) == (
        "已解决。", "满意", "2026-04-12",
    )  # fmt: skip
    # After a second handling, a correction of the first answer keeps its 不满意.
    ok(capsys, db, "proposals", "satisfaction", item, "--value", "不满意", "--date", "2026-04-12")
    ok(capsys, db, "proposals", "reply", item, "--class", "A", "--date", "2026-05-10")
    assert "--replace" in refused(capsys, db, "proposals", "reply", item, "--class", "C")
    assert "不能再改" in refused(capsys, db, "proposals", "reply", item, "--round", "1",
                                 "--replace", "--satisfaction", "满意")  # fmt: skip
    ok(capsys, db, "proposals", "reply", item, "--round", "1", "--replace", "--number", "8号")
    first, second = shown(capsys, db, item)["answers"]  # type: ignore[misc]
    kept = (first["number"], first["satisfaction"], second["answer_class"])
    assert kept == ("8号", "不满意", "A")


def test_a_store_another_program_writes_is_only_read(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    item = proposal_ids(capsys, db)[0]
    ok(capsys, db, "proposals", "set", item, "--assigned", "2026-01-20", "--proposer", PROPOSER)
    before = shown(capsys, db, item)
    with Store.open(db):  # the window holds the store
        for args in (
            ["set", item, "--code", "99"],
            ["contact", item, "--method", "电话沟通"],
            ["reply", item, "--class", "A"],
            ["classes", "--set", "A=已解决"],
            # Full personal data must be audited first; a store that cannot be written
            # cannot show it.
            ["list", "--privacy", "full"],
            ["show", item, "--privacy", "full"],
        ):
            assert "另一个 RectDesk 程序" in refused(capsys, db, "proposals", *args), args
        assert shown(capsys, db, item) == before
        assert MASKED in ok(capsys, db, "proposals", "list")
    assert shown(capsys, db, item) == before


def test_the_proposers_phone_is_masked_unless_full_is_chosen_and_audited(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    item = proposal_ids(capsys, db)[0]
    ok(capsys, db, "proposals", "set", item, "--proposer", PROPOSER, "--assigned", "2026-01-20")
    ok(capsys, db, "proposals", "contact", item, "--method", "面对面沟通", "--who", PROPOSER,
       "--content", f"回访电话{PHONE}")  # fmt: skip
    ok(capsys, db, "proposals", "reply", item, "--class", "A", "--date", "2026-04-10",
       "--contact-phone", PHONE)  # fmt: skip
    masked = [
        ok(capsys, db, "proposals", "list"),
        ok(capsys, db, "proposals", "list", "--json"),
        ok(capsys, db, "proposals", "show", item),
        ok(capsys, db, "proposals", "show", item, "--json"),
        ok(capsys, db, "proposals", "set", item, "--code", "45"),
        ok(capsys, db, "proposals", "set", item, "--code", "45", "--json"),
    ]
    for out in masked:
        assert PHONE not in out and MASKED in out
    published = shown(capsys, db, item, "--privacy", "publish")
    assert published["proposer"] == "" and "王五" not in json.dumps(published, ensure_ascii=False)
    with Store.open(db, readonly=True) as store:
        before = [e for e in store.audit_log() if e.action == "export_full"]
    full = shown(capsys, db, item, "--privacy", "full")
    assert full["proposer"] == PROPOSER and PHONE in json.dumps(full, ensure_ascii=False)
    assert PHONE in ok(capsys, db, "proposals", "list", "--privacy", "full")
    with Store.open(db, readonly=True) as store:
        after = [e for e in store.audit_log() if e.action == "export_full"]
    assert len(after) == len(before) + 2
    assert all(e.field == "proposals" for e in after[: len(after) - len(before)])


def test_json_shapes_and_answer_classes(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    item = proposal_ids(capsys, db)[0]
    assert json.loads(ok(capsys, db, "proposals", "list", "--json")) == []
    ok(capsys, db, "proposals", "set", item, "--assigned", "2026-01-20")
    (row,) = json.loads(ok(capsys, db, "proposals", "list", "--json"))
    assert set(row) == LIST_KEYS
    assert isinstance(row["item_id"], int) and isinstance(row["missing_years"], list)
    assert set(shown(capsys, db, item)) == LIST_KEYS | {"contact_log", "answers"}
    ok(capsys, db, "proposals", "classes", "--set", "A=已解决或基本解决", "--set", "B=正在解决",
       "--set", "C=列入计划逐步解决", "--set", "D=留作参考")  # fmt: skip
    classes = json.loads(ok(capsys, db, "proposals", "classes", "--json"))
    assert [c["code"] for c in classes] == ["A", "B", "C", "D"]
    with Store.open(db, readonly=True) as store:
        (renamed,) = [e for e in store.audit_log() if e.field == "proposal_answer_classes"]
    assert renamed.action == "settings" and renamed.new.endswith("D=留作参考")
    ok(capsys, db, "proposals", "reply", item, "--class", "d", "--date", "2026-04-10")
    (answer,) = shown(capsys, db, item)["answers"]  # type: ignore[misc]
    assert (answer["answer_class"], answer["class_label"]) == ("D", "留作参考")


def test_a_period_the_clock_cannot_read_is_said_without_breaking_the_list(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import datetime as dt

    from rectdesk.domain.proposals import Proposal
    from rectdesk.store.proposals import ProposalBook

    first, second, _third = proposal_ids(capsys, db)
    ok(capsys, db, "proposals", "set", first, "--assigned", "2026-01-20")
    # A period kept from before the clock knew it (the window refuses to save one now).
    with Store.open(db) as store, store.transaction():
        ProposalBook(store).save(Proposal(int(second), answer_period="尽快办理",
                                          assigned_on=dt.date(2026, 1, 20)))  # fmt: skip
    rows = {str(r["item_id"]): r for r in json.loads(ok(capsys, db, "proposals", "list", "--json"))}
    assert rows[first]["deadline"] == "2026-04-20"
    assert rows[second]["deadline"] is None and not rows[second]["overdue"]
    assert "没有找到期限" in str(rows[second]["deadline_explanation"])
    assert "没有找到期限" in ok(capsys, db, "proposals", "list")
