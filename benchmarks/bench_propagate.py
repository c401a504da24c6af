"""Benchmark: ``labapp.metrology.uncertainty.propagate`` against bare GTC on the GUM H.1 model.

Both sides evaluate the end-gauge calibration of JCGM 100:2008 H.1 with the same nine inputs and
produce the same numbers: value, u_c, effective dof, k (95 %), U, and the contribution and
sensitivity of every input.  Run with ``python benchmarks/bench_propagate.py``; the goal is a
ratio propagate / bare GTC of at most 1.5.
"""

from __future__ import annotations

import math
import timeit
from typing import Any

import GTC
from GTC import reporting

from labapp.metrology.uncertainty import Input, propagate

GOAL = 1.5
NUMBER = 200
REPEAT = 7


def gauge_block_inputs() -> dict[str, Input]:
    """GUM H.1 inputs (mm, °C deviations from 20 °C)."""
    nm = 1e-6
    return {
        "l_s": Input.from_expanded(50.000623, 0.075e-3, 3.0, dof=18),
        "d": Input(215 * nm, 13 * nm / math.sqrt(5), 24),
        "d_random": Input(0.0, 3.9 * nm, 5),
        "d_systematic": Input(0.0, 6.7 * nm, 8),
        "alpha_s": Input.rectangular(11.5e-6, 2e-6),
        "theta_mean": Input(-0.1, 0.2),
        "delta": Input.arcsine(0.0, 0.5),
        "d_alpha": Input.rectangular(0.0, 1e-6, dof=50),
        "d_theta": Input.rectangular(0.0, 0.05, dof=2),
    }


def model(
    l_s: Any,
    d: Any,
    d_random: Any,
    d_systematic: Any,
    alpha_s: Any,
    theta_mean: Any,
    delta: Any,
    d_alpha: Any,
    d_theta: Any,
) -> Any:
    """GUM H.1 eq. (H.3)."""
    theta = theta_mean + delta
    return l_s + (d + d_random + d_systematic) - l_s * (d_alpha * theta + alpha_s * d_theta)


def bare_gtc(raw: dict[str, tuple[float, float, float]]) -> tuple[float, ...]:
    """The same evaluation written directly against GTC."""
    leaves = {name: GTC.ureal(x, u, df, name) for name, (x, u, df) in raw.items()}
    y = model(**leaves)
    k = reporting.k_factor(int(y.df), 95)  # GTC takes p in percent
    contributions = {n: abs(reporting.u_component(y, x)) for n, x in leaves.items()}
    sensitivities = {n: reporting.sensitivity(y, x) for n, x in leaves.items()}
    assert len(contributions) == len(sensitivities)
    return y.x, y.u, y.df, k, k * y.u


def main() -> None:
    """Time both sides in the same run and print the ratio."""
    inputs = gauge_block_inputs()
    raw = {n: (i.value, i.standard_uncertainty, i.dof) for n, i in inputs.items()}
    ours = propagate(model, inputs)
    theirs = bare_gtc(raw)
    assert math.isclose(ours.combined_standard_uncertainty, theirs[1], rel_tol=1e-12)
    assert math.isclose(ours.coverage_factor, theirs[3], rel_tol=1e-6)
    t_ours = min(timeit.repeat(lambda: propagate(model, inputs), number=NUMBER, repeat=REPEAT))
    t_bare = min(timeit.repeat(lambda: bare_gtc(raw), number=NUMBER, repeat=REPEAT))
    ratio = t_ours / t_bare
    print(
        f"GUM H.1 end gauge: u_c = {ours.combined_standard_uncertainty * 1e6:.1f} nm, "
        f"dof_eff = {ours.dof_eff:.1f}, k = {ours.coverage_factor:.2f}"
    )
    print(f"propagate : {t_ours / NUMBER * 1e6:8.1f} µs per call")
    print(f"bare GTC  : {t_bare / NUMBER * 1e6:8.1f} µs per call")
    print(f"ratio     : {ratio:.2f} (goal <= {GOAL}) {'OK' if ratio <= GOAL else 'OVER GOAL'}")


if __name__ == "__main__":
    main()
