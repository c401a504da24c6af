"""Column widths of a printed table: no date, number, tag or word is broken across two lines.

Each column is at least as wide as its widest unbreakable piece of text (a date, a number tied to
its unit by :func:`keep_units`, an asset tag, a Latin word of the header or a cell) plus the cell
padding;
Chinese wraps between any two characters, so a Chinese run counts only a few characters.  What
the page has left is shared by the columns' weights.  When the minimums of all columns exceed
the page, the columns are split into parts that each fit, every part repeating the key columns.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from labapp.io.pdf._layout import ensure_font

__all__ = ["WidthCache", "column_parts", "keep_units", "min_widths", "part_widths", "plain_lines"]

PADDING = 12.0 + 1.0  # ReportLab's default left and right cell padding, and a point to spare
MAX_TOKEN = 45 * mm  # a longer piece (a URL, a long code) may wrap rather than crowd the page
CJK_RUN = 4  # a run of Chinese characters needs room for this many of them on a line
NBSP = "\u00a0"  # ReportLab never breaks a line there
# a number, a space, then a unit symbol ("1000 V", "±0.25 A", "6.2 µV", "20 °C", "0.05 %")
_NUMBER_UNIT = re.compile(r"(\d) (?=[A-Za-zµΩ°%‰℃][A-Za-zµΩ°/²³·]{0,5}(?:[\s,;)]|$))")
_BREAKS = re.compile(r"[ \t\n]+")  # where a line may break (not at NBSP)


def keep_units(text: str) -> str:
    """``text`` with each number tied to its unit: "1000 V" never prints as "1000" / "V"."""
    return _NUMBER_UNIT.sub(lambda m: m.group(1) + NBSP, text)


def _is_cjk(char: str) -> bool:
    return "\u2e80" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff" or char >= "\uff00"


def _piece_width(piece: str, font: str, size: float) -> float:
    if any(_is_cjk(c) for c in piece):
        latin = "".join(c for c in piece if not _is_cjk(c))
        return max(float(stringWidth(latin, font, size)), CJK_RUN * size)
    return float(stringWidth(piece, font, size))


class WidthCache:
    """Widths of strings in one font and size, each distinct string measured once: a register
    repeats the same words (a status, a model, a unit) thousands of times, and measuring is
    slow in pure-Python ReportLab."""

    def __init__(self, font: str, size: float) -> None:
        self.font, self.size = font, size
        self._known: dict[str, float] = {}

    def __call__(self, text: str) -> float:
        width = self._known.get(text)
        if width is None:
            width = self._known[text] = float(stringWidth(text, self.font, self.size))
        return width


def plain_lines(text: str, room: float, width: WidthCache) -> str | None:
    """``text`` broken at spaces into lines no wider than ``room`` (joined by newlines), as a
    paragraph would break it; None when a paragraph must draw it instead (Chinese text, which
    breaks between characters, a tab, or a piece wider than ``room``)."""
    if "\t" in text or any(_is_cjk(c) for c in text):
        return None
    space = width(" ")
    lines: list[str] = []
    for given in text.split("\n"):
        line: list[str] = []
        used = 0.0
        for word in given.split(" "):
            wide = width(word)
            if wide > room:
                return None
            if line and used + space + wide > room:
                lines.append(" ".join(line))
                line, used = [], 0.0
            used += (space if line else 0.0) + wide
            line.append(word)
        lines.append(" ".join(line))
    return "\n".join(lines)


def min_widths(headers: Sequence[str], rows: Sequence[Sequence[str]], size: float) -> list[float]:
    """The narrowest width of each column that breaks none of its pieces of text."""
    font = ensure_font()
    out = []
    for col, header in enumerate(headers):
        pieces = set(_BREAKS.split(header))
        for row in rows:
            pieces.update(_BREAKS.split(row[col]))
        widest = max((_piece_width(p, font, size) for p in pieces), default=0.0)
        out.append(min(widest, MAX_TOKEN) + PADDING)
    return out


def column_parts(minimum: Sequence[float], width: float, key_columns: int = 1) -> list[list[int]]:
    """Column indexes of each part: all columns when they fit ``width``, else parts that fit,
    each starting with the key columns."""
    if sum(minimum) <= width:
        return [list(range(len(minimum)))]
    keys = list(range(min(key_columns, len(minimum))))
    room = width - sum(minimum[k] for k in keys)
    parts: list[list[int]] = []
    current: list[int] = []
    used = 0.0
    for col in range(len(keys), len(minimum)):
        if current and used + minimum[col] > room:
            parts.append(keys + current)
            current, used = [], 0.0
        current.append(col)
        used += minimum[col]
    if current:
        parts.append(keys + current)
    return parts


def part_widths(minimum: Sequence[float], weights: Sequence[float], width: float) -> list[float]:
    """Each column's minimum, plus its weight's share of what the page has left."""
    spare = max(width - sum(minimum), 0.0)
    total = sum(weights) or 1.0
    return [m + spare * w / total for m, w in zip(minimum, weights, strict=True)]
