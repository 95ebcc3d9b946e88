#!/usr/bin/env python3
"""Build the team's English→Spanish dev set: the clean dev passages the other way round, with garbles in the Spanish.

    scripts/build_en_es.py                   # rewrite corpora/en-es/dev.jsonl (deterministic for the seed)
    scripts/build_en_es.py --sample 3        # also print 3 examples of every garble type

Base items are the 750 ``"label": "clean"`` passages of ../shared/eval/dev.jsonl with their sides swapped:
the published English becomes the source and the Spanish the translation under test (in WMT the two were
written by people, one from the other or both from a third language). Half of them, drawn with a fixed seed,
get exactly one garble in the Spanish, of the eleven types of the shared dev sets, with the variants those
sets use; every garble is written here by rules over the Spanish text (no item is edited by hand), with gold
spans into the garbled target. The items keep their ``meta`` (corpus, docid), so ../shared/eval/folds.json
splits the set into the same tune and held-out documents as the Spanish→English set; score it with
../shared/eval/score.py.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval"
OUT = ROOT / "corpora" / "en-es" / "dev.jsonl"
SEED = 20261129

TYPES = ["fragment_split", "midclause_break", "stray_punct", "omission", "addition", "untranslated",
         "number_mismatch", "entity_mismatch", "misalignment", "truncation", "repetition"]
# Endings of Spanish adjectives that follow their noun («el éxodo venezolano», «la crisis económica»).
ADJECTIVE_ENDINGS = ("ano", "ana", "anos", "anas", "ense", "enses", "ico", "ica", "icos", "icas", "al", "ales",
                     "ivo", "iva", "ivos", "ivas", "oso", "osa", "ista", "istas", "ario", "aria", "és", "esa")
FUNCTION_WORDS = frozenset("el la los las un una unos unas lo de del a al en con por para sin sobre entre y e o u "
                           "ni pero que se su sus no más muy como este esta ese esa ya".split())
NUMBER_WORDS = ["dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez"]
MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
          "noviembre", "diciembre"]
# A sentence ends at . ! or ? (and a closing quote) before a space and a capital or an opening mark.
SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"»”]?\s+(?=[«\"“¿¡A-ZÁÉÍÓÚÑ])")
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@dataclass
class Garble:
    target: str
    variant: str
    spans: list[tuple[int, int]]


Base = dict[str, object]


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a passage (without the spaces between them)."""
    spans, start = [], 0
    for m in SENTENCE_BREAK.finditer(text):
        end = m.start() + len(m.group()) - len(m.group().lstrip('"»”'))
        spans.append((start, end))
        start = m.end()
    spans.append((start, len(text.rstrip())))
    return spans


def _inside_words(text: str) -> list[re.Match[str]]:
    """Lower-case words inside sentences (not first, not last), the places for breaks and repeats."""
    found = []
    for start, end in _sentences(text):
        words = list(WORD.finditer(text, start, end))
        found += [w for w in words[1:-1] if w.group().islower()]
    return found


def fragment_split(text: str, rng: random.Random, _: list[Base]) -> Garble | None:
    places = [m for m in re.finditer(r"\b([a-záéíóúñ]{3,}) ([a-záéíóúñ]{4,})\b", text)
              if m.group(2).endswith(ADJECTIVE_ENDINGS) and m.group(1) not in FUNCTION_WORDS]
    if not places:
        return None
    m = rng.choice(places)
    adjective = m.group(2)
    new = text[: m.end(1)] + ". " + adjective[0].upper() + adjective[1:] + text[m.end(2):]
    return Garble(new, "modifier", [(m.end(1), m.end(1) + 2 + len(adjective))])


def midclause_break(text: str, rng: random.Random, _: list[Base]) -> Garble | None:
    places = [w for w in _inside_words(text)
              if text[w.end(): w.end() + 1] == " " and w.group() not in FUNCTION_WORDS]
    if not places:
        return None
    w = rng.choice(places)
    return Garble(text[: w.end()] + "." + text[w.end():], "", [(w.end(), w.end() + 1)])


def stray_punct(text: str, rng: random.Random, _: list[Base]) -> Garble | None:
    variant = rng.choice(["double_dot", "dot_comma", "space_dot", "comma_dot"])
    ends = [e for _, e in _sentences(text) if text[e - 1: e] == "."]
    if variant in ("double_dot", "space_dot") and ends:
        e = rng.choice(ends)
        insert = "." if variant == "double_dot" else " "
        at = e if variant == "double_dot" else e - 1
        new = text[:at] + insert + text[at:]
        return Garble(new, variant, [(at - (1 if variant == "double_dot" else 0), at + 2)])
    places = [w for w in _inside_words(text) if text[w.end(): w.end() + 1] == " "]
    if not places:
        return None
    w = rng.choice(places)
    insert = ". ," if variant == "dot_comma" else ", ."
    return Garble(text[: w.end()] + insert + text[w.end():], variant, [(w.end(), w.end() + len(insert))])


def omission(text: str, rng: random.Random, _: list[Base]) -> Garble | None:
    sentences = _sentences(text)
    clauses = [m for m in re.finditer(r", ([^,.;:«»\"]{12,90}),", text)]
    finals = [m for m in re.finditer(r", ([^,.;:«»\"]{12,90})(?=\.)", text)]
    options = [("clause", m) for m in clauses] + [("final_clause", m) for m in finals]
    if len(sentences) > 1:
        options += [("sentence", None)]
    if not options:
        return None
    variant, m = rng.choice(options)
    if m is None:
        start, end = sentences[rng.randrange(len(sentences))]
        end = min(len(text), end + (1 if text[end: end + 1] == " " else 0))
        new = text[:start] + text[end:]
        if start >= len(new.rstrip()):
            new = new.rstrip()
        return Garble(new, variant, [(start, start)])
    cut_end = m.end() - 1 if variant == "clause" else m.end()
    return Garble(text[: m.start()] + text[cut_end:], variant, [(m.start(), m.start())])


def _other(rng: random.Random, others: list[Base], docid: object) -> str:
    choices = [o for o in others if o["meta"]["docid"] != docid]  # type: ignore[index]
    return str(rng.choice(choices)["target"])


def addition(text: str, rng: random.Random, others: list[Base], docid: object = None) -> Garble | None:
    donor = _other(rng, others, docid)
    if rng.random() < 0.5:
        sentence = next((donor[s:e] for s, e in _sentences(donor) if 30 <= e - s <= 160), None)
        if sentence is None or not text.rstrip().endswith((".", "»", '"')):
            return None
        body = text.rstrip()
        end = len(body) + 1 + len(sentence)
        return Garble(body + " " + sentence + text[len(body):], "sentence", [(len(body) + 1, end)])
    clause = next((m.group(1) for m in re.finditer(r", ([^,.;:«»\"]{15,70}),", donor)), None)
    places = [m.end() for m in re.finditer(r"[a-záéíóúñ]{3,}(?= )", text)]
    if clause is None or not places:
        return None
    at = rng.choice(places)
    insert = f", {clause},"
    return Garble(text[:at] + insert + text[at:], "parenthetical", [(at, at + len(insert))])


def untranslated(text: str, rng: random.Random, _: list[Base], source: str = "") -> Garble | None:
    target_sentences, source_sentences = _sentences(text), _sentences(source)
    if len(target_sentences) > 1 and len(target_sentences) == len(source_sentences):
        i = rng.randrange(len(target_sentences))
        (ts, te), (ss, se) = target_sentences[i], source_sentences[i]
        english = source[ss:se]
        return Garble(text[:ts] + english + text[te:], "sentence", [(ts, ts + len(english))])
    t_comma, s_comma = text.find(","), source.find(",")
    if 8 <= t_comma <= 80 and 8 <= s_comma <= 80:
        return Garble(source[:s_comma] + text[t_comma:], "clause", [(0, s_comma)])
    return None


def number_mismatch(text: str, rng: random.Random, _: list[Base]) -> Garble | None:
    digits = list(re.finditer(r"(?<![\d.,])\d{1,4}(?![\d.,]\d)", text))
    words = [m for m in re.finditer(r"\b(" + "|".join(NUMBER_WORDS) + r")\b", text)]
    months = [m for m in re.finditer(r"\b(" + "|".join(MONTHS) + r")\b", text)]
    options = [("digits", m) for m in digits] + [("word", m) for m in words] + [("month", m) for m in months]
    if not options:
        return None
    variant, m = rng.choice(options)
    old = m.group()
    if variant == "digits":
        new = str(int(old) + rng.choice([1, 2, 3, 5, 10])) if len(old) < 4 or rng.random() < 0.5 else old[::-1]
        if new == old:
            new = str(int(old) + 1)
    else:
        table = NUMBER_WORDS if variant == "word" else MONTHS
        new = table[(table.index(old) + rng.randrange(1, len(table))) % len(table)]
    return Garble(text[: m.start()] + new + text[m.end():], variant, [(m.start(), m.start() + len(new))])


def _misspelt(name: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(name) - 1)
    how = rng.choice(["drop", "double", "swap"])
    if how == "drop":
        return name[:i] + name[i + 1:]
    if how == "double":
        return name[:i] + name[i] + name[i:]
    return name[:i] + name[i + 1] + name[i] + name[i + 2:] if name[i] != name[i + 1] else name[:i] + name[i + 1:]


def entity_mismatch(text: str, rng: random.Random, others: list[Base], source: str = "") -> Garble | None:
    starts = {s for s, _ in _sentences(text)}
    names = [m for m in re.finditer(r"\b[A-ZÁÉÍÓÚÑ][a-záéíóúñ]{4,}\b", text)
             if m.start() not in starts and re.search(rf"\b{re.escape(m.group())}\b", source)]
    if not names:
        return None
    m = rng.choice(names)
    donors = [n for o in others for n in re.findall(r"(?<=[a-z,] )[A-ZÁÉÍÓÚ][a-záéíóúñ]{4,}\b", str(o["target"]))
              if n not in text and n not in source]
    if rng.random() < 0.5 and donors:
        new, variant = rng.choice(donors), "swap"
    else:
        new, variant = _misspelt(m.group(), rng), "misspell"
    return Garble(text[: m.start()] + new + text[m.end():], variant, [(m.start(), m.start() + len(new))])


def misalignment(text: str, rng: random.Random, others: list[Base], docid: object = None) -> Garble | None:
    new = _other(rng, others, docid)
    return Garble(new, "other_document", [(0, len(new))])


def truncation(text: str, rng: random.Random, _: list[Base]) -> Garble | None:
    start, end = _sentences(text)[-1]
    words = list(WORD.finditer(text, start, end))
    if len(words) < 6:
        return None
    cut = words[rng.randrange(len(words) // 3, 2 * len(words) // 3)].end()
    if rng.random() < 0.5:
        return Garble(text[:cut], "open", [(cut, cut)])
    return Garble(text[:cut] + ".", "closed_with_period", [(cut, cut + 1)])


def repetition(text: str, rng: random.Random, _: list[Base]) -> Garble | None:
    places = _inside_words(text)
    if not places:
        return None
    w = rng.choice(places)
    if rng.random() < 0.5:
        insert = " " + w.group()
        span = (w.end() + 1, w.end() + len(insert))
        return Garble(text[: w.end()] + insert + text[w.end():], "doubled_word", [span])
    following = list(WORD.finditer(text, w.end(), w.end() + 40))[:2]
    if not following or not re.fullmatch(r"[\w\s]+", text[w.start(): following[-1].end()]):
        return None
    phrase = text[w.start(): following[-1].end()]
    return Garble(text[: following[-1].end()] + " " + phrase + text[following[-1].end():], "loop",
                  [(following[-1].end() + 1, following[-1].end() + 1 + len(phrase))])


GARBLERS: dict[str, Callable[..., Garble | None]] = {
    "fragment_split": fragment_split, "midclause_break": midclause_break, "stray_punct": stray_punct,
    "omission": omission, "addition": addition, "untranslated": untranslated, "number_mismatch": number_mismatch,
    "entity_mismatch": entity_mismatch, "misalignment": misalignment, "truncation": truncation,
    "repetition": repetition,
}


def _garble(kind: str, item: Base, rng: random.Random, bases: list[Base]) -> Garble | None:
    text, source, docid = str(item["target"]), str(item["source"]), item["meta"]["docid"]  # type: ignore[index]
    garbler = GARBLERS[kind]
    if kind in ("untranslated", "entity_mismatch"):
        return garbler(text, rng, bases, source=source)
    if kind in ("addition", "misalignment"):
        return garbler(text, rng, bases, docid=docid)
    return garbler(text, rng, bases)


def build(seed: int) -> list[Base]:
    rows = [json.loads(line) for line in (SHARED / "dev.jsonl").read_text(encoding="utf-8").splitlines()]
    bases: list[Base] = [{"id": r["id"], "source": r["target"], "target": r["source"], "meta": r["meta"]}
                         for r in rows if r["label"] == "clean"]
    rng = random.Random(seed)
    garbled = set(rng.sample(range(len(bases)), len(bases) // 2))
    items, turn = [], 0
    for n, base in enumerate(bases):
        item = {"id": f"en-es-{n:05d}", "source": base["source"], "target": base["target"], "label": "clean",
                "garble": None, "meta": {**base["meta"], "origin": base["id"], "pair": "en-es"}}  # type: ignore[dict-item]
        if n in garbled:
            for attempt in range(len(TYPES)):
                kind = TYPES[(turn + attempt) % len(TYPES)]
                garble = _garble(kind, base, rng, bases)
                if garble is not None:
                    item.update(target=garble.target, label="garbled",
                                garble={"type": kind, "variant": garble.variant or None,
                                        "spans": [list(s) for s in garble.spans]})
                    turn = (turn + attempt + 1) % len(TYPES)
                    break
        items.append(item)
    return items


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--sample", type=int, default=0, help="print this many examples of every type")
    args = parser.parse_args()
    items = build(args.seed)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("".join(json.dumps(it, ensure_ascii=False) + "\n" for it in items), encoding="utf-8")
    counts: dict[str, int] = {}
    for it in items:
        kind = it["garble"]["type"] if it["garble"] else "clean"  # type: ignore[index]
        counts[kind] = counts.get(kind, 0) + 1
    print(f"{args.out}: {len(items)} items", dict(sorted(counts.items())))
    for kind in TYPES if args.sample else []:
        for it in [i for i in items if i["garble"] and i["garble"]["type"] == kind][: args.sample]:  # type: ignore[index]
            (start, end), target = it["garble"]["spans"][0], str(it["target"])  # type: ignore[index]
            print(f"{kind:16} {it['garble']['variant']!s:18} …{target[max(0, start - 40):start]}[{target[start:end]}]"  # type: ignore[index]
                  f"{target[end:end + 40]}…")


if __name__ == "__main__":
    main()
