"""Planning latency on the large demo lab: the due list of a year against raw SQL.

Run: ``python benchmarks/bench_plan.py [--database PATH_OR_URL]`` (default
``/tmp/labapp-large.sqlite3``: 100 000 instruments, ~1.2 M events; upgrade it first with
``labapp-cli db upgrade --database /tmp/labapp-large.sqlite3``).

It prints the median of several runs of :func:`labapp.services.planning.due_items` (joins,
filters, the last approved event's cost, frozen DTOs) for the windows "this year" and "next 90
days", against the same rows fetched by a hand-written SQL statement on a plain connection, and
the ratio (goal: at most 2x).  It also times :func:`generate_plan` once (in a transaction rolled
back by deleting the plan afterwards).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from datetime import date

from sqlalchemy import delete, text

from labapp.persistence.models import PlanRow
from labapp.services.database import open_database
from labapp.services.planning import due_items, generate_plan, window_range
from labapp.services.planning_dto import DueWindow

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
                return len(conn.exec_driver_sql(_driver(RAW), (a, b)).fetchall())

        rows = raw()
        service_ms, raw_ms = paired_ms(lambda w=window: due_items(db, w, TODAY), raw)
        ratio = service_ms / raw_ms
        worst = max(worst, ratio)
        print(
            f"due_items {window.value:>8}: {rows:6d} rows  service {service_ms:8.1f} ms  "
            f"raw SQL {raw_ms:8.1f} ms  ratio {ratio:4.2f}x"
        )
    start = time.perf_counter()
    plan = generate_plan(db, "bench", TODAY.year)
    print(
        f"generate_plan {TODAY.year}: {len(plan.items)} items in "
        f"{(time.perf_counter() - start) * 1000:.0f} ms"
    )
    with db.engine.begin() as conn:
        conn.execute(delete(PlanRow).where(PlanRow.id == plan.id))
    print(f"worst ratio {worst:.2f}x (goal <= 2x): {'OK' if worst <= 2 else 'MISSED'}")
    db.dispose()


def _driver(sql: str) -> str:
    """The statement with the driver's positional placeholders (SQLite ``?``)."""
    return sql.replace(":a", "?").replace(":b", "?")


if __name__ == "__main__":
    main()
