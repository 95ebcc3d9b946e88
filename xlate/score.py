"""MQM-style scoring (Freitag et al., 2021): weighted error penalty per source word."""

from __future__ import annotations

from collections.abc import Iterable

from xlate.model import Finding, Severity
from xlate.segment import WORD

WEIGHTS = {Severity.MINOR: 1.0, Severity.MAJOR: 5.0, Severity.CRITICAL: 25.0}
# A minor punctuation error costs a tenth of a minor error.
MINOR_PUNCTUATION_WEIGHT = 0.1


def penalty(findings: Iterable[Finding]) -> float:
    total = 0.0
    for f in findings:
        if f.severity is Severity.MINOR and f.category == "fluency/punctuation":
            total += MINOR_PUNCTUATION_WEIGHT
        else:
            total += WEIGHTS[f.severity]
    return total


def mqm_score(findings: Iterable[Finding], source_text: str) -> float:
    """100 − 100 × penalty / source words, floored at 0 (100 for a text with no findings)."""
    n_words = len(WORD.findall(source_text)) or 1
    return max(0.0, 100.0 - 100.0 * penalty(findings) / n_words)


def run_score(scored: Iterable[tuple[Iterable[Finding], str]]) -> float:
    """The score of a whole run: all penalties over all source words (not a mean of article scores)."""
    total_penalty = total_words = 0.0
    for findings, source_text in scored:
        total_penalty += penalty(findings)
        total_words += len(WORD.findall(source_text))
    return max(0.0, 100.0 - 100.0 * total_penalty / (total_words or 1))
