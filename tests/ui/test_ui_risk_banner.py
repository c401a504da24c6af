"""The register's detail pane warns "Traceability at risk" for a standard under an open impact
investigation or named by an open corrective action; its links open the investigation or the PT
plan, and the warning goes once the investigation is closed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from uihelpers import shoot, wait_idle

from labapp.domain.impact import ItemAction
from labapp.services.checks import CheckInput, parse_readings
from labapp.services.checks import _checks as checks
from labapp.services.checks import _plans as check_plans
from labapp.services.corrective_actions import _actions as ca
from labapp.services.database import open_database
from labapp.services.impact import _investigations as impact
from labapp.ui.checks import CHECKS
from labapp.ui.common.view import REGISTER
from labapp.ui.impact import IMPACT
from labapp.ui.proficiency import PROFICIENCY
from labapp.ui.register._risk_banner import AMBER, RED


@pytest.fixture
def standard(lab_path: Path) -> int:
    """The demo lab's failed standard, with an investigation opened on its failing event."""
    db = open_database(str(lab_path))
    try:
        (std,) = impact.standards_with_failures(db)
        (source,) = impact.failed_sources(db, std.id)
        impact.open_investigation(db, "admin", event_id=source.id)
        return std.id
    finally:
        db.dispose()


def _show(qtbot, window, instrument_id: int):
    window.show_page(REGISTER)
    view = window.views[REGISTER]
    wait_idle(qtbot, window.session)
    qtbot.waitUntil(lambda: view.model.row_of(instrument_id) >= 0, timeout=30_000)
    with qtbot.waitSignal(view.detail_loaded, timeout=30_000):
        view.load_detail(instrument_id)
    return view.detail


def _click(qtbot, link) -> None:
    """Click the link's first words, as a user would."""
    qtbot.mouseClick(
        link, Qt.MouseButton.LeftButton, pos=QPoint(6, link.fontMetrics().height() // 2)
    )


def _close_all(db, user: str) -> None:
    (summary,) = [s for s in impact.list_investigations(db) if s.status == "open"]
    for item in impact.get_investigation(db, summary.id).items:
        if item.needs_action:
            impact.decide_action(db, user, item.id, item.version, ItemAction.NOTIFY_CUSTOMER, "ok")
    fresh = impact.get_investigation(db, summary.id).summary
    impact.close_investigation(db, user, summary.id, fresh.version, "customers notified")


def test_open_investigation_shows_the_banner_until_closed(qtbot, window, standard) -> None:
    pane = _show(qtbot, window, standard)
    banner = pane.risk_banner
    assert banner.isVisible()
    (investigation,) = impact.list_investigations(window.session.db)
    assert [r.kind for r in pane.detail.risks] == ["investigation"]
    (link,) = banner.links
    assert f"#{investigation.id}" in link.text() and banner.title.text() == "Traceability at risk:"
    assert RED[1] in banner.styleSheet()
    shoot(pane, "detail_risk_banner")
    page = window.views[IMPACT]
    with qtbot.waitSignal(page.shown, timeout=30_000):
        _click(qtbot, link)
    assert window.current_view() is page and page.detail.summary.id == investigation.id
    wait_idle(qtbot, window.session)

    _close_all(window.session.db, "admin")
    pane = _show(qtbot, window, standard)
    assert pane.detail.risks == () and not pane.risk_banner.isVisible()
    assert pane.risk_banner.links == []


def test_the_demo_pressure_standard_links_to_its_corrective_action(qtbot, window) -> None:
    """The demo's open corrective action (unsatisfactory pressure PT) names a standard: its
    detail shows the action and the link opens the PT plan page."""
    (action,) = ca.list_actions(window.session.db)
    (standard,) = action.standards
    pane = _show(qtbot, window, standard.instrument_id)
    assert pane.risk_banner.isVisible()
    link = next(b for b in pane.risk_banner.links if b.objectName() == "risk_action")
    assert f"#{action.id}" in link.text() and action.comparison_title[:20] in link.text()
    assert RED[1] in pane.risk_banner.styleSheet()
    pane.window().resize(1400, 800)
    shoot(pane, "detail_risk_banner_action")
    page = window.views[PROFICIENCY]
    _click(qtbot, link)
    assert window.current_view() is page
    wait_idle(qtbot, window.session)
    shoot(page, "pt_plan_demo")


def test_a_failed_check_shows_an_amber_banner_linking_to_the_checks(qtbot, window) -> None:
    db = window.session.db
    at_risk = {s.instrument_id for a in ca.list_actions(db) for s in a.standards}
    at_risk |= {s.id for s in impact.standards_with_failures(db)}  # calibrated today
    plan = next(
        p for p in check_plans.list_plans(db, date.today()) if p.instrument_id not in at_risk
    )
    far = f"{plan.upper_limit * 3} {plan.unit}"
    day = date.today()  # after the demo's own checks and calibrations of this standard
    recorded = checks.record_check(
        db, "admin", CheckInput(plan.id, day, parse_readings((far, far), plan.unit))
    )
    pane = _show(qtbot, window, plan.instrument_id)
    assert [(r.kind, r.ref_id, r.on) for r in pane.detail.risks] == [
        ("check", recorded.check.id, day)
    ]
    (link,) = pane.risk_banner.links
    assert AMBER[1] in pane.risk_banner.styleSheet() and day.isoformat() in link.text()
    shoot(pane, "detail_risk_banner_check")
    _click(qtbot, link)
    assert window.current_view() is window.views[CHECKS]
    wait_idle(qtbot, window.session)
