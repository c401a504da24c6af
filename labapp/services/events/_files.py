"""Saving a draft event together with the files attached to it, in one unit of work.

The event dialog used to save the draft, then add each file in its own transaction: a refused file
(the same scan twice) left the draft saved but the dialog still "new", so every retry saved another
copy of the draft.  Here the draft and all its files commit together or not at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from labapp.domain.points import DecisionRule
from labapp.persistence.models import EventRow
from labapp.services.attachments import stage_attachment
from labapp.services.database import Database
from labapp.services.events._draft import stage_draft
from labapp.services.events._dto import EventDetail, EventInput
from labapp.services.events._read import commit_event, event_detail

__all__ = ["NewFile", "commit_draft", "save_draft_with_files", "stage_draft_with_files"]


@dataclass(frozen=True)
class NewFile:
    """A file to attach: its name as the user chose it, its bytes, its media type if known."""

    filename: str
    content: bytes
    media_type: str | None = None


def save_draft_with_files(
    db: Database,
    user: str,
    data: EventInput,
    files: Sequence[NewFile] = (),
    *,
    event_id: int | None = None,
    expected_version: int | None = None,
    today: date | None = None,
    rule: DecisionRule | None = None,
    guard_band_factor: float | None = None,
) -> EventDetail:
    """Save a draft (as :func:`~labapp.services.events.save_draft`) and attach ``files`` to it.

    All in one transaction: if any file is refused, nothing is saved (the draft neither created
    nor changed), so trying again never makes a second copy of the draft.

    Raises
    ------
    ValidationError
        The draft's refusals (see :mod:`labapp.services.events`) or a file's
        (:func:`~labapp.services.attachments.add_attachment`: empty, too large, ``duplicate``).
    ConcurrentModificationError
        The draft was saved by someone else since ``expected_version``.
    """
    with db.unit_of_work(user) as uow:
        row = stage_draft(uow, data, event_id, expected_version, today, rule, guard_band_factor)
        _stage_files(uow, row, files)
        return commit_draft(uow, row)


def _stage_files(uow: Any, row: EventRow, files: Sequence[NewFile]) -> None:
    for file in files:
        stage_attachment(
            uow.session,
            event_id=row.id,
            filename=file.filename,
            content=file.content,
            media_type=file.media_type,
        )


def stage_draft_with_files(
    uow: Any, data: EventInput, files: Sequence[NewFile] = (), *, today: date | None = None
) -> EventRow:
    """A new draft and its files staged in the caller's unit of work (not committed).

    For a use case that saves more in the same transaction (a DCC import also records the
    provider it names): finish with :func:`commit_draft`.  Raises as
    :func:`save_draft_with_files`.
    """
    row = stage_draft(uow, data, None, None, today, None, None)
    _stage_files(uow, row, files)
    return row


def commit_draft(uow: Any, row: EventRow) -> EventDetail:
    """Commit ``uow`` (a duplicate certificate number refused as such) and return the draft."""
    commit_event(uow)
    return event_detail(uow.session, row)
