"""Benchmark: reading a lab's own ledger (``labapp.io.ledger.read_ledger``) against baselines.

Two files of ``--rows`` rows: LabApp's own register format (12 columns, as ``bench_excel``
writes it) and a typical Chinese ledger (19 columns: ranges such as ``(-200~850)℃``, class / MPE
/ U with k, ``12个月`` / ``随坏随换``, dates as text, status and 检定方式 words, 原值/元).  Printed:

* the register file through ``read_ledger`` against ``read_register`` (the import LabApp has
  today; goal ratio ≤ 2: the ledger reader detects the layout and parses more conventions);
* the Chinese ledger through ``read_ledger`` against a bare python-calamine read of its rows;
* the Chinese ledger as a GBK CSV through ``read_ledger``.

Best of ``--repeat``, sides alternating; wall clock and CPU time (the machine may be shared).
Run with ``python benchmarks/bench_ledger.py [--rows N] [--repeat R]``.
"""

from __future__ import annotations

import argparse
import csv
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

GOAL = 2.0
HEADINGS = ["序号", "计量器具名称", "型号/规格", "出厂编号", "管理编号", "测量范围", "准确度等级",
            "检定周期", "检定(校准)日期", "有效期至", "使用部门", "存放地点", "保管人", "检定方式",
            "检定机构", "证书编号", "设备状态", "原值/元", "备注"]  # fmt: skip
SPECS = [("0~1.6MPa", "1.6级"), ("(-200~850)℃", "±0.5℃"), ("0～25mm", "±0.004mm"),
         ("10-100N·m", "±0.05%"), ("-10~+10V", "U=0.01V(k=2)"), ("0~150mm", "±0.02mm")]  # fmt: skip
PERIODS = ["12个月", "1年", "半年", "24个月", "随坏随换"]
STATES = ["在用", "合格", "限用", "停用"]


def ledger_rows(n: int) -> list[list[object]]:
    rows: list[list[object]] = []
    for i in range(n):
        spec, accuracy = SPECS[i % len(SPECS)]
        done = date(2025, 1, 1) + timedelta(days=i % 365)
        rows.append([
            i + 1, f"器具{i % 50}", f"M-{i % 30}", f"S{i}", f"T-{i:06d}", spec, accuracy,
            PERIODS[i % len(PERIODS)], done.strftime("%Y/%m/%d"),
            (done + timedelta(days=364)).isoformat(), f"部门{i % 8}", f"地点{i % 20}",
            f"人{i % 40}", ("内检", "外检")[i % 2], f"计量所{i % 3}", f"C-{i}",
            STATES[i % len(STATES)], str(100 + i % 900), None,
        ])  # fmt: skip
    return rows


def write_ledger(path: Path, rows: list[list[object]]) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("台账")
    sheet.write_row(0, 0, ["XX计量器具台账"])
    sheet.write_row(1, 0, HEADINGS)
    for r, row in enumerate(rows, start=2):
        sheet.write_row(r, 0, row)
    book.close()


def write_register(path: Path, n: int) -> None:
    from decimal import Decimal

    from labapp.domain.enums import AccuracyKind
    from labapp.io.excel import CoverInfo, SheetSpec, write_workbook
    from labapp.io.register import register_columns

    keys = ("asset_tag", "name", "manufacturer", "accuracy_kind", "quantity", "range_low",
            "range_high", "range_unit", "accuracy_value", "accuracy_unit", "interval_months",
            "last_calibrated_on")  # fmt: skip
    by_key = {c.key: c for c in register_columns()}
    rows = ((f"EL-{i:06d}", "数字多用表", "Keysight", AccuracyKind.MPE, "DC voltage",
             Decimal("0"), Decimal("1000.0"), "V", Decimal("0.0035"), "mV", 12,
             date(2024, 1, 1 + i % 28)) for i in range(n))  # fmt: skip
    sheet = SheetSpec("Register", [by_key[k] for k in keys], rows)
    write_workbook(path, CoverInfo("Register"), [sheet])


def best(run: Callable[[], object], repeat: int) -> tuple[float, float]:
    """(wall, cpu) seconds of the fastest of ``repeat`` runs."""
    times = []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        run()
        times.append((time.perf_counter() - wall, time.process_time() - cpu))
    return min(times)


def compare(name: str, ours: Callable[[], object], base: Callable[[], object], repeat: int) -> None:
    mine, theirs = best(ours, repeat), best(base, repeat)
    print(f"{name}: {mine[0]:.2f} s (cpu {mine[1]:.2f}) vs {theirs[0]:.2f} s "
          f"(cpu {theirs[1]:.2f}); ratio {mine[0] / theirs[0]:.2f} (cpu "
          f"{mine[1] / theirs[1]:.2f})")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    import python_calamine

    from labapp.io.ledger import read_ledger
    from labapp.io.register import read_register

    with tempfile.TemporaryDirectory() as folder:
        register, ledger, text = (Path(folder) / n for n in ("r.xlsx", "l.xlsx", "l.csv"))
        write_register(register, args.rows)
        rows = ledger_rows(args.rows)
        write_ledger(ledger, rows)
        with text.open("w", encoding="gbk", newline="") as handle:
            csv.writer(handle).writerows([HEADINGS, *rows])

        def bare() -> int:
            book = python_calamine.CalamineWorkbook.from_path(str(ledger))
            return sum(1 for _ in book.get_sheet_by_name("台账").iter_rows())

        compare(
            "register file, read_ledger vs read_register",
            lambda: read_ledger(register),
            lambda: read_register(register),
            args.repeat,
        )
        compare("Chinese ledger, read_ledger vs bare calamine",
                lambda: read_ledger(ledger), bare, args.repeat)  # fmt: skip
        wall, cpu = best(lambda: read_ledger(text), args.repeat)
        print(f"Chinese ledger as GBK CSV: {wall:.2f} s (cpu {cpu:.2f}), {args.rows} rows")
        print(f"goal: register ratio <= {GOAL}")


if __name__ == "__main__":
    main()
