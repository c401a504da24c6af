"""Home page, the quality manager's dashboard: counts as cards, the on-time rate and its trend.

Each card leads to what is behind its number: the register sorted by due date (overdue, due soon),
or a list of the items (failed, out of service, broken chains).  The on-time rate is shown per
month, quarter and year with its definition, and as a bar chart (``draw_on_time_rate``).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from labapp.plotting.style import ChartLabels
from labapp.services import dashboard, planning
from labapp.services.dashboard import lab_overview
from labapp.services.exports import draw_rate_year, export_dashboard
from labapp.ui.common import settings
from labapp.ui.common.chart_image import ChartImage
from labapp.ui.common.export_job import ExportJob
from labapp.ui.common.tables import fit_columns, read_only_table
from labapp.ui.common.view import AUDIT, CALIBRATIONS, REGISTER, View
from labapp.ui.dashboard._drill import DrillDownDialog, open_paged_drill
from labapp.ui.planning import DrillItemsModel, ExpiringModel, OnTimeItemsModel, OnTimeRateModel

#: card key -> (LabOverview field, page it opens, register order hint)
CARDS: tuple[tuple[str, str, str, str | None], ...] = (
    ("instruments", "instruments", REGISTER, None),
    ("standards", "standards", REGISTER, None),
    ("working", "working", REGISTER, None),
    ("overdue", "overdue", REGISTER, None),  # lists its items (DRILL_CARDS)
    ("due_soon", "due_30", REGISTER, None),  # lists its items (DRILL_CARDS)
    ("failed", "failed", CALIBRATIONS, None),
    ("out_of_service", "out_of_service", REGISTER, None),
    ("events", "events", CALIBRATIONS, None),
    ("last_event_on", "last_event_on", AUDIT, None),
)
#: cards that open the list of the items behind them (``dashboard.drill_down``)
DRILL_CARDS = frozenset(
    {"overdue", "due_soon", "failed", "out_of_service", "broken_chains", "failed_standards"}
)
WARN_CARDS = frozenset({"overdue", "failed", "broken_chains", "failed_standards"})
CAUTION_CARDS = frozenset({"due_soon"})


class Card(QPushButton):
    """A big number over a caption; clicking opens the page behind the number."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"card_{key}")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumSize(170, 96)
        self.value_label = QLabel("–")
        self.value_label.setObjectName("cardValue")
        self.caption_label = QLabel()
        self.caption_label.setWordWrap(True)
        for label in (self.value_label, self.caption_label):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        font = self.value_label.font()
        font.setPointSizeF(font.pointSizeF() * 2.0)
        font.setBold(True)
        self.value_label.setFont(font)
        layout = QVBoxLayout(self)
        layout.addWidget(self.value_label)
        layout.addWidget(self.caption_label)

    def set_value(self, value: Any, tone: str | None = None) -> None:
        """Show ``value`` (a count or a date); ``tone`` is ``warn`` or ``caution`` to colour it."""
        self.value_label.setText("–" if value is None else str(value))
        colour = {"warn": "#b3261e", "caution": "#8a5a00"}.get(tone or "", "")
        self.value_label.setStyleSheet(f"color: {colour};" if colour else "")


class OverviewView(View):
    """The dashboard: counts (``lab_overview``, ``dashboard_counts``), on-time rate and chart."""

    overview_loaded = Signal(object)
    rate_loaded = Signal(object)
    drill_opened = Signal(object)  # the DrillDownDialog
    exported = Signal(object)  # the ExportResult

    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.title = self.make_title()
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        self.cards: dict[str, Card] = {}
        grid = QGridLayout()
        grid.setSpacing(12)
        keys = [(k, p, h) for k, _f, p, h in CARDS]
        keys += [("broken_chains", REGISTER, None), ("failed_standards", CALIBRATIONS, None),
                 ("certificates", REGISTER, None)]  # fmt: skip
        for i, (key, page, hint) in enumerate(keys):
            card = Card(key)
            if key == "certificates":
                card.clicked.connect(self.show_certificates)
            elif key in DRILL_CARDS:
                card.clicked.connect(lambda _=False, k=key: self.drill(k))
            else:
                card.clicked.connect(lambda _=False, p=page, h=hint: self.navigate.emit(p, h))
            grid.addWidget(card, i // 6, i % 6)
            self.cards[key] = card
        self.export_button = QPushButton()
        self.export_button.setObjectName("exportFigures")
        self.export_button.clicked.connect(lambda: self.export_figures())
        self.export_job: ExportJob | None = None
        heading = QHBoxLayout()
        heading.addWidget(self.subtitle, 1)
        heading.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(heading)
        layout.addLayout(grid)
        layout.addWidget(self._build_rate(), 1)
        self.overview: Any = None
        self.counts: Any = None
        self.certificates: list[Any] = []
        self.rate: Any = None
        self.retranslate_ui()

    def _build_rate(self) -> QGroupBox:
        self.rate_box = QGroupBox()
        self.rate_box.setObjectName("onTimeRate")
        self.year = QSpinBox()
        self.year.setObjectName("rateYear")
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.year.valueChanged.connect(lambda _=0: self.load_rate())
        self.year_label = QLabel()
        self.rate_model = OnTimeRateModel(self)
        self.rate_table = read_only_table(self.rate_model, "rateTable", stretch_last=False)
        self.rate_table.doubleClicked.connect(
            lambda index: self.drill_rate(self.rate_model.row_at(index.row()))
        )
        self.definition = QLabel()
        self.definition.setObjectName("rateDefinition")
        self.definition.setWordWrap(True)
        self.chart = ChartImage(self.session.worker.submit)  # rendered off the GUI thread
        self.chart.setObjectName("rateChart")
        self.chart.setMinimumHeight(280)
        self.chart.clicked.connect(self._chart_clicked)
        left = QVBoxLayout()
        bar = QHBoxLayout()
        bar.addWidget(self.year_label)
        bar.addWidget(self.year)
        bar.addStretch(1)
        left.addLayout(bar)
        left.addWidget(self.rate_table, 1)
        left.addWidget(self.definition)
        row = QHBoxLayout(self.rate_box)
        row.addLayout(left, 2)
        row.addWidget(self.chart, 3)
        return self.rate_box

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Overview"))
        captions = {
            "instruments": self.tr("Instruments and standards"),
            "standards": self.tr("Measurement standards"),
            "working": self.tr("Working instruments"),
            "overdue": self.tr("Overdue"),
            "due_soon": self.tr("Due within {0} days").format(self._lead_days()),
            "failed": self.tr("Failed last calibration"),
            "out_of_service": self.tr("Out of service"),
            "events": self.tr("Verifications and calibrations"),
            "last_event_on": self.tr("Last recorded event"),
            "broken_chains": self.tr("Broken traceability chains"),
            "failed_standards": self.tr("Standards out of tolerance, not investigated"),
            "certificates": self.tr("Lab certificates expiring"),
        }
        for key, card in self.cards.items():
            card.caption_label.setText(captions[key])
        self.rate_box.setTitle(self.tr("On-time verification rate"))
        self.rate_table.setToolTip(self.tr("Double-click a period to list the items due in it"))
        self.chart.setToolTip(self.tr("Click a month to list the items due in it"))
        self.export_button.setText(self.tr("Export figures…"))
        self.export_button.setToolTip(
            self.tr("Write the counts, the items behind them and the on-time rate of the year "
                    "shown to an Excel workbook")
        )  # fmt: skip
        self.year_label.setText(self.tr("Year:"))
        self._show_definition()
        self._update_subtitle()
        if self.rate is not None:
            self._draw_rate()

    def _show_definition(self) -> None:
        """The rate's definition (the lab's own words when it set them) and its target."""
        text = self.tr(
            "On-time verification rate = due occurrences done on time ÷ due occurrences. A due "
            "occurrence is the due date of each approved verification or calibration (or an "
            "item's own due date no event records) of an item in service or suspended, falling "
            "in the period and not after today; it was on time when the next approved "
            "verification or calibration was performed on or before that date. The annual plan "
            "lists the same occurrences."
        )
        rate = self.rate
        if rate is not None and rate.definition == rate.definition_zh:  # the lab's own words
            text = rate.definition
        if rate is not None:
            target = f"{rate.target.normalize():f}"
            text += " " + self.tr("Target: at least {0} %.").format(target)
        self.definition.setText(text)

    def _lead_days(self) -> int:
        lead = getattr(self.overview, "lead_days", None)
        return int(lead) if lead is not None else settings.get(settings.DUE_SOON_DAYS)

    def _update_subtitle(self) -> None:
        info = self.session.info
        if info is None:
            self.subtitle.setText(self.tr("No database is open."))
        else:
            self.subtitle.setText(
                self.tr("Database: {0} — as of {1}").format(
                    info.display_name, date.today().isoformat()
                )
            )

    def load(self) -> None:
        today, lead_days = date.today(), settings.get(settings.DUE_SOON_DAYS)
        self.session.run(lambda db: lab_overview(db, today, lead_days), self.show_overview)
        self.session.run(
            lambda db: dashboard.dashboard_counts(db, today, lead_days), self.show_counts
        )
        self.load_rate()
        self.session.run(
            lambda db: planning.expiring_certificates(db, today), self.show_certificates_count
        )

    def show_certificates_count(self, certificates: list[Any]) -> None:
        """Standard certificates, accreditation and qualifications within their lead time."""
        self.certificates = list(certificates)
        expired = any(c.days_left < 0 for c in self.certificates)
        tone = "warn" if expired else ("caution" if self.certificates else None)
        self.cards["certificates"].set_value(len(self.certificates), tone)

    def show_certificates(self) -> QDialog:
        """List the lab's certificates expiring within their lead time (expired ones in red)."""
        title = self.cards["certificates"].caption_label.text()
        dialog = DrillDownDialog(title, self.certificates, self, ExpiringModel())
        dialog.resize(820, 360)
        self.open_drill(dialog)
        return dialog

    def load_rate(self) -> None:
        """Fetch the on-time rate of the chosen year."""
        year, today = self.year.value(), date.today()
        self.session.run(lambda db: dashboard.on_time_rate(db, year, today), self.show_rate)

    def show_overview(self, overview: Any) -> None:
        """Fill the cards from a ``LabOverview``."""
        self.overview = overview
        for key, field, _page, _hint in CARDS:
            value = getattr(overview, field)  # a renamed DTO field must fail loudly
            self.cards[key].set_value(value, _tone(key, value))
        self.retranslate_ui()
        self.overview_loaded.emit(overview)

    def show_counts(self, counts: Any) -> None:
        """The dashboard's own numbers (broken chains)."""
        self.counts = counts
        for key in ("broken_chains", "failed_standards"):
            value = getattr(counts, key)
            self.cards[key].set_value(value, _tone(key, value))

    def show_rate(self, rate: Any) -> None:
        """The rate per quarter and for the year in the table, per month on the chart."""
        self.rate = rate
        self.rate_model.set_rows([*rate.quarters, rate.total])
        fit_columns(self.rate_table)
        self._show_definition()
        self._draw_rate()
        self.rate_loaded.emit(rate)

    def _draw_rate(self) -> None:
        rate = self.rate
        labels = ChartLabels(
            title=self.tr("On-time verification rate {0}").format(rate.year),
            y_label=self.tr("On-time rate"),
            legend={"rate": self.tr("On-time rate"),
                    "target": self.tr("Target ≥ {0} %").format(f"{rate.target.normalize():f}"),
                    "due": self.tr("n={n}")},
            language=QLocale().name(),
        )  # fmt: skip
        self.chart.show_chart(lambda figure: draw_rate_year(figure, rate, labels))

    def export_figures(self, path: Path | None = None) -> None:
        """Export figures…: the counts, their items and the year's on-time rate to Excel."""
        year, lead_days = self.year.value(), settings.get(settings.DUE_SOON_DAYS)
        job = ExportJob(self, self.tr("Export the dashboard figures"),
                        self.tr("Writing the dashboard figures…"))  # fmt: skip
        target = path or job.ask_path(f"dashboard-{date.today().isoformat()}.xlsx")
        if target is None:
            return
        job.finished.connect(self.exported.emit)
        self.export_job = job
        export = _export_dashboard(
            year, int(lead_days), settings.export_language(), self.session.user
        )
        job.start(self.session, target, export)

    def _chart_clicked(self, x: float, _y: float) -> None:
        """A click on the chart (``x`` a matplotlib date number) lists the month's items."""
        if self.rate is None:
            return
        from matplotlib import dates as mdates

        day = mdates.num2date(x).date()
        month = next((m for m in self.rate.months if m.first_day <= day <= m.last_day), None)
        if month is not None:
            self.drill_rate(month)

    def drill_rate(self, period: Any) -> None:
        """List the due occurrences behind ``period``'s on-time rate (a month, quarter or year)."""
        today, first, last = date.today(), period.first_day, period.last_day
        title = self.tr("On-time rate {0}: {1} of {2} on time").format(
            period.label, period.on_time, period.due
        )

        def page(db: Any, limit: int, offset: int) -> list[Any]:
            return dashboard.on_time_items(db, first, last, today, limit=limit, offset=offset)

        open_paged_drill(self, title, OnTimeItemsModel(), page, (780, 420))

    def open_drill(self, dialog: DrillDownDialog) -> None:
        """Show ``dialog`` (deleted when closed) and say so (``drill_opened``)."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.drill_opened.emit(dialog)

    def drill(self, key: str) -> None:
        """Open the list of the items behind card ``key``."""
        today, lead_days = date.today(), settings.get(settings.DUE_SOON_DAYS)
        title = self.cards[key].caption_label.text()

        def page(db: Any, limit: int, offset: int) -> list[Any]:
            return dashboard.drill_down(db, key, today, lead_days, limit=limit, offset=offset)

        open_paged_drill(self, title, DrillItemsModel(), page, (640, 420))


def _tone(key: str, value: Any) -> str | None:
    if key in WARN_CARDS and value:
        return "warn"
    if key in CAUTION_CARDS and value:
        return "caution"
    return None


def _export_dashboard(year: int, lead_days: int, lang: Any, user: str) -> Any:
    """The worker job :class:`ExportJob` runs for Export figures… (no per-row progress)."""

    def export(db: Any, path: Path, _progress: Any, cancel: Any) -> Any:
        return export_dashboard(db, path, year=year, lead_days=lead_days, language=lang,
                                exported_by=user, cancel=cancel)  # fmt: skip

    return export
