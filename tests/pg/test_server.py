"""What only a server ledger has: its schema record, its refusals, its connection, its search."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from pathlib import Path

import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pgserver import PgServer

from rectdesk.domain.errors import StoreForeignError, StoreMissingError, UserError
from rectdesk.domain.ledger import Capability
from rectdesk.domain.model import Assignment, BatchDraft, BatchKind, ItemDraft
from rectdesk.domain.query import ItemQuery
from rectdesk.store import Store, open_store
from rectdesk.store.pg.connection import describe
from rectdesk.store.pg.schema import MIGRATIONS
from rectdesk.store.pg.store import PgStore
from rectdesk.store.schema import MIGRATIONS as FILE_MIGRATIONS
from rectdesk.store.targets import describe_target


def _empty_database(server: PgServer, name: str) -> str:
    server.drop_database(name)
    return server.create_database(name)


def _raw(url: str) -> psycopg.Connection[tuple[object, ...]]:
    return psycopg.connect(url, autocommit=True)


def _add(store: Store, *contents: str) -> list[int]:
    batch = store.add_batch(BatchDraft(BatchKind.OTHER, "批次"))
    return store.add_items(batch, [ItemDraft(content=c) for c in contents])


# -- the schema ----------------------------------------------------------------------------


def test_a_new_ledger_is_built_once_and_recorded(pg_server: PgServer) -> None:
    url = _empty_database(pg_server, "fresh")
    open_store(url).close()
    open_store(url).close()
    with _raw(url) as conn:
        found = conn.execute("SELECT version, name FROM rectdesk_schema ORDER BY 1").fetchall()
    assert found == [(n, m.name) for n, m in enumerate(MIGRATIONS, start=1)]
    pg_server.drop_database("fresh")


def test_the_tables_and_columns_are_those_of_a_store_file(pg_url: str) -> None:
    memory = Store.memory()
    skip = ("sqlite_", "items_fts", "row_sum")  # a store file's own bookkeeping
    expected = {
        name: [c[1] for c in memory.db.execute(f"PRAGMA table_info({name})").fetchall()]
        for name in memory.db.table_names()
        if not name.startswith(skip)
    }
    nullable = {
        (name, c[1]): not c[3] and not c[5]  # (a key is never empty on either engine)
        for name in expected
        for c in memory.db.execute(f"PRAGMA table_info({name})").fetchall()
    }
    memory.close()
    with _raw(pg_url) as conn:
        found: dict[str, list[str]] = {}
        for table, column, is_nullable in conn.execute(
            "SELECT table_name, column_name, is_nullable FROM information_schema.columns"
            " WHERE table_schema = current_schema() AND table_name <> 'rectdesk_schema'"
            " ORDER BY table_name, ordinal_position"
        ).fetchall():
            if column == "rowid":
                continue
            found.setdefault(table, []).append(column)
            assert nullable[(table, column)] == (is_nullable == "YES"), (table, column)
    assert found == expected


def test_a_newer_schema_is_refused(pg_url: str) -> None:
    with _raw(pg_url) as conn:
        conn.execute("INSERT INTO rectdesk_schema VALUES (99, '0099_future', 'x')")
    with pytest.raises(UserError, match="更新版本的 RectDesk"):
        open_store(pg_url)


def test_another_programs_database_is_refused_and_left_alone(pg_server: PgServer) -> None:
    url = _empty_database(pg_server, "foreign")
    with _raw(url) as conn:
        conn.execute("CREATE TABLE patients (name text)")
    with pytest.raises(StoreForeignError, match="其他程序的数据表"):
        open_store(url)
    with _raw(url) as conn:
        tables = conn.execute(
            "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace"
            " AND relkind = 'r'"
        ).fetchall()
    assert tables == [("patients",)]
    pg_server.drop_database("foreign")


def test_an_empty_database_is_a_ledger_only_when_one_may_be_made(pg_server: PgServer) -> None:
    url = _empty_database(pg_server, "empty")
    with pytest.raises(StoreMissingError, match="还没有台账"):
        open_store(url, create=False)
    with pytest.raises(StoreMissingError):
        open_store(url, readonly=True)
    with _raw(url) as conn:
        assert conn.execute("SELECT to_regclass('items')").fetchone() == (None,)
    pg_server.drop_database("empty")


def test_two_computers_building_one_ledger_at_once_build_it_once(pg_server: PgServer) -> None:
    url = _empty_database(pg_server, "race")
    errors: list[BaseException] = []

    def open_it() -> None:
        try:
            open_store(url).close()
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with _raw(url) as conn:
        assert conn.execute("SELECT count(*) FROM rectdesk_schema").fetchone() == (
            len(MIGRATIONS),
        )
    pg_server.drop_database("race")


def test_every_file_migration_has_its_server_counterpart_in_the_initial_schema() -> None:
    # The server's first step is the state of these file steps; a new file step needs a new
    # server step (and the column test above fails until it has one).
    # (The row checksums are a store file's own: a server keeps its data its own way.)
    shared = [m for m in FILE_MIGRATIONS if m.name != "0013_row_checksums"]
    assert len(shared) == 12 and len(MIGRATIONS) == 5
    # Later steps in pairs: the row versions, on a file and on a server.
    assert shared[11].name == "0012_row_versions"
    assert MIGRATIONS[2].name == "0003_row_versions"
    # (The index of single characters for rare short searches is a server's own.)
    assert MIGRATIONS[3].name == "0004_character_index"
    assert MIGRATIONS[4].name == "0005_character_words"


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(alphabet=" \t\n\r\x0b\x0c+-0123456789xe.٣１", max_size=24))
def test_the_seq_sort_reads_a_text_as_sqlites_cast_does(pg_url: str, text: str) -> None:
    memory = sqlite3.connect(":memory:")
    expected = memory.execute("SELECT CAST(? AS INTEGER)", [text]).fetchone()[0]
    memory.close()
    with _raw(pg_url) as conn:
        assert conn.execute("SELECT rectdesk_integer(%s)", [text]).fetchone() == (expected,)


# -- connecting ----------------------------------------------------------------------------


def test_a_password_is_never_shown(tmp_path: Path) -> None:
    url = f"postgresql://clerk:s3cret-pw@/ledger?host={tmp_path}&port=1"
    assert "s3cret" not in describe(url) and "s3cret" not in describe_target(url)
    assert describe(url) == f"clerk@{tmp_path}:1/ledger"
    with pytest.raises(UserError) as caught:
        open_store(url)
    assert "无法连接台账服务器" in caught.value.message
    assert "s3cret" not in str(caught.value) and "s3cret" not in caught.value.message
    with pytest.raises(UserError, match="写法不对"):
        open_store("postgresql://[bad")


def test_a_read_only_connection_cannot_write_even_around_the_store(pg_url: str) -> None:
    with open_store(pg_url) as writer:
        _add(writer, "内容")
    reader = open_store(pg_url, readonly=True)
    try:
        assert reader.count_items() == 1
        with pytest.raises(UserError, match="只读"):
            reader.set_setting("x", 1)
        with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
            reader.db.execute("INSERT INTO settings (key, value) VALUES ('x', '1')")
    finally:
        reader.close()


def test_a_server_lost_mid_write_leaves_nothing_and_says_so(pg_url: str) -> None:
    store = open_store(pg_url)
    try:
        _add(store, "已有")
        pid = store.db.conn.raw.info.backend_pid
        with pytest.raises(UserError, match="连接断开"), store.transaction():
            store.set_setting("half", 1)
            with _raw(pg_url) as admin:  # the server ends this connection, as a restart would
                admin.execute("SELECT pg_terminate_backend(%s)", [pid])
            store.set_setting("other half", 2)
    finally:
        store.close()
    with open_store(pg_url) as again:
        assert again.setting("half") is None and again.count_items() == 1


def test_text_a_server_cannot_hold_is_refused_plainly(pg_url: str) -> None:
    with open_store(pg_url) as store:
        with pytest.raises(UserError, match="空字符"):
            _add(store, "前\x00后")
        assert store.count_items() == 0
        assert [e.action for e in store.audit_log()] == ["add_batch"]


# -- what a server has not -----------------------------------------------------------------


def test_file_capabilities_are_absent_not_imitated(pg_url: str, tmp_path: Path) -> None:
    store = open_store(pg_url)
    try:
        assert Capability.FILE not in store.capabilities
        assert Capability.FILES_BESIDE not in store.capabilities
        assert store.path is None
        (item_id,) = _add(store, "内容")
        evidence = tmp_path / "a.pdf"
        evidence.write_bytes(b"%PDF")
        with pytest.raises(UserError, match="共享文件夹"):
            store.add_attachment(item_id, evidence)
        assert store.attachments(item_id) == []
        reader = store.reader()
        assert reader.readonly and reader.count_items() == 1
        reader.close()
    finally:
        store.close()


def test_check_finds_copies_and_counts_that_went_astray(pg_url: str) -> None:
    with open_store(pg_url) as store:
        batch = store.add_batch(BatchDraft(BatchKind.OTHER, "批次"))
        store.add_items(batch, [ItemDraft(content="a", departments=[Assignment("办公室")])])
        assert store.check() == []
        store.db.execute("UPDATE department_status_counts SET n = n + 5")
        assert any("counts" in p for p in store.check())
        store.db.execute("UPDATE department_status_counts SET n = n - 5")
        store.db.execute("ALTER TABLE item_departments DISABLE TRIGGER USER")
        store.db.execute("UPDATE item_departments SET status = 'closed'")
        store.db.execute("ALTER TABLE item_departments ENABLE TRIGGER USER")
        assert any("copies" in p for p in store.check())
        with pytest.raises(UserError, match="不一致"):
            open_store(pg_url, verify=True)


# -- search with and without the trigram index --------------------------------------------


def _searches(store: Store) -> None:
    ids = _add(store, "加强基层卫生人才培训", "ABC 系统", "其他")
    for term, found in [("卫", [ids[0]]), ("人才", [ids[0]]), ("基层卫生", [ids[0]]),
                        ("abc", [ids[1]]), ("系统", [ids[1]]), ("无此", [])]:  # fmt: skip
        assert store.item_ids(ItemQuery(search=term)) == found, term


def test_search_uses_the_trigram_index_for_three_characters_and_more(pg_url: str) -> None:
    with open_store(pg_url) as store:
        assert store.search_indexed
        _searches(store)
        store.db.execute("SET enable_seqscan = off")
        where, params = store._where(ItemQuery(search="基层卫生"))
        plan = store.db.execute(f"EXPLAIN SELECT id FROM items WHERE {where}", params).fetchall()
        assert "items_search" in "\n".join(r[0] for r in plan)


def test_rare_short_terms_use_the_character_index_whatever_their_characters(
    pg_url: str,
) -> None:
    # Characters that mean something to a text search query, or to LIKE, are plain characters.
    odd = ["'", "\\", "&", "|", "!", ":*", "(", "%", "_", "''", "\\'", "鲸"]
    with open_store(pg_url) as store:
        ids = _add(store, *(f"甲{term}乙" for term in odd), "其他")
        for term, item in zip(odd, ids[:-1], strict=True):
            found = store.item_ids(ItemQuery(search=term))
            assert item in found and ids[-1] not in found, term
        assert store.item_ids(ItemQuery(search="鲸乙")) == [ids[-2]]
        assert store.item_ids(ItemQuery(search="乙鲸")) == []
        store.db.execute("SET enable_seqscan = off")
        where, params = store._where(ItemQuery(search="鲸"))
        plan = store.db.execute(f"EXPLAIN SELECT id FROM items WHERE {where}", params).fetchall()
        assert "items_characters" in "\n".join(r[0] for r in plan)


def test_search_stays_right_on_a_server_without_pg_trgm(pg_server: PgServer) -> None:
    # A clerk's account that may make tables but not extensions: no trigram index then.
    url = _empty_database(pg_server, "plain")
    with _raw(pg_server.url()) as admin:
        admin.execute("DROP ROLE IF EXISTS clerk")
        admin.execute("CREATE ROLE clerk LOGIN")
    with _raw(url) as conn:
        conn.execute("GRANT CREATE, USAGE ON SCHEMA public TO clerk")
    clerk_url = pg_server.url("plain", user="clerk")
    with open_store(clerk_url) as store:
        assert not store.search_indexed
        _searches(store)
    with _raw(url) as conn:
        found = conn.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        assert found.fetchone() is None
    pg_server.drop_database("plain")


def test_the_ledger_fixture_is_a_server_store(pg_url: str, tmp_path: Path) -> None:
    store = open_store(pg_url, files_dir=tmp_path)
    try:
        assert isinstance(store, PgStore) and store.files_dir == tmp_path
        # Every search and filter is planned for its own parameters (see connection.py).
        assert store.db.execute("SHOW plan_cache_mode").fetchone() == ("force_custom_plan",)
        assert store.batches() == [] and store.item_ids(ItemQuery(today=dt.date.today())) == []
    finally:
        store.close()


def test_a_ledger_of_an_earlier_release_gets_the_steps_it_lacks(pg_server: PgServer) -> None:
    url = _empty_database(pg_server, "older")
    with _raw(url) as conn:  # as the first release left it
        conn.execute(MIGRATIONS[0].script.encode())
        conn.execute(
            "CREATE TABLE rectdesk_schema (version BIGINT PRIMARY KEY, name TEXT NOT NULL,"
            " applied_at TEXT NOT NULL)"
        )
        conn.execute("INSERT INTO rectdesk_schema VALUES (1, '0001_initial', 'x')")
    with pytest.raises(UserError, match="需要升级"):
        open_store(url, readonly=True)
    with open_store(url) as store:
        _add(store, "卫生" * 3)
        assert store.item_ids(ItemQuery(search="卫生")) != []
    with _raw(url) as conn:
        assert conn.execute("SELECT max(version) FROM rectdesk_schema").fetchone() == (
            len(MIGRATIONS),
        )
    pg_server.drop_database("older")


def test_a_common_term_walks_the_pages_order_and_stops(pg_url: str) -> None:
    with open_store(pg_url) as store:
        _add(store, *[f"卫生健康工作第{n}项" for n in range(300)], "鲸落")
        store.db.execute("ANALYZE items")
        common = ItemQuery(search="健康工作", limit=20)
        where, params = store._where(common)
        assert "rectdesk_contains" in where  # judged common from the sample
        plan = "\n".join(r[0] for r in store.db.execute(
            f"EXPLAIN SELECT id FROM items WHERE {where} ORDER BY batch_id, position LIMIT 20",
            params,
        ).fetchall())  # fmt: skip
        assert "items_order" in plan and "Sort" not in plan
        assert store.item_ids(common) == store.item_ids(ItemQuery(search="健康工作"))[:20]
        rare_where, _ = store._where(ItemQuery(search="鲸落"))
        assert "rectdesk_contains" not in rare_where
        assert len(store.item_ids(ItemQuery(search="鲸落"))) == 1
