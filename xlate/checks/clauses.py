"""Clause punctuation: a comma inside a clause where the target language forbids one and the source
has none ("The committee, was founded in 1937"), and two clauses run together where the source joins
them with a conjunction ("He was a good leader, he cared about his people").

The target's tagger says where a comma splits what belongs together: a preposition from its object,
an adjective or a noun from the noun it modifies, a subject noun phrase that opens the sentence or a
clause from its verb, a verb from its object. Such a comma is flagged only when the source words
that the word aligner links to the words around it have no punctuation between them: «El comité fue
fundado en 1937» has no comma to carry over, while "In the past, governments" for «En el pasado, los
gobiernos» keeps the source's.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from xlate.checks.context import CheckContext, PlacedToken
from xlate.checks.registry import Hit, check
from xlate.model import Link, Severity
from xlate.pairs import LanguageResources
from xlate.wordalign import DICTIONARY_STEM, Word, WordAlignment

# Marks of the source that justify a comma of the translation between the words they separate.
SOURCE_BREAKS = ",;:()[]—–-\"«»“”"
# How many words away from the comma an aligned word may stand to anchor it in the source.
ANCHOR_REACH = 4
# A source conjunction linked at least this strongly is rendered (a word linked by position only is not).
RENDERED_LINK = DICTIONARY_STEM
# A clause's finite verb stands within this many words of its subject's first word.
CLAUSE_REACH = 4
# Marks that join two clauses without a conjunction correctly.
SENTENCE_JOINS = ".;:—–-()"
# Marks after which a new sentence or clause begins (the segmenter may leave "Fla. Augustus" as one sentence).
CLAUSE_OPENERS = ".!?;:—\"“«("


def _finite(tags: tuple[str, ...], lang: LanguageResources) -> bool:
    """A conjugated verb, or a modal (always finite: "should", "will", though tagged infinitive)."""
    pos = tags[0] if tags else ""
    return pos in lang.analyser.modals or (pos in lang.analyser.verbs and any(t in lang.verbs.tenses for t in tags))


def _opening_noun_phrase(tokens: list[PlacedToken], lang: LanguageResources) -> bool:
    """True when ``tokens`` end with a bare noun phrase that opens its sentence or clause ("The
    youngest children", "Another hypothesis", "… means that the crew"), not one that follows a comma
    ("Franklin, 77, recalled")."""
    tags = lang.analyser
    start = len(tokens)
    while start > 0 and tokens[start - 1].token.pos not in tags.punctuation | tags.subordinators:
        start -= 1
    opener = tokens[start - 1].token if start > 0 else None
    # a subordinator right after a verb opens its object clause ("says that the board"); elsewhere it
    # may open a phrase (", as well as communities, must")
    after_verb = start >= 2 and tokens[start - 2].token.pos in tags.verbs
    if opener is not None and not (opener.pos in tags.subordinators and after_verb) and \
            opener.surface not in CLAUSE_OPENERS:
        return False
    tokens = tokens[start:]
    allowed = tags.determiners | tags.adjectives | tags.nouns | {"num", "predet", "prn"}
    return bool(tokens) and all(t.token.pos in allowed for t in tokens) and tokens[-1].token.pos in (
        tags.nouns | {"num", "prn"}) and tokens[0].token.pos not in tags.prepositions


def _noun_from_noun(tokens: list[PlacedToken], i: int, lang: LanguageResources) -> bool:
    """True when the comma at ``tokens[i]`` stands inside a determiner's noun compound ("the key,
    objectives", "their family, members"): a common noun on each side, a determiner before the first,
    no list going on after the second ("the bread, butter and jam") and no introductory phrase ending
    at the comma (a stretch with a preposition or a subordinator and no finite verb: "At the time,
    officials said", "Depending on the colour, photographs")."""
    tags = lang.analyser
    common = tags.nouns - tags.names
    if i < 2 or tokens[i - 1].token.pos not in common or tokens[i + 1].token.pos not in common or \
            tokens[i - 2].token.pos not in tags.determiners:
        return False
    following = tokens[i + 2].token if i + 2 < len(tokens) else None
    if following is not None and (following.surface == "," or following.pos in tags.coordinators):
        return False
    stretch = list(itertools.takewhile(lambda t: t.token.pos not in tags.punctuation, reversed(tokens[:i])))
    return not (any(t.token.pos in tags.prepositions | tags.subordinators for t in stretch)
                and not any(_finite(t.token.tags, lang) for t in stretch))


def _forbidden_comma(tokens: list[PlacedToken], i: int, lang: LanguageResources) -> str | None:
    """What the comma at ``tokens[i]`` splits, when English grammar forbids the comma there."""
    tags = lang.analyser
    left, right = tokens[i - 1].token, tokens[i + 1].token
    phrase = tags.determiners | tags.nouns | tags.adjectives | {"num"}
    suspended = any(b.token.surface == "," and a.token.pos in tags.prepositions
                    for a, b in itertools.pairwise(tokens[:i]))  # "complementary to, rather than substitutes of, local"
    if left.pos in tags.prepositions and right.pos in phrase and not suspended:
        return "a preposition from its object"
    if _noun_from_noun(tokens, i, lang):
        return "a noun from the noun it modifies"
    if left.pos in tags.adjectives and right.pos == "n" and i >= 2 and tokens[i - 2].token.pos in (
            tags.determiners | tags.adjectives) and (i + 2 >= len(tokens) or tokens[i + 2].token.pos not in tags.nouns
                                                     or tokens[i + 2].token.surface != ","):
        return "an adjective from its noun"
    if _finite(right.tags, lang) and _opening_noun_phrase(tokens[:i], lang):
        participle = right.pos not in tags.auxiliaries and (lang.verbs.participle in right.tags or "past" in right.tags)
        if not (participle and any(t.token.surface == "," for t in tokens[i + 2 :])):  # "The results, released …,"
            return "the subject from its verb"
    if left.pos in tags.verbs - tags.auxiliaries and _finite(left.tags, lang) and right.pos in tags.determiners \
            and i >= 2 and tokens[i - 2].token.pos in tags.nouns | {"prn"}:
        return "a verb from its object"
    return None


def _source_gap_has_break(ctx: CheckContext, link: Link, alignment: WordAlignment, start: int, end: int) -> bool | None:
    """Whether the source has punctuation between the words linked to the translation's words around
    ``start``..``end`` (the comma); None when too few of them are linked to tell."""
    before = [k for k, w in enumerate(alignment.target) if w.end <= start][-ANCHOR_REACH:]
    after = [k for k, w in enumerate(alignment.target) if w.start >= end][:ANCHOR_REACH]
    left = [s for k in reversed(before) if (s := alignment.sources_of(k))][:1]
    right = [s for k in after if (s := alignment.sources_of(k))][:1]
    if not left or not right:
        return None
    linked = left[0] + right[0]
    first, last = alignment.source[min(linked)], alignment.source[max(linked)]
    return any(mark in ctx.doc.source.text[first.end : last.start] for mark in SOURCE_BREAKS)


@check("XL111", "clause-comma", "fluency/punctuation", Severity.MINOR, needs=("source-analysis", "target-analysis"),
       superseded_by=("XL103", "XL102", "XL401", "XL206"))
def clause_comma(ctx: CheckContext) -> Iterator[Hit]:
    """A comma that splits a clause: "The committee, was founded in 1937".

    What it flags:
        A comma between a preposition and its object, an adjective or a noun
        and the noun it modifies ("the pension, system reform"), a subject noun
        phrase that opens the sentence or a clause and its verb, or a verb and
        its object, as the target's tagger reads the sentence,
        where the source words linked to the words around the comma have no
        punctuation between them.
    Why it matters:
        A comma inside a clause breaks the reading and is a typical trace of
        careless post-editing.
    Example:
        Source: «El comité fue fundado en 1937.»
        Bad:    "The committee, was founded in 1937."
        Good:   "The committee was founded in 1937."
    Fix:
        Delete the comma.
    """
    lang = ctx.pair.target
    for index, sentence in enumerate(ctx.doc.target.sentences):
        link = ctx.link_of_target(index)
        if link is None or not link.source or "," not in sentence.text:
            continue
        tokens = [t for t in ctx.target_tokens(sentence) or [] if t.end > t.start]
        for i in range(1, len(tokens) - 1):
            if tokens[i].token.surface != ",":
                continue
            what = _forbidden_comma(tokens, i, lang)
            if what is None or _source_gap_has_break(ctx, link, ctx.word_alignment(link), tokens[i].start,
                                                     tokens[i].end) is not False:
                continue
            yield Hit(f"this comma separates {what}; the source has no break here",
                      target_span=(tokens[i].start, tokens[i].end), confidence=0.6)


def _clause_starts(words: list[Word], k: int, text: str, lang: LanguageResources) -> bool:
    """True when ``words[k:]`` begin a clause of their own: a subject word, then a finite verb within
    CLAUSE_REACH words, with no conjunction or preposition on the way ("he cared about …"); a verb
    followed by a comma makes a parenthesis ("…, that is, …"), not a clause."""
    tags = lang.analyser
    if k >= len(words) or words[k].pos not in tags.subjects or tags.relatives & set(words[k].tags):
        return False  # no subject, or a relative clause ("…, which is true")
    for previous, word in itertools.pairwise(words[k : k + 1 + CLAUSE_REACH]):
        if any(mark in text[previous.end : word.start] for mark in ",;:"):
            return False  # "not minutes, the reminders are …": the word ends a phrase, no subject
        if _finite(word.tags, lang):
            return text[word.end : word.end + 1] != ","
        if word.pos in tags.coordinators | tags.subordinators | tags.prepositions:
            return False
    return False


def _main_clause_before(words: list[Word], left: int, text: str, lang: LanguageResources) -> bool:
    """True when the words up to ``words[left]`` end with a main clause: the last comma-delimited stretch
    with a finite verb has one before any subordinating conjunction ("If prices fall, …" needs no «y»;
    "It is hard because he has no job, we sell …" has run two clauses together), and no subordinate
    clause in it opens right after another's conjunction ("worry that if banks lack credit, they …":
    the "if" clause belongs to the clause after the comma)."""
    subordinators = lang.analyser.subordinators
    stretch: list[Word] = []
    for k in range(left, -1, -1):
        stretch.append(words[k])
        opens = k == 0 or any(mark in text[words[k - 1].end : words[k].start] for mark in ",;:")
        if opens and any(_finite(w.tags, lang) for w in stretch):
            ordered = stretch[::-1]
            if any(a.pos in subordinators and b.pos in subordinators for a, b in itertools.pairwise(ordered)):
                return False
            first = next(w for w in ordered if _finite(w.tags, lang) or w.pos in subordinators)
            return first.pos not in subordinators
        if opens:
            stretch = []
    return False


def _near_neighbours(alignment: WordAlignment, i: int, j: int) -> bool:
    """Whether target word ``j`` lies within CLAUSE_REACH words of where source word ``i``'s neighbours
    went (True when they went nowhere)."""
    around = [t for k in (i - 1, i + 1) for t in alignment.targets_of(k)]
    return not around or min(abs(j - a) for a in around) <= CLAUSE_REACH


def _rendered_nearby(alignment: WordAlignment, i: int) -> bool:
    """Whether source word ``i`` has a dictionary link to a target word near where its neighbours went:
    an "and" linked further off renders another «y» of the sentence."""
    return any(_near_neighbours(alignment, i, link.target) for link in alignment.links
               if link.source == i and link.score >= RENDERED_LINK)


def _dropped_conjunction(ctx: CheckContext, alignment: WordAlignment) -> Iterator[tuple[int, int, Word]]:
    """(start, end) of the place in the translation where a coordinating conjunction of the source
    that joins two clauses went missing, with that conjunction."""
    source_lang, target_lang = ctx.pair.source, ctx.pair.target
    text = ctx.doc.target.text
    for i, conjunction in enumerate(alignment.source):
        if conjunction.pos not in source_lang.analyser.coordinators:
            continue
        if conjunction.lemma in source_lang.negation.corrective:
            continue  # «no X sino Y» is "not X, (it is) Y": a comma renders it
        verb = next((w for w in alignment.source[i + 1 : i + 1 + CLAUSE_REACH + 2] if _finite(w.tags, source_lang)),
                    None)
        if verb is None or ctx.doc.source.text[verb.end : verb.end + 1] == ",":
            continue  # «y» joins words or phrases here, not two clauses; «o sea,» is a parenthesis
        # The second clause begins with the first translation of the nearest linked source word after
        # the conjunction; the first ends with the last word before it that renders a word before the
        # conjunction ("easy task" for «tarea fácil»).
        nearest = min((link.source for link in alignment.links if link.source > i), default=None)
        after = None if nearest is None else alignment.targets_of(nearest)[0]
        left = max((link.target for link in alignment.links if link.source < i and after is not None
                    and link.target < after), default=None)
        if left is None or after is None:
            continue
        if _rendered_nearby(alignment, i):
            continue
        gap = text[alignment.target[left].end : alignment.target[after].start]
        if any(mark in gap for mark in SENTENCE_JOINS):
            continue  # a semicolon, colon, dash or full stop joins the clauses
        joiners = target_lang.analyser.coordinators | target_lang.analyser.subordinators
        if any(alignment.target[j].pos in joiners for j in range(left + 1, after)):
            continue  # the translation joins the clauses its own way
        # the second clause starts at the last word up to ``after`` that opens one (past the rest of a
        # name the first clause ends with: "the former Khmer Rouge, they are powerless")
        start = next((k for k in range(after, left, -1) if _clause_starts(alignment.target, k, text, target_lang)),
                     None)
        if start is None or not _near_neighbours(alignment, i, start):
            continue  # no second clause, or one far from where the conjunction's neighbours went
        before = alignment.target[start - 1]
        if before.pos in joiners or target_lang.analyser.relatives & set(before.tags):
            continue  # "… in the van where it would be cooler": joined by the word before it
        if _main_clause_before(alignment.target, start - 1, text, target_lang):
            yield before.end, alignment.target[start].start, conjunction


@check("XL112", "missing-conjunction", "fluency/grammar", Severity.MINOR, needs=("source-analysis", "target-analysis"),
       superseded_by=("XL103", "XL102", "XL401", "XL206", "XL211"))
def missing_conjunction(ctx: CheckContext) -> Iterator[Hit]:
    """Two clauses run together where the source joins them with a conjunction: "He was a good leader, he cared".

    What it flags:
        A coordinating conjunction of the source («y», «pero», «o») between two
        clauses that the translation leaves out, running its two clauses together
        with a comma (a comma splice) or with nothing at all; the word aligner
        finds no counterpart for the conjunction near where it stood (an "and"
        further off renders another word) and the tagger sees a subject and a
        finite verb opening the second clause.
    Why it matters:
        A comma splice or run-on sentence reads as a mistake, and a lost «pero»
        also loses the contrast the source draws.
    Example:
        Source: «Era un buen líder y se preocupaba por su gente.»
        Bad:    "He was a good leader, he cared about his people."
        Good:   "He was a good leader and he cared about his people."
    Fix:
        Restore the conjunction, or split the sentence in two.
    """
    for link in ctx.doc.links:
        if not link.source or not link.target:
            continue
        for start, end, conjunction in _dropped_conjunction(ctx, ctx.word_alignment(link)):
            yield Hit(f"the clauses run together here; the source joins them with «{conjunction.text}»",
                      target_span=(start, end), source_span=(conjunction.start, conjunction.end), confidence=0.6)
