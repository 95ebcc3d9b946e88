"""GitHub-flavoured Markdown for pull-request comments and ``$GITHUB_STEP_SUMMARY``.

Every piece of article text (and message, id and suggestion) is escaped so it can neither break
a table nor inject HTML: Markdown punctuation is backslash-escaped, ``& < >`` become entities and
line breaks become spaces. Spans are bolded with ``<b>`` because ``**`` does not open next to
punctuation (``a**.**b``), which is exactly where many findings are.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import TextIO

from xlate.model import DocumentResult, Finding, Severity, Side, Span
from xlate.report import RunInfo

# Finding rows shown in all (a PR comment holds 65,536 characters); the rest are counted.
MAX_ROWS = 250
# Characters of context either side of a span when its sentence is long.
CONTEXT = 80

_SPECIAL = re.compile(r"([\\`*_\[\]|~<>&])")
_ENTITY = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_BREAKS = re.compile(r"\s*(?:\r\n|\r|\n)\s*")
# "@name" would notify a GitHub user and "#12" link an issue: a zero-width space defuses both.
_REFERENCE = re.compile(r"([@#])(?=\w)")


def escape(text: str) -> str:
    """Text safe inside a Markdown table cell: no markup, no HTML, no line breaks, no mentions."""
    text = _BREAKS.sub(" ", text)
    text = _SPECIAL.sub(lambda m: _ENTITY.get(m[1], "\\" + m[1]), text)
    return _REFERENCE.sub("\\1\u200b", text)


def _score(result: DocumentResult) -> str:
    return "–" if result.score is None else f"{result.score:.1f}"


def excerpt(side: Side, span: Span) -> str:
    """The sentence around ``span`` with the span in bold (a caret for a zero-width span)."""
    text = side.text
    touching = [s for s in side.sentences if s.start <= span[1] and span[0] <= s.end]
    start, end = (touching[0].start, touching[-1].end) if touching else span
    start, end = min(start, span[0]), max(end, span[1])
    left, right = max(start, span[0] - CONTEXT), min(end, span[1] + CONTEXT)
    marked = text[span[0] : span[1]]
    core = marked.strip()
    lead = marked[: len(marked) - len(marked.lstrip())] if core else marked
    trail = marked[len(marked.rstrip()) :] if core else ""
    bold = f"<b>{escape(core)}</b>" if core else "<b>‸</b>"
    before = ("…" if left > start else "") + text[left : span[0]] + lead
    after = trail + text[span[1] : right] + ("…" if right < end else "")
    return escape(before) + bold + escape(after)


def _finding_row(result: DocumentResult, finding: Finding) -> str:
    assert result.document is not None
    cells = [
        f"`{finding.code}` {escape(finding.check)}",
        finding.severity.value,
        escape(finding.category),
        escape(finding.message),
        excerpt(result.document.target, finding.target_span) if finding.target_span is not None else "–",
        escape(finding.suggestion) if finding.suggestion else "–",
    ]
    return "| " + " | ".join(cells) + " |"


def _gate(results: list[DocumentResult], fail_on: str) -> str:
    if fail_on == "never":
        return "gate off (`--fail-on never`)"
    try:
        threshold = Severity.parse(fail_on).rank
    except ValueError:
        return f"gate: unknown threshold {escape(fail_on)}"
    failing = sum(1 for r in results for f in r.findings if f.severity.rank >= threshold)
    if failing:
        return f"**gate failed**: {failing} finding(s) at or above {fail_on}"
    return f"gate passed: no finding at or above {fail_on}"


def write(results: Iterable[DocumentResult], out: TextIO, info: RunInfo) -> None:
    results = list(results)
    readable = [r for r in results if r.error is None]
    findings = [f for r in readable for f in r.findings]
    by_severity = Counter(f.severity for f in findings)
    by_category = Counter(f.category for f in findings)
    fail_on = str(info.config.get("fail_on", "major"))

    engines = ", ".join(
        f"{escape(name)} {'on' if ok else 'off'}"
        + (f" ({escape(str(info.engine_versions[name]))})" if ok and info.engine_versions.get(name) else "")
        for name, ok in info.engines.items()
    ) or "none"
    lines = [
        "## xlate translation check",
        "",
        f"xlate {escape(info.version)} · engines: {engines} · {_gate(results, fail_on)}",
        "",
        "| documents | unreadable | findings | critical | major | minor |",
        "|---:|---:|---:|---:|---:|---:|",
        f"| {len(results)} | {len(results) - len(readable)} | {len(findings)} | "
        + " | ".join(str(by_severity[s]) for s in reversed(Severity)) + " |",
        "",
    ]
    if by_category:
        lines += ["| MQM category | findings |", "|---|---:|"]
        lines += [f"| {escape(cat)} | {n} |"
                  for cat, n in sorted(by_category.items(), key=lambda kv: (-kv[1], kv[0]))]
        lines.append("")
    if results:
        lines += ["| document | score | findings | critical | major | minor |",
                  "|---|---:|---:|---:|---:|---:|"]
        for r in results:
            if r.error is not None:
                lines.append(f"| {escape(r.id)} | unreadable | – | – | – | – |")
                continue
            sev = Counter(f.severity for f in r.findings)
            lines.append(f"| {escape(r.id)} | {_score(r)} | {len(r.findings)} | "
                         + " | ".join(str(sev[s]) for s in reversed(Severity)) + " |")
        lines.append("")

    shown = 0
    for r in results:
        if r.error is not None:
            lines += [f"### {escape(r.id)}", "", f"Unreadable: {escape(r.error)}", ""]
            continue
        if not r.findings:
            continue
        lines += [f"### {escape(r.id)} — score {_score(r)}", ""]
        lines += ["| check | severity | category | message | translation | suggestion |",
                  "|---|---|---|---|---|---|"]
        for finding in r.findings:
            if shown >= MAX_ROWS:
                break
            lines.append(_finding_row(r, finding))
            shown += 1
        lines.append("")
        if shown >= MAX_ROWS:
            break
    if shown < len(findings):
        lines += [f"_{len(findings) - shown} more finding(s) not shown; "
                  "use `--format html` or `--format json` for all of them._", ""]
    out.write("\n".join(lines))
