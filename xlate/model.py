"""The data model: plain dataclasses shared by every stage of the pipeline.

Spans are always ``(start, end)`` Python string indices into the exact text the
user gave (never into a normalised copy).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

Span = tuple[int, int]


class Severity(StrEnum):
    """MQM severity levels, ordered minor < major < critical."""

    MINOR = "minor"
    MAJOR = "major"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls(value.strip().lower())
        except ValueError:
            names = ", ".join(s.value for s in cls)
            raise ValueError(f"unknown severity {value!r} (expected one of {names})") from None


_SEVERITY_RANK = {Severity.MINOR: 1, Severity.MAJOR: 2, Severity.CRITICAL: 3}


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of one side, with its span in the original text."""

    index: int
    paragraph: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A block of text between blank lines; ``sentences`` indexes the side's sentence list."""

    index: int
    start: int
    end: int
    sentences: range


@dataclass(slots=True)
class Side:
    """One language side of a document: the original text and its segmentation."""

    lang: str
    text: str
    paragraphs: list[Paragraph]
    sentences: list[Sentence]


@dataclass(frozen=True, slots=True)
class Link:
    """An alignment bead: source sentence indices ↔ target sentence indices (either may be empty)."""

    source: tuple[int, ...]
    target: tuple[int, ...]
    similarity: float | None = None

    @property
    def kind(self) -> str:
        return f"{len(self.source)}-{len(self.target)}"

    def to_dict(self) -> dict[str, Any]:
        sim = None if self.similarity is None else round(self.similarity, 4)
        return {"source": list(self.source), "target": list(self.target), "similarity": sim}


@dataclass(slots=True)
class Document:
    """A source text, its translation and their sentence alignment."""

    id: str
    source: Side
    target: Side
    links: list[Link] = field(default_factory=list)
    origin: str | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem: what, where (exact spans), how bad, and how to fix it."""

    code: str
    check: str
    category: str
    severity: Severity
    target_span: Span | None
    source_span: Span | None
    message: str
    suggestion: str | None = None
    confidence: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "check": self.check,
            "category": self.category,
            "severity": self.severity.value,
            "target_span": None if self.target_span is None else list(self.target_span),
            "source_span": None if self.source_span is None else list(self.source_span),
            "message": self.message,
            "suggestion": self.suggestion,
            "confidence": round(self.confidence, 3),
        }


@dataclass(frozen=True, slots=True)
class PairInput:
    """One source/target pair to check, as read from any input format."""

    id: str
    source: str
    target: str
    origin: str | None = None
    # The (source, target) language codes the input declares (TMX, XLIFF, feeds, file names), if any.
    languages: tuple[str, str] | None = None


@dataclass(frozen=True, slots=True)
class BadInput:
    """A record that could not be read; it is reported as an ``error`` and the run goes on."""

    id: str
    error: str
    origin: str | None = None


@dataclass(slots=True)
class DocumentResult:
    """Everything the pipeline learnt about one pair; ``error`` is set when it could not be read."""

    id: str
    document: Document | None = None
    findings: list[Finding] = field(default_factory=list)
    score: float | None = None
    engines: dict[str, bool] = field(default_factory=dict)
    error: str | None = None
    origin: str | None = None
    # Per sentence link (same order as ``document.links``): its word alignment, as reported.
    words: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self, *, with_sentences: bool = False) -> dict[str, Any]:
        """The batch-contract object (DESIGN.md §2); ``with_sentences`` adds the segmentation and
        each link's word alignment (its ``words`` key)."""
        if self.error is not None:
            return {"id": self.id, "error": self.error}
        assert self.document is not None
        out: dict[str, Any] = {
            "id": self.id,
            "score": None if self.score is None else round(self.score, 2),
            "findings": [f.to_dict() for f in self.findings],
            "alignment": [link.to_dict() for link in self.document.links],
            "engines": dict(self.engines),
        }
        if self.origin:
            out["origin"] = self.origin  # where the text came from: file, file:line or feed entry link
        if with_sentences:
            for link, words in zip(out["alignment"], self.words, strict=False):
                link["words"] = words
            for name, side in (("source", self.document.source), ("target", self.document.target)):
                out[f"{name}_sentences"] = [
                    {"index": s.index, "paragraph": s.paragraph, "span": [s.start, s.end], "text": s.text}
                    for s in side.sentences
                ]
        return out
