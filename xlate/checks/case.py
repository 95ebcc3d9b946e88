"""Letter case: a sentence start, a name or a whole sentence in the wrong case, judged against the
source (which says where a sentence starts and which words are names) rather than against rules of
English alone, so that headlines, brand names ("eBay") and quoted fragments are left alone."""

from __future__ import annotations

import re
from collections.abc import Iterator

from xlate.checks.context import CheckContext
from xlate.checks.registry import Hit, check
from xlate.engines.spelling import Speller
from xlate.model import Sentence, Severity
from xlate.wordalign import WordAlignment

# A sentence is judged "all lower/upper case" only with at least this many words of letters.
MIN_SENTENCE_WORDS = 4
# A name is judged only when it is at least this long ("EE" and "UN" are too ambiguous).
MIN_NAME_LENGTH = 3
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def _first_word(text: str) -> re.Match[str] | None:
    """The sentence's first word, after any quotation marks, brackets or dashes (None when it begins
    with a digit or has no word)."""
    m = _WORD.search(text)
    return m if m is not None and not any(c.isdigit() for c in text[: m.start()]) else None


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _lower_start(sentence: Sentence, source: Sentence, source_text: str) -> Hit | None:
    """A target sentence beginning in lower case where its source sentence begins in upper case; a word
    that is lower case in the source too ("eBay", "iPhone") is left alone."""
    first = _first_word(sentence.text)
    source_first = _first_word(source.text)
    if first is None or source_first is None or not first.group()[0].islower():
        return None
    if not _capitalised(source_first.group()) or any(c.isupper() for c in first.group()[1:]):
        return None
    if re.search(rf"(?<![\w]){re.escape(first.group())}(?![\w])", source_text):
        return None  # written the same way, in lower case, in the source
    start = sentence.start + first.start()
    return Hit(f"the sentence begins in lower case (“{first.group()}”) where the source's begins with a capital",
               target_span=(start, start + len(first.group())),
               suggestion=first.group()[0].upper() + first.group()[1:], confidence=0.8)


def _whole_case(sentence: Sentence, sources: list[Sentence]) -> Hit | None:
    """A whole sentence in lower case (one that begins with a word, not a figure), or in capitals,
    where its source is not."""
    words = _WORD.findall(sentence.text)
    source = " ".join(s.text for s in sources)
    if len(words) < MIN_SENTENCE_WORDS or not _WORD.search(source):
        return None
    letters = "".join(words)
    source_letters = "".join(_WORD.findall(source))
    if letters.islower() and not source_letters.islower() and _first_word(sentence.text) is not None:
        kind = "lower case"
    elif letters.isupper() and not source_letters.isupper():
        kind = "capitals"
    else:
        return None
    return Hit(f"the whole sentence is in {kind}, unlike its source", target_span=(sentence.start, sentence.end),
               confidence=0.85)


def _lowered_names(ctx: CheckContext, alignment: WordAlignment) -> Iterator[Hit]:
    """A target word in lower case that copies a source name written with a capital inside its
    sentence ("mexico" for «México», "walmart" for «Walmart»). Names the translation renders with
    other words are left alone: a Spanish multiword name («Ministro de Asuntos Exteriores») may be
    a common phrase in English ("foreign minister")."""
    names = ctx.pair.source.analyser.names
    source_text = ctx.doc.source.text
    speller = ctx.engines.speller
    capitalises_names = ctx.pair.target.capitalises_name_words
    for link in alignment.links:
        s, t = alignment.source[link.source], alignment.target[link.target]
        if link.evidence not in ("identical", "cognate") or not t.text.islower() or len(t.text) < MIN_NAME_LENGTH \
                or not _capitalised(s.text):
            continue
        # a copy, or a transcription that no dictionary knows («Mualem» → "mouallem") in a language that
        # capitalises names (Spanish writes «los sunitas» for "Sunnis")
        if link.evidence == "cognate" and not (capitalises_names and not t.pos and _unfamiliar(speller, t.text)):
            continue
        # a name: tagged one, or a word written with a capital mid-sentence that the source analyser
        # does not know and the target's dictionaries do not know in lower case («Corgis» → "corgis";
        # «The Long War Journal» quoted in English is no name to the analyser, but "the" is a word), or
        # one word of a multiword name whose neighbour the translation copies with its capital («Juan
        # Morales», «Volkswagen Golf»), unless the lowered word is a function word of the target
        name = s.pos in names or (not s.pos and _unfamiliar(speller, t.text)) or (
            capitalises_names and t.pos not in ctx.pair.target.analyser.closed_classes
            and _copied_name_neighbour(ctx, alignment, link.source))
        if name and not _starts_sentence(ctx.doc.source.sentences, s.start) and s.text.lower() not in source_text:
            yield Hit(f"“{t.text}” is a name («{s.text}» in the source) and takes a capital",
                      target_span=(t.start, t.end), suggestion=t.text[0].upper() + t.text[1:], confidence=0.7)


def _unfamiliar(speller: Speller | None, word: str) -> bool:
    """Whether the target's dictionaries do not know the word as it is written (True without them)."""
    return not (speller is not None and speller.known(word))


def _copied_name_neighbour(ctx: CheckContext, alignment: WordAlignment, i: int) -> bool:
    """Whether the source word right before the ``i``-th (nothing but a space between) has a capital and
    is copied with it into the translation: the two belong to one name («Juan Morales»). A word before
    a name may be a common noun in apposition ("the bank Goldman Sachs"), so only the word after counts."""
    if i == 0:
        return False
    word, neighbour = alignment.source[i], alignment.source[i - 1]
    if ctx.doc.source.text[neighbour.end : word.start] != " " or not _capitalised(neighbour.text):
        return False
    return any(alignment.target[j].text == neighbour.text for j in alignment.targets_of(i - 1))


def _names_written_lower(ctx: CheckContext, sentence: Sentence, capitalised_elsewhere: set[str]) -> Iterator[Hit]:
    """A lower-case word, not a sentence start, that no dictionary knows in lower case but that is a
    name: the article writes it with a capital elsewhere (source or translation: "tymoshenko's appeal"
    beside "Tymoshenko claims"), or Hunspell knows it only capitalised ("egypt", "jacksonville").
    Words the source-language analyser knows are XL203's."""
    speller = ctx.engines.speller
    text = ctx.doc.target.text
    english = ctx.target_tokens(sentence) or []
    spanish = {t.start for t in ctx.target_as_source_tokens(sentence) or [] if t.token.known}
    for placed in english:
        word = placed.token.surface
        if placed.token.known or not word.isalpha() or not word.islower() or len(word) < MIN_NAME_LENGTH:
            continue
        if placed.start in spanish or (speller is not None and speller.known(word)):
            continue
        if "-" in text[placed.start - 1 : placed.start] + text[placed.end : placed.end + 1]:
            continue  # a part of a hyphenated word ("neo-fascist")
        capital = word[0].upper() + word[1:]
        if capital in capitalised_elsewhere or (speller is not None and speller.known(capital)):
            yield Hit(f"“{word}” is a name and takes a capital", target_span=(placed.start, placed.end),
                      suggestion=capital, confidence=0.7)


def _capitalised_words(ctx: CheckContext) -> set[str]:
    """Words written with a capital anywhere on either side (a sentence's first word too: the words
    they are asked about are in no dictionary in lower case, so their capital is not the sentence's)."""
    return {m.group() for side in (ctx.doc.source, ctx.doc.target) for m in _WORD.finditer(side.text)
            if _capitalised(m.group())}


def _starts_sentence(sentences: list[Sentence], start: int) -> bool:
    return any(s.start <= start < s.end and (m := _first_word(s.text)) is not None and s.start + m.start() == start
               for s in sentences)


@check("XL109", "case", "fluency/grammar", Severity.MINOR,
       needs=("source-analysis", "target-analysis"), superseded_by=("XL102",))
def letter_case(ctx: CheckContext) -> Iterator[Hit]:
    """A sentence start, a name or a whole sentence in the wrong case.

    What it flags:
        A sentence that begins in lower case where its source begins with a
        capital; a whole sentence in lower case or in capitals (at least four
        words) where its source is not; a word in lower case that the word
        alignment links to a source name written with a capital inside its
        sentence ("mexico", "walmart"; a name to the source analyser, or a
        word it does not know) — where the target language capitalises every
        word of a name, also a word of a multiword name copied after its
        capitalised neighbour ("Juan morales") and a transcribed name
        ("mouallem") — or that no dictionary knows in lower case while the
        article writes it with a capital elsewhere or Hunspell knows it
        capitalised ("egypt", "tymoshenko's appeal"). Words the source itself
        writes in lower case ("eBay", "iPhone") are left alone.
    Why it matters:
        Case errors read as careless copy and break names; readers and search
        engines both notice.
    Example:
        Source: «Las exportaciones a México crecieron un 4 %.»
        Bad:    "exports to mexico grew by 4%."
        Good:   "Exports to Mexico grew by 4%."
    Fix:
        Capitalise the sentence start or the name, or restore normal case.
    """
    source_text = ctx.doc.source.text
    capitalised = _capitalised_words(ctx)
    for link, sources, targets in ctx.pairs():
        if not sources or not targets:
            continue
        wholes = [hit for hit in (_whole_case(t, sources) for t in targets) if hit is not None]
        yield from wholes
        if wholes:
            continue  # one finding for the sentence, not one per word
        # the n-th target sentence of a link starts where its n-th source sentence does
        for sentence, source in zip(targets, sources, strict=False):
            hit = _lower_start(sentence, source, source_text)
            if hit is not None:
                yield hit
        linked = list(_lowered_names(ctx, ctx.word_alignment(link)))
        yield from linked
        spans = {hit.target_span for hit in linked}
        for sentence in targets:
            yield from (hit for hit in _names_written_lower(ctx, sentence, capitalised)
                        if hit.target_span not in spans)
