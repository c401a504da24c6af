"""Control charts for intermediate checks and the JJF 1033 stability and repeatability tests.

Shewhart charts (ISO 7870-2) for the results of intermediate checks (期间核查) of a measurement
standard:

* :func:`individuals_limits` - individuals (X) chart: centre = mean of the baseline, σ = MR̄ / d2
  with the average moving range of consecutive points (d2 = 1.128 for n = 2).
* :func:`xbar_limits` - X̄ chart of subgroups of 2 to 10 readings with the X̄-R method (limits
  X̄̄ ± A2·R̄).  X̄-R rather than X̄-s because checks are usually taken in small subgroups (n ≤ 10),
  where the range is as efficient as s and is what the JJF 1033 range method already uses.

Limits are a function of the **baseline only**: compute them once from a chosen, in-control
period and keep them fixed; points added later are judged against them, never fed back.

:func:`run_rules` applies the Western Electric zone tests and the trend test to a series.
:func:`stability_test` and :func:`repeatability_test` are the JJF 1033-2016 tests of a standard
(C.2.2.3 stability, C.2.2.2 repeatability), built on :mod:`labapp.metrology.statistics`; they keep
``Decimal`` digits where that module does.

Long module on purpose: the limits, the run rules and the JJF 1033 tests share the
constants and the baseline rule above, and a metrologist reads them as one method.
"""

from __future__ import annotations

import enum
import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from labapp.metrology import _checks
from labapp.metrology.errors import MetrologyError
from labapp.metrology.statistics import repeatability, stability

__all__ = [
    "A2_FACTORS",
    "D2_MOVING_RANGE",
    "SIDE_RUN",
    "TREND_RUN",
    "WESTERN_ELECTRIC",
    "ZONE_RULES",
    "ControlLimits",
    "RepeatabilityResult",
    "Rule",
    "RuleViolation",
    "StabilityCriterion",
    "StabilityResult",
    "individuals_limits",
    "repeatability_test",
    "run_rules",
    "stability_test",
    "xbar_limits",
]

Number = float | Decimal

#: d2 for a moving range of two consecutive points (ISO 7870-2:2023 Table 2).
D2_MOVING_RANGE = 1.128

#: A2 of the X̄-R chart by subgroup size (ISO 7870-2:2023 Table 2); A2 = 3 / (d2·√n).
A2_FACTORS: dict[int, float] = {
    2: 1.880,
    3: 1.023,
    4: 0.729,
    5: 0.577,
    6: 0.483,
    7: 0.419,
    8: 0.373,
    9: 0.337,
    10: 0.308,
}

#: Points in a row on one side of the centre line for :attr:`Rule.RUN_ON_ONE_SIDE` (Western
#: Electric; Nelson's rule 2 uses 9, which raises fewer false alarms).
SIDE_RUN = 8
#: Points in a row steadily increasing or decreasing for :attr:`Rule.TREND` (5 steps).
TREND_RUN = 6


@dataclass(frozen=True)
class ControlLimits:
    """Fixed limits of a Shewhart chart.

    Attributes
    ----------
    centre : float
        Centre line (mean of the baseline, or grand mean of the subgroup means).
    sigma : float
        Standard deviation of a plotted point (of one value, or of a subgroup mean).
    method : str
        ``"individuals"`` (moving range) or ``"xbar-r"``.
    baseline_size : int
        Number of points (or subgroups) the limits come from.
    subgroup_size : int
        1 for individuals.
    mean_range : float
        The average moving range MR̄ or the average subgroup range R̄.
    """

    centre: float
    sigma: float
    method: str
    baseline_size: int
    subgroup_size: int
    mean_range: float

    def line(self, k: float) -> float:
        """The line k σ from the centre (k = 3: UCL, k = -3: LCL)."""
        return self.centre + k * self.sigma

    @property
    def ucl(self) -> float:
        """Upper control limit, centre + 3σ."""
        return self.line(3.0)

    @property
    def lcl(self) -> float:
        """Lower control limit, centre - 3σ."""
        return self.line(-3.0)

    @property
    def zones(self) -> dict[int, tuple[float, float]]:
        """The ±1σ, ±2σ and ±3σ lines as ``{k: (centre - kσ, centre + kσ)}``."""
        return {k: (self.line(-k), self.line(k)) for k in (1, 2, 3)}


def _floats(values: Sequence[Number], minimum: int, what: str) -> list[float]:
    data = [_checks.finite(float(v), what) for v in values]
    if len(data) < minimum:
        raise MetrologyError(f"{what} needs at least {minimum} values, got {len(data)}")
    return data


def individuals_limits(baseline: Sequence[Number]) -> ControlLimits:
    """Limits of an individuals chart from a baseline series (moving-range method).

    Parameters
    ----------
    baseline : sequence of float or Decimal
        At least 2 in-control results, in time order (the moving range depends on the order).

    Returns
    -------
    ControlLimits
        centre = mean, σ = MR̄ / 1.128.
    """
    data = _floats(baseline, 2, "baseline")
    moving = [abs(b - a) for a, b in itertools.pairwise(data)]
    mr_bar = math.fsum(moving) / len(moving)
    centre = math.fsum(data) / len(data)
    return ControlLimits(centre, mr_bar / D2_MOVING_RANGE, "individuals", len(data), 1, mr_bar)


def xbar_limits(subgroups: Sequence[Sequence[Number]]) -> ControlLimits:
    """Limits of an X̄ chart (X̄-R method) from baseline subgroups of equal size 2 to 10.

    Parameters
    ----------
    subgroups : sequence of sequences of float or Decimal
        At least 2 subgroups, each of the same size n (2 ≤ n ≤ 10).

    Returns
    -------
    ControlLimits
        centre = X̄̄ (mean of the subgroup means), σ of a subgroup mean = A2·R̄ / 3, so that
        UCL/LCL = X̄̄ ± A2·R̄.
    """
    groups = [_floats(g, 2, "subgroup") for g in subgroups]
    if len(groups) < 2:
        raise MetrologyError(f"xbar_limits needs at least 2 subgroups, got {len(groups)}")
    sizes = {len(g) for g in groups}
    n = sizes.pop()
    if sizes:
        raise MetrologyError("subgroups must all have the same size")
    if n not in A2_FACTORS:
        raise MetrologyError(f"subgroup size must be 2..10 for the X̄-R chart, got {n}")
    means = [math.fsum(g) / n for g in groups]
    r_bar = math.fsum(max(g) - min(g) for g in groups) / len(groups)
    centre = math.fsum(means) / len(means)
    return ControlLimits(centre, A2_FACTORS[n] * r_bar / 3.0, "xbar-r", len(groups), n, r_bar)


class Rule(enum.IntEnum):
    """Run rules, numbered as drawn on the chart.

    1-4 are the Western Electric zone tests; 5 is the trend test (Western Electric handbook's
    trend pattern, Nelson rule 3).
    """

    BEYOND_3_SIGMA = 1
    TWO_OF_THREE_BEYOND_2_SIGMA = 2
    FOUR_OF_FIVE_BEYOND_1_SIGMA = 3
    RUN_ON_ONE_SIDE = 4
    TREND = 5


#: The default set: all five rules.
WESTERN_ELECTRIC: tuple[Rule, ...] = tuple(Rule)
#: The four zone tests only, without the trend test.
ZONE_RULES: tuple[Rule, ...] = tuple(rule for rule in Rule if rule is not Rule.TREND)

_DESCRIPTIONS: dict[Rule, str] = {
    Rule.BEYOND_3_SIGMA: "1 point beyond 3 sigma",
    Rule.TWO_OF_THREE_BEYOND_2_SIGMA: "2 of 3 points beyond 2 sigma on the same side",
    Rule.FOUR_OF_FIVE_BEYOND_1_SIGMA: "4 of 5 points beyond 1 sigma on the same side",
    Rule.RUN_ON_ONE_SIDE: f"{SIDE_RUN} points in a row on one side of the centre line",
    Rule.TREND: f"{TREND_RUN} points in a row steadily increasing or decreasing",
}


@dataclass(frozen=True)
class RuleViolation:
    """A point that completes a run-rule pattern.

    Attributes
    ----------
    index : int
        Index of the point in the series (the last point of the pattern).
    rule : Rule
        The rule broken (its number is what charts print).
    description : str
        English description of the rule (the UI translates by ``rule``).
    """

    index: int
    rule: Rule
    description: str


def _side(z: float) -> int:
    return (z > 0) - (z < 0)


def _k_of_m_beyond(z: list[float], i: int, k: int, m: int, level: float) -> bool:
    """Point i is beyond ``level`` σ and, with it, k of the last m are beyond on its side."""
    side = _side(z[i])
    if i < m - 1 or side == 0 or abs(z[i]) <= level:
        return False
    window = z[i - m + 1 : i + 1]
    return sum(1 for v in window if _side(v) == side and abs(v) > level) >= k


def _beyond_3(z: list[float], i: int) -> bool:
    return abs(z[i]) > 3.0


def _two_of_three(z: list[float], i: int) -> bool:
    return _k_of_m_beyond(z, i, 2, 3, 2.0)


def _four_of_five(z: list[float], i: int) -> bool:
    return _k_of_m_beyond(z, i, 4, 5, 1.0)


def _run_on_one_side(z: list[float], i: int) -> bool:
    window = z[i - SIDE_RUN + 1 : i + 1] if i >= SIDE_RUN - 1 else []
    sides = {_side(v) for v in window}
    return len(window) == SIDE_RUN and len(sides) == 1 and 0 not in sides


def _trend(z: list[float], i: int) -> bool:
    if i < TREND_RUN - 1:
        return False
    window = z[i - TREND_RUN + 1 : i + 1]
    steps = {_side(b - a) for a, b in itertools.pairwise(window)}
    return len(steps) == 1 and 0 not in steps


_TESTS: dict[Rule, Callable[[list[float], int], bool]] = {
    Rule.BEYOND_3_SIGMA: _beyond_3,
    Rule.TWO_OF_THREE_BEYOND_2_SIGMA: _two_of_three,
    Rule.FOUR_OF_FIVE_BEYOND_1_SIGMA: _four_of_five,
    Rule.RUN_ON_ONE_SIDE: _run_on_one_side,
    Rule.TREND: _trend,
}


def run_rules(
    values: Sequence[Number], limits: ControlLimits, rules: Sequence[Rule] = WESTERN_ELECTRIC
) -> list[RuleViolation]:
    """Points of a series that break run rules, judged against fixed limits.

    Each violation is reported at the point that completes the pattern; for rules 2 and 3 that
    point must itself be beyond the zone.  A point on the centre line breaks a run (rule 4) and
    equal consecutive values break a trend (rule 5).

    Parameters
    ----------
    values : sequence of float or Decimal
        The plotted points in time order.
    limits : ControlLimits
        From :func:`individuals_limits` or :func:`xbar_limits` on a baseline.
    rules : sequence of Rule
        Rules to apply; default :data:`WESTERN_ELECTRIC` (all five).

    Returns
    -------
    list of RuleViolation
        Sorted by index, then rule.
    """
    if not limits.sigma > 0:
        raise MetrologyError("limits.sigma must be positive to apply run rules")
    z = [(v - limits.centre) / limits.sigma for v in _floats(values, 0, "values")]
    found = [
        RuleViolation(i, rule, _DESCRIPTIONS[rule])
        for i in range(len(z))
        for rule in sorted(set(rules))
        if _TESTS[rule](z, i)
    ]
    return sorted(found, key=lambda v: (v.index, v.rule))


class StabilityCriterion(enum.Enum):
    """What the stability of a standard is compared with (JJF 1033-2016 C.2.2.3)."""

    #: The standard is used at its nominal value: |MPE| (or the accuracy-class limit).
    MPE = "mpe"
    #: The standard is used with corrections: the expanded uncertainty U of the correction.
    CORRECTION_UNCERTAINTY = "correction_uncertainty"


@dataclass(frozen=True)
class StabilityResult:
    """Outcome of :func:`stability_test`.

    Attributes
    ----------
    stability : float or Decimal
        max - min of the group means (Decimal when every mean was a Decimal).
    limit : float or Decimal
        The criterion's value (absolute).
    criterion : StabilityCriterion
        Which criterion ``limit`` is.
    groups : int
        Number of group means.
    passed : bool
        ``stability <= limit``.
    """

    stability: Number
    limit: Number
    criterion: StabilityCriterion
    groups: int
    passed: bool


def _magnitude(value: Number) -> Number:
    return Decimal(value).copy_abs() if isinstance(value, Decimal) else math.fabs(value)


def _at_most(value: Number, limit: Number) -> bool:
    """value <= limit, exactly when both are Decimal (mypy refuses Decimal vs float)."""
    if isinstance(value, Decimal) and isinstance(limit, Decimal):
        return value <= limit
    return float(value) <= float(limit)


def stability_test(
    group_means: Sequence[Number],
    limit: Number,
    criterion: StabilityCriterion = StabilityCriterion.MPE,
) -> StabilityResult:
    """Stability test of a measurement standard (JJF 1033-2016 C.2.2.3).

    Parameters
    ----------
    group_means : sequence of float or Decimal
        Means of the groups of measurements (a new standard: m ≥ 4 groups at least a month
        apart; an existing one: the means of adjacent years).
    limit : float or Decimal
        |MPE| when the standard is used by its nominal value, U of the correction when it is
        used with corrections; a negative MPE is taken by its magnitude.
    criterion : StabilityCriterion
        Which of the two ``limit`` is, recorded in the result.

    Returns
    -------
    StabilityResult
        Passes when max - min of the means ≤ limit.
    """
    _checks.finite(float(limit), "limit")
    bound = _magnitude(limit)
    spread = stability(group_means)
    return StabilityResult(spread, bound, criterion, len(group_means), _at_most(spread, bound))


@dataclass(frozen=True)
class RepeatabilityResult:
    """Outcome of :func:`repeatability_test`.

    Attributes
    ----------
    n : int
        Number of readings.
    mean, s : float or Decimal
        Mean and Bessel experimental standard deviation (Decimal when every reading was).
    limit : float or Decimal or None
        The criterion, if one was given.
    passed : bool or None
        ``s <= limit``; None without a limit.
    """

    n: int
    mean: Number
    s: Number
    limit: Number | None
    passed: bool | None


def repeatability_test(
    readings: Sequence[Number], limit: Number | None = None
) -> RepeatabilityResult:
    """Repeatability test of a measurement standard (JJF 1033-2016 C.2.2.2).

    Parameters
    ----------
    readings : sequence of float or Decimal
        n repeated readings (JJF 1033: normally n = 10) under repeatability conditions.
    limit : float or Decimal, optional
        The largest acceptable s, e.g. the repeatability component used in the standard's
        uncertainty evaluation.

    Returns
    -------
    RepeatabilityResult
    """
    mean, s, n = repeatability(readings)
    if limit is None:
        return RepeatabilityResult(n, mean, s, None, None)
    _checks.finite(float(limit), "limit")
    return RepeatabilityResult(n, mean, s, limit, _at_most(s, _magnitude(limit)))
