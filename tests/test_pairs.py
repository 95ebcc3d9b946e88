"""Language pairs are resources: the registry, what Apertium gives each pair, and a made-up pair that
runs the whole pipeline on minimal resources."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cli_helpers import assert_one_error_line, run_xlate

from xlate.checks.context import CheckContext
from xlate.engines import EngineSet
from xlate.engines.apertium import Apertium
from xlate.errors import ConfigError
from xlate.pairs import LanguagePair, LanguageResources, get_pair, pair_names, register_pair
from xlate.pairs.english import ENGLISH
from xlate.pipeline import Checker, Settings

FRENCH_DATA = Path("/usr/share/apertium/apertium-fr-es/fr-es.automorf.bin")
needs_french = pytest.mark.skipif(not FRENCH_DATA.exists(), reason="apertium-fr-es is not installed "
                                  "(scripts/setup.sh installs it)")
SHIPPED = ["es-en", "en-es", "fr-en", "de-en", "ca-en", "gl-en"]


@pytest.mark.parametrize("name", SHIPPED)
def test_every_shipped_pair_is_registered_under_its_name(name: str) -> None:
    pair = get_pair(name)
    assert pair.name == name
    assert (pair.source.code, pair.target.code) == tuple(name.split("-"))


@pytest.mark.parametrize("name", [n for n in SHIPPED if n != "de-en"])
def test_the_apertium_data_each_pair_names_is_installed_by_the_setup_script(name: str) -> None:
    apertium = Apertium(get_pair(name))
    if not all(Path(f"{p}.automorf.bin").exists() for p in (apertium.data.source_analyser,)):
        pytest.skip(f"{' '.join(apertium.data.packages)} not installed (scripts/setup.sh installs it)")
    assert apertium.translates and apertium.analyses(name[:2]) and apertium.analyses("en")
    setup = (Path(__file__).parents[1] / "scripts" / "setup.sh").read_text(encoding="utf-8")
    assert all(package in setup for package in apertium.data.packages)


def test_an_unknown_pair_is_a_config_error_that_lists_the_known_ones() -> None:
    with pytest.raises(ConfigError, match=r"unknown language pair 'xx-en' \(available: es-en, en-es, fr-en, de-en"):
        get_pair("xx-en")


def test_a_source_in_another_known_language_is_one_input_error(tmp_path: Path) -> None:
    source = tmp_path / "source.txt"
    source.write_text("Le gouvernement a annoncé hier que les prix de l'énergie ne baisseront pas avant la fin "
                      "de l'année, selon un communiqué publié par le ministère de l'Économie et des Finances.\n",
                      encoding="utf-8")
    target = tmp_path / "target.txt"
    target.write_text("The government announced yesterday that energy prices will not fall before the end of the "
                      "year, according to a statement by the Ministry of the Economy and Finance.\n", encoding="utf-8")
    run = run_xlate(["check", "--pair", "de-en", "--no-embeddings", source, target], tmp_path)
    assert run.code == 2, run
    line = assert_one_error_line(run, "target.txt", "'fr'", "de-en")
    assert "Traceback" not in run.stderr and line


def test_checks_says_which_checks_run_for_a_pair(tmp_path: Path) -> None:
    run = run_xlate(["checks", "--pair", "de-en"], tmp_path)
    assert run.code == 0, run
    rows = {line.split()[0]: line for line in run.stdout.splitlines() if line.strip().startswith("XL")}
    assert "off: no source-analysis" in rows["XL208"] and "off: no pseudo-reference" in rows["XL206"]
    assert " yes " in rows["XL204"] + " " and " yes " in rows["XL401"] + " "


def test_german_has_no_pseudo_reference_and_no_german_analysis_but_english_is_analysed() -> None:
    engines = EngineSet(get_pair("de-en"), embeddings=False)
    assert engines.capabilities() == {"target-analysis"}
    checker = Checker(Settings(pair="de-en", embeddings=False))
    result = checker.check("Die Inflation stieg im Mai auf 2,5 Prozent.", "Inflation rose to 3.5 percent in May.")
    codes = {f.code for f in result.findings}
    assert "XL204" in codes, "numbers are compared without any German resource beyond number words"
    assert not codes & {"XL201", "XL202", "XL208", "XL211"}, "the checks that need German analysed are off"


@needs_french
def test_french_goes_through_spanish_for_the_pseudo_reference_and_the_dictionaries() -> None:
    apertium = Apertium(get_pair("fr-en"))
    assert apertium.translates
    [pseudo] = apertium.translate(["Le ministre visitera Lyon mardi."])
    assert "minister" in pseudo.lower() and "Lyon" in pseudo
    [tokens] = apertium.analyse(["Le ministre visitera Lyon mardi."], "fr")
    by_surface = {t.surface: t for t in tokens}
    assert by_surface["visitera"].lemma == "visiter" and "fti" in by_surface["visitera"].tags
    assert "minister" in by_surface["ministre"].translations, "French → Spanish → English lemmas"
    [english] = apertium.analyse(["The minister will visit Lyon."], "en")
    assert "ministre" in {t.surface: t for t in english}["minister"].translations, "and back"


@needs_french
def test_a_french_negation_lost_in_english_is_flagged() -> None:
    checker = Checker(Settings(pair="fr-en", embeddings=False))
    lost = checker.check("La police n'a arrêté aucun suspect.", "The police arrested a suspect.")
    kept = checker.check("La police n'a arrêté aucun suspect.", "The police did not arrest any suspect.")
    assert "XL208" in {f.code for f in lost.findings}
    assert "XL208" not in {f.code for f in kept.findings}


# A direction xlate does not ship, with next to no resources: no analyser, no translation, a few words.
PORTUGUESE = LanguageResources(
    code="pt", abbreviations=frozenset(), abbreviations_never_final=frozenset({"Sr.", "Sra."}),
    number_words={"dois": 2, "três": 3}, ordinal_words={}, months={"maio": 5, "junho": 6},
)
MADE_UP = LanguagePair(name="pt-en-test", source=PORTUGUESE, target=ENGLISH)


def test_english_to_spanish_checks_the_spanish_with_spanish_knowledge() -> None:
    checker = Checker(Settings("en-es", embeddings=False))
    result = checker.check("Will the government approve the plan? It was based on a report that took place in May.",
                           "Aprobará el gobierno el plan? Fue elaborado en base a un informe que tomó lugar en mayo.")
    codes = {f.code for f in result.findings}
    assert {"XL113", "XL107"} <= codes, result.findings
    clean = checker.check("He said that he would return to the capital on Monday.",
                          "Dijo que regresaría a la capital el lunes.")
    assert clean.findings == [], clean.findings


def test_a_made_up_pair_with_minimal_resources_runs_the_whole_pipeline() -> None:
    register_pair(MADE_UP)
    assert "pt-en-test" in pair_names()
    checker = Checker(Settings(pair="pt-en-test", embeddings=False))
    source = "O Sr. Silva chegou a Lisboa em maio. Ele ficou três dias.\n\nA reunião terminou cedo."
    target = "Mr Silva arrived in Lisbon in June. He stayed three days. .\n\nThe meeting ended early."
    result = checker.check(source, target, "made-up")
    assert result.error is None
    assert result.document.source.sentences[0].text == "O Sr. Silva chegou a Lisboa em maio."
    covered = sorted(j for link in result.document.links for j in link.target)
    assert covered == list(range(len(result.document.target.sentences))), "every sentence is aligned"
    codes = {f.code for f in result.findings}
    assert "XL204" in codes, "maio → June is a date mismatch"
    assert "XL103" in codes, "the stray full stop is a target-side finding"
    context = CheckContext(result.document, MADE_UP, checker.engines)
    assert not {"pseudo-reference", "source-analysis"} & context.available_engines


# Literals that once tied code outside xlate/pairs/ to Spanish → English; a check or engine that
# needs a language fact asks the pair for it.
PAIR_LITERALS = [r"apertium-eng-spa", r"\bspa-eng\b", r"\beng-spa\b", r"\"es-en\"", r"code\s*[!=]=\s*\"(?:en|es)\"",
                 r"\\s\+mil\\s\+", r"\{\"de\", \"of\"\}", r"_side\(\"es\"", r"\"(?:es|en)\", \"(?:es|en)\"",
                 r"_SPANISH|_ENGLISH", r"\blang_side\b", r"\b(?:es|en)_items\b", r"\(\?:es\|en"]


def test_no_known_spanish_english_literal_is_left_outside_the_pairs_package() -> None:
    package = Path(__file__).parents[1] / "xlate"
    found = [f"{path.relative_to(package)}: {pattern}" for path in package.rglob("*.py")
             if "pairs" not in path.relative_to(package).parts
             for pattern in PAIR_LITERALS if re.search(pattern, path.read_text(encoding="utf-8"))]
    assert not found, found
