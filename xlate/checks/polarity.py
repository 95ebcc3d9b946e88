"""Polarity: a negation added or lost between a source sentence and its translation.

Each side's negations come from the shared negation analysis (xlate/negation.py, through the
context). A negation of one side is unsupported when the words it negates are linked, by strong
word-alignment evidence (the dictionary, identical strings), to words of the other side none of
which stands in a clause with a negation: "The police arrested a suspect" for «La policía no
detuvo a ningún sospechoso» («sospechoso» ↔ "suspect", and "suspect" is not negated). A free
rendering whose words the dictionary does not link decides nothing — except for a negation of the
translation where nothing at all in the source link negates (no negator, «sin», verb of negation or
negative affix) in a source language whose negation facts are exhaustive — and a litotes ("not
unusual", «no se puede excluir») is no flip. (The mirror case, a source negation with no linked
words and nothing negative in the translation, flagged eight more clean Spanish dev passages: a
negation is rendered by an antonym phrase, "had fallen out of print", more often than one is added.)
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from xlate.checks.context import CheckContext
from xlate.checks.registry import Hit, check
from xlate.checks.text import asks
from xlate.model import Severity
from xlate.negation import CLAUSE_END, Polarity, lexically_negative
from xlate.pairs import AnalyserTags
from xlate.wordalign import DICTIONARY_STEM, POSITION, WordAlignment

# A link at least this strong (dictionary or identical strings) may decide a polarity question.
STRONG_LINK = DICTIONARY_STEM
# A position-linked pair is anchored when a word within this many words of each is linked to the other.
ANCHOR_REACH = 3
# A negated word and its partner are antonyms in these first senses ("succeed" ↔ "fail").
ANTONYM_SENSES = 1
# A lost negation's span takes in the verb group at most this many words from the negated word's partner.
VERB_REACH = 3

def _partners(alignment: WordAlignment, k: int, minimum: float, *, source_side: bool) -> list[int]:
    return [link.target if source_side else link.source for link in alignment.links
            if (link.source if source_side else link.target) == k and link.score >= minimum]


def _antonym_pair(ctx: CheckContext, alignment: WordAlignment, heads: list[int], partners: list[int], *,
                  source_side: bool) -> bool:
    """True when a negated word and a partner are antonyms ("did not succeed" for «fracasó»): a
    negation with an antonym is a rewording."""
    wordnet = ctx.engines.wordnet if ctx.engines.has_wordnet else None
    if wordnet is None:
        return False
    pos_of = ctx.pair.target.analyser.wordnet
    for h in heads:
        for p in partners:
            source, target = (alignment.source[h], alignment.target[p]) if source_side else (
                alignment.source[p], alignment.target[h])
            if wordnet.opposite(target.lemma, source.translations, (pos_of.get(target.pos), pos_of.get(source.pos)),
                                ANTONYM_SENSES):
                return True
    return False


def _anchored(alignment: WordAlignment, k: int, partner: int, *, source_side: bool) -> bool:
    """True when the words next to a position-linked pair are linked to each other by the dictionary
    on both sides (or stand at the sentence's edge): the translation is literal around the pair."""
    words, others = (alignment.source, alignment.target) if source_side else (alignment.target, alignment.source)
    strong = {(link.source, link.target) if source_side else (link.target, link.source)
              for link in alignment.links if link.score >= STRONG_LINK}
    for step in (-1, 1):
        mine = [m for m in range(k + step, k + step * (ANCHOR_REACH + 1), step) if 0 <= m < len(words)]
        theirs = {t for t in range(partner + step, partner + step * (ANCHOR_REACH + 1), step) if 0 <= t < len(others)}
        if mine and not any((m, t) in strong for m in mine for t in theirs):
            return False
    return True


def _unsupported(ctx: CheckContext, alignment: WordAlignment, mine: Polarity, theirs: Polarity, *,
                 source_side: bool) -> Iterator[tuple[int, list[int]]]:
    """Negators of one side whose negated words (and the negator itself) are linked to words of the
    other side outside any negation, with those words. Dictionary links decide first; words paired
    only by position decide when there are none, unless the pair are antonyms."""
    words = alignment.source if source_side else alignment.target
    lang = ctx.pair.source if source_side else ctx.pair.target
    for negator, heads in mine.heads.items():
        if any(words[h].lemma in lang.negation.verbs or lexically_negative(words[h], lang) for h in heads[:1]):
            continue  # a litotes: «no se puede excluir», "not unusual" (not "not important", "not include")
        partners = [p for k in heads for p in _partners(alignment, k, STRONG_LINK, source_side=source_side)]
        if not partners:
            partners = [p for k in heads for p in _partners(alignment, k, POSITION, source_side=source_side)
                        if _anchored(alignment, k, p, source_side=source_side)]
            if _antonym_pair(ctx, alignment, heads, partners, source_side=source_side):
                continue
        if partners and not any(p in theirs.negated for p in partners):
            yield negator, partners
        elif not partners and not source_side and not theirs.negated and ctx.pair.source.negation.exhaustive:
            yield negator, partners  # an added negation where nothing in the source link negates


def _negation_site(alignment: WordAlignment, partner: int, text: str, tags: AnalyserTags) -> tuple[int, int]:
    """Where a lost negator belonged: the partner of the negated word together with the verb group next
    to it in its clause, auxiliaries included ("will ⟨not⟩ last long", "is ⟨not⟩ the answer", "insurers
    will ⟨not⟩ sign") — the negator goes with the verb, which the partner need not be."""
    words = alignment.target
    verbs = tags.verbs | tags.auxiliaries

    def same_clause(a: int, b: int) -> bool:
        low, high = min(a, b), max(a, b)
        return not CLAUSE_END.search(text, words[low].end, words[high].start)  # a verb beyond is another clause's

    nearest = partner if words[partner].pos in verbs else next(
        (k for step in (-1, 1) for k in range(partner + step, partner + step * (VERB_REACH + 1), step)
         if 0 <= k < len(words) and words[k].pos in verbs and same_clause(k, partner)), None)
    if nearest is None:
        return words[partner].start, words[partner].end
    first = nearest
    while first > 0 and words[first - 1].pos in tags.auxiliaries | tags.adverbs and same_clause(first - 1, first):
        first -= 1
    return words[min(first, partner)].start, words[max(nearest, partner)].end


def _quoted(negator: str, source_text: str, source_negators: frozenset[str]) -> bool:
    """Whether the source has the target's negator as it is, not being a negator of its own language."""
    return negator not in source_negators and re.search(rf"(?<!\w){re.escape(negator)}(?!\w)", source_text) is not None


@check("XL208", "polarity", "accuracy/mistranslation", Severity.CRITICAL, needs=("source-analysis", "target-analysis"),
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
        dictionary cannot link are left alone — unless the translation
        negates where nothing in the source link does ("he did not say" for
        «afirmó») and the source language's negation facts are exhaustive
        (Spanish).
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
    marks, source_marks = ctx.pair.target.verbs.question_marks, ctx.pair.source.verbs.question_marks
    for link in ctx.doc.links:
        if not link.source or not link.target:
            continue
        if any(asks(t.text, marks) for t in ctx.targets(link)) != any(
                asks(s.text, source_marks) for s in ctx.sources(link)):
            continue  # a statement made a question, or the reverse, says its polarity another way (XL210's)
        alignment = ctx.word_alignment(link)
        source, target = ctx.polarity(link)
        # A flip changes the count of negations: with as many on each side, one was only misplaced.
        lost, added = len(source.heads) > len(target.heads), len(target.heads) > len(source.heads)
        for negator, partners in _unsupported(ctx, alignment, source, target, source_side=True) if lost else ():
            cue = alignment.source[negator]
            yield Hit(f"the source negates this («{cue.text}») and the translation does not",
                      target_span=_negation_site(alignment, partners[0], ctx.doc.target.text, ctx.pair.target.analyser),
                      source_span=(cue.start, cue.end), confidence=0.7)
            break
        else:
            source_text = " ".join(s.text for s in ctx.sources(link)).lower()
            for negator, _ in _unsupported(ctx, alignment, target, source, source_side=False) if added else ():
                word = alignment.target[negator]
                if _quoted(word.text.lower(), source_text, ctx.pair.source.negation.negators):
                    continue  # the source quotes the target's language: «"the laws don't apply", she added»
                yield Hit(f"“{word.text}” negates what the source affirms", target_span=(word.start, word.end),
                          confidence=0.7)
                break
