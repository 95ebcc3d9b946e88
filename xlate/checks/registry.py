"""The check registry: stable codes, MQM categories, default severities and per-check docs.

A check is one generator function decorated with :func:`check`. It reads a
:class:`CheckContext` and yields :class:`Hit` objects; the registry turns them
into :class:`~xlate.model.Finding` objects carrying the check's code, name,
category and severity. Checks never do I/O and never raise to signal a problem.
"""

from __future__ import annotations

import inspect
import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from xlate.checks.context import CheckContext
from xlate.model import Finding, Severity, Span

log = logging.getLogger(__name__)

DOC_SECTIONS = ("What it flags", "Why it matters", "Example", "Fix")
_CODE = re.compile(r"^XL\d{3}$")


@dataclass(frozen=True, slots=True)
class Hit:
    """What a check found; the registry adds the check's identity to make a Finding."""

    message: str
    target_span: Span | None = None
    source_span: Span | None = None
    suggestion: str | None = None
    confidence: float = 1.0
    severity: Severity | None = None


CheckFn = Callable[[CheckContext], Iterable[Hit]]


@dataclass(frozen=True)
class CheckSpec:
    """A registered check and everything the catalogue says about it."""

    code: str
    name: str
    category: str
    severity: Severity
    func: CheckFn
    needs: frozenset[str] = frozenset()
    # Codes whose findings make this check's overlapping findings redundant (reported once).
    superseded_by: frozenset[str] = frozenset()
    doc: str = field(default="")

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0] if self.doc.strip() else self.name


REGISTRY: dict[str, CheckSpec] = {}


def check(
    code: str,
    name: str,
    category: str,
    severity: Severity,
    *,
    needs: Iterable[str] = (),
    superseded_by: Iterable[str] = (),
) -> Callable[[CheckFn], CheckFn]:
    """Register a check function under a stable code."""

    def register(func: CheckFn) -> CheckFn:
        if not _CODE.match(code):
            raise ValueError(f"bad check code {code!r}")
        if code in REGISTRY:
            raise ValueError(f"check code {code} registered twice")
        REGISTRY[code] = CheckSpec(
            code, name, category, severity, func, frozenset(needs), frozenset(superseded_by),
            _dedent(func.__doc__ or ""),
        )
        return func

    return register


def _dedent(doc: str) -> str:
    return inspect.cleandoc(doc)


def all_checks() -> list[CheckSpec]:
    """Every registered check, in code order (imports the check modules on first use)."""
    import xlate.checks  # noqa: F401  (registers the families)

    return [REGISTRY[c] for c in sorted(REGISTRY)]


def select_checks(select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[CheckSpec]:
    """Checks whose code starts with a ``select`` prefix (all if none) and with no ``ignore`` prefix."""
    sel = [s.strip().upper() for s in select if s.strip()]
    ign = [s.strip().upper() for s in ignore if s.strip()]
    unknown = [p for p in sel + ign if not any(c.code.startswith(p) or c.name == p.lower() for c in all_checks())]
    if unknown:
        raise ValueError(f"unknown check code or prefix: {', '.join(unknown)}")

    def matches(spec: CheckSpec, prefixes: list[str]) -> bool:
        return any(spec.code.startswith(p) or spec.name == p.lower() for p in prefixes)

    return [c for c in all_checks() if (not sel or matches(c, sel)) and not matches(c, ign)]


def _overlaps(a: Span | None, b: Span | None) -> bool:
    if a is None or b is None:
        return False
    return (a[0] < b[1] and b[0] < a[1]) or a == b


def _no_hits(ctx: CheckContext) -> Iterable[Hit]:
    return ()


# Not a check of the catalogue: the code of the finding that reports a check that raised an error.
CHECK_FAILED = CheckSpec("XL000", "check-failed", "other", Severity.CRITICAL, _no_hits, doc="""
A check failed with an error on this document, so problems it would have found may be missing.

What it flags: nothing by itself; when a check raises an error, the run reports it as a finding of
this code, naming the check and the error, and goes on with the other checks.

Why it matters: a check that fails silently lets a gate pass that should not. The finding is
critical, so such a run fails the gate at any --fail-on but never.

Fix: report the error with the pair that caused it (the run log, -v, has the traceback); until it
is fixed, --ignore the failing check to let the gate decide on the others.
""".strip())


def run_checks(ctx: CheckContext, checks: Iterable[CheckSpec]) -> list[Finding]:
    """Run ``checks`` on one document; a check that raises becomes an XL000 finding and the others go on."""
    findings: list[Finding] = []
    for spec in checks:
        if not spec.needs <= ctx.available_engines:
            continue
        try:
            hits = list(spec.func(ctx))
        except Exception as exc:
            log.exception("check %s failed on document %s", spec.code, ctx.doc.id)
            findings.append(Finding(CHECK_FAILED.code, CHECK_FAILED.name, CHECK_FAILED.category,
                                    CHECK_FAILED.severity, None, None,
                                    f"check {spec.code} ({spec.name}) failed: {type(exc).__name__}: {exc}"))
            continue
        findings.extend(
            Finding(spec.code, spec.name, spec.category, hit.severity or spec.severity, hit.target_span,
                    hit.source_span, hit.message, hit.suggestion, max(0.0, min(1.0, hit.confidence)))
            for hit in hits
        )
    return _drop_superseded(findings)


def _drop_superseded(findings: list[Finding]) -> list[Finding]:
    """Drop a finding when a check that supersedes it flagged an overlapping span."""
    kept = []
    for f in findings:
        spec = REGISTRY.get(f.code, CHECK_FAILED)
        if any(
            g.code in spec.superseded_by
            and (_overlaps(f.target_span, g.target_span) or _overlaps(f.source_span, g.source_span))
            for g in findings
        ):
            continue
        kept.append(f)
    kept.sort(key=lambda f: (f.target_span or (1 << 30, 0), f.code))
    return kept

