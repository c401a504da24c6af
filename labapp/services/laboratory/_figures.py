"""The laboratory's own settings for its figures: the 受检率 target and definition, control charts.

Stored on the ``laboratories`` row (the first laboratory of the database: LabApp runs one lab per
database); a NULL column means LabApp's default.  The default target is 96 %: the supervision
plans this kind of lab answers to ask at least 96 % on-time verification for key instruments.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from labapp.domain.errors import ValidationError
from labapp.metrology.errors import NumberError
from labapp.metrology.units import parse_decimal
from labapp.persistence.models import LaboratoryRow
from labapp.services.database import Database

__all__ = [
    "DEFAULT_MIN_BASELINE",
    "DEFAULT_TARGET",
    "ON_TIME_RATE_DEFINITION",
    "ON_TIME_RATE_DEFINITION_ZH",
    "FigureSettings",
    "figure_settings",
    "update_figure_settings",
]

#: The on-time rate's target in % when the lab has not set its own.
DEFAULT_TARGET = Decimal("96")
#: Fewest baseline points a control chart's limits are taken from without a warning.
DEFAULT_MIN_BASELINE = 20

#: LabApp's definition of the rate (the planning feature's due occurrences compute exactly this).
ON_TIME_RATE_DEFINITION = (
    "On-time verification rate (受检率) of a period = due occurrences done on time ÷ due "
    "occurrences in the period. A due occurrence is the due date (valid until) of each approved "
    "verification or calibration, or an instrument's own due date that no such event records, "
    "falling in the period and not after today, of an instrument in service or suspended "
    "(sealed, out-of-service, retired and scrapped instruments are not due). It is done on time "
    "when the next approved verification or calibration of the instrument was performed on or "
    "before that due date. The annual plan lists the same occurrences."
)
ON_TIME_RATE_DEFINITION_ZH = (
    "受检率 = 按期完成的应检次数 ÷ 统计期间内的应检次数。应检次数指在用或暂停使用的器具（封存、"
    "停用、退役、报废的器具不计）每次已批准的检定或校准的有效期至（或器具本身未被任何记录覆盖的到期日）"
    "落在统计期间内且不晚于今天的次数；若该器具下一次已批准的检定或校准在该到期日当天或之前完成，"
    "则计为按期完成。年度周检计划列出的正是这些应检次数。"
)


@dataclass(frozen=True)
class FigureSettings:
    """The settings as used (defaults filled in); ``custom_definition`` None: LabApp's words."""

    on_time_target: Decimal = DEFAULT_TARGET
    custom_definition: str | None = None
    control_min_baseline: int = DEFAULT_MIN_BASELINE

    @property
    def on_time_definition_en(self) -> str:
        """The definition shown in English (the lab's own words when it set them)."""
        return self.custom_definition or ON_TIME_RATE_DEFINITION

    @property
    def on_time_definition_zh(self) -> str:
        """The definition shown in Chinese (the lab's own words when it set them)."""
        return self.custom_definition or ON_TIME_RATE_DEFINITION_ZH


def figure_settings(db: Database) -> FigureSettings:
    """The settings of the database's (first) laboratory; the defaults when there is none."""
    stmt = (
        select(
            LaboratoryRow.on_time_target_percent,
            LaboratoryRow.on_time_definition,
            LaboratoryRow.control_min_baseline,
        )
        .order_by(LaboratoryRow.id)
        .limit(1)
    )
    with db.engine.connect() as conn:
        row = conn.execute(stmt).first()
    if row is None:
        return FigureSettings()
    target, definition, baseline = row
    return FigureSettings(
        DEFAULT_TARGET if target is None else Decimal(target),
        (definition or "").strip() or None,
        DEFAULT_MIN_BASELINE if baseline is None else int(baseline),
    )


def _target(value: Decimal | str) -> Decimal:
    text = value if isinstance(value, str) else format(value, "f")
    try:  # LabApp's one number rule; "95 %" may carry its percent sign
        target = parse_decimal(text.strip().rstrip("%"))
    except NumberError as exc:
        if exc.reason != "out_of_range":
            raise ValidationError("on_time_target", "not a number", code="invalid") from None
        target = Decimal("Infinity")  # out of range: refused below with the range it must be in
    if not Decimal(0) < target <= Decimal(100):
        raise ValidationError(
            "on_time_target", "must be above 0 and at most 100 %", code="out_of_range",
            params={"value": str(target)},
        )  # fmt: skip
    return target


def update_figure_settings(
    db: Database,
    user: str,
    *,
    on_time_target: Decimal | str | None = None,
    on_time_definition: str | None = None,
    control_min_baseline: int | None = None,
) -> FigureSettings:
    """Set the laboratory's settings (None leaves one as is; ``""`` definition: LabApp's words).

    Raises
    ------
    ValidationError
        A target outside (0, 100] %, a minimum baseline below 2, or no laboratory.
    """
    if control_min_baseline is not None and control_min_baseline < 2:
        raise ValidationError("control_min_baseline", "at least 2", code="out_of_range",
                              params={"value": control_min_baseline})  # fmt: skip
    target = None if on_time_target is None else _target(on_time_target)
    with db.unit_of_work(user) as uow:
        lab = uow.session.execute(select(LaboratoryRow).order_by(LaboratoryRow.id)).scalar()
        if lab is None:
            raise ValidationError("laboratory", "no laboratory", code="not_found")
        if target is not None:
            lab.on_time_target_percent = target
        if on_time_definition is not None:
            lab.on_time_definition = on_time_definition.strip() or None
        if control_min_baseline is not None:
            lab.control_min_baseline = control_min_baseline
        uow.commit()
    return figure_settings(db)
