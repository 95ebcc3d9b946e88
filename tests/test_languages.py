"""With no pair named, the input chooses it: the languages it declares, else those it is written in."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_helpers import assert_one_error_line, run_xlate

from xlate.errors import InputError
from xlate.io.directory import read_directory
from xlate.io.languages import choose_pair, in_pair
from xlate.model import BadInput, PairInput
from xlate.pairs import DEFAULT_PAIR
from xlate.pairs.identify import detect_language, language_code

FRENCH = ("Le gouvernement a annoncé hier que les prix de l'énergie ne baisseront pas avant la fin de l'année, "
          "selon un communiqué publié par le ministère de l'Économie et des Finances.")
CATALAN = ("El govern de la Generalitat ha aprovat aquest dimarts el pressupost del metro per als pròxims anys, "
           "amb una inversió que serà més alta que la de l'any passat.")
GALICIAN = ("O goberno galego aprobou onte unha axuda para os concellos afectados polo temporal, que deixou "
            "as estradas cortadas e moitas casas sen luz durante dous días.")
SPANISH = ("El Gobierno anunció ayer que los precios de la energía no bajarán antes de que termine el año, "
           "según un comunicado publicado por el Ministerio de Economía.")
ENGLISH = ("The government announced yesterday that energy prices will not fall before the end of the year, "
           "according to a statement published by the Ministry of the Economy.")


@pytest.mark.parametrize(("text", "code"), [(FRENCH, "fr"), (CATALAN, "ca"), (GALICIAN, "gl"), (SPANISH, "es"),
                                            (ENGLISH, "en")])
def test_the_registered_languages_are_told_apart_close_ones_included(text: str, code: str) -> None:
    assert detect_language(text) == code


def test_language_tags_name_registered_languages_by_their_code() -> None:
    assert [language_code(t) for t in ("es-MX", "ES_es", "spa", "fre", "en-GB", "eng", "pt-BR", "")] == [
        "es", "es", "es", "fr", "en", "en", "pt", None]


def _records(*pairs: tuple[str, str, tuple[str, str] | None]) -> list[PairInput | BadInput]:
    return [PairInput(f"p{n}", s, t, None, langs) for n, (s, t, langs) in enumerate(pairs)]


def test_declared_languages_choose_the_pair_and_every_record_is_kept() -> None:
    records = _records((FRENCH, ENGLISH, ("fr", "en")), (FRENCH, ENGLISH, ("fr", "en")))
    name, kept = choose_pair(iter(records))
    assert name == "fr-en" and list(kept) == records


def test_undeclared_text_is_identified() -> None:
    name, _ = choose_pair(iter(_records((CATALAN, ENGLISH, None))))
    assert name == "ca-en"


def test_an_undecided_or_untranslated_input_keeps_the_default_pair() -> None:
    assert choose_pair(iter(_records(("Sí.", "Yes.", None))))[0] == DEFAULT_PAIR
    assert choose_pair(iter(_records((SPANISH, SPANISH, None))))[0] == DEFAULT_PAIR
    assert choose_pair(iter([BadInput("x", "unreadable")]))[0] == DEFAULT_PAIR


def test_languages_no_pair_joins_are_one_input_error() -> None:
    with pytest.raises(InputError, match=r"p0: the input declares French → Spanish, which no language pair checks"):
        choose_pair(iter(_records((FRENCH, SPANISH, ("fr", "es")))))


def test_a_record_declaring_other_languages_than_the_pair_is_a_bad_input() -> None:
    kept, other = in_pair(iter(_records((SPANISH, ENGLISH, ("es", "en")), (FRENCH, ENGLISH, ("fr", "en")))), "es-en")
    assert isinstance(kept, PairInput)
    assert isinstance(other, BadInput) and other.error == "p1: declares French → English, not the languages of the " \
                                                          "pair es-en (--pair)"


def test_file_names_say_the_languages_of_a_directory_of_pairs(tmp_path: Path) -> None:
    (tmp_path / "a.ca.txt").write_text(CATALAN, encoding="utf-8")
    (tmp_path / "a.en.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "source.gl.txt").write_text(GALICIAN, encoding="utf-8")
    (tmp_path / "c.de.txt").write_text("Nur Deutsch.", encoding="utf-8")
    (tmp_path / "d.fr.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "d.ca.txt").write_text(CATALAN, encoding="utf-8")
    a, b, c, d = read_directory(tmp_path)
    assert isinstance(a, PairInput) and a.languages == ("ca", "en") and a.source == CATALAN
    missing = tmp_path / "b" / "target.en.txt"
    assert isinstance(b, BadInput) and b.error.endswith(f"no English file ({missing} is missing)")
    assert isinstance(c, BadInput) and "no English file" in c.error
    names = f"{tmp_path / 'd.ca.txt'}, {tmp_path / 'd.fr.txt'}"
    assert isinstance(d, BadInput) and d.error.endswith(f"do not say which side is the source ({names}): give --pair")


def test_the_cli_checks_a_french_article_as_french_without_being_told(tmp_path: Path) -> None:
    (tmp_path / "article.fr.txt").write_text(FRENCH + "\n", encoding="utf-8")
    (tmp_path / "article.en.txt").write_text(ENGLISH + "\n", encoding="utf-8")
    run = run_xlate(["check", "--no-embeddings", "--no-apertium", "--format", "json", "--fail-on", "never",
                     "article.fr.txt", "article.en.txt"], tmp_path)
    assert run.code == 0, run
    assert json.loads(run.stdout)["xlate"]["config"]["pair"] == "fr-en"


def test_the_cli_identifies_a_batch_that_declares_no_languages(tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    batch.write_text("".join(json.dumps({"id": f"n{n}", "source": CATALAN, "target": ENGLISH}) + "\n"
                             for n in range(3)), encoding="utf-8")
    run = run_xlate(["check", "--no-embeddings", "--no-apertium", "--fail-on", "never", "--pairs", batch, "-o",
                     "out.jsonl"], tmp_path)
    assert run.code == 0, run
    assert len((tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()) == 3


def test_the_cli_refuses_a_file_pair_in_other_languages_than_the_named_pair(tmp_path: Path) -> None:
    (tmp_path / "article.fr.txt").write_text(FRENCH + "\n", encoding="utf-8")
    (tmp_path / "article.en.txt").write_text(ENGLISH + "\n", encoding="utf-8")
    run = run_xlate(["check", "--pair", "es-en", "--no-embeddings", "article.fr.txt", "article.en.txt"], tmp_path)
    assert_one_error_line(run, "article.en.txt", "declares French → English", "es-en")
