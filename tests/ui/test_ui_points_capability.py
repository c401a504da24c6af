"""The points table shows MPE / U on every point and warns below the lab's threshold."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from labapp.ui.events._points_model import (
    COL_CAPABILITY,
    COL_DECISION,
    COL_U,
    PointsModel,
    PointText,
)


def _point(u: str, mpe: str, capability: str = "") -> PointText:
    return PointText(
        nominal="1 V", reference="1.000000 V", indication="1.000003 V",
        expanded_uncertainty=u, coverage_factor="2", mpe=mpe, capability=capability,
    )  # fmt: skip


def _data(model: PointsModel, row: int, role: Qt.ItemDataRole) -> object:
    return model.index(row, COL_CAPABILITY).data(role)


def test_capability_column_and_warning(qtbot, qtmodeltester) -> None:
    model = PointsModel()
    # the case: U = 20 µV against an MPE of 10 µV passes, MPE / U = 0.5; then 10/2 = 5
    model.set_points([_point("20 µV", "10 µV"), _point("2 µV", "10 µV"), _point("", "10 µV")])
    qtmodeltester.check(model)
    display = Qt.ItemDataRole.DisplayRole
    assert model.headerData(COL_CAPABILITY, Qt.Orientation.Horizontal, display) == "MPE / U"
    assert model.index(0, COL_DECISION).data() == "Pass"
    assert [_data(model, r, display) for r in range(3)] == ["0.50", "5.00", ""]
    warning = _data(model, 0, Qt.ItemDataRole.ToolTipRole)
    assert isinstance(warning, str) and "below 3" in warning and "JJF 1094" in warning
    assert _data(model, 0, Qt.ItemDataRole.BackgroundRole) is not None
    assert _data(model, 1, Qt.ItemDataRole.ToolTipRole) is None  # 5 >= 3: no warning
    assert _data(model, 2, Qt.ItemDataRole.BackgroundRole) is None  # no U: no ratio, no claim
    model.capability_threshold = Decimal(6)  # the lab's threshold (a setting, later)
    assert _data(model, 1, Qt.ItemDataRole.BackgroundRole) is not None


def test_a_stored_ratio_is_shown_until_the_point_is_edited(qtbot) -> None:
    model = PointsModel()
    # the record says 0.50 (as saved); the live inputs would give the same
    model.set_points([_point("20 µV", "10 µV", capability="0.50")])
    assert model.capability(0) == Decimal("0.50")
    model.set_cell(0, COL_U, "1 µV")  # U edited: the live ratio, 10 / 1
    assert model.capability(0) == Decimal("10.00")
    assert model.points()[0].capability == ""
