"""Shapes of words and phrases that the word-level checks share: finite verbs, abbreviations, the
punctuation that ends a noun phrase."""

from __future__ import annotations

import re

from xlate.checks.text import is_abbreviation
from xlate.pairs import LanguageResources
from xlate.wordalign import Word

# Punctuation that ends a noun phrase (a quotation mark does not: the "pre-packaged" plan).
PHRASE_END = re.compile(r"[.,;:!?()\[\]]")


def finite(word: Word, lang: LanguageResources) -> bool:
    """A verb with a tense (not a gerund, participle or infinitive: "being", "having"), or a modal."""
    return word.pos in lang.analyser.verbs and (
        any(t in lang.verbs.tenses for t in word.tags) or word.pos in lang.analyser.modals)


def abbreviated(text: str, word: Word, lang: LanguageResources) -> bool:
    """Whether a word is written as an abbreviation or an initial, its period right after it («Sr.»,
    the "A." of "L. A.")."""
    return text[word.end : word.end + 1] == "." and is_abbreviation(text[word.start : word.end + 1], lang)
