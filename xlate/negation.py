"""Negation: which words of one side of a sentence link stand under a negation, and what each
negator negates.

A negator opens a negative scope that covers its clause, up to punctuation (closing it at
conjunctions and relative pronouns too cost eight false alarms on the dev set for two catches).
Words that negate without being a negation to compare («sin», "without"), verbs that hold a
negation ("refused", «negar») and words negated by an affix ("unprepared") cover what follows them.
Fixed expressions with a negator do not negate («no obstante», "no matter"; «no … más que» =
"only"); approximate ones ("almost no") weaken like «sin».
Spanish negative concord is one negation («no vino nadie» = "nobody came"), and so is French «ne … pas»,
whose «ne» alone negates nothing («avant qu'il ne parte»; «ne … que» = "only"). The facts come from
the language's resources (pairs/grammar.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from xlate.pairs import LanguageResources
from xlate.wordalign import Word

# Punctuation that closes a clause, and with it a negative scope (quotation marks do not: "not
# “guided by egoism”").
CLAUSE_END = re.compile(r"[.!?…,;:()\[\]–—]")
# Punctuation that ends the reach of negative concord (a parenthetical between commas does not).
_CONCORD_END = re.compile(r"[.!?…;:()\[\]\"“”«»]")
# What follows a negator in a tag question («¿no?»), and what follows "No" as the abbreviation of "number".
_TAG_QUESTION = re.compile(r"\s*\?")
_NUMBER_SIGN = re.compile(r"\.?\s?\d")
# The concord marker of an approximate negation ("almost no one … not even"): its concord words add none.
APPROXIMATE = -1
# A negated verb's object counts at most this many content words.
OBJECT_WORDS = 2
# A negated word this long that starts with a negative prefix makes a litotes ("not unusual").
LITOTES_MIN_LENGTH = 6
# What a negative affix leaves of a word the analyser does not know is a word only from this length
# ("unhurt" is "hurt" negated; "unit" is no "it").
UNKNOWN_STEM_MIN_LENGTH = 4


@dataclass(frozen=True, slots=True)
class Polarity:
    """One side's negations: each negator with the word it negates (its head), and every word that
    stands in some negative scope."""

    heads: dict[int, list[int]]  # negator → what it negates, and what its concord words negate
    negated: set[int]  # every word of a clause that holds a negation (or «sin», a verb of negation, …)
    explicit: set[int]  # every word of a clause that holds a negator ("not", «no», "never", …)


def _is_negator(word: Word, lang: LanguageResources) -> bool:
    """A negator, or a multiword token that holds one ("with no", "didn't")."""
    text = word.text.lower().replace("’", "'")
    negators = lang.negation.negators
    return text in negators or any(part in negators for part in text.split()) or (
        "n't" in negators and text.endswith("n't"))


_TRAILING_MARKS = re.compile(r"[^\w\s]*")


def _matches(patterns: tuple[str, ...], text: str, start: int, end: int) -> list[tuple[int, int]]:
    lowered = text[start:end].lower()
    return [(start + m.start(), start + m.end()) for pattern in patterns for m in re.finditer(pattern, lowered)]


def lexically_negative(word: Word, lang: LanguageResources) -> bool:
    """An adjective, adverb or participle negated by an affix: "unprepared", "inaccurately", "powerless",
    «ilegal» (or a word the analyser does not know: "unhurt"). Where the language has a word list, what
    the affix leaves must be a word of it ("important" carries no negative prefix), of some length where
    the analyser does not know the word."""
    lowered, facts, wordlist = word.text.lower(), lang.negation, lang.wordlist
    # (adverbs only where a word list can tell «incluso» from "inaccurately")
    describes = word.pos in lang.analyser.adjectives | (lang.analyser.adverbs if wordlist else frozenset()) or (
        lang.verbs.participle in word.tags) or not word.pos
    if not describes or len(lowered) < LITOTES_MIN_LENGTH:
        return False
    stems = [lowered[len(p) :] for p in facts.prefixes if lowered.startswith(p)] + [
        lowered[: -len(x)] for x in facts.suffixes if lowered.endswith(x)]
    if word.pos == "":  # a word the analyser does not know: a very short leftover may be a word by chance
        stems = [stem for stem in stems if len(stem) >= UNKNOWN_STEM_MIN_LENGTH]
    return bool(stems) and (not wordlist or any(stem in wordlist for stem in stems))


def polarity_of(words: list[Word], text: str, lang: LanguageResources) -> Polarity:
    """Where one side negates (see the module docstring)."""
    facts = lang.negation
    result = Polarity({}, set(), set())
    if not words or not facts.negators:
        return result
    # the patterns see the punctuation after the last word («o no?», ", don't they?")
    end = words[-1].end + len(_TRAILING_MARKS.match(text, words[-1].end).group())
    fixed = _matches(facts.fixed, text, words[0].start, end)
    approximate = _matches(facts.approximate, text, words[0].start, end)
    negation: int | None = None  # the negation that concord words of the clause join (APPROXIMATE: a weak one)
    clause: list[int] = []  # the words of the current clause
    explicit_clause = False  # whether a negator stands in it (it then covers the whole clause)
    weak_from: int | None = None  # where «sin», a verb of negation or the like opened a scope in it
    for k, word in enumerate(words):
        between = text[words[k - 1].end : word.start] if k else ""
        if CLAUSE_END.search(between):
            _close(result, clause, explicit_clause, weak_from)
            clause, explicit_clause, weak_from = [], False, None
        if _CONCORD_END.search(between):
            negation = None
        clause.append(k)
        lowered = word.text.lower()
        weak = any(s <= word.start < e for s, e in approximate)
        in_fixed = any(s <= word.start < e for s, e in fixed)
        as_noun = word.pos in lang.analyser.nouns  # «à 20 pas», "a firm no", «la nada»
        negator = _is_negator(word, lang) and not weak and not in_fixed and not as_noun and not (
            _TAG_QUESTION.match(text, word.end) or (lowered == "no" and _NUMBER_SIGN.match(text, word.end))
            or (lowered.replace("’", "'") in facts.bipartite and not _has_partner(words, text, k, fixed, lang)
                and not _before_lone_verb(words, text, k, lang)))
        # a bipartite negator marks its own verb, so past a clause's end it opens a new negation
        # («n'offrait pas …, elle ne pouvait pas»), where concord words still join the first («ni …»)
        joins = lowered not in facts.bipartite or negation in clause
        if negator and negation is not None and lowered in facts.concord and joins:
            if negation != APPROXIMATE:
                result.heads[negation].extend(_heads(words, text, k, lang))
        elif negator:
            negation = k
            result.heads[k] = _heads(words, text, k, lang)
        elif weak:
            negation = APPROXIMATE
        explicit_clause = explicit_clause or negator
        scope_word = lowered in facts.scope_words and not in_fixed
        if weak_from is None and (weak or scope_word or word.lemma in facts.verbs or lexically_negative(word, lang)):
            weak_from = k
    _close(result, clause, explicit_clause, weak_from)
    return result


def _before_lone_verb(words: list[Word], text: str, negator: int, lang: LanguageResources) -> bool:
    """Whether the bipartite negator stands right before a verb that it negates on its own («ça ne peut
    durer»), or before that verb's perfect auxiliary («elle n'a pu confirmer»), with no word after it
    in the clause making it mean "only" («ne peut que constater»)."""
    facts = lang.negation
    verb = negator + 1
    if verb < len(words) and words[verb].lemma == lang.verbs.perfect:
        verb += 1
    if verb >= len(words) or words[verb].lemma not in facts.lone_verbs:
        return False
    for k in range(verb + 1, len(words)):
        if CLAUSE_END.search(text[words[k - 1].end : words[k].start]):
            break
        if words[k].text.lower() in facts.restrictive:
            return False
    return True


def _has_partner(words: list[Word], text: str, negator: int, fixed: list[tuple[int, int]],
                 lang: LanguageResources) -> bool:
    """Whether a concord word outside any fixed expression follows ``words[negator]`` in its clause
    («ne … pas») before any word that makes it mean "only" («ce n'est que bien plus tard»: «plus» is
    "later"), or a negator precedes it there («rien n'a changé»)."""
    facts = lang.negation
    # before «ne», only a negator opens the negation («rien n'a changé»; «plus … que je ne le pensais»
    # is a comparison); a noun is never a second part («une seule personne»)
    for step, partners in ((1, facts.concord - facts.bipartite), (-1, facts.negators - facts.bipartite)):
        k = negator + step
        while 0 <= k < len(words):
            gap = text[words[k - 1].end : words[k].start] if step == 1 else text[words[k].end : words[k + 1].start]
            if CLAUSE_END.search(gap) or (step == 1 and words[k].text.lower() in facts.restrictive):
                break
            if words[k].text.lower() in partners and words[k].pos not in lang.analyser.nouns and not any(
                    s <= words[k].start < e for s, e in fixed):
                return True
            k += step
    return False


def _close(result: Polarity, clause: list[int], explicit: bool, weak_from: int | None) -> None:
    """A negator covers its whole clause (a subject may stand before it in one language and after it
    in the other); «sin», a verb of negation or a negative affix covers what follows it."""
    if explicit:
        result.explicit.update(clause)
        result.negated.update(clause)
    elif weak_from is not None:
        result.negated.update(k for k in clause if k >= weak_from)


def _heads(words: list[Word], text: str, negator: int, lang: LanguageResources) -> list[int]:
    """What a negator negates: the first content word after it in its clause and, when that is a
    verb, the content words of its object (up to the next verb): «no subirá los impuestos»."""
    heads: list[int] = []
    tags = lang.analyser
    for k in range(negator + 1, len(words)):
        if CLAUSE_END.search(text[words[k - 1].end : words[k].start]) or len(heads) > OBJECT_WORDS:
            break
        main = [h for h in heads if words[h].pos not in tags.adverbs]  # «no es lo suficientemente mexicana»
        if main and (words[k].pos in tags.verbs or words[main[0]].pos not in tags.verbs
                     or lang.verbs.participle in words[main[0]].tags):
            break  # only a finite verb or an infinitive takes its object along (not «no identificado»)
        if words[k].content:
            heads.append(k)
    return heads


