"""A matplotlib chart drawn off the GUI thread: the worker renders it, the page shows the picture.

:class:`~labapp.ui.common.chart_canvas.ChartCanvas` draws with ``FigureCanvasQTAgg`` on the GUI
thread: 170-230 ms of GUI-thread CPU per redraw (constrained layout, then the text), and again on
every resize (issue #17).  :class:`ChartImage` instead hands a drawing function to the worker
(:func:`render_chart`: a fresh :class:`~matplotlib.figure.Figure`, the ``labapp.plotting`` builder,
Agg), and the GUI thread only paints the finished :class:`~PySide6.QtGui.QImage`.  A resize shows
the old picture scaled at once and renders again at the new size once the resizing stops.

What the user keeps: a click inside the axes is reported in data coordinates (:attr:`clicked`),
the tooltip is the widget's, and "Export PNG/PDF/SVG…" writes the last rendered figure.  What it
has not: matplotlib's pan/zoom toolbar (the charts using this widget show one year of bars).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QEvent, QPointF, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QMouseEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget
from shiboken6 import isValid

from labapp.plotting.fonts import configure_matplotlib_fonts
from labapp.ui.common.chart_canvas import ask_chart_path, save_figure

__all__ = ["ChartImage", "RenderedChart", "render_chart"]

log = logging.getLogger(__name__)

# Draws on a cleared, constrained-layout figure (a ``labapp.plotting`` builder, bound to its data).
Draw = Callable[[Figure], Any]
# Runs a job off the GUI thread and calls back on it (``Worker.submit``).
Submit = Callable[..., Any]

DPI = 100.0  # matplotlib's (and FigureCanvasQTAgg's) dots per logical pixel inch
RESIZE_DEBOUNCE_MS = 150
HIDDEN_SIZE = (600, 360)  # logical pixels, for a chart not shown yet


@dataclass(frozen=True)
class RenderedChart:
    """A figure rendered by :func:`render_chart`; nobody draws on ``figure`` afterwards."""

    image: QImage  # RGBA, device pixels, its devicePixelRatio set
    figure: Figure
    width: int  # logical pixels asked for
    height: int


def render_chart(draw: Draw, width: int, height: int, ratio: float = 1.0) -> RenderedChart:
    """Build a ``width`` x ``height`` (logical pixels) figure with ``draw`` and render it with Agg.

    No Qt widget is touched: this runs on the worker.  The CJK family is set first, so Chinese
    titles and labels never render as boxes.
    """
    configure_matplotlib_fonts()
    width, height = max(width, 50), max(height, 50)
    figure = Figure(figsize=(width / DPI, height / DPI), dpi=DPI * ratio, layout="constrained")
    draw(figure)
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    buffer = canvas.buffer_rgba()
    rows, columns = buffer.shape[0], buffer.shape[1]
    image = QImage(bytes(buffer), columns, rows, 4 * columns, QImage.Format.Format_RGBA8888)
    image = image.copy()  # owns its pixels (the bytes object above is temporary)
    image.setDevicePixelRatio(ratio)
    return RenderedChart(image, figure, width, height)


class ChartImage(QWidget):
    """A chart rendered on the worker and painted as an image, with an export button.

    ``submit`` runs a job off the GUI thread (the session's ``worker.submit``: the one worker,
    so matplotlib is never used by two threads at once).  :meth:`show_chart` renders ``draw`` at
    the widget's size; :attr:`rendered` says when the picture is shown.
    """

    rendered = Signal(object)  # the RenderedChart now shown
    clicked = Signal(float, float)  # data coordinates (x, y) of a click inside the first axes

    def __init__(self, submit: Submit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._submit = submit
        self._draw: Draw | None = None
        self._chart: RenderedChart | None = None
        self._in_flight = False
        self._stale = False  # asked again (new data, new size) while a render was in flight
        self._resized = QTimer(self)
        self._resized.setSingleShot(True)
        self._resized.setInterval(RESIZE_DEBOUNCE_MS)
        self._resized.timeout.connect(self._render)
        self.export_button = QPushButton()
        self.export_button.setObjectName("exportChart")
        self.export_button.clicked.connect(self._ask_export)
        self.export_button.setEnabled(False)
        self.picture = _Picture(self)
        bar = QHBoxLayout()
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.picture, 1)
        self.retranslate_ui()

    @property
    def figure(self) -> Figure | None:
        """The figure shown (the last rendered), or None before the first render."""
        return None if self._chart is None else self._chart.figure

    @property
    def image(self) -> QImage | None:
        """The picture shown, or None before the first render."""
        return None if self._chart is None else self._chart.image

    def retranslate_ui(self) -> None:
        """Set the button's text in the current language."""
        self.export_button.setText(self.tr("Export PNG/PDF/SVG…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def setToolTip(self, text: str) -> None:
        self.picture.setToolTip(text)

    def show_chart(self, draw: Draw) -> None:
        """Render ``draw`` on the worker at the picture's size, then show it."""
        self._draw = draw
        self._render()

    def _render(self) -> None:
        if self._draw is None:
            return
        if self._in_flight:
            self._stale = True
            return
        self._in_flight, self._stale = True, False
        draw, ratio = self._draw, self.picture.devicePixelRatioF()
        width, height = self.picture.width(), self.picture.height()
        if not self.picture.isVisible():  # a hidden tab is not laid out yet: ChartCanvas's size
            width, height = HIDDEN_SIZE  # (its resize when shown renders at the real size)
        self._submit(lambda: render_chart(draw, width, height, ratio), self._shown, self._failed)

    def _shown(self, chart: RenderedChart) -> None:
        if not isValid(self):  # the page was closed while the worker rendered
            return
        self._in_flight = False
        if self._stale:  # newer data or another size came meanwhile: that one, not this
            self._render()
            return
        self._chart = chart
        self.export_button.setEnabled(True)
        self.picture.update()
        self.rendered.emit(chart)

    def _failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        self._in_flight = False
        log.error("chart not rendered", exc_info=exc)  # the old picture stays
        if self._stale:
            self._render()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        # a tab shown: rendered while hidden (HIDDEN_SIZE) or resized meanwhile: again, now
        chart, size = self._chart, (self.picture.width(), self.picture.height())
        if self._draw is not None and (chart is None or (chart.width, chart.height) != size):
            self._render()

    def hideEvent(self, event: Any) -> None:
        self._resized.stop()  # a window closing resizes its children: no render for that
        super().hideEvent(event)

    def _resized_to(self, width: int, height: int) -> None:
        if not self.isVisible():  # rendered at the real size when shown (its resize comes then)
            return
        chart = self._chart
        if self._draw is not None and (
            chart is None or (chart.width, chart.height) != (width, height)
        ):
            self._resized.start()

    def click_at(self, point: QPointF) -> tuple[float, float] | None:
        """The data coordinates of the picture's ``point`` in the first axes, or None outside."""
        chart = self._chart
        if chart is None or not chart.figure.axes:
            return None
        image = chart.image
        # the picture may be a scaled older image while a resize renders: map through the scale
        x = point.x() * image.width() / max(self.picture.width(), 1)
        y = image.height() - point.y() * image.height() / max(self.picture.height(), 1)
        ax = chart.figure.axes[0]
        if not ax.bbox.contains(x, y):
            return None
        data_x, data_y = ax.transData.inverted().transform((x, y))
        return float(data_x), float(data_y)

    def export(self, path: str | Path) -> Path:
        """Write the shown figure to ``path``; the suffix (.png, .pdf, .svg) picks the format."""
        if self._chart is None:
            raise ValueError("no chart rendered yet")
        return save_figure(self._chart.figure, path)

    def _ask_export(self) -> None:
        path = ask_chart_path(self)
        if path is not None:
            self.export(path)


class _Picture(QWidget):
    """Paints the chart's image (scaled while a resize renders); reports clicks."""

    def __init__(self, chart: ChartImage) -> None:
        super().__init__(chart)
        self.chart = chart
        self.setObjectName("chartPicture")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().base())
        image = self.chart.image
        if image is not None:
            painter.drawImage(QRect(0, 0, self.width(), self.height()), image)
        painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.chart._resized_to(self.width(), self.height())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            where = self.chart.click_at(event.position())
            if where is not None:
                self.chart.clicked.emit(*where)
        super().mousePressEvent(event)
