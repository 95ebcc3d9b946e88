"""WordNet 3.0 (Debian ``wordnet-base``), read with nltk: synonyms and antonyms of English.

nltk reads WordNet only from a folder of its own data path that holds a ``lexnames`` file, which
Debian leaves out, and opening it takes about ten seconds (it builds a sense map for the
multilingual WordNets). So on first use the Debian files are copied into xlate's cache folder with
the standard ``lexnames`` list, nltk reads them once, and the relations the checks need are kept
there as one compact pickle, keyed by the files' size and time, that later runs load in a fraction
of a second. A missing WordNet or nltk switches the engine off with one warning.
"""

from __future__ import annotations

import functools
import logging
import os
import pickle
import shutil
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

log = logging.getLogger(__name__)

DEBIAN_WORDNET = Path("/usr/share/wordnet")
# The standard lexicographer files of WordNet 3.0, in order (``lexnames``: number, name, part of speech).
_LEXNAMES = (
    "adj.all adj.pert adv.all noun.Tops noun.act noun.animal noun.artifact noun.attribute noun.body "
    "noun.cognition noun.communication noun.event noun.feeling noun.food noun.group noun.location "
    "noun.motive noun.object noun.person noun.phenomenon noun.plant noun.possession noun.process "
    "noun.quantity noun.relation noun.shape noun.state noun.substance noun.time verb.body verb.change "
    "verb.cognition verb.communication verb.competition verb.consumption verb.contact verb.creation "
    "verb.emotion verb.motion verb.perception verb.possession verb.social verb.stative verb.weather adj.ppl"
).split()
_LEXNAME_POS = {"adj": 3, "adv": 4, "noun": 1, "verb": 2}
# What the pickle holds; bump when the extraction changes.
_FORMAT = 4


def cache_folder() -> Path:
    """xlate's cache folder ($XLATE_CACHE_DIR, else $XDG_CACHE_HOME/xlate, else ~/.cache/xlate)."""
    if os.environ.get("XLATE_CACHE_DIR"):
        return Path(os.environ["XLATE_CACHE_DIR"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "xlate"


@dataclass(frozen=True)
class Relations:
    """The WordNet relations xlate uses, by lemma (lower case, spaces for underscores) and part of
    speech ("n", "v", "a", "r"; adjective satellites count as "a")."""

    synsets: dict[tuple[str, str], tuple[int, ...]]  # (lemma, pos) → synset ids, most frequent sense first
    # (lemma, pos) → (antonym, rank of the lemma's sense that has it): direct antonyms, and for
    # adjectives the indirect ones of a satellite's head ("huge" → big ↔ small)
    antonyms: dict[tuple[str, str], tuple[tuple[str, int], ...]]
    lemmas: dict[int, tuple[str, ...]]  # synset id → its lemmas


def _extract(root: Path) -> Relations:
    """Read WordNet with nltk and keep the relations."""
    import nltk
    from nltk.corpus.reader.wordnet import WordNetCorpusReader

    data_path = str(root.parent.parent)
    if data_path not in nltk.data.path:
        nltk.data.path.insert(0, data_path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "the multilingual functions are not available"
        reader = WordNetCorpusReader(str(root), None)
    ids: dict[tuple[str, int], int] = {}  # (pos, offset) → synset id
    opposites: dict[tuple[str, int], set[str]] = {}  # (lemma, synset id) → antonyms
    members: dict[int, tuple[str, ...]] = {}

    def sid(synset: object) -> int:
        key = ("a" if synset.pos() == "s" else synset.pos(), synset.offset())  # type: ignore[attr-defined]
        return ids.setdefault(key, len(ids))

    def name(lemma: object) -> str:
        return lemma.name().replace("_", " ").lower()  # type: ignore[attr-defined]

    for synset in reader.all_synsets():
        pos = "a" if synset.pos() == "s" else synset.pos()
        members[sid(synset)] = tuple(name(lemma) for lemma in synset.lemmas())
        for lemma in synset.lemmas():
            opposite = {name(a) for a in lemma.antonyms()}
            if pos == "a":
                opposite |= {name(a) for head in synset.similar_tos() for h in head.lemmas() for a in h.antonyms()}
            if opposite:
                opposites.setdefault((name(lemma), sid(synset)), set()).update(opposite)
    synsets: dict[tuple[str, str], tuple[int, ...]] = {}
    antonyms: dict[tuple[str, str], tuple[tuple[str, int], ...]] = {}
    for lemma, by_pos in reader._lemma_pos_offset_map.items():  # the index files: senses by frequency
        for pos, offsets in by_pos.items():
            key = (lemma.replace("_", " ").lower(), "a" if pos == "s" else pos)
            ordered = tuple(ids[(key[1], offset)] for offset in offsets if (key[1], offset) in ids)
            synsets[key] = tuple(dict.fromkeys(synsets.get(key, ()) + ordered))
    for key, ordered in synsets.items():
        found = tuple((a, rank) for rank, synset in enumerate(ordered) for a in opposites.get((key[0], synset), ()))
        if found:
            antonyms[key] = found
    return Relations(synsets, antonyms, members)


def _stamp(folder: Path) -> str:
    files = sorted(folder.glob("data.*")) + sorted(folder.glob("index.*"))
    return "-".join(f"{f.name}:{f.stat().st_size}:{int(f.stat().st_mtime)}" for f in files)


@functools.cache
def _load(source: Path, cache: Path) -> Relations:
    """WordNet's relations, read once per process (every EngineSet of a process shares them)."""
    if not (source / "data.noun").exists():
        raise FileNotFoundError(f"no WordNet in {source}")
    stamp = f"{_FORMAT}:{_stamp(source)}"
    pickled = cache / "wordnet-relations.pickle"
    if pickled.exists():
        with pickled.open("rb") as handle:
            saved_stamp, relations = pickle.load(handle)
        if saved_stamp == stamp:
            return relations
    root = cache / "nltk_data" / "corpora" / "wordnet"
    root.mkdir(parents=True, exist_ok=True)
    for path in source.iterdir():
        if path.is_file() and not (root / path.name).exists():
            shutil.copyfile(path, root / path.name)
    (root / "lexnames").write_text("".join(
        f"{n:02d}\t{name}\t{_LEXNAME_POS[name.split('.')[0]]}\n" for n, name in enumerate(_LEXNAMES)))
    relations = _extract(root)
    partial = pickled.with_suffix(".partial")
    with partial.open("wb") as handle:
        pickle.dump((stamp, relations), handle, protocol=pickle.HIGHEST_PROTOCOL)
    partial.replace(pickled)
    return relations


class WordNet:
    """English lexical relations from WordNet; loaded on first use."""

    name = "wordnet"

    def __init__(self, source: Path = DEBIAN_WORDNET, cache: Path | None = None) -> None:
        self.source = source
        self.cache = cache or cache_folder()

    @cached_property
    def relations(self) -> Relations | None:
        try:
            return _load(self.source, self.cache)
        except Exception as exc:  # a missing resource switches the engine off, never the run
            log.warning("WordNet is unavailable (%s); the checks that need it are off. "
                        "Install it with: apt-get install -y wordnet-base wordnet-sense-index", exc)
            return None

    @property
    def available(self) -> bool:
        return self.relations is not None

    @cached_property
    def version(self) -> str | None:
        return "3.0" if self.available else None

    def synsets(self, lemma: str, pos: str) -> tuple[int, ...]:
        relations = self.relations
        return relations.synsets.get((lemma.lower(), pos), ()) if relations else ()

    def synonyms(self, a: str, b: str, pos: str, senses: int | None = None) -> bool:
        """True when the two lemmas share a synset (among the first ``senses`` senses of each, the most
        frequent ones, when given)."""
        return bool(set(self.synsets(a, pos)[:senses]) & set(self.synsets(b, pos)[:senses]))

    def antonyms(self, lemma: str, pos: str, senses: int | None = None) -> frozenset[str]:
        """Antonyms of a lemma (of its first ``senses`` senses, the most frequent ones, when given), with
        the lemmas that share an antonym's first sense ("friend" ↔ "foe", and so "enemy")."""
        relations = self.relations
        if relations is None:
            return frozenset()
        found = {a for a, rank in relations.antonyms.get((lemma.lower(), pos), ()) if senses is None or rank < senses}
        first_senses = {s for a in found for s in self.synsets(a, pos)[:1]}
        return frozenset(found | {name for s in first_senses for name in relations.lemmas.get(s, ())})

    def synonyms_of(self, lemma: str, pos: str, senses: int | None = None) -> frozenset[str]:
        """The lemmas that share one of the first ``senses`` senses of ``lemma`` (itself included)."""
        relations = self.relations
        if relations is None:
            return frozenset({lemma})
        return frozenset({lemma} | {n for s in self.synsets(lemma, pos)[:senses] for n in relations.lemmas.get(s, ())})

    def opposite(self, lemma: str, translations: Iterable[str], parts_of_speech: Iterable[str],
                 senses: int | None = None) -> str | None:
        """The first of ``translations`` that ``lemma`` is an antonym of — directly, or through a synonym
        in the same first ``senses`` senses ("sell" for "purchase", a synonym of "buy") — under any of the
        parts of speech (a tagger may call "low" an adverb)."""
        for pos in dict.fromkeys(p for p in parts_of_speech if p):
            for x in translations:
                if any(lemma in self.antonyms(y, pos, senses) for y in self.synonyms_of(x, pos, senses)):
                    return x
        return None
