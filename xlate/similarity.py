"""Cheap text similarities shared by the aligner and the checks."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from difflib import SequenceMatcher
from functools import lru_cache

# chrF (Popović 2015) as sacrebleu computes it by default: character 1- to 6-grams, whitespace
# removed, recall weighted by beta = 2, orders with no n-grams on a side left out of the averages.
CHRF_ORDER = 6
CHRF_BETA = 2
_LETTER_WORD = re.compile(r"[^\W\d_][\w'’-]*")


# Texts whose n-grams are kept: the alignment programme of one paragraph reuses a few hundred (each
# costs tens of kilobytes, so the cache stays small).
NGRAM_CACHE_TEXTS = 2048


@lru_cache(maxsize=NGRAM_CACHE_TEXTS)
def _char_ngrams(text: str) -> tuple[tuple[Counter[str], int], ...]:
    """Per order, the character n-grams of ``text`` without whitespace and how many there are."""
    line = "".join(text.split())
    return tuple((Counter(line[i:i + n] for i in range(len(line) - n + 1)), max(0, len(line) - n + 1))
                 for n in range(1, CHRF_ORDER + 1))


@lru_cache(maxsize=65536)
def chrf(hypothesis: str, reference: str) -> float:
    """Sentence chrF (0–100) of ``hypothesis`` against ``reference``: sacrebleu's score (its
    ``CHRF().sentence_score``), computed here with each text's n-grams counted once, because the
    alignment programme scores the same sentences in many combinations."""
    if not hypothesis.strip() or not reference.strip():
        return 0.0
    precision = recall = 0.0
    orders = 0
    for (hyp, n_hyp), (ref, n_ref) in zip(_char_ngrams(hypothesis), _char_ngrams(reference), strict=True):
        if not n_hyp or not n_ref:
            continue
        small, large = (hyp, ref) if len(hyp) <= len(ref) else (ref, hyp)
        matches = sum(min(count, large[gram]) for gram, count in small.items() if gram in large)
        precision += matches / n_hyp
        recall += matches / n_ref
        orders += 1
    if not orders or not precision + recall:
        return 0.0
    precision, recall = precision / orders, recall / orders
    factor = CHRF_BETA**2
    return 100 * (1 + factor) * precision * recall / (factor * precision + recall)


@lru_cache(maxsize=1 << 18)
def ratio_at_least(a: str, b: str, minimum: float) -> bool:
    """SequenceMatcher's ratio of ``a`` and ``b`` reaches ``minimum`` (its cheap upper bounds first:
    most pairs of unrelated words fail them)."""
    matcher = SequenceMatcher(None, a, b)
    return matcher.real_quick_ratio() >= minimum and matcher.quick_ratio() >= minimum and matcher.ratio() >= minimum


@lru_cache(maxsize=1 << 18)
def fold(word: str) -> str:
    """Lower case without accents: "Bárcena" → "barcena"."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1 << 18)
def stem(word: str) -> str:
    """A crude English stem for matching word forms ("charges" ~ "charged"): folded, a common
    inflectional ending removed, cut to six letters."""
    w = fold(word)
    for suffix in ("ings", "ing", "edly", "ed", "es", "s", "ly"):
        if len(w) > len(suffix) + 3 and w.endswith(suffix):
            w = w[: -len(suffix)]
            break
    return w[:6]


def content_stems(text: str, stopwords: frozenset[str]) -> list[str]:
    """Stems of the words of ``text`` that are not function words."""
    return [stem(w) for w in _LETTER_WORD.findall(text) if w.lower() not in stopwords]
