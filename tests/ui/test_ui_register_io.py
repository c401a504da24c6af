"""Register import and export through the GUI, driven as a user would (files chosen in code).

A ledger with bad cells: the errors are listed with their reasons, the error workbook is saved and
read back; the corrected ledger imports and its items appear in the register.  The template comes
from the File menu; the export follows the register page's search and can be cancelled.
"""

from __future__ import annotations

import threading
from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt
from uihelpers import shoot, wait_idle

from labapp.ui.common import i18n

HEADERS = ["Asset tag", "Name", "Quantity", "Range low", "Range high", "Range unit",
           "Accuracy kind", "Accuracy value", "Accuracy unit", "Location"]  # fmt: skip


def _ledger(path: Path, rows: list[list[object]]) -> Path:
    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.title = "Ledger"
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    wb.save(path)
    return path


def _row(tag: str, location: str, unit: str = "mV") -> list[object]:
    return [
        tag,
        "Digital multimeter",
        "DC voltage",
        0,
        "1000",
        "V",
        "MPE",
        "0.0035",
        unit,
        location,
    ]


def _a_location(window, qtbot) -> str:
    register = window.views["register"]
    window.show_page("register")
    qtbot.waitUntil(lambda: register.model.rowCount() > 0, timeout=30_000)
    items = [register.model.row_at(r) for r in range(register.model.rowCount())]
    return next(item.location for item in items if item.location)


def test_import_dialog_errors_then_a_good_file(
    window, qtbot, qtmodeltester, tmp_path: Path
) -> None:
    location = _a_location(window, qtbot)
    dialog = window.import_register()
    qtbot.addWidget(dialog)
    bad = _ledger(tmp_path / "bad.xlsx", [_row("IMP-1", location, "°C"), _row("IMP-2", "Room 999")])
    with qtbot.waitSignal(dialog.checked, timeout=30_000):
        dialog.choose_file(bad)
    qtmodeltester.check(dialog.model)
    assert dialog.table.isVisibleTo(dialog) and not dialog.import_button.isVisibleTo(dialog)
    cells = [
        dialog.model.display(dialog.model.row_at(r), 1) for r in range(dialog.model.rowCount())
    ]
    assert cells == ["H2", "J3"]  # the accuracy value whose unit (°C) is not the range's kind
    reasons = [dialog.model.display(dialog.model.row_at(r), 4) for r in range(2)]
    assert "same kind of quantity" in reasons[0] and "Room 999" in reasons[1]
    shoot(dialog, "import-errors")

    out = tmp_path / "bad.errors.xlsx"
    with qtbot.waitSignal(dialog.errors_saved, timeout=30_000):
        dialog.save_errors(out)
    wb = openpyxl.load_workbook(out)
    assert [r[2] + str(r[1]) for r in wb["errors"].iter_rows(min_row=2, values_only=True)] == cells
    assert wb["Ledger"]["H2"].fill.fgColor.rgb == "FFFFC7CE"

    good = _ledger(tmp_path / "good.xlsx", [_row("IMP-1", location), _row("IMP-2", location)])
    with qtbot.waitSignal(dialog.checked, timeout=30_000):
        dialog.choose_file(good)
    assert "2 item(s) will be added" in dialog.summary.text()
    assert dialog.import_button.isVisibleTo(dialog) and not dialog.table.isVisibleTo(dialog)
    qtmodeltester.check(dialog.preview_model)
    assert dialog.preview.isVisibleTo(dialog) and dialog.preview_model.rowCount() == 2
    assert dialog.preview_model.display(dialog.preview_model.row_at(1), 0) == "IMP-2"
    shoot(dialog, "import-preview")
    with qtbot.waitSignal(dialog.imported, timeout=30_000) as imported:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert imported.args == [2] and "Imported 2" in dialog.summary.text()

    register = window.views["register"]
    register.search.setText("IMP-")
    qtbot.waitUntil(lambda: register.model.rowCount() == 2, timeout=30_000)
    assert {register.model.row_at(r).asset_tag for r in range(2)} == {"IMP-1", "IMP-2"}
    dialog.close()


def test_file_menu_opens_the_import_dialog(window, qtbot) -> None:
    from labapp.ui.imports import ImportDialog

    actions = [a.text() for a in window.file_menu.actions()]
    assert {"&Import register…", "Download import &template…", "E&xport register…"} <= set(actions)
    window.import_register_action.trigger()
    dialog = window.findChild(ImportDialog)
    assert dialog is not None and dialog.isVisible() and dialog.choose_button.isEnabled()
    dialog.close()


def test_unreadable_file_is_explained_in_chinese(window, qtbot, tmp_path: Path) -> None:
    from labapp.ui.common import settings

    settings.put(settings.LANGUAGE, "zh_CN")
    i18n.install_language("zh_CN")
    dialog = window.import_register()
    qtbot.addWidget(dialog)
    text_file = tmp_path / "ledger.xlsx"
    text_file.write_bytes(b"PK\x03\x04 not a workbook")
    with qtbot.waitSignal(dialog.checked, timeout=30_000):
        dialog.choose_file(text_file)
    assert "已损坏" in dialog.summary.text()
    assert not dialog.import_button.isVisibleTo(dialog)
    shoot(dialog, "import-not-excel-zh")
    dialog.close()


def test_template_from_the_file_menu(window, qtbot, tmp_path: Path) -> None:
    target = tmp_path / "template.xlsx"
    window.import_template(str(target))
    wait_idle(qtbot, window.session)
    wb = openpyxl.load_workbook(target)
    assert wb.sheetnames[0] == "Register" and wb["Register"]["A1"].value == "Asset tag *"
    lists = {col[0].value: [c.value for c in col[1:] if c.value] for col in wb["lists"].columns}
    assert lists["location"] and lists["procedure"]  # the lab's own names as drop-downs


def test_export_follows_the_search_and_can_be_cancelled(window, qtbot, tmp_path: Path) -> None:
    register = window.views["register"]
    window.show_page("register")
    register.search.setText("CD-")

    def searched() -> bool:
        # the search is debounced: wait until it has applied and its rows and count are in
        model = register.model
        tags = [str(model.index(r, 0).data()) for r in range(model.rowCount())]
        return (
            not register._debounce.isActive()
            and bool(tags)
            and all(t.startswith("CD-") for t in tags)
            and register.count_label.text().endswith("items")
        )

    qtbot.waitUntil(searched, timeout=30_000)
    expected = register.total
    export = window.export_register(str(tmp_path / "register.xlsx"))
    with qtbot.waitSignal(export.finished, timeout=60_000) as done:
        pass
    result = done.args[0]
    assert not result.cancelled and result.rows_per_sheet["Register"] == expected
    tags = [r[0] for r in openpyxl.load_workbook(result.path)["Register"].iter_rows(
        min_row=2, values_only=True)]  # fmt: skip
    assert tags and all(str(t).startswith("CD-") for t in tags)

    # The worker must not finish the export before Cancel is pressed (on an idle machine it did,
    # and the export came back complete): hold the worker until the cancel flag is set.
    gate = threading.Event()
    window.session.worker.submit(lambda: gate.wait(30))
    export = window.export_register(str(tmp_path / "cancelled.xlsx"))
    export.cancel.set()  # as the progress dialog's Cancel button does
    gate.set()
    with qtbot.waitSignal(export.finished, timeout=60_000) as done:
        pass
    assert done.args[0].cancelled and not (tmp_path / "cancelled.xlsx").exists()
