"""The demo lab's instruments and their history: one register row per item, its approved events
(drift plus noise, periodic adjustment, the planned failures and drafts), their points and the
standards each in-house event used, written chunk by chunk."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from decimal import Decimal
from typing import Any

from labapp.domain.enums import (
    Decision,
    EventResult,
    EventStatus,
    Role,
    Stage,
    StandardLevel,
)
from labapp.domain.point_values import PointValues
from labapp.domain.quantities import Measured
from labapp.metrology.conformity import decide
from labapp.persistence.models import (
    EventRow,
    EventStandardRow,
    InstrumentRow,
    MeasurementPointRow,
    point_columns,
)
from labapp.services.demo import _catalogue as cat
from labapp.services.demo._catalogue import Tier
from labapp.services.demo._plan import (
    Item,
    K,
    Plan,
    PointSpec,
    discipline_of,
    due_after,
    measured,
    point_specs,
    provider_key,
    standard_for,
)
from labapp.services.demo._writer import Writer, stamp, table_of

__all__ = ["Drift", "Tally", "drift_model", "event_row", "point_rows", "seed_items"]

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


def _instrument_row(plan: Plan, item: Item) -> dict[str, Any]:
    tpl = item.template
    role, level = _ROLE_LEVEL[tpl.tier]
    low, high = measured(tpl.range_low), measured(tpl.range_high)
    first = point_specs(tpl)[0]
    by_class = tpl.accuracy_kind.value == "class"
    last = item.dates[-1] if item.dates else None
    return {
        "id": item.id, "asset_tag": item.asset_tag, "name": tpl.name,
        "manufacturer": tpl.manufacturer, "model": tpl.model, "serial_no": item.serial,
        "category": discipline_of(tpl.discipline).name, "quantity": tpl.quantity,
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
        "provider_id": plan.refs[f"provider:{provider_key(tpl)}"],
        "procedure_id": plan.refs[f"procedure:{tpl.procedure}"],
        "last_calibrated_on": last, "due_on": _instrument_due(item, last),
        "retired_reason": None, "notes": tpl.accuracy, **stamp(plan),
    }  # fmt: skip


def _instrument_due(item: Item, last: date | None) -> date | None:
    """The due date, none after a failed last calibration (never a due date from a FAIL)."""
    return due_after(last, item.template.interval_months) if last and not item.failing else None


@dataclass
class Drift:
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


def drift_model(rng: random.Random, item: Item, specs: Sequence[PointSpec]) -> Drift:
    """Draw ``item``'s error model over ``specs`` (its offset, drift rate, noise scales, U)."""
    low, high = _U_RATIO[item.tier]
    return Drift(
        offset=rng.uniform(-0.25, 0.25),
        rate=rng.uniform(-1.0, 1.0) * item.template.drift,
        since=item.dates[0] if item.dates else item.draft_on or date.min,
        scales=[rng.uniform(0.5, 1.0) for _ in specs],
        uncertainties=[
            _two_digits(s.mpe * Decimal(f"{rng.uniform(low, high):.3f}")) for s in specs
        ],
        sign=rng.choice((-1, 1)),
    )


def _fractions(rng: random.Random, model: Drift, on: date, fail: bool) -> tuple[list[float], bool]:
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


def point_rows(
    plan: Plan, event_id: int, specs: Sequence[PointSpec], model: Drift, fracs: Sequence[float]
) -> tuple[list[dict[str, Any]], bool]:
    """The as-left points of event ``event_id`` with errors ``fracs`` of each MPE, each decided
    against its MPE; and whether any point failed."""
    rows, failed = [], False
    for spec, frac, big_u in zip(specs, fracs, model.uncertainties, strict=False):
        error = spec.quantum * round(frac * float(spec.mpe / spec.quantum))
        verdict = decide(error, big_u, -spec.mpe, spec.mpe)
        failed = failed or verdict.value == "fail"
        indication = Measured(spec.nominal.value + error * spec.factor, spec.nominal.unit)
        point = PointValues(
            spec.nominal, indication, spec.nominal, Measured(big_u, spec.unit), K, spec.upper,
            spec.lower, spec.upper, Stage.AS_LEFT,
        )  # fmt: skip
        rows.append({
            **point_columns(point), "id": plan.ids.take("measurement_points"),
            "event_id": event_id, "seq": spec.seq, "error_value": error, "error_unit": spec.unit,
            "decision": Decision(verdict.value), **stamp(plan),
        })  # fmt: skip
    return rows, failed


@dataclass
class Tally:
    """What the history wrote that the report counts: failures, drafts, broken links, and the
    certificates numbered so far per provider and year."""

    failed: int = 0
    drafts: int = 0
    broken: int = 0
    certificates: Counter[tuple[str, int]] = field(default_factory=Counter)


def _certificate_no(tally: Tally, provider: str, discipline: str, on: date) -> str:
    tally.certificates[(provider, on.year)] += 1
    seq = tally.certificates[(provider, on.year)]
    fmt = cat.PROVIDERS_BY_KEY[provider].certificate_format
    return fmt.format(year=on.year, seq=seq, discipline=discipline_of(discipline).code)


def _signed_at(plan: Plan, on: date, days: int, hour: int) -> datetime:
    return min(datetime.combine(on + timedelta(days=days), dtime(hour), UTC), plan.now)


def event_row(
    plan: Plan, item: Item, rng: random.Random, tally: Tally, on: date, draft: bool
) -> dict[str, Any]:
    """The event row of ``item`` performed ``on`` (approved and signed, or a draft)."""
    tpl = item.template
    provider = provider_key(tpl)
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
        **stamp(plan),
    }  # fmt: skip


def _history(
    plan: Plan, item: Item, tally: Tally
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """The item's events (approved history, maybe a trailing draft), points and standards used."""
    rng = random.Random(plan.options.seed * 1_000_003 + item.index)
    specs = point_specs(item.template)[: plan.max_points]
    model = drift_model(rng, item, specs)
    months = item.template.interval_months
    in_house = provider_key(item.template) == cat.IN_HOUSE
    dates = item.dates + ([item.draft_on] if item.draft_on else [])
    events: list[dict[str, Any]] = []
    points: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    for no, on in enumerate(dates):
        event_id = item.first_event_id + no
        draft = no >= len(item.dates)
        fail = item.failing and no == len(item.dates) - 1
        fracs, adjusted = _fractions(rng, model, on, fail)
        rows, failed = point_rows(plan, event_id, specs, model, fracs)
        result = EventResult.FAIL if failed else EventResult.PASS
        event = event_row(plan, item, rng, tally, on, draft)
        event.update(
            id=event_id, as_found=result, as_left=result, result=result, adjusted=adjusted,
            valid_until=None if failed or draft else due_after(on, months),
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


def _link(plan: Plan, item: Item, no: int, on: date, event_id: int, tally: Tally) -> dict[str, Any]:
    standard, k, valid = standard_for(plan, item, no, on)
    tally.broken += not valid
    return {
        "id": plan.ids.take("event_standards"), "event_id": event_id,
        "instrument_id": standard.id, "certificate_event_id": standard.first_event_id + k,
        "override_reason": None, **stamp(plan),
    }  # fmt: skip


def seed_items(w: Writer, plan: Plan, tally: Tally) -> Iterator[int]:
    """Instruments with their events, points and links, chunk by chunk (not committed)."""
    buffers: tuple[list[dict[str, Any]], ...] = ([], [], [], [])
    tables = (
        table_of(InstrumentRow), table_of(EventRow), table_of(MeasurementPointRow),
        table_of(EventStandardRow),
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
