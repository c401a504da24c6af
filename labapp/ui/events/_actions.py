"""What the event dialog hands its caller to be done on the worker, as typed values.

The event dialog only collects (:mod:`labapp.ui.common.submission`): Save draft, Correct… and the
signatures of Check… / Approve… each become one of these values, emitted with ``submitted``;
:mod:`labapp.ui.events._flow` runs it and answers with the stored ``EventDetail``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from labapp.domain.points import DecisionRule
from labapp.services.events import EventInput

__all__ = ["Correction", "DraftSave", "EventAction", "Signing"]


@dataclass(frozen=True)
class DraftSave:
    """Save draft: the form as the service takes it, the files to attach (read when saved), the
    draft's id and version (None: a new event) and the decision rule the points were judged by."""

    data: EventInput
    files: tuple[Path, ...]
    event_id: int | None
    version: int | None
    rule: DecisionRule
    guard_band_factor: float


@dataclass(frozen=True)
class Correction:
    """Correct…: open a new revision of approved event ``event_id``, for ``reason``."""

    event_id: int
    reason: str


@dataclass(frozen=True)
class Signing:
    """Check… (``meaning`` ``check``) or Approve… (``approve``) of the version shown, signed
    with the signer's password (never shown in a repr or a log)."""

    meaning: str
    event_id: int
    version: int
    password: str = field(repr=False)


EventAction = DraftSave | Correction | Signing
