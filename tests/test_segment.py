"""Segmenter: unit cases on news text and hypothesis properties (spans index the exact input)."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from xlate.pairs.es_en import ENGLISH, SPANISH
from xlate.segment import paragraph_spans, segment


def texts(side):
    return [s.text for s in side.sentences]


def test_spanish_abbreviations_do_not_split():
    side = segment("El Sr. López viajó a EE. UU. a las 3 a. m. con 2.000 personas. Luego volvió.", SPANISH)
    assert texts(side) == ["El Sr. López viajó a EE. UU. a las 3 a. m. con 2.000 personas.", "Luego volvió."]


def test_english_titles_and_initials_do_not_split():
    side = segment("Mr. Blinken met Dr. Jones on Oct. 5 in Washington. They spoke.", ENGLISH)
    assert texts(side) == ["Mr. Blinken met Dr. Jones on Oct. 5 in Washington.", "They spoke."]


def test_garbled_breaks_stay_visible_as_sentences():
    side = segment("Mayorkas said, referring to the exodus. Venezuelan.", ENGLISH)
    assert texts(side) == ["Mayorkas said, referring to the exodus.", "Venezuelan."]


def test_paragraphs_by_blank_lines_with_crlf_and_bom():
    text = "\ufeffHeading\r\n\r\nFirst sentence. Second one.\r\n \r\nLast."
    side = segment(text, ENGLISH)
    assert [text[p.start : p.end] for p in side.paragraphs] == ["Heading", "First sentence. Second one.", "Last."]
    assert texts(side) == ["Heading", "First sentence.", "Second one.", "Last."]


def test_non_nfc_text_keeps_spans():
    text = unicodedata.normalize("NFD", "José Bárcena llegó. Habló después.")
    side = segment(text, SPANISH)
    assert [text[s.start : s.end] for s in side.sentences] == texts(side)
    assert len(side.sentences) == 2


def test_ellipsis_and_quotes():
    side = segment("“We believe in bridges, not walls,” said Bárcena. Then (…) silence.", ENGLISH)
    assert texts(side) == ["“We believe in bridges, not walls,” said Bárcena.", "Then (…) silence."]


def test_blank_text_has_no_paragraphs():
    assert paragraph_spans(" \n\n\t") == []


_words = st.sampled_from(["the", "El", "Mr.", "EE.", "UU.", "2.000", "wall.", "barrier,", "«Sí»,", "dijo.",
                          "José", "(…)", "said:", "a.", "m.", "Venezuelan.", "¿Qué?", "¡No!", "“Yes”"])
_line = st.lists(_words, min_size=1, max_size=12).map(" ".join)
_text = st.lists(st.tuples(_line, st.sampled_from(["\n\n", "\r\n\r\n", "\n", " ", "\n \n"])), max_size=8).map(
    lambda parts: "".join(a + b for a, b in parts))


@settings(max_examples=150, deadline=None)
@given(_text, st.sampled_from([ENGLISH, SPANISH]))
def test_every_non_blank_character_is_in_exactly_one_sentence(text, lang):
    side = segment(text, lang)
    covered = [0] * len(text)
    previous_end = 0
    for sentence in side.sentences:
        assert sentence.start >= previous_end, "sentences are ordered and disjoint"
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()
        previous_end = sentence.end
        for i in range(sentence.start, sentence.end):
            covered[i] += 1
    for i, ch in enumerate(text):
        if not ch.isspace() and ch != "\ufeff":
            assert covered[i] == 1, f"character {i} {ch!r} not covered exactly once"
    for paragraph in side.paragraphs:
        for index in paragraph.sentences:
            s = side.sentences[index]
            assert paragraph.start <= s.start and s.end <= paragraph.end
