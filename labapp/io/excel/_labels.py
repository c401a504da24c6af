"""Words for enum values in files: English and Chinese labels, and the synonyms an import accepts.

The GUI has its own Qt-translated labels (``labapp.ui.common.labels``); a file cannot go through
Qt, so the file formats keep this table.  The wording follows the GUI's zh_CN catalogue and the
glossary.
"""

from __future__ import annotations

import unicodedata
from enum import StrEnum
from typing import TypeVar

from labapp.domain.enums import (
    AccuracyKind,
    EventResult,
    InstrumentStatus,
    ProviderKind,
    Role,
    StandardLevel,
)
from labapp.io.excel._columns import Language, pick

__all__ = [
    "LABELS",
    "QUANTITIES",
    "YES_NO",
    "enum_label",
    "lookup_key",
    "quantity_key",
    "quantity_label",
    "synonyms_for",
    "yes_no_synonyms",
]

E = TypeVar("E", bound=StrEnum)


def _k(member: StrEnum) -> tuple[type[StrEnum], str]:
    return type(member), member.value


# (enum class, value) -> (English label, Chinese label, extra synonyms accepted on import).  Keyed
# by class too: StrEnum members equal their strings, so Role.WORKING == StandardLevel.WORKING.
LABELS: dict[tuple[type[StrEnum], str], tuple[str, str, tuple[str, ...]]] = {
    _k(Role.STANDARD): ("Measurement standard", "计量标准", ("standard", "标准器", "标准")),
    _k(Role.WORKING): ("Working instrument", "工作计量器具", ("working", "工作用", "工作器具")),
    _k(StandardLevel.PRIMARY): ("Primary standard", "计量基准", ("primary", "基准")),
    _k(StandardLevel.REFERENCE): (
        "Highest standard",
        "最高计量标准",
        ("reference", "reference standard", "最高标准", "参考标准"),
    ),
    _k(StandardLevel.WORKING): ("Working standard", "工作计量标准", ("working", "工作标准")),
    _k(InstrumentStatus.IN_SERVICE): ("In service", "在用", ("in use", "正常", "使用中")),
    _k(InstrumentStatus.OUT_OF_SERVICE): ("Out of service", "停用", ()),
    _k(InstrumentStatus.SEALED): ("Sealed", "封存", ()),
    _k(InstrumentStatus.SUSPENDED): ("Suspended", "暂停使用", ("暂停",)),
    _k(InstrumentStatus.RETIRED): ("Retired", "退役", ()),
    _k(InstrumentStatus.SCRAPPED): ("Scrapped", "报废", ()),
    _k(AccuracyKind.MPE): ("MPE", "最大允许误差", ("maximum permissible error", "允许误差")),
    _k(AccuracyKind.CLASS): ("Accuracy class", "准确度等级", ("class", "等级", "级别")),
    _k(AccuracyKind.UNCERTAINTY): (
        "Uncertainty",
        "不确定度",
        ("测量不确定度", "扩展不确定度", "u"),
    ),
    _k(ProviderKind.NMI): ("National metrology institute", "国家计量院", ("NMI",)),
    _k(ProviderKind.ACCREDITED_LAB): ("Accredited laboratory", "认可的校准实验室", ()),
    _k(ProviderKind.LEGAL_BODY): ("Legal verification body", "法定计量检定机构", ()),
    _k(ProviderKind.IN_HOUSE): ("In-house", "本实验室", ()),
    _k(EventResult.PASS): ("Pass", "合格", ()),
    _k(EventResult.FAIL): ("Fail", "不合格", ()),
    _k(EventResult.CONDITIONAL): ("Conditional", "有条件合格", ()),
    _k(EventResult.LIMITED): ("Limited use", "限制使用", ()),
    _k(EventResult.NO_DECISION): ("No decision", "不作判定", ()),
}

# True/False for "mandatory verification" (强检)
YES_NO: dict[bool, tuple[str, str, tuple[str, ...]]] = {
    True: ("yes", "是", ("y", "true", "1", "强检", "√", "✓")),
    False: ("no", "否", ("n", "false", "0", "非强检", "不强检", "×")),
}


#: Quantity key (as stored) -> (English label, Chinese label), as the GUI's Labels catalogue words
#: them.  Quantities are free text in the register: a key not listed is shown as stored.
QUANTITIES: dict[str, tuple[str, str]] = {
    "DC voltage": ("DC voltage", "直流电压"),
    "AC voltage": ("AC voltage", "交流电压"),
    "DC current": ("DC current", "直流电流"),
    "AC current": ("AC current", "交流电流"),
    "resistance": ("Resistance", "电阻"),
    "temperature": ("Temperature", "温度"),
    "pressure": ("Pressure", "压力"),
    "mass": ("Mass", "质量"),
    "length": ("Length", "长度"),
    "humidity": ("Humidity", "湿度"),
    "frequency": ("Frequency", "频率"),
    "force": ("Force", "力"),
}


def quantity_label(key: str | None, language: Language) -> str:
    """A quantity in ``language`` ("温度" for ``temperature``); unknown keys as stored."""
    if not key:
        return ""
    if key in QUANTITIES:
        return pick(*QUANTITIES[key], language)
    return key


def quantity_key(text: str, known: tuple[str, ...] | list[str] = ()) -> str | None:
    """The stored key a user's ``text`` names: a key, or its English or Chinese label.

    ``known`` adds the keys found in the database (free-text quantities match themselves).
    None when nothing matches.
    """
    wanted = lookup_key(text)
    if not wanted:
        return None
    for key in (*QUANTITIES, *known):
        en, zh = QUANTITIES.get(key, (key, key))
        if wanted in (lookup_key(key), lookup_key(en), lookup_key(zh), lookup_key(f"{zh} / {en}")):
            return str(key)
    return None


def lookup_key(text: str) -> str:
    """Fold a label for matching: case-, width- and whitespace-insensitive."""
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


def enum_label(value: object, language: Language) -> str:
    """The label of an enum value (or of a bool as yes/no) in ``language``; other values as text."""
    if isinstance(value, bool):
        en, zh, _ = YES_NO[value]
        return pick(en, zh, language)
    if isinstance(value, StrEnum) and _k(value) in LABELS:
        en, zh, _ = LABELS[_k(value)]
        return pick(en, zh, language)
    return "" if value is None else str(value)


def synonyms_for(enum: type[E]) -> dict[str, E]:
    """Every accepted spelling (value, labels, bilingual label, synonyms) of ``enum``'s members."""
    table: dict[str, E] = {}
    for member in enum:
        en, zh, extra = LABELS.get(_k(member), (member.value, member.value, ()))
        for text in (member.value, member.value.replace("_", " "), en, zh, f"{zh} / {en}", *extra):
            table.setdefault(lookup_key(text), member)
    return table


def yes_no_synonyms() -> dict[str, bool]:
    """Every accepted spelling of yes / no."""
    table: dict[str, bool] = {}
    for flag, (en, zh, extra) in YES_NO.items():
        for text in (en, zh, f"{zh} / {en}", *extra):
            table[lookup_key(text)] = flag
    return table
