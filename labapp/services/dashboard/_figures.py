"""The quality manager's dashboard: counts with the items behind each, and the on-time rate 受检率.

Each count and its drill-down list come from the same WHERE clause (:data:`COUNTS`), so a list
always has as many items as its card says.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from dateutil.relativedelta import relativedelta
from sqlalchemy import func, select

from labapp.domain.enums import EventKind, InstrumentStatus
from labapp.persistence.models import InstrumentRow
from labapp.services.common import active
from labapp.services.dashboard._failed_standards import failed_standard_condition
from labapp.services.dashboard._overview import STATES, state_conditions
from labapp.services.database import Database
from labapp.services.laboratory import (
    DEFAULT_TARGET,
    ON_TIME_RATE_DEFINITION,
    ON_TIME_RATE_DEFINITION_ZH,
    figure_settings,
)
from labapp.services.planning import OccurrenceTuple, by_due_and_tag, occurrence_tuples
from labapp.services.traceability import broken_chains

__all__ = [
    "COUNTS",
    "ON_TIME_RATE_DEFINITION",
    "DashboardCounts",
    "DrillItem",
    "OnTimeItem",
    "OnTimePeriod",
    "OnTimeRate",
    "dashboard_counts",
    "drill_down",
    "on_time_items",
    "on_time_rate",
]

CALIBRATIONS = (EventKind.VERIFICATION, EventKind.CALIBRATION)


@dataclass(frozen=True)
class DashboardCounts:
    """The dashboard's numbers as of ``today``."""

    today: date
    lead_days: int
    overdue: int
    due_soon: int
    failed: int
    out_of_service: int
    broken_chains: int
    failed_standards: int = 0  # standards out of tolerance with no investigation


@dataclass(frozen=True)
class DrillItem:
    """One item behind a dashboard number."""

    instrument_id: int
    asset_tag: str
    name: str
    due_on: date | None
    status: InstrumentStatus


@dataclass(frozen=True)
class OnTimePeriod:
    """Due and on time in one month, quarter or year; ``rate`` is None when nothing was due."""

    label: str  # "2026-03", "2026-Q1", "2026"
    first_day: date
    due: int
    on_time: int
    last_day: date | None = None  # the period's last day (its items: :func:`on_time_items`)

    @property
    def rate(self) -> float | None:
        """On time ÷ due (0..1), None when nothing was due."""
        return self.on_time / self.due if self.due else None


@dataclass(frozen=True)
class OnTimeItem:
    """One due occurrence counted by the on-time rate: a due date and what followed it."""

    instrument_id: int
    asset_tag: str
    name: str
    due_on: date  # valid until of the approved event
    done_on: date | None  # the next approved verification or calibration, if any
    on_time: bool  # done on or before due_on


@dataclass(frozen=True)
class OnTimeRate:
    """The on-time rate of a year by month, by quarter and for the year (to ``today``)."""

    year: int
    months: tuple[OnTimePeriod, ...]
    quarters: tuple[OnTimePeriod, ...]
    total: OnTimePeriod
    definition: str = ON_TIME_RATE_DEFINITION
    target: Decimal = DEFAULT_TARGET  # the lab's target in % (a lab setting)
    definition_zh: str = ON_TIME_RATE_DEFINITION_ZH

    @property
    def target_fraction(self) -> float:
        """The target as a fraction (0..1), for a chart's target line."""
        return float(self.target) / 100


#: Dashboard numbers with a drill-down (``broken_chains`` comes from the traceability service).
COUNTS = (*STATES, "broken_chains", "failed_standards")


def dashboard_counts(db: Database, today: date, lead_days: int = 30) -> DashboardCounts:
    """Overdue, due within ``lead_days``, failed last result, out of service, broken chains,
    standards found out of tolerance with no investigation
    (:func:`~labapp.services.dashboard._failed_standards.failed_standard_condition`)."""
    conditions = state_conditions(today, lead_days)
    stmt: Any = select(*(func.count().filter(c) for c in conditions.values()))
    stmt = stmt.where(active())
    unhandled = select(func.count()).select_from(InstrumentRow).where(failed_standard_condition())
    with db.engine.connect() as conn:
        overdue, due_soon, failed, out_of_service = conn.execute(stmt).one()
        standards = int(conn.execute(unhandled).scalar_one())
    broken = len({c.instrument_id for c in broken_chains(db, today=today)})
    return DashboardCounts(
        today, lead_days, overdue, due_soon, failed, out_of_service, broken, standards
    )


def drill_down(
    db: Database,
    key: str,
    today: date,
    lead_days: int = 30,
    *,
    limit: int | None = None,
    offset: int = 0,
) -> list[DrillItem]:
    """The items behind dashboard number ``key`` (one of :data:`COUNTS`), by asset tag.

    ``limit`` and ``offset`` ask for one page of them (the Overview pages a long list); the
    order (asset tag, then id) is total, so pages neither overlap nor skip.
    """
    if key not in COUNTS:
        raise ValueError(f"no dashboard number {key!r}; expected one of {COUNTS}")
    columns = (
        InstrumentRow.id,
        InstrumentRow.asset_tag,
        InstrumentRow.name,
        InstrumentRow.due_on,
        InstrumentRow.status,
    )
    stmt = select(*columns).order_by(InstrumentRow.asset_tag, InstrumentRow.id)
    stmt = stmt.offset(offset).limit(limit)
    if key == "broken_chains":
        ids = sorted({c.instrument_id for c in broken_chains(db, today=today)})
        stmt = stmt.where(InstrumentRow.id.in_(ids))
    elif key == "failed_standards":
        stmt = stmt.where(failed_standard_condition())
    else:
        condition = state_conditions(today, lead_days)[key]
        stmt = stmt.where(condition, active())
    with db.engine.connect() as conn:
        return [DrillItem(*row) for row in conn.execute(stmt).all()]


# --- on-time verification rate --------------------------------------------------------------


def _counted(conn: Any, first: date, last: date, today: date) -> Iterable[OccurrenceTuple]:
    """The due occurrences 受检率 counts in ``[first, last]``: those not after ``today`` (plain
    tuples, unsorted: a year at 100 000 items is ~105 000 of them, see
    :func:`~labapp.services.planning.occurrence_tuples`)."""
    last = min(last, today)
    return occurrence_tuples(conn, first, last).values() if first <= last else ()


def _on_time(occurrence: OccurrenceTuple) -> bool:
    """Done on or before the due date (:attr:`labapp.services.planning.Occurrence.on_time`)."""
    done_on = occurrence[4]
    return done_on is not None and done_on <= occurrence[3]


def on_time_items(
    db: Database,
    first: date,
    last: date,
    today: date,
    *,
    limit: int | None = None,
    offset: int = 0,
) -> list[OnTimeItem]:
    """The due occurrences behind the on-time rate of ``[first, last]`` (not after ``today``).

    Exactly what :func:`on_time_rate` counts for that period: as many items as its ``due``,
    of which ``on_time`` are on time.  Ordered by due date and asset tag.  ``limit`` and
    ``offset`` return one page of them (the occurrences are still worked out in full: they
    are merged from two queries, but only the page's items are built).
    """
    with db.engine.connect() as conn:
        found = sorted(_counted(conn, first, last, today), key=by_due_and_tag)
    end = None if limit is None else offset + limit
    return [OnTimeItem(*o[:5], _on_time(o)) for o in found[offset:end]]


def on_time_rate(db: Database, year: int, today: date) -> OnTimeRate:
    """受检率 of ``year`` by month, quarter and year, as :data:`ON_TIME_RATE_DEFINITION` defines.

    The occurrences are :func:`labapp.services.planning.occurrences` (the annual plan counts
    the same ones).  Due dates after ``today`` are not counted yet (they can still be done on
    time).  The lab's target and definition
    (:func:`labapp.services.laboratory.figure_settings`) come with it.
    """
    with db.engine.connect() as conn:
        found = _counted(conn, date(year, 1, 1), date(year, 12, 31), today)
    due_by_month, on_time_by_month = [0] * 13, [0] * 13
    for occ in found:
        month = occ[3].month
        due_by_month[month] += 1
        on_time_by_month[month] += _on_time(occ)
    by_month = {m: (due_by_month[m], on_time_by_month[m]) for m in range(1, 13)}
    months = tuple(
        OnTimePeriod(
            f"{year}-{m:02d}", date(year, m, 1), *by_month.get(m, (0, 0)),
            date(year, m, 1) + relativedelta(months=1, days=-1),
        )
        for m in range(1, 13)
    )  # fmt: skip
    quarters = tuple(_sum(f"{year}-Q{q + 1}", months[3 * q : 3 * q + 3]) for q in range(4))
    settings = figure_settings(db)
    return OnTimeRate(
        year, months, quarters, _sum(str(year), months), settings.on_time_definition_en,
        settings.on_time_target, settings.on_time_definition_zh,
    )  # fmt: skip


def _sum(label: str, periods: tuple[OnTimePeriod, ...]) -> OnTimePeriod:
    due = sum(p.due for p in periods)
    first, last = periods[0].first_day, periods[-1].last_day
    return OnTimePeriod(label, first, due, sum(p.on_time for p in periods), last)
