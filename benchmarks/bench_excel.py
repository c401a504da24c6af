"""Benchmark: LabApp's Excel export and register import against the bare libraries.

Export: a register of ``--rows`` rows × 12 columns through ``write_workbook`` against a bare
xlsxwriter ``constant_memory`` loop writing the same cells (goal ratio ≤ 1.2).  Import: the same
file read and validated by ``read_register`` against a bare python-calamine read of every row
(goal ratio ≤ 3).  Each case runs in its own subprocess so its peak memory (``ru_maxrss`` of the
child) is its own.  Run with ``python benchmarks/bench_excel.py [--rows N]``.
"""

from __future__ import annotations

import argparse
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
    from labapp.io.columns import SheetSpec
    from labapp.io.excel_export import CoverInfo, write_workbook
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
    from labapp.io.excel_import import read_register

    result = read_register(path)
    assert len(result.rows) == n and not result.errors, result.errors[:3]


def bare_import(path: str, n: int) -> None:
    import python_calamine

    workbook = python_calamine.CalamineWorkbook.from_path(path)
    rows = sum(1 for _ in workbook.get_sheet_by_name("Register").iter_rows())
    assert rows == n + 1


CASES = {f.__name__: f for f in (labapp_export, bare_export, labapp_import, bare_import)}


def _child(case: str, path: str, n: int) -> None:
    start = time.perf_counter()
    CASES[case](path, n)
    elapsed = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": elapsed, "peak_mb": peak_kb / 1024}))


def _run(case: str, path: Path, n: int, repeat: int) -> dict[str, float]:
    """Best time of ``repeat`` fresh subprocesses (the machine is shared), with its peak memory."""
    command = [sys.executable, __file__, "--child", case, "--path", str(path), "--rows", str(n)]
    runs = []
    for _ in range(repeat):
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return min(runs, key=lambda run: run["seconds"])  # type: ignore[no-any-return]


def _compare(title: str, ours: dict[str, float], bare: dict[str, float], goal: float) -> None:
    ratio = ours["seconds"] / bare["seconds"]
    verdict = "ok" if ratio <= goal else "OVER GOAL"
    print(
        f"{title}: labapp {ours['seconds']:.2f} s / {ours['peak_mb']:.0f} MB, "
        f"bare {bare['seconds']:.2f} s / {bare['peak_mb']:.0f} MB, "
        f"ratio {ratio:.2f} (goal ≤ {goal}) {verdict}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child")
    parser.add_argument("--path")
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.path, args.rows)
        return
    with tempfile.TemporaryDirectory() as tmp:
        ours, bare = Path(tmp, "labapp.xlsx"), Path(tmp, "bare.xlsx")
        print(f"{args.rows} rows × {len(KEYS)} columns")
        n, k = args.rows, args.repeat
        bare_out = _run("bare_export", bare, n, k)
        _compare("export", _run("labapp_export", ours, n, k), bare_out, EXPORT_GOAL)
        bare_in = _run("bare_import", ours, n, k)
        _compare("import", _run("labapp_import", ours, n, k), bare_in, IMPORT_GOAL)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    main()
