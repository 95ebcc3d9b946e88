"""Small text helpers shared by the check families (word spans, quote and punctuation classes, names)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from xlate.model import Sentence
from xlate.pairs import LanguageResources
from xlate.segment import WORD

OPENING_QUOTES = "“‘«\"'"
CLOSING_QUOTES = "”’»\"'"
TERMINAL = ".!?…"
# Names shorter than this are too ambiguous to compare.
MIN_NAME_LENGTH = 4


def words(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[str, int, int]]:
    """(word, start, end) for each word of ``text[start:end]``, spans into ``text``."""
    for match in WORD.finditer(text, start, len(text) if end is None else end):
        yield match.group(), match.start(), match.end()


def asks(sentence: str, marks: str) -> bool:
    """Whether a sentence ends with one of the language's question marks (before closing quotes and brackets)."""
    stripped = sentence.rstrip().rstrip(CLOSING_QUOTES + OPENING_QUOTES + ")] ")
    return bool(marks) and stripped[-1:] in marks


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends with terminal punctuation, allowing closing quotes/brackets after it."""
    stripped = text.rstrip().rstrip(CLOSING_QUOTES + ")]")
    return bool(stripped) and stripped[-1] in TERMINAL


def previous_word(text: str, pos: int) -> str:
    """The whitespace-delimited token that ends at ``pos`` (including its final period)."""
    start = pos
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:pos]


def is_dotted_abbreviation(token: str, lang: LanguageResources) -> bool:
    """True when a token ending in a period is an abbreviation of the language's lists or has a period
    inside ("p.m.", "U.S.", "e.g."), after which a sentence may go on."""
    bare = token.lstrip("(" + OPENING_QUOTES).rstrip(",;:")
    return bare in lang.abbreviations or bare in lang.abbreviations_never_final or "." in bare.rstrip(".")


def is_abbreviation(token: str, lang: LanguageResources) -> bool:
    """True when a token ending in a period is an abbreviation ("p.m.", "U.S.", "Calif.", "Sr."): a dotted
    one, an initial ("J.") or a short capitalised form ("No.", "Gen.")."""
    if is_dotted_abbreviation(token, lang):
        return True
    core = token.lstrip("(" + OPENING_QUOTES).rstrip(",;:").rstrip(".")
    return len(core) <= 1 or (core[:1].isupper() and len(core) <= 3 and core.isalpha() and core not in lang.short_words)


def inside_quotes(text: str, sentence: Sentence, start: int, end: int) -> bool:
    """True when ``text[start:end]`` lies inside one quotation of the sentence (an odd number of
    quote marks before it and a closing mark after it): «"La ciudad y los perros"»."""
    before = text[sentence.start : start]
    opened = sum(before.count(q) for q in "“«") - sum(before.count(q) for q in "”»") + before.count('"') % 2
    return opened > 0 and any(q in text[end : sentence.end] for q in CLOSING_QUOTES)


def names_in(text: str, sentence: Sentence, lang: LanguageResources) -> Iterator[tuple[str, int, int]]:
    """Capitalised words that are not first in their sentence (nor right after an opening quote or a
    colon; after a title such as «Sr.» or "Mr." and after a closing quote they are names), and not one
    of the language's abbreviations ("Sept.", "Calif.")."""
    for word, start, end in words(text, sentence.start, sentence.end):
        before = text[sentence.start : start].rstrip()
        if not before or (text[end : end + 1] == "." and f"{word}." in lang.abbreviations):
            continue
        # a straight quote right after a word or a comma closes a quotation ('…," Lamazares said')
        closing = before[-1] in "\"'" and len(before) > 1 and not before[-2].isspace()
        if before[-1] in ".!?:;" + OPENING_QUOTES + "(—–-" and not closing and not (
                before[-1] == "." and is_abbreviation(previous_word(before, len(before)), lang)):
            continue
        for part, offset in name_parts(word):
            if part[:1].isupper() and part.isalpha() and not part.isupper() and len(part) >= MIN_NAME_LENGTH:
                yield part, start + offset, start + offset + len(part)


def name_parts(word: str) -> Iterator[tuple[str, int]]:
    """The parts of a word that may be names, with their offsets: a possessive ending goes
    ("Englund's" → "Englund"), a hyphenated word gives each part ("Victor-Gadbois", "al-Qaeda")."""
    bare = re.sub(r"['’]s?$", "", word)
    offset = 0
    for part in bare.split("-"):
        yield part, offset
        offset += len(part) + 1
