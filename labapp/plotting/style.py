"""The look shared by every chart: status colours, line styles, labels and the date axis.

One place for colours so that a pass is the same green in the drift, control, comparison and trend
charts (and the UI can reuse :data:`STATUS_COLOURS` for table cells).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from matplotlib import dates as mdates
from matplotlib.artist import Artist
from matplotlib.axes import Axes

__all__ = [
    "BAND",
    "CONDITIONAL",
    "DATA",
    "FAIL",
    "HIGHLIGHT",
    "LIMIT",
    "MPE",
    "OVERDUE",
    "PASS",
    "REFERENCE",
    "REFERENCE_VALUE",
    "STATUS_COLOURS",
    "ZONE",
    "ChartLabels",
    "apply_labels",
    "legend_below",
    "use_date_axis",
]

#: Status colours (colour-blind safe Okabe-Ito hues).
PASS = "#009E73"
FAIL = "#D55E00"
CONDITIONAL = "#E69F00"
OVERDUE = "#CC79A7"
STATUS_COLOURS: dict[str, str] = {
    "pass": PASS,
    "fail": FAIL,
    "conditional": CONDITIONAL,
    "overdue": OVERDUE,
}

#: Measured data, fitted lines and their bands.
DATA = "#0072B2"
BAND = "#56B4E9"
#: Tolerance, MPE and control limits.
LIMIT = FAIL
#: Reference values and centre lines.
REFERENCE = "#333333"
#: The light ±1σ / ±2σ zone lines of control charts.
ZONE = "#AAAAAA"
#: A certified reference value and the MPE around it (distinct from control limits).
REFERENCE_VALUE = "#44AA99"
MPE = "#882255"
#: The laboratory's own result among others.
HIGHLIGHT = "#000000"


@dataclass(frozen=True)
class ChartLabels:
    """Texts of a chart, passed in already translated by the caller.

    Attributes
    ----------
    title, x_label, y_label : str
        Axes title and axis labels ("" leaves them empty).
    legend : Mapping[str, str]
        Legend and annotation texts by key; each builder documents its keys and falls back to
        English for a key not given.
    """

    title: str = ""
    x_label: str = ""
    y_label: str = ""
    legend: Mapping[str, str] = field(default_factory=dict)

    def text(self, key: str, default: str) -> str:
        """The text for ``key``, or ``default`` when the caller gave none."""
        return self.legend.get(key, default)


def apply_labels(ax: Axes, labels: ChartLabels, unit: str = "") -> None:
    """Set title and axis labels; ``unit`` is appended to the y label as "label (unit)"."""
    ax.set_title(labels.title)
    ax.set_xlabel(labels.x_label)
    y_label = f"{labels.y_label} ({unit})" if unit and labels.y_label else labels.y_label or unit
    ax.set_ylabel(y_label)


def use_date_axis(ax: Axes) -> None:
    """Date ticks that read as dates (never "2021.5"): AutoDateLocator + ConciseDateFormatter."""
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]


def legend_below(ax: Axes, extra: Sequence[Artist] = ()) -> None:
    """A legend under the axes, so it never covers data (use a constrained-layout figure).

    ``extra`` adds proxy handles (e.g. colour patches of score classes) after the labelled artists.
    """
    handles, texts = ax.get_legend_handles_labels()
    handles = [*handles, *extra]
    texts = [*texts, *(str(h.get_label()) for h in extra)]
    if handles:
        ax.legend(
            handles,
            texts,
            loc="upper center",
            bbox_to_anchor=(0.5, -0.12),
            ncols=min(len(handles), 3),
            frameon=False,
        )
