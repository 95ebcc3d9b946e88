"""A SQLite cache of finished results, so a re-run checks only the pairs that changed.

Keys are the sha256 of (xlate version, a configuration fingerprint, source, target) — see
:func:`cache_key`. Values are the batch-contract dict of a result with its segmentation
(``DocumentResult.to_dict(with_sentences=True)``). The database runs in WAL mode and every
:meth:`ResultCache.put` is its own transaction, so an interrupted run keeps what it had finished.

The configuration fingerprint must cover everything that changes results: the resolved
configuration and which engines (with their versions) ran; :func:`config_fingerprint` makes one
from any JSON-able objects. A cached payload carries the id and origin of the pair that produced
it; :func:`result_from_payload` rebuilds a :class:`DocumentResult` for the pair at hand.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import sqlite3
import time
from enum import Enum
from pathlib import Path
from types import TracebackType
from typing import Any

from xlate.errors import InputError
from xlate.model import (
    Document,
    DocumentResult,
    Finding,
    Link,
    PairInput,
    Paragraph,
    Sentence,
    Severity,
    Side,
)

DEFAULT_CACHE_PATH = Path(".xlate-cache.sqlite")
SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS results (
    key TEXT PRIMARY KEY,
    payload TEXT NOT NULL,
    stored_at REAL NOT NULL
);
"""


def cache_key(version: str, config_fingerprint: str, source: str, target: str) -> str:
    """sha256 (hex) of the four fields, length-prefixed so no two different tuples collide."""
    digest = hashlib.sha256()
    for part in (version, config_fingerprint, source, target):
        data = part.encode("utf-8", errors="surrogatepass")
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def _jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_jsonable(v) for v in value]
        return sorted(items, key=repr) if isinstance(value, (set, frozenset)) else items
    if isinstance(value, Path):
        return str(value)
    return value


def config_fingerprint(*parts: Any) -> str:
    """A stable string for cache keys from configuration objects (dataclasses, dicts, lists, scalars).

    Pass everything that changes results, e.g. ``config_fingerprint(config, engine_versions)``.
    """
    return json.dumps([_jsonable(p) for p in parts], sort_keys=True, ensure_ascii=False, default=str)


class ResultCache:
    """Results by :func:`cache_key`, in a SQLite file; use as a context manager or call :meth:`close`."""

    def __init__(self, path: str | Path = DEFAULT_CACHE_PATH) -> None:
        self.path = Path(path)
        self.hits = 0
        self.misses = 0
        try:
            self._conn = sqlite3.connect(self.path, timeout=30.0, isolation_level=None)
        except sqlite3.Error as exc:
            raise InputError(f"{self.path}: cannot open the result cache ({exc})") from None
        try:
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=NORMAL")
            self._conn.executescript(_SCHEMA)
            row = self._conn.execute("SELECT value FROM meta WHERE name = 'schema'").fetchone()
            if row is None:
                self._conn.execute(
                    "INSERT OR IGNORE INTO meta (name, value) VALUES ('schema', ?)", (str(SCHEMA_VERSION),)
                )
            elif row[0] != str(SCHEMA_VERSION):
                raise InputError(
                    f"{self.path}: result cache schema {row[0]} is not supported "
                    f"(expected {SCHEMA_VERSION}); delete the file to start a new cache"
                )
        except sqlite3.Error as exc:
            self._conn.close()
            raise InputError(f"{self.path}: not a usable result cache ({exc})") from None
        except InputError:
            self._conn.close()
            raise

    def get(self, key: str) -> dict[str, Any] | None:
        """The stored payload, or None (a missing or unreadable entry is a miss)."""
        try:
            row = self._conn.execute("SELECT payload FROM results WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error as exc:
            raise InputError(f"{self.path}: cannot read the result cache ({exc})") from None
        payload = None
        if row is not None:
            try:
                payload = json.loads(row[0])
            except json.JSONDecodeError:
                payload = None
        if not isinstance(payload, dict):
            self.misses += 1
            return None
        self.hits += 1
        return payload

    def put(self, key: str, payload: dict[str, Any]) -> None:
        """Store one payload, committed at once (one transaction per result)."""
        text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
        try:
            with self._transaction():
                self._conn.execute(
                    "INSERT OR REPLACE INTO results (key, payload, stored_at) VALUES (?, ?, ?)",
                    (key, text, time.time()),
                )
        except sqlite3.Error as exc:
            raise InputError(f"{self.path}: cannot write the result cache ({exc})") from None

    def __contains__(self, key: object) -> bool:
        row = self._conn.execute("SELECT 1 FROM results WHERE key = ?", (key,)).fetchone()
        return row is not None

    def __len__(self) -> int:
        return int(self._conn.execute("SELECT COUNT(*) FROM results").fetchone()[0])

    def clear(self) -> None:
        """Forget every stored result."""
        with self._transaction():
            self._conn.execute("DELETE FROM results")

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> ResultCache:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def _transaction(self) -> _Transaction:
        return _Transaction(self._conn)


class _Transaction:
    """BEGIN … COMMIT (ROLLBACK on error) on an autocommit connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def __enter__(self) -> None:
        self._conn.execute("BEGIN IMMEDIATE")

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._conn.execute("ROLLBACK" if exc_type is not None else "COMMIT")


def _side(lang: str, text: str, rows: list[dict[str, Any]]) -> Side:
    sentences = [
        Sentence(int(r["index"]), int(r["paragraph"]), int(r["span"][0]), int(r["span"][1]), r["text"])
        for r in rows
    ]
    paragraphs: list[Paragraph] = []
    for sentence in sentences:
        last = paragraphs[-1] if paragraphs else None
        if last is not None and last.index == sentence.paragraph:
            paragraphs[-1] = Paragraph(
                last.index, last.start, sentence.end, range(last.sentences.start, sentence.index + 1)
            )
        else:
            paragraphs.append(
                Paragraph(
                    sentence.paragraph,
                    sentence.start,
                    sentence.end,
                    range(sentence.index, sentence.index + 1),
                )
            )
    return Side(lang, text, paragraphs, sentences)


def _finding(obj: dict[str, Any]) -> Finding:
    def span(value: Any) -> tuple[int, int] | None:
        return None if value is None else (int(value[0]), int(value[1]))

    return Finding(
        code=obj["code"],
        check=obj["check"],
        category=obj["category"],
        severity=Severity.parse(obj["severity"]),
        target_span=span(obj.get("target_span")),
        source_span=span(obj.get("source_span")),
        message=obj["message"],
        suggestion=obj.get("suggestion"),
        confidence=float(obj.get("confidence", 1.0)),
    )


def result_from_payload(payload: dict[str, Any], pair: PairInput, languages: tuple[str, str]) -> DocumentResult:
    """Rebuild the DocumentResult of ``pair`` from a cached payload (id and origin come from ``pair``;
    ``languages`` are the codes of its source and target language).

    Paragraph spans are rebuilt from their sentences (from the first sentence's start to the last
    one's end). A payload stored for an error is rebuilt as an error result.
    """
    if "error" in payload:
        return DocumentResult(pair.id, error=str(payload["error"]), origin=pair.origin)
    links = [
        Link(tuple(link["source"]), tuple(link["target"]), link.get("similarity"))
        for link in payload.get("alignment", [])
    ]
    document = Document(
        id=pair.id,
        source=_side(languages[0], pair.source, payload.get("source_sentences", [])),
        target=_side(languages[1], pair.target, payload.get("target_sentences", [])),
        links=links,
        origin=pair.origin,
    )
    return DocumentResult(
        id=pair.id,
        document=document,
        findings=[_finding(f) for f in payload.get("findings", [])],
        score=payload.get("score"),
        engines=dict(payload.get("engines", {})),
        origin=pair.origin,
        words=[link["words"] for link in payload.get("alignment", []) if "words" in link],
    )
