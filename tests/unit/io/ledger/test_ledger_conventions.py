"""Chinese ledger conventions, cell by cell: every form the issue lists, into typed values.

Expected values are worked out here from the written text (digits as written, months from years
times twelve, Excel serials from the 1899-12-30 epoch), never taken from the code under test.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from labapp.domain.enums import (
    AccuracyKind,
    CalibrationMethod,
    EventKind,
    EventResult,
    InstrumentStatus,
    Reverification,
)
from labapp.domain.quantities import Measured
from labapp.io.ledger import (
    parse_accuracy,
    parse_coverage,
    parse_ledger_date,
    parse_method,
    parse_money,
    parse_period,
    parse_range,
    parse_result,
    parse_status,
)
from labapp.io.register import CellProblem

D = Decimal
EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 is 1900-01-01 (after Lotus's leap day, serial 61)


def both_languages(problem: CellProblem) -> None:
    """A reason in English and one in Chinese, never a raw exception text."""
    assert problem.message_en and problem.message_zh
    assert any("\u4e00" <= ch <= "\u9fff" for ch in problem.message_zh)
    assert "Traceback" not in problem.message_en and "Error(" not in problem.message_en


# --- ranges ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "low", "high", "unit"),
    [
        ("0~1.6MPa", "0", "1.6", "MPa"),
        ("(-200~850)℃", "-200", "850", "°C"),
        ("0～25mm", "0", "25", "mm"),
        ("10-100N·m", "10", "100", "N·m"),
        ("-10~+10V", "-10", "10", "V"),
        ("（0～300）℃", "0", "300", "°C"),
        ("0 至 100 ℃", "0", "100", "°C"),
        ("0.10~1.60 MPa", "0.10", "1.60", "MPa"),
        ("-40--10℃", "-40", "-10", "°C"),
        ("0~1,6MPa", "0", "1.6", "MPa"),
        ("(10~90)%RH", "10", "90", "%RH"),
        ("0.001~10μm", "0.001", "10", "μm"),
    ],
)
def test_range_forms(cell: str, low: str, high: str, unit: str) -> None:
    found = parse_range(cell)
    assert found is not None and found.note is None and found.text is None
    assert found.low == Measured(D(low), unit) and found.high == Measured(D(high), unit)
    assert str(found.low.value) == low and str(found.high.value) == high  # the digits written


def test_range_with_a_unit_on_each_end() -> None:
    found = parse_range("10kPa~1.6MPa")
    assert found is not None
    assert (found.low, found.high) == (Measured(D(10), "kPa"), Measured(D("1.6"), "MPa"))


def test_bare_range_takes_the_heading_unit() -> None:
    found = parse_range("0~150", "mm")
    assert found is not None and found.high == Measured(D(150), "mm")


@pytest.mark.parametrize(
    ("cell", "code"),
    [
        ("0~10V,0~100V", "range_several"),
        ("0~10V；0~100V；0~1000V", "range_several"),
        ("≤10N", "range_not_understood"),
        ("150mm", "range_not_understood"),
        ("全量程", "range_not_understood"),
        ("0~100", "range_no_unit"),
        ("0~70HRC", "range_unknown_unit"),
        ("0~1.6Mpa", "range_unknown_unit"),  # mPa or MPa? never guessed
    ],
)
def test_ranges_kept_as_text_and_flagged(cell: str, code: str) -> None:
    found = parse_range(cell)
    assert found is not None and found.low is None and found.high is None
    assert found.text == cell
    assert found.note is not None and found.note.code == code
    assert cell in found.note.message_en and cell in found.note.message_zh


@pytest.mark.parametrize(
    ("cell", "code"),
    [
        ("100~0mm", "range_order"),
        ("5~5V", "range_order"),
        ("-300~0℃", "below_absolute_zero"),
        ("0V~10mm", "incommensurable"),
        ("1,000~10,000Pa", "ambiguous_separator"),
        ("0~1.6.1MPa", "not_a_number"),
    ],
)
def test_bad_ranges_are_cell_errors(cell: str, code: str) -> None:
    with pytest.raises(CellProblem) as caught:
        parse_range(cell)
    assert caught.value.code == code
    both_languages(caught.value)


@pytest.mark.parametrize("cell", [None, "", "  ", "/", "—", "——", "N/A"])
def test_blank_range(cell: object) -> None:
    assert parse_range(cell) is None


# --- accuracy --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "kind", "cls"),
    [
        ("1.6级", None, "1.6"),
        ("A级", None, "A"),
        ("Ⅰ级", None, "I"),
        ("Ⅱ级", None, "II"),
        ("一级", None, "1"),
        ("二等", None, "二等"),
        ("0.2S级", None, "0.2S"),
        ("Class 0.5", None, "0.5"),
        ("准确度等级：0.5级", None, "0.5"),
        ("E2", None, "E2"),
        ("1.6", AccuracyKind.CLASS, "1.6"),
        (2.5, AccuracyKind.CLASS, "2.5"),
    ],
)
def test_accuracy_classes(cell: object, kind: AccuracyKind | None, cls: str) -> None:
    found = parse_accuracy(cell, kind)
    assert found is not None and found.note is None
    assert (found.kind, found.accuracy_class, found.value) == (AccuracyKind.CLASS, cls, None)


@pytest.mark.parametrize(
    ("cell", "value", "unit"),
    [
        ("±0.5℃", "0.5", "°C"),
        ("MPE:±0.03mm", "0.03", "mm"),
        ("MPE：±0.03mm", "0.03", "mm"),
        ("±4μm", "4", "μm"),
        ("±4µm", "4", "μm"),  # the micro sign folds to mu
        ("±0.05%", "0.05", "%"),
        ("±0.050%rdg", "0.050", "%"),
        ("±0.5%读数", "0.5", "%"),
        ("+/-0.10 V", "0.10", "V"),
        ("最大允许误差±0.02mm/m", "0.02", "mm/m"),
        ("0.02mm", "0.02", "mm"),
    ],
)
def test_accuracy_mpe(cell: str, value: str, unit: str) -> None:
    found = parse_accuracy(cell)
    assert found is not None and found.note is None
    assert (found.kind, found.value) == (AccuracyKind.MPE, Measured(D(value), unit))
    assert str(found.value.value) == value


def test_bare_mpe_takes_the_heading_unit() -> None:
    found = parse_accuracy("0.02", AccuracyKind.MPE, "mm")
    assert found is not None and found.value == Measured(D("0.02"), "mm")


@pytest.mark.parametrize(
    ("cell", "value", "unit", "k"),
    [
        ("U=0.01℃(k=2)", "0.01", "°C", "2"),
        ("U=0.01℃，k=2", "0.01", "°C", "2"),
        ("U = 0.15 mm (k=3)", "0.15", "mm", "3"),
        ("Urel=0.5%(k=2)", "0.5", "%", "2"),
        ("扩展不确定度：0.02mm,k=2", "0.02", "mm", "2"),
    ],
)
def test_accuracy_uncertainty_with_k(cell: str, value: str, unit: str, k: str) -> None:
    found = parse_accuracy(cell)
    assert found is not None and found.note is None
    assert found.kind is AccuracyKind.UNCERTAINTY
    assert found.value == Measured(D(value), unit) and found.coverage_factor == D(k)


def test_relative_uncertainty_as_a_power_of_ten_is_exact_ppm() -> None:
    found = parse_accuracy("Urel=5.0×10⁻⁶, k=2")
    assert found is not None and found.kind is AccuracyKind.UNCERTAINTY
    expected = D("5.0E-6") * D(10) ** 6  # the ratio in parts per million, exactly
    assert found.value == Measured(expected, "ppm") and str(found.value.value) == "5.0"


def test_uncertainty_without_k_is_kept_never_assumed() -> None:
    found = parse_accuracy("U=0.01℃")
    assert found is not None and found.kind is AccuracyKind.UNCERTAINTY
    assert found.value == Measured(D("0.01"), "°C") and found.coverage_factor is None
    assert found.note is not None and found.note.code == "uncertainty_without_k"


def test_uncertainty_k_from_the_heading() -> None:
    found = parse_accuracy("0.01℃", AccuracyKind.UNCERTAINTY, None, D(2))
    assert found is not None and found.coverage_factor == D(2) and found.note is None


def test_the_cells_form_wins_over_the_heading() -> None:
    under_mpe_heading = parse_accuracy("U=0.01℃(k=2)", AccuracyKind.MPE)
    under_class_heading = parse_accuracy("±0.5℃", AccuracyKind.CLASS)
    assert under_mpe_heading is not None and under_class_heading is not None
    assert under_mpe_heading.kind is AccuracyKind.UNCERTAINTY
    assert under_class_heading.kind is AccuracyKind.MPE


@pytest.mark.parametrize(
    ("cell", "code", "kind"),
    [
        ("±(0.02%+2字)", "mpe_compound", AccuracyKind.MPE),
        ("±(0.5%+0.1mV)", "mpe_compound", AccuracyKind.MPE),
        ("+0.5/-0.3mm", "mpe_compound", AccuracyKind.MPE),
        ("±0.5%FS", "mpe_full_scale", AccuracyKind.MPE),
        ("±0.5℃/±1.0℃", "accuracy_several", AccuracyKind.MPE),
        ("±0.5", "accuracy_no_unit", AccuracyKind.MPE),
        ("±0.5HRC", "accuracy_unknown_unit", AccuracyKind.MPE),
        ("1.6", "accuracy_ambiguous", None),
        ("见说明书", "accuracy_not_understood", None),
    ],
)
def test_accuracies_kept_as_text_and_flagged(
    cell: str, code: str, kind: AccuracyKind | None
) -> None:
    found = parse_accuracy(cell)
    assert found is not None and found.text == cell and found.value is None
    assert found.kind is kind and found.note is not None and found.note.code == code
    assert cell in found.note.message_en and "按原文保存" in found.note.message_zh


@pytest.mark.parametrize(
    ("cell", "code"),
    [("U=0.01℃(k=0)", "bad_coverage_factor"), ("±1,000mm", "ambiguous_separator")],
)
def test_bad_accuracy_cells(cell: str, code: str) -> None:
    with pytest.raises(CellProblem) as caught:
        parse_accuracy(cell)
    assert caught.value.code == code
    both_languages(caught.value)


def test_coverage_factor_cells() -> None:
    assert parse_coverage("k=2") == D(2) and parse_coverage(2.0) == D(2)
    with pytest.raises(CellProblem) as caught:
        parse_coverage("-1")
    both_languages(caught.value)


# --- periods ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "months"),
    [
        ("12个月", 12),
        ("24个月", 24),
        ("1年", 1 * 12),
        ("半年", 12 // 2),
        ("每半年", 12 // 2),
        ("1.5年", int(D("1.5") * 12)),
        ("1年半", 12 + 6),
        ("两年", 2 * 12),
        ("十二个月", 12),
        ("每年", 12),
        ("1年/次", 12),
        ("6 months", 6),
        ("1次/年", 12 // 1),
        ("2次/年", 12 // 2),
        ("一年两次", 12 // 2),
        ("1次/2年", 2 * 12 // 1),
        ("4次/年", 12 // 4),
        ("2 years", 2 * 12),
        ("12", 12),
        (12.0, 12),
        (6, 6),
    ],
)
def test_periods(cell: object, months: int) -> None:
    found = parse_period(cell)
    assert found is not None and found.note is None
    assert (found.months, found.reverification) == (months, Reverification.PERIODIC)


def test_a_bare_number_takes_the_heading_unit() -> None:
    in_years = parse_period("2", "年")
    in_months = parse_period(2.0, "月")
    assert in_years is not None and in_years.months == 2 * 12 and in_years.note is None
    assert in_months is not None and in_months.months == 2 and in_months.note is None


def test_a_small_bare_number_without_unit_is_flagged() -> None:
    found = parse_period("1")
    assert found is not None and found.months == 1
    assert found.note is not None and found.note.code == "period_unit_assumed"
    assert "1年" in found.note.message_en and "1年" in found.note.message_zh


@pytest.mark.parametrize(
    ("cell", "why"),
    [
        ("随坏随换", Reverification.ON_FAILURE),
        ("一次性", Reverification.ONE_TIME),
        ("一次性检定", Reverification.ONE_TIME),
        ("免检", Reverification.EXEMPT),
        ("使用前校准", Reverification.BEFORE_USE),
    ],
)
def test_no_periodic_reverification(cell: str, why: Reverification) -> None:
    found = parse_period(cell)
    assert found is not None and (found.months, found.reverification) == (None, why)


@pytest.mark.parametrize(
    ("cell", "code"),
    [
        ("2.5个月", "not_whole_months"),
        ("0", "period_out_of_range"),
        (-12, "period_out_of_range"),
        ("-12", "bad_period"),
        ("180天", "period_in_days"),
        ("52周", "period_in_days"),
        ("半", "bad_period"),
        ("一年三四次", "bad_period"),
        ("quarterly", "bad_period"),
        (True, "bad_period"),
    ],
)
def test_bad_periods(cell: object, code: str) -> None:
    with pytest.raises(CellProblem) as caught:
        parse_period(cell)
    assert caught.value.code == code
    both_languages(caught.value)


# --- dates -----------------------------------------------------------------------------------

JUNE_FIRST = date(2026, 6, 1)
SERIAL = (JUNE_FIRST - EXCEL_EPOCH).days


@pytest.mark.parametrize(
    "cell",
    [
        "2026-06-01",
        "2026/6/1",
        "2026.06.01",
        "2026.6.1",
        "2026年6月1日",
        "2026年06月01日",
        "２０２６－０６－０１",
        "2026-06-01 00:00:00",
        "20260601",
        20260601,
        JUNE_FIRST,
        datetime(2026, 6, 1, 14, 30),
        SERIAL,
        float(SERIAL),
        str(SERIAL),
        SERIAL + 0.75,  # a date-time serial: the day
    ],
)
def test_dates(cell: object) -> None:
    assert parse_ledger_date(cell) == JUNE_FIRST


@pytest.mark.parametrize(
    ("cell", "code"),
    [
        ("2026-02-30", "impossible_date"),
        ("20260230", "impossible_date"),
        ("2026.6", "not_a_date"),
        ("6/1/2026", "not_a_date"),
        ("tomorrow", "not_a_date"),
        (2026, "not_a_date"),  # a year typed in a date column, not serial 2026 (1905)
        (True, "not_a_date"),
        (float("nan"), "not_a_date"),
        ("1899-12-31", "implausible_date"),
        ("2300-01-01", "implausible_date"),
    ],
)
def test_bad_dates(cell: object, code: str) -> None:
    with pytest.raises(CellProblem) as caught:
        parse_ledger_date(cell)
    assert caught.value.code == code
    both_languages(caught.value)


# --- money -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "unit", "yuan"),
    [
        ("350", None, D("350")),
        ("12,800.00", None, D("12800.00")),
        ("￥3,500", None, D("3500")),
        ("1.2万元", None, D("1.2") * 10000),
        ("1.20", "万元", D("1.20") * 10000),
        (3500.0, "万元", D(3500) * 10000),
        ("2500元", "万元", D(2500)),  # the cell's own unit wins over the heading's
        ("8.5", "千元", D("8.5") * 1000),
        ("1.28万", None, D("1.28") * 10000),
    ],
)
def test_money(cell: object, unit: str | None, yuan: Decimal) -> None:
    found = parse_money(cell, unit)
    assert found == yuan and str(found) == str(yuan)


def test_negative_money_is_refused() -> None:
    with pytest.raises(CellProblem) as caught:
        parse_money("-5")
    both_languages(caught.value)


# --- status, result, 检定方式 -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "status", "result"),
    [
        ("在用", InstrumentStatus.IN_SERVICE, None),
        ("停用", InstrumentStatus.OUT_OF_SERVICE, None),
        ("封存", InstrumentStatus.SEALED, None),
        ("报废", InstrumentStatus.SCRAPPED, None),
        ("限用", InstrumentStatus.IN_SERVICE, EventResult.LIMITED),
        ("准用", InstrumentStatus.IN_SERVICE, EventResult.LIMITED),
        ("合格", InstrumentStatus.IN_SERVICE, EventResult.PASS),
        ("不合格", InstrumentStatus.OUT_OF_SERVICE, EventResult.FAIL),
        ("In service", InstrumentStatus.IN_SERVICE, None),
        (" 在 用 ", InstrumentStatus.IN_SERVICE, None),
    ],
)
def test_statuses(cell: str, status: InstrumentStatus, result: EventResult | None) -> None:
    found = parse_status(cell)
    assert found is not None and (found.status, found.result, found.note) == (status, result, None)


def test_awaiting_verification_is_flagged_as_approximated() -> None:
    found = parse_status("待检")
    assert found is not None and found.status is InstrumentStatus.OUT_OF_SERVICE
    assert found.note is not None and found.note.code == "status_approximated"
    assert "待检" in found.note.message_en and "停用" in found.note.message_zh


@pytest.mark.parametrize(
    ("cell", "result"),
    [
        ("合格", EventResult.PASS),
        ("不合格", EventResult.FAIL),
        ("准用", EventResult.LIMITED),
        ("限用", EventResult.LIMITED),
        ("校准", EventResult.NO_DECISION),
        ("√", EventResult.PASS),
    ],
)
def test_results(cell: str, result: EventResult) -> None:
    assert parse_result(cell) is result


@pytest.mark.parametrize(
    ("cell", "method", "kind"),
    [
        ("内检", CalibrationMethod.IN_HOUSE, None),
        ("外检", CalibrationMethod.EXTERNAL, None),
        ("送检", CalibrationMethod.EXTERNAL, None),
        ("内校", CalibrationMethod.IN_HOUSE, EventKind.CALIBRATION),
        ("外部检定", CalibrationMethod.EXTERNAL, EventKind.VERIFICATION),
        ("检定", None, EventKind.VERIFICATION),
        ("校准", None, EventKind.CALIBRATION),
    ],
)
def test_methods(cell: str, method: CalibrationMethod | None, kind: EventKind | None) -> None:
    found = parse_method(cell)
    assert found is not None and (found.method, found.kind) == (method, kind)


@pytest.mark.parametrize(
    ("parser", "cell", "code"),
    [
        (parse_status, "借出", "bad_status"),
        (parse_result, "良好", "bad_result"),
        (parse_method, "邮寄", "bad_method"),
    ],
)
def test_unknown_words_are_cell_errors(parser: object, cell: str, code: str) -> None:
    with pytest.raises(CellProblem) as caught:
        parser(cell)  # type: ignore[operator]
    assert caught.value.code == code and cell in caught.value.message_en
    both_languages(caught.value)
