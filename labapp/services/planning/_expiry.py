"""Expiry of the lab's own certificates, each kind with its own lead time.

Certificates of examination of the lab's measurement standards (计量标准考核证书), its
accreditation and its staff's qualifications (检定员证) are listed from their lead time before
expiry on (expired ones too), for the dashboard's card and its list.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from labapp.persistence.models import (
    LaboratoryRow,
    PersonRow,
    QualificationRow,
    StandardCertificateRow,
)
from labapp.services.database import Database
from labapp.services.planning._dto import CertificateKind, ExpiringCertificate

__all__ = ["DEFAULT_LEAD_DAYS", "expiring_certificates"]

#: Lead time of each kind of the lab's own certificates (days before expiry to warn).
DEFAULT_LEAD_DAYS: Mapping[CertificateKind, int] = {
    CertificateKind.STANDARD_CERTIFICATE: 180,  # renewal is applied for 6 months ahead
    CertificateKind.ACCREDITATION: 180,
    CertificateKind.QUALIFICATION: 90,
}


def expiring_certificates(
    db: Database, today: date, lead_days: Mapping[CertificateKind, int] | None = None
) -> list[ExpiringCertificate]:
    """Standard certificates, accreditations and staff qualifications expiring within their lead.

    ``lead_days`` gives each kind its own lead time (default :data:`DEFAULT_LEAD_DAYS`); expired
    ones are listed too (negative ``days_left``).  Ordered by expiry date.
    """
    leads = {**DEFAULT_LEAD_DAYS, **(lead_days or {})}

    def until(kind: CertificateKind) -> date:
        return today + timedelta(days=leads[kind])

    std = select(
        StandardCertificateRow.number,
        StandardCertificateRow.standard_name,
        StandardCertificateRow.valid_until,
    ).where(StandardCertificateRow.valid_until <= until(CertificateKind.STANDARD_CERTIFICATE))
    lab = select(
        LaboratoryRow.accreditation_no, LaboratoryRow.name, LaboratoryRow.accreditation_valid_until
    ).where(LaboratoryRow.accreditation_valid_until <= until(CertificateKind.ACCREDITATION))
    qual = (
        select(QualificationRow.number, PersonRow.name, QualificationRow.valid_until)
        .join(PersonRow, PersonRow.id == QualificationRow.person_id)
        .where(
            QualificationRow.valid_until <= until(CertificateKind.QUALIFICATION),
            PersonRow.active.is_(True),
        )
    )
    found: list[ExpiringCertificate] = []
    with db.engine.connect() as conn:
        for kind, stmt in (
            (CertificateKind.STANDARD_CERTIFICATE, std),
            (CertificateKind.ACCREDITATION, lab),
            (CertificateKind.QUALIFICATION, qual),
        ):
            found_rows: list[Any] = list(conn.execute(stmt).all())
            for number, name, valid in found_rows:
                if valid is not None:  # the WHERE clause already leaves out NULLs
                    days = (valid - today).days
                    lead = leads[kind]
                    found.append(ExpiringCertificate(kind, number or "", name, valid, days, lead))
    return sorted(found, key=lambda c: (c.valid_until, c.kind, c.number))
