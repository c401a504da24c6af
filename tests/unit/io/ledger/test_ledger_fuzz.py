"""Hypothesis: the conventions parsers give a typed value or a typed, bilingual CellProblem for any
cell a reader can hand them, never another exception; and ranges written in any of the ledger
styles read back to exactly the numbers and units they were written from."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from hypothesis import example, given
from hypothesis import strategies as st

from labapp.domain.enums import AccuracyKind
from labapp.domain.quantities import Measured
from labapp.io.ledger import (
    match_heading,
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

LEDGER_CHARS = (
    "0123456789.,~～-+±()（）%℃°CμmMPaVkgN·级个月年半U=k：:/ 字FSrel×⁻¹²³⁶"
    "一二两十检定校准合格在用停"
)
ledger_text = st.text(alphabet=LEDGER_CHARS, max_size=24)
any_text = st.text(max_size=40)
cells = st.one_of(
    st.none(),
    any_text,
    ledger_text,
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(),
    st.datetimes(),
    st.times(),
)
PARSERS = [
    lambda c: parse_range(c),
    lambda c: parse_range(c, "mm"),
    lambda c: parse_accuracy(c),
    lambda c: parse_accuracy(c, AccuracyKind.CLASS),
    lambda c: parse_accuracy(c, AccuracyKind.MPE, "mm"),
    lambda c: parse_accuracy(c, AccuracyKind.UNCERTAINTY, "°C", Decimal(2)),
    lambda c: parse_period(c),
    lambda c: parse_period(c, "年"),
    lambda c: parse_ledger_date(c),
    lambda c: parse_money(c, "万元"),
    lambda c: parse_coverage(c),
    lambda c: parse_status(c),
    lambda c: parse_result(c),
    lambda c: parse_method(c),
]


def _typed_or_refused(parser: Any, cell: object) -> object:
    try:
        return parser(cell)
    except CellProblem as problem:
        assert problem.code and problem.message_en and problem.message_zh
        assert "Traceback" not in problem.message_en
        return problem


@given(cells)
@example("0~1.6.1MPa")
@example("±(0.02%+2字)")
@example("U=1e999999℃(k=2)")
@example("1e-99999~1e99999V")
@example("(((~)))")
@example(time(1, 2))
@example(datetime(2026, 6, 1))
@example(float("inf"))
def test_every_parser_only_returns_or_refuses(cell: object) -> None:
    for parser in PARSERS:
        _typed_or_refused(parser, cell)


@given(any_text)
def test_headings_never_raise(text: str) -> None:
    found = match_heading(text, contains=True)
    assert found is None or 0 < found.confidence <= 1


decimals = st.decimals(
    min_value=Decimal("-1000"), max_value=Decimal("1000"), places=3, allow_nan=False
)
UNITS = ["V", "mV", "mm", "MPa", "kPa", "N·m", "%RH", "A", "Ω", "kg"]
STYLES = ["{a}~{b}{u}", "({a}~{b}){u}", "{a}～{b}{u}", "{a}{u}~{b}{u}", "{a} 至 {b} {u}"]


@given(decimals, decimals, st.sampled_from(UNITS), st.sampled_from(STYLES))
def test_written_ranges_read_back_exactly(a: Decimal, b: Decimal, unit: str, style: str) -> None:
    low, high = min(a, b), max(a, b)
    if low == high:
        return
    written = style.format(a=low, b=high, u=unit)
    found = parse_range(written)
    assert found is not None
    assert found.low == Measured(low, unit) and found.high == Measured(high, unit)
    assert str(found.low.value) == str(low) and str(found.high.value) == str(high)


@given(st.decimals(min_value=Decimal("0.001"), max_value=Decimal("100"), places=3))
def test_written_mpe_reads_back_exactly(value: Decimal) -> None:
    found = parse_accuracy(f"±{value}mm")
    assert found is not None and found.value == Measured(value, "mm")
    assert str(found.value.value) == str(value)


@given(st.integers(min_value=1, max_value=100), st.sampled_from(["年", "个月", "月"]))
def test_written_periods_read_back(count: int, unit: str) -> None:
    found = parse_period(f"{count}{unit}")
    assert found is not None
    assert found.months == (count * 12 if unit == "年" else count)


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2199, 12, 31)))
def test_written_dates_read_back(day: date) -> None:
    for written in (
        day.isoformat(),
        f"{day.year}/{day.month}/{day.day}",
        f"{day.year}.{day.month:02}.{day.day:02}",
        f"{day.year}年{day.month}月{day.day}日",
        day.strftime("%Y%m%d"),
        (day - date(1899, 12, 30)).days,
    ):
        assert parse_ledger_date(written) == day


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)
MAPPING_KEYS = ["sheets", "header_row", "heading_rows", "fingerprint", "tag_pattern", "columns"]
COLUMN_KEYS = ["column", "heading", "field", "unit", "kind", "k", "confidence"]


@given(
    st.dictionaries(st.sampled_from(MAPPING_KEYS), json_values, max_size=3),
    st.dictionaries(st.sampled_from(COLUMN_KEYS), json_values, max_size=3),
)
def test_an_edited_mapping_is_read_or_refused_with_a_typed_error(
    top: dict[str, object], column: dict[str, object]
) -> None:
    import json

    from labapp.io.ledger import ColumnMapping, LedgerFileError

    first = {"column": "A", "heading": "名称", "field": "name"} | column
    data = {
        "format": "labapp-ledger-mapping",
        "version": 1,
        "sheets": ["台账"],
        "header_row": 2,
        "heading_rows": 1,
        "fingerprint": "x",
        "tag_pattern": None,
        "columns": [first],
    }
    data |= top  # fmt: skip
    try:
        mapping = ColumnMapping.from_json(json.dumps(data))
    except LedgerFileError as refused:
        assert refused.message_en and refused.message_zh
        return
    assert ColumnMapping.from_json(mapping.to_json()) == mapping
