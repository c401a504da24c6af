"""A workbook refused by the limits is worded in the user's language wherever the UI shows it
(``describe``), from the error's own English and Chinese sentences; the new validation codes
have their sentence."""

from __future__ import annotations

from pathlib import Path

from labapp.domain.errors import ValidationError
from labapp.io.excel._limits import WorkbookLimitError
from labapp.ui.common import i18n
from labapp.ui.common.errors import describe


def test_limit_error_in_english_and_chinese() -> None:
    error = WorkbookLimitError("too_many_rows", Path("ledger.xlsx"), part="sheet1", found=1048576,
                               limit=200000)  # fmt: skip
    assert describe(error) == error.message_en
    assert "1048576" in error.message_en and "200000" in error.message_en
    i18n.install_language("zh_CN")
    assert describe(error) == error.message_zh
    assert "行" in error.message_zh


def test_number_and_temperature_codes_are_worded() -> None:
    out = ValidationError("temperature", "…", code="below_absolute_zero", params={"text": "-5 K"})
    assert describe(out) == (
        "Temperature: “-5 K” is below absolute zero (a temperature difference is written in Δ°C)."
    )
    big = ValidationError("reference", "…", code="out_of_range", params={"text": "1e-150000000 V"})
    assert "“1e-150000000 V” is out of range" in describe(big)
