"""Punctuation: stray or doubled marks, misplaced quotation marks, and unpaired inverted marks («¿ ¡»)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from xlate.checks.context import CheckContext
from xlate.checks.registry import Hit, check
from xlate.checks.text import inside_quotes, is_abbreviation, previous_word
from xlate.model import Severity
from xlate.pairs import LanguageResources

# (name, pattern, message, replacement) — each pattern matches only the offending marks.
STRAY_PATTERNS: tuple[tuple[str, re.Pattern[str], str, str], ...] = (
    ("period-comma", re.compile(r"(?<![.\s])[.!?][ \t]*,"), "a full stop followed by a comma", ","),
    ("comma-period", re.compile(r",[ \t]*\.(?!\.)"), "a comma followed by a full stop", "."),
    ("double-period", re.compile(r"(?<![.\s])\.\.(?![.])"), "a doubled full stop", "."),
    ("space-before-period", re.compile(r"(?<=[^\W\d_])[ \t]+\.(?![.\d\w])"), "a space before the full stop",
     "."),
    ("space-before-comma", re.compile(r"(?<=\w)[ \t]+,(?=[ \t])"), "a space before the comma", ","),
    ("doubled-mark", re.compile(r"([,;:])[ \t]*\1"), "a doubled punctuation mark", r"\1"),
    ("mark-then-stop", re.compile(r"[;:][ \t]*[.,]"), "a colon or semicolon followed by another mark", ""),
    # (a spaced ellipsis, "free. . . my son", is no orphan)
    ("orphan-mark", re.compile(r"(?<=[.!?])(?<!\.[ \t]\.)[ \t]+[.,;:](?![.\d]|[ \t]+\.)"),
     "a mark orphaned after a sentence end", ""),
    ("orphan-at-start", re.compile(r"(?m)^[ \t]*[,;.](?![.])"), "a paragraph starting with punctuation", ""),
)


def _after_abbreviation(name: str, match: re.Match[str], text: str, lang: LanguageResources) -> bool:
    """"U.S.," and "Calif.," are fine; ". ," with a space is wrong even after an abbreviation. A comma
    after a closed question or exclamation is fine in a language that opens them («¡sorpresa!, no había»)."""
    if name != "period-comma":
        return False
    if match.group()[0] in lang.inverted_marks:
        return True
    return match.group() == ".," and is_abbreviation(previous_word(text, match.start() + 1), lang)


def _count(name: str, pattern: re.Pattern[str], text: str, lang: LanguageResources) -> int:
    return sum(1 for m in pattern.finditer(text) if not _after_abbreviation(name, m, text, lang))


@check("XL103", "stray-punctuation", "fluency/punctuation", Severity.MAJOR)
def stray_punctuation(ctx: CheckContext) -> Iterator[Hit]:
    """Stray, doubled or orphaned punctuation: "Mayorkas. , and", "hyphens..", "negative ."

    What it flags:
        A full stop followed by a comma (". ,"), a comma before a full stop
        (", ."), a doubled full stop that is not an ellipsis (".."), a space
        before a full stop or comma, a doubled comma/semicolon/colon, and marks
        orphaned at a paragraph start. A pattern the source has as often is left
        alone (it was in the original).
    Why it matters:
        Leftover marks from re-segmentation or editing look careless and can hide
        a dropped word between them.
    Example:
        Source: «…el secretario de Seguridad Nacional, Alejandro Mayorkas, y el fiscal…»
        Bad:    "…the Secretary of Homeland Security, Alejandro Mayorkas. , and the Attorney…"
        Good:   "…the Secretary of Homeland Security, Alejandro Mayorkas, and the Attorney…"
    Fix:
        Delete the extra mark; check nothing was dropped between the two.
    """
    text = ctx.doc.target.text
    source = ctx.doc.source.text
    lang = ctx.pair.target
    hits: list[tuple[int, int, str, str]] = []
    for name, pattern, message, replacement in STRAY_PATTERNS:
        matches = [m for m in pattern.finditer(text) if not _after_abbreviation(name, m, text, lang)]
        if not matches or _count(name, pattern, source, ctx.pair.source) >= len(matches):
            continue
        hits.extend((m.start(), m.end(), message, m.expand(replacement) if replacement else "") for m in matches)
    merged: list[list] = []  # ". . ," matches several patterns: one finding for the whole cluster
    for start, end, message, suggestion in sorted(hits):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            merged[-1][3] = None  # no single mark to keep: the reader decides
        else:
            merged.append([start, end, message, suggestion])
    for start, end, message, suggestion in merged:
        yield Hit(message, target_span=(start, end), suggestion=suggestion, confidence=0.9)


_SPEECH_OPENER = re.compile(r"[.,;:!?][ \t]+([“«])[ \t]*([a-z][\w’']*)")
# A closing quote after the reporting clause: '…to find a job, he said.”'
_CLOSER_AFTER_ATTRIBUTION = re.compile(
    r",[ \t]+(?:he|she|they|[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?)[ \t]+"
    r"(?:said|says|added|stressed|explained|noted|insisted|warned|recalled|told [\w ]{2,20}?)[.!?](”|\")"
)
# The closing quote slid onto the word after the comma, which starts the attribution ('world, he" said').
_SHIFTED_CLOSER = re.compile(
    r"[,.][ \t]+(he|she|they|it|we|I|and|but|said|says|the|a|an|his|her|their|our)(\"|”)(?=[ \t]+\w)", re.I)


def _quote_is_open(text: str, start: int, end: int, opener: str) -> bool:
    """True when the quotation opened at ``start`` has no closing mark before ``end``."""
    closer = {"“": "”", "«": "»"}[opener]
    return closer not in text[start:end]


@check("XL104", "quote-misplaced", "fluency/punctuation", Severity.MAJOR)
def quote_misplaced(ctx: CheckContext) -> Iterator[Hit]:
    """Misplaced quotation marks: 'our concern. “said the official', 'the world, he" said'.

    What it flags:
        An opening quotation mark after the end of a quote that introduces a
        lower-case reporting clause and is never closed, a closing straight
        or curly quote that slid past the comma onto the next word, and one
        that closes after the reporting clause ('a job, he said.”').
    Why it matters:
        The reader can no longer tell where the quoted words end, which changes
        who said what.
    Example:
        Source: «…expresamos nuestra preocupación”, dijo la funcionaria mexicana.»
        Bad:    "…we expressed our concern. “said the Mexican official."
        Good:   "…we expressed our concern,” said the Mexican official."
    Fix:
        Move the quotation mark back to where the quoted words end.
    """
    text = ctx.doc.target.text
    for paragraph in ctx.doc.target.paragraphs:
        for match in _SPEECH_OPENER.finditer(text, paragraph.start, paragraph.end):
            if _quote_is_open(text, match.end(), paragraph.end, match.group(1)):
                yield Hit(f"quotation mark opens before the reporting clause {match.group(2)!r}",
                          target_span=(match.start(), match.end(2)),
                          suggestion=f",” {match.group(2)}", confidence=0.85)
        for match in _CLOSER_AFTER_ATTRIBUTION.finditer(text, paragraph.start, paragraph.end):
            opened = text.rfind("“" if match.group(1) == "”" else '"', paragraph.start, match.start())
            if opened >= 0:
                yield Hit("the closing quotation mark comes after the reporting clause",
                          target_span=(match.start(), match.end()),
                          suggestion=f",{match.group(1)} {match.group(0)[1:-1].strip()}", confidence=0.7)
        quotes = [m.start() for m in re.finditer(r"\"", text[paragraph.start : paragraph.end])]
        closing = set(quotes[1::2])
        for match in _SHIFTED_CLOSER.finditer(text, paragraph.start, paragraph.end):
            mark = match.start(2)
            if match.group(2) == '"' and (mark - paragraph.start) not in closing:
                continue
            yield Hit(f"closing quotation mark after {match.group(1)!r} instead of before it",
                      target_span=(match.start(), match.end(2)),
                      suggestion=f"{match.group(0)[0]}{match.group(2)} {match.group(1)}", confidence=0.75)


# A question or exclamation mark that ends a clause (not one inside a URL: "?id=3").
_CLOSING_MARK = re.compile(r"(?<=[\w\"”»')\]])[?!]+(?=[\s\"”»')\].,;:]|$)")


@check("XL113", "inverted-mark", "fluency/punctuation", Severity.MINOR, needs=("inverted-marks",))
def inverted_mark(ctx: CheckContext) -> Iterator[Hit]:
    """A question or exclamation that a language which opens them («¿ ¡») closes but does not open.

    What it flags:
        In a target language with opening question and exclamation marks
        (Spanish), a closing "?" or "!" with no matching opening mark earlier in
        its sentence. A mark inside quotation marks around words the source has
        too (an English title, «"Who Wants to Be a Millionaire?"») is left alone.
    Why it matters:
        The reader of Spanish learns from «¿» where the question starts; a
        question left unopened reads as English punctuation carried over.
    Example:
        Source: "Will Congress approve the reform?"
        Bad:    «Aprobará el Congreso la reforma?»
        Good:   «¿Aprobará el Congreso la reforma?»
    Fix:
        Open the question or exclamation where it starts.
    """
    marks = ctx.pair.target.inverted_marks
    text, source = ctx.doc.target.text, ctx.doc.source.text
    for sentence in ctx.doc.target.sentences:
        opened = {mark: 0 for mark in marks}
        position = sentence.start
        for match in _CLOSING_MARK.finditer(text, sentence.start, sentence.end):
            for mark in marks:
                opened[mark] += text.count(marks[mark], position, match.start())
            position = match.end()
            mark = match.group()[-1]
            if opened[mark] > 0:
                opened[mark] -= 1
                continue
            word = previous_word(text, match.start()).strip("\"“”«»'()[]")
            if inside_quotes(text, sentence, match.start(), match.end()) and word and word in source:
                continue  # a title or a quotation kept in the source's language
            yield Hit(f"“{mark}” closes a {'question' if mark == '?' else 'exclamation'} that “{marks[mark]}” "
                      "never opens", target_span=(match.start(), match.end()), confidence=0.8)
