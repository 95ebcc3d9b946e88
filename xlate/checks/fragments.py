"""Broken sentences: fragments split off, breaks inside a clause, translations that stop short."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from xlate.checks.context import CheckContext, PlacedToken
from xlate.checks.registry import Hit, check
from xlate.checks.text import (
    CLOSING_QUOTES,
    OPENING_QUOTES,
    ends_sentence,
    is_abbreviation,
    is_dotted_abbreviation,
    words,
)
from xlate.checks.text import previous_word as _previous_word
from xlate.model import Sentence, Severity
from xlate.pairs import AnalyserTags
from xlate.similarity import chrf

# A verbless piece this short (in words) after a split is a fragment, not a stylistic one-liner.
MAX_FRAGMENT_WORDS = 4
# A final sentence shorter than this share of its pseudo-reference has probably been cut.
TRUNCATION_LENGTH_RATIO = 0.5
# … but only when it matches the start of the pseudo-reference at least this well (chrF 0–100).
TRUNCATION_PREFIX_CHRF = 45.0

_BREAK_LOWER = re.compile(r"(?<![.\s])\.[ \t]+([" + re.escape(OPENING_QUOTES + "(") + r"]?)([a-z][\w'’-]*)")


@check("XL102", "midclause-break", "fluency/punctuation", Severity.MAJOR, superseded_by=("XL104",))
def midclause_break(ctx: CheckContext) -> Iterator[Hit]:
    """A full stop inside a clause: the next word goes on in lower case.

    What it flags:
        A period followed by a word in lower case ("the wall. barrier, but"), where
        the period is not part of an abbreviation ("p.m.", "U.S.", "e.g.").
    Why it matters:
        Machine translation pipelines that re-segment text leave periods inside
        clauses; readers stumble and the sentence reads as two broken halves.
    Example:
        Source: «no se destinará a una ampliación física del muro, sino…»
        Bad:    "will not be allocated for a physical expansion of the wall. barrier, but…"
        Good:   "will not be allocated for a physical expansion of the barrier, but…"
    Fix:
        Delete the stray period and re-read the clause against the source.
    """
    text = ctx.doc.target.text
    for paragraph in ctx.doc.target.paragraphs:
        for match in _BREAK_LOWER.finditer(text, paragraph.start, paragraph.end):
            if is_abbreviation(_previous_word(text, match.start() + 1), ctx.pair.target):
                continue
            if any(c.isupper() for c in match.group(2)):
                continue  # brands written in lower case: "eBay", "iPhone"
            word_end = match.end(2)
            yield Hit(
                f"sentence break inside a clause before {match.group(2)!r}",
                target_span=(match.start(), word_end),
                suggestion=f" {match.group(1)}{match.group(2)}",
                confidence=0.9,
            )


def _sentence_tokens(ctx: CheckContext, sentence: Sentence) -> list[PlacedToken]:
    return ctx.target_tokens(sentence) or []


def _is_verbless(tokens: list[PlacedToken], tags: AnalyserTags) -> bool:
    return not any(t.token.pos in tags.verbs for t in tokens)


def _is_finiteless(tokens: list[PlacedToken], tags: AnalyserTags) -> bool:
    """No finite verb: participles and gerunds ("Based in Elvas.") do not make a sentence; a subject
    pronoun followed by a verb or a word the analyser lacks ("I stumbled over it.") does."""
    if any(t.token.pos in tags.verbs and not tags.non_finite & set(t.token.tags) for t in tokens):
        return False
    return not any(tags.subject_pronoun in a.token.tags and (b.token.pos in tags.verbs or not b.token.known)
                   for a, b in itertools.pairwise(tokens))


def _dangles(token: PlacedToken, tags: AnalyserTags) -> bool:
    """Whether a word may follow a post-posed adjective split off its noun ("courts. Swedish for …")."""
    return token.token.pos in tags.prepositions | tags.coordinators | tags.subordinators | tags.punctuation


def _is_proper_in(pseudo: str, adjective: str) -> bool:
    """True when the pseudo-reference capitalises the adjective mid-sentence (a demonym, "Swedish")."""
    for match in re.finditer(rf"\b{re.escape(adjective)}\b", pseudo):
        before = pseudo[: match.start()].rstrip()
        if before and before[-1] not in ".!?:\"“«":
            return True
    return False


def _adjective_joins_source_phrase(pseudo: str, adjective: str, noun: str) -> bool:
    """True when the pseudo-reference puts the adjective right next to the noun ("Swedish courts")."""
    adj = re.escape(adjective.lower())
    stem = re.escape(noun.lower().rstrip("s"))
    return re.search(rf"\b{adj}\s+{stem}\w*|\b{stem}\w*\s+{adj}\b", pseudo.lower()) is not None


@check("XL101", "fragment-split", "fluency/grammar", Severity.MAJOR, needs=("target-analysis",))
def fragment_split(ctx: CheckContext) -> Iterator[Hit]:
    """A sentence split in two, leaving a verbless fragment: "the exodus. Venezuelan."

    What it flags:
        A sentence break the source does not have (both pieces align with one
        source sentence), after which a capitalised adjective (often a demonym)
        stands alone or dangles before a preposition or conjunction, or which
        the source renders as one phrase with the noun before the break
        ("éxodo venezolano" → "the exodus. Venezuelan."); or after which a
        phrase of at most four words with no finite verb stands alone
        ("…to call elections. In the department."). A break after an ellipsis
        ("management... Brazil in 2014.") or an abbreviation ("at 6 a.m.
        Tuesday.") is no split.
    Why it matters:
        The fragment reads as an error and the adjective loses its noun, so the
        meaning of the phrase is lost.
    Example:
        Source: «…refiriéndose al éxodo venezolano.»
        Bad:    "…referring to the exodus. Venezuelan."
        Good:   "…referring to the Venezuelan exodus."
    Fix:
        Remove the break and put the adjective back with its noun.
    """
    sentences, tags = ctx.doc.target.sentences, ctx.pair.target.analyser
    for left, right in itertools.pairwise(sentences):
        ending = left.text.rstrip(CLOSING_QUOTES)
        if left.paragraph != right.paragraph or not ending.endswith(".") or ending.endswith("..") or (
                is_dotted_abbreviation(_previous_word(ending, len(ending)), ctx.pair.target)):
            # an ellipsis is a break by choice; after "a.m." the segmenter guessed one ("6 a.m. Tuesday"),
            # which a short capitalised word does not leave open ("…said the EU.")
            continue
        link = ctx.link_of_target(right.index)
        if link is None or (link.source and left.index not in link.target):
            continue  # the source has a break here too
        right_tokens = _sentence_tokens(ctx, right)
        left_tokens = _sentence_tokens(ctx, left)
        words_only = [t for t in right_tokens if t.token.pos not in tags.punctuation]
        if not words_only or not right.text[:1].isupper():
            continue
        if words_only[0].token.pos not in tags.adjectives:
            if link.source and _is_finiteless(right_tokens, tags) and len(words_only) <= MAX_FRAGMENT_WORDS:
                # a short phrase with no finite verb, split from a sentence the source has as one
                period = left.start + len(left.text.rstrip(CLOSING_QUOTES)) - 1
                yield Hit(f"“{right.text}” is a fragment split off the previous sentence",
                          target_span=(period, right.end), confidence=0.7)
            continue
        adjective = words_only[0]
        nouns = [t for t in left_tokens if t.token.pos in tags.nouns]
        position = right_tokens.index(adjective)
        following = right_tokens[position + 1 : position + 3]
        stands_alone = _is_verbless(right_tokens, tags) and len(words_only) <= MAX_FRAGMENT_WORDS
        dangles = bool(following) and _dangles(following[0], tags)
        pseudo = ctx.pseudo_reference(ctx.sources(link)) or ""
        left_words = [t for t in left_tokens if t.token.pos not in tags.punctuation]
        ends_on_noun = bool(left_words) and left_words[-1].token.pos in tags.nouns
        # "Mexican officials…", "Spanish economic growth…": the adjective heads a noun phrase
        after = [t.token.pos for t in following]
        heads_noun = bool(after) and (after[0] in tags.nouns or (
            after[0] in tags.adjectives and len(after) > 1 and after[1] in tags.nouns))
        joins = bool(nouns) and ((ends_on_noun and not heads_noun) or _adjective_joins_source_phrase(
            pseudo, adjective.token.surface, nouns[-1].token.surface))
        # in a language whose adjectives follow their noun, one that opens a sentence after a noun is split off it
        post_nominal = ctx.pair.target.adjective_after_noun and ends_on_noun
        proper = _is_proper_in(pseudo, adjective.token.surface)
        if not (stands_alone or post_nominal or (proper and (dangles or joins))):
            continue
        period = left.start + len(left.text.rstrip(CLOSING_QUOTES)) - 1
        noun = nouns[-1].token.surface if nouns else "its noun"
        yield Hit(
            f"{adjective.token.surface!r} is split off from {noun!r} into a verbless fragment",
            target_span=(period, adjective.end),
            suggestion=f"{adjective.token.surface} {noun}" if nouns else None,
            confidence=0.9 if (stands_alone or joins) else 0.7,
        )


def _last_sentences(ctx: CheckContext) -> Iterator[Sentence]:
    for paragraph in ctx.doc.target.paragraphs:
        if paragraph.sentences:
            yield ctx.doc.target.sentences[paragraph.sentences[-1]]


@check("XL106", "truncation", "accuracy/omission", Severity.MAJOR)
def truncation(ctx: CheckContext) -> Iterator[Hit]:
    """The translation stops mid-sentence.

    What it flags:
        A paragraph whose last target sentence has no final punctuation while its
        source has one, ends on a word that cannot end an English sentence
        ("for his", "is"), or is far shorter than the translation of its source.
    Why it matters:
        Cut-off output (length limits, pipeline errors) silently drops the end of
        a passage; readers lose facts, often the conclusion.
    Example:
        Source: «…había solicitado miles de libras para su jardín.»
        Bad:    "…he had claimed thousands of pounds for his"
        Good:   "…he had claimed thousands of pounds for his garden."
    Fix:
        Re-translate the passage from where it stops.
    """
    non_final = ctx.pair.target.non_final_words
    for sentence in _last_sentences(ctx):
        link = ctx.link_of_target(sentence.index)
        sources = ctx.sources(link) if link else []
        if not sources or not ends_sentence(sources[-1].text):
            continue  # headings, captions and credits end without a full stop in both languages
        last_words = list(words(ctx.doc.target.text, sentence.start, sentence.end))
        if not last_words:
            continue
        last, l_start, _ = last_words[-1]
        end = sentence.end
        if sentence.text[-1].isalnum() or sentence.text[-1] in ",;:-–":
            yield Hit("the translation stops mid-sentence (no final punctuation)",
                      target_span=(l_start, end), confidence=0.85)
        elif last.lower() in non_final and len(last_words) > 1:
            yield Hit(f"the sentence ends on {last!r}, which cannot end an English sentence",
                      target_span=(l_start, end), confidence=0.8)
        elif link is not None and link.target and link.target[-1] == sentence.index:
            pseudo = ctx.pseudo_reference(sources)
            text = " ".join(s.text for s in ctx.targets(link))
            cut_short = bool(pseudo) and len(text) < TRUNCATION_LENGTH_RATIO * len(pseudo or "")
            if cut_short and chrf(text, (pseudo or "")[: len(text) + 10]) >= TRUNCATION_PREFIX_CHRF:
                yield Hit("the translation is much shorter than its source and looks cut off",
                          target_span=(l_start, end), confidence=0.6)
