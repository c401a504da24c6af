"""Calibration and verification providers: kind, accreditation (body, number, valid until) and
the scope lines (quantity, range, CMC).  An accredited laboratory needs its accreditation
number: a certificate from it is only traceable through that accreditation."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from labapp.domain.enums import ProviderKind
from labapp.domain.errors import NotFoundError, ValidationError
from labapp.persistence.models import ProviderRow, ProviderScopeRow
from labapp.services.database import Database
from labapp.services.master_data._common import (
    RecordKind,
    clean,
    create_record,
    ensure_unique,
    required,
    update_record,
)
from labapp.services.master_data._dto import ProviderInput, ProviderRecord, ScopeRecord

__all__ = ["create_provider", "list_providers", "update_provider"]


def _record(row: ProviderRow) -> ProviderRecord:
    scopes = tuple(
        ScopeRecord(s.id, s.quantity, s.range_text, s.cmc) for s in sorted(row.scopes, key=_id)
    )
    return ProviderRecord(
        row.id,
        row.version,
        row.name,
        row.kind,
        row.country,
        row.accreditation_body,
        row.accreditation_no,
        row.accreditation_valid_until,
        scopes,
    )


def _id(scope: ProviderScopeRow) -> int:
    return scope.id or 0


def list_providers(db: Database) -> list[ProviderRecord]:
    """Every provider with its scope, by name."""
    stmt = select(ProviderRow).options(selectinload(ProviderRow.scopes)).order_by(ProviderRow.name)
    with db.read() as session:
        return [_record(r) for r in session.scalars(stmt)]


def _apply(session: Session, row: ProviderRow, data: ProviderInput) -> None:
    name = required("name", data.name)
    ensure_unique(session, ProviderRow.name, name, row.id, "name")
    number = clean(data.accreditation_no)
    if data.kind is ProviderKind.ACCREDITED_LAB and number is None:
        raise ValidationError(
            "accreditation_no", "an accredited laboratory needs its number", code="required"
        )
    row.name, row.kind, row.country = name, data.kind, clean(data.country)
    row.accreditation_body, row.accreditation_no = clean(data.accreditation_body), number
    row.accreditation_valid_until = data.accreditation_valid_until
    _set_scopes(session, row, data)


_KIND = RecordKind(
    ProviderRow,
    "provider",
    _apply,
    lambda _session, row: _record(row),
    new_row=lambda: ProviderRow(scopes=[]),
)


def _set_scopes(session: Session, row: ProviderRow, data: ProviderInput) -> None:
    existing = {s.id: s for s in row.scopes}
    kept: list[ProviderScopeRow] = []
    for line in data.scopes:
        quantity = required("scopes", line.quantity)
        if line.id is None:
            scope = ProviderScopeRow()
        elif line.id in existing:
            scope = existing[line.id]
        else:
            raise NotFoundError("provider scope", line.id)
        scope.quantity, scope.range_text, scope.cmc = (
            quantity,
            clean(line.range_text),
            clean(line.cmc),
        )
        kept.append(scope)
    for gone in set(existing.values()) - set(kept):
        session.delete(gone)  # explicitly: an orphan removed at flush time is not audited
    row.scopes = kept


def create_provider(db: Database, user: str, data: ProviderInput) -> ProviderRecord:
    """Add a provider with its scope.

    Raises
    ------
    ValidationError
        No name or an accredited laboratory without its number (``required``), a name taken
        (``duplicate``).
    """
    return create_record(db, user, _KIND, data)


def update_provider(
    db: Database, user: str, provider_id: int, data: ProviderInput, expected_version: int
) -> ProviderRecord:
    """Change a provider read at ``expected_version``; its scope becomes ``data.scopes``."""
    return update_record(db, user, _KIND, provider_id, data, expected_version)
