#!/usr/bin/env python3
"""Sanity-check the xlate test corpora.

For every <dir>/expected.json under this folder:
  * every defect's text equals target[start:end] (Python str indices, UTF-8 read);
  * spans are in range, codes/kinds/severities are well-formed;
  * source, target (and reference.en.txt, if present) have the same number of
    blank-line-separated paragraphs;
  * files end with exactly one newline.
Exit status is non-zero if anything fails.
"""
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
SEVERITIES = {"minor", "major", "critical"}


def paragraphs(text):
    return [p for p in text.strip("\n").split("\n\n")]


def main():
    failures = []
    rows = []
    for exp_path in sorted(HERE.glob("*/expected.json")):
        d = exp_path.parent
        exp = json.loads(exp_path.read_text(encoding="utf-8"))
        src = (d / exp["source"]).read_text(encoding="utf-8")
        tgt = (d / exp["target"]).read_text(encoding="utf-8")
        texts = {exp["source"]: src, exp["target"]: tgt}
        ref_path = d / "reference.en.txt"
        if ref_path.exists():
            texts[ref_path.name] = ref_path.read_text(encoding="utf-8")
        if exp.get("split") not in ("tune", "heldout"):
            failures.append(f"{d.name}: bad split {exp.get('split')!r}")
        counts = {name: len(paragraphs(t)) for name, t in texts.items()}
        if len(set(counts.values())) != 1:
            failures.append(f"{d.name}: paragraph counts differ {counts}")
        for name, t in texts.items():
            if not t.endswith("\n") or t.endswith("\n\n"):
                failures.append(f"{d.name}/{name}: must end with exactly one newline")
            if "\r" in t:
                failures.append(f"{d.name}/{name}: contains CR")
        for i, df in enumerate(exp["defects"]):
            s, e = df["target_span"]
            if not (0 <= s <= e <= len(tgt)):
                failures.append(f"{d.name} #{i}: span {s, e} out of range")
                continue
            if tgt[s:e] != df["text"]:
                failures.append(f"{d.name} #{i}: text {df['text']!r} != target[{s}:{e}] {tgt[s:e]!r}")
            if not re.fullmatch(r"XL\d{3}", df["code"]):
                failures.append(f"{d.name} #{i}: bad code {df['code']!r}")
            if df["severity"] not in SEVERITIES:
                failures.append(f"{d.name} #{i}: bad severity {df['severity']!r}")
            if (s == e) != (df["kind"] == "omission"):
                failures.append(f"{d.name} #{i}: zero-width span iff omission")
            if not df.get("note"):
                failures.append(f"{d.name} #{i}: missing note")
        codes = {}
        for df in exp["defects"]:
            codes[df["code"]] = codes.get(df["code"], 0) + 1
        rows.append((d.name, exp["split"], counts[exp["target"]], len(exp["defects"]),
                     " ".join(f"{c}x{n}" for c, n in sorted(codes.items()))))
    w = max(len(r[0]) for r in rows)
    print(f"{'folder':<{w}}  split    paras  defects  codes")
    for name, split, paras, n, codes in rows:
        print(f"{name:<{w}}  {split:<7}  {paras:>5}  {n:>7}  {codes}")
    print(f"{len(rows)} folders, {sum(r[3] for r in rows)} defects")
    if failures:
        print("\nFAILURES:")
        for f in failures:
            print("  " + f)
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
