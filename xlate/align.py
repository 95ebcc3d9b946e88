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
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from xlate.engines import EngineSet
from xlate.model import Document, Link, Side
from xlate.similarity import chrf

# Bead (source count, target count) → prior penalty: 1-1 is the common case.
BEAD_PENALTY: dict[tuple[int, int], float] = {
    (1, 1): 0.0, (1, 2): 0.08, (2, 1): 0.08, (2, 2): 0.25, (1, 3): 0.2, (3, 1): 0.2,
}
# Cost of leaving one sentence (or paragraph) unmatched.
SKIP_COST = 0.85
# Weight of the length mismatch |log(len_t / (RATIO × len_s))|.
LENGTH_WEIGHT = 0.35
# Expected English/Spanish character length ratio in news (English is ~5-10 % shorter).
LENGTH_RATIO = 0.92
# Share of the embedding cosine in the similarity when embeddings are available.
EMBEDDING_WEIGHT = 0.5
# e5 cosines of unrelated sentences sit near 0.75 and of translations near 0.9: rescale to [0, 1].
EMBEDDING_FLOOR, EMBEDDING_CEIL = 0.72, 0.92
# Only consider beads within this many items of the diagonal (keeps long paragraphs linear).
BAND = 12

Bead = tuple[range, range]
CostFn = Callable[[range, range], float]


def dp_align(n_source: int, n_target: int, cost: CostFn) -> list[Bead]:
    """Minimum-cost sequence of beads covering every item on both sides exactly once."""
    inf = math.inf
    best = [[inf] * (n_target + 1) for _ in range(n_source + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (n_target + 1) for _ in range(n_source + 1)]
    best[0][0] = 0.0
    beads = [*BEAD_PENALTY, (1, 0), (0, 1)]
    slope = n_target / n_source if n_source else 1.0
    for i in range(n_source + 1):
        for j in range(n_target + 1):
            if best[i][j] == inf:
                continue
            for a, b in beads:
                ni, nj = i + a, j + b
                if ni > n_source or nj > n_target:
                    continue
                if abs(nj - ni * slope) > BAND + abs(n_target - n_source):
                    continue
                total = best[i][j] + cost(range(i, ni), range(j, nj))
                if total < best[ni][nj]:
                    best[ni][nj] = total
                    back[ni][nj] = (i, j)
    beads_out: list[Bead] = []
    i, j = n_source, n_target
    while (i, j) != (0, 0):
        prev = back[i][j]
        assert prev is not None, "the 1-0 and 0-1 beads always reach the end"
        beads_out.append((range(prev[0], i), range(prev[1], j)))
        i, j = prev
    beads_out.reverse()
    return beads_out


def length_mismatch(source_chars: int, target_chars: int) -> float:
    return abs(math.log((target_chars + 10) / (LENGTH_RATIO * source_chars + 10)))


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

    def _bead_cost(self, sources: list[list[str]], targets: list[list[str]]) -> CostFn:
        """Cost of a bead over units (a unit is a list of sentences: one sentence, or a paragraph's)."""

        def cost(src: range, tgt: range) -> float:
            if not src or not tgt:
                return SKIP_COST * (len(src) + len(tgt))
            s_texts = [s for i in src for s in sources[i]]
            t_texts = [t for j in tgt for t in targets[j]]
            sim = self.similarity(s_texts, t_texts)
            mismatch = length_mismatch(sum(map(len, s_texts)), sum(map(len, t_texts)))
            size = (len(src) + len(tgt)) / 2  # a bead covering more items costs as much as its 1-1 parts
            return size * (1 - sim) + LENGTH_WEIGHT * mismatch + BEAD_PENALTY[(len(src), len(tgt))]

        return cost

    def align_units(self, sources: list[list[str]], targets: list[list[str]]) -> list[Bead]:
        return dp_align(len(sources), len(targets), self._bead_cost(sources, targets))

    def align(self, document: Document) -> list[Link]:
        """Sentence links covering every source and target sentence exactly once, in order."""
        src, tgt = document.source, document.target
        links: list[Link] = []
        for p_src, p_tgt in self.align_units(_paragraph_units(src), _paragraph_units(tgt)):
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
