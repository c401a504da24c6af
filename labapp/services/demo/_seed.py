"""The demo laboratory: a believable, deterministic calibration lab seeded into an empty database.

:func:`seed_demo` draws instruments from :mod:`labapp.services.demo._catalogue` with a seeded
generator, plans each item's verification/calibration history (drift plus noise, periodic
adjustment, a few failures, overdue items, drafts, one broken traceability link, a PT plan from
:mod:`labapp.services.demo._pt`) and writes it
with SQLAlchemy Core bulk inserts: ids are precomputed, rows go in chunks of a few thousand, all in
one transaction ending with a completion marker (:mod:`labapp.services.demo._state`).  Core inserts
bypass the ORM flush, so the per-row audit listener does not fire; one audit entry ("demo data
seeded") records the whole seeding instead.

The same code builds the 200-item demo and the 100 000-item benchmark lab; only the point count
per event is capped at scale (see :attr:`DemoOptions.max_points`).

Here: the entry point, the order of the seeding and its report, the audit entry and removing an
interrupted seeding.  The plan is :mod:`labapp.services.demo._plan`, the rows are written by
``_organisation``, ``_history``, ``_standards``, ``_pt``, ``_impact`` and ``_accounts``
(:mod:`labapp.services.demo._writer` holds what they share); the data tables live in
:mod:`labapp.services.demo._catalogue`.
"""

from __future__ import annotations

import json
import random
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, Engine, Table, func, select, text

from labapp.domain.enums import AuditAction, InstrumentStatus
from labapp.domain.errors import LabAppError, ValidationError
from labapp.persistence.audit import append_audit
from labapp.persistence.engine import WRITE_OPTION
from labapp.persistence.models import (
    CheckPlanRow,
    CheckReadingRow,
    ComparisonParticipantRow,
    ComparisonRow,
    EventRow,
    EventStandardRow,
    InstrumentRow,
    IntermediateCheckRow,
    LaboratoryRow,
    LocationRow,
    MeasurementPointRow,
    MetaRow,
    PersonRoleRow,
    PersonRow,
    ProcedureRow,
    ProviderRow,
    ProviderScopeRow,
    QualificationRow,
    StandardCertificateRow,
    standard_certificate_instruments,
)
from labapp.persistence.models_accounts import AccountRow, PersonKeyRow, SignatureRow
from labapp.persistence.models_master import DepartmentRow
from labapp.persistence.models_pt import (
    ComparisonScopeRow,
    CorrectiveActionRow,
    CorrectiveActionStandardRow,
    PtCycleRow,
    SubdisciplineRow,
)
from labapp.services.demo._accounts import admin_of, seal_events, seed_accounts
from labapp.services.demo._history import Tally, seed_items
from labapp.services.demo._impact import seed_failed_standard
from labapp.services.demo._organisation import seed_organisation
from labapp.services.demo._plan import (
    DemoOptions,
    Ids,
    Plan,
    due_after,
    make_plan,
)
from labapp.services.demo._pt import seed_dc_comparison, seed_pt_plan
from labapp.services.demo._standards import seed_intermediate_checks, seed_standard_certificates
from labapp.services.demo._state import MARKER_KEY, DemoIncompleteError, DemoState, demo_state
from labapp.services.demo._writer import DEMO_USER, Writer, table_of

__all__ = [
    "DEMO_USER",
    "SEED_REASON",
    "DemoCancelledError",
    "DemoDatabaseNotEmptyError",
    "DemoIncompleteError",
    "DemoOptions",
    "DemoReport",
    "describe",
    "needs_seeding",
    "seed_demo",
]

SEED_REASON = "demo data seeded"

MIN_INSTRUMENTS = 30

Progress = Callable[[str, int, int], None]


class DemoDatabaseNotEmptyError(LabAppError):
    """The database already holds a register; the demo only seeds an empty one."""

    def __init__(self, url: str, instruments: int) -> None:
        super().__init__(
            f"{url} already holds {instruments} instruments; the demo lab is only seeded into an "
            "empty database (use --replace on the demo database)"
        )
        self.url = url
        self.instruments = instruments


@dataclass(frozen=True)
class DemoReport:
    """What :func:`seed_demo` made and how long it took."""

    counts: Mapping[str, int]
    tiers: Mapping[str, int]
    overdue: int
    failed: int
    out_of_service: int
    drafts: int
    broken_links: int
    today: date
    seconds: float


class DemoCancelledError(LabAppError):
    """Seeding was cancelled; everything it had written was removed again."""

    def __init__(self) -> None:
        super().__init__("seeding the demo laboratory was cancelled")


# Tables with an integer ``id`` that the generator fills, parents before children.
_ID_TABLES: tuple[Table, ...] = tuple(
    table_of(row)
    for row in (
        LaboratoryRow, DepartmentRow, LocationRow, PersonRow, QualificationRow, ProviderRow,
        ProviderScopeRow, ProcedureRow, InstrumentRow, EventRow, MeasurementPointRow,
        EventStandardRow, StandardCertificateRow, CheckPlanRow, IntermediateCheckRow,
        CheckReadingRow, ComparisonRow, ComparisonParticipantRow, PtCycleRow, SubdisciplineRow,
        ComparisonScopeRow, CorrectiveActionRow, CorrectiveActionStandardRow,
    )
)  # fmt: skip


def seed_demo(
    db: Any,
    options: DemoOptions | None = None,
    *,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
    resume: bool = False,
) -> DemoReport:
    """Seed the demo laboratory into an empty LabApp database, in one transaction.

    Killed or cancelled half way, it leaves nothing: the last rows written are the audit entry
    and the completion marker (:mod:`labapp.services.demo._state`).

    Parameters
    ----------
    db
        An open :class:`~labapp.services.database.Database` (or a SQLAlchemy ``Engine``).
    options
        Size, history length, seed and "today" (defaults: 200 items, 5 years, seed 1, today).
    progress
        Called as ``progress(stage, done, total)`` after each committed chunk.
    cancel
        Polled between chunks; when it returns true the transaction is rolled back and
        :class:`DemoCancelledError` is raised.
    resume
        Seed again over an interrupted demo lab (see ``DemoIncompleteError``).

    Returns
    -------
    DemoReport
        Row counts per table, the lab's overdue/failed/out-of-service items, drafts, broken
        traceability links and the time taken.

    Raises
    ------
    ValidationError
        Fewer than 30 instruments, or a non-positive number of years.
    DemoDatabaseNotEmptyError
        The database already has instruments (a complete demo or someone's register).
    DemoIncompleteError
        A demo lab whose seeding never completed (seeded by an older LabApp), unless ``resume``:
        then it is removed and seeded again, in the same transaction.
    """
    options = options or DemoOptions()
    _validate(options)
    clock = time.perf_counter()
    engine: Engine = db if isinstance(db, Engine) else db.engine
    with engine.connect() as conn:
        # One write transaction from the first row to the completion marker (SQLite: IMMEDIATE).
        conn.execution_options(**{WRITE_OPTION: True})
        state, count = demo_state(conn, DEMO_USER)
        url = engine.url.render_as_string()
        if state is DemoState.INCOMPLETE and not resume:
            raise DemoIncompleteError(url, count)
        if state in (DemoState.COMPLETE, DemoState.FOREIGN):
            raise DemoDatabaseNotEmptyError(url, count)
        if state is DemoState.INCOMPLETE:  # every seeded row goes; the audit trail stays
            everything = {table.name: 1 for table in _ID_TABLES}
            _remove_seeded(conn, everything, commit=False)
        ids = Ids({t.name: _max_id(conn, t) + 1 for t in _ID_TABLES})
        try:
            report = _seed(conn, options, ids, progress, cancel)
        except BaseException:
            conn.rollback()
            raise
        _refresh_statistics(conn)
    return _finish(report, time.perf_counter() - clock)


def _refresh_statistics(conn: Connection) -> None:
    """PostgreSQL: ``ANALYZE`` LabApp's tables once the lab is seeded.

    PostgreSQL plans from table statistics, which a bulk load leaves empty until autovacuum gets
    round to them: on a freshly seeded 100 000-item lab the planner expected 34 instruments due in
    a year instead of 8 405, chose nested loops, and the due plan ran 2.1 times the hand-written
    query instead of 1.9.  Only the tables of the connection's schema are named (the tests'
    parallel schemas share one database); a role that does not own them gets PostgreSQL's warning,
    never an error.  SQLite is left to its own heuristics, which the indexes were chosen for.
    """
    if conn.dialect.name != "postgresql":
        return
    from labapp.persistence.models import Base

    names = ", ".join(
        conn.dialect.identifier_preparer.quote(t.name) for t in Base.metadata.sorted_tables
    )
    conn.execute(text(f"ANALYZE {names}"))
    conn.commit()


def _validate(options: DemoOptions) -> None:
    if options.instruments < MIN_INSTRUMENTS:
        raise ValidationError("instruments", f"at least {MIN_INSTRUMENTS} are needed")
    if options.years < 1 or options.years > 30:
        raise ValidationError("years", "between 1 and 30")
    if options.max_points is not None and options.max_points < 1:
        raise ValidationError("max_points", "at least 1")
    if options.chunk_rows < 100:
        raise ValidationError("chunk_rows", "at least 100")


def _max_id(conn: Connection, table: Table) -> int:
    return int(conn.execute(select(func.max(table.c.id))).scalar_one() or 0)


def _seed(
    conn: Connection,
    options: DemoOptions,
    ids: Ids,
    progress: Progress | None,
    cancel: Callable[[], bool] | None,
) -> DemoReport:
    plan = make_plan(options, ids)
    rng = random.Random(options.seed + 104729)
    w = Writer(conn, options.chunk_rows)
    seed_organisation(w, plan, rng)
    tally = Tally()
    total = len(plan.items)
    for done in seed_items(w, plan, tally):
        if progress is not None:
            progress("instruments", done, total)
        if cancel is not None and cancel():
            raise DemoCancelledError()
    seed_standard_certificates(w, plan, rng)
    seed_intermediate_checks(w, plan, rng)
    dc_comparison = seed_dc_comparison(w, plan, rng)
    seed_failed_standard(w, plan, tally)
    seed_pt_plan(w, plan, dc_comparison)
    actors = seed_accounts(conn, plan.now)
    seal_events(conn, actors)
    report = _report(plan, tally, w.counts)
    _write_audit_entry(w, plan, report, admin_of(actors))
    w.put(table_of(MetaRow), [{"key": MARKER_KEY, "value": plan.now.isoformat()}])
    _reset_sequences(conn)
    conn.commit()
    return report


def _report(plan: Plan, tally: Tally, counts: Mapping[str, int]) -> DemoReport:
    tiers = Counter(item.tier.value for item in plan.items)
    overdue = sum(
        1
        for item in plan.items
        if item.dates
        and item.status is InstrumentStatus.IN_SERVICE
        and due_after(item.dates[-1], item.template.interval_months) < plan.today
    )
    return DemoReport(
        counts=dict(counts),
        tiers=dict(tiers),
        overdue=overdue,
        failed=tally.failed,
        out_of_service=sum(i.status is not InstrumentStatus.IN_SERVICE for i in plan.items),
        drafts=tally.drafts,
        broken_links=tally.broken,
        today=plan.today,
        seconds=0.0,
    )


def _finish(report: DemoReport, seconds: float) -> DemoReport:
    from dataclasses import replace

    return replace(report, seconds=seconds)


def _write_audit_entry(w: Writer, plan: Plan, report: DemoReport, admin: Any) -> None:
    """One entry for the whole seeding: the per-row listener only sees ORM flushes."""
    summary = {
        "instruments": report.counts.get("instruments", 0),
        "events": report.counts.get("events", 0),
        "measurement_points": report.counts.get("measurement_points", 0),
        "seed": plan.options.seed,
        "years": plan.options.years,
        "today": plan.today.isoformat(),
    }
    append_audit(w.conn, [{
        "user_name": DEMO_USER, "entity": "database", "entity_id": "demo",
        "action": AuditAction.CREATE,
        "changes": json.dumps(
            {key: [None, str(value)] for key, value in summary.items()}, ensure_ascii=False
        ),
        "reason": SEED_REASON,
    }], admin)  # fmt: skip


def _reset_sequences(conn: Connection) -> None:
    """PostgreSQL: move each id sequence past the ids the generator chose itself."""
    if conn.dialect.name != "postgresql":
        return
    for table in _ID_TABLES:
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"(SELECT COALESCE(MAX(id), 0) + 1 FROM {table.name}), false)"
            )
        )


def _remove_seeded(conn: Connection, first_ids: Mapping[str, int], *, commit: bool = True) -> None:
    """Delete every row with an id from ``first_ids`` on (an interrupted seeding's rows).

    The rows are the seeder's own: the integrity triggers that refuse deleting approved events
    are lifted for this and put back in the same transaction.
    """
    from labapp.persistence import integrity_ddl

    integrity_ddl.remove(conn)
    persons = table_of(PersonRow).c.id >= first_ids["persons"]
    signatures, accounts, keys = (table_of(r) for r in (SignatureRow, AccountRow, PersonKeyRow))
    conn.execute(signatures.delete().where(signatures.c.event_id >= first_ids["events"]))
    for table in (accounts, keys):
        conn.execute(table.delete().where(table.c.person_id >= first_ids["persons"]))
    certificates = standard_certificate_instruments.c.certificate_id
    conn.execute(
        standard_certificate_instruments.delete().where(
            certificates >= first_ids["standard_certificates"]
        )
    )
    for table in reversed(_ID_TABLES):
        if table.name == "persons":
            conn.execute(
                table_of(PersonRoleRow)
                .delete()
                .where(
                    table_of(PersonRoleRow).c.person_id.in_(
                        select(table_of(PersonRow).c.id).where(persons)
                    )
                )
            )
        conn.execute(table.delete().where(table.c.id >= first_ids[table.name]))
    integrity_ddl.install(conn)
    if commit:
        conn.commit()


def needs_seeding(db: Any) -> bool:
    """Whether ``labapp --demo`` should seed ``db``: empty, or holding an interrupted demo lab."""
    engine: Engine = db if isinstance(db, Engine) else db.engine
    with engine.connect() as conn:
        state, _count = demo_state(conn, DEMO_USER)
    return state in (DemoState.EMPTY, DemoState.INCOMPLETE)


def describe(report: DemoReport) -> Iterable[tuple[str, int]]:
    """The report's numbers as (label, count) pairs, in the order a person reads them."""
    yield from report.tiers.items()
    yield from report.counts.items()
    yield ("overdue", report.overdue)
    yield ("failed", report.failed)
    yield ("out_of_service", report.out_of_service)
    yield ("drafts", report.drafts)
    yield ("broken_links", report.broken_links)
