"""Migrations from code on both databases: empty → head, no drift, down to base and up again."""

from __future__ import annotations

from sqlalchemy import Engine, inspect, text

from labapp.persistence import migrations
from labapp.persistence.rows import models

Base = models.Base  # every row module: the whole schema


def test_empty_database_upgrades_to_head_and_is_labapp(engine: Engine) -> None:
    with engine.connect() as conn:
        assert migrations.current_revision(conn) is None
        assert not migrations.is_labapp_database(conn)
    migrations.upgrade(engine)
    with engine.connect() as conn:
        assert migrations.current_revision(conn) == migrations.head_revision()
        assert migrations.is_labapp_database(conn)
        tables = set(inspect(conn).get_table_names())
    assert set(Base.metadata.tables) <= tables


def test_models_and_migrations_do_not_drift(migrated_engine: Engine) -> None:
    assert migrations.drift(migrated_engine) == []


def test_drift_is_detected(migrated_engine: Engine) -> None:
    with migrated_engine.begin() as conn:
        conn.execute(text("ALTER TABLE instruments ADD COLUMN stray INTEGER"))
    diffs = migrations.drift(migrated_engine)
    assert [(d[0], d[2], d[3].name) for d in diffs] == [("remove_column", "instruments", "stray")]


def test_downgrade_to_base_and_up_again(migrated_engine: Engine) -> None:
    migrations.downgrade(migrated_engine, "base")
    with migrated_engine.connect() as conn:
        assert migrations.current_revision(conn) is None
        left = set(inspect(conn).get_table_names()) - {"alembic_version"}
    assert left == set()
    migrations.upgrade(migrated_engine)
    assert migrations.drift(migrated_engine) == []
    with migrated_engine.connect() as conn:
        assert migrations.is_labapp_database(conn)


def test_stamp_records_a_revision_without_running_it(engine: Engine) -> None:
    migrations.stamp(engine, "0001")
    with engine.connect() as conn:
        assert migrations.current_revision(conn) == "0001"
        assert not inspect(conn).has_table("instruments")
