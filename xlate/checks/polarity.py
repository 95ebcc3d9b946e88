"""Polarity: a negation added or lost between a source sentence and its translation.

A negator opens a negative scope that runs to the end of its clause; so do the words that negate
without being a negation to compare («sin», "without") and verbs that hold a negation ("refused",
«negar»). Fixed expressions with a negator do not negate («no obstante», "no matter"; «no … más
que» = "only"). A negation of one side is unsupported when the content words in its scope are
linked, by strong word-alignment evidence (the dictionary, identical strings), to words of the other
side none of which stands in a negative scope: "The police arrested a suspect" for «La policía no
detuvo a ningún sospechoso» («sospechoso» ↔ "suspect", and "suspect" is not negated). A free
rendering whose words the dictionary does not link decides nothing, and a litotes ("not unusual")
is no flip. Spanish negative concord is one scope («no vino nadie» = "nobody came").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from xlate.checks.context import CheckContext
from xlate.checks.registry import Hit, check
from xlate.model import Severity
from xlate.pairs import LanguageResources
from xlate.wordalign import DICTIONARY_STEM, Word, WordAlignment

# Punctuation that closes a clause, and with it a negative scope.
_CLAUSE_END = re.compile(r"[,;:()\[\]–—\"“”«»]")
# What follows a negator that is a tag question («¿no?») or the abbreviation of "number" ("No. 5").
_TAG_OR_NUMBER = re.compile(r"\s*\?|\.?\s?\d")
# A link at least this strong (dictionary or identical strings) may decide a polarity question.
STRONG_LINK = DICTIONARY_STEM
# A negated word this long that starts with a negative prefix makes a litotes ("not unusual").
LITOTES_MIN_LENGTH = 6


@dataclass(frozen=True, slots=True)
class Polarity:
    """One side's negations: the negators to compare and which words stand in a negative scope."""

    negators: list[int]
    scope_of: dict[int, list[int]]  # negator → the words of its scope
    negated: set[int]  # every word inside some negative scope (negators and verbs of negation too)


def _is_negator(word: Word, lang: LanguageResources) -> bool:
    text = word.text.lower().replace("’", "'")
    return text in lang.negation.negators or ("n't" in lang.negation.negators and text.endswith("n't"))


def _fixed(text: str, start: int, end: int, lang: LanguageResources) -> list[tuple[int, int]]:
    lowered = text[start:end].lower()
    return [(start + m.start(), start + m.end()) for pattern in lang.negation.fixed
            for m in re.finditer(pattern, lowered)]


def polarity_of(words: list[Word], text: str, lang: LanguageResources) -> Polarity:
    """Which words of one side stand in a negative scope (see the module docstring)."""
    facts = lang.negation
    result = Polarity([], {}, set())
    if not words or not facts.negators:
        return result
    fixed = _fixed(text, words[0].start, words[-1].end, lang)
    opener: int | None = None  # the negator (or negative word) whose scope is open
    for k, word in enumerate(words):
        if k and _CLAUSE_END.search(text[words[k - 1].end : word.start]):
            opener = None
        lowered = word.text.lower()
        negator = _is_negator(word, lang) and not any(s <= word.start < e for s, e in fixed) and not (
            _TAG_OR_NUMBER.match(text, word.end))
        if negator and not (opener is not None and lowered in facts.concord):
            result.negators.append(k)
            result.scope_of[k] = []
            opener = k
            result.negated.add(k)
            continue
        if negator or lowered in facts.scope_words or word.lemma in facts.verbs:
            opener = k if opener is None else opener
            result.negated.add(k)
            continue
        if opener is not None:
            result.negated.add(k)
            if opener in result.scope_of and word.content:
                result.scope_of[opener].append(k)
    return result


def _strong_partners(alignment: WordAlignment, k: int, *, source_side: bool) -> list[int]:
    return [link.target if source_side else link.source for link in alignment.links
            if (link.source if source_side else link.target) == k and link.score >= STRONG_LINK]


def _unsupported(alignment: WordAlignment, mine: Polarity, theirs: Polarity, words: list[Word],
                 lang: LanguageResources, *, source_side: bool) -> Iterator[tuple[int, list[int]]]:
    """Negators of one side whose scope's strongly linked words are all outside a negative scope on
    the other side, with those words."""
    for negator in mine.negators:
        scope = mine.scope_of[negator]
        if any(len(words[k].text) >= LITOTES_MIN_LENGTH and words[k].text.lower().startswith(
                lang.negation.prefixes) for k in scope[:1]):
            continue  # a litotes: "not unusual", «no es imposible»
        partners = [p for k in scope for p in _strong_partners(alignment, k, source_side=source_side)]
        for p in _strong_partners(alignment, negator, source_side=source_side):
            partners.append(p)
        if partners and not any(p in theirs.negated for p in partners):
            yield negator, partners


@check("XL208", "polarity", "accuracy/mistranslation", Severity.CRITICAL, needs=("apertium",),
       superseded_by=("XL401", "XL206", "XL403", "XL402", "XL203"))
def polarity(ctx: CheckContext) -> Iterator[Hit]:
    """A negation added or lost: the translation says the opposite of its source.

    What it flags:
        A negation of the source whose clause the translation renders word for
        word without any negation ("arrested a suspect" for «no detuvo a ningún
        sospechoso»), or a negation of the translation over words whose source
        is not negated. Spanish negative concord («no vino nadie» = "nobody
        came"), fixed expressions («no obstante», "no matter"), verbs that hold
        a negation ("refused" for «no aceptó», "denied"), litotes ("not
        unusual"), «sin»/"without", and free renderings whose words the
        dictionary cannot link are left alone.
    Why it matters:
        A lost "not" turns a denial into a confirmation; it reads fluently and
        no reader of the English alone can tell.
    Example:
        Source: «La policía no detuvo a ningún sospechoso.»
        Bad:    "The police arrested a suspect."
        Good:   "The police did not arrest any suspect."
    Fix:
        Restore the source's polarity: add or remove the negation.
    """
    source_lang, target_lang = ctx.pair.source, ctx.pair.target
    for link in ctx.doc.links:
        if not link.source or not link.target:
            continue
        alignment = ctx.word_alignment(link)
        source = polarity_of(alignment.source, ctx.doc.source.text, source_lang)
        target = polarity_of(alignment.target, ctx.doc.target.text, target_lang)
        for negator, partners in _unsupported(alignment, source, target, alignment.source, source_lang,
                                              source_side=True):
            words = [alignment.target[p] for p in partners]
            cue = alignment.source[negator]
            yield Hit(f"the source negates this («{cue.text}») and the translation does not",
                      target_span=(words[0].start, words[0].end), source_span=(cue.start, cue.end), confidence=0.7)
            break
        else:
            for negator, _ in _unsupported(alignment, target, source, alignment.target, target_lang,
                                           source_side=False):
                word = alignment.target[negator]
                yield Hit(f"“{word.text}” negates what the source affirms", target_span=(word.start, word.end),
                          confidence=0.7)
                break
