"""The demo lab's accounts and seals: every demo person logs in with the password ``demo``.

The seeder writes rows in bulk (:mod:`labapp.services.demo`), so the signatures a real check and
approval would make are made here afterwards, with the same canonical form and keys as
:mod:`labapp.services.accounts._seals`: each checked or approved demo event gets its check and
approval signatures by the people the record names, and ``labapp-cli audit verify`` finds the
demo lab intact.  The administrator's login is ``admin``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, insert, select

from labapp.domain.enums import AuditAction, PersonRole
from labapp.persistence.audit import append_audit
from labapp.persistence.models import (
    EventStandardRow,
    MeasurementPointRow,
    PersonRoleRow,
    PersonRow,
)
from labapp.persistence.models_accounts import AccountRow, PersonKeyRow, SignatureRow
from labapp.services import accounts as crypto
from labapp.services.accounts import (
    Actor,
    event_children,
    event_content,
    sealed_event_chunks,
    signature_row,
)

__all__ = ["ADMIN_LOGIN", "DEMO_PASSWORD", "seal_events", "seed_accounts"]

DEMO_PASSWORD = "demo"
ADMIN_LOGIN = "admin"


def _entry(author: str, entity: str, entity_id: int, changes: Mapping[str, Any]) -> dict[str, Any]:
    import json

    return {
        "user_name": author,
        "entity": entity,
        "entity_id": str(entity_id),
        "action": AuditAction.CREATE,
        "changes": json.dumps(
            {k: [None, str(v)] for k, v in changes.items()}, ensure_ascii=False, sort_keys=True
        ),
        "reason": "demo accounts",
    }


def seed_accounts(conn: Connection, now: Any) -> dict[int, Actor]:
    """An account (password ``demo``) for every person; the signers by person id.

    The keys' and accounts' creation goes into the audit chain, sealed by the administrator.
    """
    people = conn.execute(select(PersonRow.id, PersonRow.login, PersonRow.name)).all()
    roles: dict[int, set[PersonRole]] = defaultdict(set)
    for person_id, role in conn.execute(select(PersonRoleRow.person_id, PersonRoleRow.role)):
        roles[int(person_id)].add(PersonRole(role))
    actors: dict[int, Actor] = {}
    entries: list[dict[str, Any]] = []
    for person_id, login, name in people:
        pair = crypto.new_key_pair(DEMO_PASSWORD)
        key_id = conn.execute(
            insert(PersonKeyRow).returning(PersonKeyRow.id),
            {"person_id": person_id, "public_key": pair.public_key, "created_at": now},
        ).scalar_one()
        conn.execute(insert(AccountRow), [{
            "person_id": person_id, "password_hash": crypto.hash_password(DEMO_PASSWORD),
            "password_changed_at": now, "must_change_password": False, "failed_attempts": 0,
            "disabled": False, "key_id": key_id, "private_key": pair.private_blob,
            "version": 1, "created_at": now, "created_by": ADMIN_LOGIN, "updated_at": now,
            "updated_by": ADMIN_LOGIN,
        }])  # fmt: skip
        actors[int(person_id)] = Actor(login, int(person_id), name,
                                       frozenset(roles[int(person_id)]), int(key_id), False,
                                       pair.private_key)  # fmt: skip
        entries.append(_entry(ADMIN_LOGIN, "person_keys", key_id,
                              {"person_id": person_id, "public_key": pair.public_key}))  # fmt: skip
        entries.append(_entry(ADMIN_LOGIN, "accounts", person_id, {"login": login}))
    admin = admin_of(actors)
    append_audit(conn, entries, admin)
    return actors


def admin_of(actors: Mapping[int, Actor]) -> Actor:
    """The demo administrator (login ``admin``)."""
    return next(a for a in actors.values() if a.login == ADMIN_LOGIN)


def seal_events(conn: Connection, actors: Mapping[int, Actor]) -> int:
    """Sign every checked/approved demo event as its checker and approver; return the count."""
    signed = 0
    for chunk in sealed_event_chunks(conn):
        ids = [int(e["id"]) for e in chunk]
        points = event_children(conn, MeasurementPointRow.__table__, ids)
        standards = event_children(conn, EventStandardRow.__table__, ids)
        rows: list[dict[str, Any]] = []
        for event in chunk:
            content = event_content(event, points.get(event["id"], []),
                                    standards.get(event["id"], []))  # fmt: skip
            for meaning, who, at in _signers(event):
                actor = actors.get(int(who)) if who is not None else None
                if actor is None or at is None:
                    continue
                rows.append(signature_row(content, int(event["id"]), meaning, actor,
                                          actor.person_id, at))  # fmt: skip
        if rows:
            conn.execute(insert(SignatureRow), rows)
            signed += len(rows)
    return signed


def _signers(event: Mapping[str, Any]) -> list[tuple[str, Any, Any]]:
    out = [("check", event["checker_id"], event["checked_at"])]
    if event["status"] != "checked":
        out.append(("approve", event["approver_id"], event["approved_at"]))
    return out
