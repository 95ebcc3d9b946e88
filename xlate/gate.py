"""The quality gate: does any finding at or above the threshold remain, or a score fall too low?"""

from __future__ import annotations

from dataclasses import dataclass, field

from xlate.model import DocumentResult, Severity

FAIL_ON_CHOICES = ("minor", "major", "critical", "never")


@dataclass
class Gate:
    """Tallies results as they stream past (nothing is kept per result but its errors), then decides."""

    fail_on: str = "major"
    min_score: float | None = None
    # Findings less likely than this to be real defects do not fail the gate (they are still reported).
    min_confidence: float = 0.0
    max_score_drop: float | None = None
    errors: list[str] = field(default_factory=list)
    checked: int = 0
    _worst: int = -1
    _lowest_score: float | None = None
    _largest_drop: float = 0.0

    def add(self, result: DocumentResult, score_drop: float | None = None) -> None:
        """Count one result (``score_drop``: its fall since the baseline, if one was given)."""
        self.checked += 1
        if result.error is not None:
            self.errors.append(result.error)
            return
        self._worst = max([self._worst, *(f.severity.rank for f in result.findings
                                          if f.confidence >= self.min_confidence)])
        if result.score is not None and (self._lowest_score is None or result.score < self._lowest_score):
            self._lowest_score = result.score
        self._largest_drop = max(self._largest_drop, score_drop or 0.0)

    def fails(self) -> bool:
        """True when a finding at or above ``fail_on`` and ``min_confidence`` remains (never for
        "never"), a score is below ``min_score`` or a score fell by more than ``max_score_drop``."""
        severe = self.fail_on != "never" and self._worst >= Severity.parse(self.fail_on).rank
        low = self.min_score is not None and self._lowest_score is not None and self._lowest_score < self.min_score
        dropped = self.max_score_drop is not None and self._largest_drop > self.max_score_drop
        return severe or low or dropped
