"""Seeding time of the demo lab at 200 and 10 000 items (100 000 with ``--large``).

Run: ``python benchmarks/bench_demo.py [--large]``.  Each size seeds a new SQLite file in a
temporary directory and prints rows, seconds and rows per second; the baseline is the 200-item
demo (the GUI's ``--demo`` on first start), so the ratio column shows how seeding scales.
"""

from __future__ import annotations

import argparse
import tempfile
from datetime import date
from pathlib import Path

from labapp.services.database import open_database
from labapp.services.demo import DemoOptions, seed_demo


def seed_once(directory: Path, instruments: int, years: int) -> tuple[int, float]:
    """Seed ``instruments`` items into a new file; return (rows written, seconds)."""
    db = open_database(str(directory / f"bench-{instruments}.sqlite3"))
    try:
        options = DemoOptions(instruments=instruments, years=years, today=date(2026, 11, 23))
        report = seed_demo(db, options)
    finally:
        db.dispose()
    return sum(report.counts.values()), report.seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--large", action="store_true", help="also 100 000 items over 10 years")
    args = parser.parse_args()
    sizes = [(200, 5), (10_000, 5)] + ([(100_000, 10)] if args.large else [])
    baseline = None
    with tempfile.TemporaryDirectory() as tmp:
        for instruments, years in sizes:
            rows, seconds = seed_once(Path(tmp), instruments, years)
            rate = rows / seconds
            baseline = baseline or rate
            print(
                f"{instruments:>7} items {years:>2} y: {rows:>9} rows in {seconds:7.1f} s "
                f"= {rate:8.0f} rows/s (x{rate / baseline:.2f} of the 200-item rate)"
            )


if __name__ == "__main__":
    main()
