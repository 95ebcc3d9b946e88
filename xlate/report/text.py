"""The terminal report: each finding with its sentence, the span highlighted, and a summary line."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TextIO

from rich.console import Console
from rich.text import Text

from xlate.model import DocumentResult, Finding, Severity, Side
from xlate.report import RunInfo
from xlate.score import run_score

STYLE = {Severity.CRITICAL: "bold white on red", Severity.MAJOR: "bold red", Severity.MINOR: "yellow"}
# Characters of context shown around a span that lies outside any sentence.
CONTEXT = 60


def _context(side: Side, span: tuple[int, int]) -> tuple[int, int]:
    """The sentence(s) around ``span`` (or a window of text when no sentence contains it)."""
    touching = [s for s in side.sentences if s.start <= span[1] and span[0] <= s.end]
    if touching:
        return touching[0].start, touching[-1].end
    return max(0, span[0] - CONTEXT), min(len(side.text), span[1] + CONTEXT)


def _excerpt(side: Side, span: tuple[int, int], style: str) -> Text:
    """The text around ``span`` with the span underlined (a caret marks a zero-width span)."""
    start, end = _context(side, span)

    def plain(a: int, b: int) -> Text:
        return Text(side.text[a:b].replace("\n", " "))

    marked = Text(side.text[span[0] : span[1]].replace("\n", " ") or "‸", style=f"{style} underline")
    return plain(start, span[0]) + marked + plain(span[1], end)


def _finding_lines(result: DocumentResult, finding: Finding) -> list[Text]:
    assert result.document is not None
    style = STYLE[finding.severity]
    head = Text.assemble(
        ("  " + finding.code, "bold"), " ", (finding.severity.value, style), f" {finding.check} ",
        (f"[{finding.category}]", "dim"), f"  {finding.message}",
    )
    lines = [head]
    if finding.target_span is not None:
        lines.append(Text("    EN  ") + _excerpt(result.document.target, finding.target_span, style))
    if finding.source_span is not None:
        lines.append(Text("    ES  ") + _excerpt(result.document.source, finding.source_span, "cyan"))
    if finding.suggestion:
        lines.append(Text(f"    fix: {finding.suggestion!r}", style="green"))
    return lines


def write(results: Iterable[DocumentResult], out: TextIO, info: RunInfo) -> None:
    console = Console(file=out, highlight=False, soft_wrap=True)
    counts: Counter[str] = Counter()
    n_docs = n_errors = 0
    scored: list[tuple[list[Finding], str]] = []
    for result in results:
        n_docs += 1
        if result.error is not None:
            n_errors += 1
            console.print(Text(f"{result.id}: error: {result.error}", style="bold red"))
            continue
        if result.document is not None:
            scored.append((result.findings, result.document.source.text))
        score = f"{result.score:.1f}" if result.score is not None else "-"
        console.print(Text.assemble((result.id, "bold"), f"  MQM score {score}  ",
                                    (f"{len(result.findings)} finding(s)", "dim")))
        for finding in result.findings:
            counts[finding.severity.value] += 1
            for line in _finding_lines(result, finding):
                console.print(line)
    engines = ", ".join(f"{name} {'on' if ok else 'off'}" for name, ok in info.engines.items())
    by_severity = ", ".join(f"{counts[s.value]} {s.value}" for s in reversed(Severity))
    total = sum(counts.values())
    errors = f", {n_errors} unreadable" if n_errors else ""
    overall = f", MQM score {run_score(scored):.1f}" if len(scored) > 1 else ""
    console.print(Text(f"{n_docs} document(s), {total} finding(s) ({by_severity}){errors}{overall}; "
                       f"engines: {engines}", style="bold"))
