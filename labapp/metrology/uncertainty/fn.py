"""Elementary functions for measurement models that work on floats, GTC ureals and numpy arrays.

A model written with :mod:`math` fails on the uncertain numbers :func:`propagate` passes in, and
one written with GTC fails on the arrays :func:`monte_carlo` passes in.  Write models with these
helpers instead (``from labapp.metrology.uncertainty import fn``; ``fn.cos(phi)``): each dispatches
to GTC for ureals, to numpy for arrays and to :mod:`math` for plain numbers.  Arithmetic operators
(``+ - * / **``) already work on all three.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import GTC
import numpy as np

__all__ = ["acos", "asin", "atan", "atan2", "cos", "exp", "log", "log10", "sin", "sqrt", "tan"]

_UREAL = GTC.lib.UncertainReal


_Unary = Callable[[Any], Any]


def _dispatch(gtc: _Unary, array: _Unary, scalar: _Unary) -> _Unary:
    """Return a function applying ``gtc``, ``array`` or ``scalar`` by the argument's type."""

    def apply(x: Any) -> Any:
        if isinstance(x, _UREAL):
            return gtc(x)
        if isinstance(x, np.ndarray):
            return array(x)
        return scalar(x)

    return apply


sin: _Unary = _dispatch(GTC.sin, np.sin, math.sin)
cos: _Unary = _dispatch(GTC.cos, np.cos, math.cos)
tan: _Unary = _dispatch(GTC.tan, np.tan, math.tan)
asin: _Unary = _dispatch(GTC.asin, np.arcsin, math.asin)
acos: _Unary = _dispatch(GTC.acos, np.arccos, math.acos)
atan: _Unary = _dispatch(GTC.atan, np.arctan, math.atan)
sqrt: _Unary = _dispatch(GTC.sqrt, np.sqrt, math.sqrt)
exp: _Unary = _dispatch(GTC.exp, np.exp, math.exp)
log: _Unary = _dispatch(GTC.log, np.log, math.log)
log10: _Unary = _dispatch(GTC.log10, np.log10, math.log10)


def atan2(y: Any, x: Any) -> Any:
    """Return the angle of (x, y) in radians, for floats, ureals or arrays."""
    if isinstance(y, _UREAL) or isinstance(x, _UREAL):
        return GTC.atan2(y, x)
    if isinstance(y, np.ndarray) or isinstance(x, np.ndarray):
        return np.arctan2(y, x)
    return math.atan2(y, x)
