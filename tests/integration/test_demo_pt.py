"""The demo lab's PT plan on SQLite and PostgreSQL: a 6-year CNAS cycle from 2022, coverage of its
sub-disciplines, the lab's own scores (satisfactory, questionable, unsatisfactory) and the open
corrective action putting a standard at risk.  Expected states come from the stored rows, the
cycle rule and the metrology functions, never from the service under test."""

from __future__ import annotations

from collections import Counter
from datetime import date

from sqlalchemy import select

from labapp.domain.proficiency import Coverage, current_cycle
from labapp.metrology import comparison as mc
from labapp.metrology.comparison import ScoreClass
from labapp.persistence.models import ComparisonParticipantRow, ComparisonRow
from labapp.persistence.models_pt import ComparisonScopeRow, SubdisciplineRow
from labapp.services.corrective_actions import _actions as ca
from labapp.services.demo import DemoOptions, seed_demo
from labapp.services.demo._pt import CYCLE_START, CYCLE_YEARS, SUBDISCIPLINES
from labapp.services.proficiency import _plan as pt
from labapp.services.register._page import get_instrument_detail

TODAY = date(2026, 6, 1)
OPTIONS = DemoOptions(instruments=40, years=2, seed=5, today=TODAY)


def _covered_from_rows(db) -> dict[str, bool]:
    """Sub-discipline name → a linked comparison ends (or starts) inside today's cycle."""
    cycle = current_cycle(CYCLE_START, CYCLE_YEARS, TODAY)
    stmt = (
        select(SubdisciplineRow.name, ComparisonRow.ended_on, ComparisonRow.started_on)
        .outerjoin(ComparisonScopeRow, ComparisonScopeRow.subdiscipline_id == SubdisciplineRow.id)
        .outerjoin(ComparisonRow, ComparisonRow.id == ComparisonScopeRow.comparison_id)
    )
    covered: dict[str, bool] = {}
    with db.read() as session:
        for name, ended, started in session.execute(stmt):
            day = ended or started
            covered[name] = covered.get(name, False) or (day is not None and cycle.contains(day))
    return covered


def _own_classes(db) -> dict[int, ScoreClass]:
    """Comparison id → the worse of the lab's En and z′ classes, from the stored numbers."""
    stmt = select(ComparisonRow, ComparisonParticipantRow).join(
        ComparisonParticipantRow, ComparisonParticipantRow.comparison_id == ComparisonRow.id
    )
    order = [ScoreClass.SATISFACTORY, ScoreClass.QUESTIONABLE, ScoreClass.UNSATISFACTORY]
    found = {}
    with db.read() as session:
        for c, p in session.execute(stmt.where(ComparisonParticipantRow.is_own_lab.is_(True))):
            x, big_u = float(p.value), float(p.expanded_uncertainty)
            x_ref, u_ref = float(c.assigned_value), float(c.assigned_uncertainty)
            classes = [mc.classify_en(mc.en_number(x, big_u, x_ref, u_ref))]
            if c.sigma_pt is not None:
                z = mc.z_prime_score(x, x_ref, float(c.sigma_pt), u_ref / 2)
                classes.append(mc.classify_score(z))
            found[c.id] = max(classes, key=order.index)
    return found


def test_demo_pt_plan_cycle_coverage_scores_and_action(db):
    seed_demo(db, OPTIONS)
    plan = pt.pt_plan(db, TODAY)
    assert plan.cycle is not None
    assert (plan.cycle.starts_on, plan.cycle.years) == (CYCLE_START, CYCLE_YEARS)
    assert {line.subdiscipline.name for line in plan.lines} == {
        name for name, _quantity in SUBDISCIPLINES.values()
    }
    covered = _covered_from_rows(db)
    states = Counter(line.coverage for line in plan.lines)
    assert states[Coverage.COVERED] == sum(covered.values()) >= 3
    assert states[Coverage.DUE] + states[Coverage.DUE_SOON] == len(covered) - sum(covered.values())
    assert states[Coverage.DUE] >= 1
    for line in plan.lines:
        assert (line.coverage is Coverage.COVERED) == covered[line.subdiscipline.name]

    expected = _own_classes(db)
    history = pt.score_history(db)
    assert len(history) == len(expected) >= 3 and all(h.problem is None for h in history)
    for point in history:
        worst = expected[point.scope.comparison_id]
        assert point.unsatisfactory == (worst is ScoreClass.UNSATISFACTORY)
    assert set(expected.values()) == set(ScoreClass)  # one of each, at least

    (action,) = ca.list_actions(db)
    assert not action.closed_on and len(action.standards) == 1
    bad = [c for c, cls in expected.items() if cls is ScoreClass.UNSATISFACTORY]
    assert action.comparison_id in bad
    standard = action.standards[0].instrument_id
    risks = get_instrument_detail(db, standard).risks
    assert [(r.kind, r.ref_id) for r in risks][:1] == [("action", action.id)]


def test_the_same_seed_gives_the_same_pt_plan(tmp_path):
    from labapp.services.database import open_database

    plans = []
    for name in ("a", "b"):
        db = open_database(str(tmp_path / f"{name}.sqlite3"))
        try:
            seed_demo(db, OPTIONS)
            plans.append((pt.pt_plan(db, TODAY).lines, pt.score_history(db)))
        finally:
            db.dispose()
    assert plans[0] == plans[1]
