"""A calibration point travels typed from the form to the database and back, on SQLite and
PostgreSQL: the columns hold each value's digits and unit as typed, the reader rebuilds the same
``Measured`` values, and drift knows a point by its nominal's value, whatever the unit."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import select, text

from labapp.domain.enums import Decision, EventKind, InstrumentStatus, PersonRole, Role, Stage
from labapp.domain.point_values import parse_point
from labapp.domain.quantities import Measured
from labapp.persistence import integrity_ddl
from labapp.persistence.models import MeasurementPointRow
from labapp.services.database import Database
from labapp.services.demo import DemoOptions, seed_demo
from labapp.services.drift import _drift as drift
from labapp.services.events import EventInput
from labapp.services.events import _draft as ev
from labapp.services.master_data import _lookups as people
from labapp.services.register import RegisterFilter, query_register

TODAY = date(2025, 6, 1)
D = Decimal


def _draft(db: Database, *points: object) -> int:
    seed_demo(db, DemoOptions(instruments=30, years=2, today=TODAY))
    login = people.list_persons(db, PersonRole.METROLOGIST)[0].login
    flt = RegisterFilter(quantity="DC voltage", role=Role.WORKING)
    item = next(
        i for i in query_register(db, flt, today=TODAY) if i.status is InstrumentStatus.IN_SERVICE
    )
    data = EventInput(item.id, EventKind.CALIBRATION, TODAY, points=tuple(points))  # type: ignore[arg-type]
    return ev.save_draft(db, login, data, today=TODAY).id


def test_a_point_keeps_its_typed_digits_and_units_through_the_database(db: Database) -> None:
    found = parse_point("10000.2 mV", "10.0009 V", "10.000 V", "0.20 mV", "2", "0,5 mV",
                        stage="as_found")  # fmt: skip
    left = parse_point("10000.2 mV", "10.0005 V", "10.000 V", "0.20 mV", "2.0", "0,5 mV")
    event_id = _draft(db, found, left)
    with db.engine.connect() as conn:  # what is stored, read without LabApp's types
        rows = conn.execute(
            text(
                "SELECT stage, reference_value, reference_unit, nominal_value, mpe_value, "
                "coverage_factor, error_value, error_unit FROM measurement_points "
                "WHERE event_id = :e ORDER BY stage, seq"
            ),
            {"e": event_id},
        ).all()
    assert [r.stage for r in rows] == ["as_found", "as_left"]  # the words the CHECK allows
    assert [(str(r.reference_value), r.reference_unit) for r in rows] == [("10000.2", "mV")] * 2
    assert [str(r.nominal_value) for r in rows] == ["10.000", "10.000"]  # not 10
    assert [str(r.coverage_factor) for r in rows] == ["2", "2.0"]
    # error = indication − reference, in the indication's unit, with the typed digits
    errors = [D("10.0009") - D("10000.2") / 1000, D("10.0005") - D("10000.2") / 1000]
    assert [(D(str(r.error_value)), r.error_unit) for r in rows] == [(e, "V") for e in errors]
    detail = ev.get_event(db, event_id)
    assert [p.values for p in detail.points] == [found, left]  # the same typed values back
    assert detail.points[0].stage is Stage.AS_FOUND
    assert detail.points[1].nominal == Measured(D("10.000"), "V")
    assert str(detail.points[1].nominal) == "10.000 V"
    # as found 0.7 mV error fails ±0.5 mV; as left 0.3 mV passes
    assert [p.decision for p in detail.points] == [Decision.FAIL, Decision.PASS]
    with db.read() as session:
        stored = session.scalars(
            select(MeasurementPointRow)
            .where(MeasurementPointRow.event_id == event_id)
            .order_by(MeasurementPointRow.stage)
        ).all()
        assert [p.values for p in stored] == [found, left]
        assert stored[0].stage is Stage.AS_FOUND


def test_drift_knows_a_point_by_its_nominal_whatever_the_unit(db: Database) -> None:
    seed_demo(db, DemoOptions(instruments=40, years=2, today=TODAY))
    with db.engine.connect() as conn:
        ids = conn.execute(text("SELECT id FROM instruments ORDER BY id")).scalars().all()
    instrument_id, option = next(  # an item with history at a nominal in volts
        (i, o[0])
        for i in ids
        if (o := drift.nominal_points(db, i)) and o[0].events >= 4 and o[0].nominal.unit == "V"
    )
    before = drift.drift_series(db, instrument_id, option.nominal)
    in_mv = option.nominal.value * 1000  # the same nominal recorded in mV for one event
    with db.engine.begin() as conn:  # set-up: an older record written in another unit
        integrity_ddl.remove(conn)
        conn.execute(
            text(
                "UPDATE measurement_points SET nominal_value = :v, nominal_unit = 'mV' "
                "WHERE nominal_unit = 'V' AND nominal_value = :old AND event_id = "
                "(SELECT MIN(e.id) FROM events e WHERE e.instrument_id = :i AND e.status = "
                "'approved' AND e.kind <> 'intermediate_check')"
            ),
            {"v": str(in_mv), "old": str(option.nominal.value), "i": instrument_id},
        )
        integrity_ddl.install(conn)
    options = drift.nominal_points(db, instrument_id)
    same = [o for o in options if o.nominal.value * (1000 if o.nominal.unit == "V" else 1)
            == in_mv and o.nominal.unit in ("V", "mV")]  # fmt: skip
    assert len(same) == 1 and same[0].events == option.events  # one point, not two
    asked_in_mv = drift.drift_series(db, instrument_id, Measured(in_mv, "mV"))
    assert asked_in_mv.dates == before.dates and asked_in_mv.errors == before.errors
