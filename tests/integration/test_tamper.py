"""Tampering outside LabApp is refused by the triggers and, with them dropped, caught by the seals.

Each test edits the database as someone holding the file (or the PostgreSQL owner) would: through
raw SQL, with the integrity triggers dropped, even recomputing the plain hashes of the audit
chain; ``audit verify`` (the service, and ``labapp-cli audit verify`` once as a subprocess) names
each broken record and exits 1.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

import pytest
from sqlalchemy import text
from test_events_service import TODAY, Lab

from labapp.domain.integrity import chain_hash
from labapp.persistence import integrity_ddl
from labapp.persistence.audit import audit_fields
from labapp.persistence.models import AuditLogRow
from labapp.services.accounts import authenticate, verify_integrity
from labapp.services.database import Database
from labapp.services.demo import DemoOptions, seed_demo


@pytest.fixture
def lab(db: Database) -> Lab:
    seed_demo(db, DemoOptions(instruments=40, years=2, today=TODAY))
    lab = Lab(db)
    authenticate(db, lab.metrologist, "demo")
    return lab


def _sql(db: Database, statement: str, **params: Any) -> Any:
    with db.engine.begin() as conn:
        return conn.execute(text(statement), params)


def _unguarded(db: Database, statement: str, **params: Any) -> None:
    """Run ``statement`` with the integrity triggers dropped (and put them back)."""
    with db.engine.begin() as conn:
        integrity_ddl.remove(conn)
        conn.execute(text(statement), params)
        integrity_ddl.install(conn)


def test_the_triggers_refuse_changing_sealed_rows(lab: Lab) -> None:
    event_id = lab.approved()
    for statement in (
        "UPDATE events SET remarks = 'edited' WHERE id = :e",
        "DELETE FROM events WHERE id = :e",
        "UPDATE measurement_points SET indication_value = '9.99' WHERE event_id = :e",
        "DELETE FROM event_standards WHERE event_id = :e",
        "UPDATE audit_log SET reason = 'edited' WHERE id = (SELECT max(id) FROM audit_log)",
        "DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)",
        "UPDATE signatures SET signature = 'x' WHERE event_id = :e",
    ):
        with pytest.raises(Exception, match="labapp: sealed"):
            _sql(lab.db, statement, e=event_id)
    assert verify_integrity(lab.db).ok


def test_an_edited_point_of_a_sealed_record_is_caught(lab: Lab) -> None:
    event_id = lab.approved()
    _unguarded(lab.db, "UPDATE measurement_points SET indication_value = '10.001' "
               "WHERE event_id = :e AND seq = 1", e=event_id)  # fmt: skip
    problems = verify_integrity(lab.db).problems
    assert {(p.entity, p.key) for p in problems} == {("events", str(event_id))}
    assert all("changed after it was" in p.detail for p in problems)


def test_an_audit_row_edited_with_its_plain_hashes_recomputed_is_caught(lab: Lab) -> None:
    lab.approved()
    with lab.db.engine.begin() as conn:
        integrity_ddl.remove(conn)
        rows = conn.execute(
            text("SELECT * FROM audit_log ORDER BY seq")
        ).mappings().all()  # fmt: skip
        victim = next(r for r in rows if r["action"] == "approve")
        changes = json.dumps({"status": ["checked", "approved"]}, sort_keys=True)
        conn.execute(text("UPDATE audit_log SET user_name = 'wangjg', changes = :c "
                          "WHERE id = :i"), {"c": changes, "i": victim["id"]})  # fmt: skip
        _rechain(conn)  # a forger recomputes every SHA-256 after the edit
        integrity_ddl.install(conn)
    problems = verify_integrity(lab.db).problems
    assert problems and all(p.entity == "audit_log" for p in problems)
    assert any("seal" in p.kind for p in problems)


def _rechain(conn: Any) -> None:
    prev = ""
    for row in conn.execute(AuditLogRow.__table__.select().order_by(AuditLogRow.seq)):
        if row.entry_hash is None:
            continue
        digest = chain_hash(prev, audit_fields(row))
        conn.execute(text("UPDATE audit_log SET prev_hash = :p, entry_hash = :h WHERE id = :i"),
                     {"p": prev, "h": digest, "i": row.id})  # fmt: skip
        prev = digest
    conn.execute(text("UPDATE audit_head SET hash = :h"), {"h": prev})


def test_a_removed_audit_row_and_a_forged_signature_are_caught(lab: Lab) -> None:
    event_id = lab.approved()
    _unguarded(lab.db, "DELETE FROM audit_log WHERE seq = (SELECT max(seq) - 3 FROM audit_log)")
    _unguarded(lab.db, "UPDATE signatures SET signature = (SELECT signature FROM signatures "
               "WHERE event_id <> :e LIMIT 1) WHERE event_id = :e AND meaning = 'approve'",
               e=event_id)  # fmt: skip
    problems = verify_integrity(lab.db).problems
    kinds = {(p.entity, p.kind) for p in problems}
    assert ("audit_log", "chain") in kinds
    assert any(p.entity == "events" and p.key == str(event_id) for p in problems)


def test_cli_audit_verify_exits_1_listing_each_broken_record(lab: Lab, empty_url: str) -> None:
    def verify(lang: str = "en") -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "labapp.cli.main", "audit", "verify", "--database",
             empty_url, "--lang", lang],
            capture_output=True, text=True, timeout=300, check=False, env=dict(os.environ),
        )  # fmt: skip

    event_id = lab.approved()
    intact = verify()
    assert intact.returncode == 0 and "intact" in intact.stdout, intact.stderr
    _unguarded(lab.db, "UPDATE events SET remarks = 'not what was approved' WHERE id = :e",
               e=event_id)  # fmt: skip
    broken = verify("zh_CN")
    assert broken.returncode == 1 and "已损坏" in broken.stdout
    assert f"events {event_id}" in broken.stdout and "Traceback" not in broken.stderr
