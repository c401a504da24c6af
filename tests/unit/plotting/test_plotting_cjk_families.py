"""The one CJK family list covers Windows, macOS and Linux, and picks what a system has."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from matplotlib import font_manager

from labapp.plotting import fonts

#: What each platform ships (a recent macOS: matplotlib's font list often misses PingFang SC).
PLATFORMS = {
    "windows": (["Arial", "SimHei", "Microsoft YaHei"], "Microsoft YaHei"),
    "macos": (["Helvetica", "Heiti SC", "Hiragino Sans GB"], "Hiragino Sans GB"),
    "macos, Heiti only": (["Helvetica", "Heiti SC"], "Heiti SC"),
    "macos with PingFang": (["Hiragino Sans GB", "PingFang SC"], "PingFang SC"),
    "debian": (["DejaVu Sans", "WenQuanYi Micro Hei"], "WenQuanYi Micro Hei"),
    "fedora": (["DejaVu Sans", "Noto Sans CJK SC"], "Noto Sans CJK SC"),
}


def test_the_list_names_every_platforms_families() -> None:
    wanted = {"PingFang SC", "Hiragino Sans GB", "Heiti SC", "Microsoft YaHei", "SimHei",
              "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei"}  # fmt: skip
    assert wanted <= set(fonts.CJK_FAMILIES)
    assert len(set(fonts.CJK_FAMILIES)) == len(fonts.CJK_FAMILIES)


@pytest.mark.parametrize("platform", sorted(PLATFORMS))
def test_a_systems_own_family_is_found(platform: str, monkeypatch: pytest.MonkeyPatch) -> None:
    installed, expected = PLATFORMS[platform]
    listed = [SimpleNamespace(name=name) for name in installed]
    monkeypatch.setattr(font_manager.fontManager, "ttflist", listed)
    assert fonts.find_cjk_family() == expected
