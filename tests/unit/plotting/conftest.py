"""Fixtures of the chart tests: a fresh Agg figure, PNG output and CJK labels.

Charts are saved under ``/tmp/labapp-charts/`` (``LABAPP_CHART_DIR`` overrides) for a person to
look at; the tests assert the plotted data, not pixels.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import matplotlib
import pytest
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from labapp.plotting.fonts import configure_matplotlib_fonts

CHART_DIR = Path(os.environ.get("LABAPP_CHART_DIR", "/tmp/labapp-charts"))


@pytest.fixture(autouse=True)
def _isolated_rc() -> Iterator[None]:
    """Font configuration made by a test does not leak into the next."""
    with matplotlib.rc_context():
        yield


@pytest.fixture
def axes() -> Axes:
    """Axes of a fresh constrained-layout Figure on an Agg canvas."""
    figure = Figure(figsize=(8, 5), dpi=100, layout="constrained")
    FigureCanvasAgg(figure)
    return figure.add_subplot()


@pytest.fixture
def save_png() -> Callable[[Axes, str], list[str]]:
    """Draw and save the axes' figure as ``<name>.png``; return the glyph warnings raised."""

    def save(ax: Axes, name: str) -> list[str]:
        CHART_DIR.mkdir(parents=True, exist_ok=True)
        figure = ax.get_figure()
        assert isinstance(figure, Figure)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            figure.canvas.draw()
            figure.savefig(CHART_DIR / f"{name}.png")
        return [str(w.message) for w in caught if "Glyph" in str(w.message)]

    return save


@pytest.fixture
def cjk() -> str:
    """Configure the CJK font (skip when none is installed: apt-get install fonts-wqy-microhei)."""
    family = configure_matplotlib_fonts()
    if family is None:
        pytest.skip("no CJK font installed")
    return family
