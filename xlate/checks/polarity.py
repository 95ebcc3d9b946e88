"""Polarity: a negation added or lost between a source sentence and its translation.

Each side's negations come from the shared negation analysis (xlate/negation.py, through the
context). A negation of one side is unsupported when the words it negates are linked, by strong
word-alignment evidence (the dictionary, identical strings), to words of the other side none of
which stands in a clause with a negation: "The police arrested a suspect" for «La policía no
detuvo a ningún sospechoso» («sospechoso» ↔ "suspect", and "suspect" is not negated). A free
rendering whose words the dictionary does not link decides nothing, and a litotes ("not unusual",
«no se puede excluir») is no flip.
"""

from __future__ import annotations

from collections.abc import Iterator

from xlate.checks.context import CheckContext
from xlate.checks.registry import Hit, check
from xlate.model import Severity
from xlate.negation import LITOTES_MIN_LENGTH, Polarity
from xlate.pairs import LanguageResources
from xlate.wordalign import DICTIONARY_STEM, Word, WordAlignment

# A link at least this strong (dictionary or identical strings) may decide a polarity question.
STRONG_LINK = DICTIONARY_STEM

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
        source, target = ctx.polarity(link)
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
