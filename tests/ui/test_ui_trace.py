"""The Traceability page on a seeded lab: the chain to the NMI with a red broken link, the lab's
broken chains, and the reverse trace of a failed standard exported to Excel."""

from __future__ import annotations

from datetime import date, timedelta

import openpyxl
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog
from uihelpers import shoot

from labapp.domain.enums import EventKind, EventResult
from labapp.domain.point_values import parse_point
from labapp.services.events import EventInput
from labapp.services.events._draft import approve_event, check_event, save_draft
from labapp.services.register import list_instruments
from labapp.ui.common import i18n
from labapp.ui.common.view import TRACEABILITY
from labapp.ui.traceability._models import COL_BROKEN, COL_ITEM, COL_PROVIDER

TIMEOUT = 30_000


def page(qtbot, window):
    window.show_page(TRACEABILITY)
    return window.views[TRACEABILITY]


def settled(qtbot, view) -> None:
    """Until the layout has given the summary its lines (layout requests are posted)."""
    qtbot.waitUntil(
        lambda: view.summary.height() >= view.summary.heightForWidth(view.summary.width())
    )


def to_chinese(qtbot, view) -> None:
    """Switch to Chinese and wait until the page has retranslated (LanguageChange is posted)."""
    assert i18n.install_language("zh_CN")
    qtbot.waitUntil(lambda: view.title.text() == "量值溯源")


def tree_rows(model, parent=None):
    from PySide6.QtCore import QModelIndex

    parent = parent or QModelIndex()
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        yield index
        yield from tree_rows(model, index)


def test_forward_chain_reaches_the_nmi_with_broken_links_red(qtbot, qtmodeltester, window):
    view = page(qtbot, window)
    item = next(
        r for r in list_instruments(window.session.db, limit=500) if r.asset_tag == "CD-000003"
    )
    with qtbot.waitSignal(view.chain_loaded, timeout=TIMEOUT):
        window.show_traceability(item.id)
    model = view.model
    qtmodeltester.check(model)
    rows = list(tree_rows(model))
    assert len(rows) >= 3  # the item, its standard, the standard's standard
    providers = [r.siblingAtColumn(COL_PROVIDER).data() for r in rows]
    assert any("National metrology institute" in (p or "") for p in providers)
    assert "reaches a national metrology institute" in view.summary.text()
    broken = [r for r in rows if model.node(r).broken]
    assert broken, "the demo's expired certificate shows as a broken link"
    assert broken[0].data(Qt.ItemDataRole.ForegroundRole).color().name() == "#c62828"
    assert "Certificate expired" in broken[0].siblingAtColumn(COL_BROKEN).data()
    settled(qtbot, view)
    shoot(window, "traceability_tree_en")
    to_chinese(qtbot, view)
    assert "证书" in broken[0].siblingAtColumn(COL_BROKEN).data()
    assert rows[0].siblingAtColumn(COL_ITEM).data().startswith("CD-000003")
    settled(qtbot, view)
    shoot(window, "traceability_tree_zh")


def test_typing_an_asset_tag_shows_its_chain(qtbot, window):
    view = page(qtbot, window)
    qtbot.keyClicks(view.search, "CD-000002")
    with qtbot.waitSignal(view.chain_loaded, timeout=TIMEOUT):
        qtbot.keyClick(view.search, Qt.Key.Key_Return)
    assert view.model.node(view.model.index(0, 0)).instrument.asset_tag == "CD-000002"


def test_broken_chains_list_shows_the_demo_broken_chain(qtbot, qtmodeltester, window):
    view = page(qtbot, window)
    view.tabs.setCurrentWidget(view.broken)
    with qtbot.waitSignal(view.broken.loaded, timeout=TIMEOUT):
        qtbot.mouseClick(view.broken.find_button, Qt.MouseButton.LeftButton)
    model = view.broken.model
    qtmodeltester.check(model)
    assert model.rowCount() >= 1
    assert "expired" in model.index(0, model.COL_REASON).data().lower()
    assert "1 broken chain" in view.broken.count.text() or model.rowCount() > 1
    with qtbot.waitSignal(view.chain_loaded, timeout=TIMEOUT):
        view.broken.table.doubleClicked.emit(model.index(0, 0))
    assert view.tabs.currentWidget() is view.forward_tab


def fail_standard(db, asset_tag: str) -> None:
    """Approve a FAIL calibration of a standard (performed by liuyang, four eyes respected)."""
    from labapp.services.accounts import authenticate

    standard = next(r for r in list_instruments(db, limit=500) if r.asset_tag == asset_tag)
    authenticate(db, "liuyang", "demo")  # the window logged admin in; liuyang signs in to write
    draft = save_draft(
        db,
        "liuyang",
        EventInput(
            instrument_id=standard.id,
            kind=EventKind.CALIBRATION,
            performed_on=date.today(),
            points=(parse_point("10 V", "10.1 V", mpe="1 mV"),),
        ),
    )
    assert draft.result == EventResult.FAIL
    checked = check_event(db, "zhangwei", draft.id, draft.version, "demo")
    approve_event(db, "liming", checked.id, checked.version, "demo")


def test_reverse_trace_of_a_failed_standard_and_export(
    qtbot, qtmodeltester, window, tmp_path, monkeypatch
):
    db = window.session.db
    fail_standard(db, "DX-000001")
    view = page(qtbot, window)
    reverse = view.reverse
    view.tabs.setCurrentWidget(reverse)
    qtbot.keyClicks(reverse.standard, "DX-000001")
    reverse.since.setDate(QDate(date.today() - timedelta(days=730)))
    with qtbot.waitSignal(reverse.loaded, timeout=TIMEOUT):
        qtbot.mouseClick(reverse.run_button, Qt.MouseButton.LeftButton)
    model = reverse.model
    qtmodeltester.check(model)
    assert model.rowCount() == reverse.trace.events > 0
    assert "depth 1:" in reverse.counts.text()
    shoot(window, "reverse_trace_en")
    target = tmp_path / "trace.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(reverse.exported, timeout=TIMEOUT):
        qtbot.mouseClick(reverse.export_button, Qt.MouseButton.LeftButton)
    workbook = openpyxl.load_workbook(target)
    assert workbook.sheetnames[0] == "Cover"
    sheet = workbook[workbook.sheetnames[1]]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Depth", "Event date", "Asset tag")
    assert len(rows) - 1 == model.rowCount()
    assert {r[2] for r in rows[1:]} == {model.row_at(i).asset_tag for i in range(model.rowCount())}
    to_chinese(qtbot, view)
    shoot(window, "reverse_trace_zh")
