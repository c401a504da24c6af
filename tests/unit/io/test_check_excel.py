"""The intermediate-check workbook, read back with openpyxl as an examiner would open it."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl

from labapp.domain.enums import Decision
from labapp.io.checks import CheckHistoryRow, write_check_workbook
from labapp.io.excel import CoverInfo
from labapp.metrology.control_charts import repeatability_test, stability_test

HISTORY = [
    CheckHistoryRow(
        date(2025, 1, 10), (Decimal("0.10"), Decimal("0.12")), Decimal("0.11"),
        Decimal("0.00"), Decimal("-0.50"), Decimal("0.50"), Decision.PASS,
    ),
    CheckHistoryRow(
        date(2025, 7, 10), (Decimal("0.61"),), Decimal("0.61"),
        None, Decimal("-0.50"), Decimal("0.50"), Decision.FAIL,
    ),
]  # fmt: skip
MEANS = [Decimal("0.11"), Decimal("0.61")]
READINGS = [Decimal("10.001"), Decimal("10.003"), Decimal("10.002")]


def _write(path: Path, language: str) -> openpyxl.Workbook:
    write_check_workbook(
        path,
        CoverInfo("Intermediate checks", exported_at=datetime(2025, 8, 1, 9, 0)),
        "mV",
        HISTORY,
        stability=([h.performed_on for h in HISTORY], MEANS, stability_test(MEANS, Decimal("0.5"))),
        repeatability=(READINGS, repeatability_test(READINGS, Decimal("0.002"))),
        language=language,  # type: ignore[arg-type]
    )
    return openpyxl.load_workbook(path)


def test_history_stability_repeatability_and_results(tmp_path: Path) -> None:
    book = _write(tmp_path / "checks.xlsx", "en")
    assert book.sheetnames[1:] == [
        "Check history", "Stability test", "Repeatability test", "Results"
    ]  # fmt: skip
    history = list(book["Check history"].iter_rows(values_only=True))
    assert history[0][2] == "Check value (mean) (mV)"
    assert history[1][0] == datetime(2025, 1, 10)
    assert history[1][1] == "0.10; 0.12"
    assert history[1][2] == 0.11 and history[2][3] is None
    assert [row[6] for row in history[1:]] == ["Pass", "Fail"]
    assert book["Check history"]["C2"].number_format == "0.00"
    stability = list(book["Stability test"].iter_rows(values_only=True))
    assert [row[2] for row in stability[1:]] == [0.11, 0.61]
    results = {(r[0], r[1]): (r[2], r[3]) for r in book["Results"].iter_rows(values_only=True)}
    assert results[("Stability", "max − min of the means")][0] == 0.5
    assert results[("Stability", "Limit |MPE|")] == (0.5, "Pass")
    assert results[("Repeatability", "Limit")] == (0.002, "Pass")
    assert len(list(book["Repeatability test"].iter_rows())) == 4


def test_chinese_headers_and_verdicts(tmp_path: Path) -> None:
    book = _write(tmp_path / "checks_zh.xlsx", "zh_CN")
    assert "核查记录" in book.sheetnames and "稳定性考核" in book.sheetnames
    history = list(book["核查记录"].iter_rows(values_only=True))
    assert history[0][0] == "核查日期"
    assert [row[6] for row in history[1:]] == ["合格", "不合格"]
