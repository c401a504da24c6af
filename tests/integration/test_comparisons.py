"""The comparisons service on SQLite and PostgreSQL: records, participants, assigned values, scores.

Expected numbers come from the metrology functions and the published-cases JSON, never copied
from the service's own output.
"""

from __future__ import annotations

import json
import math
from decimal import Decimal
from pathlib import Path

import pytest

from labapp.domain.errors import ConcurrentModificationError, ValidationError
from labapp.metrology import comparison as mc
from labapp.metrology.comparison import ScoreClass
from labapp.services.comparisons import (
    add_participant,
    create_comparison,
    get_comparison,
    input_from_detail,
    list_comparisons,
    remove_participant,
    score_comparison,
    update_comparison,
    update_participant,
)
from labapp.services.comparisons._comparisons import (
    AssignedMethod,
    ComparisonInput,
    ParticipantInput,
    import_participants,
)

USER = "li.wei"
#: In the repository, as for the metrology tests (tests/unit/metrology/conftest.py).
CASES = Path(__file__).resolve().parents[1] / "data" / "reference-cases" / "published-cases.json"


def _e3_case() -> dict:
    cases = json.loads(CASES.read_text(encoding="utf-8"))
    return next(c for c in cases if c["id"] == "iso13528_2022_E3_robust")


def _comparison(db, **changes):
    data = ComparisonInput(
        title="DC voltage 10 V", measurand="10 V deviation", unit="µV", **changes
    )
    return create_comparison(db, USER, data)


def _five(db, comparison_id: int) -> None:
    rows = [
        ParticipantInput(f"L{i}", Decimal(v), Decimal(u), Decimal(k))
        for i, (v, u, k) in enumerate(
            [
                ("3.1", "0.8", "2"),
                ("3.4", "1.0", "2"),
                ("2.9", "0.6", "1.96"),
                ("3.3", "1.2", "3"),
                ("4.9", "0.5", "2"),
            ]
        )
    ]
    import_participants(db, USER, comparison_id, rows)


def test_create_list_and_update_keep_decimals(db):
    detail = _comparison(
        db, assigned_value="3.20", assigned_uncertainty="0.40", assigned_coverage_factor="2"
    )
    assert detail.assigned_value == Decimal("3.20")
    assert [c.title for c in list_comparisons(db)] == ["DC voltage 10 V"]
    changed = update_comparison(
        db, USER, detail.id, input_from_detail(detail, pilot_lab="NIM"), detail.version
    )
    assert changed.pilot_lab == "NIM" and changed.version == detail.version + 1
    with pytest.raises(ConcurrentModificationError):
        update_comparison(db, USER, detail.id, input_from_detail(detail), detail.version)


def test_participants_add_edit_remove_and_unit_conversion(db):
    cid = _comparison(db).id
    added = add_participant(
        db, USER, cid, ParticipantInput("A", "0.0031", "0.0008", "2", unit="mV", is_own_lab=True)
    )
    (part,) = added.participants
    assert part.value == Decimal("3.1") and part.expanded_uncertainty == Decimal("0.8")
    edited = update_participant(
        db, USER, part.id, ParticipantInput("A", "3.3", "0.9", "2.5"), part.version
    )
    assert edited.participants[0].coverage_factor == Decimal("2.5")
    assert remove_participant(db, USER, part.id, edited.participants[0].version).participants == ()


@pytest.mark.parametrize(
    ("data", "field", "code"),
    [
        (ParticipantInput("B", "3,1 µV", "0.5", "2"), "value", "not_a_number"),
        (ParticipantInput("B", "3.1", "0.5", "0"), "coverage_factor", "not_positive"),
        (ParticipantInput("B", "3.1", "0.5", "2", unit="kg"), "unit", "incommensurable"),
        (ParticipantInput("B", "3.1", "0.5", "2", unit="furlongs"), "unit", "unknown_unit"),
        (ParticipantInput("C", "3.1", "0.5", "2"), "code", "duplicate"),
        (ParticipantInput("B", "1e-150000000", "0.5", "2"), "value", "out_of_range"),
        (ParticipantInput("B", "3.1", "1" * 300, "2"), "expanded_uncertainty", "out_of_range"),
    ],
)
def test_bad_participants_are_refused_and_nothing_is_lost(db, data, field, code):
    cid = _comparison(db).id
    add_participant(db, USER, cid, ParticipantInput("A", "3.0", "0.5", "2"))
    before = get_comparison(db, cid)
    with pytest.raises(ValidationError) as info:
        import_participants(db, USER, cid, [ParticipantInput("C", "1", "1", "2"), data])
    assert (info.value.field, info.value.code) == (field, code)
    assert info.value.params["participant"] == data.code
    assert get_comparison(db, cid) == before


def test_provider_value_scores_with_each_participants_own_k(db):
    cid = _comparison(
        db, assigned_value="3.20", assigned_uncertainty="0.40", assigned_coverage_factor="2"
    ).id
    _five(db, cid)
    result = score_comparison(db, cid, AssignedMethod.PROVIDER, sigma_pt=Decimal("0.5"))
    assert (result.assigned_value, result.standard_uncertainty) == (3.2, 0.2)
    third = next(s for s in result.scores if s.code == "L2")
    assert third.en == pytest.approx(mc.en_number(2.9, 0.6, 3.2, 0.4))
    assert third.zeta == pytest.approx(mc.zeta_score(2.9, 0.6 / 1.96, 3.2, 0.2))
    assert third.z == pytest.approx(mc.z_score(2.9, 3.2, 0.5))
    assert third.z_prime == pytest.approx(mc.z_prime_score(2.9, 3.2, 0.5, 0.2))
    last = next(s for s in result.scores if s.code == "L4")
    assert last.en_class is ScoreClass.UNSATISFACTORY
    assert last.z_class is mc.classify_score(mc.z_score(4.9, 3.2, 0.5))


def test_weighted_mean_and_pilot(db):
    cid = _comparison(db, pilot_lab="L1").id
    _five(db, cid)
    values, u = [3.1, 3.4, 2.9, 3.3, 4.9], [0.4, 0.5, 0.6 / 1.96, 0.4, 0.25]
    wm = mc.weighted_mean(values, u)
    result = score_comparison(db, cid, AssignedMethod.WEIGHTED_MEAN)
    assert result.assigned_value == pytest.approx(wm.mean)
    assert result.standard_uncertainty == pytest.approx(wm.u)
    pilot = score_comparison(db, cid, "pilot")
    assert (pilot.assigned_value, pilot.coverage_factor) == (3.4, 2.0)


def test_algorithm_a_reproduces_iso_13528_e3(db):
    case = _e3_case()
    values = case["inputs"]["x"]
    expected = case["expected"]["algorithm_A"]
    cid = _comparison(db).id
    rows = [ParticipantInput(f"{i + 1:02d}", repr(v), "0.02", "2") for i, v in enumerate(values)]
    import_participants(db, USER, cid, rows)
    result = score_comparison(db, cid, AssignedMethod.ALGORITHM_A)
    x_star, s_star = mc.algorithm_a(values)
    assert result.assigned_value == pytest.approx(x_star)
    assert result.s_star == pytest.approx(s_star)
    assert round(result.assigned_value, 3) == expected["x_star"]
    assert round(result.s_star, 4) == expected["s_star"]
    assert result.standard_uncertainty == pytest.approx(1.25 * s_star / math.sqrt(len(values)))
    assert round(result.standard_uncertainty, 4) == expected["u_x_pt"]
    assert result.sigma_pt == pytest.approx(s_star)
    first = result.scores[0]
    assert first.z == pytest.approx((values[0] - x_star) / s_star)
    assert first.z_class is ScoreClass.UNSATISFACTORY


def test_scoring_refusals_name_the_participant(db):
    cid = _comparison(db).id
    import_participants(
        db, USER, cid, [ParticipantInput("A", "1", "0.1", "2"), ParticipantInput("B", "1.2")]
    )
    with pytest.raises(ValidationError) as info:
        score_comparison(db, cid, AssignedMethod.WEIGHTED_MEAN)
    assert info.value.field == "expanded_uncertainty" and info.value.params["participant"] == "B"
    update_participant(
        db, USER, get_comparison(db, cid).participants[1].id,
        ParticipantInput("B", "1.2", "0.1", "2"), get_comparison(db, cid).participants[1].version,
    )  # fmt: skip
    with pytest.raises(ValidationError) as info:
        score_comparison(db, cid, AssignedMethod.ALGORITHM_A)
    assert info.value.code == "too_few"
    with pytest.raises(ValidationError) as info:
        score_comparison(db, cid, AssignedMethod.PROVIDER)
    assert info.value.field == "assigned_value"
    with pytest.raises(ValidationError) as info:
        score_comparison(db, cid, AssignedMethod.PILOT)
    assert info.value.code == "no_pilot"
    with pytest.raises(ValidationError) as info:
        score_comparison(db, cid, AssignedMethod.WEIGHTED_MEAN, sigma_pt="abc")
    assert (info.value.field, info.value.code) == ("sigma_pt", "not_a_number")
    with pytest.raises(ValidationError) as info:
        score_comparison(db, cid, AssignedMethod.WEIGHTED_MEAN, sigma_pt="0")
    assert info.value.code == "not_positive"


def test_workbook_import_is_all_or_nothing_and_the_report_is_written(db, tmp_path):
    import openpyxl

    from labapp.io.excel import CoverInfo
    from labapp.services.comparisons import export_report, import_workbook

    cid = _comparison(db, pilot_lab="L1").id
    _five(db, cid)
    before = get_comparison(db, cid)
    bad = openpyxl.Workbook()
    bad.active.append(["Code", "Value", "U", "k", "Unit"])
    bad.active.append(["N1", "0.0030", "0.0005", 2, "mV"])
    bad.active.append(["N2", "text", "0.5", 2, None])
    bad.save(tmp_path / "bad.xlsx")
    checked, after = import_workbook(db, USER, cid, tmp_path / "bad.xlsx")
    assert after is None and [(e.row, e.column) for e in checked.errors] == [(3, "B")]
    assert get_comparison(db, cid) == before
    bad.active.delete_rows(3)
    bad.save(tmp_path / "good.xlsx")
    _, after = import_workbook(db, USER, cid, tmp_path / "good.xlsx")
    assert after is not None
    new = next(p for p in after.participants if p.code == "N1")
    assert (new.value, new.expanded_uncertainty) == (Decimal("3.0"), Decimal("0.5"))
    path = export_report(
        db, cid, tmp_path / "report.xlsx", CoverInfo("Report"), method=AssignedMethod.ALGORITHM_A
    )
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[:3] == ["Cover", "Inputs", "Scores"]
    assert wb["Scores"].max_row == 7
    assert sum(len(ws._images) for ws in wb.worksheets) == 2
