"""XL210's sentence-level rule: a future in a translation whose source tells only of the past, with no
word link between the verbs (free renderings often lack one)."""

from __future__ import annotations

from xlate.checks.verbs import _future_of_a_past, verb_group
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


def test_french_periphrastic_future_in_the_past() -> None:
    """«allait augmenter» is a future seen from the past ("was going to increase"), not a past: a
    translation's "will increase" does not contradict it."""
    pair = get_pair("fr-en")
    source = [_word("allait", 0, "aller", "vblex", "pii", "p3", "sg"),
              _word("augmenter", 7, "augmenter", "vblex", "inf")]
    alignment = WordAlignment(source, _alignment(source[0]).target, [])
    assert _future_of_a_past(alignment, pair.source, pair.target) is None
    alone = WordAlignment(source[:1], alignment.target, [])
    assert _future_of_a_past(alone, pair.source, pair.target) is not None  # «allait» alone is a past


def test_will_have_to_is_a_future() -> None:
    """"will have to assume" is a future obligation; only "will have" + participle guesses at the past."""
    english = get_pair("es-en").target
    words = [_word("will", 0, "will", "vaux", "inf"), _word("have", 5, "have", "vbmod", "inf"),
             _word("to", 10, "to", "vbmod", "inf"), _word("assume", 13, "assume", "vblex", "inf")]
    assert verb_group(words, 3, english).time == "future"
    guess = [_word("will", 0, "will", "vaux", "inf"), _word("have", 5, "have", "vbhaver", "inf"),
             _word("thought", 10, "think", "vblex", "pp")]
    assert verb_group(guess, 2, english).time is None
