"""Benchmark: LabApp's Excel export and register import against the bare libraries.

Export: a register of ``--rows`` rows × 12 columns through ``write_workbook`` against a bare
xlsxwriter ``constant_memory`` loop writing the same cells (goal ratio ≤ 1.2).  Import: the same
file read and validated by ``read_register`` against a bare python-calamine read of every row
(goal ratio ≤ 3).  With ``--database`` the register export of a whole LabApp SQLite file
(``export_register``: SQL, register and digits sheets, cover) is timed against the same query on
a plain connection written cell by cell.

Both sides run alternately, best of ``--repeat``; the wall-clock ratio is the goal, the CPU-time
ratio is printed beside it (the machine may be shared).  The modules a case needs are imported
before its clock starts, as they are in the running application.  Each case runs in its own
subprocess so its peak memory (``ru_maxrss`` of the child) is its own.  Run with
``python benchmarks/bench_excel.py [--rows N] [--database /tmp/labapp-large.sqlite3]``.
"""

from __future__ import annotations

import argparse
import importlib
import json
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

from labapp.domain.enums import AccuracyKind

EXPORT_GOAL = 1.2
IMPORT_GOAL = 3.0
KEYS = ("asset_tag", "name", "manufacturer", "accuracy_kind", "quantity", "range_low", "range_high",
        "range_unit", "accuracy_value", "accuracy_unit", "interval_months",
        "last_calibrated_on")  # fmt: skip


def _rows(n: int):  # type: ignore[no-untyped-def]
    day = date(2024, 1, 1)
    for i in range(n):
        yield (f"EL-{i:06d}", "数字多用表", "Keysight", AccuracyKind.MPE, "DC voltage",
               Decimal("0"), Decimal("1000.0"), "V", Decimal("0.0035"), "mV", 12,
               day.replace(day=1 + i % 28))  # fmt: skip


def labapp_export(path: str, n: int) -> None:
    from labapp.io.excel import CoverInfo, SheetSpec, write_workbook
    from labapp.io.register import register_columns

    by_key = {c.key: c for c in register_columns()}
    columns = [by_key[key] for key in KEYS]
    write_workbook(path, CoverInfo("Register"), [SheetSpec("Register", columns, _rows(n))])


def bare_export(path: str, n: int) -> None:
    import xlsxwriter

    workbook = xlsxwriter.Workbook(path, {"constant_memory": True})
    sheet = workbook.add_worksheet("Register")
    date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
    formats = {d: workbook.add_format({"num_format": d}) for d in ("0", "0.0", "0.0000")}
    for col, key in enumerate(KEYS):
        sheet.write_string(0, col, key)
    for r, row in enumerate(_rows(n), start=1):
        sheet.write_string(r, 0, row[0])
        sheet.write_string(r, 1, row[1])
        sheet.write_string(r, 2, row[2])
        sheet.write_string(r, 3, "MPE")
        sheet.write_string(r, 4, row[4])
        sheet.write_number(r, 5, float(row[5]), formats["0"])
        sheet.write_number(r, 6, float(row[6]), formats["0.0"])
        sheet.write_string(r, 7, row[7])
        sheet.write_number(r, 8, float(row[8]), formats["0.0000"])
        sheet.write_string(r, 9, row[9])
        sheet.write_number(r, 10, row[10], formats["0"])
        sheet.write_datetime(r, 11, row[11], date_format)
    workbook.close()


def labapp_import(path: str, n: int) -> None:
    from labapp.io.register import read_register

    result = read_register(path)
    assert len(result.rows) == n and not result.errors, result.errors[:3]


def bare_import(path: str, n: int) -> None:
    import python_calamine

    workbook = python_calamine.CalamineWorkbook.from_path(path)
    rows = sum(1 for _ in workbook.get_sheet_by_name("Register").iter_rows())
    assert rows == n + 1


def register_export(path: str, database: str) -> None:
    """The register page's export of a whole database (SQL, both sheets, cover)."""
    from labapp.services.database import open_database
    from labapp.services.exports import export_register

    db = open_database(database)
    try:
        export_register(db, path, language="zh_CN")
    finally:
        db.dispose()


_BARE_SQL = """
SELECT i.asset_tag, i.name, i.manufacturer, i.model, i.serial_no, i.category, i.quantity,
       i.range_low_value, i.range_high_value, i.range_high_unit, i.range_low_unit,
       i.accuracy_kind, i.accuracy_value, i.accuracy_unit, i.accuracy_class, i.role, i.level,
       i.mandatory_verification, i.status, p.name, l.name, i.interval_months,
       i.last_calibrated_on, v.name, c.code, i.notes
FROM instruments i LEFT JOIN persons p ON p.id = i.custodian_id
LEFT JOIN locations l ON l.id = i.location_id LEFT JOIN providers v ON v.id = i.provider_id
LEFT JOIN procedures c ON c.id = i.procedure_id ORDER BY i.asset_tag
"""
_NUMBERS, _DATE = (7, 8, 12, 21), 22


def bare_register_export(path: str, database: str) -> None:
    """The same query on a plain sqlite3 connection, every cell written by xlsxwriter."""
    import sqlite3

    import xlsxwriter

    workbook = xlsxwriter.Workbook(path, {"constant_memory": True})
    sheet = workbook.add_worksheet("Register")
    date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
    with sqlite3.connect(database) as conn:
        for r, row in enumerate(conn.execute(_BARE_SQL), start=1):
            for c, value in enumerate(row):
                if value is None:
                    continue
                if c in _NUMBERS:
                    sheet.write_number(r, c, float(value))
                elif c == _DATE:
                    sheet.write_datetime(r, c, date.fromisoformat(value), date_format)
                else:
                    sheet.write_string(r, c, str(value))
    workbook.close()


CASES = {f.__name__: f for f in (labapp_export, bare_export, labapp_import, bare_import)}
DB_CASES = {f.__name__: f for f in (register_export, bare_register_export)}


# Modules each case needs, imported before the clock starts: the application has them loaded
# when a user exports or imports (pint's registry alone costs about a second to build).
_PRELOAD = {
    "labapp_export": ("labapp.io.excel._export", "labapp.io.register._columns"),
    "bare_export": ("xlsxwriter",),
    "labapp_import": ("labapp.io.register._read",),
    "bare_import": ("python_calamine",),
    "register_export": ("labapp.services.exports._register", "labapp.services.database._open"),
    "bare_register_export": ("sqlite3", "xlsxwriter"),
}


def _child(case: str, path: str, n: int, database: str | None) -> None:
    for module in _PRELOAD[case]:
        importlib.import_module(module)
    start, cpu = time.perf_counter(), time.process_time()
    if case in DB_CASES:
        DB_CASES[case](path, str(database))
    else:
        CASES[case](path, n)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": elapsed, "cpu": cpu, "peak_mb": peak_kb / 1024}))


def _once(case: str, path: Path, n: int, database: str | None = None) -> dict[str, float]:
    """One fresh subprocess (so its peak memory is its own)."""
    command = [sys.executable, __file__, "--child", case, "--path", str(path), "--rows", str(n)]
    command += ["--database", database] if database else []
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def _pair(
    ours: str,
    bare: str,
    paths: tuple[Path, Path],
    n: int,
    repeat: int,
    database: str | None = None,
) -> tuple[dict[str, float], dict[str, float]]:
    """Best of ``repeat`` runs of each case (files ``paths``: ours, bare), run alternately so a
    busy moment of the shared machine hits both sides alike."""
    runs: dict[str, list[dict[str, float]]] = {ours: [], bare: []}
    for _ in range(repeat):
        runs[bare].append(_once(bare, paths[1], n, database))
        runs[ours].append(_once(ours, paths[0], n, database))
    best = [min(runs[case], key=lambda run: run["seconds"]) for case in (ours, bare)]
    return best[0], best[1]


def _compare(
    title: str, ours: dict[str, float], bare: dict[str, float], goal: float, n: int
) -> None:
    """Print both cases and the ratio of wall-clock times (the goal), with the CPU-time ratio
    beside it: on a shared machine the CPU times show whether a bad ratio is only contention."""
    ratio = ours["seconds"] / bare["seconds"]
    verdict = "ok" if ratio <= goal else "OVER GOAL"
    print(
        f"{title}: labapp {ours['seconds']:.2f} s ({n / ours['seconds']:,.0f} rows/s, "
        f"CPU {ours['cpu']:.2f} s) / {ours['peak_mb']:.0f} MB peak, "
        f"bare {bare['seconds']:.2f} s (CPU {bare['cpu']:.2f} s) / {bare['peak_mb']:.0f} MB peak, "
        f"ratio {ratio:.2f} (CPU {ours['cpu'] / bare['cpu']:.2f}; goal ≤ {goal}) {verdict}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child")
    parser.add_argument("--path")
    parser.add_argument(
        "--database", help="a LabApp SQLite file: also time the register export of all its items"
    )
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.path, args.rows, args.database)
        return
    with tempfile.TemporaryDirectory() as tmp:
        ours, bare = Path(tmp, "labapp.xlsx"), Path(tmp, "bare.xlsx")
        print(f"{args.rows} rows × {len(KEYS)} columns")
        n, k = args.rows, args.repeat
        ours_out, bare_out = _pair("labapp_export", "bare_export", (ours, bare), n, k)
        _compare("export", ours_out, bare_out, EXPORT_GOAL, n)
        ours_in, bare_in = _pair("labapp_import", "bare_import", (ours, ours), n, k)
        _compare("import", ours_in, bare_in, IMPORT_GOAL, n)
        if args.database:
            _register_export(args.database, Path(tmp), k)


def _register_export(database: str, tmp: Path, repeat: int) -> None:
    import sqlite3

    with sqlite3.connect(database) as conn:
        n = int(conn.execute("SELECT count(*) FROM instruments").fetchone()[0])
    paths = (tmp / "register.xlsx", tmp / "bare-register.xlsx")
    ours, bare = _pair("register_export", "bare_register_export", paths, n, repeat, database)
    _compare(f"register export of {database}", ours, bare, EXPORT_GOAL, n)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    main()
