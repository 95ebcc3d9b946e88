"""read_inputs: dispatch to the right reader, and clear errors for everything else."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from xlate.errors import InputError
from xlate.io.detect import read_inputs, sniff_format
from xlate.model import BadInput, PairInput

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "inputs"


def _ids(records: object) -> list[str]:
    return [r.id for r in records]  # type: ignore[attr-defined]


def test_two_text_files_are_one_pair(tmp_path: Path) -> None:
    es, en = tmp_path / "a.txt", tmp_path / "b.txt"
    es.write_text("Hola.\r\n", encoding="utf-8")
    en.write_text("\ufeffHello.\n", encoding="utf-8")
    (pair,) = read_inputs([es, en])
    assert pair == PairInput("b.txt", "Hola.\r\n", "\ufeffHello.\n", str(en))


def test_two_html_files_are_one_pair() -> None:
    (pair,) = read_inputs([FIXTURES / "html" / "article.es.html", FIXTURES / "html" / "article.en.html"])
    assert pair.source.startswith("Miles de migrantes")


def test_dispatch_by_extension() -> None:
    assert _ids(read_inputs([FIXTURES / "pairs.tmx"])) == ["nota-1", "nota-2"]
    assert _ids(read_inputs([FIXTURES / "pairs12.xlf"])) == ["t1", "t2"]
    assert _ids(read_inputs([FIXTURES / "pairs.tsv"])) == ["p1", "p2", "p3", "p4"]
    assert _ids(read_inputs([FIXTURES / "dir_pairs"]))[:2] == ["alpha", "beta"]
    assert len(list(read_inputs([FIXTURES / "feeds" / "rss_es.xml", FIXTURES / "feeds" / "rss_en.xml"]))) == 3
    feeds = read_inputs(
        [], feed_source=FIXTURES / "feeds" / "atom_es.xml", feed_target=FIXTURES / "feeds" / "atom_en.xml"
    )
    assert len(list(feeds)) == 2


def test_dispatch_by_content(tmp_path: Path) -> None:
    tmx = tmp_path / "memory.xml"
    shutil.copy(FIXTURES / "pairs.tmx", tmx)
    xliff = tmp_path / "job.xml"
    shutil.copy(FIXTURES / "pairs20.xlf", xliff)
    jsonl = tmp_path / "pairs.dat"
    jsonl.write_text('{"id": "j1", "source": "Hola.", "target": "Hello."}\n', encoding="utf-8")
    tsv = tmp_path / "pairs.txt.out"
    tsv.write_text("t1\tHola.\tHello.\n", encoding="utf-8")
    rss = tmp_path / "es.feed"
    shutil.copy(FIXTURES / "feeds" / "rss_es.xml", rss)
    assert [sniff_format(p) for p in (tmx, xliff, jsonl, tsv, rss)] == [
        "tmx",
        "xliff",
        "jsonl",
        "tsv",
        "feed",
    ]
    assert _ids(read_inputs([tmx])) == ["nota-1", "nota-2"]
    assert _ids(read_inputs([xliff])) == ["u1", "u2"]
    assert _ids(read_inputs([jsonl])) == ["j1"]
    assert _ids(read_inputs([tsv])) == ["t1"]


def test_pairs_file_is_the_batch_contract(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": "x", "source": "Hola.", "target": "Hello."}\nnot json\n', encoding="utf-8")
    good, bad = read_inputs([], pairs_file=path)
    assert isinstance(good, PairInput) and isinstance(bad, BadInput)


def test_unknown_formats_and_bad_combinations(tmp_path: Path) -> None:
    other = tmp_path / "other.xml"
    other.write_text("<catalog><book/></catalog>", encoding="utf-8")
    with pytest.raises(InputError, match=r"^.*other\.xml: unknown input format \(expected "):
        read_inputs([other])
    with pytest.raises(InputError, match=r"plain\.en\.txt: one text file is not a pair"):
        read_inputs([FIXTURES / "plain.en.txt"])
    with pytest.raises(InputError, match=r"rss_es\.xml: one feed is not a pair"):
        read_inputs([FIXTURES / "feeds" / "rss_es.xml"])
    with pytest.raises(InputError, match=r"rss_en\.xml: is an RSS/Atom feed, but the other file is not"):
        read_inputs([FIXTURES / "plain.en.txt", FIXTURES / "feeds" / "rss_en.xml"])
    with pytest.raises(InputError, match=r"pairs\.tmx: a TMX file is a complete bilingual input"):
        read_inputs([FIXTURES / "pairs.tmx", FIXTURES / "plain.en.txt"])
    with pytest.raises(InputError, match=r"got 3 paths"):
        read_inputs([FIXTURES / "plain.en.txt"] * 3)
    with pytest.raises(InputError, match="no input given"):
        read_inputs([])
    with pytest.raises(InputError, match="not both"):
        read_inputs([FIXTURES / "plain.en.txt"], pairs_file=FIXTURES / "pairs.tsv")
    with pytest.raises(InputError, match="must be given together"):
        read_inputs([], feed_source=FIXTURES / "feeds" / "rss_es.xml")
    with pytest.raises(InputError, match=r"missing\.tmx: no such file"):
        read_inputs([tmp_path / "missing.tmx"])
    with pytest.raises(InputError, match=r"is a directory"):
        read_inputs([FIXTURES / "dir_pairs", FIXTURES / "plain.en.txt"])


def test_empty_and_non_utf8_files() -> None:
    with pytest.raises(InputError, match=r"empty\.txt: file is empty$"):
        read_inputs([FIXTURES / "empty.txt"])
    with pytest.raises(InputError, match=r"empty\.txt: file is empty$"):
        read_inputs([FIXTURES / "empty.txt", FIXTURES / "plain.en.txt"])
    with pytest.raises(InputError, match=r"latin1\.es\.txt: not UTF-8 \(invalid byte 0xf1 at line 1\)$"):
        read_inputs([FIXTURES / "latin1.es.txt", FIXTURES / "plain.en.txt"])
    with pytest.raises(InputError, match=r"latin1\.es\.txt: not UTF-8"):
        read_inputs([FIXTURES / "latin1.es.txt"])


def test_reader_errors_surface_from_the_iterator() -> None:
    records = read_inputs([FIXTURES / "broken.tmx"])
    with pytest.raises(InputError, match="not well-formed XML"):
        list(records)


def test_jsonl_keeps_per_line_errors_and_feed_files_are_checked_at_once(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'{"id": "a", "source": "Hola.", "target": "Hello."}\n{"id": "b", "source": "A\xf1o"}\n')
    good, bad = read_inputs([path])
    assert isinstance(good, PairInput)
    assert isinstance(bad, BadInput) and bad.error == f"{path}:2: not UTF-8"
    with pytest.raises(InputError, match=r"missing\.xml: no such file"):
        read_inputs([], feed_source=FIXTURES / "feeds" / "rss_es.xml", feed_target=tmp_path / "missing.xml")
    with pytest.raises(InputError, match=r"map\.json: no such file"):
        read_inputs(
            [],
            feed_source=FIXTURES / "feeds" / "rss_es.xml",
            feed_target=FIXTURES / "feeds" / "rss_en.xml",
            feed_map=tmp_path / "map.json",
        )
