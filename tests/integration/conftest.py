"""Integration fixtures: every database test runs on a real SQLite file and on PostgreSQL.

PostgreSQL comes from ``LABAPP_TEST_PG_URL`` (e.g.
``postgresql+psycopg://postgres@127.0.0.1:5432/test``); without it those parameters skip.  Several
test runs may share that database, so each test gets its own schema ``labapp_t_<hex>`` (reached
through ``search_path`` in the URL) and drops it afterwards.
"""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Connection, Engine, create_engine, text

from labapp.persistence import migrations
from labapp.persistence.engine import make_engine, normalise_url
from labapp.services.database import Database, open_database, upgrade_database

PG_ENV = "LABAPP_TEST_PG_URL"
PG_SKIP_REASON = "LABAPP_TEST_PG_URL not set: PostgreSQL tests skipped"
MIGRATIONS_SOURCE = Path(__file__).resolve().parents[2] / "db"
#: The head of the shipped migrations (the test-only revision 9999 follows it).
REAL_HEAD = migrations.head_revision()

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def pg_base_url() -> str | None:
    """The PostgreSQL URL the tests may write to, or ``None``."""
    return os.environ.get(PG_ENV) or None


@pytest.fixture
def pg_schema_url() -> Iterator[str]:
    """A URL to a fresh, empty PostgreSQL schema; the schema is dropped afterwards."""
    base = pg_base_url()
    if base is None:
        pytest.skip(PG_SKIP_REASON)
    schema = f"labapp_t_{secrets.token_hex(6)}"
    admin = create_engine(normalise_url(base), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        url = normalise_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
            _drop_roles(conn, schema)
        admin.dispose()


def _drop_roles(conn: Connection, schema: str) -> None:
    """Drop the server-wide roles ``db upgrade`` made for this test's schema."""
    database = conn.execute(text("SELECT current_database()")).scalar_one()
    prefix = f"labapp_{database}_{schema}".lower()
    names = conn.execute(
        text("SELECT rolname FROM pg_roles WHERE rolname LIKE :p ORDER BY rolname DESC"),
        {"p": prefix.replace("_", "\\_") + "\\_%"},
    ).scalars()
    for name in names:
        conn.execute(text(f'DROP OWNED BY "{name}"'))
        conn.execute(text(f'DROP ROLE IF EXISTS "{name}"'))


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """``"sqlite"`` or ``"postgresql"``."""
    return str(request.param)


@pytest.fixture
def empty_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """A URL to an empty database: a new SQLite file, or a new PostgreSQL schema."""
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'labapp.sqlite3'}"
    return str(request.getfixturevalue("pg_schema_url"))


@pytest.fixture
def engine(empty_url: str) -> Iterator[Engine]:
    """An engine on the empty database (no schema yet)."""
    eng = make_engine(empty_url)
    yield eng
    eng.dispose()


@pytest.fixture
def migrated_engine(engine: Engine) -> Engine:
    """An engine on a database upgraded to head."""
    migrations.upgrade(engine)
    return engine


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One SQLite file migrated to head (with its triggers), copied for each test that needs one.

    Running every migration for each test was most of a database test's set-up; a copy of the
    same migrated file is the same database.
    """
    path = tmp_path_factory.mktemp("template") / "labapp.sqlite3"
    database = open_database(f"sqlite:///{path}")
    database.dispose()
    for suffix in ("-wal", "-shm"):
        assert not Path(f"{path}{suffix}").exists() or Path(f"{path}{suffix}").stat().st_size == 0
    return path


@pytest.fixture
def db(empty_url: str, request: pytest.FixtureRequest) -> Iterator[Database]:
    """An open LabApp database at head (PostgreSQL upgraded as an administrator would)."""
    if not empty_url.startswith("sqlite"):
        upgrade_database(empty_url)
    else:
        template = request.getfixturevalue("sqlite_template")
        shutil.copyfile(template, empty_url.removeprefix("sqlite:///"))
    database = open_database(empty_url)
    yield database
    database.dispose()


NEXT_REVISION = '''"""A later schema for the tests: a new table, a column added in batch mode."""

import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("test_extra", sa.Column("id", sa.Integer(), primary_key=True))
    with op.batch_alter_table("instruments") as batch_op:
        batch_op.add_column(sa.Column("extra", sa.Text(), nullable=True))
    {failure}


def downgrade() -> None:
    with op.batch_alter_table("instruments") as batch_op:
        batch_op.drop_column("extra")
    op.drop_table("test_extra")
'''


def _newer_migrations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: str) -> Path:
    target = tmp_path / "migrations"
    (target / "versions").mkdir(parents=True)
    for name in ("env.py", "script.py.mako"):
        (target / name).write_text((MIGRATIONS_SOURCE / name).read_text())
    for script in (MIGRATIONS_SOURCE / "versions").glob("*.py"):
        (target / "versions" / script.name).write_text(script.read_text())
    script = NEXT_REVISION.format(failure=failure, head=REAL_HEAD)
    (target / "versions" / "9999_test_extra.py").write_text(script)
    monkeypatch.setattr("labapp.paths.migrations_dir", lambda: target)
    return target


@pytest.fixture
def newer_labapp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Pretend this LabApp has a revision 9999 after the real head (so head is behind)."""
    return _newer_migrations(tmp_path, monkeypatch, failure="")


@pytest.fixture
def newer_labapp_failing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Like ``newer_labapp``, but 9999 fails half way (after creating a table)."""
    return _newer_migrations(
        tmp_path, monkeypatch, failure='op.execute("SELECT * FROM no_such_table")'
    )
