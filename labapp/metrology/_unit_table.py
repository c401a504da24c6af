"""The whitelist of unit symbols LabApp accepts from people, mapped to pint unit names.

pint alone reads typos as other units ("45 %RH" is percent·ronnahenry, "20 degrees C" is
degree·coulomb), so the parser only accepts atoms listed here.  Atoms are case-sensitive: "mS" is
millisiemens and "MS" is not a unit.
"""

from __future__ import annotations

# SI prefixes a person types, mapped to pint's prefix names.  Both micro signs (U+00B5, U+03BC; the
# parser applies NFKC, which folds U+00B5 into U+03BC) and the ASCII "u" mean micro.
PREFIXES: dict[str, str] = {
    "G": "giga",
    "M": "mega",
    "k": "kilo",
    "c": "centi",
    "m": "milli",
    "μ": "micro",
    "u": "micro",
    "n": "nano",
    "p": "pico",
}

# Units that take a prefix: symbol -> pint name.
PREFIXABLE: dict[str, str] = {
    "V": "volt",
    "A": "ampere",
    "Ω": "ohm",
    "ohm": "ohm",
    "Ohm": "ohm",
    "S": "siemens",
    "F": "farad",
    "W": "watt",
    "J": "joule",
    "g": "gram",
    "m": "meter",
    "Pa": "pascal",
    "Hz": "hertz",
    "s": "second",
    "N": "newton",
    "L": "liter",
    "l": "liter",
    "K": "kelvin",
    "mol": "mole",
    "cd": "candela",
}

# Units without prefixes (and prefixed forms people write that the table above does not build).
PLAIN: dict[str, str] = {
    "°C": "degree_Celsius",
    "degC": "degree_Celsius",
    "°F": "degree_Fahrenheit",
    "degF": "degree_Fahrenheit",
    "Δ°C": "delta_degree_Celsius",
    "delta_degC": "delta_degree_Celsius",
    "Δ°F": "delta_degree_Fahrenheit",
    "delta_degF": "delta_degree_Fahrenheit",
    "%": "percent",
    "%RH": "percent_rh",
    "%rh": "percent_rh",
    "ppm": "ppm",
    "ppb": "ppb",
    "dB": "decibel",
    "lx": "lux",
    "bar": "bar",
    "mbar": "millibar",
    "hPa": "hectopascal",
    "psi": "psi",
    "mmHg": "millimeter_Hg",
    "atm": "atmosphere",
    "min": "minute",
    "h": "hour",
    "d": "day",
    "rad": "radian",
    "mrad": "milliradian",
    "μrad": "microradian",
    "°": "degree",
    "rpm": "revolutions_per_minute",
    "t": "metric_ton",
}

# Symbols that name offset (absolute temperature) units; they cannot enter products or quotients.
OFFSET_UNITS = frozenset({"degree_Celsius", "degree_Fahrenheit"})


def build_atoms() -> dict[str, str]:
    """Return every accepted atom (symbol) mapped to the pint unit name it stands for.

    Explicit entries in :data:`PLAIN` win over prefix + unit combinations, so "min" is a minute
    and never a milli-inch, and "cd" is the candela.
    """
    atoms: dict[str, str] = {}
    for symbol, name in PREFIXABLE.items():
        atoms[symbol] = name
        for prefix_symbol, prefix_name in PREFIXES.items():
            atoms.setdefault(prefix_symbol + symbol, prefix_name + name)
    atoms.update(PLAIN)
    return atoms
