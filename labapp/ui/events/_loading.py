"""What the event dialog fetches and converts: worker jobs and the table's text rows.

The jobs run on the worker (never on the GUI thread); :func:`point_text` writes a stored
``PointDetail``'s typed values as the text the points table shows (the table keeps the typed
values too: nothing is parsed back).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from labapp.domain.enums import EventStatus
from labapp.domain.points import DecisionRule
from labapp.ui.common import settings
from labapp.ui.events._points_model import PointText

__all__ = [
    "EDITABLE_STATUSES",
    "Loaded",
    "decision_rule",
    "load_event",
    "point_text",
    "standards_on",
]

#: statuses an event is edited in (None: not saved yet)
EDITABLE_STATUSES = (None, EventStatus.DRAFT, EventStatus.CHECKED)


@dataclass(frozen=True)
class Loaded:
    """What the dialog needs from the database to show an event (fetched in one job)."""

    detail: Any  # EventDetail or None for a new event
    instrument: Any  # InstrumentDetail
    persons: list[Any]
    providers: list[Any]
    procedures: list[Any]
    me: Any  # PersonInfo of the user, or None
    options: list[Any]  # StandardOption on the event's date
    capability_threshold: Any = None  # the lab's least MPE/U without a warning (None: 3)


def load_event(db: Any, user: str, instrument_id: int | None, event_id: int | None) -> Loaded:
    """Worker job: the event (if any), its instrument, the combo lists and the standards.

    It also builds the unit registry if nothing has yet: the dialog parses every unit shown or
    typed, and building it on the GUI thread froze the first dialog for 0.25-0.5 s.
    """
    from labapp.metrology.units import registry
    from labapp.services import events

    registry()
    from labapp.services import master_data as people
    from labapp.services.register import get_instrument

    detail = events.get_event(db, event_id) if event_id is not None else None
    item_id = detail.instrument_id if detail is not None else instrument_id
    instrument = get_instrument(db, item_id)
    day = detail.performed_on if detail is not None else date.today()
    return Loaded(
        detail,
        instrument,
        people.list_persons(db),
        people.provider_choices(db),
        _offered(people.procedure_choices(db), detail.procedure_id if detail else None),
        people.person_for_login(db, user),
        standards_on(db, day, instrument),
        _capability_threshold(db),
    )


def _capability_threshold(db: Any) -> Any:
    from labapp.services.laboratory import get_lab_settings

    settings = get_lab_settings(db)
    return None if settings is None else settings.capability_threshold


def _offered(procedures: list[Any], current: int | None) -> list[Any]:
    """The procedures an event may name: those in force, and the one it names already."""
    return [p for p in procedures if p.in_force or p.id == current]


def standards_on(db: Any, day: date, instrument: Any) -> list[Any]:
    """Worker job: the standards offered for an event of ``instrument`` on ``day``."""
    from labapp.services.events import valid_standards

    return valid_standards(db, day, exclude_instrument_id=instrument.id)


def point_text(point: Any) -> PointText:
    """A stored ``PointDetail`` as the text the table shows (``"10.000 V"``: digits as stored)."""

    def text(value: Any) -> str:
        if isinstance(value, Decimal):  # k and the ratio, never with an exponent
            return format(value, "f")
        return "" if value is None else str(value)  # a Measured: "10.000 V"

    return PointText(
        stage=point.stage,
        nominal=text(point.nominal),
        reference=text(point.reference),
        indication=text(point.indication),
        expanded_uncertainty=text(point.expanded_uncertainty),
        coverage_factor=text(point.coverage_factor),
        mpe=text(point.mpe),
        lower=text(point.lower),
        upper=text(point.upper),
        capability=text(getattr(point, "capability", None)),
    )


def decision_rule() -> DecisionRule:
    """The lab's decision rule from Preferences."""
    try:
        return DecisionRule(settings.get(settings.DECISION_RULE))
    except ValueError:
        return DecisionRule.SIMPLE
