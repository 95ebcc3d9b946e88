#!/usr/bin/env python3
"""Build xlate/pairs/data/pos_bigrams_en.tsv: counts of English part-of-speech tag bigrams, the
word-order model of XL110.

The text is WordNet's example sentences (Debian ``wordnet-base``: about 47,000 quoted usage examples
in ``/usr/share/wordnet/data.*``), an English corpus that ships with a maintained package, and the
English news sentences of the tune fold of ../shared/eval/dev.jsonl (about 1,200; the held-out fold is
never read). Apertium's English tagger (``apertium-eng-spa``, the one xlate runs on
translations) tags them; each tag is reduced to xlate's word-order class (``xlate.checks.order.tag_class``).

    .venv/bin/python scripts/build_pos_bigrams.py          # ~10 s; rewrites the file deterministically
"""

from __future__ import annotations

import collections
import itertools
import json
import re
from pathlib import Path

from xlate.checks.order import BOUNDARY, tag_class
from xlate.engines.apertium import Apertium
from xlate.pairs import get_pair
from xlate.segment import segment

ROOT = Path(__file__).resolve().parents[1]
WORDNET = Path("/usr/share/wordnet")
OUT = ROOT / "xlate" / "pairs" / "data" / "pos_bigrams_en.tsv"
_EXAMPLE = re.compile(r'"([^"]{12,})"')


def examples() -> list[str]:
    """WordNet's usage examples, one sentence each, in file order, without duplicates."""
    found: dict[str, None] = {}
    for part in ("noun", "verb", "adj", "adv"):
        for line in (WORDNET / f"data.{part}").read_text(encoding="utf-8", errors="replace").splitlines():
            if not line.startswith("  "):
                for example in _EXAMPLE.findall(line.partition("|")[2]):
                    found.setdefault(example.strip(), None)
    return list(found)


def news_sentences() -> list[str]:
    """The English side of the tune fold of ../shared/eval/dev.jsonl (news text; the held-out fold is
    never read), split at sentence ends; empty where the dev set is not present."""
    dev, folds_path = ROOT.parent / "shared" / "eval" / "dev.jsonl", ROOT.parent / "shared" / "eval" / "folds.json"
    if not dev.exists() or not folds_path.exists():
        return []
    folds = json.loads(folds_path.read_text(encoding="utf-8"))["folds"]
    out = []
    for line in dev.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        meta = item.get("meta") or {}
        if item.get("label") == "clean" and folds.get(f"{meta.get('corpus')}|{meta.get('docid')}") == "tune":
            out.extend(s.text for s in segment(item["target"], get_pair("es-en").target).sentences)
    return out


def main() -> None:
    sentences = examples() + news_sentences()
    pair = get_pair("es-en")
    analyser = pair.target.analyser
    counts: collections.Counter[tuple[str, str]] = collections.Counter()
    for tokens in Apertium(pair).analyse(sentences, pair.target.code):
        classes = [BOUNDARY, *(tag_class(t, analyser) for t in tokens), BOUNDARY]
        counts.update(itertools.pairwise(classes))
    lines = ["first\tsecond\tcount"] + [f"{a}\t{b}\t{n}" for (a, b), n in sorted(counts.items())]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(sentences)} sentences, {sum(counts.values())} bigrams, {len(counts)} kinds -> {OUT}")


if __name__ == "__main__":
    main()
