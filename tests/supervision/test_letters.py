"""督办 and 预警 letters: numbering per year, the register, replies, masking, both formats."""

from __future__ import annotations

import datetime as dt
import json
import re
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader
from supkit import PLANTED, TODAY

from rectdesk.cli import main
from rectdesk.domain.deadlines import format_cn_date
from rectdesk.domain.errors import UserError
from rectdesk.domain.privacy import OutputMode
from rectdesk.domain.supervision import LetterKind, parse_letter_number
from rectdesk.services import letters
from rectdesk.store import Store
from rectdesk.store.letters import LetterBook


def pdf_text(path: Path) -> str:
    return "".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    return "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", xml))


def digits_of_planted(text: str) -> list[str]:
    """Seven digits in a row of a planted number, whatever separates them."""
    flat = re.sub(r"[\s\-—.]", "", text)
    return [n for n in ("13911112222", "450102199001015678")
            if any(n[i : i + 7] in flat for i in range(len(n) - 6))]  # fmt: skip


def test_one_letter_per_unit_with_items_days_and_reply_date(store: Store, tmp_path: Path) -> None:
    store.set_setting(letters.PREFIX_KEY, "县卫健督")
    items = letters.overdue_items(store, TODAY)
    issued = letters.issue(store, items, today=TODAY, output_dir=tmp_path / "out")
    units = {i.letter.unit: i.letter for i in issued}
    assert set(units) == {"医政股"}  # the only unit with items past their deadline
    letter = units["医政股"]
    assert letter.number == "县卫健督〔2026〕1号" and letter.kind is LetterKind.SUPERVISE
    assert [i.days_overdue for i in letter.items] == [20, 10]
    # Five working days from Monday 16 March 2026: Monday 23 March.
    assert letter.reply_due == dt.date(2026, 3, 23)
    text = pdf_text(issued[0].path)
    for expected in ("某某县卫生健康局", "县卫健督〔2026〕1号", "医政股：", "逾期20天", "逾期10天",
                     "2026年3月23日前", "联系人：李明", "2026年3月16日"):  # fmt: skip
        assert expected in text, expected


def test_warning_letter_before_the_deadline_and_assisting_units(
    store: Store, tmp_path: Path
) -> None:
    day = TODAY - dt.timedelta(days=15)  # item 2, which 办公室 assists, falls due in 5 days
    issued = letters.issue(store, letters.due_items(store, day), today=day,
                           output_dir=tmp_path, unit="办公室")  # fmt: skip
    assert len(issued) == 1
    letter = issued[0].letter
    assert letter.kind is LetterKind.WARN and letter.unit == "办公室"
    assert [i.label for i in letter.items] == ["0220260630000002"]  # 办公室 assists item 2
    assert "预警提醒函" in issued[0].path.name


def test_numbers_restart_each_year_and_never_collide(store: Store, tmp_path: Path) -> None:
    items = store.items()[:2]
    first = letters.issue(store, items, today=dt.date(2025, 12, 30), output_dir=tmp_path)
    again = letters.issue(store, items, today=dt.date(2025, 12, 31), output_dir=tmp_path)
    new_year = letters.issue(store, items, today=dt.date(2026, 1, 2), output_dir=tmp_path)
    assert [i.letter.number for i in first + again] == ["〔2025〕1号", "〔2025〕2号"]
    assert [i.letter.number for i in new_year] == ["〔2026〕1号"]
    # 〔2025〕1号 and 〔2026〕1号 are different letters: a reply lands on the one named.
    letters.reply(store, "〔2026〕1号", on=dt.date(2026, 1, 5), summary="已整改")
    assert letters.find(store, "〔2025〕1号").reply_on is None
    assert letters.find(store, "2026-1").reply_on == dt.date(2026, 1, 5)
    with pytest.raises(UserError, match="已有文号"):
        LetterBook(store).add(kind=LetterKind.WARN, unit="x", issued_on=dt.date(2025, 3, 1),
                              reply_due=None, prefix="", items=[], seq=2)  # fmt: skip
    with pytest.raises(UserError, match="没有2024年第1号"):
        letters.find(store, "〔2024〕1号")


def test_a_letter_that_fails_to_print_takes_no_number(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object) -> None:
        raise UserError("磁盘已满")

    monkeypatch.setattr(letters, "write_letter", broken)
    with pytest.raises(UserError, match="磁盘已满"):
        letters.issue(store, store.items()[:1], today=TODAY, output_dir=tmp_path)
    assert LetterBook(store).letters() == []
    assert LetterBook(store).next_seq(2026) == 1


def test_number_forms() -> None:
    assert parse_letter_number("县卫健督〔2026〕3号") == (2026, 3)
    assert parse_letter_number("[2026]12") == (2026, 12)
    assert parse_letter_number(" 2026-7 ") == (2026, 7)
    with pytest.raises(UserError, match="不是督办函文号"):
        parse_letter_number("三号")


def test_reply_with_file_register_and_dashboard(store: Store, tmp_path: Path) -> None:
    issued = letters.issue(store, letters.overdue_items(store, TODAY), today=TODAY,
                           output_dir=tmp_path)  # fmt: skip
    number = issued[0].letter.number
    later = TODAY + dt.timedelta(days=30)
    assert [x.number for x in letters.overdue_replies(store, later)] == [number]
    reply_file = tmp_path / "答复.pdf"
    reply_file.write_bytes(b"%PDF-1.4 reply")
    with pytest.raises(UserError, match="早于发函日期"):
        letters.reply(store, number, on=TODAY - dt.timedelta(days=1))
    letter = letters.reply(store, number, on=later, summary="已完成整改", result="已整改到位",
                           file=reply_file)  # fmt: skip
    assert letter.reply_file_name == "答复.pdf"
    assert (store.files_dir / letter.reply_file).read_bytes() == b"%PDF-1.4 reply"
    assert letters.overdue_replies(store, later) == []
    # Each item's history shows the letter that named it, and its reply.
    item_id = issued[0].letter.items[0].item_id
    assert [x.number for x in letters.item_letters(store, item_id)] == [number]
    actions = [e.action for e in store.audit_log(item_id)]
    assert "letter" in actions and "letter_reply" in actions
    report = letters.register_report(store, later)
    cells = [c for t in report.tables() for row in t.rows for c in row.cells]
    assert number in cells and "已整改到位" in cells
    # Dates as the office writes them in a printed register, never 2026-03-02.
    assert format_cn_date(TODAY) in cells and format_cn_date(later) in cells
    assert not [c for c in cells if re.search(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", c)]


def test_letters_are_masked_unless_full(store: Store, tmp_path: Path) -> None:
    item = store.items()[0]
    assert PLANTED in item.content
    masked = letters.issue(store, [item], today=TODAY, output_dir=tmp_path / "m")
    word = letters.issue(store, [item], today=TODAY, output_dir=tmp_path / "w", fmt="docx")
    full = letters.issue(store, [item], today=TODAY, output_dir=tmp_path / "f",
                         mode=OutputMode.FULL)  # fmt: skip
    assert digits_of_planted(pdf_text(masked[0].path)) == []
    assert digits_of_planted(docx_text(word[0].path)) == []
    assert len(digits_of_planted(pdf_text(full[0].path))) == 2
    assert any(e.action == "export_full" for e in store.audit_log())
    # The office's own contact line is printed as it is (the unit calls back).
    assert "0771-5812345" in pdf_text(masked[0].path)
    register = letters.register_report(store, TODAY)
    assert digits_of_planted("".join(register.texts())) == []


def test_word_letter_has_the_red_letterhead_and_rule(store: Store, tmp_path: Path) -> None:
    issued = letters.issue(store, store.items()[:1], today=TODAY, output_dir=tmp_path,
                           fmt="docx")  # fmt: skip
    with zipfile.ZipFile(issued[0].path) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    assert '<w:color w:val="CC0000"/>' in xml and 'w:color="CC0000"' in xml
    text = docx_text(issued[0].path)
    assert text.index("某某县卫生健康局") < text.index("〔2026〕1号") < text.index("医政股：")
    assert "RDHEAD" not in text and "RDTO" not in text


def test_command_line(store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(store.path)
    store.close()
    out = tmp_path / "letters"
    code = main(["--db", db, "letters", "issue", "--overdue", "--format", "docx", "--output",
                 str(out), "--date", TODAY.isoformat(), "--due-reply", "2026-03-27"])  # fmt: skip
    assert code == 0, capsys.readouterr().err
    assert "〔2026〕1号" in capsys.readouterr().out
    assert main(["--db", db, "letters", "reply", "〔2026〕1号", "--date", "2026-03-20"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "letters", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows == [{
        "number": "〔2026〕1号", "date": "2026-03-16", "unit": "医政股",
        "items": ["0220260630000001", "0220260630000002"], "reply_due": "2026-03-27",
        "reply_date": "2026-03-20", "result": "已整改到位",
    }]  # fmt: skip
    printed = tmp_path / "登记簿.pdf"
    assert main(["--db", db, "letters", "list", "--print", str(printed)]) == 0
    assert "督办登记簿" in pdf_text(printed)
    assert main(["--db", db, "letters", "reply", "〔2031〕9号", "--date", "2031-01-01"]) == 1
    assert "没有2031年第9号" in capsys.readouterr().err
    assert main(["--db", db, "letters", "issue", "--unit", "无此单位", "--format", "pdf",
                 "--output", str(out), "--date", TODAY.isoformat()]) == 1  # fmt: skip
    assert "无此单位" in capsys.readouterr().err
