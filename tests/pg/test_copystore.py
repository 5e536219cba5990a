"""copy-store: a store file to a server and back, verified, all or nothing, into empty targets."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from pgserver import PgServer

from rectdesk.domain.errors import UserError
from rectdesk.domain.model import BatchDraft, BatchKind, ItemDraft, LedgerKind, Role
from rectdesk.domain.query import ItemQuery
from rectdesk.domain.supervision import LetterItem, LetterKind
from rectdesk.services.copying import copy_store
from rectdesk.services.demo import load_demo
from rectdesk.store import Store, open_store
from rectdesk.store.copying import _checksum, _columns, _tables
from rectdesk.store.letters import LetterBook
from rectdesk.store.rounds import RoundBook

TODAY = dt.date(2023, 11, 20)


def _ledger_file(path: Path, evidence: Path) -> Path:
    with Store.open(path) as store:
        load_demo(store, actor="测试")
        ids = store.item_ids()
        entry = store.add_ledger_entry(ids[0], TODAY, LedgerKind.PROGRESS, "已整改", author="王")
        evidence.write_bytes(b"%PDF-1.4 evidence " * 100)
        store.add_attachment(ids[0], evidence, ledger_id=entry)
        store.add_attachment(ids[1], evidence)
        LetterBook(store).add(kind=LetterKind.SUPERVISE, unit="办公室", issued_on=TODAY,
                              reply_due=None, prefix="督", items=[LetterItem(ids[2], "1", "x")])
        rounds = RoundBook(store)
        unit = rounds.unit_id(rounds.open_round(store.batches()[0].id, 1, None), "办公室")
        sent = [(ids[0], Role.LEAD, {"a": "b"}), (ids[1], Role.ASSIST, {})]
        rounds.record_sent(unit, "a.xlsx", sent)
        store.save_template("台账（本局）", {"columns": ["seq"]})
        store.set_setting("warn_days", 7)
        store.delete_items([ids[3]])
    return path


def _contents(store: Store) -> dict[str, tuple[int, str]]:
    """Every table's row count and checksum (rowid columns aside, which one engine lacks)."""
    found = {}
    for table in sorted(_tables(store)):
        columns = [c for c in _columns(store, table) if c != "rowid"]
        names = ", ".join(f'"{c}"' for c in columns)
        if table == "department_status_counts":
            rows = store.db.execute(f"SELECT {names} FROM {table} WHERE n <> 0").fetchall()
        else:
            rows = store.db.execute(f"SELECT {names} FROM {table}").fetchall()
        summed = _checksum(tuple(r) for r in rows)
        found[table] = (summed.count, summed.digest)
    return found


def test_a_file_goes_to_a_server_and_back_unchanged(pg_url: str, tmp_path: Path) -> None:
    source = _ledger_file(tmp_path / "a.sqlite3", tmp_path / "纪要.pdf")
    shared = tmp_path / "shared"
    report = copy_store(source, pg_url, target_files=shared)
    assert report.rows["items"] > 10 and report.files == 2
    back = tmp_path / "back.sqlite3"
    copy_store(pg_url, back, source_files=shared)
    with Store.open(source, readonly=True) as a, open_store(pg_url, files_dir=shared) as b, \
            Store.open(back) as c:  # fmt: skip
        assert _contents(a) == _contents(b) == _contents(c)
        for store in (a, b, c):
            assert store.check() == []
        query = ItemQuery(today=TODAY, search="卫生", sort="deadline")
        assert a.item_ids(query) == b.item_ids(query) == c.item_ids(query) != []
        assert a.items() == b.items() == c.items()
        attachment = b.attachments(a.item_ids()[0])[0]
        assert b.attachment_path(attachment).read_bytes() == (tmp_path / "纪要.pdf").read_bytes()
        assert c.attachment_path(c.attachment(attachment.id)).is_file()
        # New rows are numbered after the copied ones on the server too.
        (item,) = b.add_items(b.batches()[0].id, [ItemDraft(content="复制后新加")])
        assert item > max(a.item_ids())
        assert b.add_batch(BatchDraft(BatchKind.OTHER, "新批次")) > max(x.id for x in a.batches())


def test_a_target_that_holds_anything_is_refused_and_left_as_it_was(
    pg_url: str, tmp_path: Path
) -> None:
    source = _ledger_file(tmp_path / "a.sqlite3", tmp_path / "e.pdf")
    with open_store(pg_url) as target:
        target.set_setting("只有一项设置", 1)
        before = _contents(target)
    with pytest.raises(UserError, match="已经有数据"):
        copy_store(source, pg_url, target_files=tmp_path / "shared")
    with open_store(pg_url) as target:
        assert _contents(target) == before
    assert not (tmp_path / "shared").exists()


def test_a_copy_that_does_not_read_back_the_same_is_taken_back_whole(
    pg_url: str, tmp_path: Path
) -> None:
    source = _ledger_file(tmp_path / "a.sqlite3", tmp_path / "e.pdf")
    # An attack on the copy: the server quietly changes one table's rows as they arrive.
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(
            "CREATE FUNCTION tamper() RETURNS trigger LANGUAGE plpgsql AS"
            " $$ BEGIN NEW.actor := 'x'; RETURN NEW; END $$;"
            " CREATE TRIGGER tamper BEFORE INSERT ON audit_log"
            " FOR EACH ROW EXECUTE FUNCTION tamper()"
        )
    shared = tmp_path / "shared"
    with pytest.raises(UserError, match="核对不一致（audit_log）"):
        copy_store(source, pg_url, target_files=shared)
    with open_store(pg_url) as target:
        assert target.count_items() == 0 and target.batches() == []
    assert not [p for p in shared.rglob("*") if p.is_file()]


def test_files_need_a_folder_on_the_server_side(pg_url: str, tmp_path: Path) -> None:
    source = _ledger_file(tmp_path / "a.sqlite3", tmp_path / "e.pdf")
    with pytest.raises(UserError, match="--target-files"):
        copy_store(source, pg_url)
    with pytest.raises(UserError, match="同一个"):
        copy_store(source, source)


def test_the_command_copies_and_says_so(pg_url: str, tmp_path: Path) -> None:
    source = _ledger_file(tmp_path / "a.sqlite3", tmp_path / "e.pdf")
    run = subprocess.run(
        [sys.executable, "-m", "rectdesk.cli", "copy-store", str(source), pg_url,
         "--target-files", str(tmp_path / "shared")],
        capture_output=True, text=True, timeout=300, env={**os.environ},
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "全部一致" in run.stdout
    again = subprocess.run(
        [sys.executable, "-m", "rectdesk.cli", "copy-store", str(source), pg_url,
         "--target-files", str(tmp_path / "other")],
        capture_output=True, text=True, timeout=300, env={**os.environ},
    )  # fmt: skip
    assert again.returncode == 1 and "已经有数据" in again.stderr
    assert "Traceback" not in again.stderr


def test_server_to_server_is_refused_when_it_is_the_same_database(
    pg_server: PgServer, pg_url: str
) -> None:
    with pytest.raises(UserError, match="同一个"):
        copy_store(pg_url, pg_url)


def _shape(url: str) -> list[list[tuple[object, ...]]]:
    """The ledger's keys, indexes and triggers as the server states them."""
    with psycopg.connect(url) as conn:
        return [
            sorted(conn.execute(sql).fetchall())
            for sql in (
                "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)"
                " FROM pg_constraint WHERE connamespace = current_schema()::regnamespace",
                "SELECT indexrelid::regclass::text, pg_get_indexdef(indexrelid) FROM pg_index"
                " JOIN pg_class c ON c.oid = indexrelid"
                " WHERE c.relnamespace = current_schema()::regnamespace",
                "SELECT tgrelid::regclass::text, tgname, tgenabled FROM pg_trigger"
                " WHERE NOT tgisinternal",
            )
        ]


def test_the_keys_and_indexes_set_aside_for_the_load_come_back_as_they_were(
    pg_server: PgServer, pg_url: str, tmp_path: Path
) -> None:
    before = _shape(pg_url)
    assert len(before[0]) > 40 and len(before[1]) > 40
    copy_store(_ledger_file(tmp_path / "a.sqlite3", tmp_path / "e.pdf"), pg_url,
               target_files=tmp_path / "shared")  # fmt: skip
    assert _shape(pg_url) == before
    with open_store(pg_url) as store:
        # The keys hold again: an item's rows go with it.
        item = store.item_ids()[0]
        store.delete_items([item])
        assert store.db.execute(
            "SELECT count(*) FROM item_departments WHERE item_id = ?", [item]
        ).fetchone() == (0,)


def test_search_indexes_missing_after_a_stopped_copy_are_built_when_the_ledger_opens(
    pg_url: str, tmp_path: Path
) -> None:
    copy_store(_ledger_file(tmp_path / "a.sqlite3", tmp_path / "e.pdf"), pg_url,
               target_files=tmp_path / "shared")  # fmt: skip
    before = _shape(pg_url)
    # A copy stopped after its commit, before its search indexes were built side by side.
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("DROP INDEX items_search; DROP INDEX items_characters")
    with open_store(pg_url, readonly=True) as store:
        assert store.item_ids(ItemQuery(search="卫生")) != []
    open_store(pg_url).close()
    assert _shape(pg_url) == before


#: Text that COPY's own format escapes: tabs, line ends, backslashes, its NULL marker.
_ESCAPED = "制表\t换行\n回车\r\n反斜杠\\ 字面\\N \\t 引号\"' 结尾\\"


def test_text_copy_escapes_and_nulls_come_back_the_same_both_ways(
    pg_url: str, tmp_path: Path
) -> None:
    source = tmp_path / "a.sqlite3"
    with Store.open(source) as store:
        batch = store.add_batch(BatchDraft(BatchKind.OTHER, "批次\t\\N"))
        drafts = [ItemDraft(content=_ESCAPED, seq="\\N"), ItemDraft(content="")]
        ids = store.add_items(batch, drafts)
        store.set_setting("备注\n", _ESCAPED)
    copy_store(source, pg_url, target_files=tmp_path / "shared")
    back = tmp_path / "back.sqlite3"
    copy_store(pg_url, back, source_files=tmp_path / "shared")
    nulls = "SELECT count(*) FROM items WHERE number IS NULL AND deadline IS NULL"
    with Store.open(source, readonly=True) as a, open_store(pg_url) as b, \
            Store.open(back) as c:  # fmt: skip
        assert _contents(a) == _contents(b) == _contents(c)
        for store in (b, c):
            assert [i.content for i in store.items()] == [_ESCAPED, ""]
            assert store.item(ids[0]).seq == "\\N"
            assert store.db.execute(nulls).fetchone()[0] == 2


def test_a_nul_character_the_server_cannot_hold_is_refused_and_nothing_written(
    pg_url: str, tmp_path: Path
) -> None:
    source = tmp_path / "a.sqlite3"
    with Store.open(source) as store:
        (item,) = store.add_items(store.add_batch(BatchDraft(BatchKind.OTHER, "批次")),
                                  [ItemDraft(content="前")])  # fmt: skip
        store.db.execute("UPDATE items SET progress = ? WHERE id = ?", ["空\x00字符", item])
    with pytest.raises(UserError, match="空字符") as raised:
        copy_store(source, pg_url, target_files=tmp_path / "shared")
    assert "items" in str(raised.value)
    with open_store(pg_url) as target:
        assert target.count_items() == 0 and target.batches() == []


def test_a_clerk_who_may_not_build_the_missing_index_still_opens_the_ledger(
    pg_server: PgServer, pg_url: str, tmp_path: Path
) -> None:
    copy_store(_ledger_file(tmp_path / "a.sqlite3", tmp_path / "e.pdf"), pg_url,
               target_files=tmp_path / "shared")  # fmt: skip
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("DROP INDEX items_characters")
        name = conn.execute("SELECT current_database()").fetchone()
        assert name is not None
        conn.execute("DROP ROLE IF EXISTS typist")
        conn.execute("CREATE ROLE typist LOGIN")
        conn.execute("GRANT USAGE ON SCHEMA public TO typist")
        conn.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public"
                     " TO typist")  # fmt: skip
        conn.execute("GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO typist")
    try:
        with open_store(pg_server.url(str(name[0]), user="typist")) as store:
            assert store.item_ids(ItemQuery(search="卫")) != []
    finally:
        with psycopg.connect(pg_url, autocommit=True) as conn:
            conn.execute("REASSIGN OWNED BY typist TO CURRENT_USER; DROP OWNED BY typist")
            conn.execute("DROP ROLE typist")
