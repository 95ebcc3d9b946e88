"""Verbs: tense, aspect and mood of aligned verbs; a question rendered as a statement or the reverse.

Each verb group is read with its language's facts (pairs/grammar.py): the first finite word of the
group gives the time (an auxiliary of the future or the conditional, the perfect's auxiliary, a
periphrastic future such as «ir a» or "going to", else the verb's own tense tag), and a progressive
auxiliary before a gerund gives the aspect. Verbs linked by the word alignment are then compared,
and only contradictions are reported: a future rendered as a past or the reverse, a past rendered
as one in progress, a question rendered as a statement. A future whose sentence has no verb that is
not in a past time is one too, linked or not. The Spanish conditional of reported
facts, the historical present, the present for a scheduled future, a past told in the present and
a guess about the past ("will have thought") are left alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from xlate.checks.context import CheckContext
from xlate.checks.registry import Hit, check
from xlate.checks.text import asks
from xlate.model import Severity
from xlate.pairs import LanguageResources
from xlate.wordalign import POSITION, Word, WordAlignment

# How far back from a verb its auxiliaries may stand ("will not have been …").
AUXILIARY_REACH = 4
# Time classes that contradict each other: (source time, target time). A past rendered as a present
# is not among them: on the development set every such pair in the published translations was a
# narrative present, a habitual, a verb of saying or a past form that looks like a present ("read").
CONTRADICTIONS = frozenset({
    ("future", "past"), ("future", "present-perfect"), ("future", "past-perfect"),
    ("past", "future"), ("present-perfect", "future"), ("past-perfect", "future"),
})
# The times of a verb that tells of the past.
PAST_TIMES = frozenset({"past", "present-perfect", "past-perfect"})


@dataclass(frozen=True, slots=True)
class VerbGroup:
    """A verb with its auxiliaries: where it is, its time and whether it is in progress."""

    first: int  # index of the group's first word
    verb: int  # index of the lexical verb
    time: str | None  # None when non-finite or modal
    progressive: bool


def _finite_time(word: Word, lang: LanguageResources) -> str | None:
    return next((lang.verbs.tenses[t] for t in word.tags if t in lang.verbs.tenses), None)


def verb_group(words: list[Word], k: int, lang: LanguageResources) -> VerbGroup:
    """The verb group whose lexical verb is ``words[k]`` (see the module docstring)."""
    facts, tags = lang.verbs, lang.analyser
    go, to = facts.going_to
    reach = 3 if to else 2  # the verb "go" stands this far back: «va a subir», «va augmenter»
    first = k
    for j in range(k - 1, max(-1, k - 1 - AUXILIARY_REACH), -1):
        word = words[j]
        lowered = word.text.lower()
        particle = to and lowered == to and j == k - 1
        if word.pos in tags.auxiliaries or particle or (go and word.lemma == go and j == k - reach + 1) or (
                word.lemma in (facts.perfect, facts.progressive) and word.pos in tags.verbs):
            first = j
        elif not (word.pos in tags.adverbs or lowered in lang.negation.negators or word.pos == "prn"):
            break
    group = words[first : k + 1]
    lemmas = [w.lemma for w in group]
    progressive = facts.gerund in words[k].tags
    if any(lemma in facts.modals for lemma in lemmas[:-1]) or words[k].lemma in facts.modals:
        return VerbGroup(first, k, None, progressive)
    if any(lemma in facts.future for lemma in lemmas[:-1]):
        if facts.perfect in lemmas[:-1] and facts.participle in words[k].tags:
            return VerbGroup(first, k, None, progressive)  # "will have thought": a guess about the past
        return VerbGroup(first, k, "future", progressive)
    if any(lemma in facts.conditional for lemma in lemmas[:-1]):
        return VerbGroup(first, k, "conditional", progressive)
    if go and len(group) >= reach and (not to or group[-2].text.lower() == to) and group[-reach].lemma == go and (
            facts.infinitive in words[k].tags or to):
        carrier = group[-reach] if not facts.going_to_gerund else next(
            (w for w in group[:-reach] if _finite_time(w, lang)), None)
        carrier_time = _finite_time(carrier, lang) if carrier else None
        return VerbGroup(first, k, "future" if carrier_time == "present" else "conditional", progressive)
    finite = next(((w, t) for w in group if (t := _finite_time(w, lang))), None)
    if finite is None:
        return VerbGroup(first, k, None, progressive)
    word, time = finite
    if word.lemma == facts.perfect and facts.participle in words[k].tags and time in ("present", "past"):
        time = f"{time}-perfect"
    return VerbGroup(first, k, time, progressive)


def _main_verbs(words: list[Word], lang: LanguageResources) -> list[int]:
    """Lexical verbs, and auxiliaries used as main verbs ("is" in "it is late")."""
    tags = lang.analyser
    out = []
    for k, word in enumerate(words):
        if word.pos not in tags.verbs:
            continue
        nxt = next((j for j in range(k + 1, min(len(words), k + 1 + AUXILIARY_REACH))
                    if words[j].pos in tags.verbs), None)
        if word.pos not in tags.auxiliaries or nxt is None:
            out.append(k)
    return out


@check("XL210", "tense-mood", "accuracy/mistranslation", Severity.MAJOR, needs=("source-analysis", "target-analysis"),
       superseded_by=("XL401", "XL206", "XL403", "XL402", "XL203", "XL208"))
def tense_mood(ctx: CheckContext) -> Iterator[Hit]:
    """A verb whose tense, aspect or mood contradicts its source; a question made a statement.

    What it flags:
        An aligned verb whose time contradicts the source's: a future rendered
        as a past ("visited" for «visitará») or the reverse, a completed past
        rendered as an action in progress ("was building" for «construyó»); a
        future in a sentence whose source tells only of the past, even where
        no word links the verbs; and a sentence that asks where its source
        states, or the reverse. Reported-speech
        backshift ("said it would" for «dijo que hará»), the Spanish conditional
        of unconfirmed reports, the historical present and headlines are left alone.
    Why it matters:
        A promise reported as done, or a done deal reported as planned, misleads
        readers about what has happened.
    Example:
        Source: «El ministro visitará Lima el martes.»
        Bad:    "The minister visited Lima on Tuesday."
        Good:   "The minister will visit Lima on Tuesday."
    Fix:
        Put the verb in the source's tense; restore the question mark (or remove it).
    """
    source_lang, target_lang = ctx.pair.source, ctx.pair.target
    for link in ctx.doc.links:
        if not link.source or not link.target:
            continue
        sources, targets = ctx.sources(link), ctx.targets(link)
        if len(sources) == len(targets) == 1:
            asked = asks(sources[0].text, source_lang.verbs.question_marks)
            asking = asks(targets[0].text, target_lang.verbs.question_marks)
            if asked != asking:
                what = "states what the source asks" if asked else "asks what the source states"
                yield Hit(f"the translation {what}", target_span=(targets[0].start, targets[0].end),
                          source_span=(sources[0].start, sources[0].end), confidence=0.6)
                continue
        alignment = ctx.word_alignment(link)
        hit = _tense_contradiction(alignment, source_lang, target_lang) or _future_of_a_past(
            alignment, source_lang, target_lang)
        if hit is not None:
            yield hit


def _tense_contradiction(alignment: WordAlignment, source_lang: LanguageResources,
                         target_lang: LanguageResources) -> Hit | None:
    """The first verb linked by word evidence whose time contradicts its source's. (Verbs paired only by
    position were tried too: on the French tune fold they paired a historic future, «il reprendra le
    personnage», with its past rendering, and requiring dictionary links around them lost the Spanish
    catches.)"""
    target_verbs = set(_main_verbs(alignment.target, target_lang))
    for i in _main_verbs(alignment.source, source_lang):
        partners = [j for j in alignment.targets_of(i) if j in target_verbs]
        if not partners:
            continue
        if all(link.score <= POSITION for link in alignment.links if link.source == i and link.target in partners):
            continue
        source = verb_group(alignment.source, i, source_lang)
        target = verb_group(alignment.target, partners[0], target_lang)
        problem = _contradiction(source, target, alignment, source_lang)
        if problem:
            first, last = alignment.target[target.first], alignment.target[target.verb]
            verb = alignment.source[i]
            return Hit(f"{problem} (source «{verb.text}»)", target_span=(first.start, last.end),
                       source_span=(verb.start, verb.end), confidence=0.6)
    return None


def _future_of_a_past(alignment: WordAlignment, source_lang: LanguageResources,
                      target_lang: LanguageResources) -> Hit | None:
    """A future of the translation in a link whose source tells only of the past: no source verb is in
    the present, the future, the conditional or the subjunctive, at least one is in a past («dijo» →
    "he will say"). It needs no word link, which free renderings often lack."""
    source_groups = [verb_group(alignment.source, i, source_lang) for i in _main_verbs(alignment.source, source_lang)]
    times = {g.time for g in source_groups} - {None}
    if not times or not times <= PAST_TIMES:
        return None
    for j in _main_verbs(alignment.target, target_lang):
        target = verb_group(alignment.target, j, target_lang)
        if target.time == "future":
            past = next(alignment.source[g.verb] for g in source_groups if g.time in PAST_TIMES)
            first, last = alignment.target[target.first], alignment.target[target.verb]
            return Hit(f"the translation puts in the future what the source tells in the past (source «{past.text}»)",
                       target_span=(first.start, last.end), source_span=(past.start, past.end), confidence=0.6)
    return None


def _contradiction(source: VerbGroup, target: VerbGroup, alignment: WordAlignment,
                   source_lang: LanguageResources) -> str | None:
    if source.time is None or target.time is None:
        return None
    if (source.time, target.time) in CONTRADICTIONS:
        return f"the translation puts in the {target.time.replace('-', ' ')} what the source puts in the " \
               f"{source.time.replace('-', ' ')}"
    perfective = _finite_tag(alignment, source, source_lang) in source_lang.verbs.perfective
    if target.progressive and not source.progressive and source.time == target.time == "past" and perfective:
        return "the translation makes a completed action one in progress"
    return None


def _finite_tag(alignment: WordAlignment, group: VerbGroup, lang: LanguageResources) -> str | None:
    words = alignment.source[group.first : group.verb + 1]
    return next((t for w in words for t in w.tags if t in lang.verbs.tenses), None)
