"""The set-up wizard and the login on PostgreSQL: the window works as the person's own login
role, never as the owner who ran ``db upgrade`` (needs LABAPP_TEST_PG_URL, like every PostgreSQL
test)."""

from __future__ import annotations

import os
import secrets

import pytest
from PySide6.QtWidgets import QWizard
from sqlalchemy import create_engine, text
from test_ui_identity import TIMEOUT, answer_login

from labapp.persistence.engine import normalise_url
from labapp.ui.accounts._setup_wizard import SetupWizard

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_url():
    """A fresh schema upgraded by its owner (roles and grants installed); dropped afterwards."""
    from labapp.services.database import upgrade_database

    base = os.environ.get("LABAPP_TEST_PG_URL")
    if not base:
        pytest.skip("LABAPP_TEST_PG_URL not set: PostgreSQL tests skipped")
    schema = f"labapp_t_{secrets.token_hex(6)}"
    admin = create_engine(normalise_url(base), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = normalise_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    url_text = url.render_as_string(hide_password=False)
    upgrade_database(url_text)
    try:
        yield url_text
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
            database = conn.execute(text("SELECT current_database()")).scalar_one()
            prefix = f"labapp_{database}_{schema}".lower().replace("_", "\\_")
            names = conn.execute(
                text("SELECT rolname FROM pg_roles WHERE rolname LIKE :p ORDER BY rolname DESC"),
                {"p": prefix + "\\_%"},
            ).scalars()
            for name in list(names):
                conn.execute(text(f'DROP OWNED BY "{name}"'))
                conn.execute(text(f'DROP ROLE IF EXISTS "{name}"'))
        admin.dispose()


def test_the_wizard_on_postgresql_works_as_the_admins_login_role(qtbot, session, pg_url):
    from labapp.ui.shell.mainwindow import MainWindow

    win = MainWindow(session)
    qtbot.addWidget(win)
    win.show()
    session.open(pg_url, parent=win)
    qtbot.waitUntil(lambda: isinstance(win.identity.dialog, SetupWizard), timeout=TIMEOUT)
    wizard = win.identity.dialog
    wizard.lab_page.name.setText("PG lab")
    wizard.lab_page.code.setText("PG")
    wizard.next()
    page = wizard.admin_page
    page.name.setText("Admin")
    page.login.setText("pgadmin")
    page.password.setText("admin-pass-1")
    page.again.setText("admin-pass-1")
    with qtbot.waitSignal(session.actor_changed, timeout=TIMEOUT):
        wizard.button(QWizard.WizardButton.FinishButton).click()

    def current_user() -> str:
        with session.db.engine.connect() as conn:
            return str(conn.execute(text("SELECT current_user")).scalar_one())

    assert current_user().endswith("_u_pgadmin")  # the admin's own login role, not the owner
    win.log_out_action.trigger()
    answer_login(qtbot, win, "pgadmin", "admin-pass-1")
    assert session.user == "pgadmin" and current_user().endswith("_u_pgadmin")
