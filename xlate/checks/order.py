"""Word order: words of the translation in an order the target language does not use ("The committee
founded was in 1937", "the biggest the").

The target's tagger reads each sentence as a sequence of word classes (part of speech, with the verb
form or the kind of determiner or pronoun). A bigram model of those classes, counted on a corpus of
the target language that ships with the pair (pairs/data/pos_bigrams_*.tsv, built by
scripts/build_pos_bigrams.py), says how likely the sequence is. A word order is flagged when putting
back two adjacent words the other way round, or one word a few places away, makes the sequence far
more likely: a misplaced word leaves class bigrams that English almost never has, and the repair
removes them. Adverbs, which English places freely, are never moved.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from xlate.checks.context import CheckContext, PlacedToken
from xlate.checks.registry import Hit, check
from xlate.engines import Token
from xlate.model import Severity
from xlate.pairs import AnalyserTags, read_bigram_counts

# The class of a sentence's edges.
BOUNDARY = "<s>"
# Add-k smoothing of the bigram model.
SMOOTHING = 0.1
# Swapping two adjacent words back must raise the sequence's log-probability (natural log) by this much …
SWAP_GAIN = 10.0
# … and moving one word back by at most MOVE_REACH places by this much (a move changes more bigrams).
# Chosen on the tune fold of the wording perturbations with a model built from WordNet's examples
# alone (so that no tune text was in the model): the lowest pair that flags none of its 479 clean items.
MOVE_GAIN = 14.0
MOVE_REACH = 5


def tag_class(token: Token, analyser: AnalyserTags) -> str:
    """A token's word-order class: a function word stands for itself ("the", "was", "to": their order
    is what a swap breaks), a content word for its part of speech, with the first subtag where that
    decides order (the verb form: "founded was" vs "was founded")."""
    if not token.tags:
        return "unknown"
    pos = token.tags[0]
    if pos in analyser.closed_classes:
        return f"{pos}:{token.surface.lower()}"
    return f"{pos}.{token.tags[1]}" if pos in analyser.order_subtags and len(token.tags) > 1 else pos


@dataclass(frozen=True)
class BigramModel:
    """A smoothed bigram model of word-order classes."""

    counts: dict[tuple[str, str], int]
    totals: dict[str, int]
    kinds: int

    def logp(self, first: str, second: str) -> float:
        return math.log((self.counts.get((first, second), 0) + SMOOTHING)
                        / (self.totals.get(first, 0) + SMOOTHING * self.kinds))

    def score(self, classes: Sequence[str]) -> float:
        return sum(self.logp(a, b) for a, b in itertools.pairwise(classes))


@cache
def bigram_model(name: str) -> BigramModel | None:
    counts = read_bigram_counts(name)
    if not counts:
        return None
    totals: dict[str, int] = {}
    for (first, _), n in counts.items():
        totals[first] = totals.get(first, 0) + n
    return BigramModel(counts, totals, len({c for pair in counts for c in pair}))


def _best_repair(model: BigramModel, classes: list[str], movable: list[bool]) -> tuple[float, int, int] | None:
    """The repair (gain, first, last token index of the stretch it reorders) that raises the
    sequence's likelihood most: two adjacent words swapped, or one word moved back by a few places."""
    best: tuple[float, int, int] | None = None
    for i in range(1, len(classes) - 1):
        if not movable[i]:
            continue
        for j in range(max(1, i - MOVE_REACH), min(len(classes) - 1, i + MOVE_REACH + 1)):
            if j == i or (abs(j - i) == 1 and not movable[j]):
                continue
            low, high = min(i, j) - 1, max(i, j) + 2  # the bigrams a move changes lie in this window
            window = classes[low:high]
            moved = window[: i - low] + window[i - low + 1 :]
            moved.insert(j - low, classes[i])
            gain = model.score(moved) - model.score(window) - (SWAP_GAIN if abs(j - i) == 1 else MOVE_GAIN)
            if gain > 0 and (best is None or gain > best[0]):
                best = (gain, min(i, j), max(i, j))
    return best


@check("XL110", "word-order", "fluency/grammar", Severity.MINOR, needs=("target-analysis",),
       superseded_by=("XL105", "XL203", "XL401", "XL206", "XL102", "XL101"))
def word_order(ctx: CheckContext) -> Iterator[Hit]:
    """Words in an order the language does not use: "The committee founded was in 1937".

    What it flags:
        A sentence of the translation whose sequence of word classes (from the
        target's tagger) becomes far more likely, under a bigram model counted
        on a corpus of the target language, when two adjacent words are swapped
        back or one word is moved back by up to five places. Adverbs are never
        moved (their place is free in English).
    Why it matters:
        Swapped or displaced words read as careless editing and can blur who
        did what.
    Example:
        Source: «El comité fue fundado en 1937.»
        Bad:    "The committee founded was in 1937."
        Good:   "The committee was founded in 1937."
    Fix:
        Restore the usual word order.
    """
    lang = ctx.pair.target
    model = bigram_model(lang.pos_bigrams) if lang.pos_bigrams else None
    if model is None:
        return
    for index, sentence in enumerate(ctx.doc.target.sentences):
        link = ctx.link_of_target(index)
        if link is None or not link.source:
            continue
        tokens: list[PlacedToken] = [t for t in ctx.target_tokens(sentence) or [] if t.end > t.start]
        classes = [BOUNDARY, *(tag_class(t.token, lang.analyser) for t in tokens), BOUNDARY]
        movable = [False, *(t.token.pos not in lang.analyser.adverbs | lang.analyser.punctuation
                            and t.token.known for t in tokens), False]
        repair = _best_repair(model, classes, movable)
        if repair is None:
            continue
        _, first, last = repair
        start, end = tokens[first - 1].start, tokens[last - 1].end
        yield Hit(f"“{ctx.doc.target.text[start:end]}”: these words are out of the usual order",
                  target_span=(start, end), confidence=0.5)
