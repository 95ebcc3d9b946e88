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
# Punctuation that ends the reach of negative concord (a parenthetical between commas does not).
_CONCORD_END = re.compile(r"[;:()\[\]\"“”«»]")
# What follows a negator in a tag question («¿no?»), and what follows "No" as the abbreviation of "number".
_TAG_QUESTION = re.compile(r"\s*\?")
_NUMBER_SIGN = re.compile(r"\.?\s?\d")
# The concord marker of an approximate negation ("almost no one … not even"): its concord words add none.
APPROXIMATE = -1
# A link at least this strong (dictionary or identical strings) may decide a polarity question.
STRONG_LINK = DICTIONARY_STEM
# A negated verb's object counts at most this many content words.
OBJECT_WORDS = 2
# A negated word this long that starts with a negative prefix makes a litotes ("not unusual").
LITOTES_MIN_LENGTH = 6


@dataclass(frozen=True, slots=True)
class Polarity:
    """One side's negations: each negator with the word it negates (its head), and every word that
    stands in some negative scope."""

    heads: dict[int, list[int]]  # negator → what it negates, and what its concord words negate
    negated: set[int]  # every word of a clause that holds a negation (or «sin», a verb of negation, …)


def _is_negator(word: Word, lang: LanguageResources) -> bool:
    """A negator, or a multiword token that holds one ("with no", "didn't")."""
    text = word.text.lower().replace("’", "'")
    negators = lang.negation.negators
    return text in negators or any(part in negators for part in text.split()) or (
        "n't" in negators and text.endswith("n't"))


def _matches(patterns: tuple[str, ...], text: str, start: int, end: int) -> list[tuple[int, int]]:
    lowered = text[start:end].lower()
    return [(start + m.start(), start + m.end()) for pattern in patterns for m in re.finditer(pattern, lowered)]


def _lexically_negative(word: Word, lang: LanguageResources) -> bool:
    """An adjective or participle negated by an affix: "unprepared", "powerless", «ilegal»."""
    lowered, facts = word.text.lower(), lang.negation
    return word.pos in lang.analyser.content - {"n", "np"} and len(lowered) >= LITOTES_MIN_LENGTH and (
        lowered.startswith(facts.prefixes) or (bool(facts.suffixes) and lowered.endswith(facts.suffixes)))


def polarity_of(words: list[Word], text: str, lang: LanguageResources) -> Polarity:
    """Where one side negates (see the module docstring)."""
    facts = lang.negation
    result = Polarity({}, set())
    if not words or not facts.negators:
        return result
    fixed = _matches(facts.fixed, text, words[0].start, words[-1].end)
    approximate = _matches(facts.approximate, text, words[0].start, words[-1].end)
    negation: int | None = None  # the negation that concord words of the clause join (APPROXIMATE: a weak one)
    clause: list[int] = []  # the words of the current clause
    negative_clause = False  # whether something in it negates
    for k, word in enumerate(words):
        between = text[words[k - 1].end : word.start] if k else ""
        if _CLAUSE_END.search(between):
            if negative_clause:
                result.negated.update(clause)
            clause, negative_clause = [], False
        if _CONCORD_END.search(between):
            negation = None
        clause.append(k)
        lowered = word.text.lower()
        weak = any(s <= word.start < e for s, e in approximate)
        negator = _is_negator(word, lang) and not weak and not any(s <= word.start < e for s, e in fixed) and not (
            _TAG_QUESTION.match(text, word.end) or (lowered == "no" and _NUMBER_SIGN.match(text, word.end)))
        if negator and negation is not None and lowered in facts.concord:
            if negation != APPROXIMATE:
                result.heads[negation].extend(_heads(words, text, k, lang))
        elif negator:
            negation = k
            result.heads[k] = _heads(words, text, k, lang)
        elif weak:
            negation = APPROXIMATE
        if negator or weak or lowered in facts.scope_words or word.lemma in facts.verbs or _lexically_negative(
                word, lang):
            negative_clause = True
    if negative_clause:
        result.negated.update(clause)
    return result


def _heads(words: list[Word], text: str, negator: int, lang: LanguageResources) -> list[int]:
    """What a negator negates: the first content word after it in its clause and, when that is a
    verb, the content words of its object (up to the next verb): «no subirá los impuestos»."""
    heads: list[int] = []
    verbs = lang.analyser.verbs
    for k in range(negator + 1, len(words)):
        if _CLAUSE_END.search(text[words[k - 1].end : words[k].start]) or len(heads) > OBJECT_WORDS:
            break
        if heads and (words[k].pos in verbs or words[heads[0]].pos not in verbs
                      or lang.verbs.participle in words[heads[0]].tags):
            break  # only a finite verb or an infinitive takes its object along (not «no identificado»)
        if words[k].content:
            heads.append(k)
    return heads


def _strong_partners(alignment: WordAlignment, k: int, *, source_side: bool) -> list[int]:
    return [link.target if source_side else link.source for link in alignment.links
            if (link.source if source_side else link.target) == k and link.score >= STRONG_LINK]


def _unsupported(alignment: WordAlignment, mine: Polarity, theirs: Polarity, words: list[Word],
                 lang: LanguageResources, *, source_side: bool) -> Iterator[tuple[int, list[int]]]:
    """Negators of one side whose negated word (and the negator itself) is strongly linked to words of
    the other side that no negative scope covers, with those words."""
    for negator, heads in mine.heads.items():
        if any(words[h].lemma in lang.negation.verbs or (len(words[h].text) >= LITOTES_MIN_LENGTH and words[
                h].text.lower().startswith(lang.negation.prefixes)) for h in heads[:1]):
            continue  # a litotes: «no se puede excluir», "not unusual"
        partners = [p for k in (negator, *heads) for p in _strong_partners(alignment, k, source_side=source_side)]
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
