"""Two users saving the same row: the second save fails naming the first user and the time."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import Engine, select

from labapp.domain.errors import ConcurrentModificationError, DatabaseBusyError
from labapp.persistence import engine as engine_module
from labapp.persistence.models import InstrumentRow
from labapp.services.database import Database, open_database
from labapp.services.register import InstrumentData
from labapp.services.register import _instruments as svc


def _new_instrument(db: Database) -> int:
    return svc.create_instrument(db, "admin", InstrumentData(asset_tag="C-1", name="DMM")).id


def test_second_save_raises_with_who_and_when(db: Database) -> None:
    instrument_id = _new_instrument(db)
    with db.unit_of_work("alice") as alice:
        mine = alice.instruments.get(instrument_id)
        assert mine is not None and mine.version == 1
        alice.session.commit()  # the form is open; alice's read transaction is over
        with db.unit_of_work("bob") as bob:
            theirs = bob.instruments.get(instrument_id)
            assert theirs is not None
            theirs.name = "bob's name"
            bob.commit()
        mine.name = "alice's name"
        with pytest.raises(ConcurrentModificationError) as caught:
            alice.commit()
    info = caught.value.info
    assert (info.entity, info.key) == ("instruments", instrument_id)
    assert (info.expected_version, info.actual_version) == (1, 2)
    assert info.changed_by == "bob"
    assert isinstance(info.changed_at, datetime) and info.changed_at.tzinfo is not None
    assert "bob" in str(caught.value)
    assert svc.get_instrument(db, instrument_id).data.name == "bob's name"


def test_conflict_inside_an_open_read_transaction(
    db: Database, backend: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Alice keeps her unit of work open; bob saves the same row meanwhile.

    PostgreSQL (READ COMMITTED): bob's save goes through and alice's is the conflict.  SQLite: a
    unit of work holds the write lock from its first statement (BEGIN IMMEDIATE), so bob waits and,
    past the busy timeout, is told the database is busy; alice's save then goes through.
    """
    instrument_id = _new_instrument(db)
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_S", 0.2)
    other = open_database(db.info.url) if backend == "sqlite" else db
    with db.unit_of_work("alice") as alice:
        mine = alice.instruments.get(instrument_id)
        assert mine is not None
        if backend == "sqlite":
            with pytest.raises(DatabaseBusyError):
                svc.update_instrument(other, "bob", instrument_id, 1, {"name": "bob's name"})
            other.dispose()
            mine.name = "alice's name"
            alice.commit()
            assert svc.get_instrument(db, instrument_id).data.name == "alice's name"
            return
        svc.update_instrument(db, "bob", instrument_id, 1, {"name": "bob's name"})
        mine.name = "alice's name"
        with pytest.raises(ConcurrentModificationError) as caught:
            alice.commit()
    assert caught.value.info.changed_by == "bob"
    assert caught.value.info.actual_version == 2


def test_stale_dto_cannot_overwrite(db: Database) -> None:
    instrument_id = _new_instrument(db)
    read_an_hour_ago = svc.get_instrument(db, instrument_id)
    svc.update_instrument(db, "bob", instrument_id, read_an_hour_ago.version, {"model": "8508A"})
    with pytest.raises(ConcurrentModificationError) as caught:
        svc.update_instrument(
            db, "alice", instrument_id, read_an_hour_ago.version, {"model": "34465A"}
        )
    assert caught.value.info.changed_by == "bob"
    assert caught.value.info.expected_version == 1
    assert caught.value.info.actual_version == 2
    assert svc.get_instrument(db, instrument_id).data.model == "8508A"


def test_deleted_meanwhile_is_a_conflict_without_a_version(db: Database) -> None:
    instrument_id = _new_instrument(db)
    with db.unit_of_work("alice") as alice:
        mine = alice.instruments.get(instrument_id)
        assert mine is not None
        alice.session.commit()
        with db.unit_of_work("bob") as bob:
            bob.session.delete(bob.instruments.get(instrument_id))
            bob.commit()
        mine.name = "alice's name"
        with pytest.raises(ConcurrentModificationError) as caught:
            alice.commit()
    assert caught.value.info.actual_version is None


def test_version_counts_updates(migrated_engine: Engine, db: Database) -> None:
    instrument_id = _new_instrument(db)
    for n in range(3):
        svc.update_instrument(db, "u", instrument_id, n + 1, {"notes": f"note {n}"})
    with db.read() as session:
        stmt = select(InstrumentRow.version).where(InstrumentRow.id == instrument_id)
        version = session.scalar(stmt)
    assert version == 4
