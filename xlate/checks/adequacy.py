"""Low adequacy (XL206): a sentence whose meaning is far from its aligned source, by its similarity to
the pseudo-reference and the embeddings."""

from __future__ import annotations

from collections.abc import Iterator

from xlate.checks.context import CheckContext
from xlate.checks.registry import Hit, check
from xlate.model import Severity

# Low adequacy: a link's similarity (0–1, chrF mixed with embeddings) below this is far from its source …
LOW_ADEQUACY_SIMILARITY = 0.22
# … and so is one below this whose embedding cosine is below LOW_ADEQUACY_COSINE (on the development
# set no clean sentence pair falls under both; translations of a sentence sit above 0.86).
LOW_ADEQUACY_EMBEDDED_SIMILARITY = 0.4
LOW_ADEQUACY_COSINE = 0.85
# Links shorter than this (characters) are too short to judge adequacy on.
MIN_ADEQUACY_CHARS = 40


@check("XL206", "low-adequacy", "accuracy/mistranslation", Severity.MAJOR, needs=("pseudo-reference",),
       superseded_by=("XL203", "XL401"))
def low_adequacy(ctx: CheckContext) -> Iterator[Hit]:
    """A sentence whose meaning is far from its aligned source.

    What it flags:
        An aligned pair whose similarity (chrF against the pseudo-reference,
        mixed with cross-lingual embedding cosine where computed) is very low,
        or low with an embedding cosine that says the meaning differs too.
    Why it matters:
        Hallucinated or garbled sentences read fluently and so pass fluency
        review; only the comparison with the source shows them.
    Example:
        Source: «El analista no considera que la volatilidad vaya a afectar a la tendencia.»
        Bad:    "The analysts agree to choose the shares that will take the index to new highs."
        Good:   "The analyst does not think volatility will affect the market trend."
    Fix:
        Re-translate the sentence from its source.
    """
    for link in ctx.doc.links:
        if link.similarity is None or link.similarity >= LOW_ADEQUACY_EMBEDDED_SIMILARITY:
            continue
        targets, sources = ctx.targets(link), ctx.sources(link)
        if sum(len(s.text) for s in targets) < MIN_ADEQUACY_CHARS:
            continue
        cosine = ctx.engines.group_similarity([s.text for s in sources], [s.text for s in targets])
        if link.similarity >= LOW_ADEQUACY_SIMILARITY and (cosine is None or cosine >= LOW_ADEQUACY_COSINE):
            continue
        evidence = f"similarity {link.similarity:.2f}" + (f", cosine {cosine:.2f}" if cosine is not None else "")
        yield Hit(f"the translation is far from its source ({evidence})",
                  target_span=(targets[0].start, targets[-1].end),
                  source_span=(sources[0].start, sources[-1].end), confidence=0.6)
