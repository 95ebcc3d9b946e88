#!/usr/bin/env python3
"""Measure xlate's quality, always on both document folds.

    scripts/eval.py dev [--set es-en|fr-en|de-en|en-es] [--preds FILE]  # a dev set: score.py per fold + false positives
    scripts/eval.py perturbations [FILE ...] [--preds-dir DIR]      # the team's perturbation sets, per type and fold
    scripts/eval.py corpora                                          # the team corpora: defect recall by split

Every figure is given for the whole set and for its two document folds: ``tune`` (thresholds are
chosen there) and ``heldout`` (never tuned on). The folds of the shared dev sets come from
``../shared/eval/folds.json`` (key ``meta.corpus + "|" + meta.docid``); an item whose document is not
listed there carries its fold in ``meta.fold`` (the team's own sets). The dev sets and their scorer
live in ../shared/eval/ (not shipped with the package).
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from xlate.checks.text import words
from xlate.io.text import read_text
from xlate.model import DocumentResult, PairInput
from xlate.pipeline import Checker, Settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval"
# The shared dev sets, and the team's English → Spanish set (scripts/build_en_es.py).
DEV_SETS = {"es-en": SHARED / "dev.jsonl", "fr-en": SHARED / "fr-en" / "dev.jsonl",
            "de-en": SHARED / "de-en" / "dev.jsonl", "en-es": ROOT / "corpora" / "en-es" / "dev.jsonl"}
PERTURBATIONS = ROOT / "corpora" / "perturbations"
# The team's judgements of the findings on clean dev items (corpora/adjudication/README.md), by dev set.
ADJUDICATIONS = ROOT / "corpora" / "adjudication"
FOLDS = ("tune", "heldout")
# A finding within this many characters of an expected defect counts as catching it (as score.py).
TOLERANCE = 3
# score.py's share of detected garbled items with a finding at the gold span.
_LOCALISED = re.compile(r"^localisation rate .*: ([\d.]+) ")
_TYPE_LINE = re.compile(r"^\s+(\S+)\s+([\d.]+)\s+\((\d+)/(\d+), localised (\d+)\)$")


def _near(span: list[int] | None, gold: list[int]) -> bool:
    return span is not None and span[0] <= gold[1] + TOLERANCE and gold[0] <= span[1] + TOLERANCE


def _load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def fold_of(item: dict, folds: dict[str, str]) -> str:
    """An item's document fold: folds.json's, else the fold the team's set gives it."""
    meta = item.get("meta") or {}
    return folds.get(f"{meta.get('corpus')}|{meta.get('docid')}") or meta.get("fold") or "tune"


def _folds() -> dict[str, str]:
    path = SHARED / "folds.json"
    return json.loads(path.read_text(encoding="utf-8"))["folds"] if path.exists() else {}


def run_xlate(items: Path, preds: Path, pair: str) -> None:
    command = [sys.executable, "-m", "xlate.cli", "check", "--pairs", str(items), "--format", "jsonl",
               "--output", str(preds), "--fail-on", "never"]
    subprocess.run([*command, "--pair", pair] if pair != "es-en" else command, check=True)


def _score(scorer: Path, items: list[dict], preds: Path, tmp: Path) -> tuple[str, dict[str, tuple[int, int, int]]]:
    """score.py's summary line (with its localisation rate) and per-type (detected, total, localised)."""
    path = tmp / "items.jsonl"
    path.write_text("".join(json.dumps(it, ensure_ascii=False) + "\n" for it in items), encoding="utf-8")
    out = subprocess.run([sys.executable, str(scorer), str(path), str(preds)], check=True, capture_output=True,
                         text=True).stdout
    types = {m[1]: (int(m[3]), int(m[4]), int(m[5])) for line in out.splitlines() if (m := _TYPE_LINE.match(line))}
    localised = next((m[1] for line in out.splitlines() if (m := _LOCALISED.match(line))), None)
    summary = out.strip().splitlines()[-1]
    return f"{summary} localised={localised}" if localised else summary, types


def report_by_fold(items: list[dict], preds: Path, scorer: Path) -> None:
    """score.py on all items and on each fold, then per-type recall side by side."""
    folds = _folds()
    parts = {"all": items, **{f: [it for it in items if fold_of(it, folds) == f] for f in FOLDS}}
    per_type: dict[str, dict[str, tuple[int, int, int]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, part in parts.items():
            if not part:
                continue
            summary, per_type[name] = _score(scorer, part, preds, Path(tmp))
            print(f"{name:8s} ({len(part):4d} items)  {summary}")
    types = sorted({t for table in per_type.values() for t in table})
    print(f"\n{'type':24s}" + "".join(f"{name:>16s}" for name in per_type))
    for t in types:
        cells = []
        for table in per_type.values():
            detected, total, _ = table.get(t, (0, 0, 0))
            cells.append(f"{detected / total:.2f} ({detected:3d}/{total:3d})" if total else "")
        print(f"{t:24s}" + "".join(f"{c:>16s}" for c in cells))


def _document(item: dict) -> str:
    return f"{item['meta'].get('corpus')}|{item['meta'].get('docid')}"


def _fails_gate(pred: dict, least_confidence: float = 0.0) -> bool:
    """Would this prediction fail the default gate (--fail-on major) at ``--min-confidence``?"""
    return any(f["severity"] in ("major", "critical") and f["confidence"] >= least_confidence
               for f in pred.get("findings", []))


def false_positives(items: list[dict], preds: Path) -> None:
    """Which checks flag clean items, by fold, and the share of clean documents the default gate fails."""
    folds = _folds()
    labels = {it["id"]: it for it in items}
    flagged: dict[str, collections.Counter[str]] = {f: collections.Counter() for f in FOLDS}
    sole: dict[str, collections.Counter[str]] = {f: collections.Counter() for f in FOLDS}
    documents: dict[str, dict[str, bool]] = {f: {} for f in FOLDS}
    for pred in _load(preds):
        item = labels.get(pred["id"])
        if item is None or item["label"] != "clean":
            continue
        fold = fold_of(item, folds)
        codes = {f["code"] for f in pred.get("findings", [])}
        flagged[fold].update(codes)
        if len(codes) == 1:
            sole[fold].update(codes)
        doc = _document(item)
        documents[fold][doc] = documents[fold].get(doc, False) or _fails_gate(pred)
    print("\nclean items flagged, by check (an item may count under several checks):")
    print(f"  {'code':6s}" + "".join(f"{f:>22s}" for f in FOLDS))
    for code in sorted(set(flagged["tune"]) | set(flagged["heldout"])):
        print(f"  {code:6s}" + "".join(f"{flagged[f][code]:>8d} (sole on {sole[f][code]:3d})" for f in FOLDS))
    print("clean documents whose items would fail the default gate (--fail-on major): " + ", ".join(
        f"{f} {sum(d.values())}/{len(d)} ({sum(d.values()) / max(1, len(d)):.3f})" for f, d in documents.items()))


def false_alarms(items: list[dict], preds: Path, adjudication: Path) -> None:
    """Clean items flagged where no finding was judged a real defect of the pair (the rest of the false
    positives are errors of the published translations). A finding not judged in ``adjudication``
    counts as a false alarm. An item of a perturbation set is judged by the dev item it was made from
    (``meta.origin``): its clean items are those items' published translations."""
    real = {(r["id"], r["code"], r["target_text"] or "") for r in _load(adjudication) if r["verdict"] == "real"}
    folds = _folds()
    labels = {it["id"]: it for it in items}
    clean = collections.Counter(fold_of(it, folds) for it in items if it["label"] == "clean")
    alarms: collections.Counter[str] = collections.Counter()
    for pred in _load(preds):
        item = labels.get(pred["id"])
        if item is None or item["label"] != "clean" or not pred.get("findings"):
            continue
        origin = item.get("meta", {}).get("origin", pred["id"])
        judged = {(origin, f["code"], item["target"][slice(*f["target_span"])] if f["target_span"] else "")
                  for f in pred["findings"]}
        if not judged & real:
            alarms[fold_of(item, folds)] += 1
    print(f"clean items flagged with no finding judged a real defect ({adjudication.relative_to(ROOT)}): " + ", ".join(
        f"{f} {alarms[f]}/{clean[f]} ({alarms[f] / max(1, clean[f]):.3f})" for f in FOLDS))


# The --min-confidence values whose effect on the default gate is shown.
GATE_CONFIDENCES = (0.0, 0.5, 0.6, 0.7, 0.8)


def gate_by_confidence(items: list[dict], preds: Path) -> None:
    """Per --min-confidence: clean documents failing the default gate, and garbled items it catches."""
    folds = _folds()
    labels = {it["id"]: it for it in items}
    rows = [(labels[p["id"]], p) for p in _load(preds) if p["id"] in labels]
    print("\nthe default gate (--fail-on major) by --min-confidence:")
    for least in GATE_CONFIDENCES:
        cells = []
        for fold in FOLDS:
            documents: dict[str, bool] = {}
            caught = garbled = 0
            for item, pred in rows:
                if fold_of(item, folds) != fold:
                    continue
                fails = _fails_gate(pred, least)
                if item["label"] == "clean":
                    documents[_document(item)] = documents.get(_document(item), False) or fails
                else:
                    caught, garbled = caught + fails, garbled + 1
            cells.append(f"{fold}: clean documents failing {sum(documents.values())}/{len(documents)}, "
                         f"garbled items caught {caught / max(1, garbled):.3f}")
        print(f"  {least:.1f}  " + "; ".join(cells))


def evaluate_dev(items_path: Path, scorer: Path, pair: str, preds: Path | None) -> None:
    items = _load(items_path)
    with tempfile.TemporaryDirectory() as tmp:
        if preds is None:
            preds = Path(tmp) / "preds.jsonl"
            run_xlate(items_path, preds, pair)
        report_by_fold(items, preds, scorer)
        false_positives(items, preds)
        if (adjudication := ADJUDICATIONS / f"{pair}-dev.jsonl").exists() and items_path == DEV_SETS.get(pair):
            false_alarms(items, preds, adjudication)
        gate_by_confidence(items, preds)


def evaluate_perturbations(files: list[Path], scorer: Path, preds_dir: Path | None) -> None:
    """Each perturbation set (``corpora/perturbations/*.jsonl``) by fold and perturbation type."""
    for path in files:
        print(f"\n== {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
        with tempfile.TemporaryDirectory() as tmp:
            preds = preds_dir / f"{path.stem}.preds.jsonl" if preds_dir else Path(tmp) / "preds.jsonl"
            items = _load(path)
            pair = items[0].get("meta", {}).get("pair", "es-en")
            if not preds.exists():
                run_xlate(path, preds, pair)
            report_by_fold(items, preds, scorer)
            if (adjudication := ADJUDICATIONS / f"{pair}-dev.jsonl").exists():
                false_alarms(items, preds, adjudication)


def _pharaoh(links: str) -> set[tuple[int, int]]:
    return {(int(i), int(j)) for i, j in (pair.split("-") for pair in links.split())}


def _word_indices(text: str, span: list[int]) -> list[int]:
    """Indices of the gold words (``xlate.checks.text.words``) that overlap ``span``."""
    return [k for k, (_, start, end) in enumerate(words(text)) if start < span[1] and span[0] < end]


def predicted_word_links(result: DocumentResult, source: str, target: str) -> set[tuple[int, int]]:
    """The aligner's links of a checked pair, in gold word indices."""
    links = set()
    for words_of_link in result.words:
        for i, j, *_ in words_of_link.get("links", []):
            for a in _word_indices(source, words_of_link["source"][i]):
                links.update((a, b) for b in _word_indices(target, words_of_link["target"][j]))
    return links


def evaluate_word_alignment(gold_path: Path) -> None:
    """Alignment error rate, precision and recall of the word aligner on the gold set, by fold."""
    gold = _load(gold_path)
    checker = Checker()
    results = checker.check_pairs([PairInput(g["id"], g["source"], g["target"]) for g in gold])
    totals: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for g, result in zip(gold, results, strict=True):
        predicted = predicted_word_links(result, g["source"], g["target"])
        sure, possible = _pharaoh(g["sure"]), _pharaoh(g["sure"]) | _pharaoh(g["possible"])
        for fold in ("all", g["fold"]):
            totals[fold].update(predicted=len(predicted), sure=len(sure), a_s=len(predicted & sure),
                                a_p=len(predicted & possible))
    for fold, t in totals.items():
        aer = 1 - (t["a_s"] + t["a_p"]) / (t["predicted"] + t["sure"])
        print(f"{fold:8s} AER {aer:.3f}  precision {t['a_p'] / max(1, t['predicted']):.3f}  "
              f"recall {t['a_s'] / max(1, t['sure']):.3f}  ({t['predicted']} links, {t['sure']} sure)")


def evaluate_corpora() -> None:
    checkers: dict[str, Checker] = {}
    totals: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for expected_file in sorted(ROOT.glob("corpora/*/expected.json")):
        folder = expected_file.parent
        expected = json.loads(expected_file.read_text(encoding="utf-8"))
        pair = expected.get("pair", "es-en")
        checker = checkers.setdefault(pair, Checker(Settings(pair=pair)))
        result = checker.check(read_text(folder / expected["source"]), read_text(folder / expected["target"]),
                               folder.name)
        findings = [f.to_dict() for f in result.findings]
        defects = expected["defects"]
        caught = [d for d in defects if any(_near(f["target_span"], d["target_span"]) for f in findings)]
        serious = [f for f in findings if f["severity"] != "minor"]
        unexpected = [f for f in serious if not any(_near(f["target_span"], d["target_span"]) for d in defects)]
        split = expected.get("split", "tune")
        totals[split].update(defects=len(defects), caught=len(caught), serious=len(serious),
                             unexpected=len(unexpected), articles=1, clean=not defects,
                             clean_flagged=bool(not defects and serious))
        missed = [f"{d['code']} {d['text']!r}" for d in defects if d not in caught]
        print(f"{folder.name:40s} {pair} {split:8s} caught {len(caught)}/{len(defects)}  "
              f"major+ findings {len(serious)} (not expected: {len(unexpected)})"
              + (f"\n    missed: {'; '.join(missed)}" if missed else ""))
    for split, t in sorted(totals.items()):
        recall = t["caught"] / t["defects"] if t["defects"] else 1.0
        precision = 1 - t["unexpected"] / t["serious"] if t["serious"] else 1.0
        print(f"{split}: defect recall {recall:.2f} ({t['caught']}/{t['defects']}), major+ precision "
              f"{precision:.2f}, clean articles with a major finding {t['clean_flagged']}/{t['clean']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="what", required=True)
    dev = sub.add_parser("dev", help="a shared dev set, by fold")
    dev.add_argument("--set", choices=sorted(DEV_SETS), default="es-en", help="which dev set (and language pair)")
    dev.add_argument("--items", type=Path, help="another items file of the same shape")
    dev.add_argument("--preds", type=Path, help="score these predictions instead of running xlate")
    dev.add_argument("--scorer", type=Path, default=SHARED / "score.py")
    pert = sub.add_parser("perturbations", help="the team's perturbation sets, by fold and type")
    pert.add_argument("files", nargs="*", type=Path)
    pert.add_argument("--preds-dir", type=Path, help="reuse (or keep) NAME.preds.jsonl predictions here")
    pert.add_argument("--scorer", type=Path, default=SHARED / "score.py")
    sub.add_parser("corpora", help="the team corpora: defect recall by split")
    gold = sub.add_parser("wordalign", help="the word aligner against the hand-aligned gold set")
    gold.add_argument("--gold", type=Path, default=ROOT / "tests" / "wordalign" / "gold.jsonl")
    args = parser.parse_args()
    if args.what == "dev":
        evaluate_dev(args.items or DEV_SETS[args.set], args.scorer, args.set, args.preds)
    elif args.what == "perturbations":
        evaluate_perturbations(args.files or sorted(PERTURBATIONS.glob("*.jsonl")), args.scorer, args.preds_dir)
    elif args.what == "wordalign":
        evaluate_word_alignment(args.gold)
    else:
        evaluate_corpora()


if __name__ == "__main__":
    main()
