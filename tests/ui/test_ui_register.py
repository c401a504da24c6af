"""The register page as a metrologist uses it: search as you type, filters, header sort, paging,
the detail pane, and the models' consistency."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, Qt
from uihelpers import shoot, wait_idle

from labapp.domain.due import DueState
from labapp.domain.enums import InstrumentStatus
from labapp.services.register import RegisterFilter, count_register, query_register
from labapp.ui.common.view import REGISTER
from labapp.ui.register._table_model import (
    COL_ASSET_TAG,
    COL_DUE,
    COL_STATUS,
    COLUMNS,
    DueStateRole,
    FlagRole,
)


def _register(qtbot, window):
    window.show_page(REGISTER)
    view = window.views[REGISTER]
    wait_idle(qtbot, window.session)
    qtbot.waitUntil(lambda: view.total is not None and view.model.rowCount() > 0)
    return view


def _tags(view) -> list[str]:
    return [view.model.index(r, COL_ASSET_TAG).data() for r in range(view.model.rowCount())]


def test_every_register_column_and_the_count(qtbot, qtmodeltester, window) -> None:
    view = _register(qtbot, window)
    qtmodeltester.check(view.model)
    headers = [view.model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(COLUMNS))]
    assert headers[:3] == ["Asset tag", "Name", "Manufacturer"]
    expected = {"Range", "Accuracy", "Level", "Custodian", "Last calibrated", "Due date"}
    assert expected <= set(headers)
    total = count_register(window.session.db, RegisterFilter(), date.today(), 30)
    assert view.total == total
    assert view.count_label.text().startswith(f"{total} item")


def test_search_as_you_type_narrows_the_rows(qtbot, window) -> None:
    view = _register(qtbot, window)
    total = view.total
    tag = view.model.index(5, COL_ASSET_TAG).data()
    qtbot.keyClicks(view.search, tag)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1 and _tags(view) == [tag], timeout=10_000)
    qtbot.waitUntil(lambda: view.total == 1)
    assert view.count_label.text() == "1 item"
    view.search.clear()
    qtbot.waitUntil(lambda: view.total == total, timeout=10_000)


def test_stale_search_answers_are_dropped(qtbot, window) -> None:
    view = _register(qtbot, window)
    tag = view.model.index(7, COL_ASSET_TAG).data()
    view.search.setText("zzz-no-such-thing")
    view.requery()  # this answer arrives after the next query was asked: it must be dropped
    view.search.setText(tag)
    view.requery()
    wait_idle(qtbot, window.session)
    assert _tags(view) == [tag]
    assert view.total == 1


def test_filter_by_status_and_due_state(qtbot, window) -> None:
    view = _register(qtbot, window)
    with qtbot.waitSignal(view.rows_loaded, timeout=10_000):
        view.filters.select("due_state", DueState.OVERDUE)
    wait_idle(qtbot, window.session)
    states = {view.model.index(r, COL_DUE).data(DueStateRole) for r in range(view.model.rowCount())}
    assert states == {"overdue"}
    flags = {view.model.index(r, 0).data(FlagRole) for r in range(view.model.rowCount())}
    assert flags <= {"overdue", "out_of_service"}
    overdue = view.model.index(0, COL_ASSET_TAG)
    assert overdue.data(Qt.ItemDataRole.DecorationRole) is not None  # an icon, not colour only
    assert overdue.data(Qt.ItemDataRole.BackgroundRole) is not None
    view.filters.clear()
    wait_idle(qtbot, window.session)
    view.filters.select("status", InstrumentStatus.IN_SERVICE)
    wait_idle(qtbot, window.session)
    statuses = {view.model.index(r, COL_STATUS).data() for r in range(view.model.rowCount())}
    assert statuses == {"In service"}
    expected = count_register(
        window.session.db, RegisterFilter(status=InstrumentStatus.IN_SERVICE), date.today(), 30
    )
    assert view.total == expected


def test_header_click_sorts_by_due_date_in_sql(qtbot, window) -> None:
    view = _register(qtbot, window)
    header = view.table.horizontalHeader()
    x = header.sectionViewportPosition(COL_DUE) + header.sectionSize(COL_DUE) // 2
    with qtbot.waitSignal(view.rows_loaded, timeout=10_000):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert view.model.order_by == "due_on"
    dues = [view.model.row_at(r).due_on for r in range(view.model.rowCount())]
    known = [d for d in dues if d is not None]
    assert known == sorted(known)
    assert view.order.currentIndex() == 1  # the order combo follows the header
    expected = query_register(
        window.session.db, RegisterFilter(), order_by="due_on", limit=5, today=date.today()
    )
    assert _tags(view)[:5] == [item.asset_tag for item in expected]


def test_scrolling_fetches_more_pages(qtbot, window) -> None:
    view = _register(qtbot, window)
    view.model.page_size = 10  # the seeded lab has 60 items; pages of 10 show the paging
    view.requery()
    wait_idle(qtbot, window.session)  # the view fetched what fills its viewport, no more
    assert 10 <= view.model.rowCount() < view.total
    assert view.model.rowCount() % 10 == 0
    assert view.model.canFetchMore()
    assert "scroll for more" in view.count_label.text()
    while view.model.rowCount() < view.total:
        before = view.model.rowCount()
        view.table.scrollToBottom()
        qtbot.waitUntil(lambda b=before: view.model.rowCount() > b, timeout=10_000)
    assert not view.model.canFetchMore()
    assert len(set(_tags(view))) == view.total


def test_a_short_first_page_is_its_own_count(qtbot, window, monkeypatch) -> None:
    view = _register(qtbot, window)
    asked: list[object] = []

    def counting(*args, **kw):
        asked.append(args)
        return count_register(*args, **kw)

    monkeypatch.setattr("labapp.ui.register._count.count_register", counting)
    tag = view.model.index(3, COL_ASSET_TAG).data()
    qtbot.keyClicks(view.search, tag)
    qtbot.waitUntil(lambda: view.total == 1, timeout=10_000)
    assert view.count_label.text() == "1 item"
    assert asked == []  # the one-row page said it: no second scan of the table
    view.model.page_size = 10  # the seeded lab's 60 items fill a first page of 10
    view.search.clear()
    qtbot.waitUntil(lambda: view.total is not None and view.total > 1, timeout=10_000)
    assert len(asked) == 1  # a full first page: the count is asked


def test_a_search_count_above_the_cap_says_more_than(qtbot, window, monkeypatch) -> None:
    view = _register(qtbot, window)
    monkeypatch.setattr("labapp.services.register._query.SEARCH_COUNT_CAP", 5)
    matches = count_register(window.session.db, RegisterFilter(search="-"))
    assert matches > 5  # every demo asset tag has a dash
    view.model.page_size = 4
    qtbot.keyClicks(view.search, "-")
    qtbot.waitUntil(lambda: view.total == 6, timeout=10_000)  # counted up to cap + 1
    wait_idle(qtbot, window.session)
    assert view.count_label.text().startswith("More than 5 items")
    while view.model.canFetchMore():  # the capped count does not stop the paging
        with qtbot.waitSignal(view.rows_loaded, timeout=10_000):
            view.model.fetchMore()  # what the table asks for when scrolled to the bottom
        wait_idle(qtbot, window.session)  # the table may have asked for one more itself
    assert view.model.rowCount() == matches


def test_selecting_a_row_shows_the_detail_with_history_newest_first(
    qtbot, qtmodeltester, window
) -> None:
    view = _register(qtbot, window)
    row = next(r for r in range(view.model.rowCount()) if view.model.row_at(r).last_calibrated_on)
    item = view.model.row_at(row)
    with qtbot.waitSignal(view.detail_loaded, timeout=10_000):
        qtbot.mouseClick(
            view.table.viewport(),
            Qt.MouseButton.LeftButton,
            pos=view.table.visualRect(view.model.index(row, 1)).center(),
        )
    pane = view.detail
    assert pane.detail.id == item.id
    assert item.asset_tag in pane.heading.text()
    assert pane.form_values["asset_tag"].text() == item.asset_tag
    dates = [pane.events_model.row_at(r).performed_on for r in range(pane.events_model.rowCount())]
    assert dates and dates == sorted(dates, reverse=True)
    qtmodeltester.check(pane.events_model)
    qtmodeltester.check(pane.audit_model)
    assert pane.chain is not None and pane.chain.instrument.id == item.id
    assert pane.chain_tree.topLevelItem(0).text(0).startswith(item.asset_tag)
    qtbot.mouseClick(pane.chain_button, Qt.MouseButton.LeftButton)
    assert window.current_view() is window.views["traceability"]
    wait_idle(qtbot, window.session)


def test_screenshot_register_with_detail_in_english_and_chinese(qtbot, window) -> None:
    from test_ui_mainwindow import _switch

    window.resize(1500, 860)
    view = _register(qtbot, window)
    with qtbot.waitSignal(view.detail_loaded, timeout=10_000):
        view.table.selectRow(2)
    for lang in ("en", "zh_CN"):
        _switch(qtbot, window, lang)
        wait_idle(qtbot, window.session)
        shoot(window, f"register-detail-{lang}")
    assert view.title.text() != "Register of instruments and standards"  # Chinese now
    _switch(qtbot, window, "en")


def test_history_double_click_opens_the_event(qtbot, window) -> None:
    from labapp.ui.events import EventDialog

    view = _register(qtbot, window)
    row = next(r for r in range(view.model.rowCount()) if view.model.row_at(r).last_calibrated_on)
    with qtbot.waitSignal(view.detail_loaded, timeout=10_000):
        view.table.selectRow(row)
    table = view.detail.events_table
    view.detail.tabs.setCurrentWidget(table)
    cell = table.visualRect(view.detail.events_model.index(0, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    dialogs = [d for d in window.findChildren(EventDialog) if d.isVisible()]
    assert len(dialogs) == 1
    wait_idle(qtbot, window.session)
    dialogs[0].close()


def test_open_attachment_exports_and_opens_it(qtbot, window, monkeypatch) -> None:
    from labapp.services.attachments._files import add_attachment
    from labapp.ui.events import _attachments as event_attachments

    view = _register(qtbot, window)
    item = view.model.row_at(0)
    add_attachment(
        window.session.db, "admin", instrument_id=item.id, filename="cert.pdf", content=b"%PDF-1.4"
    )
    opened = []
    monkeypatch.setattr(
        event_attachments.QDesktopServices, "openUrl", lambda url: opened.append(url) or True
    )
    with qtbot.waitSignal(view.detail_loaded, timeout=10_000):
        view.table.selectRow(0)
    assert view.detail.files.count() == 1
    assert view.detail.files.item(0).text().startswith("cert.pdf")
    qtbot.mouseClick(view.detail.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    path = opened[0].toLocalFile()
    assert path.endswith("cert.pdf")
    with open(path, "rb") as exported:
        assert exported.read() == b"%PDF-1.4"


def test_a_search_keeps_the_column_widths_the_user_sees(qtbot, window) -> None:
    """Columns are fitted to the first rows shown; a search neither refits them (40-120 ms of GUI
    thread per keystroke at 100 000 items) nor undoes a width the user set.  A language switch
    fits them again (the headings change)."""
    from labapp.ui.common import i18n

    view = _register(qtbot, window)
    fitted = view.table.columnWidth(COL_ASSET_TAG)
    assert fitted > 0
    view.table.setColumnWidth(COL_ASSET_TAG, fitted + 77)  # the user widens the column
    tag = view.model.index(0, COL_ASSET_TAG).data()
    with qtbot.waitSignal(view.rows_loaded, timeout=10_000):
        view.search.setText(tag)
    qtbot.waitUntil(lambda: _tags(view) == [tag], timeout=10_000)
    assert view.table.columnWidth(COL_ASSET_TAG) == fitted + 77
    try:
        assert i18n.install_language("zh_CN")
        with qtbot.waitSignal(view.rows_loaded, timeout=10_000):
            view.search.clear()
        assert view.table.columnWidth(COL_ASSET_TAG) != fitted + 77  # fitted again
    finally:
        i18n.install_language("en")
