"""The quality gate: does any finding at or above the threshold remain?"""

from __future__ import annotations

from collections.abc import Iterable

from xlate.model import DocumentResult, Severity

FAIL_ON_CHOICES = ("minor", "major", "critical", "never")


def gate_fails(results: Iterable[DocumentResult], fail_on: str) -> bool:
    """True when a finding at or above ``fail_on`` remains (never for ``fail_on="never"``)."""
    if fail_on == "never":
        return False
    threshold = Severity.parse(fail_on).rank
    return any(f.severity.rank >= threshold for r in results for f in r.findings)
