"""The audit report prints exactly what the Audit page's filters select: the item (its entries
and its events'), the person and the kind of record, and its cover names every filter.

Expected entries come from the test's own query of ``audit_log``; the page's query
(``list_audit``) and the report (``audit_trail``) must both match it.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import openpyxl
import pypdf
import pytest
from sqlalchemy import select
from test_events_service import TODAY, Lab

from labapp.persistence.models import AuditLogRow, EventRow
from labapp.services.accounts import authenticate
from labapp.services.audit import audit_trail, list_audit
from labapp.services.database import Database
from labapp.services.demo import DemoOptions, seed_demo
from labapp.services.exports import export_audit_pdf, export_audit_xlsx


@pytest.fixture
def lab(db: Database) -> Lab:
    seed_demo(db, DemoOptions(instruments=30, years=1, today=TODAY))
    lab = Lab(db)
    authenticate(db, lab.metrologist, "demo")
    lab.approved()  # the item gets events with entries of more than one person
    return lab


def _item_rows(db: Database, instrument_id: int) -> list[tuple[int, str, str]]:
    """(seq, user, table) of the item's entries and its events', oldest first."""
    with db.read() as session:
        events = {
            str(i)
            for i in session.scalars(
                select(EventRow.id).where(EventRow.instrument_id == instrument_id)
            )
        }
        rows = session.scalars(select(AuditLogRow).order_by(AuditLogRow.seq)).all()
        return [
            (r.seq, r.user_name, r.entity)
            for r in rows
            if (r.entity, r.entity_id) == ("instruments", str(instrument_id))
            or (r.entity == "events" and r.entity_id in events)
        ]


def _choice(rows: list[tuple[int, str, str]]) -> tuple[str, str]:
    """A (person, record kind) that selects some but not all of the item's entries."""
    pairs = sorted({(u, e) for _, u, e in rows})
    assert len(pairs) > 1, pairs
    return pairs[0]


def test_person_and_record_narrow_the_report_as_they_narrow_the_page(lab: Lab) -> None:
    rows = _item_rows(lab.db, lab.uut.id)
    user, entity = _choice(rows)
    expected = [seq for seq, u, e in rows if (u, e) == (user, entity)]
    assert 0 < len(expected) < len(rows)
    trail = audit_trail(lab.db, item_tag=lab.uut.asset_tag, user=user, entity=entity)
    assert [line.entry.id for line in trail.lines] == expected
    page = list_audit(lab.db, entity=entity, user=user, item_id=lab.uut.id, limit=10_000)
    assert sorted(e.id for e in page) == expected
    by_user = audit_trail(lab.db, item_tag=lab.uut.asset_tag, user=user)
    assert [line.entry.id for line in by_user.lines] == [seq for seq, u, _ in rows if u == user]


def _pdf_text(path: Path) -> str:
    pages = pypdf.PdfReader(io.BytesIO(path.read_bytes())).pages
    return re.sub(r"\s+", "", "".join(p.extract_text() for p in pages))


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ("item=", "person=", "record=Calibrationevent")),
        ("zh_CN", ("器具=", "操作人=", "记录类别=检定/校准记录")),
    ],
)
def test_the_cover_names_every_filter(
    lab: Lab, tmp_path: Path, language: str, words: tuple[str, str, str]
) -> None:
    rows = _item_rows(lab.db, lab.uut.id)
    user = next(u for _, u, e in rows if e == "events")
    trail = audit_trail(lab.db, item_tag=lab.uut.asset_tag, user=user, entity="events")
    pdf = export_audit_pdf(tmp_path / "a.pdf", trail, "qm", language, lab.db)  # type: ignore[arg-type]
    assert pdf is not None
    text = _pdf_text(pdf)
    item, person, record = words
    assert f"{item}{lab.uut.asset_tag}" in text and f"{person}{user}" in text and record in text
    export_audit_xlsx(tmp_path / "a.xlsx", trail, "qm", language, lab.db)  # type: ignore[arg-type]
    cover = " ".join(
        str(c) for r in openpyxl.load_workbook(tmp_path / "a.xlsx").worksheets[0].values
        for c in r if c
    )  # fmt: skip
    assert record in re.sub(r"\s+", "", cover) and f"{person}{user}" in re.sub(r"\s+", "", cover)
