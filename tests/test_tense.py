"""XL210's sentence-level rule: a future in a translation whose source tells only of the past, with no
word link between the verbs (free renderings often lack one)."""

from __future__ import annotations

from xlate.checks.verbs import _future_of_a_past
from xlate.pairs import get_pair
from xlate.wordalign import Word, WordAlignment


def _word(text: str, start: int, lemma: str, *tags: str) -> Word:
    return Word(start, start + len(text), text, lemma, tags[0], tags, content=tags[0] == "vblex")


def _alignment(source_verb: Word) -> WordAlignment:
    """«… dijo» against "he will concede", with no link at all."""
    target = [_word("he", 0, "prpers", "prn", "subj", "p3", "m", "sg"), _word("will", 3, "will", "vaux", "inf"),
              _word("concede", 8, "concede", "vblex", "inf")]
    return WordAlignment([source_verb], target, [])


def test_future_for_a_past_without_links() -> None:
    pair = get_pair("es-en")
    hit = _future_of_a_past(_alignment(_word("admitió", 0, "admitir", "vblex", "ifi", "p3", "sg")),
                            pair.source, pair.target)
    assert hit is not None and hit.target_span == (3, 15)


def test_a_present_source_may_have_a_future() -> None:
    pair = get_pair("es-en")
    assert _future_of_a_past(_alignment(_word("admite", 0, "admitir", "vblex", "pri", "p3", "sg")),
                             pair.source, pair.target) is None
