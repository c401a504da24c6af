"""The one pint registry of the process, built on first use (building it takes a third of a second).

:func:`registry` builds it once (LabApp's extra units, pint's application registry pointed at it)
and returns the same object ever after; :data:`labapp.metrology.units.ureg` and
:data:`~labapp.metrology.units.Quantity` stand for it until then, so importing the domain, the
database models or the CLI loads neither pint nor numpy.
"""

from __future__ import annotations

import threading
from decimal import Decimal
from typing import Any

_lock = threading.Lock()
_built: Any = None


def registry() -> Any:
    """The process's pint registry, built (thread-safely) on the first call."""
    global _built
    if _built is None:
        with _lock:
            if _built is None:
                _built = _build()
    return _built


def is_built() -> bool:
    """True once :func:`registry` has built the registry (no quantity can exist before)."""
    return _built is not None


def _build() -> Any:
    import pint

    class _LabQuantity(pint.UnitRegistry.Quantity):  # type: ignore[type-arg]
        """pint's Quantity, converting ``Decimal`` magnitudes exactly (see ``to_unit``)."""

        def _exact_target(self, other: Any) -> Any:
            """The target unit when the conversion is ours to do, else None (pint does it)."""
            if not isinstance(self.magnitude, Decimal):
                return None
            if isinstance(other, str):
                other = self._REGISTRY.parse_units(other)
            elif isinstance(other, self._REGISTRY.Quantity):
                other = other.units
            if not isinstance(other, self._REGISTRY.Unit):
                return None
            return other if other.dimensionality == self.dimensionality else None

        def to(self, other: Any = None, *contexts: Any, **ctx_kwargs: Any) -> Any:
            target = None if contexts or ctx_kwargs else self._exact_target(other)
            if target is None:
                return super().to(other, *contexts, **ctx_kwargs)
            from labapp.metrology.units import to_unit

            return to_unit(self, target)

        def m_as(self, units: Any) -> Any:
            return self.to(units).magnitude

        def to_root_units(self) -> Any:
            if not isinstance(self.magnitude, Decimal):
                return super().to_root_units()
            registry = self._REGISTRY
            return self.to(registry.Unit(registry.get_root_units(self.units)[1]))

        def to_base_units(self) -> Any:
            if not isinstance(self.magnitude, Decimal):
                return super().to_base_units()
            registry = self._REGISTRY
            return self.to(registry.Unit(registry.get_base_units(self.units)[1]))

    class _LabRegistry(pint.UnitRegistry):  # type: ignore[type-arg]
        Quantity = _LabQuantity

    ureg: Any = _LabRegistry()
    ureg.define("percent_rh = 0.01 = %RH")
    ureg.define("ppb = 1e-9")
    ureg.formatter.default_sort_func = None  # keep "N·m" in the order it was built
    pint.set_application_registry(ureg)  # type: ignore[no-untyped-call]
    return ureg


class LazyRegistry:
    """Stands for the registry (``path=()``) or one of its attributes until first use.

    Attribute access and calls build the registry; ``isinstance(x, Quantity)`` does not (before
    the build no quantity exists, so the answer is False without building anything).
    """

    __slots__ = ("_path",)

    def __init__(self, *path: str) -> None:
        self._path = path

    def _target(self) -> Any:
        target = registry()
        for name in self._path:
            target = getattr(target, name)
        return target

    def __getattr__(self, name: str) -> Any:
        return getattr(self._target(), name)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._target()(*args, **kwargs)

    def __instancecheck__(self, instance: Any) -> bool:
        return is_built() and isinstance(instance, self._target())

    def __eq__(self, other: object) -> bool:
        return bool(self._target() == other)

    def __hash__(self) -> int:
        return hash(self._target())

    def __repr__(self) -> str:
        return f"<lazy {'.'.join(('registry', *self._path))}>"
