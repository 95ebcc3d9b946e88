"""Apertium gives each sentence what it would give it alone, wherever the sentence falls in a batch."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from xlate.engines.apertium import Apertium, Token
from xlate.engines.apertium_tagger import HmmTagger, Mode, surfaces
from xlate.pairs import get_pair

ENGLISH = Path("/usr/share/apertium/apertium-eng-spa/eng-spa")
needs_apertium = pytest.mark.skipif(
    shutil.which("apertium-tagger") is None or not ENGLISH.with_suffix(".prob").exists(),
    reason="apertium-eng-spa is not installed")

# "span" (as "spin" in the past, or the verb "span") has an ambiguity class the English tagger was not
# trained on; after it, one tagger process reads the name "Will" as the auxiliary.
UNSEEN_CLASS = "It was over a span."
NAME_FIRST = "Will Wekesa, a student of 25, said he had seen the films."


def _morphology(sentences: list[str]) -> list[str]:
    data = "".join(s + "\n\0" for s in sentences).encode()
    out = subprocess.run(["lt-proc", "-z", "-w", f"{ENGLISH}.automorf.bin"], input=data, capture_output=True,
                         check=True).stdout.decode()
    return out.split("\0")[: len(sentences)]


def _will(tagged: str) -> str:
    return next(unit for unit in tagged.split("$") if unit.strip().startswith("^Will/"))


@needs_apertium
def test_one_tagger_process_carries_a_sentence_state_into_the_next() -> None:
    """Why HmmTagger exists: the upstream tagger, one process over the stream, changes its reading of a
    sentence after a sentence with a word of unseen class."""
    chunks = _morphology([UNSEEN_CLASS, NAME_FIRST])
    data = "".join(chunk + "\0" for chunk in chunks).encode()
    stream = subprocess.run(["apertium-tagger", "-z", "-g", "-p", f"{ENGLISH}.prob"], input=data,
                            capture_output=True, check=True).stdout.decode().split("\0")
    alone = HmmTagger().tag(chunks[1:], f"{ENGLISH}.prob", ("-g", "-p"))
    assert "<np>" in _will(alone[0]) and "<vaux>" in _will(stream[1])


@needs_apertium
def test_the_tagger_tags_every_chunk_as_alone_and_learns_the_unseen_forms() -> None:
    sentences = ["He was there.", UNSEEN_CLASS, NAME_FIRST, "I saw it.", "The police said so."]
    chunks = _morphology(sentences)
    tagger = HmmTagger()
    together = tagger.tag(chunks, f"{ENGLISH}.prob", ("-g", "-p"))
    assert together == [HmmTagger().tag([chunk], f"{ENGLISH}.prob", ("-g", "-p"))[0] for chunk in chunks]
    assert {"span", "I"} <= tagger._unseen[f"{ENGLISH}.prob"]
    assert tagger.tag(chunks, f"{ENGLISH}.prob", ("-g", "-p")) == together, "the same once the forms are known"


def test_surfaces_are_the_forms_before_the_analyses() -> None:
    chunk = r"^Will/will<vaux><inf>/Will<np>$ ^a lot of/a lot of<det>$ ^3\/4/*3\/4$^./.<sent>$"
    assert surfaces(chunk) == {"Will", "a lot of", r"3\/4", "."}


def test_a_mode_is_split_at_its_tagger_and_every_stage_null_flushes(tmp_path: Path) -> None:
    mode = tmp_path / "xx-yy.mode"
    mode.write_text("lt-proc -w '/d/xx-yy.automorf.bin' | cg-proc -w '/d/xx-yy.rlx.bin' | "
                    "apertium-tagger -g $2 '/d/xx-yy.prob' | apertium-pretransfer | "
                    "lt-proc $1 '/d/xx-yy.autogen.bin'\n")
    read = Mode.read(mode)
    assert read.before == "lt-proc -z -w /d/xx-yy.automorf.bin | cg-proc -z -w /d/xx-yy.rlx.bin"
    assert (read.model, read.flags) == ("/d/xx-yy.prob", ("-g",))
    assert read.after == "apertium-pretransfer -z | lt-proc -z -n /d/xx-yy.autogen.bin"
    mode.write_text("lt-proc '/d/a.bin' | lt-proc $1 '/d/b.bin'")
    assert Mode.read(mode) == Mode("lt-proc -z /d/a.bin | lt-proc -z -n /d/b.bin", None, (), "")


@needs_apertium
def test_analysis_and_pseudo_references_do_not_depend_on_the_sentences_before() -> None:
    apertium = Apertium(get_pair("es-en"))
    [alone] = apertium.analyse([NAME_FIRST], "en")
    after = apertium.analyse([UNSEEN_CLASS, "I said so.", NAME_FIRST], "en")[-1]
    assert after == alone and alone[0].pos == "np"
    # A sentence without a final full stop made the next one a continuation: "took Us almost …".
    sentence = "Nos tomó casi veinte años volver a Lima."
    [pseudo] = apertium.translate([sentence])
    assert apertium.translate(["La entrada al concierto cuesta 400 coronas en la taquilla", sentence])[1] == pseudo
    assert pseudo.startswith("Took us")


def _fake_dictionary(command: list[str] | str, data: str) -> str:
    """lt-proc -b as a stub: every unit gets one translation, except that a unit of «roto» is lost."""
    def translated(chunk: str) -> str:
        units = [u for u in chunk.split() if "roto" not in u]
        return " ".join(f"{u[:-1]}/{u[1:-1].upper()}$" for u in units)
    return "\0".join(translated(chunk) for chunk in data.split("\0"))


def test_a_lookup_that_loses_a_unit_costs_only_that_unit_its_translations(monkeypatch: pytest.MonkeyPatch) -> None:
    apertium = Apertium(get_pair("es-en"))
    monkeypatch.setattr(apertium, "_run", _fake_dictionary)
    groups = [["^casa<n>$"], ["^roto<adj>$"], ["^perro<n>$", "^gato<n>$"]]
    assert apertium._look_up(groups, "es-en.autobil.bin") == [["^CASA<N>$"], [], ["^PERRO<N>$", "^GATO<N>$"]]


def test_a_sentence_the_tagger_and_the_parser_count_differently_costs_only_itself(
        monkeypatch: pytest.MonkeyPatch) -> None:
    apertium = Apertium(get_pair("es-en"))
    monkeypatch.setattr(apertium, "_run", _fake_dictionary)
    chunks = ["^casa/casa<n>$", "^perro/perro<n>$ ^gato/gato<n>$"]
    analyses = [[Token("casa", "casa", ("n",), True)], [Token("perro", "perro", ("n",), True)]]  # one short
    first, second = apertium._with_translations(analyses, chunks, ("es-en.autobil.bin",))
    assert first[0].translations == ("casa",) and second[0].translations == ()
