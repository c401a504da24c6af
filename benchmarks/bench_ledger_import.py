"""Benchmark: importing a ledger into a database (check + one transaction) against the bare write
of the same items, on the same file in the same run.

One LabApp-format register file of ``--rows`` rows (as ``bench_ledger`` writes it) goes into a
fresh SQLite database twice per round: through ``check_ledger`` + ``import_ledger`` (the one import
path, the CLI's and the GUI's) and as a baseline the same items (tag and name) added in one unit
of work with no file and no check, the least any import costs.  The template import this used to
be compared with (ratio 1.38, goal <= 2) is gone: it was the same file through a second path.
A typical Chinese ledger of the same size is then imported
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

        tags = [(f"R-{i:06d}", f"item {i}") for i in range(args.rows)]

        def base(db: object) -> None:
            from labapp.persistence.models import InstrumentRow
            from labapp.services.register import commit_instruments

            with db.unit_of_work("admin", "bare write") as uow:  # type: ignore[attr-defined]
                for tag, name in tags:
                    uow.instruments.add(InstrumentRow(asset_tag=tag, name=name, laboratory_id=1))
                commit_instruments(uow)

        def chinese(db: object) -> None:
            check = imports.check_ledger(db, ledger, create_missing=True)  # type: ignore[arg-type]
            assert check.ok, check.errors[:3]
            imports.import_ledger(db, "admin", check)  # type: ignore[arg-type]

        mine, theirs = [], []
        for _ in range(args.repeat):
            mine.append(_timed(lambda: _fresh(folder, "ours"), ours))
            theirs.append(_timed(lambda: _fresh(folder, "base"), base))
        (w1, c1), (w2, c2) = min(mine), min(theirs)
        print(f"register file, ledger import vs bare write ({args.rows} rows): "
              f"{w1:.2f} s (cpu {c1:.2f}) vs {w2:.2f} s (cpu {c2:.2f}); "
              f"ratio {w1 / w2:.2f} (cpu {c1 / c2:.2f})")  # fmt: skip
        wall, cpu = min(_timed(lambda: _fresh(folder, "zh"), chinese) for _ in range(args.repeat))
        print(f"Chinese ledger with create_missing ({args.rows} rows): {wall:.2f} s "
              f"(cpu {cpu:.2f})")  # fmt: skip


if __name__ == "__main__":
    main()
