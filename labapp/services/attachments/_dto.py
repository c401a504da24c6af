"""Frozen values of this feature: what the UI and the CLI read and send."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AttachmentInfo:
    """A stored file, without its bytes."""

    id: int
    filename: str
    size: int
    sha256: str
    media_type: str
    event_id: int | None = None
    instrument_id: int | None = None
