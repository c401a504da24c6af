"""Font configuration and the rule that chart builders never import pyplot."""

from __future__ import annotations

import subprocess
import sys

import matplotlib
import pytest

from labapp.plotting import fonts

MODULES = ["drift", "control", "comparison", "trend", "fonts", "style"]


@pytest.mark.parametrize("module", MODULES)
def test_builders_do_not_import_pyplot(module: str) -> None:
    code = (
        f"import sys, labapp.plotting.{module}\n"
        "assert 'matplotlib.pyplot' not in sys.modules, 'pyplot imported'\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_configure_puts_the_cjk_family_first_once() -> None:
    family = fonts.configure_matplotlib_fonts()
    if family is None:
        pytest.skip("no CJK font installed")
    assert family in fonts.CJK_FAMILIES
    assert fonts.configure_matplotlib_fonts() == family  # idempotent
    sans = matplotlib.rcParams["font.sans-serif"]
    assert sans[0] == family and sans.count(family) == 1
    assert matplotlib.rcParams["axes.unicode_minus"] is False


def test_wenquanyi_is_found_on_this_machine_kind() -> None:
    # CI installs fonts-wqy-microhei (ECOSYSTEM trap 2); another preferred family may come first.
    assert fonts.find_cjk_family() is not None


def test_no_cjk_font_leaves_rcparams(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts, "find_cjk_family", lambda: None)
    before = list(matplotlib.rcParams["font.sans-serif"])
    assert fonts.configure_matplotlib_fonts() is None
    assert matplotlib.rcParams["font.sans-serif"] == before
