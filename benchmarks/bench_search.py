"""Register search at 100 000 items: the indexed rule against the old full scan, same run.

Run: ``python benchmarks/bench_search.py [--database PATH_OR_URL]`` (default
``/tmp/labapp-large.sqlite3``; a PostgreSQL URL works the same way; upgrade the lab first with
``labapp-cli db upgrade`` so it has migration 0014's index).

For each search text it times what the register does as you type (the first page of 200 rows,
then the capped count when that page is full, see ``bench_register.bench_search``) twice,
alternately: with today's :func:`search_condition` (FTS5 trigram on SQLite, pg_trgm on
PostgreSQL, a UNION of indexed branches) and with the old full-scan condition
(:func:`scan_condition`, the rule as it was written before the index) swapped into the same
service.  Both must return the same rows (checked).  It prints medians of this process's CPU time
on SQLite, where the query runs in this process (wall time beside it: on a shared machine it moves
with other people's work), and of wall time on PostgreSQL.  "indexed" and "scan" build the
statement every time (the first search of its shape in a session); "typed" is what every later
keystroke costs: the register builds its page statement once per search shape (indexed or scan)
and binds the typed text at execution.  Goals (issue #17): a rare match at 100k in <= 5 ms
(judged on "typed", the first search's figure printed beside it), a common one no slower than
the scan.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date

from bench_register import paired_times  # the script's folder is on sys.path
from sqlalchemy import text

from labapp.services.database import Database, open_database
from labapp.services.register import SEARCH_COUNT_CAP, RegisterFilter, count_register
from labapp.services.register import _query as register
from labapp.services.register._search import scan_condition

TODAY = date(2026, 11, 23)
RARE_GOAL_MS = 5.0


def search_once(db: Database, needle: str) -> list[int]:
    """What the register does for typed text: the first page, the capped count when it is full."""
    flt = RegisterFilter(search=needle)
    page = register.query_register(db, flt, today=TODAY)
    if len(page) == 200:
        count_register(db, flt, cap=SEARCH_COUNT_CAP)
    return [item.id for item in page]


def old_scan(text: str, dialect: str, *, many: bool = False) -> object:
    """The rule as it was before the index (``many`` is the indexed rule's plan hint)."""
    return scan_condition(text, dialect)


def with_condition(condition: Callable[[str, str], object], action: Callable[[], object]) -> object:
    """Run ``action`` with ``condition`` as the register's search rule."""
    saved = register.search_condition
    register.search_condition = condition  # type: ignore[assignment]
    register._page_statement.cache_clear()  # the page statement is cached per filter
    try:
        return action()
    finally:
        register.search_condition = saved
        register._page_statement.cache_clear()


def needles(db: Database) -> list[tuple[str, str]]:
    """(kind, text): a rare match (one serial number), a rare asset-tag piece, common ones."""
    with db.engine.connect() as conn:
        total = conn.execute(text("SELECT count(*) FROM instruments")).scalar_one()
        serial, tag = conn.execute(
            text("SELECT serial_no, asset_tag FROM instruments WHERE serial_no IS NOT NULL "
                 "ORDER BY id LIMIT 1 OFFSET :n"),
            {"n": total * 7 // 9},
        ).one()  # fmt: skip
    return [
        ("rare: one serial number", serial),
        ("rare: one asset tag", tag),
        ("common: manufacturer", "fluke"),
        ("common: CJK quantity", "温度"),
        ("common: 2 characters (scan)", "DX"),
        ("none", "zzz-nothing"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database", default="/tmp/labapp-large.sqlite3")
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    db = open_database(args.database, create=False)
    sqlite = db.engine.dialect.name == "sqlite"
    with db.engine.connect() as conn:
        count = conn.execute(text("SELECT count(*) FROM instruments")).scalar_one()
    print(f"{db.info.display_name}: {count} instruments; times are medians of {args.runs} runs")
    print(f"{'search':28} {'text':>12} {'rows':>5} {'indexed':>8} {'scan':>8} {'ratio':>6} "
          f"{'typed':>7}   (ms; {'CPU' if sqlite else 'wall'}: goals judged on it)")  # fmt: skip
    rare_worst, rare_first, common_worst = 0.0, 0.0, 0.0
    for kind, needle in needles(db):
        new_ids = with_condition(register.search_condition, lambda n=needle: search_once(db, n))
        old_ids = with_condition(old_scan, lambda n=needle: search_once(db, n))
        assert new_ids == old_ids, f"{needle!r}: the indexed rule must return the scan's rows"
        (wall, cpu), (old_wall, old_cpu) = paired_times(  # both sides build their statement
            lambda n=needle: with_condition(register.search_condition, lambda: search_once(db, n)),
            lambda n=needle: with_condition(old_scan, lambda: search_once(db, n)),
            runs=args.runs,
        )
        # the register builds a shape's statement once; every later text of that shape reuses it
        (cached_wall, cached_cpu), _ = paired_times(
            lambda n=needle: search_once(db, n), lambda: None, runs=args.runs
        )
        new, old, cached = (cpu, old_cpu, cached_cpu) if sqlite else (wall, old_wall, cached_wall)
        print(f"{kind:28} {needle[:12]:>12} {len(new_ids):5d} {new:8.2f} {old:8.2f} "
              f"x{old / new:5.1f} {cached:7.2f}   (wall {wall:.1f} / {old_wall:.1f})")  # fmt: skip
        if kind.startswith("rare"):
            rare_worst, rare_first = max(rare_worst, cached), max(rare_first, new)
        elif kind.startswith("common"):
            common_worst = max(common_worst, new / old)
    print(
        f"rare match as typed: worst {rare_worst:.2f} ms (goal <= {RARE_GOAL_MS:g} ms): "
        f"{'OK' if rare_worst <= RARE_GOAL_MS else 'MISSED'} (first of the session: "
        f"{rare_first:.2f} ms); common match: worst indexed/scan "
        f"x{common_worst:.2f} (goal <= 1, i.e. no slower): "
        f"{'OK' if common_worst <= 1.05 else 'MISSED'} (within 5 %, the runs' noise)"
    )
    db.dispose()


if __name__ == "__main__":
    main()
