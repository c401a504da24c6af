"""Constraints the database itself enforces, on both backends."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from labapp.domain.enums import EventKind, ProviderKind
from labapp.persistence.models import EventRow, InstrumentRow, ProviderRow


def _instrument_and_provider(session: Session) -> tuple[InstrumentRow, ProviderRow]:
    instrument = InstrumentRow(asset_tag="U-1", name="DMM")
    provider = ProviderRow(name="NIM", kind=ProviderKind.NMI)
    session.add_all([instrument, provider])
    session.flush()
    return instrument, provider


def _event(instrument: InstrumentRow, provider: ProviderRow | None, number: str) -> EventRow:
    return EventRow(
        instrument_id=instrument.id,
        kind=EventKind.CALIBRATION,
        performed_on=date(2026, 1, 5),
        provider_id=provider.id if provider else None,
        certificate_no=number,
    )


def test_certificate_number_unique_per_provider(migrated_engine: Engine) -> None:
    with Session(migrated_engine) as session:
        instrument, provider = _instrument_and_provider(session)
        other = ProviderRow(name="Other lab", kind=ProviderKind.ACCREDITED_LAB)
        session.add(other)
        session.flush()
        session.add_all([_event(instrument, provider, "C-1"), _event(instrument, other, "C-1")])
        session.commit()  # the same number from two providers is fine
        session.add(_event(instrument, provider, "C-1"))
        with pytest.raises(IntegrityError):
            session.commit()


def test_is_nmi_is_derived_from_kind(migrated_engine: Engine) -> None:
    with Session(migrated_engine) as session:
        _instrument, provider = _instrument_and_provider(session)
        assert provider.is_nmi
        assert session.scalars(text("SELECT name FROM providers WHERE kind = 'nmi'")).all() == [
            "NIM"
        ]
        assert session.query(ProviderRow).filter(ProviderRow.is_nmi).count() == 1


def test_foreign_keys_are_enforced(migrated_engine: Engine) -> None:
    with Session(migrated_engine) as session:
        session.add(
            EventRow(instrument_id=999, kind=EventKind.CALIBRATION, performed_on=date(2026, 1, 5))
        )
        with pytest.raises(IntegrityError):
            session.commit()


def test_sqlite_connections_have_the_pragmas(migrated_engine: Engine) -> None:
    if migrated_engine.dialect.name != "sqlite":
        pytest.skip("SQLite pragmas")
    with migrated_engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10_000  # 10 s, in ms
