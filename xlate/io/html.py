"""HTML articles reduced to plain text: paragraphs separated by blank lines.

:func:`html_to_text` uses trafilatura's main-content extraction on the string it is given (it never
fetches anything), which drops navigation, footers and other boilerplate. When trafilatura finds no
article (very short pages, fragments) or is not importable, a small block-aware converter built on
the standard library's HTML parser is used instead; :func:`html_fragment_to_text` is that converter,
for markup that is already the content (feed items).
"""

from __future__ import annotations

import logging
import re
from html.parser import HTMLParser
from pathlib import Path
from xml.etree.ElementTree import ParseError

from xlate.errors import InputError
from xlate.io._common import decode_utf8, read_bytes
from xlate.model import PairInput

log = logging.getLogger(__name__)

_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "caption", "dd", "details", "div", "dl", "dt",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
        "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot",
        "tr", "ul",
    }
)  # fmt: skip
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object"})
_VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
_BLANK_LINES = re.compile(r"\n\s*\n")
_SPACES = re.compile(r"[^\S\n]+")
_LINE_BREAK = "\x00"  # marks trafilatura's <lb/> while whitespace is collapsed


class _TextParser(HTMLParser):
    """Collects text; block elements start new paragraphs, <br> starts a new line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            if tag not in _VOID_TAGS:
                self.skip_depth += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")
        elif tag in ("td", "th"):
            self.parts.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self.parts.append(_SPACES.sub(" ", data.replace("\n", " ")))


def _paragraphs(blocks: list[str]) -> str:
    """Blocks with their inner whitespace tidied, joined by blank lines (empty blocks dropped)."""
    out = []
    for block in blocks:
        lines = [_SPACES.sub(" ", line).strip() for line in block.split("\n")]
        text = "\n".join(line for line in lines if line)
        if text:
            out.append(text)
    return "\n\n".join(out)


def html_fragment_to_text(html: str) -> str:
    """Plain text of an HTML fragment, paragraphs separated by blank lines (standard library only)."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    return _paragraphs(_BLANK_LINES.split("".join(parser.parts)))


def _block(text: str) -> str:
    """Whitespace collapsed, with trafilatura's <lb/> line breaks kept as newlines."""
    return " ".join(text.split()).replace(f" {_LINE_BREAK} ", "\n").replace(_LINE_BREAK, "\n")


def _trafilatura_text(html: str) -> str | None:
    try:
        import trafilatura
        from defusedxml.ElementTree import fromstring
    except ImportError as exc:  # pragma: no cover - depends on the installation
        log.warning("trafilatura is not available (%s); using the plain HTML converter", exc)
        return None
    noisy = logging.getLogger("trafilatura")
    level = noisy.level
    noisy.setLevel(logging.ERROR)  # its fallback extractors warn about pages they cannot use
    try:
        xml = trafilatura.extract(
            html,
            output_format="xml",
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            with_metadata=False,
            deduplicate=False,
        )
    finally:
        noisy.setLevel(level)
    if not xml:
        return None
    try:
        root = fromstring(xml.encode("utf-8"))
    except ParseError:  # should not happen with trafilatura's own output; fall back quietly
        return None
    main = next((child for child in root if child.tag == "main"), root)
    for line_break in main.iter("lb"):
        line_break.tail = _LINE_BREAK + (line_break.tail or "")
    blocks: list[str] = []
    for elem in main:
        if elem.tag in ("list", "table"):
            children = [c for c in elem if c.tag in ("item", "row")] or [elem]
            blocks.extend(_block(" ".join(child.itertext())) for child in children)
        else:
            blocks.append(_block("".join(elem.itertext())))
    return _paragraphs(blocks) or None


def html_to_text(html: str, source: str) -> str:
    """The article text of an HTML page: paragraphs separated by blank lines.

    ``source`` names the page (a file name) in the error raised when no text can be found.
    """
    html = html.removeprefix("\ufeff")
    text = _trafilatura_text(html) or html_fragment_to_text(html)
    if not text.strip():
        raise InputError(f"{source}: no article text found in the HTML")
    return text


def read_html(path: str | Path) -> str:
    """The article text of an HTML file (strict UTF-8)."""
    path = Path(path)
    return html_to_text(decode_utf8(path, read_bytes(path)), str(path))


def read_html_pair(source: str | Path, target: str | Path) -> PairInput:
    """One article pair from two HTML files."""
    return PairInput(Path(target).name, read_html(source), read_html(target), origin=str(target))
