"""The audit trail is written in the same transaction as the change it records."""

from __future__ import annotations

import json
from datetime import timedelta

from sqlalchemy import func, select

from labapp.domain.enums import AuditAction, PersonRole
from labapp.persistence.models import AuditLogRow, InstrumentRow, PersonRoleRow, PersonRow
from labapp.persistence.types import utcnow
from labapp.services.audit import list_audit
from labapp.services.audit._dto import FieldChange
from labapp.services.database import Database
from labapp.services.register import InstrumentData
from labapp.services.register import _instruments as svc


def _count(db: Database, model: type) -> int:
    with db.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_rollback_leaves_no_audit_row(db: Database) -> None:
    with db.unit_of_work("alice") as uow:
        uow.instruments.add(InstrumentRow(asset_tag="A-1", name="DMM"))
        uow.flush()  # the audit row is written by the flush...
        assert uow.session.scalar(select(func.count()).select_from(AuditLogRow)) == 1
        uow.rollback()  # ...and goes with the change
    assert _count(db, InstrumentRow) == 0
    assert _count(db, AuditLogRow) == 0


def test_commit_leaves_change_and_audit_row(db: Database) -> None:
    with db.unit_of_work("alice", reason="new DMM") as uow:
        row = uow.instruments.add(InstrumentRow(asset_tag="A-1", name="DMM"))
        uow.commit()
        row_id = row.id
    [entry] = list_audit(db)
    assert (entry.user, entry.entity, entry.entity_id) == ("alice", "instruments", str(row_id))
    assert entry.action is AuditAction.CREATE
    assert entry.reason == "new DMM"
    assert FieldChange("asset_tag", None, "A-1") in entry.changes
    assert entry.at.tzinfo is not None


def test_update_records_old_and_new_and_who(db: Database) -> None:
    created = svc.create_instrument(db, "alice", InstrumentData(asset_tag="A-1", name="DMM"))
    svc.update_instrument(db, "bob", created.id, 1, {"name": "DMM 8508A"}, reason="typo")
    entries = list_audit(db, entity="instruments", entity_id=created.id, user="bob")
    assert len(entries) == 1
    assert entries[0].action is AuditAction.UPDATE
    assert entries[0].changes == (FieldChange("name", "DMM", "DMM 8508A"),)
    assert entries[0].reason == "typo"
    detail = svc.get_instrument(db, created.id)
    assert (detail.created_by, detail.updated_by) == ("alice", "bob")


def test_service_action_and_delete_and_child_rows(db: Database) -> None:
    created = svc.create_instrument(db, "alice", InstrumentData(asset_tag="A-1", name="DMM"))
    svc.retire_instrument(db, "bob", created.id, 1, "scrapped after drop test")
    with db.unit_of_work("carol") as uow:
        person = PersonRow(name="Li Wei", login="li.wei")
        person.roles.append(PersonRoleRow(role=PersonRole.CHECKER))
        uow.persons.add(person)
        uow.commit()
    with db.unit_of_work("carol", reason="left the lab") as uow:
        uow.session.delete(uow.persons.by_login("li.wei"))
        uow.commit()
    actions = [(e.user, e.entity, e.action) for e in reversed(list_audit(db))]
    assert actions[:2] == [
        ("alice", "instruments", AuditAction.CREATE),
        ("bob", "instruments", AuditAction.RETIRE),
    ]
    assert ("carol", "person_roles", AuditAction.CREATE) in actions
    deleted = list_audit(db, entity="persons", user="carol")[0]
    assert deleted.action is AuditAction.DELETE
    assert FieldChange("login", "li.wei", None) in deleted.changes


def test_list_audit_time_window(db: Database) -> None:
    svc.create_instrument(db, "alice", InstrumentData(asset_tag="A-1", name="DMM"))
    now = utcnow()
    assert len(list_audit(db, since=now - timedelta(minutes=5))) == 1
    assert list_audit(db, since=now + timedelta(minutes=5)) == []
    assert list_audit(db, until=now - timedelta(minutes=5)) == []
    with db.read() as session:
        raw = session.scalar(select(AuditLogRow.changes))
    assert json.loads(raw or "")["asset_tag"] == [None, "A-1"]
