"""What the database enforces against races, and how a refusal reaches the caller (issue 12).

Certificate numbers once per provider including the lab itself, one open correction per event
(migration 0008, which refuses data already breaking them), the original's version bumped by a
correction, a stale row found by an autoflush worded as a conflict naming who and when, a draft and
its files saved together, and the demo's completion marker.
"""

from __future__ import annotations

import threading
from datetime import date, datetime

import pytest
from sqlalchemy import Engine, func, select, text

from labapp.cli.messages import Messages
from labapp.domain.enums import EventKind, EventResult, EventStatus, InstrumentStatus, PersonRole
from labapp.domain.errors import (
    ConcurrentModificationError,
    DatabaseBusyError,
    MigrationFailedError,
    ValidationError,
)
from labapp.persistence import integrity_ddl, migrations
from labapp.persistence.models import (
    AttachmentRow,
    AuditLogRow,
    EventRow,
    MetaRow,
)
from labapp.services.database import Database, upgrade_database
from labapp.services.demo import _seed as demo
from labapp.services.demo._state import DemoIncompleteError
from labapp.services.events import EventInput, NewFile, save_draft_with_files
from labapp.services.events import _draft as ev
from labapp.services.master_data import _lookups as people
from labapp.services.register import RegisterFilter, query_register

TODAY = date(2025, 6, 1)


@pytest.fixture
def lab(db: Database) -> tuple[Database, str, int]:
    """A 30-item demo lab: (db, a metrologist's login, an instrument in service)."""
    demo.seed_demo(db, demo.DemoOptions(instruments=30, years=1, seed=9, today=TODAY))
    login = people.list_persons(db, PersonRole.METROLOGIST)[0].login
    items = query_register(db, RegisterFilter(), today=TODAY)
    return db, login, next(i.id for i in items if i.status is InstrumentStatus.IN_SERVICE)


def _input(instrument_id: int, certificate: str | None = None) -> EventInput:
    return EventInput(
        instrument_id=instrument_id, kind=EventKind.VERIFICATION, performed_on=TODAY,
        result=EventResult.PASS, certificate_no=certificate,
    )  # fmt: skip


def _row(instrument_id: int, **kw: object) -> EventRow:
    return EventRow(instrument_id=instrument_id, kind=EventKind.VERIFICATION, performed_on=TODAY,
                    **kw)  # fmt: skip


def test_the_labs_own_certificate_numbers_are_unique_in_the_database(
    lab: tuple[Database, str, int],
) -> None:
    """Two rows with no provider and one number: the second is refused by the index, typed."""
    db, _login, instrument = lab
    with db.unit_of_work("racer") as uow:
        uow.session.add(_row(instrument, certificate_no="LAB-7"))
        uow.commit()
    with pytest.raises(ValidationError) as caught, db.unit_of_work("racer") as uow:
        uow.session.add(_row(instrument, certificate_no="LAB-7"))
        uow.commit()
    assert (caught.value.field, caught.value.code) == ("certificate_no", "duplicate")
    with db.unit_of_work("racer") as uow:  # another number, and no number twice, are fine
        uow.session.add_all([_row(instrument, certificate_no="LAB-8"), _row(instrument),
                             _row(instrument)])  # fmt: skip
        uow.commit()


def test_a_second_open_correction_is_refused_by_the_database(
    lab: tuple[Database, str, int],
) -> None:
    db, _login, instrument = lab
    with db.read() as session:
        original = session.scalars(
            select(EventRow.id).where(EventRow.status == EventStatus.APPROVED).limit(1)
        ).one()
    with db.unit_of_work("racer") as uow:
        uow.session.add(_row(instrument, supersedes_id=original, revision=2))
        uow.commit()
    with pytest.raises(ValidationError) as caught, db.unit_of_work("racer") as uow:
        uow.session.add(_row(instrument, supersedes_id=original, revision=2))
        uow.commit()
    assert caught.value.code == "correction_open"


def test_opening_a_correction_writes_the_original(lab: tuple[Database, str, int]) -> None:
    """Two correctors of one event then conflict on its row (its version went up)."""
    db, login, _instrument = lab
    with db.read() as session:
        original, before = session.execute(
            select(EventRow.id, EventRow.version)
            .where(EventRow.status == EventStatus.APPROVED)
            .limit(1)
        ).one()
    ev.correct_event(db, login, original, "typo in the certificate")
    after = ev.get_event(db, original)
    assert after.version == before + 1
    assert after.updated_by == login
    with pytest.raises(ValidationError) as caught:
        ev.correct_event(db, login, original, "again")
    assert caught.value.code == "correction_open"


def test_a_stale_row_met_by_an_autoflush_is_a_named_conflict(
    lab: tuple[Database, str, int],
) -> None:
    """A query autoflushes alice's change over bob's: a conflict naming bob, no StaleDataError."""
    db, _login, instrument = lab
    with pytest.raises(ConcurrentModificationError) as caught, db.unit_of_work("alice") as alice:
        mine = alice.instruments.get(instrument)
        assert mine is not None
        alice.session.commit()  # the form is open; alice's transaction is over
        with db.unit_of_work("bob") as bob:
            theirs = bob.instruments.get(instrument)
            assert theirs is not None
            theirs.name = "bob's name"
            bob.commit()
        mine.name = "alice's name"
        alice.session.execute(select(func.count()).select_from(EventRow))  # autoflush
    info = caught.value.info
    assert (info.entity, info.key, info.changed_by) == ("instruments", instrument, "bob")
    assert isinstance(info.changed_at, datetime)


def test_a_refused_file_saves_no_draft_and_a_retry_saves_one(
    lab: tuple[Database, str, int],
) -> None:
    db, login, instrument = lab
    scan = NewFile("scan.pdf", b"%PDF-1.4 certificate", "application/pdf")
    events_before = _count(db, EventRow)
    with pytest.raises(ValidationError) as caught:
        save_draft_with_files(db, login, _input(instrument), [scan, scan], today=TODAY)
    assert (caught.value.field, caught.value.code) == ("content", "duplicate")
    assert _count(db, EventRow) == events_before  # nothing of the draft was kept
    for _attempt in range(2):  # retried twice, still one draft per successful save
        with pytest.raises(ValidationError):
            save_draft_with_files(db, login, _input(instrument), [scan, scan], today=TODAY)
    saved = save_draft_with_files(db, login, _input(instrument), [scan], today=TODAY)
    assert _count(db, EventRow) == events_before + 1
    assert [a.filename for a in saved.attachments] == ["scan.pdf"]
    assert _count(db, AttachmentRow) >= 1


def _count(db: Database, row: type) -> int:
    with db.read() as session:
        return int(session.execute(select(func.count()).select_from(row)).scalar_one())


def test_migration_0008_refuses_duplicates_already_recorded(
    migrated_engine: Engine, empty_url: str
) -> None:
    """Two events of the lab itself with one number: the upgrade names them and changes nothing."""
    migrations.downgrade(migrated_engine, "0005")
    _insert_duplicate_certificates(migrated_engine)
    with pytest.raises(MigrationFailedError) as caught:
        upgrade_database(empty_url)
    assert "'C-1' x2 (the lab)" in caught.value.reason
    with migrated_engine.connect() as conn:
        assert migrations.current_revision(conn) == "0005"


def _insert_duplicate_certificates(engine: Engine) -> None:
    """Two approved events of the lab itself (no provider) with certificate C-1, as 0005 allowed."""
    stamp = "1, '2025-01-01 00:00:00', 'x', '2025-01-01 00:00:00', 'x'"
    stamped = "version, created_at, created_by, updated_at, updated_by"
    with engine.begin() as conn:  # plain SQL: today's rows and audit trail are not 0005's
        conn.execute(text(
            f"INSERT INTO instruments (id, asset_tag, name, role, mandatory_verification, "
            f"status, {stamped}) VALUES (1, 'A-1', 'DMM', 'working', false, 'in_service', {stamp})"
        ))  # fmt: skip
        for n in (1, 2):
            conn.execute(text(
                f"INSERT INTO events (id, instrument_id, kind, status, revision, performed_on, "
                f"result, adjusted, certificate_no, {stamped}) VALUES ({n}, 1, 'verification', "
                f"'approved', 1, '{TODAY.isoformat()}', 'pass', false, 'C-1', {stamp})"
            ))  # fmt: skip


def test_an_interrupted_demo_is_detected_and_seeded_again(db: Database) -> None:
    """A lab left by an older LabApp's chunked seeding: no marker, no audit entry, demo rows."""
    options = demo.DemoOptions(instruments=30, years=1, seed=4, today=TODAY)
    full = demo.seed_demo(db, options)
    assert not demo.needs_seeding(db)
    with db.engine.begin() as conn:  # what a kill -9 of the old chunked seeding left
        conn.execute(MetaRow.__table__.delete().where(MetaRow.key == "demo_seeded"))
        integrity_ddl.remove(conn)  # (the audit log is append-only since)
        conn.execute(AuditLogRow.__table__.delete().where(AuditLogRow.entity == "database"))
        integrity_ddl.install(conn)
    assert demo.needs_seeding(db)
    with pytest.raises(DemoIncompleteError):
        demo.seed_demo(db, options)
    again = demo.seed_demo(db, options, resume=True)
    assert again.counts == full.counts
    assert not demo.needs_seeding(db)


def test_a_cancelled_demo_leaves_nothing(db: Database) -> None:
    options = demo.DemoOptions(instruments=30, years=1, seed=4, today=TODAY)
    stop = threading.Event()
    stop.set()
    with pytest.raises(demo.DemoCancelledError):
        demo.seed_demo(db, options, cancel=stop.is_set)
    assert _count(db, EventRow) == 0
    assert demo.needs_seeding(db)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_busy_and_incomplete_demo_are_worded(language: str) -> None:
    from labapp.cli.errors import word_error as _word

    tr = Messages(language)
    busy = _word(DatabaseBusyError("sqlite:///lab.sqlite3", "database is locked"), tr)
    incomplete = _word(DemoIncompleteError("sqlite:///demo.sqlite3", 12), tr)
    assert "lab.sqlite3" in busy and "--replace" in incomplete and "12" in incomplete
    if language == "zh_CN":
        assert "正忙" in busy and "未生成完整" in incomplete
    else:
        assert "busy" in busy and "try again" in busy and "never completed" in incomplete
