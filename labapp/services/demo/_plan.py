"""The demo lab's plan, drawn before anything is written: which items, their ids, when each was
calibrated, which standard calibrated it, and which items are overdue, failing, idle or carry a
draft.

:func:`make_plan` draws the items from :mod:`labapp.services.demo._catalogue` with a seeded
generator (standards recalibrated before expiry, working items sometimes late), gives each in-house
item a home standard, marks the working items that show each case, delays one standard's
recalibration so that one traceability link is broken, and numbers the events.  The seeding modules
then only turn the plan into rows.
"""

from __future__ import annotations

import bisect
import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from labapp.domain.due import due_on
from labapp.domain.enums import InstrumentStatus
from labapp.domain.point_values import parse_measured, unit_of
from labapp.domain.quantities import Measured
from labapp.metrology.units import delta_unit
from labapp.services.demo import _catalogue as cat
from labapp.services.demo._catalogue import Template, Tier

__all__ = [
    "LARGE_LAB",
    "DemoOptions",
    "Ids",
    "Item",
    "K",
    "Plan",
    "PointSpec",
    "discipline_of",
    "due_after",
    "make_plan",
    "measured",
    "point_specs",
    "provider_key",
    "standard_for",
]

LARGE_LAB = 20_000  # above this many items, events carry at most 3 points


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


#: the coverage factor of every demo certificate
K = Decimal(2)


@dataclass(frozen=True)
class PointSpec:
    """One calibration point of a template, parsed once: nominal, MPE, units and resolution."""

    seq: int
    nominal: Measured  # also the reference value
    mpe: Decimal
    unit: str  # error, U, tolerance unit
    quantum: Decimal  # error resolution
    factor: Decimal  # one error unit in the nominal's (delta) unit
    lower: Measured  # -MPE
    upper: Measured  # +MPE, the MPE itself


def _prepare_point(seq: int, point: cat.Point) -> PointSpec:
    """A catalogue point, its text parsed once into typed values."""
    nominal = measured(point.nominal)
    mpe = measured(point.mpe)
    target = delta_unit(unit_of(nominal.unit))
    factor = float((1 * unit_of(mpe.unit)).to(target).magnitude)
    exponent = mpe.value.as_tuple().exponent
    return PointSpec(
        seq,
        nominal,
        mpe.value,
        mpe.unit,
        Decimal(1).scaleb(exponent - 1),
        Decimal(f"{factor:.12g}"),
        Measured(-mpe.value, mpe.unit),
        mpe,
    )


def measured(text: str) -> Measured:
    """A catalogue quantity ("10.000 V") as typed values (the catalogue's tests keep it valid)."""
    value = parse_measured(text, "catalogue", required=True)
    assert value is not None  # required
    return value


@dataclass
class Item:
    """One planned instrument or standard: its template, ids, history dates and what it shows."""

    index: int
    id: int
    template: Template
    asset_tag: str
    serial: str
    dates: list[date]
    status: InstrumentStatus = InstrumentStatus.IN_SERVICE
    failing: bool = False
    draft_on: date | None = None
    home: int = -1  # index (into Plan.items) of the standard that calibrates it in-house
    first_event_id: int = 0
    valid: list[date] = field(default_factory=list)  # valid_until per event (standards)

    @property
    def tier(self) -> Tier:
        return self.template.tier


@dataclass
class Ids:
    """Next free id per table (the database may already hold rows, e.g. a laboratory)."""

    next: dict[str, int]

    def take(self, table: str, n: int = 1) -> int:
        first = self.next[table]
        self.next[table] = first + n
        return first


@dataclass
class Plan:
    """Everything drawn before writing: the items, ids, references and the people who sign."""

    options: DemoOptions
    today: date
    start: date
    items: list[Item]
    by_template: dict[str, list[int]]
    forced: dict[tuple[int, int], int]  # (item index, event no) -> standard index (broken link)
    ids: Ids
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
        due = due_after(performed, months)
        late = tpl.tier is Tier.WORKING and rng.random() < 0.08
        step = rng.randint(1, 20) if late else -rng.randint(3, 25)
        performed = due + timedelta(days=step)
    return dates


def due_after(performed: date, months: int) -> date:
    """The due date of a calibration performed on ``performed`` with an interval of ``months``."""
    result = due_on(performed, months)
    assert result is not None
    return result


def _plan_items(options: DemoOptions, today: date, ids: Ids) -> Plan:
    rng = random.Random(options.seed)
    start = (
        today.replace(year=today.year - options.years)
        if not _feb29(today)
        else today - (timedelta(days=365 * options.years))
    )
    items: list[Item] = []
    counters: Counter[str] = Counter()
    for tier, count in _tier_counts(options.instruments).items():
        for tpl in _draw_templates(rng, tier, count):
            discipline = discipline_of(tpl.discipline)
            counters[discipline.code] += 1
            index = len(items)
            items.append(
                Item(
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
    return Plan(options, today, start, items, by_template, {}, ids, {}, {}, max_points,
                 datetime.now(UTC))  # fmt: skip


def _feb29(day: date) -> bool:
    return day.month == 2 and day.day == 29


def discipline_of(key: str) -> cat.Discipline:
    """The catalogue's discipline called ``key``."""
    return next(d for d in cat.DISCIPLINES if d.key == key)


def _assign_homes(plan: Plan) -> None:
    """Each in-house item gets a home standard of the template it is traced via (round robin)."""
    for item in plan.items:
        candidates = plan.by_template.get(item.template.traced_via)
        if candidates:
            item.home = candidates[item.index % len(candidates)]


def _mark_working_items(plan: Plan, rng: random.Random) -> None:
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
        while len(item.dates) > 1 and due_after(item.dates[-1], item.template.interval_months) >= (
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


def _slices(items: Sequence[Item], sizes: Sequence[int]) -> list[Sequence[Item]]:
    result, first = [], 0
    for size in sizes:
        result.append(items[first : first + size])
        first += size
    return result


def _break_one_chain(plan: Plan) -> None:
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
    plan: Plan, candidates: Sequence[Item], *, latest_only: bool
) -> tuple[int, Item, int, Item, int] | None:
    """The (gap, item, event no, standard, certificate no) with the shortest expired gap."""
    best: tuple[int, Item, int, Item, int] | None = None
    for item in candidates:
        standard = plan.items[item.home]
        months = standard.template.interval_months
        for event_no, used_on in enumerate(item.dates):
            if latest_only and event_no != len(item.dates) - 1:
                continue
            k = bisect.bisect_right(standard.dates, used_on) - 1
            if k < 1 or k == len(standard.dates) - 1:
                continue
            gap = (used_on - due_after(standard.dates[k - 1], months)).days
            if gap >= 1 and (best is None or gap < best[0]):
                best = (gap, item, event_no, standard, k)
    return best


def _number_events(plan: Plan) -> None:
    for item in plan.items:
        count = len(item.dates) + (1 if item.draft_on else 0)
        item.first_event_id = plan.ids.take("events", count)
        if item.tier is not Tier.WORKING:
            item.valid = [due_after(d, item.template.interval_months) for d in item.dates]


def standard_for(plan: Plan, item: Item, event_no: int, on: date) -> tuple[Item, int, bool]:
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


_SPECS: dict[str, tuple[PointSpec, ...]] = {}


def point_specs(tpl: Template) -> tuple[PointSpec, ...]:
    """The template's points, parsed once per template."""
    if tpl.key not in _SPECS:
        _SPECS[tpl.key] = tuple(_prepare_point(i + 1, p) for i, p in enumerate(tpl.points))
    return _SPECS[tpl.key]


def provider_key(tpl: Template) -> str:
    """Who calibrates items of ``tpl``: an external provider's key, or the lab itself."""
    return tpl.traced_via if tpl.traced_via in cat.PROVIDERS_BY_KEY else cat.IN_HOUSE


def make_plan(options: DemoOptions, ids: Ids) -> Plan:
    """Draw the whole lab (module docstring) from ``options``; ids start at ``ids``."""
    today = options.today or date.today()
    plan = _plan_items(options, today, ids)
    rng = random.Random(options.seed + 7919)
    _assign_homes(plan)
    _mark_working_items(plan, rng)
    _break_one_chain(plan)
    _number_events(plan)
    return plan
