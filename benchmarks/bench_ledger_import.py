"""Benchmark: importing a ledger into a database (check + one transaction) against the template
import, on the same file in the same run.

One LabApp-format register file of ``--rows`` rows (as ``bench_ledger`` writes it) goes into a
fresh SQLite database twice per round: through ``check_ledger`` + ``import_ledger`` (the path the
CLI and the GUI take) and through ``check_register_file`` + ``import_register`` (the template
import it replaces; goal ratio <= 2: the ledger path detects the layout, reads more conventions and
resolves five kinds of master data).  A typical Chinese ledger of the same size is then imported
with ``create_missing`` (its departments, locations, providers and custodians created in the same
transaction), timed alone.

Best of ``--repeat``, sides alternating; wall clock and CPU (the machine may be shared).
Run with ``python benchmarks/bench_ledger_import.py [--rows N] [--repeat R]``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_ledger import ledger_rows, write_ledger, write_register

GOAL = 2.0


def _fresh(folder: Path, name: str):  # type: ignore[no-untyped-def]
    from labapp.domain.enums import PersonRole
    from labapp.services.accounts import NewAccount
    from labapp.services.database import open_database
    from labapp.services.laboratory import LabSettingsInput, setup_laboratory

    path = folder / f"{name}-{time.perf_counter_ns()}.sqlite3"
    db = open_database(f"sqlite:///{path}")
    admin = NewAccount("admin", "Admin", (PersonRole.ADMIN,), "bench-password-1")
    setup_laboratory(db, LabSettingsInput(name="Bench", code="B"), admin)
    return db


def _timed(make: Callable[[], object], run: Callable[[object], object]) -> tuple[float, float]:
    db = make()
    try:
        wall, cpu = time.perf_counter(), time.process_time()
        run(db)
        return time.perf_counter() - wall, time.process_time() - cpu
    finally:
        db.dispose()  # type: ignore[attr-defined]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5_000)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    from labapp.services import imports

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        register, ledger = folder / "register.xlsx", folder / "ledger.xlsx"
        write_register(register, args.rows)
        write_ledger(ledger, ledger_rows(args.rows))

        def ours(db: object) -> None:
            check = imports.check_ledger(db, register)  # type: ignore[arg-type]
            assert check.ok, check.errors[:3]
            imports.import_ledger(db, "admin", check)  # type: ignore[arg-type]

        def base(db: object) -> None:
            check = imports.check_register_file(db, register)  # type: ignore[arg-type]
            assert check.ok, check.errors[:3]
            imports.import_register(db, "admin", check)  # type: ignore[arg-type]

        def chinese(db: object) -> None:
            check = imports.check_ledger(db, ledger, create_missing=True)  # type: ignore[arg-type]
            assert check.ok, check.errors[:3]
            imports.import_ledger(db, "admin", check)  # type: ignore[arg-type]

        mine, theirs = [], []
        for _ in range(args.repeat):
            mine.append(_timed(lambda: _fresh(folder, "ours"), ours))
            theirs.append(_timed(lambda: _fresh(folder, "base"), base))
        (w1, c1), (w2, c2) = min(mine), min(theirs)
        print(f"register file, ledger import vs template import ({args.rows} rows): "
              f"{w1:.2f} s (cpu {c1:.2f}) vs {w2:.2f} s (cpu {c2:.2f}); "
              f"ratio {w1 / w2:.2f} (cpu {c1 / c2:.2f}); goal <= {GOAL}")  # fmt: skip
        wall, cpu = min(_timed(lambda: _fresh(folder, "zh"), chinese) for _ in range(args.repeat))
        print(f"Chinese ledger with create_missing ({args.rows} rows): {wall:.2f} s "
              f"(cpu {cpu:.2f})")  # fmt: skip


if __name__ == "__main__":
    main()
