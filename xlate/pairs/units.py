"""Units of measurement: what converting a figure between them gives, so that "1,700-mile" may render
«2.735 km». Each language names the units in its own words (``LanguageResources.unit_words``); the
symbols here are shared by all."""

from __future__ import annotations

# Unit → (quantity, factor to the quantity's base unit, offset): base = value × factor + offset.
UNITS: dict[str, tuple[str, float, float]] = {
    "km": ("length", 1000.0, 0.0), "m": ("length", 1.0, 0.0), "cm": ("length", 0.01, 0.0),
    "mi": ("length", 1609.344, 0.0), "nmi": ("length", 1852.0, 0.0), "yd": ("length", 0.9144, 0.0),
    "ft": ("length", 0.3048, 0.0), "in": ("length", 0.0254, 0.0),
    "kg": ("mass", 1.0, 0.0), "t": ("mass", 1000.0, 0.0), "lb": ("mass", 0.45359237, 0.0),
    "oz": ("mass", 0.028349523125, 0.0), "g": ("mass", 0.001, 0.0),
    "km/h": ("speed", 1 / 3.6, 0.0), "mph": ("speed", 0.44704, 0.0), "kn": ("speed", 1852 / 3600, 0.0),
    "c": ("temperature", 1.0, 0.0), "f": ("temperature", 5 / 9, -160 / 9),
    "ha": ("area", 10_000.0, 0.0), "acre": ("area", 4046.8564224, 0.0), "km2": ("area", 1e6, 0.0),
    "sqmi": ("area", 2_589_988.110336, 0.0), "m2": ("area", 1.0, 0.0),
    "l": ("volume", 1.0, 0.0), "gal": ("volume", 3.785411784, 0.0),
    "%": ("share", 1.0, 0.0),
}
# Symbols every language writes the same way (not "m", "t" or "l": "£5m" is five million).
UNIT_SYMBOLS: dict[str, str] = {
    "km": "km", "cm": "cm", "kg": "kg", "km/h": "km/h", "kph": "km/h", "mph": "mph", "°c": "c", "ºc": "c",
    "°f": "f", "ºf": "f", "ha": "ha", "km²": "km2", "km2": "km2", "m²": "m2", "m2": "m2", "mi": "mi", "ft": "ft",
    "lb": "lb", "lbs": "lb", "oz": "oz", "gal": "gal",
}


def convert(value: float, source: str, target: str) -> float | None:
    """``value`` in unit ``source`` expressed in unit ``target`` (None across quantities)."""
    quantity, factor, offset = UNITS[source]
    other, target_factor, target_offset = UNITS[target]
    if quantity != other:
        return None
    return (value * factor + offset - target_offset) / target_factor


# Currency signs every language writes the same way; an amount in one of them put in brackets after
# another amount is a conversion for readers ("$20m (£12m)"), whose rate is the translator's.
CURRENCY_SIGNS = "$£€¥₹₽"
