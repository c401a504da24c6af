"""Services over a real database: overview counts, register paging, retire, URL resolution."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from labapp import paths
from labapp.domain.enums import EventKind, EventResult, EventStatus, InstrumentStatus, Role
from labapp.domain.errors import NotFoundError, ValidationError
from labapp.persistence.models import EventRow
from labapp.services.dashboard import lab_overview
from labapp.services.database import Database, mask_url, resolve_database_url
from labapp.services.register import InstrumentData
from labapp.services.register import _instruments as svc

TODAY = date(2026, 3, 1)


def _add(db: Database, tag: str, **fields: object) -> int:
    return svc.create_instrument(db, "admin", InstrumentData(asset_tag=tag, name=tag, **fields)).id


def _event(db: Database, instrument_id: int, on: date, result: EventResult, **kw: object) -> None:
    kw.setdefault("status", EventStatus.APPROVED)  # a result counts once it is approved
    with db.unit_of_work("admin") as uow:
        uow.events.add(
            EventRow(
                instrument_id=instrument_id,
                kind=EventKind.CALIBRATION,
                performed_on=on,
                result=result,
                **kw,
            )
        )
        uow.commit()


def test_overview_counts(db: Database) -> None:
    overdue = _add(
        db, "S-1", role=Role.STANDARD, last_calibrated_on=date(2025, 2, 1), interval_months=12
    )
    _add(db, "W-1", last_calibrated_on=date(2025, 3, 20), interval_months=12)  # due 2026-03-20
    _add(db, "W-2", last_calibrated_on=date(2026, 1, 1), interval_months=12)
    _add(db, "W-3", status=InstrumentStatus.SUSPENDED)
    retired = _add(db, "W-4", last_calibrated_on=date(2020, 1, 1), interval_months=12)
    svc.retire_instrument(db, "admin", retired, 1, "scrapped")
    _event(db, overdue, date(2025, 2, 1), EventResult.PASS)
    _event(db, overdue, date(2025, 6, 1), EventResult.FAIL)
    _event(db, overdue, date(2025, 7, 1), EventResult.PASS, status=EventStatus.SUPERSEDED)
    overview = lab_overview(db, TODAY)
    assert (overview.instruments, overview.standards, overview.working) == (4, 1, 3)
    assert (overview.overdue, overview.due_30) == (1, 1)
    assert overview.failed == 1
    assert overview.out_of_service == 1
    assert (overview.events, overview.last_event_on) == (2, date(2025, 6, 1))
    # A FAIL still in draft is not a result yet: the standard is not "failed" because of it.
    working = _add(db, "W-5", last_calibrated_on=date(2026, 1, 1), interval_months=12)
    _event(db, working, date(2026, 2, 1), EventResult.FAIL, status=EventStatus.DRAFT)
    assert lab_overview(db, TODAY).failed == 1


def test_empty_overview(db: Database) -> None:
    overview = lab_overview(db, TODAY)
    assert overview.instruments == overview.events == 0
    assert overview.last_event_on is None


def test_list_instruments_search_sort_and_page(db: Database) -> None:
    for n, due in enumerate([date(2026, 5, 1), None, date(2026, 4, 1)]):
        _add(
            db,
            f"E-{n}",
            manufacturer="Fluke_100%" if n == 1 else "Keysight",
            last_calibrated_on=due and date(due.year - 1, due.month, due.day),
            interval_months=12 if due else None,
        )
    assert [s.asset_tag for s in svc.list_instruments(db)] == ["E-0", "E-1", "E-2"]
    assert [s.asset_tag for s in svc.list_instruments(db, order_by="due_on")] == [
        "E-2",
        "E-0",
        "E-1",
    ]
    assert [s.asset_tag for s in svc.list_instruments(db, limit=1, offset=1)] == ["E-1"]
    assert [s.asset_tag for s in svc.list_instruments(db, search="fluke_100%")] == ["E-1"]
    assert [s.asset_tag for s in svc.list_instruments(db, search="KEYSIGHT")] == ["E-0", "E-2"]
    # LIKE wildcards typed by the user are literal: unescaped, "_" and "%" would match all rows
    assert [s.asset_tag for s in svc.list_instruments(db, search="_")] == ["E-1"]
    assert [s.asset_tag for s in svc.list_instruments(db, search="%")] == ["E-1"]
    with pytest.raises(ValidationError):
        svc.list_instruments(db, order_by="id; drop table instruments")


def test_create_validates(db: Database) -> None:
    _add(db, "V-1")
    with pytest.raises(ValidationError) as caught:
        _add(db, "V-1")
    assert caught.value.field == "asset_tag"
    with pytest.raises(ValidationError):
        svc.create_instrument(db, "admin", InstrumentData(asset_tag=" ", name="x"))
    with pytest.raises(ValidationError):
        svc.create_instrument(
            db, "admin", InstrumentData(asset_tag="V-2", name="x", interval_months=0)
        )


def test_update_recomputes_due_and_refuses_unknown_fields(db: Database) -> None:
    instrument_id = _add(db, "U-1", last_calibrated_on=date(2025, 1, 31), interval_months=12)
    detail = svc.update_instrument(db, "bob", instrument_id, 1, {"interval_months": 1})
    assert detail.due_on == date(2025, 2, 28)
    assert detail.version == 2
    with pytest.raises(ValidationError):
        svc.update_instrument(db, "bob", instrument_id, 2, {"due_on": date(2030, 1, 1)})


def test_retire_needs_a_reason_and_never_deletes(db: Database) -> None:
    instrument_id = _add(db, "R-1")
    with pytest.raises(ValidationError) as caught:
        svc.retire_instrument(db, "bob", instrument_id, 1, "  ")
    assert caught.value.field == "reason"
    retired = svc.retire_instrument(db, "bob", instrument_id, 1, "drop damage")
    assert retired.data.status is InstrumentStatus.RETIRED
    assert retired.retired_reason == "drop damage"
    assert svc.get_instrument(db, instrument_id).version == 2
    with pytest.raises(NotFoundError):
        svc.get_instrument(db, 9999)


def test_resolve_database_url_priority(tmp_path: Path) -> None:
    env = {"LABAPP_DATABASE_URL": "postgresql://u:pw@db/lab"}
    cli = str(tmp_path / "cli.sqlite3")
    assert resolve_database_url(cli, env, "settings.sqlite3") == f"sqlite:///{cli}"
    assert resolve_database_url(None, env, "x") == "postgresql+psycopg://u:pw@db/lab"
    settings = str(tmp_path / "s.sqlite3")
    assert resolve_database_url(None, {}, settings) == f"sqlite:///{settings}"
    default = resolve_database_url(None, {})
    assert default == f"sqlite:///{paths.default_database_path()}"
    demo = resolve_database_url(cli, env, settings, demo=True)
    assert demo == f"sqlite:///{paths.demo_database_path()}"
    assert demo != default


def test_mask_url_hides_the_password() -> None:
    masked = mask_url("postgresql+psycopg://lab:s3cret@db.example:5432/lab")
    assert "s3cret" not in masked
    assert masked == "postgresql+psycopg://lab:***@db.example:5432/lab"
    assert mask_url("/home/x/lab.sqlite3") == "/home/x/lab.sqlite3"
