"""Line/column positions, file locations and fingerprints shared by the file-pointing writers."""

from __future__ import annotations

import re
from pathlib import Path

from xlate.model import Document, DocumentResult, Finding, Link, Severity
from xlate.report.positions import LineIndex, line_column, locate, origin_file
from xlate.report.sarif import fingerprint


def test_line_column_is_one_based_and_counts_characters() -> None:
    assert line_column("", 0) == (1, 1)
    assert line_column("abc", 0) == (1, 1)
    assert line_column("abc", 3) == (1, 4)
    assert line_column("ab\ncd", 3) == (2, 1)
    assert line_column("ab\ncd", 5) == (2, 3)
    assert line_column("😀é x", 3) == (1, 4)  # a code point is one column, whatever its UTF-16 length


def test_crlf_is_one_line_break() -> None:
    text = "ab\r\ncd\r\n\r\nef"
    assert line_column(text, 2) == (1, 3)
    assert line_column(text, 3) == (1, 3)  # between \r and \n: still the end of line 1
    assert line_column(text, 4) == (2, 1)
    assert line_column(text, 8) == (3, 1)
    assert line_column(text, 10) == (4, 1)
    assert line_column("a\rb", 2) == (2, 1)  # a lone CR breaks a line too


def test_offsets_are_clamped() -> None:
    assert line_column("ab", -5) == (1, 1)
    assert line_column("ab\n", 99) == (2, 1)


def test_line_index_matches_line_column() -> None:
    text = "uno\r\ndos\ntres\rcuatro"
    index = LineIndex(text)
    offsets = range(len(text) + 1)
    assert [index.position(i) for i in offsets] == [line_column(text, i) for i in offsets]


def test_origin_file(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert origin_file(None, "doc-7") == ("doc-7", None)
    assert origin_file("pairs.jsonl:12", "x") == ("pairs.jsonl", 12)
    assert origin_file("corpus/a.en.txt", "x") == ("corpus/a.en.txt", None)
    inside = tmp_path / "sub" / "b.en.txt"
    assert origin_file(str(inside), "x") == ("sub/b.en.txt", None)
    assert origin_file(str(inside) + ":3", "x") == ("sub/b.en.txt", 3)
    outside = Path("/nonexistent-xlate-dir/c.en.txt")
    assert origin_file(str(outside), "x") == (outside.as_posix(), None)
    odd = tmp_path / "odd:7"  # a real file whose name ends like a record number stays whole
    odd.write_text("x")
    assert origin_file(str(odd), "x") == ("odd:7", None)


def test_source_only_finding_is_anchored_where_the_translation_would_be(sample) -> None:
    article = sample.results()[0]
    doc = article.document
    omission = next(f for f in article.findings if f.code == "XL402")
    location = locate(article, omission)
    # Source sentence 3 is a 1-0 link: the anchor is the end of the last translated sentence before it.
    end = doc.target.sentences[3].end
    assert location.region is not None
    assert (location.region.start_line, location.region.start_column) == line_column(doc.target.text, end)
    assert location.region.end_column == location.region.start_column


def test_record_origin_points_at_the_record_line(sample) -> None:
    record = sample.results()[1]
    location = locate(record, record.findings[0])
    assert location.uri == "pairs.jsonl"
    assert location.region is not None and location.region.start_line == 2
    assert location.text_region is not None and location.text_region.start_column == 24


def test_fingerprint_is_stable_and_discriminating(sample) -> None:
    def result(*sentences: str) -> tuple[DocumentResult, Finding]:
        target = sample.side("en", [list(sentences)])
        doc = Document("d", sample.side("es", [["Uno."]]), target, [Link((0,), (0,))])
        start = target.text.lower().index("exodus")
        finding = Finding("XL101", "fragment-split", "fluency/grammar", Severity.MAJOR, (start, start + 6),
                          None, "m")
        return DocumentResult("d", doc, [finding]), finding

    # The same sentence up to case and whitespace, with different text around it.
    ra, fa = result("Intro here.", "The EXODUS   Venezuelan.", "Outro.")
    rb, fb = result("A much longer intro than before.", "The exodus\nvenezuelan.", "Outro changed.")
    assert fingerprint(ra, fa) == fingerprint(rb, fb)
    assert re.fullmatch(r"[0-9a-f]{64}", fingerprint(ra, fa))
    other_code = Finding("XL105", fa.check, fa.category, fa.severity, fa.target_span, None, "m")
    assert fingerprint(ra, other_code) != fingerprint(ra, fa)
    other_sentence = Finding("XL101", fa.check, fa.category, fa.severity, (0, 5), None, "m")
    assert fingerprint(ra, other_sentence) != fingerprint(ra, fa)
    source_only = Finding("XL101", fa.check, fa.category, fa.severity, None, (0, 3), "m")
    assert fingerprint(ra, source_only) != fingerprint(ra, fa)


def test_fingerprints_of_the_sample_are_distinct_per_code_and_sentence(sample) -> None:
    article = sample.results()[0]
    prints = {fingerprint(article, f) for f in article.findings}
    assert len(prints) == len(article.findings)
