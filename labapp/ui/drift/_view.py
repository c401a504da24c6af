"""Drift chart window: one instrument (by asset tag), one nominal point of its history.

It draws :func:`labapp.plotting.drift.draw_drift_chart` as a :class:`ChartImage` (rendered on
the worker: drawing it on the GUI thread took 110-230 ms a redraw; export PNG/PDF/SVG; no pan or
zoom, as for the other charts), states the fit, the predicted date the point leaves tolerance and
the proposed interval, and "Accept interval…" writes the interval with a reason (audited).

The predicted date is where the band of a new observation (NASA-HDBK-8739.19-5 §7: u0, the
residual scatter and the fit's uncertainty; one-sided quantile when only one limit is set) meets
a limit; the proposed interval is the shorter of that and NCSLI RP-1 method A3 on the point's
in-tolerance history (:class:`labapp.services.drift.DriftSeries`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from labapp.plotting.drift import draw_drift_chart
from labapp.plotting.style import ChartLabels
from labapp.services import drift
from labapp.services.register import find_instrument
from labapp.ui.common.chart_image import ChartImage
from labapp.ui.common.errors import show_error


def _load(db: Any, asset_tag: str) -> tuple[Any, list[Any]]:
    """Worker job: the instrument with this asset tag and the nominal points of its history."""
    item = find_instrument(db, asset_tag)
    return item, drift.nominal_points(db, item.id)


class AcceptIntervalDialog(QDialog):
    """Months and the reason for a new interval."""

    def __init__(self, months: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("acceptInterval")
        self.setWindowTitle(self.tr("Accept interval"))
        self.months = QSpinBox()
        self.months.setRange(1, 240)
        self.months.setValue(months)
        self.months.setSuffix(self.tr(" months"))
        self.reason = QLineEdit()
        self.reason.setObjectName("intervalReason")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(self._update_ok)
        form = QFormLayout(self)
        form.addRow(self.tr("Interval:"), self.months)
        form.addRow(self.tr("Reason:"), self.reason)
        form.addRow(self.buttons)
        self._update_ok()

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.reason.text().strip()))


class DriftWindow(QWidget):
    """Asset tag → nominal point → drift chart, fit, predicted exit and proposed interval."""

    series_loaded = Signal(object)
    interval_accepted = Signal(int)

    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("driftWindow")
        self.session = session
        self.instrument: Any = None
        self.options: list[Any] = []
        self.series: Any = None
        self.asset_tag = QLineEdit()
        self.asset_tag.setObjectName("driftAssetTag")
        self.asset_tag.returnPressed.connect(self.load_instrument)
        self.load_button = QPushButton()
        self.load_button.clicked.connect(self.load_instrument)
        self.nominal = QComboBox()
        self.nominal.setObjectName("driftNominal")
        self.nominal.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.nominal.activated.connect(lambda _=0: self.load_series())
        self.tag_label, self.point_label = QLabel(), QLabel()
        self.summary = QLabel()
        self.summary.setObjectName("driftSummary")
        self.summary.setWordWrap(True)
        self.accept_button = QPushButton()
        self.accept_button.setObjectName("acceptInterval")
        self.accept_button.setEnabled(False)
        self.accept_button.clicked.connect(lambda: self.ask_interval())
        self.chart = ChartImage(session.worker.submit, self)
        bar = QHBoxLayout()
        for widget in (self.tag_label, self.asset_tag, self.load_button):
            bar.addWidget(widget)
        bar.addWidget(self.point_label)
        bar.addWidget(self.nominal, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.accept_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.chart, 1)
        layout.addLayout(bottom)
        self.resize(980, 640)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Every text, in the current language."""
        self.setWindowTitle(self.tr("Drift chart"))
        self.tag_label.setText(self.tr("Asset tag:"))
        self.load_button.setText(self.tr("Load"))
        self.point_label.setText(self.tr("Point:"))
        self.accept_button.setText(self.tr("Accept interval…"))
        for i, option in enumerate(self.options):
            self.nominal.setItemText(i, self._option_text(option))
        if self.series is not None:
            self.show_series(self.series)

    def changeEvent(self, event: Any) -> None:
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- loading ------------------------------------------------------------------------------
    def load_instrument(self, asset_tag: str | None = None) -> None:
        """Find the instrument and list the nominal points of its history."""
        tag = (asset_tag or self.asset_tag.text()).strip()
        if not tag:
            return
        self.asset_tag.setText(tag)
        self.session.run(lambda db: _load(db, tag), self._show_points, self._error)

    def _show_points(self, loaded: tuple[Any, list[Any]]) -> None:
        self.instrument, options = loaded
        self.options = list(options)
        self.nominal.clear()
        for option in options:
            self.nominal.addItem(self._option_text(option), option.nominal)
        if options:
            self.load_series()
        else:
            self.summary.setText(self.tr("No approved results with points for this item."))

    def _option_text(self, option: Any) -> str:
        return self.tr("{0} ({1} events)").format(option.nominal, option.events)

    def load_series(self) -> None:
        """Fetch the drift series of the chosen point."""
        nominal = self.nominal.currentData()
        if self.instrument is None or nominal is None:
            return
        instrument_id = self.instrument.id
        self.session.run(
            lambda db: drift.drift_series(db, instrument_id, nominal), self.show_series, self._error
        )

    def show_series(self, series: Any) -> None:
        """Draw the chart and state the fit and the proposal."""
        self.series = series
        labels = ChartLabels(
            title=self.tr("Drift of {0} at {1}").format(series.asset_tag, series.nominal),
            x_label=self.tr("Date"),
            y_label=self.tr("Error of indication"),
            legend=self._legend(),
            language=QLocale().name(),
        )
        enough = len(series.dates) >= 3

        def draw(figure: Any) -> None:  # on the worker (ChartImage)
            draw_drift_chart(
                figure.add_subplot(), series.dates, series.errors, series.expanded_uncertainties,
                lower=series.lower, upper=series.upper, unit=series.unit, labels=labels,
                fit=enough, coverage_factor=series.coverage_factor,
            )  # fmt: skip

        self.chart.show_chart(draw)
        self.summary.setText(self._summary(series))
        self.accept_button.setEnabled(series.proposed_months is not None)
        self.series_loaded.emit(series)

    def _legend(self) -> dict[str, str]:
        return {
            "measured": self.tr("Error ± U"),
            "fit": self.tr("Drift fit"),
            "projection": self.tr("Projection from last calibration"),
            "band": self.tr("95 % projection band"),
            "upper": self.tr("Upper limit (MPE)"),
            "lower": self.tr("Lower limit (MPE)"),
            "out_of_tolerance": self.tr("Out of tolerance {date} (band meets limit)"),
        }

    def _summary(self, s: Any) -> str:
        parts = [self.tr("{0} results").format(len(s.dates))]
        if s.slope_per_year is not None:
            parts.append(self.tr("drift {0:+.3g} {1}/year").format(s.slope_per_year, s.unit))
        if s.out_of_tolerance_on is not None:
            text = self.tr("predicted out of tolerance on {0} (95 % band meets a limit)")
            parts.append(text.format(s.out_of_tolerance_on.isoformat()))
        current = "–" if s.interval_months is None else str(s.interval_months)
        parts.append(self.tr("interval now {0} months").format(current))
        if s.proposed_months is not None:
            parts.append(self.tr("proposed {0} months").format(s.proposed_months))
        return " · ".join(parts)

    # --- accepting ----------------------------------------------------------------------------
    def ask_interval(self) -> AcceptIntervalDialog | None:
        """Ask for the months and a reason, then save the interval."""
        if self.series is None:
            return None
        dialog = AcceptIntervalDialog(self.series.proposed_months or 12, self)
        dialog.accepted.connect(lambda: self.accept_interval(
            dialog.months.value(), dialog.reason.text()))  # fmt: skip
        dialog.open()
        return dialog

    def accept_interval(self, months: int, reason: str) -> None:
        """Save ``months`` as the instrument's interval with ``reason`` (audited)."""
        s, user = self.series, self.session.user
        self.session.run(
            lambda db: drift.accept_interval(
                db, user, s.instrument_id, months, reason, s.instrument_version
            ),
            lambda _version: self._accepted(months),
            self._error,
        )

    def _accepted(self, months: int) -> None:
        self.interval_accepted.emit(months)
        self.load_series()

    def _error(self, exc: BaseException) -> None:
        show_error(self, exc)
