"""The PT plan, score history, corrective actions and stored σ_pt on SQLite and PostgreSQL.

Expected numbers come from the metrology functions and the cycle rule, never from the service.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from labapp.domain.errors import ValidationError
from labapp.domain.proficiency import CorrectiveStatus, Coverage
from labapp.metrology import comparison as mc
from labapp.metrology.comparison import ScoreClass
from labapp.persistence.models import AuditLogRow
from labapp.services.comparisons import (
    AssignedMethod,
    ComparisonInput,
    ParticipantInput,
    create_comparison,
    get_comparison,
    input_from_detail,
    remove_participant,
    score_comparison,
    update_comparison,
)
from labapp.services.comparisons._comparisons import import_participants
from labapp.services.corrective_actions import ActionInput
from labapp.services.corrective_actions import _actions as ca
from labapp.services.proficiency import SubdisciplineInput
from labapp.services.proficiency import _plan as pt
from labapp.services.register import InstrumentData, create_instrument

USER = "zhang.min"
TODAY = date(2026, 6, 1)
#: (code, value, U, k, own lab) of a provider-valued comparison at X = 10.000, U = 0.004, k = 2
RESULTS = [
    ("A", "10.001", "0.004", "2", False),
    ("B", "9.998", "0.005", "2", False),
    ("OWN", "10.012", "0.004", "2", True),
]


def _comparison(db, title="DC 10 V", ended_on=date(2025, 5, 1), results=RESULTS, **extra):
    data = ComparisonInput(
        title=title, measurand="DC voltage 10 V", unit="V", ended_on=ended_on,
        assigned_value_method=AssignedMethod.PROVIDER, assigned_value="10.000",
        assigned_uncertainty="0.004", assigned_coverage_factor="2", **extra,
    )  # fmt: skip
    cid = create_comparison(db, USER, data).id
    rows = [ParticipantInput(c, v, u, k, is_own_lab=o) for c, v, u, k, o in results]
    import_participants(db, USER, cid, rows)
    return cid


def test_cycle_coverage_due_and_overdue(db):
    dc = pt.save_subdiscipline(db, USER, SubdisciplineInput("DC voltage", "voltage"))
    mass = pt.save_subdiscipline(db, USER, SubdisciplineInput("mass 1 mg–1 kg", "mass"))
    assert pt.pt_plan(db, TODAY).cycle is None
    info = pt.set_cycle(db, USER, date(2022, 1, 1), 6, TODAY)
    assert (info.current.starts_on, info.current.ends_on) == (date(2022, 1, 1), date(2027, 12, 31))
    cid = _comparison(db)
    pt.set_scope(db, USER, cid, dc.id, "")
    old = _comparison(db, "old DC", ended_on=date(2019, 3, 1))
    pt.set_scope(db, USER, old, mass.id, "mass 1 kg")
    lines = {ln.subdiscipline.name: ln for ln in pt.pt_plan(db, TODAY).lines}
    assert lines["DC voltage"].coverage is Coverage.COVERED
    assert lines["DC voltage"].comparisons == ("DC 10 V",)
    assert lines["mass 1 mg–1 kg"].coverage is Coverage.DUE
    assert lines["mass 1 mg–1 kg"].last_on == date(2019, 3, 1)
    late = {ln.subdiscipline.name: ln for ln in pt.pt_plan(db, date(2027, 3, 1)).lines}
    assert late["mass 1 mg–1 kg"].coverage is Coverage.DUE_SOON
    # 2028 starts the next cycle: nothing covers either sub-discipline in it yet
    nxt = pt.pt_plan(db, date(2028, 2, 1))
    assert nxt.cycle is not None and nxt.cycle.current.starts_on == date(2028, 1, 1)
    assert {ln.coverage for ln in nxt.lines} == {Coverage.DUE}
    # taken out of the scope: listed last, never due
    pt.save_subdiscipline(
        db, USER, SubdisciplineInput(mass.name, mass.quantity, active=False), mass.id, mass.version
    )
    lines = pt.pt_plan(db, TODAY).lines
    assert [(ln.subdiscipline.name, ln.coverage) for ln in lines] == [
        ("DC voltage", Coverage.COVERED),
        ("mass 1 mg–1 kg", Coverage.NOT_IN_SCOPE),
    ]


def test_subdiscipline_and_cycle_refusals(db):
    pt.save_subdiscipline(db, USER, SubdisciplineInput("DC voltage"))
    with pytest.raises(ValidationError) as info:
        pt.save_subdiscipline(db, USER, SubdisciplineInput(" DC voltage "))
    assert info.value.code == "duplicate"
    with pytest.raises(ValidationError) as info:
        pt.save_subdiscipline(db, USER, SubdisciplineInput("  "))
    assert info.value.code == "required"
    with pytest.raises(ValidationError) as info:
        pt.set_cycle(db, USER, date(2022, 1, 1), 0, TODAY)
    assert info.value.code == "out_of_range"
    assert [s.name for s in pt.list_subdisciplines(db)] == ["DC voltage"]


def test_history_per_quantity_with_scores_and_problems(db):
    sub = pt.save_subdiscipline(db, USER, SubdisciplineInput("DC voltage"))
    good = _comparison(db, "2024 round", ended_on=date(2024, 4, 1))
    bad = _comparison(db, "2025 round", ended_on=date(2025, 4, 1))
    broken = _comparison(
        db, "no U", ended_on=date(2023, 4, 1),
        results=[("A", "10.001", None, None, False), ("OWN", "10.0", "0.004", "2", True)],
    )  # fmt: skip
    others = _comparison(
        db, "not ours", ended_on=date(2022, 4, 1), results=[("A", "10.0", "0.004", "2", False)]
    )
    for cid in (good, bad, broken, others):
        pt.set_scope(db, USER, cid, sub.id, "10 V")
    history = pt.score_history(db, "10 V")
    assert [h.scope.title for h in history] == ["not ours", "no U", "2024 round", "2025 round"]
    assert history[0].problem.code == "no_own_result" and history[0].participant_id is None
    assert history[1].problem.field == "expanded_uncertainty" and history[1].en is None
    history = history[1:]
    expected_en = mc.en_number(10.012, 0.004, 10.000, 0.004)
    assert history[2].en == pytest.approx(expected_en)
    assert history[2].en_class is ScoreClass.UNSATISFACTORY and history[2].unsatisfactory
    assert pt.score_history(db, "another quantity") == []


def test_sigma_pt_is_stored_in_the_comparisons_unit_and_used(db):
    cid = _comparison(db)
    detail = get_comparison(db, cid)
    detail = update_comparison(
        db, USER, cid, input_from_detail(detail, sigma_pt="5 mV"), detail.version
    )
    assert detail.sigma_pt == Decimal("0.005")
    result = score_comparison(db, cid)
    own = next(s for s in result.scores if s.is_own_lab)
    assert result.sigma_pt == pytest.approx(0.005)
    assert own.z == pytest.approx(mc.z_score(10.012, 10.000, 0.005))
    assert own.z_prime == pytest.approx(mc.z_prime_score(10.012, 10.000, 0.005, 0.002))
    for bad, code in (
        ("5 kg", "incommensurable"),
        ("-1 mV", "not_positive"),
        ("x", "not_a_number"),
    ):
        with pytest.raises(ValidationError) as info:
            update_comparison(
                db, USER, cid, input_from_detail(detail, sigma_pt=bad), detail.version
            )
        assert (info.value.field, info.value.code) == ("sigma_pt", code)
    assert get_comparison(db, cid) == detail  # nothing lost


def _standard(db, tag):
    return create_instrument(db, USER, InstrumentData(asset_tag=tag, name=f"standard {tag}")).id


def test_corrective_action_open_close_and_standards_at_risk(db):
    cid = _comparison(db)
    own = next(p for p in get_comparison(db, cid).participants if p.is_own_lab)
    first, second = _standard(db, "STD-1"), _standard(db, "STD-2")
    with pytest.raises(ValidationError) as info:
        ca.open_action(db, USER, own.id, ActionInput(" "), TODAY)
    assert info.value.field == "description"
    action = ca.open_action(
        db, USER, own.id, ActionInput("En = 2.1 at 10 V", instrument_ids=(first, second)), TODAY
    )
    assert action.status is CorrectiveStatus.OPEN and action.opened_by == USER
    assert [s.asset_tag for s in action.standards] == ["STD-1", "STD-2"]
    assert ca.standard_risk(db, first).at_risk
    data = ActionInput(action.description, "drifted reference divider", "recalibrated", "",
                       (first,))  # fmt: skip
    with pytest.raises(ValidationError) as info:
        ca.close_action(db, USER, action.id, data, action.version, TODAY)
    assert info.value.field == "verification"
    assert ca.get_action(db, action.id).status is CorrectiveStatus.OPEN  # nothing changed
    with pytest.raises(ValidationError) as info:
        remove_participant(db, USER, own.id, own.version)
    assert info.value.code == "has_actions"
    done = ActionInput(data.description, data.root_cause, data.action_taken,
                       "re-measured: En = 0.3", (first,))  # fmt: skip
    closed = ca.close_action(db, USER, action.id, done, action.version, date(2026, 7, 1))
    assert (closed.status, closed.closed_by, closed.closed_on) == (
        CorrectiveStatus.CLOSED,
        USER,
        date(2026, 7, 1),
    )
    assert [s.instrument_id for s in closed.standards] == [first]
    assert not ca.standard_risk(db, first).at_risk and not ca.standard_risk(db, second).at_risk
    with pytest.raises(ValidationError) as info:
        ca.update_action(db, USER, action.id, done, closed.version)
    assert info.value.code == "closed"
    with db.read() as session:
        stmt = select(AuditLogRow).where(AuditLogRow.entity == "corrective_actions")
        entries = session.scalars(stmt).all()
        changes = [json.loads(e.changes) for e in entries]
    assert len(entries) >= 2 and any("status" in c for c in changes)
    assert [a.id for a in ca.list_actions(db)] == [action.id]


def test_report_keeps_reported_digits(db, tmp_path):
    import openpyxl

    from labapp.io.excel import CoverInfo
    from labapp.services.comparisons import export_report

    cid = _comparison(db)
    path = export_report(db, cid, tmp_path / "r.xlsx", CoverInfo("Report"))
    wb = openpyxl.load_workbook(path)
    cover = {row[0].value: row[1] for row in wb["Cover"].iter_rows(min_row=3) if row[0].value}
    assigned = cover["Assigned value"]
    assert (assigned.value, assigned.number_format) == (10.0, "0.000")
    assert cover["Expanded uncertainty U"].number_format == "0.000"
    assert cover["Coverage factor k"].number_format == "0"
    inputs = wb["Inputs"]
    heads = [c.value for c in inputs[1]]
    first = inputs.cell(2, heads.index("Value") + 1)
    assert (first.value, first.number_format) == (10.001, "0.000")
    scores = wb["Scores"]
    heads = [c.value for c in scores[1]]
    own_row = next(r for r in scores.iter_rows(min_row=2) if r[0].value == "OWN")
    en_cell = own_row[heads.index("En")]
    assert (
        en_cell.value == pytest.approx(round(mc.en_number(10.012, 0.004, 10.000, 0.004), 2))
        and en_cell.number_format == "0.00"
    )


def test_refused_workbook_comes_back_with_its_bad_cells_marked(db, tmp_path):
    import openpyxl

    from labapp.services.comparisons import import_workbook, write_participant_errors

    cid = _comparison(db)
    before = get_comparison(db, cid)
    book = openpyxl.Workbook()
    book.active.title = "results"
    book.active.append(["Code", "Value", "U", "k", "Unit"])
    book.active.append(["N1", "10.0030", "0.0005", 0, "V"])
    book.active.append(["N2", "10.1", "0.5", 2, "kg"])
    book.save(tmp_path / "bad.xlsx")
    checked, after = import_workbook(db, USER, cid, tmp_path / "bad.xlsx")
    assert after is None and get_comparison(db, cid) == before
    out = write_participant_errors(tmp_path / "bad.xlsx", checked, tmp_path / "errors.xlsx", "en")
    marked = openpyxl.load_workbook(out)
    bad_refs = {f"{e.column}{e.row}" for e in checked.errors}
    assert bad_refs == {"D2", "E3"}
    sheet = marked["results"]
    assert all(sheet[ref].comment is not None for ref in bad_refs)
    assert sheet["B2"].comment is None
    errors = marked.worksheets[0]
    assert errors.max_row == 1 + len(checked.errors)
