"""A translation against its pseudo-reference, word by word: the monotone alignment of stems that the
omission (XL201) and addition (XL202) checks read.

A run of pseudo-reference words whose neighbours are adjacent in the translation was dropped; a run of
translation words whose neighbours are adjacent in the pseudo-reference was added. Length ratios
against the pseudo-reference (or, without one, against the source and the pair's expected ratio)
decide how much of a gap it takes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from xlate.checks.context import CheckContext
from xlate.checks.text import CLOSING_QUOTES, TERMINAL, words
from xlate.model import Link, Sentence
from xlate.similarity import stem

# Where a dropped phrase or clause ends: a comma, semicolon, colon, bracket, dash or final stop.
_CLAUSE_POINT = re.compile(r"[,;:.!?…](?=\s|$|[\"”’»)])|[()\[\]–—]|\s-\s")
# Without a pseudo-reference, only a source of at least this many characters is judged by its length.
UNREFERENCED_MIN_CHARS = 60


@dataclass(frozen=True, slots=True)
class StemWord:
    """A word of a pseudo-reference or a translation: its stem, where it stands, whether it carries content."""

    stem: str
    start: int
    end: int
    content: bool


def stem_words(text: str, stopwords: frozenset[str], start: int = 0, end: int | None = None) -> list[StemWord]:
    return [StemWord(stem(w), s, e, w.lower() not in stopwords and not w.isdigit())
            for w, s, e in words(text, start, end)]


def words_of_pseudo(ctx: CheckContext, pseudo: str) -> list[StemWord]:
    """The pseudo-reference's words; a lower-case one the target language's word list lacks is one the
    engine left untranslated («navette», «linge»), no content a translator could have dropped."""
    vocabulary = ctx.pair.target.wordlist
    return [replace(w, content=False) if w.content and vocabulary and pseudo[w.start].islower()
            and pseudo[w.start : w.end].lower() not in vocabulary else w
            for w in stem_words(pseudo, ctx.pair.target.stopwords)]


@dataclass(frozen=True, slots=True)
class Gap:
    """A run of words on one side with no counterpart on the other."""

    side: str  # "pseudo" (omitted from the translation) or "target" (added to it)
    words: list[StemWord]
    target_offset: int  # where the gap is (or would be) in the target text


def _matcher(pseudo: list[StemWord], target: list[StemWord]) -> SequenceMatcher:
    return SequenceMatcher(None, [w.stem for w in pseudo], [w.stem for w in target], autojunk=False)


def clause_point(text: str, start: int, end: int) -> int:
    """Where dropped words most likely stood between ``start`` and ``end`` of the target: at the first
    clause boundary there (a comma, a dash, a bracket, the final stop), else at ``start``. Dropped
    material is a phrase or a clause, and those end at punctuation: "continent resulted⟨⟩." rather than
    "continent⟨⟩ resulted." when the pseudo-reference's words for "resulted" differ."""
    found = _CLAUSE_POINT.search(text, start, end)
    return found.start() if found else start


def coverage_gaps(pseudo: list[StemWord], target: list[StemWord], text: str, start: int, end: int) -> list[Gap]:
    """Runs missing on one side whose neighbours the other side keeps together (the target's words lie
    in ``text[start:end]``)."""
    gaps = []
    for tag, i1, i2, j1, j2 in _matcher(pseudo, target).get_opcodes():
        at = target[j1 - 1].end if j1 > 0 else start
        if tag == "delete" or (tag == "replace" and (j2 - j1) <= 1 < (i2 - i1) // 3):
            following = target[j2].start if j2 < len(target) else end
            gaps.append(Gap("pseudo", pseudo[i1:i2], clause_point(text, at, following)))
        elif tag == "insert" or (tag == "replace" and (i2 - i1) <= 1 < (j2 - j1) // 3):
            gaps.append(Gap("target", target[j1:j2], at))
    return gaps


def place_of(pseudo: list[StemWord], target: list[StemWord], index: int, text: str, start: int, end: int) -> int:
    """Where pseudo-reference word ``index`` would stand in the target: between the partners of the
    matched content words around it, at a clause boundary there (see ``clause_point``)."""
    before, after = None, None
    for i, j, size in _matcher(pseudo, target).get_matching_blocks():
        for k in range(size):
            if pseudo[i + k].content and i + k < index:
                before = j + k
            elif pseudo[i + k].content and i + k > index and after is None:
                after = j + k
    low = target[before].end if before is not None else start
    high = target[after].start if after is not None and (before is None or after > before) else end
    return clause_point(text, low, high)


def link_texts(ctx: CheckContext, link: Link) -> tuple[str | None, list[Sentence], list[Sentence]]:
    sources, targets = ctx.sources(link), ctx.targets(link)
    return ctx.pseudo_reference(sources), sources, targets


def length_ratio(targets: list[Sentence], pseudo: str) -> float:
    return sum(len(s.text) for s in targets) / max(1, len(pseudo))


def words_of_targets(ctx: CheckContext, targets: list[Sentence]) -> list[StemWord]:
    stopwords = ctx.pair.target.stopwords
    return [w for s in targets for w in stem_words(ctx.doc.target.text, stopwords, s.start, s.end)]


def without(text: str, start: int, end: int) -> str:
    """``text`` without ``text[start:end]``."""
    return " ".join((text[:start] + " " + text[end:]).split())


def before_final_punctuation(text: str, sentence: Sentence) -> int:
    """Where a clause dropped from the end of a sentence would have been."""
    end = sentence.end
    while end > sentence.start and (text[end - 1] in TERMINAL + CLOSING_QUOTES or text[end - 1].isspace()):
        end -= 1
    return end


def unreferenced_links(ctx: CheckContext) -> Iterator[tuple[Link, list[Sentence], list[Sentence], float]]:
    """Links with a source long enough to judge, and their length against the pair's expected one."""
    for link, sources, targets in ctx.pairs():
        source_chars = sum(len(s.text) for s in sources)
        if targets and source_chars >= UNREFERENCED_MIN_CHARS:
            yield link, sources, targets, sum(len(t.text) for t in targets) / (ctx.pair.length_ratio * source_chars)
