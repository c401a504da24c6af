"""Entries removed from the audit log (rows deleted straight in the database, as the tamper
tests do): verify_integrity names each missing entry (typed seqs, not only a range in its
text), and the audit report lists each as a line of its own marked BROKEN, in xlsx and PDF.
"""

from __future__ import annotations

import io
import re
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pypdf
import pytest
from sqlalchemy import select, text
from test_events_service import TODAY, Lab

from labapp.persistence import integrity_ddl
from labapp.persistence.models import AuditLogRow
from labapp.services.accounts import authenticate, verify_integrity
from labapp.services.audit import EntryIntegrity, audit_trail
from labapp.services.database import Database
from labapp.services.demo import DemoOptions, seed_demo
from labapp.services.exports import export_audit_pdf, export_audit_xlsx


@pytest.fixture
def lab(db: Database) -> Lab:
    seed_demo(db, DemoOptions(instruments=30, years=1, today=TODAY))
    lab = Lab(db)
    authenticate(db, lab.metrologist, "demo")
    lab.approved()  # more entries written today, by more than one author
    return lab


def _delete(db: Database, seqs: list[int]) -> None:
    """Delete audit rows with the integrity triggers dropped (and put them back)."""
    with db.engine.begin() as conn:
        integrity_ddl.remove(conn)
        for seq in seqs:
            conn.execute(text("DELETE FROM audit_log WHERE seq = :s"), {"s": seq})
        integrity_ddl.install(conn)


def _seqs(db: Database) -> list[int]:
    with db.read() as session:
        return list(session.scalars(select(AuditLogRow.seq).order_by(AuditLogRow.seq)))


def _today() -> Any:
    return datetime.now().astimezone().date()


@pytest.mark.parametrize("where", ["middle", "end"])
def test_each_removed_entry_is_named_and_listed_broken(
    lab: Lab, tmp_path: Path, where: str
) -> None:
    seqs = _seqs(lab.db)
    gone = seqs[-6:-3] if where == "middle" else seqs[-2:]
    _delete(lab.db, gone)
    named = {s for p in verify_integrity(lab.db).problems for s in p.entries}
    assert set(gone) <= named
    assert all(isinstance(s, int) for s in named)
    # the days up to now: a gap in the middle lies between two listed entries; the end is
    # listed only when the trail runs to the present (no end day)
    end = _today() if where == "middle" else None
    trail = audit_trail(lab.db, date_from=_today(), date_to=end)
    missing = [line for line in trail.lines if line.entry is None]
    assert [line.seq for line in missing] == gone
    assert {line.integrity for line in missing} == {EntryIntegrity.BROKEN}
    assert [line.seq for line in trail.lines] == sorted(line.seq for line in trail.lines)
    assert trail.missing == len(gone)

    export_audit_xlsx(tmp_path / "t.xlsx", trail, "qm", "en", lab.db)
    rows = list(openpyxl.load_workbook(tmp_path / "t.xlsx")["Audit trail"].values)[1:]
    marked = {r[3]: r[6] for r in rows if r[2] == "(entry missing: removed)"}
    assert sorted(marked) == sorted(f"audit_log {s}" for s in gone)
    assert all(v.startswith("BROKEN") for v in marked.values())

    pdf = export_audit_pdf(tmp_path / "t.pdf", trail, "qm", "zh_CN", lab.db)
    assert pdf is not None
    pages = pypdf.PdfReader(io.BytesIO(pdf.read_bytes())).pages
    flat = re.sub(r"\s+", "", "".join(p.extract_text() for p in pages))
    for seq in gone:
        assert re.search(rf"audit_log{seq}验证失败", flat), seq
    assert f"另有{len(gone)}条缺失" in flat


def test_a_trail_narrowed_to_an_item_lists_no_missing_line(lab: Lab) -> None:
    """Whose a removed entry was cannot be told: an item's trail lists only its own entries
    (the cover still says the chain is not intact)."""
    seqs = _seqs(lab.db)
    _delete(lab.db, seqs[-6:-3])
    trail = audit_trail(lab.db, item_tag=lab.uut.asset_tag)
    assert trail.missing == 0 and not trail.chain_ok
