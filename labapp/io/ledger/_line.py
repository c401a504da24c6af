"""One ledger line's pieces: the line being read, the words of its problems and notes, and the
rules that tie its cells together (the accuracy cell with LabApp's split columns, the instrument
rules on range and accuracy, remembered per distinct specification)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Any

from labapp.domain.enums import AccuracyKind
from labapp.domain.errors import ValidationError
from labapp.domain.quantities import Measured
from labapp.domain.rules import check_specification
from labapp.io.excel import quantity_key
from labapp.io.ledger._accuracy import without_k
from labapp.io.ledger._errors import CellNote
from labapp.io.ledger._quantities import AccuracyValue
from labapp.io.register import CellProblem

__all__ = [
    "Line",
    "line_note",
    "line_problem",
    "merge_accuracy",
    "quantity",
    "specification",
    "text_of",
]

_WORDS = {
    "unit_quantity_mismatch": (
        "{unit} is not a unit of {quantity} (expected a unit like {base})",
        "{unit} 不是“{quantity}”的单位（应为 {base} 之类）",
    ),
    "required_name": ("the name is required", "名称为必填项"),
    "required_tag": (
        "the asset tag is required (or give a pattern to number the items)",
        "管理编号为必填项（或给出编号规则）",
    ),
    "duplicate_existing": (
        "asset tag {tag!r} is already in the register",
        "管理编号“{tag}”在台账中已存在",
    ),
    "duplicate_in_file": (
        "asset tag {tag!r} also appears in row {first}{sheet_en}",
        "管理编号“{tag}”与{sheet_zh}第 {first} 行重复",
    ),
    "missing_unit": ("the range needs a unit", "测量范围缺少单位"),
    "valid_before_performed": (
        "valid until {until} is before the verification date {last}",
        "有效期至 {until} 早于检定日期 {last}",
    ),
    "accuracy_value_conflict": (
        "{split} differs from {value} in the accuracy column",
        "{split} 与准确度列中的 {value} 不一致",
    ),
    "accuracy_kind_conflict": (
        "the kind {kind} differs from the accuracy column's",
        "准确度类型 {kind} 与准确度列不一致",
    ),
    "missing_accuracy_kind": (
        "accuracy value given without its kind (MPE or uncertainty)",
        "填写了准确度数值但未说明类型（最大允许误差或不确定度）",
    ),
    "role_to_notes": (
        "{text!r} is not a role: kept in the notes",
        "“{text}”不是用途类别，已记入备注",
    ),
    "status_result_differ": (
        "the status says {implied} but the result column {result}: the result column is kept",
        "设备状态表示“{implied}”，检定结果为“{result}”：以检定结果为准",
    ),
    "external_without_provider": ("external (外检) but no provider is named", "外检但未写检定机构"),
}


def line_problem(code: str, **params: object) -> CellProblem:
    en, zh = _WORDS[code]
    shown = code.removesuffix("_name").removesuffix("_tag") if code.startswith("required") else code
    shown = shown.replace("accuracy_value_conflict", "accuracy_conflict")
    shown = shown.replace("accuracy_kind_conflict", "accuracy_conflict")
    return CellProblem(shown, en.format(**params), zh.format(**params))


def line_note(code: str, **params: object) -> CellNote:
    en, zh = _WORDS[code]
    return CellNote(code, en.format(**params), zh.format(**params))


@dataclass(slots=True)
class Line:
    """The line being read: raw cells and typed values by field, and what was found."""

    number: int
    cells: dict[str, Any]
    values: dict[str, Any] = field(default_factory=dict)
    problems: list[tuple[str, CellProblem]] = field(default_factory=list)
    notes: list[tuple[str, CellNote]] = field(default_factory=list)
    extra_notes: list[str] = field(default_factory=list)

    def refuse(self, key: str, problem: CellProblem) -> None:
        self.problems.append((key, problem))

    def failed(self, key: str) -> bool:
        return any(k == key for k, _ in self.problems)


@lru_cache(maxsize=1024)
def quantity(text: str) -> str:
    """A quantity as the register stores it: its key when the text names a known one."""
    return quantity_key(text) or text


def text_of(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


@lru_cache(maxsize=4096)
def specification(
    low: str | None,
    low_unit: str | None,
    high: str | None,
    high_unit: str | None,
    accuracy: str | None,
    accuracy_unit: str | None,
) -> ValidationError | None:
    """The instrument rules' verdict on a range and accuracy (None: fine); remembered by the
    numbers as written (so a message quotes this line's digits), since a ledger repeats the same
    specification for every item of a model and each verdict costs unit conversions."""
    numbers = [None if n is None else Decimal(n) for n in (low, high, accuracy)]
    try:
        check_specification(numbers[0], low_unit, numbers[1], high_unit, numbers[2], accuracy_unit)
    except ValidationError as exc:
        return exc
    return None


def merge_accuracy(line: Line, acc: AccuracyValue) -> AccuracyValue:
    """The accuracy cell and LabApp's split columns (kind, value, unit) together."""
    v = line.values
    kind: AccuracyKind | None = v.get("accuracy_kind")
    number: Decimal | None = v.get("accuracy_value")
    value = acc.value
    if number is not None:
        split = Measured(number, v.get("accuracy_unit") or "")
        if value is not None and value != split:
            problem = line_problem("accuracy_value_conflict", split=split, value=value)
            line.refuse("accuracy_value", problem)
        value = split
    if kind is None:
        kind = acc.kind
    elif acc.value is not None and acc.kind is not kind:
        line.refuse("accuracy_kind", line_problem("accuracy_kind_conflict", kind=kind.value))
    unstated = kind in (None, AccuracyKind.CLASS) and not line.failed("accuracy_kind")
    if number is not None and unstated:
        line.refuse("accuracy_value", line_problem("missing_accuracy_kind"))
    k = v.get("coverage_factor") or acc.coverage_factor
    if kind is AccuracyKind.UNCERTAINTY and k is None and acc.kind is not kind:
        line.notes.append(("accuracy_value", without_k(str(number))))
    k = k if kind is AccuracyKind.UNCERTAINTY else None
    return AccuracyValue(kind, value, acc.accuracy_class, k, acc.text)
