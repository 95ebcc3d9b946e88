"""Clause punctuation: a comma inside a clause where the target language forbids one and the source
has none ("The committee, was founded in 1937").

The target's tagger says where a comma splits what belongs together: a preposition from its object,
an adjective from its noun, a subject noun phrase that opens the sentence from its verb, a verb from
its object. Such a comma is flagged only when the source words that the word aligner links to the
words around it have no punctuation between them: «El comité fue fundado en 1937» has no comma to
carry over, while "In the past, governments" for «En el pasado, los gobiernos» keeps the source's.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from xlate.checks.context import CheckContext, PlacedToken
from xlate.checks.registry import Hit, check
from xlate.model import Link, Sentence, Severity
from xlate.pairs import LanguageResources
from xlate.wordalign import WordAlignment

# Marks of the source that justify a comma of the translation between the words they separate.
SOURCE_BREAKS = ",;:()[]—–-\"«»“”"
# How many words away from the comma an aligned word may stand to anchor it in the source.
ANCHOR_REACH = 4


def _finite(token: PlacedToken, lang: LanguageResources) -> bool:
    return token.token.pos in lang.analyser.verbs and any(t in lang.verbs.tenses for t in token.token.tags)


# Marks after which a new sentence or clause begins (the segmenter may leave "Fla. Augustus" as one sentence).
CLAUSE_OPENERS = ".!?;:—\"“«("


def _opening_noun_phrase(tokens: list[PlacedToken], lang: LanguageResources) -> bool:
    """True when ``tokens`` end with a bare noun phrase that opens its sentence or clause ("The
    youngest children", "Another hypothesis"), not one that follows a comma ("Franklin, 77, recalled")."""
    tags = lang.analyser
    start = len(tokens)
    while start > 0 and tokens[start - 1].token.pos not in tags.punctuation:
        start -= 1
    if start > 0 and tokens[start - 1].token.surface not in CLAUSE_OPENERS:
        return False
    tokens = tokens[start:]
    allowed = tags.determiners | tags.adjectives | tags.nouns | {"num", "predet", "prn"}
    return bool(tokens) and all(t.token.pos in allowed for t in tokens) and tokens[-1].token.pos in (
        tags.nouns | {"num", "prn"}) and tokens[0].token.pos not in tags.prepositions


def _forbidden_comma(tokens: list[PlacedToken], i: int, lang: LanguageResources) -> str | None:
    """What the comma at ``tokens[i]`` splits, when English grammar forbids the comma there."""
    tags = lang.analyser
    left, right = tokens[i - 1].token, tokens[i + 1].token
    phrase = tags.determiners | tags.nouns | tags.adjectives | {"num"}
    suspended = any(b.token.surface == "," and a.token.pos in tags.prepositions
                    for a, b in itertools.pairwise(tokens[:i]))  # "complementary to, rather than substitutes of, local"
    if left.pos in tags.prepositions and right.pos in phrase and not suspended:
        return "a preposition from its object"
    if left.pos in tags.adjectives and right.pos == "n" and i >= 2 and tokens[i - 2].token.pos in (
            tags.determiners | tags.adjectives) and (i + 2 >= len(tokens) or tokens[i + 2].token.pos not in tags.nouns
                                                     or tokens[i + 2].token.surface != ","):
        return "an adjective from its noun"
    if _finite(tokens[i + 1], lang) and _opening_noun_phrase(tokens[:i], lang):
        participle = right.pos not in tags.auxiliaries and (lang.verbs.participle in right.tags or "past" in right.tags)
        if not (participle and any(t.token.surface == "," for t in tokens[i + 2 :])):  # "The results, released …,"
            return "the subject from its verb"
    if left.pos in tags.verbs - tags.auxiliaries and _finite(tokens[i - 1], lang) and right.pos in tags.determiners \
            and i >= 2 and tokens[i - 2].token.pos in tags.nouns | {"prn"} and tokens[i - 2].token.pos != "":
        return "a verb from its object"
    return None


def _source_gap_has_break(ctx: CheckContext, link: Link, alignment: WordAlignment, start: int, end: int) -> bool | None:
    """Whether the source has punctuation between the words linked to the translation's words around
    ``start``..``end`` (the comma); None when too few of them are linked to tell."""
    before = [k for k, w in enumerate(alignment.target) if w.end <= start][-ANCHOR_REACH:]
    after = [k for k, w in enumerate(alignment.target) if w.start >= end][:ANCHOR_REACH]
    left = [s for k in reversed(before) if (s := alignment.sources_of(k))][:1]
    right = [s for k in after if (s := alignment.sources_of(k))][:1]
    if not left or not right:
        return None
    linked = left[0] + right[0]
    first, last = alignment.source[min(linked)], alignment.source[max(linked)]
    return any(mark in ctx.doc.source.text[first.end : last.start] for mark in SOURCE_BREAKS)


def _target_sentence_link(ctx: CheckContext, index: int, sentence: Sentence) -> Link | None:
    link = ctx.link_of_target(index)
    return link if link is not None and link.source and sentence.text.count(",") else None


@check("XL111", "clause-comma", "fluency/punctuation", Severity.MINOR, needs=("apertium",),
       superseded_by=("XL103", "XL102", "XL401", "XL206"))
def clause_comma(ctx: CheckContext) -> Iterator[Hit]:
    """A comma that splits a clause: "The committee, was founded in 1937".

    What it flags:
        A comma between a preposition and its object, an adjective and its
        noun, a subject noun phrase that opens the sentence and its verb, or
        a verb and its object, as the target's tagger reads the sentence,
        where the source words linked to the words around the comma have no
        punctuation between them.
    Why it matters:
        A comma inside a clause breaks the reading and is a typical trace of
        careless post-editing.
    Example:
        Source: «El comité fue fundado en 1937.»
        Bad:    "The committee, was founded in 1937."
        Good:   "The committee was founded in 1937."
    Fix:
        Delete the comma.
    """
    lang = ctx.pair.target
    for index, sentence in enumerate(ctx.doc.target.sentences):
        link = _target_sentence_link(ctx, index, sentence)
        tokens = [t for t in ctx.target_tokens(sentence) or [] if t.end > t.start] if link else []
        for i in range(1, len(tokens) - 1):
            if tokens[i].token.surface != ",":
                continue
            what = _forbidden_comma(tokens, i, lang)
            if what is None or _source_gap_has_break(ctx, link, ctx.word_alignment(link), tokens[i].start,
                                                     tokens[i].end) is not False:
                continue
            yield Hit(f"this comma separates {what}; the source has no break here",
                      target_span=(tokens[i].start, tokens[i].end), confidence=0.6)
