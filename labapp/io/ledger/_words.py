"""Ledger words into LabApp's enums: status, result, 检定方式, yes/no, role, level.

Chinese ledgers mix three things in a status column: the item's state (在用, 停用, 封存, 报废),
the last result (合格, 不合格, 准用) and the three-colour label (限用).  :func:`parse_status`
returns both a status and the result it implies, so "合格" in 设备状态 is an item in service
whose last result passed.  A word LabApp has no status for is mapped to the nearest one with a
:class:`~labapp.io.ledger._errors.CellNote` saying so (待检 → out of service, still due).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from functools import lru_cache
from typing import Any, TypeVar

from labapp.domain.enums import (
    AccuracyKind,
    CalibrationMethod,
    EventKind,
    EventResult,
    InstrumentStatus,
    Role,
    StandardLevel,
)
from labapp.io.excel import Language, lookup_key, pick, synonyms_for, yes_no_synonyms
from labapp.io.ledger._errors import CellNote
from labapp.io.register import CellProblem, as_text

__all__ = [
    "MethodValue",
    "StatusValue",
    "cell_text",
    "is_blank_mark",
    "method_word",
    "parse_accuracy_kind",
    "parse_level",
    "parse_method",
    "parse_result",
    "parse_role",
    "parse_status",
    "parse_yes_no",
]

E = TypeVar("E", bound=StrEnum)
S = InstrumentStatus
R = EventResult

_SPACES = " \t\r\n\u3000\u00a0"
#: What a ledger writes in a cell that says "nothing here".
_BLANK_MARKS = {
    "/",
    "\\",
    "-",
    "--",
    "—",
    "——",
    "－",
    "n/a",
    "na",
    "none",
    "null",
    "空",
    "无",
    "暂无",
}
_LONGEST_MARK = 8  # characters, with spaces a lookup folds away
_MARK_STARTS = frozenset("/\\-—－nN空／＼ｎＮ无暂")  # a mark's first character, also full-width


def cell_text(cell: object) -> str | None:
    """A cell as text, stripped (as written: parsers fold it themselves), None when blank; a date
    as yyyy-mm-dd."""
    if isinstance(cell, str):
        text = cell.strip(_SPACES)
        return text or None
    if isinstance(cell, datetime | date):
        return cell.isoformat()[:10]
    return as_text(cell)


def is_blank_mark(text: str) -> bool:
    """Whether ``text`` is one of the marks a ledger writes for "nothing" (/, —, N/A)."""
    if len(text) > _LONGEST_MARK or text.lstrip(_SPACES)[:1] not in _MARK_STARTS:
        return False  # the usual cell, decided without folding it
    return lookup_key(text) in _BLANK_MARKS


@dataclass(frozen=True)
class StatusValue:
    """A status word read: the status, the result it implies (合格 → pass), a caveat."""

    status: InstrumentStatus
    result: EventResult | None = None
    note: CellNote | None = None


@dataclass(frozen=True)
class MethodValue:
    """A 检定方式 word read: who performs it (内检 / 外检) and what it is (检定 / 校准)."""

    method: CalibrationMethod | None
    kind: EventKind | None


def _note(word: str, en: str, zh: str) -> CellNote:
    return CellNote(
        "status_approximated",
        f"LabApp has no status {word!r}: imported as {en}",
        f"LabApp 没有“{word}”状态，按“{zh}”导入",
    )


_AWAITING = ("out of service (it stays in the re-verification plan)", "停用（仍在检定计划中）")
_REPAIR = ("out of service", "停用")
_STATUS_WORDS: dict[str, tuple[InstrumentStatus, EventResult | None, tuple[str, str] | None]] = {
    **{w: (S.IN_SERVICE, None, None) for w in ("在用", "使用", "使用中", "正常", "正常使用", "启用",
                                               "在役", "in service", "in use", "active")},
    **{w: (S.IN_SERVICE, R.PASS, None) for w in ("合格", "正常合格", "pass", "passed")},
    **{w: (S.OUT_OF_SERVICE, R.FAIL, None) for w in ("不合格", "fail", "failed")},
    **{w: (S.IN_SERVICE, R.LIMITED, None) for w in ("准用", "限用", "限制使用", "降级使用", "降级",
                                                    "limited", "restricted")},
    **{w: (S.OUT_OF_SERVICE, None, None) for w in ("停用", "停止使用", "禁用", "out of service")},
    **{w: (S.SEALED, None, None) for w in ("封存", "sealed")},
    **{w: (S.SCRAPPED, None, None) for w in ("报废", "已报废", "scrapped")},
    **{w: (S.RETIRED, None, None) for w in ("退役", "retired")},
    **{w: (S.SUSPENDED, None, None) for w in ("暂停使用", "暂停", "suspended")},
    **{w: (S.OUT_OF_SERVICE, None, _AWAITING) for w in ("待检", "待校", "送检", "送检中", "在检",
                                                        "检定中", "校准中", "送校")},
    **{w: (S.OUT_OF_SERVICE, None, _REPAIR) for w in ("维修", "维修中", "待修", "闲置", "备用")},
}  # fmt: skip
_STATUSES = {lookup_key(w): v for w, v in _STATUS_WORDS.items()} | {
    k: (v, None, None) for k, v in synonyms_for(InstrumentStatus).items()
}

_RESULT_WORDS: dict[EventResult, tuple[str, ...]] = {
    R.PASS: ("合格", "符合", "符合要求", "通过", "pass", "passed", "ok", "√", "✓", "conforming"),
    R.FAIL: ("不合格", "不符合", "不符合要求", "fail", "failed", "×", "non-conforming"),
    R.LIMITED: ("准用", "限用", "限制使用", "降级使用", "降级", "limited"),
    R.CONDITIONAL: ("有条件合格", "条件合格", "conditional"),
    R.NO_DECISION: ("已校准", "校准", "仅校准", "不判定", "无判定", "calibrated", "no decision"),
}
# The words above, and the result's labels as LabApp's register export writes them ("Limited use").
_RESULTS = synonyms_for(EventResult) | {
    lookup_key(w): result for result, words in _RESULT_WORDS.items() for w in words
}

_IN, _OUT = CalibrationMethod.IN_HOUSE, CalibrationMethod.EXTERNAL
_V, _C = EventKind.VERIFICATION, EventKind.CALIBRATION
_METHOD_WORDS: dict[tuple[CalibrationMethod | None, EventKind | None], tuple[str, ...]] = {
    (_IN, None): ("内检", "自检", "内部", "本单位", "自行", "内部检定/校准", "本公司", "本厂",
                  "本室", "本实验室", "本中心", "in-house", "in house", "internal"),
    (_OUT, None): ("外检", "送检", "外送", "委外", "外委", "外部", "外部检定/校准", "external",
                   "outsourced"),
    (_IN, _V): ("内部检定", "自行检定", "本单位检定"),
    (_IN, _C): ("内校", "自校", "内部校准", "自行校准", "本单位校准"),
    (_OUT, _V): ("外部检定", "送外检定", "外送检定", "委外检定"),
    (_OUT, _C): ("外校", "外部校准", "送外校准", "外送校准", "委外校准"),
    (None, _V): ("检定", "verification"),
    (None, _C): ("校准", "calibration"),
}  # fmt: skip
# The English word LabApp's register export writes for each pair (the Chinese is the first above).
_METHOD_EN: dict[tuple[CalibrationMethod | None, EventKind | None], str] = {
    (_IN, None): "in-house", (_OUT, None): "external",
    (_IN, _V): "in-house verification", (_IN, _C): "in-house calibration",
    (_OUT, _V): "external verification", (_OUT, _C): "external calibration",
    (None, _V): "verification", (None, _C): "calibration",
}  # fmt: skip
_METHODS = {lookup_key(w): pair for pair, words in _METHOD_WORDS.items() for w in words} | {
    lookup_key(text): pair
    for pair, en in _METHOD_EN.items()
    for text in (en, pick(en, _METHOD_WORDS[pair][0], "bilingual"))
}


def method_word(
    method: CalibrationMethod | None, kind: EventKind | None, language: Language
) -> str | None:
    """The 检定方式 word :func:`parse_method` reads back as (method, kind): 内检, 外校, "external
    calibration" ...; a kind no word states (期间核查) is left out (None when nothing is left)."""
    pair = (method, kind) if (method, kind) in _METHOD_EN else (method, None)
    if pair not in _METHOD_EN:
        return None
    return pick(_METHOD_EN[pair], _METHOD_WORDS[pair][0], language)


_ROLES = synonyms_for(Role) | {lookup_key(w): Role.STANDARD for w in ("标准器", "计量标准器具")}
_LEVELS = synonyms_for(StandardLevel)
_KINDS = synonyms_for(AccuracyKind)
_YES_NO = (
    yes_no_synonyms()
    | {lookup_key(w): True for w in ("强制", "强制检定", "是(强检)")}
    | {lookup_key(w): False for w in ("非强制", "非强制检定", "一般")}
)


def _word(cell: object) -> tuple[str, str] | None:
    """(text, folded) of a word cell; None when blank or a blank mark."""
    text = cell_text(cell)
    if text is None or is_blank_mark(text):
        return None
    return text, lookup_key(text)


def _unknown(code: str, text: str, what_en: str, what_zh: str, examples: str) -> CellProblem:
    return CellProblem(
        code,
        f"{text!r} is not a {what_en} LabApp knows (for example: {examples})",
        f"“{text}”不是可识别的{what_zh}（例如：{examples}）",
    )


@lru_cache(maxsize=1024, typed=True)
def parse_status(cell: Any) -> StatusValue | None:
    """在用 / 停用 / 封存 / 报废 / 待检 / 限用 / 准用 / 合格 … → status (+ implied result).

    Raises
    ------
    CellProblem
        ``bad_status`` for a word LabApp does not know.
    """
    word = _word(cell)
    if word is None:
        return None
    found = _STATUSES.get(word[1])
    if found is None:
        raise _unknown(
            "bad_status", word[0], "status", "设备状态", "在用, 停用, 封存, 报废, 待检, 限用"
        )
    status, result, approximated = found
    note = _note(word[0], *approximated) if approximated else None
    return StatusValue(status, result, note)


@lru_cache(maxsize=1024, typed=True)
def parse_result(cell: Any) -> EventResult | None:
    """合格 / 不合格 / 准用 (and English) → the last result.

    Raises
    ------
    CellProblem
        ``bad_result``.
    """
    word = _word(cell)
    if word is None:
        return None
    found = _RESULTS.get(word[1])
    if found is None:
        raise _unknown("bad_result", word[0], "result", "检定结果", "合格, 不合格, 准用")
    return found


@lru_cache(maxsize=1024, typed=True)
def parse_method(cell: Any) -> MethodValue | None:
    """内检 / 外检 (and 送检, 内校, 外校, 检定, 校准 …) → who and what.

    Raises
    ------
    CellProblem
        ``bad_method``.
    """
    word = _word(cell)
    if word is None:
        return None
    found = _METHODS.get(word[1])
    if found is None:
        raise _unknown("bad_method", word[0], "calibration method", "检定方式", "内检, 外检, 送检")
    return MethodValue(*found)


def _enum(cell: object, table: dict[str, E], code: str, en: str, zh: str, ex: str) -> E | None:
    word = _word(cell)
    if word is None:
        return None
    found = table.get(word[1])
    if found is None:
        raise _unknown(code, word[0], en, zh, ex)
    return found


def parse_role(cell: object) -> Role | None:
    """计量标准 / 工作计量器具 → Role; raises CellProblem ``bad_role`` for other words (the
    reader keeps such text in the notes: 用途 is often free text)."""
    return _enum(cell, _ROLES, "bad_role", "role", "用途", "计量标准, 工作计量器具")


def parse_level(cell: object) -> StandardLevel | None:
    """计量基准 / 最高计量标准 / 工作计量标准 → StandardLevel (CellProblem ``bad_level``)."""
    return _enum(cell, _LEVELS, "bad_level", "standard level", "标准等级", "最高计量标准")


def parse_accuracy_kind(cell: object) -> AccuracyKind | None:
    """最大允许误差 / 准确度等级 / 不确定度 → AccuracyKind (CellProblem ``bad_accuracy_kind``)."""
    return _enum(cell, _KINDS, "bad_accuracy_kind", "accuracy kind", "准确度类型", "最大允许误差")


def parse_yes_no(cell: object) -> bool | None:
    """是 / 否 / 强检 / 非强检 / √ / × → bool (CellProblem ``bad_yes_no``)."""
    if isinstance(cell, bool):
        return cell
    word = _word(cell)
    if word is None:
        return None
    found = _YES_NO.get(word[1])
    if found is None:
        raise _unknown("bad_yes_no", word[0], "yes/no", "是/否", "是, 否")
    return found
