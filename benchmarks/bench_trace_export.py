"""Benchmark: the traceability table of the large lab to Excel, against a bare xlsxwriter loop.

Cases, each in its own subprocess so its peak memory (``ru_maxrss``) is its own:

* ``labapp``: :func:`labapp.services.exports.export_traceability` of the whole lab (SQL in
  chunks, the chain walk, cell formats, cover sheet), with the peak memory seen after 10 % of the
  items and at the end (flat memory: the two stay close);
* ``rows``: :func:`labapp.services.traceability.trace_table` alone (no workbook), the share of the
  time spent reading and walking the chains;
* ``bare``: the same cells, prepared beforehand and streamed from a pickle file, written by a bare
  xlsxwriter ``constant_memory`` loop (``write_row``, one date and one number format).

Prints wall and CPU times (user + system of the child: on a shared machine the CPU time is the
steadier measure), the ratios labapp / bare (goal ≤ 2: the export also reads the database) and the
peak memories.  Run on the 100 000-item lab (``labapp-cli demo --instruments 100000``):
``python benchmarks/bench_trace_export.py [--database /tmp/labapp-large.sqlite3] [--at DATE]``.
"""

from __future__ import annotations

import argparse
import json
import pickle
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

GOAL = 2.0


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _filter(at: str) -> Any:
    from labapp.services.traceability import TraceFilter

    return TraceFilter(at=date.fromisoformat(at))


def labapp(database: str, at: str, path: str) -> dict[str, float]:
    from labapp.services.database import open_database
    from labapp.services.exports import export_traceability

    db = open_database(database, create=False)
    early: dict[str, float] = {}

    def progress(done: int, total: int) -> None:
        if "mb" not in early and done >= total // 10:
            early["mb"] = _peak_mb()

    result = export_traceability(db, path, _filter(at), progress=progress)
    return {"rows": sum(result.rows_per_sheet.values()), "peak_10pct_mb": early.get("mb", 0.0)}


def rows(database: str, at: str, path: str) -> dict[str, float]:
    from labapp.services.database import open_database
    from labapp.services.traceability import trace_table

    db = open_database(database, create=False)
    return {"rows": sum(1 for _ in trace_table(db, _filter(at)))}


def prepare(database: str, at: str, path: str) -> dict[str, float]:
    """Dump the export's cells as plain values (str, float, datetime, None) to a pickle stream."""
    from labapp.services.database import open_database
    from labapp.services.exports._traceability import _cells
    from labapp.services.traceability import trace_table

    db = open_database(database, create=False)
    n = 0
    with open(path, "wb") as out:
        for row in _cells(trace_table(db, _filter(at)), "en"):
            pickle.dump([_plain(value) for value in _flat(row)], out, pickle.HIGHEST_PROTOCOL)
            n += 1
    return {"rows": n}


def _flat(row: tuple[object, ...]) -> list[object]:
    out: list[object] = []
    for value in row:
        out.extend(value if isinstance(value, tuple) else (value,))
    return out


def _plain(value: object) -> object:
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, date) and not isinstance(value, datetime):
        return datetime(value.year, value.month, value.day)
    return None if value is None else value if isinstance(value, float | int) else str(value)


def bare(database: str, at: str, path: str) -> dict[str, float]:
    import xlsxwriter

    workbook = xlsxwriter.Workbook(path + ".xlsx", {"constant_memory": True})
    sheet = workbook.add_worksheet("Traceability table")
    date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
    n = 0
    with open(path, "rb") as source:
        while True:
            try:
                values = pickle.load(source)
            except EOFError:
                break
            n += 1
            for col, value in enumerate(values):
                if isinstance(value, datetime):
                    sheet.write_datetime(n, col, value, date_format)
                elif value is not None:
                    sheet.write(n, col, value)
    workbook.close()
    return {"rows": n}


CASES = {f.__name__: f for f in (labapp, rows, prepare, bare)}


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _child(case: str, database: str, at: str, path: str) -> None:
    start, cpu = time.perf_counter(), _cpu()
    extra = CASES[case](database, at, path)
    seconds, cpu = time.perf_counter() - start, _cpu() - cpu
    print(json.dumps({"seconds": seconds, "cpu": cpu, "peak_mb": _peak_mb(), **extra}))


def _run(case: str, database: str, at: str, path: Path) -> dict[str, float]:
    command = [sys.executable, __file__, "--child", case, "--database", database, "--at", at,
               "--path", str(path)]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--database", default="/tmp/labapp-large.sqlite3")
    parser.add_argument("--at", default=date.today().isoformat())
    parser.add_argument("--child", choices=CASES)
    parser.add_argument("--path")
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.database, args.at, args.path)
        return
    with tempfile.TemporaryDirectory() as tmp:
        cells = Path(tmp) / "cells.pickle"
        prepared = _run("prepare", args.database, args.at, cells)
        ours = _run("labapp", args.database, args.at, Path(tmp) / "labapp.xlsx")
        reading = _run("rows", args.database, args.at, Path(tmp) / "unused")
        baseline = _run("bare", args.database, args.at, cells)
    assert ours["rows"] == prepared["rows"] == baseline["rows"] == reading["rows"]
    print(f"traceability table of {args.database} at {args.at}: {int(ours['rows'])} links")
    for name, case in (("labapp export  ", ours), ("rows only (SQL)", reading),
                       ("bare xlsxwriter", baseline)):  # fmt: skip
        print(f"  {name} {case['seconds']:7.1f} s wall, {case['cpu']:7.1f} s CPU, "
              f"peak {case['peak_mb']:.0f} MB")  # fmt: skip
    print(f"  labapp peak after 10 % of the items: {ours['peak_10pct_mb']:.0f} MB")
    for what in ("seconds", "cpu"):
        ratio = ours[what] / baseline[what]
        verdict = "ok" if ratio <= GOAL else "OVER GOAL"
        print(f"  ratio labapp / bare ({what}) {ratio:.2f} (goal ≤ {GOAL}) {verdict}")


if __name__ == "__main__":
    main()
