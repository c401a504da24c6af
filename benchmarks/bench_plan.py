"""Planning latency on the large demo lab: the due list of a year against raw SQL.

Run: ``python benchmarks/bench_plan.py [--database PATH_OR_URL]`` (default
``/tmp/labapp-large.sqlite3``: 100 000 instruments, ~1.2 M events; upgrade it first with
``labapp-cli db upgrade --database /tmp/labapp-large.sqlite3``).

It prints the median of several runs of :func:`labapp.services.planning.due_items` (joins,
filters, the last approved event's cost, frozen DTOs) for the windows "this year" and "next 90
days", against the same rows fetched by a hand-written SQL statement on a plain connection, and
the ratio (goal: at most 2x).

It then times :func:`generate_plan` for ``--plan-year`` (default 2027, the year most items fall
due) against a bare bulk insert of the same items (plan row + one executemany, no audit, no
DTOs) and against the ORM way it used before (one ``PlanItemRow`` object per item, audited by
the flush listener); each plan is deleted afterwards (its audit entries stay: the trail is
append-only).  Measure it on the 10 000-instrument lab:
``labapp-cli demo --instruments 10000 --years 5 --seed 11 --database /tmp/labapp-plan10k.sqlite3``.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import delete, insert, text

from labapp.persistence.models import PlanItemRow, PlanRow
from labapp.services.database import Database, open_database
from labapp.services.planning import due_items
from labapp.services.planning._annual import plan_lines
from labapp.services.planning._due import DueWindow, PlanFilter, generate_plan, window_range

TODAY = date(2026, 11, 23)
RAW = """
SELECT i.id, i.asset_tag, i.name, i.quantity, l.name, l.department, p.name, pr.code,
       i.mandatory_verification, p.kind, i.due_on, i.provider_id, i.procedure_id,
       (SELECT e.cost FROM events e WHERE e.instrument_id = i.id AND e.status = 'approved'
        ORDER BY e.performed_on DESC, e.id DESC LIMIT 1)
FROM instruments i
LEFT JOIN locations l ON l.id = i.location_id
LEFT JOIN providers p ON p.id = i.provider_id
LEFT JOIN procedures pr ON pr.id = i.procedure_id
WHERE i.due_on >= :a AND i.due_on <= :b AND i.status NOT IN ('retired', 'scrapped')
ORDER BY i.due_on, i.asset_tag
"""


def paired_ms(
    service: Callable[[], object], raw: Callable[[], object], runs: int = 7
) -> tuple[float, float]:
    """Median ms of ``service`` and ``raw``, run alternately so both see the same page cache."""
    service()
    raw()
    times: dict[str, list[float]] = {"service": [], "raw": []}
    for _ in range(runs):
        for key, action in (("service", service), ("raw", raw)):
            start = time.perf_counter()
            action()
            times[key].append((time.perf_counter() - start) * 1000)
    return statistics.median(times["service"]), statistics.median(times["raw"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database", default="/tmp/labapp-large.sqlite3")
    parser.add_argument("--plan-year", type=int, default=2027, help="0: skip generate_plan")
    args = parser.parse_args()
    db = open_database(args.database, create=False)
    with db.engine.connect() as conn:
        count = conn.execute(text("SELECT count(*) FROM instruments")).scalar_one()
    print(f"{count} instruments in {db.info.display_name}")
    worst = 0.0
    for window in (DueWindow.YEAR, DueWindow.NEXT_90):
        first, last = window_range(window, TODAY)

        def raw(a: date | None = first, b: date = last) -> int:
            with db.engine.connect() as conn:
                return len(conn.exec_driver_sql(_driver(RAW, conn), (a, b)).fetchall())

        rows = raw()
        service_ms, raw_ms = paired_ms(lambda w=window: due_items(db, w, TODAY), raw)
        ratio = service_ms / raw_ms
        worst = max(worst, ratio)
        print(
            f"due_items {window.value:>8}: {rows:6d} rows  service {service_ms:8.1f} ms  "
            f"raw SQL {raw_ms:8.1f} ms  ratio {ratio:4.2f}x"
        )
    if args.plan_year:
        bench_generate(db, args.plan_year)
    print(f"worst ratio {worst:.2f}x (goal <= 2x): {'OK' if worst <= 2 else 'MISSED'}")
    db.dispose()


def _items(db: Database, year: int) -> list[dict[str, object]]:
    """The plan's lines (one per due occurrence) as generate_plan computes them."""
    with db.engine.connect() as conn:
        return plan_lines(conn, year, date.today(), PlanFilter())


def _bare_insert(db: Database, year: int) -> int:
    """Baseline: the due rows fetched, then the plan and its items in one executemany."""
    items = _items(db, year)
    with db.engine.begin() as conn:
        plan_id = conn.execute(
            insert(PlanRow).values(year=year, title="bare", status="draft", version=1)
        ).inserted_primary_key[0]
        conn.execute(insert(PlanItemRow), [{**i, "plan_id": plan_id, "version": 1} for i in items])
    return int(plan_id)


def _orm_objects(db: Database, year: int) -> int:
    """The previous way: one ORM object per item, each audited by the flush listener."""
    items = _items(db, year)
    with db.unit_of_work("bench") as uow:
        plan = PlanRow(year=year, title="orm", status="draft")
        plan.items = [PlanItemRow(**i) for i in items]
        uow.session.add(plan)
        uow.commit()
        return plan.id


def bench_generate(db: Database, year: int) -> None:
    """generate_plan (bulk insert, audited per item) vs a bare bulk insert vs ORM objects."""

    def timed(action: Callable[[], int]) -> tuple[float, int]:
        start = time.perf_counter()
        plan_id = action()
        elapsed = (time.perf_counter() - start) * 1000
        with db.engine.begin() as conn:  # the plan goes; its audit entries stay (append-only)
            conn.execute(delete(PlanRow).where(PlanRow.id == plan_id))
        return elapsed, plan_id

    n = len(_items(db, year))
    results: dict[str, list[float]] = {"service": [], "bare": [], "orm": []}
    for _ in range(3):
        results["service"].append(timed(lambda: generate_plan(db, "bench", year).id)[0])
        results["bare"].append(timed(lambda: _bare_insert(db, year))[0])
        results["orm"].append(timed(lambda: _orm_objects(db, year))[0])
    service, bare, orm = (statistics.median(results[k]) for k in ("service", "bare", "orm"))
    print(
        f"generate_plan {year}: {n} items  service {service:7.0f} ms  bare insert {bare:7.0f} ms"
        f"  ratio {service / bare:4.2f}x  (ORM objects, before: {orm:7.0f} ms, "
        f"{orm / bare:4.2f}x)"
    )


def _driver(sql: str, conn: Any) -> str:
    """The statement with the driver's positional placeholders (SQLite ``?``, psycopg ``%s``)."""
    mark = "?" if conn.dialect.name == "sqlite" else "%s"
    return sql.replace(":a", mark).replace(":b", mark)


if __name__ == "__main__":
    main()
