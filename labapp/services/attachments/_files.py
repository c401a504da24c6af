"""Files attached to an event or an instrument (certificate scans, raw data), kept in the database.

Rules: an attachment belongs to exactly one event or one instrument; its SHA-256 is computed on the
way in and verified on the way out (a mismatch raises :class:`AttachmentCorruptError`); the same
content twice on one event (or instrument) is *refused* (``ValidationError(field="content",
code="duplicate")``, naming the file already there) rather than silently deduplicated, so the
user learns the scan is already filed.  Files above :data:`MAX_BYTES` are refused.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import tempfile
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from labapp.domain.errors import LabAppError, NotFoundError, ValidationError
from labapp.persistence.models import AttachmentRow, EventRow, InstrumentRow
from labapp.services.attachments._dto import AttachmentInfo
from labapp.services.database import Database

__all__ = [
    "MAX_BYTES",
    "AttachmentCorruptError",
    "add_attachment",
    "attachment_content",
    "attachment_info",
    "export_attachment",
    "stage_attachment",
]

MAX_BYTES = 64 * 1024 * 1024
ENTITY = "attachments"


def attachment_info(row: AttachmentRow) -> AttachmentInfo:
    """An attachment without its bytes."""
    return AttachmentInfo(
        id=row.id,
        filename=row.filename,
        size=row.size,
        sha256=row.sha256,
        media_type=row.media_type,
        event_id=row.event_id,
        instrument_id=row.instrument_id,
    )


class AttachmentCorruptError(LabAppError):
    """The stored bytes no longer match the SHA-256 recorded when the file was attached."""

    def __init__(self, attachment_id: int, expected: str, actual: str) -> None:
        super().__init__(
            f"attachment {attachment_id} is corrupt: SHA-256 {actual}, recorded {expected}"
        )
        self.attachment_id = attachment_id
        self.expected = expected
        self.actual = actual


def _owner_condition(event_id: int | None, instrument_id: int | None) -> object:
    if event_id is not None:
        return AttachmentRow.event_id == event_id
    return AttachmentRow.instrument_id == instrument_id


def _clean_name(filename: str) -> str:
    name = Path((filename or "").replace("\\", "/")).name.strip()
    if not name or name in {".", ".."}:
        raise ValidationError("filename", "a file name is required", code="required")
    return name[:255]


def add_attachment(
    db: Database,
    user: str,
    *,
    event_id: int | None = None,
    instrument_id: int | None = None,
    filename: str,
    content: bytes,
    media_type: str | None = None,
) -> AttachmentInfo:
    """Attach ``content`` to an event or an instrument (exactly one of the two).

    Raises
    ------
    ValidationError
        Neither or both owners (``owner``), empty or too large content, no file name, or the same
        content already attached to that owner (``content``/``duplicate``).
    NotFoundError
        The event or instrument does not exist.
    """
    with db.unit_of_work(user) as uow:
        row = stage_attachment(
            uow.session, event_id=event_id, instrument_id=instrument_id,
            filename=filename, content=content, media_type=media_type,
        )  # fmt: skip
        uow.commit()
        return attachment_info(row)


def stage_attachment(
    session: Session,
    *,
    event_id: int | None = None,
    instrument_id: int | None = None,
    filename: str,
    content: bytes,
    media_type: str | None = None,
) -> AttachmentRow:
    """The attachment of :func:`add_attachment`, checked and flushed in ``session`` (no commit).

    For a caller that saves it together with other changes in one unit of work (a draft and its
    files): a refusal then leaves nothing of the whole change behind.
    """
    if (event_id is None) == (instrument_id is None):
        raise ValidationError("owner", "attach to one event or one instrument", code="invalid")
    name = _clean_name(filename)
    if not content:
        raise ValidationError("content", "the file is empty", code="required")
    if len(content) > MAX_BYTES:
        raise ValidationError(
            "content", "the file is too large", code="too_large", params={"max": MAX_BYTES}
        )
    digest = hashlib.sha256(content).hexdigest()
    kind = media_type or mimetypes.guess_type(name)[0] or "application/octet-stream"
    owner = (EventRow, event_id) if event_id is not None else (InstrumentRow, instrument_id)
    if session.get(*owner) is None:
        raise NotFoundError(owner[0].__tablename__, owner[1])
    clash = session.scalars(
        select(AttachmentRow).where(
            _owner_condition(event_id, instrument_id),  # type: ignore[arg-type]
            AttachmentRow.sha256 == digest,
        )
    ).first()
    if clash is not None:
        raise ValidationError(
            "content",
            f"the same file is already attached as {clash.filename!r}",
            code="duplicate",
            params={"filename": clash.filename, "attachment_id": clash.id},
        )
    row = AttachmentRow(
        event_id=event_id,
        instrument_id=instrument_id,
        filename=name,
        media_type=kind,
        size=len(content),
        sha256=digest,
        content=content,
    )
    session.add(row)
    session.flush()
    return row


def attachment_content(db: Database, attachment_id: int) -> tuple[AttachmentInfo, bytes]:
    """The attachment and its bytes, verified against the recorded SHA-256.

    Raises
    ------
    NotFoundError, AttachmentCorruptError
    """
    with db.read() as session:
        row = session.get(AttachmentRow, attachment_id)
        if row is None:
            raise NotFoundError(ENTITY, attachment_id)
        content = bytes(row.content)
        info = attachment_info(row)
    actual = hashlib.sha256(content).hexdigest()
    if actual != info.sha256:
        raise AttachmentCorruptError(attachment_id, info.sha256, actual)
    return info, content


def _free_path(directory: Path, name: str) -> Path:
    target = directory / name
    stem, suffix = target.stem, target.suffix
    n = 1
    while target.exists():
        target = directory / f"{stem} ({n}){suffix}"
        n += 1
    return target


def export_attachment(db: Database, attachment_id: int, directory: Path | str) -> Path:
    """Write the attachment into ``directory`` (never over an existing file) and return its path.

    The bytes are verified first and written to a temporary file that is renamed into place, so
    the system viewer never opens a half-written or corrupt file.
    """
    info, content = attachment_content(db, attachment_id)
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    target = _free_path(folder, info.filename)
    fd, temp = tempfile.mkstemp(dir=folder, prefix=".labapp-", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return target
