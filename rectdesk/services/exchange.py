"""上报 between levels: one .zip with a batch's items, ledger and evidence, and its import.

The package holds ``manifest.json`` (what it is, where it came from, and the SHA-256 of every
other part), ``items.json``, ``ledger.json``, ``attachments.json`` and the evidence files under
``evidence/``. Texts are masked (the package leaves the office); evidence files go as they are.
Another RectDesk imports it as a batch with the sender's progress; a second package from the
same source updates that batch instead of adding a copy. A package that is truncated, has a
part changed, missing or added, is refused whole with one sentence and nothing is written.
The hashes catch damage and tampering by hand; they are not a signature.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rectdesk import __version__
from rectdesk.domain.deadlines import parse_iso
from rectdesk.domain.errors import QT_TRANSLATE_NOOP, Message, UserError
from rectdesk.domain.ledger import LedgerStore
from rectdesk.domain.model import (
    Assignment,
    BatchDraft,
    BatchKind,
    Deadline,
    DeadlineKind,
    Item,
    ItemDraft,
    LedgerKind,
    Role,
    Status,
)
from rectdesk.domain.privacy import OutputMode, apply_mode, mask_data
from rectdesk.domain.query import ItemQuery
from rectdesk.fileio import atomic_path
from rectdesk.services import settings
from rectdesk.services.audit import note_full_export
from rectdesk.store.packages import STORE_ID_KEY, PackageLinks

log = logging.getLogger(__name__)

FORMAT = "rectdesk-package"
VERSION = 1
MANIFEST = "manifest.json"
#: Limits on what a package may ask a reader to unpack.
MAX_PARTS = 200_000
MAX_UNPACKED = 8 << 30
MAX_JSON = 512 << 20
_CHUNK = 1 << 20
#: Item fields a package carries and a repeated package may update.
_FIELDS = ("seq", "number", "category", "origin", "content", "lead", "owner", "measures",
           "outcomes", "status_reason", "remarks", "result_class", "satisfaction")  # fmt: skip


@dataclass(frozen=True)
class PackageResult:
    """What a package holds."""

    path: Path
    items: int
    ledger: int
    evidence: int
    evidence_bytes: int


@dataclass
class PackageImport:
    """What importing a package did (or, on a dry run, would do)."""

    batch_id: int | None
    batch_name: str
    batch_created: bool
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    ledger_added: int = 0
    evidence_added: int = 0
    dry_run: bool = False
    source_office: str = ""
    warnings: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        data = {
            "batch_id": self.batch_id, "batch": self.batch_name,
            "batch_created": self.batch_created, "created": self.created,
            "updated": self.updated, "unchanged": self.unchanged,
            "ledger_added": self.ledger_added, "evidence_added": self.evidence_added,
            "dry_run": self.dry_run, "from": self.source_office, "warnings": self.warnings,
        }  # fmt: skip
        return mask_data(data)  # type: ignore[no-any-return]


# -- making a package ---------------------------------------------------------------------------


def _item_json(item: Item, mode: OutputMode) -> dict[str, Any]:
    data: dict[str, Any] = {name: apply_mode(getattr(item, name) or "", mode) for name in _FIELDS}
    data.update(
        id=item.id,
        position=item.position,
        departments=[[a.department, a.role.value] for a in item.departments],
        deadline={
            "text": item.deadline.text,
            "date": item.deadline.date.isoformat() if item.deadline.date else None,
            "kind": item.deadline.kind.value,
            "ongoing": item.deadline.ongoing,
        },
        status=item.status.value,
        closed_on=item.closed_on.isoformat() if item.closed_on else None,
        progress=apply_mode(item.progress, mode),
        progress_on=item.progress_on.isoformat() if item.progress_on else None,
        extra={k: apply_mode(v, mode) for k, v in item.extra.items()},
    )
    return data


def _json_bytes(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=1).encode()


def make_package(
    store: LedgerStore,
    batch_id: int,
    output: Path | str,
    *,
    mode: OutputMode = OutputMode.MASKED,
    actor: str = "",
) -> PackageResult:
    """Write the batch as an exchange package (whole or not at all)."""
    batch = store.batch(batch_id)
    output = Path(output)
    if output.suffix.lower() != ".zip":
        output = output.with_suffix(".zip")
    items = store.items(ItemQuery(batch_id=batch_id, sort="source"))
    ledger = [
        {"id": e.id, "item_id": e.item_id, "on": e.on.isoformat(), "kind": e.kind.value,
         "text": apply_mode(e.text, mode), "author": apply_mode(e.author, mode)}
        for item in items for e in store.ledger(item.id)
    ]  # fmt: skip
    attachments: list[dict[str, Any]] = []
    files: list[tuple[str, Path]] = []
    for item in items:
        for attachment in store.attachments(item.id):
            source = store.attachment_path(attachment)
            if not source.is_file():
                continue
            part = f"evidence/{attachment.sha256[:16]}-{attachment.id}"
            attachments.append(
                {"id": attachment.id, "item_id": item.id, "ledger_id": attachment.ledger_id,
                 "name": attachment.name, "sha256": attachment.sha256, "size": attachment.size,
                 "part": part}
            )  # fmt: skip
            files.append((part, source))
    parts = {
        "items.json": _json_bytes([_item_json(item, mode) for item in items]),
        "ledger.json": _json_bytes(ledger),
        "attachments.json": _json_bytes(attachments),
    }
    hashes = {name: hashlib.sha256(data).hexdigest() for name, data in parts.items()}
    for part, source in files:
        hashes[part] = _hash_file(source)
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "program": f"RectDesk {__version__}",
        "source": PackageLinks(store).store_id(),
        "office": apply_mode(str(settings.get(store, "unit_name")), mode),
        "made_at": dt.datetime.now().isoformat(timespec="seconds"),
        "mode": mode.value,
        "batch": {
            "id": batch.id, "kind": batch.kind.value, "name": batch.name,
            "issuer": batch.issuer, "doc_number": batch.doc_number, "year": batch.year,
            "received_on": batch.received_on.isoformat() if batch.received_on else None,
        },
        "counts": {"items": len(items), "ledger": len(ledger), "evidence": len(files)},
        "parts": hashes,
    }  # fmt: skip
    with (
        atomic_path(output) as temporary,
        zipfile.ZipFile(temporary, "w", allowZip64=True) as archive,
    ):
        archive.writestr(MANIFEST, _json_bytes(manifest), zipfile.ZIP_DEFLATED)
        for name, data in parts.items():
            archive.writestr(name, data, zipfile.ZIP_DEFLATED)
        for part, source in files:
            # Evidence is mostly photos and PDFs, already compressed: stored as it is.
            archive.write(source, part, zipfile.ZIP_STORED)
    what = f"批次 {batch_id} 交换包 → {output.name}"
    with store.transaction():
        if mode is OutputMode.FULL:
            note_full_export(store, actor, "package", f"{what}（完整个人信息）")
        else:
            store.audit(actor, None, "package", "batch", "", what)
    size = sum(source.stat().st_size for _part, source in files)
    return PackageResult(output, len(items), len(ledger), len(files), size)


# -- reading a package --------------------------------------------------------------------------


@dataclass
class _Package:
    manifest: dict[str, Any]
    items: list[dict[str, Any]]
    ledger: list[dict[str, Any]]
    attachments: list[dict[str, Any]]


def _refuse(path: Path, problem: str, detail: str = "", **values: object) -> UserError:
    """The package refused whole; ``problem`` a template (with ``values``) saying what is wrong."""
    return UserError(
        QT_TRANSLATE_NOOP(
            "Errors", "交换包“{name}”{problem}，整个交换包未导入；请向报送单位重新索取。"
        ),
        detail,
        name=path.name,
        problem=Message(problem, **values),
    )


def _hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in _blocks(handle):
            digest.update(block)
    return digest.hexdigest()


def _hash_part(archive: zipfile.ZipFile, name: str) -> str:
    digest = hashlib.sha256()
    with archive.open(name) as handle:
        for block in iter(lambda: handle.read(_CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()


def _read_json(archive: zipfile.ZipFile, name: str, path: Path) -> Any:
    if archive.getinfo(name).file_size > MAX_JSON:
        raise _refuse(path, QT_TRANSLATE_NOOP("Errors", "中的“{part}”异常巨大"), part=name)
    try:
        return json.loads(archive.read(name).decode())
    except (ValueError, UnicodeDecodeError) as exc:
        raise _refuse(
            path, QT_TRANSLATE_NOOP("Errors", "中的“{part}”无法读取"), str(exc), part=name
        ) from exc


def read_package(path: Path | str) -> _Package:
    """Check the whole package against its manifest; a UserError for anything amiss."""
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as archive:
            return _check(archive, path)
    except FileNotFoundError as exc:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "找不到交换包“{name}”，请检查路径。"),
            str(exc),
            name=path.name,
        ) from exc
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError,
            NotImplementedError) as exc:  # fmt: skip
        raise _refuse(
            path, QT_TRANSLATE_NOOP("Errors", "不完整或已损坏（可能下载或拷贝中断）"), repr(exc)
        ) from exc


def _check(archive: zipfile.ZipFile, path: Path) -> _Package:
    infos = archive.infolist()
    names = [info.filename for info in infos]
    if len(names) > MAX_PARTS or sum(i.file_size for i in infos) > MAX_UNPACKED:
        raise _refuse(path, QT_TRANSLATE_NOOP("Errors", "解压后异常巨大（疑似恶意构造）"))
    if len(set(names)) != len(names):
        raise _refuse(path, QT_TRANSLATE_NOOP("Errors", "中有重名的部分（被改动过）"))
    if MANIFEST not in names:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors", "“{name}”不是 RectDesk 交换包（缺少清单 manifest.json），未导入。"
            ),
            name=path.name,
        )
    manifest = _read_json(archive, MANIFEST, path)
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "“{name}”不是 RectDesk 交换包，未导入。"),
            name=path.name,
        )
    if manifest.get("version") != VERSION:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "交换包“{name}”由另一版本的 RectDesk 制作（格式版本 {version}）"
                "，请两边使用相同版本后重新导出。",
            ),
            name=path.name,
            version=manifest.get("version"),
        )
    parts = manifest.get("parts")
    if not isinstance(parts, dict) or not all(isinstance(v, str) for v in parts.values()):
        raise _refuse(path, QT_TRANSLATE_NOOP("Errors", "的清单已损坏"))
    listed = set(parts)
    present = set(names) - {MANIFEST}
    if present - listed:
        raise _refuse(
            path,
            QT_TRANSLATE_NOOP("Errors", "中多出了清单上没有的部分“{part}”（被改动过）"),
            part=sorted(present - listed)[0],
        )
    if listed - present:
        raise _refuse(
            path,
            QT_TRANSLATE_NOOP("Errors", "缺少清单上的部分“{part}”（不完整）"),
            part=sorted(listed - present)[0],
        )
    for name in sorted(listed):
        if _hash_part(archive, name) != parts[name]:
            raise _refuse(
                path,
                QT_TRANSLATE_NOOP("Errors", "中的“{part}”与清单记录的校验值不符（被改动或已损坏）"),
                part=name,
            )
    package = _Package(
        manifest,
        _list(_read_json(archive, "items.json", path), path),
        _list(_read_json(archive, "ledger.json", path), path),
        _list(_read_json(archive, "attachments.json", path), path),
    )
    _check_shapes(package, path)
    return package


def _list(value: Any, path: Path) -> list[dict[str, Any]]:
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise _refuse(path, QT_TRANSLATE_NOOP("Errors", "的内容格式不对"))
    return value


def _check_shapes(package: _Package, path: Path) -> None:
    try:
        batch = package.manifest["batch"]
        BatchKind(batch["kind"])
        str(batch["name"])
        for item in package.items:
            int(item["id"])
            Status(item["status"])
            DeadlineKind(item["deadline"]["kind"])
            for _name, role in item["departments"]:
                Role(role)
        for entry in package.ledger:
            for key in ("id", "item_id"):
                int(entry[key])
            LedgerKind(entry["kind"])
            dt.date.fromisoformat(entry["on"])
        for attachment in package.attachments:
            for key in ("id", "item_id"):
                int(attachment[key])
            if not isinstance(attachment["part"], str):
                raise TypeError("part")
    except (KeyError, TypeError, ValueError) as exc:
        raise _refuse(path, QT_TRANSLATE_NOOP("Errors", "的内容格式不对"), repr(exc)) from exc


# -- importing a package ------------------------------------------------------------------------


def _deadline(data: dict[str, Any]) -> Deadline:
    return Deadline(
        str(data.get("text", "")), parse_iso(data.get("date")), DeadlineKind(data["kind"]),
        bool(data.get("ongoing")),
    )  # fmt: skip


def _assignments(data: dict[str, Any]) -> list[Assignment]:
    return [Assignment(str(name), Role(role)) for name, role in data["departments"]]


def _draft(data: dict[str, Any]) -> ItemDraft:
    def text(name: str) -> str:
        return str(data.get(name) or "")

    return ItemDraft(
        content=text("content"),
        seq=text("seq"),
        category=text("category"),
        origin=text("origin"),
        lead=text("lead"),
        owner=text("owner"),
        measures=text("measures"),
        outcomes=text("outcomes"),
        status_reason=text("status_reason"),
        remarks=text("remarks"),
        result_class=text("result_class"),
        satisfaction=text("satisfaction"),
        number=text("number") or None,
        departments=_assignments(data),
        deadline=_deadline(data["deadline"]),
        status=Status(data["status"]),
        closed_on=parse_iso(data.get("closed_on")),
        extra={str(k): str(v) for k, v in (data.get("extra") or {}).items()},
    )


def _changes(item: Item, data: dict[str, Any]) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    for name in _FIELDS:
        text = str(data.get(name) or "") or (None if name == "number" else "")
        if text != getattr(item, name):
            changes[name] = text
    wanted: tuple[tuple[str, Any], ...] = (
        ("departments", _assignments(data)),
        ("deadline", _deadline(data["deadline"])),
        ("status", Status(data["status"])),
        ("closed_on", parse_iso(data.get("closed_on"))),
        ("extra", {str(k): str(v) for k, v in (data.get("extra") or {}).items()}),
    )
    for name, value in wanted:
        current = getattr(item, name)
        if name == "deadline":
            current = Deadline(current.text, current.date, current.kind, current.ongoing)
        if value != current:
            changes[name] = value
    return changes


def import_package(
    store: LedgerStore, path: Path | str, *, dry_run: bool = False, actor: str = ""
) -> PackageImport:
    """Bring a package in as a batch (or update the batch an earlier one made)."""
    path = Path(path)
    package = read_package(path)
    manifest = package.manifest
    links = PackageLinks(store)
    source_store = str(manifest.get("source", ""))
    if source_store and source_store == store.setting(STORE_ID_KEY):
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "交换包“{name}”是本数据文件自己导出的，不需要再导入。"),
            name=path.name,
        )
    source = f"{source_store}:{manifest['batch']['id']}"
    batch_links = links.links(source, "batch")
    batch_id = batch_links.get(int(manifest["batch"]["id"]))
    name = str(manifest["batch"]["name"])
    result = PackageImport(
        batch_id, name, batch_id is None, dry_run=dry_run,
        source_office=str(manifest.get("office", "")),
    )  # fmt: skip
    item_links = links.links(source, "item") if batch_id is not None else {}
    existing = {i.id: i for i in store.items_by_ids(list(item_links.values()))}
    plan: list[tuple[dict[str, Any], Item | None, dict[str, Any]]] = []
    for data in package.items:
        local = existing.get(item_links.get(int(data["id"]), -1))
        changes = _changes(local, data) if local is not None else {}
        plan.append((data, local, changes))
        if local is None:
            result.created += 1
        elif changes:
            result.updated += 1
        else:
            result.unchanged += 1
    ledger_links = links.links(source, "ledger") if batch_id is not None else {}
    new_ledger = [e for e in package.ledger if int(e["id"]) not in ledger_links]
    result.ledger_added = len(new_ledger)
    file_links = links.links(source, "attachment") if batch_id is not None else {}
    new_files = [a for a in package.attachments if int(a["id"]) not in file_links]
    result.evidence_added = len(new_files)
    if dry_run:
        return result
    if new_files and store.path is None:
        raise UserError(QT_TRANSLATE_NOOP("Errors", "内存中的临时数据不能保存佐证材料。"))
    with store.transaction():
        if batch_id is None:
            batch_id = _new_batch(store, manifest, actor)
            result.batch_id = batch_id
            links.link(source, "batch", [(int(manifest["batch"]["id"]), batch_id)])
        mapped = _write_items(store, batch_id, plan, links, source, actor)
        ledger_map = _write_ledger(store, new_ledger, mapped, ledger_links, links, source)
        _write_files(store, path, package, new_files, mapped, ledger_map, links, source, actor)
        for data, *_ in plan:
            item_id = mapped[int(data["id"])]
            store.update_item(
                item_id,
                {"progress": str(data.get("progress") or ""),
                 "progress_on": parse_iso(data.get("progress_on"))},
                actor=actor,
            )  # fmt: skip
        store.audit(
            actor,
            None,
            "import_package",
            "batch",
            "",
            f"{path.name} → 批次 {batch_id}：新增 {result.created}，更新 {result.updated}",
        )
    log.info("package imported into batch %s: %d new, %d updated", batch_id, result.created,
             result.updated)  # fmt: skip
    return result


def _new_batch(store: LedgerStore, manifest: dict[str, Any], actor: str) -> int:
    batch = manifest["batch"]
    name = str(batch["name"])
    office = str(manifest.get("office", "")).strip()
    if store.find_batch(name) is not None:
        name = f"{name}（{office or '下级'}报送）"
    return store.add_batch(
        BatchDraft(
            kind=BatchKind(batch["kind"]), name=name, issuer=office or str(batch.get("issuer", "")),
            doc_number=str(batch.get("doc_number") or ""),
            year=int(batch["year"]) if batch.get("year") else None,
            received_on=dt.date.today(),
        ),
        actor=actor,
    )  # fmt: skip


def _write_items(
    store: LedgerStore,
    batch_id: int,
    plan: list[tuple[dict[str, Any], Item | None, dict[str, Any]]],
    links: PackageLinks,
    source: str,
    actor: str,
) -> dict[int, int]:
    mapped: dict[int, int] = {}
    fresh = [data for data, local, _ in plan if local is None]
    ids = store.add_items(batch_id, (_draft(d) for d in fresh), actor=actor)
    for data, item_id in zip(fresh, ids, strict=True):
        mapped[int(data["id"])] = item_id
    for data, local, changes in plan:
        if local is None:
            continue
        mapped[int(data["id"])] = local.id
        if changes:
            store.update_item(local.id, changes, actor=actor)
    links.link(source, "item", mapped.items())
    return mapped


def _write_ledger(
    store: LedgerStore,
    entries: list[dict[str, Any]],
    mapped: dict[int, int],
    known: dict[int, int],
    links: PackageLinks,
    source: str,
) -> dict[int, int]:
    added: dict[int, int] = dict(known)
    for entry in sorted(entries, key=lambda e: (e["on"], int(e["id"]))):
        item_id = mapped.get(int(entry["item_id"]))
        if item_id is None:
            continue
        kind = LedgerKind(entry["kind"])
        text = str(entry.get("text", ""))
        if not text.strip() and kind is not LedgerKind.CLOSE_OFF:
            continue
        local = store.add_ledger_entry(
            item_id, dt.date.fromisoformat(entry["on"]), kind, text,
            author=str(entry.get("author", "")),
        )  # fmt: skip
        added[int(entry["id"])] = local
    links.link(source, "ledger", [(s, local) for s, local in added.items() if s not in known])
    return added


def _write_files(
    store: LedgerStore,
    path: Path,
    package: _Package,
    new_files: list[dict[str, Any]],
    mapped: dict[int, int],
    ledger_map: dict[int, int],
    links: PackageLinks,
    source: str,
    actor: str,
) -> None:
    if not new_files:
        return
    pairs: list[tuple[int, int]] = []
    with zipfile.ZipFile(path) as archive, tempfile.TemporaryDirectory() as folder:
        for attachment in new_files:
            item_id = mapped.get(int(attachment["item_id"]))
            if item_id is None:
                continue
            # Only the base name is used: a part or name can never reach outside the folder.
            name = Path(str(attachment.get("name") or "佐证材料")).name or "佐证材料"
            target = Path(folder) / str(int(attachment["id"])) / name
            target.parent.mkdir()
            with archive.open(str(attachment["part"])) as source_file, target.open("wb") as out:
                for block in _blocks(source_file):
                    out.write(block)
            ledger_id = attachment.get("ledger_id")
            local_ledger = ledger_map.get(int(ledger_id)) if ledger_id is not None else None
            made = store.add_attachment(item_id, target, ledger_id=local_ledger, actor=actor)
            pairs.append((int(attachment["id"]), made.id))
            target.unlink()
    links.link(source, "attachment", pairs)


def _blocks(handle: Any) -> Iterator[bytes]:
    yield from iter(lambda: handle.read(_CHUNK), b"")
