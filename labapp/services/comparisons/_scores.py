"""Scoring a comparison: the assigned value by the chosen method, and each participant's En, ζ,
z and z′ (nothing is saved).

The assigned value is given by the provider (value + U + k), the pilot's result, the weighted
mean of the participants, or the robust mean of ISO 13528 Algorithm A with u = 1.25 s*/√p; z and
z′ need σ_pt (given, stored, or s* of Algorithm A).  Every refusal is a ``ValidationError`` naming
the participant, as the records' are (:func:`labapp.services.comparisons._comparisons.refusal`).
"""

from __future__ import annotations

from decimal import Decimal

from labapp.domain.enums import ComparisonRole
from labapp.metrology import comparison as mc
from labapp.metrology.errors import ComparisonError
from labapp.metrology.robust import MIN_VALUES_ALGORITHM_A
from labapp.services.comparisons._comparisons import refusal, sigma_pt_in
from labapp.services.comparisons._dto import (
    AssignedMethod,
    ComparisonDetail,
    ComparisonResult,
    ParticipantInfo,
    ParticipantScore,
)
from labapp.services.comparisons._read import get_comparison
from labapp.services.database import Database

__all__ = ["COMPUTED_K", "score_comparison"]

#: k of an assigned value computed from the participants (weighted mean, Algorithm A).
COMPUTED_K = 2.0


def _participant_numbers(p: ParticipantInfo) -> tuple[float, float, float]:
    """(x, U, k) of a participant, each required for En and ζ."""
    if p.value is None:
        raise refusal("value", "no result", "required", p.code)
    if p.expanded_uncertainty is None:
        raise refusal("expanded_uncertainty", "no uncertainty: En and ζ need U", "required", p.code)
    if p.coverage_factor is None or p.coverage_factor <= 0:
        raise refusal("coverage_factor", "k must be a positive number", "not_positive", p.code)
    big_u = float(p.expanded_uncertainty)
    if big_u == 0:
        raise refusal("expanded_uncertainty", "U is zero", "not_positive", p.code)
    return float(p.value), big_u, float(p.coverage_factor)


def _robust(values: list[float]) -> tuple[float, float]:
    if len(values) < MIN_VALUES_ALGORITHM_A:
        raise refusal(
            "participants",
            f"Algorithm A needs at least {MIN_VALUES_ALGORITHM_A} results, got {len(values)}",
            "too_few",
            needed=MIN_VALUES_ALGORITHM_A,
            got=len(values),
        )
    try:
        return mc.algorithm_a(values)
    except ComparisonError as exc:
        raise refusal("participants", str(exc), "robust_failed") from exc


def _pilot(detail: ComparisonDetail) -> ParticipantInfo:
    for p in detail.participants:
        own_pilot = detail.role == ComparisonRole.PILOT and p.is_own_lab
        if own_pilot or (detail.pilot_lab and p.code == detail.pilot_lab):
            return p
    raise refusal("pilot_lab", "the pilot laboratory is not among the participants", "no_pilot")


def _assigned(
    detail: ComparisonDetail, method: AssignedMethod, numbers: list[tuple[float, float, float]]
) -> tuple[float, float, float]:
    """(X, u(X), k) of the assigned value."""
    if method == AssignedMethod.PROVIDER:
        if detail.assigned_value is None or detail.assigned_uncertainty is None:
            raise refusal("assigned_value", "no assigned value and U were given", "required")
        k = detail.assigned_coverage_factor
        if k is None or k <= 0:
            raise refusal(
                "coverage_factor", "k of the assigned value must be positive", "not_positive"
            )
        u = mc.standard_from_expanded(float(detail.assigned_uncertainty), float(k))
        return float(detail.assigned_value), u, float(k)
    if method == AssignedMethod.PILOT:
        x, big_u, k_pilot = _participant_numbers(_pilot(detail))
        return x, big_u / k_pilot, k_pilot
    if method == AssignedMethod.WEIGHTED_MEAN:
        if len(numbers) < 2:
            raise refusal("participants", "the weighted mean needs 2 results", "too_few", needed=2)
        wm = mc.weighted_mean([n[0] for n in numbers], [n[1] / n[2] for n in numbers])
        return wm.mean, wm.u, COMPUTED_K
    x_star, s_star = _robust([n[0] for n in numbers])
    return x_star, mc.u_assigned_robust(s_star, len(numbers)), COMPUTED_K


def _score(
    p: ParticipantInfo,
    xyz: tuple[float, float, float],
    ref: tuple[float, float, float],
    sigma_pt: float | None,
) -> ParticipantScore:
    x, big_u, k = xyz
    x_ref, u_ref, k_ref = ref
    u = big_u / k
    en = mc.en_number(x, big_u, x_ref, u_ref * k_ref)
    zeta = mc.zeta_score(x, u, x_ref, u_ref)
    z = z_prime = None
    if sigma_pt:
        z, z_prime = mc.z_score(x, x_ref, sigma_pt), mc.z_prime_score(x, x_ref, sigma_pt, u_ref)
    return ParticipantScore(
        p.code,
        p.is_own_lab,
        x,
        big_u,
        k,
        u,
        en,
        mc.classify_en(en),
        zeta,
        mc.classify_score(zeta),
        z,
        None if z is None else mc.classify_score(z),
        z_prime,
        None if z_prime is None else mc.classify_score(z_prime),
    )


def score_comparison(
    db: Database,
    comparison_id: int,
    method: AssignedMethod | str | None = None,
    sigma_pt: Decimal | float | str | None = None,
) -> ComparisonResult:
    """Assigned value and every participant's En, ζ, z and z′ (nothing is saved).

    Parameters
    ----------
    method : AssignedMethod, optional
        How to obtain the assigned value; the comparison's stored method when omitted.
    sigma_pt : number or text, optional
        Standard deviation for proficiency assessment σ_pt (text may carry a unit, see
        :func:`sigma_pt_in`); when omitted the comparison's stored σ_pt, else s* of Algorithm A
        if there are enough results, otherwise z and z′ are left out.

    Raises
    ------
    ValidationError
        A participant without a value or U, k <= 0, too few results for Algorithm A, no pilot
        among the participants, no given value for ``provider``.
    """
    detail = get_comparison(db, comparison_id)
    chosen = AssignedMethod(method) if method is not None else detail.assigned_value_method
    if not detail.participants:
        raise refusal("participants", "no participant results", "too_few", needed=1, got=0)
    numbers = [_participant_numbers(p) for p in detail.participants]
    ref = _assigned(detail, chosen, numbers)
    x_star = s_star = None
    if len(numbers) >= MIN_VALUES_ALGORITHM_A:
        x_star, s_star = _robust([n[0] for n in numbers])
    given = sigma_pt_in(sigma_pt, detail.unit)
    if given is None:
        given = detail.sigma_pt
    sigma = float(given) if given is not None else s_star
    if sigma is not None and not sigma > 0:
        raise refusal("sigma_pt", "σ_pt must be positive", "not_positive")
    scores = tuple(
        _score(p, n, ref, sigma) for p, n in zip(detail.participants, numbers, strict=True)
    )
    x_ref, u_ref, k_ref = ref
    return ComparisonResult(
        comparison_id, chosen, detail.unit, x_ref, u_ref, u_ref * k_ref, k_ref, sigma, x_star,
        s_star, scores,
    )  # fmt: skip
