"""The SQLite result cache: keys, round trip, persistence, rebuilding results."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest

from xlate.cache import ResultCache, cache_key, config_fingerprint, result_from_payload
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

SOURCE = "El éxodo venezolano continúa. Miles cruzan.\n\nEl Gobierno abre albergues."
TARGET = "The Venezuelan exodus. continues. Thousands cross.\n\nThe Government opens shelters."


def _side(lang: str, text: str, spans: list[tuple[int, int, int]]) -> Side:
    sentences = [Sentence(i, p, s, e, text[s:e]) for i, (p, s, e) in enumerate(spans)]
    paragraphs = []
    for p in sorted({s.paragraph for s in sentences}):
        members = [s for s in sentences if s.paragraph == p]
        paragraphs.append(
            Paragraph(p, members[0].start, members[-1].end, range(members[0].index, members[-1].index + 1))
        )
    return Side(lang, text, paragraphs, sentences)


def _result() -> DocumentResult:
    source = _side("es", SOURCE, [(0, 0, 29), (0, 30, 43), (1, 45, 72)])
    target = _side("en", TARGET, [(0, 0, 22), (0, 23, 33), (0, 34, 50), (1, 52, 82)])
    links = [Link((0,), (0, 1), 0.8123456), Link((1,), (2,), None), Link((2,), (3,), 0.9)]
    finding = Finding(
        "XL101", "fragment-split", "fluency/grammar", Severity.MAJOR, (0, 33), (0, 29),
        "fragment", "The Venezuelan exodus continues.", 0.9,
    )  # fmt: skip
    document = Document("art-1", source, target, links, origin="a.en.txt")
    return DocumentResult("art-1", document, [finding], 93.25, {"apertium": True}, origin="a.en.txt")


def test_key_is_stable_and_changes_with_every_field() -> None:
    key = cache_key("0.1.0", "cfg", SOURCE, TARGET)
    assert key == cache_key("0.1.0", "cfg", SOURCE, TARGET)
    assert len(key) == 64
    others = {
        cache_key("0.1.1", "cfg", SOURCE, TARGET),
        cache_key("0.1.0", "cfg2", SOURCE, TARGET),
        cache_key("0.1.0", "cfg", SOURCE + " ", TARGET),
        cache_key("0.1.0", "cfg", SOURCE, TARGET + " "),
        cache_key("0.1.0", "cf", "g" + SOURCE, TARGET),  # no ambiguity between fields
    }
    assert key not in others and len(others) == 5


def test_config_fingerprint_changes_with_config() -> None:
    @dataclass
    class Cfg:
        fail_on: str = "major"
        ignore: tuple[str, ...] = ()

    a = config_fingerprint(Cfg(), {"apertium": "3.8"})
    assert a == config_fingerprint(Cfg(), {"apertium": "3.8"})
    assert a != config_fingerprint(Cfg(ignore=("XL107",)), {"apertium": "3.8"})
    assert a != config_fingerprint(Cfg(), {"apertium": None})
    assert cache_key("v", a, "s", "t") != cache_key("v", config_fingerprint(Cfg(fail_on="minor")), "s", "t")


def test_round_trip_and_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite"
    payload = _result().to_dict(with_sentences=True)
    key = cache_key("0.1.0", "cfg", SOURCE, TARGET)
    with ResultCache(path) as cache:
        assert cache.get(key) is None
        cache.put(key, payload)
        assert cache.get(key) == payload
        assert key in cache and len(cache) == 1
        assert (cache.hits, cache.misses) == (1, 1)
    with ResultCache(path) as cache:
        assert cache.get(key) == payload
        assert cache.get(cache_key("0.1.0", "other-config", SOURCE, TARGET)) is None


def test_each_put_is_committed_at_once(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite"
    cache = ResultCache(path)  # never closed: an interrupted run
    cache.put("k1", {"id": "a", "score": 100.0})
    mode = sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"
    with ResultCache(path) as other:
        assert other.get("k1") == {"id": "a", "score": 100.0}
    cache.close()


def test_result_rebuilt_from_payload_matches_the_original(tmp_path: Path) -> None:
    original = _result()
    payload = original.to_dict(with_sentences=True)
    pair = PairInput("renamed", SOURCE, TARGET, "b.en.txt")
    rebuilt = result_from_payload(payload, pair, ("es", "en"))
    assert rebuilt.id == "renamed" and rebuilt.origin == "b.en.txt"
    assert rebuilt.findings == original.findings
    assert rebuilt.document is not None and original.document is not None
    assert rebuilt.document.target.sentences == original.document.target.sentences
    assert rebuilt.document.source.paragraphs == original.document.source.paragraphs
    expected = dict(payload, id="renamed", origin="b.en.txt")
    assert rebuilt.to_dict(with_sentences=True) == expected
    error = result_from_payload({"id": "x", "error": "bad"}, pair, ("es", "en"))
    assert error.error == "bad" and error.document is None


def test_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite"
    path.write_bytes(b"this is not sqlite at all, just some text in a file" * 20)
    with pytest.raises(InputError, match=r"cache\.sqlite: not a usable result cache"):
        ResultCache(path)


def test_clear(tmp_path: Path) -> None:
    with ResultCache(tmp_path / "c.sqlite") as cache:
        cache.put("k", {"id": "a"})
        cache.put("k", {"id": "b"})
        assert len(cache) == 1 and cache.get("k") == {"id": "b"}
        cache.clear()
        assert len(cache) == 0
