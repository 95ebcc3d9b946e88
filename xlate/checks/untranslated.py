"""Words left in the source language: a Spanish run or a single Spanish word inside an English sentence.

A word counts as the source language's when the source-language analyser knows it and the
target-language analyser does not; for a pair without a source-language analyser (German), when
the source has it, the source language's Hunspell dictionaries (if any) know it and the
target-language analyser does not. A run of such words is
flagged by its length and share; a lone word needs more: lower case (not a name), at least
SINGLE_MIN_LETTERS long, unknown to the target's Hunspell dictionaries (which list loanwords:
"fiesta", "plaza", "junta"; the system word lists hold names in lower case, "guerra", and cannot
tell), not a quoted term or title and not a particle of a capitalised name. XL108 (spelling) leaves
every word the source analyser knows to this check, so the two never flag the same word.
"""

from __future__ import annotations

from collections.abc import Iterator

from xlate.checks.context import CheckContext, PlacedToken
from xlate.checks.registry import Hit, check
from xlate.checks.text import CLOSING_QUOTES, OPENING_QUOTES, inside_quotes, words
from xlate.model import Sentence, Severity
from xlate.similarity import fold

# A run: at least this many source-language-only words …
UNTRANSLATED_MIN_WORDS = 3
# … making up at least this share of the run's words, and this share of it copied from the source.
UNTRANSLATED_MIN_SHARE = 0.5
UNTRANSLATED_MIN_COPIED = 0.6
# A lone source-language word has at least this many letters (shorter ones, «de», «la», «el», are
# also English words, abbreviations or name particles too often to judge alone).
SINGLE_MIN_LETTERS = 3
# Lower-case words of at most this many letters join the capitalised words of a name ("de los").
NAME_PARTICLE_MAX_LETTERS = 3
# A quotation of at most this many words around a lone word is a quoted term («los "ninis"»), kept on purpose.
QUOTED_TERM_WORDS = 3
# … and one of which at least this share of words the source analyser knows is a title or saying quoted in the original.
QUOTED_ORIGINAL_SHARE = 0.5


def _known_at(tokens: list[PlacedToken] | None) -> dict[int, bool]:
    """Whether the analyser knows the word starting at each offset (a multiword token such as
    «A lo largo de» covers every word inside it)."""
    known: dict[int, bool] = {}
    for t in tokens or []:
        if t.end <= t.start:
            continue
        known.setdefault(t.start, t.token.known)
        if " " in t.token.surface:
            offset = t.start
            for part in t.token.surface.split(" "):
                known.setdefault(offset, t.token.known)
                offset += len(part) + 1
    return known


@check("XL203", "untranslated", "accuracy/untranslated", Severity.MAJOR, needs=("target-analysis",))
def untranslated(ctx: CheckContext) -> Iterator[Hit]:
    """Source-language text left in the translation: «En la última parte del mes», "the outbreak of the guerra".

    What it flags:
        A run of at least three lower-case words that the source language's
        morphological analyser knows and the target language's does not, making
        up most of the run, and copied from the source (without a source-language
        analyser, words the source has and the source language's Hunspell
        dictionaries know stand for the words it knows); or a single lower-case
        word of at least three letters that the source analyser knows and that
        neither the target analyser nor the target's Hunspell dictionaries
        (which list loanwords such as "fiesta" or "junta") know; without
        Hunspell, lone words are not judged.
        Names, capitalised institution names, quoted titles and quoted terms
        are not flagged.
    Why it matters:
        Untranslated words are unreadable to the audience and a sign that a
        segment, or a word the engine did not know, skipped the translation step.
    Example:
        Source: «…tras el estallido de la guerra…»
        Bad:    "…after the outbreak of the guerra…"
        Good:   "…after the outbreak of the war…"
    Fix:
        Translate the word or passage.
    """
    source_words = {fold(w) for w, _, _ in words(ctx.doc.source.text)}
    text = ctx.doc.target.text
    analysed = "source-analysis" in ctx.available_engines
    for sentence in ctx.doc.target.sentences:
        english = _known_at(ctx.target_tokens(sentence))
        sentence_words = list(words(text, sentence.start, sentence.end))
        spanish = _known_at(ctx.target_as_source_tokens(sentence)) if analysed else _copied_source_words(
            ctx, sentence_words, source_words, english)
        foreign = [bool(spanish.get(s)) and english.get(s) is False and (not w[:1].isupper() or s == sentence.start)
                   for w, s, _ in sentence_words]
        runs: list[list[tuple[int, int, bool]]] = [[]]  # (start, end, source-language only); English words end a run
        for (_, start, end), is_foreign in zip(sentence_words, foreign, strict=True):
            if english.get(start) and not spanish.get(start):
                runs.append([])
            else:
                runs[-1].append((start, end, is_foreign))
        covered: set[int] = set()
        for hit in filter(None, (_run_hit(ctx, sentence, run, source_words) for run in runs)):
            covered.update(range(*hit.target_span))
            yield hit
        for (word, start, end), is_foreign in zip(sentence_words, foreign, strict=True):
            if is_foreign and start not in covered and _lone_word_left(ctx, sentence, word, start, end, spanish):
                copied = fold(word) in source_words
                yield Hit(f"“{word}” is left in the source language", target_span=(start, end),
                          confidence=0.75 if copied else 0.6)


def _copied_source_words(ctx: CheckContext, sentence_words: list[tuple[str, int, int]], source_words: set[str],
                         english: dict[int, bool]) -> dict[int, bool]:
    """Without a source analyser: whether each word is one the source has and, for a lower-case word
    the target's analyser does not know, where the source language has Hunspell dictionaries, one they
    know (the source may itself quote a Latin or French phrase, "Tyrannosaurus rex", "crème de la
    crème", which the translation rightly keeps; a capitalised word may be a name, which belongs to no
    language's dictionary; a word both languages have, "in", needs no lookup)."""
    speller = ctx.engines.source_speller if ctx.engines.has_source_speller else None
    return {start: fold(word) in source_words and (
        speller is None or word[:1].isupper() or bool(english.get(start)) or not speller.available
        or speller.known(word))
        for word, start, _ in sentence_words}


def _run_hit(ctx: CheckContext, sentence: Sentence, run: list[tuple[int, int, bool]],
             source_words: set[str]) -> Hit | None:
    """A finding for a run of words mostly in the source language, or None."""
    text = ctx.doc.target.text
    foreign = [w for w in run if w[2]]
    if len(foreign) < UNTRANSLATED_MIN_WORDS:
        return None
    span = (foreign[0][0], foreign[-1][1])
    inside = [w for w in run if span[0] <= w[0] < span[1]]
    copied = sum(fold(text[s:e]) in source_words for s, e, _ in inside)
    if inside_quotes(text, sentence, *span):
        return None  # a quoted title or slogan («La ciudad y los perros») stays in the original
    lowercase = [text[s:e].lower() for s, e, f in inside if f and not text[s:s + 1].isupper()]
    if all(w in ctx.pair.source.name_connectors for w in lowercase):
        return None  # an institution's name kept in Spanish («Tribunal Electoral del Poder Judicial…»)
    if len(foreign) / len(inside) < UNTRANSLATED_MIN_SHARE or copied / len(inside) < UNTRANSLATED_MIN_COPIED:
        return None
    return Hit(f"“{text[span[0]:span[1]]}” is left in the source language", target_span=span,
               confidence=min(1.0, 0.5 + 0.1 * len(foreign)))


def _lone_word_left(ctx: CheckContext, sentence: Sentence, word: str, start: int, end: int,
                    source_known: dict[int, bool]) -> bool:
    """True when a single source-language word stands in an English sentence as an untranslated word,
    not as a loanword, a name's part, a quoted term or part of a title quoted in the original."""
    text = ctx.doc.target.text
    if len(word) < SINGLE_MIN_LETTERS or word[:1].isupper() or not word.isalpha():
        return False
    if word.lower() in ctx.pair.source.name_connectors and _beside_capital(text, start, end):
        return False  # «Ciudad de México», "Banco de la Nación"
    if len(word) <= NAME_PARTICLE_MAX_LETTERS and _inside_name(text, start, end):
        return False  # a particle of a name in a third language ("Valle de los Reyes" in German)
    if ctx.engines.speller is None or ctx.engines.speller.known(word):
        return False  # an English loanword ("fiesta", "plaza", "junta"), or no dictionary to tell
    return not _quoted_original(text, sentence, start, end, source_known)


def _beside_capital(text: str, start: int, end: int) -> bool:
    before = text[:start].rstrip().rsplit(" ", 1)[-1]
    after = text[end:].lstrip().split(" ", 1)[0]
    return before[:1].isupper() or after[:1].isupper()


def _inside_name(text: str, start: int, end: int) -> bool:
    """Whether the word stands between two capitalised words with at most short lower-case words
    between them and it ("Valle de los Reyes")."""

    def reaches_capital(neighbours: list[str]) -> bool:
        for word in neighbours:
            if word[:1].isupper():
                return True
            if len(word) > NAME_PARTICLE_MAX_LETTERS or not word.isalpha():
                return False
        return False

    return reaches_capital(text[:start].split()[::-1][:3]) and reaches_capital(text[end:].split()[:3])


def _quoted_original(text: str, sentence: Sentence, start: int, end: int, source_known: dict[int, bool]) -> bool:
    """True when the word sits in a short quotation of its own («los "ninis"», 'the so-called "pelucones"') or
    in a quotation mostly in the source language (a title kept in the original: "La ciudad y los perros")."""
    opening = max(text.rfind(q, sentence.start, start) for q in OPENING_QUOTES)
    closings = [i for q in CLOSING_QUOTES if (i := text.find(q, end, sentence.end)) >= 0]
    if opening < 0 or not closings:
        return False
    quoted = list(words(text, opening, min(closings)))
    in_source_language = sum(bool(source_known.get(s)) for _, s, _ in quoted)
    return len(quoted) <= QUOTED_TERM_WORDS or in_source_language >= QUOTED_ORIGINAL_SHARE * len(quoted)
