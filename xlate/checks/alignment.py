"""Alignment: passages out of step with their source, and sentences with no counterpart."""

from __future__ import annotations

from collections.abc import Iterator

from xlate.checks.context import CheckContext
from xlate.checks.registry import Hit, check
from xlate.model import Sentence, Severity
from xlate.similarity import chrf

# A paragraph whose translation scores below this chrF (0–100) against the pseudo-reference of
# its source translates something else, whatever the embeddings say …
MISALIGNED_CHRF_CERTAIN = 20.0
# … below this, it does when its embedding cosine is low too (calibrated on the development set:
# neighbouring passages of the same story keep e5 cosines around 0.83–0.9) …
MISALIGNED_CHRF = 33.0
MISALIGNED_COSINE = 0.86
# … and without embeddings, below this.
MISALIGNED_CHRF_ALONE = 27.0
# An embedding cosine this high means the passage does translate its source, whatever chrF says
# (a free rendering); misaligned passages of the development set all stay below it.
MISALIGNED_COSINE_VETO = 0.9
# For a pair without pseudo-references, the embedding cosine alone decides: below this, the passage
# translates something else (on the German → English tune fold, 10 of 13 misaligned passages fall
# below it and 1 of 147 clean ones).
MISALIGNED_COSINE_WITHOUT_REFERENCE = 0.84
# Passages shorter than this (characters) are too short to judge.
MIN_PASSAGE_CHARS = 60
# Unmatched sentences shorter than this (words) are mostly segmentation debris («Como en Mr.»).
MIN_UNMATCHED_WORDS = 5


@check("XL401", "misaligned", "accuracy/mistranslation", Severity.CRITICAL)
def misaligned(ctx: CheckContext) -> Iterator[Hit]:
    """A translated passage that translates a different source passage.

    What it flags:
        A paragraph whose translation hardly overlaps the pseudo-reference of
        its aligned source (chrF) and, where embeddings are available, whose
        meaning is far from it too: the passage is out of step with the source.
        For a pair without pseudo-references (German → English), the embeddings
        alone decide, with a stricter threshold.
    Why it matters:
        Feeds and CMS imports shift translations by a paragraph or attach the
        wrong article; every sentence then misinforms.
    Example:
        Source: «El analista no considera que la volatilidad vaya a afectar a la tendencia del mercado.»
        Bad:    "The analyst trusts that this will be positive. The analysts agree to choose the shares…"
        Good:   "The analyst does not believe volatility will affect the market trend."
    Fix:
        Re-attach the right translation to this source passage.
    """
    src, tgt = ctx.doc.source, ctx.doc.target
    groups: dict[tuple[int, ...], list[int]] = {}
    for link in ctx.doc.links:
        if link.source and link.target:
            key = tuple(sorted({src.sentences[i].paragraph for i in link.source}))
            groups.setdefault(key, []).extend(link.target)
    for paragraphs, target_indices in groups.items():
        source_sentences = [s for s in src.sentences if s.paragraph in paragraphs]
        targets = [tgt.sentences[j] for j in sorted(set(target_indices))]
        target_text = " ".join(s.text for s in targets)
        pseudo = ctx.pseudo_reference(source_sentences)
        if len(target_text) < MIN_PASSAGE_CHARS:
            continue
        if pseudo is None:
            yield from _misaligned_by_meaning(ctx, source_sentences, targets)
            continue
        if not pseudo:
            continue
        score = chrf(target_text, pseudo)
        if score >= MISALIGNED_CHRF:
            continue
        cosine = ctx.engines.group_similarity([s.text for s in source_sentences], [s.text for s in targets])
        if cosine is None:
            if score >= MISALIGNED_CHRF_ALONE:
                continue
        elif cosine >= MISALIGNED_COSINE_VETO or (score >= MISALIGNED_CHRF_CERTAIN and cosine >= MISALIGNED_COSINE):
            continue
        evidence = f"chrF {score:.0f}" + (f", cosine {cosine:.2f}" if cosine is not None else "")
        yield Hit(f"this passage does not translate its aligned source ({evidence})",
                  target_span=(targets[0].start, targets[-1].end),
                  source_span=(source_sentences[0].start, source_sentences[-1].end), confidence=0.7)


def _misaligned_by_meaning(ctx: CheckContext, sources: list[Sentence], targets: list[Sentence]) -> Iterator[Hit]:
    """XL401 without a pseudo-reference: the embedding cosine of the passages alone."""
    cosine = ctx.engines.cosine(" ".join(s.text for s in sources), " ".join(t.text for t in targets))
    if cosine is not None and cosine < MISALIGNED_COSINE_WITHOUT_REFERENCE:
        yield Hit(f"this passage does not translate its aligned source (cosine {cosine:.2f})",
                  target_span=(targets[0].start, targets[-1].end),
                  source_span=(sources[0].start, sources[-1].end), confidence=0.6)


@check("XL402", "unmatched-source", "accuracy/omission", Severity.MAJOR, superseded_by=("XL401",))
def unmatched_source(ctx: CheckContext) -> Iterator[Hit]:
    """A source sentence with no translation.

    What it flags:
        A source sentence of five words or more that the alignment leaves
        unmatched (a 1-0 link), including one the aligner takes back out of a
        merged link because the target has next to none of its words. The
        caret marks where its translation would be.
    Why it matters:
        Whole sentences dropped in translation are the largest omissions, often
        a quote or a figure.
    Example:
        Source: «"Con esta carrera queremos destacar", dice. "Un solo viaje no bastaba".»
        Bad:    "\\"Just one trip wasn't enough,\\" he says."
        Good:   "\\"With this race we want to stand out,\\" he says. \\"Just one trip wasn't enough.\\""
    Fix:
        Translate the missing sentence.
    """
    text = ctx.doc.target.text
    previous_end = 0
    for link in ctx.doc.links:
        targets = ctx.targets(link)
        if targets:
            previous_end = targets[-1].end
            continue
        for sentence in ctx.sources(link):
            if len(sentence.text.split()) < MIN_UNMATCHED_WORDS:
                continue
            yield Hit(f"no translation for the source sentence “{sentence.text[:80]}”",
                      target_span=(previous_end, previous_end) if text else None,
                      source_span=(sentence.start, sentence.end), confidence=0.7)


@check("XL403", "unmatched-target", "accuracy/addition", Severity.MAJOR, superseded_by=("XL401",))
def unmatched_target(ctx: CheckContext) -> Iterator[Hit]:
    """A translated sentence with no source.

    What it flags:
        A target sentence of five words or more that the alignment leaves
        unmatched (a 0-1 link): nothing in the source corresponds to it.
    Why it matters:
        Added sentences put claims in a story that its author never made.
    Example:
        Source: «…el PIB se incrementó un 1,5%.»
        Bad:    "…GDP increased by 1.5%. Belgrade is insisting on increased autonomy."
        Good:   "…GDP increased by 1.5%."
    Fix:
        Delete the sentence, or find the source it belongs to.
    """
    for link in ctx.doc.links:
        if link.source:
            continue
        for sentence in ctx.targets(link):
            if len(sentence.text.split()) < MIN_UNMATCHED_WORDS:
                continue
            yield Hit("this sentence has no counterpart in the source",
                      target_span=(sentence.start, sentence.end), confidence=0.7)
