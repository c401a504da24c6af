"""Register search at 100 000 items: the indexed rule against the old full scan, same run.

Run: ``python benchmarks/bench_search.py [--database PATH_OR_URL]`` (default
``/tmp/labapp-large.sqlite3``; a PostgreSQL URL works the same way; upgrade the lab first with
``labapp-cli db upgrade`` so it has migration 0014's index).

For each search text it times what the register does as you type (the first page of 200 rows,
then the capped count when that page is full, see ``bench_register.bench_search``) twice,
alternately: with today's :func:`search_condition` (FTS5 trigram on SQLite, pg_trgm on
PostgreSQL, a UNION of indexed branches) and with the old full-scan condition
(:func:`scan_condition`, the rule as it was written before the index) swapped into the same
service.  Both must return the same rows (checked).  It prints medians of wall time, and of this
process's CPU time on SQLite, where the query runs in this process.  Goals (issue #17): a rare
match at 100k in <= 5 ms, a common one no slower than the scan.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date

from bench_register import paired_times  # the script's folder is on sys.path
from sqlalchemy import text

from labapp.services import register
from labapp.services.database import Database, open_database
from labapp.services.register import SEARCH_COUNT_CAP, RegisterFilter, count_register
from labapp.services.register_search import scan_condition

TODAY = date(2026, 11, 23)
RARE_GOAL_MS = 5.0


def search_once(db: Database, needle: str) -> list[int]:
    """What the register does for typed text: the first page, the capped count when it is full."""
    flt = RegisterFilter(search=needle)
    page = register.query_register(db, flt, today=TODAY)
    if len(page) == 200:
        count_register(db, flt, cap=SEARCH_COUNT_CAP)
    return [item.id for item in page]


def with_condition(condition: Callable[[str, str], object], action: Callable[[], object]) -> object:
    """Run ``action`` with ``condition`` as the register's search rule."""
    saved = register.search_condition
    register.search_condition = condition  # type: ignore[assignment]
    try:
        return action()
    finally:
        register.search_condition = saved


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
    print(f"{'search':30} {'text':>14} {'rows':>5} {'indexed ms':>11} {'scan ms':>9} {'ratio':>7}"
          f"{'  (CPU ms indexed / scan)' if sqlite else ''}")  # fmt: skip
    rare_worst, common_worst = 0.0, 0.0
    for kind, needle in needles(db):
        new_ids = search_once(db, needle)
        old_ids = with_condition(scan_condition, lambda n=needle: search_once(db, n))
        assert new_ids == old_ids, f"{needle!r}: the indexed rule must return the scan's rows"
        (wall, cpu), (old_wall, old_cpu) = paired_times(
            lambda n=needle: search_once(db, n),
            lambda n=needle: with_condition(scan_condition, lambda: search_once(db, n)),
            runs=args.runs,
        )
        cpu_text = f"  ({cpu:.2f} / {old_cpu:.2f})" if sqlite else ""
        print(f"{kind:30} {needle[:14]:>14} {len(new_ids):5d} {wall:11.2f} {old_wall:9.2f} "
              f"x{old_wall / wall:6.1f}{cpu_text}")  # fmt: skip
        if kind.startswith("rare"):
            rare_worst = max(rare_worst, wall)
        elif kind.startswith("common"):
            common_worst = max(common_worst, wall / old_wall)
    print(
        f"rare match: worst {rare_worst:.2f} ms (goal <= {RARE_GOAL_MS:g} ms): "
        f"{'OK' if rare_worst <= RARE_GOAL_MS else 'MISSED'}; common match: worst indexed/scan "
        f"x{common_worst:.2f} (goal <= 1): {'OK' if common_worst <= 1.0 else 'MISSED'}"
    )
    db.dispose()


if __name__ == "__main__":
    main()
