"""Accepted findings, so the gate fails only on new problems.

A finding is identified by a fingerprint that survives edits elsewhere in the text and re-runs:
sha256 of its code and the whitespace-collapsed, lower-cased text of the sentence(s) that hold its
target span (the source sentence(s) for a source-only finding; the message for a finding with no
span). Spans, document ids and file names are deliberately not part of it.

The baseline file is JSON, sorted, one entry per accepted finding::

    {"version": 1, "tool": "xlate", "findings": [
        {"fingerprint": "…", "code": "XL101", "document": "art-3", "excerpt": "the exodus. Venezuelan."}]}

Results may be given as :class:`DocumentResult` objects or as their batch-contract dicts with
sentences (``to_dict(with_sentences=True)``, what the result cache stores).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from xlate.errors import InputError
from xlate.model import DocumentResult, Finding

BASELINE_VERSION = 1
EXCERPT_CHARS = 160

ResultLike = DocumentResult | Mapping[str, Any]
FindingLike = Finding | Mapping[str, Any]


def _collapse(text: str) -> str:
    return " ".join(text.split())


def fingerprint(code: str, target_sentence_text: str) -> str:
    """sha256 (hex) of the code and the whitespace-collapsed, lower-cased sentence text."""
    normalised = _collapse(target_sentence_text).lower()
    return hashlib.sha256(f"{code.strip().upper()}\n{normalised}".encode()).hexdigest()


@dataclass(frozen=True, slots=True, order=True)
class BaselineEntry:
    """One accepted finding, as stored in the file."""

    document: str
    code: str
    excerpt: str
    fingerprint: str

    def to_dict(self) -> dict[str, str]:
        return {
            "fingerprint": self.fingerprint,
            "code": self.code,
            "document": self.document,
            "excerpt": self.excerpt,
        }


def _sentences(result: ResultLike, side: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of the sentences of ``side`` ('source' or 'target')."""
    if isinstance(result, DocumentResult):
        if result.document is None:
            return []
        doc_side = result.document.source if side == "source" else result.document.target
        return [(s.start, s.end, s.text) for s in doc_side.sentences]
    rows = result.get(f"{side}_sentences") or []
    return [(int(r["span"][0]), int(r["span"][1]), str(r["text"])) for r in rows]


def _finding_fields(finding: FindingLike) -> tuple[str, Any, Any, str]:
    if isinstance(finding, Finding):
        return finding.code, finding.target_span, finding.source_span, finding.message
    return (
        str(finding["code"]),
        finding.get("target_span"),
        finding.get("source_span"),
        str(finding.get("message", "")),
    )


def _covering_text(sentences: list[tuple[int, int, str]], span: Any) -> str | None:
    """Text of the sentences overlapping ``span`` (joined), or of the sentence just before it."""
    start, end = int(span[0]), int(span[1])
    end = max(end, start + 1)  # an empty span still sits in the sentence around it
    hit = [text for s, e, text in sentences if s < end and start < e]
    if hit:
        return " ".join(hit)
    before = [text for s, e, text in sentences if e <= start]
    return before[-1] if before else None


def finding_sentence(result: ResultLike, finding: FindingLike) -> str:
    """The text a finding's fingerprint is made from (see the module docstring)."""
    _, target_span, source_span, message = _finding_fields(finding)
    for side, span in (("target", target_span), ("source", source_span)):
        if span is not None:
            text = _covering_text(_sentences(result, side), span)
            if text is not None:
                return text
    return message


def finding_fingerprint(result: ResultLike, finding: FindingLike) -> str:
    """The stable fingerprint of one finding of one result."""
    return fingerprint(_finding_fields(finding)[0], finding_sentence(result, finding))


def _result_id(result: ResultLike) -> str:
    return result.id if isinstance(result, DocumentResult) else str(result.get("id", ""))


def _findings(result: ResultLike) -> list[FindingLike]:
    if isinstance(result, DocumentResult):
        return list(result.findings)
    return list(result.get("findings") or [])


def _excerpt(text: str) -> str:
    text = _collapse(text)
    return text if len(text) <= EXCERPT_CHARS else text[: EXCERPT_CHARS - 1].rstrip() + "…"


def _entries(results: Iterable[ResultLike]) -> Iterable[BaselineEntry]:
    for result in results:
        for finding in _findings(result):
            text = finding_sentence(result, finding)
            code = _finding_fields(finding)[0]
            yield BaselineEntry(_result_id(result), code, _excerpt(text), fingerprint(code, text))


def _scores(results: Iterable[ResultLike]) -> dict[str, float]:
    out = {}
    for result in results:
        score = result.score if isinstance(result, DocumentResult) else result.get("score")
        if score is not None:
            out[_result_id(result)] = float(score)
    return out


class Baseline:
    """A set of accepted findings; :meth:`suppresses` tells whether one finding is among them."""

    def __init__(self, entries: Iterable[BaselineEntry] = (), scores: dict[str, float] | None = None) -> None:
        self._entries: dict[tuple[str, str], BaselineEntry] = {}
        for entry in entries:
            self._entries[(entry.fingerprint, entry.document)] = entry
        self._fingerprints = {fp for fp, _ in self._entries}
        # document id → MQM score when the baseline was taken (for --max-score-drop)
        self.scores: dict[str, float] = dict(scores or {})

    @classmethod
    def create(cls, results: Iterable[ResultLike]) -> Baseline:
        """A baseline accepting every finding of ``results``."""
        results = list(results)
        return cls(_entries(results), _scores(results))

    def update(self, results: Iterable[ResultLike], *, prune: bool = True) -> Baseline:
        """Accept every finding of ``results`` (in place; returns self).

        With ``prune`` (the default), entries of the documents in ``results`` whose findings are
        gone are dropped; entries of documents not in ``results`` are kept either way.
        """
        results = list(results)
        new = list(_entries(results))
        if prune:
            seen_documents = {_result_id(r) for r in results}
            self._entries = {k: v for k, v in self._entries.items() if v.document not in seen_documents}
        for entry in new:
            self._entries[(entry.fingerprint, entry.document)] = entry
        self._fingerprints = {fp for fp, _ in self._entries}
        self.scores.update(_scores(results))
        return self

    def score_drop(self, result: ResultLike) -> float | None:
        """How many points the document's score fell since the baseline (None if it was not there)."""
        before = self.scores.get(_result_id(result))
        now = result.score if isinstance(result, DocumentResult) else result.get("score")
        if before is None or now is None:
            return None
        return before - float(now)

    def suppresses(self, result: ResultLike, finding: FindingLike) -> bool:
        """True when ``finding`` (of ``result``) is an accepted one."""
        return finding_fingerprint(result, finding) in self._fingerprints

    def new_findings(self, result: ResultLike) -> list[FindingLike]:
        """The findings of ``result`` that the baseline does not accept."""
        return [f for f in _findings(result) if not self.suppresses(result, f)]

    @property
    def entries(self) -> list[BaselineEntry]:
        return sorted(self._entries.values())

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, fp: object) -> bool:
        return fp in self._fingerprints

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": BASELINE_VERSION,
            "tool": "xlate",
            "findings": [e.to_dict() for e in self.entries],
            "scores": {doc: round(score, 2) for doc, score in sorted(self.scores.items())},
        }

    def save(self, path: str | Path) -> None:
        """Write the baseline as sorted, indented JSON (atomically: a temporary file, then a rename)."""
        path = Path(path)
        text = json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"
        directory = path.parent if str(path.parent) else Path(".")
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
            os.replace(tmp, path)
        except OSError as exc:
            raise InputError(f"{path}: cannot write the baseline ({exc.strerror})") from None

    @classmethod
    def load(cls, path: str | Path) -> Baseline:
        """Read a baseline file; anything unusable is an InputError naming the file."""
        path = Path(path)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise InputError(f"{path}: no such baseline file") from None
        except OSError as exc:
            raise InputError(f"{path}: cannot read the baseline ({exc.strerror})") from None
        try:
            obj = json.loads(data.decode("utf-8-sig"))
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}: not a baseline file (not UTF-8 at byte {exc.start})") from None
        except json.JSONDecodeError as exc:
            raise InputError(
                f"{path}: not a baseline file (not JSON: {exc.msg} at line {exc.lineno})"
            ) from None
        if not isinstance(obj, dict) or "findings" not in obj:
            raise InputError(
                f"{path}: not a baseline file (expected a JSON object with 'version' and 'findings')"
            )
        version = obj.get("version")
        if version != BASELINE_VERSION:
            raise InputError(
                f"{path}: unsupported baseline version {version!r} (expected {BASELINE_VERSION})"
            )
        findings = obj["findings"]
        if not isinstance(findings, list):
            raise InputError(f"{path}: 'findings' must be a list")
        entries = []
        for n, item in enumerate(findings, 1):
            if not isinstance(item, dict) or not isinstance(item.get("fingerprint"), str):
                raise InputError(f"{path}: finding {n} has no 'fingerprint' string")
            fp = item["fingerprint"].strip().lower()
            if len(fp) != 64 or any(c not in "0123456789abcdef" for c in fp):
                raise InputError(f"{path}: finding {n}: {item['fingerprint']!r} is not a sha256 fingerprint")
            entries.append(
                BaselineEntry(
                    document=str(item.get("document", "")),
                    code=str(item.get("code", "")),
                    excerpt=str(item.get("excerpt", "")),
                    fingerprint=fp,
                )
            )
        scores = obj.get("scores", {})
        if not isinstance(scores, dict) or not all(isinstance(v, int | float) for v in scores.values()):
            raise InputError(f"{path}: 'scores' must map document ids to numbers")
        return cls(entries, {str(k): float(v) for k, v in scores.items()})
