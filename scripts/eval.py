#!/usr/bin/env python3
"""Measure xlate's quality.

    scripts/eval.py dev [--items FILE] [--scorer FILE]   # the development set: score.py + per-check false positives
    scripts/eval.py corpora                              # the team corpora: defect recall by tune/heldout split

The development set and its scorer live in ../shared/eval/ (not shipped with the package).
Thresholds are calibrated on the development set and the *tune* corpora only; the *heldout*
corpora are reported separately to show the same quality on text not used for tuning.
"""

from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from xlate.io.text import read_text
from xlate.pipeline import Checker

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval"
# A finding within this many characters of an expected defect counts as catching it (as score.py).
TOLERANCE = 3


def _near(span: list[int] | None, gold: list[int]) -> bool:
    return span is not None and span[0] <= gold[1] + TOLERANCE and gold[0] <= span[1] + TOLERANCE


def evaluate_dev(items: Path, scorer: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        preds = Path(tmp) / "preds.jsonl"
        subprocess.run([sys.executable, "-m", "xlate.cli", "check", "--pairs", str(items), "--format", "jsonl",
                        "--output", str(preds), "--fail-on", "never"], check=False)
        subprocess.run([sys.executable, str(scorer), str(items), str(preds)], check=True)
        labels = {json.loads(line)["id"]: json.loads(line) for line in items.open(encoding="utf-8")}
        false_positives: collections.Counter[str] = collections.Counter()
        flagged_by: collections.Counter[str] = collections.Counter()
        for line in preds.open(encoding="utf-8"):
            pred = json.loads(line)
            item = labels.get(pred["id"])
            if item is None or item["label"] != "clean":
                continue
            codes = {f["code"] for f in pred.get("findings", [])}
            false_positives.update(codes)
            if len(codes) == 1:
                flagged_by.update(codes)
    print("\nclean items flagged, by check (an item may count under several checks):")
    for code, n in sorted(false_positives.items(), key=lambda kv: -kv[1]):
        print(f"  {code}  {n:3d}  (sole check on {flagged_by[code]})")


def evaluate_corpora() -> None:
    checker = Checker()
    totals: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for expected_file in sorted(ROOT.glob("corpora/*/expected.json")):
        folder = expected_file.parent
        expected = json.loads(expected_file.read_text(encoding="utf-8"))
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
        print(f"{folder.name:40s} {split:8s} caught {len(caught)}/{len(defects)}  "
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
    dev = sub.add_parser("dev")
    dev.add_argument("--items", type=Path, default=SHARED / "dev.jsonl")
    dev.add_argument("--scorer", type=Path, default=SHARED / "score.py")
    sub.add_parser("corpora")
    args = parser.parse_args()
    if args.what == "dev":
        evaluate_dev(args.items, args.scorer)
    else:
        evaluate_corpora()


if __name__ == "__main__":
    main()
