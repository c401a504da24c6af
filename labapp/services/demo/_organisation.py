"""The demo lab's organisation: the laboratory, its departments and locations, its people with
their roles and licences, the providers with their accredited scope, and the procedures."""

from __future__ import annotations

import random
from datetime import timedelta

from labapp.domain.enums import PersonRole
from labapp.persistence.models import (
    LaboratoryRow,
    LocationRow,
    PersonRoleRow,
    PersonRow,
    ProcedureRow,
    ProviderRow,
    ProviderScopeRow,
    QualificationRow,
)
from labapp.persistence.models_master import DepartmentRow
from labapp.services.demo import _catalogue as cat
from labapp.services.demo._plan import Plan, discipline_of
from labapp.services.demo._writer import Writer, stamp, table_of


def seed_organisation(w: Writer, plan: Plan, rng: random.Random) -> None:
    """Write the organisation and note each record's id in ``plan.refs`` (and the people who
    sign in ``plan.people``)."""
    lab_id = plan.ids.take("laboratories")
    w.put(table_of(LaboratoryRow), [{
        "id": lab_id, "name": cat.LAB_NAME, "code": cat.LAB_SHORT,
        "address": "广东省广州市天河区科韵路 88 号", "accreditation_no": "CNAS L9876",
        "accreditation_valid_until": plan.today + timedelta(days=600), **stamp(plan),
    }])  # fmt: skip
    plan.refs["lab"] = lab_id
    locations, departments = [], []
    for d in cat.DISCIPLINES:
        plan.refs[f"department:{d.key}"] = dept_id = plan.ids.take("departments")
        departments.append({"id": dept_id, "name": d.name, "code": d.code, **stamp(plan)})
        plan.refs[f"location:{d.key}"] = loc_id = plan.ids.take("locations")
        locations.append({
            "id": loc_id, "laboratory_id": lab_id, "name": d.location, "building": "计量楼 A",
            "room": d.location_code, "department": d.name, "department_id": dept_id,
            **stamp(plan),
        })  # fmt: skip
    w.put(table_of(DepartmentRow), departments)
    w.put(table_of(LocationRow), locations)
    _seed_people(w, plan, rng)
    _seed_providers(w, plan)
    procedures = []
    for p in cat.PROCEDURES:
        plan.refs[f"procedure:{p.code}"] = proc_id = plan.ids.take("procedures")
        procedures.append({
            "id": proc_id, "code": p.code, "title": p.title, "revision": p.revision,
            "kind": p.kind, "quantity": None, **stamp(plan),
        })  # fmt: skip
    w.put(table_of(ProcedureRow), procedures)


def _seed_people(w: Writer, plan: Plan, rng: random.Random) -> None:
    persons, roles, licences = [], [], []
    expiring_soon_done = False
    for name, login, person_roles, discipline in cat.PEOPLE:
        person_id = plan.ids.take("persons")
        plan.refs[f"person:{login}"] = person_id
        persons.append({
            "id": person_id, "name": name, "login": login, "active": True,
            "email": f"{login}@scpcl.example.cn", "laboratory_id": plan.refs["lab"],
            "department_id": plan.refs.get(f"department:{discipline}"), **stamp(plan),
        })  # fmt: skip
        for role in person_roles:
            roles.append({"person_id": person_id, "role": role})
            plan.people.setdefault(role.value, []).append(person_id)
        if PersonRole.METROLOGIST in person_roles:
            plan.people.setdefault(discipline, []).append(person_id)
        if not discipline:
            continue
        issued = plan.today - timedelta(days=rng.randint(200, 1600))
        valid_until = issued + timedelta(days=5 * 365)
        if not expiring_soon_done and discipline == "temperature":
            valid_until, expiring_soon_done = plan.today + timedelta(days=20), True
        licences.append({
            "id": plan.ids.take("qualifications"), "person_id": person_id,
            "kind": "检定员证 verification officer licence",
            "number": f"粤计检字 {issued.year}-{person_id:04d}", "quantity": discipline,
            "scope": discipline_of(discipline).name, "issued_on": issued,
            "valid_until": valid_until, **stamp(plan),
        })  # fmt: skip
    w.put(table_of(PersonRow), persons)
    w.put(table_of(PersonRoleRow), roles)
    w.put(table_of(QualificationRow), licences)


def _seed_providers(w: Writer, plan: Plan) -> None:
    providers, scopes = [], []
    for p in cat.PROVIDERS:
        provider_id = plan.ids.take("providers")
        plan.refs[f"provider:{p.key}"] = provider_id
        accredited = p.accreditation.startswith("CNAS")
        providers.append({
            "id": provider_id, "name": p.name, "kind": p.kind, "country": p.country,
            "accreditation_body": "CNAS" if accredited else (p.accreditation or None),
            "accreditation_no": p.accreditation if accredited else None,
            "accreditation_valid_until": plan.today + timedelta(days=900) if accredited else None,
            **stamp(plan),
        })  # fmt: skip
        for quantity in p.scope:
            scopes.append({
                "id": plan.ids.take("provider_scopes"), "provider_id": provider_id,
                "quantity": quantity, "range_text": None, "cmc": None, **stamp(plan),
            })  # fmt: skip
    w.put(table_of(ProviderRow), providers)
    w.put(table_of(ProviderScopeRow), scopes)
