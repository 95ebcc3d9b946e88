"""Additions (XL202): translation content with no counterpart in the source, judged against the
pseudo-reference (a run of words it has nothing for, a clause none of whose words the source accounts
for) and confirmed by embeddings; for a pair without pseudo-references, by length and embeddings."""

from __future__ import annotations

import re
from collections.abc import Iterator

from xlate.checks.context import CheckContext
from xlate.checks.gaps import (
    Gap,
    StemWord,
    coverage_gaps,
    length_ratio,
    link_texts,
    stem_words,
    unreferenced_links,
    without,
    words_of_pseudo,
    words_of_targets,
)
from xlate.checks.registry import Hit, check
from xlate.checks.text import words
from xlate.model import Link, Sentence, Severity

# Addition: the translation is at least this share of its pseudo-reference's length …
ADDITION_LENGTH_RATIO = 1.2
# … and a run of at least this many content words has no counterpart in the pseudo-reference.
ADDITION_MIN_WORDS = 4
# A run with no counterpart that ends the sentence (an appended clause) needs less length evidence
# but more words.
ADDITION_TAIL_LENGTH_RATIO = 1.1
ADDITION_TAIL_WORDS = 5
# A clause of the translation (between commas, dashes, brackets or quotes) with at least this many
# content words, none of which its pseudo-reference or source has, in a translation at least
# ADDITION_TAIL_LENGTH_RATIO of the pseudo-reference's length …
ADDITION_CLAUSE_MIN_WORDS = 3
# … was added when cutting it raises the translation's embedding cosine with the source by at least
# this much (a freely worded clause still says what the source says, so cutting it lowers the cosine).
ADDITION_EMBEDDING_GAIN = 0.01
# Where a translation divides into clauses.
_CLAUSE_BREAK = re.compile(r"\s*[,;:()\[\]–—\"“”]\s*|\s+-\s+")
# A run this share capitalised is a spelt-out name, not an addition.
NAME_EXPANSION_SHARE = 0.6
# Without a pseudo-reference (German → English), a link at least this share of the length its source
# and the pair's expected length ratio lead one to expect may hold an addition: the clause or sentence
# whose cutting gains ADDITION_EMBEDDING_GAIN.
UNREFERENCED_ADDITION_RATIO = 1.33


def _gaps(ctx: CheckContext, pseudo: str, targets: list[Sentence]) -> list[Gap]:
    return coverage_gaps(words_of_pseudo(ctx, pseudo), words_of_targets(ctx, targets), ctx.doc.target.text,
                         targets[0].start, targets[-1].end)


def _is_addition(gap: Gap, text: str, length_ratio: float, last_word_end: int) -> bool:
    """An unmatched target run is an addition when the translation is long enough to hold one, or when
    the run is a longer clause appended at the end of the sentence."""
    content = sum(w.content for w in gap.words)
    if gap.side != "target" or _is_name_expansion(text, gap.words):
        return False
    if gap.words[-1].end == last_word_end and content >= ADDITION_TAIL_WORDS:
        return True
    return length_ratio >= ADDITION_LENGTH_RATIO and content >= ADDITION_MIN_WORDS


def _is_name_expansion(text: str, run: list[StemWord]) -> bool:
    """A run of mostly capitalised words is a spelt-out name ("Mexican Social Security Institute" for
    «IMSS»), which translators add on purpose; names are the entity check's business."""
    content = [w for w in run if w.content]
    capitalised = sum(text[w.start : w.start + 1].isupper() for w in content)
    return bool(content) and capitalised / len(content) >= NAME_EXPANSION_SHARE


def _clauses(ctx: CheckContext, sentences: list[Sentence]) -> Iterator[tuple[int, int, list[StemWord]]]:
    """The clauses of target ``sentences`` (between commas, dashes, brackets or quotes) with at least
    ADDITION_CLAUSE_MIN_WORDS content words: their bounds and those words."""
    text, stopwords = ctx.doc.target.text, ctx.pair.target.stopwords
    for sentence in sentences:
        bounds = [sentence.start, *(b for m in _CLAUSE_BREAK.finditer(text, sentence.start, sentence.end)
                                    for b in m.span()), sentence.end]
        for start, end in zip(bounds[::2], bounds[1::2], strict=True):
            content = [w for w in stem_words(text, stopwords, start, end) if w.content]
            if len(content) >= ADDITION_CLAUSE_MIN_WORDS:
                yield start, end, content


def _unreferenced_additions(ctx: CheckContext) -> Iterator[Hit]:
    """XL202 without a pseudo-reference: in aligned sentences far longer than their source, the clause or
    sentence whose cutting brings the translation closest to the source in meaning, if any does."""
    text = ctx.doc.target.text
    for link, sources, targets, ratio in unreferenced_links(ctx):
        if ratio < UNREFERENCED_ADDITION_RATIO:
            continue
        parts = [(t.start, t.end) for t in targets] if len(targets) > 1 else []
        parts += [(content[0].start, content[-1].end) for start, end, content in _clauses(ctx, targets)
                  if (start, end) not in parts]
        gains = [(gain, part) for part in parts if (gain := _cut_gain(ctx, link, *part)) is not None]
        gain, (start, end) = max(gains, default=(0.0, (0, 0)))
        if gain >= ADDITION_EMBEDDING_GAIN:
            yield Hit(f"“{text[start:end]}” has no counterpart in the source (the translation is {ratio:.0%} of "
                      "the length its source leads one to expect)", target_span=(start, end),
                      source_span=(sources[0].start, sources[-1].end), confidence=0.5)


@check("XL202", "addition", "accuracy/addition", Severity.MAJOR,
       superseded_by=("XL206", "XL401", "XL403", "XL105", "XL203"))
def addition(ctx: CheckContext) -> Iterator[Hit]:
    """Translation content with no counterpart in the source: an added clause, aside or sentence.

    What it flags:
        An aligned sentence whose translation is clearly longer than the
        source's pseudo-reference and holds a run of content words that the
        pseudo-reference has nothing for, between words it keeps together
        (unless cutting the run moves the translation away from the source in
        meaning: a rewording); or a clause (between commas, dashes or
        brackets) none of whose content words the source accounts for and
        whose cutting brings the translation closer to the source. For a pair
        without pseudo-references: in an aligned sentence far longer than the
        pair's usual length ratio says, the clause or sentence whose cutting
        brings the translation closer to the source.
    Why it matters:
        Added claims put words in sources' mouths; in news that is a factual
        error even when the addition sounds plausible.
    Example:
        Source: «…el PIB se incrementó un 1,5% respecto al trimestre anterior.»
        Bad:    "…GDP increased by 1.5% on the previous quarter. The reform would extend his power."
        Good:   "…GDP increased by 1.5% on the previous quarter."
    Fix:
        Delete the addition, or find the source it belongs to.
    """
    if "pseudo-reference" not in ctx.available_engines:
        yield from _unreferenced_additions(ctx)
        return
    for link in ctx.doc.links:
        if not link.source or not link.target:
            continue
        pseudo, _, targets = link_texts(ctx, link)
        ratio = length_ratio(targets, pseudo) if pseudo else 0.0
        if not pseudo or ratio < min(ADDITION_LENGTH_RATIO, ADDITION_TAIL_LENGTH_RATIO):
            continue
        text = ctx.doc.target.text
        last_word_end = max((end for t in targets for _, _, end in words(text, t.start, t.end)), default=-1)
        gaps = [g for g in _gaps(ctx, pseudo, targets) if _is_addition(g, text, ratio, last_word_end)]
        gap = max(gaps, key=lambda g: len(g.words)) if gaps else None
        if gap is not None and (_cut_gain(ctx, link, gap.words[0].start, gap.words[-1].end) or 0.0) >= 0.0:
            start, end = gap.words[0].start, gap.words[-1].end
        elif ratio >= ADDITION_TAIL_LENGTH_RATIO and (clause := _added_clause(ctx, link, pseudo)):
            start, end = clause
        else:
            continue
        yield Hit(f"“{ctx.doc.target.text[start:end]}” has no counterpart in the source",
                  target_span=(start, end), confidence=0.6)


def _added_clause(ctx: CheckContext, link: Link, pseudo: str) -> tuple[int, int] | None:
    """The span of a clause of the translation that nothing in the source accounts for: none of its
    content words is in the pseudo-reference or the source, and cutting it brings the translation
    closer in meaning to the source."""
    stopwords, text = ctx.pair.target.stopwords, ctx.doc.target.text
    source = " ".join(s.text for s in ctx.sources(link))
    known = {w.stem for w in stem_words(pseudo, stopwords)} | {w.stem for w in stem_words(source, stopwords)}
    clauses = [(content[0].start, content[-1].end) for _, _, content in _clauses(ctx, ctx.targets(link))
               if not any(w.stem in known for w in content) and not _is_name_expansion(text, content)]
    return next((c for c in clauses if (_cut_gain(ctx, link, *c) or 0.0) >= ADDITION_EMBEDDING_GAIN), None)


def _cut_gain(ctx: CheckContext, link: Link, start: int, end: int) -> float | None:
    """How much closer in meaning (embedding cosine) the link's translation comes to its source
    without ``target[start:end]``; None without embeddings."""
    sources, targets = ctx.sources(link), ctx.targets(link)
    source = " ".join(s.text for s in sources)
    first, last = targets[0].start, targets[-1].end
    translation = ctx.doc.target.text[first:last]
    cut = without(translation, start - first, end - first)
    ctx.engines.embed([source, translation, cut])
    before, after = ctx.engines.cosine(source, translation), ctx.engines.cosine(source, cut)
    return None if before is None or after is None else after - before
