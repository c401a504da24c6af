"""Dashboard (Overview page): cards equal the services, drill-down lists, the on-time rate."""

from __future__ import annotations

from datetime import date

from matplotlib import dates as mdates
from uihelpers import shoot, wait_idle

from labapp.services.dashboard import _figures as dashboard
from labapp.services.planning import _due as planning
from labapp.ui.common import i18n, settings
from labapp.ui.dashboard._view import DRILL_CARDS


def _dashboard(qtbot, window):
    view = window.views["overview"]
    wait_idle(qtbot, window.session)
    if view.rate is None or view.counts is None or view.chart.figure is None:
        with qtbot.waitSignal(view.chart.rendered, timeout=30_000):
            view.refresh()
        wait_idle(qtbot, window.session)
    return view


def _pixels(image) -> bytes:
    """The image's pixels (what the user sees), to compare two renders."""
    return bytes(image.constBits())


def _rerender(qtbot, view, change) -> None:
    """Run ``change`` and wait until its data arrived and the chart was rendered for it."""
    with qtbot.waitSignals([view.rate_loaded, view.chart.rendered], timeout=30_000):
        change()


def test_cards_equal_the_service_and_drill_down(qtbot, qtmodeltester, window) -> None:
    view = _dashboard(qtbot, window)
    db, today = window.session.db, date.today()
    lead = settings.get(settings.DUE_SOON_DAYS)
    counts = dashboard.dashboard_counts(db, today, lead)
    for key in dashboard.COUNTS:
        assert view.cards[key].value_label.text() == str(getattr(counts, key)), key
    for key in sorted(DRILL_CARDS):
        with qtbot.waitSignal(view.drill_opened, timeout=30_000) as opened:
            view.cards[key].click()
        dialog = opened.args[0]
        qtmodeltester.check(dialog.model)
        assert dialog.model.rowCount() == getattr(counts, key), key
        dialog.close()
    expiring = planning.expiring_certificates(db, today)
    assert view.cards["certificates"].value_label.text() == str(len(expiring))
    with qtbot.waitSignal(view.drill_opened, timeout=30_000) as opened:
        view.cards["certificates"].click()
    qtmodeltester.check(opened.args[0].model)
    assert opened.args[0].model.rowCount() == len(expiring)
    opened.args[0].close()


def test_on_time_rate_table_chart_and_screenshots(qtbot, qtmodeltester, window) -> None:
    view = _dashboard(qtbot, window)
    expected = dashboard.on_time_rate(window.session.db, date.today().year, date.today())
    assert view.rate == expected
    qtmodeltester.check(view.rate_model)
    assert view.rate_model.rowCount() == 5  # four quarters and the year
    last = view.rate_model.index(4, 3).data()
    assert last == ("–" if expected.total.rate is None else f"{100 * expected.total.rate:.1f} %")
    assert view.definition.text().endswith("Target: at least 96 %.")  # the lab's default
    legend = view.chart.figure.axes[0].get_legend()
    assert "Target ≥ 96 %" in [t.get_text() for t in legend.get_texts()]
    shown = _pixels(view.chart.image)
    _rerender(qtbot, view, lambda: view.year.setValue(date.today().year - 1))
    assert view.rate.year == date.today().year - 1
    assert view.chart.figure.axes and view.chart.figure.axes[0].patches
    assert str(view.rate.year) in view.chart.figure.axes[0].get_title()
    assert _pixels(view.chart.image) != shown  # the picture shows the new year
    shoot(window, "plan_dashboard_en")
    before = view.chart.image.size()
    with qtbot.waitSignal(view.chart.rendered, timeout=30_000):  # rendered again at the new size
        window.resize(window.width() - 160, window.height() - 80)
    after = view.chart.image.size()
    ratio = view.chart.image.devicePixelRatio()
    assert after != before
    assert (after.width(), after.height()) == (
        round(view.chart.picture.width() * ratio),
        round(view.chart.picture.height() * ratio),
    )
    with qtbot.waitSignal(view.chart.rendered, timeout=30_000):
        assert i18n.install_language("zh_CN")
    assert "受检率" in view.rate_box.title()
    assert "受检率" in view.chart.figure.axes[0].get_title()  # the picture redrawn in Chinese
    shoot(window, "plan_dashboard_zh")


def _item_with_history(db):
    from sqlalchemy import select

    from labapp.persistence.models import InstrumentRow
    from labapp.services.drift import _drift as drift

    with db.engine.connect() as conn:
        rows = conn.execute(select(InstrumentRow.id, InstrumentRow.asset_tag)).all()
    for instrument_id, tag in rows:
        options = drift.nominal_points(db, instrument_id)
        if options and options[0].events >= 4:
            return instrument_id, tag
    raise AssertionError("no item with four results at one point")


def test_drift_window_chart_export_and_accept(qtbot, window, tmp_path) -> None:
    from labapp.persistence.models import InstrumentRow
    from labapp.services.drift import _drift as drift

    db = window.session.db
    instrument_id, tag = _item_with_history(db)
    drift_window = window.show_drift(tag)
    qtbot.waitUntil(lambda: drift_window.series is not None, timeout=30_000)
    wait_idle(qtbot, window.session)
    series = drift_window.series
    expected = drift.drift_series(db, instrument_id, drift_window.nominal.currentData())
    assert series == expected
    assert drift_window.nominal.count() >= 1
    assert drift_window.chart.figure.axes[0].lines
    assert str(len(series.dates)) in drift_window.summary.text()
    for suffix in (".png", ".pdf", ".svg"):
        assert drift_window.chart.export(tmp_path / f"drift{suffix}").stat().st_size > 0
    dialog = drift_window.ask_interval()
    assert dialog.months.value() == (series.proposed_months or 12)  # the proposal offered
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.reason.setText("stable over five results")
    assert ok.isEnabled()
    dialog.months.setValue(18)
    with qtbot.waitSignal(drift_window.interval_accepted, timeout=30_000):
        ok.click()
    wait_idle(qtbot, window.session)
    with db.read() as session:
        assert session.get(InstrumentRow, instrument_id).interval_months == 18
    from labapp.services.audit import list_audit

    entry = list_audit(db, entity="instruments", entity_id=instrument_id)[0]
    assert entry.reason == "stable over five results"
    assert ("interval_months", "18") in [(c.field, c.new) for c in entry.changes]
    qtbot.waitUntil(lambda: drift_window.series.interval_months == 18, timeout=30_000)
    shoot(drift_window, "plan_drift_en")
    with qtbot.waitSignal(drift_window.chart.rendered, timeout=30_000):  # drawn again in Chinese
        assert i18n.install_language("zh_CN")
    assert "漂移" in drift_window.chart.figure.axes[0].get_title()
    shoot(drift_window, "plan_drift_zh")
    drift_window.close()


def test_on_time_numbers_drill_down_from_table_and_chart(qtbot, qtmodeltester, window) -> None:
    from PySide6.QtCore import QPoint, Qt

    view = _dashboard(qtbot, window)
    _rerender(qtbot, view, lambda: view.year.setValue(date.today().year - 1))  # a whole year due
    total = view.rate.total
    assert total.due > 0
    index = view.rate_model.index(4, 0)  # the year's row
    with qtbot.waitSignal(view.drill_opened, timeout=30_000) as opened:
        view.rate_table.doubleClicked.emit(index)
    dialog = opened.args[0]
    qtmodeltester.check(dialog.model)
    assert dialog.model.rowCount() == total.due
    on_time = [dialog.model.row_at(r).on_time for r in range(dialog.model.rowCount())]
    assert sum(on_time) == total.on_time
    assert f"{total.on_time}" in dialog.windowTitle() and f"{total.due}" in dialog.windowTitle()
    shoot(dialog, "plan_on_time_items_en")
    dialog.close()

    month = max(view.rate.months, key=lambda m: m.due)  # click the busiest month's bar
    picture, image, ax = view.chart.picture, view.chart.image, view.chart.figure.axes[0]
    x = ax.transData.transform((mdates.date2num(month.first_day), 0))[0]  # image pixels
    y = ax.bbox.y0 + ax.bbox.height / 2  # halfway up the axes (matplotlib: bottom-left origin)
    at = QPoint(
        round(x * picture.width() / image.width()),
        round((image.height() - y) * picture.height() / image.height()),
    )  # the picture's coordinates: top-left origin, logical pixels
    with qtbot.waitSignal(view.drill_opened, timeout=30_000) as opened:
        qtbot.mouseClick(picture, Qt.MouseButton.LeftButton, pos=at)
    assert opened.args[0].model.rowCount() == month.due
    assert month.label in opened.args[0].windowTitle()
    opened.args[0].close()


def test_certificates_show_their_own_lead_time(qtbot, window) -> None:
    view = _dashboard(qtbot, window)
    with qtbot.waitSignal(view.drill_opened, timeout=30_000) as opened:
        view.cards["certificates"].click()
    model = opened.args[0].model
    leads = {model.row_at(r).kind: model.row_at(r).lead_days for r in range(model.rowCount())}
    assert all(lead == planning.DEFAULT_LEAD_DAYS[kind] for kind, lead in leads.items())
    column = [name for name, _ in model.COLUMNS].index("lead_days")
    if model.rowCount():
        assert model.index(0, column).data() == str(model.row_at(0).lead_days)
    shoot(opened.args[0], "plan_certificates_en")
    opened.args[0].close()
