"""End to end on the team's corpora with the real engines: the seed article's garbles are caught,
its clean parts and the clean reference and articles are not flagged. Each article is checked with
its language pair (``pair`` in its expected.json, Spanish → English by default)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from xlate.io.text import read_text
from xlate.pipeline import Checker, Settings

CORPORA = Path(__file__).resolve().parents[1] / "corpora"
SEED = CORPORA / "seed-blinken-mexico"
TOLERANCE = 3


class Checkers:
    """One checker per language pair, made when first needed."""

    def __init__(self) -> None:
        self._by_pair: dict[str, Checker] = {}

    def check(self, folder: Path, target: str | None = None):
        expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
        pair = expected.get("pair", "es-en")
        if pair not in self._by_pair:
            self._by_pair[pair] = Checker(Settings(pair=pair))
        return self._by_pair[pair].check(read_text(folder / expected["source"]),
                                         read_text(folder / (target or expected["target"])), folder.name)


@pytest.fixture(scope="module")
def checker() -> Checkers:
    return Checkers()


def _findings(checker: Checkers, folder: Path, target: str | None = None):
    return checker.check(folder, target)


def _near(span, gold) -> bool:
    return span is not None and span[0] <= gold[1] + TOLERANCE and gold[0] <= span[1] + TOLERANCE


@pytest.mark.parametrize("folder", sorted(p.parent.name for p in CORPORA.glob("*/expected.json")
                                          if json.loads(p.read_text())["split"] == "tune"))
def test_every_expected_defect_of_the_tune_corpora_is_flagged(checker, folder):
    expected = json.loads((CORPORA / folder / "expected.json").read_text(encoding="utf-8"))
    result = _findings(checker, CORPORA / folder)
    missed = [d for d in expected["defects"]
              if not any(_near(f.target_span, d["target_span"]) for f in result.findings)]
    assert not missed, f"missed: {[(d['code'], d['text']) for d in missed]}"


def test_seed_broken_sentences_punctuation_and_quotes_are_flagged_by_their_checks(checker):
    result = _findings(checker, SEED)
    text = result.document.target.text
    flagged = {(f.code, text[f.target_span[0] : f.target_span[1]]) for f in result.findings if f.target_span}
    for code, fragment in [("XL101", ". Venezuelan"), ("XL101", ". North American"), ("XL102", ". barrier"),
                           ("XL102", ". clandestine"), ("XL102", ". of"), ("XL103", ". ,"),
                           ("XL104", ". “said"), ("XL205", "Alejando"), ("XL207", "he"),
                           ("XL303", "Secretary of National Security"), ("XL107", "Aztec territory")]:
        assert (code, fragment) in flagged, f"{code} {fragment!r} not flagged"


def test_seed_clean_parts_are_not_flagged(checker):
    result = _findings(checker, SEED)
    text = result.document.target.text
    for clean in ["Progress in bilateral cooperation to combat fentanyl trafficking", "(…)",
                  "‘El Chapo’", "‘El Ratón’", "‘Los Chapitos’", "With Reuters and AP", "© Reuters / Henry Romero"]:
        start = text.index(clean)
        end = start + len(clean)
        hits = [f for f in result.findings if f.target_span and f.target_span[0] < end and start < f.target_span[1]
                and f.severity.rank >= 2]
        assert not hits, f"{clean!r} flagged: {[(f.code, f.message) for f in hits]}"


@pytest.mark.parametrize("target", ["reference.en.txt"])
def test_seed_clean_reference_has_no_major_finding(checker, target):
    result = _findings(checker, SEED, target)
    assert not [f for f in result.findings if f.severity.rank >= 2], [(f.code, f.message) for f in result.findings]


@pytest.mark.parametrize("folder", sorted(p.parent.name for p in CORPORA.glob("*/expected.json")
                                          if not json.loads(p.read_text())["defects"]))
def test_defect_free_articles_have_no_major_finding(checker, folder):
    result = _findings(checker, CORPORA / folder)
    assert not [f for f in result.findings if f.severity.rank >= 2], [(f.code, f.message) for f in result.findings]


def test_no_check_crashes_on_the_corpora(checker, caplog):
    with caplog.at_level("ERROR", logger="xlate.checks.registry"):
        for expected in sorted(CORPORA.glob("*/expected.json")):
            _findings(checker, expected.parent)
        _findings(checker, SEED, "reference.en.txt")
    assert not [r for r in caplog.records if "crashed" in r.getMessage()]


def test_every_sentence_of_the_seed_is_in_the_alignment(checker):
    doc = _findings(checker, SEED).document
    assert sorted(i for link in doc.links for i in link.source) == list(range(len(doc.source.sentences)))
    assert sorted(j for link in doc.links for j in link.target) == list(range(len(doc.target.sentences)))
    split = [link for link in doc.links if len(link.source) == 1 and len(link.target) == 2]
    assert len(split) >= 4, "each sentence broken in two aligns 1-2 with its source sentence"
