"""Word-level addition (XL212): an aside of the translation that no source word accounts for.

Comparing words alone cannot tell an added word from a free rendering (published translations leave
about one source content word in five without a dictionary counterpart), so an addition is judged
by its shape: an aside set off by punctuation whose words nothing links, where the source between
its neighbours' partners is all rendered; or an apposition after a name that the source does not
describe.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from xlate.checks.context import CheckContext
from xlate.checks.phrases import PHRASE_END, abbreviated, finite
from xlate.checks.registry import Hit, check
from xlate.checks.text import words as text_words
from xlate.model import Link, Sentence, Severity
from xlate.pairs import AnalyserTags
from xlate.similarity import fold, stem
from xlate.wordalign import COGNATE, SYNONYM, Word, WordAlignment

# Marks that set off an aside.
_ASIDE = re.compile(r"[,;:–—()]| - ")
# An aside needs at least this many content words (one word, "reluctantly", is too often a free rendering).
ADDITION_MIN_WORDS = 2
# An apposition after a name ("Alvarez, a former boxer, said") has at most this many words, and at least
# this share of its content words without a source counterpart (chosen on the tune fold of the meaning
# perturbations: 0.5 caught 11 of 19 added appositions, 0.3 caught 12, 0 flagged a clean item).
APPOSITION_MAX_WORDS = 8
APPOSITION_UNRENDERED = 0.3
# … and no source noun or adjective this close to the name may lack a counterpart (it may be what the
# apposition renders: «el exboxeador Álvarez» → "Alvarez, a former boxer,").
APPOSITION_REACH = 3
# A source sentence that opens or closes with a piece of at most this many words set off by a comma
# («Por otra parte,», «, como ocurrió en este caso.»), not rendered word for word, has a connective or
# comment there that an aside at the same edge of the translation may render freely ("At the same time,").
EDGE_ASIDE_MAX_WORDS = 8


def _asides(text: str, sentence: Sentence) -> Iterator[tuple[int, int]]:
    """Character spans of a sentence's asides: runs set off by commas, dashes or brackets on both
    sides, or by one of them and the sentence's start or end — never the whole sentence."""
    cuts = [sentence.start] + [m.start() for m in _ASIDE.finditer(text, sentence.start, sentence.end)] + [sentence.end]
    if len(cuts) > 2:
        yield from itertools.pairwise(cuts)


def _source_edge_aside(ctx: CheckContext, link: Link, alignment: WordAlignment, target_pieces: int, *,
                       first: bool) -> bool:
    """Whether the link's source opens (``first``) or closes with a short aside of its own that holds a
    content word no target word renders by the dictionary or a synonym, and is cut into at least as
    many pieces as the translation's sentence there (``target_pieces``): something left for an aside
    at the same edge of the translation to render freely, not a piece the translation adds ("In a
    surprise move, …")."""
    sources = ctx.sources(link)
    pieces = list(_asides(ctx.doc.source.text, sources[0] if first else sources[-1]))
    if len(pieces) < target_pieces:
        return False
    a, b = pieces[0] if first else pieces[-1]
    if sum(1 for _ in text_words(ctx.doc.source.text, a, b)) > EDGE_ASIDE_MAX_WORDS:
        return False
    rendered = alignment.linked("source", SYNONYM)
    return any(w.content and a <= w.start and w.end <= b and i not in rendered for i, w in enumerate(alignment.source))


def _added_runs(ctx: CheckContext, link: Link, alignment: WordAlignment) -> Iterator[tuple[Word, Word]]:
    """Asides whose content words no source word renders, in a sentence whose other words do, and that
    do not stand at an edge of the sentence where the source has a short aside of its own."""
    text = ctx.doc.target.text
    strong = {j for j in alignment.linked("target", COGNATE) if alignment.target[j].content}
    if not strong:
        return
    sentences = ctx.targets(link)
    for sentence in sentences:
        pieces = list(_asides(text, sentence))
        for a, b in pieces:
            if (a == sentences[0].start and _source_edge_aside(ctx, link, alignment, len(pieces), first=True)) or (
                    b == sentences[-1].end and _source_edge_aside(ctx, link, alignment, len(pieces), first=False)):
                continue
            inside = [j for j, w in enumerate(alignment.target) if a <= w.start and w.end <= b]
            content = [alignment.target[j] for j in inside if alignment.target[j].content]
            if len(content) < ADDITION_MIN_WORDS or any(j in strong for j in inside):
                continue
            if any(_named(w, sentence, ctx.pair.target.analyser) or _rendered(w, alignment.source) for w in content):
                continue  # names are spelt out or explained on purpose; a rendered word is no addition
            if _slot_covered(alignment, inside[0], inside[-1], strong, ctx.pair.source.analyser):
                yield alignment.target[inside[0]], alignment.target[inside[-1]]


def _added_appositions(ctx: CheckContext, alignment: WordAlignment) -> Iterator[tuple[Word, Word]]:
    """An aside between commas right after a name and before the verb ("Alvarez, a former boxer, said"),
    whose name the source writes with no aside of its own and with no unrendered content word in its
    phrase (which the apposition may render: «el exboxeador Álvarez»), and many of whose content words
    nothing in the source renders. The aside need not be wholly unlinked: "a veteran of three campaigns"
    shares a number or a common word with the source by chance."""
    text, source_text = ctx.doc.target.text, ctx.doc.source.text
    tags = ctx.pair.target.analyser
    words = alignment.target
    opens = tags.determiners | tags.adverbs | tags.adjectives | tags.nouns
    linked, rendered = alignment.linked("target"), alignment.linked("source", COGNATE)
    for k, name in enumerate(words[:-2]):
        if not (name.pos in tags.names or (name.text[:1].isupper() and k and not name.pos)) or (
                text[name.end : name.end + 2] != ", "):
            continue
        end = next((j for j in range(k + 2, len(words)) if _ASIDE.search(text, words[j - 1].end, words[j].start)), None)
        if end is None or end - k - 1 > APPOSITION_MAX_WORDS or (
                text[words[end - 1].end : words[end].start].strip() != ","):
            continue
        aside = list(range(k + 1, end))
        first = words[aside[0]]
        if first.text[:1].isupper() or first.pos not in opens or words[end].pos not in tags.verbs or any(
                finite(words[j], ctx.pair.target) for j in aside):
            continue  # not an apposition: a clause has a finite verb ("the shooting affected the election")
        content = [j for j in aside if words[j].content]
        if not content or sum(j not in linked for j in content) < APPOSITION_UNRENDERED * len(content):
            continue
        if any(words[j].pos in tags.names or words[j].text[:1].isupper() for j in content):
            continue  # a name spelt out or explained ("the PRI, the Institutional Revolutionary Party,")
        partners = alignment.sources_of(k)
        if not partners or re.match(r"\s*[,(]", source_text[alignment.source[partners[-1]].end :]):
            continue
        near = _name_phrase(ctx, alignment, partners[0], partners[-1])
        if not any(alignment.source[i].content and i not in rendered for i in near):
            yield first, words[aside[-1]]


def _name_phrase(ctx: CheckContext, alignment: WordAlignment, first: int, last: int) -> list[int]:
    """The source words around a name (source words ``first``…``last``) that may describe it: at most
    APPOSITION_REACH on each side, within its phrase (a verb or punctuation ends the search: «Sin
    embargo, el profesor Eastwood», «Mayorkas tuvo la gentileza»), titles written as abbreviations
    («Sra.», which no apposition renders) left out."""
    source, text = alignment.source, ctx.doc.source.text
    lang = ctx.pair.source
    near = []
    for step, edge in ((-1, first), (1, last)):
        i = edge
        for _ in range(APPOSITION_REACH):
            nxt = i + step
            if not 0 <= nxt < len(source) or source[nxt].pos in lang.analyser.verbs:
                break
            a, b = (source[nxt], source[i]) if step < 0 else (source[i], source[nxt])
            if PHRASE_END.search(text[a.end : b.start]) and not abbreviated(text, a, lang):
                break
            i = nxt
            if not abbreviated(text, source[i], lang):
                near.append(i)
    return near


def _named(word: Word, sentence: Sentence, tags: AnalyserTags) -> bool:
    """A name, or a capitalised word inside a sentence (the first word's capital says nothing)."""
    return word.pos in tags.names or (word.text[:1].isupper() and word.start > sentence.start + 1)


def _slot_covered(alignment: WordAlignment, first: int, last: int, strong: set[int], tags: AnalyserTags) -> bool:
    """Whether the source between the partners of the strongly linked words around target words
    ``first``…``last`` is all rendered elsewhere: no source word there but articles and prepositions
    is left without a strong link that the run could be a free rendering of («o sea» → "in other words").
    (Looking only next to each partner, so that crossing neighbours could be judged too, flagged four
    times as many clean dev passages.)"""
    before = next((j for j in range(first - 1, -1, -1) if j in strong), None)
    after = next((j for j in range(last + 1, len(alignment.target)) if j in strong), None)
    if before is None and after is None:
        return False
    partners = alignment.linked("source", COGNATE)
    low = max((link.source for link in alignment.links if link.target == before and link.score >= COGNATE), default=-1)
    high = min((link.source for link in alignment.links if link.target == after and link.score >= COGNATE),
               default=len(alignment.source))
    if low >= high:
        return False  # the neighbours cross: nothing to judge
    free = tags.determiners | tags.prepositions | tags.punctuation
    return all(i in partners or alignment.source[i].pos in free for i in range(low + 1, high))


def _rendered(word: Word, others: list[Word]) -> bool:
    """Whether a word of the other side may be what ``word`` renders: a translation (by stem), the
    same string, or a word that translates back to it."""
    stems = {stem(part) for x in word.translations for part in x.split()} | {stem(word.text)}
    return any(stem(o.text) in stems or stem(o.lemma) in stems or fold(o.text) == fold(word.text)
               or word.lemma in o.translations for o in others)


@check("XL212", "word-addition", "accuracy/addition", Severity.MAJOR, needs=("source-analysis", "target-analysis"),
       superseded_by=("XL202", "XL206", "XL401", "XL403", "XL105", "XL203"))
def word_addition(ctx: CheckContext) -> Iterator[Hit]:
    """An aside of the translation that nothing in the source accounts for: ", a former boxer,".

    What it flags:
        Two or more content words of the translation set off by commas, dashes
        or brackets (or by one of them and the sentence's start or end) that no
        source word renders, where every source word between the partners of
        the aside's neighbours (articles and prepositions aside) is rendered
        elsewhere. Names spelt out or explained ("the PRI, the Institutional
        Revolutionary Party") are left alone, and so is an aside whose
        neighbours' partners cross (nothing to judge). An apposition between a
        name and its verb ("Alvarez, a former boxer, said") is flagged when the
        source writes the name with no aside and at least a third of the
        apposition's content words have no source counterpart. An aside at the
        start or end of a sentence is left alone where the source has a short
        aside of its own at the same edge that no word renders word for word
        ("At the same time," for «Por otra parte,»), unless the translation's
        sentence has more pieces than the source's there.
    Why it matters:
        An added aside is an added fact, the translator's and not the source's;
        readers cannot tell.
    Example:
        Source: «El alcalde dijo que la obra terminará en mayo.»
        Bad:    "The mayor, a former boxer, said the work would end in May."
        Good:   "The mayor said the work would end in May."
    Fix:
        Delete the aside, or find the source it belongs to.
    """
    for link in ctx.doc.links:
        if not link.source or not link.target:
            continue
        alignment = ctx.word_alignment(link)
        runs = dict.fromkeys([*_added_runs(ctx, link, alignment), *_added_appositions(ctx, alignment)])
        for first, last in runs:
            yield Hit(f"“{ctx.doc.target.text[first.start:last.end]}” has no counterpart in the source",
                      target_span=(first.start, last.end), confidence=0.6)
