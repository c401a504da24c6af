"""Master data on an empty database, on SQLite and PostgreSQL: departments, locations,
providers, procedures, customers and people, each change audited and version-checked."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from labapp.domain.enums import AuditAction, EventKind, PersonRole, ProviderKind
from labapp.domain.errors import ConcurrentModificationError, NotFoundError, ValidationError
from labapp.persistence.models import AuditLogRow, EventRow, InstrumentRow, LaboratoryRow
from labapp.services import master_data as md
from labapp.services.database import Database
from labapp.services.events import EventInput
from labapp.services.events import _draft as ev

ADMIN = "admin"


def _lab(db: Database) -> int:
    with db.unit_of_work(ADMIN) as uow:
        row = LaboratoryRow(name="计量站", code="LAB")
        uow.session.add(row)
        uow.flush()
        lab_id = row.id
        uow.commit()
    return lab_id


def _audit(db: Database, entity: str) -> list[tuple[str, str, str]]:
    stmt = select(AuditLogRow.action, AuditLogRow.user_name, AuditLogRow.changes).where(
        AuditLogRow.entity == entity
    )
    with db.read() as session:
        return [(a.value, u, c) for a, u, c in session.execute(stmt.order_by(AuditLogRow.id))]


def _code(call: object) -> str:
    with pytest.raises(ValidationError) as info:
        call()  # type: ignore[operator]
    return info.value.code


def _signed_event(db: Database, performer_id: int) -> None:
    """An instrument and a draft event performed by ``performer_id``, written directly."""
    with db.unit_of_work(ADMIN) as uow:
        item = InstrumentRow(asset_tag="DMM-1", name="DMM")
        uow.session.add(item)
        uow.flush()
        uow.session.add(
            EventRow(
                instrument_id=item.id,
                kind=EventKind.CALIBRATION,
                performed_on=date(2026, 1, 5),
                performer_id=performer_id,
            )
        )
        uow.commit()


def test_departments_and_locations(db: Database) -> None:
    elec = md.create_department(db, ADMIN, md.DepartmentInput(" 电学室 ", "E"))
    assert (elec.name, elec.code, elec.version) == ("电学室", "E", 1)
    assert _code(lambda: md.create_department(db, ADMIN, md.DepartmentInput("电学室"))) == (
        "duplicate"
    )
    assert _code(lambda: md.create_department(db, ADMIN, md.DepartmentInput("  "))) == "required"
    # no laboratory yet: a location cannot be placed
    no_lab = md.LocationInput("Room 101", department_id=elec.id)
    assert _code(lambda: md.create_location(db, ADMIN, no_lab)) == "no_laboratory"
    _lab(db)
    room = md.create_location(db, ADMIN, no_lab)
    assert room.department == "电学室" and room.department_id == elec.id
    renamed = md.update_department(db, ADMIN, elec.id, md.DepartmentInput("电学所", "E"), 1)
    assert renamed.version == 2 and renamed.locations == 1
    # the old text column follows the department (the register and planning filter on it)
    assert md.list_locations(db)[0].department == "电学所"
    with db.read() as session:
        from labapp.persistence.models import LocationRow

        assert session.get(LocationRow, room.id).department == "电学所"  # type: ignore[union-attr]
    with pytest.raises(ConcurrentModificationError):
        md.update_department(db, ADMIN, elec.id, md.DepartmentInput("X"), 1)
    assert [a for a, _u, _c in _audit(db, "departments")] == ["create", "update"]


def test_provider_with_scope_is_editable(db: Database) -> None:
    accredited = md.ProviderInput("省计量院", ProviderKind.ACCREDITED_LAB)
    assert _code(lambda: md.create_provider(db, ADMIN, accredited)) == "required"
    data = md.ProviderInput(
        "省计量院",
        ProviderKind.ACCREDITED_LAB,
        "CN",
        "CNAS",
        "L0001",
        date(2028, 3, 1),
        (md.ScopeInput("DC voltage", "0–1000 V", "2 µV/V"), md.ScopeInput("mass")),
    )
    made = md.create_provider(db, ADMIN, data)
    assert [s.quantity for s in made.scopes] == ["DC voltage", "mass"]
    first = made.scopes[0]
    edited = md.ProviderInput(
        "省计量院",
        ProviderKind.ACCREDITED_LAB,
        "CN",
        "CNAS",
        "L0001",
        date(2030, 3, 1),
        (md.ScopeInput("DC voltage", "0–100 V", "1 µV/V", id=first.id),),
    )
    after = md.update_provider(db, ADMIN, made.id, edited, made.version)
    assert after.accreditation_valid_until == date(2030, 3, 1)
    assert [(s.id, s.range_text) for s in after.scopes] == [(first.id, "0–100 V")]
    actions = [a for a, _u, _c in _audit(db, "provider_scopes")]
    assert actions == ["create", "create", "update", "delete"]


def test_withdrawn_procedure_cannot_be_chosen_for_a_new_event(db: Database) -> None:
    proc = md.create_procedure(
        db,
        ADMIN,
        md.ProcedureInput(
            "JJG 315-1983", "直流数字电压表", EventKind.VERIFICATION, "1983", "DC voltage"
        ),
    )
    assert proc.in_force and proc.withdrawn_on is None
    person = md.create_person(db, ADMIN, md.PersonInput("刘洋", "liuyang"))
    with db.unit_of_work(ADMIN) as uow:
        item = InstrumentRow(asset_tag="DVM-7", name="DVM")
        uow.session.add(item)
        uow.flush()
        item_id = item.id
        uow.commit()
    old = EventInput(item_id, EventKind.VERIFICATION, date(2026, 3, 1), procedure_id=proc.id)
    draft = ev.save_draft(db, person.login, old, today=date(2026, 6, 1))
    gone = md.withdraw_procedure(db, ADMIN, proc.id, date(2026, 5, 1), proc.version, "JJG 315-2024")
    assert not gone.in_force and gone.withdrawn_on == date(2026, 5, 1)
    assert [p.code for p in md.list_procedures(db, in_force_only=True)] == []
    # a new event after the withdrawal is refused ...
    new = EventInput(item_id, EventKind.VERIFICATION, date(2026, 5, 2), procedure_id=proc.id)
    with pytest.raises(ValidationError) as info:
        ev.save_draft(db, person.login, new, today=date(2026, 6, 1))
    assert (info.value.field, info.value.code) == ("procedure_id", "withdrawn")
    # ... the old event keeps it (edited) and an event performed before the withdrawal may name it
    ev.save_draft(
        db,
        person.login,
        old,
        event_id=draft.id,
        expected_version=draft.version,
        today=date(2026, 6, 1),
    )
    late = EventInput(item_id, EventKind.VERIFICATION, date(2026, 4, 30), procedure_id=proc.id)
    assert ev.save_draft(db, person.login, late, today=date(2026, 6, 1)).id > draft.id
    again = lambda: md.withdraw_procedure(db, ADMIN, proc.id, date(2026, 5, 1), None)  # noqa: E731
    assert _code(again) == "withdrawn"
    retire = [a for a in _audit(db, "procedures") if a[0] == AuditAction.RETIRE.value]
    assert len(retire) == 1 and '"in_force": ["true", "false"]' in retire[0][2]


def test_customers(db: Database) -> None:
    bad = md.CustomerInput("华电公司", email="not-an-address")
    assert _code(lambda: md.create_customer(db, ADMIN, bad)) == "email_format"
    made = md.create_customer(
        db,
        ADMIN,
        md.CustomerInput("华电公司", "C01", "成都", "王工", "wang@huadian.example", "028-1"),
    )
    assert md.list_customers(db)[0].email == "wang@huadian.example"
    dup = md.CustomerInput("华电 2", code="c01")  # codes are unique regardless of case
    assert _code(lambda: md.create_customer(db, ADMIN, dup)) == "duplicate"
    changed = md.update_customer(db, ADMIN, made.id, md.CustomerInput("华电集团", "C01"), 1)
    assert changed.name == "华电集团" and changed.address is None


def test_people_roles_qualifications_and_login_rules(db: Database) -> None:
    dept = md.create_department(db, ADMIN, md.DepartmentInput("电学室"))
    licence = md.QualificationInput(
        "检定员证", "JD-2024-017", "DC voltage", None, date(2024, 1, 1), date(2029, 1, 1)
    )
    data = md.PersonInput(
        "张伟",
        "zhang.wei",
        (PersonRole.METROLOGIST, PersonRole.CHECKER),
        "zw@lab.example",
        dept.id,
        (licence,),
    )
    made = md.create_person(db, ADMIN, data)
    assert made.roles == (PersonRole.CHECKER, PersonRole.METROLOGIST)
    assert made.department == "电学室" and made.qualifications[0].number == "JD-2024-017"
    for login in ("Zhang", ".abc", "a", "zhang wei", "张伟"):
        bad = md.PersonInput("X", login)
        assert _code(lambda b=bad: md.create_person(db, ADMIN, b)) == "login_format", login
    assert _code(lambda: md.create_person(db, ADMIN, md.PersonInput("Y", "zhang.wei"))) == (
        "duplicate"
    )
    backwards = md.QualificationInput(
        "检定员证", "N1", issued_on=date(2025, 1, 1), valid_until=date(2024, 1, 1)
    )
    wrong = md.PersonInput("Z", "zz", qualifications=(backwards,))
    assert _code(lambda: md.create_person(db, ADMIN, wrong)) == "date_order"
    # roles change alone still moves the person's version: a concurrent edit is a conflict
    kept = md.QualificationInput(**{**licence.__dict__, "id": made.qualifications[0].id})
    fewer = md.PersonInput(
        "张伟", "zhang.wei", (PersonRole.METROLOGIST,), "zw@lab.example", dept.id, (kept,)
    )
    after = md.update_person(db, ADMIN, made.id, fewer, made.version)
    assert after.roles == (PersonRole.METROLOGIST,) and after.version == made.version + 1
    assert after.qualifications[0].id == made.qualifications[0].id
    with pytest.raises(ConcurrentModificationError):
        md.update_person(db, ADMIN, made.id, data, made.version)
    roles = [a for a, _u, _c in _audit(db, "person_roles")]
    assert roles == ["create", "create", "delete"]


def test_signed_person_is_disabled_never_deleted(db: Database) -> None:
    signer = md.create_person(db, ADMIN, md.PersonInput("刘洋", "liuyang"))
    newcomer = md.create_person(db, ADMIN, md.PersonInput("新人", "newcomer"))
    _signed_event(db, signer.id)
    assert md.person_has_signed(db, signer.id) and not md.person_has_signed(db, newcomer.id)
    with db.read() as session:  # the session form, for callers inside a unit of work
        assert md.person_has_signed(session, signer.id)
    listed = {p.login: p.has_signed for p in md.list_people(db)}
    assert listed == {"liuyang": True, "newcomer": False}
    assert _code(lambda: md.delete_person(db, ADMIN, signer.id, signer.version)) == (
        "person_signed"
    )
    renamed = md.PersonInput("刘洋", "liu.yang")
    assert _code(lambda: md.update_person(db, ADMIN, signer.id, renamed, signer.version)) == (
        "login_fixed"
    )
    off = md.set_person_active(db, ADMIN, signer.id, False, signer.version)
    assert not off.active
    assert [p.login for p in md.list_people(db, include_inactive=False)] == ["newcomer"]
    md.delete_person(db, ADMIN, newcomer.id, newcomer.version)
    with pytest.raises(NotFoundError):
        md.get_person(db, newcomer.id)
    actions = [a for a, _u, _c in _audit(db, "persons")]
    assert actions == ["create", "create", "retire", "delete"]


def test_custodian_cannot_be_deleted(db: Database) -> None:
    keeper = md.create_person(db, ADMIN, md.PersonInput("保管人", "keeper"))
    with db.unit_of_work(ADMIN) as uow:
        uow.session.add(InstrumentRow(asset_tag="T-1", name="Thermometer", custodian_id=keeper.id))
        uow.commit()
    assert not md.person_has_signed(db, keeper.id)
    with pytest.raises(ValidationError) as info:
        md.delete_person(db, ADMIN, keeper.id, keeper.version)
    assert info.value.code == "custodian" and info.value.params["count"] == 1


def test_migration_turns_location_department_texts_into_departments(engine) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    from labapp.persistence import migrations

    migrations.upgrade(engine, "0005")
    stamp = "version, created_at, created_by, updated_at, updated_by"
    now = "1, '2026-01-01 00:00:00+00:00', 's', '2026-01-01 00:00:00+00:00', 's'"
    with engine.begin() as conn:
        conn.execute(
            text(
                f"INSERT INTO laboratories (id, name, code, {stamp}) VALUES (1, 'Lab', 'L', {now})"
            )
        )
        for n, dept in enumerate(["电学室", "电学室 ", "热工室", None], start=1):
            conn.execute(
                text(
                    f"INSERT INTO locations (id, laboratory_id, name, department, {stamp}) "
                    f"VALUES (:id, 1, :name, :dept, {now})"
                ),
                {"id": n, "name": f"Room {n}", "dept": dept},
            )
        conn.execute(
            text(
                f"INSERT INTO procedures (id, code, title, kind, {stamp}) "
                f"VALUES (1, 'JJG 1', 'T', 'verification', {now})"
            )
        )
    migrations.upgrade(engine)
    with engine.connect() as conn:
        depts = dict(conn.execute(text("SELECT name, id FROM departments")).all())
        locs = conn.execute(
            text("SELECT id, department_id, department FROM locations ORDER BY id")
        ).all()
        in_force = conn.execute(text("SELECT in_force, withdrawn_on FROM procedures")).one()
    assert sorted(depts) == ["热工室", "电学室"]
    assert [(i, d) for i, d, _t in locs] == [
        (1, depts["电学室"]),
        (2, depts["电学室"]),
        (3, depts["热工室"]),
        (4, None),
    ]
    assert locs[1][2] == "电学室 "  # the old text is kept as it was
    assert bool(in_force[0]) is True and in_force[1] is None


def test_once_there_are_accounts_only_managers_change_master_data(db: Database) -> None:
    from labapp.services.accounts import NewAccount, create_account

    admin = create_account(
        db, None, NewAccount("boss", "管理员", (PersonRole.ADMIN,), "secret-pw-1")
    )
    create_account(
        db, admin, NewAccount("liuyang", "刘洋", (PersonRole.METROLOGIST,), "secret-pw-2")
    )
    who = md.list_people(db)
    boss = next(p for p in who if p.login == "boss")
    liu = next(p for p in who if p.login == "liuyang")
    provider = md.ProviderInput("NIM", ProviderKind.NMI)
    with pytest.raises(ValidationError) as info:
        md.create_provider(db, "liuyang", provider)
    assert (info.value.code, info.value.params["login"]) == ("not_permitted", "liuyang")
    # a metrologist cannot give himself the approver role
    promote = md.PersonInput("刘洋", "liuyang", (PersonRole.METROLOGIST, PersonRole.APPROVER))
    refused = lambda: md.update_person(db, "liuyang", liu.id, promote, liu.version)  # noqa: E731
    assert _code(refused) == "not_permitted"
    assert md.create_provider(db, "boss", provider).name == "NIM"
    # the last administrator can neither be disabled nor lose the role, a person with an
    # account is not deleted
    assert _code(lambda: md.set_person_active(db, "boss", boss.id, False, boss.version)) == (
        "last_admin"
    )
    demote = md.PersonInput("管理员", "boss", (PersonRole.METROLOGIST,))
    assert _code(lambda: md.update_person(db, "boss", boss.id, demote, boss.version)) == (
        "last_admin"
    )
    assert _code(lambda: md.delete_person(db, "boss", liu.id, liu.version)) == "has_account"
    assert md.get_person(db, boss.id).roles == (PersonRole.ADMIN,)
