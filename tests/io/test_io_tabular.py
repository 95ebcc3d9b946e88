"""TSV of pairs."""

from __future__ import annotations

from pathlib import Path

import pytest

from xlate.errors import InputError
from xlate.io.tabular import read_pairs_tsv, unescape
from xlate.model import BadInput, PairInput

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "inputs"


def test_header_escapes_crlf_and_a_short_line() -> None:
    path = FIXTURES / "pairs.tsv"
    records = list(read_pairs_tsv(path))
    assert [r.id for r in records] == ["p1", "p2", "p3", "p4"]
    assert records[0] == PairInput(
        "p1", "El FMI prevé un crecimiento del 3,1 %.", "The IMF forecasts growth of 3.1%.", f"{path}:2"
    )
    assert records[1].source == "Primer párrafo.\n\nSegundo párrafo con \\ barra y\ttab."
    assert records[1].target == "First paragraph.\n\nSecond paragraph with \\ backslash and\ttab."
    bad = records[2]
    assert isinstance(bad, BadInput)
    assert bad.error == f"{path}:4: expected 3 tab-separated fields, found 2"
    assert bad.origin == f"{path}:4"
    assert records[3].origin == f"{path}:6"


def test_without_header_and_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "p.tsv"
    path.write_text("\ufeffa\tHola.\tHello.\n\tAdiós.\tBye.\n", encoding="utf-8")
    assert list(read_pairs_tsv(path)) == [
        PairInput("a", "Hola.", "Hello.", f"{path}:1"),
        PairInput("line-2", "Adiós.", "Bye.", f"{path}:2"),
    ]


def test_header_gives_the_column_order(tmp_path: Path) -> None:
    path = tmp_path / "p.tsv"
    path.write_text("target\tnotes\tsource\tid\nHello.\tx\tHola.\tk1\n", encoding="utf-8")
    assert list(read_pairs_tsv(path)) == [PairInput("k1", "Hola.", "Hello.", f"{path}:2")]


def test_unescape() -> None:
    assert unescape(r"a\nb\tc\\n\rd\q") == "a\nb\tc\\n\rd\\q"


def test_unusable_files(tmp_path: Path) -> None:
    latin = tmp_path / "latin.tsv"
    latin.write_bytes("a\tHola\tHi\nb\tAño\tYear\n".encode("latin-1"))
    with pytest.raises(InputError, match=r"latin\.tsv: not UTF-8 \(invalid byte 0xf1 at line 2\)"):
        list(read_pairs_tsv(latin))
    header_only = tmp_path / "h.tsv"
    header_only.write_text("id\tsource\ttarget\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"h\.tsv: no pairs after the header row"):
        list(read_pairs_tsv(header_only))
    empty = tmp_path / "e.tsv"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(InputError, match=r"e\.tsv: file is empty"):
        list(read_pairs_tsv(empty))


def test_blank_fields_are_bad_input(tmp_path: Path) -> None:
    path = tmp_path / "p.tsv"
    path.write_text("a\t \t\nb\tHola.\tHello.\n", encoding="utf-8")
    bad, good = read_pairs_tsv(path)
    assert isinstance(bad, BadInput) and bad.error == f"{path}:1: source and target are both empty"
    assert isinstance(good, PairInput)
