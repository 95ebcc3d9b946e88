"""What a check sees: the aligned document, the language pair and the engines' outputs."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property

from xlate.engines import EngineSet, Token
from xlate.io.glossary import GlossaryEntry
from xlate.model import Document, Link, Sentence
from xlate.negation import Polarity, polarity_of
from xlate.pairs import LanguagePair, LanguageResources
from xlate.segment import WORD
from xlate.wordalign import Word, WordAlignment, align_words, words_of


def _plain_words(sentence: Sentence) -> Iterator[tuple[str, int, int]]:
    for match in WORD.finditer(sentence.text):
        yield match.group(), sentence.start + match.start(), sentence.start + match.end()


@dataclass(frozen=True, slots=True)
class PlacedToken:
    """A tagged token with its span in the document text (``None`` when it could not be placed)."""

    token: Token
    start: int
    end: int


@dataclass
class CheckContext:
    """One document, its alignment and the engines, as handed to every check."""

    doc: Document
    pair: LanguagePair
    engines: EngineSet
    glossary: tuple[GlossaryEntry, ...] = ()

    @cached_property
    def available_engines(self) -> frozenset[str]:
        return self.engines.available()

    @cached_property
    def _link_of_target(self) -> dict[int, Link]:
        return {j: link for link in self.doc.links for j in link.target}

    def link_of_target(self, index: int) -> Link | None:
        return self._link_of_target.get(index)

    def sources(self, link: Link) -> list[Sentence]:
        return [self.doc.source.sentences[i] for i in link.source]

    def targets(self, link: Link) -> list[Sentence]:
        return [self.doc.target.sentences[j] for j in link.target]

    def pairs(self) -> Iterator[tuple[Link, list[Sentence], list[Sentence]]]:
        """Every link with its source and target sentences."""
        for link in self.doc.links:
            yield link, self.sources(link), self.targets(link)

    def pseudo_reference(self, sentences: list[Sentence]) -> str | None:
        """Apertium's translation of source sentences, joined (None without Apertium)."""
        parts = [self.engines.pseudo_reference(s.text) for s in sentences]
        if any(p is None for p in parts):
            return None
        return " ".join(p for p in parts if p)

    def target_tokens(self, sentence: Sentence) -> list[PlacedToken] | None:
        return self._placed(sentence, self.engines.tokens(sentence.text, self.pair.target.code))

    def source_tokens(self, sentence: Sentence) -> list[PlacedToken] | None:
        return self._placed(sentence, self.engines.tokens(sentence.text, self.pair.source.code))

    def target_as_source_tokens(self, sentence: Sentence) -> list[PlacedToken] | None:
        return self._placed(sentence, self.engines.target_as_source(sentence.text))

    def word_alignment(self, link: Link) -> WordAlignment:
        """The word alignment inside ``link`` (computed once per link, shared by every check)."""
        found = self._word_alignments.get(link)
        if found is None:
            source = self._alignable(self.sources(link), self.source_tokens, self.pair.source)
            target = self._alignable(self.targets(link), self.target_tokens, self.pair.target)
            wordnet = self.engines.wordnet if self.engines.has_wordnet else None
            found = align_words(source, target, self.pair.source, self.pair.target, wordnet)
            self._word_alignments[link] = found
        return found

    @cached_property
    def _word_alignments(self) -> dict[Link, WordAlignment]:
        return {}

    def polarity(self, link: Link) -> tuple[Polarity, Polarity]:
        """Where each side of ``link`` negates (computed once per link, shared by every check)."""
        found = self._polarities.get(link)
        if found is None:
            alignment = self.word_alignment(link)
            found = (polarity_of(alignment.source, self.doc.source.text, self.pair.source),
                     polarity_of(alignment.target, self.doc.target.text, self.pair.target))
            self._polarities[link] = found
        return found

    @cached_property
    def _polarities(self) -> dict[Link, tuple[Polarity, Polarity]]:
        return {}

    def _alignable(self, sentences: list[Sentence], tokens_of: Callable[[Sentence], list[PlacedToken] | None],
                   lang: LanguageResources) -> list[Word]:
        """The words of ``sentences`` for the word aligner: the analyser's tokens, or plain words
        (each its own lemma, every one a content word) when the analyser did not run."""
        placed: list[tuple[Token, int, int]] = []
        for sentence in sentences:
            tokens = tokens_of(sentence)
            if tokens is None:
                placed.extend((Token(w, w.lower(), (), False), s, e) for w, s, e in _plain_words(sentence))
            else:
                placed.extend((t.token, t.start, t.end) for t in tokens)
        return words_of(placed, lang)

    @staticmethod
    def _placed(sentence: Sentence, tokens: list[Token] | None) -> list[PlacedToken] | None:
        """Locate each token's surface form in the sentence, left to right."""
        if tokens is None:
            return None
        placed = []
        pos = 0
        for token in tokens:
            found = sentence.text.find(token.surface, pos) if token.surface else -1
            if found < 0:
                placed.append(PlacedToken(token, sentence.start + pos, sentence.start + pos))
                continue
            pos = found + len(token.surface)
            placed.append(PlacedToken(token, sentence.start + found, sentence.start + pos))
        return placed
