"""A matplotlib chart in a Qt page: canvas, navigation toolbar and "Export PNG/PDF/SVG".

The plotting layer builds on a :class:`matplotlib.figure.Figure` (never ``pyplot``); a page clears
:attr:`ChartCanvas.figure`, draws on it with a ``labapp.plotting`` builder, then calls
:meth:`ChartCanvas.redraw`.  :meth:`ChartCanvas.export` writes the figure as the file name's
suffix says (.png, .pdf or .svg) and is what the export button uses.

It draws on the GUI thread (170-230 ms per redraw at 100k, issue #17): the pages whose chart
follows their data (Overview, checks, comparisons, PT plan) use
:class:`~labapp.ui.common.chart_image.ChartImage` instead, rendered on the worker; this live canvas
stays where pan and zoom matter (the drift window).
"""

from __future__ import annotations

from pathlib import Path

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg, NavigationToolbar2QT
from matplotlib.figure import Figure
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from labapp.plotting.fonts import configure_matplotlib_fonts

__all__ = ["EXPORT_SUFFIXES", "ChartCanvas", "ask_chart_path", "save_figure"]

# File types that ChartCanvas.export writes.
EXPORT_SUFFIXES = (".png", ".pdf", ".svg")


def save_figure(figure: Figure, path: str | Path) -> Path:
    """Write ``figure`` to ``path``; the suffix (.png, .pdf, .svg) picks the format."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in EXPORT_SUFFIXES:
        raise ValueError(f"export as .png, .pdf or .svg, not {suffix or 'no suffix'!r}")
    figure.savefig(target, format=suffix[1:], dpi=150)
    return target


def ask_chart_path(parent: QWidget) -> str | None:
    """Where to export a chart, from a save dialog (the chosen type's suffix added when missing)."""
    words = (
        QCoreApplication.translate("ChartCanvas", "PNG image (*.png)"),
        QCoreApplication.translate("ChartCanvas", "PDF document (*.pdf)"),
        QCoreApplication.translate("ChartCanvas", "SVG image (*.svg)"),
    )
    title = QCoreApplication.translate("ChartCanvas", "Export chart")
    path, chosen = QFileDialog.getSaveFileName(parent, title, "", ";;".join(words))
    if not path:
        return None
    if Path(path).suffix.lower() not in EXPORT_SUFFIXES:
        path += "." + chosen.split("*.")[-1].rstrip(")")
    return path


class ChartCanvas(QWidget):
    """A figure with matplotlib's navigation toolbar and an export button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        configure_matplotlib_fonts()  # Chinese labels must not render as boxes
        self.figure = Figure(figsize=(6.0, 3.6), layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.toolbar = NavigationToolbar2QT(self.canvas, self)
        self.export_button = QPushButton()
        self.export_button.setObjectName("exportChart")
        self.export_button.clicked.connect(self._ask_export)
        bar = QHBoxLayout()
        bar.addWidget(self.toolbar, 1)
        bar.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.canvas, 1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set the button's text in the current language."""
        self.export_button.setText(self.tr("Export PNG/PDF/SVG…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def redraw(self) -> None:
        """Repaint after the figure was changed (and reset the toolbar's zoom history)."""
        self.toolbar.update()
        self.canvas.draw_idle()

    def export(self, path: str | Path) -> Path:
        """Write the figure to ``path``; the suffix (.png, .pdf, .svg) picks the format."""
        return save_figure(self.figure, path)

    def _ask_export(self) -> None:
        path = ask_chart_path(self)
        if path is not None:
            self.export(path)
