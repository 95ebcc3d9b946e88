"""Configuration: dataclass defaults → config file → command-line options.

The file is ``xlate.toml`` (keys at top level) or ``[tool.xlate]`` in
``pyproject.toml``, looked up in the working directory unless ``--config``
names one. Unknown keys are rejected with a message naming the file.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from xlate.errors import ConfigError
from xlate.gate import FAIL_ON_CHOICES
from xlate.model import Severity


@dataclass
class Config:
    """Every setting a config file may hold, with its default."""

    # The translation direction (es-en, fr-en, …); None: the one the input declares or is written in.
    pair: str | None = None
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    fail_on: str = "major"
    min_confidence: float = 0.0
    min_severity: str = "minor"
    apertium: bool = True
    embeddings: bool = True
    glossary: str | None = None
    cache: str | None = None
    marian_model: str | None = None
    encoder_model: str | None = None
    jobs: int = 1
    dask: str | None = None
    max_chars: int = 200_000
    calibrate: bool = True

    def to_dict(self) -> dict[str, object]:
        return dict(vars(self))

    def validate(self, where: str) -> None:
        if self.fail_on not in FAIL_ON_CHOICES:
            raise ConfigError(f"{where}: fail_on must be one of {', '.join(FAIL_ON_CHOICES)}, not {self.fail_on!r}")
        try:
            Severity.parse(self.min_severity)
        except ValueError as exc:
            raise ConfigError(f"{where}: min_severity: {exc}") from None
        if not isinstance(self.min_confidence, int | float) or not 0.0 <= self.min_confidence <= 1.0:
            raise ConfigError(f"{where}: min_confidence must be a number from 0 to 1, not {self.min_confidence!r}")
        for key, least in (("jobs", 1), ("max_chars", 0)):
            value = getattr(self, key)
            if not isinstance(value, int) or isinstance(value, bool) or value < least:
                raise ConfigError(f"{where}: {key} must be a whole number of at least {least}, not {value!r}")


def _table(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    if path.name == "pyproject.toml":
        return data.get("tool", {}).get("xlate", {})
    return data


def load_config(path: str | Path | None = None, cwd: Path | None = None) -> tuple[Config, str | None]:
    """The configuration and the file it came from (None when only defaults apply)."""
    if path is None:
        base = cwd or Path.cwd()
        candidates = [base / "xlate.toml", base / "pyproject.toml"]
        found = [p for p in candidates if p.is_file() and (p.name == "xlate.toml" or _table(p))]
        if not found:
            return Config(), None
        path = found[0]
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"{path}: no such config file")
    table = {key.replace("-", "_"): value for key, value in _table(path).items()}
    known = {f.name for f in fields(Config)}
    unknown = sorted(set(table) - known)
    if unknown:
        raise ConfigError(f"{path}: unknown key(s) {', '.join(unknown)} (known: {', '.join(sorted(known))})")
    config = Config(**table)
    config.validate(str(path))
    return config, str(path)
