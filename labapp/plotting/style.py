"""The look shared by every chart: status colours, line styles, labels and the date axis.

One place for colours so that a pass is the same green in the drift, control, comparison and trend
charts (and the UI can reuse :data:`STATUS_COLOURS` for table cells).
"""

from __future__ import annotations

import re
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
    "date_formats",
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
    language : str
        The UI language ("en", "zh_CN"): picks the date tick formats (:func:`use_date_axis`).
    """

    title: str = ""
    x_label: str = ""
    y_label: str = ""
    legend: Mapping[str, str] = field(default_factory=dict)
    language: str = "en"

    def text(self, key: str, default: str) -> str:
        """The text for ``key``, or ``default`` when the caller gave none."""
        return self.legend.get(key, default)


def apply_labels(ax: Axes, labels: ChartLabels, unit: str = "") -> None:
    """Set title and axis labels; ``unit`` is appended to the y label as "label (unit)"."""
    ax.set_title(labels.title)
    ax.set_xlabel(labels.x_label)
    y_label = f"{labels.y_label} ({unit})" if unit and labels.y_label else labels.y_label or unit
    ax.set_ylabel(y_label)


#: Date tick formats per language for ConciseDateFormatter (years, months, days, hours, minutes,
#: seconds): numbers only, never ``%b``, whose month names follow the C locale ("Mar" in a
#: Chinese chart) and would need a process-wide ``setlocale`` to change.
_DATE_FORMATS: dict[str, tuple[list[str], list[str], list[str]]] = {
    "en": (
        ["%Y", "%Y-%m", "%m-%d", "%H:%M", "%H:%M", "%S.%f"],
        ["", "%Y-%m", "%Y-%m", "%m-%d", "%H:%M", "%H:%M"],
        ["", "", "%Y", "%Y-%m-%d", "%Y-%m-%d", "%Y-%m-%d %H:%M"],
    ),
    "zh": (
        ["%Y年", "%m月", "%d日", "%H:%M", "%H:%M", "%S.%f"],
        ["", "%Y年", "%m月", "%m月%d日", "%H:%M", "%H:%M"],
        ["", "%Y年", "%Y年%m月", "%Y年%m月%d日", "%Y年%m月%d日", "%Y年%m月%d日 %H:%M"],
    ),
}
_LEADING_ZERO = re.compile(r"(?<![0-9])0([1-9][月日])")


class _NumericDateFormatter(mdates.ConciseDateFormatter):
    """ConciseDateFormatter without the leading zero of a Chinese month or day ("3月", not "03月").

    strftime has no portable flag for it (``%-m`` is glibc only).
    """

    def format_ticks(self, values: Sequence[float]) -> list[str]:
        return [_LEADING_ZERO.sub(r"\1", t) for t in super().format_ticks(values)]  # type: ignore[no-untyped-call]

    def get_offset(self) -> str:
        return _LEADING_ZERO.sub(r"\1", super().get_offset())  # type: ignore[no-untyped-call]


def date_formats(language: str) -> tuple[list[str], list[str], list[str]]:
    """Formats, zero formats and offset formats of the date ticks in ``language``."""
    return _DATE_FORMATS["zh" if language.lower().startswith("zh") else "en"]


def use_date_axis(ax: Axes, language: str = "en") -> None:
    """Date ticks that read as dates (never "2021.5"), numeric in every language.

    AutoDateLocator with a ConciseDateFormatter in :func:`date_formats` of ``language``:
    "2026-03" in English, "2026年", "3月" in Chinese.  No global locale is touched.
    """
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)  # type: ignore[no-untyped-call]
    formats, zero_formats, offset_formats = date_formats(language)
    formatter = _NumericDateFormatter(  # type: ignore[no-untyped-call]
        locator, formats=formats, zero_formats=zero_formats, offset_formats=offset_formats
    )
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(formatter)


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
