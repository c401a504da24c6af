"""Measurement capability of a point: how the tolerance compares with the uncertainty U.

Rule (pure, documented here, applied to every evaluated point):

* The capability ratio is half the tolerance interval divided by the expanded uncertainty of the
  error, ``(upper - lower) / (2·U)``: for a symmetric ±MPE it is ``MPE / U`` (the TUR of
  ANSI/NCSL Z540.3 with U at about 95 %).
* JJF 1094-2002 (评定测量仪器的计量特性) 5.3: a verification may state conformity without taking
  U into account only when U95 ≤ MPEV/3, i.e. a ratio of at least 3.  ILAC-G8:09/2019's simple
  acceptance (w = 0) assumes the same; below it a "Pass" carries a false-accept risk the
  customer is not told.  :data:`CAPABILITY_THRESHOLD` is that 3 (the lab's threshold, for now a
  constant).
* The ratio is truncated (not rounded) to 0.01, so the figure shown never looks better than the
  one compared: 2.996 shows as 2.99 and warns.
* No ratio (None) when the point has no tolerance, only one limit (no interval to compare U
  with), or no U or U = 0 (no uncertainty stated: capability unknown, shown as such).
"""

from __future__ import annotations

from decimal import ROUND_FLOOR, Decimal

__all__ = ["CAPABILITY_THRESHOLD", "capability_ratio", "is_capable"]

#: JJF 1094 5.3: U95 ≤ MPEV/3.  The lead makes this a lab setting.
CAPABILITY_THRESHOLD = Decimal(3)
_STEP = Decimal("0.01")


def capability_ratio(
    expanded_uncertainty: Decimal | None, lower: Decimal | None, upper: Decimal | None
) -> Decimal | None:
    """Half the tolerance interval over U, truncated to 0.01 (see the module's rule).

    Parameters
    ----------
    expanded_uncertainty : Decimal or None
        U of the error, in the unit of the limits (None: not stated).
    lower, upper : Decimal or None
        Tolerance limits on the error (``-MPE``, ``+MPE`` for a symmetric MPE).

    Returns
    -------
    Decimal or None
        The ratio, or None when it cannot be formed (no U, U = 0, fewer than two limits).
    """
    if expanded_uncertainty is None or expanded_uncertainty <= 0:
        return None
    if lower is None or upper is None:
        return None
    ratio = (upper - lower) / (2 * expanded_uncertainty)
    return ratio.quantize(_STEP, rounding=ROUND_FLOOR)


def is_capable(ratio: Decimal | None, threshold: Decimal = CAPABILITY_THRESHOLD) -> bool | None:
    """True when ``ratio`` reaches ``threshold``, False below it, None when there is no ratio."""
    return None if ratio is None else ratio >= threshold
