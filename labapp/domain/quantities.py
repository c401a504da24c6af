"""A measured value as the register stores it: an exact decimal plus a unit string.

No pint here: the unit is kept as the short symbol of the unit a person or certificate wrote
(whitelisted by :mod:`labapp.metrology.units` when it was typed, see
:func:`labapp.domain.point_values.parse_measured`); parsing and conversion stay in ``metrology``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Measured:
    """A value with its reported digits (``Decimal("10.00")``) and its unit (``"V"``)."""

    value: Decimal
    unit: str

    def __str__(self) -> str:
        """``"10.00 mV"``: the digits as reported, never an exponent (``1E-7`` prints 0.0000001)."""
        return f"{format(self.value, 'f')} {self.unit}".strip()

    @classmethod
    def of(cls, value: Decimal | None, unit: str | None) -> Measured | None:
        """Build a ``Measured`` from a value/unit column pair, or ``None`` when the value is empty.

        Parameters
        ----------
        value, unit
            The two columns; a missing unit is stored as ``""`` (a dimensionless number).
        """
        if value is None:
            return None
        return cls(value, unit or "")
