"""PostgreSQL enforces who may do what: LabApp connects as the person, the server refuses.

``db upgrade`` (as the owner) installs the group roles and grants; each demo person gets a login
role; then each role connects on its own and the server refuses what it may not do, whatever the
client sends.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError
from test_events_service import TODAY, Lab

from labapp.persistence import pg_roles
from labapp.persistence.engine import make_engine, normalise_url
from labapp.services.accounts import authenticate, connect_as, create_login_role, verify_integrity
from labapp.services.database import Database, open_database, upgrade_database
from labapp.services.demo import DemoOptions, seed_demo

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_lab(pg_schema_url: str) -> Iterator[Lab]:
    upgrade_database(pg_schema_url)  # as the owner: schema, roles, grants
    db = open_database(pg_schema_url)
    seed_demo(db, DemoOptions(instruments=40, years=2, today=TODAY))
    with db.engine.connect() as conn:
        logins = conn.execute(text("SELECT login FROM persons")).scalars().all()
    for login in logins:
        create_login_role(db, login, "demo")
    yield Lab(db)
    db.dispose()


def _as(lab: Lab, login: str) -> Engine:
    with lab.db.engine.connect() as conn:
        role = pg_roles.login_role(conn, login)
        schema = conn.execute(text("SELECT current_schema()")).scalar_one()
    url = normalise_url(lab.db.engine.url).set(username=role, password="demo")
    return make_engine(url, schema=schema)


def _refused(engine: Engine, statement: str, **params: object) -> str:
    with pytest.raises(DBAPIError) as caught, engine.begin() as conn:
        conn.execute(text(statement), params)
    return str(caught.value.orig)


def test_the_server_refuses_what_a_metrologist_may_not_do(pg_lab: Lab) -> None:
    approved = pg_lab.approved()
    draft = pg_lab.input(certificate_no="T-PG")
    from labapp.services.events import _draft as ev

    draft_id = ev.save_draft(pg_lab.db, pg_lab.metrologist, draft, today=TODAY).id
    metrologist = _as(pg_lab, pg_lab.metrologist)
    try:
        assert "permission denied" in _refused(metrologist, "UPDATE audit_log SET reason = 'x'")
        assert "permission denied" in _refused(metrologist, "DELETE FROM audit_log")
        assert "permission denied" in _refused(metrologist, "DELETE FROM events WHERE id = :e",
                                               e=approved)  # fmt: skip
        assert "labapp: sealed" in _refused(
            metrologist, "UPDATE events SET remarks = 'edited' WHERE id = :e", e=approved
        )
        assert "labapp: sealed" in _refused(
            metrologist,
            "UPDATE measurement_points SET indication_value = 1 WHERE event_id = :e",
            e=approved,
        )
        assert "not an approver" in _refused(
            metrologist, "UPDATE events SET status = 'approved' WHERE id = :e", e=draft_id
        )
        with metrologist.begin() as conn:  # another person's account: row security hides it
            changed = conn.execute(
                text("UPDATE accounts SET disabled = true WHERE person_id <> "
                     "(SELECT id FROM persons WHERE :r = current_user AND login = :l)"),
                {"r": pg_roles.login_role(conn, pg_lab.metrologist), "l": pg_lab.metrologist},
            ).rowcount  # fmt: skip
        assert changed == 0
    finally:
        metrologist.dispose()


def test_audit_rows_take_the_servers_time_and_user(pg_lab: Lab) -> None:
    metrologist = _as(pg_lab, pg_lab.metrologist)
    try:
        with metrologist.begin() as conn:
            role = conn.execute(text("SELECT current_user")).scalar_one()
            conn.execute(text(
                "INSERT INTO audit_log (at, user_name, entity, entity_id, action, changes, seq) "
                "VALUES (:at, 'wangjg', 'events', '1', 'update', '{}', 999999)"
            ), {"at": datetime(2001, 1, 1)})  # fmt: skip
            at, db_user = conn.execute(
                text("SELECT at, db_user FROM audit_log WHERE seq = 999999")
            ).one()
            now = conn.execute(text("SELECT now()")).scalar_one()
        assert db_user == role and abs(at - now) < timedelta(seconds=1)
    finally:
        metrologist.dispose()
    # an entry outside the chain, claiming to be someone else's: audit verify names it
    assert not verify_integrity(pg_lab.db).ok


def _work_as(lab: Lab, login: str) -> Database:
    """A workstation of ``login``: connected as that person's login role, logged in."""
    work = Database(make_engine(lab.db.engine.url), lab.db.info)
    connect_as(work, login, "demo")
    authenticate(work, login, "demo")
    work.require_login = True
    return work


def test_daily_work_as_the_person_is_sealed_and_attributed(pg_lab: Lab) -> None:
    from labapp.services.events import _draft as ev

    people = (pg_lab.metrologist, pg_lab.checker, pg_lab.approver)
    desks = [_work_as(pg_lab, login) for login in people]
    try:
        draft = ev.save_draft(desks[0], people[0], pg_lab.input(), today=TODAY)
        checked = ev.check_event(desks[1], people[1], draft.id, draft.version, "demo")
        ev.approve_event(desks[2], people[2], checked.id, checked.version, "demo")
        with desks[0].engine.connect() as conn:
            roles = conn.execute(
                text("SELECT DISTINCT db_user FROM audit_log WHERE entity = 'events' "
                     "AND entity_id = :e"), {"e": str(draft.id)}
            ).scalars().all()  # fmt: skip
            me, superuser = conn.execute(
                text("SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user")
            ).one()
            expected = {pg_roles.login_role(conn, login) for login in people}
        assert me.endswith(f"_u_{people[0]}") and not superuser
        assert set(roles) == expected  # performer, checker and approver each as themselves
        assert verify_integrity(pg_lab.db).ok
    finally:
        for desk in desks:
            desk.dispose()
