"""A lab's own ledger imported through the GUI, clicked through as a user would: the ledger chosen,
its mapping shown and corrected (re-checked), "create missing" ticked with what it creates listed,
Import, and the items in the register; the mapping remembered for the layout; EN and ZH shots."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt
from uihelpers import shoot

from labapp.ui.common import i18n

ROWS = [
    ["质检部 计量器具台账"],
    ["编制：张三", None, None, "更新日期：2026-01-05"],
    ["序号", "管理编号", "计量器具名称", "测量范围", "最大允许误差", "检定周期", "有效期至",
     "使用部门", "保管人", "颜色"],
    [1, "LED-1", "游标卡尺", "0～150mm", "±0.02mm", "半年", "2026-02-28", "新质检部", "新同事",
     "黑"],
    [2, "LED-2", "外径千分尺", "(0~25)mm", "±0.004mm", "1年", "2026-08-31", "新质检部",
     "新同事", "银"],
]  # fmt: skip


def _ledger(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "台账"
    for row in ROWS:
        sheet.append(row)
    sheet.merge_cells("A1:J1")
    book.save(path)
    return path


def _check(dialog, qtbot, action) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(dialog.checked, timeout=30_000):
        action()


def _cjk(dialog) -> None:  # type: ignore[no-untyped-def]
    """Chinese in the screenshots as the app shows it (the app applies the CJK font at start)."""
    from PySide6.QtWidgets import QApplication

    from labapp.ui.common.fonts import apply_cjk_font

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_cjk_font(app)  # None without a CJK font: the shot shows boxes, the test still holds
    dialog.setFont(app.font())


def test_a_ledger_mapped_created_and_imported(window, qtbot, qtmodeltester, tmp_path: Path):  # type: ignore[no-untyped-def]
    from labapp.services.imports import remembered_mapping

    dialog = window.import_register()
    qtbot.addWidget(dialog)
    ledger = _ledger(tmp_path / "台账.xlsx")
    _check(dialog, qtbot, lambda: dialog.choose_file(ledger))
    panel = dialog.mapping_panel
    assert panel.isVisibleTo(dialog) and panel.field_combo("B").currentData() == "asset_tag"
    samples = {panel.table.item(r, 0).text(): panel.table.item(r, 3).text()
               for r in range(panel.table.rowCount())}  # fmt: skip
    assert samples["B"] == "LED-1 | LED-2" and samples["J"] == "黑 | 银"
    assert panel.field_combo("J").currentData() is None  # 颜色 goes to the notes
    codes = {e.code for e in dialog.check.errors}
    assert codes == {"missing_department", "missing_custodian"}
    assert "新质检部" in panel.missing.text() and not dialog.import_button.isVisibleTo(dialog)

    combo = panel.field_combo("J")  # the user leaves the colour out
    _check(dialog, qtbot, lambda: combo.setCurrentIndex(combo.findData("ignore")))
    assert dialog.check.mapping.fields.get("ignore") is None
    assert {c.field for c in dialog.check.mapping.columns if c.column == "J"} == {"ignore"}
    _check(dialog, qtbot, lambda: panel.create_missing.setChecked(True))
    assert dialog.check.ok and dialog.import_button.isVisibleTo(dialog)
    assert "新质检部" in panel.missing.text() and "新同事" in panel.missing.text()
    qtmodeltester.check(dialog.preview_model)
    assert dialog.preview_model.rowCount() == 2
    assert dialog.preview_model.display(dialog.preview_model.row_at(0), 7) == "0.02 mm"
    assert dialog.preview_model.display(dialog.preview_model.row_at(0), 6) == "MPE"
    _cjk(dialog)
    shoot(dialog, "ledger-import-en")

    with qtbot.waitSignal(dialog.imported, timeout=30_000) as imported:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert imported.args == [2]
    assert remembered_mapping(dialog.mapping_panel.mapping.fingerprint) is not None
    register = window.views["register"]
    window.show_page("register")
    register.search.setText("LED-")
    qtbot.waitUntil(lambda: register.model.rowCount() == 2, timeout=30_000)
    assert {register.model.row_at(r).asset_tag for r in range(2)} == {"LED-1", "LED-2"}
    dialog.close()


def test_the_import_screen_in_chinese(window, qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    from labapp.ui.common import settings

    settings.put(settings.LANGUAGE, "zh_CN")
    i18n.install_language("zh_CN")
    dialog = window.import_register()
    qtbot.addWidget(dialog)
    _check(dialog, qtbot, lambda: dialog.choose_file(_ledger(tmp_path / "台账.xlsx")))
    panel = dialog.mapping_panel
    assert panel.field_combo("C").currentText() == "计量器具名称"
    assert "不在 LabApp 中" in panel.missing.text() or "LabApp 中没有" in panel.missing.text()
    assert dialog.windowTitle() != "Import register"
    assert dialog.preview_model.rowCount() == 2  # lines without errors are previewed
    _check(dialog, qtbot, lambda: panel.create_missing.setChecked(True))
    assert panel.missing.text().startswith("将创建") and dialog.check.ok
    _cjk(dialog)
    shoot(dialog, "ledger-import-zh")
    dialog.close()


def test_a_tag_pattern_numbers_a_ledger_without_tags(window, qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    """No column holds tags: the file is refused, saying a pattern is needed, with the pattern box
    shown; the user types one and the lines are numbered down the file, shown in the preview and
    imported as numbered."""
    untagged = [row[:1] + row[2:] for row in ROWS]  # 管理编号 (column B) left out
    book = openpyxl.Workbook()
    for row in untagged:
        book.active.append(row)
    book.save(tmp_path / "无编号台账.xlsx")
    dialog = window.import_register()
    qtbot.addWidget(dialog)
    _check(dialog, qtbot, lambda: dialog.choose_file(tmp_path / "无编号台账.xlsx"))
    panel = dialog.mapping_panel
    assert dialog.check is None and "LAB-{seq:05}" in dialog.summary.text()
    assert panel.tag_pattern.isVisibleTo(dialog) and panel.tag_pattern.isEnabled()
    assert not dialog.import_button.isVisibleTo(dialog)

    pattern = "QJ-{seq:03}"
    panel.tag_pattern.setFocus()
    qtbot.keyClicks(panel.tag_pattern, pattern)
    _check(dialog, qtbot, lambda: qtbot.keyClick(panel.tag_pattern, Qt.Key.Key_Return))
    _check(dialog, qtbot, lambda: panel.create_missing.setChecked(True))
    assert dialog.check.ok, dialog.check.errors[:3]
    expected = [pattern.format(seq=n) for n in (1, 2)]  # numbered down the file, from 1
    records = dialog.check.records
    assert [(r.asset_tag, r.tag_generated, r.name) for r in records] == [
        (expected[0], True, untagged[3][1]),
        (expected[1], True, untagged[4][1]),
    ]
    model = dialog.preview_model
    shown = {model.display(model.row_at(r), c) for r in range(model.rowCount()) for c in range(3)}
    assert set(expected) <= shown
    _cjk(dialog)
    shoot(dialog, "ledger-tag-pattern-en")
    with qtbot.waitSignal(dialog.imported, timeout=30_000) as imported:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert imported.args == [2]
    register = window.views["register"]
    window.show_page("register")
    register.search.setText("QJ-")
    qtbot.waitUntil(lambda: register.model.rowCount() == 2, timeout=30_000)
    assert {register.model.row_at(r).asset_tag for r in range(2)} == set(expected)
    dialog.close()
