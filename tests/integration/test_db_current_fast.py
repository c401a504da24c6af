"""``labapp-cli db current`` on a file without SQLAlchemy or Alembic (issue #17): same answers.

The revision chain is read from the migration scripts' text; Alembic's own script directory is
the reference it must equal.  A plain path or ``sqlite:///`` URL is read with the standard
library; SQLAlchemy's URL (``normalise_url`` + ``sqlite_path``) is the reference.  A server URL
still goes through SQLAlchemy, on both databases.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory

from labapp import paths
from labapp.persistence import migrations
from labapp.persistence.engine import normalise_url, sqlite_path
from labapp.persistence.sqlite_files import sqlite_file_url
from labapp.services.database import schema_status, upgrade_database


def _alembic_chain() -> dict[str, tuple[str, ...]]:
    cfg = Config()
    cfg.set_main_option("script_location", str(paths.migrations_dir()))
    scripts = ScriptDirectory.from_config(cfg)
    chain: dict[str, tuple[str, ...]] = {}
    for script in scripts.walk_revisions():
        down = script.down_revision
        chain[script.revision] = () if down is None else tuple(
            [down] if isinstance(down, str) else down
        )  # fmt: skip
    return chain


def _alembic_head() -> str | None:
    cfg = Config()
    cfg.set_main_option("script_location", str(paths.migrations_dir()))
    return ScriptDirectory.from_config(cfg).get_current_head()


def test_the_chain_read_from_the_scripts_equals_alembics() -> None:
    chain = _alembic_chain()
    assert len(chain) >= 2
    assert migrations.revision_chain() == chain
    assert migrations.known_revisions() == set(chain)
    assert migrations.head_revision() == _alembic_head()


def test_a_later_script_is_read_too(newer_labapp: Path) -> None:
    chain = _alembic_chain()
    assert "9999" in chain  # the fixture's extra revision, assigned without annotation
    assert migrations.revision_chain() == chain
    assert migrations.head_revision() == _alembic_head() == "9999"


def test_a_script_that_is_not_plain_literals_is_asked_of_alembic(
    newer_labapp: Path,
) -> None:
    script = newer_labapp / "versions" / "9999_test_extra.py"
    text = script.read_text(encoding="utf-8")
    script.write_text(text.replace('revision = "9999"', 'revision = "99" + "97"'), "utf-8")
    chain = _alembic_chain()
    assert "9997" in chain and "9999" not in chain
    assert migrations.revision_chain() == chain
    assert migrations.head_revision() == "9997"


def _examples(tmp_path: Path) -> list[str]:
    absolute = tmp_path / "a lab" / "lab 100%+é.sqlite3"
    return [
        str(absolute),
        "relative/lab.sqlite3",
        "~/lab.sqlite3",
        f"sqlite:///{absolute}",
        "sqlite:///relative/lab.sqlite3",
        f"sqlite:///{tmp_path}/with%20space%25.sqlite3",
        f"sqlite:///{tmp_path}/lab.sqlite3?mode=ro",
        f"sqlite:///file:{tmp_path}/lab.sqlite3?mode=ro&uri=true",
        "sqlite://",
        "sqlite:///:memory:",
        f"sqlite+pysqlite:///{absolute}",
        "postgresql://lab@db.example/lab",
        "postgres://lab:secret@db.example:5432/lab?sslmode=require",
    ]


def test_a_plain_sqlite_url_is_read_as_sqlalchemy_reads_it(tmp_path: Path) -> None:
    fast = 0
    for text in _examples(tmp_path):
        found = sqlite_file_url(text)
        if found is None:  # the caller asks SQLAlchemy: nothing to compare
            continue
        fast += 1
        reference = normalise_url(text)
        assert found == (reference.render_as_string(hide_password=False), sqlite_path(reference))
    assert fast >= 6  # the paths and the plain sqlite:/// URLs take the fast way


def test_what_is_not_a_plain_file_is_left_to_sqlalchemy(tmp_path: Path) -> None:
    for text in _examples(tmp_path):
        parsed = normalise_url(text)
        plain = not parsed.query and parsed.drivername == "sqlite" and sqlite_path(parsed)
        if not plain:
            assert sqlite_file_url(text) is None, text


def test_schema_status_on_both_databases(empty_url: str) -> None:
    """A file is read without SQLAlchemy, a server with it: the same status either way."""
    empty = schema_status(empty_url, must_exist=False)
    assert (empty.revision, empty.newer, empty.up_to_date) == (None, False, False)
    assert empty.head == _alembic_head()
    upgrade_database(empty_url)
    status = schema_status(empty_url)
    assert (status.revision, status.newer, status.up_to_date) == (_alembic_head(), False, True)


@pytest.mark.parametrize("form", ["path", "url"])
def test_db_current_reads_a_file_with_the_standard_library_only(tmp_path: Path, form: str) -> None:
    import subprocess
    import sys

    from labapp.cli.main import main

    database = tmp_path / "lab.sqlite3"
    assert main(["init", "--database", str(database)]) == 0
    before = database.read_bytes()
    given = str(database) if form == "path" else f"sqlite:///{database}"
    code = (
        "import contextlib, io, sys\n"
        "from labapp.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        f"    assert main(['db', 'current', '--database', {given!r}]) == 0\n"
        "assert 'up to date' in out.getvalue(), out.getvalue()\n"
        "loaded = sorted({m.split('.')[0] for m in sys.modules} & {'sqlalchemy', 'alembic'})\n"
        "assert not loaded, loaded\n"
    )
    child = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert child.returncode == 0, child.stderr[-3000:]
    assert database.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lab.sqlite3"]
