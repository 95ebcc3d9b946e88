"""XLIFF 1.2 and 2.x reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from xlate.errors import InputError
from xlate.io.xliff import read_xliff
from xlate.model import BadInput, PairInput

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "inputs"


def test_xliff_12_units_with_inline_elements() -> None:
    path = FIXTURES / "pairs12.xlf"
    assert list(read_xliff(path)) == [
        PairInput(
            "t1",
            "El Banco Central subió los tipos al 5,25 %.",
            "The Central Bank raised rates to 5.25%.",
            f"{path}#t1",
            ("es", "en"),
        ),
        PairInput(
            "t2",
            "La inflación bajó por tercer mes consecutivo.",
            "Inflation fell for the third month in a row.",
            f"{path}#t2",
            ("es", "en"),
        ),
    ]


def test_xliff_20_segments_joined_per_unit() -> None:
    path = FIXTURES / "pairs20.xlf"
    first, second = read_xliff(path)
    assert first == PairInput(
        "u1",
        "El alcalde inauguró el nuevo puente el domingo. Costó 30 millones de euros.",
        "The mayor opened the new bridge on Sunday. It cost 30 million euros.",
        f"{path}#u1",
        ("es", "en"),
    )
    assert second.source == "Los vecinos celebraron la obra!"  # <cp hex="0021"/>
    assert second.target == "Residents celebrated the work!"


def test_xliff_12_units_without_target_are_bad_inputs() -> None:
    path = FIXTURES / "unpaired12.xlf"
    records = list(read_xliff(path))
    assert [r.id for r in records] == ["ok-1", "no-target", "empty-target", "ok-2"]
    assert [type(r) for r in records] == [PairInput, BadInput, BadInput, PairInput]
    assert records[1].error == f"{path}: trans-unit no-target: no target"
    assert records[2].error == f"{path}: trans-unit empty-target: empty target"


def test_xliff_20_unit_with_an_untranslated_segment() -> None:
    path = FIXTURES / "unpaired20.xlf"
    bad, good = read_xliff(path)
    assert isinstance(bad, BadInput)
    assert bad.error == f"{path}: unit partial: no target for segment s2"
    assert isinstance(good, PairInput) and good.id == "whole"


def test_version_detected_without_namespace(tmp_path: Path) -> None:
    path = tmp_path / "v2.xlf"
    path.write_text(
        '<xliff version="2.1" srcLang="es" trgLang="en"><file id="f"><unit id="1"><segment>'
        "<source>Hola.</source><target>Hello.</target></segment></unit></file></xliff>",
        encoding="utf-8",
    )
    assert list(read_xliff(path)) == [PairInput("1", "Hola.", "Hello.", f"{path}#1", ("es", "en"))]


def test_translate_no_units_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "x.xlf"
    path.write_text(
        '<xliff version="1.2"><file source-language="es" target-language="en"><body>'
        '<trans-unit id="a" translate="no"><source>ACME</source></trans-unit>'
        '<trans-unit id="b"><source>Hola.</source><target>Hello.</target></trans-unit>'
        "</body></file></xliff>",
        encoding="utf-8",
    )
    assert [r.id for r in read_xliff(path)] == ["b"]


def test_malformed_and_unsafe_xliff(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xlf"
    broken.write_text(
        '<xliff version="1.2"><file><body><trans-unit id="a"><source>x</target>', encoding="utf-8"
    )
    with pytest.raises(InputError, match=r"broken\.xlf: not well-formed XML \(line 1, column \d+\)"):
        list(read_xliff(broken))
    unsafe = tmp_path / "unsafe.xlf"
    unsafe.write_text(
        '<!DOCTYPE xliff [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        '<xliff version="1.2"><file><body><trans-unit id="a"><source>&b;</source>'
        "<target>&b;</target></trans-unit></body></file></xliff>",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="entity declarations are not allowed"):
        list(read_xliff(unsafe))
    other = tmp_path / "other.xlf"
    other.write_text("<tmx/>", encoding="utf-8")
    with pytest.raises(InputError, match=r"not an XLIFF file \(root element <tmx>\)"):
        list(read_xliff(other))
    none = tmp_path / "none.xlf"
    none.write_text('<xliff version="1.2"><file><body/></file></xliff>', encoding="utf-8")
    with pytest.raises(InputError, match="no translation units"):
        list(read_xliff(none))
