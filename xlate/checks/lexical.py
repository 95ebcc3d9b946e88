"""Lexical meaning: a word rendered by its opposite.

The check looks at the target content words that the word aligner could not link to any source
word by the dictionary — the ones it paired by position, or left free — and asks WordNet whether
they are antonyms of the dictionary translations of the source word in their place: "fall" for
«aumentar», whose translations include "increase" and "rise". A negation on one side only turns an
antonym into a rewording ("did not rise" for «cayó»).

(A vaguer-word check — "payment" for «salario», a WordNet hypernym of the dictionary's "salary" —
was measured and left out: published translations use a hypernym of the dictionary's narrow
sense in about one passage in six ("official" for «funcionario», whose dictionary sense is "civil
servant"), so it could not tell a loss of detail from a normal rendering.)
"""

from __future__ import annotations

from collections.abc import Iterator

from xlate.checks.context import CheckContext
from xlate.checks.registry import Hit, check
from xlate.engines.wordnet import WordNet
from xlate.model import Link, Severity
from xlate.wordalign import POSITION, Word, WordAlignment

# Antonyms count in the first this many senses of a translation (its most frequent one): "rise" ↔
# "fall" and "win" ↔ "lose" are first senses; "go" ↔ "come" (depart) is only the second.
ANTONYM_SENSES = 1


def _candidates(ctx: CheckContext, alignment: WordAlignment) -> Iterator[tuple[int, int]]:
    """(source, target) pairs that may be the same word rendered wrongly: a target content word with no
    dictionary link and the source word the aligner paired it with by position, else each source
    content word left unaligned, and each source content word without a dictionary link that stands
    in its place (the antonym test itself is the filter)."""
    strong = [link for link in alignment.links if link.score > POSITION]  # links by more than position
    strong_sources, strong_targets = {link.source for link in strong}, {link.target for link in strong}
    free_sources = [i for i in alignment.unaligned_source if alignment.source[i].content]
    weak_sources = [i for i, w in enumerate(alignment.source) if w.content and i not in strong_sources]
    for j in (j for j, w in enumerate(alignment.target) if w.content and j not in strong_targets):
        paired = alignment.sources_of(j)
        low, high = _place(strong, j, len(alignment.source))
        in_place = [i for i in weak_sources if low <= i <= high]
        yield from ((i, j) for i in dict.fromkeys([*(paired or free_sources), *in_place]))


def _place(strong: list[Link], j: int, sources: int) -> tuple[int, int]:
    """The first and last index of the source words between the partners of target word ``j``'s nearest
    neighbours with a dictionary link on each side (the sentence's ends where it has none): where its
    own source word stands («mantener vivas» → "keep … dead")."""
    left = max((link.target for link in strong if link.target < j), default=None)
    right = min((link.target for link in strong if link.target > j), default=None)
    low = max((link.source for link in strong if link.target == left), default=0)
    high = min((link.source for link in strong if link.target == right), default=sources - 1)
    return min(low, high), max(low, high)


def _pos(ctx: CheckContext, word: Word) -> str:
    return ctx.pair.target.analyser.wordnet.get(word.pos, "")


def _opposite(wordnet: WordNet, ctx: CheckContext, source: Word, target: Word) -> str | None:
    """A translation of ``source`` that ``target`` is an antonym of."""
    return wordnet.opposite(target.lemma, source.translations, (_pos(ctx, target), _pos(ctx, source)),
                            ANTONYM_SENSES)


def _prefixed(word: str, base: str, prefixes: tuple[str, ...]) -> bool:
    """Whether ``word`` is ``base`` with a negative prefix ("unclear" = "un" + "clear")."""
    lowered = word.lower()
    return any(lowered == prefix + base.lower() for prefix in prefixes)


def _wordnet(ctx: CheckContext) -> WordNet | None:
    return ctx.engines.wordnet if ctx.engines.has_wordnet else None


def _negated(ctx: CheckContext, link: Link) -> tuple[set[int], set[int]]:
    """Words of each side that stand in a clause with a negator ("not", «no»)."""
    source, target = ctx.polarity(link)
    return source.explicit, target.explicit


@check("XL209", "antonym", "accuracy/mistranslation", Severity.CRITICAL,
       needs=("source-analysis", "target-analysis", "wordnet"),
       superseded_by=("XL401", "XL206", "XL208", "XL203"))
def antonym(ctx: CheckContext) -> Iterator[Hit]:
    """A word that says the opposite of its source: "fall" for «aumentar», "lost" for «ganó».

    What it flags:
        A content word of the translation that the dictionary cannot link to
        its source and that WordNet gives as an antonym of a translation of the
        source word in its place — the one the aligner paired it with, or one
        with no dictionary link between the partners of its linked neighbours
        ("The minimum wage will fall by 5%" for «El salario mínimo aumentará
        un 5 %»). A rewording with a negation on one
        side ("did not rise" for «cayó»), or a negated source word rendered by its
        antonym with a negative prefix ("unclear" for «no está claro»), is not flagged.
    Why it matters:
        An antonym reverses the news: a rise becomes a fall, a win a defeat,
        and the sentence still reads perfectly.
    Example:
        Source: «El salario mínimo aumentará un 5 % en enero.»
        Bad:    "The minimum wage will fall by 5% in January."
        Good:   "The minimum wage will rise by 5% in January."
    Fix:
        Use a translation of the source word, not its opposite.
    """
    wordnet = _wordnet(ctx)
    if wordnet is None:
        return
    for link in ctx.doc.links:
        if not link.source or not link.target:
            continue
        alignment = ctx.word_alignment(link)
        for i, j in _candidates(ctx, alignment):
            source, target = alignment.source[i], alignment.target[j]
            opposite = _opposite(wordnet, ctx, source, target)
            if opposite is None:
                continue
            source_negated, target_negated = _negated(ctx, link)
            if (i in source_negated) != (j in target_negated):
                continue  # "did not rise" for «cayó»: the negation undoes the antonym
            if i in source_negated and _prefixed(target.text, opposite, ctx.pair.target.negation.prefixes):
                continue  # "unclear" for «pas clairs»: the prefix renders the source's negation
            yield Hit(f"“{target.text}” says the opposite of «{source.text}» (“{opposite}”)",
                      target_span=(target.start, target.end), source_span=(source.start, source.end),
                      suggestion=opposite, confidence=0.7)
            break
