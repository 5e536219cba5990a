"""Write what the clerk accepted from the units' answers: one transaction, one undo step.

Each accepted change becomes a ledger entry whose author is the unit and the round
(“县人民医院（第2轮报送）”); the lead unit's progress becomes the item's, an assisting unit's is
added beside it. Every answer read is recorded with the round, so the unit counts as having
answered; undoing the collection takes those records back as well.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from rectdesk.domain.errors import QT_TRANSLATE_NOOP, Label, UserError
from rectdesk.domain.ledger import LedgerStore
from rectdesk.domain.model import LedgerKind, Role, Status
from rectdesk.domain.rounds import ANSWER_LABELS, EXTRA_KEYS, Column, flat
from rectdesk.services.collect import SINGLE_VALUED, Change, CollectPlan
from rectdesk.services.collect_values import current_value, status_of
from rectdesk.services.items import ItemCommand
from rectdesk.store.rounds import RoundBook

Actor = Callable[[], str]


def source(unit: str, round_number: int) -> str:
    """Who a ledger entry from a round came from."""
    return f"{unit}（第{round_number}轮报送）"


def accept_command(
    store: LedgerStore, plan: CollectPlan, *, actor: Actor, today: dt.date | None = None
) -> ItemCommand:
    """The command that writes the accepted changes and the answers (run it with ``do()``)."""
    number = plan.round_number
    if number is None or not plan.received:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "没有可以写入的报送内容：请先选择能够对应到事项的报送表。")
        )
    accepted = plan.accepted()
    _check_single(accepted)
    day = today or dt.date.today()
    by_item: dict[int, list[Change]] = {}
    for change in accepted:
        by_item.setdefault(change.item_id, []).append(change)
    received = list(plan.received)
    ids = sorted({r.item_id for r in received} | set(by_item))

    def action() -> None:
        found = {item.id: item for item in store.items_by_ids(ids)}
        for item_id, changes in by_item.items():
            item = found.get(item_id)
            if item is None:
                raise UserError(
                    QT_TRANSLATE_NOOP(
                        "Errors", "有事项在收集期间被删除了，没有写入任何内容；请重新收集。"
                    )
                )
            for change in changes:
                if flat(current_value(item, change.field)) != flat(change.old):
                    raise UserError(
                        QT_TRANSLATE_NOOP(
                            "Errors",
                            "事项“{item}”的“{field}”在审核期间被修改过，"
                            "没有写入任何内容；请重新收集后再审核。",
                        ),
                        item=change.item_label,
                        field=Label(change.field_label),
                    )
        for item_id, changes in by_item.items():
            _apply_item(store, found[item_id].id, changes, number, day, actor())
        taken: dict[tuple[int, int], list[str]] = {}
        for change in accepted:
            taken.setdefault((change.unit_id, change.item_id), []).append(change.field.value)
        RoundBook(store).add_answers(
            (r.unit_id, r.item_id, r.file, r.answer, taken.get((r.unit_id, r.item_id), []))
            for r in received
        )
        store.audit(actor(), None, "collect", "round", "",
                    f"批次 {plan.batch_id} 第{number}轮 收集 {len(plan.units())} 个单位，"
                    f"采纳 {len(accepted)} 处")  # fmt: skip

    units = len(plan.units())
    label = f"收集第{number}轮报送（{units}个单位，{len(accepted)}处修改）"
    return ItemCommand(
        store, ids, action, actor=actor, kind="collect", label=label, detail=str(number)
    )


def _check_single(accepted: list[Change]) -> None:
    """One value per single-valued field of an item (the review lets only one be taken)."""
    seen: dict[tuple[int, Column], str] = {}
    for change in accepted:
        if change.field not in SINGLE_VALUED:
            continue
        key = (change.item_id, change.field)
        if key in seen and seen[key] != flat(change.new):
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Errors", "事项“{item}”的“{field}”采纳了两个不同的意见，请只保留一个后再写入。"
                ),
                item=change.item_label,
                field=Label(change.field_label),
            )
        seen[key] = flat(change.new)


def _apply_item(
    store: LedgerStore, item_id: int, changes: list[Change], number: int, day: dt.date, actor: str
) -> None:
    item = store.item(item_id)
    fields: dict[str, object] = {}
    extra = dict(item.extra)
    entries: list[tuple[LedgerKind, str, str]] = []
    # The lead's answer first: an assisting unit's entry then follows it in the ledger.
    for change in sorted(changes, key=lambda c: (c.role is not Role.LEAD, c.index)):
        author = source(change.unit, number)
        lead = change.role is Role.LEAD
        label = ANSWER_LABELS[change.field]
        if change.field is Column.PROGRESS:
            kind = LedgerKind.PROGRESS if lead else LedgerKind.REPLY
            entries.append((kind, change.new, author))
            continue
        if change.field is Column.EVIDENCE and not lead:
            entries.append((LedgerKind.REPLY, f"{label}：{change.new}", author))
            continue
        if change.field is Column.MEASURES:
            fields["measures"] = change.new
        elif change.field is Column.STATUS:
            status = status_of(change.new)
            if status is None:
                continue
            fields["status"] = status
            if item.status is Status.CLOSED and status is not Status.CLOSED:
                fields["closed_on"] = None
        else:
            extra[EXTRA_KEYS[change.field]] = change.new
        entries.append((LedgerKind.REPLY, f"{label}：{change.new}", author))
    if extra != item.extra:
        fields["extra"] = extra
    if fields:
        store.update_item(item_id, fields, actor=actor)
    for kind, text, author in entries:
        store.add_ledger_entry(item_id, day, kind, text, author=author)


def apply_collect(
    store: LedgerStore, plan: CollectPlan, *, actor: str = "", today: dt.date | None = None
) -> ItemCommand:
    """Write the accepted changes now (the command line); returns the command that did it."""
    command = accept_command(store, plan, actor=lambda: actor, today=today)
    command.do()
    return command
