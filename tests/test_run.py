"""Long runs: results stream out, an interrupted run keeps what it finished and resumes from the
cache, worker processes and a Dask cluster write what one process writes, and no input makes the
alignment programme quadratic."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from cli_helpers import _xlate_command, assert_one_error_line, run_xlate

from xlate.align import BAND, BAND_MAX_WIDENING, BEAD_PENALTY, dp_align
from xlate.interrupt import Interruption
from xlate.model import PairInput
from xlate.pipeline import Checker, Settings

ROOT = Path(__file__).resolve().parents[1]
WORDING = ROOT / "corpora" / "perturbations" / "wording.jsonl"
MEANING = ROOT / "corpora" / "perturbations" / "meaning.jsonl"


def _pairs_file(tmp_path: Path, n: int) -> Path:
    """The first ``n`` pairs of the team's wording perturbations, as a --pairs file."""
    lines = WORDING.read_text(encoding="utf-8").splitlines()[:n]
    rows = [json.loads(line) for line in lines]
    path = tmp_path / f"pairs{n}.jsonl"
    path.write_text("".join(json.dumps({"id": r["id"], "source": r["source"], "target": r["target"]},
                                       ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# --------------------------------------------------------------------------------------------------
# interruption


def test_guard_ends_the_stream_on_sigterm() -> None:
    def numbers():
        for n in range(100):
            if n == 3:
                os.kill(os.getpid(), signal.SIGTERM)
            yield n

    with Interruption() as interruption:
        seen = list(interruption.guard(numbers()))
    assert seen == [0, 1, 2]
    assert interruption.signal is signal.SIGTERM
    assert interruption.exit_code == 128 + signal.SIGTERM
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL


def test_sigterm_keeps_finished_lines_and_the_cache_resumes(tmp_path: Path) -> None:
    pairs = _pairs_file(tmp_path, 120)
    options = ["--no-embeddings", "--fail-on", "never"]
    out, cache = tmp_path / "out.jsonl", tmp_path / "cache.db"
    command = [*_xlate_command(), "check", "--pairs", str(pairs), "-o", str(out), "--cache", str(cache), *options]
    proc = subprocess.Popen(command, cwd=tmp_path, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not (out.exists() and out.read_text(encoding="utf-8").count("\n")):
        time.sleep(0.05)
    proc.send_signal(signal.SIGTERM)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 128 + signal.SIGTERM, stderr
    assert "interrupted by SIGTERM" in stderr and "Traceback" not in stderr, stderr
    kept = _rows(out)  # every line is valid JSON
    assert 1 <= len(kept) < 120

    resumed = run_xlate(command[len(_xlate_command()):], tmp_path)
    assert resumed.code == 0, resumed
    whole = tmp_path / "whole.jsonl"
    fresh = run_xlate(["check", "--pairs", pairs, "-o", whole, *options], tmp_path)
    assert fresh.code == 0, fresh
    assert out.read_text(encoding="utf-8") == whole.read_text(encoding="utf-8")
    assert _rows(out)[: len(kept)] == kept


# --------------------------------------------------------------------------------------------------
# bounded cost


def test_max_chars_refuses_a_huge_pair_as_one_input_error(tmp_path: Path) -> None:
    source, target = tmp_path / "huge.es.txt", tmp_path / "huge.en.txt"
    source.write_text("El Gobierno presentó el plan. " * 40, encoding="utf-8")
    target.write_text("The Government presented the plan. " * 40, encoding="utf-8")
    run = run_xlate(["check", source, target, "--max-chars", "1000", "--no-embeddings", "-f", "jsonl"], tmp_path)
    assert_one_error_line(run, "huge.en.txt", "1,200 characters", "--max-chars")
    assert [set(row) for row in map(json.loads, run.stdout.splitlines())] == [{"id", "error"}]


def test_alignment_programme_grows_linearly() -> None:
    calls = 0

    def cost(src: range, tgt: range) -> float:
        nonlocal calls
        calls += 1
        return 0.0 if len(src) == len(tgt) == 1 else 1.0

    n = 3000
    beads = dp_align(n, n + 500, cost)
    assert sum(len(s) for s, _ in beads) == n and sum(len(t) for _, t in beads) == n + 500
    width = BAND + BAND_MAX_WIDENING
    bead_kinds = len(BEAD_PENALTY) + 2  # and the two skips
    assert calls <= (n + 1) * (2 * width + 3) * bead_kinds


# --------------------------------------------------------------------------------------------------
# batches, worker processes and Dask


def test_a_result_does_not_depend_on_its_batch() -> None:
    """Checked together or one by one, each pair gets the same result: its embeddings are its own,
    and Apertium translates a sentence the same wherever it falls in a batch (the sixth pair's first
    sentence, «Aprovecha …», came out as "It takes …" first in a batch and "Takes …" after another
    sentence). Two pairs share an id, as they may in a JSONL file."""
    rows = [json.loads(line) for line in WORDING.read_text(encoding="utf-8").splitlines()[:12]]
    pairs = [PairInput(r["id"] if n else rows[1]["id"], r["source"], r["target"]) for n, r in enumerate(rows)]
    checker = Checker(Settings())
    together = checker.check_batch(pairs)
    alone = [checker.check_batch([p])[0] for p in pairs]
    assert [r.to_dict() for r in together] == [r.to_dict() for r in alone]


def test_a_pair_is_read_the_same_after_a_pair_that_changes_the_tagger() -> None:
    """A passage on textiles with "a span of more than six millennia" used to make Apertium's tagger read
    the name "Will" two passages later as the auxiliary, and XL211 say that "Will" had no subject."""
    rows = {(r := json.loads(line))["id"]: r for line in MEANING.read_text(encoding="utf-8").splitlines()}
    pairs = [PairInput(i, rows[i]["source"], rows[i]["target"]) for i in ("meaning-00777", "meaning-00875")]
    checker = Checker(Settings())
    together = checker.check_batch(pairs)[1]
    alone = checker.check_batch(pairs[1:])[0]
    assert together.to_dict() == alone.to_dict()
    assert "XL211" not in {f.code for f in together.findings}


@pytest.fixture(scope="module")
def local_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """Twenty pairs checked in this process, with every engine: the reference output."""
    folder = tmp_path_factory.mktemp("local")
    pairs = _pairs_file(folder, 20)
    run = run_xlate(["check", "--pairs", pairs, "--fail-on", "never"], folder)
    assert run.code == 0, run
    return pairs, run.stdout


def test_jobs_write_what_one_process_writes(local_run: tuple[Path, str], tmp_path: Path) -> None:
    pairs, expected = local_run
    run = run_xlate(["check", "--pairs", pairs, "--fail-on", "never", "--jobs", "2"], tmp_path, timeout=300)
    assert run.code == 0, run
    assert run.stdout == expected


def test_dask_cluster_writes_what_one_process_writes(local_run: tuple[Path, str], tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    pairs, expected = local_run
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        run = run_xlate(["check", "--pairs", pairs, "--fail-on", "never", "--dask", cluster.scheduler_address],
                        tmp_path, timeout=300)
    assert run.code == 0, run
    assert run.stdout == expected
