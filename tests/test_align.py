"""Aligner: the dynamic programme's beads, 1-2 links for garbled splits, and coverage properties."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from xlate.align import Aligner, dp_align
from xlate.engines import EngineSet
from xlate.model import PairInput
from xlate.pairs.es_en import ES_EN
from xlate.pipeline import Checker, Settings


def test_dp_prefers_cheap_diagonal():
    beads = dp_align(3, 3, lambda s, t: 0.0 if (len(s), len(t)) == (1, 1) and s[0] == t[0] else 2.0)
    assert [(list(s), list(t)) for s, t in beads] == [([0], [0]), ([1], [1]), ([2], [2])]


def test_dp_handles_empty_sides():
    assert [(list(s), list(t)) for s, t in dp_align(0, 2, lambda s, t: 1.0)] == [([], [0]), ([], [1])]
    assert dp_align(0, 0, lambda s, t: 1.0) == []


CHECKER = Checker(Settings(embeddings=False))


def links_of(source: str, target: str):
    doc = CHECKER.document(PairInput("t", source, target))
    CHECKER._align_batch([doc])
    return [(link.source, link.target) for link in doc.links]


def test_garbled_split_aligns_one_to_two():
    source = ("Mayorkas dijo que ambos países enfrentan un desafío sin precedentes, refiriéndose al éxodo "
              "venezolano. Además, anunció nuevas medidas.")
    target = ("Mayorkas said that both countries face an unprecedented challenge, referring to the exodus. "
              "Venezuelan. He also announced new measures.")
    assert links_of(source, target) == [((0,), (0, 1)), ((1,), (2,))]


def test_translator_merging_two_sentences_aligns_two_to_one():
    source = "El presidente llegó a Lima. Se reunió con el canciller. Después viajó a Quito."
    target = "The president arrived in Lima and met the foreign minister. He then travelled to Quito."
    assert links_of(source, target) == [((0, 1), (0,)), ((2,), (1,))]


def test_added_sentence_is_unmatched_target():
    source = "El Banco de México subió la tasa de interés. La inflación fue de 4,5%."
    target = ("The Bank of Mexico raised its interest rate. Analysts in London had expected a long pause "
              "because of the war in Europe and falling oil prices. Inflation was 4.5%.")
    links = links_of(source, target)
    assert ((), (1,)) in links


def test_unsupported_sentence_is_cut_from_a_merge():
    """A source sentence none of whose words the target has leaves a 2-1 merge as unmatched."""
    aligner = CHECKER.aligner
    rest = ["Las empresas compiten por los mejores talentos de las universidades, según Ruiz."]
    target = "Amid the noise around talented graduates, firms are recruiting louder and louder, says Ruiz."
    doc = CHECKER.document(PairInput("t", " ".join([*rest, '"Con este maratón queremos distinguirnos."']), target))
    CHECKER.engines.prepare([doc])
    quote = [doc.source.sentences[1].text]
    assert aligner._unsupported(quote, rest, target)
    assert not aligner._unsupported(rest, quote, target)


def test_unsupported_needs_pseudo_references():
    """Without Apertium the two sides share no words to count, so nothing is cut on that ground."""
    aligner = Checker(Settings(apertium=False, embeddings=False)).aligner
    item, rest = ["El gobierno anunció una ley de vivienda."], ["El Plan Marshall llegó a Europa."]
    assert not aligner._unsupported(item, rest, "The Marshall Plan reached Europe.")


def test_paragraphs_align_before_sentences():
    source = "Titular del día\n\nEl gobierno anunció un plan. Costará 2.000 millones.\n\nCon información de AP"
    target = "Headline of the day\n\nThe government announced a plan. It will cost 2 billion.\n\nWith AP"
    assert links_of(source, target) == [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), (3,))]


_sentences = st.lists(st.sampled_from([
    "El gobierno anunció un nuevo plan.", "La inflación subió 4,5%.", "Venezuelan.", "He said so.",
    "The government announced a new plan.", "Inflation rose 4.5%.", "Sin comentarios.", "(…)",
]), max_size=7)


@settings(max_examples=60, deadline=None)
@given(_sentences, _sentences, st.booleans())
def test_every_sentence_appears_in_exactly_one_link(source_sentences, target_sentences, paragraphs):
    joiner = "\n\n" if paragraphs else " "
    doc = CHECKER.document(PairInput("p", joiner.join(source_sentences), joiner.join(target_sentences)))
    links = Aligner(EngineSet(ES_EN, apertium=False, embeddings=False)).align(doc)
    sources = [i for link in links for i in link.source]
    targets = [j for link in links for j in link.target]
    assert sources == list(range(len(doc.source.sentences)))
    assert targets == list(range(len(doc.target.sentences)))
    assert all(link.source or link.target for link in links)
