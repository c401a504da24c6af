"""Verification (检定), calibration (校准) and intermediate-check events: drafts with their points
and standards, the four-eyes signatures (核验, 批准), approval, corrections as new revisions, and
the lists and details the GUI reads.

This package's ``__init__`` is what other features may use; its ``_modules`` are private.
"""

from __future__ import annotations

from labapp.services.events._corrections import correct_event
from labapp.services.events._dto import (
    EventDetail,
    EventInput,
    EventSummary,
    PointInput,
    StandardUse,
)
from labapp.services.events._files import (
    NewFile,
    commit_draft,
    save_draft_with_files,
    stage_draft_with_files,
)
from labapp.services.events._list import event_summary, list_events
from labapp.services.events._read import get_event, valid_standards
from labapp.services.events._signing import approve_event, check_event

__all__ = [
    "EventDetail",
    "EventInput",
    "EventSummary",
    "NewFile",
    "PointInput",
    "StandardUse",
    "approve_event",
    "check_event",
    "commit_draft",
    "correct_event",
    "event_summary",
    "get_event",
    "list_events",
    "save_draft_with_files",
    "stage_draft_with_files",
    "valid_standards",
]
