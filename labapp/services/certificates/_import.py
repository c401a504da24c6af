"""A provider's DCC for one of the lab's standards, imported as a draft event of that standard.

The file is read and validated first (:func:`labapp.io.dcc.read_dcc`: the schema of the version
it declares, no DTD or entities, every unit mapped from D-SI); a refused file stops there, before
the database is touched.  Then, in one unit of work: the provider it names (found by name, or
recorded as an accredited laboratory of the DCC's country), the draft calibration of the standard
with the certificate number, the performance date, every point (reference, indication, U, k,
limits as the DCC states them, as left unless the DCC says as found) and the conditions, and the
file itself attached with its SHA-256.  A refusal of any part leaves nothing saved.  The draft is
checked and approved like any other record.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from labapp.domain.enums import EventKind, ProviderKind, Stage
from labapp.domain.errors import NotFoundError
from labapp.domain.point_values import PointValues
from labapp.domain.quantities import Measured
from labapp.io.dcc import IncomingCertificate, IncomingPoint, IncomingQuantity, read_dcc
from labapp.persistence.models import InstrumentRow, ProviderRow
from labapp.services.database import Database
from labapp.services.events import (
    EventDetail,
    EventInput,
    NewFile,
    commit_draft,
    stage_draft_with_files,
)

__all__ = ["ImportedDcc", "import_dcc"]

_TEMPERATURE_UNITS = ("°C", "K")
_HUMIDITY_UNITS = ("%RH", "%")


@dataclass(frozen=True)
class ImportedDcc:
    """The draft made from a DCC and what was read from it."""

    event: EventDetail
    certificate: IncomingCertificate
    provider_created: bool


def import_dcc(
    db: Database, user: str, asset_tag: str, data: bytes, filename: str,
    *, today: date | None = None,
) -> ImportedDcc:  # fmt: skip
    """Import the DCC ``data`` as a draft calibration of the standard ``asset_tag``.

    Raises
    ------
    DccError
        The file is refused (its first problem: not XML, DTD/entities, not a DCC, unsupported
        version, invalid against its schema, a unit without LabApp equivalent, no results).
    NotFoundError
        No instrument ``asset_tag``.
    ValidationError
        The draft's own refusals (the certificate number already recorded for this provider, the
        same file already attached, ...).
    """
    incoming = read_dcc(data)
    with db.unit_of_work(user, "DCC imported") as uow:
        session = uow.session
        instrument_id = _instrument_id(session, asset_tag)
        provider, created = _provider(session, incoming)
        event = EventInput(
            instrument_id=instrument_id, kind=EventKind.CALIBRATION,
            performed_on=incoming.end_performance, provider_id=provider.id,
            certificate_no=incoming.certificate_no,
            temperature=_condition(incoming.conditions, _TEMPERATURE_UNITS),
            humidity=_condition(incoming.conditions, _HUMIDITY_UNITS),
            points=tuple(_point(p) for p in incoming.points), remarks=_remarks(incoming),
        )  # fmt: skip
        row = stage_draft_with_files(uow, event, (NewFile(filename, data, "application/xml"),),
                                     today=today)  # fmt: skip
        return ImportedDcc(commit_draft(uow, row), incoming, created)


def _instrument_id(session: Session, asset_tag: str) -> int:
    stmt = select(InstrumentRow.id).where(InstrumentRow.asset_tag == asset_tag.strip())
    found = session.scalars(stmt).first()
    if found is None:
        raise NotFoundError("instruments", asset_tag)
    return int(found)


def _provider(session: Session, incoming: IncomingCertificate) -> tuple[ProviderRow, bool]:
    name = incoming.provider.strip()[:200]
    row = session.scalars(select(ProviderRow).where(ProviderRow.name == name)).first()
    if row is not None:
        return row, False
    row = ProviderRow(name=name, kind=ProviderKind.ACCREDITED_LAB, country=incoming.country,
                      scopes=[])  # fmt: skip
    session.add(row)
    session.flush()
    return row, True


def _condition(conditions: tuple[IncomingQuantity, ...], units: tuple[str, ...]) -> Measured | None:
    """The first ambient condition in one of ``units``, typed as the DCC gave it."""
    return next((c.value for c in conditions if c.value.unit in units), None)


def _point(p: IncomingPoint) -> PointValues:
    """A DCC point as the event stores it; U applies to the error (reference and indication)."""
    u = p.uncertainty
    return PointValues(
        p.reference, p.indication, p.nominal,
        None if u is None else u.expanded, None if u is None else u.coverage_factor,
        p.mpe, p.lower, p.upper, p.stage or Stage.AS_LEFT,
    )  # fmt: skip


def _remarks(incoming: IncomingCertificate) -> str:
    text = (
        f"Imported from the DCC {incoming.certificate_no} of {incoming.provider} "
        f"(DCC {incoming.schema_version}, SHA-256 {incoming.sha256}); "
        f"performed {incoming.begin_performance.isoformat()} to "
        f"{incoming.end_performance.isoformat()}"
    )
    due = incoming.recalibration_due
    return text + (f"; recalibration due {due.isoformat()}" if due else "")
