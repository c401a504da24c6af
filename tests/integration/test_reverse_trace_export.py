"""A standard's reverse trace exported for the auditor, on SQLite and PostgreSQL.

The hand-built lab of ``test_traceability`` (NIM → REF → TRF → WS → W1, W2, W3) gains one more
working item, W4, whose calibration with WS failed.  The rows expected are written out here from
how that lab was built (which item used which standard on which date), not read from the service.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from test_traceability import Lab, event, item
from test_traceability import lab as _hand_built  # noqa: F401 - registers the fixture

from labapp.domain.enums import EventResult
from labapp.domain.errors import NotFoundError, ValidationError
from labapp.services.exports import export_reverse_trace

SINCE = date(2025, 1, 1)
HEADERS_EN = ("Depth", "Event date", "Asset tag", "Item", "Quantity", "Via standard", "Result",
              "Event")  # fmt: skip
HEADERS_ZH = ("层级", "日期", "资产编号", "名称", "测量量", "经由标准器", "结果", "事件")


@pytest.fixture
def traced(db, request: pytest.FixtureRequest) -> tuple[Lab, int]:
    """The hand-built lab and W4's failed calibration with WS (2025-08-01)."""
    lab: Lab = request.getfixturevalue("_hand_built")
    w4 = item(db, "W4", standard=False)
    failed = event(db, w4, date(2025, 8, 1), lab.own, used=[lab.ws], result=EventResult.FAIL)
    return lab, failed


def _expected(failed_event: int) -> list[tuple[object, ...]]:
    """Depth, date, asset tag, name, via and result of every event REF served since 2025-01-01.

    From the lab's construction: TRF was calibrated with REF on 2025-02-01 (depth 1), WS with TRF
    on 2025-02-20 (depth 2), then W1 (05-20), W2 (06-01), W4 (08-01, failed) and W3 (2026-03-01)
    with WS (depth 3).  W1's 2024 event predates WS's 2025 one; W2's 07-01 draft never counts.
    """
    rows = [
        (1, date(2025, 2, 1), "TRF", "REF", "Pass"),
        (2, date(2025, 2, 20), "WS", "TRF", "Pass"),
        (3, date(2025, 5, 20), "W1", "WS", "Pass"),
        (3, date(2025, 6, 1), "W2", "WS", "Pass"),
        (3, date(2025, 8, 1), "W4", "WS", "Fail"),
        (3, date(2026, 3, 1), "W3", "WS", "Pass"),
    ]
    return [(d, on, tag, f"item {tag}", via, result) for d, on, tag, via, result in rows]


def _sheet_rows(path: Path) -> tuple[list[str], list[tuple[object, ...]]]:
    workbook = openpyxl.load_workbook(path)
    sheet = workbook[workbook.sheetnames[1]]
    return workbook.sheetnames, list(sheet.iter_rows(values_only=True))


def test_every_event_the_standard_served_with_its_result(traced, tmp_path: Path) -> None:
    lab, failed = traced
    target = tmp_path / "reverse.xlsx"
    result = export_reverse_trace(lab.db, target, lab.ref, since=SINCE, exported_by="auditor")
    assert result.path == target and sum(result.rows_per_sheet.values()) == 6
    names, rows = _sheet_rows(target)
    assert names == ["Cover", "REF"]
    assert rows[0] == HEADERS_EN
    got = sorted(
        (r[0], r[1].date(), r[2], r[3], r[5], r[6]) for r in rows[1:]
    )  # openpyxl reads dates back as datetimes
    assert got == sorted(_expected(failed))
    assert {r[4] for r in rows[1:]} == {"DC voltage"}
    assert next(r[7] for r in rows[1:] if r[2] == "W4") == failed
    cover = [cell for row in openpyxl.load_workbook(target)["Cover"].iter_rows(values_only=True)
             for cell in row if cell is not None]  # fmt: skip
    assert "Reverse trace REF" in cover and "auditor" in cover and "REF ≥ 2025-01-01" in cover


def test_chinese_headers_results_and_a_shallower_trace(traced, tmp_path: Path) -> None:
    lab, _failed = traced
    target = tmp_path / "reverse-zh.xlsx"
    export_reverse_trace(lab.db, target, lab.ref, since=SINCE, max_depth=2, language="zh_CN")
    names, rows = _sheet_rows(target)
    assert names == ["封面", "REF"]
    assert rows[0] == HEADERS_ZH
    assert [(r[0], r[2], r[4], r[6]) for r in rows[1:]] == [
        (1, "TRF", "直流电压", "合格"), (2, "WS", "直流电压", "合格"),
    ]  # fmt: skip
    export_reverse_trace(lab.db, target, lab.ws, since=SINCE, language="zh_CN")
    _names, rows = _sheet_rows(target)
    assert {r[2]: r[6] for r in rows[1:]} == {
        "W1": "合格",
        "W2": "合格",
        "W3": "合格",
        "W4": "不合格",
    }


def test_refusals_write_no_file(traced, tmp_path: Path) -> None:
    lab, _failed = traced
    target = tmp_path / "none.xlsx"
    with pytest.raises(ValidationError):
        export_reverse_trace(lab.db, target, lab.ref, since=SINCE, max_depth=0)
    with pytest.raises(NotFoundError):
        export_reverse_trace(lab.db, target, 999_999, since=SINCE)
    assert not target.exists()
