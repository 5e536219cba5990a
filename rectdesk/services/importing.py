"""Import use cases: read and preview a file, commit it in one transaction, undo it whole."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from rectdesk.domain.errors import QT_TRANSLATE_NOOP, Listing, UserError, localized
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
    normalize_assignments,
)
from rectdesk.domain.query import ItemQuery
from rectdesk.fileio import write_bytes_atomic
from rectdesk.importers.kinds import guess_kind
from rectdesk.importers.readers import read_workbook
from rectdesk.importers.tables import Overrides, ParsedFile, ParsedRow, parse_workbook
from rectdesk.store.imports import ImportChange, ImportLog, ImportRecord
from rectdesk.store.matching import content_key, find_matching_batch

log = logging.getLogger(__name__)

NEW, UPDATED, UNCHANGED = "new", "updated", "unchanged"
ACTION_LABELS = {NEW: "新增", UPDATED: "更新", UNCHANGED: "无变化"}

#: Text fields an import fills; an empty source cell never overwrites the ledger.
_TEXT_FIELDS = ("seq", "category", "origin", "content", "lead", "owner", "measures",
                "outcomes", "progress", "remarks", "result_class", "satisfaction")  # fmt: skip
_SPACE = re.compile(r"\s+")


@dataclass(slots=True)
class PreviewRow:
    """A source row with what importing it would do."""

    parsed: ParsedRow
    action: str
    item_id: int | None = None
    changes: dict[str, Any] = field(default_factory=dict)
    #: What matching the row to the ledger noticed (a 编号 that lost its leading zero).
    notes: list[str] = field(default_factory=list)
    #: The ledger's values of the changed fields, for the per-field review.
    before: dict[str, Any] = field(default_factory=dict)

    @property
    def warnings(self) -> list[str]:
        return [*self.parsed.warnings, *self.notes]


@dataclass(slots=True)
class ImportPlan:
    """What an import would do, row by row, before anything is written."""

    parsed: ParsedFile
    batch_id: int | None
    rows: list[PreviewRow]

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)

    def warnings(self) -> list[dict[str, Any]]:
        """Every warning with its sheet and row (row None for the file as a whole)."""
        found: list[dict[str, Any]] = [
            {"sheet": None, "row": None, "message": note} for note in self.parsed.notes
        ]
        for row in self.rows:
            for message in row.warnings:
                found.append({"sheet": row.parsed.sheet, "row": row.parsed.row, "message": message})
        return found

    def field_changes(self) -> list[FieldChange]:
        """Every changed field of every matched row, old → new, for the review."""
        return [
            FieldChange(index, row.item_id, name, describe_value(name, row.before.get(name)),
                        describe_value(name, value), row.parsed.sheet, row.parsed.row)
            for index, row in enumerate(self.rows)
            if row.action == UPDATED and row.item_id is not None
            for name, value in row.changes.items()
        ]  # fmt: skip

    def reject(self, rejected: Iterable[tuple[int, str]]) -> None:
        """Leave these (row, field) changes out; a row left with none is unchanged."""
        for index, name in rejected:
            row = self.rows[index]
            row.changes.pop(name, None)
            if name == "status":
                row.changes.pop("status_reason", None)
            if row.action == UPDATED and not row.changes:
                row.action = UNCHANGED


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field an update would change: the ledger's value and the file's."""

    row_index: int
    item_id: int
    field: str
    old: str
    new: str
    sheet: str
    row: int

    def as_json(self) -> dict[str, Any]:
        return {"item_id": self.item_id, "field": self.field, "old": self.old, "new": self.new,
                "sheet": self.sheet, "row": self.row}  # fmt: skip


@dataclass(frozen=True, slots=True)
class BatchMatch:
    """A batch already holding the items of a file (a list sent again)."""

    batch_id: int
    name: str
    matched: int
    rows: int

    def as_json(self) -> dict[str, Any]:
        return {"id": self.batch_id, "name": self.name, "matched": self.matched,
                "rows": self.rows}  # fmt: skip


def describe_value(name: str, value: Any) -> str:
    """A field's value as the review shows it."""
    if value is None:
        return ""
    if name == "deadline":
        return str(value.text)
    if name == "status":
        return Status(value).label
    if name == "departments":
        return "、".join(a.department for a in value)
    if name == "closed_on":
        return str(value.isoformat())
    if name == "extra":
        return "；".join(f"{k}：{v}" for k, v in value.items())
    return str(value)


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import did (or, on a dry run, would do)."""

    import_id: int | None
    batch_id: int | None
    created: int
    updated: int
    unchanged: int
    warnings: list[dict[str, Any]]
    dry_run: bool = False
    matched_batch: BatchMatch | None = None
    changes: list[FieldChange] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "import_id": self.import_id,
            "batch_id": self.batch_id,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "warnings": self.warnings,
            "dry_run": self.dry_run,
            "matched_batch": self.matched_batch.as_json() if self.matched_batch else None,
            "changes": [c.as_json() for c in self.changes],
        }


def read_file(
    path: Path | str,
    *,
    year: int | None = None,
    overrides: Overrides | None = None,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ParsedFile:
    """Read and detect every table of a file (slow: run it off the window's thread)."""
    book = read_workbook(Path(path), progress=progress, cancelled=cancelled)
    parsed = parse_workbook(book, year=year, overrides=overrides)
    if not parsed.rows:
        reason = "；".join(parsed.notes) or localized(QT_TRANSLATE_NOOP("Errors", "没有找到事项"))
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "“{name}”里没有找到可导入的事项（{reason}），请确认表格有“问题/意见内容”一类的列。",
            ),
            name=Path(path).name,
            reason=reason,
        )
    return parsed


def _key(text: str) -> str:
    return _SPACE.sub("", text)


def plan_import(store: LedgerStore, parsed: ParsedFile, batch_id: int | None) -> ImportPlan:
    """Each row new, updated or unchanged against the batch: matched by 编号, else by content."""
    by_number: dict[str, Item] = {}
    by_content: dict[str, Item] = {}
    by_digits: dict[str, Item] = {}  # 编号 without leading zeros
    if batch_id is not None:
        store.batch(batch_id)
        for item in store.items(ItemQuery(batch_id=batch_id)):
            if item.number:
                by_number.setdefault(item.number, item)
                by_digits.setdefault(item.number.lstrip("0"), item)
            by_content.setdefault(_key(item.content), item)
    seen: dict[str, int] = {}
    used: set[int] = set()
    rows: list[PreviewRow] = []
    for parsed_row in parsed.rows:
        draft = parsed_row.draft
        if draft.number:
            if draft.number in seen:
                parsed_row.warnings.append(
                    localized(
                        QT_TRANSLATE_NOOP("Errors", "编号与第{row}行重复"),
                        row=seen[draft.number],
                    )
                )
            seen.setdefault(draft.number, parsed_row.row)
        notes: list[str] = []
        match = by_number.get(draft.number) if draft.number else None
        if match is None and draft.number:
            # A spreadsheet that stored the 编号 as a number lost its leading zero.
            near = by_digits.get(draft.number.lstrip("0"))
            if near is not None and near.number and near.number != draft.number:
                match = near
                notes.append(
                    localized(
                        QT_TRANSLATE_NOOP(
                            "Errors",
                            "编号“{number}”与已有事项的“{near}”只差前导零，"
                            "已按同一事项对应（保留原编号），请核对",
                        ),
                        number=draft.number,
                        near=near.number,
                    )
                )
        if match is None and not draft.number:
            match = by_content.get(_key(draft.content))
        if match is None or match.id in used:
            rows.append(PreviewRow(parsed_row, NEW))
            continue
        used.add(match.id)
        changes = _changes(match, parsed_row)
        before = {name: getattr(match, name) for name in changes}
        action = UPDATED if changes else UNCHANGED
        rows.append(PreviewRow(parsed_row, action, match.id, changes, notes, before))
    return ImportPlan(parsed, batch_id, rows)


#: Part of a file's rows that must be items of a batch for the file to be that batch again.
MATCH_SHARE = 0.5


def match_batch(store: LedgerStore, parsed: ParsedFile) -> BatchMatch | None:
    """The batch already holding most of the file's items, by 编号 (leading zeros aside) and
    content, not by name; None when no batch holds at least half of them."""
    rows = parsed.rows
    if not rows:
        return None
    numbers = [r.draft.number.lstrip("0") for r in rows if r.draft.number]
    contents = [content_key(r.draft.content) for r in rows if r.draft.content]
    found = find_matching_batch(store, numbers, contents)
    if found is None:
        return None
    batch_id, matched = found
    if matched < max(1, MATCH_SHARE * len(rows)):
        return None
    return BatchMatch(batch_id, store.batch(batch_id).name, min(matched, len(rows)), len(rows))


def _changes(item: Item, row: ParsedRow) -> dict[str, Any]:
    draft = row.draft
    changes: dict[str, Any] = {}
    for name in _TEXT_FIELDS:
        value = getattr(draft, name)
        if value and value != getattr(item, name):
            changes[name] = value
    if draft.number and draft.number.lstrip("0") != (item.number or "").lstrip("0"):
        changes["number"] = draft.number
    if draft.departments:
        new = normalize_assignments(list(draft.departments))
        if new != normalize_assignments(list(item.departments)):
            changes["departments"] = new
    if draft.deadline.text and _means_other(draft.deadline, item.deadline):
        # The same day written another way (2023-11-30 for 2023年11月30日) keeps the wording
        # the ledger has: it is what the official tables print.
        changes["deadline"] = draft.deadline
    inferred_only = not row.status_given and item.status is not Status.PENDING
    if draft.status is not Status.PENDING and draft.status is not item.status and not inferred_only:
        changes["status"] = draft.status
        if draft.status_reason:
            changes["status_reason"] = draft.status_reason
    if draft.closed_on and draft.closed_on != item.closed_on:
        changes["closed_on"] = draft.closed_on
    if draft.extra:
        merged = dict(item.extra)
        merged.update(draft.extra)
        if merged != item.extra:
            changes["extra"] = merged
    return changes


def _means_other(new: Deadline, old: Deadline) -> bool:
    """Whether a deadline read from a file says something else than the ledger's.

    The same words (a year-less 6月底前 the file's title now dates otherwise) or the same day
    written another way are the ledger's deadline: its reading and wording stay.
    """
    if not old.text:
        return True
    if _key(new.text) == _key(old.text):
        return False
    return (new.date, new.kind, new.ongoing) != (old.date, old.kind, old.ongoing)


# -- values kept for undo ---------------------------------------------------------------------


def _encode(name: str, value: Any) -> Any:
    if name == "departments":
        return [[a.department, a.role.value] for a in value]
    if name == "deadline":
        day = value.date.isoformat() if value.date else None
        return {"text": value.text, "date": day, "kind": value.kind.value,
                "ongoing": value.ongoing, "warning": value.warning}  # fmt: skip
    if name == "status":
        return Status(value).value
    if name == "closed_on":
        return value.isoformat() if value else None
    return value


def _decode(name: str, value: Any) -> Any:
    if name == "departments":
        return [Assignment(unit, Role(role)) for unit, role in value]
    if name == "deadline":
        day = dt.date.fromisoformat(value["date"]) if value["date"] else None
        return Deadline(value["text"], day, DeadlineKind(value["kind"]), value["ongoing"],
                        value["warning"])  # fmt: skip
    if name == "status":
        return Status(value)
    if name == "closed_on":
        return dt.date.fromisoformat(value) if value else None
    return value


def _before(item: Item, changes: dict[str, Any]) -> dict[str, Any]:
    return {name: _encode(name, getattr(item, name)) for name in changes}


# -- commit and undo --------------------------------------------------------------------------


def _keep_source(store: LedgerStore, path: Path) -> tuple[str, str, Path | None]:
    """Copy the original file beside the store; returns (relative path, sha256, new copy)."""
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if store.path is None:
        return "", digest, None
    relative = Path("sources") / f"{digest[:16]}-{path.name}"
    target = store.files_dir / relative
    if target.exists():
        return relative.as_posix(), digest, None
    write_bytes_atomic(target, data)
    return relative.as_posix(), digest, target


def _backup(store: LedgerStore) -> None:
    if store.path is None:
        return
    from rectdesk.services.backup import backup_before_import

    backup_before_import(store)


def commit_import(
    store: LedgerStore,
    plan: ImportPlan,
    *,
    new_batch: BatchDraft | None = None,
    actor: str = "",
    backup: bool = True,
    today: dt.date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """Write the plan in one transaction: every row or none; the original file is kept.

    ``progress(done, total)`` is called every few hundred rows; an exception it raises (the
    clerk cancelling) rolls the whole import back.
    """
    if plan.batch_id is None and new_batch is None:
        raise UserError(QT_TRANSLATE_NOOP("Errors", "请选择导入到哪个批次，或填写新批次的名称。"))
    if store.path is not None:
        from rectdesk.services.backup import backup_folder
        from rectdesk.services.space import ensure_room_for_import

        ensure_room_for_import(store, plan, backup=backup, backup_folder=backup_folder(store))
    if backup:
        _backup(store)
    day = today or dt.date.today()
    path = plan.parsed.workbook.path
    relative, digest, copied = _keep_source(store, path)
    created = [row for row in plan.rows if row.action == NEW]
    updated = [row for row in plan.rows if row.action == UPDATED]
    try:
        with store.transaction():
            batch_id = plan.batch_id
            if batch_id is None:
                assert new_batch is not None
                batch_id = store.add_batch(new_batch, actor=actor)
            batch = store.batch(batch_id)
            changes: list[ImportChange] = []
            total = len(created) + len(updated)
            ids = store.add_items(
                batch_id, _reporting((row.parsed.draft for row in created), total, progress),
                actor=actor,
            )  # fmt: skip
            changes.extend(ImportChange(item_id, "created", "") for item_id in ids)
            for item_id, row in zip(ids, created, strict=True):
                if row.parsed.draft.progress:
                    store.add_ledger_entry(item_id, day, LedgerKind.PROGRESS,
                                           row.parsed.draft.progress, author=actor)  # fmt: skip
            for row in updated:
                assert row.item_id is not None
                fields = {k: v for k, v in row.changes.items() if k != "progress"}
                old = _before(store.item(row.item_id), fields)
                if fields:
                    store.update_item(row.item_id, fields, actor=actor)
                if "progress" in row.changes:
                    # Progress goes through the ledger, like every other progress entry.
                    ledger_id = store.add_ledger_entry(
                        row.item_id, day, LedgerKind.PROGRESS, row.changes["progress"], author=actor
                    )
                    old["_ledger"] = ledger_id
                changes.append(
                    ImportChange(row.item_id, "updated", json.dumps(old, ensure_ascii=False))
                )
            if relative and (plan.batch_id is None or not batch.source_file):
                store.set_batch_source(batch_id, relative, digest)
            import_id = ImportLog(store).add(
                batch_id=batch_id,
                batch_created=plan.batch_id is None,
                file_name=path.name,
                source_path=relative,
                sha256=digest,
                actor=actor,
                counts=(len(created), len(updated), plan.count(UNCHANGED)),
                changes=changes,
            )
    except BaseException:
        if copied is not None:
            copied.unlink(missing_ok=True)
        raise
    log.info("import %s into batch %s: %d new, %d updated", import_id, batch_id,
             len(created), len(updated))  # fmt: skip
    return ImportResult(
        import_id, batch_id, len(created), len(updated), plan.count(UNCHANGED), plan.warnings()
    )


#: Rows between two progress reports.
PROGRESS_STEP = 250


def _reporting(
    drafts: Iterator[ItemDraft], total: int, progress: Callable[[int, int], None] | None
) -> Iterator[ItemDraft]:
    for done, draft in enumerate(drafts):
        if progress is not None and done % PROGRESS_STEP == 0:
            progress(done, total)
        yield draft


def undo_import(store: LedgerStore, import_id: int, *, actor: str = "") -> ImportRecord:
    """Take an import back whole: its new items removed, changed items restored."""
    imports = ImportLog(store)
    record = imports.get(import_id)
    if record.undone_at is not None:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "导入 {import_id} 已于 {when} 撤销过了。"),
            import_id=import_id,
            when=record.undone_at,
        )
    later = imports.later_active(record)
    if later:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors", "这个批次在此之后还有导入（编号 {later}），请先撤销后面的导入。"
            ),
            later=Listing(later),
        )
    with store.transaction():
        changes = imports.changes(import_id)
        for change in reversed(changes):
            if change.action != "updated" or not store.items_by_ids([change.item_id]):
                continue
            old = json.loads(change.before)
            ledger_id = old.pop("_ledger", None)
            if ledger_id is not None and any(
                e.id == ledger_id for e in store.ledger(change.item_id)
            ):
                store.delete_ledger_entry(int(ledger_id), actor=actor)
            if old:
                store.update_item(
                    change.item_id, {k: _decode(k, v) for k, v in old.items()}, actor=actor
                )
        created = [c.item_id for c in changes if c.action == "created"]
        present = [item.id for item in store.items_by_ids(created)]
        if present:
            store.delete_items(present, actor=actor)
        if record.batch_created and store.batch(record.batch_id).item_count == 0:
            store.delete_batch(record.batch_id, actor=actor)
        imports.mark_undone(import_id)
    return imports.get(import_id)


def list_imports(store: LedgerStore, batch_id: int | None = None) -> list[ImportRecord]:
    """Imports, newest first."""
    return ImportLog(store).all(batch_id)


def import_file(
    store: LedgerStore,
    path: Path | str,
    *,
    batch_name: str | None = None,
    kind: BatchKind | None = None,
    year: int | None = None,
    doc_number: str = "",
    dry_run: bool = False,
    actor: str = "",
) -> ImportResult:
    """The whole import in one call (the command line).

    Into the batch named, else the batch that already holds the file's items (a list sent
    again), else a new batch whose kind, unless given, is guessed from the title and columns.
    """
    parsed = read_file(path, year=year)
    name = (batch_name or parsed.title or Path(path).stem).strip()[:80]
    matched = match_batch(store, parsed)
    # A list sent again is found by its items, not its name; a name given explicitly wins.
    existing = store.find_batch(name) if batch_name else None
    if existing is None and matched is not None and not batch_name:
        existing = store.batch(matched.batch_id)
    if existing is None and not batch_name:
        existing = store.find_batch(name)
    plan = plan_import(store, parsed, existing.id if existing else None)
    changes = plan.field_changes()
    if dry_run:
        return ImportResult(
            None,
            existing.id if existing else None,
            plan.count(NEW),
            plan.count(UPDATED),
            plan.count(UNCHANGED),
            plan.warnings(),
            dry_run=True,
            matched_batch=matched,
            changes=changes,
        )
    draft = None
    if existing is None:
        draft = BatchDraft(
            kind=kind or guess_kind(parsed, Path(path).name), name=name,
            doc_number=doc_number or parsed.doc_number, year=year or parsed.year,
        )  # fmt: skip
    result = commit_import(store, plan, new_batch=draft, actor=actor)
    return replace(result, matched_batch=matched, changes=changes)
