"""Cheap text similarities shared by the aligner and the checks."""

from __future__ import annotations

from functools import lru_cache

from sacrebleu.metrics import CHRF

_CHRF = CHRF()


@lru_cache(maxsize=65536)
def chrf(hypothesis: str, reference: str) -> float:
    """Sentence chrF (0–100) of ``hypothesis`` against ``reference`` (sacrebleu, character 6-grams)."""
    if not hypothesis.strip() or not reference.strip():
        return 0.0
    return _CHRF.sentence_score(hypothesis, [reference]).score
