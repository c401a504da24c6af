"""The Calibrations page and the main window's event entry points (open_event, record_event)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog
from uihelpers import wait_idle

from labapp.domain.enums import EventStatus
from labapp.ui.common.view import CALIBRATIONS
from labapp.ui.events import EventDialog

TIMEOUT = 30_000


def test_record_event_asks_for_the_asset_tag_and_opens_the_dialog(qtbot, window):
    window.show_page(CALIBRATIONS)
    wait_idle(qtbot, window.session)
    view = window.views[CALIBRATIONS]
    qtbot.mouseClick(view.record_button, Qt.MouseButton.LeftButton)
    prompt = window.findChild(QInputDialog, "recordEventAssetTag")
    assert prompt is not None and prompt.isVisible()
    prompt.setTextValue("DX-000006")
    prompt.accept()
    qtbot.waitUntil(lambda: window.findChild(EventDialog) is not None, timeout=TIMEOUT)
    dialog = window.findChild(EventDialog)
    qtbot.waitUntil(lambda: dialog.instrument is not None, timeout=TIMEOUT)
    assert dialog.instrument.data.asset_tag == "DX-000006"
    assert dialog.windowTitle().startswith("New event — DX-000006")
    dialog.close()


def test_open_event_shows_a_stored_event_read_only_when_approved(qtbot, window):
    from labapp.services.register import get_instrument_detail

    item = next(
        e
        for e in get_instrument_detail(window.session.db, 30).events
        if e.status == EventStatus.APPROVED
    )
    dialog = window.open_event(item.id)
    with qtbot.waitSignal(dialog.loaded, timeout=TIMEOUT):
        pass
    assert dialog.detail.id == item.id
    assert not dialog.save_button.isEnabled() and dialog.correct_button.isEnabled()
    assert not dialog.model.flags(dialog.model.index(0, 2)) & Qt.ItemFlag.ItemIsEditable
    assert dialog.history.topLevelItemCount() >= 1
    dialog.close()


def test_page_lists_events_and_filters_by_status(qtbot, qtmodeltester, window):
    from labapp.services.events import list_events

    view = window.views[CALIBRATIONS]
    window.show_page(CALIBRATIONS)
    wait_idle(qtbot, window.session)
    view.since.setDate(view.since.minimumDate())
    everything = list_events(window.session.db, **view.filters())
    qtbot.waitUntil(lambda: view.model.rowCount() == len(everything) > 0, timeout=TIMEOUT)
    wait_idle(qtbot, window.session)
    qtmodeltester.check(view.model)
    view.status.setCurrentIndex(view.status.findData(EventStatus.DRAFT.value))
    drafts = list_events(window.session.db, **view.filters())
    assert 0 < len(drafts) < len(everything)
    qtbot.waitUntil(lambda: view.model.rowCount() == len(drafts), timeout=TIMEOUT)
    assert {view.model.row_at(r).status for r in range(len(drafts))} == {EventStatus.DRAFT}


def test_a_list_cut_at_its_limit_says_so_instead_of_passing_for_the_total(
    qtbot, window, monkeypatch
):
    """The page shows the latest LIMIT events; when more match, the count line says that more
    exist (a quality manager must not read "500 events" as the period's total)."""
    from labapp.services.events import list_events
    from labapp.ui.events import _calibrations

    view = window.views[CALIBRATIONS]
    window.show_page(CALIBRATIONS)
    wait_idle(qtbot, window.session)
    view.since.setDate(view.since.minimumDate())
    wait_idle(qtbot, window.session)
    everything = list_events(window.session.db, **{**view.filters(), "limit": 10_000})
    assert len(everything) > 3
    monkeypatch.setattr(_calibrations, "LIMIT", 3)
    with qtbot.waitSignal(view.rows_loaded, timeout=TIMEOUT):
        view.load()
    assert view.model.rowCount() == 3
    assert [view.model.row_at(r).id for r in range(3)] == [e.id for e in everything[:3]]
    assert view.count.text() == (
        "The latest 3 events are shown; more match: narrow the dates or the filters."
    )
    monkeypatch.setattr(_calibrations, "LIMIT", len(everything))  # exactly all: nothing left out
    with qtbot.waitSignal(view.rows_loaded, timeout=TIMEOUT):
        view.load()
    assert view.count.text() == f"{len(everything)} event(s)"
