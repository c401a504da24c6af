"""Cell-level rules shared by the Excel writers: number formats from reported digits, text widths,
and text that stays text.

Reported digits are data ("10.00 V" is not "10 V"), but Excel stores a float.  The digits survive
as the cell's ``number_format``, built from the ``Decimal``'s exponent by
:func:`decimal_number_format`.

Formula injection (OWASP "CSV injection"): a custodian named ``=cmd|' /C calc'!A0`` must come
back as that text, never as a live formula.  Every xlsxwriter workbook is made by
:func:`xlsx_workbook` (``strings_to_formulas`` and ``strings_to_urls`` off) and every text goes
through ``write_string``; the one openpyxl writer (the error workbook) appends rows with
:func:`append_text_row`, which marks each text cell as a string.  The text is kept exactly as
typed (no quote put in front), so a round trip imports the same text back.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterable, Mapping
from decimal import Decimal
from functools import lru_cache
from typing import Any

__all__ = [
    "SCIENTIFIC_MIN",
    "append_text_row",
    "decimal_number_format",
    "display_width",
    "fitting_title",
    "sheet_title",
    "xlsx_workbook",
]

#: xlsxwriter options of every workbook LabApp writes: text is never turned into a formula, a
#: hyperlink or a number (only ``write()`` would, and LabApp uses the typed ``write_*`` methods).
SAFE_OPTIONS: dict[str, Any] = {
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
}


def xlsx_workbook(path: str | os.PathLike[str], options: Mapping[str, Any] | None = None) -> Any:
    """A new xlsxwriter workbook with :data:`SAFE_OPTIONS` (``options`` add to them)."""
    import xlsxwriter  # here: importing the cell rules loads no writer

    return xlsxwriter.Workbook(os.fspath(path), {**(options or {}), **SAFE_OPTIONS})


def append_text_row(sheet: Any, values: Iterable[object]) -> None:
    """Append a row to an openpyxl sheet, every ``str`` kept as a text cell.

    openpyxl makes any text starting with ``=`` a formula; setting ``data_type`` to ``"s"`` after
    the assignment writes it as an (inline) string with the same characters.
    """
    row = list(values)
    sheet.append(row)
    for cell, value in zip(sheet[sheet.max_row], row, strict=False):
        if isinstance(value, str):
            cell.data_type = "s"


SCIENTIFIC_MIN = Decimal("1e-6")
_MAX_FIXED_EXPONENT = 9
_BAD_TITLE_CHARS = str.maketrans({c: "_" for c in "[]:*?/\\"})


def decimal_number_format(d: Decimal) -> str:
    """The Excel number format that shows a decimal with exactly its reported digits.

    The rule: a finite value with exponent ``e`` (``Decimal("10.00")`` has ``e = -2``) gets ``"0"``
    when ``e >= 0`` and ``"0."`` followed by ``-e`` zeros otherwise (``"0.00"``).  When ``|e| > 9``
    or the value is non-zero and smaller than ``1e-6`` in magnitude, fixed notation would show a
    wall of zeros (or hide digits), so the format is scientific and keeps the significant digits:
    ``Decimal("1.20E-7")`` → ``"0.00E+00"``, ``Decimal("1E+10")`` → ``"0E+00"``.

    Parameters
    ----------
    d : Decimal
        A finite decimal with the digits as reported.

    Returns
    -------
    str
        An Excel ``number_format`` string.

    Raises
    ------
    ValueError
        For NaN or infinity (Excel has no such numbers).
    """
    if not d.is_finite():
        raise ValueError(f"{d} cannot be written as an Excel number")
    _sign, digits, exponent = d.as_tuple()
    assert isinstance(exponent, int)  # finite, so never 'n'/'N'/'F'
    small = bool(digits != (0,)) and d.adjusted() < -6  # |d| < 1e-6, without a comparison
    return _format_for(exponent, len(digits), small)


@lru_cache(maxsize=512)
def _format_for(exponent: int, n_digits: int, small: bool) -> str:
    # A positive exponent ("1.2E+5") has fewer reported digits than its fixed form shows.
    if small or exponent > 0 or abs(exponent) > _MAX_FIXED_EXPONENT:
        # Significant digits of the coefficient, trailing zeros included: they were reported.
        mantissa = "0" if n_digits <= 1 else "0." + "0" * (n_digits - 1)
        return mantissa + "E+00"
    return "0" if exponent >= 0 else "0." + "0" * (-exponent)


def display_width(text: str) -> int:
    """Width of text in Excel character units: a CJK (wide or full-width) character counts 2."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def fitting_title(title: str, limit: int = 31) -> str:
    """``title`` as a sheet name of at most ``limit`` characters, never cut inside a word.

    A bilingual title ``"中文 / English"`` becomes ``"中文 English"`` when that fits, else the
    Chinese part alone (the English words are not cut); a long title in one language is
    shortened at the last word boundary that fits.
    """
    title = " ".join(title.split())
    if " / " in title:
        zh, _, en = title.partition(" / ")
        for candidate in (f"{zh} {en}", zh):
            if len(candidate) <= limit:
                return candidate
        title = zh
    if len(title) <= limit:
        return title
    cut = title[: limit + 1].rsplit(" ", 1)[0].rstrip(" ,;:-·（(")
    return cut if 0 < len(cut) <= limit else title[:limit]


def sheet_title(title: str, taken: set[str]) -> str:
    """A valid, unique Excel sheet name (at most 31 characters, none of ``[]:*?/\\``).

    Long names are shortened by :func:`fitting_title`, at a word boundary, never mid-word.
    """
    base = fitting_title(title).translate(_BAD_TITLE_CHARS).strip("' ") or "Sheet"
    name, n = base, 2
    while name.casefold() in taken:
        suffix = f" ({n})"
        name, n = fitting_title(base, 31 - len(suffix)) + suffix, n + 1
    taken.add(name.casefold())
    return name
