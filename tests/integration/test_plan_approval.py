"""Plan approval on SQLite and PostgreSQL: generate (audited in bulk), adjust, approve, revise."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import text

from labapp.domain.enums import AuditAction
from labapp.domain.errors import ConcurrentModificationError, ValidationError
from labapp.services.audit import list_audit
from labapp.services.database import Database
from labapp.services.demo import DemoOptions, seed_demo
from labapp.services.planning import _due as planning
from labapp.services.planning import approve_plan, plan_approval, revise_plan

TODAY = date(2026, 11, 23)
USER, MANAGER = "planner", "quality.manager"


@pytest.fixture
def lab(db: Database) -> Database:
    seed_demo(db, DemoOptions(instruments=40, years=3, seed=11, today=TODAY))
    return db


def test_generated_items_each_have_a_create_entry(lab: Database) -> None:
    plan = planning.generate_plan(lab, USER, 2026)
    assert plan.items, "the demo lab has items due in 2026"
    with lab.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT entity_id, user_name, action, changes FROM audit_log "
                "WHERE entity = 'plan_items'"
            )
        ).all()
        stamped = conn.execute(
            text("SELECT count(*) FROM plan_items WHERE plan_id = :p AND created_by = :u"),
            {"p": plan.id, "u": USER},
        ).scalar_one()
    assert stamped == len(plan.items)
    by_id = {int(entity_id): (user, action, json.loads(c)) for entity_id, user, action, c in rows}
    assert set(by_id) == {i.id for i in plan.items}
    item = plan.items[0]
    user, action, changes = by_id[item.id]
    assert (user, action) == (USER, AuditAction.CREATE.value)
    assert changes["instrument_id"] == [None, str(item.instrument_id)]
    assert changes["planned_month"] == [None, str(item.planned_month)]
    assert changes["plan_id"] == [None, str(plan.id)]
    assert "version" not in changes and "note" not in changes  # bookkeeping and empty left out
    created = list_audit(lab, entity="plans", entity_id=plan.id)
    assert [e.action for e in created] == [AuditAction.CREATE]


def test_approve_needs_a_reason_then_freezes_the_plan(lab: Database) -> None:
    plan = planning.generate_plan(lab, USER, 2026)
    item = plan.items[0]
    edited = planning.update_plan_item(
        lab, USER, item.id, item.version, planned_month=10, estimated_cost=Decimal("80.00")
    )
    with pytest.raises(ValidationError) as missing:
        approve_plan(lab, MANAGER, plan.id, plan.version, "   ")
    assert missing.value.code == "required"
    assert plan_approval(lab, plan.id) is None
    approved = approve_plan(lab, MANAGER, plan.id, plan.version, "budget 2026 agreed")
    assert approved.status == "approved" and approved.version == plan.version + 1
    approval = plan_approval(lab, plan.id)
    assert approval is not None
    assert (approval.user, approval.reason) == (MANAGER, "budget 2026 agreed")
    entry = list_audit(lab, entity="plans", entity_id=plan.id)[0]
    assert (entry.action, entry.user, entry.reason) == (
        AuditAction.APPROVE,
        MANAGER,
        "budget 2026 agreed",
    )
    assert [(c.field, c.old, c.new) for c in entry.changes] == [("status", "draft", "approved")]

    with pytest.raises(ValidationError) as frozen:
        planning.update_plan_item(lab, USER, item.id, edited.version, planned_month=11)
    assert frozen.value.code == "plan_approved"
    with pytest.raises(ValidationError) as twice:
        approve_plan(lab, MANAGER, plan.id, approved.version, "again")
    assert twice.value.code == "plan_approved"
    kept = next(i for i in planning.get_plan(lab, plan.id).items if i.id == item.id)
    assert (kept.planned_month, str(kept.estimated_cost)) == (10, "80.00")


def test_approve_refuses_a_stale_version(lab: Database) -> None:
    plan = planning.generate_plan(lab, USER, 2026)
    approve_plan(lab, MANAGER, plan.id, plan.version, "first")
    with pytest.raises(ConcurrentModificationError):
        approve_plan(lab, MANAGER, plan.id, plan.version, "second, from an old screen")


def test_revision_copies_the_approved_items_as_a_new_draft(lab: Database) -> None:
    plan = planning.generate_plan(lab, USER, 2026)
    item = plan.items[-1]
    planning.update_plan_item(
        lab, USER, item.id, item.version, planned_month=12, note="with the batch"
    )
    with pytest.raises(ValidationError) as draft:
        revise_plan(lab, MANAGER, plan.id, "too early")
    assert draft.value.code == "plan_not_approved"
    approved = approve_plan(lab, MANAGER, plan.id, plan.version + 0, "agreed")
    with pytest.raises(ValidationError):
        revise_plan(lab, MANAGER, plan.id, "")
    revised = revise_plan(lab, MANAGER, plan.id, "provider closed", title="Plan 2026 rev. 2")
    assert (revised.status, revised.year, revised.title) == ("draft", 2026, "Plan 2026 rev. 2")
    assert revised.id != plan.id

    def facts(p: object) -> list[tuple[object, ...]]:
        return sorted(
            (i.instrument_id, i.due_on, i.provider_id, i.procedure, i.estimated_cost,
             i.planned_month, i.note)
            for i in p.items  # type: ignore[attr-defined]
        )  # fmt: skip

    assert facts(revised) == facts(approved)
    assert planning.get_plan(lab, plan.id).status == "approved"
    copy = next(i for i in revised.items if i.instrument_id == item.instrument_id)
    changed = planning.update_plan_item(lab, USER, copy.id, copy.version, planned_month=6)
    assert changed.planned_month == 6
    created = list_audit(lab, entity="plans", entity_id=revised.id)[0]
    assert (created.action, created.reason) == (AuditAction.CREATE, "provider closed")
    assert {p.id for p in planning.list_plans(lab)} == {plan.id, revised.id}


def test_provider_is_adjusted_and_an_unknown_one_refused(lab: Database) -> None:
    plan = planning.generate_plan(lab, USER, 2026)
    item = plan.items[0]
    with lab.engine.connect() as conn:
        ids = list(conn.execute(text("SELECT id FROM providers ORDER BY id")).scalars())
    other = next(i for i in ids if i != item.provider_id)
    with pytest.raises(ValidationError) as unknown:
        planning.update_plan_item(lab, USER, item.id, item.version, provider_id=max(ids) + 1)
    assert (unknown.value.field, unknown.value.code) == ("provider_id", "not_found")
    changed = planning.update_plan_item(lab, USER, item.id, item.version, provider_id=other)
    assert changed.provider_id == other and changed.version == item.version + 1
    entry = list_audit(lab, entity="plan_items", entity_id=item.id)[0]
    assert [(c.field, c.new) for c in entry.changes] == [("provider_id", str(other))]
