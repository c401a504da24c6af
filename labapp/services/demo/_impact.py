"""The demo lab's failed standard: one externally calibrated standard came back today found out of
tolerance as found (three times its MPE at every point, then adjusted), so that Investigations →
New investigation… finds the results it served since its previous calibration at risk.

The standard chosen is the one that served most results since its previous calibration (ties: the
first in the register), among in-service standards calibrated by an external provider (an in-house
event would need standards of its own).  Its register row gets the new calibration date and due
date, as recording the event in the application would.
"""

from __future__ import annotations

import random
from collections import Counter
from typing import Any

from sqlalchemy import select, update

from labapp.domain.enums import EventResult, InstrumentStatus, Stage
from labapp.persistence.models import (
    EventRow,
    EventStandardRow,
    InstrumentRow,
    MeasurementPointRow,
)
from labapp.services.demo import _catalogue as cat
from labapp.services.demo._catalogue import Tier
from labapp.services.demo._history import Tally, drift_model, event_row, point_rows
from labapp.services.demo._plan import Item, Plan, due_after, point_specs, provider_key
from labapp.services.demo._writer import Writer, table_of

__all__ = ["seed_failed_standard"]

#: How far out of tolerance the standard was found, in MPEs.
FOUND_AT = 3.0
REMARK = "调整前超差，已调整 (found out of tolerance as found; adjusted)"


def _candidates(plan: Plan) -> dict[int, Item]:
    return {
        item.id: item
        for item in plan.items
        if item.tier is not Tier.WORKING
        and item.dates
        and item.status is InstrumentStatus.IN_SERVICE
        and provider_key(item.template) != cat.IN_HOUSE
    }


def _busiest(w: Writer, plan: Plan) -> Item | None:
    candidates = _candidates(plan)
    if not candidates:
        return None
    earliest = min(item.dates[-1] for item in candidates.values())
    links, events = table_of(EventStandardRow), table_of(EventRow)
    stmt = (
        select(links.c.instrument_id, events.c.performed_on)
        .join(events, events.c.id == links.c.event_id)
        .where(links.c.instrument_id.in_(candidates), events.c.performed_on >= earliest)
    )
    served = Counter(sid for sid, on in w.conn.execute(stmt) if on >= candidates[sid].dates[-1])
    if not served:
        return None
    best = max(served.values())
    return min((candidates[sid] for sid, n in served.items() if n == best), key=lambda i: i.index)


def seed_failed_standard(w: Writer, plan: Plan, tally: Tally) -> int | None:
    """Write today's as-found failure of the busiest standard; returns the event id (or None)."""
    standard = _busiest(w, plan)
    if standard is None:
        return None
    rng = random.Random(plan.options.seed + 15_485_863)
    specs = point_specs(standard.template)[: plan.max_points]
    model = drift_model(rng, standard, specs)
    event_id = plan.ids.take("events")
    found, _ = point_rows(plan, event_id, specs, model, [FOUND_AT * model.sign] * len(specs))
    left, _ = point_rows(plan, event_id, specs, model, [0.1 * model.sign] * len(specs))
    for row in found:
        row["stage"] = Stage.AS_FOUND
    months = standard.template.interval_months
    event: dict[str, Any] = event_row(plan, standard, rng, tally, plan.today, False)
    event.update(
        id=event_id, as_found=EventResult.FAIL, as_left=EventResult.PASS,
        result=EventResult.PASS, adjusted=True, valid_until=due_after(plan.today, months),
        remarks=REMARK,
    )  # fmt: skip
    w.put(table_of(EventRow), [event])
    w.put(table_of(MeasurementPointRow), found + left)
    items = table_of(InstrumentRow)
    w.conn.execute(
        update(items)
        .where(items.c.id == standard.id)
        .values(last_calibrated_on=plan.today, due_on=due_after(plan.today, months))
    )
    return event_id
