"""Shared PDF pieces: the embedded font, paragraph styles, and pages numbered "page x of y".

One TrueType font that covers Chinese and Latin (WenQuanYi Micro Hei, shipped in
``resources/fonts`` with its licence) is embedded as a subset in every PDF LabApp writes, so a
certificate looks the same on every workstation and never depends on the fonts a machine has.
The font has no bold face; headings are drawn with a stroked outline (:class:`HeavyText`).

"Page x of y" needs the page count before the first page is finished: :func:`numbered_canvas`
keeps every page's state and draws the header and footer on all pages when the document is saved
(the usual ReportLab two-pass pattern).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, TableStyle

from labapp.io.certificates import CertificateError
from labapp.io.excel import Language, pick
from labapp.paths import resources_dir

__all__ = [
    "FONT",
    "MIN_FONT_SIZE",
    "HeavyText",
    "PageDecor",
    "ensure_font",
    "font_path",
    "grid_style",
    "numbered_canvas",
    "para",
    "styles",
]

FONT = "LabAppSans"
FONT_FILE = "WenQuanYiMicroHei.ttf"
MIN_FONT_SIZE = 8.0  # nothing LabApp prints is smaller
GRID = colors.HexColor("#7f7f7f")
SHADE = colors.HexColor("#eef1f5")
_lock = threading.Lock()


def font_path() -> Any:
    """The shipped CJK + Latin TrueType font."""
    return resources_dir() / "fonts" / FONT_FILE


def ensure_font() -> str:
    """Register the font with ReportLab once per process and return its name.

    Raises
    ------
    CertificateError
        ``font``: the font file is missing or unreadable (a broken installation).
    """
    with _lock:
        if FONT not in pdfmetrics.getRegisteredFontNames():
            path = font_path()
            try:
                pdfmetrics.registerFont(TTFont(FONT, str(path)))
            except (OSError, TTFError) as exc:
                raise CertificateError("font", {"path": str(path)}) from exc
    return FONT


def styles(language: Language, size: float = 9.0) -> dict[str, ParagraphStyle]:
    """Paragraph styles in the embedded font; Chinese text wraps between any two characters."""
    font = ensure_font()
    size = max(size, MIN_FONT_SIZE)
    wrap = None if language == "en" else "CJK"
    base = ParagraphStyle("body", fontName=font, fontSize=size, leading=size * 1.35, wordWrap=wrap)
    return {
        "body": base,
        "small": ParagraphStyle("small", base, fontSize=MIN_FONT_SIZE, leading=MIN_FONT_SIZE * 1.3),
        "cell": ParagraphStyle("cell", base, fontSize=size - 0.5, leading=(size - 0.5) * 1.25),
        "head": ParagraphStyle("head", base, fontSize=size - 0.5, leading=(size - 0.5) * 1.25),
        "center": ParagraphStyle("center", base, alignment=TA_CENTER),
        "h2": ParagraphStyle(
            "h2", base, fontSize=size + 2, leading=(size + 2) * 1.4, spaceBefore=6, spaceAfter=3
        ),
    }


def para(text: str, style: ParagraphStyle, *, markup: bool = False) -> Paragraph:
    """A paragraph of ``text``; plain text is escaped (a customer named "A&B <Ltd>" prints)."""
    body = text if markup else escape(text).replace("\n", "<br/>")
    return Paragraph(body, style)


class HeavyText(Flowable):  # type: ignore[misc]
    """Centred lines drawn filled and stroked: a bold look from a font with no bold face."""

    def __init__(self, lines: list[str], size: float, *, space_after: float = 4.0) -> None:
        super().__init__()
        self.lines = lines
        self.size = size
        self.space_after = space_after

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = len(self.lines) * self.size * 1.3 + self.space_after
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setFont(ensure_font(), self.size)
        canvas.setLineWidth(self.size / 40)
        y = self.height - self.size
        for line in self.lines:
            text = canvas.beginText()
            text.setTextRenderMode(2)  # fill and stroke
            text.setFont(ensure_font(), self.size)
            width = pdfmetrics.stringWidth(line, ensure_font(), self.size)
            text.setTextOrigin((self.width - width) / 2, y)
            text.textOut(line)
            canvas.drawText(text)
            y -= self.size * 1.3
        canvas.restoreState()


@dataclass(frozen=True)
class PageDecor:
    """What every page carries: a header left and right, and "page x of y" in the footer."""

    language: Language
    header_left: str = ""
    header_right: str = ""
    footer_left: str = ""
    margin: float = 18 * mm


def page_label(language: Language, page: int, total: int) -> str:
    """第 x 页 共 y 页 / Page x of y."""
    return pick(f"Page {page} of {total}", f"第 {page} 页 共 {total} 页", language)


def numbered_canvas(decor: PageDecor) -> Callable[..., Canvas]:
    """A ReportLab ``canvasmaker`` drawing ``decor`` on every page once the page count is known."""

    class _NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            if not kwargs.get("initialFontName"):  # else an unembedded Helvetica is referenced
                kwargs["initialFontName"] = ensure_font()
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                _decorate(self, decor, number, total)
                super().showPage()
            super().save()

    return _NumberedCanvas


def _decorate(canvas: Canvas, decor: PageDecor, page: int, total: int) -> None:
    font = ensure_font()
    width, height = canvas._pagesize
    left, right = decor.margin, width - decor.margin
    top = height - 12 * mm
    canvas.saveState()
    canvas.setFont(font, 9)
    canvas.drawString(left, top, decor.header_left)
    canvas.drawRightString(right, top, decor.header_right)
    canvas.setStrokeColor(GRID)
    canvas.setLineWidth(0.5)
    canvas.line(left, top - 2.5 * mm, right, top - 2.5 * mm)
    canvas.line(left, 14 * mm, right, 14 * mm)
    canvas.setFont(font, MIN_FONT_SIZE)
    if decor.footer_left:
        canvas.drawString(left, 10 * mm, decor.footer_left)
    canvas.drawRightString(right, 10 * mm, page_label(decor.language, page, total))
    canvas.restoreState()


def grid_style(*, header: bool = False, label_column: bool = False) -> TableStyle:
    """Thin grey grid; a shaded header row and/or label column."""
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), ensure_font(), 9),  # the table's default is Helvetica
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), SHADE))
    if label_column:
        commands.append(("BACKGROUND", (0, 0), (0, -1), SHADE))
    return TableStyle(commands)
