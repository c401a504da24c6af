"""Probe: N real processes racing on corrections, approvals and disjoint edits (issue 12 figures).

Run: ``python benchmarks/race_probe.py --backend sqlite|postgresql --processes 2 --rounds 10``
(PostgreSQL from ``LABAPP_TEST_PG_URL``; a scratch schema is made and dropped).  Prints:

* corrections: events whose chain ended with 2+ APPROVED revisions (every open correction is
  checked and approved afterwards), and the most open corrections one event got;
* approvals: approvals that went through per contested event;
* raw errors: failures whose type comes from sqlalchemy / sqlite3 / psycopg, by type;
* anonymous conflicts: ConcurrentModificationErrors naming no user or time;
* disjoint edits: the share of saves of each worker's own drafts that were refused.

Only services present since before issue 12 are used, so the same probe runs on older trees.
"""

from __future__ import annotations

import argparse
import inspect
import multiprocessing
import os
import secrets
import tempfile
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

TODAY = date(2025, 6, 1)
RAW = ("sqlalchemy", "sqlite3", "psycopg")
_barrier: Any = None


def _init(barrier: Any) -> None:
    global _barrier
    _barrier = barrier


def _input(instrument_id: int, remarks: str | None = None) -> Any:
    from labapp.domain.enums import EventKind, EventResult
    from labapp.services.events import EventInput

    return EventInput(instrument_id=instrument_id, kind=EventKind.CALIBRATION,
                      performed_on=TODAY, result=EventResult.PASS, remarks=remarks)  # fmt: skip


def _sign(action: Any, db: Any, user: str, event_id: int, version: int) -> Any:
    """Check or approve; trees with signatures need the password (every demo login: ``demo``)."""
    if "password" in inspect.signature(action).parameters:
        return action(db, user, event_id, version, "demo")
    return action(db, user, event_id, version)


def _work(task: tuple[str, str, str, list[tuple[int, int, int]]]) -> list[tuple[str, str, bool]]:
    from labapp.domain.errors import ConcurrentModificationError
    from labapp.services.database import open_database
    from labapp.services.events import _draft as ev

    url, op, user, targets = task
    db = open_database(url, migrate_local=False)
    out = []
    for event_id, version, instrument_id in targets:
        _barrier.wait(120)
        try:
            if op == "edit":
                ev.save_draft(db, user, _input(instrument_id, user), event_id=event_id,
                              expected_version=version, today=TODAY)  # fmt: skip
            elif op == "approve":
                _sign(ev.approve_event, db, user, event_id, version)
            else:
                ev.correct_event(db, user, event_id, f"probe {user}")
            out.append(("ok", "", True))
        except Exception as exc:
            named = True
            if isinstance(exc, ConcurrentModificationError):
                named = exc.info.changed_by is not None and exc.info.changed_at is not None
            out.append((type(exc).__name__, type(exc).__module__, named))
    db.dispose()
    return out


def _scratch_url(backend: str, folder: Path) -> tuple[str, Any]:
    if backend == "sqlite":
        return str(folder / "probe.sqlite3"), None
    from sqlalchemy import create_engine, text

    from labapp.persistence.engine import normalise_url
    from labapp.services.database import upgrade_database

    base = normalise_url(os.environ["LABAPP_TEST_PG_URL"])
    schema = f"labapp_probe_{secrets.token_hex(4)}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = base.update_query_dict({"options": f"-csearch_path={schema}"})
    text_url = url.render_as_string(hide_password=False)
    upgrade_database(text_url)

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))

    return text_url, drop


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--backend", default="sqlite", choices=["sqlite", "postgresql"])
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url, drop = _scratch_url(args.backend, Path(tmp))
        try:
            probe(url, args.processes, args.rounds, args.backend)
        finally:
            if drop is not None:
                drop()


def probe(url: str, n: int, rounds: int, backend: str) -> None:
    from sqlalchemy import select

    from labapp.domain.enums import EventStatus, InstrumentStatus, PersonRole
    from labapp.persistence.models import EventRow
    from labapp.services.database import open_database
    from labapp.services.demo import DemoOptions, seed_demo
    from labapp.services.events import _draft as ev
    from labapp.services.master_data import _lookups as people
    from labapp.services.register import RegisterFilter, query_register

    db = open_database(url)
    seed_demo(db, DemoOptions(instruments=60, years=1, seed=5, today=TODAY))
    performer = people.list_persons(db, PersonRole.METROLOGIST)[0].login
    checker = next(p.login for p in people.list_persons(db, PersonRole.CHECKER)
                   if p.login != performer)  # fmt: skip
    approvers = [p.login for p in people.list_persons(db, PersonRole.APPROVER)]
    editors = [p.login for p in people.list_persons(db, PersonRole.METROLOGIST)]
    items = [i.id for i in query_register(db, RegisterFilter(), today=TODAY)
             if i.status is InstrumentStatus.IN_SERVICE]  # fmt: skip
    spare = iter(items * 100)

    def draft() -> tuple[int, int, int]:
        i = next(spare)
        d = ev.save_draft(db, performer, _input(i), today=TODAY)
        return d.id, d.version, i

    def checked() -> tuple[int, int, int]:
        e, v, i = draft()
        d = _sign(ev.check_event, db, checker, e, v)
        return d.id, d.version, i

    def approved() -> tuple[int, int, int]:
        e, v, i = checked()
        d = _sign(ev.approve_event, db, approvers[0], e, v)
        return d.id, d.version, i

    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(n)
    users = {"edit": editors, "approve": approvers, "correct": approvers}
    with ctx.Pool(n, initializer=_init, initargs=(barrier,)) as pool:

        def race(op: str, per_worker: Any) -> list[tuple[str, str, bool]]:
            tasks = [(url, op, users[op][w % len(users[op])], per_worker(w)) for w in range(n)]
            return [o for r in pool.map(run_task_adapter, tasks, chunksize=1) for o in r]

        originals = [approved() for _ in range(rounds)]
        corrections = race("correct", lambda _w: originals)
        contested = [checked() for _ in range(rounds)]
        approvals = race("approve", lambda _w: contested)
        own = [[draft() for _ in range(rounds)] for _ in range(n)]
        disjoint = race("edit", lambda w: own[w])
    with db.read() as session:
        opened = Counter(
            session.scalars(select(EventRow.supersedes_id).where(
                EventRow.supersedes_id.in_([e for e, _, _ in originals])))
        )  # fmt: skip
        open_ids = session.scalars(select(EventRow.id).where(
            EventRow.supersedes_id.in_([e for e, _, _ in originals]))).all()  # fmt: skip
    for event_id in open_ids:  # check and approve every correction the race left open
        try:
            d = ev.get_event(db, event_id)
            d = _sign(ev.check_event, db, checker, d.id, d.version)
            _sign(ev.approve_event, db, approvers[0], d.id, d.version)
        except Exception as exc:
            print("  approving a correction refused:", type(exc).__name__)
    with db.read() as session:
        approved_per_chain = []
        for e, _, _ in originals:
            chain = {e, *session.scalars(select(EventRow.id).where(EventRow.supersedes_id == e))}
            approved = select(EventRow.id).where(
                EventRow.id.in_(chain), EventRow.status == EventStatus.APPROVED
            )
            approved_per_chain.append(len(session.scalars(approved).all()))
        wins: Counter[str] = Counter()
        for e, _, _ in contested:
            wins[session.get(EventRow, e).status.value] += 1
    everything = corrections + approvals + disjoint
    raw = Counter(name for name, module, _ in everything if module.split(".")[0] in RAW)
    conflicts = [o for o in everything if o[0] == "ConcurrentModificationError"]
    anonymous = sum(1 for o in conflicts if not o[2])
    refused = sum(1 for o in disjoint if o[0] != "ok")
    print(f"backend={backend} processes={n} rounds={rounds}")
    print(f"  corrections: most open per event {max(opened.values(), default=0)}; "
          f"events with 2+ APPROVED revisions {sum(c >= 2 for c in approved_per_chain)} "
          f"of {rounds}")  # fmt: skip
    ok_approvals = sum(1 for o in approvals if o[0] == "ok")
    print(f"  approvals: {ok_approvals} went through for {rounds} contested events; "
          f"final statuses {dict(wins)}")  # fmt: skip
    print(f"  raw errors: {sum(raw.values())} of {len(everything)} calls {dict(raw)}")
    print(f"  typed conflicts naming no user/time: {anonymous} of {len(conflicts)}")
    print(f"  disjoint edits refused: {refused} of {len(disjoint)} "
          f"({100 * refused / max(len(disjoint), 1):.0f} %) "
          f"{dict(Counter(o[0] for o in disjoint if o[0] != 'ok'))}")  # fmt: skip
    db.dispose()


def run_task_adapter(task: Any) -> Any:
    """Pool entry point (module level, so the spawned workers can import it)."""
    return _work(task)


if __name__ == "__main__":
    main()
