"""Spelling: an ordinary word of the translation that no dictionary of the target language knows.

A word is judged misspelt only when every source of knowledge agrees it is no word: the Hunspell
dictionaries (engines/spelling.py), the morphological analyser and the system word lists. Words the
translation copies from the source (names, titles, quoted terms), capitalised words (names; a
misspelt name is XL205's), words the source-language analyser knows (a Spanish word left in is
XL203's) and tokens with digits or symbols (codes, handles, URLs) are left alone. And a typo is close
to the word it mistypes: a word Hunspell cannot correct within two edits is taken for a rare one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from xlate.checks.context import CheckContext
from xlate.checks.registry import Hit, check
from xlate.engines.spelling import Speller
from xlate.model import Severity
from xlate.pairs import LanguageResources
from xlate.similarity import fold

# Words shorter than this are too often abbreviations or interjections to judge.
MIN_WORD_LENGTH = 4
# A plain lower-case word: letters, with inner apostrophes or hyphens.
_PLAIN = re.compile(r"[a-z]+(?:['’-][a-z]+)*")
# The parts of a compound ("grave" + "site") are at least this long …
MIN_PART_LENGTH = 3
# … and one shorter than this makes the compound reading yield to a correction one edit away that
# Hunspell gives as a single word: "differ" + "ant" is "different" mistyped, "plea" + "sin" is
# "pleasing" (on the wording perturbations' misspelt words this finds 11 more; on the clean dev
# passages it flags 2 Spanish words of the English → Spanish set, "bailaora" and "flameantes", and
# no English one).
SHORT_PART_LENGTH = 4
# A Hunspell suggestion at most this many edits away (insertions, deletions, substitutions, swaps of
# adjacent letters) is the correction of a typo; a word with none so close is a rare or new word
# (on the wording perturbations this keeps 157 of 158 caught misspellings and drops 17 other flags;
# on the clean dev passages it drops 2 Spanish → English, 3 French and 9 English → Spanish flags).
CLOSE_SUGGESTION_EDITS = 2
# A source word borrowed as it is may take an inflection of the target of at most this many letters.
BORROWED_ENDING = 2
# Characters next to a word that mark it as part of a URL, handle, hashtag or file name (and a hyphen:
# the parts of a hyphenated compound, "no-brainer", are no words of their own).
_CODE_MARKS = frozenset("@#/\\_")


@check("XL108", "spelling", "fluency/spelling", Severity.MINOR,
       needs=("source-analysis", "target-analysis", "hunspell"),
       superseded_by=("XL205", "XL203", "XL105", "XL109"))
def spelling(ctx: CheckContext) -> Iterator[Hit]:
    """A misspelt ordinary word: "two yersa of activity".

    What it flags:
        A lower-case word of the translation, at least four letters long, that
        no Hunspell dictionary of the target language accepts and that the
        morphological analyser and the system word lists do not know either,
        and that Hunspell corrects within two edits (its suggestion is the
        fix). Words copied from the source (with an ending of their own:
        «graffitis»), capitalised words (names), source-language words the
        source analyser knows, parts of URLs, handles or codes, and rare words
        with no correction that close ("lophoscopy" for «lofoscopía») are left
        alone.
    Why it matters:
        A misspelling is the error readers notice first; it makes the whole
        translation look unedited.
    Example:
        Source: «…tras dos años de actividad…»
        Bad:    "…after two yersa of activity…"
        Good:   "…after two years of activity…"
    Fix:
        Correct the word (the suggestion is Hunspell's).
    """
    speller = ctx.engines.speller
    assert speller is not None  # needs=("hunspell",)
    text = ctx.doc.target.text
    source_words = {fold(w) for w in re.findall(r"\w+", ctx.doc.source.text)}
    wordlist, language = ctx.pair.target.wordlist, ctx.pair.target.name or ctx.pair.target.code
    for sentence in ctx.doc.target.sentences:
        foreign = {t.start for t in ctx.target_as_source_tokens(sentence) or [] if t.token.known}
        for placed in ctx.target_tokens(sentence) or []:
            word = text[placed.start : placed.end]
            if placed.token.known or len(word) < MIN_WORD_LENGTH or not _PLAIN.fullmatch(word):
                continue
            if placed.start in foreign or fold(word) in source_words or word in wordlist:
                continue
            if {text[placed.start - 1 : placed.start], text[placed.end : placed.end + 1]} & (_CODE_MARKS | {"-"}):
                continue
            if speller.known(word) or _derived(word, speller, ctx.pair.target):
                continue
            suggestion = speller.suggest(word)
            if suggestion is None or _edit_distance(word, suggestion.lower()) > CLOSE_SUGGESTION_EDITS:
                continue  # no known word within reach: a rare or new word («lofoscopia»), not a typo
            if _borrowed(word, source_words):
                continue
            fix = f"; did you mean “{suggestion}”?" if suggestion else ""
            yield Hit(f"“{word}” is in no {language} dictionary{fix}",
                      target_span=(placed.start, placed.end), suggestion=suggestion, confidence=0.7)


def _borrowed(word: str, source_words: set[str]) -> bool:
    """A source word carried over with an ending of the target's («graffitis» for "graffiti", «surf»
    for "surfed"), which the target's dictionaries lack."""
    return any(len(w) >= MIN_WORD_LENGTH and abs(len(w) - len(word)) <= BORROWED_ENDING and (
        word.startswith(w) or w.startswith(word)) for w in source_words)


def _edit_distance(a: str, b: str) -> int:
    """Optimal-string-alignment distance: a swap of two adjacent letters counts as one edit."""
    rows = [list(range(len(b) + 1))]
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            row[j] = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]


def _derived(word: str, speller: Speller, lang: LanguageResources) -> bool:
    """A compound of two known content words ("gravesite", "hotelkeeper") or a known word with a
    productive prefix of the pair's ("reaccredited", "interaxle"), which dictionaries do not list. Two words run
    together where one is a function word ("thecombination", "outsideof") stay misspellings, and so does
    a compound with a short part where Hunspell corrects the whole in one edit ("differant")."""
    if any(word.startswith(p) and len(word) - len(p) >= MIN_WORD_LENGTH and speller.known(word[len(p) :])
           for p in lang.word_prefixes):
        return True
    splits = [i for i in range(MIN_PART_LENGTH, len(word) - MIN_PART_LENGTH + 1)
              if speller.known(word[:i]) and speller.known(word[i:]) and word[:i] not in lang.stopwords
              and word[i:] not in lang.stopwords]
    if any(min(i, len(word) - i) >= SHORT_PART_LENGTH for i in splits):
        return True
    return bool(splits) and not _one_edit_word(word, speller.suggest(word))


def _one_edit_word(word: str, correction: str | None) -> bool:
    """Whether a correction is a single word (not two: "hotel keeper") one edit from ``word``."""
    return correction is not None and not re.search(r"[\s-]", correction) and (
        _edit_distance(word, correction.lower()) == 1)
