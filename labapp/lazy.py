"""Lazy re-exports for a package ``__init__``: a name is imported from its module on first use.

A feature package's ``__init__`` names its public API; importing every module behind it at once
loads libraries (openpyxl, xlsxwriter, matplotlib, scipy, the ORM) that the caller may never need,
and the desktop's first window waited for them.  A package lists the names whose modules are heavy
in a table and sets ``__getattr__ = lazy_attributes(__name__, globals(), table)``; it keeps the
same imports under ``if TYPE_CHECKING:``, so type checkers and the import-linter contracts see
exactly what they saw before.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["lazy_attributes"]


def lazy_attributes(
    package: str, namespace: dict[str, Any], modules: Mapping[str, str]
) -> Callable[[str], Any]:
    """A module ``__getattr__`` importing ``{package}.{modules[name]}`` when ``name`` is first used.

    Parameters
    ----------
    package : str
        The package holding the modules: a package's own ``__name__``, or a module's
        ``__package__`` (a module re-exporting its siblings' names).
    namespace : dict
        The module's ``globals()``: a name, once imported, is stored there (no second lookup).
    modules : Mapping[str, str]
        Public name -> the module of ``package`` that defines it (``"_cells"``).
    """

    def __getattr__(name: str) -> Any:
        module = modules.get(name)
        if module is None:
            raise AttributeError(f"module {namespace['__name__']!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{module}"), name)
        namespace[name] = value
        return value

    return __getattr__
