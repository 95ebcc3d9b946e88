"""Pronoun gender: a pronoun of the translation that contradicts the gender the source gives a person.

Spanish drops subject pronouns and leaves possessives ungendered («su»), so MT guesses "he" or "his";
the source still genders people through titles and nouns («la secretaria Rodríguez») and through
stressed pronouns («a él»), and those are the evidence this check uses.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from xlate.checks.context import CheckContext
from xlate.checks.registry import Hit, check
from xlate.checks.text import words
from xlate.engines import Token
from xlate.model import Sentence, Severity
from xlate.pairs import AnalyserTags, LanguageResources
from xlate.wordalign import COGNATE

# How a finding names the gender it expected.
_SEX = {"f": "female", "m": "male"}


def _name_genders(ctx: CheckContext) -> dict[str, str]:
    """Name → "f", "m" or "?" for the people the source introduces with a title: «la secretaria
    Rodríguez», «Rosa Icela Rodríguez, secretaria de…», «la secretaria de Energía, Luz Elena
    González», «la canciller Bárcena» (the article genders an epicene title). First names alone are
    not trusted: the analyser's lexicon guesses wrongly for names from other languages."""
    source = ctx.pair.source
    titles, determiners = source.gendered_titles, source.determiner_genders
    genders: dict[str, str] = {}
    for sentence in ctx.doc.source.sentences:
        tokens = [t.token for t in ctx.source_tokens(sentence) or []]
        for i, token in enumerate(tokens):
            word = token.surface.lower()
            if word not in titles or word in determiners:
                continue
            determiner = tokens[i - 1].surface.lower() if i else ""
            gender = titles[word] or determiners.get(determiner, "?")
            for name in _name_after_title(tokens, i + 1, source) + _name_before_title(tokens, i, source):
                if genders.get(name, gender) != gender:
                    gender = "?"  # two people of one surname: no evidence either way
                genders[name] = gender
    return {name: g for name, g in genders.items() if len(name) > 2}


def _mentioned_genders(ctx: CheckContext, sentences: list[Sentence]) -> set[str]:
    """Genders of the people the source sentences mention with an article and a gendered noun."""
    titles, determiners = ctx.pair.source.gendered_titles, ctx.pair.source.determiner_genders
    genders = set()
    for sentence in sentences:
        tokens = [t.token.surface.lower() for t in ctx.source_tokens(sentence) or []]
        for before, word in itertools.pairwise(tokens):
            gender = titles.get(word) or determiners.get(before) if word in titles else None
            if gender and before in determiners:
                genders.add(gender)
    return genders


def _is_name(token: Token, tags: AnalyserTags) -> bool:
    return token.surface[:1].isupper() and token.pos not in (
        tags.determiners | tags.prepositions | tags.coordinators | tags.subordinators | tags.punctuation)


def _name_run(tokens: list[Token], start: int, tags: AnalyserTags) -> list[str]:
    run = []
    while start < len(tokens) and _is_name(tokens[start], tags):
        run.extend(tokens[start].surface.split())
        start += 1
    return run


def _name_after_title(tokens: list[Token], start: int, lang: LanguageResources) -> list[str]:
    """«secretaria Rodríguez» or «secretaria de Energía, Luz Elena González» (the words of a name
    join a title to its portfolio)."""
    run = _name_run(tokens, start, lang.analyser)
    if run:
        return run
    j = start
    while j < len(tokens) and (tokens[j].surface.lower() in lang.name_connectors or _is_name(tokens[j], lang.analyser)):
        j += 1
    return _name_run(tokens, j + 1, lang.analyser) if j < len(tokens) and tokens[j].surface == "," else []


def _name_before_title(tokens: list[Token], title: int, lang: LanguageResources) -> list[str]:
    """«Rosa Icela Rodríguez, secretaria de…»."""
    if title < 2 or tokens[title - 1].surface != ",":
        return []
    run = []
    j = title - 2
    while j >= 0 and _is_name(tokens[j], lang.analyser):
        run.extend(tokens[j].surface.split())
        j -= 1
    return run


@check("XL207", "pronoun-gender", "accuracy/mistranslation", Severity.MAJOR,
       needs=("source-analysis", "target-analysis"))
def pronoun_gender(ctx: CheckContext) -> Iterator[Hit]:
    """A pronoun that contradicts the gender of its source referent: "he" for «la secretaria Rodríguez».

    What it flags:
        A third-person pronoun of one gender after a sentence has named only
        people of the other gender, where the source gives those people their
        gender with a gendered title anywhere in the article («la secretaria
        Rodríguez», «Rosa Icela Rodríguez, secretaria de…»); and a pronoun
        that the word alignment links by the dictionary to a source pronoun of
        the other gender ("refused to discharge her" for «darle de alta a él»).
    Why it matters:
        Spanish often drops subject pronouns and MT guesses "he"; misgendering
        an official is a factual and a respect error.
    Example:
        Source: «…destacó Rodríguez, aunque reconoció que ya se han detectado laboratorios…»
        Bad:    "…Rodríguez stressed, although he acknowledged that laboratories…"
        Good:   "…Rodríguez stressed, although she acknowledged that laboratories…"
    Fix:
        Use the pronoun that matches the referent.
    """
    linked = list(_linked_pronoun_genders(ctx))
    yield from linked
    flagged = {hit.target_span for hit in linked}
    pronouns, tags = ctx.pair.target.gendered_pronouns, ctx.pair.target.analyser
    names = _name_genders(ctx)
    if not pronouns or not names:
        return
    text = ctx.doc.target.text
    for sentence in ctx.doc.target.sentences:
        # object pronouns ("helping him") usually point at someone else than the sentence's subject
        tokens = ctx.target_tokens(sentence) or []
        objects = {t.start for t in tokens if tags.object_pronoun in t.token.tags}
        others = {t.start for t in tokens if t.token.pos in tags.names and t.start > sentence.start
                  and tags.given_names & set(t.token.tags) and t.token.surface not in names}
        link = ctx.link_of_target(sentence.index)
        # genders of all the people the aligned source mentions («al abogado del acusado»)
        mentioned = _mentioned_genders(ctx, ctx.sources(link)) if link else set()
        seen: set[str] = set()  # genders of the people named so far in this sentence
        in_name = False  # inside the full name of someone already seen («Marina del Pilar Ávila»)
        for word, start, end in words(text, sentence.start, sentence.end):
            if word in names:
                seen.add(names[word])
                in_name = True
                continue
            if in_name and (word[:1].isupper() or word in ctx.pair.source.name_connectors):
                continue
            in_name = False
            if start in others:
                seen.add("?")  # someone the source does not gender ("Super Mario … Princess Peach … he")
                continue
            if start in objects or (start, end) in flagged:
                continue
            gender = _gender_of(word, pronouns)
            if gender is None or len(seen) != 1 or gender in seen or "?" in seen or gender in mentioned:
                continue
            (expected,) = seen
            right = ctx.pair.target.pronoun_counterparts.get(word.lower())
            yield Hit(f"{word!r} contradicts the source, which speaks of someone {_SEX[expected]} here",
                      target_span=(start, end), suggestion=right, confidence=0.65)
            break


def _gender_of(word: str, pronouns: dict[str, frozenset[str]]) -> str | None:
    return next((gender for gender, forms in pronouns.items() if word.lower() in forms), None)


def _linked_pronoun_genders(ctx: CheckContext) -> Iterator[Hit]:
    """Pronouns of the translation linked by the dictionary to a source pronoun of the other gender
    («él» → "her"): a person's gender the source states outright."""
    source_pronouns, target_pronouns = ctx.pair.source.gendered_pronouns, ctx.pair.target.gendered_pronouns
    if not source_pronouns or not target_pronouns:
        return
    for link in ctx.doc.links:
        if not link.source or not link.target:
            continue
        alignment = ctx.word_alignment(link)
        for word_link in alignment.links:
            source, target = alignment.source[word_link.source], alignment.target[word_link.target]
            expected, found = _gender_of(source.text, source_pronouns), _gender_of(target.text, target_pronouns)
            if word_link.score >= COGNATE and expected and found and expected != found:
                yield Hit(f"{target.text!r} contradicts «{source.text}», which speaks of someone {_SEX[expected]}",
                          target_span=(target.start, target.end),
                          source_span=(source.start, source.end),
                          suggestion=ctx.pair.target.pronoun_counterparts.get(target.text.lower()), confidence=0.65)
                break

