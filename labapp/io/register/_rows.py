"""Validating register lines: every cell typed, then the rules that tie cells of a row together.

A row's problems are collected, never raised: the import reports every bad cell at once.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Set
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from labapp.domain.enums import AccuracyKind, InstrumentStatus, Role, StandardLevel
from labapp.io.excel import lookup_key, synonyms_for, yes_no_synonyms
from labapp.io.register._cells import (
    CellProblem,
    as_date,
    as_decimal,
    as_integer,
    as_text,
    as_unit,
    commensurable,
    dimensionless,
)

__all__ = ["QUANTITY_UNITS", "Problem", "RowChecker"]

# The base unit of the quantities a register names most often, to check the range unit against.
QUANTITY_UNITS: dict[str, str] = {
    **dict.fromkeys(("DC voltage", "AC voltage", "voltage", "直流电压", "交流电压", "电压"), "V"),
    **dict.fromkeys(("DC current", "AC current", "current", "直流电流", "交流电流", "电流"), "A"),
    **dict.fromkeys(("resistance", "电阻", "直流电阻"), "Ω"),
    **dict.fromkeys(("temperature", "温度"), "K"),
    **dict.fromkeys(("mass", "质量"), "kg"),
    **dict.fromkeys(("length", "长度"), "m"),
    **dict.fromkeys(("pressure", "压力"), "Pa"),
    **dict.fromkeys(("frequency", "频率"), "Hz"),
    **dict.fromkeys(("time", "时间"), "s"),
}
_QUANTITY_KEYS = {lookup_key(k): v for k, v in QUANTITY_UNITS.items()}
_KNOWN_ZH = {"location": "存放地点", "provider": "检定/校准机构", "custodian": "保管人",
             "procedure": "检定规程/校准规范"}  # fmt: skip


@dataclass(frozen=True)
class Problem:
    """One bad cell of a row: the field it belongs to and the reason."""

    key: str
    code: str
    message_en: str
    message_zh: str


def _enum(table: Mapping[str, Any], what_en: str, what_zh: str) -> Callable[[object], Any]:
    choices = ", ".join(sorted({str(v) for v in table.values()}))

    def parse(cell: object) -> Any:
        text = as_text(cell)
        if text is None:
            return None
        value = table.get(lookup_key(text))
        if value is None:
            raise CellProblem(
                f"bad_{what_en.replace(' ', '_')}",
                f"{text!r} is not a {what_en} (expected one of: {choices})",
                f"“{text}”不是有效的{what_zh}",
            )
        return value

    return parse


PARSERS: dict[str, Callable[[object], Any]] = {
    "range_low": as_decimal,
    "range_high": as_decimal,
    "accuracy_value": as_decimal,
    "interval_months": as_integer,
    "last_calibrated_on": as_date,
    "range_unit": as_unit,
    "range_low_unit": as_unit,
    "accuracy_unit": as_unit,
    "accuracy_kind": _enum(synonyms_for(AccuracyKind), "accuracy kind", "准确度类型"),
    "role": _enum(synonyms_for(Role), "role", "用途"),
    "level": _enum(synonyms_for(StandardLevel), "level", "标准等级"),
    "status": _enum(synonyms_for(InstrumentStatus), "status", "状态"),
    "mandatory_verification": _enum(yes_no_synonyms(), "yes/no", "是/否"),
}


_MISSING = object()
_NONE_FAILED: frozenset[str] = frozenset()
_MEMO_LIMIT = 4096


def _parse(key: str, cell: object) -> Any:
    """The typed value of a cell, or the :class:`Problem` saying why it has none."""
    try:
        return PARSERS[key](cell)
    except CellProblem as problem:
        return Problem(key, problem.code, problem.message_en, problem.message_zh)


@dataclass
class RowChecker:
    """Types one row's cells and applies the register rules; remembers asset tags across rows."""

    known: Mapping[str, Collection[str] | None]
    existing_asset_tags: Collection[str]
    implied_kind: AccuracyKind | None = None
    seen_tags: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # None means "not checked"; otherwise folded spelling -> the spelling LabApp knows.
        self._known = {
            key: None if names is None else {lookup_key(n): n for n in names}
            for key, names in self.known.items()
        }
        self._existing = {lookup_key(t) for t in self.existing_asset_tags}
        self._memo: dict[str, dict[object, Any]] = {key: {} for key in PARSERS}
        self._rules = [self._required, self._tag, self._accuracy, self._units]
        if any(names is not None for names in self._known.values()):
            self._rules.insert(1, self._known_names)

    def check(
        self, cells: Mapping[str, object], excel_row: int
    ) -> tuple[dict[str, Any], list[Problem]]:
        """Typed values by field key (units as text) and the problems found."""
        values: dict[str, Any] = {}
        problems: list[Problem] = []
        memos = self._memo
        for key, cell in cells.items():
            memo = memos.get(key)
            if memo is None:  # free text: nothing to parse, nothing to remember
                if cell.__class__ is str:
                    values[key] = cell.strip() or None
                else:
                    values[key] = as_text(cell)
                continue
            # A ledger repeats its units, kinds, dates and numbers down the column: parse each
            # distinct cell once.  Text and floats are their own keys (neither equals the
            # other); other types are keyed with their type, since True == 1 == 1.0.
            kind = cell.__class__
            memo_key = cell if kind is str or kind is float else (kind, cell)
            outcome = memo.get(memo_key, _MISSING)
            if outcome is _MISSING:
                outcome = _parse(key, cell)
                if len(memo) < _MEMO_LIMIT:
                    memo[memo_key] = outcome
            if outcome.__class__ is Problem:
                problems.append(outcome)
            else:
                values[key] = outcome
        failed = {p.key for p in problems} if problems else _NONE_FAILED
        for rule in self._rules:
            found = rule(values, failed, excel_row)
            if found:
                problems.extend(found)
        for key in ("range_unit", "range_low_unit", "accuracy_unit"):
            if values.get(key) is not None:
                values[key] = values[key][0]
        return values, problems

    def _required(self, values: dict[str, Any], failed: Set[str], _row: int) -> list[Problem]:
        if values.get("asset_tag") is not None and values.get("name") is not None:
            return []  # the usual line, checked without building anything
        return [
            Problem(key, "required", f"{key.replace('_', ' ')} is required", f"{zh}为必填项")
            for key, zh in (("asset_tag", "资产编号"), ("name", "名称"))
            if values.get(key) is None and key not in failed
        ]

    def _known_names(self, values: dict[str, Any], _f: Set[str], _row: int) -> list[Problem]:
        problems = []
        for key, names in self._known.items():
            text = values.get(key)
            if text is None or names is None:
                continue
            canonical = names.get(_fold(text))
            if canonical is None:
                what_zh = _KNOWN_ZH[key]
                problems.append(
                    Problem(
                        key,
                        f"unknown_{key}",
                        f"{key} {text!r} is not known to LabApp; add it first or correct it",
                        f"{what_zh}“{text}”在 LabApp 中不存在，请先添加或更正",
                    )
                )
            else:
                values[key] = canonical
        return problems

    def _tag(self, values: dict[str, Any], _f: Set[str], row: int) -> list[Problem]:
        tag = values.get("asset_tag")
        if tag is None:
            return []
        folded = lookup_key(tag)
        if folded in self._existing:
            return [
                Problem(
                    "asset_tag",
                    "duplicate_existing",
                    f"asset tag {tag!r} already exists in the register",
                    f"资产编号“{tag}”在台账中已存在",
                )
            ]
        first = self.seen_tags.setdefault(folded, row)
        if first != row:
            return [
                Problem(
                    "asset_tag",
                    "duplicate_in_file",
                    f"asset tag {tag!r} also appears in row {first}",
                    f"资产编号“{tag}”与第 {first} 行重复",
                )
            ]
        return []

    def _accuracy(self, values: dict[str, Any], failed: Set[str], _row: int) -> list[Problem]:
        if values.get("accuracy_kind") is None and "accuracy_kind" not in failed:
            if values.get("accuracy_value") is not None and self.implied_kind is not None:
                values["accuracy_kind"] = self.implied_kind
            elif values.get("accuracy_class") is not None:
                values["accuracy_kind"] = AccuracyKind.CLASS
            elif values.get("accuracy_value") is not None:
                return [
                    Problem(
                        "accuracy_kind",
                        "missing_accuracy_kind",
                        "accuracy value given without its kind (MPE, class or uncertainty)",
                        "填写了准确度数值但未说明类型（最大允许误差、准确度等级或不确定度）",
                    )
                ]
        return []

    def _units(self, values: dict[str, Any], failed: Set[str], _row: int) -> list[Problem]:
        problems = []
        low, high = values.get("range_low"), values.get("range_high")
        unit, acc_unit = values.get("range_unit"), values.get("accuracy_unit")
        if (low is not None or high is not None) and unit is None and "range_unit" not in failed:
            problems.append(
                Problem("range_unit", "missing_unit", "the range needs a unit", "测量范围缺少单位")
            )
        low_unit = values.get("range_low_unit")
        if low_unit is not None and unit is not None and not commensurable(low_unit[0], unit[0]):
            problems.append(
                Problem(
                    "range_low_unit",
                    "incommensurable",
                    f"range low unit {low_unit[0]} and range unit {unit[0]} are not the same "
                    "kind of quantity",
                    f"下限单位 {low_unit[0]} 与测量范围单位 {unit[0]} 不是同一类量",
                )
            )
        # With a unit of its own, the low end is compared after conversion (by the service).
        if low is not None and high is not None and low_unit is None and low > high:
            problems.append(
                Problem(
                    "range_high",
                    "range_reversed",
                    f"range high {high} is below range low {low}",
                    f"测量范围上限 {high} 小于下限 {low}",
                )
            )
        if unit is not None:
            problems.extend(self._quantity_unit(values.get("quantity"), unit))
        if acc_unit is not None and unit is not None:
            problems.extend(_accuracy_vs_range(acc_unit, unit))
        return problems

    def _quantity_unit(self, quantity: str | None, unit: tuple[str, Any]) -> list[Problem]:
        return list(_quantity_problems(quantity, unit[0])) if quantity else []


@lru_cache(maxsize=1024)
def _quantity_problems(quantity: str, unit: str) -> tuple[Problem, ...]:
    """Whether a range unit fits the quantity; cached, a register repeats these pairs."""
    base = _QUANTITY_KEYS.get(lookup_key(quantity))
    if base is None or commensurable(base, unit):
        return ()
    return (
        Problem(
            "range_unit",
            "unit_quantity_mismatch",
            f"{unit} is not a unit of {quantity} (expected a unit like {base})",
            f"{unit} 不是“{quantity}”的单位（应为 {base} 之类）",
        ),
    )


def _accuracy_vs_range(acc: tuple[str, Any], rng: tuple[str, Any]) -> list[Problem]:
    # A dimensionless accuracy unit (%, ppm, µV/V) is relative and fits any range.
    if dimensionless(acc[0]) or commensurable(acc[0], rng[0]):
        return []
    return [
        Problem(
            "accuracy_unit",
            "incommensurable",
            f"accuracy unit {acc[0]} does not measure the same kind of quantity as "
            f"the range unit {rng[0]}",
            f"准确度单位 {acc[0]} 与测量范围单位 {rng[0]} 不是同一类量",
        )
    ]


# Names (locations, providers ...) repeat down a ledger: fold each spelling once.
_fold = lru_cache(maxsize=4096)(lookup_key)
