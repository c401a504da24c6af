"""Frozen values the comparisons service (计量比对 / 能力验证) takes and returns.

Stored values stay ``Decimal`` (the reported digits); scores are floats computed by
:mod:`labapp.metrology.comparison`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from labapp.domain.enums import ComparisonRole
from labapp.metrology.comparison import ScoreClass

__all__ = [
    "AssignedMethod",
    "ComparisonDetail",
    "ComparisonInput",
    "ComparisonResult",
    "ComparisonSummary",
    "ParticipantInfo",
    "ParticipantInput",
    "ParticipantScore",
]


class AssignedMethod(StrEnum):
    """How the assigned (reference) value is obtained (ISO 13528:2022 clause 7, JJF 1117)."""

    PROVIDER = "provider"  # given by the provider or pilot as value + U + k
    PILOT = "pilot"  # the pilot laboratory's own result
    WEIGHTED_MEAN = "weighted_mean"  # inverse-variance weighted mean of the participants
    ALGORITHM_A = "algorithm_a"  # robust mean x* of ISO 13528 Algorithm A


@dataclass(frozen=True)
class ComparisonSummary:
    """One line of the list of comparisons."""

    id: int
    title: str
    scheme: str | None
    measurand: str
    unit: str
    role: ComparisonRole
    started_on: date | None
    ended_on: date | None
    participant_count: int


@dataclass(frozen=True)
class ParticipantInfo:
    """One participant's stored result (in the comparison's unit; U at the participant's k)."""

    id: int
    version: int
    code: str
    value: Decimal | None
    expanded_uncertainty: Decimal | None
    coverage_factor: Decimal | None
    method: str | None
    measured_on: date | None
    is_own_lab: bool
    instrument_id: int | None


@dataclass(frozen=True)
class ComparisonDetail:
    """A comparison with its participants; ``version`` guards a later update."""

    id: int
    version: int
    title: str
    scheme: str | None
    provider_name: str | None
    measurand: str
    unit: str
    artefact: str | None
    pilot_lab: str | None
    protocol: str | None
    role: ComparisonRole
    started_on: date | None
    ended_on: date | None
    assigned_value_method: AssignedMethod
    assigned_value: Decimal | None
    assigned_uncertainty: Decimal | None
    assigned_coverage_factor: Decimal | None
    participants: tuple[ParticipantInfo, ...]
    sigma_pt: Decimal | None = None  # σ_pt stored in ``unit``; None: s* of Algorithm A


@dataclass(frozen=True)
class ComparisonInput:
    """What the user gives to create or update a comparison.

    ``protocol`` holds the protocol text (JJF 1117 / ISO/IEC 17043 and the circulation scheme).
    ``sigma_pt`` (σ_pt) may be typed with a unit ("0.05 mV"): it is converted to ``unit`` as a
    difference, refused when not commensurable; a bare number is taken in ``unit``.
    """

    title: str
    measurand: str
    unit: str
    role: ComparisonRole = ComparisonRole.PARTICIPANT
    scheme: str | None = None
    provider_name: str | None = None
    artefact: str | None = None
    pilot_lab: str | None = None
    protocol: str | None = None
    started_on: date | None = None
    ended_on: date | None = None
    assigned_value_method: AssignedMethod = AssignedMethod.PROVIDER
    assigned_value: Decimal | str | None = None
    assigned_uncertainty: Decimal | str | None = None
    assigned_coverage_factor: Decimal | str | None = None
    sigma_pt: Decimal | str | None = None


@dataclass(frozen=True)
class ParticipantInput:
    """A participant's result as entered or imported.

    Numbers may come as text (checked by the service).  ``unit`` is the unit the value was typed
    in; ``None`` means the comparison's unit.  Another unit is converted, or refused when it
    cannot be.  ``coverage_factor`` is the participant's own k (never assumed to be 2).
    """

    code: str
    value: Decimal | str | None
    expanded_uncertainty: Decimal | str | None = None
    coverage_factor: Decimal | str | None = None
    method: str | None = None
    measured_on: date | None = None
    is_own_lab: bool = False
    instrument_id: int | None = None
    unit: str | None = None


@dataclass(frozen=True)
class ParticipantScore:
    """Scores of one participant; z and z′ are ``None`` when no σ_pt is available."""

    code: str
    is_own_lab: bool
    value: float
    expanded_uncertainty: float
    coverage_factor: float
    standard_uncertainty: float
    en: float
    en_class: ScoreClass
    zeta: float
    zeta_class: ScoreClass
    z: float | None
    z_class: ScoreClass | None
    z_prime: float | None
    z_prime_class: ScoreClass | None

    @property
    def unsatisfactory(self) -> bool:
        """Any score unsatisfactory (|En| > 1, or |ζ|, |z| or |z′| ≥ 3): a corrective action."""
        classes = (self.en_class, self.zeta_class, self.z_class, self.z_prime_class)
        return ScoreClass.UNSATISFACTORY in classes


@dataclass(frozen=True)
class ComparisonResult:
    """The assigned value, its uncertainty and how it was found, and every participant's scores.

    ``expanded_uncertainty`` is U_ref = k·u of the assigned value (k = ``coverage_factor``: the
    provider's k, the pilot's k, or 2 for a value computed from the participants).  ``x_star`` and
    ``s_star`` are set whenever Algorithm A ran (for the assigned value or for σ_pt).
    """

    comparison_id: int
    method: AssignedMethod
    unit: str
    assigned_value: float
    standard_uncertainty: float
    expanded_uncertainty: float
    coverage_factor: float
    sigma_pt: float | None
    x_star: float | None
    s_star: float | None
    scores: tuple[ParticipantScore, ...]
