"""The PT plan page's score history against scoring the same comparisons one by one.

Run: ``python benchmarks/bench_proficiency.py [--comparisons N] [--participants P]``.  A new
SQLite file gets N comparisons of P participants each (the first one the laboratory's own, the
assigned value by Algorithm A); the baseline is ``score_comparison`` called for every comparison,
timed alternately with :func:`labapp.services.proficiency.score_history` (which adds the lab's own
row, the sub-discipline links and the ordering).  Goal: the history costs at most 1.2x the bare
scoring, and stays under 2 s for 200 comparisons of 12 participants.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from labapp.services.comparisons import (
    AssignedMethod,
    ComparisonInput,
    ParticipantInput,
    create_comparison,
    score_comparison,
)
from labapp.services.comparisons._comparisons import import_participants
from labapp.services.database import Database, open_database
from labapp.services.proficiency import _plan as pt


def seed(db: Database, comparisons: int, participants: int) -> list[int]:
    """Create the comparisons; return their ids."""
    ids = []
    for i in range(comparisons):
        data = ComparisonInput(
            f"C{i}", "DC voltage 10 V", "V", ended_on=date(2020, 1, 1) + timedelta(days=10 * i),
            assigned_value_method=AssignedMethod.ALGORITHM_A,
        )  # fmt: skip
        cid = create_comparison(db, "bench", data).id
        rows = [
            ParticipantInput(f"L{j:02d}", f"10.{j:03d}", "0.004", "2", is_own_lab=j == 0)
            for j in range(participants)
        ]
        import_participants(db, "bench", cid, rows)
        ids.append(cid)
    return ids


def best_of(fn: Callable[[], object], rounds: int) -> float:
    """The shortest of ``rounds`` runs, in seconds."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--comparisons", type=int, default=200)
    parser.add_argument("--participants", type=int, default=12)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(str(Path(tmp) / "pt.sqlite3"))
        try:
            ids = seed(db, args.comparisons, args.participants)
            base = history = float("inf")
            for _ in range(args.rounds):  # alternate, so both see the same cache state
                base = min(base, best_of(lambda: [score_comparison(db, c) for c in ids], 1))
                history = min(history, best_of(lambda: pt.score_history(db), 1))
        finally:
            db.dispose()
    print(f"{args.comparisons} comparisons x {args.participants} participants")
    print(f"scoring one by one (baseline): {base:.3f} s")
    print(f"score_history:                 {history:.3f} s  ratio {history / base:.2f}x")


if __name__ == "__main__":
    main()
