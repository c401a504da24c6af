"""Frozen values of this feature: what the UI and the CLI read and send."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class LabOverview:
    """The dashboard's counts (instruments are the ones not retired or scrapped)."""

    today: date
    instruments: int
    standards: int
    working: int
    overdue: int
    due_30: int  # due within ``lead_days`` (30) days from today, not yet overdue
    failed: int  # the latest non-superseded event's result is FAIL
    out_of_service: int  # out of service or suspended
    events: int
    last_event_on: date | None
    lead_days: int = 30
