"""Column and sheet specifications shared by the Excel writers and readers.

A :class:`SheetSpec` says what a data sheet holds: its title, its columns (:class:`ColumnSpec`) and
an *iterator* of rows, so an export streams rows from the database without holding them all.
Headers exist in English and Chinese; :func:`header_text` picks one or both for a language.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

__all__ = [
    "ColumnKind",
    "ColumnSpec",
    "Language",
    "SheetSpec",
    "header_text",
    "pick",
]

Language = Literal["en", "zh_CN", "bilingual"]
LANGUAGES: tuple[Language, ...] = ("en", "zh_CN", "bilingual")


class ColumnKind(StrEnum):
    """How a column's cells are written.

    ``QUANTITY`` cells are a number plus a unit: with ``ColumnSpec.unit`` set the unit goes into
    the header ("Range low (V)") and cells hold the number; without it each cell holds a value with
    its own unit (``Measured`` or a ``(value, unit)`` pair) and the unit gets a column of its own
    right after the number.
    """

    TEXT = "text"
    DATE = "date"
    DECIMAL = "decimal"
    INTEGER = "integer"
    QUANTITY = "quantity"
    ENUM = "enum"


@dataclass(frozen=True)
class ColumnSpec:
    """One column of a data sheet.

    Parameters
    ----------
    key : str
        Stable name in code (``"asset_tag"``).
    header_en, header_zh : str
        The header in English and in Simplified Chinese.
    kind : ColumnKind
        How cells are written (numbers stay numbers, dates stay dates).
    unit : str, optional
        A unit shared by the whole column, shown in the header.
    width_hint : int, optional
        A minimum width in characters.
    overdue_highlight : bool
        On a DATE column: highlight dates before TODAY() with a conditional format.
    """

    key: str
    header_en: str
    header_zh: str
    kind: ColumnKind = ColumnKind.TEXT
    unit: str | None = None
    width_hint: int | None = None
    overdue_highlight: bool = False


@dataclass(frozen=True)
class SheetSpec:
    """One data sheet: a title, its columns and an iterator of rows (one value per column).

    ``image`` is a PNG (a chart) placed right of the table, its top-left corner in row 2.
    """

    title: str
    columns: Sequence[ColumnSpec]
    rows: Iterable[Sequence[object]]
    filter_text: str = ""
    image: bytes | None = None


def pick(en: str, zh: str, language: Language) -> str:
    """Return the English text, the Chinese text, or ``"中文 / English"`` for ``bilingual``."""
    if language == "en":
        return en
    if language == "zh_CN":
        return zh
    if language == "bilingual":
        return f"{zh} / {en}"
    raise ValueError(f"unknown language {language!r}; expected one of {LANGUAGES}")


def header_text(column: ColumnSpec, language: Language) -> str:
    """The header of a column in ``language``, with the column's unit in parentheses if any."""
    text = pick(column.header_en, column.header_zh, language)
    return f"{text} ({column.unit})" if column.unit else text
