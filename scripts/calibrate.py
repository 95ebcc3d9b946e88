#!/usr/bin/env python3
"""Fit each check's confidence to the probability that its finding is a real defect.

    scripts/calibrate.py [--items DEV.jsonl] [--preds RAW.jsonl] [--out TSV] [--plot SVG]

A finding on a garbled development item is a real defect when its target span touches the
injected garble's span (within eval.py's TOLERANCE, as ``score.py`` localises), or, with no target span,
when the garble is an omission; every other finding is a false alarm. Per check, an isotonic
regression (scikit-learn) of that label on the check's raw confidence is fitted on the ``tune``
document fold only, with a few pseudo-findings at the precision of the check's family so that a
check with little evidence stays near its family. The table goes to ``xlate/pairs/data`` (the pair
reads it); the expected calibration error is printed for both folds, per family, and the
reliability diagram is drawn as an SVG. ``--preds`` reuses a ``--pairs`` run made with the
checks' raw confidences (``calibrate = false`` in the config); without it the script runs one.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from eval import _folds, _load, _near, fold_of  # noqa: E402

DEFAULT_ITEMS = ROOT.parent / "shared" / "eval" / "dev.jsonl"
DEFAULT_TABLE = ROOT / "xlate" / "pairs" / "data" / "calibration_es_en.tsv"
# Pseudo-findings at the family's precision added at each raw confidence of a check.
PRIOR_WEIGHT = 3.0
BINS = 10
FAMILIES = {"1": "fluency", "2": "accuracy", "3": "terminology", "4": "alignment"}


def labelled_findings(items: list[dict], preds: dict[str, dict]) -> list[tuple[str, str, float, int]]:
    """(fold, code, raw confidence, 1 if a real defect else 0) for every finding."""
    folds = _folds()
    out = []
    for item in items:
        garble = item.get("garble") or {}
        for finding in preds.get(item["id"], {}).get("findings", []):
            span = finding.get("target_span")
            if item["label"] != "garbled":
                real = 0
            elif span is None:
                real = int("omission" in garble.get("type", ""))
            else:
                real = int(any(_near(span, gold) for gold in garble.get("spans", [])))
            out.append((fold_of(item, folds), finding["code"], float(finding["confidence"]), real))
    return out


def fit(findings: list[tuple[str, str, float, int]]) -> dict[str, list[tuple[float, float]]]:
    """Per check, (raw confidence, probability) points of an isotonic fit on the tune findings."""
    from sklearn.isotonic import IsotonicRegression

    tune = [f for f in findings if f[0] == "tune"]
    family_hits: dict[str, list[int]] = defaultdict(list)
    for _, code, _, real in tune:
        family_hits[code[2]].append(real)
    table = {}
    for code in sorted({f[1] for f in tune}):
        mine = [(raw, real) for _, c, raw, real in tune if c == code]
        hits = family_hits[code[2]]
        prior = (sum(hits) + 1) / (len(hits) + 2)
        raws = sorted({raw for raw, _ in mine})
        x = [raw for raw, _ in mine] + raws
        y = [float(real) for _, real in mine] + [prior] * len(raws)
        weights = [1.0] * len(mine) + [PRIOR_WEIGHT] * len(raws)
        model = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(x, y, sample_weight=weights)
        table[code] = [(raw, float(p)) for raw, p in zip(raws, model.predict(raws), strict=True)]
    return table


def calibrated(table: dict[str, list[tuple[float, float]]], code: str, raw: float) -> float:
    from xlate.pairs import interpolate

    return interpolate(table[code], raw) if code in table else raw


def expected_calibration_error(pairs: list[tuple[float, int]]) -> tuple[float, list[tuple[float, float, int]]]:
    """ECE over BINS equal-width bins, and each bin's (mean confidence, accuracy, count)."""
    bins: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for confidence, real in pairs:
        bins[min(BINS - 1, int(confidence * BINS))].append((confidence, real))
    rows = [(sum(c for c, _ in b) / len(b), sum(r for _, r in b) / len(b), len(b)) for _, b in sorted(bins.items())]
    total = sum(n for _, _, n in rows) or 1
    return sum(n / total * abs(acc - conf) for conf, acc, n in rows), rows


def _svg(series: dict[str, list[tuple[float, float, int]]], path: Path) -> None:
    """A reliability diagram: accuracy against mean confidence per bin, with the diagonal."""
    size, pad = 360, 40
    colours = {"tune": "#1f77b4", "heldout": "#d62728"}

    def xy(conf: float, acc: float) -> tuple[float, float]:
        return pad + conf * size, pad + (1 - acc) * size

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{size + 2 * pad}" height="{size + 2 * pad + 20}" '
             'font-family="sans-serif" font-size="11">',
             f'<rect x="{pad}" y="{pad}" width="{size}" height="{size}" fill="none" stroke="#999"/>',
             f'<line x1="{pad}" y1="{pad + size}" x2="{pad + size}" y2="{pad}" stroke="#bbb" stroke-dasharray="4"/>',
             f'<text x="{pad + size / 2}" y="{pad + size + 28}" text-anchor="middle">confidence</text>',
             f'<text x="12" y="{pad + size / 2}" transform="rotate(-90 12 {pad + size / 2})" '
             'text-anchor="middle">share of real defects</text>']
    for n, (name, rows) in enumerate(series.items()):
        colour = colours.get(name, "#333")
        points = " ".join("{:.1f},{:.1f}".format(*xy(conf, acc)) for conf, acc, _ in rows)
        parts.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"/>')
        parts += [f'<circle cx="{xy(c, a)[0]:.1f}" cy="{xy(c, a)[1]:.1f}" r="{2 + min(6, k ** 0.5 / 3):.1f}" '
                  f'fill="{colour}"/>' for c, a, k in rows]
        parts.append(f'<text x="{pad + 8}" y="{pad + 16 + 14 * n}" fill="{colour}">{name}</text>')
    parts.append("</svg>")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(parts) + "\n", encoding="utf-8")


def _raw_predictions(items_path: Path, folder: Path) -> Path:
    config = folder / "xlate.toml"
    config.write_text("calibrate = false\n", encoding="utf-8")
    preds = folder / "raw.jsonl"
    subprocess.run([sys.executable, "-m", "xlate.cli", "check", "--pairs", str(items_path), "-o", str(preds),
                    "--fail-on", "never", "--config", str(config)], check=True)
    return preds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=Path, default=DEFAULT_ITEMS)
    parser.add_argument("--preds", type=Path, help="a --pairs run with raw confidences (default: run one)")
    parser.add_argument("--out", type=Path, default=DEFAULT_TABLE)
    parser.add_argument("--plot", type=Path, default=ROOT / "docs" / "reliability.svg")
    args = parser.parse_args()
    items = _load(args.items)
    with tempfile.TemporaryDirectory() as tmp:
        preds_path = args.preds or _raw_predictions(args.items, Path(tmp))
        preds = {p["id"]: p for p in _load(preds_path)}
    findings = labelled_findings(items, preds)
    table = fit(findings)
    lines = ["# Per check: raw confidence -> probability that the finding is a real defect, an isotonic fit",
             "# on the tune fold of the dev set (scripts/calibrate.py); checks not listed keep their raw confidence.",
             "code\traw\tprobability"]
    lines += [f"{code}\t{raw:.4f}\t{p:.4f}" for code, points in table.items() for raw, p in points]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    series = {}
    print("| part | findings | ECE raw | ECE calibrated |")
    print("|---|---:|---:|---:|")
    for fold in ("tune", "heldout"):
        for family in ("all", *FAMILIES.values()):
            mine = [f for f in findings if f[0] == fold and (family == "all" or FAMILIES[f[1][2]] == family)]
            if not mine:
                continue
            raw_ece, _ = expected_calibration_error([(raw, real) for _, _, raw, real in mine])
            ece, rows = expected_calibration_error([(calibrated(table, code, raw), real)
                                                    for _, code, raw, real in mine])
            print(f"| {fold} {family} | {len(mine)} | {raw_ece:.3f} | {ece:.3f} |")
            if family == "all":
                series[fold] = rows
    _svg(series, args.plot)


if __name__ == "__main__":
    main()
