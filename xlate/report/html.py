"""One self-contained HTML page: summary, score chart, and per document the aligned source and
translation side by side with every finding marked at its exact span.

Nothing is loaded from anywhere: CSS and JS are inline, and a Content-Security-Policy allows only
those two blocks (by hash), so even a mistake in escaping could not run injected script. Every
piece of article text goes through :func:`html.escape`. Overlapping spans are drawn by cutting the
text at every span boundary and wrapping each piece in one ``<mark>`` listing all the findings that
cover it, so marks never nest.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html import escape
from typing import TextIO

from xlate.model import Document, DocumentResult, Finding, Severity, Side, Span
from xlate.report import RunInfo

# Bars drawn in the score chart; a larger batch lists the rest in the table only.
MAX_BARS = 200
CARET = "‸"

CSS = """
:root { --crit: #b00020; --major: #d9480f; --minor: #e0a800; --ink: #1d2433; --muted: #5c6370;
        --line: #d8dce3; --bg: #f6f7f9; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
       margin: 0; background: var(--bg); }
header { background: #1d2433; color: #fff; padding: 14px 24px; }
header h1 { margin: 0; font-size: 20px; }
header p { margin: 4px 0 0; color: #c9ced8; font-size: 13px; }
main { padding: 16px 24px 48px; max-width: 1600px; }
section.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px;
               margin: 16px 0; }
h2 { font-size: 18px; margin: 4px 0 10px; }
.counts { display: flex; flex-wrap: wrap; gap: 10px; margin: 0 0 12px; padding: 0; list-style: none; }
.counts li { border: 1px solid var(--line); border-radius: 6px; padding: 6px 12px; min-width: 90px; }
.counts b { display: block; font-size: 22px; }
table { border-collapse: collapse; width: 100%; }
table.categories { width: auto; min-width: 320px; }
th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
th { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
table.align td.text { width: 46%; white-space: pre-wrap; overflow-wrap: anywhere; }
table.align td.n { width: 5%; color: var(--muted); font-size: 12px; white-space: nowrap; }
td.unmatched { background: repeating-linear-gradient(45deg, #fafafa, #fafafa 6px, #f0f0f0 6px, #f0f0f0 12px);
               color: var(--muted); font-style: italic; }
tr.has-findings td.n { border-left: 3px solid var(--major); }
mark { background: #fff3bf; border-bottom: 2px solid var(--minor); padding: 0 1px; cursor: pointer;
       color: inherit; }
mark.sev-major { background: #ffe8cc; border-bottom-color: var(--major); }
mark.sev-critical { background: #ffd6d6; border-bottom-color: var(--crit); }
mark.multi { outline: 1px dashed var(--ink); }
mark.src { background: #e7f5ff; border-bottom-color: #1c7ed6; }
.ua { text-decoration: underline dotted var(--muted); text-underline-offset: 3px; }
mark.caret { background: none; border: 0; color: var(--crit); font-weight: 700; padding: 0; }
mark:focus, mark.active { outline: 2px solid var(--ink); }
tr.details td { background: #fbfbfd; }
tr.details[hidden] { display: none; }
.finding { border-left: 4px solid var(--minor); padding: 4px 10px; margin: 4px 0; }
.finding.sev-major { border-left-color: var(--major); }
.finding.sev-critical { border-left-color: var(--crit); }
.finding.active { background: #fff9db; }
.sev { display: inline-block; border-radius: 4px; padding: 0 6px; font-size: 12px; color: #fff;
       background: var(--minor); }
.sev.sev-major { background: var(--major); }
.sev.sev-critical { background: var(--crit); }
code { font: 13px ui-monospace, SFMono-Regular, Menlo, monospace; }
.muted { color: var(--muted); font-size: 13px; }
.error { color: var(--crit); font-weight: 600; }
svg text { font: 12px system-ui, sans-serif; fill: var(--ink); }
"""

SCRIPT = """
document.documentElement.dataset.js = "ready";
function toggle(mark) {
  var row = document.getElementById(mark.dataset.row);
  if (!row) return;
  var ids = (mark.dataset.f || "").split(" ");
  var was = mark.classList.contains("active");
  document.querySelectorAll("mark.active, .finding.active").forEach(function (el) {
    el.classList.remove("active");
  });
  if (was) { row.hidden = true; return; }
  row.hidden = false;
  mark.classList.add("active");
  row.querySelectorAll(".finding").forEach(function (el) {
    if (ids.indexOf(el.dataset.ref) >= 0) el.classList.add("active");
  });
}
document.addEventListener("click", function (ev) {
  var mark = ev.target.closest("mark[data-f]");
  if (mark) toggle(mark);
});
document.addEventListener("keydown", function (ev) {
  var mark = ev.target.closest && ev.target.closest("mark[data-f]");
  if (mark && (ev.key === "Enter" || ev.key === " ")) { ev.preventDefault(); toggle(mark); }
});
"""


def _hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"


CSP = f"default-src 'none'; style-src {_hash(CSS)}; script-src {_hash(SCRIPT)}; img-src data:"


@dataclass
class _Mark:
    """One finding's span on one side, clipped to one row."""

    ref: str  # element id of the finding's details
    finding: Finding
    start: int
    end: int


@dataclass
class _Row:
    source: list[int]
    target: list[int]
    similarity: float | None
    kind: str
    marks: dict[str, list[_Mark]] = field(default_factory=lambda: {"source": [], "target": []})

    def findings(self) -> list[tuple[str, Finding]]:
        seen: dict[str, Finding] = {}
        for mark in self.marks["target"] + self.marks["source"]:
            seen.setdefault(mark.ref, mark.finding)
        return sorted(seen.items(), key=lambda kv: int(kv[0].rsplit("-f", 1)[1]))


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _title(finding: Finding) -> str:
    return f"{finding.code} {finding.check} ({finding.severity.value}): {finding.message}"


def _worst(findings: Iterable[Finding]) -> Severity:
    return max(findings, key=lambda f: f.severity.rank).severity


def _range(side: Side, indices: list[int]) -> tuple[int, int] | None:
    sentences = [side.sentences[i] for i in indices if 0 <= i < len(side.sentences)]
    if not sentences:
        return None
    return min(s.start for s in sentences), max(s.end for s in sentences)


def _rows(doc: Document) -> list[_Row]:
    """One row per alignment link; sentences that no link covers get rows of their own."""
    rows = [_Row(list(link.source), list(link.target), link.similarity, link.kind) for link in doc.links]
    if not rows:
        src, tgt = list(range(len(doc.source.sentences))), list(range(len(doc.target.sentences)))
        if src or tgt:
            rows.append(_Row(src, tgt, None, "unaligned"))
        return rows
    covered_src = {i for r in rows for i in r.source}
    covered_tgt = {i for r in rows for i in r.target}
    rows += [_Row([s.index], [], None, "not aligned")
             for s in doc.source.sentences if s.index not in covered_src]
    rows += [_Row([], [s.index], None, "not aligned")
             for s in doc.target.sentences if s.index not in covered_tgt]
    return rows


def _place(rows: list[_Row], ranges: list[tuple[int, int] | None], side: str, ref: str,
           finding: Finding, span: Span) -> None:
    """Clip ``span`` to every row it touches; a span that touches none becomes a caret on the nearest."""
    start, end = span
    placed = False
    for row, rng in zip(rows, ranges, strict=True):
        if rng is None:
            continue
        a, b = rng
        if start == end:
            if a <= start <= b:
                row.marks[side].append(_Mark(ref, finding, start, start))
                return
        elif start < b and a < end:
            row.marks[side].append(_Mark(ref, finding, max(a, start), min(b, end)))
            placed = True
    if placed:
        return
    nearest = min(((min(abs(start - rng[0]), abs(start - rng[1])), i, rng)
                   for i, rng in enumerate(ranges) if rng is not None), default=None)
    if nearest is not None:
        _, i, (a, b) = nearest
        point = min(max(start, a), b)
        rows[i].marks[side].append(_Mark(ref, finding, point, point))


def _render(text: str, start: int, end: int, marks: list[_Mark], row_id: str, source: bool,
            unaligned: Sequence[tuple[int, int]] = ()) -> str:
    """``text[start:end]`` escaped, cut at every mark boundary, each piece wrapped in one <mark>;
    content words the word aligner left without a counterpart are underlined (dotted)."""
    unaligned = [(a, b) for a, b in unaligned if start <= a and b <= end]
    cuts = sorted({start, end} | {m.start for m in marks} | {m.end for m in marks}
                  | {a for a, _ in unaligned} | {b for _, b in unaligned})
    carets: dict[int, list[_Mark]] = {}
    for m in marks:
        if m.start == m.end:
            carets.setdefault(m.start, []).append(m)
    out: list[str] = []
    for i, a in enumerate(cuts):
        if a in carets:
            out.append(_mark(CARET, carets[a], row_id, source, caret=True))
        if i + 1 == len(cuts):
            break
        b = cuts[i + 1]
        covering = [m for m in marks if m.start <= a and b <= m.end and m.start < m.end]
        piece = escape(text[a:b], quote=True)
        if any(u <= a and b <= v for u, v in unaligned):
            piece = f'<span class="ua" title="no counterpart found by the word aligner">{piece}</span>'
        out.append(_mark(piece, covering, row_id, source) if covering else piece)
    return "".join(out)


def _mark(inner: str, marks: list[_Mark], row_id: str, source: bool, *, caret: bool = False) -> str:
    findings = [m.finding for m in marks]
    classes = [f"sev-{_worst(findings).value}"]
    if len(marks) > 1:
        classes.append("multi")
    if source:
        classes.append("src")
    if caret:
        classes.append("caret")
    refs = " ".join(dict.fromkeys(m.ref for m in marks))
    codes = " ".join(dict.fromkeys(f.code for f in findings))
    title = "\n".join(dict.fromkeys(_title(f) for f in findings))
    label = f' aria-label="{_e("missing text: " + codes)}"' if caret else ""
    return (f'<mark class="{" ".join(classes)}" data-codes="{_e(codes)}" data-f="{_e(refs)}" '
            f'data-row="{_e(row_id)}" title="{_e(title)}" tabindex="0"{label}>{inner}</mark>')


def _finding_box(ref: str, finding: Finding, doc: Document) -> str:
    parts = [f'<div class="finding sev-{finding.severity.value}" data-ref="{_e(ref)}">',
             f'<code>{_e(finding.code)}</code> {_e(finding.check)} '
             f'<span class="sev sev-{finding.severity.value}">{_e(finding.severity.value)}</span> '
             f'<span class="muted">{_e(finding.category)} · confidence {finding.confidence:.2f}</span>',
             f"<div>{_e(finding.message)}</div>"]
    for label, span, side in (("translation", finding.target_span, doc.target),
                              ("source", finding.source_span, doc.source)):
        if span is not None:
            shown = side.text[span[0] : span[1]]
            text = f"“{_e(shown)}”" if shown else f"(empty: insertion point {CARET})"
            parts.append(f'<div class="muted">{label} [{span[0]}, {span[1]}): {text}</div>')
    if finding.suggestion:
        parts.append(f"<div>Suggestion: <b>{_e(finding.suggestion)}</b></div>")
    parts.append("</div>")
    return "".join(parts)


def _unaligned_words(result: DocumentResult) -> dict[str, list[tuple[int, int]]]:
    """Spans of the content words each link's word alignment leaves unaligned, per side."""
    out: dict[str, list[tuple[int, int]]] = {"source": [], "target": []}
    for words in result.words:
        for side in out:
            out[side] += [(words[side][k][0], words[side][k][1]) for k in words[f"unaligned_{side}"]
                          if words[side][k][2]]
    return out


def _document(n: int, result: DocumentResult) -> str:
    anchor = f"doc-{n}"
    if result.error is not None:
        return (f'<section class="card" id="{anchor}"><h2>{_e(result.id)}</h2>'
                f'<p class="error">Unreadable: {_e(result.error)}</p></section>')
    doc = result.document
    assert doc is not None
    rows = _rows(doc)
    src_ranges = [_range(doc.source, r.source) for r in rows]
    tgt_ranges = [_range(doc.target, r.target) for r in rows]
    refs = {id(f): f"{anchor}-f{i}" for i, f in enumerate(result.findings)}
    for finding in result.findings:
        ref = refs[id(finding)]
        if finding.target_span is not None:
            _place(rows, tgt_ranges, "target", ref, finding, finding.target_span)
        if finding.source_span is not None:
            _place(rows, src_ranges, "source", ref, finding, finding.source_span)

    unaligned = _unaligned_words(result)
    row_findings = [row.findings() for row in rows]
    first_row: dict[str, int] = {}
    for i, found in enumerate(row_findings):
        for ref, _ in found:
            first_row.setdefault(ref, i)

    score = "–" if result.score is None else f"{result.score:.1f}"
    sev = Counter(f.severity for f in result.findings)
    counts = ", ".join(f"{sev[s]} {s.value}" for s in reversed(Severity))
    origin = f' · <span class="muted">{_e(result.origin)}</span>' if result.origin else ""
    html = [f'<section class="card" id="{anchor}">',
            f"<h2>{_e(result.id)}</h2>",
            f"<p>MQM score <b>{score}</b> · {len(result.findings)} finding(s) ({counts}){origin}</p>"]
    if result.findings:
        html.append('<table class="findings"><thead><tr><th>check</th><th>severity</th><th>category</th>'
                    "<th>message</th><th>suggestion</th></tr></thead><tbody>")
        for finding in result.findings:
            ref = refs[id(finding)]
            code = f"<code>{_e(finding.code)}</code>"
            if ref in first_row:
                code = f'<a href="#{anchor}-r{first_row[ref]}">{code}</a>'
            html.append(
                f"<tr><td>{code} {_e(finding.check)}</td>"
                f'<td><span class="sev sev-{finding.severity.value}">{finding.severity.value}</span></td>'
                f"<td>{_e(finding.category)}</td><td>{_e(finding.message)}</td>"
                f"<td>{_e(finding.suggestion) if finding.suggestion else ''}</td></tr>")
        html.append("</tbody></table>")
    if result.words:
        html.append('<p class="muted"><span class="ua">dotted</span>: a content word with no counterpart '
                    "found on the other side</p>")
    html.append('<table class="align"><thead><tr><th>link</th><th>source</th><th>translation</th></tr>'
                "</thead><tbody>")
    for i, (row, src, tgt) in enumerate(zip(rows, src_ranges, tgt_ranges, strict=True)):
        row_id = f"{anchor}-r{i}"
        details_id = f"{row_id}-details"
        found = row_findings[i]
        cells = []
        for rng, side, name in ((src, doc.source, "source"), (tgt, doc.target, "target")):
            if rng is None:
                cells.append('<td class="text unmatched">unmatched</td>')
            else:
                body = _render(side.text, rng[0], rng[1], row.marks[name], details_id, name == "source",
                               unaligned[name])
                cells.append(f'<td class="text" lang="{_e(side.lang)}">{body}</td>')
        sim = "" if row.similarity is None else f"<br>sim {row.similarity:.2f}"
        cls = ' class="has-findings"' if found else ""
        html.append(f'<tr id="{row_id}"{cls}><td class="n">{i + 1}<br>{_e(row.kind)}{sim}</td>'
                    + "".join(cells) + "</tr>")
        if found:
            boxes = "".join(_finding_box(ref, f, doc) for ref, f in found)
            html.append(f'<tr class="details" id="{details_id}" hidden><td></td>'
                        f'<td colspan="2">{boxes}</td></tr>')
    html.append("</tbody></table></section>")
    return "\n".join(html)


def _chart(results: list[DocumentResult]) -> str:
    shown = results[:MAX_BARS]
    bar_h, gap, label_w, bar_w = 18, 6, 220, 500
    height = len(shown) * (bar_h + gap) + gap
    width = label_w + bar_w + 70
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" role="img" aria-label="MQM score per document">']
    for i, r in enumerate(shown):
        y = gap + i * (bar_h + gap)
        label = r.id if len(r.id) <= 32 else r.id[:31] + "…"
        parts.append(f'<a href="#doc-{i}"><text x="{label_w - 8}" y="{y + 13}" text-anchor="end">'
                     f"<title>{_e(r.id)}</title>{_e(label)}</text>")
        if r.error is not None or r.score is None:
            parts.append(f'<rect x="{label_w}" y="{y}" width="{bar_w}" height="{bar_h}" fill="#e9ecef"/>'
                         f'<text x="{label_w + 6}" y="{y + 13}">unreadable</text></a>')
            continue
        score = max(0.0, min(100.0, r.score))
        color = "#2b8a3e" if score >= 95 else "#e67700" if score >= 80 else "#c92a2a"
        w = round(bar_w * score / 100, 1)
        parts.append(f'<rect x="{label_w}" y="{y}" width="{bar_w}" height="{bar_h}" fill="#f1f3f5"/>'
                     f'<rect x="{label_w}" y="{y}" width="{w}" height="{bar_h}" fill="{color}"/>'
                     f'<text x="{label_w + bar_w + 6}" y="{y + 13}">{r.score:.1f}</text></a>')
    parts.append("</svg>")
    if len(results) > MAX_BARS:
        parts.append(f'<p class="muted">First {MAX_BARS} of {len(results)} documents shown.</p>')
    return "".join(parts)


def write(results: Iterable[DocumentResult], out: TextIO, info: RunInfo) -> None:
    results = list(results)
    findings = [f for r in results for f in r.findings]
    sev = Counter(f.severity for f in findings)
    cats = Counter(f.category for f in findings)
    unreadable = sum(1 for r in results if r.error is not None)
    engines = ", ".join(
        f"{name} {'on' if ok else 'off'}"
        + (f" ({v})" if ok and (v := info.engine_versions.get(name)) else "")
        for name, ok in info.engines.items()) or "none"
    config = ", ".join(f"{k}={v}" for k, v in info.config.items())

    page = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_e(CSP)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>xlate report: {len(results)} document(s), {len(findings)} finding(s)</title>",
        f"<style>{CSS}</style></head><body>",
        f"<header><h1>xlate report</h1><p>xlate {_e(info.version)} · engines: {_e(engines)}"
        + (f" · {_e(config)}" if config else "") + "</p></header><main>",
        '<section class="card" id="summary"><h2>Summary</h2><ul class="counts">',
        f"<li><b>{len(results)}</b>documents</li>",
        f"<li><b>{len(findings)}</b>findings</li>",
    ]
    page += [f'<li><b>{sev[s]}</b><span class="sev sev-{s.value}">{s.value}</span></li>'
             for s in reversed(Severity)]
    if unreadable:
        page.append(f'<li><b>{unreadable}</b><span class="error">unreadable</span></li>')
    page.append("</ul>")
    if cats:
        page.append('<table class="categories"><thead><tr><th>MQM category</th><th>findings</th></tr>'
                    "</thead><tbody>")
        page += [f"<tr><td>{_e(c)}</td><td>{n}</td></tr>"
                 for c, n in sorted(cats.items(), key=lambda kv: (-kv[1], kv[0]))]
        page.append("</tbody></table>")
    page.append("</section>")
    if results:
        page.append('<section class="card" id="scores"><h2>MQM score per document</h2>'
                    f"{_chart(results)}</section>")
    page += [_document(n, r) for n, r in enumerate(results)]
    page.append(f"</main><script>{SCRIPT}</script></body></html>")
    out.write("\n".join(page) + "\n")
