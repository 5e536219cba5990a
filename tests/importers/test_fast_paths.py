"""The import's fast paths give exactly what the plain ones give."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from rectdesk.domain.deadlines import parse_deadline
from rectdesk.domain.departments import parse_departments
from rectdesk.domain.model import BatchDraft, BatchKind, ItemDraft
from rectdesk.importers.sheetxml import SheetReader, read_shared_strings
from rectdesk.services.importing import import_file
from rectdesk.store import ItemQuery, Store

_TABLES = (
    "SELECT term, doc, cnt FROM items_fts_terms ORDER BY term",
    "SELECT id, batch_id, position, number, content, measures, dept_text, deadline FROM items"
    " ORDER BY id",
    "SELECT * FROM item_departments ORDER BY item_id, position",
    "SELECT * FROM item_extra ORDER BY item_id, position",
    "SELECT * FROM department_status_counts ORDER BY department_id, status",
)


def _contents(store: Store) -> list[list[tuple[object, ...]]]:
    return [list(store.db.execute(sql).fetchall()) for sql in _TABLES]


def _trigger(store: Store) -> str | None:
    found = store.db.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'items_fts_insert'"
    ).fetchone()
    return None if found is None else str(found[0])


def test_bulk_search_entries_equal_the_triggers(
    seed_001: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(tmp_path / "fast.sqlite3") as fast:
        trigger = _trigger(fast)
        import_file(fast, seed_001, batch_name="批次")
        import_file(fast, seed_001, batch_name="另一批")  # a second batch after the first
        assert _trigger(fast) == trigger  # back as it was, for every other write
        fast_rows = _contents(fast)
        assert fast.check() == []
    monkeypatch.setattr(Store, "_suspend_search_trigger", lambda self: None)
    with Store.open(tmp_path / "plain.sqlite3") as plain:
        import_file(plain, seed_001, batch_name="批次")
        import_file(plain, seed_001, batch_name="另一批")
        assert _contents(plain) == fast_rows
        assert plain.check() == []


def test_later_writes_keep_the_index(store: Store) -> None:
    batch = store.add_batch(BatchDraft(BatchKind.OTHER, "批次"))
    first, second = store.add_items(
        batch, [ItemDraft("医疗废物处置不规范"), ItemDraft("药品采购台账缺失")]
    )
    (third,) = store.add_items(batch, [ItemDraft("院感防控培训不足")])  # one by the trigger too
    store.update_item(first, {"content": "医疗垃圾分类不到位"})
    store.delete_items([second])
    assert store.item_ids(ItemQuery(search="垃圾分类")) == [first]
    assert store.item_ids(ItemQuery(search="废物处置")) == []
    assert store.item_ids(ItemQuery(search="采购台账")) == []
    assert store.item_ids(ItemQuery(search="防控培训")) == [third]
    assert store.check() == []


def test_a_failed_add_rolls_back_with_the_trigger(store: Store) -> None:
    batch = store.add_batch(BatchDraft(BatchKind.OTHER, "批次"))
    trigger = _trigger(store)

    def drafts() -> Iterator[ItemDraft]:
        yield ItemDraft("第一条问题内容")
        raise RuntimeError("cancelled")

    with pytest.raises(RuntimeError):
        store.add_items(batch, drafts())
    assert _trigger(store) == trigger
    assert store.count_items() == 0
    (item,) = store.add_items(batch, [ItemDraft("第二条问题内容")])
    assert store.item_ids(ItemQuery(search="第二条")) == [item]
    assert store.check() == []


def test_a_changed_trigger_is_left_to_do_its_work(store: Store) -> None:
    store.db.execute("DROP TRIGGER items_fts_insert")
    store.db.execute(
        "CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN"
        " INSERT INTO items_fts(rowid, content) VALUES (new.id, new.content); END"
    )
    batch = store.add_batch(BatchDraft(BatchKind.OTHER, "批次"))
    (item,) = store.add_items(batch, [ItemDraft("医疗废物处置不规范", measures="加强培训")])
    assert store.item_ids(ItemQuery(search="废物处置")) == [item]
    assert "new.content" in (_trigger(store) or "")


def test_cached_parsers_answer_alike_and_hand_out_fresh_lists() -> None:
    for text in ("2023年12月底前", "6月底前", "立行立改，长期坚持", "x" * 300):
        for year in (None, 2023):
            assert parse_deadline(text, year=year) == parse_deadline(text, year=year)
    assert parse_deadline("6月底前", year=2023).date != parse_deadline("6月底前", year=2024).date
    units = parse_departments("医政科（牵头）、财务股")
    assert units == [("医政科", True), ("财务股", False)]
    units.clear()
    assert parse_departments("医政科（牵头）、财务股") == [("医政科", True), ("财务股", False)]
    long_cell = "、".join(f"第{i}科" for i in range(60))
    assert len(parse_departments(long_cell)) == 60


def _sheet(cells: str) -> list[tuple[int, list[object]]]:
    found: list[tuple[int, list[object]]] = []
    xml = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{cells}</sheetData></worksheet>"
    )
    reader = SheetReader(
        ["共享一", "共享二"], lambda raw, _s: float(raw), lambda i, v: found.append((i, v)), 5
    )
    reader.parse(io.BytesIO(xml.encode()))
    return found


def test_cell_references_read_as_before() -> None:
    rows = _sheet(
        '<row r="3"><c r="B3" t="s"><v>1</v></c><c r="D3"><v>7</v></c>'
        '<c r="x9" t="inlineStr"><is><t>下一列</t></is></c>'  # not a reference: next column
        '<c r="AAAA3" t="str"><v>又下一列</v></c><c r="F3"><v>1</v></c></row>'
        '<row><c r="C12345678" t="str"><v>八位行号不是引用</v></c><c t="b"><v>1</v></c></row>'
    )
    assert rows == [
        (3, [None, "共享二", None, 7.0, "下一列"]),  # 又下一列 and F3 are past column 5
        (4, ["八位行号不是引用", True]),
    ]


def test_long_texts_arrive_whole() -> None:
    text = "长" * 200_000
    strings = read_shared_strings(
        io.BytesIO(
            '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f"<si><t>{text}</t><rPh><t>ちょう</t></rPh></si><si><r><t>甲</t></r><r><t>乙</t></r></si>"
            "</sst>".encode()
        )
    )
    assert strings == [text, "甲乙"]


def test_a_broken_sheet_is_still_refused() -> None:
    from rectdesk.importers.sheetxml import BadSheet

    with pytest.raises(BadSheet):
        _sheet('<row r="1"><c r="A1"><v>1</v></row>')
    with pytest.raises(BadSheet):
        read_shared_strings(io.BytesIO(b"<sst><si><t>unfinished"))
