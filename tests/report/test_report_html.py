"""HTML: self-contained, every piece of article text escaped, marks at the exact spans, never nested."""

from __future__ import annotations

import base64
import hashlib
import re
from html import unescape
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from xlate.model import Document, DocumentResult, Finding, Link, Severity
from xlate.report import html as html_report

ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "p", "main",
                "section", "ul", "li", "b", "span", "table", "thead", "tbody", "tr", "th", "td", "code", "a",
                "mark", "div", "br", "svg", "rect", "text", "script"}
VOID = {"meta", "br"}


class _Page(HTMLParser):
    """Collects tags and attributes, checks nesting, and keeps the text of each translation cell."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []
        self.nested_marks = False
        self.cells: list[dict] = []  # {"lang", "text", "carets"} per text cell
        self._caret_depth = 0
        self._in_cell = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "mark" and "mark" in self.stack:
            self.nested_marks = True
        if tag == "td":
            self._in_cell = "text" in (a.get("class") or "").split()
            if self._in_cell:
                self.cells.append({"lang": a.get("lang"), "text": "", "carets": 0})
        if tag == "mark" and "caret" in (a.get("class") or "").split():
            self._caret_depth += 1
            self.cells[-1]["carets"] += 1
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1:]}>"
        self.stack.pop()
        if tag == "mark" and self._caret_depth:
            self._caret_depth -= 1
        if tag == "td":
            self._in_cell = False

    def handle_data(self, data: str) -> None:
        if self._in_cell and not self._caret_depth:
            self.cells[-1]["text"] += data


def _parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    assert not parser.stack, f"unclosed: {parser.stack}"
    return parser


def test_article_text_is_escaped(render, sample) -> None:
    page = render("html")
    assert sample.SCRIPT not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img" not in page
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in page
    parsed = _parse(page)
    assert {t for t, _ in parsed.tags} <= ALLOWED_TAGS
    assert sum(1 for t, _ in parsed.tags if t == "script") == 1
    for tag, attrs in parsed.tags:
        assert not any(k.startswith("on") for k in attrs), f"event handler on <{tag}>"


def test_self_contained(render) -> None:
    page = render("html")
    parsed = _parse(page)
    for tag, attrs in parsed.tags:
        assert "src" not in attrs, f"<{tag}> loads something"
        href = attrs.get("href")
        assert href is None or href.startswith("#"), f"<{tag}> links out: {href}"
    assert set(re.findall(r"https?://[^\s\"'<>]+", page)) == {"http://www.w3.org/2000/svg"}
    # The CSP allows exactly the inline style and script blocks, by hash.
    style = re.search(r"<style>(.*?)</style>", page, re.S)[1]
    script = re.search(r"<script>(.*?)</script>", page, re.S)[1]
    csp = next(a["content"] for t, a in parsed.tags if t == "meta" and a.get("http-equiv"))
    for block in (style, script):
        digest = base64.b64encode(hashlib.sha256(block.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    assert "default-src 'none'" in csp


def test_aligned_rows_and_marks(render, sample) -> None:
    page = render("html")
    parsed = _parse(page)
    assert not parsed.nested_marks
    article = sample.results()[0]
    doc = article.document
    marks = [a for t, a in parsed.tags if t == "mark"]
    # The nested XL103 inside XL101 gives a piece covered by both; its title names both findings.
    both = [m for m in marks if m["data-codes"] == "XL101 XL103"]
    assert both and "A verbless fragment" in both[0]["title"] and "Full stop inside" in both[0]["title"]
    assert "multi" in both[0]["class"] and "sev-major" in both[0]["class"]
    # Every finding of the article is marked somewhere, with code, severity and message in a title.
    for finding in article.findings:
        titles = [m["title"] for m in marks if finding.code in m["data-codes"].split()]
        assert any(f"{finding.code} {finding.check} ({finding.severity.value}): {finding.message}" in t
                   for t in titles), finding.code
    caret = [m for m in marks if "caret" in m["class"].split()]
    assert [m["data-codes"] for m in caret] == ["XL106"]
    assert page.count('class="text unmatched">unmatched</td>') == 2  # the 1-0 and 0-1 links
    # Cell by cell, the text without the caret markers is exactly the aligned sentences.
    article_cells = parsed.cells[:10]
    for n, link in enumerate(doc.links):
        for side, indices, cell in ((doc.source, link.source, article_cells[2 * n]),
                                    (doc.target, link.target, article_cells[2 * n + 1])):
            if indices:
                expected = side.text[side.sentences[indices[0]].start : side.sentences[indices[-1]].end]
                assert cell["text"] == expected
            else:
                assert cell["text"] == "unmatched"


def test_summary_and_chart(render) -> None:
    page = render("html")
    assert "<li><b>3</b>documents</li>" in page and "<li><b>9</b>findings</li>" in page
    assert '<li><b>1</b><span class="sev sev-critical">critical</span></li>' in page
    assert "<tr><td>accuracy/omission</td><td>2</td></tr>" in page
    bars = re.findall(r'<rect x="220" y="\d+" width="([\d.]+)" height="18" fill="#(?!f1f3f5|e9ecef)', page)
    assert [float(w) for w in bars] == [306.2, 416.6]  # 61.25 and 83.33 out of 500 px


def _finding(code: str, start: int, end: int) -> Finding:
    return Finding(code, "c", "cat", Severity.MINOR, (start, end), None, "m")


@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet="ab<>&\"' \n", min_size=0, max_size=30),
       spans=st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=6))
def test_render_keeps_text_and_never_nests(text: str, spans: list[tuple[int, int]]) -> None:
    n = len(text)
    marks = [html_report._Mark(f"d-f{i}", _finding(f"XL{100 + i}", *sorted((min(a, n), min(b, n)))),
                               *sorted((min(a, n), min(b, n)))) for i, (a, b) in enumerate(spans)]
    out = html_report._render(text, 0, n, marks, "row", source=False)
    parsed = _Page()
    parsed.cells.append({"lang": None, "text": "", "carets": 0})
    parsed.stack.append("td")
    parsed._in_cell = True
    parsed.feed(out)
    parsed.close()
    assert parsed.stack == ["td"] and not parsed.nested_marks
    assert parsed.cells[0]["text"] == text
    assert parsed.cells[0]["carets"] == len({m.start for m in marks if m.start == m.end})
    # Each character inside a span is in a mark whose data-f lists that span's finding.
    covering = [set() for _ in text]
    pos = 0
    for m in re.finditer(r'<mark class="([^"]*)"[^>]*data-f="([^"]*)"[^>]*>(.*?)</mark>|([^<]+)', out, re.S):
        if m[4] is not None:
            pos += len(unescape(m[4]))
        elif "caret" not in m[1].split():
            for i in range(pos, pos + len(unescape(m[3]))):
                covering[i] = set(m[2].split())
            pos += len(unescape(m[3]))
    assert pos == n
    for mark in marks:
        for i in range(mark.start, mark.end):
            assert mark.ref in covering[i]


def test_spans_outside_every_row_and_documents_without_links(render, sample) -> None:
    """A span in the gap between paragraphs becomes a caret on the nearest row; with no alignment at
    all the whole text is one row, and nothing is lost."""
    source = sample.side("es", [["Uno."], ["Dos."]])
    target = sample.side("en", [["One."], ["Two."]], para_sep="\n\n\n")
    gap = (target.sentences[0].end + 1, target.sentences[0].end + 2)
    findings = [_finding("XL103", *gap), _finding("XL105", 0, len(target.text))]
    unaligned = Document("u", source, target, [])
    page = render("html", results=[DocumentResult("u", unaligned, findings, 90.0)])
    parsed = _parse(page)
    assert parsed.cells[1]["text"] == target.text  # one row holding the whole translation
    assert "XL103" in page and "XL105" in page

    aligned = Document("a", source, target, [Link((0,), (0,)), Link((1,), (1,))])
    page = render("html", results=[DocumentResult("a", aligned, findings, 90.0)])
    marks = [a for t, a in _parse(page).tags if t == "mark"]
    assert [m["data-codes"] for m in marks if "caret" in m["class"]] == ["XL103"]
    assert sum(1 for m in marks if "XL105" in m["data-codes"]) == 2  # clipped to both rows


def test_unaligned_content_words_are_underlined(render, sample) -> None:
    """Content words the word aligner left without a counterpart are wrapped (dotted underline) on
    both sides, inside or outside finding marks; function words and aligned words are not."""
    source = sample.side("es", [["El alcalde dijo."]])
    target = sample.side("en", [["The mayor, a former boxer, said."]])
    words = {"source": [[0, 2, False], [3, 10, True], [11, 15, True]],
             "target": [[0, 3, False], [4, 9, True], [11, 12, False], [13, 19, True], [20, 25, True],
                        [27, 31, True]],
             "links": [[1, 1, 0.9, "dictionary"], [2, 5, 0.9, "dictionary"]],
             "unaligned_source": [0], "unaligned_target": [0, 2, 3, 4]}
    doc = Document("w", source, target, [Link((0,), (0,))])
    findings = [_finding("XL212", 11, 25)]
    page = render("html", results=[DocumentResult("w", doc, findings, 90.0, words=[words])])
    underlined = re.findall(r'<span class="ua" title="[^"]*">([^<]*)</span>', page)
    assert underlined == ["former", "boxer"]
    assert _parse(page).cells[1]["text"] == target.text
