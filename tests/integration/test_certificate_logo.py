"""The lab's optional logo: set in the lab settings, printed in the certificate's header (an image
XObject in the PDF), refused when it is not a PNG/JPEG image or too big, bounded by the database
too; on SQLite and PostgreSQL."""

from __future__ import annotations

import io
from dataclasses import replace

import pypdf
import pytest
from certificate_lab import CertLab, seed_certificate_lab
from PIL import Image
from sqlalchemy import update
from sqlalchemy.exc import IntegrityError

from labapp.domain.enums import PersonRole
from labapp.io.certificates import MAX_LOGO_BYTES, CertificateError
from labapp.persistence.models import LaboratoryRow
from labapp.services.certificates import issue_certificate
from labapp.services.database import Database
from labapp.services.laboratory import (
    LabSettings,
    LabSettingsInput,
    get_lab_settings,
    update_lab_settings,
)
from labapp.services.master_data import _lookups as people


@pytest.fixture
def lab(db: Database) -> CertLab:
    return seed_certificate_lab(db)


def _image(fmt: str, size: tuple[int, int] = (120, 60)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (0, 70, 140)).save(out, fmt)
    return out.getvalue()


def _admin(db: Database) -> str:
    return people.list_persons(db, PersonRole.ADMIN)[0].login


def _with_logo(current: LabSettings, logo: bytes | None) -> LabSettingsInput:
    return replace(current.as_input(), logo=logo)


def _images(pdf: bytes) -> list[tuple[int, int]]:
    """(width, height) of every image XObject on the PDF's pages."""
    found = []
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        xobjects = page["/Resources"].get("/XObject", {})
        for ref in xobjects.values():
            obj = ref.get_object()
            if obj["/Subtype"] == "/Image":
                found.append((int(obj["/Width"]), int(obj["/Height"])))
    return found


@pytest.mark.parametrize(("fmt", "media"), [("PNG", "image/png"), ("JPEG", "image/jpeg")])
def test_logo_is_stored_and_drawn_in_the_certificate_header(
    lab: CertLab, fmt: str, media: str
) -> None:
    before = issue_certificate(lab.db, lab.approver, event_id=lab.event_id, language="en").pdf
    assert _images(before) == []  # no logo set: no image in the PDF
    logo = _image(fmt, (120, 60))
    current = get_lab_settings(lab.db)
    saved = update_lab_settings(lab.db, _admin(lab.db), _with_logo(current, logo), current.version)
    assert saved.logo == logo and saved.logo_media_type == media
    assert get_lab_settings(lab.db).logo == logo
    pdf = issue_certificate(lab.db, lab.approver, event_id=lab.event_id, language="zh_CN").pdf
    assert _images(pdf) == [(120, 60)]  # drawn once, on the cover, at its own pixel size
    cleared = update_lab_settings(lab.db, _admin(lab.db), _with_logo(saved, None), saved.version)
    assert cleared.logo is None and cleared.logo_media_type is None
    again = issue_certificate(lab.db, lab.approver, event_id=lab.event_id, language="en").pdf
    assert _images(again) == []


def _hostile() -> list[tuple[bytes, str]]:
    png = _image("PNG")
    return [
        (b"%PDF-1.4 not an image", "logo"),
        (b"GIF89a" + png[6:], "logo"),  # another format
        (png[:40], "logo"),  # PNG magic, truncated
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 200, "logo"),  # PNG magic, garbage after it
        (png + b"\0" * (MAX_LOGO_BYTES + 1 - len(png)), "logo_size"),  # one byte too many
        (b"", "logo_size"),
    ]


def test_hostile_logo_is_refused_and_nothing_changes(lab: CertLab) -> None:
    current = get_lab_settings(lab.db)
    first = update_lab_settings(lab.db, _admin(lab.db), _with_logo(current, _image("PNG")),
                                current.version)  # fmt: skip
    for data, code in _hostile():
        with pytest.raises(CertificateError) as refused:
            update_lab_settings(lab.db, _admin(lab.db), _with_logo(first, data), first.version)
        assert refused.value.code == code and refused.value.message_zh
        assert get_lab_settings(lab.db) == first  # the logo and version as they were


def test_database_bounds_the_logo_column(lab: CertLab) -> None:
    png = _image("PNG")
    bad = (
        {"logo": png, "logo_media_type": "image/gif"},
        {"logo": png, "logo_media_type": None},
        {"logo": None, "logo_media_type": "image/png"},
        {"logo": png + b"\0" * MAX_LOGO_BYTES, "logo_media_type": "image/png"},
    )
    for values in bad:
        with pytest.raises(IntegrityError), lab.db.engine.begin() as conn:
            conn.execute(update(LaboratoryRow).values(**values))
    assert get_lab_settings(lab.db).logo is None
