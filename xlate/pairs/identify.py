"""Which languages a text is in, and which registered pair a source and a target language make.

Identification asks lingua-language-detector, restricted to the registered languages it has
models for, and settles the languages it has none for (Galician, a made-up pair's language) by
function words: a registered language that lingua does not know wins when more of the text's words
are function words of that language alone than of lingua's choice. On the 4,584 source passages of
the three dev sets and the Catalan and Galician corpora, this mistakes 6 (function words alone: 59;
lingua alone, which calls Galician Spanish: 20); with IDENTIFY_MIN_WORDS it mistakes 5 and leaves the
77 shorter passages undecided. The tables built from the registered languages are built once per set
of registered pair names.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import cache

from xlate.pairs import LanguagePair, LanguageResources, get_pair, pair_names

# A text is in another language than expected when at most LANGUAGE_EXPECTED_MAX of its words are
# the expected language's function words and at least LANGUAGE_MIN_SHARE are another known
# language's; texts with fewer than LANGUAGE_MIN_WORDS words are not judged. (Deciding between
# close languages, Spanish and Catalan, from function words alone mistook three Spanish dev sources
# for Catalan; asking only whether the expected language is nearly absent mistakes none of the
# 4,500 dev passages and still tells French from German.)
LANGUAGE_EXPECTED_MAX = 0.1
LANGUAGE_MIN_SHARE = 0.2
LANGUAGE_MIN_WORDS = 20
# Identification needs this many words ("Yes." alone is no language).
IDENTIFY_MIN_WORDS = 8
_WORD = re.compile(r"[^\W\d_]+")


@cache
def _languages(pairs: tuple[str, ...]) -> dict[str, LanguageResources]:
    languages: dict[str, LanguageResources] = {}
    for name in pairs:
        pair = get_pair(name)
        languages.setdefault(pair.source.code, pair.source)
        languages.setdefault(pair.target.code, pair.target)
    return languages


def known_languages() -> dict[str, LanguageResources]:
    """Every language of the shipped and registered pairs, by code (built once per set of pairs;
    callers read it, never change it)."""
    return _languages(tuple(pair_names()))


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def foreign_language(text: str, expected: tuple[str, ...]) -> str | None:
    """The code of a known language that ``text`` is clearly written in when none of the ``expected``
    languages is (by the share of its words that are each language's function words), else None."""
    tokens = _words(text)
    if len(tokens) < LANGUAGE_MIN_WORDS:
        return None
    shares = {code: sum(t in lang.stopwords for t in tokens) / len(tokens) for code, lang in known_languages().items()}
    if any(shares.get(code, 0.0) > LANGUAGE_EXPECTED_MAX for code in expected):
        return None
    share, code = max(((share, code) for code, share in shares.items() if code not in expected), default=(0.0, ""))
    return code if share >= LANGUAGE_MIN_SHARE else None


@cache
def _codes_by_tag(pairs: tuple[str, ...]) -> dict[str, str]:
    """Every code and tag code of the languages of ``pairs`` → the language's code."""
    return {tag: language.code for language in _languages(pairs).values()
            for tag in (language.code, *language.tag_codes)}


def language_code(tag: str | None) -> str | None:
    """The code of the language a tag names ('es-MX', 'ES_es', 'spa' → 'es'): a registered
    language's code, else the tag's primary subtag in lower case (None for an empty tag)."""
    primary = re.split(r"[-_]", (tag or "").strip(), maxsplit=1)[0].lower()
    if not primary:
        return None
    return _codes_by_tag(tuple(pair_names())).get(primary, primary)


def language_name(code: str) -> str:
    """'Spanish' for 'es'; the code itself for a language xlate does not know."""
    language = known_languages().get(code)
    return (language.name or code) if language else code


def _first_pair(test: Callable[[LanguagePair], bool]) -> LanguagePair | None:
    """The first registered pair, in registry order, that passes ``test``."""
    return next((pair for pair in map(get_pair, pair_names()) if test(pair)), None)


def pair_between(source: str, target: str) -> str | None:
    """The name of the registered pair from language ``source`` into ``target``, if there is one."""
    pair = _first_pair(lambda p: (p.source.code, p.target.code) == (source, target))
    return pair.name if pair else None


def pair_joining(languages: set[str]) -> str | None:
    """The first registered pair (in registry order) between the two ``languages``, either way."""
    pair = _first_pair(lambda p: {p.source.code, p.target.code} == languages)
    return pair.name if pair else None


def pairs_with(code: str, role: str = "") -> LanguagePair | None:
    """The first registered pair with language ``code`` (as its ``role``, "source" or "target", if given)."""
    return _first_pair(lambda p: (role != "target" and p.source.code == code)
                       or (role != "source" and p.target.code == code))


@cache
def _lingua_detector(codes: tuple[str, ...]) -> tuple[object, dict[object, str]] | None:
    """lingua's detector for those of ``codes`` it has models for, and its languages → our codes."""
    try:
        from lingua import IsoCode639_1, Language, LanguageDetectorBuilder
    except ImportError:
        return None
    ours: dict[object, str] = {}
    for code in codes:
        iso = getattr(IsoCode639_1, code.upper(), None)
        if iso is not None:
            ours[Language.from_iso_code_639_1(iso)] = code
    if len(ours) < 2:
        return None
    return LanguageDetectorBuilder.from_languages(*ours).build(), ours


@cache
def _own_function_words(pairs: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """Each language's function words that no other language of ``pairs`` has."""
    languages = _languages(pairs)
    owners = Counter(word for language in languages.values() for word in language.stopwords)
    return {code: frozenset(w for w in language.stopwords if owners[w] == 1) for code, language in languages.items()}


def detect_language(text: str) -> str | None:
    """The registered language ``text`` is written in (None when it is too short to tell)."""
    languages = known_languages()
    tokens = _words(text)
    if len(tokens) < IDENTIFY_MIN_WORDS:
        return None
    alone = {code: sum(t in words for t in tokens) for code, words in _own_function_words(tuple(pair_names())).items()}
    lingua = _lingua_detector(tuple(sorted(languages)))
    guess = None
    if lingua is not None:
        detector, ours = lingua
        guess = ours.get(detector.detect_language_of(text))  # type: ignore[attr-defined]
    unknown = [code for code in languages if lingua is None or code not in lingua[1].values()]
    best = max(unknown, key=lambda code: alone[code], default=None)
    if best is not None and alone[best] > alone.get(guess or "", 0):
        return best
    return guess


def romanisations() -> tuple[tuple[str, str], ...]:
    """How every known language's letters are spelt without them («ß» → "ss"): a name keeps its own
    language's spelling whatever the language of the text it stands in."""
    return _romanisations(tuple(pair_names()))


@cache
def _romanisations(pairs: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    return tuple(dict.fromkeys(pair for language in _languages(pairs).values() for pair in language.romanisations))
