"""xlate: a translation-consistency checker for news (Spanish→English first)."""

__version__ = "0.1.0"
