"""CJK font choice: Chinese must never render as boxes, in Qt widgets or in matplotlib figures.

Qt's font is set at start-up; matplotlib's when a chart is first drawn (the chart canvas and the
figure builders call :func:`labapp.plotting.fonts.configure_matplotlib_fonts`), so start-up does
not load matplotlib.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication

from labapp.plotting.fonts import CJK_FAMILIES


def find_cjk_family() -> str | None:
    """The first of :data:`CJK_FAMILIES` installed on this system, or None."""
    installed = set(QFontDatabase.families())
    return next((family for family in CJK_FAMILIES if family in installed), None)


def apply_cjk_font(app: QApplication) -> str | None:
    """Add the system's CJK family as fallback of the application font (matplotlib: on first use).

    The Latin family stays the platform's; the CJK family follows it in the font's family list, so
    Qt takes Chinese glyphs from it.  Returns the family used (None: no CJK font installed).
    """
    family = find_cjk_family()
    if family is None:
        return None
    font = QFont(app.font())
    # Resolve aliases such as "Sans Serif" first: Qt skips a family list entry it cannot find and
    # would draw Latin text with the CJK family too.
    latin = QFontInfo(font).family()
    font.setFamilies([latin, family] if latin != family else [family])
    app.setFont(font)
    return family
