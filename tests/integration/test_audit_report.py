"""The audit trail report (issue 16 B2): an item's or a period's entries as xlsx and PDF.

Expected lines are read from ``audit_log`` by the test itself (its own query and JSON reading);
the PDFs are read back with pypdf (text, page x of y, fonts embedded, no text under 8 pt).
"""

from __future__ import annotations

import io
import json
import re
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pypdf
import pytest
from sqlalchemy import select, text
from test_events_service import TODAY, Lab

from labapp.domain.errors import NotFoundError, ValidationError
from labapp.io.pdf import MIN_FONT_SIZE
from labapp.persistence import integrity_ddl
from labapp.persistence.models import AuditLogRow, EventRow, InstrumentRow, PersonRow
from labapp.services.accounts import authenticate
from labapp.services.audit import EntryIntegrity, audit_trail
from labapp.services.database import Database
from labapp.services.demo import DemoOptions, seed_demo
from labapp.services.exports import export_audit_pdf, export_audit_xlsx


@pytest.fixture
def lab(db: Database) -> Lab:
    seed_demo(db, DemoOptions(instruments=30, years=1, today=TODAY))
    lab = Lab(db)
    authenticate(db, lab.metrologist, "demo")
    return lab


def _expected(db: Database, instrument_id: int) -> list[Any]:
    """The item's entries and its events', oldest first, straight from the table."""
    with db.read() as session:
        events = {
            str(i)
            for i in session.scalars(
                select(EventRow.id).where(EventRow.instrument_id == instrument_id)
            )
        }
        rows = session.scalars(select(AuditLogRow).order_by(AuditLogRow.seq)).all()
        names = dict(session.execute(select(PersonRow.login, PersonRow.name)).all())
        mine = [
            r
            for r in rows
            if (r.entity, r.entity_id) == ("instruments", str(instrument_id))
            or (r.entity == "events" and r.entity_id in events)
        ]
        return [
            (
                r.seq,
                r.user_name,
                names.get(r.user_name, ""),
                json.loads(r.changes or "{}"),
                r.reason or "",
            )
            for r in mine
        ]


def test_an_items_trail_lists_its_entries_and_its_events_all_verified(lab: Lab) -> None:
    event_id = lab.approved()
    trail = audit_trail(lab.db, item_tag=lab.uut.asset_tag.lower())  # the tag in any case
    expected = _expected(lab.db, lab.uut.id)
    assert [line.entry.user for line in trail.lines] == [login for _, login, *_ in expected]
    assert trail.chain_ok and trail.problems == 0
    assert {line.integrity for line in trail.lines} == {EntryIntegrity.VERIFIED}
    assert any(line.record == f"events {event_id} ({lab.uut.asset_tag})" for line in trail.lines)
    for line, (_, _, name, changes, reason) in zip(trail.lines, expected, strict=True):
        assert line.person == name and (line.entry.reason or "") == reason
        assert {c.field: [c.old, c.new] for c in line.entry.changes} == changes


def test_the_trail_as_a_workbook(lab: Lab, tmp_path: Path) -> None:
    lab.approved()
    trail = audit_trail(lab.db, item_tag=lab.uut.asset_tag)
    path = tmp_path / "audit.xlsx"
    export_audit_xlsx(path, trail, "qm", "en", lab.db)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Cover", "Audit trail", "Integrity problems"]
    rows = list(book["Audit trail"].iter_rows(values_only=True))
    assert rows[0][1] == "Who (name, login)" and rows[0][6] == "Chain and seals"
    expected = _expected(lab.db, lab.uut.id)
    assert len(rows) - 1 == len(expected)
    for row, (_, login, name, changes, reason) in zip(rows[1:], expected, strict=True):
        assert row[1] == (f"{name} ({login})" if name else login)
        for field, (old, new) in changes.items():
            assert f"{field}: {old or '∅'} → {new or '∅'}" in (row[4] or "")
        assert (row[5] or "") == reason and row[6] == "Verified"
    cover = {r[0]: r[1] for r in book["Cover"].iter_rows(values_only=True) if r[0]}
    assert cover["Entries"] == str(len(expected)) and cover["Integrity"].startswith("intact")
    assert f"item = {lab.uut.asset_tag}" in cover["Filter"]


def _pdf_text(path: Path) -> tuple[list[str], list[pypdf.PageObject]]:
    pages = list(pypdf.PdfReader(io.BytesIO(path.read_bytes())).pages)
    return [re.sub(r"\s+", "", p.extract_text()) for p in pages], pages


def _assert_fonts_and_sizes(pages: list[pypdf.PageObject]) -> None:
    for page in pages:
        fonts = page["/Resources"]["/Font"]
        embedded = [
            f
            for f in fonts.values()
            if "/FontFile2" in f.get_object()["/FontDescriptor"].get_object()
        ]
        assert len(embedded) == len(fonts) > 0
        data = page.get_contents().get_data()
        sizes = [float(s) for s in re.findall(rb"/F\d+(?:\+\d+)? ([\d.]+) Tf", data)]
        assert sizes and min(sizes) >= MIN_FONT_SIZE


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ("Audittrailof", "Changedfields(old→new)", "Verified", "intact", "Page1of")),
        ("zh_CN", ("审计追踪记录", "变更字段（原值→新值）", "验证通过", "完好", "第1页共")),
    ],
)
def test_the_trail_as_a_pdf(lab: Lab, tmp_path: Path, language: str, words: tuple[str]) -> None:
    lab.approved()
    trail = audit_trail(lab.db, item_tag=lab.uut.asset_tag)
    path = export_audit_pdf(tmp_path / "audit.pdf", trail, "qm", language, lab.db)  # type: ignore[arg-type]
    texts, pages = _pdf_text(path)
    joined = "".join(texts)
    assert [w for w in words if w not in joined] == []
    assert all(f"{len(pages)}" in t for t in texts)
    for _, login, *_ in _expected(lab.db, lab.uut.id):
        assert login in joined
    _assert_fonts_and_sizes(pages)


def test_a_record_changed_after_approval_shows_as_broken(lab: Lab, tmp_path: Path) -> None:
    event_id = lab.approved()
    with lab.db.engine.begin() as conn:
        integrity_ddl.remove(conn)
        conn.execute(text("UPDATE events SET remarks = 'edited' WHERE id = :e"), {"e": event_id})
        integrity_ddl.install(conn)
    trail = audit_trail(lab.db, item_tag=lab.uut.asset_tag)
    assert not trail.chain_ok and trail.problems >= 1
    broken = [line for line in trail.lines if line.integrity is EntryIntegrity.BROKEN]
    assert broken and {line.record for line in broken} == {
        f"events {event_id} ({lab.uut.asset_tag})"
    }
    assert all("changed after it was" in line.problem for line in broken)
    export_audit_xlsx(tmp_path / "b.xlsx", trail, "qm", "zh_CN", lab.db)
    problems = list(openpyxl.load_workbook(tmp_path / "b.xlsx")["完整性问题"].values)
    assert ("signature", "events", str(event_id)) in {r[:3] for r in problems[1:]}


def test_a_period_is_local_days_both_ends_included_and_checked_for_order(lab: Lab) -> None:
    today = datetime.now().astimezone().date()
    start = datetime.combine(today, time.min).astimezone()
    with lab.db.read() as session:
        expected = session.scalars(
            select(AuditLogRow.seq)
            .where(
                AuditLogRow.at >= start,
                AuditLogRow.at < start + timedelta(days=1),
            )
            .order_by(AuditLogRow.seq)
        ).all()
    trail = audit_trail(lab.db, date_from=today, date_to=today)
    assert [line.entry.id for line in trail.lines] and len(trail.lines) == len(expected)
    assert audit_trail(lab.db, date_to=today - timedelta(days=1)).lines == ()
    with pytest.raises(ValidationError) as caught:
        audit_trail(lab.db, date_from=date(2025, 2, 1), date_to=date(2025, 1, 31))
    assert caught.value.code == "date_order"
    with pytest.raises(NotFoundError):
        audit_trail(lab.db, item_tag="NO-SUCH-TAG")


def test_an_entry_no_seal_covers_is_not_shown_as_verified(lab: Lab) -> None:
    """An entry written without a login (no author's key) is followed by another author's: the
    check reports the run once; the report marks the entry itself."""
    with lab.db.unit_of_work("script", "bulk fix") as uow:
        uow.session.get(InstrumentRow, lab.uut.id).notes = "bulk fix"
        uow.commit()
    lab.approved()  # another author writes after it
    trail = audit_trail(lab.db, item_tag=lab.uut.asset_tag)
    by_script = [line for line in trail.lines if line.entry.user == "script"]
    assert len(by_script) == 1 and by_script[0].integrity is EntryIntegrity.BROKEN
    assert "without a login" in by_script[0].problem
    others = [line for line in trail.lines if line.entry.user != "script"]
    assert others and {line.integrity for line in others} == {EntryIntegrity.VERIFIED}


def test_a_trail_longer_than_one_report_says_so(
    lab: Lab, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from labapp.services.audit import _report

    with lab.db.read() as session:
        total = len(session.scalars(select(AuditLogRow.seq)).all())
    monkeypatch.setattr(_report, "MAX_ENTRIES", total - 1)
    trail = audit_trail(lab.db)
    assert trail.more and len(trail.lines) == total - 1
    export_audit_xlsx(tmp_path / "m.xlsx", trail, "qm", "en", lab.db)
    cover = {
        r[0]: r[1] for r in openpyxl.load_workbook(tmp_path / "m.xlsx")["Cover"].values if r[0]
    }
    assert cover["Entries"].startswith(f"{total - 1} (the oldest {total - 1} only")
    monkeypatch.setattr(_report, "MAX_ENTRIES", total)
    assert not audit_trail(lab.db).more
