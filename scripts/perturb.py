#!/usr/bin/env python3
"""Build the team's perturbation sets: clean English translations with one injected meaning or wording error.

    scripts/perturb.py                      # regenerate corpora/perturbations/{meaning,wording}.jsonl
    scripts/perturb.py --sample 10          # also print 10 examples of every type (for reading them)
    scripts/perturb.py --per-type 60 --seed 7 --out-dir /tmp/p

Base items are the 750 clean passages of ../shared/eval/dev.jsonl and the paragraph pairs of the clean team
corpora (corpora/*/expected.json with no defects, plus seed-blinken-mexico's reference.en.txt). Every
perturbation type is a function ``p_<type>(base) -> list[Edit]`` that lists every place in a passage where the
error can be made so that the result reads like a real MT or editing error; the driver picks, with a fixed seed,
up to ``--per-type`` passages per type (preferring passages used least so far, so that the errors spread over
the corpus) and one edit per passage (first a variant, then a place, for variety). Every perturbed passage is
also written once unchanged with ``"label": "clean"``, so false positives are measured on the same texts.

English analysis is Apertium's eng-spa morphology and tagger (one process for all passages); verb forms come
from Apertium's English generator and Spanish words from its bilingual dictionaries, both driven through one
long-lived ``lt-proc -z`` process each. The word lists in scripts/perturb_data/ are general English, written
for this script, never fitted to the dev items. Output is deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import random
import re
import subprocess
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval"
DATA = Path(__file__).resolve().parent / "perturb_data"
CORPORA = ROOT / "corpora"
OUT_DIR = CORPORA / "perturbations"
APERTIUM = Path("/usr/share/apertium/apertium-eng-spa")
SEED = 20240917
PER_TYPE = 60
SEED_FOLDER = "seed-blinken-mexico"  # its target is garbled on purpose; its reference is clean

MEANING_TYPES = [
    "negation_added", "negation_removed", "antonym", "tense", "aspect", "question_statement", "name_replaced",
    "number_replaced", "noun_removed", "verb_removed", "adjective_removed", "adverb_removed", "subject_removed",
    "pp_removed", "phrase_added", "vaguer_word", "gender_swapped", "untranslated_word",
]
WORDING_TYPES = [
    "misspelling", "dropped_letter", "swapped_letters", "lowercased_sentence_start", "lowercased_name",
    "lowercased_sentence", "adjacent_words_swapped", "word_moved", "words_shuffled", "spanish_word_left",
    "comma_added", "conjunction_removed",
]

# --------------------------------------------------------------------------------------------------------------
# Apertium


def _escape(text: str) -> str:
    """Apertium's stream format reserves these characters; a backslash makes them plain text."""
    return re.sub(r"([\\\[\]^$/<>@{}*#~])", r"\\\1", text)


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


class LtProc:
    """One long-lived ``lt-proc -z`` process answering one query at a time (a query ends in newline + NUL,
    which is what makes lt-proc flush), with a cache: thousands of look-ups cost one process."""

    def __init__(self, *args: str) -> None:
        self.proc = subprocess.Popen(["lt-proc", "-z", *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.cache: dict[str, str] = {}

    def __call__(self, query: str) -> str:
        if query not in self.cache:
            assert self.proc.stdin and self.proc.stdout
            self.proc.stdin.write(query.encode() + b"\n\0")
            self.proc.stdin.flush()
            buf = b""
            while not buf.endswith(b"\0"):
                chunk = os.read(self.proc.stdout.fileno(), 65536)
                if not chunk:
                    raise RuntimeError("lt-proc stopped answering")
                buf += chunk
            self.cache[query] = buf[:-1].decode().strip("\n")
        return self.cache[query]

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        self.proc.wait()


_GEN: LtProc | None = None
_BIL_EN_ES: LtProc | None = None
_BIL_ES_EN: LtProc | None = None


def generate(lemma: str, *tags: str) -> str | None:
    """An English surface form from Apertium's generator (``build`` + past -> ``built``), or None."""
    if not re.fullmatch(r"[A-Za-z][A-Za-z'-]*", lemma):
        return None
    assert _GEN is not None
    out = _GEN("^" + _escape(lemma) + "".join(f"<{t}>" for t in tags) + "$")
    if not out or out[0] in "#*@" or "<" in out or " " in out.strip():
        return None
    return _unescape(out.strip())


def _bilingual(proc: LtProc | None, lemma: str, tags: tuple[str, ...]) -> set[str]:
    if proc is None or not re.fullmatch(r"[^\W\d_]+", lemma):
        return set()
    out = proc("^" + _escape(lemma) + "".join(f"<{t}>" for t in tags) + "$")
    m = re.fullmatch(r"\^(.*)\$", out.strip())
    if not m:
        return set()
    alts = re.split(r"(?<!\\)/", m.group(1))[1:]
    found = set()
    for alt in alts:
        lem = _unescape(alt.split("<", 1)[0])
        if lem and lem[0] not in "@*#" and "#" not in lem and " " not in lem:
            found.add(lem.lower())
    return found


def english_to_spanish(lemma: str, tags: tuple[str, ...]) -> set[str]:
    return _bilingual(_BIL_EN_ES, lemma, tags)


def spanish_to_english(lemma: str, tags: tuple[str, ...]) -> set[str]:
    return _bilingual(_BIL_ES_EN, lemma, tags)


@dataclass
class Tok:
    """One Apertium lexical unit aligned to its character offsets in the passage."""

    surf: str
    start: int
    end: int
    lemma: str
    tags: tuple[str, ...]
    more: tuple[str, ...] = ()  # tags of '+'-joined further analyses ("isn't" = be + not)

    @property
    def pos(self) -> str:
        return self.tags[0] if self.tags else "unk"

    @property
    def low(self) -> str:
        return self.surf.lower()

    def has(self, *tags: str) -> bool:
        return all(t in self.tags for t in tags)

    @property
    def is_word(self) -> bool:
        return self.surf[:1].isalnum()

    @property
    def negated(self) -> bool:
        return "not" in self.more


_UNIT = re.compile(r"\^((?:\\.|[^$\\])*)\$")


def _parse_unit(unit: str) -> tuple[str, str, tuple[str, ...], tuple[str, ...]]:
    parts = re.split(r"(?<!\\)/", unit, maxsplit=1)
    surf = _unescape(parts[0])
    analysis = parts[1] if len(parts) > 1 else "*" + parts[0]
    if analysis.startswith("*"):
        return surf, surf, (), ()
    pieces = re.split(r"(?<!\\)\+", analysis)
    lemma = _unescape(pieces[0].split("<", 1)[0])
    tags = tuple(re.findall(r"<([^>]+)>", pieces[0]))
    more = tuple(p.split("<", 1)[0] for p in pieces[1:])
    return surf, lemma, tags, more


def tag_texts(texts: list[str], lang: str) -> list[list[Tok] | None]:
    """Tag every text with one lt-proc | apertium-tagger pipeline (NUL-separated chunks); align each unit to
    the text (None for a text whose units could not all be aligned)."""
    if lang == "en":
        morf, prob = APERTIUM / "eng-spa.automorf.bin", APERTIUM / "eng-spa.prob"
    else:
        morf, prob = APERTIUM / "spa-eng.automorf.bin", APERTIUM / "spa-eng.prob"
    data = "".join(_escape(t.replace("\0", " ")) + "\n\0" for t in texts).encode()
    proc = subprocess.run(
        ["bash", "-c", f"lt-proc -z -w {morf} | apertium-tagger -z -g -p {prob}"],
        input=data, capture_output=True, check=True,
    )
    chunks = proc.stdout.decode().split("\0")
    result: list[list[Tok] | None] = []
    for text, chunk in zip(texts, chunks, strict=False):
        toks: list[Tok] | None = []
        pos = 0
        for unit in _UNIT.findall(chunk):
            surf, lemma, tags, more = _parse_unit(unit)
            at = text.find(surf, pos)
            if at < 0 or any(c.isalnum() for c in text[pos:at]):
                toks = None
                break
            toks.append(Tok(surf, at, at + len(surf), lemma, tags, more))
            pos = at + len(surf)
        result.append(toks)
    while len(result) < len(texts):
        result.append(None)
    return result


# --------------------------------------------------------------------------------------------------------------
# Base items


@dataclass
class Base:
    """A clean passage pair with its English and Spanish analyses."""

    id: str
    source: str
    target: str
    meta: dict
    toks: list[Tok] = field(default_factory=list)
    src_toks: list[Tok] = field(default_factory=list)
    sents: list[tuple[int, int]] = field(default_factory=list)  # token index ranges [i, j)
    sent_of: list[int] = field(default_factory=list)  # token index -> sentence number

    def sent_start(self, i: int) -> bool:
        """Whether token i is the first word of its sentence."""
        a, _ = self.sents[self.sent_of[i]]
        first = next((k for k in range(a, i + 1) if self.toks[k].is_word), None)
        return first == i

    def prev(self, i: int) -> Tok | None:
        return self.toks[i - 1] if i > 0 else None

    def next(self, i: int) -> Tok | None:
        return self.toks[i + 1] if i + 1 < len(self.toks) else None

    def gap(self, i: int) -> str:
        """The text between token i and token i + 1."""
        if i + 1 >= len(self.toks):
            return self.target[self.toks[i].end:]
        return self.target[self.toks[i].end:self.toks[i + 1].start]

    def sent_text_span(self, n: int) -> tuple[int, int]:
        a, b = self.sents[n]
        start, end = self.toks[a].start, self.toks[b - 1].end
        while end < len(self.target) and self.target[end] in "\"'”’)»":
            end += 1
        return start, end


_ABBREVIATIONS = {"v", "vs", "no", "st", "dr", "mr", "mrs", "ms", "jr", "sr", "inc", "corp", "co", "ltd", "gen",
                  "sen", "rep", "gov", "prof", "approx", "nr", "art", "fig", "vol", "p", "pp", "e.g", "i.e", "cf"}


def split_sentences(toks: list[Tok]) -> list[tuple[int, int]]:
    """Sentences end at . ? ! unless the full stop closes an abbreviation or an initial ('Brown v. Board',
    'J. Smith') or the next word starts in lower case."""
    sents, start = [], 0
    for i, t in enumerate(toks):
        if t.pos == "sent" and t.surf in {".", "?", "!", "...", "…"}:
            prev = toks[i - 1] if i > 0 else None
            nxt = next((u for u in toks[i + 1:] if u.is_word), None)
            if t.surf == "." and prev is not None and prev.end == t.start and (
                    prev.low in _ABBREVIATIONS or (len(prev.surf) == 1 and prev.surf.isupper())):
                continue
            if nxt is not None and nxt.surf[:1].islower():
                continue
            sents.append((start, i + 1))
            start = i + 1
    if start < len(toks):
        sents.append((start, len(toks)))
    return sents


def _paragraphs(path: Path) -> list[str]:
    return [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]


def load_bases() -> list[Base]:
    """Dev clean items (fold from folds.json) and clean team-corpus paragraph pairs (fold from expected.json)."""
    folds = json.loads((SHARED / "folds.json").read_text(encoding="utf-8"))["folds"]
    bases = []
    for line in (SHARED / "dev.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        if item["label"] != "clean":
            continue
        meta = item["meta"]
        fold = folds[f"{meta['corpus']}|{meta['docid']}"]
        bases.append(Base(item["id"], item["source"], item["target"],
                          {"corpus": meta["corpus"], "docid": meta["docid"], "fold": fold}))
    for folder in sorted(p for p in CORPORA.iterdir() if (p / "expected.json").exists()):
        expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
        if folder.name == SEED_FOLDER:
            target_file = folder / "reference.en.txt"
        elif not expected["defects"]:
            target_file = folder / expected.get("target", "target.en.txt")
        else:
            continue
        src = _paragraphs(folder / expected.get("source", "source.es.txt"))
        tgt = _paragraphs(target_file)
        if len(src) != len(tgt):
            sys.exit(f"{folder.name}: {len(src)} source paragraphs but {len(tgt)} target paragraphs")
        for n, (s, t) in enumerate(zip(src, tgt, strict=True), 1):
            bases.append(Base(f"{folder.name}-p{n:02d}", s, t,
                              {"corpus": "team corpora", "docid": folder.name, "fold": expected["split"]}))
    return bases


def analyse(bases: list[Base]) -> list[Base]:
    """Tag both sides; drop passages Apertium's output could not be aligned with."""
    en = tag_texts([b.target for b in bases], "en")
    es = tag_texts([b.source for b in bases], "es")
    kept = []
    for b, et, st in zip(bases, en, es, strict=True):
        if et is None or st is None:
            continue
        b.toks, b.src_toks = et, st
        b.sents = split_sentences(et)
        b.sent_of = [0] * len(et)
        for n, (i, j) in enumerate(b.sents):
            for k in range(i, j):
                b.sent_of[k] = n
        kept.append(b)
    return kept


# --------------------------------------------------------------------------------------------------------------
# Word lists


def _tsv(name: str) -> list[list[str]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def load_lists() -> None:
    global ANTONYMS, HYPERNYMS, NAMES, NAME_KIND, PHRASES, GENDER_ES, DICTIONARY
    ANTONYMS = {}
    for pos, a, b, direction in _tsv("antonyms.tsv"):
        ANTONYMS.setdefault((pos, a), b)
        if direction == "<>":
            ANTONYMS.setdefault((pos, b), a)
    HYPERNYMS = {a: b for a, b in _tsv("hypernyms.tsv")}
    NAMES = collections.defaultdict(list)
    NAME_KIND = {}
    for row in _tsv("names.tsv"):
        kind, name = row[0], row[1]
        spanish = [s for s in (row[2] if len(row) > 2 else "").split("|") if s]
        NAMES[kind].append((name, spanish))
        NAME_KIND.setdefault(name, kind)
    PHRASES = collections.defaultdict(list)
    for slot, phrase, fit in _tsv("phrases.tsv"):
        PHRASES[slot].append((phrase, fit))
    GENDER_ES = [(g, re.compile(rf"(?<!\w){rx}(?!\w)", re.IGNORECASE)) for g, rx in _tsv("gender_es.tsv")]
    DICTIONARY = set()
    for name in ("american-english-large", "british-english-large", "words"):
        path = Path("/usr/share/dict") / name
        if path.exists():
            entries = path.read_text(encoding="utf-8", errors="ignore").split()
            DICTIONARY.update(w.lower() for w in entries)
            LOWER_WORDS.update(w for w in entries if w.islower())


ANTONYMS: dict[tuple[str, str], str] = {}
HYPERNYMS: dict[str, str] = {}
NAMES: dict[str, list[tuple[str, list[str]]]] = {}
NAME_KIND: dict[str, str] = {}
PHRASES: dict[str, list[tuple[str, str]]] = {}  # slot -> (phrase, fit)
GENDER_ES: list[tuple[str, re.Pattern]] = []
DICTIONARY: set[str] = set()  # every dictionary word, lower-cased (misspellings must not be in it)
LOWER_WORDS: set[str] = set()  # words the dictionary writes in lower case (safe to lower-case at a sentence start)

# Verbs that read oddly in the progressive (aspect changes skip them).
STATIVE = {
    "be", "have", "know", "believe", "want", "need", "like", "love", "hate", "seem", "belong", "own", "contain",
    "consist", "mean", "understand", "prefer", "remember", "exist", "include", "depend", "deserve", "matter",
    "cost", "equal", "resemble", "realize", "realise", "recognize", "recognise", "suppose", "doubt", "possess",
    "lack", "involve", "concern", "appear", "wish", "forget", "agree", "hear", "see", "think", "feel", "become",
    "remain", "say", "tell", "note", "add", "explain", "state", "insist", "admit", "claim",
}
MODALS = {"will", "would", "can", "could", "should", "must", "may", "might", "shall"}
NEGATORS = {"not", "n't", "never", "no", "nobody", "nothing", "none", "neither", "nor", "nowhere", "hardly",
            "cannot", "without", "no-one"}
SUBJ_PRONOUNS = {"i", "you", "he", "she", "it", "we", "they"}
PREPOSITIONS = {"in", "on", "at", "to", "from", "for", "with", "by", "during", "since", "after", "before", "under",
                "over", "between", "against", "through", "near", "without", "within", "across", "into", "among",
                "about", "around", "throughout", "towards", "toward", "outside", "inside", "beyond", "despite"}
HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir"}
TITLES = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "president", "senator", "minister", "governor",
          "mayor", "general", "judge", "professor", "prof.", "sir", "lady", "lord", "king", "queen", "prince",
          "princess", "chancellor", "pope", "coach", "secretary", "ambassador", "rep.", "sen.", "gov.", "gen."}


# --------------------------------------------------------------------------------------------------------------
# Edits and shared helpers


@dataclass
class Edit:
    """Replace target[start:end] by ``repl``. ``removal`` marks a deletion (its gold span is the zero-width cut);
    otherwise the gold span covers the new text (whitespace trimmed)."""

    start: int
    end: int
    repl: str
    variant: str
    removal: bool = False
    cut_len: int | None = None  # removal that also rewrites what follows: length of the removed part
    span_len: int | None = None  # gold span shorter than the new text (from its start)


def match_case(model: str, word: str) -> str:
    if len(model) > 1 and model.isupper():
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def article_for(word: str) -> str:
    w = word.lower()
    if re.match(r"(eu|uni|use|usu|one|once|ure|uti|ubi)", w):
        return "a"
    if re.match(r"(hour|honest|honour|honor|heir)", w):
        return "an"
    return "an" if w[:1] in "aeiou" else "a"


def replace_word(b: Base, i: int, new: str, variant: str) -> Edit | None:
    """Replace token i by ``new`` (case matched), also fixing a preceding a/an so the result stays grammatical."""
    t = b.toks[i]
    new = match_case(t.surf, new) if not (new[:1].isupper() and t.surf[:1].islower()) else new
    if new == t.surf:
        return None
    p = b.prev(i)
    if p is not None and p.low in {"a", "an"} and b.gap(i - 1) == " ":
        art = article_for(new)
        if art != p.low:
            return Edit(p.start, t.end, match_case(p.surf, art) + " " + new, variant)
    return Edit(t.start, t.end, new, variant)


def removal(b: Base, start: int, end: int, variant: str) -> Edit:
    """Delete target[start:end] together with one neighbouring space, so no double space is left: the following
    space, or the preceding one when punctuation comes next ('the new law.' -> 'the new.')."""
    text = b.target
    if end < len(text) and text[end] == " ":
        if start > 0 and text[start - 1] == " " and (end + 1 >= len(text) or not text[end + 1].isalnum()):
            return Edit(start - 1, end, "", variant, removal=True)
        return Edit(start, end + 1, "", variant, removal=True)
    if start > 0 and text[start - 1] == " ":
        return Edit(start - 1, end, "", variant, removal=True)
    return Edit(start, end, "", variant, removal=True)


def is_finite_verb(t: Tok) -> bool:
    if t.pos in {"vaux"} or (t.pos == "vbmod" and t.low in MODALS):
        return True
    return t.pos in {"vblex", "vbser", "vbhaver", "vbdo", "vbmod"} and bool({"past", "pri", "pres"} & set(t.tags))


def plain_lemma(t: Tok) -> bool:
    return bool(re.fullmatch(r"[a-z]+", t.lemma))


def np_end(b: Base, i: int, max_len: int = 6) -> int | None:
    """End (exclusive) of a simple noun phrase starting at token i: a subject pronoun, or
    [det|predet|num]* (adj|n|np|num|gen)* ending in a noun or name. None if there is none."""
    toks = b.toks
    if i >= len(toks):
        return None
    t = toks[i]
    if t.pos == "prn" and t.low in SUBJ_PRONOUNS:
        return i + 1
    j = i
    while j < len(toks) and toks[j].pos in {"det", "predet"} and j - i < 2:
        j += 1
    last_noun = None
    while j < len(toks) and j - i < max_len:
        u = toks[j]
        if j > i and b.gap(j - 1) not in {" ", ""}:
            break
        if u.pos in {"n", "np"} or (u.pos == "unk" and u.surf[:1].isupper()):
            last_noun = j
        elif u.pos in {"adj", "num", "gen"} or (u.pos == "vblex" and u.has("pp") and j > i):
            pass
        else:
            break
        j += 1
    if last_noun is None:
        return None
    return last_noun + 1


def subject_before(b: Base, i: int) -> str | None:
    """'sg'/'pl'/'1sg'/'2' for the subject right before token i (pronoun or noun), None if unknown."""
    p = b.prev(i)
    if p is None:
        return None
    if p.pos == "prn" and p.low in SUBJ_PRONOUNS:
        return {"i": "1sg", "you": "2", "we": "pl", "they": "pl"}.get(p.low, "sg")
    if (p.pos == "n" and p.surf[:1].islower()) or (p.pos == "n" and not b.sent_start(i - 1)):
        if p.has("pl"):
            return "pl"
        if p.has("sg"):
            return "sg"
    if p.pos == "np":
        return "pl" if p.has("pl") else "sg"
    return None


def be_form(tense: str, person: str) -> str:
    if tense == "past":
        return "was" if person in {"sg", "1sg"} else "were"
    return {"sg": "is", "1sg": "am"}.get(person, "are")


def near_negation(b: Base, i: int, before: int = 3, after: int = 2) -> bool:
    for k in range(max(0, i - before), min(len(b.toks), i + after + 1)):
        t = b.toks[k]
        if t.low in NEGATORS or t.negated or t.low.endswith("n't"):
            return True
    return False


def quoted(b: Base, i: int) -> bool:
    """Whether token i's sentence contains a quotation mark (verb edits avoid quoted speech)."""
    s, e = b.sent_text_span(b.sent_of[i])
    return bool(re.search(r"[\"“”«»]", b.target[s:e]))


def standalone(b: Base, i: int) -> bool:
    """Token i is a whole word: not glued to a hyphen, apostrophe or slash ('Charge-offs', 'don't')."""
    t = b.toks[i]
    before = b.target[t.start - 1] if t.start > 0 else " "
    after = b.target[t.end] if t.end < len(b.target) else " "
    return not (before.isalnum() or before in "-'’/" or after.isalnum() or after in "-'’/")


def plain_lower_word(b: Base, i: int, min_len: int = 4) -> bool:
    """An ordinary lower-case alphabetic word (no name, no number) of at least min_len letters."""
    t = b.toks[i]
    return (len(t.surf) >= min_len and t.surf.isalpha() and t.surf.islower() and t.pos not in {"np", "unk"}
            and t.surf.isascii() and standalone(b, i))


# --------------------------------------------------------------------------------------------------------------
# Verb morphology shared by negation, tense, aspect and question edits


def _clause_initial_np(b: Base, i: int) -> bool:
    """Whether the noun phrase ending at token i - 1 opens its clause (so a following verb is its predicate,
    not a reduced relative as in 'the figures released on Sunday' or 'for each laptop purchased')."""
    k = i - 1
    while k >= 0 and (b.toks[k].pos in {"n", "np", "adj", "det", "num", "gen", "predet", "unk"}
                      or b.toks[k].low in {"and", "or"}):  # 'children and babies made ill by ...'
        k -= 1
    if k < 0 or b.sent_start(k + 1):
        return True
    u = b.toks[k]
    return u.pos in {"cm", "sent", "cnjcoo", "cnjsub", "cnjadv", "rel", "lquest"} or u.low in {
        "that", "which", "who", "when", "while", "because", "if", "although", "as", "but", "and"}


def finite_lexical(b: Base, i: int) -> bool:
    """A lexical verb in a finite simple tense right after a subject (pronoun or noun phrase), not after an
    auxiliary or 'to': the tagger's past/present tags are trusted only there. A regular past ('purchased')
    after a noun counts only when that noun phrase opens its clause."""
    t = b.toks[i]
    if t.pos != "vblex" or not plain_lemma(t) or not ({"past", "pri", "pres"} & set(t.tags)):
        return False
    if not t.surf.isalpha() or (t.surf[:1].isupper() and not b.sent_start(i)):
        return False
    p = b.prev(i)
    if p is None or b.gap(i - 1) != " ":
        return False
    if p.pos in {"vbser", "vbhaver", "vbdo", "vaux", "vbmod", "pr", "det"} or p.low in {"to", "not"}:
        return False
    k = i - 1
    if p.pos == "adv":
        p2 = b.toks[i - 2] if i >= 2 else None
        if p2 is None or p2.pos in {"vbser", "vbhaver", "vbdo", "vaux", "vbmod", "pr", "det"}:
            return False
        p, k = p2, i - 2
    if (p.pos == "prn" and p.low in SUBJ_PRONOUNS) or p.low in {"who", "which", "that"}:
        return True
    if p.pos in {"n", "np"} or (p.pos == "unk" and p.surf[:1].isupper()):
        if t.has("past") and generate(t.lemma, "vblex", "past") != generate(t.lemma, "vblex", "pp"):
            return True  # an unambiguous past ('took'): no participle reading
        # 'purchased', 'rates' after a noun: only if that noun opens a clause and no finite verb follows in the
        # clause ('The penalty imposed yesterday has increased' is a reduced relative)
        for u in b.toks[i + 1:]:
            if u.pos in {"cm", "sent", "lpar", "rpar"} or u.low in {"and", "but", "or", "that", "which", "who"}:
                break
            if is_finite_verb(u):
                return False
        return _clause_initial_np(b, k + 1)
    return False


def verb_form(lemma: str, form: str) -> str | None:
    """form: inf, past, pp, ger, s3 (third person singular present)."""
    if lemma == "be":
        return {"inf": "be", "pp": "been", "ger": "being"}.get(form)
    tags = {"inf": ("vblex", "inf"), "past": ("vblex", "past"), "pp": ("vblex", "pp"), "ger": ("vblex", "ger"),
            "s3": ("vblex", "pri", "p3", "sg")}[form]
    if lemma == "have":
        return {"inf": "have", "past": "had", "pp": "had", "ger": "having", "s3": "has"}[form]
    if lemma == "do":
        return {"inf": "do", "past": "did", "pp": "done", "ger": "doing", "s3": "does"}[form]
    return generate(lemma, *tags)


# --------------------------------------------------------------------------------------------------------------
# Meaning perturbations


def p_negation_added(b: Base) -> list[Edit]:
    """'approved' -> 'did not approve', 'is' -> 'is not', 'will' -> 'will not': the classic polarity error of MT,
    always on an affirmative finite verb inside a sentence, away from any other negation."""
    edits = []
    for i, t in enumerate(b.toks):
        n, p = b.next(i), b.prev(i)
        if not t.is_word or n is None or p is None or b.sent_start(i) or near_negation(b, i):
            continue
        if t.pos == "vbser" and t.low in {"is", "are", "was", "were", "am"}:
            if n.low in {"also", "still", "already", "just", "even", "only", "always", "now", "often", "usually"}:
                continue  # 'is not also maintaining' is not how English negates
            if p.low in {"there", "here", "that", "which", "who"} | SUBJ_PRONOUNS or subject_before(b, i):
                edits.append(Edit(t.start, t.end, t.surf + " not", "be"))
        elif t.low in MODALS and t.pos in {"vaux", "vbmod"} and n.pos in {"vblex", "vbser", "vbhaver"} \
                and (n.has("inf") or n.pos != "vblex"):
            edits.append(Edit(t.start, t.end, "cannot" if t.low == "can" else t.surf + " not", "modal"))
        elif t.pos == "vbhaver" and t.low in {"has", "have", "had"} and n.pos in {"vblex", "vbser", "vbmod"} \
                and n.has("pp"):
            edits.append(Edit(t.start, t.end, t.surf + " not", "perfect"))
        elif finite_lexical(b, i) and t.lemma != "be" and not (n.low == "to" and t.lemma == "have"):
            aux = "did" if t.has("past") else "does" if t.has("pri", "p3", "sg") else "do"
            base = verb_form(t.lemma, "inf")
            if base:
                edits.append(Edit(t.start, t.end, f"{aux} not {base}", "do-support"))
    return edits


_CONTRACTED = {"isn't": "is", "aren't": "are", "wasn't": "was", "weren't": "were", "hasn't": "has",
               "haven't": "have", "hadn't": "had", "won't": "will", "can't": "can", "couldn't": "could",
               "shouldn't": "should", "wouldn't": "would", "mustn't": "must", "cannot": "can", "mightn't": "might",
               "needn't": "need", "shan't": "shall"}
_NOT_KEEP = {"only", "just", "even", "yet", "least", "necessarily", "quite", "merely", "simply", "so", "as",
             "until", "far", "because", "exactly", "entirely", "all", "much"}


def p_negation_removed(b: Base) -> list[Edit]:
    """Drop a plain verbal negation ('is not' -> 'is', 'did not approve' -> 'approved', 'decided not to go' ->
    'decided to go'). 'not only', 'not yet', 'whether or not' and never/nobody/nothing are left alone: removing
    them does not simply invert the clause."""
    edits = []
    toks = b.toks
    for i, t in enumerate(toks):
        n = b.next(i)
        low = t.low.replace("’", "'")
        # Contracted or fused negations: isn't, won't, cannot, didn't ...
        if low in _CONTRACTED and (t.negated or low == "cannot"):
            if n is not None and n.low in _NOT_KEEP:
                continue
            edits.append(Edit(t.start, t.end, match_case(t.surf, _CONTRACTED[low]), "contracted"))
            continue
        if low in {"didn't", "doesn't", "don't"} or (t.pos == "vbdo" and n is not None and n.low == "not"):
            j = i + 1 if low.endswith("n't") else i + 2
            while j < len(toks) and toks[j].pos == "adv" and toks[j].low not in NEGATORS and j - i < 4:
                j += 1
            if j >= len(toks) or toks[j].pos != "vblex" or not plain_lemma(toks[j]) or b.sent_start(i) \
                    or not toks[j].surf.isalpha():
                continue
            if not low.endswith("n't") and toks[i + 2].low in _NOT_KEEP:
                continue
            form = {"did": "past", "does": "s3", "do": "inf"}[low.split("n'")[0] if "n'" in low else low]
            new = verb_form(toks[j].lemma, form)
            if not new:
                continue
            k0 = i + 1 if low.endswith("n't") else i + 2  # first token after the negation
            middle = b.target[toks[k0].start:toks[j].start] if j > k0 else ""  # adverbs kept: 'really'
            repl = middle + new
            edits.append(Edit(t.start, toks[j].end, match_case(t.surf, repl), "do-support"))
            continue
        if t.low == "not" and n is not None and n.low not in _NOT_KEEP:
            p = b.prev(i)
            if p is None or (p.low in {"or", "if", "whether", "certainly", "perhaps", "why"}):
                continue
            if n.low == "to" and p.pos == "vblex":
                edits.append(removal(b, t.start, t.end, "infinitive"))
            elif p.pos in {"vbser", "vbhaver", "vaux", "vbmod"} and (p.low in MODALS or p.pos != "vbmod") \
                    and b.gap(i - 1) == " ":
                edits.append(removal(b, t.start, t.end, "auxiliary"))
    return edits


def p_antonym(b: Base) -> list[Edit]:
    """Replace a verb, adjective, adverb or noun by its antonym from perturb_data/antonyms.tsv, inflected like the
    original ('rose' -> 'fell', 'higher' -> 'lower'): a fluent sentence that says the opposite."""
    edits = []
    bad_next = {"up", "down", "out", "off", "away", "apart", "back", "over", "or"}
    to_ok = {"allow", "forbid", "permit", "encourage", "discourage", "refuse", "agree", "love", "hate",
             "remember", "forget", "begin", "start"}
    collocations = {("high", "school"), ("high", "court"), ("short", "story"), ("light", "bulb"), ("hard", "drive"),
                    ("hot", "dog"), ("cold", "war"), ("real", "estate"), ("new", "year"), ("common", "sense"),
                    ("first", "lady"), ("first", "aid"), ("last", "resort"), ("public", "opinion"),
                    ("foreign", "minister"), ("domestic", "violence"), ("private", "equity"),
                    ("full", "stop"), ("high", "street"), ("early", "days"), ("right", "wing"), ("dark", "horse")}
    for i, t in enumerate(b.toks):
        if not t.is_word or not t.surf.isalpha() or (t.surf[:1].isupper() and not b.sent_start(i)):
            continue
        n, p = b.next(i), b.prev(i)
        if n is not None and n.low in bad_next:
            continue
        if n is not None and (t.low, n.low) in collocations:
            continue
        new = None
        variant = t.pos
        if t.pos == "vblex" and ("v", t.lemma) in ANTONYMS and plain_lemma(t):
            ant = ANTONYMS[("v", t.lemma)]
            if n is not None and n.low == "to" and not (t.lemma in to_ok and ant in to_ok):
                continue
            form = "s3" if t.has("pri") else next(
                ({"pres": "inf"}.get(x, x) for x in t.tags if x in {"past", "pp", "ger", "inf", "pres"}), None)
            if form is None:
                continue
            new = verb_form(ant, form)
            variant = "verb"
        elif t.pos == "adj" and ("adj", t.lemma) in ANTONYMS:
            ant = ANTONYMS[("adj", t.lemma)]
            if t.has("comp") or t.has("sup"):
                new = generate(ant, "adj", "sint", "comp" if t.has("comp") else "sup")
                if new is None or (p is not None and p.low in {"more", "most"}):
                    continue
            elif t.low == t.lemma:
                new = ant
            if t.lemma == "old" or (p is not None and (p.pos == "num" or p.low in {"years", "year"})):
                continue
            variant = "adjective"
        elif t.pos == "adv" and ("adv", t.low) in ANTONYMS:
            if b.sent_start(i) and n is not None and n.surf == ",":
                continue
            new = ANTONYMS[("adv", t.low)]
            variant = "adverb"
        elif t.pos == "n" and ("n", t.lemma) in ANTONYMS and t.surf.islower():
            ant = ANTONYMS[("n", t.lemma)]
            new = generate(ant, "n", "pl") if t.has("pl") else ant
            variant = "noun"
        elif ("x", t.low) in ANTONYMS:
            ant = ANTONYMS[("x", t.low)]
            if t.low in {"more", "less"} and ((p is not None and p.low in {"once", "any", "no", "the", "much"})
                                              or (n is not None and n.low in {"or", "and"})):
                continue
            if t.low in {"most", "least"} and not (p is not None and p.low in {"the", "at"}):
                continue
            if t.low == "most" and p is not None and p.low == "at":
                continue
            if t.low in {"many", "few"} and (p is not None and p.low in {"how", "so", "too", "as", "a", "very"}):
                continue
            if t.low in {"before", "after"} and (n is None or not n.is_word):
                continue
            new = ant
            variant = "function_word"
        if new and new.lower() != t.low:
            e = replace_word(b, i, new, variant)
            if e:
                edits.append(e)
    return edits


def _in_conditional(b: Base, i: int) -> bool:
    """Whether token i is in an if/when/before... clause, where English does not use 'will'."""
    for k in range(i - 1, max(-1, i - 6), -1):
        u = b.toks[k]
        if u.pos in {"cm", "sent"}:
            return False
        if u.low in {"if", "when", "unless", "before", "after", "until", "once", "sooner", "whenever", "as"}:
            return True
    return False


def p_tense(b: Base) -> list[Edit]:
    """Move a finite verb to another tense: 'said' -> 'will say', 'will visit' -> 'visited', 'is' -> 'was',
    'raises' -> 'raised'. Only verbs the tagger places after a subject, outside quoted speech."""
    edits = []
    toks = b.toks
    for i, t in enumerate(toks):
        if not t.is_word or quoted(b, i):
            continue
        n = b.next(i)
        # will + verb -> past
        if t.low == "will" and n is not None and b.gap(i) == " " and not b.sent_start(i):
            j = i + 1
            while j < len(toks) and toks[j].pos == "adv" and toks[j].low not in NEGATORS and j - i < 3:
                j += 1
            if j < len(toks) and toks[j].has("inf") and toks[j].pos in {"vblex", "vbser", "vbhaver"}:
                v = toks[j]
                if v.pos == "vbser":
                    person = subject_before(b, i)
                    new = be_form("past", person) if person else None
                elif v.pos == "vbhaver":
                    new = "had"
                else:
                    new = verb_form(v.lemma, "past") if plain_lemma(v) else None
                if new:
                    middle = b.target[toks[i + 1].start:toks[j].start] if j > i + 1 else ""
                    edits.append(Edit(t.start, v.end, middle + new, "future>past"))
            continue
        if t.pos == "vbser" and t.low in {"is", "are", "was", "were", "am"} and not b.sent_start(i) \
                and not t.negated and b.prev(i) is not None and b.prev(i).is_word:
            if n is not None and n.low == "to":
                continue
            swap = {"is": "was", "are": "were", "am": "was", "was": "is", "were": "are"}[t.low]
            variant = "present>past" if t.low in {"is", "are", "am"} else "past>present"
            edits.append(Edit(t.start, t.end, swap, variant))
            if t.low in {"was", "were"} and not (n is not None and n.pos == "vblex" and n.has("ger")):
                edits.append(Edit(t.start, t.end, "will be", "past>future"))
            continue
        if finite_lexical(b, i) and t.lemma not in {"be", "have", "do"}:
            base = verb_form(t.lemma, "inf")
            if not base:
                continue
            if t.has("past"):
                edits.append(Edit(t.start, t.end, "will " + base, "past>future"))
                person = subject_before(b, i)
                if person:
                    now = verb_form(t.lemma, "s3") if person == "sg" else base
                    if now:
                        edits.append(Edit(t.start, t.end, now, "past>present"))
            else:
                past = verb_form(t.lemma, "past")
                if past:
                    edits.append(Edit(t.start, t.end, past, "present>past"))
                if not _in_conditional(b, i) and t.lemma not in {"think", "believe", "know", "hope", "guess",
                                                                  "suppose", "feel", "mean", "expect", "say"}:
                    edits.append(Edit(t.start, t.end, "will " + base, "present>future"))
    return edits


def p_aspect(b: Base) -> list[Edit]:
    """Simple <-> progressive/perfect: 'built' -> 'was building' / 'had built', 'has built' -> 'builds',
    'is building' -> 'builds'. Stative verbs are not put in the progressive."""
    edits = []
    toks = b.toks
    for i, t in enumerate(toks):
        if not t.is_word or quoted(b, i):
            continue
        n = b.next(i)
        # has/have + participle -> simple present
        if t.pos == "vbhaver" and t.low in {"has", "have"} and n is not None and b.gap(i) == " " \
                and n.pos == "vblex" and n.has("pp") and plain_lemma(n) and n.surf.isalpha() and not b.sent_start(i) \
                and not near_negation(b, i, 1, 1):
            new = verb_form(n.lemma, "s3" if t.low == "has" else "inf")
            if new and subject_before(b, i):
                edits.append(Edit(t.start, n.end, new, "perfect>simple"))
            continue
        # be + -ing -> simple
        if t.pos == "vbser" and t.low in {"is", "are", "was", "were"} and n is not None and b.gap(i) == " " \
                and n.pos == "vblex" and n.has("ger") and plain_lemma(n) and n.surf.isalpha() and subject_before(b, i):
            form = {"is": "s3", "are": "inf", "was": "past", "were": "past"}[t.low]
            new = verb_form(n.lemma, form)
            if new and n.lemma not in {"go"}:
                edits.append(Edit(t.start, n.end, new, "progressive>simple"))
            continue
        if finite_lexical(b, i) and t.lemma not in STATIVE and not (n is not None and (n.has("ger") or n.low == "to")):
            ing = verb_form(t.lemma, "ger")
            person = subject_before(b, i)
            if t.has("past"):
                pp = verb_form(t.lemma, "pp")
                if pp:
                    edits.append(Edit(t.start, t.end, "had " + pp, "simple>past_perfect"))
                if ing and person:
                    edits.append(Edit(t.start, t.end, be_form("past", person) + " " + ing, "simple>progressive"))
            elif ing and person:
                edits.append(Edit(t.start, t.end, be_form("present", person) + " " + ing, "simple>progressive"))
    return edits


def _subject_and_aux(b: Base, a: int, e: int) -> tuple[int, int] | None:
    """For a sentence spanning tokens [a, e): (end of subject NP, index of its finite verb) when the sentence
    opens with a subject immediately followed by its finite verb."""
    first = a
    while first < e and not b.toks[first].is_word:
        first += 1
    if first >= e:
        return None
    end = np_end(b, first)
    if end is None or end >= e or b.gap(end - 1) != " ":
        return None
    v = b.toks[end]
    if not is_finite_verb(v):
        return None
    return end, first


def p_question_statement(b: Base) -> list[Edit]:
    """Statement -> question by subject-auxiliary inversion or do-support ('The plan is ready.' -> 'Is the plan
    ready?'), and yes/no question -> statement ('Can we win?' -> 'We can win.'). Only unquoted sentences whose
    subject opens the sentence; wh-questions are skipped."""
    edits = []
    text = b.target
    for n, (a, e) in enumerate(b.sents):
        if e - a < 4 or e - a > 40:
            continue
        s, end = b.sent_text_span(n)
        sent = text[s:end]
        if re.search(r"[\"“”«»:;()]", sent) or b.toks[e - 1].surf not in {".", "?"}:
            continue
        if not b.toks[a].is_word or b.toks[a].low in {"and", "but", "so", "or", "however", "even", "only", "also",
                                                        "just", "still", "yet", "then", "now", "here", "there"}:
            continue
        if re.search(r"\b(said|says|say|told|tells|according|added|stated|explained)\b", sent) \
                or re.search(r", (and|but|or|while|whereas) | [-–—] ", sent) or (s > 0 and text[s - 1] in "\"“«'‘"):
            continue
        if any(t.low in NEGATORS or t.negated or t.low in {"ever", "any", "anyone", "anything", "yet"}
               for t in b.toks[a:e]):
            continue  # negative-polarity words read wrongly after the change
        if any(b.toks[k].pos == "vblex" and b.toks[k - 1].low in {"and", "or", "but"} and b.toks[k].has("past")
               for k in range(a + 1, e)):
            continue  # 'Was his message phrased and left ...?': a second verb phrase breaks the inversion
        stop = b.toks[e - 1]
        if stop.surf == ".":
            found = _subject_and_aux(b, a, e)
            if found is None:
                continue
            v_i, first = found
            v = b.toks[v_i]
            subj = text[b.toks[first].start:b.toks[v_i - 1].end]
            f = b.toks[first]
            if f.low in LOWER_WORDS and f.pos not in {"np", "unk"} and f.surf != "I" and not f.surf.isupper():
                subj = subj[:1].lower() + subj[1:]
            rest = text[v.end:stop.start]
            if v.negated or v.low.endswith("n't") or "," in subj:
                continue
            if v.pos in {"vbser", "vaux"} or v.low in MODALS or (
                    v.pos == "vbhaver" and b.next(v_i) is not None and b.next(v_i).has("pp")):
                if v.surf.lower() not in {"is", "are", "was", "were", "am", "has", "have", "had"} | MODALS:
                    continue
                new = v.surf[:1].upper() + v.surf[1:].lower() + " " + subj + rest + "?"
                edits.append(Edit(s, stop.end, new, "statement>question"))
            elif finite_lexical(b, v_i) and v.lemma not in {"be"} and not any(
                    b.toks[k].pos == "vblex" and b.toks[k - 1].low in {"and", "or", "but"} for k in range(v_i + 1, e)):
                aux = "Did" if v.has("past") else "Does" if v.has("pri", "p3", "sg") else "Do"
                base = verb_form(v.lemma, "inf")
                if base:
                    new = f"{aux} {subj} {base}{rest}?"
                    edits.append(Edit(s, stop.end, new, "statement>question"))
        else:
            first = a
            v = b.toks[first]
            if v.low not in {"is", "are", "was", "were", "has", "have", "had", "do", "does", "did"} | MODALS:
                continue
            subj_end = np_end(b, first + 1)
            if subj_end is None or subj_end >= e - 1:
                continue
            subj_tok = b.toks[first + 1]
            subj = text[subj_tok.start:b.toks[subj_end - 1].end]
            if (subj_tok.surf != "I" and subj_tok.pos not in {"np", "unk"}) or subj_tok.pos in {"np", "unk"}:
                subj = subj[:1].upper() + subj[1:]
            rest_start = b.toks[subj_end].start
            if v.low in {"do", "does", "did"}:
                mv = b.toks[subj_end]
                if mv.pos != "vblex" or not plain_lemma(mv):
                    continue
                form = {"do": "inf", "does": "s3", "did": "past"}[v.low]
                new_v = verb_form(mv.lemma, form)
                if not new_v:
                    continue
                new = f"{subj} {new_v}{text[mv.end:stop.start]}."
            else:
                new = f"{subj} {v.low} {text[rest_start:stop.start]}."
            edits.append(Edit(s, stop.end, new, "question>statement"))
    return edits


def _passage_mentions(b: Base, name: str, spanish: Iterable[str] = ()) -> bool:
    for form in [name, *spanish]:
        rx = re.compile(rf"(?<!\w){re.escape(form)}(?!\w)", re.IGNORECASE)
        if rx.search(b.target) or rx.search(b.source):
            return True
    return False


def _pick_name(b: Base, kind: str, current: str, salt: int) -> str | None:
    pool = [(n, es) for n, es in NAMES[kind] if n != current and not _passage_mentions(b, n, es)]
    if not pool:
        return None
    return pool[(salt * 7919 + len(b.target)) % len(pool)][0]


def p_name_replaced(b: Base) -> list[Edit]:
    """Replace a person's or place's name by another of the same kind (country, city, male/female first name,
    surname) from perturb_data/names.tsv that occurs nowhere in the passage, on either side."""
    edits = []
    toks = b.toks
    for i, t in enumerate(toks):
        if not t.surf[:1].isupper() or not t.surf.replace("-", "").isalpha():
            continue
        kind = NAME_KIND.get(t.surf)
        p, n = b.prev(i), b.next(i)
        n_is_name = n is not None and n.surf[:1].isupper() and n.pos in {"np", "unk", "n"} and b.gap(i) == " "
        # after an honorific anything capitalised is a surname; after an office title ('General Secretary')
        # only a name the dictionary does not know as a common word
        p_is_title = p is not None and (p.low in HONORIFICS or (p.low in TITLES and t.low not in LOWER_WORDS))
        p_is_first = p is not None and NAME_KIND.get(p.surf) in {"first_m", "first_f"} and b.gap(i - 1) == " "
        if kind in {"country", "city"}:
            if n_is_name or (p is not None and p.surf[:1].isupper() and not b.sent_start(i - 1)
                             and b.gap(i - 1) == " "):
                continue  # part of a longer name ("Mexico City", "New York")
        elif kind in {"first_m", "first_f"}:
            if not n_is_name:
                continue
        elif (t.pos == "np" and t.has("cog")) or p_is_title or p_is_first or (
                t.pos == "np" and t.has("ant") and p_is_first):
            if n_is_name or t.surf.isupper():
                continue
            kind = "surname"
        else:
            continue
        new = _pick_name(b, kind, t.surf, i)
        if new:
            edits.append(Edit(t.start, t.end, new, kind))
    return edits


_NUMBER = re.compile(r"(?<![\w.,/:-])(?<!\d )(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?![\w/:]|-\w|\.\d|,\d| \d{3}\b)")
_SPELLED = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen",
            "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand",
            "million", "billion"]
_SPELLED_NEXT = {"two": "three", "three": "four", "four": "five", "five": "six", "six": "eight", "seven": "nine",
                 "eight": "six", "nine": "seven", "ten": "twelve", "eleven": "thirteen", "twelve": "fifteen",
                 "fifteen": "eighteen", "twenty": "thirty", "thirty": "forty", "forty": "fifty", "fifty": "sixty",
                 "sixty": "seventy", "seventy": "eighty", "eighty": "ninety", "ninety": "seventy",
                 "hundred": "thousand", "thousand": "hundred", "million": "billion", "billion": "million"}


def _new_number(digits: str, decimals: str | None, rng: random.Random) -> str:
    plain = digits.replace(",", "")
    value = int(plain)
    if decimals is not None:
        d = list(decimals)
        d[-1] = str((int(d[-1]) + rng.choice([1, 2, 3, 4, 6, 7])) % 10)
        return f"{digits}.{''.join(d)}"
    if len(plain) == 4 and 1800 <= value <= 2030:
        return str(value + rng.choice([-4, -3, -2, -1, 1, 2, 3]))
    if value < 10:
        return str(rng.choice([x for x in range(2, 10) if x != value]))
    if value < 100:
        return str(rng.choice([x for x in range(value - 9, value + 20) if x != value and x >= 10]))
    lead = len(plain) - 2 if len(plain) > 3 else len(plain) - 1
    head = int(plain[:len(plain) - lead])
    lo, hi = 10 ** (len(str(head)) - 1), 10 ** len(str(head)) - 1  # keep the number of digits
    new_head = rng.choice([x for x in range(max(lo, head - 5), min(hi, head + 12) + 1) if x != head])
    new = str(new_head) + plain[len(plain) - lead:]
    if "," in digits:
        new = f"{int(new):,}"
    return new


def p_number_replaced(b: Base) -> list[Edit]:
    """Replace a number (digits, keeping their format, or a spelled-out number) by a different plausible one
    that is in neither text: years move by a few years, counts by a little, decimals in their last digit."""
    edits = []
    rng = random.Random(b.id)
    for m in _NUMBER.finditer(b.target):
        new = _new_number(m.group(1), m.group(2), rng)
        if new != m.group(0) and new not in b.target and new not in b.source:
            edits.append(Edit(m.start(), m.end(), new, "digits"))
    for i, t in enumerate(b.toks):
        if t.low in _SPELLED and t.surf.isalpha() and standalone(b, i):
            new = _SPELLED_NEXT[t.low]
            if new in b.target.lower():
                continue
            p = b.prev(i)
            if t.low in {"hundred", "thousand", "million", "billion"} and (p is None or p.pos not in {"num", "det"}):
                continue
            edits.append(Edit(t.start, t.end, match_case(t.surf, new), "spelled"))
    return edits


def _plain_noun(t: Tok) -> bool:
    return t.pos == "n" and t.surf.isalpha() and t.surf.islower() and len(t.surf) >= 3


def p_noun_removed(b: Base) -> list[Edit]:
    """Drop a noun: a compound modifier ('the oil price' -> 'the price'), the second of two coordinated nouns
    ('prices and wages' -> 'prices'), or a head noun after its adjective ('the new law was' -> 'the new was')."""
    edits = []
    toks = b.toks
    for i, t in enumerate(toks):
        if not _plain_noun(t):
            continue
        p, n = b.prev(i), b.next(i)
        if n is not None and _plain_noun(n) and b.gap(i) == " " and p is not None and p.pos in {"det", "adj"} \
                and not (b.next(i + 1) is not None and b.next(i + 1).pos == "n"):
            edits.append(removal(b, t.start, t.end, "modifier"))
        if p is not None and p.low in {"and", "or"} and i >= 2 and _plain_noun(toks[i - 2]) and b.gap(i - 2) == " " \
                and (n is None or not n.is_word or n.pos in {"pr", "vblex", "vbser", "vbhaver", "vaux"}) \
                and not (n is not None and n.pos == "n"):
            edits.append(removal(b, p.start, t.end, "coordinated"))
        if p is not None and p.pos == "adj" and p.surf.islower() and b.gap(i - 1) == " " and n is not None \
                and n.pos in {"pr", "vbser", "vblex", "vbhaver", "vaux", "cm", "sent"} and i >= 2 \
                and toks[i - 2].pos == "det":
            edits.append(removal(b, t.start, t.end, "head"))
    return edits


def p_verb_removed(b: Base) -> list[Edit]:
    """Drop a main verb: the finite verb after its subject ('The Government presented the plan' -> 'The Government
    the plan'), a participle or infinitive after its auxiliary ('has approved the plan' -> 'has the plan'), or a
    copula ('the plan is ambitious' -> 'the plan ambitious')."""
    edits = []
    toks = b.toks
    for i, t in enumerate(toks):
        n = b.next(i)
        if n is None or not n.is_word or b.gap(i) != " ":
            continue
        if finite_lexical(b, i) and t.lemma not in {"say", "be"} and n.pos in {"det", "n", "np", "adj", "num", "pr"}:
            edits.append(removal(b, t.start, t.end, "finite"))
        p = b.prev(i)
        if t.pos == "vblex" and (t.has("pp") or t.has("inf")) and plain_lemma(t) and p is not None \
                and (p.pos in {"vbhaver", "vaux"} or p.low in MODALS) and b.gap(i - 1) == " " \
                and n.pos in {"det", "n", "np", "num", "pr"}:
            edits.append(removal(b, t.start, t.end, "after_auxiliary"))
        if t.pos == "vbser" and t.low in {"is", "are", "was", "were"} and n.pos in {"adj", "det"} \
                and p is not None and (p.pos in {"n", "np"} or p.low in SUBJ_PRONOUNS):
            edits.append(removal(b, t.start, t.end, "copula"))
    return edits


_ADJ_KEEP = {"other", "such", "same", "own", "many", "few", "several", "certain", "various", "last", "next",
             "first", "second", "third", "much", "more", "most", "less", "least", "only", "whole", "little",
             "enough", "previous", "following", "further", "able", "sure", "main"}


def p_adjective_removed(b: Base) -> list[Edit]:
    """Drop an attributive adjective ('the new law' -> 'the law'), never one that is part of a name or a
    determiner-like word ('other', 'same', 'last'), and only where a/an still fits the next word."""
    edits = []
    for i, t in enumerate(b.toks):
        n, p = b.next(i), b.prev(i)
        if t.pos != "adj" or not t.surf.isalpha() or not t.surf.islower() or t.low in _ADJ_KEEP or n is None:
            continue
        if n.pos not in {"n", "adj"} or b.gap(i) != " " or not n.surf[:1].islower():
            continue
        if p is not None and p.low in {"a", "an"} and article_for(n.surf) != p.low:
            continue
        if p is not None and p.low in {"more", "most", "less", "least", "very", "so", "too", "as"}:
            continue
        edits.append(removal(b, t.start, t.end, "attributive"))
    return edits


_ADV_SKIP = {"not", "n't", "never", "no", "so", "as", "then", "there", "here", "how", "when", "where", "why",
             "up", "down", "out", "off", "on", "in", "over", "back", "away", "ago", "else", "too", "about",
             "around", "however", "though", "thus", "therefore", "hence", "well", "rather", "instead", "yes",
             "forth", "along", "together", "apart", "aside", "home", "through", "by", "whether", "once", "since",
             "ever", "both", "either", "neither", "nor", "also", "otherwise", "meanwhile", "indeed", "moreover",
             "further", "furthermore", "besides", "nevertheless", "nonetheless", "anyway", "first", "firstly",
             "secondly", "finally", "lastly", "much", "little", "long", "far", "near", "before", "after",
             "above", "below", "less", "more", "most", "least", "enough", "sometimes", "later", "earlier",
             "today", "yesterday", "tomorrow", "now", "hardly", "scarcely", "barely", "very"}


_ADV_CONTENT = {"already", "still", "again", "almost", "soon", "often", "even", "just", "quite", "twice", "seldom",
                "perhaps", "maybe", "abroad", "alone", "yet", "somewhat", "nearly", "mostly", "partly", "largely",
                "fully", "ever", "upstairs", "overseas", "downtown", "anymore"}


def p_adverb_removed(b: Base) -> list[Edit]:
    """Drop a content adverb ('prices rose sharply' -> 'prices rose', 'already', 'only', 'almost'), never a
    negation, a particle or a sentence connector between commas."""
    edits = []
    for i, t in enumerate(b.toks):
        if t.pos != "adv" or not t.surf.isalpha() or t.low in _ADV_SKIP or not t.surf.islower():
            continue
        if (not t.low.endswith("ly") and t.low not in _ADV_CONTENT) or not standalone(b, i):
            continue
        p, n = b.prev(i), b.next(i)
        if p is None or n is None or not p.is_word or b.gap(i - 1) != " ":
            continue
        if n.surf == "," and b.gap(i) == "" and p.surf == ",":
            continue
        if p.low in {"as", "so", "how", "too", "quite", "very", "more", "most", "less", "least", "rather", "fairly",
                     "pretty", "and", "or"} or n.low in {"as", "than", "and", "or"}:
            continue
        if p.low in {"a", "an"} and n.is_word and article_for(n.surf) != p.low:
            continue
        edits.append(removal(b, t.start, t.end, "ly" if t.low.endswith("ly") else "other"))
    return edits


_CLAUSE_OPENERS = {"that", "because", "when", "while", "although", "though", "if", "whereas", "until", "unless"}


def p_subject_removed(b: Base) -> list[Edit]:
    """Drop the subject of a clause: at a sentence start ('The Government presented the plan' -> 'Presented the
    plan') or after a conjunction ('said that the minister would resign' -> 'said that would resign')."""
    edits = []
    toks = b.toks
    for i, t in enumerate(toks):
        if not t.is_word:
            continue
        start_of_sentence = b.sent_start(i)
        after_opener = b.prev(i) is not None and b.prev(i).low in _CLAUSE_OPENERS and b.gap(i - 1) == " "
        if not (start_of_sentence or after_opener):
            continue
        end = np_end(b, i)
        if end is None or end >= len(toks) or b.gap(end - 1) != " ":
            continue
        v = toks[end]
        if not is_finite_verb(v) or (v.pos == "vblex" and not finite_lexical(b, end)):
            continue
        if t.low == "it" and v.low in {"is", "was"}:
            continue
        if start_of_sentence:
            new_first = v.surf[:1].upper() + v.surf[1:]
            edits.append(Edit(t.start, v.end, new_first, "sentence_start", removal=True, cut_len=v.start - t.start))
        else:
            edits.append(removal(b, t.start, toks[end - 1].end, "clause"))
    return edits


def p_pp_removed(b: Base) -> list[Edit]:
    """Drop an adjunct prepositional phrase that ends a clause ('in 1937', 'on Tuesday', 'to the region'): the
    sentence stays grammatical but loses the information."""
    edits = []
    toks = b.toks
    for i, t in enumerate(toks):
        if t.low not in PREPOSITIONS or not t.surf.islower() or i == 0:
            continue
        p = b.prev(i)
        if p is None or not p.is_word or b.gap(i - 1) != " " or p.low in {"according", "due", "order", "up",
                                                                            "out", "as", "than", "rather"}:
            continue
        if b.sent_start(i):
            continue
        n = b.next(i)
        if n is None or b.gap(i) != " ":
            continue
        if n.pos == "num" and n.surf[:1].isdigit():
            end = i + 2
            while end < len(toks) and toks[end].pos in {"num", "n"} and b.gap(end - 1) == " " and end - i < 4:
                end += 1
        else:
            end = np_end(b, i + 1)
            if end is None or toks[i + 1].pos == "prn":
                continue
        if t.low == "to" and toks[i + 1].pos in {"vblex", "vbser", "vbhaver"}:
            continue
        if end < len(toks) and toks[end].low == "of":
            e2 = np_end(b, end + 1)
            if e2 is None:
                continue
            end = e2
        follow = toks[end] if end < len(toks) else None
        if follow is not None and follow.surf not in {",", ".", ";", ")", "?", "!"}:
            continue  # only a phrase that ends its clause (and never half of '7:30')
        if follow is not None and follow.surf == "," and end + 1 < len(toks) and toks[end + 1].low in {"and", "or"}:
            continue  # a list: 'in Honduras, Guatemala and ...'
        if toks[end - 1].surf[:1].isupper() and end < len(toks) and b.gap(end - 1) == " " and follow is not None \
                and follow.surf[:1].isupper():
            continue
        if end - i > 7:
            continue
        edits.append(removal(b, t.start, toks[end - 1].end, t.low))
    return edits


_TIME_WORDS = re.compile(
    r"\b(1[89]\d\d|20\d\d|january|february|march|april|may|june|july|august|september|october|november|"
    r"december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow|tonight|ago|"
    r"years?|months?|weeks?|days?|hours?|decades?|century|time|when|last|next|since|until|morning|evening|night|"
    r"season|summer|winter|spring|autumn|earlier|later|recently|now|then|once|again)\b", re.IGNORECASE)
SPEECH_VERBS = {"say", "announce", "declare", "tell", "explain", "state", "warn", "insist", "add", "claim",
                "confirm", "deny", "promise", "reveal", "admit", "report", "stress", "comment", "note", "argue",
                "urge", "propose", "describe", "criticize", "criticise", "praise", "reject", "demand"}


def p_phrase_added(b: Base) -> list[Edit]:
    """Insert a phrase with no source counterpart (perturb_data/phrases.tsv): an apposition after a person's
    name, an adverb between a subject and its past-tense verb, an adverbial before the full stop of a simple
    past-tense sentence or at the start of one that opens with its subject. Time phrases go only into
    sentences without a time expression, phrases of saying only into sentences whose verb is one."""
    edits = []
    toks = b.toks
    text = b.target
    salt = sum(map(ord, b.id))
    low = text.lower()

    def pick(slot: str, k: int, fits: set[str]) -> str | None:
        pool = [x for x, fit in PHRASES[slot] if fit in fits and x.strip(" ,").lower() not in low]
        return pool[(salt + k * 31) % len(pool)] if pool else None

    def fits_of(a: int, e: int, verb: Tok) -> set[str]:
        s, end = b.sent_text_span(b.sent_of[a])
        fits = {"any"}
        if not _TIME_WORDS.search(text[s:end]):
            fits.add("time")
        if verb.lemma in SPEECH_VERBS:
            fits.add("speech")
        if not any(t.pos == "np" or NAME_KIND.get(t.surf) in {"city", "country"} for t in toks[a:e]):
            fits.add("place")
        return fits

    for i, t in enumerate(toks):
        n, p = b.next(i), b.prev(i)
        # apposition after a person's name (a surname after a first name or title) before its verb
        if t.pos in {"np", "unk"} and t.surf[:1].isupper() and n is not None and is_finite_verb(n) \
                and b.gap(i) == " " and p is not None and (
                NAME_KIND.get(p.surf, "").startswith("first") or t.has("cog") or p.low in TITLES):
            phrase = pick("appos", i, {"any"})
            if phrase:
                edits.append(Edit(t.end, t.end, phrase, "apposition"))
        # an adverb before the past-tense verb of a person subject that opens its sentence
        opening = _subject_and_aux(b, *b.sents[b.sent_of[i]])
        if opening is not None and opening[0] == i and finite_lexical(b, i) and t.has("past") \
                and t.lemma not in STATIVE and p is not None and (
                p.low in {"he", "she", "they", "we", "i"} or (p.pos == "np" and (p.has("ant") or p.has("cog")))):
            phrase = pick("preverb", i, {"any"})
            if phrase:
                edits.append(Edit(t.start - 1, t.start - 1, phrase, "adverb"))

    for n_s, (a, e) in enumerate(b.sents):
        stop = toks[e - 1]
        s, end = b.sent_text_span(n_s)
        if stop.surf != "." or end != stop.end or e - a < 5 or not toks[e - 2].is_word:
            continue
        if re.search(r"[\"“”«»;:()]", text[s:end]) or any(t.low in NEGATORS or t.negated or t.low in MODALS
                                                         for t in toks[a:e]):
            continue
        verbs = [k for k in range(a, e) if is_finite_verb(toks[k])]
        event = [k for k in verbs if finite_lexical(b, k) and toks[k].has("past") and toks[k].lemma not in STATIVE]
        # before the full stop of a simple sentence (one finite verb, a past action) ending in a noun
        if len(verbs) == 1 and event and e - a <= 35 and toks[e - 2].pos in {"n", "np", "num", "unk"} and not any(
                toks[k].pos in {"cnjsub", "rel"} or toks[k].low in {"that", "which", "who", "if", "when"}
                for k in range(a, e)):
            phrase = pick("end", n_s, fits_of(a, e, toks[event[0]]))
            if phrase:
                edits.append(Edit(stop.start, stop.start, phrase, "clause_end"))
        # at the start of a sentence that opens with its subject and a past action verb
        first = toks[a]
        opening = _subject_and_aux(b, a, e)
        if opening is not None and opening[0] in event and first.is_word and first.low in LOWER_WORDS \
                and first.pos not in {"np", "unk"} and first.surf != "I" and not first.surf.isupper():
            phrase = pick("initial", n_s, fits_of(a, e, toks[opening[0]]))
            if phrase:
                new = phrase + ", " + first.surf[:1].lower() + first.surf[1:]
                edits.append(Edit(first.start, first.end, new, "sentence_start", span_len=len(phrase) + 1))
    return edits


def p_vaguer_word(b: Base) -> list[Edit]:
    """Replace a specific noun by a hypernym ('salary' -> 'payment', 'rifle' -> 'weapon',
    perturb_data/hypernyms.tsv): fluent, but the translation loses information."""
    edits = []
    for i, t in enumerate(b.toks):
        if t.pos != "n" or not t.surf.isalpha() or not t.surf.islower() or t.lemma not in HYPERNYMS \
                or not standalone(b, i):
            continue
        p, n = b.prev(i), b.next(i)
        if n is not None and (n.pos in {"np", "n"} or n.surf[:1].isupper()) and b.gap(i) == " ":
            continue  # a name ('Senator Smith') or a compound modifier ('coffee substitutes')
        if p is not None and (p.pos == "num" or (p.surf[:1].isupper() and not b.sent_start(i - 1)
                              and b.gap(i - 1) == " ")):
            continue
        hyper = HYPERNYMS[t.lemma]
        new = (generate(hyper, "n", "pl") if " " not in hyper else None) if t.has("pl") else hyper
        if not new or re.search(rf"\b{re.escape(new)}\b", b.target, re.IGNORECASE):
            continue
        e = replace_word(b, i, new, "hypernym")
        if e:
            edits.append(e)
    return edits


_GENDER_SWAP = {"he": "she", "she": "he", "him": "her", "himself": "herself", "herself": "himself", "hers": "his"}
_MALE = {"he", "him", "his", "himself"}
_FEMALE = {"she", "her", "hers", "herself"}


def source_genders(b: Base) -> set[str]:
    found = set()
    for g, rx in GENDER_ES:
        if rx.search(b.source):
            found.add(g)
    for t in b.src_toks:
        if t.pos == "np" and t.has("ant"):
            if t.has("m"):
                found.add("m")
            elif t.has("f"):
                found.add("f")
        kind = NAME_KIND.get(t.surf)
        if kind == "first_m":
            found.add("m")
        elif kind == "first_f":
            found.add("f")
    return found


def p_gender_swapped(b: Base) -> list[Edit]:
    """Swap the gender of a third-person pronoun (he<->she, his<->her, him<->her) when every gendered pronoun
    of the passage has one gender and the Spanish source genders a person the same way, not the other."""
    pron = [i for i, t in enumerate(b.toks) if t.low in _MALE | _FEMALE]
    if not pron:
        return []
    genders = {"m" if b.toks[i].low in _MALE else "f" for i in pron}
    if len(genders) != 1:
        return []
    g = genders.pop()
    evidence = source_genders(b)
    if evidence != {g}:
        return []
    edits = []
    for i in pron:
        t = b.toks[i]
        if t.low == "his":
            n = b.next(i)
            # 'his' before a noun phrase is 'her'; standing alone ('the book is his', 'his is') it is 'hers'
            standing = n is None or not n.is_word or (is_finite_verb(n) and not n.has("pp"))
            new = "hers" if standing else "her"
        elif t.low == "her":
            new = "his" if t.pos == "det" else "him"
        else:
            new = _GENDER_SWAP[t.low]
        edits.append(Edit(t.start, t.end, match_case(t.surf, new), f"{t.low}>{new}"))
    return edits


def _spanish_counterparts(b: Base) -> list[tuple[int, Tok]]:
    """(English token index, Spanish source token) pairs where the bilingual dictionaries link a content word of
    the target to a word of the source whose form differs from the English one."""
    src_by_lemma: dict[str, list[Tok]] = collections.defaultdict(list)
    src_english: dict[int, set[str]] = {}
    for k, s in enumerate(b.src_toks):
        if s.pos in {"n", "vblex", "adj"} and s.surf.isalpha() and len(s.surf) >= 3:
            src_by_lemma[s.lemma.lower()].append(s)
            src_english[k] = spanish_to_english(s.lemma, s.tags)
    pairs = []
    for i, t in enumerate(b.toks):
        if t.pos not in {"n", "vblex", "adj"} or not t.surf.isalpha() or not t.surf.islower() or len(t.surf) < 3:
            continue
        cands: list[Tok] = []
        for es in sorted(english_to_spanish(t.lemma, t.tags)):
            cands.extend(src_by_lemma.get(es, []))
        for k, s in enumerate(b.src_toks):
            if t.lemma.lower() in src_english.get(k, set()):
                cands.append(s)
        forms = {s.surf.lower() for s in cands}
        if len(forms) != 1:
            continue  # none, or ambiguous
        s = cands[0]
        if s.surf.lower() == t.low or (s.surf.lower() in DICTIONARY and len(s.surf) < 5):
            continue
        pairs.append((i, s))
    return pairs


def _untranslated(b: Base) -> list[Edit]:
    edits = []
    for i, s in _spanish_counterparts(b):
        t = b.toks[i]
        form = s.surf
        if form[:1].isupper() and s.pos != "np":
            form = form[:1].lower() + form[1:]
        if b.sent_start(i):
            form = form[:1].upper() + form[1:]
        edits.append(Edit(t.start, t.end, form, {"n": "noun", "vblex": "verb", "adj": "adjective"}[t.pos]))
    return edits


def p_untranslated_word(b: Base) -> list[Edit]:
    """Replace an English content word by the Spanish source word it translates, copied in the source's form
    ('the rains' -> 'the lluvias'), as MT leaves words it cannot translate."""
    return _untranslated(b)


# --------------------------------------------------------------------------------------------------------------
# Wording perturbations


def _not_a_word(w: str) -> bool:
    return w.lower() not in DICTIONARY


_MISSPELL = [
    ("undoubled", r"([bcdfglmnprstz])\1", lambda m: m.group(1)),
    ("doubled", r"(?<=[aeiou])([cflmnprst])(?=[aeiou].{2})", lambda m: m.group(1) * 2),
    ("ie/ei", r"ie(?!s$)|ei", lambda m: m.group(0)[::-1]),
    ("-ence/-ance", r"(?<=[a-z]{4})(?<!m)(?:ence$|ance$|ent$|ant$|ency$|ancy$)",
     lambda m: {"ence": "ance", "ance": "ence", "ent": "ant", "ant": "ent", "ency": "ancy", "ancy": "ency"}[
         m.group(0)]),
    ("-ible/-able", r"ible$|able$", lambda m: "able" if m.group(0) == "ible" else "ible"),
    ("-or/-er", r"(?<=[a-z]{4}[ts])or$", lambda m: "er"),
    ("-tion/-sion", r"tion$", lambda m: "sion"),
    ("unstressed vowel", r"(?<=[a-z]{4})a(?=te$|bly$|ble$|nce$|nt$)|(?<=[a-z]{4})e(?=ly$|nt$|nts$)",
     lambda m: "e" if m.group(0) == "a" else "a"),
]


def p_misspelling(b: Base) -> list[Edit]:
    """A common misspelling pattern on an ordinary word: undoubled or doubled consonant ('comittee',
    'untill'), ie/ei, -ence/-ance, -ible/-able, -or/-er, -tion/-sion, unstressed vowel; never a real word."""
    edits = []
    for i, t in enumerate(b.toks):
        if not plain_lower_word(b, i, 5):
            continue
        w = t.surf
        for name, rx, fn in _MISSPELL:
            for m in re.finditer(rx, w):
                if m.start() == 0:
                    continue
                new = w[:m.start()] + fn(m) + w[m.end():]
                if new != w and _not_a_word(new):
                    edits.append(Edit(t.start, t.end, new, name))
                    break
    return edits


def p_dropped_letter(b: Base) -> list[Edit]:
    """One letter dropped from inside an ordinary word (not the first letter, not one of a double pair, so the
    error differs from 'misspelling'); the result is not an English word."""
    edits = []
    for i, t in enumerate(b.toks):
        if not plain_lower_word(b, i):
            continue
        w = t.surf
        for k in range(1, len(w) if len(w) >= 6 else len(w) - 1):
            if w[k] in (w[k - 1], w[k + 1] if k + 1 < len(w) else ""):
                continue
            new = w[:k] + w[k + 1:]
            if _not_a_word(new):
                edits.append(Edit(t.start, t.end, new, "middle" if k < len(w) - 1 else "last"))
    return edits


def p_swapped_letters(b: Base) -> list[Edit]:
    """Two adjacent letters inside an ordinary word swapped (first and last letters stay), a typing error."""
    edits = []
    for i, t in enumerate(b.toks):
        if not plain_lower_word(b, i):
            continue
        w = t.surf
        for k in range(1, len(w) - 2):
            if w[k] == w[k + 1]:
                continue
            new = w[:k] + w[k + 1] + w[k] + w[k + 2:]
            if _not_a_word(new):
                edits.append(Edit(t.start, t.end, new, "inside"))
    return edits


def p_lowercased_sentence_start(b: Base) -> list[Edit]:
    """The first word of a sentence written in lower case (only ordinary capitalised words, not names, 'I' or
    acronyms, which would be a different error)."""
    edits = []
    for a, _e in b.sents:
        k = a
        while k < len(b.toks) and not b.toks[k].is_word:
            k += 1
        if k >= len(b.toks):
            continue
        t = b.toks[k]
        if not t.surf[:1].isupper() or t.surf == "I" or t.pos in {"np", "unk"} or t.surf[1:2].isupper():
            continue
        if t.low in {n.lower() for n in NAME_KIND}:
            continue
        edits.append(Edit(t.start, t.end, t.surf[:1].lower() + t.surf[1:], "first_word"))
    return edits


def p_lowercased_name(b: Base) -> list[Edit]:
    """A proper name written in lower case ('mexico', 'walmart'): a name tag, or a capitalised word the
    dictionary does not know, inside a sentence; acronyms and sentence starts are left alone."""
    edits = []
    for i, t in enumerate(b.toks):
        if not t.surf[:1].isupper() or b.sent_start(i) or t.surf.isupper() or t.surf == "I":
            continue
        if not t.surf.replace(" ", "").replace("-", "").isalpha():
            continue
        if t.pos == "np" or (t.pos == "unk" and len(t.surf) > 2) or NAME_KIND.get(t.surf):
            edits.append(Edit(t.start, t.end, t.surf.lower(), "np" if t.pos == "np" else "other"))
    return edits


def p_lowercased_sentence(b: Base) -> list[Edit]:
    """A whole sentence in lower case; only sentences that hold a capitalised word besides their first, so more
    than the sentence start is lost."""
    edits = []
    for n in range(len(b.sents)):
        s, e = b.sent_text_span(n)
        sent = b.target[s:e]
        words_ = re.findall(r"\w+", sent)
        if len(words_) < 4 or not any(w[:1].isupper() for w in words_[1:]) or sent.lower() == sent:
            continue
        edits.append(Edit(s, e, sent.lower(), "sentence"))
    return edits


def _word_run(b: Base, i: int) -> bool:
    return b.toks[i].is_word and b.toks[i].surf.isalpha() and standalone(b, i)


def p_adjacent_words_swapped(b: Base) -> list[Edit]:
    """Two adjacent words (single space between, same sentence, lower-case) swapped: 'the new law' -> 'new the
    law'."""
    edits = []
    toks = b.toks
    for i in range(len(toks) - 1):
        t, n = toks[i], toks[i + 1]
        if not (_word_run(b, i) and _word_run(b, i + 1)) or b.gap(i) != " " or t.low == n.low:
            continue
        if not t.surf.islower() or not n.surf.islower() or not t.surf.isalpha() or not n.surf.isalpha():
            continue
        if t.low in SUBJ_PRONOUNS and n.lemma in {"say", "ask", "add", "tell", "write", "explain", "note", "reply",
                                                  "insist", "claim", "recall", "warn", "continue"}:
            continue  # 'said he' is a correct inversion, not an error
        edits.append(Edit(t.start, n.end, f"{n.surf} {t.surf}", "swap"))
    return edits


def _runs(b: Base, min_len: int) -> list[list[int]]:
    """Runs of lower-case alphabetic word tokens separated by single spaces (no punctuation inside)."""
    runs, cur = [], []
    for i, t in enumerate(b.toks):
        ok = t.surf.isalpha() and t.surf.islower() and standalone(b, i)
        if ok and cur and b.gap(cur[-1]) == " " and cur[-1] == i - 1:
            cur.append(i)
        else:
            if len(cur) >= min_len:
                runs.append(cur)
            cur = [i] if ok else []
    if len(cur) >= min_len:
        runs.append(cur)
    return runs


def p_word_moved(b: Base) -> list[Edit]:
    """One word moved 2-5 positions within a punctuation-free stretch of its clause; the span covers the stretch
    from its old to its new place."""
    edits = []
    for run in _runs(b, 4):
        for a in range(len(run)):
            for d in (-5, -4, -3, -2, 2, 3, 4, 5):
                z = a + d
                if not 0 <= z < len(run):
                    continue
                words_ = [b.toks[k].surf for k in run]
                w = words_.pop(a)
                words_.insert(z, w)
                lo, hi = min(a, z), max(a, z)
                seg = words_[lo:hi + 1]
                orig = [b.toks[k].surf for k in run[lo:hi + 1]]
                if seg == orig:
                    continue
                start, end = b.toks[run[lo]].start, b.toks[run[hi]].end
                edits.append(Edit(start, end, " ".join(seg), "left" if d < 0 else "right"))
    return edits


def p_words_shuffled(b: Base) -> list[Edit]:
    """A stretch of 4-7 words of one clause shuffled so that at least three words change place."""
    edits = []
    rng = random.Random(b.id)
    for run in _runs(b, 4):
        for size in (4, 5, 6, 7):
            for a in range(0, len(run) - size + 1, 2):
                ks = run[a:a + size]
                words_ = [b.toks[k].surf for k in ks]
                for _ in range(10):
                    new = words_[:]
                    rng.shuffle(new)
                    if sum(x != y for x, y in zip(new, words_, strict=True)) >= 3:
                        edits.append(Edit(b.toks[ks[0]].start, b.toks[ks[-1]].end, " ".join(new), str(size)))
                        break
    return edits


def p_spanish_word_left(b: Base) -> list[Edit]:
    """As untranslated_word, in the wording set: one English content word left as its Spanish source word."""
    return _untranslated(b)


def p_comma_added(b: Base) -> list[Edit]:
    """A comma where English punctuation forbids one: between a subject and its verb ('The committee, was
    founded'), between a verb and its object, between a preposition and its object, or between an adjective
    and its noun."""
    edits = []
    toks = b.toks
    for i, t in enumerate(toks):
        if not t.is_word or b.gap(i) != " " or i + 1 >= len(toks):
            continue
        n = toks[i + 1]
        if b.sent_start(i) or (b.prev(i) is not None and b.prev(i).low == "that"):
            end = np_end(b, i)  # a subject of two words or more ('The committee, was founded')
            if end is not None and end - i >= 2 and end < len(toks) and b.gap(end - 1) == " " \
                    and is_finite_verb(toks[end]) and (toks[end].pos != "vblex" or finite_lexical(b, end)):
                edits.append(Edit(toks[end - 1].end, toks[end - 1].end, ",", "subject_verb"))
        if finite_lexical(b, i) and t.lemma not in {"say", "tell", "add", "explain", "note", "state", "argue"} \
                and n.pos in {"det"} and n.low in {"the", "a", "an", "its", "their", "his", "her"}:
            edits.append(Edit(t.end, t.end, ",", "verb_object"))
        if t.low in {"in", "on", "at", "from", "with", "into", "during"} and n.pos == "det" and n.low in {"the", "a"} \
                and not b.sent_start(i) and i + 2 < len(toks) and toks[i + 2].surf[:1].islower():
            edits.append(Edit(t.end, t.end, ",", "preposition_object"))
        if t.pos == "adj" and t.surf.islower() and n.pos == "n" and n.surf.islower() and b.prev(i) is not None \
                and b.prev(i).pos == "det":
            edits.append(Edit(t.end, t.end, ",", "adjective_noun"))
    return edits


def p_conjunction_removed(b: Base) -> list[Edit]:
    """Drop the 'and'/'but'/'or' joining two clauses (a finite verb before it in the sentence, a subject and
    finite verb after it), leaving a run-on sentence or comma splice."""
    edits = []
    toks = b.toks
    for i, t in enumerate(toks):
        if t.low not in {"and", "but", "or"} or not t.surf.islower():
            continue
        a, _e = b.sents[b.sent_of[i]]
        if not any(is_finite_verb(toks[k]) for k in range(a, i)) or i == 0 or i + 1 >= len(toks):
            continue
        if any(toks[k].low in {"either", "whether", "neither", "between", "both"} for k in range(max(a, i - 6), i)):
            continue
        p, n = toks[i - 1], toks[i + 1]
        if p.pos in {"adj", "det", "pr"} or b.gap(i) != " ":
            continue  # 'black and white', 'the aeronautic and defence company'
        if not (n.low in SUBJ_PRONOUNS or n.pos == "np" or n.low in {
                "there", "this", "that", "these", "those", "the", "a", "an", "his", "her", "its", "their", "our",
                "my", "your", "some", "many", "most", "all", "no", "every", "each"}):
            continue  # the second conjunct must open with a pronoun, determiner or name, as a clause does
        if n.low not in SUBJ_PRONOUNS and p.surf != "," and p.pos in {"n", "np", "unk", "num"}:
            continue  # 'the U.S., Canada and Great Britain reduced': a list of subjects, not two clauses
        end = np_end(b, i + 1)
        if end is None or end >= len(toks) or not is_finite_verb(toks[end]):
            continue
        if toks[end].pos == "vblex" and not finite_lexical(b, end):
            continue
        edits.append(removal(b, t.start, t.end, t.low))
    return edits


PERTURBATIONS: dict[str, Callable[[Base], list[Edit]]] = {
    name: globals()[f"p_{name}"] for name in MEANING_TYPES + WORDING_TYPES
}


# --------------------------------------------------------------------------------------------------------------
# Driver


def apply_edit(b: Base, e: Edit) -> tuple[str, list[int], str]:
    """New target, gold span, original text."""
    text = b.target
    original = text[e.start:e.end]
    new = text[:e.start] + e.repl + text[e.end:]
    if e.removal:
        if e.cut_len is not None:  # a subject cut at a sentence start: the verb that follows is recapitalised
            original = text[e.start:e.start + e.cut_len]
        return new, [e.start, e.start], original.strip()
    s, t_end = e.start, e.start + len(e.repl)
    if e.span_len is not None:
        t_end = s + e.span_len
    while s < t_end and new[s] in " ,":
        s += 1
    while t_end > s and new[t_end - 1] == " ":
        t_end -= 1
    if e.repl.strip(" ") == ",":
        s, t_end = e.start, e.start + 1
    return new, [s, t_end], original


def build(bases: list[Base], types: list[str], prefix: str, seed: int,
          per_type: int) -> tuple[list[dict], dict[str, int]]:
    """The records of one set (garbled and clean, shuffled, numbered) and each type's number of eligible bases."""
    used: collections.Counter[str] = collections.Counter()
    n_eligible: dict[str, int] = {}
    garbled: list[tuple[Base, str, Edit]] = []
    for gtype in types:
        fn = PERTURBATIONS[gtype]
        rng = random.Random(f"{seed}:{prefix}:{gtype}")
        eligible = []
        for b in bases:
            edits = [e for e in fn(b) if b.target[e.start:e.end] != e.repl]
            if edits:
                eligible.append((b, edits))
        order = sorted(eligible, key=lambda be: (used[be[0].id], rng.random()))
        chosen = order[:per_type]
        for b, edits in chosen:
            used[b.id] += 1
            by_variant = collections.defaultdict(list)
            for e in sorted(edits, key=lambda e: (e.start, e.end, e.repl)):
                by_variant[e.variant].append(e)
            variant = rng.choice(sorted(by_variant))
            garbled.append((b, gtype, rng.choice(by_variant[variant])))
        n_eligible[gtype] = len(eligible)
        print(f"{prefix:8s} {gtype:26s} eligible {len(eligible):4d}  chosen {len(chosen):3d}", file=sys.stderr)
    records = []
    for b, gtype, e in garbled:
        new, span, original = apply_edit(b, e)
        records.append({
            "source": b.source, "target": new, "label": "garbled",
            "garble": {"type": gtype, "variant": e.variant, "spans": [span], "original": original,
                       "replacement": "" if e.removal else new[span[0]:span[1]] if span[1] > span[0] else e.repl},
            "meta": {**b.meta, "origin": b.id, "pair": "es-en"},
        })
    seen = []
    for b, _g, _e in garbled:
        if b.id not in {x.id for x in seen}:
            seen.append(b)
    for b in seen:
        records.append({"source": b.source, "target": b.target, "label": "clean", "garble": None,
                        "meta": {**b.meta, "origin": b.id, "pair": "es-en"}})
    random.Random(f"{seed}:{prefix}:order").shuffle(records)
    out = [{"id": f"{prefix}-{n:05d}", **r} for n, r in enumerate(records, 1)]
    return out, n_eligible


def check(records: list[dict], bases: dict[str, Base]) -> None:
    """Sanity checks: spans inside the target, removals zero-width, one clean copy per perturbed base."""
    clean = collections.Counter(r["meta"]["origin"] for r in records if r["label"] == "clean")
    for r in records:
        assert r["source"] == bases[r["meta"]["origin"]].source
        if r["label"] == "garbled":
            g = r["garble"]
            assert r["target"] != bases[r["meta"]["origin"]].target, r
            for s, e in g["spans"]:
                assert 0 <= s <= e <= len(r["target"]), r
            assert clean[r["meta"]["origin"]] == 1
    assert all(v == 1 for v in clean.values())


def write_jsonl(path: Path, records: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def counts_table(records: list[dict], types: list[str]) -> str:
    c: collections.Counter[tuple[str, str]] = collections.Counter()
    for r in records:
        key = r["garble"]["type"] if r["garble"] else "(clean)"
        c[(key, r["meta"]["fold"])] += 1
    lines = ["| type | tune | heldout | total |", "|---|---:|---:|---:|"]
    for t in [*types, "(clean)"]:
        lines.append(f"| {t} | {c[(t, 'tune')]} | {c[(t, 'heldout')]} | {c[(t, 'tune')] + c[(t, 'heldout')]} |")
    tot_t = sum(v for (_k, f), v in c.items() if f == "tune")
    tot_h = sum(v for (_k, f), v in c.items() if f == "heldout")
    lines.append(f"| **all** | {tot_t} | {tot_h} | {tot_t + tot_h} |")
    return "\n".join(lines)


def print_sample(records: list[dict], bases: dict[str, Base], types: list[str], k: int) -> None:
    for t in types:
        items = [r for r in records if r["garble"] and r["garble"]["type"] == t][:k]
        print(f"\n===== {t} ({len([r for r in records if r['garble'] and r['garble']['type'] == t])})")
        for r in items:
            g = r["garble"]
            s, e = g["spans"][0]
            tgt = r["target"]
            orig = bases[r["meta"]["origin"]].target
            lo = max(0, s - 70)
            print(f"- [{g['variant']}] {g['original']!r} -> {g['replacement']!r}")
            o_end = min(len(orig), e + 70 + len(g["original"]) - len(g["replacement"]))
            print(f"    ORIG: {orig[lo:max(o_end, lo)]}")
            print(f"    NEW : {tgt[lo:s]}[[{tgt[s:e]}]]{tgt[e:e + 70]}")


README = """\
# Perturbation sets (Spanish→English)

Two sets that measure whether xlate catches errors injected into **clean** English translations:

* `meaning.jsonl` — {meaning_garbled} garbled items of {meaning_types} meaning-error types + {meaning_clean} clean items
* `wording.jsonl` — {wording_garbled} garbled items of {wording_types} wording-error types + {wording_clean} clean items

Each garbled item carries exactly **one** perturbation. Every passage that was perturbed at least once is also in
the same file once unchanged (`"label": "clean"`), so the false-positive rate is measured on the same texts.

## How they were made

```
.venv/bin/python scripts/perturb.py            # seed {seed}, at most {per_type} items per type; ~10 s
.venv/bin/python scripts/perturb.py --help     # --seed, --per-type, --out-dir, --only, --sample K
```

The command rewrites both files and this README; with the same seed the output is byte-identical. It needs
Apertium's `apertium-eng-spa` data (`/usr/share/apertium/apertium-eng-spa`) and the `/usr/share/dict` word lists.

* **Base items** ({n_bases}): the 750 `"label": "clean"` passages of `../shared/eval/dev.jsonl` (fold from
  `folds.json`) and the paragraph pairs of the clean team corpora (`honduras-guatemala-lluvias`,
  `lima-muestra-textil-andina`, and `seed-blinken-mexico` with its `reference.en.txt`), fold from `expected.json`.
* **Analysis**: Apertium's English tagger (one `lt-proc | apertium-tagger` pipeline for all passages) chooses the
  targets; Apertium's English generator inflects verbs and antonyms; its bilingual dictionaries (both directions)
  link an English word to the Spanish source word it translates. Word lists in `scripts/perturb_data/`
  (antonym pairs, hypernyms, replacement names, insertable phrases, Spanish gender cues) are general English
  written for the script, not fitted to any dev item.
* **Selection**: for each type, every place where the error can be made fluently is listed; passages used least
  so far are preferred (so errors spread over the corpus), then one variant and one place are drawn with the
  fixed seed. A passage is skipped for a type rather than given a nonsensical edit.

## Format

Same shape as `dev.jsonl`, so `../shared/eval/score.py` scores it:

```json
{{"id": "meaning-00042", "source": "<Spanish, unchanged>", "target": "<English>", "label": "garbled",
 "garble": {{"type": "tense", "variant": "past>future", "spans": [[120, 128]],
            "original": "said", "replacement": "will say"}},
 "meta": {{"corpus": "WMT newstest2010", "docid": "...", "fold": "tune", "origin": "dev-00123", "pair": "es-en"}}}}
```

`meta.origin` is the base item (a dev id, or `<folder>-pNN` for a team-corpus paragraph); `meta.fold` is
`tune` or `heldout`. `garble.original` is the English text replaced or removed, `garble.replacement` the new
text (`""` for a removal).

**Spans** are Python `str` offsets into the new `target`:
* replacement, insertion, tense/aspect/negation change, letter error, lower-casing: the span covers the new
  text (e.g. `did not approve`, the misspelt word, the inserted `, a former boxer,`, the added comma);
* removal (`*_removed`, `conjunction_removed`, `negation_removed` of a free-standing `not`): zero-width `[k, k]`
  at the cut;
* `question_statement` and `lowercased_sentence`: the whole rewritten sentence; `word_moved`,
  `words_shuffled`, `adjacent_words_swapped`: the stretch of words whose order changed.

## Types

| set | type | what is injected |
|---|---|---|
{type_rows}

## Counts per type and fold

### meaning.jsonl

{meaning_table}

### wording.jsonl

{wording_table}

`conjunction_removed` has fewer than 60 items: only {conj_eligible} base passages join two full clauses with
and/but/or in a way the tagger identifies safely.

## Scoring

```
xlate check --pairs corpora/perturbations/meaning.jsonl --format jsonl --output /tmp/meaning.preds.jsonl
python ../shared/eval/score.py corpora/perturbations/meaning.jsonl /tmp/meaning.preds.jsonl
scripts/eval.py perturbations                   # both files, per type and fold
```

## Caveats

The edits follow an automatic tagger, so a few items are clumsier than a real MT error (a tagging slip, an
inserted phrase that fits the grammar better than the context). Gender swaps are made only where every gendered
pronoun of the passage has one gender and the Spanish source marks a person of that gender (él/ella, la
ministra, señor, a gendered first name...). The clean items are published translations and carry some noise of
their own.
"""

TYPE_NOTES = {
    "negation_added": "an affirmative finite verb negated: `approved` → `did not approve`, `is` → `is not`",
    "negation_removed": "a plain verbal negation dropped: `is not` → `is`, `did not approve` → `approved`",
    "antonym": "a verb/adjective/adverb/noun/function word replaced by its antonym, inflected (`rose` → `fell`)",
    "tense": "a finite verb moved to another tense: `said` → `will say`, `will visit` → `visited`, `is` → `was`",
    "aspect": "simple ↔ progressive/perfect: `built` → `was building` / `had built`, `has built` → `builds`",
    "question_statement": "a statement inverted into a yes/no question, or a question into a statement",
    "name_replaced": "a country, city, first name or surname replaced by another of the same kind not in the "
                     "passage",
    "number_replaced": "a number replaced by a different plausible one (format kept; years moved a few years)",
    "noun_removed": "a noun dropped (compound modifier, second conjunct, or head noun after its adjective)",
    "verb_removed": "a main verb dropped (finite verb, verb after its auxiliary, or copula)",
    "adjective_removed": "an attributive adjective dropped",
    "adverb_removed": "a content adverb dropped (-ly adverbs, already, still, almost ...)",
    "subject_removed": "the subject of a clause dropped (sentence start, or after that/because/if ...)",
    "pp_removed": "a clause-final prepositional phrase dropped (`in 1937`, `on Tuesday`, `to the region`)",
    "phrase_added": "an apposition, adverbial or adverb with no source counterpart inserted",
    "vaguer_word": "a specific noun replaced by a hypernym (`salary` → `payment`, `car` → `vehicle`)",
    "gender_swapped": "a third-person pronoun whose referent the source genders swapped (he↔she, his↔her ...)",
    "untranslated_word": "an English content word replaced by the Spanish source word it translates",
    "misspelling": "a common misspelling pattern (doubled/undoubled consonant, ie/ei, -ence/-ance ...)",
    "dropped_letter": "one letter dropped from an ordinary word (≥ 4 letters)",
    "swapped_letters": "two adjacent letters inside an ordinary word swapped",
    "lowercased_sentence_start": "a sentence's first word in lower case",
    "lowercased_name": "a proper name in lower case (`mexico`)",
    "lowercased_sentence": "a whole sentence (holding a name or acronym) in lower case",
    "adjacent_words_swapped": "two adjacent words swapped",
    "word_moved": "one word moved 2–5 positions within its clause",
    "words_shuffled": "4–7 words of one clause shuffled",
    "spanish_word_left": "as untranslated_word, in the wording set",
    "comma_added": "a comma where English forbids one (subject, verb; verb, object; preposition, object ...)",
    "conjunction_removed": "the and/but/or between two clauses dropped (run-on sentence or comma splice)",
}


def write_readme(out_dir: Path, built: dict[str, tuple[list[str], list[dict], dict[str, int]]], seed: int,
                 per_type: int, n_bases: int) -> None:
    """README.md next to the sets, with the counts of this very build."""
    rows = []
    for name, (types, _records, _eligible) in built.items():
        rows.extend(f"| {name} | `{t}` | {TYPE_NOTES[t]} |" for t in types)
    fields = {}
    for name, (types, records, _eligible) in built.items():
        fields[f"{name}_garbled"] = sum(r["label"] == "garbled" for r in records)
        fields[f"{name}_clean"] = sum(r["label"] == "clean" for r in records)
        fields[f"{name}_types"] = len(types)
        fields[f"{name}_table"] = counts_table(records, types)
    text = README.format(seed=seed, per_type=per_type, n_bases=n_bases, type_rows="\n".join(rows),
                         conj_eligible=built["wording"][2]["conjunction_removed"], **fields)
    (out_dir / "README.md").write_text(text, encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=SEED, help=f"random seed (default {SEED})")
    ap.add_argument("--per-type", type=int, default=PER_TYPE,
                    help=f"garbled items per type at most (default {PER_TYPE})")
    ap.add_argument("--out-dir", type=Path, default=OUT_DIR, help="where meaning.jsonl and wording.jsonl go")
    ap.add_argument("--sample", type=int, default=0, metavar="K", help="print K examples of every type")
    ap.add_argument("--only", choices=["meaning", "wording"], help="build one set only")
    args = ap.parse_args()

    global _GEN, _BIL_EN_ES, _BIL_ES_EN
    load_lists()
    _GEN = LtProc("-g", str(APERTIUM / "spa-eng.autogen.bin"))
    _BIL_EN_ES = LtProc("-b", str(APERTIUM / "eng-spa.autobil.bin"))
    _BIL_ES_EN = LtProc("-b", str(APERTIUM / "spa-eng.autobil.bin"))
    bases = analyse(load_bases())
    by_id = {b.id: b for b in bases}
    print(f"base items: {len(bases)}", file=sys.stderr)
    built = {}
    for name, types in (("meaning", MEANING_TYPES), ("wording", WORDING_TYPES)):
        if args.only and args.only != name:
            continue
        records, eligible = build(bases, types, name, args.seed, args.per_type)
        check(records, by_id)
        write_jsonl(args.out_dir / f"{name}.jsonl", records)
        built[name] = (types, records, eligible)
        print(f"\n{name}.jsonl: {len(records)} items", file=sys.stderr)
        print(counts_table(records, types), file=sys.stderr)
        if args.sample:
            print_sample(records, by_id, types, args.sample)
    if not args.only:
        write_readme(args.out_dir, built, args.seed, args.per_type, len(bases))
    for proc in (_GEN, _BIL_EN_ES, _BIL_ES_EN):
        proc.close()


if __name__ == "__main__":
    main()
