"""收集: read the units' returned workbooks into a review; write only what the clerk accepts.

Reading (``plan_collect``) writes nothing. It says, per file, which unit sent it, and per item
and field, the ledger's value and the unit's; every problem is one sentence naming the file,
and a problem in one row or one file leaves the rest reviewable. Accepting
(``accept_command``) builds one item command: one transaction, one step to undo, and each
accepted change a ledger entry whose author is the unit and the round.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rectdesk.domain.errors import QT_TRANSLATE_NOOP, Label, UserError, listing, localized
from rectdesk.domain.ledger import LedgerStore
from rectdesk.domain.model import Item, Role
from rectdesk.domain.privacy import OutputMode, mask_data, mask_text
from rectdesk.domain.rounds import (
    ANSWER_FIELDS,
    ANSWER_LABELS,
    COLUMN_BY_KEY,
    PROTECTED,
    ROLE_LABELS,
    Column,
    digest,
    flat,
    read_file_token,
    read_row_token,
    same_number,
)
from rectdesk.domain.status import can_change
from rectdesk.importers.returned import ReturnedFile, ReturnedRow, read_returned
from rectdesk.importers.values import status_from_text
from rectdesk.services.collect_values import answer_value, current_value
from rectdesk.store.rounds import RoundBook, SentItem

log = logging.getLogger(__name__)

#: Fields an assisting unit's answer adds to the ledger without replacing the item's value.
ADDED_FROM_ASSISTING = frozenset({Column.PROGRESS, Column.EVIDENCE})
#: Fields that hold one value per item: two units giving two values is a conflict.
SINGLE_VALUED = frozenset({Column.MEASURES, Column.STATUS, Column.COMPLETED_ON})


@dataclass
class Change:
    """One field of one item as a unit answered it."""

    index: int
    item_id: int
    item_label: str
    item_text: str
    field: Column
    old: str
    new: str
    unit: str
    unit_id: int
    role: Role
    file: str
    row: int
    accepted: bool = True
    conflict: bool = False
    allowed: bool = True
    note: str = ""

    @property
    def field_label(self) -> str:
        return ANSWER_LABELS[self.field]

    def as_json(self) -> dict[str, Any]:
        return {
            "item_id": self.item_id,
            "item": self.item_label,
            "field": self.field.value,
            "field_label": self.field_label,
            "old": self.old,
            "new": self.new,
            "unit": self.unit,
            "role": self.role.value,
            "file": self.file,
            "row": self.row,
            "accepted": self.accepted,
            "conflict": self.conflict,
            "note": self.note,
        }


@dataclass
class FileReport:
    """One returned file: who sent it, how many items it answered, what went wrong."""

    path: Path
    unit: str = ""
    unit_id: int | None = None
    batch_id: int | None = None
    round_number: int | None = None
    rows: int = 0
    included: bool = False
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.path.name


@dataclass(frozen=True)
class Received:
    """A unit's whole answer about one item (recorded whether or not a field changed)."""

    unit_id: int
    item_id: int
    file: str
    answer: dict[str, str]


@dataclass
class CollectPlan:
    """Everything the review shows; nothing is written until ``accept_command`` runs."""

    batch_id: int | None
    round_number: int | None
    files: list[FileReport]
    changes: list[Change]
    received: list[Received]
    batch_name: str = ""

    def conflicts(self) -> list[list[Change]]:
        """Changes to one field of one item by several units with different values."""
        groups: dict[tuple[int, Column], list[Change]] = {}
        for change in self.changes:
            if change.conflict:
                groups.setdefault((change.item_id, change.field), []).append(change)
        return list(groups.values())

    def problems(self) -> list[dict[str, str]]:
        """Every problem and warning as {file, message}, problems first."""
        found = [{"file": f.name, "message": p} for f in self.files for p in f.problems]
        found += [{"file": f.name, "message": w} for f in self.files for w in f.warnings]
        return found

    def accepted(self) -> list[Change]:
        return [c for c in self.changes if c.accepted and c.allowed]

    def set_accepted(self, change: Change, accepted: bool) -> list[Change]:
        """Accept or reject one change; taking one side of a conflict drops the others.

        Returns every change whose state moved (for the review to repaint).
        """
        moved: list[Change] = []
        value = accepted and change.allowed
        if change.accepted != value:
            change.accepted = value
            moved.append(change)
        if value and change.field in SINGLE_VALUED:
            for other in self.changes:
                if (
                    other is not change
                    and other.item_id == change.item_id
                    and other.field is change.field
                    and other.accepted
                    and flat(other.new) != flat(change.new)
                ):
                    other.accepted = False
                    moved.append(other)
        return moved

    def accept_all(self) -> None:
        """Accept every change that may be; in a conflict the lead unit's value wins."""
        for change in self.changes:
            change.accepted = change.allowed and (not change.conflict or change.role is Role.LEAD)
        for group in self.conflicts():
            if not any(c.accepted for c in group):
                group[0].accepted = group[0].allowed

    def units(self) -> list[str]:
        return sorted({f.unit for f in self.files if f.included and f.unit})

    def as_json(self, applied: int = 0, mode: OutputMode = OutputMode.MASKED) -> dict[str, Any]:
        """The review as the command line prints it (masked unless ``mode`` is full)."""
        data = {
            "batch_id": self.batch_id,
            "round": self.round_number,
            "changes": [c.as_json() for c in self.changes],
            "conflicts": [
                {"item_id": g[0].item_id, "field": g[0].field.value,
                 "units": [{"unit": c.unit, "role": c.role.value, "new": c.new,
                            "accepted": c.accepted} for c in g]}
                for g in self.conflicts()
            ],
            "applied": applied,
            "problems": self.problems(),
            "files": [
                {"file": f.name, "unit": f.unit, "rows": f.rows, "included": f.included}
                for f in self.files
            ],
        }  # fmt: skip
        return mask_data(data, mode)  # type: ignore[no-any-return]


# -- reading ------------------------------------------------------------------------------------


@dataclass
class _Target:
    """The round the collection is for, and what was sent in it."""

    batch_id: int
    number: int
    sent: dict[tuple[int, int], SentItem]
    unit_names: dict[int, str]


def plan_collect(
    store: LedgerStore,
    paths: Sequence[Path | str],
    *,
    progress: Callable[[int, int], None] | None = None,
) -> CollectPlan:
    """Read every file and compare it with the ledger (writes nothing)."""
    if not paths:
        raise UserError(QT_TRANSLATE_NOOP("Errors", "请选择要收集的报送表。"))
    book = RoundBook(store)
    secret = book.secret()
    reports: list[FileReport] = []
    read: list[tuple[FileReport, ReturnedFile]] = []
    for done, path in enumerate(paths):
        if progress is not None:
            progress(done, len(paths))
        report = FileReport(Path(path))
        reports.append(report)
        try:
            returned = read_returned(path)
        except UserError as exc:
            report.problems.append(exc.message)
            continue
        if returned is None:
            report.problems.append(
                localized(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "“{name}”里没有找到报送表的表头（编号、问题内容、"
                        "整改进展等），不是下发的报送表，未纳入。",
                    ),
                    name=report.name,
                )
            )
            continue
        _claim(report, returned, secret, book)
        read.append((report, returned))
    target = _target(store, book, read)
    plan = CollectPlan(None, None, reports, [], [])
    if target is None:
        for report, _returned in read:
            if not report.problems:
                report.problems.append(
                    localized(
                        QT_TRANSLATE_NOOP(
                            "Errors",
                            "“{name}”对应不到任何已下发的轮次（校验码和编号都对不上），未纳入。",
                        ),
                        name=report.name,
                    )
                )
        return plan
    plan.batch_id, plan.round_number = target.batch_id, target.number
    plan.batch_name = store.batch(target.batch_id).name
    chosen = _latest_per_unit(read, target)
    items = {i.id: i for i in store.items_by_ids(sorted({k[1] for k in target.sent}))}
    for report, returned in read:
        if (report, returned) not in chosen:
            continue
        _read_rows(plan, report, returned, target, items, secret)
    _settle_conflicts(plan)
    return plan


def _claim(report: FileReport, returned: ReturnedFile, secret: bytes, book: RoundBook) -> None:
    """Which batch, round and unit the file says it is from (sound marks only)."""
    claims: Counter[tuple[int, int, int]] = Counter()
    for row in returned.rows:
        mark = read_row_token(secret, row.token) if row.token else None
        if mark is not None:
            claims[(mark.batch_id, mark.round_number, mark.unit_id)] += 1
    if claims:
        (report.batch_id, report.round_number, report.unit_id), _ = claims.most_common(1)[0]
    elif returned.file_mark:
        whole = read_file_token(secret, returned.file_mark)
        if whole is not None:
            report.batch_id, report.round_number = whole.batch_id, whole.round_number
            report.unit_id = whole.unit_id
    if report.unit_id is not None and book.round_of_unit(report.unit_id) != (
        report.batch_id,
        report.round_number,
    ):
        # A sound seal over a unit that no longer exists here (another store's file).
        report.batch_id = report.round_number = report.unit_id = None


def _target(
    store: LedgerStore, book: RoundBook, read: list[tuple[FileReport, ReturnedFile]]
) -> _Target | None:
    """The batch most files belong to, and its newest round."""
    batches = Counter(r.batch_id for r, _ in read if r.batch_id is not None)
    batch_id = batches.most_common(1)[0][0] if batches else _guess_batch(store, book, read)
    if batch_id is None:
        return None
    latest = book.latest(batch_id)
    if latest is None:
        return None
    sent = {(s.unit_id, s.item_id): s for s in book.sent_items(latest.id)}
    names = {u.unit_id: u.unit for u in latest.units}
    return _Target(batch_id, latest.number, sent, names)


def _guess_batch(
    store: LedgerStore, book: RoundBook, read: list[tuple[FileReport, ReturnedFile]]
) -> int | None:
    """Without any mark: the batch whose newest round's items the files' 编号 match best."""
    numbers = {
        flat(row.values.get(Column.NUMBER, "")).lstrip("0")
        for _, returned in read
        for row in returned.rows
        if row.values.get(Column.NUMBER)
    }
    contents = {
        flat(row.values.get(Column.CONTENT, ""))
        for _, returned in read
        for row in returned.rows
        if row.values.get(Column.CONTENT)
    }
    best: tuple[int, int] | None = None
    for batch in store.batches():
        latest = book.latest(batch.id)
        if latest is None:
            continue
        ids = sorted({s.item_id for s in book.sent_items(latest.id)})
        score = sum(
            1
            for item in store.items_by_ids(ids)
            if (item.number and flat(item.number).lstrip("0") in numbers)
            or flat(item.content) in contents
        )
        if score and (best is None or score > best[1]):
            best = (batch.id, score)
    return best[0] if best else None


def _unit_from_names(report: FileReport, returned: ReturnedFile, target: _Target) -> None:
    """A file without marks: its unit from the 报送单位 line or the file name."""
    for unit_id, name in target.unit_names.items():
        if returned.unit_line == name:
            report.unit_id = unit_id
            return
    found = [u for u, name in target.unit_names.items() if name and name in report.path.stem]
    if len(found) == 1:
        report.unit_id = found[0]


def _latest_per_unit(
    read: list[tuple[FileReport, ReturnedFile]], target: _Target
) -> list[tuple[FileReport, ReturnedFile]]:
    """The files taken in: this round's, one per unit (the newest when a unit sent two)."""
    by_unit: dict[int, list[tuple[FileReport, ReturnedFile]]] = {}
    for report, returned in read:
        if report.batch_id is not None and report.batch_id != target.batch_id:
            report.problems.append(
                localized(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "“{name}”是另一个批次的报送表，与本次收集的批次不同，未纳入；请分开收集。",
                    ),
                    name=report.name,
                )
            )
            continue
        if report.round_number is not None and report.round_number != target.number:
            report.problems.append(
                localized(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "“{name}”是第{old}轮的报送表，现在收集的是第{current}轮，"
                        "内容已过时，未纳入；请让该单位填写第{current}轮的报送表。",
                    ),
                    name=report.name,
                    old=report.round_number,
                    current=target.number,
                )
            )
            continue
        if report.unit_id is None:
            _unit_from_names(report, returned, target)
            if report.unit_id is None:
                report.problems.append(
                    localized(
                        QT_TRANSLATE_NOOP(
                            "Errors",
                            "“{name}”看不出是哪个单位报送的（校验码已删除，"
                            "报送单位一行和文件名也对不上），未纳入；"
                            "请让该单位用下发的原表重新填写。",
                        ),
                        name=report.name,
                    )
                )
                continue
        report.batch_id, report.round_number = target.batch_id, target.number
        report.unit = target.unit_names.get(report.unit_id, "")
        by_unit.setdefault(report.unit_id, []).append((report, returned))
    chosen: list[tuple[FileReport, ReturnedFile]] = []
    for pairs in by_unit.values():
        pairs.sort(key=lambda pair: _modified(pair[0].path))
        newest = pairs[-1]
        for report, _returned in pairs[:-1]:
            report.problems.append(
                localized(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "“{name}”与“{newer}”都是{unit}报送的，以较新的“{newer}”为准，这份未纳入。",
                    ),
                    name=report.name,
                    newer=newest[0].name,
                    unit=report.unit,
                )
            )
        chosen.append(newest)
    return chosen


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _rows_text(rows: Iterable[int]) -> str:
    listed = sorted(set(rows))
    shown = listing(listed[:12])
    if len(listed) > 12:
        return localized(QT_TRANSLATE_NOOP("Errors", "{rows}等"), rows=shown)
    return shown


def _read_rows(
    plan: CollectPlan,
    report: FileReport,
    returned: ReturnedFile,
    target: _Target,
    items: dict[int, Item],
    secret: bytes,
) -> None:
    """Match the file's rows to the unit's items and turn what changed into changes."""
    assert report.unit_id is not None
    unit_id = report.unit_id
    mine = {item_id: s for (u, item_id), s in target.sent.items() if u == unit_id}
    bad_marks: list[int] = []
    foreign: list[int] = []
    by_content: list[int] = []
    strangers: list[int] = []
    twice: list[int] = []
    seen: dict[int, int] = {}
    edited: dict[Column, list[int]] = {}
    for row in returned.rows:
        if not row.holds_item():
            continue
        sent = None
        if row.token:
            mark = read_row_token(secret, row.token)
            if mark is None:
                bad_marks.append(row.row)
                continue
            if mark.unit_id != unit_id or (mark.batch_id, mark.round_number) != (
                target.batch_id,
                target.number,
            ):
                foreign.append(row.row)
                continue
            sent = mine.get(mark.item_id)
        else:
            sent = _match(row, mine, items)
            if sent is None:
                strangers.append(row.row)
                continue
            by_content.append(row.row)
        if sent is None or sent.item_id not in items:
            strangers.append(row.row)
            continue
        if sent.item_id in seen:
            twice.append(row.row)
            continue
        seen[sent.item_id] = row.row
        item = items[sent.item_id]
        for column in PROTECTED:
            if column in returned.columns and _edited(column, row, sent, item):
                edited.setdefault(column, []).append(row.row)
        _answer(plan, report, row, sent, item)
    report.rows = len(seen)
    report.included = True
    name = report.name
    if bad_marks:
        report.problems.append(
            localized(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "“{name}”第{rows}行的校验码不对（被改动过，或是手工填写）"
                    "，这些行未纳入；其余行照常审核。",
                ),
                name=name,
                rows=_rows_text(bad_marks),
            )
        )
    if foreign:
        report.problems.append(
            localized(
                QT_TRANSLATE_NOOP(
                    "Errors", "“{name}”第{rows}行是从别的单位或别的轮次的报送表复制来的，未纳入。"
                ),
                name=name,
                rows=_rows_text(foreign),
            )
        )
    for column, rows in edited.items():
        report.problems.append(
            localized(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "“{name}”第{rows}行受保护的“{column}”列被改动过，"
                    "这些改动不会写入台账；同一行填写的进展照常审核。",
                ),
                name=name,
                rows=_rows_text(rows),
                column=Label(COLUMN_BY_KEY[column].header),
            )
        )
    if twice:
        report.warnings.append(
            localized(
                QT_TRANSLATE_NOOP(
                    "Errors", "“{name}”第{rows}行与前面的行是同一事项，只取前面的一行。"
                ),
                name=name,
                rows=_rows_text(twice),
            )
        )
    if by_content and not returned.has_token_column:
        report.warnings.append(
            localized(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "“{name}”的校验码列已被删除，已按编号和内容对应到{count}条事项，请核对。",
                ),
                name=name,
                count=len(by_content),
            )
        )
    elif by_content:
        report.warnings.append(
            localized(
                QT_TRANSLATE_NOOP(
                    "Errors", "“{name}”第{rows}行没有校验码，已按编号和内容对应到事项，请核对。"
                ),
                name=name,
                rows=_rows_text(by_content),
            )
        )
    if strangers:
        report.warnings.append(
            localized(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "“{name}”第{rows}行不是下发给该单位的事项（或是补充说明）"
                    "，未纳入；如是新问题，请另行登记。",
                ),
                name=name,
                rows=_rows_text(strangers),
            )
        )
    formulas = sorted({row.row for row in returned.rows if row.formulas})
    if formulas:
        report.warnings.append(
            localized(
                QT_TRANSLATE_NOOP(
                    "Errors", "“{name}”第{rows}行有公式，已按显示的文字读取，公式本身不会写入台账。"
                ),
                name=name,
                rows=_rows_text(formulas),
            )
        )
    if returned.token_by_content:
        report.warnings.append(
            localized(
                QT_TRANSLATE_NOOP("Errors", "“{name}”的校验码列标题被改动过，已按内容找到该列。"),
                name=name,
            )
        )


def _match(row: ReturnedRow, mine: dict[int, SentItem], items: dict[int, Item]) -> SentItem | None:
    """A row without a mark: its item by 编号 (a lost leading zero allowed), else by content."""
    number = row.values.get(Column.NUMBER, "")
    if number:
        found = [s for i, s in mine.items() if i in items and same_number(items[i].number, number)]
        if len(found) == 1:
            return found[0]
    content = flat(row.values.get(Column.CONTENT, ""))
    if content:
        found = [s for i, s in mine.items() if i in items and flat(items[i].content) == content]
        if len(found) == 1:
            return found[0]
    return None


def _edited(column: Column, row: ReturnedRow, sent: SentItem, item: Item) -> bool:
    value = row.values.get(column, "")
    expected = sent.sent.get(column.value)
    if expected is None or digest(value) == expected:
        return False
    if column is Column.NUMBER:
        # A spreadsheet that turned the 编号 into a number lost its leading zero: not an edit.
        return not same_number(item.number, value)
    return True


def _answer(
    plan: CollectPlan, report: FileReport, row: ReturnedRow, sent: SentItem, item: Item
) -> None:
    assert report.unit_id is not None
    answer: dict[str, str] = {}
    for column in (*ANSWER_FIELDS, Column.CONTACT, Column.PHONE):
        if column in row.values:
            answer[column.value] = row.values[column]
    plan.received.append(Received(report.unit_id, item.id, report.name, answer))
    label = item.number or _short(item.content)
    for column in ANSWER_FIELDS:
        if column not in row.values:
            continue
        given = row.values[column]
        if not given.strip() or digest(given) == sent.sent.get(column.value):
            continue  # left as it was sent, or emptied: an empty cell never erases the ledger
        new, note = answer_value(column, given)
        if new is None:
            report.warnings.append(
                localized(
                    QT_TRANSLATE_NOOP("Errors", "“{name}”第{row}行：{note}"),
                    name=report.name,
                    row=row.row,
                    note=note,
                )
            )
            continue
        old = current_value(item, column)
        if flat(new) == flat(old):
            continue
        change = Change(
            index=len(plan.changes), item_id=item.id, item_label=label, item_text=item.content,
            field=column, old=old,
            new=new, unit=report.unit, unit_id=report.unit_id, role=sent.role, file=report.name,
            row=row.row,
        )  # fmt: skip
        if column is Column.STATUS:
            status = status_from_text(new)
            if status is not None and not can_change(item.status, status):
                change.allowed, change.accepted = False, False
                change.note = localized(
                    QT_TRANSLATE_NOOP(
                        "Errors", "不能从“{old}”改为“{new}”，如确需改动请在事项中修改。"
                    ),
                    old=Label(item.status.label),
                    new=Label(new),
                )
        if sent.role is Role.ASSIST and column not in ADDED_FROM_ASSISTING and change.allowed:
            change.accepted = False
            change.note = localized(
                QT_TRANSLATE_NOOP("Errors", "配合单位的意见，默认不改变事项；确需采用请勾选。")
            )
        elif sent.role is Role.ASSIST:
            change.note = localized(
                QT_TRANSLATE_NOOP("Errors", "配合单位报送，记入台账，不替换牵头单位的内容。")
            )
        plan.changes.append(change)


def _settle_conflicts(plan: CollectPlan) -> None:
    """Two units giving one field two values: shown side by side, the lead's taken."""
    groups: dict[tuple[int, Column], list[Change]] = {}
    for change in plan.changes:
        if change.field in SINGLE_VALUED:
            groups.setdefault((change.item_id, change.field), []).append(change)
    for group in groups.values():
        if len({flat(c.new) for c in group}) < 2:
            continue
        for change in group:
            change.conflict = True
            change.accepted = change.allowed and change.role is Role.LEAD


def _short(text: str, width: int = 16) -> str:
    flat_text = " ".join(text.split())
    return flat_text if len(flat_text) <= width else flat_text[: width - 1] + "…"


def describe(plan: CollectPlan) -> list[str]:
    """The review as lines for a terminal (masked)."""
    lines = []
    head = (
        f"批次“{plan.batch_name}”第{plan.round_number}轮" if plan.round_number else "未能确定轮次"
    )
    lines.append(f"{head}：{len(plan.changes)}处修改，{len(plan.conflicts())}处冲突。")
    for change in plan.changes:
        mark = "采纳" if change.accepted and change.allowed else "不采纳"
        role = ROLE_LABELS[change.role]
        lines.append(
            mask_text(
                f"[{mark}] {change.item_label} {change.field_label}（{change.unit}，{role}）："
                f"{_short(change.old, 30) or '（空）'} → {_short(change.new, 30)}"
            )
        )
    for problem in plan.problems():
        lines.append(mask_text(f"提示 {problem['message']}"))
    return lines
