"""Real processes racing on one database (SQLite file and PostgreSQL), 2 and 8 at a time.

Each phase hands one task to each of N worker processes (``multiprocessing`` "spawn" context, one
pool for the module); the workers meet at a barrier before every call, so the calls overlap.
Afterwards:

* editing the same draft: exactly one save wins, the others are told who saved it and when;
* editing disjoint drafts: every save goes through (SQLite: nobody is refused "database is locked";
  a unit of work waits on BEGIN IMMEDIATE instead);
* approving the same checked event: exactly one approval;
* correcting the same approved event: at most one open correction, and once it is approved (again
  by racing approvers) exactly one APPROVED revision per chain;
* every failure in a worker is a typed LabApp error, never a raw SQLAlchemy / sqlite3 / psycopg one.

The check and approve calls are in :func:`sign` (their signatures are about to gain a password).
"""

from __future__ import annotations

import itertools
import multiprocessing
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from multiprocessing.pool import Pool
from typing import Any

import pytest
from sqlalchemy import func, select

from labapp.domain.enums import EventKind, EventResult, EventStatus, InstrumentStatus, PersonRole
from labapp.domain.errors import ConcurrentModificationError, LabAppError
from labapp.persistence.models import EventRow
from labapp.services.database import Database, open_database
from labapp.services.demo import DemoOptions, seed_demo
from labapp.services.events import EventInput
from labapp.services.events import _draft as ev
from labapp.services.master_data import _lookups as people
from labapp.services.register import RegisterFilter, query_register

pytestmark = pytest.mark.timeout(120)

TODAY = date(2025, 6, 1)
POOL_SIZE = 8
ROUNDS = 3
#: how long a worker waits for the others at the barrier before the test fails (no hang)
BARRIER_TIMEOUT_S = 60.0
RAW_MODULES = ("sqlalchemy", "sqlite3", "psycopg")

_barriers: dict[int, Any] = {}


def sign(db: Database, user: str, action: str, event_id: int, version: int) -> Any:
    """Check or approve ``event_id`` as ``user`` (the one place these calls are made)."""
    if action == "check":
        return ev.check_event(db, user, event_id, version, "demo")  # every demo password
    return ev.approve_event(db, user, event_id, version, "demo")


# --- worker side (runs in the spawned processes) -----------------------------------------------


def _init_worker(barriers: dict[int, Any]) -> None:
    _barriers.update(barriers)


@dataclass(frozen=True)
class Task:
    """What one worker does: ``op`` on each target, meeting the others before every call."""

    url: str
    parties: int
    op: str  # edit | approve | correct
    user: str
    targets: tuple[tuple[int, int], ...]  # (event id, version read) per round
    instrument_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class Outcome:
    """One call's result: ``ok`` or the exception's type, module and whether it named who/when."""

    name: str
    module: str
    typed: bool
    named: bool = True


def run_task(task: Task) -> list[Outcome]:
    """Worker entry point: open the database, race on each target, report every outcome."""
    db = open_database(task.url, migrate_local=False)
    barrier = _barriers[task.parties]
    out = []
    try:
        for index, (event_id, version) in enumerate(task.targets):
            barrier.wait(BARRIER_TIMEOUT_S)
            out.append(_attempt(db, task, index, event_id, version))
    finally:
        db.dispose()
    return out


def _attempt(db: Database, task: Task, index: int, event_id: int, version: int) -> Outcome:
    try:
        if task.op == "edit":
            data = _draft_input(task.instrument_ids[index], remarks=f"edited by {task.user}")
            ev.save_draft(db, task.user, data, event_id=event_id, expected_version=version,
                          today=TODAY)  # fmt: skip
        elif task.op == "approve":
            sign(db, task.user, "approve", event_id, version)
        else:
            ev.correct_event(db, task.user, event_id, f"correction by {task.user}")
    except Exception as exc:  # every failure is collected; the test judges its type
        named = True
        if isinstance(exc, ConcurrentModificationError):
            named = exc.info.changed_by is not None and exc.info.changed_at is not None
        return Outcome(type(exc).__name__, type(exc).__module__, isinstance(exc, LabAppError),
                       named)  # fmt: skip
    return Outcome("ok", "", True)


def _draft_input(instrument_id: int, remarks: str | None = None) -> EventInput:
    return EventInput(
        instrument_id=instrument_id,
        # a calibration: racing approvers need no licence for the item's quantity (a verification
        # would, see test_accounts), so every approver of the lab may race
        kind=EventKind.CALIBRATION,
        performed_on=TODAY,
        result=EventResult.PASS,
        remarks=remarks,
    )


# --- test side ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pool() -> Iterator[Pool]:
    """Eight spawned worker processes, shared by every test here (spawning costs seconds)."""
    ctx = multiprocessing.get_context("spawn")
    barriers = {n: ctx.Barrier(n) for n in (2, POOL_SIZE)}
    workers = ctx.Pool(POOL_SIZE, initializer=_init_worker, initargs=(barriers,))
    yield workers
    workers.terminate()
    workers.join()


class RaceLab:
    """A small seeded lab: who performs, who signs, which instruments take the events."""

    def __init__(self, db: Database) -> None:
        seed_demo(db, DemoOptions(instruments=30, years=1, seed=5, today=TODAY))
        self.db = db
        self.performer = people.list_persons(db, PersonRole.METROLOGIST)[0].login
        checkers = people.list_persons(db, PersonRole.CHECKER)
        self.checker = next(p.login for p in checkers if p.login != self.performer)
        self.approvers = [p.login for p in people.list_persons(db, PersonRole.APPROVER)]
        self.editors = [p.login for p in people.list_persons(db, PersonRole.METROLOGIST)]
        register = query_register(db, RegisterFilter(), today=TODAY)
        self.instruments = [i.id for i in register if i.status is InstrumentStatus.IN_SERVICE]

    def users(self, op: str) -> list[str]:
        """Who races on ``op``: metrologists edit, approvers approve and correct."""
        return self.editors if op == "edit" else self.approvers

    def draft(self, instrument_id: int) -> tuple[int, int]:
        detail = ev.save_draft(self.db, self.performer, _draft_input(instrument_id), today=TODAY)
        return detail.id, detail.version

    def checked(self, instrument_id: int) -> tuple[int, int]:
        event_id, version = self.draft(instrument_id)
        detail = sign(self.db, self.checker, "check", event_id, version)
        return detail.id, detail.version

    def approved(self, instrument_id: int) -> tuple[int, int]:
        event_id, version = self.checked(instrument_id)
        detail = sign(self.db, self.approvers[0], "approve", event_id, version)
        return detail.id, detail.version


def _race(pool: Pool, url: str, n: int, op: str, lab: RaceLab, per_worker: Any) -> list[Outcome]:
    tasks = []
    for w in range(n):
        targets, instruments = per_worker(w)
        user = lab.users(op)[w % len(lab.users(op))]
        tasks.append(Task(url, n, op, user, tuple(targets), tuple(instruments)))
    results = pool.map_async(run_task, tasks, chunksize=1).get(timeout=BARRIER_TIMEOUT_S * 2)
    return [outcome for outcomes in results for outcome in outcomes]


def _assert_typed(outcomes: Sequence[Outcome]) -> None:
    raw = [o for o in outcomes if o.name != "ok" and o.module.split(".")[0] in RAW_MODULES]
    assert raw == [], f"raw driver errors reached the caller: {Counter(o.name for o in raw)}"
    assert all(o.typed for o in outcomes), Counter(o.name for o in outcomes)
    anonymous = [o for o in outcomes if not o.named]
    assert anonymous == [], "a conflict did not say who changed the record and when"


def _per_round(outcomes: Sequence[Outcome], n: int) -> list[Counter[str]]:
    """Outcomes grouped by round (each worker reports its rounds in order)."""
    rounds = len(outcomes) // n
    return [Counter(outcomes[w * rounds + r].name for w in range(n)) for r in range(rounds)]


@pytest.mark.parametrize("n", [2, POOL_SIZE])
def test_racing_edits_approvals_and_corrections(
    pool: Pool, db: Database, empty_url: str, n: int
) -> None:
    lab = RaceLab(db)
    url = empty_url
    spare = itertools.cycle(lab.instruments)  # an instrument may hold several events

    # The same draft, edited by everybody at once: one save wins per round.
    same = [(next(spare), None) for _ in range(ROUNDS)]
    drafts = [(lab.draft(i), i) for i, _ in same]
    edits = _race(pool, url, n, "edit", lab,
                  lambda _w: ([d for d, _ in drafts], [i for _, i in drafts]))  # fmt: skip
    _assert_typed(edits)
    for tally in _per_round(edits, n):
        assert tally["ok"] == 1 and tally["ConcurrentModificationError"] == n - 1, tally

    # Disjoint drafts, one per worker: all saves go through (no "database is locked").
    own = [[next(spare) for _ in range(ROUNDS)] for _ in range(n)]
    own_drafts = [[lab.draft(i) for i in row] for row in own]
    disjoint = _race(pool, url, n, "edit", lab, lambda w: (own_drafts[w], own[w]))
    _assert_typed(disjoint)
    assert Counter(o.name for o in disjoint) == {"ok": n * ROUNDS}

    # The same checked event, approved by everybody at once: one approval per event.
    checked = [lab.checked(next(spare)) for _ in range(ROUNDS)]
    approvals = _race(pool, url, n, "approve", lab, lambda _w: (checked, []))
    _assert_typed(approvals)
    for tally in _per_round(approvals, n):
        assert tally["ok"] == 1, tally

    # The same approved event, corrected by everybody at once, then its correction approved.
    originals = [lab.approved(next(spare)) for _ in range(ROUNDS)]
    corrections = _race(pool, url, n, "correct", lab, lambda _w: (originals, []))
    _assert_typed(corrections)
    for tally in _per_round(corrections, n):
        assert tally["ok"] == 1, tally
    opened = _open_corrections(db, [e for e, _ in originals])
    assert all(len(ids) == 1 for ids in opened.values()), opened
    to_approve = [lab_checked_correction(lab, ids[0]) for ids in opened.values()]
    finals = _race(pool, url, n, "approve", lab, lambda _w: (to_approve, []))
    _assert_typed(finals)
    for original, _version in originals:
        assert _approved_in_chain(db, original) == 1


def lab_checked_correction(lab: RaceLab, event_id: int) -> tuple[int, int]:
    """Check the open correction ``event_id`` (by the lab's checker, not its performer)."""
    detail = ev.get_event(lab.db, event_id)
    checked = sign(lab.db, lab.checker, "check", detail.id, detail.version)
    return checked.id, checked.version


def _open_corrections(db: Database, originals: Sequence[int]) -> dict[int, list[int]]:
    with db.read() as session:
        rows = session.execute(
            select(EventRow.supersedes_id, EventRow.id).where(
                EventRow.supersedes_id.in_(originals),
                EventRow.status.in_((EventStatus.DRAFT, EventStatus.CHECKED)),
            )
        ).all()
    found: dict[int, list[int]] = {e: [] for e in originals}
    for original, correction in rows:
        found[original].append(correction)
    return found


def _approved_in_chain(db: Database, original: int) -> int:
    """APPROVED events in the revision chain starting at ``original``."""
    with db.read() as session:
        chain, frontier = {original}, {original}
        while frontier:
            frontier = set(
                session.scalars(select(EventRow.id).where(EventRow.supersedes_id.in_(frontier)))
            )
            chain |= frontier
        return int(
            session.execute(
                select(func.count()).where(
                    EventRow.id.in_(chain), EventRow.status == EventStatus.APPROVED
                )
            ).scalar_one()
        )
