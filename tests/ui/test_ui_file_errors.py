"""A file that cannot be read or written is worded in the user's language, never the system's."""

from __future__ import annotations

import errno
import os

import pytest

from labapp.ui.common import i18n
from labapp.ui.common.errors import _OS_REASONS, describe, os_reason


def _chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


@pytest.mark.parametrize("code", sorted(_OS_REASONS))
def test_every_known_reason_is_chinese_in_chinese(qapp, code: int) -> None:
    exc = OSError(code, os.strerror(code), "/nowhere/logo.png")
    assert i18n.install_language("zh_CN")
    try:
        text = describe(exc)
        assert _chinese(os_reason(exc))
        assert "logo.png" in text and _chinese(text)
        assert os.strerror(code) not in text  # the system's English sentence never shows
    finally:
        assert i18n.install_language("en")
    assert os_reason(exc) == _OS_REASONS[code]


def test_an_unknown_reason_gives_its_number(qapp) -> None:
    exc = OSError(errno.EIO, os.strerror(errno.EIO), "data.xlsx")
    assert str(errno.EIO) in os_reason(exc)
    assert i18n.install_language("zh_CN")
    try:
        assert _chinese(describe(exc)) and "data.xlsx" in describe(exc)
    finally:
        assert i18n.install_language("en")


def test_a_real_missing_file(qapp, tmp_path) -> None:
    with pytest.raises(OSError) as caught:
        (tmp_path / "gone.png").read_bytes()
    assert (
        describe(caught.value)
        == "The file gone.png cannot be used: it does not exist (moved or deleted?)"
    )
