"""The lab's own certificate numbers, given at approval.

Every in-house calibration or verification (no provider, or the lab itself as provider) is
numbered when it is approved, in the approval's transaction: the next sequence number of the
approval's year (:func:`labapp.persistence.models_certificates.next_certificate_seq`) fills the
lab's pattern (:func:`labapp.services.laboratory.certificate_number`).  A number the events
already hold (typed on an older record, or an imported history) is skipped, never reused.  A
number typed on the draft is kept (it was checked unique when the draft was saved), and an
intermediate check gets none: it issues no certificate.  Signatures then cover the number.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from labapp.domain.enums import EventKind, ProviderKind
from labapp.persistence.models import EventRow, LaboratoryRow, ProviderRow
from labapp.persistence.models_certificates import next_certificate_seq
from labapp.services.laboratory import DEFAULT_PATTERN, certificate_number

__all__ = ["is_in_house", "number_certificate"]

_CERTIFIED = (EventKind.CALIBRATION, EventKind.VERIFICATION)


def is_in_house(session: Session, row: EventRow) -> bool:
    """True when the lab itself performed ``row`` (no provider, or an in-house one)."""
    if row.provider_id is None:
        return True
    provider = session.get(ProviderRow, row.provider_id)
    return provider is not None and provider.kind is ProviderKind.IN_HOUSE


def _in_house_ids(session: Session) -> list[int]:
    stmt = select(ProviderRow.id).where(ProviderRow.kind == ProviderKind.IN_HOUSE)
    return list(session.scalars(stmt))


def _taken(session: Session, number: str, in_house: list[int]) -> bool:
    stmt = select(EventRow.id).where(
        EventRow.certificate_no == number,
        or_(EventRow.provider_id.is_(None), EventRow.provider_id.in_(in_house)),
    )
    return session.scalars(stmt.limit(1)).first() is not None


def number_certificate(session: Session, row: EventRow, on: date) -> str | None:
    """Give ``row`` (being approved ``on``) the lab's next certificate number, if it gets one.

    Returns the number given, or ``None`` when the event keeps its own or issues none.
    """
    if row.kind not in _CERTIFIED or (row.certificate_no or "").strip():
        return None
    if not is_in_house(session, row):
        return None
    lab = session.scalars(select(LaboratoryRow).order_by(LaboratoryRow.id).limit(1)).first()
    if lab is None:
        return None  # a database without its laboratory (old tests, seeds): nothing to number by
    pattern = lab.certificate_pattern or DEFAULT_PATTERN
    in_house = _in_house_ids(session)
    while True:  # {seq} is in every pattern, so each turn gives a new number
        number = certificate_number(pattern, on, next_certificate_seq(session, lab.id, on.year))
        if not _taken(session, number, in_house):
            row.certificate_no = number
            return number
