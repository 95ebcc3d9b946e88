"""Repetition: doubled words and looping phrases."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from xlate.checks.context import CheckContext
from xlate.checks.registry import Hit, check
from xlate.checks.text import words
from xlate.model import Severity

# Longest repeated phrase (in words) looked for.
MAX_LOOP_WORDS = 8
# A phrase this long repeated after a comma is a loop too ("by lawyer Leal Pinzón, by lawyer Leal Pinzón").
MIN_COMMA_LOOP_WORDS = 3
# Verb particles that may meet the same preposition: "gave in in March", "took on on Monday".
PARTICLES = frozenset({"in", "on", "up", "off", "over", "out", "down", "by"})
# Doubled words that are grammatical English ("had had", "that that").
GRAMMATICAL_DOUBLES = frozenset({"had", "that", "is", "do", "very", "no", "bye", "so", "far", "many", "more",
                                 "again", "long", "ha", "knock", "yes", "oh", "now", "go", "you"})


def _doubled_in(text: str) -> set[str]:
    """Lower-cased words that the text itself repeats back to back (to excuse faithful repeats)."""
    ws = [w.lower() for w, _, _ in words(text)]
    return {a for a, b in itertools.pairwise(ws) if a == b}


@check("XL105", "repetition", "fluency/grammar", Severity.MAJOR)
def repetition(ctx: CheckContext) -> Iterator[Hit]:
    """Doubled words and looping phrases: "the government should government should have".

    What it flags:
        A word or a phrase of up to eight words repeated immediately, separated
        only by spaces (or by a comma, for phrases of three words or more).
        Grammatical doubles ("had had") and repeats the source also has ("muy, muy" → "very, very") are not flagged.
    Why it matters:
        Neural decoders loop and editors' paste errors double words; both read as
        sloppy and can change the meaning ("a few few days").
    Example:
        Source: «Los cambios introducidos en este monovolumen son numerosos.»
        Bad:    "changes brought to the brought to the minivan are numerous."
        Good:   "changes brought to the minivan are numerous."
    Fix:
        Delete the repeated copy.
    """
    text = ctx.doc.target.text
    source_doubles = _doubled_in(ctx.doc.source.text)
    for paragraph in ctx.doc.target.paragraphs:
        tokens = list(words(text, paragraph.start, paragraph.end))
        lowered = [w.lower() for w, _, _ in tokens]
        i = 0
        while i < len(tokens):
            hit = None
            for n in range(min(MAX_LOOP_WORDS, (len(tokens) - i) // 2), 0, -1):
                first, second = lowered[i : i + n], lowered[i + n : i + 2 * n]
                if first != second:
                    continue
                gap = text[tokens[i + n - 1][2] : tokens[i + n][1]]
                if gap.strip() and not (n >= MIN_COMMA_LOOP_WORDS and gap.strip() == ","):
                    continue  # "no, no" and "Why? Why?" are separated by punctuation
                after = text[tokens[i + 1][2] : tokens[i + 1][2] + 3].strip()[:1]
                particle = first[0] in PARTICLES and (after.isupper() or after.isdigit())
                if n == 1 and (first[0] in GRAMMATICAL_DOUBLES or first[0].isdigit() or particle
                               or first[0] in source_doubles or (len(first[0]) == 1 and first[0] != "a")):
                    continue
                hit = n
                break
            if hit is None:
                i += 1
                continue
            start, end = tokens[i + hit][1], tokens[i + 2 * hit - 1][2]
            phrase = text[start:end]
            yield Hit(f"{phrase!r} is repeated", target_span=(start, end), suggestion="", confidence=0.9)
            i += 2 * hit
