"""Word-level omission and addition: a subject or a noun of the source that the translation dropped,
where the hole it leaves in the translation's grammar shows it; an aside of the translation that
no source word accounts for.

Comparing words alone cannot tell a dropped word from a free rendering: published translations
leave about one source content word in five without a dictionary counterpart, and on the dev set
every rule built on unaligned words alone flagged more clean passages than it caught dropped
words. A dropped subject or noun, though, breaks the grammar in a way a free rendering does not —
a verb marked for person with nothing before it that could be its subject ("Has caused a boom",
"if says no"), an article with no noun ("the of Enron", where a source noun is left unaligned).
(A verbless sentence was measured too: the English tagger takes too many verbs for nouns —
"currently stands at" — for it to tell a dropped verb from a clean sentence.) An addition is
judged the same way, by its shape: an aside set off by punctuation whose words nothing links,
where the source between its neighbours' partners is all rendered.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from xlate.checks.context import CheckContext
from xlate.checks.registry import Hit, check
from xlate.checks.text import asks, is_abbreviation
from xlate.checks.text import words as text_words
from xlate.model import Link, Sentence, Severity
from xlate.pairs import AnalyserTags, LanguageResources
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
# Punctuation that ends a noun phrase (a quotation mark does not: the "pre-packaged" plan).
_PHRASE_END = re.compile(r"[.,;:!?()\[\]]")


def _finite(word: Word, lang: LanguageResources) -> bool:
    """A verb with a tense (not a gerund, participle or infinitive: "being", "having"), or a modal."""
    return word.pos in lang.analyser.verbs and (
        any(t in lang.verbs.tenses for t in word.tags) or word.pos in lang.analyser.modals)


def _needs_subject(word: Word, lang: LanguageResources, *, after_conjunction: bool) -> bool:
    """A finite verb that cannot be an imperative or a participle and so needs a subject: one marked for
    person ("has", "says", "was"), an auxiliary or modal ("can", "were") — or, after a conjunction,
    where no imperative stands, any present ("because have to")."""
    if not _finite(word, lang) or word.lemma in lang.verbs.imperative_auxiliaries:
        return False
    if any(t in lang.verbs.person for t in word.tags) or word.pos in lang.analyser.auxiliaries:
        return True
    return after_conjunction and any(lang.verbs.tenses.get(t) == "present" for t in word.tags)


def _sentence_words(alignment: WordAlignment, sentence: Sentence) -> list[int]:
    return [k for k, w in enumerate(alignment.target) if sentence.start <= w.start < sentence.end]


def _subject_dropped(ctx: CheckContext, alignment: WordAlignment, sentence: Sentence,
                     words: list[int]) -> Hit | None:
    """A verb that needs a subject at the start of a sentence, or right after a subordinating
    conjunction ("if says no"), or a sentence that opens with a verb rendering a finite source verb
    ("Have no alternative" for «No tengo alternativa»); questions and inversions have their subject
    after the verb and are left alone, and so are target languages whose verbs carry their subject."""
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
                    word.pos in lang.analyser.auxiliaries and following.pos in lang.analyser.subjects)):
                continue  # an inversion: "Says Reyes: …", "Should someone search …", "Is it …"
            return Hit(f"“{word.text}” has no subject", target_span=(word.start, word.end), confidence=0.6)
    return None


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
                _abbreviated(text, article, lang)):
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
        if (_PHRASE_END.search(gap) and not gap.startswith("(")) or after.pos in tags.not_nouns:
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
    return bool(_PHRASE_END.search(text[previous.end : word.start])) or previous.pos in (
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
    rendered = {link.source for link in alignment.links
                if link.score >= COGNATE and alignment.target[link.target].pos in tags.verbs}
    if asks(sentence.text, facts.question_marks) or not any(
            w.pos in ctx.pair.source.analyser.verbs and i not in rendered for i, w in enumerate(alignment.source)):
        return None
    auxiliaries = facts.modals | facts.future | facts.conditional
    for n, k in enumerate(words[:-1]):
        word, after = alignment.target[k], alignment.target[words[n + 1]]
        if _PHRASE_END.search(text[word.end : after.start]):
            continue
        lowered = word.text.lower()
        if facts.auxiliary_next_to_verb and n and word.pos in tags.auxiliaries and word.lemma in auxiliaries and (
                after.pos in tags.determiners or after.text[:1].isdigit() or (
                    after.pos in tags.prepositions and not _verb_follows(alignment, words, n + 1, text, tags)
                    and not any(alignment.target[j].pos in tags.coordinators | tags.subordinators
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
        if _PHRASE_END.search(text[previous.end : word.start]):
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
        Questions and inversions ("Is it …", "Says Reyes", "Had it done so"),
        elliptic modals ("than they could in 2010"), adjectives that stand for
        a noun phrase ("the poor", "the worst of it") and elliptic participles
        ("as reported") are left alone.
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
        for sentence in ctx.targets(link):
            words = _sentence_words(alignment, sentence)
            hit = _subject_dropped(ctx, alignment, sentence, words) or _noun_dropped(ctx, alignment, words) or (
                _verb_dropped(ctx, alignment, sentence, words))
            if hit is not None:
                yield hit


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
                _finite(words[j], ctx.pair.target) for j in aside):
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
            if _PHRASE_END.search(text[a.end : b.start]) and not _abbreviated(text, a, lang):
                break
            i = nxt
            if not _abbreviated(text, source[i], lang):
                near.append(i)
    return near


def _abbreviated(text: str, word: Word, lang: LanguageResources) -> bool:
    """Whether a word is written as an abbreviation or an initial, its period right after it («Sr.»,
    the "A." of "L. A.")."""
    return text[word.end : word.end + 1] == "." and is_abbreviation(text[word.start : word.end + 1], lang)


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
