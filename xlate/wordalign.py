"""Word alignment inside a sentence link, as a small programme over cheap evidence.

Each source and target word of a link is aligned to words of the other side or left unaligned,
every link with a score and the evidence it rests on. The evidence, strongest first:

- identical strings (names, numbers, cognates spelt alike) and equal digit strings;
- the bilingual dictionary, both ways, with all its alternatives (Apertium's ``autobil``: the
  target lemma is one of the source lemma's translations, or the reverse);
- a translation that matches the target word's stem ("charged" for a dictionary "charge"), or a
  multiword translation whose words stand together in the target («al respecto» → "in this regard");
- WordNet synonyms of a translation ("pay" for «salario», whose dictionary gives "salary");
- cognates: long words of the two sides spelt nearly alike («presidente» → "president");
- position: content words left over between the same two linked neighbours on both sides
  («los temas» ↔ "the issues" when the dictionary only knows "subject"), or next to the two words
  of a link («temas económicos» ↔ "economic issues"), are linked weakly: they are probably a free
  rendering of each other, or a wrong word in the right place.

Links are chosen by competitive linking (Melamed 2000): the best-scoring pair whose words are both
free is linked first, and a positional prior, interpolated between the sure anchors, breaks ties
between repeated words ("the" ... "the"). The words of a multiword token share their links,
target auxiliaries join the verb they belong to ("will" + "increase" for «aumentará») and a
subject pronoun joins the finite verb whose ending carries it in a pro-drop source («dijo» →
"he said"). What is left unaligned is what the accuracy checks
weigh: a source content word with no counterpart, a target one with no source.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from xlate.engines import Token
from xlate.engines.wordnet import WordNet
from xlate.pairs import LanguageResources
from xlate.segment import WORD
from xlate.similarity import fold, ratio_at_least, stem

# Scores of the kinds of evidence (a link's score is its evidence's).
IDENTICAL, DICTIONARY, DICTIONARY_STEM, PHRASE, SYNONYM, COGNATE = 1.0, 0.9, 0.8, 0.75, 0.7, 0.6
# Links implied by grammar or position rather than by the words themselves.
AUXILIARY, POSITION, IMPLIED_SUBJECT = 0.5, 0.35, 0.3
# Synonyms: the two words share one of their this many most frequent WordNet senses.
SYNONYM_SENSES = 3
# Cognates: both words at least this long and this similar (SequenceMatcher ratio of folded forms).
COGNATE_MIN_LENGTH = 5
COGNATE_MIN_RATIO = 0.75
# Identical strings shorter than this are coincidences («a» is no "a") unless digits or capitalised.
IDENTICAL_MIN_LENGTH = 3
# How much a candidate's score drops per unit of relative distance from its expected position.
DISTORTION_WEIGHT = 0.3
# An auxiliary joins a verb at most this many words after it ("will not be able to …" stops earlier).
AUXILIARY_REACH = 3
_DIGITS = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class Word:
    """One word of one side of a link, with its span in that side's text."""

    start: int
    end: int
    text: str
    lemma: str
    pos: str
    tags: tuple[str, ...]
    content: bool
    translations: tuple[str, ...] = ()
    unit: int = 0  # the analyser token the word belongs to (a multiword token is one unit)


@dataclass(frozen=True, slots=True)
class WordLink:
    """Source word ``source`` ↔ target word ``target`` (indices into the alignment's word lists)."""

    source: int
    target: int
    score: float
    evidence: str


@dataclass(frozen=True, slots=True)
class Gap:
    """A run of unaligned content words of one side (function words between them included), with the
    neighbours that bound it and, on the other side, the slot between those neighbours' partners."""

    words: list[int]  # the run, first to last word, on its own side
    before: int | None  # the linked word just before the run (None at the start)
    after: int | None  # … and just after it (None at the end)
    slot: tuple[int, int]  # other-side word indices strictly between which the run would be rendered
    slot_free: list[int]  # unaligned content words of the other side inside the slot


@dataclass
class WordAlignment:
    """The words of both sides of a sentence link and the links between them."""

    source: list[Word]
    target: list[Word]
    links: list[WordLink] = field(default_factory=list)

    def targets_of(self, i: int) -> list[int]:
        return sorted(link.target for link in self.links if link.source == i)

    def sources_of(self, j: int) -> list[int]:
        return sorted(link.source for link in self.links if link.target == j)

    def linked(self, side: str, minimum: float = 0.0) -> set[int]:
        """Indices of the words of ``side`` ("source" or "target") with a link at least ``minimum`` strong."""
        return {link.source if side == "source" else link.target for link in self.links if link.score >= minimum}

    @property
    def unaligned_source(self) -> list[int]:
        linked = {link.source for link in self.links}
        return [i for i in range(len(self.source)) if i not in linked]

    @property
    def unaligned_target(self) -> list[int]:
        linked = {link.target for link in self.links}
        return [j for j in range(len(self.target)) if j not in linked]

    def gaps(self, side: str) -> list[Gap]:
        """Runs of unaligned content words on ``side`` ("source" or "target") whose neighbours are
        linked in the same order on the other side (a crossing leaves nothing to judge)."""
        words, others = (self.source, self.target) if side == "source" else (self.target, self.source)
        partners = self.targets_of if side == "source" else self.sources_of
        linked = [bool(partners(k)) for k in range(len(words))]
        other_linked = {link.target if side == "source" else link.source for link in self.links}
        gaps = []
        k = 0
        while k < len(words):
            if linked[k] or not words[k].content:
                k += 1
                continue
            end = k
            while end + 1 < len(words) and not (linked[end + 1] and words[end + 1].content):
                end += 1
            while end > k and not words[end].content:
                end -= 1  # the run ends with a content word
            before = next((b for b in range(k - 1, -1, -1) if linked[b]), None)
            after = next((a for a in range(end + 1, len(words)) if linked[a]), None)
            low = max(partners(before)) if before is not None else -1
            high = min(partners(after)) if after is not None else len(others)
            if low < high:
                free = [j for j in range(low + 1, high) if j not in other_linked and others[j].content]
                gaps.append(Gap(list(range(k, end + 1)), before, after, (low, high), free))
            k = end + 1
        return gaps

    def to_dict(self) -> dict[str, object]:
        """The ``words`` object of a link in the JSON report: each word as [start, end, is a content
        word], the links as [source word, target word, score, evidence], and the words left
        unaligned on each side."""
        return {
            "source": [[w.start, w.end, w.content] for w in self.source],
            "target": [[w.start, w.end, w.content] for w in self.target],
            "links": [[link.source, link.target, round(link.score, 3), link.evidence] for link in self.links],
            "unaligned_source": self.unaligned_source,
            "unaligned_target": self.unaligned_target,
        }


def words_of(tokens: Sequence[tuple[Token, int, int]], lang: LanguageResources) -> list[Word]:
    """The alignable words of placed tokens: each word of a multiword token («a lo largo de», "Wall
    Street") is a word of its own that shares the token's analysis; punctuation and unplaced tokens
    are left out."""
    tags = lang.analyser
    out = []
    for unit, (token, start, end) in enumerate(tokens):
        if end <= start or token.pos in tags.punctuation:
            continue
        parts = list(WORD.finditer(token.surface))
        for part in parts:
            lowered = part.group().lower()
            lemma = token.lemma.lower() if len(parts) == 1 else lowered
            content = (token.pos in tags.content or not token.known) and lowered not in lang.stopwords and (
                lemma not in lang.stopwords and lowered not in lang.negation.negators)
            out.append(Word(start + part.start(), start + part.end(), part.group(), lemma, token.pos, token.tags,
                            content, token.translations, unit))
    return out


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def _evidence(s: Word, t: Word, wordnet: WordNet | None, wordnet_pos: dict[str, str]) -> tuple[float, str] | None:
    """The strongest evidence that ``t`` translates ``s`` (None when there is none)."""
    s_fold, t_fold = fold(s.text), fold(t.text)
    if _DIGITS.search(s.text) or _DIGITS.search(t.text):
        return (IDENTICAL, "number") if _digits(s.text) and _digits(s.text) == _digits(t.text) else None
    if s_fold == t_fold and (len(s_fold) >= IDENTICAL_MIN_LENGTH or s.text[:1].isupper()):
        return IDENTICAL, "identical"
    if t.lemma in s.translations or s.lemma in t.translations or t_fold in s.translations:
        return DICTIONARY, "dictionary"
    t_stem = stem(t.text)
    if any(stem(x) == t_stem for x in s.translations if " " not in x) or any(
            stem(x) == stem(s.text) for x in t.translations if " " not in x):
        return DICTIONARY_STEM, "dictionary"
    if (t.content and any(t.lemma in x.split() for x in s.translations if " " in x)) or (s.content and any(
            s.lemma in x.split() for x in t.translations if " " in x)):
        return PHRASE, "dictionary"  # a word of a multiword translation: «conferencia de prensa» → "press"
    pos = wordnet_pos.get(t.pos)
    if wordnet is not None and pos and s.content and any(
            wordnet.synonyms(x, t.lemma, pos, SYNONYM_SENSES) for x in s.translations):
        return SYNONYM, "synonym"
    if min(len(s_fold), len(t_fold)) >= COGNATE_MIN_LENGTH and ratio_at_least(s_fold, t_fold, COGNATE_MIN_RATIO):
        return COGNATE, "cognate"
    return None


def _phrase_links(source: list[Word], target: list[Word]) -> list[WordLink]:
    """Multiword translations whose words stand together in the target («al respecto» → "in this
    regard"): every target word of the phrase links to the source word."""
    folded = [fold(w.text) for w in target]
    links = []
    for i, s in enumerate(source):
        for phrase in (x.split() for x in s.translations if " " in x):
            for j in range(len(target) - len(phrase) + 1):
                if folded[j : j + len(phrase)] == [fold(p) for p in phrase]:
                    links.extend(WordLink(i, j + k, PHRASE, "dictionary") for k in range(len(phrase)))
    return links


def _expected_position(anchors: list[tuple[int, int]], n_source: int, n_target: int) -> Callable[[int], float]:
    """A function i → the target position where source word i is expected, interpolated between
    anchor links (and the two ends of the sentence pair)."""
    points = sorted({(-1, -1.0), (n_source, float(n_target)), *((i, float(j)) for i, j in anchors)})

    def expected(i: int) -> float:
        for (i0, j0), (i1, j1) in itertools.pairwise(points):
            if i0 <= i <= i1:
                return j0 if i1 == i0 else j0 + (j1 - j0) * (i - i0) / (i1 - i0)
        return i * n_target / max(1, n_source)

    return expected


def align_words(source: list[Word], target: list[Word], source_lang: LanguageResources,
                target_lang: LanguageResources, wordnet: WordNet | None = None) -> WordAlignment:
    """Align the words of one sentence link (see the module docstring)."""
    alignment = WordAlignment(source, target)
    if not source or not target:
        return alignment
    candidates: dict[tuple[int, int], tuple[float, str]] = {}
    wordnet_pos = target_lang.analyser.wordnet if target_lang.wordnet else {}
    for i, s in enumerate(source):
        for j, t in enumerate(target):
            found = _evidence(s, t, wordnet, wordnet_pos)
            if found is not None:
                candidates[(i, j)] = found
    for link in _phrase_links(source, target):
        candidates.setdefault((link.source, link.target), (link.score, link.evidence))
    # Anchors: strong pairs that are each other's only candidate.
    by_source: dict[int, list[int]] = {}
    by_target: dict[int, list[int]] = {}
    for i, j in candidates:
        by_source.setdefault(i, []).append(j)
        by_target.setdefault(j, []).append(i)
    anchors = [(i, j) for (i, j), (score, _) in candidates.items()
               if score >= DICTIONARY and len(by_source[i]) == 1 and len(by_target[j]) == 1]
    expected = _expected_position(anchors, len(source), len(target))
    span = max(len(target), 1)
    ranked = sorted(candidates.items(),
                    key=lambda kv: -(kv[1][0] - DISTORTION_WEIGHT * abs(kv[0][1] - expected(kv[0][0])) / span))
    linked_source: set[int] = set()
    linked_target: set[int] = set()
    for (i, j), (score, evidence) in ranked:
        if i in linked_source or j in linked_target:
            continue
        alignment.links.append(WordLink(i, j, score, evidence))
        linked_source.add(i)
        linked_target.add(j)
    _extend_phrases(alignment, candidates, linked_target)
    _link_units(alignment)
    _attach_auxiliaries(alignment, target_lang)
    _attach_subjects(alignment, source_lang, target_lang)
    _fill_slots(alignment)
    _pair_neighbours(alignment)
    alignment.links.sort(key=lambda link: (link.source, link.target))
    return alignment


def _fill_slots(alignment: WordAlignment) -> None:
    """Unaligned content words between the same two linked neighbours on both sides are linked by
    position: one word each, whatever their parts of speech; otherwise in order, each to the first
    free word of a compatible part of speech (nouns with names, an unknown word with either)."""
    source_links = {link.source for link in alignment.links}
    target_free = set(alignment.unaligned_target)
    bounds = sorted({(link.source, link.target) for link in alignment.links if link.score > POSITION})
    edges = [(-1, -1), *bounds, (len(alignment.source), len(alignment.target))]
    for (i0, j0), (i1, j1) in itertools.pairwise(edges):
        if i1 - i0 < 2 or j1 - j0 < 2:
            continue
        sources = [i for i in range(i0 + 1, i1) if i not in source_links and alignment.source[i].content]
        targets = [j for j in range(j0 + 1, j1) if j in target_free and alignment.target[j].content]
        if len(sources) == 1 and len(targets) == 1:
            pairs = [(sources[0], targets[0])]
        else:
            pairs = []
            for i in sources:
                j = next((j for j in targets if _compatible(alignment.source[i], alignment.target[j])), None)
                if j is not None:
                    pairs.append((i, j))
                    targets.remove(j)
        for i, j in pairs:
            alignment.links.append(WordLink(i, j, POSITION, "position"))
            source_links.add(i)
            target_free.discard(j)


def _pair_neighbours(alignment: WordAlignment) -> None:
    """An unaligned content word next to a linked word, and an unaligned content word of a compatible
    part of speech next to that word's partner, are linked by position: the slots of a reordered
    phrase («los temas económicos» ↔ "the economic issues") do not line up, their neighbours do."""
    for link in [k for k in alignment.links if k.score > POSITION]:
        free_source = set(alignment.unaligned_source)
        free_target = set(alignment.unaligned_target)
        sources = [i for i in (link.source - 1, link.source + 1)
                   if i in free_source and alignment.source[i].content]
        targets = [j for j in (link.target - 1, link.target + 1)
                   if j in free_target and alignment.target[j].content]
        for i in sources:
            j = next((j for j in targets if _compatible(alignment.source[i], alignment.target[j])), None)
            if j is not None:
                alignment.links.append(WordLink(i, j, POSITION, "position"))
                targets.remove(j)


_POS_CLASS = {"np": "n", "n": "n", "vblex": "v", "adj": "a", "adv": "r", "num": "num"}


def _compatible(a: Word, b: Word) -> bool:
    """Whether two words may translate each other by their parts of speech (an unknown word — a
    name, a rare word — is compatible with a noun or an adjective)."""
    ca, cb = _POS_CLASS.get(a.pos, "?"), _POS_CLASS.get(b.pos, "?")
    return ca == cb or ("?" in (ca, cb) and {ca, cb} & {"n", "a", "?"} == {ca, cb} & {"n", "a", "?"} != set())


def _extend_phrases(alignment: WordAlignment, candidates: dict[tuple[int, int], tuple[float, str]],
                    linked_target: set[int]) -> None:
    """A free target word next to a target word of the same source word, itself a candidate of that
    source word, joins it (a multiword rendering: "hike up", "in this regard")."""
    for link in list(alignment.links):
        for j in (link.target - 1, link.target + 1):
            found = candidates.get((link.source, j))
            if found is not None and j not in linked_target:
                alignment.links.append(WordLink(link.source, j, found[0], found[1]))
                linked_target.add(j)


def _link_units(alignment: WordAlignment) -> None:
    """The free words of a multiword token take the links of its linked words («a lo largo de» →
    "along": every word of the unit links to it), on both sides."""
    for source_side in (True, False):
        words = alignment.source if source_side else alignment.target
        links_of: dict[int, list[WordLink]] = {}
        for link in alignment.links:
            links_of.setdefault(words[link.source if source_side else link.target].unit, []).append(link)
        linked = {link.source if source_side else link.target for link in alignment.links}
        for k, word in enumerate(words):
            if k in linked or word.unit not in links_of:
                continue
            for link in links_of[word.unit]:
                alignment.links.append(WordLink(k, link.target, link.score, link.evidence) if source_side
                                       else WordLink(link.source, k, link.score, link.evidence))


def _attach_auxiliaries(alignment: WordAlignment, lang: LanguageResources) -> None:
    """An unaligned target auxiliary ("will", "has", "did") links to what the lexical verb after it is
    linked to: «aumentará» ↔ "will" + "increase". (Source auxiliaries are left alone: on the gold
    set, attaching them cost more wrong links than it found.)"""
    words = alignment.target
    linked = {link.target for link in alignment.links}
    auxiliaries = lang.analyser.auxiliaries
    for k, word in enumerate(words):
        if k in linked or word.pos not in auxiliaries:
            continue
        for verb in range(k + 1, min(len(words), k + 1 + AUXILIARY_REACH)):
            counterparts = alignment.sources_of(verb)
            if words[verb].pos in lang.analyser.verbs and counterparts:
                alignment.links.extend(WordLink(c, k, AUXILIARY, "auxiliary") for c in counterparts)
                break
            if words[verb].pos not in lang.analyser.adverbs | auxiliaries:
                break


def _attach_subjects(alignment: WordAlignment, source_lang: LanguageResources,
                     target_lang: LanguageResources) -> None:
    """In a pro-drop source, an unaligned target subject pronoun links to the source's finite verb
    that its own verb translates ("he said" for «dijo»): the ending carried the subject."""
    if not source_lang.pro_drop:
        return
    linked = {link.target for link in alignment.links}
    tags = target_lang.analyser
    for k, word in enumerate(alignment.target):
        if k in linked or tags.subject_pronoun not in word.tags:
            continue
        for verb in range(k + 1, min(len(alignment.target), k + 2 + AUXILIARY_REACH)):
            sources = [i for i in alignment.sources_of(verb) if alignment.source[i].pos in source_lang.analyser.verbs]
            if sources:
                alignment.links.append(WordLink(sources[0], k, IMPLIED_SUBJECT, "implied-subject"))
                break


def alignment_error_rate(predicted: set[tuple[int, int]], sure: set[tuple[int, int]],
                         possible: set[tuple[int, int]]) -> float:
    """AER (Och and Ney 2003) of predicted links against sure links and possible links (which
    include the sure ones): 1 − (|A ∩ S| + |A ∩ P|) / (|A| + |S|)."""
    if not predicted and not sure:
        return 0.0
    possible = possible | sure
    return 1 - (len(predicted & sure) + len(predicted & possible)) / (len(predicted) + len(sure))
