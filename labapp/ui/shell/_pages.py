"""The main window's pages, each built the first time it is needed.

A page's module brings its libraries with it (the Overview's charts load matplotlib, the
Calibrations' dialogs pint and the uncertainty calculators): building all eleven at start-up kept
the first window off the screen for seconds.  :func:`page_class` imports one page's package when
it is asked for; :class:`LazyPages` is the key -> page mapping the window and the tests use,
building a page on first access; :class:`PageLoader` has those imports done on the worker.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import partial
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel, QListWidget, QStackedWidget, QWidget

from labapp.metrology.units import registry as unit_registry
from labapp.ui.common import view as base
from labapp.ui.common.session import start_up_job
from labapp.ui.common.worker import Worker

#: page key -> navigation label
PAGES: tuple[tuple[str, str], ...] = (
    (base.OVERVIEW, QT_TRANSLATE_NOOP("MainWindow", "Overview")),
    (base.REGISTER, QT_TRANSLATE_NOOP("MainWindow", "Register")),
    (base.CALIBRATIONS, QT_TRANSLATE_NOOP("MainWindow", "Calibrations")),
    (base.TRACEABILITY, QT_TRANSLATE_NOOP("MainWindow", "Traceability")),
    (base.CHECKS, QT_TRANSLATE_NOOP("MainWindow", "Intermediate checks")),
    (base.IMPACT, QT_TRANSLATE_NOOP("MainWindow", "Investigations")),
    (base.PLANNING, QT_TRANSLATE_NOOP("MainWindow", "Planning")),
    (base.COMPARISONS, QT_TRANSLATE_NOOP("MainWindow", "Comparisons")),
    (base.PROFICIENCY, QT_TRANSLATE_NOOP("MainWindow", "PT plan")),
    (base.AUDIT, QT_TRANSLATE_NOOP("MainWindow", "Audit")),
    (base.ADMINISTRATION, QT_TRANSLATE_NOOP("MainWindow", "Administration")),
)


#: keys whose page package is imported (by :func:`page_class`, on whichever thread)
_imported: set[str] = set()


def is_imported(key: str) -> bool:
    """True once :func:`page_class` has returned for ``key``: building the page costs no import."""
    return key in _imported


def page_class(key: str) -> type[base.View]:
    """The page class for ``key``, its package imported now (not when the shell is).

    The main window calls this on its worker ahead of a first visit (importing the Overview's
    package loads matplotlib and numpy: over a second of CPU that must not freeze the window);
    only building the page's widgets then happens on the GUI thread.
    """
    page = _page_class(key)
    _imported.add(key)
    return page


def import_page(key: str) -> type[base.View]:
    """:func:`page_class` as a worker job: the first import of the page's package runs with the
    collector paused and its objects frozen (:func:`~labapp.ui.common.session.start_up_job`);
    an import already done costs nothing more."""
    if is_imported(key):
        return page_class(key)
    return start_up_job(lambda: page_class(key))()  # type: ignore[no-any-return]


def _page_class(key: str) -> type[base.View]:
    if key == base.OVERVIEW:
        from labapp.ui.dashboard import OverviewView

        return OverviewView
    if key == base.REGISTER:
        from labapp.ui.register import RegisterView

        return RegisterView
    if key == base.CALIBRATIONS:
        from labapp.ui.events import CalibrationsView

        return CalibrationsView
    if key == base.TRACEABILITY:
        from labapp.ui.traceability import TraceabilityView

        return TraceabilityView
    if key == base.CHECKS:
        from labapp.ui.checks import ChecksView

        return ChecksView
    if key == base.IMPACT:
        from labapp.ui.impact import InvestigationsView

        return InvestigationsView
    if key == base.PLANNING:
        from labapp.ui.planning import PlanningView

        return PlanningView
    if key == base.COMPARISONS:
        from labapp.ui.comparisons import ComparisonsView

        return ComparisonsView
    if key == base.PROFICIENCY:
        from labapp.ui.proficiency import ProficiencyView

        return ProficiencyView
    if key == base.AUDIT:
        from labapp.ui.audit import AuditView

        return AuditView
    if key == base.ADMINISTRATION:
        from labapp.ui.administration import AdministrationView

        return AdministrationView
    raise KeyError(key)


class LazyPages(Mapping[str, base.View]):
    """Page key -> page; ``pages[key]`` builds the page (``build(key)``) the first time.

    Iterating gives every key (built or not); :meth:`built` only the pages that exist, which is
    what "mark every page stale" needs (a page built later loads fresh anyway).
    """

    def __init__(self, keys: Sequence[str], build: Callable[[str], base.View]) -> None:
        self._keys = tuple(keys)
        self._build = build
        self._pages: dict[str, base.View] = {}

    def __getitem__(self, key: str) -> base.View:
        if key not in self._keys:
            raise KeyError(key)
        page = self._pages.get(key)
        if page is None:
            page = self._pages[key] = self._build(key)
        return page

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def is_built(self, key: str) -> bool:
        """True once page ``key`` exists."""
        return key in self._pages

    def built(self) -> list[base.View]:
        """The pages built so far, in navigation order."""
        return [self._pages[k] for k in self._keys if k in self._pages]


def replace_placeholder(stack: QStackedWidget, row: int, page: QWidget) -> None:
    """Put ``page`` at ``row`` of ``stack`` in place of the placeholder there (shown if it was)."""
    placeholder = stack.widget(row)
    current = stack.currentIndex() == row
    stack.insertWidget(row, page)
    if current:
        stack.setCurrentIndex(row)
    stack.removeWidget(placeholder)
    placeholder.deleteLater()


class Placeholder(QLabel):
    """What the stack holds for a page not built yet (on screen only while the page builds)."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("pagePlaceholder")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """The text in the current language."""
        self.setText(self.tr("Loading…"))


#: the quiet time before each page package is imported ahead of its first visit
PRELOAD_PAUSE_MS = 400


def _drift_window() -> type[QWidget]:
    from labapp.ui.drift import DriftWindow  # scipy.stats comes with it: 1.2 s of import

    return DriftWindow


def _drift_chart() -> None:
    """Render a small drift chart, as the drift window does, and throw it away.

    The first drift chart of a session loaded font files (matplotlib keeps one FreeType face per
    font and thread) and scipy's t quantiles inside long C calls that hold the GIL: the GUI
    thread waited 105-170 ms for it (bench_stalls).  Done here, on the worker, while nobody waits.
    """
    from datetime import date

    from labapp.plotting.drift import draw_drift_chart
    from labapp.plotting.style import ChartLabels
    from labapp.ui.common.chart_image import render_chart

    days = [date(2020, 1, 15), date(2021, 1, 15), date(2022, 1, 15), date(2023, 1, 15)]
    labels = ChartLabels(title="drift", x_label="date", y_label="error", language="zh_CN")

    def draw(figure: Any) -> None:
        draw_drift_chart(
            figure.add_subplot(), days, [0.1, 0.2, 0.28, 0.41], [0.05] * 4, lower=-1, upper=1,
            unit="mV", labels=labels, fit=True, coverage_factor=2.0,
        )  # fmt: skip

    render_chart(draw, 480, 320).figure.clear()


#: what a click opens besides the pages, loaded after them: the unit registry every event dialog
#: parses with, the drift window's modules, then one drift chart drawn (each froze its first
#: opening); the first two live as long as the process (frozen), the chart is thrown away
WARM_UPS: tuple[Callable[[], Any], ...] = (unit_registry, _drift_window, _drift_chart)
_LONG_LIVED = (unit_registry, _drift_window)
_warmed: set[Callable[[], Any]] = set()


class PageLoader(QObject):
    """Gets each page's package imported on the worker, never on the GUI thread.

    - :meth:`first_page`: after the window's first paint, the current page's package is
      imported (the Overview's brings matplotlib and numpy: over a second of CPU), then the
      page is built and shown.
    - :meth:`choose` (the navigation): a page not imported yet shows its "Loading…"
      placeholder while the worker imports it, then is built and shown, unless another row
      was chosen meanwhile.
    - Between those, every other page's package is imported ahead of its first visit, so the
      visit only builds widgets (the Register's import alone is ~0.2 s of CPU).  One at a
      time, each when the worker has been idle for :data:`PRELOAD_PAUSE_MS`: while the worker
      runs Python, every call Qt makes into Python on the GUI thread (a widget's overridden
      virtual, an event filter) waits for the GIL, so an import overlapping the first page's
      paint stretched it by 50-110 ms (bench_stalls).  Last come :data:`WARM_UPS`: pint's unit
      registry, the drift window's modules (scipy.stats) and one drift chart drawn, which the
      first event dialog or drift chart otherwise paid for on the GUI thread (0.25-0.5 s; 1.2 s;
      105-170 ms waiting for the GIL).

    ``show(row)`` builds and shows the page at ``row`` (the window's own, synchronous).
    """

    def __init__(
        self,
        views: LazyPages,
        stack: QStackedWidget,
        nav: QListWidget,
        show: Callable[[int], None],
        worker: Worker,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._views, self._stack, self._nav = views, stack, nav
        self._show, self._worker = show, worker
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PRELOAD_PAUSE_MS)
        self._timer.timeout.connect(self._preload_next)

    def first_page(self, row: int) -> None:
        """Import the page at ``row`` on the worker, show it, then start the preloading."""
        self._import_then_show(row, self._timer.start)

    def choose(self, row: int) -> None:
        """Show the page at ``row``: at once if its package is imported, else once it is."""
        key = PAGES[row][0]
        if self._views.is_built(key) or is_imported(key):
            self._show(row)
            return
        self._stack.setCurrentIndex(row)  # the placeholder until the page is built
        self._import_then_show(row)

    def _import_then_show(self, row: int, then: Callable[[], Any] | None = None) -> None:
        """Import the page at ``row`` on the worker, then show it if its row is still chosen."""

        def imported(_page: Any) -> None:
            if self._nav.currentRow() == row:
                self._show(row)
            if then is not None:
                then()

        self._worker.submit(partial(import_page, PAGES[row][0]), imported)

    def _preload_next(self) -> None:
        if self._worker.busy():
            self._timer.start()  # a database job is running: after it
            return
        key = next((k for k, _ in PAGES if not is_imported(k)), None)
        if key is not None:
            self._worker.submit(partial(import_page, key), self._preloaded, background=True)
            return
        warm_up = next((w for w in WARM_UPS if w not in _warmed), None)
        if warm_up is not None:
            _warmed.add(warm_up)
            job = start_up_job(warm_up) if warm_up in _LONG_LIVED else warm_up
            self._worker.submit(job, self._preloaded, background=True)

    def _preloaded(self, _page: Any) -> None:
        with contextlib.suppress(RuntimeError):  # the window was closed while the import ran
            self._timer.start()  # the next page, after a quiet pause
