"""Paragraphs and sentences with spans into the original text.

Sentence boundaries come from sentencex (maintained, ~300 languages, fast); a
language's abbreviation list then re-joins the few splits it gets wrong in news
("EE. UU.", "Sr.", "a. m."). Spans always index the text exactly as given:
a BOM, CRLF line ends and non-NFC characters never shift them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import sentencex

from xlate.model import Paragraph, Sentence, Side
from xlate.pairs import LanguageResources

# A word: letters (with combining marks, so non-NFC input still matches), digits, inner ' ’ - . ,
WORD = re.compile(r"[^\W_](?:[\w\u0300-\u036f]|['’\-.,](?=[^\W_]))*", re.UNICODE)
_BLANK_LINE = re.compile(r"\r?\n[ \t\r\f\v\ufeff]*\r?\n")
_STRIP = " \t\r\n\f\v\ufeff\u00a0\u2028\u2029"


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` so it neither starts nor ends with whitespace (or a BOM)."""
    while start < end and text[start] in _STRIP:
        start += 1
    while end > start and text[end - 1] in _STRIP:
        end -= 1
    return start, end


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the non-empty blocks of ``text`` separated by blank lines."""
    spans = []
    pos = 0
    for match in _BLANK_LINE.finditer(text):
        spans.append(_stripped(text, pos, match.start()))
        pos = match.end()
    spans.append(_stripped(text, pos, len(text)))
    return [(s, e) for s, e in spans if e > s]


def _raw_sentence_spans(text: str, start: int, end: int, lang: str) -> Iterator[tuple[int, int]]:
    """sentencex's pieces of ``text[start:end]``, located back in ``text``."""
    block = text[start:end]
    pos = 0
    for piece in sentencex.segment(lang, block):
        found = block.find(piece, pos)
        if found < 0:  # sentencex never rewrites text, but never trust it blindly
            found = pos
        piece_start, piece_end = _stripped(block, found, found + len(piece))
        pos = max(pos, found + len(piece))
        if piece_end > piece_start:
            yield start + piece_start, start + piece_end
    if pos < len(block):
        tail_start, tail_end = _stripped(block, pos, len(block))
        if tail_end > tail_start:
            yield start + tail_start, start + tail_end


# A "sentence" that is one capitalised token this short ending in a period is an abbreviation the
# segmenter split after («Mr.», «Pfc.», «d. C.»), unless it is a word that can stand alone.
_LONE_ABBREVIATION = re.compile(r"^(?:[A-Z][a-z]{0,3}\.|[a-z]\. ?[A-Z]\.)$")
_STANDALONE_WORDS = frozenset({"No.", "Sí.", "Si.", "Yes.", "Ok.", "Oh.", "Ah.", "Ya.", "Eh.", "Bien.", "Así."})


def _ends_with_abbreviation(sentence: str, resources: LanguageResources, next_text: str) -> bool:
    """True when the break after ``sentence`` falls after an abbreviation, not at a sentence end."""
    words = sentence.split()
    if not words:
        return False
    if _LONE_ABBREVIATION.match(sentence.strip()) and sentence.strip() not in _STANDALONE_WORDS:
        return True
    last = words[-1].lstrip("(«“\"'")
    if last in resources.abbreviations_never_final:
        return True
    if len(words) >= 2 and f"{words[-2]} {last}" in resources.abbreviations_never_final:
        return True
    first = next_text[:1]
    starts_lower = first.islower() or first.isdigit()
    if not starts_lower:
        return False
    two = f"{words[-2]} {last}" if len(words) >= 2 else last
    return last in resources.abbreviations or two in resources.abbreviations


def sentence_spans(text: str, start: int, end: int, resources: LanguageResources) -> list[tuple[int, int]]:
    """Sentence spans of one paragraph, with abbreviation splits re-joined."""
    merged: list[tuple[int, int]] = []
    for span in _raw_sentence_spans(text, start, end, resources.code):
        if merged and _ends_with_abbreviation(text[merged[-1][0] : merged[-1][1]], resources, text[span[0] :]):
            merged[-1] = (merged[-1][0], span[1])
        else:
            merged.append(span)
    return merged


def segment(text: str, resources: LanguageResources) -> Side:
    """Split ``text`` into paragraphs and sentences; every non-blank character lands in one sentence."""
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    for p_index, (p_start, p_end) in enumerate(paragraph_spans(text)):
        first = len(sentences)
        for s_start, s_end in sentence_spans(text, p_start, p_end, resources):
            sentences.append(Sentence(len(sentences), p_index, s_start, s_end, text[s_start:s_end]))
        paragraphs.append(Paragraph(p_index, p_start, p_end, range(first, len(sentences))))
    return Side(resources.code, text, paragraphs, sentences)
