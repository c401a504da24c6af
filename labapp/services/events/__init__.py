"""TODO."""

from __future__ import annotations

from labapp.services.events._draft import correct_event, get_event, valid_standards
from labapp.services.events._dto import EventInput, EventSummary, PointInput, StandardUse
from labapp.services.events._files import NewFile, save_draft_with_files
from labapp.services.events._list import event_summary, list_events

__all__ = [
    "EventInput",
    "EventSummary",
    "NewFile",
    "PointInput",
    "StandardUse",
    "correct_event",
    "event_summary",
    "get_event",
    "list_events",
    "save_draft_with_files",
    "valid_standards",
]
