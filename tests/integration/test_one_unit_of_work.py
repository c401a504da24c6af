"""One unit of work per use case, on SQLite and PostgreSQL: a failure half-way leaves nothing.

* The first-run set-up creates the first administrator and the laboratory together: a refusal
  after the account was staged leaves no account, no person and no audit entry, and the set-up
  can be tried again (it used to leave the account, and every retry was "already set up").
* Saving a draft plan's edits saves every item or none: an edit refused on the third item leaves
  the first two as they were read (they used to be saved one transaction each).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from labapp.domain.enums import PersonRole
from labapp.domain.errors import ConcurrentModificationError, ValidationError
from labapp.persistence.models import AuditLogRow, LaboratoryRow, PersonRow
from labapp.services.accounts import NewAccount, has_accounts, verify_integrity
from labapp.services.database import Database
from labapp.services.demo import DemoOptions, seed_demo
from labapp.services.laboratory import _settings as lab_settings
from labapp.services.planning import (
    PlanItemEdit,
    generate_plan,
    get_plan,
    update_plan_item,
    update_plan_items,
)

LAB = lab_settings.LabSettingsInput(
    name="成都计量站", code="CDJ", certificate_pattern="JD{yyyy}-{seq:04}"
)
ADMIN = NewAccount("admin", "管理员", (PersonRole.ADMIN,), "first-admin-pw")
TODAY = date(2026, 11, 23)


def _count(db: Database, row: type) -> int:
    with db.read() as session:
        return int(session.scalar(select(func.count()).select_from(row)) or 0)


def _rows(db: Database) -> tuple[int, int, int]:
    return _count(db, PersonRow), _count(db, LaboratoryRow), _count(db, AuditLogRow)


# --- the first-run set-up ------------------------------------------------------------------


def test_a_set_up_refused_half_way_writes_nothing_and_can_be_retried(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _rows(db)
    fill = lab_settings._fill

    def refuse_after_the_account(row: LaboratoryRow, data: object) -> None:
        assert has_accounts(db) is False  # the account is staged, not committed
        raise ValidationError("name", "refused for the test", code="required")

    monkeypatch.setattr(lab_settings, "_fill", refuse_after_the_account)
    with pytest.raises(ValidationError):
        lab_settings.setup_laboratory(db, LAB, ADMIN)
    assert not has_accounts(db)
    assert _rows(db) == before  # no person, no laboratory, no audit entry

    monkeypatch.setattr(lab_settings, "_fill", fill)
    admin = lab_settings.setup_laboratory(db, LAB, ADMIN)  # not "already set up"
    assert admin.has(PersonRole.ADMIN) and lab_settings.is_set_up(db)
    stored = lab_settings.get_lab_settings(db)
    assert stored is not None and (stored.name, stored.code) == ("成都计量站", "CDJ")
    persons, labs, audited = _rows(db)
    assert (persons, labs) == (before[0] + 1, before[1] + 1) and audited > before[2]
    assert verify_integrity(db).ok  # the admin sealed account and lab in one chain


def test_the_set_up_keeps_each_entry_s_reason(db: Database) -> None:
    lab_settings.setup_laboratory(db, LAB, ADMIN)
    with db.read() as session:
        reasons = {
            entity: reason
            for entity, reason in session.execute(select(AuditLogRow.entity, AuditLogRow.reason))
        }
    assert reasons["accounts"] == "account created"
    assert reasons["laboratories"] == "first-run set-up"


# --- a draft plan's edits -------------------------------------------------------------------


@pytest.fixture
def plan(db: Database):  # type: ignore[no-untyped-def]
    seed_demo(db, DemoOptions(instruments=30, years=2, seed=5, today=TODAY))
    made = generate_plan(db, "planner", 2026, today=TODAY)
    assert len(made.items) >= 3
    return made


def test_plan_edits_all_saved_together(db: Database, plan) -> None:  # type: ignore[no-untyped-def]
    first, second, third = plan.items[:3]
    versions = {i.id: i.version for i in plan.items}
    edits = {
        first.id: PlanItemEdit(planned_month=2),
        second.id: PlanItemEdit(estimated_cost=Decimal("880.00"), note="with the batch"),
        third.id: PlanItemEdit(note="by courier"),
    }
    saved = update_plan_items(db, "planner", plan.id, edits, versions)
    items = {i.id: i for i in saved.items}
    assert items[first.id].planned_month == 2
    assert (str(items[second.id].estimated_cost), items[second.id].note) == (
        "880.00",
        "with the batch",
    )
    assert items[third.id].note == "by courier"
    assert all(items[i].version == versions[i] + 1 for i in edits)
    untouched = plan.items[3:]
    assert all(items[i.id].version == i.version for i in untouched)


@pytest.mark.parametrize("refusal", ["stale", "provider", "month"])
def test_a_plan_edit_refused_on_the_third_item_saves_none(
    db: Database,
    plan,  # type: ignore[no-untyped-def]
    refusal: str,
) -> None:
    first, second, third = plan.items[:3]
    versions = {i.id: i.version for i in plan.items}
    bad = {
        "provider": PlanItemEdit(provider_id=10_000_000),
        "month": PlanItemEdit(planned_month=13),
        "stale": PlanItemEdit(note="too late"),
    }[refusal]
    if refusal == "stale":  # someone else saved the third item meanwhile
        update_plan_item(db, "other", third.id, third.version, note="theirs")
    audited = _count(db, AuditLogRow)
    edits = {
        first.id: PlanItemEdit(planned_month=(first.planned_month % 12) + 1),
        second.id: PlanItemEdit(note="ours"),
        third.id: bad,
    }
    expected = ConcurrentModificationError if refusal == "stale" else ValidationError
    with pytest.raises(expected):
        update_plan_items(db, "planner", plan.id, edits, versions)
    items = {i.id: i for i in get_plan(db, plan.id).items}
    assert (items[first.id].planned_month, items[first.id].version) == (
        first.planned_month,
        first.version,
    )
    assert (items[second.id].note, items[second.id].version) == (second.note, second.version)
    assert _count(db, AuditLogRow) == audited  # not one entry of the refused save


def test_an_item_of_another_plan_is_refused(db: Database, plan) -> None:  # type: ignore[no-untyped-def]
    other = generate_plan(db, "planner", 2027, today=TODAY)
    stray = other.items[0]
    from labapp.domain.errors import NotFoundError

    with pytest.raises(NotFoundError):
        update_plan_items(
            db, "planner", plan.id, {stray.id: PlanItemEdit(note="x")}, {stray.id: stray.version}
        )
    assert get_plan(db, other.id).items[0].note == stray.note
