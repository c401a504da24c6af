"""D-SI unit strings (``\\milli\\volt``) to LabApp's unit text (``mV``) and back, through pint.

D-SI (PTB's Digital System of Units, 2.1.0) writes a unit as a sequence of ``\\prefix\\unit``
atoms, each optionally raised with ``\\tothe{n}`` (``\\metre\\second\\tothe{-1}`` is m/s).
Reading, each atom becomes LabApp's symbol (prefix symbol + unit symbol) and the whole is checked
by :func:`labapp.metrology.units.parse_unit` against the one whitelist LabApp has (``mV``,
``µm``, ``°C``, ``%``, ``m/s``, ``V²``).  Writing goes the other way from the pint unit; a
temperature difference in Δ°C is written ``\\kelvin``.  A unit that cannot map either way is
refused (:class:`DccError` ``unit`` / ``unit_out``), never guessed.

Relative humidity: D-SI has no %RH; it is written ``\\percent`` and read back as ``%RH`` where
the quantity is about humidity (a ``refType`` naming humidity), else as ``%``.
"""

from __future__ import annotations

import re
from typing import Any

from labapp.io.dcc._errors import DccError
from labapp.metrology.units import UnitError, parse_unit, ureg

__all__ = ["dsi_to_unit", "unit_to_dsi"]

_PREFIXES = {
    "tera": "T", "giga": "G", "mega": "M", "kilo": "k", "hecto": "h", "deca": "da", "deci": "d",
    "centi": "c", "milli": "m", "micro": "µ", "nano": "n", "pico": "p", "femto": "f",
}  # fmt: skip
_UNITS = {
    "volt": "V", "ampere": "A", "ohm": "Ω", "siemens": "S", "farad": "F", "watt": "W",
    "joule": "J", "gram": "g", "kilogram": "kg", "metre": "m", "pascal": "Pa", "hertz": "Hz",
    "second": "s", "newton": "N", "litre": "L", "liter": "L", "kelvin": "K", "mole": "mol",
    "candela": "cd", "degreecelsius": "°C", "percent": "%", "ppm": "ppm", "one": "",
    "minute": "min", "hour": "h", "day": "d", "radian": "rad", "degree": "°", "bar": "bar",
    "mmhg": "mmHg", "decibel": "dB", "lux": "lx", "tonne": "t",
}  # fmt: skip
# pint unit names -> D-SI atoms (prefixes are split off by pint itself)
_PINT_TO_DSI = {
    "volt": "volt", "ampere": "ampere", "ohm": "ohm", "siemens": "siemens", "farad": "farad",
    "watt": "watt", "joule": "joule", "gram": "gram", "meter": "metre", "pascal": "pascal",
    "hertz": "hertz", "second": "second", "newton": "newton", "liter": "litre",
    "kelvin": "kelvin", "mole": "mole", "candela": "candela", "degree_Celsius": "degreecelsius",
    "percent": "percent", "percent_rh": "percent", "delta_degree_Celsius": "kelvin",
    "ppm": "ppm", "minute": "minute",
    "hour": "hour", "day": "day", "radian": "radian", "degree": "degree", "bar": "bar",
    "millimeter_Hg": "mmhg", "decibel": "decibel", "lux": "lux", "metric_ton": "tonne",
}  # fmt: skip
_ATOM = re.compile(r"\\([A-Za-z]+)(?:\{([^{}]*)\})?")
_MAX_UNIT_TEXT = 200


def _atoms(dsi: str) -> list[tuple[str, str | None]]:
    text = dsi.strip()
    if not text or len(text) > _MAX_UNIT_TEXT:
        raise DccError("unit", {"unit": text[:40] or "''"})
    atoms = [(m.group(1), m.group(2)) for m in _ATOM.finditer(text)]
    if "".join(m.group(0) for m in _ATOM.finditer(text)) != text.replace(" ", ""):
        raise DccError("unit", {"unit": text[:40]})
    return atoms


def dsi_to_unit(dsi: str, *, humidity: bool = False) -> str:
    """LabApp's canonical unit text for a D-SI unit string.

    Parameters
    ----------
    dsi : str
        E.g. ``\\milli\\volt``, ``\\degreecelsius``, ``\\metre\\second\\tothe{-1}``, ``\\one``.
    humidity : bool
        The quantity is a relative humidity: ``\\percent`` is ``%RH``.

    Raises
    ------
    DccError
        ``unit``: an atom LabApp does not know, a malformed string, or a combination the
        whitelist refuses.
    """
    parts: list[tuple[str, int]] = []
    prefix = ""
    sign = 1
    for name, argument in _atoms(dsi):
        if name in _PREFIXES and not prefix:
            prefix = _PREFIXES[name]
        elif name == "per":
            sign = -1
        elif name == "tothe" and parts and argument is not None and not prefix:
            symbol, _ = parts[-1]
            parts[-1] = (symbol, _power(argument, dsi) * (1 if parts[-1][1] > 0 else -1))
        elif name in _UNITS:
            parts.append((prefix + _UNITS[name], sign))
            prefix, sign = "", 1
        else:
            raise DccError("unit", {"unit": dsi})
    if prefix or not parts:
        raise DccError("unit", {"unit": dsi})
    return _canonical(parts, dsi, humidity)


def _power(argument: str, dsi: str) -> int:
    try:
        power = int(argument)
    except ValueError:
        raise DccError("unit", {"unit": dsi}) from None
    if power == 0 or abs(power) > 9:
        raise DccError("unit", {"unit": dsi})
    return power


def _canonical(parts: list[tuple[str, int]], dsi: str, humidity: bool) -> str:
    if parts == [("", 1)]:
        return ""
    if parts == [("%", 1)] and humidity:
        return "%RH"
    up = [_raised(s, p) for s, p in parts if p > 0 and s]
    down = [_raised(s, -p) for s, p in parts if p < 0 and s]
    text = "·".join(up) or "1"
    if down:
        text += "/" + "/".join(down)
    if text == "1":
        raise DccError("unit", {"unit": dsi})
    try:
        parse_unit(text)  # the whitelist decides
    except UnitError:
        raise DccError("unit", {"unit": dsi}) from None
    return text


def _raised(symbol: str, power: int) -> str:
    return symbol + {1: "", 2: "²", 3: "³"}.get(power, f"^{power}")


def unit_to_dsi(unit_text: str) -> str:
    """The D-SI string of a LabApp unit (``"mV"`` → ``\\milli\\volt``; ``""`` → ``\\one``).

    Raises
    ------
    DccError
        ``unit_out``: a unit D-SI has no form for (°F, psi, rpm, ppb ...).
    """
    if not unit_text.strip():
        return r"\one"
    try:
        unit: Any = parse_unit(unit_text)
    except UnitError:
        raise DccError("unit_out", {"unit": unit_text}) from None
    atoms = []
    for name, power in unit._units.items():
        atoms.append(_dsi_atom(name, unit_text) + (rf"\tothe{{{power}}}" if power != 1 else ""))
    return "".join(atoms)


def _dsi_atom(name: str, unit_text: str) -> str:
    if name in _PINT_TO_DSI:
        return "\\" + _PINT_TO_DSI[name]
    for prefix, base, _suffix in ureg.parse_unit_name(name):
        if prefix in _PREFIXES and base in _PINT_TO_DSI:
            return f"\\{prefix}\\{_PINT_TO_DSI[base]}"
    raise DccError("unit_out", {"unit": unit_text})
