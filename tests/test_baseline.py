"""Baselines: accepted findings by stable fingerprint."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from xlate.baseline import Baseline, finding_fingerprint, finding_sentence, fingerprint
from xlate.errors import InputError
from xlate.model import Document, DocumentResult, Finding, Paragraph, Sentence, Severity, Side

SOURCE = "El éxodo venezolano continúa. Miles de personas cruzan.\n\nEl Gobierno abre albergues."
TARGET = "The Venezuelan exodus. continues. Thousands of people cross.\n\nThe Government opens shelters."


def _side(lang: str, text: str) -> Side:
    """A simple segmentation (paragraphs at blank lines, sentences at . ! ?) with exact spans."""
    sentences: list[Sentence] = []
    paragraphs: list[Paragraph] = []
    for p_index, para in enumerate(re.finditer(r"[^\n]+(?:\n[^\n]+)*", text)):
        first = len(sentences)
        for m in re.finditer(r"[^\s.!?][^.!?]*[.!?]+", para.group()):
            start, end = para.start() + m.start(), para.start() + m.end()
            sentences.append(Sentence(len(sentences), p_index, start, end, text[start:end]))
        paragraphs.append(Paragraph(p_index, para.start(), para.end(), range(first, len(sentences))))
    return Side(lang, text, paragraphs, sentences)


def _finding(code: str, target: str, needle: str | None, source_needle: str | None = None) -> Finding:
    t_span = None if needle is None else (target.index(needle), target.index(needle) + len(needle))
    s_span = None
    if source_needle is not None:
        start = SOURCE.index(source_needle)
        s_span = (start, start + len(source_needle))
    return Finding(code, "check", "fluency/grammar", Severity.MAJOR, t_span, s_span, f"{code} here")


def _result(doc_id: str, findings: list[Finding], target: str = TARGET) -> DocumentResult:
    document = Document(doc_id, _side("es", SOURCE), _side("en", target))
    return DocumentResult(doc_id, document, findings, 90.0)


def test_fingerprint_normalises_whitespace_and_case() -> None:
    assert fingerprint("XL101", "The  Venezuelan\nexodus.") == fingerprint(
        "XL101", " the venezuelan EXODUS. "
    )
    assert fingerprint("XL101", "The exodus.") != fingerprint("XL102", "The exodus.")
    assert len(fingerprint("XL101", "x")) == 64


def test_fingerprint_text_is_the_sentence_holding_the_span() -> None:
    result = _result("a", [])
    assert finding_sentence(result, _finding("XL105", TARGET, "Thousands")) == "Thousands of people cross."
    # a span over two sentences takes both
    assert finding_sentence(result, _finding("XL101", TARGET, "exodus. continues")) == (
        "The Venezuelan exodus. continues."
    )
    # source-only finding: the source sentence
    only_source = _finding("XL201", TARGET, None, "Miles de personas")
    assert finding_sentence(result, only_source) == "Miles de personas cruzan."
    # no span at all: the message
    assert finding_sentence(result, _finding("XL106", TARGET, None)) == "XL106 here"


def test_create_suppresses_its_findings_and_not_new_ones() -> None:
    old = _finding("XL101", TARGET, "exodus. continues")
    baseline = Baseline.create([_result("a", [old])])
    assert baseline.suppresses(_result("a", [old]), old)
    new_sentence = _finding("XL101", TARGET, "Government")
    new_code = _finding("XL103", TARGET, "exodus. continues")
    result = _result("a", [old, new_sentence, new_code])
    assert not baseline.suppresses(result, new_sentence)
    assert not baseline.suppresses(result, new_code)
    assert baseline.new_findings(result) == [new_sentence, new_code]


def test_suppression_survives_edits_elsewhere_and_other_documents() -> None:
    old = _finding("XL101", TARGET, "exodus. continues")
    baseline = Baseline.create([_result("a", [old])])
    moved_text = "A new first paragraph was added.\n\n" + TARGET.replace("The Venezuelan", "The  VENEZUELAN")
    moved = _finding("XL101", moved_text, "exodus. continues")
    assert moved.target_span != old.target_span
    assert baseline.suppresses(_result("renamed", [moved], moved_text), moved)


def test_batch_dicts_give_the_same_fingerprints() -> None:
    finding = _finding("XL101", TARGET, "exodus. continues")
    result = _result("a", [finding])
    as_dict = result.to_dict(with_sentences=True)
    assert finding_fingerprint(as_dict, as_dict["findings"][0]) == finding_fingerprint(result, finding)
    baseline = Baseline.create([as_dict])
    assert baseline.suppresses(result, finding)


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    results = [
        _result("b", [_finding("XL103", TARGET, "Government")]),
        _result(
            "a", [_finding("XL101", TARGET, "exodus. continues"), _finding("XL105", TARGET, "Thousands")]
        ),
    ]
    path = tmp_path / "baseline.json"
    Baseline.create(results).save(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert [(f["document"], f["code"]) for f in data["findings"]] == [
        ("a", "XL101"),
        ("a", "XL105"),
        ("b", "XL103"),
    ]
    assert data["findings"][0]["excerpt"] == "The Venezuelan exodus. continues."
    assert set(data["findings"][0]) == {"fingerprint", "code", "document", "excerpt"}
    assert path.read_text(encoding="utf-8").endswith("}\n")
    loaded = Baseline.load(path)
    assert len(loaded) == 3
    assert all(loaded.suppresses(r, f) for r in results for f in r.findings)
    loaded.save(tmp_path / "again.json")
    assert (tmp_path / "again.json").read_text(encoding="utf-8") == path.read_text(encoding="utf-8")


def test_update_adds_new_and_prunes_fixed_findings() -> None:
    first = _finding("XL101", TARGET, "exodus. continues")
    second = _finding("XL105", TARGET, "Thousands")
    other_doc = _result("b", [_finding("XL103", TARGET, "Government")])
    baseline = Baseline.create([_result("a", [first]), other_doc])
    baseline.update([_result("a", [second])])
    run = _result("a", [first, second])
    assert baseline.suppresses(run, second)
    assert not baseline.suppresses(run, first)  # fixed in "a", so pruned
    assert baseline.suppresses(other_doc, other_doc.findings[0])  # "b" was not re-run: kept
    baseline.update([_result("a", [first])], prune=False)
    assert baseline.suppresses(run, first) and baseline.suppresses(run, second)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"not json", "not a baseline file (not JSON"),
        (b"[]", "not a baseline file (expected a JSON object"),
        (b'{"version": 7, "findings": []}', "unsupported baseline version 7"),
        (b'{"version": 1, "findings": {}}', "'findings' must be a list"),
        (b'{"version": 1, "findings": [{"code": "XL101"}]}', "finding 1 has no 'fingerprint'"),
        (b'{"version": 1, "findings": [{"fingerprint": "abc"}]}', "is not a sha256 fingerprint"),
        (b"\xff\xfe{}", "not UTF-8"),
    ],
)
def test_bad_baseline_files(tmp_path: Path, content: bytes, problem: str) -> None:
    path = tmp_path / "baseline.json"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        Baseline.load(path)
    message = str(info.value)
    assert message.startswith(f"{path}: ") and problem in message and "\n" not in message


def test_missing_baseline_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nope\.json: no such baseline file"):
        Baseline.load(tmp_path / "nope.json")
