"""Issuing a certificate: the PDF, and the DCC attached to the record with its SHA-256.

A PDF alone only reads the database.  With the DCC, the XML is written, validated against the
shipped DCC 3.1.2 schema and attached to the event in one unit of work: if any step is refused
nothing is attached.  Issuing the same certificate again gives the same bytes (the issue date is
the day of approval), so the attachment already there is reused, not duplicated.
"""

from __future__ import annotations

from dataclasses import dataclass

from labapp.domain.errors import ValidationError
from labapp.io.certificates import CertificateDocument, CertificateKind
from labapp.io.dcc import write_dcc
from labapp.io.pdf import write_certificate_pdf
from labapp.persistence.models import AttachmentRow
from labapp.services.attachments import AttachmentInfo, attachment_info, stage_attachment
from labapp.services.certificates._build import build_document, find_event_id
from labapp.services.database import Database

__all__ = ["LANGUAGES", "IssuedCertificate", "certificate_document", "issue_certificate"]

#: The languages a certificate is printed in.
LANGUAGES = ("en", "zh_CN", "bilingual")
DCC_MEDIA_TYPE = "application/xml"


@dataclass(frozen=True)
class IssuedCertificate:
    """A certificate as issued: its PDF, and its DCC with the attachment that keeps it."""

    event_id: int
    number: str
    kind: CertificateKind
    language: str
    pdf: bytes
    dcc: bytes | None = None
    dcc_attachment: AttachmentInfo | None = None


def certificate_document(
    db: Database, *, event_id: int | None = None, certificate_no: str | None = None,
    language: str = "bilingual",
) -> CertificateDocument:  # fmt: skip
    """The certificate of an approved in-house event (by id or by its certificate number).

    Raises
    ------
    CertificateError
        ``unknown_certificate``, ``not_approved``, ``external``, ``kind_result``, ``language``.
    NotFoundError
        No event ``event_id``.
    """
    with db.read() as session:
        found = event_id if event_id is not None else find_event_id(session, certificate_no or "")
        return build_document(session, found, language)


def issue_certificate(
    db: Database, user: str, *, event_id: int | None = None, certificate_no: str | None = None,
    language: str = "bilingual", dcc: bool = False,
) -> IssuedCertificate:  # fmt: skip
    """The certificate's PDF in ``language``; with ``dcc`` also its DCC, attached to the event.

    Raises
    ------
    CertificateError
        As :func:`certificate_document`.
    DccError
        The DCC does not validate (``invalid``) or a unit has no D-SI form (``unit_out``).
    """
    if not dcc:
        doc = certificate_document(
            db, event_id=event_id, certificate_no=certificate_no, language=language
        )
        found = event_id if event_id is not None else _event_of(db, doc.number)
        return IssuedCertificate(found, doc.number, doc.kind, language, write_certificate_pdf(doc))
    with db.unit_of_work(user, "certificate issued") as uow:
        session = uow.session
        found = event_id if event_id is not None else find_event_id(session, certificate_no or "")
        doc = build_document(session, found, language)
        pdf, xml = write_certificate_pdf(doc), write_dcc(doc)
        attached = _attach(session, found, f"{_file_stem(doc.number)}.dcc.xml", xml)
        uow.commit()
        return IssuedCertificate(found, doc.number, doc.kind, language, pdf, xml, attached)


def _event_of(db: Database, number: str) -> int:
    with db.read() as session:
        return find_event_id(session, number)


def _file_stem(number: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in number)


def _attach(session: object, event_id: int, filename: str, content: bytes) -> AttachmentInfo:
    try:
        row = stage_attachment(
            session, event_id=event_id, filename=filename,  # type: ignore[arg-type]
            content=content, media_type=DCC_MEDIA_TYPE,
        )  # fmt: skip
    except ValidationError as exc:
        if exc.code != "duplicate":
            raise
        row = session.get(AttachmentRow, exc.params["attachment_id"])  # type: ignore[attr-defined]
    return attachment_info(row)
