"""Writes that used to happen around the services now go through them, and leave a trace."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from rectdesk.domain.errors import UserError
from rectdesk.domain.ledger import Capability, LedgerStore
from rectdesk.reports.templates import BUILTINS
from rectdesk.services import audit, reporting, settings
from rectdesk.services import backup as backups
from rectdesk.services.demo import load_demo
from rectdesk.services.ledger import memory_ledger, open_ledger

TODAY = dt.date(2023, 11, 20)


@pytest.fixture
def ledger(tmp_path: Path) -> Iterator[LedgerStore]:
    store = open_ledger(tmp_path / "台账.sqlite3")
    load_demo(store, actor="测试", today=TODAY)
    yield store
    store.close()


def _actions(store: LedgerStore) -> list[tuple[str, str, str, str, str]]:
    return [(e.actor, e.action, e.field, e.old, e.new) for e in store.audit_log()]


def test_every_store_rectdesk_opens_is_a_ledger_store(tmp_path: Path) -> None:
    memory = memory_ledger()
    on_disk = open_ledger(tmp_path / "a.sqlite3")
    assert memory.capabilities == frozenset()  # no file to copy, no second connection
    assert Capability.FILE in on_disk.capabilities
    assert Capability.CONNECTIONS in on_disk.capabilities
    with pytest.raises(ValueError):
        memory.reader()
    reader = on_disk.reader()
    assert reader.readonly and reader.count_items() == 0
    reader.close()
    on_disk.close()


def test_opening_a_missing_file_without_create_makes_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "打错的" / "路径.sqlite3"
    with pytest.raises(UserError):
        open_ledger(missing, create=False)
    assert not missing.parent.exists()


def test_a_restore_says_in_the_restored_ledger_who_restored_what(
    ledger: LedgerStore, tmp_path: Path
) -> None:
    settings.save(ledger, {"clerk_name": "李四"})
    info = backups.backup_now(ledger, reason="manual")
    path = ledger.path
    assert path is not None
    ledger.update_item(ledger.item_ids()[0], {"remarks": "备份之后的修改"}, actor="李四")
    ledger.close()
    # as the start-up recovery calls it: no actor given, the ledger's own clerk is named
    kept = backups.restore(path, info.path)
    with open_ledger(path) as restored:
        last = restored.audit_log(limit=1)[0]
        assert (last.actor, last.action, last.field) == ("李四", "restore", "backup")
        assert (last.old, last.new) == (str(kept), str(info.path))
        assert "备份之后的修改" not in {i.remarks for i in restored.items()}


def test_settings_are_saved_together_each_change_audited(ledger: LedgerStore) -> None:
    before = len(ledger.audit_log())
    changed = settings.save(ledger, {"unit_name": "某县卫生健康局", "warn_days": 10,
                                     "clerk_name": "王五"})  # fmt: skip
    assert sorted(changed) == ["clerk_name", "unit_name"]  # warn_days was 10 already
    new = _actions(ledger)[: len(ledger.audit_log()) - before]
    assert {(a, f, n) for _w, a, f, _o, n in new} == {
        ("settings", "unit_name", "某县卫生健康局"), ("settings", "clerk_name", "王五"),
    }  # fmt: skip
    assert audit.field_label("unit_name") == "填报单位"


def test_a_bad_setting_writes_none_of_the_others(ledger: LedgerStore) -> None:
    before = _actions(ledger)
    with pytest.raises(UserError):
        settings.save(ledger, {"unit_name": "某县卫生健康局", "warn_days": -3})
    assert settings.get(ledger, "unit_name") == ""
    assert _actions(ledger) == before
    with pytest.raises(UserError):
        settings.save(ledger, {"没有这个设置": 1})


def test_the_welcome_page_leaves_untouched_fields_alone(ledger: LedgerStore) -> None:
    settings.save(ledger, {"unit_name": "某县卫生健康局"})
    assert settings.save(ledger, {"unit_name": "", "clerk_name": "赵六"}, keep_empty=True) == [
        "clerk_name"
    ]
    assert settings.get(ledger, "unit_name") == "某县卫生健康局"


def test_templates_are_deleted_through_the_service_with_a_trace(ledger: LedgerStore) -> None:
    spec = reporting.get_template(ledger, next(iter(BUILTINS)))
    spec.name = "我的汇总表"
    reporting.save_template(ledger, spec)
    assert "我的汇总表" in {t["name"] for t in ledger.templates()}
    reporting.delete_template(ledger, "我的汇总表", "王五")
    assert "我的汇总表" not in {t["name"] for t in ledger.templates()}
    assert _actions(ledger)[0] == ("王五", "delete_template", "template", "我的汇总表", "")
    with pytest.raises(UserError, match="内置模板不能删除"):
        reporting.delete_template(ledger, next(iter(BUILTINS)), "王五")


def test_a_full_listing_on_the_command_line_is_noted_once(ledger: LedgerStore) -> None:
    path = ledger.path
    assert path is not None
    ledger.close()
    done = subprocess.run(
        [sys.executable, "-m", "rectdesk.cli", "--db", str(path), "items", "--privacy", "full"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    with open_ledger(path) as store:
        noted = [e for e in store.audit_log() if e.action == "export_full"]
    assert len(noted) == 1 and noted[0].field == "items" and "49 条" in noted[0].new
