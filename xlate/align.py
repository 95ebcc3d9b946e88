"""Alignment as a small dynamic programme (after Gale–Church, Vecalign and Bertalign).

Paragraphs are aligned first, then sentences inside each aligned group of
paragraphs. Both use the same programme over the beads 1-1, 1-0, 0-1, 1-2,
2-1, 2-2, 1-3 and 3-1, each bead costing

    size × (1 − similarity) + LENGTH_WEIGHT × length mismatch + the bead's prior penalty

(size is the mean number of items on the two sides, so merging never looks cheaper by itself)

where similarity is chrF between the target and the source's pseudo-reference
(or the source itself when no engine is available), mixed with embedding
cosine where embeddings were computed for the sentences. Skipping a sentence
(1-0, 0-1) costs SKIP_COST, so a garbled split such as "the exodus. Venezuelan."
aligns 1-2 with its source sentence instead of leaving a fragment unmatched.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from xlate.engines import EngineSet
from xlate.model import Document, Link, Side
from xlate.similarity import chrf, content_stems

# Bead (source count, target count) → prior penalty: 1-1 is the common case.
BEAD_PENALTY: dict[tuple[int, int], float] = {
    (1, 1): 0.0, (1, 2): 0.08, (2, 1): 0.08, (2, 2): 0.45, (1, 3): 0.2, (3, 1): 0.2,
}
# Cost of leaving one sentence (or paragraph) unmatched.
SKIP_COST = 0.85
# Weight of the length mismatch |log(len_t / (ratio × len_s))|, where ratio is the pair's expected
# length ratio (LanguagePair.length_ratio).
LENGTH_WEIGHT = 0.35
# Share of the embedding cosine in the similarity when embeddings are available.
EMBEDDING_WEIGHT = 0.5
# e5 cosines of unrelated sentences sit near 0.75 and of translations near 0.9: rescale to [0, 1].
EMBEDDING_FLOOR, EMBEDDING_CEIL = 0.72, 0.92
# Merging paragraphs is rarer than merging sentences: their bead penalties are this many times higher.
PARAGRAPH_PENALTY_SCALE = 3.0
# Leaving an edge item out of a merged bead must raise its similarity this much to unmerge it.
REFINE_GAIN = 0.03
# … a gain on the target side counts this many times (chrF's recall weighting hides added text).
REFINE_TARGET_WEIGHT = 2.0
# A source item of a merged bead is left out as untranslated when its pseudo-reference has at least
# this many content words and the other side has at most UNSUPPORTED_MAX_FOUND of them, while it has
# at least UNSUPPORTED_REST_SHARE of the rest's. On the dev set every source sentence of a clean n-1
# bead with three content words or more has at least two in the target; a dropped quote had 0 of 5.
UNSUPPORTED_MIN_WORDS = 3
UNSUPPORTED_MAX_FOUND = 1
UNSUPPORTED_REST_SHARE = 0.2
# A 2-2 bead is split in two 1-1 beads when one of them is this dissimilar and the other fine.
SPLIT_BAD_PAIR_BELOW = 0.2
# Only consider beads within this many items of the diagonal (keeps long paragraphs linear), widened
# by the difference in item counts up to BAND_MAX_WIDENING (so that no input makes the programme
# quadratic: a single-line article of thousands of sentences costs as much per sentence as any other).
BAND = 12
BAND_MAX_WIDENING = 24

Bead = tuple[range, range]
CostFn = Callable[[range, range], float]


def dp_align(n_source: int, n_target: int, cost: CostFn) -> list[Bead]:
    """Minimum-cost sequence of beads covering every item on both sides exactly once."""
    if not n_source or not n_target:
        return [(range(i, i + 1), range(0)) for i in range(n_source)] + [
            (range(0), range(j, j + 1)) for j in range(n_target)]
    inf = math.inf
    # Only the band's cells are stored: memory grows with the items, not with their square.
    best: dict[tuple[int, int], float] = {(0, 0): 0.0}
    back: dict[tuple[int, int], tuple[int, int]] = {}
    beads = [*BEAD_PENALTY, (1, 0), (0, 1)]
    slope = n_target / n_source
    width = BAND + min(abs(n_target - n_source), BAND_MAX_WIDENING)
    for i in range(n_source + 1):
        low, high = max(0, math.floor(i * slope - width)), min(n_target, math.ceil(i * slope + width))
        for j in range(low, high + 1):
            here = best.get((i, j), inf)
            if here == inf:
                continue
            for a, b in beads:
                ni, nj = i + a, j + b
                if ni > n_source or nj > n_target or abs(nj - ni * slope) > width:
                    continue
                total = here + cost(range(i, ni), range(j, nj))
                if total < best.get((ni, nj), inf):
                    best[ni, nj] = total
                    back[ni, nj] = (i, j)
    beads_out: list[Bead] = []
    i, j = n_source, n_target
    while (i, j) != (0, 0):
        prev = back[i, j]
        beads_out.append((range(prev[0], i), range(prev[1], j)))
        i, j = prev
    beads_out.reverse()
    return beads_out


# An unmerged bead must keep target/source length within these ratios (after the pair's length ratio).
REFINE_LENGTH_RANGE = (0.7, 1.35)


def _plausible_length(bead: Bead, sources: list[list[str]], targets: list[list[str]], expected: float) -> bool:
    source_chars = sum(len(s) for i in bead[0] for s in sources[i])
    target_chars = sum(len(t) for j in bead[1] for t in targets[j])
    ratio = (target_chars + 10) / (expected * source_chars + 10)
    return REFINE_LENGTH_RANGE[0] <= ratio <= REFINE_LENGTH_RANGE[1]


def _anchors(text: str) -> set[str]:
    """Names and numbers, which translations carry over unchanged ("Reuters", "36")."""
    found = set()
    for i, word in enumerate(re.findall(r"[^\W_][\w'’.,-]*[^\W_]|[^\W_]", text)):
        digits = re.sub(r"\D", "", word)
        if digits:
            found.add(digits)
        elif i and word[:1].isupper() and not word.isupper() and len(word) > 2:
            found.add(word.lower())
    return found


def _pair_adjacent_skips(beads: list[Bead]) -> list[Bead]:
    """A 1-0 bead next to a 0-1 bead is one replaced item: pair them (as a poor 1-1 bead), so that
    the checks see a sentence that translates something else rather than a loss and an addition."""
    out: list[Bead] = []
    for bead in beads:
        if out:
            prev = out[-1]
            one_each = len(prev[0]) + len(prev[1]) == 1 and len(bead[0]) + len(bead[1]) == 1
            if one_each and bool(prev[0]) != bool(bead[0]):
                out[-1] = (prev[0] or bead[0], prev[1] or bead[1])
                continue
        out.append(bead)
    return out


def length_mismatch(source_chars: int, target_chars: int, expected: float) -> float:
    return abs(math.log((target_chars + 10) / (expected * source_chars + 10)))


@dataclass
class Aligner:
    """Aligns a document's paragraphs, then its sentences, with the engines' similarities."""

    engines: EngineSet

    def similarity(self, sources: Sequence[str], targets: Sequence[str]) -> float:
        """Similarity in [0, 1] of a group of source sentences and a group of target sentences."""
        target = " ".join(targets)
        pseudo = [self.engines.pseudo_reference(s) for s in sources]
        reference = " ".join(p if p is not None else s for p, s in zip(pseudo, sources, strict=True))
        lexical = chrf(target, reference) / 100.0
        cosine = self.engines.group_similarity(sources, targets)
        if cosine is None:
            return lexical
        scaled = min(1.0, max(0.0, (cosine - EMBEDDING_FLOOR) / (EMBEDDING_CEIL - EMBEDDING_FLOOR)))
        return (1 - EMBEDDING_WEIGHT) * lexical + EMBEDDING_WEIGHT * scaled

    def _bead_cost(self, sources: list[list[str]], targets: list[list[str]], penalty_scale: float = 1.0) -> CostFn:
        """Cost of a bead over units (a unit is a list of sentences: one sentence, or a paragraph's)."""

        def cost(src: range, tgt: range) -> float:
            if not src or not tgt:
                return SKIP_COST * (len(src) + len(tgt))
            s_texts = [s for i in src for s in sources[i]]
            t_texts = [t for j in tgt for t in targets[j]]
            sim = self.similarity(s_texts, t_texts)
            mismatch = length_mismatch(sum(map(len, s_texts)), sum(map(len, t_texts)),
                                       self.engines.pair.length_ratio)
            size = (len(src) + len(tgt)) / 2  # a bead covering more items costs as much as its 1-1 parts
            penalty = BEAD_PENALTY[(len(src), len(tgt))] * penalty_scale
            return size * (1 - sim) + LENGTH_WEIGHT * mismatch + penalty

        return cost

    def align_units(self, sources: list[list[str]], targets: list[list[str]], penalty_scale: float = 1.0
                    ) -> list[Bead]:
        beads = dp_align(len(sources), len(targets), self._bead_cost(sources, targets, penalty_scale))
        refined = [piece for bead in beads for piece in self._refine(bead, sources, targets)]
        return _pair_adjacent_skips(refined)

    def _group_similarity(self, sources: list[list[str]], targets: list[list[str]], bead: Bead) -> float:
        return self.similarity([s for i in bead[0] for s in sources[i]], [t for j in bead[1] for t in targets[j]])

    def _refine(self, bead: Bead, sources: list[list[str]], targets: list[list[str]]) -> list[Bead]:
        """Undo merges that hide an untranslated or added item, or a bad pair inside a 2-2 bead.

        A merge lowers the per-item cost, so the programme may absorb a dropped sentence into a
        2-1 bead. chrF weighs recall: if leaving an edge item out *raises* the similarity by
        REFINE_GAIN, the other side does not translate it, and it becomes a 1-0 (or 0-1) bead.
        """
        src, tgt = bead
        if len(src) + len(tgt) <= 2 or not src or not tgt:
            return [bead]
        full = self._group_similarity(sources, targets, bead)
        options: list[tuple[float, list[Bead]]] = []
        for side in ("source", "target"):
            items = src if side == "source" else tgt
            if len(items) < 2:
                continue
            other = " ".join(t for j in (tgt if side == "source" else src) for t in (targets if side == "source"
                                                                                    else sources)[j])
            for edge, rest in ((items[:1], items[1:]), (items[-1:], items[:-1])):
                edge_text = " ".join((sources if side == "source" else targets)[edge[0]])
                if _anchors(edge_text) & _anchors(other):
                    continue  # it shares a name or number with the other side: it is translated there
                kept: Bead = (rest, tgt) if side == "source" else (src, rest)
                if not _plausible_length(kept, sources, targets, self.engines.pair.length_ratio):
                    continue  # what is left would be far longer on one side: the item is translated there
                alone: Bead = (edge, range(0)) if side == "source" else (range(0), edge)
                gain = self._group_similarity(sources, targets, kept) - full
                if side == "target":  # chrF weighs recall: dropping target words moves it less
                    gain *= REFINE_TARGET_WEIGHT
                elif self._unsupported(sources[edge[0]], [s for i in rest for s in sources[i]], other):
                    gain = max(gain, REFINE_GAIN)
                order = [alone, kept] if edge[0] < rest[0] else [kept, alone]
                options.append((gain, order))
        if len(src) == 2 and len(tgt) == 2:
            first: Bead = (src[:1], tgt[:1])
            second: Bead = (src[1:], tgt[1:])
            sims = [self._group_similarity(sources, targets, b) for b in (first, second)]
            if min(sims) < SPLIT_BAD_PAIR_BELOW and max(sims) >= full:
                options.append((REFINE_GAIN, [first, second]))
        best = max(options, key=lambda o: o[0], default=None)
        if best is None or best[0] < REFINE_GAIN:
            return [bead]
        return [piece for b in best[1] for piece in self._refine(b, sources, targets)]

    def _unsupported(self, item: list[str], rest: list[str], target: str) -> bool:
        """True when the target has next to none of the item's words (by its pseudo-reference) but a
        fair share of the rest's: a merge is hiding a sentence nobody translated."""
        pseudo = {t: self.engines.pseudo_reference(t) for t in (*item, *rest)}
        if any(p is None for p in pseudo.values()):
            return False  # without pseudo-references the two sides share no words to count
        stopwords = self.engines.pair.target.stopwords
        found = set(content_stems(target, stopwords))

        def support(texts: list[str]) -> tuple[int, int]:
            stems = [st for t in texts for st in content_stems(pseudo[t] or "", stopwords)]
            return sum(st in found for st in stems), len(stems)

        item_found, item_words = support(item)
        rest_found, rest_words = support(rest)
        return (item_words >= UNSUPPORTED_MIN_WORDS and item_found <= UNSUPPORTED_MAX_FOUND
                and rest_found >= max(1.0, UNSUPPORTED_REST_SHARE * rest_words))

    def align(self, document: Document) -> list[Link]:
        """Sentence links covering every source and target sentence exactly once, in order."""
        src, tgt = document.source, document.target
        links: list[Link] = []
        paragraph_beads = self.align_units(_paragraph_units(src), _paragraph_units(tgt), PARAGRAPH_PENALTY_SCALE)
        for p_src, p_tgt in paragraph_beads:
            s_idx = [i for p in p_src for i in src.paragraphs[p].sentences]
            t_idx = [j for p in p_tgt for j in tgt.paragraphs[p].sentences]
            s_texts = [src.sentences[i].text for i in s_idx]
            t_texts = [tgt.sentences[j].text for j in t_idx]
            for b_src, b_tgt in self.align_units([[t] for t in s_texts], [[t] for t in t_texts]):
                sim = None
                if b_src and b_tgt:
                    sim = self.similarity([s_texts[i] for i in b_src], [t_texts[j] for j in b_tgt])
                links.append(Link(tuple(s_idx[i] for i in b_src), tuple(t_idx[j] for j in b_tgt), sim))
        return links


def _paragraph_units(side: Side) -> list[list[str]]:
    return [[side.sentences[i].text for i in p.sentences] for p in side.paragraphs]
