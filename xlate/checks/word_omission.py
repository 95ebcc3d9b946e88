"""Word-level omission (XL211): a subject, a verb or a noun of the source that the translation dropped,
where the hole it leaves in the translation's grammar shows it.

Comparing words alone cannot tell a dropped word from a free rendering: published translations
leave about one source content word in five without a dictionary counterpart, and on the dev set
every rule built on unaligned words alone flagged more clean passages than it caught dropped
words. A dropped subject or noun, though, breaks the grammar in a way a free rendering does not —
a verb marked for person with nothing before it that could be its subject ("Has caused a boom",
"if says no"), an article with no noun ("the of Enron", where a source noun is left unaligned).
(A verbless sentence was measured too: the English tagger takes too many verbs for nouns —
"currently stands at" — for it to tell a dropped verb from a clean sentence.)
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from xlate.checks.context import CheckContext
from xlate.checks.phrases import PHRASE_END, abbreviated, finite
from xlate.checks.registry import Hit, check
from xlate.checks.text import asks
from xlate.model import Sentence, Severity
from xlate.pairs import AnalyserTags, LanguageResources
from xlate.wordalign import COGNATE, Word, WordAlignment

# An article's noun may be missing after at most this many adjectives ("the second deadly against").
HEADLESS_MAX_ADJECTIVES = 2
# A modal this close after a conjunction may stand for the verb before it ("faster than they could in 2010").
ELLIPSIS_REACH = 3
# A verb group at a clause's start is read this many words far ("Do not know"); an inverted subject
# ("Had the government known") ends at most this many words after the verb.
VERB_GROUP = 3
INVERSION_REACH = 3
# Times of a source verb whose subject is stated or carried by its ending (not imperatives or subjunctives).
_STATED_SUBJECT_TIMES = frozenset({"present", "past", "future", "conditional"})


def _needs_subject(word: Word, lang: LanguageResources, *, after_conjunction: bool) -> bool:
    """A finite verb that cannot be an imperative or a participle and so needs a subject: one marked for
    person ("has", "says", "was"), an auxiliary or modal ("can", "were") — or, after a conjunction,
    where no imperative stands, any present ("because have to")."""
    if not finite(word, lang) or word.lemma in lang.verbs.imperative_auxiliaries:
        return False
    if any(t in lang.verbs.person for t in word.tags) or word.pos in lang.analyser.auxiliaries:
        return True
    return after_conjunction and any(lang.verbs.tenses.get(t) == "present" for t in word.tags)


def _sentence_words(alignment: WordAlignment, sentence: Sentence) -> list[int]:
    return [k for k, w in enumerate(alignment.target) if sentence.start <= w.start < sentence.end]


def _subject_dropped(ctx: CheckContext, alignment: WordAlignment, sentence: Sentence,
                     words: list[int], *, source_asks: bool) -> Hit | None:
    """A verb that needs a subject at the start of a sentence, or right after a subordinating
    conjunction ("if says no"), or a sentence that opens with a verb rendering a finite source verb
    ("Have no alternative" for «No tengo alternativa»); questions and inversions have their subject
    after the verb and are left alone, and so are target languages whose verbs carry their subject.
    A present auxiliary before a subject is a question only where the source asks one ("Is a real
    delight." for «Este motor es una delicia» has lost its subject)."""
    lang = ctx.pair.target
    if not words or lang.pro_drop or asks(sentence.text, lang.verbs.question_marks):
        return None
    text = ctx.doc.target.text
    for n, k in enumerate(words):
        word = alignment.target[k]
        previous = alignment.target[words[n - 1]] if n else None
        after_conjunction = previous is not None and previous.pos in lang.analyser.subordinators and (
            previous.lemma not in lang.verbs.verb_subordinators)
        if text[word.end : word.end + 1] == "-" or not (previous is None or after_conjunction):
            continue  # a compound ("Would-be recruits"), or not where a clause begins
        following = alignment.target[words[n + 1]] if n + 1 < len(words) else None
        if _needs_subject(word, lang, after_conjunction=after_conjunction) or (
                previous is None and _renders_finite(ctx, alignment, words[n : n + VERB_GROUP])
                and not _participle_phrase(word, following, text, lang)
                and not _inverted(alignment, words[n:], lang)):
            if following is not None and (following.pos in lang.analyser.names or (
                    word.pos in lang.analyser.auxiliaries and following.pos in lang.analyser.subjects
                    and ((_may_invert(word, lang) and _inverted(alignment, words[n:], lang)) or source_asks
                         or _personal_pronoun(following, lang)))):
                continue  # an inversion: "Says Reyes: …", "Should someone search …", "Is it …" (asked)
            return Hit(f"“{word.text}” has no subject", target_span=(word.start, word.end), confidence=0.6)
    return None


def _may_invert(word: Word, lang: LanguageResources) -> bool:
    """Whether an auxiliary may open a sentence before its subject outside a question: a modal or a past
    form in a conditional ("Should someone search …", "Had the board known …", "Were it not for …"),
    not a present one ("Is a real delight." has lost its subject)."""
    return word.pos in lang.analyser.modals or not any(lang.verbs.tenses.get(t) == "present" for t in word.tags)


def _personal_pronoun(word: Word, lang: LanguageResources) -> bool:
    """"it", "they", "he": after an auxiliary, a question that lost its mark ("Is it true …")."""
    tags = lang.analyser
    personal = {tags.subject_pronoun, tags.object_pronoun} - {""}  # a pair may name neither tag
    return bool(personal & set(word.tags))


def _renders_finite(ctx: CheckContext, alignment: WordAlignment, group: list[int]) -> bool:
    """Whether a verb group of the target (a verb with the auxiliaries and adverbs before it: "Do not
    know") opens with a verb and renders a finite source verb of the indicative or conditional
    («tengo», «introdujo»), whose subject the source states or its ending carries: a translation that
    starts there with a verb has dropped it. Source modals («hay que») and imperatives have none."""
    source, target = ctx.pair.source, ctx.pair.target
    first = alignment.target[group[0]] if group else None
    if first is None or first.pos not in target.analyser.verbs or target.verbs.gerund in first.tags or (
            first.lemma in target.verbs.exhortatives):
        return False  # a gerund opens a phrase of its own ("Losing the vote, the party …"); "Let's see"
    finite = {i for i, w in enumerate(alignment.source) if w.pos in source.analyser.verbs
              and w.pos not in source.analyser.modals and any(
                  source.verbs.tenses.get(t) in _STATED_SUBJECT_TIMES for t in w.tags)}
    for k in group:
        word = alignment.target[k]
        if word.pos not in target.analyser.verbs | target.analyser.adverbs:
            return False
        if any(link.target == k and link.source in finite and link.score >= COGNATE for link in alignment.links):
            return True
    return False


def _inverted(alignment: WordAlignment, group: list[int], lang: LanguageResources) -> bool:
    """A verb followed by a subject and then another verb: an inversion ("Had it done so, …", "Had the
    government known, …"), whose subject stands after the verb."""
    tags = lang.analyser
    after = [alignment.target[k] for k in group[1:INVERSION_REACH + 1]]
    return bool(after) and after[0].pos in tags.subjects - tags.nouns and any(w.pos in tags.verbs for w in after[1:])


def _participle_phrase(word: Word, following: Word | None, text: str, lang: LanguageResources) -> bool:
    """A participle or past form before a preposition or a comma opens a phrase of its own ("Founded in
    1937, the committee …", "Asked about it, she …"), whose subject comes later."""
    if not any(t == lang.verbs.participle or lang.verbs.tenses.get(t) == "past" for t in word.tags):
        return False
    return following is None or following.pos in lang.analyser.prepositions or "," in text[word.end : following.start]


def _noun_dropped(ctx: CheckContext, alignment: WordAlignment, words: list[int]) -> Hit | None:
    """An article, or an article and adjectives, followed by punctuation, a preposition, a conjunction or
    a verb ("the of Enron", "It is not an easy, but"), where a source noun is left unaligned."""
    lang, text = ctx.pair.target, ctx.doc.target.text
    tags = lang.analyser
    if not any(alignment.source[i].pos in ctx.pair.source.analyser.nouns for i in alignment.unaligned_source):
        return None
    for n, k in enumerate(words[:-1]):
        article = alignment.target[k]
        if article.lemma not in lang.verbs.articles or article.pos not in tags.determiners or (
                abbreviated(text, article, lang)):
            continue  # not an article, or an initial: "L. A. covers"
        adjectives = _headless_adjectives(ctx, alignment, words[n:])
        last = n + 1 + adjectives
        if last >= len(words):
            continue
        before, after = alignment.target[words[last - 1]], alignment.target[words[last]]
        gap = text[before.end : after.start].strip()
        if adjectives and ((not gap and after.pos in tags.coordinators) or (
                gap == "," and after.pos in tags.adjectives | tags.adverbs and not tags.relatives & set(after.tags))):
            continue  # more adjectives follow: "a long and complicated task", "a long, costly task"
        if (PHRASE_END.search(gap) and not gap.startswith("(")) or after.pos in tags.not_nouns:
            return Hit(f"“{text[article.start : before.end]}” lacks its noun", target_span=(before.end, before.end),
                       confidence=0.6)
    return None


def _modifier(word: Word, tags: AnalyserTags) -> bool:
    """An adjective or an ordinal: a word that waits for a noun after an article."""
    return word.pos in tags.adjectives or bool(tags.ordinals & set(word.tags))


def _headless_adjectives(ctx: CheckContext, alignment: WordAlignment, phrase: list[int]) -> int:
    """How many adjectives or ordinals right after an article (``phrase[0]``) wait for a noun: lower-case
    words with no punctuation before them, of which the last may not be comparative or superlative, nor
    a word WordNet also knows as a noun ("the poor", "the following", "the best of"), since those stand
    for a noun phrase of their own. (Letting a source adjective whose noun is unrendered override that
    caught about five more dropped nouns of the meaning tune fold and flagged three clean dev passages, all
    nominalised: "the poor" for «personas pobres», "the handicapped", "a huge positive" for «un enorme
    efecto positivo».) (Without WordNet, none counts.)"""
    if not ctx.engines.has_wordnet:
        return 0
    tags, text = ctx.pair.target.analyser, ctx.doc.target.text
    following = phrase[1:]
    count = 0
    for previous, k in itertools.pairwise(phrase[: HEADLESS_MAX_ADJECTIVES + 1]):
        word = alignment.target[k]
        if not _modifier(word, tags) or not word.text.isalpha() or (
                not word.text.islower()) or text[alignment.target[previous].end : word.start].strip():
            break  # a compound or a capitalised word may be a noun or a name ("a non-profit", "the Sportive")
        count += 1
    while count:
        last = alignment.target[following[count - 1]]
        if not (tags.graded & set(last.tags)) and not ctx.engines.wordnet.synsets(last.lemma, "n"):
            return count
        count -= 1
    return 0


def _clause_start(alignment: WordAlignment, words: list[int], n: int, text: str, tags: AnalyserTags) -> bool:
    """Whether the ``n``-th word of a sentence opens a clause: the sentence's first word, or one after
    punctuation, a conjunction or a relative pronoun."""
    if n == 0:
        return True
    previous, word = alignment.target[words[n - 1]], alignment.target[words[n]]
    return bool(PHRASE_END.search(text[previous.end : word.start])) or previous.pos in (
        tags.coordinators | tags.subordinators | tags.relatives)


def _verb_dropped(ctx: CheckContext, alignment: WordAlignment, sentence: Sentence, words: list[int]) -> Hit | None:
    """A modal or future auxiliary followed by an article or a number ("will the end of the year"), or by
    a preposition with no verb after it in its clause ("the rally will during the second week"); a
    subject pronoun followed by an article, a preposition or an adjective ("they an anti-Qaeda militia",
    "It important for us") — where a source verb has no target verb that its words vouch for (a link by
    position alone is a guess; a noun of the same sense, "price" for «costará», leaves the verb's place
    empty). A modal before a preposition just after a conjunction is elliptic: "faster than they could
    in 2010". (A relative pronoun before a preposition with no verb after it, "Hun Sen, who from the
    Khmer Rouge in 1978, has …", caught two dropped verbs of the tune fold and flagged two clean dev
    passages: "which in turn account for", whose verb the tagger reads as a noun, and "how much of".)"""
    lang, text = ctx.pair.target, ctx.doc.target.text
    tags, facts = lang.analyser, lang.verbs
    auxiliaries = facts.modals | facts.future | facts.conditional
    # (a future or conditional auxiliary joins the source verb it marks: "would" for «dependería» is no
    # rendering of the verb itself)
    rendered = {link.source for link in alignment.links if link.score >= COGNATE and (
        alignment.target[link.target].pos in tags.verbs) and alignment.target[link.target].lemma not in auxiliaries}
    if asks(sentence.text, facts.question_marks) or not any(
            w.pos in ctx.pair.source.analyser.verbs and i not in rendered for i, w in enumerate(alignment.source)):
        return None
    for n, k in enumerate(words[:-1]):
        word, after = alignment.target[k], alignment.target[words[n + 1]]
        if PHRASE_END.search(text[word.end : after.start]):
            continue
        lowered = word.text.lower()
        if facts.auxiliary_next_to_verb and n and word.pos in tags.auxiliaries and word.lemma in auxiliaries and (
                after.pos in tags.determiners or after.text[:1].isdigit() or (
                    after.pos in tags.prepositions and not _verb_follows(alignment, words, n + 1, text, tags)
                    and not any(alignment.target[j].pos in tags.coordinators | tags.subordinators
                                and alignment.target[j].lemma not in facts.complementizers
                                for j in words[max(0, n - ELLIPSIS_REACH) : n]))):
            return Hit(f"“{word.text}” lacks its verb", target_span=(word.start, after.end), confidence=0.6)
        subject = lowered in facts.subject_only or (
            lowered in facts.clause_subjects and _clause_start(alignment, words, n, text, tags))
        if subject and word.pos in tags.subjects and (after.pos in tags.determiners | tags.prepositions or (
                after.pos in tags.adjectives and not _may_be_verb(ctx, after))):
            return Hit(f"“{word.text}” has no verb", target_span=(word.start, after.end), confidence=0.6)
    return None


def _verb_follows(alignment: WordAlignment, words: list[int], n: int, text: str, tags: AnalyserTags) -> bool:
    """Whether a verb stands after the ``n``-th word of a sentence, before its clause ends."""
    for m in range(n + 1, len(words)):
        previous, word = alignment.target[words[m - 1]], alignment.target[words[m]]
        if PHRASE_END.search(text[previous.end : word.start]):
            return False
        if word.pos in tags.verbs:
            return True
    return False


def _may_be_verb(ctx: CheckContext, word: Word) -> bool:
    """Whether an adjective of the tagger's may be a verb after all ("I mean", "you better start"):
    WordNet has it as one (without WordNet, any may)."""
    if not ctx.engines.has_wordnet:
        return True
    wordnet = ctx.engines.wordnet
    return bool(wordnet.synsets(word.lemma, "v") or wordnet.synsets(word.text.lower(), "v"))


@check("XL211", "word-omission", "accuracy/omission", Severity.MAJOR, needs=("source-analysis", "target-analysis"),
       superseded_by=("XL201", "XL106", "XL206", "XL401", "XL402", "XL101", "XL102"))
def word_omission(ctx: CheckContext) -> Iterator[Hit]:
    """A subject, a verb or a noun of the source dropped, leaving a hole in the translation's grammar.

    What it flags:
        A verb marked for person with nothing before it that could be its
        subject ("Has caused a boom in sales", "if says no"); a sentence
        that opens with a verb rendering a source verb of the indicative,
        whose subject the source states or its ending carries ("Have no
        alternative" for «No tengo alternativa»; participle phrases, "Founded
        in 1937, …", and gerunds are left alone); a subject
        pronoun or a modal with no verb before the next article or preposition
        ("they an anti-Qaeda militia", "will the end of the year", "the rally
        will during the second week"), where no target verb renders a source
        verb; and an article, or an article and adjectives, whose noun is
        missing ("the collapse of the of Enron", "It is not an easy, but")
        where a source noun has no counterpart ("the second deadly against").
        Questions and inversions ("Is it …", "Says Reyes", "Had it done so")
        are left alone; a present auxiliary before a noun phrase ("Is a real
        delight.") is a question only where the source asks one. Elliptic
        modals ("than they could in 2010"), adjectives that stand for a noun
        phrase ("the poor", "the worst of it") and elliptic participles ("as
        reported") are left alone too.
    Why it matters:
        A dropped subject, verb or noun loses who did what to whom; the sentence no
        longer says what the source says.
    Example:
        Source: «Internet ha provocado un auge de las ventas.»
        Bad:    "Has caused a boom in sales."
        Good:   "The Internet has caused a boom in sales."
    Fix:
        Translate the missing word.
    """
    for link in ctx.doc.links:
        if not link.source or not link.target:
            continue
        alignment = ctx.word_alignment(link)
        source_asks = any(asks(s.text, ctx.pair.source.verbs.question_marks) for s in ctx.sources(link))
        for sentence in ctx.targets(link):
            words = _sentence_words(alignment, sentence)
            hit = _subject_dropped(ctx, alignment, sentence, words, source_asks=source_asks) or _noun_dropped(
                ctx, alignment, words) or (
                _verb_dropped(ctx, alignment, sentence, words))
            if hit is not None:
                yield hit
