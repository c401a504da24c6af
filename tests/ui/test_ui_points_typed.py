"""The points table parses a cell once, when its text changes, and hands the dialog typed points."""

from __future__ import annotations

from decimal import Decimal

import pytest

from labapp.domain.enums import Decision, Stage
from labapp.domain.errors import ValidationError
from labapp.domain.point_values import PointValues
from labapp.domain.points import DecisionRule
from labapp.domain.quantities import Measured
from labapp.ui.events import _point_cells
from labapp.ui.events._points_model import COL_INDICATION, COL_K, COL_U, PointsModel, PointText

D = Decimal
TYPED = PointText(reference="10000.2 mV", indication="10.0005 V", nominal="10 V", mpe="0,5 mV")


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every (field, text) the table parses, in order."""
    calls: list[tuple[str, str]] = []
    real = _point_cells.parse_cell

    def counting(field: str, text: str | None) -> object:
        calls.append((field, text or ""))
        return real(field, text)

    monkeypatch.setattr(_point_cells, "parse_cell", counting)
    return calls


def test_a_cell_is_parsed_when_its_text_changes_and_never_to_evaluate(
    qtbot, qtmodeltester, parsed: list[tuple[str, str]]
) -> None:
    model = PointsModel()
    model.set_points([TYPED])
    # loading: each of the row's cells once (the stage and the eight values), nothing twice
    assert sorted(f for f, _ in parsed) == sorted(
        ["stage", "nominal", "reference", "indication", "expanded_uncertainty",
         "coverage_factor", "mpe", "lower", "upper"]
    )  # fmt: skip
    parsed.clear()
    model.set_cell(0, COL_U, "0.2 mV")
    model.set_cell(0, COL_K, "2")
    assert parsed == [("expanded_uncertainty", "0.2 mV"), ("coverage_factor", "2")]
    parsed.clear()
    model.preview(0, COL_INDICATION, "10.0009")  # a keystroke: the typed cell only
    assert parsed == [("indication", "10.0009")]
    assert model.evaluation(0).field == "indication"  # no unit yet: the cell says so
    model.end_preview(0)
    parsed.clear()
    model.set_rule(DecisionRule.GUARD_BAND, 1.0)  # every row evaluated again, nothing parsed
    model.set_rule(DecisionRule.SIMPLE)
    assert parsed == []
    assert model.decisions() == [Decision.PASS]  # 0.3 mV error within ±0.5 mV
    qtmodeltester.check(model)


def test_the_dialog_gets_typed_points_with_the_typed_digits(qtbot) -> None:
    model = PointsModel()
    model.set_points([TYPED, PointText(), PointText(stage=Stage.AS_FOUND, reference="1.000 V",
                                                    indication="1.002 V")])  # fmt: skip
    model.set_cell(0, COL_U, "0.20 mV")
    assert model.values() == [
        PointValues(
            reference=Measured(D("10000.2"), "mV"),
            indication=Measured(D("10.0005"), "V"),
            nominal=Measured(D("10"), "V"),
            expanded_uncertainty=Measured(D("0.20"), "mV"),
            mpe=Measured(D("0.5"), "mV"),
        ),
        PointValues(Measured(D("1.000"), "V"), Measured(D("1.002"), "V"), stage=Stage.AS_FOUND),
    ]  # the blank row left out
    assert str(model.values()[0].expanded_uncertainty.value) == "0.20"
    assert model.stage_decisions() == [(Stage.AS_LEFT, Decision.PASS),
                                       (Stage.AS_FOUND, Decision.NONE)]  # fmt: skip


def test_a_stored_point_is_loaded_typed_without_parsing(
    qtbot, parsed: list[tuple[str, str]]
) -> None:
    stored = PointValues(Measured(D("10.000"), "V"), Measured(D("10.003"), "V"),
                         mpe=Measured(D("5"), "mV"))  # fmt: skip
    text = PointText(reference="10.000 V", indication="10.003 V", mpe="5 mV", capability="1.50")
    model = PointsModel()
    model.set_points([text], [stored])
    assert parsed == []  # the values came typed; the text is for display
    assert model.values() == [stored]
    assert model.capability(0) == D("1.50")  # the ratio stored with the record
    assert model.index(0, COL_INDICATION).data() == "10.003 V"


def test_a_row_that_does_not_parse_is_not_saved(qtbot) -> None:
    model = PointsModel()
    model.set_points([TYPED])
    model.set_cell(0, COL_K, "two")
    assert model.problems() and model.problems()[0][1] == "coverage_factor"
    with pytest.raises(ValidationError) as caught:
        model.values()
    assert (caught.value.field, caught.value.code) == ("coverage_factor", "not_a_number")
