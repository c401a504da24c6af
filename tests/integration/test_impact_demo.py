"""The demo lab has a failed standard whose investigation finds results at risk (both backends)."""

from __future__ import annotations

from datetime import date

from labapp.domain.enums import EventResult
from labapp.domain.impact import Assessment
from labapp.persistence.models import EventRow, InstrumentRow
from labapp.services.database import Database
from labapp.services.demo import DemoOptions, seed_demo
from labapp.services.impact import _investigations as impact

TODAY = date(2026, 11, 23)


def test_demo_failed_standard_puts_results_at_risk(db: Database) -> None:
    seed_demo(db, DemoOptions(instruments=40, years=2, seed=7, today=TODAY))
    (standard,) = impact.standards_with_failures(db)
    (source,) = impact.failed_sources(db, standard.id)
    assert (source.kind, source.performed_on) == ("event", TODAY)
    with db.read() as session:
        event = session.get(EventRow, source.id)
        assert event is not None
        assert (event.as_found, event.result, event.adjusted) == (
            EventResult.FAIL, EventResult.PASS, True)  # fmt: skip
        assert {p.stage for p in event.points} == {"as_found", "as_left"}
        item = session.get(InstrumentRow, standard.id)
        assert item is not None and item.last_calibrated_on == TODAY
    detail = impact.open_investigation(db, "demo", event_id=source.id)
    assert detail.window_start is not None and detail.window_start < TODAY
    assert any(i.assessment is Assessment.AFFECTED for i in detail.items)
    assert all(detail.window_start <= i.performed_on <= TODAY for i in detail.items if i.depth == 1)
