"""Baseline scores: --max-score-drop compares each document's score with the one the baseline recorded."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from xlate.baseline import Baseline
from xlate.cli import app
from xlate.model import DocumentResult

CORPORA = Path(__file__).resolve().parents[1] / "corpora"


def test_score_drop_is_measured_against_the_recorded_score(tmp_path: Path) -> None:
    base = Baseline.create([DocumentResult("a", score=92.5), DocumentResult("b", score=100.0)])
    base.save(tmp_path / "base.json")
    loaded = Baseline.load(tmp_path / "base.json")
    assert loaded.scores == {"a": 92.5, "b": 100.0}
    assert loaded.score_drop(DocumentResult("a", score=80.0)) == 12.5
    assert loaded.score_drop(DocumentResult("new", score=50.0)) is None


def test_max_score_drop_gate(tmp_path: Path) -> None:
    runner = CliRunner()
    clean = CORPORA / "lima-muestra-textil-andina"
    pair = [str(clean / "source.es.txt"), str(clean / "target.en.txt")]
    base = tmp_path / "base.json"
    assert runner.invoke(app, ["baseline", "create", str(base), *pair]).exit_code == 0
    same = runner.invoke(app, ["check", *pair, "--baseline", str(base), "--max-score-drop", "0.5", "-f", "jsonl"])
    assert same.exit_code == 0, same.output
    (tmp_path / "next").mkdir()
    worse = tmp_path / "next" / "target.en.txt"  # the same document id as in the baseline
    text = (clean / "target.en.txt").read_text(encoding="utf-8")
    first_period = text.index(". ")
    worse.write_text(text[:first_period] + ". , " + text[first_period + 2 :], encoding="utf-8")
    dropped = runner.invoke(app, ["check", pair[0], str(worse), "--baseline", str(base), "--fail-on", "never",
                                  "--max-score-drop", "0.5", "-f", "jsonl"])
    assert dropped.exit_code == 1, dropped.output
    missing = runner.invoke(app, ["check", *pair, "--max-score-drop", "1"])
    assert missing.exit_code == 2
