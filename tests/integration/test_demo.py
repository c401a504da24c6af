"""The demo generator as a service: validation, determinism, cancel, report against the rows."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from labapp.domain.errors import ValidationError
from labapp.services.database import Database, open_database
from labapp.services.demo import DemoOptions, seed_demo
from labapp.services.demo._seed import DemoCancelledError, DemoDatabaseNotEmptyError

OPTIONS = DemoOptions(instruments=40, years=2, seed=7, today=date(2026, 11, 23))


def fresh(tmp_path: Path, name: str) -> Database:
    return open_database(str(tmp_path / f"{name}.sqlite3"))


def fingerprint(db: Database) -> str:
    with db.read() as session:
        rows = session.execute(
            text(
                "SELECT e.id, e.performed_on, e.certificate_no, e.result, p.error_value "
                "FROM events e JOIN measurement_points p ON p.event_id = e.id ORDER BY p.id"
            )
        ).all()
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def test_same_seed_same_lab(tmp_path: Path) -> None:
    first, second, other = fresh(tmp_path, "a"), fresh(tmp_path, "b"), fresh(tmp_path, "c")
    try:
        seed_demo(first, OPTIONS)
        seed_demo(second, OPTIONS)
        seed_demo(other, DemoOptions(instruments=40, years=2, seed=8, today=OPTIONS.today))
        assert fingerprint(first) == fingerprint(second) != fingerprint(other)
    finally:
        for db in (first, second, other):
            db.dispose()


def test_report_matches_the_rows(tmp_path: Path) -> None:
    db = fresh(tmp_path, "r")
    try:
        report = seed_demo(db, OPTIONS)
        with db.read() as session:
            for table in ("instruments", "events", "measurement_points", "event_standards"):
                count = session.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
                assert report.counts[table] == count, table
        assert sum(report.tiers.values()) == 40
        assert report.failed >= 1 and report.overdue >= 1 and report.broken_links >= 1
        with pytest.raises(DemoDatabaseNotEmptyError):
            seed_demo(db, OPTIONS)
    finally:
        db.dispose()


def test_too_small_a_lab_is_refused(tmp_path: Path) -> None:
    db = fresh(tmp_path, "small")
    try:
        with pytest.raises(ValidationError):
            seed_demo(db, DemoOptions(instruments=5))
    finally:
        db.dispose()


def test_cancel_removes_what_was_written(tmp_path: Path) -> None:
    db = fresh(tmp_path, "cancel")
    try:
        with pytest.raises(DemoCancelledError):
            seed_demo(db, DemoOptions(instruments=60, years=2, chunk_rows=100), cancel=lambda: True)
        with db.read() as session:
            for table in ("instruments", "events", "persons", "person_roles", "providers"):
                assert session.execute(text(f"SELECT count(*) FROM {table}")).scalar_one() == 0
        seed_demo(db, OPTIONS)  # and the database can still be seeded afterwards
    finally:
        db.dispose()


@pytest.mark.postgres
def test_a_seeded_postgresql_lab_has_its_planner_statistics(pg_schema_url: str) -> None:
    """PostgreSQL plans from statistics a bulk load leaves empty: the seeder analyzes its tables
    (a fresh 100 000-item lab expected 34 due instruments instead of 8 405 and chose nested
    loops); only its own schema's."""
    from labapp.services.database import upgrade_database

    upgrade_database(pg_schema_url)
    db = open_database(pg_schema_url)
    try:
        seed_demo(db, DemoOptions(instruments=60, years=2, seed=3))
        with db.engine.connect() as conn:
            analyzed = conn.execute(text(
                "SELECT relname FROM pg_stat_user_tables WHERE schemaname = current_schema() "
                "AND last_analyze IS NOT NULL"
            )).scalars().all()  # fmt: skip
        assert {"instruments", "events", "measurement_points", "plan_items"} <= set(analyzed)
    finally:
        db.dispose()
