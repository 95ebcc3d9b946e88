"""Hunspell dictionaries (Debian ``hunspell-en-us``, ``hunspell-en-gb``) read with spylls, a maintained
pure-Python port of Hunspell: whether a word is spelt right in any of the language's dictionaries,
and Hunspell's own suggestions for one that is not.

Hunspell was chosen over SymSpell (``symspellpy`` and its 82,765-word frequency list) by
measurement, the same check run with each: on the tune part of the team's wording perturbations
both catch about the same misspelt, dropped-letter and swapped-letter words (108 against 107 of
127), but SymSpell flags more clean dev items (18 against 13 of 750: "prosecutorial", "euthanise",
"regionalising" are missing from its list, while Hunspell's affix rules derive them), and Hunspell's
suggestions split run-together words ("and enter" for "andenter", where SymSpell offers "indented").
A missing spylls or dictionary switches the engine off with one warning.
"""

from __future__ import annotations

import gc
import logging
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


class Speller:
    """The dictionaries at ``paths`` (each a path without its ``.dic``/``.aff`` suffix)."""

    def __init__(self, paths: tuple[str, ...]) -> None:
        self.paths = paths

    @property
    def _dictionaries(self) -> list[Any]:
        return _read_dictionaries(self.paths)

    @property
    def available(self) -> bool:
        return bool(self._dictionaries)

    @property
    def installed(self) -> bool:
        """Whether a dictionary's files are there, without reading them (a second or two for a large one)."""
        return any(map(_has_files, self.paths))

    @property
    def version(self) -> str | None:
        return "hunspell:" + "+".join(Path(p).name for p in self.paths) if self.installed else None

    def known(self, word: str) -> bool:
        return _lookup(self, word)

    def suggest(self, word: str) -> str | None:
        """Hunspell's first suggestion for ``word`` (None when it has none)."""
        return _suggest(self, word)


def _has_files(path: str) -> bool:
    return Path(path + ".dic").exists() and Path(path + ".aff").exists()


@cache
def _read_dictionaries(paths: tuple[str, ...]) -> list[Any]:
    """The dictionaries at ``paths``, read once per process (every Speller of a process shares them)."""
    try:
        from spylls.hunspell import Dictionary
    except ImportError as exc:
        log.warning("spylls is not installed (%s); the checks that need Hunspell are off. Run scripts/setup.sh.", exc)
        return []
    found = [p for p in paths if _has_files(p)]
    if not found:
        log.warning("no Hunspell dictionary at %s; the checks that need it are off. Run scripts/setup.sh.",
                    ", ".join(paths))
    dictionaries = [Dictionary.from_files(p) for p in found]
    # Hundreds of thousands of objects that live as long as the process: keep the cyclic garbage
    # collector from walking them again at every full collection (that cost more than reading them).
    gc.freeze()
    return dictionaries


@lru_cache(maxsize=1 << 16)
def _lookup(speller: Speller, word: str) -> bool:
    return any(d.lookup(word) for d in speller._dictionaries)


@lru_cache(maxsize=1 << 12)
def _suggest(speller: Speller, word: str) -> str | None:
    """Suggestions are slow (tens of milliseconds) and a word may be asked twice: kept per process."""
    for dictionary in speller._dictionaries:
        for suggestion in dictionary.suggest(word):
            return str(suggestion)
    return None
