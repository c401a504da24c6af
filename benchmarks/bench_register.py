"""Register latency on a large demo lab: first screen and search as you type.

Run: ``python benchmarks/bench_register.py [--database PATH_OR_URL] [--instruments N]``.  Without
``--database`` a 10 000-item SQLite demo lab is built in ``/tmp/labapp-bench-<N>.sqlite3`` (kept
for the next run).  The goal is measured on 100 000 items / ~1 000 000 events
(``labapp-cli demo --instruments 100000 --database /tmp/labapp-large.sqlite3``).

It prints the median of several runs of

* the register's first screen, :func:`query_register` (200 rows, default order: joins, due state,
  last approved result) against a bare ``SELECT ... FROM instruments ORDER BY asset_tag LIMIT 200``
  (goal: at most 3x);
* search-as-you-type: :func:`query_register` + :func:`count_register` for a few strings.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from datetime import date

from sqlalchemy import text

from labapp.services.database import open_database
from labapp.services.demo import DemoOptions, seed_demo
from labapp.services.register import RegisterFilter, count_register, query_register

TODAY = date(2026, 11, 23)
SEARCHES = ("D", "DX-00012", "fluke", "87V", "温度", "zzz-nothing")
RAW = (
    "SELECT id, asset_tag, name, model, serial_no, manufacturer, quantity, status, due_on "
    "FROM instruments ORDER BY asset_tag LIMIT 200"
)


def median_ms(action: Callable[[], object], runs: int = 9) -> float:
    """Median wall time of ``action`` in milliseconds (after one warm-up run)."""
    action()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database", help="an existing (large) LabApp database")
    parser.add_argument("--instruments", type=int, default=10_000)
    args = parser.parse_args()
    url = args.database or f"/tmp/labapp-bench-{args.instruments}.sqlite3"
    db = open_database(url)
    with db.read() as session:
        count = session.execute(text("SELECT count(*) FROM instruments")).scalar_one()
        if count == 0 and not args.database:
            print(f"seeding {args.instruments} instruments into {url} ...")
            seed_demo(db, DemoOptions(instruments=args.instruments, years=5, today=TODAY))
    with db.read() as session:
        count = session.execute(text("SELECT count(*) FROM instruments")).scalar_one()
        events = session.execute(text("SELECT count(*) FROM events")).scalar_one()
    print(f"{db.info.display_name}: {count} instruments, {events} events")

    def raw() -> object:
        with db.read() as session:
            return session.execute(text(RAW)).all()

    raw_ms = median_ms(raw, runs=41)
    first_ms = median_ms(lambda: query_register(db, today=TODAY), runs=41)
    count_ms = median_ms(lambda: count_register(db))
    print(f"raw SELECT ... LIMIT 200      {raw_ms:8.2f} ms")
    print(f"query_register first screen   {first_ms:8.2f} ms  ratio x{first_ms / raw_ms:.2f}")
    print(f"count_register (no filter)    {count_ms:8.2f} ms")
    for order in ("due_on", "location"):
        ms = median_ms(lambda o=order: query_register(db, order_by=o, today=TODAY), runs=5)
        print(f"first screen by {order:<13} {ms:8.2f} ms  ratio x{ms / raw_ms:.2f}")
    results = []
    for needle in SEARCHES:
        flt = RegisterFilter(search=needle)
        page_ms = median_ms(lambda f=flt: query_register(db, f, today=TODAY), runs=5)
        total_ms = median_ms(lambda f=flt: count_register(db, f), runs=5)
        results.append(page_ms + total_ms)
        print(f"search {needle!r:<14} page {page_ms:8.2f} ms + count {total_ms:8.2f} ms")
    print(f"search as you type: median {statistics.median(results):.2f} ms (page + count)")
    db.dispose()


if __name__ == "__main__":
    main()
