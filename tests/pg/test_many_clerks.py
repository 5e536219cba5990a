"""Five clerks at once on one server ledger: no edit is lost, every refusal is said.

Five client processes, each with its own connection through the services, make 200 edits
each on the same few items (owner, status, responsible unit), every edit against the
version the clerk read. The first edit of every process is made by all five against the
same version at once (a barrier), so exactly one of them may go through. Afterwards: every
accepted edit is in the audit log once, with nothing else there; no two accepted edits of
an item were made against the same version (that would be a lost update); every refusal
was a ConflictError sentence; final values, counts by status and by department are right.
"""

from __future__ import annotations

import multiprocessing
import random
from collections import Counter
from typing import Any

from rectdesk.domain.errors import ConflictError
from rectdesk.domain.model import Assignment, BatchDraft, BatchKind, ItemDraft, Status
from rectdesk.domain.query import ItemQuery
from rectdesk.services.items import ItemService
from rectdesk.services.ledger import open_ledger
from rectdesk.store.rows import describe

CLERKS = 5
EDITS = 200
ITEMS = 6
UNITS = ("医政科", "药政科", "疾控科")

#: (clerk, step, item id, field, new value as audited, version seen, accepted, sentence)
Outcome = tuple[str, int, int, str, str, int, bool, str]


def _clerk(url: str, number: int, ids: list[int], barrier: Any, results: Any) -> None:
    """One clerk's process: its own connection, 200 edits, each outcome reported."""
    clerk = f"科员{number}"
    store = open_ledger(url, create=False)
    service = ItemService(store, clerk)
    rng = random.Random(number)
    outcomes: list[Outcome] = []
    try:
        for step in range(EDITS):
            item_id = ids[0] if step == 0 else rng.choice(ids)
            seen = store.item(item_id)
            kind = "owner" if step == 0 else rng.choice(("owner", "status", "departments"))
            if step == 0:
                barrier.wait()  # all five read the same version before anyone writes
            if kind == "owner":
                value = f"{clerk}-{step}"
                command = service.edit(item_id, {"owner": value}, version=seen.version)
            elif kind == "status":
                status = Status.IN_PROGRESS if seen.status is Status.PENDING else Status.PENDING
                value = status.value
                command = service.set_status([item_id], status, seen={item_id: seen.version})
            else:
                unit = rng.choice([u for u in UNITS if u != seen.lead_department])
                units = [Assignment(unit)]
                value = describe(units)
                command = service.edit(item_id, {"departments": units}, version=seen.version)
            try:
                command.do()
            except ConflictError as exc:
                outcomes.append((clerk, step, item_id, kind, value, seen.version, False,
                                 exc.message))  # fmt: skip
            else:
                outcomes.append((clerk, step, item_id, kind, value, seen.version, True, ""))
    finally:
        results.put(outcomes)
        store.close()


def test_five_clerks_two_hundred_edits_each_lose_nothing(pg_url: str) -> None:
    with open_ledger(pg_url) as store:
        batch = store.add_batch(BatchDraft(BatchKind.INSPECTION, "巡察反馈", year=2026))
        ids = store.add_items(
            batch,
            [ItemDraft(content=f"问题{n}", number=f"XC-{n}", departments=[Assignment(UNITS[0])])
             for n in range(ITEMS)],
            actor="王科员",
        )  # fmt: skip
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(CLERKS)
    results = context.Queue()
    workers = [
        context.Process(target=_clerk, args=(pg_url, n, ids, barrier, results))
        for n in range(1, CLERKS + 1)
    ]
    for worker in workers:
        worker.start()
    outcomes: list[Outcome] = [o for _ in workers for o in results.get(timeout=600)]
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    assert len(outcomes) == CLERKS * EDITS  # every edit reported, accepted or refused

    accepted = [o for o in outcomes if o[6]]
    refused = [o for o in outcomes if not o[6]]
    first = [o for o in outcomes if o[1] == 0]
    assert sum(o[6] for o in first) == 1, "five edits against one version: one goes through"
    for o in refused:
        assert "没有保存" in o[7] and "重新载入" in o[7] and o[7].count("。") == 1

    # No lost update: no two accepted edits of an item were made against the same version.
    seen = Counter((o[2], o[5]) for o in accepted)
    assert max(seen.values()) == 1

    with open_ledger(pg_url, create=False) as store:
        log = [e for e in store.audit_log(limit=1 << 30) if e.action == "update"]
        # Every accepted edit is in the audit log exactly once, and nothing else is.
        assert Counter((o[2], o[0], o[3], o[4]) for o in accepted) == Counter(
            (e.item_id, e.actor, e.field, e.new) for e in log
        )
        assert all(e.os_user and e.machine for e in log)
        items = {i.id: i for i in store.items_by_ids(ids)}
        for item_id in ids:
            mine = sorted((e for e in log if e.item_id == item_id), key=lambda e: e.id)
            versions = [e.item_version for e in mine]
            assert versions == sorted(set(versions))  # each change made a newer version
            last = {e.field: e.new for e in mine}  # the latest change of each field
            item = items[item_id]
            assert last.get("owner", "") == item.owner
            assert last.get("status", Status.PENDING.value) == item.status.value
            assert last.get("departments", describe([Assignment(UNITS[0])])) == describe(
                item.departments
            )
        statuses = Counter(i.status for i in items.values())
        assert store.count_by_status() == {s: statuses.get(s, 0) for s in Status}
        by_unit = Counter(a.department for i in items.values() for a in i.departments)
        counted = {r["department"]: r["total"] for r in store.count_by_department(ItemQuery())}
        assert counted == dict(by_unit)
        assert store.check() == []
    print(f"\n{len(accepted)} accepted, {len(refused)} refused as conflicts")
