"""Frozen values of the PT plan (能力验证计划) and of corrective actions (纠正措施)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from labapp.domain.errors import ValidationError
from labapp.domain.proficiency import Coverage, Cycle
from labapp.metrology.comparison import ScoreClass

__all__ = [
    "ComparisonScope",
    "CoverageLine",
    "CycleInfo",
    "HistoryPoint",
    "PtPlan",
    "SubdisciplineInfo",
    "SubdisciplineInput",
]


@dataclass(frozen=True)
class SubdisciplineInfo:
    """A sub-discipline (子领域) of the scope, e.g. "DC voltage" or "mass 1 mg–1 kg"."""

    id: int
    version: int
    name: str
    quantity: str | None
    note: str | None
    active: bool


@dataclass(frozen=True)
class SubdisciplineInput:
    """A sub-discipline as typed."""

    name: str
    quantity: str | None = None
    note: str | None = None
    active: bool = True


@dataclass(frozen=True)
class CycleInfo:
    """The stored cycle setting and the cycle it gives for today."""

    id: int
    version: int
    starts_on: date
    years: int
    current: Cycle


@dataclass(frozen=True)
class CoverageLine:
    """One sub-discipline in the current cycle: covered or due, by which comparisons."""

    subdiscipline: SubdisciplineInfo
    coverage: Coverage
    comparisons: tuple[str, ...]  # titles of the comparisons inside the cycle
    last_on: date | None  # date of the latest comparison of the sub-discipline, any cycle
    due_by: date  # end of the current cycle


@dataclass(frozen=True)
class PtPlan:
    """The PT plan for today: the cycle (None until one is set) and every active sub-discipline."""

    cycle: CycleInfo | None
    lines: tuple[CoverageLine, ...]


@dataclass(frozen=True)
class ComparisonScope:
    """A comparison with the sub-discipline and quantity it covered (None: not linked yet)."""

    comparison_id: int
    title: str
    on: date | None  # end date, else start date
    subdiscipline_id: int | None
    subdiscipline: str | None
    quantity: str  # the linked quantity, else the comparison's measurand


@dataclass(frozen=True)
class HistoryPoint:
    """The laboratory's own scores in one comparison.

    ``z`` is z′ when σ_pt and u(x_pt) give it, else z; ``problem`` is the service's refusal that
    kept the comparison from being scored (the scores are then None; code ``no_own_result``: the
    laboratory has no result in it).
    """

    scope: ComparisonScope
    participant_id: int | None
    en: float | None
    en_class: ScoreClass | None
    z: float | None
    z_class: ScoreClass | None
    unsatisfactory: bool
    problem: ValidationError | None
