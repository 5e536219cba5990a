"""The exchange package: to the level above and back in; refused whole when damaged."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import zipfile
from pathlib import Path

import pytest

from rectdesk.domain.errors import UserError
from rectdesk.domain.model import LedgerKind
from rectdesk.services.exchange import import_package, make_package
from rectdesk.services.items import ItemService
from rectdesk.store import ItemQuery, Store

PHONE = "13911112222"


@pytest.fixture
def county(demo_store: Store, tmp_path: Path) -> Store:
    """The county's store: progress with a phone number in it, and an evidence file."""
    item = demo_store.items(ItemQuery(batch_id=1))[0]
    evidence = tmp_path / "会议纪要.pdf"
    evidence.write_bytes(b"%PDF-1.4 minutes " * 500)
    ItemService(demo_store, "县").add_progress(
        [item.id], dt.date(2023, 12, 1), f"已召开专题会，联系人{PHONE}", [evidence]
    ).do()
    return demo_store


@pytest.fixture
def city(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "city" / "city.sqlite3")
    yield store  # type: ignore[misc]
    store.close()


def _package(county: Store, tmp_path: Path, name: str = "p.zip") -> Path:
    return make_package(county, 1, tmp_path / name).path


def test_a_package_brings_the_batch_with_progress_and_evidence(
    county: Store, city: Store, tmp_path: Path
) -> None:
    path = _package(county, tmp_path)
    with zipfile.ZipFile(path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        assert set(manifest["parts"]) == set(archive.namelist()) - {"manifest.json"}
        everything = b"".join(archive.read(n) for n in archive.namelist() if n.endswith(".json"))
    assert PHONE.encode() not in everything  # the package leaves the office masked
    preview = import_package(city, path, dry_run=True)
    assert preview.batch_created and preview.created == 22 and city.batches() == []
    result = import_package(city, path, actor="市")
    (batch,) = city.batches()
    assert batch.item_count == 22 and result.batch_id == batch.id
    first = city.items(ItemQuery(batch_id=batch.id, sort="source"))[0]
    assert first.progress == "已召开专题会，联系人139****2222"
    (entry,) = [e for e in city.ledger(first.id) if e.kind is LedgerKind.PROGRESS]
    (attachment,) = city.attachments(first.id)
    assert attachment.ledger_id == entry.id
    assert city.attachment_path(attachment).read_bytes() == b"%PDF-1.4 minutes " * 500
    source = county.items(ItemQuery(batch_id=1, sort="source"))
    assert [i.number for i in city.items(ItemQuery(batch_id=batch.id, sort="source"))] == [
        i.number for i in source
    ]


def test_a_repeated_package_updates_instead_of_duplicating(
    county: Store, city: Store, tmp_path: Path
) -> None:
    import_package(city, _package(county, tmp_path, "1.zip"))
    again = import_package(city, _package(county, tmp_path, "2.zip"))
    assert (again.created, again.updated, again.ledger_added, again.evidence_added) == (0, 0, 0, 0)
    item = county.items(ItemQuery(batch_id=1, sort="source"))[1]
    ItemService(county, "县").edit(item.id, {"measures": "新的措施"}).do()
    ItemService(county, "县").add_progress([item.id], dt.date(2023, 12, 5), "第二次进展").do()
    third = import_package(city, _package(county, tmp_path, "3.zip"))
    assert (third.created, third.updated, third.ledger_added) == (0, 1, 1)
    (batch,) = city.batches()
    assert batch.item_count == 22
    updated = city.items(ItemQuery(batch_id=batch.id, sort="source"))[1]
    assert updated.measures == "新的措施" and updated.progress == "第二次进展"


def _rewrite(source: Path, target: Path, change: dict[str, bytes | None]) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            data = change.get(info.filename, old.read(info.filename))
            if data is not None:
                new.writestr(info, data)
        for name, data in change.items():
            if name not in old.namelist() and data is not None:
                new.writestr(name, data)
    return target


@pytest.mark.parametrize(
    ("how", "said"),
    [
        ("truncated", "不完整或已损坏"),
        ("altered", "与清单记录的校验值不符"),
        ("evidence", "与清单记录的校验值不符"),
        ("missing", "缺少清单上的部分"),
        ("extra", "多出了清单上没有的部分"),
        ("manifest", "不是 RectDesk 交换包"),
    ],
)
def test_a_damaged_or_altered_package_is_refused_whole(
    county: Store, city: Store, tmp_path: Path, how: str, said: str
) -> None:
    good = _package(county, tmp_path)
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(good) as archive:
        items = archive.read("items.json")
        evidence = next(n for n in archive.namelist() if n.startswith("evidence/"))
    if how == "truncated":
        bad.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    elif how == "altered":
        altered = items.replace("非建设性".encode(), "已整改".encode())
        assert altered != items
        _rewrite(good, bad, {"items.json": altered})
    elif how == "evidence":
        _rewrite(good, bad, {evidence: b"another photo"})
    elif how == "missing":
        _rewrite(good, bad, {"ledger.json": None})
    elif how == "extra":
        _rewrite(good, bad, {"evidence/extra.exe": b"MZ"})
    else:
        _rewrite(good, bad, {"manifest.json": None})
    with pytest.raises(UserError, match=said) as raised:
        import_package(city, bad)
    assert "\n" not in raised.value.message
    assert city.batches() == [] and city.items() == []
    assert not (city.files_dir / "attachments").exists()


def test_a_package_made_here_is_not_imported_here(county: Store, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="本数据文件自己导出的"):
        import_package(county, _package(county, tmp_path))


def test_a_name_in_the_package_never_reaches_outside_the_store(
    county: Store, city: Store, tmp_path: Path
) -> None:
    good = _package(county, tmp_path)
    with zipfile.ZipFile(good) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        attachments = json.loads(archive.read("attachments.json"))
    attachments[0]["name"] = "../../../../escaped.txt"
    data = json.dumps(attachments).encode()
    manifest["parts"]["attachments.json"] = hashlib.sha256(data).hexdigest()
    bad = _rewrite(
        good,
        tmp_path / "names.zip",
        {"attachments.json": data, "manifest.json": json.dumps(manifest).encode()},
    )
    import_package(city, bad)
    assert not (tmp_path / "escaped.txt").exists()
    stored = [p for p in (city.files_dir / "attachments").rglob("*") if p.is_file()]
    assert len(stored) == 1 and stored[0].name.endswith("escaped.txt")
