"""Quantities in files: a stored key shown by its label, and any spelling read back as the key."""

from __future__ import annotations

import pytest

from labapp.io.excel import quantity_key, quantity_label


@pytest.mark.parametrize(
    ("key", "en", "zh", "both"),
    [
        ("temperature", "Temperature", "温度", "温度 / Temperature"),
        ("length", "Length", "长度", "长度 / Length"),
        ("DC voltage", "DC voltage", "直流电压", "直流电压 / DC voltage"),
    ],
)
def test_label_and_back(key: str, en: str, zh: str, both: str) -> None:
    assert (quantity_label(key, "en"), quantity_label(key, "zh_CN")) == (en, zh)
    assert quantity_label(key, "bilingual") == both
    for spelling in (key, en, zh, both, f"  {zh.upper()} ", en.upper()):
        assert quantity_key(spelling) == key


def test_free_text_quantities() -> None:
    assert quantity_label("torque", "zh_CN") == "torque"  # not in the table: as stored
    assert quantity_label(None, "en") == ""
    assert quantity_key("扭矩") is None and quantity_key("") is None
    assert quantity_key("Torque", ["torque"]) == "torque"
