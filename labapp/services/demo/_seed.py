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

Long module on purpose: planning and row building share the plan's private types and read
best top to bottom; the data tables live in :mod:`labapp.services.demo._catalogue`.
"""

from __future__ import annotations

import bisect
import json
import random
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Connection, Engine, Table, func, insert, select, text

from labapp.domain.due import due_on
from labapp.domain.enums import (
    AuditAction,
    Decision,
    EventResult,
    EventStatus,
    InstrumentStatus,
    PersonRole,
    Role,
    Stage,
    StandardLevel,
)
from labapp.domain.errors import LabAppError, ValidationError
from labapp.domain.point_values import PointValues, parse_measured, unit_of
from labapp.domain.quantities import Measured
from labapp.metrology.conformity import decide
from labapp.metrology.units import delta_unit
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
    point_columns,
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
from labapp.services.demo import _catalogue as cat
from labapp.services.demo._catalogue import Template, Tier
from labapp.services.demo._state import MARKER_KEY, DemoIncompleteError, DemoState, demo_state

__all__ = [
    "DEMO_USER",
    "SEED_REASON",
    "DemoDatabaseNotEmptyError",
    "DemoIncompleteError",
    "DemoOptions",
    "DemoReport",
    "needs_seeding",
    "seed_demo",
]

DEMO_USER = "admin"  # the demo administrator seeds the lab (and seals its audit entry)
SEED_REASON = "demo data seeded"
MIN_INSTRUMENTS = 30
LARGE_LAB = 20_000  # above this many items, events carry at most 3 points

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
class DemoOptions:
    """What to seed.

    Attributes
    ----------
    instruments
        Number of items (standards and working instruments), at least 30.
    years
        Years of history before ``today``.
    seed
        Seed of the generator: the same options give the same lab.
    today
        The date the lab is seen from (``date.today()`` when ``None``).
    max_points
        Points per event at most (``None``: all the template's 3–5 points, 3 for a large lab).
    chunk_rows
        Rows per bulk insert; each chunk of items is one transaction.
    """

    instruments: int = 200
    years: int = 5
    seed: int = 1
    today: date | None = None
    max_points: int | None = None
    chunk_rows: int = 5000


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


# --- prepared catalogue ---------------------------------------------------------------------


#: the coverage factor of every demo certificate
_K = Decimal(2)


@dataclass(frozen=True)
class _PointSpec:
    seq: int
    nominal: Measured  # also the reference value
    mpe: Decimal
    unit: str  # error, U, tolerance unit
    quantum: Decimal  # error resolution
    factor: Decimal  # one error unit in the nominal's (delta) unit
    lower: Measured  # -MPE
    upper: Measured  # +MPE, the MPE itself


def _prepare_point(seq: int, point: cat.Point) -> _PointSpec:
    """A catalogue point, its text parsed once into typed values."""
    nominal = _measured(point.nominal)
    mpe = _measured(point.mpe)
    target = delta_unit(unit_of(nominal.unit))
    factor = float((1 * unit_of(mpe.unit)).to(target).magnitude)
    exponent = mpe.value.as_tuple().exponent
    return _PointSpec(
        seq,
        nominal,
        mpe.value,
        mpe.unit,
        Decimal(1).scaleb(exponent - 1),
        Decimal(f"{factor:.12g}"),
        Measured(-mpe.value, mpe.unit),
        mpe,
    )


def _measured(text: str) -> Measured:
    """A catalogue quantity ("10.000 V") as typed values (the catalogue's tests keep it valid)."""
    value = parse_measured(text, "catalogue", required=True)
    assert value is not None  # required
    return value


# --- the plan -------------------------------------------------------------------------------


@dataclass
class _Item:
    index: int
    id: int
    template: Template
    asset_tag: str
    serial: str
    dates: list[date]
    status: InstrumentStatus = InstrumentStatus.IN_SERVICE
    failing: bool = False
    draft_on: date | None = None
    home: int = -1  # index (into _Plan.items) of the standard that calibrates it in-house
    first_event_id: int = 0
    valid: list[date] = field(default_factory=list)  # valid_until per event (standards)

    @property
    def tier(self) -> Tier:
        return self.template.tier


@dataclass
class _Ids:
    """Next free id per table (the database may already hold rows, e.g. a laboratory)."""

    next: dict[str, int]

    def take(self, table: str, n: int = 1) -> int:
        first = self.next[table]
        self.next[table] = first + n
        return first


@dataclass
class _Plan:
    options: DemoOptions
    today: date
    start: date
    items: list[_Item]
    by_template: dict[str, list[int]]
    forced: dict[tuple[int, int], int]  # (item index, event no) -> standard index (broken link)
    ids: _Ids
    refs: dict[str, int]  # natural key -> id (providers, procedures, persons, locations, lab)
    people: dict[str, list[int]]  # discipline -> metrologist ids; "checker", "approver"
    max_points: int
    now: datetime


def _tier_counts(n: int) -> dict[Tier, int]:
    refs = max(len(cat.templates_of(Tier.REFERENCE)), round(n * 0.04))
    ws = max(len(cat.templates_of(Tier.WORKING_STANDARD)), round(n * 0.10))
    return {Tier.REFERENCE: refs, Tier.WORKING_STANDARD: ws, Tier.WORKING: n - refs - ws}


def _draw_templates(rng: random.Random, tier: Tier, count: int) -> list[Template]:
    templates = cat.templates_of(tier)
    chosen = list(templates[:count])
    extra = count - len(chosen)
    if extra > 0:
        chosen += rng.choices(templates, weights=[t.weight for t in templates], k=extra)
    return sorted(chosen, key=lambda t: cat.TEMPLATES.index(t))


def _schedule(rng: random.Random, tpl: Template, start: date, today: date) -> list[date]:
    """Performed-on dates: standards recalibrated before expiry, working items sometimes late."""
    months = tpl.interval_months
    if tpl.tier is Tier.REFERENCE:
        performed = start - timedelta(days=rng.randint(30, 90))
    elif tpl.tier is Tier.WORKING_STANDARD:
        performed = start - timedelta(days=rng.randint(0, 25))
    else:
        performed = start + timedelta(days=rng.randint(0, months * 30))
    dates: list[date] = []
    while performed <= today:
        dates.append(performed)
        due = _due(performed, months)
        late = tpl.tier is Tier.WORKING and rng.random() < 0.08
        step = rng.randint(1, 20) if late else -rng.randint(3, 25)
        performed = due + timedelta(days=step)
    return dates


def _due(performed: date, months: int) -> date:
    result = due_on(performed, months)
    assert result is not None
    return result


def _plan_items(options: DemoOptions, today: date, ids: _Ids) -> _Plan:
    rng = random.Random(options.seed)
    start = (
        today.replace(year=today.year - options.years)
        if not _feb29(today)
        else today - (timedelta(days=365 * options.years))
    )
    items: list[_Item] = []
    counters: Counter[str] = Counter()
    for tier, count in _tier_counts(options.instruments).items():
        for tpl in _draw_templates(rng, tier, count):
            discipline = _discipline(tpl.discipline)
            counters[discipline.code] += 1
            index = len(items)
            items.append(
                _Item(
                    index=index,
                    id=ids.take("instruments"),
                    template=tpl,
                    asset_tag=f"{discipline.code}-{counters[discipline.code]:06d}",
                    serial=f"{rng.randint(10**6, 10**8 - 1)}",
                    dates=_schedule(rng, tpl, start, today),
                )
            )
    by_template: dict[str, list[int]] = {}
    for item in items:
        by_template.setdefault(item.template.key, []).append(item.index)
    max_points = options.max_points or (3 if options.instruments > LARGE_LAB else 5)
    return _Plan(options, today, start, items, by_template, {}, ids, {}, {}, max_points,
                 datetime.now(UTC))  # fmt: skip


def _feb29(day: date) -> bool:
    return day.month == 2 and day.day == 29


def _discipline(key: str) -> cat.Discipline:
    return next(d for d in cat.DISCIPLINES if d.key == key)


def _assign_homes(plan: _Plan) -> None:
    """Each in-house item gets a home standard of the template it is traced via (round robin)."""
    for item in plan.items:
        candidates = plan.by_template.get(item.template.traced_via)
        if candidates:
            item.home = candidates[item.index % len(candidates)]


def _mark_working_items(plan: _Plan, rng: random.Random) -> None:
    """Overdue (history stops), failing (last result FAIL), out of service, drafts.

    Each kind gets a share of the working items, and at least two (one draft), so that even
    a small test lab shows every case.
    """
    working = [i for i in plan.items if i.tier is Tier.WORKING and i.dates]
    n = len(working)
    quotas = [max(2, round(n * 0.06)), max(2, round(n * 0.04)), max(2, round(n * 0.02))]
    quotas.append(max(1, round(n * 0.02)))
    chosen = rng.sample(working, min(n, sum(quotas)))
    overdue, failing, idle, drafts = _slices(chosen, quotas)
    for item in overdue:  # the last recalibrations did not happen
        while len(item.dates) > 1 and _due(item.dates[-1], item.template.interval_months) >= (
            plan.today
        ):
            item.dates.pop()
    for n_item, item in enumerate(failing):
        item.failing = True
        if n_item % 2:
            item.status = InstrumentStatus.OUT_OF_SERVICE
    for n_item, item in enumerate(idle):
        item.status = (InstrumentStatus.OUT_OF_SERVICE, InstrumentStatus.SEALED)[n_item % 2]
    for item in drafts:
        draft_on = plan.today - timedelta(days=rng.randint(0, 10))
        if item.dates[-1] < draft_on - timedelta(days=30):
            item.draft_on = draft_on
        else:  # recalibrated very recently: the draft is that event, not yet approved
            item.draft_on = item.dates.pop() if len(item.dates) > 1 else None


def _slices(items: Sequence[_Item], sizes: Sequence[int]) -> list[Sequence[_Item]]:
    result, first = [], 0
    for size in sizes:
        result.append(items[first : first + size])
        first += size
    return result


def _break_one_chain(plan: _Plan) -> None:
    """Delay a working standard's recalibration so that it is used with an expired certificate.

    Of the first few hundred in-house items, the event just after a standard's certificate
    expired is chosen (the shortest gap, so few other events fall into it).
    """
    candidates = [i for i in plan.items if i.tier is Tier.WORKING and i.home >= 0][:500]
    # Prefer an item's latest event, so the break is in a chain the lab relies on today (the
    # broken-chains list); fall back to any event.
    best = _break_candidate(plan, candidates, latest_only=True) or _break_candidate(
        plan, candidates, latest_only=False
    )
    if best is None:
        return
    _, item, event_no, standard, k = best
    delta = item.dates[event_no] + timedelta(days=10) - standard.dates[k]
    shifted = [d + delta for d in standard.dates[k:]]
    standard.dates[k:] = [d for d in shifted if d <= plan.today]
    plan.forced[(item.index, event_no)] = standard.index


def _break_candidate(
    plan: _Plan, candidates: Sequence[_Item], *, latest_only: bool
) -> tuple[int, _Item, int, _Item, int] | None:
    """The (gap, item, event no, standard, certificate no) with the shortest expired gap."""
    best: tuple[int, _Item, int, _Item, int] | None = None
    for item in candidates:
        standard = plan.items[item.home]
        months = standard.template.interval_months
        for event_no, used_on in enumerate(item.dates):
            if latest_only and event_no != len(item.dates) - 1:
                continue
            k = bisect.bisect_right(standard.dates, used_on) - 1
            if k < 1 or k == len(standard.dates) - 1:
                continue
            gap = (used_on - _due(standard.dates[k - 1], months)).days
            if gap >= 1 and (best is None or gap < best[0]):
                best = (gap, item, event_no, standard, k)
    return best


def _number_events(plan: _Plan) -> None:
    for item in plan.items:
        count = len(item.dates) + (1 if item.draft_on else 0)
        item.first_event_id = plan.ids.take("events", count)
        if item.tier is not Tier.WORKING:
            item.valid = [_due(d, item.template.interval_months) for d in item.dates]


def _standard_for(plan: _Plan, item: _Item, event_no: int, on: date) -> tuple[_Item, int, bool]:
    """The standard used for an in-house event: (standard, its certificate event no, valid?)."""
    forced = plan.forced.get((item.index, event_no))
    home = plan.items[forced if forced is not None else item.home]
    k = bisect.bisect_right(home.dates, on) - 1
    if forced is not None or (k >= 0 and home.valid[k] >= on):
        return home, max(k, 0), k >= 0 and home.valid[k] >= on
    for index in plan.by_template[item.template.traced_via]:
        other = plan.items[index]
        j = bisect.bisect_right(other.dates, on) - 1
        if j >= 0 and other.valid[j] >= on:
            return other, j, True
    return home, max(k, 0), False


# --- reference data (lab, people, providers, procedures) ------------------------------------


def _t(row_class: type[Any]) -> Table:
    """The Core table of a row class (for bulk inserts that bypass the ORM flush)."""
    return cast(Table, row_class.__table__)


def _stamp(plan: _Plan) -> dict[str, Any]:
    return {
        "version": 1,
        "created_at": plan.now,
        "created_by": DEMO_USER,
        "updated_at": plan.now,
        "updated_by": DEMO_USER,
    }


def _insert(conn: Connection, table: Table, rows: Sequence[dict[str, Any]], size: int) -> int:
    for first in range(0, len(rows), size):
        conn.execute(insert(table), list(rows[first : first + size]))
    return len(rows)


class _Writer:
    """Bulk inserts with running row counts per table."""

    def __init__(self, conn: Connection, chunk_rows: int) -> None:
        self.conn = conn
        self.size = chunk_rows
        self.counts: Counter[str] = Counter()

    def put(self, table: Table, rows: Sequence[dict[str, Any]]) -> None:
        if rows:
            self.counts[table.name] += _insert(self.conn, table, rows, self.size)


def _seed_organisation(w: _Writer, plan: _Plan, rng: random.Random) -> None:
    lab_id = plan.ids.take("laboratories")
    w.put(_t(LaboratoryRow), [{
        "id": lab_id, "name": cat.LAB_NAME, "code": cat.LAB_SHORT,
        "address": "广东省广州市天河区科韵路 88 号", "accreditation_no": "CNAS L9876",
        "accreditation_valid_until": plan.today + timedelta(days=600), **_stamp(plan),
    }])  # fmt: skip
    plan.refs["lab"] = lab_id
    locations, departments = [], []
    for d in cat.DISCIPLINES:
        plan.refs[f"department:{d.key}"] = dept_id = plan.ids.take("departments")
        departments.append({"id": dept_id, "name": d.name, "code": d.code, **_stamp(plan)})
        plan.refs[f"location:{d.key}"] = loc_id = plan.ids.take("locations")
        locations.append({
            "id": loc_id, "laboratory_id": lab_id, "name": d.location, "building": "计量楼 A",
            "room": d.location_code, "department": d.name, "department_id": dept_id,
            **_stamp(plan),
        })  # fmt: skip
    w.put(_t(DepartmentRow), departments)
    w.put(_t(LocationRow), locations)
    _seed_people(w, plan, rng)
    _seed_providers(w, plan)
    procedures = []
    for p in cat.PROCEDURES:
        plan.refs[f"procedure:{p.code}"] = proc_id = plan.ids.take("procedures")
        procedures.append({
            "id": proc_id, "code": p.code, "title": p.title, "revision": p.revision,
            "kind": p.kind, "quantity": None, **_stamp(plan),
        })  # fmt: skip
    w.put(_t(ProcedureRow), procedures)


def _seed_people(w: _Writer, plan: _Plan, rng: random.Random) -> None:
    persons, roles, licences = [], [], []
    expiring_soon_done = False
    for name, login, person_roles, discipline in cat.PEOPLE:
        person_id = plan.ids.take("persons")
        plan.refs[f"person:{login}"] = person_id
        persons.append({
            "id": person_id, "name": name, "login": login, "active": True,
            "email": f"{login}@scpcl.example.cn", "laboratory_id": plan.refs["lab"],
            "department_id": plan.refs.get(f"department:{discipline}"), **_stamp(plan),
        })  # fmt: skip
        for role in person_roles:
            roles.append({"person_id": person_id, "role": role})
            plan.people.setdefault(role.value, []).append(person_id)
        if PersonRole.METROLOGIST in person_roles:
            plan.people.setdefault(discipline, []).append(person_id)
        if not discipline:
            continue
        issued = plan.today - timedelta(days=rng.randint(200, 1600))
        valid_until = issued + timedelta(days=5 * 365)
        if not expiring_soon_done and discipline == "temperature":
            valid_until, expiring_soon_done = plan.today + timedelta(days=20), True
        licences.append({
            "id": plan.ids.take("qualifications"), "person_id": person_id,
            "kind": "检定员证 verification officer licence",
            "number": f"粤计检字 {issued.year}-{person_id:04d}", "quantity": discipline,
            "scope": _discipline(discipline).name, "issued_on": issued,
            "valid_until": valid_until, **_stamp(plan),
        })  # fmt: skip
    w.put(_t(PersonRow), persons)
    w.put(_t(PersonRoleRow), roles)
    w.put(_t(QualificationRow), licences)


def _seed_providers(w: _Writer, plan: _Plan) -> None:
    providers, scopes = [], []
    for p in cat.PROVIDERS:
        provider_id = plan.ids.take("providers")
        plan.refs[f"provider:{p.key}"] = provider_id
        accredited = p.accreditation.startswith("CNAS")
        providers.append({
            "id": provider_id, "name": p.name, "kind": p.kind, "country": p.country,
            "accreditation_body": "CNAS" if accredited else (p.accreditation or None),
            "accreditation_no": p.accreditation if accredited else None,
            "accreditation_valid_until": plan.today + timedelta(days=900) if accredited else None,
            **_stamp(plan),
        })  # fmt: skip
        for quantity in p.scope:
            scopes.append({
                "id": plan.ids.take("provider_scopes"), "provider_id": provider_id,
                "quantity": quantity, "range_text": None, "cmc": None, **_stamp(plan),
            })  # fmt: skip
    w.put(_t(ProviderRow), providers)
    w.put(_t(ProviderScopeRow), scopes)


# --- instruments and their history ----------------------------------------------------------

_ROLE_LEVEL = {
    Tier.REFERENCE: (Role.STANDARD, StandardLevel.REFERENCE),
    Tier.WORKING_STANDARD: (Role.STANDARD, StandardLevel.WORKING),
    Tier.WORKING: (Role.WORKING, None),
}
_U_RATIO = {
    Tier.REFERENCE: (0.10, 0.20),
    Tier.WORKING_STANDARD: (0.18, 0.28),
    Tier.WORKING: (0.22, 0.33),
}
_SPECS: dict[str, tuple[_PointSpec, ...]] = {}


def _specs(tpl: Template) -> tuple[_PointSpec, ...]:
    if tpl.key not in _SPECS:
        _SPECS[tpl.key] = tuple(_prepare_point(i + 1, p) for i, p in enumerate(tpl.points))
    return _SPECS[tpl.key]


def _provider_key(tpl: Template) -> str:
    return tpl.traced_via if tpl.traced_via in cat.PROVIDERS_BY_KEY else cat.IN_HOUSE


def _instrument_row(plan: _Plan, item: _Item) -> dict[str, Any]:
    tpl = item.template
    role, level = _ROLE_LEVEL[tpl.tier]
    low, high = _measured(tpl.range_low), _measured(tpl.range_high)
    first = _specs(tpl)[0]
    by_class = tpl.accuracy_kind.value == "class"
    last = item.dates[-1] if item.dates else None
    return {
        "id": item.id, "asset_tag": item.asset_tag, "name": tpl.name,
        "manufacturer": tpl.manufacturer, "model": tpl.model, "serial_no": item.serial,
        "category": _discipline(tpl.discipline).name, "quantity": tpl.quantity,
        "range_low_value": low.value, "range_low_unit": low.unit,
        "range_high_value": high.value, "range_high_unit": high.unit,
        "accuracy_kind": tpl.accuracy_kind,
        "accuracy_value": None if by_class else first.mpe,
        "accuracy_unit": None if by_class else first.unit,
        "accuracy_class": tpl.accuracy[:32] if by_class else None,
        "role": role, "level": level, "mandatory_verification": tpl.mandatory,
        "status": item.status,
        "custodian_id": plan.people[tpl.discipline][0],
        "location_id": plan.refs[f"location:{tpl.discipline}"],
        "laboratory_id": plan.refs["lab"], "interval_months": tpl.interval_months,
        "provider_id": plan.refs[f"provider:{_provider_key(tpl)}"],
        "procedure_id": plan.refs[f"procedure:{tpl.procedure}"],
        "last_calibrated_on": last, "due_on": _instrument_due(item, last),
        "retired_reason": None, "notes": tpl.accuracy, **_stamp(plan),
    }  # fmt: skip


def _instrument_due(item: _Item, last: date | None) -> date | None:
    """The due date, none after a failed last calibration (never a due date from a FAIL)."""
    return _due(last, item.template.interval_months) if last and not item.failing else None


@dataclass
class _Drift:
    """An item's error model: offset + rate·years + noise, as fractions of each point's MPE."""

    offset: float
    rate: float
    since: date
    scales: list[float]
    uncertainties: list[Decimal]
    sign: int


def _two_digits(value: Decimal) -> Decimal:
    """Round an uncertainty to two significant digits (GUM 7.2.6)."""
    exponent = value.adjusted() - 1
    return (
        value.quantize(Decimal(1).scaleb(exponent))
        .normalize()
        .quantize(Decimal(1).scaleb(min(exponent, 0)))
    )


def _drift_model(rng: random.Random, item: _Item, specs: Sequence[_PointSpec]) -> _Drift:
    low, high = _U_RATIO[item.tier]
    return _Drift(
        offset=rng.uniform(-0.25, 0.25),
        rate=rng.uniform(-1.0, 1.0) * item.template.drift,
        since=item.dates[0] if item.dates else item.draft_on or date.min,
        scales=[rng.uniform(0.5, 1.0) for _ in specs],
        uncertainties=[
            _two_digits(s.mpe * Decimal(f"{rng.uniform(low, high):.3f}")) for s in specs
        ],
        sign=rng.choice((-1, 1)),
    )


def _fractions(rng: random.Random, model: _Drift, on: date, fail: bool) -> tuple[list[float], bool]:
    """Errors as fractions of MPE on ``on``; an item close to its limit is adjusted."""
    years = (on - model.since).days / 365.25
    trend = model.offset + model.rate * years
    fracs = [(trend + rng.gauss(0.0, 0.06)) * scale for scale in model.scales]
    if fail:
        fracs[rng.randrange(len(fracs))] = model.sign * rng.uniform(1.05, 1.6)
        return fracs, False
    if max(abs(f) for f in fracs) <= 0.85:
        return fracs, False
    model.offset, model.since = rng.uniform(-0.1, 0.1), on  # adjusted back to nominal
    return [max(-0.85, min(0.85, f)) for f in fracs], True


def _point_rows(
    plan: _Plan, event_id: int, specs: Sequence[_PointSpec], model: _Drift, fracs: Sequence[float]
) -> tuple[list[dict[str, Any]], bool]:
    rows, failed = [], False
    for spec, frac, big_u in zip(specs, fracs, model.uncertainties, strict=False):
        error = spec.quantum * round(frac * float(spec.mpe / spec.quantum))
        verdict = decide(error, big_u, -spec.mpe, spec.mpe)
        failed = failed or verdict.value == "fail"
        indication = Measured(spec.nominal.value + error * spec.factor, spec.nominal.unit)
        point = PointValues(
            spec.nominal, indication, spec.nominal, Measured(big_u, spec.unit), _K, spec.upper,
            spec.lower, spec.upper, Stage.AS_LEFT,
        )  # fmt: skip
        rows.append({
            **point_columns(point), "id": plan.ids.take("measurement_points"),
            "event_id": event_id, "seq": spec.seq, "error_value": error, "error_unit": spec.unit,
            "decision": Decision(verdict.value), **_stamp(plan),
        })  # fmt: skip
    return rows, failed


@dataclass
class _Tally:
    failed: int = 0
    drafts: int = 0
    broken: int = 0
    certificates: Counter[tuple[str, int]] = field(default_factory=Counter)


def _certificate_no(tally: _Tally, provider: str, discipline: str, on: date) -> str:
    tally.certificates[(provider, on.year)] += 1
    seq = tally.certificates[(provider, on.year)]
    fmt = cat.PROVIDERS_BY_KEY[provider].certificate_format
    return fmt.format(year=on.year, seq=seq, discipline=_discipline(discipline).code)


def _signed_at(plan: _Plan, on: date, days: int, hour: int) -> datetime:
    return min(datetime.combine(on + timedelta(days=days), dtime(hour), UTC), plan.now)


def _event_row(
    plan: _Plan, item: _Item, rng: random.Random, tally: _Tally, on: date, draft: bool
) -> dict[str, Any]:
    tpl = item.template
    provider = _provider_key(tpl)
    in_house = provider == cat.IN_HOUSE
    metrologists = plan.people[tpl.discipline]
    performer = rng.choice(metrologists) if in_house else None
    checkers = [p for p in plan.people["checker"] if p != performer]
    temperature, humidity = cat.ENVIRONMENT[tpl.discipline]
    return {
        "instrument_id": item.id, "kind": tpl.event_kind,
        "status": EventStatus.DRAFT if draft else EventStatus.APPROVED,
        "revision": 1, "supersedes_id": None, "correction_reason": None, "performed_on": on,
        "performer_id": performer,
        "checker_id": None if draft else rng.choice(checkers),
        "approver_id": None if draft else rng.choice(plan.people["approver"]),
        "checked_at": None if draft else _signed_at(plan, on, 1, 2),
        "approved_at": None if draft else _signed_at(plan, on, 2, 8),
        "provider_id": plan.refs[f"provider:{provider}"],
        "certificate_no": None if draft else _certificate_no(tally, provider, tpl.discipline, on),
        "procedure_id": plan.refs[f"procedure:{tpl.procedure}"],
        "temperature_value": Decimal(temperature) + Decimal(rng.randint(-5, 5)) / 10,
        "temperature_unit": "°C",
        "humidity_value": Decimal(humidity) + rng.randint(-8, 8), "humidity_unit": "%RH",
        "interval_months": tpl.interval_months, "interval_reason": None, "cost": None,
        **_stamp(plan),
    }  # fmt: skip


def _history(
    plan: _Plan, item: _Item, tally: _Tally
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """The item's events (approved history, maybe a trailing draft), points and standards used."""
    rng = random.Random(plan.options.seed * 1_000_003 + item.index)
    specs = _specs(item.template)[: plan.max_points]
    model = _drift_model(rng, item, specs)
    months = item.template.interval_months
    in_house = _provider_key(item.template) == cat.IN_HOUSE
    dates = item.dates + ([item.draft_on] if item.draft_on else [])
    events: list[dict[str, Any]] = []
    points: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    for no, on in enumerate(dates):
        event_id = item.first_event_id + no
        draft = no >= len(item.dates)
        fail = item.failing and no == len(item.dates) - 1
        fracs, adjusted = _fractions(rng, model, on, fail)
        rows, failed = _point_rows(plan, event_id, specs, model, fracs)
        result = EventResult.FAIL if failed else EventResult.PASS
        event = _event_row(plan, item, rng, tally, on, draft)
        event.update(
            id=event_id, as_found=result, as_left=result, result=result, adjusted=adjusted,
            valid_until=None if failed or draft else _due(on, months),
            remarks=_remarks(failed, adjusted),
        )  # fmt: skip
        events.append(event)
        points += rows
        if in_house:
            links.append(_link(plan, item, no, on, event_id, tally))
        if failed and not draft:
            tally.failed += no == len(item.dates) - 1
    tally.drafts += item.draft_on is not None
    return events, points, links


def _remarks(failed: bool, adjusted: bool) -> str | None:
    if failed:
        return "不合格，出具检定结果通知书 (out of tolerance; notice of failure issued)"
    if adjusted:
        return "校准前接近限值，已调整 (adjusted: as-found close to the limit)"
    return None


def _link(
    plan: _Plan, item: _Item, no: int, on: date, event_id: int, tally: _Tally
) -> dict[str, Any]:
    standard, k, valid = _standard_for(plan, item, no, on)
    tally.broken += not valid
    return {
        "id": plan.ids.take("event_standards"), "event_id": event_id,
        "instrument_id": standard.id, "certificate_event_id": standard.first_event_id + k,
        "override_reason": None, **_stamp(plan),
    }  # fmt: skip


# --- standards' paperwork, intermediate checks, a comparison --------------------------------


def _seed_standard_certificates(w: _Writer, plan: _Plan, rng: random.Random) -> None:
    """计量标准考核证书: one per reference standard, renewed every 5 years."""
    certificates, links = [], []
    for seq, item in enumerate(i for i in plan.items if i.tier is Tier.REFERENCE):
        issued = plan.start - timedelta(days=rng.randint(100, 1500))
        while issued + timedelta(days=5 * 365) < plan.today:
            issued += timedelta(days=5 * 365)
        cert_id = plan.ids.take("standard_certificates")
        certificates.append({
            "id": cert_id, "laboratory_id": plan.refs["lab"],
            "number": f"[{issued.year}]粤量标企证字第{seq + 101:04d}号",
            "standard_name": f"{item.template.name} {item.template.model} 计量标准装置",
            "issuer": "广东省市场监督管理局", "issued_on": issued,
            "valid_until": issued + timedelta(days=5 * 365), **_stamp(plan),
        })  # fmt: skip
        links.append({"certificate_id": cert_id, "instrument_id": item.id})
    w.put(_t(StandardCertificateRow), certificates)
    w.put(standard_certificate_instruments, links)


def _seed_intermediate_checks(w: _Writer, plan: _Plan, rng: random.Random) -> None:
    """Check plans on the first few standards, checked every 6 months for the last two years."""
    standards = [i for i in plan.items if i.tier is not Tier.WORKING][:4]
    plans, checks, readings = [], [], []
    for item in standards:
        spec = _specs(item.template)[0]
        plan_id = plan.ids.take("check_plans")
        limits = {
            "lower_limit_value": -spec.mpe, "lower_limit_unit": spec.unit,
            "upper_limit_value": spec.mpe, "upper_limit_unit": spec.unit,
        }  # fmt: skip
        plans.append({
            "id": plan_id, "instrument_id": item.id, "check_instrument_id": None,
            "point": str(spec.nominal), "frequency_months": 6,
            **limits, **_stamp(plan),
        })  # fmt: skip
        centre = rng.uniform(-0.3, 0.3)
        for n in range(4):
            check_id = plan.ids.take("intermediate_checks")
            values = [
                spec.quantum * round((centre + rng.gauss(0, 0.05)) * float(spec.mpe / spec.quantum))
                for _ in range(6)
            ]
            for seq, value in enumerate(values, start=1):
                readings.append({
                    "id": plan.ids.take("check_readings"), "check_id": check_id, "seq": seq,
                    "value": value, "unit": spec.unit, **_stamp(plan),
                })  # fmt: skip
            mean = (sum(values, Decimal(0)) / len(values)).quantize(spec.quantum)
            verdict = decide(mean, 0, -spec.mpe, spec.mpe)
            checks.append({
                "id": check_id, "instrument_id": item.id, "plan_id": plan_id,
                "performed_on": plan.today - timedelta(days=30 + 182 * n),
                "performer_id": plan.people[item.template.discipline][0],
                "check_value": mean, "check_unit": spec.unit,
                "reference_value": Decimal(0).quantize(spec.quantum), "reference_unit": spec.unit,
                **limits, "verdict": Decision(verdict.value), "remarks": None, **_stamp(plan),
            })  # fmt: skip
    w.put(_t(CheckPlanRow), plans)
    w.put(_t(IntermediateCheckRow), checks)
    w.put(_t(CheckReadingRow), readings)


def _seed_comparison(w: _Writer, plan: _Plan, rng: random.Random) -> int:
    """A 10 V DC voltage proficiency test: eight labs' deviations from nominal, in µV (the lab's
    own within 0.30 µV of the assigned value: satisfactory).  Returns the comparison's id."""
    comparison_id = plan.ids.take("comparisons")
    started = plan.today - timedelta(days=300)
    w.put(_t(ComparisonRow), [{
        "id": comparison_id, "title": "直流电压 10 V 能力验证 (DC voltage 10 V proficiency test)",
        "scheme": "CNAS T0987", "provider_name": "中国计量科学研究院 NIM",
        "measurand": "deviation of a 10 V Zener reference from nominal", "unit": "µV",
        "artefact": "Fluke 732B s/n 7085001", "pilot_lab": "NIM",
        "protocol": "Circulation star-shaped; pilot measures before and after each lab",
        "role": "participant", "started_on": started, "ended_on": started + timedelta(days=120),
        "assigned_value_method": "provider", "assigned_value": Decimal("3.20"),
        "assigned_uncertainty": Decimal("0.40"), "assigned_coverage_factor": Decimal(2),
        **_stamp(plan),
    }])  # fmt: skip
    own = next((i for i in plan.items if i.template.key == "keysight3458a"), plan.items[0])
    participants = []
    for n in range(8):
        deviation = rng.gauss(0, 0.6)
        if n == 3:
            deviation = max(-0.3, min(0.3, deviation))
        value = Decimal("3.20") + Decimal(round(deviation, 2))
        participants.append({
            "id": plan.ids.take("comparison_participants"), "comparison_id": comparison_id,
            "code": f"Lab {n + 1:02d}", "value": value.quantize(Decimal("0.01")),
            "expanded_uncertainty": Decimal(f"{rng.uniform(0.5, 1.5):.2f}"),
            "coverage_factor": Decimal(2), "method": "DVM difference against own 10 V reference",
            "measured_on": started + timedelta(days=14 * n + 7), "is_own_lab": n == 3,
            "instrument_id": own.id if n == 3 else None, **_stamp(plan),
        })  # fmt: skip
    w.put(_t(ComparisonParticipantRow), participants)
    return comparison_id


# --- orchestration --------------------------------------------------------------------------


class DemoCancelledError(LabAppError):
    """Seeding was cancelled; everything it had written was removed again."""

    def __init__(self) -> None:
        super().__init__("seeding the demo laboratory was cancelled")


# Tables with an integer ``id`` that the generator fills, parents before children.
_ID_TABLES: tuple[Table, ...] = tuple(
    _t(row)
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
        ids = _Ids({t.name: _max_id(conn, t) + 1 for t in _ID_TABLES})
        try:
            report = _seed(conn, options, ids, progress, cancel)
        except BaseException:
            conn.rollback()
            raise
    return _finish(report, time.perf_counter() - clock)


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


def _make_plan(options: DemoOptions, ids: _Ids) -> _Plan:
    today = options.today or date.today()
    plan = _plan_items(options, today, ids)
    rng = random.Random(options.seed + 7919)
    _assign_homes(plan)
    _mark_working_items(plan, rng)
    _break_one_chain(plan)
    _number_events(plan)
    return plan


def _seed(
    conn: Connection,
    options: DemoOptions,
    ids: _Ids,
    progress: Progress | None,
    cancel: Callable[[], bool] | None,
) -> DemoReport:
    plan = _make_plan(options, ids)
    rng = random.Random(options.seed + 104729)
    w = _Writer(conn, options.chunk_rows)
    _seed_organisation(w, plan, rng)
    tally = _Tally()
    total = len(plan.items)
    for done in _seed_items(w, plan, tally):
        if progress is not None:
            progress("instruments", done, total)
        if cancel is not None and cancel():
            raise DemoCancelledError()
    _seed_standard_certificates(w, plan, rng)
    _seed_intermediate_checks(w, plan, rng)
    dc_comparison = _seed_comparison(w, plan, rng)
    from labapp.services.demo._accounts import admin_of, seal_events, seed_accounts
    from labapp.services.demo._impact import seed_failed_standard  # they use this module's helpers
    from labapp.services.demo._pt import seed_pt_plan

    seed_failed_standard(w, plan, tally)
    seed_pt_plan(w, plan, dc_comparison)
    actors = seed_accounts(conn, plan.now)
    seal_events(conn, actors)
    report = _report(plan, tally, w.counts)
    _write_audit_entry(w, plan, report, admin_of(actors))
    w.put(_t(MetaRow), [{"key": MARKER_KEY, "value": plan.now.isoformat()}])
    _reset_sequences(conn)
    conn.commit()
    return report


def _seed_items(w: _Writer, plan: _Plan, tally: _Tally) -> Iterator[int]:
    """Instruments with their events, points and links, chunk by chunk (not committed)."""
    buffers: tuple[list[dict[str, Any]], ...] = ([], [], [], [])
    tables = (
        _t(InstrumentRow), _t(EventRow), _t(MeasurementPointRow),
        _t(EventStandardRow),
    )  # fmt: skip
    for item in plan.items:
        buffers[0].append(_instrument_row(plan, item))
        for buffer, rows in zip(buffers[1:], _history(plan, item, tally), strict=True):
            buffer += rows
        if len(buffers[1]) + len(buffers[2]) >= w.size or item is plan.items[-1]:
            for table, buffer in zip(tables, buffers, strict=True):
                w.put(table, buffer)
                buffer.clear()
            yield item.index + 1


def _report(plan: _Plan, tally: _Tally, counts: Mapping[str, int]) -> DemoReport:
    tiers = Counter(item.tier.value for item in plan.items)
    overdue = sum(
        1
        for item in plan.items
        if item.dates
        and item.status is InstrumentStatus.IN_SERVICE
        and _due(item.dates[-1], item.template.interval_months) < plan.today
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


def _write_audit_entry(w: _Writer, plan: _Plan, report: DemoReport, admin: Any) -> None:
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
    persons = _t(PersonRow).c.id >= first_ids["persons"]
    signatures, accounts, keys = (_t(r) for r in (SignatureRow, AccountRow, PersonKeyRow))
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
                _t(PersonRoleRow)
                .delete()
                .where(_t(PersonRoleRow).c.person_id.in_(select(_t(PersonRow).c.id).where(persons)))
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
