"""The Hunspell engines of a run: the target's spelling dictionaries, and the source's where the pair
has no source analyser to tell which copied words are the source language's."""

from __future__ import annotations

from xlate.engines import EngineSet
from xlate.engines.spelling import Speller
from xlate.pairs import get_pair


def test_german_words_are_known_to_the_source_dictionary_and_quoted_latin_is_not() -> None:
    engines = EngineSet(get_pair("de-en"), apertium=False, embeddings=False, wordnet=False)
    assert engines.has_source_speller
    speller = engines.source_speller
    assert speller is not None
    assert speller.known("vorsichtig") and speller.known("Bundeskanzlerin")
    assert not speller.known("trifidus") and not speller.known("rex")
    assert engines.status()["hunspell-source"] is True


def test_a_pair_with_a_source_analyser_has_no_source_speller() -> None:
    engines = EngineSet(get_pair("es-en"), apertium=False, embeddings=False, wordnet=False)
    assert engines.source_speller is None and not engines.has_source_speller
    assert "hunspell-source" not in engines.status()


def test_a_missing_dictionary_switches_the_speller_off(tmp_path) -> None:
    speller = Speller((str(tmp_path / "xx_XX"),))
    assert not speller.available and speller.version is None
