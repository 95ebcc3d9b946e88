"""chrF: xlate's own implementation gives sacrebleu's sentence score exactly."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sacrebleu.metrics import CHRF

from xlate.similarity import chrf

_SACREBLEU = CHRF()
# Letters, accents, digits, punctuation and spaces: short texts share n-grams often enough to matter.
_TEXT = st.text(alphabet="abcdeéñ AB.,'’-19\u00a0\t", max_size=40)


def _reference(hypothesis: str, reference: str) -> float:
    if not hypothesis.strip() or not reference.strip():
        return 0.0
    return _SACREBLEU.sentence_score(hypothesis, [reference]).score


@settings(max_examples=400, deadline=None)
@given(_TEXT, _TEXT)
def test_chrf_equals_sacrebleu(hypothesis: str, reference: str) -> None:
    assert chrf(hypothesis, reference) == pytest.approx(_reference(hypothesis, reference), abs=1e-9)


@pytest.mark.parametrize(("hypothesis", "reference"), [
    ("The minister visited Lima on Tuesday.", "The minister will visit Lima on Tuesday."),
    ("Congress approved the reform.", "The reform was approved by Congress."),
    ("a", "a"),
    ("ab", "xyz"),
])
def test_chrf_on_sentences(hypothesis: str, reference: str) -> None:
    assert chrf(hypothesis, reference) == pytest.approx(_reference(hypothesis, reference), abs=1e-9)
