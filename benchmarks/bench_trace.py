"""Traceability on a large demo lab: reverse trace against hand-written SQL, forward chain latency.

Run: ``python benchmarks/bench_trace.py --database /tmp/labapp-large.sqlite3`` (build one with
``labapp-cli demo --instruments 100000 --database ...``; any LabApp URL works, PostgreSQL too).

* Reverse trace of the reference standard that served the most events, over its whole history,
  at ``--depth`` (5): :func:`labapp.services.traceability.reverse_trace` (SQLAlchemy-built
  recursive CTE, rows mapped to frozen DTOs) against the same recursive CTE written by hand as
  raw SQL text and fetched as tuples.  Goal: ratio at most 2.
* :func:`~labapp.services.traceability.forward_chain` of ``--samples`` in-service working
  instruments (seeded choice): median and 95th percentile latency.
* :func:`~labapp.services.traceability.broken_chains`, current and over the last five years.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import Date, bindparam, text

from labapp.services.database import Database, open_database
from labapp.services.traceability import broken_chains, forward_chain, reverse_trace

GOAL = 2.0

RAW_REVERSE_TRACE = text("""
WITH RECURSIVE rt(depth, event_id, performed_on, instrument_id, via_id) AS (
    SELECT 1, e.id, e.performed_on, e.instrument_id, l.instrument_id
    FROM event_standards l JOIN events e ON e.id = l.event_id
    WHERE l.instrument_id = :standard_id AND e.status = 'approved' AND e.performed_on >= :since
  UNION
    SELECT rt.depth + 1, e.id, e.performed_on, e.instrument_id, l.instrument_id
    FROM rt
    JOIN event_standards l ON l.instrument_id = rt.instrument_id
    JOIN events e ON e.id = l.event_id
    WHERE e.status = 'approved' AND e.performed_on >= rt.performed_on AND rt.depth < :max_depth
), best AS (
    SELECT rt.*, row_number() OVER (PARTITION BY event_id ORDER BY depth, via_id) AS rn FROM rt
)
SELECT b.depth, b.event_id, b.performed_on, b.instrument_id, i.asset_tag, i.name, i.quantity,
       b.via_id, v.asset_tag, e.result
FROM best b
JOIN instruments i ON i.id = b.instrument_id
JOIN instruments v ON v.id = b.via_id
JOIN events e ON e.id = b.event_id
WHERE b.rn = 1
ORDER BY b.depth, b.performed_on, b.event_id
""").bindparams(bindparam("since", type_=Date))

TOP_STANDARD = text("""
SELECT l.instrument_id, count(*) AS n FROM event_standards l
JOIN instruments i ON i.id = l.instrument_id
WHERE i.level = 'reference' GROUP BY l.instrument_id ORDER BY n DESC, l.instrument_id LIMIT 1
""")


def best_of(action: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """Median seconds of ``repeat`` runs (after one warm-up run) and the last result."""
    result = action()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def bench_reverse(db: Database, depth: int, repeat: int) -> None:
    with db.engine.connect() as conn:
        standard_id, uses = conn.execute(TOP_STANDARD).one()
        first = conn.execute(text("SELECT min(performed_on) FROM events")).scalar_one()
    since = first if isinstance(first, date) else date.fromisoformat(first)
    params = {"standard_id": standard_id, "since": since, "max_depth": depth}

    def raw() -> list[Any]:
        with db.engine.connect() as conn:
            return list(conn.execute(RAW_REVERSE_TRACE, params).all())

    service_s, trace = best_of(
        lambda: reverse_trace(db, standard_id, since=since, max_depth=depth), repeat
    )
    raw_s, rows = best_of(raw, repeat)
    assert len(rows) == trace.events, (len(rows), trace.events)
    print(
        f"reverse trace of standard {standard_id} ({uses} direct uses), depth {depth}: "
        f"{trace.events} events on {trace.instruments} items, by depth {trace.counts_by_depth}"
    )
    ratio = service_s / raw_s
    verdict = "ok" if ratio <= GOAL else "OVER GOAL"
    print(
        f"  reverse_trace {service_s * 1000:8.1f} ms   raw SQL {raw_s * 1000:8.1f} ms   "
        f"ratio {ratio:.2f} (goal <= {GOAL}: {verdict})"
    )


def bench_forward(db: Database, samples: int) -> None:
    with db.engine.connect() as conn:
        ids = list(
            conn.execute(
                text(
                    "SELECT id FROM instruments WHERE role = 'working' AND status = 'in_service' "
                    "AND last_calibrated_on IS NOT NULL ORDER BY id"
                )
            ).scalars()
        )
    chosen = random.Random(1).sample(ids, min(samples, len(ids)))
    times, depths = [], []
    for instrument_id in chosen:
        start = time.perf_counter()
        root = forward_chain(db, instrument_id)
        times.append(time.perf_counter() - start)
        depths.append(_depth(root))
    times.sort()
    p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
    print(
        f"forward_chain of {len(chosen)} working items (depth up to {max(depths)}): "
        f"median {statistics.median(times) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms"
    )


def _depth(node: Any) -> int:
    return max([node.depth, *(_depth(child) for child in node.children)])


def bench_broken(db: Database) -> None:
    today = date.today()
    for since in (None, today.replace(year=today.year - 5)):
        start = time.perf_counter()
        found = broken_chains(db, today=today, since=since)
        label = "current" if since is None else f"since {since}"
        print(
            f"broken_chains ({label}): {len(found)} rows in "
            f"{(time.perf_counter() - start) * 1000:.0f} ms"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database", required=True, help="a seeded LabApp database (path or URL)")
    parser.add_argument("--depth", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--samples", type=int, default=50)
    args = parser.parse_args()
    db = open_database(args.database, create=False, migrate_local=False)
    try:
        with db.engine.connect() as conn:
            count = conn.execute(text("SELECT count(*) FROM instruments")).scalar_one()
        print(f"{db.info.display_name}: {count} instruments")
        bench_reverse(db, args.depth, args.repeat)
        bench_forward(db, args.samples)
        bench_broken(db)
    finally:
        db.dispose()


if __name__ == "__main__":
    main()
