"""Failed-standard impact investigation on a demo lab: what the re-evaluation costs over the trace.

Run: ``python benchmarks/bench_impact.py --database /tmp/labapp-large.sqlite3`` (build one with
``labapp-cli demo --instruments 5000 --database ...``).  The file is copied first: opening an
investigation writes to the database.

* Baseline: :func:`labapp.services.traceability.reverse_trace` of the demo's failed standard over
  the investigation's window (the one recursive CTE that finds the results).
* Measured: :func:`labapp.services.impact.open_investigation` (trigger, window, trace, every point
  re-evaluated with pint units and the decision rule, rows and audit entries written), then
  :func:`~labapp.services.impact.get_investigation`, the Excel export, and the re-evaluation alone
  (:func:`labapp.services.impact._scope.assess` run again, nothing written).

Printed: each time, the ratio to the baseline, and points re-evaluated per second by the
re-evaluation alone (the part that grows with the standard's workload).  Goal: at least 100
points/s, so a standard that served 1000 points opens in about 10 s behind the progress dialog.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from labapp.domain.points import DecisionRule
from labapp.io.excel import CoverInfo
from labapp.services.database import open_database
from labapp.services.impact import _investigations as impact
from labapp.services.impact._scope import assess, last_good_event, reached, trigger_of
from labapp.services.traceability import reverse_trace

GOAL_POINTS_PER_S = 100.0


def timed(action: Callable[[], Any]) -> tuple[float, Any]:
    """Seconds taken by one run, and its result."""
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def run(path: Path, repeat: int) -> None:
    db = open_database(str(path))
    try:
        standard = impact.standards_with_failures(db)[0]
        source = impact.failed_sources(db, standard.id)[0]
        with db.read() as session:
            good = last_good_event(session, standard.id, source.performed_on)
            since = good.performed_on if good is not None else date.min
        times = [
            timed(lambda: reverse_trace(db, standard.id, since=since))[0] for _ in range(repeat)
        ]
        base = statistics.median(times)
        keys = {f"{source.kind}_id": source.id}
        opened_s, detail = timed(lambda: impact.open_investigation(db, "bench", **keys))
        get_s, _ = timed(lambda: impact.get_investigation(db, detail.summary.id))
        out = path.with_suffix(".xlsx")
        cover = CoverInfo(title="bench")
        export_s, _ = timed(
            lambda: impact.export_investigation(db, detail.summary.id, str(out), cover)
        )
        assess_s = _assess_only(db, source, since)
    finally:
        db.dispose()
    points = sum(len(i.points) for i in detail.items)
    print(f"standard {standard.asset_tag}: {len(detail.items)} results, {points} points, "
          f"window {detail.window_start} .. {detail.window_end}")  # fmt: skip
    print(f"  reverse_trace (baseline) {base * 1000:8.1f} ms")
    for label, seconds in (("open_investigation", opened_s), ("get_investigation", get_s),
                           ("export", export_s)):  # fmt: skip
        print(f"  {label:24} {seconds * 1000:8.1f} ms   ratio {seconds / base:8.1f}")
    print(f"  {'re-evaluation alone':24} {assess_s * 1000:8.1f} ms   ratio {assess_s / base:8.1f}")
    rate = points / assess_s if assess_s else float("inf")
    verdict = "ok" if rate >= GOAL_POINTS_PER_S else "UNDER GOAL"
    print(f"  {rate:.0f} points/s (goal >= {GOAL_POINTS_PER_S:.0f}: {verdict})")


def _assess_only(db: Any, source: Any, since: date) -> float:
    """Seconds to re-evaluate every result again (points parsed, converted, decided; no writing)."""
    event_id = source.id if source.kind == "event" else None
    check_id = source.id if source.kind == "check" else None
    with db.read() as session:
        trigger = trigger_of(session, event_id=event_id, check_id=check_id)
        rows = reached(db, trigger.standard_id, since, trigger.on)
        seconds, _ = timed(
            lambda: assess(session, rows, trigger.errors, DecisionRule.SIMPLE, Decimal(1))
        )
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True, type=Path, help="a demo SQLite file")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "lab.sqlite3"
        shutil.copy(args.database, copy)
        run(copy, args.repeat)


if __name__ == "__main__":
    main()
