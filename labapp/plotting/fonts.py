"""A CJK font for matplotlib, so Chinese titles and labels never render as boxes.

Found through :mod:`matplotlib.font_manager` (no Qt), so plotting works the same in the GUI, the
CLI and the tests.
"""

from __future__ import annotations

__all__ = ["CJK_FAMILIES", "configure_matplotlib_fonts", "find_cjk_family"]

#: Preferred Simplified Chinese families, best first: Windows (Microsoft YaHei), macOS (PingFang
#: SC; Hiragino Sans GB and Heiti SC where a font list cannot see PingFang, as matplotlib's often
#: cannot on a recent macOS), Linux (Noto Sans CJK SC / Source Han Sans SC, WenQuanYi Micro Hei),
#: then Windows' older SimHei.  The one list for Qt (labapp.ui.common.fonts) and matplotlib alike.
CJK_FAMILIES = (
    "Microsoft YaHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "Heiti SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "SimHei",
)


def find_cjk_family() -> str | None:
    """The first of :data:`CJK_FAMILIES` that matplotlib's font manager knows, or None."""
    from matplotlib import font_manager  # here: the Qt side imports CJK_FAMILIES at start-up

    installed = {entry.name for entry in font_manager.fontManager.ttflist}
    return next((family for family in CJK_FAMILIES if family in installed), None)


def configure_matplotlib_fonts() -> str | None:
    """Put the system's CJK family first in ``font.sans-serif``; turn off the Unicode minus.

    Idempotent: calling it again leaves one entry of the family, first.  ``axes.unicode_minus``
    is switched off because several CJK fonts have no U+2212 glyph.

    Returns
    -------
    str or None
        The family used, or None when no CJK family is installed (rcParams are then unchanged).
    """
    family = find_cjk_family()
    if family is None:
        return None
    import matplotlib

    rc = matplotlib.rcParams
    rc["font.sans-serif"] = [family, *(f for f in rc["font.sans-serif"] if f != family)]
    rc["font.family"] = ["sans-serif"]
    rc["axes.unicode_minus"] = False
    return family
