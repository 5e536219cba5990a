"""Edits of items as undoable commands; each do() and undo() is one transaction.

A command snapshots the items it touches before its first run and again after it, and
undo/redo move the store between the two snapshots (store/snapshot.py): what the edit
changed is restored exactly, ledger lines and evidence records included, and the undo is
itself recorded in the audit log.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from rectdesk.domain.deadlines import parse_deadline
from rectdesk.domain.errors import (
    QT_TRANSLATE_NOOP,
    ConflictError,
    Label,
    Listing,
    TransitionError,
    UserError,
    localized,
)
from rectdesk.domain.ledger import LedgerStore
from rectdesk.domain.model import (
    FIELD_LABELS,
    Assignment,
    Attachment,
    Deadline,
    Item,
    LedgerKind,
    Role,
    Status,
    normalize_assignments,
)
from rectdesk.domain.status import check_change
from rectdesk.services import closure, evidence_guard
from rectdesk.store.snapshot import Snapshot, apply_difference, same_state, take_snapshot

#: Fields edited one at a time in the detail panel (status, close-off and progress have
#: commands of their own, because they follow rules and keep the ledger).
FIELD_EDITS = frozenset(
    {
        "seq", "number", "category", "origin", "content", "departments", "lead", "owner",
        "measures", "outcomes", "deadline", "remarks", "status_reason", "result_class",
        "satisfaction", "extra",
    }
)  # fmt: skip

Actor = Callable[[], str]


class ItemCommand:
    """One undoable edit of one or several items."""

    def __init__(
        self,
        store: LedgerStore,
        item_ids: Sequence[int],
        action: Callable[[], None],
        *,
        actor: Actor,
        kind: str,
        label: str,
        detail: str = "",
        seen: Mapping[int, int] | None = None,
    ) -> None:
        self.item_ids = tuple(dict.fromkeys(item_ids))
        #: The versions of the items as the clerk saw them: the edit is refused
        #: (ConflictError) when another clerk has changed one since.
        self.seen: dict[int, int] = dict(seen or {})
        #: What kind of edit (``edit``, ``status``, ``close_off``…), for the window's wording.
        self.kind = kind
        #: A plain Chinese description, e.g. for the command line and the log.
        self.label = label
        #: The field or status the edit is about, when there is one.
        self.detail = detail
        self._store = store
        self._action = action
        self._actor = actor
        self._before: Snapshot | None = None
        self._after: Snapshot | None = None

    @property
    def done_once(self) -> bool:
        """Whether do() has run at least once."""
        return self._after is not None

    def do(self) -> None:
        """Make the edit (the first time) or make it again (redo)."""
        with self._store.transaction():
            if self._before is None or self._after is None:
                self._store.claim_items(self.seen)
                before = take_snapshot(self._store, self.item_ids)
                self._action()
                self._before, self._after = before, take_snapshot(self._store, self.item_ids)
            else:
                self._claim(self._before)
                apply_difference(
                    self._store, self._before, self._after, actor=self._actor(), action="redo"
                )

    def undo(self) -> None:
        """Put back what the edit changed, unless another clerk has changed those items since.

        The items must still be as this edit left them (their versions say so); otherwise
        the undo is refused whole (ConflictError) and nothing is written.
        """
        if self._before is None or self._after is None:
            raise RuntimeError("undo() before do()")
        with self._store.transaction():
            self._claim(self._after)
            apply_difference(
                self._store, self._after, self._before, actor=self._actor(), action="undo"
            )


    def _claim(self, expected: Snapshot) -> None:
        """Make sure the items are still as ``expected`` holds them before moving from it.

        Their versions say so at once. A version that moved on while the items hold exactly
        what ``expected`` holds (this clerk undid a later edit of the same items) is no one
        else's change: the items are claimed at the version they have now.
        """
        try:
            self._store.claim_items(_versions(expected))
        except ConflictError as exc:
            now = take_snapshot(self._store, exc.item_ids)
            if not same_state(now, expected, exc.item_ids):
                raise
            self._store.claim_items(_versions(now))


class ItemService:
    """Builds the commands for every edit of items; run them with ``do()``."""

    def __init__(self, store: LedgerStore, actor: str | Actor = "") -> None:
        self.store = store
        self._actor: Actor = actor if callable(actor) else (lambda: actor)

    # -- one item ------------------------------------------------------------------------

    def edit(
        self, item_id: int, changes: dict[str, Any], *, version: int | None = None
    ) -> ItemCommand:
        """Change canonical fields of one item (a deadline may be given as its text).

        ``version`` is the item's version as the clerk saw it (None: as read now).
        """
        unknown = set(changes) - FIELD_EDITS
        if unknown:
            raise UserError(
                QT_TRANSLATE_NOOP("Errors", "不能在这里修改：{fields}。"),
                fields=Listing(Label(FIELD_LABELS.get(f, f)) for f in sorted(unknown)),
            )
        found = self.store.items_by_ids([item_id])
        if not found:
            self._refuse_deleted([item_id])
            self.store.item(item_id)  # the plain sentence for a number never known
        item = found[0]
        clean = {name: self._clean(item, name, value) for name, value in changes.items()}
        fields = list(clean)
        label = (
            f"修改“{FIELD_LABELS.get(fields[0], fields[0])}”"
            if len(fields) == 1
            else f"修改{len(fields)}个字段"
        )

        def action() -> None:
            self.store.update_item(item_id, clean, actor=self._actor())

        kind = "departments" if fields == ["departments"] else "edit"
        detail = fields[0] if len(fields) == 1 else ""
        seen = {item_id: item.version if version is None else version}
        return self._command([item_id], action, kind, label, detail, seen)

    def set_departments(
        self, item_id: int, assignments: Sequence[Assignment], *, version: int | None = None
    ) -> ItemCommand:
        """Replace one item's responsible units (one lead, the others assisting)."""
        return self.edit(item_id, {"departments": list(assignments)}, version=version)

    def _clean(self, item: Item, name: str, value: Any) -> Any:
        if name == "number":
            text = str(value or "").strip()
            return text or None
        if name == "content" and not str(value).strip():
            raise UserError(QT_TRANSLATE_NOOP("Errors", "意见建议内容不能为空，请填写后再保存。"))
        if name == "deadline":
            return value if isinstance(value, Deadline) else self.deadline_for(item, str(value))
        if name == "departments":
            return normalize_assignments(list(value))
        if name == "extra":
            return {str(k): str(v) for k, v in dict(value).items()}
        return "" if value is None else str(value)

    def deadline_for(self, item: Item, text: str, today: dt.date | None = None) -> Deadline:
        """A deadline text the clerk typed, read with the year of the item's batch.

        A month and day typed without a year mean the next time that day comes from today
        (typed in 2026 on a 2020 batch, 12月15日前 is 2026-12-15), and the deadline says so.
        """
        year = self.store.batch(item.batch_id).year
        return parse_deadline(text, year=year, not_before=today or dt.date.today())

    # -- one or many items ---------------------------------------------------------------

    def set_status(
        self,
        item_ids: Sequence[int],
        status: Status,
        *,
        closed_on: dt.date | None = None,
        reason: str = "",
        seen: Mapping[int, int] | None = None,
    ) -> ItemCommand:
        """Change the status of items, as the status rules allow.

        ``seen`` (here and in every edit of several items) holds the items' versions as the
        clerk saw them; without it, the versions read now.
        """
        items = self._items(item_ids)
        problems: dict[str, list[Item]] = {}
        for item in items:
            try:
                check_change(item.status, status, closed_on=closed_on, reason=reason)
            except TransitionError as exc:
                problems.setdefault(exc.message, []).append(item)
        if status is Status.CLOSED:
            closing = closure.problems(self.store, items, evidence_given=False, reason=reason)
            for message, found in closing.items():
                problems.setdefault(message, []).extend(found)
        _refuse(problems, len(items))

        def action() -> None:
            for item in self.store.items_by_ids([i.id for i in items]):
                changes: dict[str, Any] = {"status": status}
                if status is Status.CLOSED:
                    changes["closed_on"] = closed_on
                elif item.closed_on is not None:
                    changes["closed_on"] = None
                if status is Status.DECLINED:
                    changes["status_reason"] = reason.strip()
                self.store.update_item(item.id, changes, actor=self._actor())

        label = f"把{_count(items)}改为“{status.label}”"
        return self._command(item_ids, action, "status", label, status.value, seen, items)

    def set_lead_department(
        self, item_ids: Sequence[int], department: str, *, seen: Mapping[int, int] | None = None
    ) -> ItemCommand:
        """Make a unit the lead of items; the former lead stays on as assisting."""
        name = department.strip()
        if not name:
            raise UserError(QT_TRANSLATE_NOOP("Errors", "请填写牵头单位的名称。"))
        items = self._items(item_ids)

        def action() -> None:
            for item in self.store.items_by_ids([i.id for i in items]):
                assignments = [Assignment(name, Role.LEAD)] + [
                    Assignment(a.department, Role.ASSIST) for a in item.departments
                ]
                self.store.update_item(
                    item.id, {"departments": normalize_assignments(assignments)},
                    actor=self._actor(),
                )  # fmt: skip

        label = f"把{_count(items)}的牵头单位改为“{name}”"
        return self._command(item_ids, action, "lead_department", label, name, seen, items)

    def set_deadline(
        self, item_ids: Sequence[int], text: str, *, seen: Mapping[int, int] | None = None
    ) -> ItemCommand:
        """Give items the same deadline text, each read with its own batch's year."""
        if not text.strip():
            raise UserError(
                QT_TRANSLATE_NOOP("Errors", "请填写整改时限，例如“2024年6月30日”或“长期坚持”。")
            )
        items = self._items(item_ids)
        years: dict[int, int | None] = {}

        def action() -> None:
            for item in self.store.items_by_ids([i.id for i in items]):
                if item.batch_id not in years:
                    years[item.batch_id] = self.store.batch(item.batch_id).year
                deadline = parse_deadline(
                    text, year=years[item.batch_id], not_before=dt.date.today()
                )
                self.store.update_item(item.id, {"deadline": deadline}, actor=self._actor())

        label = f"把{_count(items)}的整改时限改为“{text.strip()}”"
        return self._command(item_ids, action, "deadline", label, text.strip(), seen, items)

    def close_off(
        self,
        item_ids: Sequence[int],
        on: dt.date,
        *,
        evidence: Path | None = None,
        note: str = "",
        seen: Mapping[int, int] | None = None,
    ) -> ItemCommand:
        """Close items off (销号) on a date, with a ledger line and an optional evidence file."""
        items = self._items(item_ids)
        problems: dict[str, list[Item]] = {}
        for item in items:
            if item.status is Status.CLOSED:
                closed = localized(QT_TRANSLATE_NOOP("Errors", "已经销号"))
                problems.setdefault(closed, []).append(item)
                continue
            try:
                check_change(item.status, Status.CLOSED, closed_on=on)
            except TransitionError:
                problems.setdefault(
                    localized(
                        QT_TRANSLATE_NOOP(
                            "Errors", "“{status}”的事项不能直接销号，请先改为“{completed}”"
                        ),
                        status=Label(item.status.label),
                        completed=Label(Status.COMPLETED.label),
                    ),
                    [],
                ).append(item)
        closing = closure.problems(
            self.store, items, evidence_given=evidence is not None, reason=note
        )
        for message, found in closing.items():
            problems.setdefault(message, []).extend(found)
        _refuse(problems, len(items))
        if evidence is not None and not Path(evidence).is_file():
            raise UserError(
                QT_TRANSLATE_NOOP("Errors", "找不到佐证材料文件“{path}”，请重新选择。"),
                path=str(evidence),
            )

        def action() -> None:
            actor = self._actor()
            made: list[Attachment] = []
            for item_id in [i.id for i in items]:
                self.store.update_item(
                    item_id, {"status": Status.CLOSED, "closed_on": on}, actor=actor
                )
                text = closure.ledger_note(self.store, item_id, note)
                entry = self.store.add_ledger_entry(
                    item_id, on, LedgerKind.CLOSE_OFF, text, author=actor
                )
                if evidence is not None:
                    made.append(
                        self.store.add_attachment(item_id, evidence, ledger_id=entry, actor=actor)
                    )
            evidence_guard.remember(self.store, made)

        label = f"销号{_count(items)}"
        return self._command(item_ids, action, "close_off", label, on.isoformat(), seen, items)

    def add_progress(
        self,
        item_ids: Sequence[int],
        on: dt.date,
        text: str,
        evidence: Iterable[Path] = (),
        *,
        seen: Mapping[int, int] | None = None,
    ) -> ItemCommand:
        """Add the same progress entry (date, text, evidence files) to each item's ledger."""
        if not text.strip():
            raise UserError(QT_TRANSLATE_NOOP("Errors", "请填写整改进展的内容。"))
        files = [Path(p) for p in evidence]
        for path in files:
            if not path.is_file():
                raise UserError(
                    QT_TRANSLATE_NOOP("Errors", "找不到佐证材料文件“{path}”，请重新选择。"),
                    path=str(path),
                )
        items = self._items(item_ids)

        def action() -> None:
            actor = self._actor()
            made: list[Attachment] = []
            for item_id in [i.id for i in items]:
                entry = self.store.add_ledger_entry(
                    item_id, on, LedgerKind.PROGRESS, text.strip(), author=actor
                )
                for path in files:
                    made.append(
                        self.store.add_attachment(item_id, path, ledger_id=entry, actor=actor)
                    )
            # Read now, so the reuse flag shows at once (the check still reads older files).
            evidence_guard.remember(self.store, made)

        label = f"为{_count(items)}添加整改进展"
        return self._command(item_ids, action, "progress", label, on.isoformat(), seen, items)

    def delete(
        self, item_ids: Sequence[int], *, seen: Mapping[int, int] | None = None
    ) -> ItemCommand:
        """Delete items with their ledger and evidence records (undo brings them back)."""
        items = self._items(item_ids)

        def action() -> None:
            self.store.delete_items([i.id for i in items], actor=self._actor())

        label = f"删除{_count(items)}"
        return self._command(item_ids, action, "delete", label, "", seen, items)

    # -- helpers -------------------------------------------------------------------------

    def _items(self, item_ids: Sequence[int]) -> list[Item]:
        if not item_ids:
            raise UserError(QT_TRANSLATE_NOOP("Errors", "请先选择要修改的事项。"))
        found = self.store.items_by_ids(list(dict.fromkeys(item_ids)))
        if len(found) != len(set(item_ids)):
            gone = sorted(set(item_ids) - {i.id for i in found})
            self._refuse_deleted(gone)
            if not any(self.store.audit_log(i, limit=1) for i in gone):
                # Never there: a mistyped number (the command line), named as such.
                raise UserError(
                    QT_TRANSLATE_NOOP("Errors", "找不到编号为 {item_id} 的事项，可能已被删除。"),
                    item_id=gone[0],
                )
            raise UserError(QT_TRANSLATE_NOOP("Errors", "有事项已被删除，请刷新列表后重新选择。"))
        return found

    def _refuse_deleted(self, gone: Iterable[int]) -> None:
        """Say who deleted items the clerk still sees (ConflictError), as an edit would."""
        # Only items that were there (the audit log knows them): an unknown number is a typo.
        known = [i for i in gone if self.store.audit_log(i, limit=1)]
        if self.store.readonly or not known:
            return
        with self.store.transaction():
            self.store.claim_items({i: -1 for i in known})

    def _command(
        self,
        item_ids: Sequence[int],
        action: Callable[[], None],
        kind: str,
        label: str,
        detail: str = "",
        seen: Mapping[int, int] | None = None,
        items: Sequence[Item] = (),
    ) -> ItemCommand:
        # Versions the clerk saw win; items the caller did not name are as read just now.
        named = set(item_ids)
        versions = {
            i: v for i, v in {**versions_seen(items), **(seen or {})}.items() if i in named
        }
        return ItemCommand(
            self.store, item_ids, action, actor=self._actor, kind=kind, label=label,
            detail=detail, seen=versions,
        )  # fmt: skip


def _versions(snapshot: Snapshot) -> dict[int, int]:
    """The versions the items had in a snapshot (items it lacks did not exist)."""
    return {i: int(row.get("version") or 0) for i, row in snapshot.items.items()}


def versions_seen(items: Iterable[Item]) -> dict[int, int]:
    """The versions of items as read, to hand to an edit."""
    return {item.id: item.version for item in items}


def _count(items: Sequence[Item]) -> str:
    return f"{len(items)}条事项" if len(items) != 1 else f"“{_name(items[0])}”"


def _name(item: Item) -> str:
    if item.number:
        return item.number
    flat = " ".join(item.content.split())
    return flat if len(flat) <= 14 else flat[:13] + "…"


def _refuse(problems: dict[str, list[Item]], total: int) -> None:
    """Refuse the whole edit, saying which items stand in the way and why."""
    if not problems:
        return
    count = sum(len(found) for found in problems.values())
    # Each reason is already in the interface language; its own full stop gives way to ours.
    shown = [
        localized(
            QT_TRANSLATE_NOOP("Errors", "{reason}（{count}条，如“{example}”）"),
            reason=message.rstrip("。."),
            count=len(found),
            example=_name(found[0]),
        )
        if len(found) > 1 or total > 1
        else message.rstrip("。.")
        for message, found in problems.items()
    ]
    reasons = localized(QT_TRANSLATE_NOOP("Errors", "；")).join(shown)
    if total > 1:
        raise TransitionError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "选中的{total}条事项中有{count}条不能这样修改，没有做任何改动：{reasons}。",
            ),
            total=total,
            count=count,
            reasons=reasons,
        )
    raise TransitionError(QT_TRANSLATE_NOOP("Errors", "{reasons}。"), reasons=reasons)
