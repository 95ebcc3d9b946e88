"""Cheap text similarities shared by the aligner and the checks."""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache

from sacrebleu.metrics import CHRF

_CHRF = CHRF()
_LETTER_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@lru_cache(maxsize=65536)
def chrf(hypothesis: str, reference: str) -> float:
    """Sentence chrF (0–100) of ``hypothesis`` against ``reference`` (sacrebleu, character 6-grams)."""
    if not hypothesis.strip() or not reference.strip():
        return 0.0
    return _CHRF.sentence_score(hypothesis, [reference]).score


@lru_cache(maxsize=1 << 18)
def ratio_at_least(a: str, b: str, minimum: float) -> bool:
    """SequenceMatcher's ratio of ``a`` and ``b`` reaches ``minimum`` (its cheap upper bounds first:
    most pairs of unrelated words fail them)."""
    matcher = SequenceMatcher(None, a, b)
    return matcher.real_quick_ratio() >= minimum and matcher.quick_ratio() >= minimum and matcher.ratio() >= minimum


def fold(word: str) -> str:
    """Lower case without accents: "Bárcena" → "barcena"."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1 << 18)
def stem(word: str) -> str:
    """A crude English stem for matching word forms ("charges" ~ "charged"): folded, a common
    inflectional ending removed, cut to six letters."""
    w = fold(word)
    for suffix in ("ings", "ing", "edly", "ed", "es", "s", "ly"):
        if len(w) > len(suffix) + 3 and w.endswith(suffix):
            w = w[: -len(suffix)]
            break
    return w[:6]


def content_stems(text: str, stopwords: frozenset[str]) -> list[str]:
    """Stems of the words of ``text`` that are not function words."""
    return [stem(w) for w in _LETTER_WORD.findall(text) if w.lower() not in stopwords]
