"""XL209 looks for a word's source between the partners of its dictionary-linked neighbours."""

from __future__ import annotations

from xlate.checks.lexical import _place
from xlate.wordalign import DICTIONARY, WordLink


def _links(*pairs: tuple[int, int]) -> list[WordLink]:
    return [WordLink(i, j, DICTIONARY, "dictionary") for i, j in pairs]


def test_between_the_neighbours_partners() -> None:
    # «mantienen vivas las técnicas» / "keep the techniques dead": "dead" (3) lies after "techniques" (2)
    assert _place(_links((0, 0), (3, 2), (6, 5)), 3, 8) == (3, 6)


def test_open_edges_reach_the_sentence_ends() -> None:
    assert _place(_links((2, 2)), 0, 6) == (0, 2)
    assert _place(_links((2, 2)), 4, 6) == (2, 5)
    assert _place([], 1, 4) == (0, 3)


def test_crossing_neighbours_give_the_span_between_them() -> None:
    assert _place(_links((5, 0), (1, 3)), 2, 7) == (1, 5)


def test_a_word_with_several_partners_takes_the_nearest() -> None:
    # the left neighbour links to source 1 and 2: the place starts at the later; the right one's at the earlier
    assert _place(_links((1, 0), (2, 0), (6, 4), (7, 4)), 2, 9) == (2, 6)
