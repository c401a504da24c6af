"""The indexed register search (SQLite FTS5 trigram, PostgreSQL pg_trgm) finds what the scan finds.

The oracle is the scan (:func:`scan_condition`, the rule as it was written before the index) and,
for the odd names added here, the matches worked out in Python from the names themselves.
"""

from __future__ import annotations

import logging
import shutil
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, insert, inspect, select, text

from labapp import paths
from labapp.persistence import migrations, search_index
from labapp.persistence.engine import make_engine
from labapp.persistence.models import InstrumentRow
from labapp.services.database import Database
from labapp.services.demo import DemoOptions, seed_demo
from labapp.services.register import InstrumentData
from labapp.services.register import _query as reg
from labapp.services.register._search import INDEXED_MIN_CHARS, scan_condition, search_condition

TODAY = date(2025, 6, 1)
#: Names no demo item has: literal LIKE wildcards and escapes, quotes (FTS5's phrase syntax),
#: CJK, non-ASCII case (SQLite's LIKE folds ASCII only; the trigram index folds more).
ODD = {
    "ODD-1": "Probe 50%_x",
    "ODD-2": 'Bridge "AC" \\ ratio',
    "ODD-3": "数字多用表 温度探头",
    "ODD-4": "Ärztliches Thermometer",
    "ODD-5": "ärztliches thermometer",
    "ODD-6": "a_b a%b aXb",
}
TERMS = (
    "D", "d", "x", "%", "_", "\\", '"', "温", "温度", "表", "Ä", "ä", "AC", "87",
    "50%", "%_x", "0%_", "a_b", "a%b", "aXb", "axb", '"AC"', '" \\ r', "\\ ratio",
    "数字多用表", "多用表 温", "温度探头", "Ärzt", "ärzt", "ÄRZT", "RZTLICHES", "thermo",
    "THERMOMETER", "fluke", "FLUKE", "Fluke 87V", "87V", "dmm", "DX-", "ODD-", "odd-6",
    "zzz-nothing", "   x  ", "  ",
)  # fmt: skip


@pytest.fixture
def lab(db: Database) -> Database:
    seed_demo(db, DemoOptions(instruments=60, years=1, today=TODAY))
    for tag, name in ODD.items():
        reg.create_instrument(db, "admin", InstrumentData(asset_tag=tag, name=name))
    return db


def _ids(db: Database, condition: object) -> set[int]:
    with db.engine.connect() as conn:
        return set(conn.execute(select(InstrumentRow.id).where(condition)).scalars())  # type: ignore[arg-type]


def _terms_from_data(db: Database) -> list[str]:
    """Substrings of real cells (every searched column, location and custodian), many lengths."""
    with db.engine.connect() as conn:
        cells = conn.exec_driver_sql(
            "SELECT i.asset_tag, i.name, i.model, i.serial_no, i.manufacturer, i.quantity, "
            "l.name, p.name FROM instruments i LEFT JOIN locations l ON l.id = i.location_id "
            "LEFT JOIN persons p ON p.id = i.custodian_id ORDER BY i.id LIMIT 25"
        ).fetchall()
    terms = []
    for row in cells:
        for cell in row:
            if cell:
                terms += [cell[1:4], cell[-5:].upper(), cell[:2].lower(), cell]
    return terms


def test_indexed_search_finds_exactly_what_the_scan_finds(lab: Database) -> None:
    dialect = lab.engine.dialect.name
    terms = [t.strip() for t in (*TERMS, *_terms_from_data(lab)) if t.strip()]
    assert any(len(t) < INDEXED_MIN_CHARS for t in terms)  # both paths are exercised
    assert any(len(t) >= INDEXED_MIN_CHARS for t in terms)
    found_any = 0
    for term in terms:
        indexed = _ids(lab, search_condition(term, dialect))
        assert indexed == _ids(lab, scan_condition(term, dialect)), term
        assert indexed == _ids(lab, search_condition(term, dialect, many=True)), term
        found_any += bool(indexed)
    assert found_any > len(terms) // 2  # the terms are real: most of them match something


def _odd_matches(term: str, dialect: str) -> set[str]:
    """The odd items whose name holds ``term``: ASCII case folded (SQLite), any case (PG)."""
    if dialect == "postgresql":
        return {tag for tag, name in ODD.items() if term.lower() in name.lower()}

    def fold(s: str) -> str:
        return "".join(c.lower() if c.isascii() else c for c in s)

    return {tag for tag, name in ODD.items() if fold(term) in fold(name)}


@pytest.mark.parametrize(
    "term", ["50%_x", "%_x", "a_b", "a%b", '"AC"', "\\ ratio", "温度探头", "Ärzt", "ärzt", "THERMO"]
)
def test_odd_text_is_matched_literally(lab: Database, term: str) -> None:
    dialect = lab.engine.dialect.name
    flt = reg.RegisterFilter(search=term)
    tags = {i.asset_tag for i in reg.query_register(lab, flt, today=TODAY, limit=1000)}
    expected = _odd_matches(term, dialect)
    assert expected  # each term is meant to find one of the odd names
    assert {t for t in tags if t.startswith("ODD-")} == expected
    assert reg.count_register(lab, flt) == len(tags)


def _search(db: Database, term: str) -> set[str]:
    flt = reg.RegisterFilter(search=term)
    return {i.asset_tag for i in reg.query_register(db, flt, today=TODAY, limit=1000)}


def test_the_index_follows_every_write(lab: Database) -> None:
    created = reg.create_instrument(lab, "admin", InstrumentData(asset_tag="NEW-1", name="Qwerty"))
    assert _search(lab, "qwert") == {"NEW-1"}
    reg.update_instrument(lab, "admin", created.id, created.version, {"name": "Zxcvb gauge"})
    assert _search(lab, "qwert") == set()
    assert _search(lab, "xcvb") == {"NEW-1"}
    with lab.engine.begin() as conn:
        conn.execute(text("DELETE FROM instruments WHERE id = :i"), {"i": created.id})
    assert _search(lab, "xcvb") == set()
    if lab.engine.dialect.name == "sqlite":  # the index holds one row per instrument, no more
        with lab.engine.connect() as conn:
            counts = conn.exec_driver_sql(
                f"SELECT (SELECT count(*) FROM instruments), "
                f"(SELECT count(*) FROM {search_index.SEARCH_TABLE})"
            ).one()
        assert counts[0] == counts[1] > 60


def test_the_migration_builds_the_index_for_existing_rows(lab: Database) -> None:
    engine = lab.engine
    before = _ids(lab, search_condition("ODD-", engine.dialect.name))
    migrations.downgrade(engine, "0011")
    assert not _has_index(engine)
    migrations.upgrade(engine)
    assert _has_index(engine)
    assert _ids(lab, search_condition("ODD-", engine.dialect.name)) == before
    assert len(before) == len(ODD)
    assert migrations.drift(engine) == []


def _has_index(engine: Engine) -> bool:
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            return inspect(conn).has_table(search_index.SEARCH_TABLE)
        names = set(
            conn.exec_driver_sql(
                "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
            ).scalars()
        )
        return set(search_index.pg_index_names()) <= names


REBUILD = '''"""A later schema for the test: instruments rebuilt by batch mode (SQLite)."""

import sqlalchemy as sa
from alembic import op

revision = "9998"
down_revision = "{head}"
branch_labels = None
depends_on = None


def _recreate() -> str:
    return "always" if op.get_bind().dialect.name == "sqlite" else "auto"


def upgrade() -> None:
    with op.batch_alter_table("instruments", recreate=_recreate()) as batch_op:
        batch_op.add_column(sa.Column("extra", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("instruments", recreate=_recreate()) as batch_op:
        batch_op.drop_column("extra")
'''


@pytest.fixture
def rebuilding_labapp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This LabApp's migrations plus a revision that rebuilds ``instruments`` in batch mode."""
    target = tmp_path / "migrations"
    shutil.copytree(paths.migrations_dir(), target, ignore=shutil.ignore_patterns("__pycache__"))
    script = REBUILD.format(head=migrations.head_revision())
    (target / "versions" / "9998_rebuild.py").write_text(script, encoding="utf-8")
    monkeypatch.setattr("labapp.paths.migrations_dir", lambda: target)
    return target


def test_the_triggers_survive_a_later_batch_rebuild(
    migrated_engine: Engine, rebuilding_labapp: Path
) -> None:
    """SQLite drops a rebuilt table's triggers: every upgrade makes them again."""
    migrations.upgrade(migrated_engine)
    db = Database(migrated_engine, None)  # type: ignore[arg-type]
    with migrated_engine.begin() as conn:
        assert migrations.current_revision(conn) == "9998"
        conn.execute(
            insert(InstrumentRow).values(asset_tag="REBUILT-1", name="Rebuilt gauge", version=1)
        )
    dialect = migrated_engine.dialect.name
    found = _ids(db, search_condition("ebuilt gau", dialect))
    assert found == _ids(db, scan_condition("ebuilt gau", dialect))
    assert len(found) == 1


def test_a_common_text_is_read_in_page_order_with_the_same_rows(
    lab: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above the threshold the register takes the page-order plan; the rows do not change."""
    from labapp.services.register import _search as register_search

    flt = reg.RegisterFilter(search="ODD-")
    rare = [i.id for i in reg.query_register(lab, flt, today=TODAY)]
    with lab.engine.connect() as conn:
        assert not register_search.is_common(conn, "ODD-")
        monkeypatch.setattr(register_search, "COMMON_CANDIDATES", len(ODD))
        assert register_search.is_common(conn, "ODD-")
        assert not register_search.is_common(conn, "OD")  # under a trigram: never
    reg._page_statement.cache_clear()
    assert [i.id for i in reg.query_register(lab, flt, today=TODAY)] == rare
    assert reg.count_register(lab, flt, cap=3) == 4 and reg.count_register(lab, flt) == len(ODD)


def test_without_pg_trgm_the_upgrade_warns_in_both_languages_and_search_scans(
    pg_schema_url: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A server without the extension (or a login that may not create it): worded, not fatal."""
    monkeypatch.setattr(search_index, "_extension_schema", lambda _conn: None)
    engine = make_engine(pg_schema_url)
    try:
        with caplog.at_level(logging.WARNING, logger=search_index.__name__):
            migrations.upgrade(engine)
        assert "pg_trgm" in caplog.text and "CREATE EXTENSION pg_trgm" in caplog.text
        assert "无法建立搜索索引" in caplog.text  # and in Chinese
        assert "Traceback" not in caplog.text
        assert not _has_index(engine)
        db = Database(engine, None)  # type: ignore[arg-type]
        assert _ids(db, search_condition("nothing-like-it", "postgresql")) == set()
    finally:
        engine.dispose()


def test_one_page_statement_serves_every_text_of_its_shape(lab: Database) -> None:
    """The register builds its page statement once per search shape (index, scan) and binds the
    typed text at execution: every text in a row, through the same cached statement, gets its own
    rows (the scan's, the oracle), never the previous text's."""
    dialect = lab.engine.dialect.name
    reg._page_statement.cache_clear()
    terms = [t.strip() for t in (*TERMS, *_terms_from_data(lab)) if t.strip()]
    for term in terms:
        with lab.engine.connect() as conn:
            expected = {
                tag for tag in conn.execute(
                    select(InstrumentRow.asset_tag).where(scan_condition(term, dialect))
                ).scalars()
            }  # fmt: skip
        assert _search(lab, term) == expected, term
    built = reg._page_statement.cache_info()
    assert built.currsize <= 4 < len(terms)  # index and scan shapes (each with or without many)
    assert built.hits >= len(terms) - built.currsize
