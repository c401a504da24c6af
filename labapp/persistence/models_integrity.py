"""Uniqueness the database enforces so that two racing users cannot both win (migration 0008).

* At most one *open* (draft or checked) correction of an event: two users correcting the same
  approved event at the same moment cannot both open one (the check in the service cannot see the
  other's uncommitted row; the index can).
* A certificate number is recorded once per provider, the laboratory itself included: the plain
  unique constraint on ``(provider_id, certificate_no)`` lets any number of rows share a number
  when ``provider_id`` is NULL (NULLs are distinct), so the index is on
  ``(COALESCE(provider_id, 0), certificate_no)``.

Both are partial indexes (``WHERE``), which SQLite and PostgreSQL both support.  Their names are
mapped to typed refusals by :data:`labapp.persistence.uow.KNOWN_CONSTRAINTS`.
"""

from __future__ import annotations

from sqlalchemy import Index, func, text

from labapp.persistence.models import EventRow

__all__ = ["CERTIFICATE_INDEX", "OPEN_CORRECTION_INDEX"]

OPEN_CORRECTION_INDEX = "uq_events_open_correction"
CERTIFICATE_INDEX = "uq_events_lab_certificate_no"

_events = EventRow.__table__
_OPEN = "supersedes_id IS NOT NULL AND status IN ('draft', 'checked')"
_NUMBERED = "certificate_no IS NOT NULL"

Index(
    OPEN_CORRECTION_INDEX,
    _events.c.supersedes_id,
    unique=True,
    sqlite_where=text(_OPEN),
    postgresql_where=text(_OPEN),
)
Index(
    CERTIFICATE_INDEX,
    func.coalesce(_events.c.provider_id, 0),
    _events.c.certificate_no,
    unique=True,
    sqlite_where=text(_NUMBERED),
    postgresql_where=text(_NUMBERED),
)
