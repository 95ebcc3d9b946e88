"""TMX reader: pairs, inline markup, language tags, malformed and unsafe files."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from xlate.errors import InputError
from xlate.io.tmx import read_tmx
from xlate.model import BadInput, PairInput

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "inputs"


def _tmx(body: str, *, decl: str = '<?xml version="1.0" encoding="UTF-8"?>') -> str:
    return f'{decl}\n<tmx version="1.4"><header srclang="es" segtype="sentence"/><body>{body}</body></tmx>\n'


def test_two_pairs_with_inline_markup_reduced_to_text() -> None:
    records = list(read_tmx(FIXTURES / "pairs.tmx"))
    assert [type(r) for r in records] == [PairInput, PairInput]
    first, second = records
    assert first.id == "nota-1"
    assert first.source == "El Gobierno anunció 2.000 nuevas plazas de acogida en Cúcuta."
    assert first.target == "The Government announced 2,000 new shelter places in Cúcuta."
    assert first.origin == f"{FIXTURES / 'pairs.tmx'}#nota-1"
    # old-style ``lang`` attribute, upper-case tags, an <it> with native code dropped
    assert second.source == "La secretaria de Economía viajará el lunes a Washington."
    assert second.target == "The Economy Secretary will travel to Washington on Monday."


def test_tu_missing_a_language_is_a_bad_input_and_the_rest_is_read() -> None:
    path = FIXTURES / "missing_lang.tmx"
    records = list(read_tmx(path, ("es", "en")))
    assert [r.id for r in records] == ["a1", "a2", "a3"]
    assert isinstance(records[0], PairInput) and isinstance(records[2], PairInput)
    bad = records[1]
    assert isinstance(bad, BadInput)
    assert bad.error == f"{path}: tu 2 (tuid a2): no English segment"


def test_tu_without_tuid_is_numbered(tmp_path: Path) -> None:
    path = tmp_path / "x.tmx"
    path.write_text(
        _tmx(
            '<tu><tuv xml:lang="en"><seg>Only English.</seg></tuv></tu>'
            '<tu><tuv xml:lang="es"><seg>Hola.</seg></tuv><tuv xml:lang="en"><seg>Hello.</seg></tuv></tu>'
        ),
        encoding="utf-8",
    )
    bad, good = list(read_tmx(path))
    assert isinstance(bad, BadInput) and bad.id == "tu-1"
    assert bad.error == f"{path}: tu 1: no Spanish segment"
    assert good == PairInput("tu-2", "Hola.", "Hello.", f"{path}#tu-2", ("es", "en"))


def test_broken_xml_is_one_input_error_with_position() -> None:
    path = FIXTURES / "broken.tmx"
    with pytest.raises(InputError) as info:
        list(read_tmx(path))
    assert str(info.value).startswith(f"{path}: not well-formed XML (line 9, column ")


@pytest.mark.parametrize("name", ["billion_laughs.tmx", "external_entity.tmx"])
def test_entity_declarations_are_rejected_not_expanded(name: str) -> None:
    path = FIXTURES / name
    started = time.perf_counter()
    with pytest.raises(InputError) as info:
        list(read_tmx(path))
    assert time.perf_counter() - started < 2
    message = str(info.value)
    assert message.startswith(f"{path}: XML entity declarations are not allowed")
    assert "root:" not in message and "lollollol" not in message
    assert "\n" not in message


def test_no_tu_with_both_languages_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "defr.tmx"
    path.write_text(
        _tmx('<tu><tuv xml:lang="de"><seg>Hallo.</seg></tuv><tuv xml:lang="fr"><seg>Salut.</seg></tuv></tu>'),
        encoding="utf-8",
    )
    with pytest.raises(
        InputError, match=r"no <tu> has both a Spanish and an English segment \(languages found: de, fr\)"
    ):
        list(read_tmx(path, ("es", "en")))
    with pytest.raises(InputError, match=r"no <tu> has both a Spanish and another language's segment"):
        list(read_tmx(path))


def test_not_a_tmx_root(tmp_path: Path) -> None:
    path = tmp_path / "x.tmx"
    path.write_text("<xliff/>", encoding="utf-8")
    with pytest.raises(InputError, match=r"not a TMX file \(root element <xliff>\)"):
        list(read_tmx(path))


def test_empty_and_non_utf8_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.tmx"
    empty.write_bytes(b"  \n")
    with pytest.raises(InputError, match=r"empty\.tmx: file is empty$"):
        list(read_tmx(empty))
    latin = tmp_path / "latin.tmx"
    latin.write_bytes(_tmx('<tu><tuv xml:lang="es"><seg>Año</seg></tuv></tu>', decl="").encode("latin-1"))
    with pytest.raises(InputError, match=r"latin\.tmx: not UTF-8 \(invalid byte 0xf1 at line 2\)"):
        list(read_tmx(latin))


def test_declared_non_utf8_encoding_is_honoured(tmp_path: Path) -> None:
    path = tmp_path / "latin.tmx"
    body = '<tu><tuv xml:lang="es"><seg>El año</seg></tuv><tuv xml:lang="en"><seg>The year</seg></tuv></tu>'
    path.write_bytes(_tmx(body, decl='<?xml version="1.0" encoding="ISO-8859-1"?>').encode("latin-1"))
    (pair,) = read_tmx(path)
    assert pair.source == "El año"
