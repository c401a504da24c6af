"""A failed gauge-block set: its as-found errors transferred at each served nominal (both DBs).

The provider's certificate of the set, as found on 2025-12-01 (error = nominal − length):
1 mm −0.6 µm, 10 mm −0.8 µm, 50 mm −1.2 µm, 100 mm −1.8 µm.  Served in the window:

* caliper K (MPE 20 µm, U 5 µm) at 25, 75, 100 mm: transferred −0.95, −1.5, −1.8 µm (by hand,
  see below); not affected.  The old rule (largest relative error −0.06 % everywhere) put
  −60 µm at 100 mm and made it affected.
* length gauge L (MPE 1.5 µm, U 0.3 µm, error +0.2 µm) at 75 mm: U' = 0.3 + 1.5 = 1.8 µm exceeds
  the MPE: possibly affected.
* micrometer M at 125 mm, beyond the largest block: not assessable (never extrapolated).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from labapp.domain.enums import (
    Decision,
    EventKind,
    EventResult,
    EventStatus,
    InstrumentStatus,
    Role,
)
from labapp.domain.impact import Assessment
from labapp.persistence.models import EventRow, EventStandardRow, InstrumentRow, MeasurementPointRow
from labapp.services.database import Database
from labapp.services.impact import _investigations as impact

D = Decimal
CERTIFICATE = {"1": "-0.6", "10": "-0.8", "50": "-1.2", "100": "-1.8"}  # nominal mm: error µm
# (nominal, reference, indication, U, MPE) in mm / µm as a lab types them
Point = tuple[str, str, str, str | None, str | None]


def _item(db: Database, tag: str, role: Role = Role.WORKING) -> int:
    with db.unit_of_work("admin") as uow:
        row = InstrumentRow(asset_tag=tag, name=f"item {tag}", quantity="length", role=role,
                            status=InstrumentStatus.IN_SERVICE)  # fmt: skip
        uow.session.add(row)
        uow.commit()
        return row.id


def _row(seq: int, stage: str, point: Point) -> MeasurementPointRow:
    nominal, reference, indication, u, mpe = point
    return MeasurementPointRow(
        seq=seq, stage=stage, nominal_value=D(nominal), nominal_unit="mm",
        reference_value=D(reference), reference_unit="mm", indication_value=D(indication),
        indication_unit="mm", expanded_uncertainty_value=None if u is None else D(u),
        expanded_uncertainty_unit=None if u is None else "µm", coverage_factor=D(2),
        mpe_value=None if mpe is None else D(mpe), mpe_unit=None if mpe is None else "µm",
        decision=Decision.PASS,
    )  # fmt: skip


def _event(db: Database, instrument_id: int, on: date, points: Sequence[Point], *,
           used: Sequence[int] = (), as_found: Sequence[Point] = (),
           found: EventResult | None = None) -> int:  # fmt: skip
    with db.unit_of_work("admin") as uow:
        row = EventRow(instrument_id=instrument_id, kind=EventKind.CALIBRATION,
                       status=EventStatus.APPROVED, performed_on=on, result=EventResult.PASS,
                       as_found=found, certificate_no=f"G-{instrument_id}-{on}")  # fmt: skip
        row.standards = [EventStandardRow(instrument_id=s) for s in used]
        row.points = [_row(n, "as_found", p) for n, p in enumerate(as_found, 1)] + [
            _row(n, "as_left", p) for n, p in enumerate(points, 1)
        ]
        uow.session.add(row)
        uow.commit()
        return row.id


def _blocks_as_found() -> list[Point]:
    """Each block: measured length = nominal − error (the provider's values)."""
    return [(n, str(D(n) - D(e) / 1000), n, "0.05", "1") for n, e in CERTIFICATE.items()]


def test_gauge_block_errors_are_transferred_at_each_nominal(db: Database) -> None:
    s = _item(db, "GB", Role.STANDARD)
    calipers, gauge, micrometer = _item(db, "K"), _item(db, "L"), _item(db, "M")
    _event(db, s, date(2025, 1, 10), [("10", "10.00000", "10", "0.05", "1")])
    failing = _event(db, s, date(2025, 12, 1), [("10", "10.00000", "10", "0.05", "1")],
                     as_found=_blocks_as_found(), found=EventResult.FAIL)  # fmt: skip
    k = _event(db, calipers, date(2025, 3, 1), used=[s], points=[
        ("25", "25.0000", "25.010", "5", "20"), ("75", "75.0000", "75.010", "5", "20"),
        ("100", "100.0000", "100.010", "5", "20")])  # fmt: skip
    gauge_event = _event(db, gauge, date(2025, 4, 1), used=[s],
                         points=[("75", "75.0000", "75.0002", "0.3", "1.5")])  # fmt: skip
    m = _event(db, micrometer, date(2025, 5, 1), used=[s],
               points=[("125", "125.0000", "125.001", "1", "4")])  # fmt: skip

    detail = impact.open_investigation(db, "qm", event_id=failing)
    items = {i.event_id: i for i in detail.items}
    # Transferred errors by hand: between the blocks, linear in the nominal.
    at_25 = D("-0.8") + (D("-1.2") - D("-0.8")) * (25 - 10) / (50 - 10)  # -0.95
    at_75 = D("-1.2") + (D("-1.8") - D("-1.2")) * (75 - 50) / (100 - 50)  # -1.5
    caliper_points = items[k].points
    assert [p.shift for p in caliper_points] == [at_25, at_75, D("-1.8")]
    assert [p.error_from for p in caliper_points] == ["10 mm … 50 mm", "50 mm … 100 mm", "100 mm"]
    # one unit per column: error, U, shift and U after all in µm, like the MPE
    assert {p.unit for p in caliper_points} == {"µm"}
    assert [p.error for p in caliper_points] == [D("10.000")] * 3
    assert caliper_points[2].u_after == D(5) + D("1.8")
    assert items[k].assessment is Assessment.NOT_AFFECTED  # was affected at -60 µm
    (g,) = items[gauge_event].points
    assert (g.shift, g.u_after, g.unit) == (at_75, D("0.3") + D("1.5"), "µm")
    assert items[gauge_event].assessment is Assessment.POSSIBLY_AFFECTED
    (outside,) = items[m].points
    assert outside.assessment is Assessment.NOT_ASSESSABLE and outside.shift is None
    assert (outside.reason, outside.error_from) == ("outside_range", "1 mm … 100 mm")
    assert items[m].assessment is Assessment.NOT_ASSESSABLE
    # the investigation lists the error at every block
    assert detail.error_source == (
        "1 mm: -0.0006 mm; 10 mm: -0.0008 mm; 50 mm: -0.0012 mm; 100 mm: -0.0018 mm"
    )
