"""Calibrated confidences: the pair's table, the fit that makes it, and --min-confidence in the gate."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from xlate.gate import Gate
from xlate.model import DocumentResult, Finding, Severity
from xlate.pairs import interpolate
from xlate.pairs.es_en import ES_EN

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

import calibrate


def test_interpolate_is_piecewise_linear_and_flat_beyond_the_ends() -> None:
    points = [(0.5, 0.2), (0.7, 0.6), (0.9, 0.9)]
    assert interpolate(points, 0.5) == pytest.approx(0.2)
    assert interpolate(points, 0.6) == pytest.approx(0.4)
    assert interpolate(points, 0.1) == pytest.approx(0.2)
    assert interpolate(points, 1.0) == pytest.approx(0.9)


def test_the_pair_calibrates_the_checks_it_has_evidence_for() -> None:
    for code in ("XL102", "XL201", "XL204", "XL401"):
        value = ES_EN.calibrated(code, 0.7)
        assert 0.0 <= value <= 1.0
    assert ES_EN.calibrated("XL999", 0.42) == 0.42  # no evidence: the raw confidence


def test_fit_is_monotone_and_pulled_towards_the_family() -> None:
    pytest.importorskip("sklearn")
    findings = [("tune", "XL204", 0.7, 0), ("tune", "XL204", 0.7, 1), ("tune", "XL204", 0.85, 1),
                ("tune", "XL204", 0.85, 1), ("tune", "XL204", 0.85, 1), ("tune", "XL201", 0.6, 0),
                ("heldout", "XL204", 0.7, 0)]
    table = calibrate.fit(findings)
    low, high = (p for _, p in table["XL204"])
    assert low <= high
    assert 0.0 < table["XL201"][0][1] < 0.5  # one false alarm, shrunk towards the family, not to 0
    ece, _ = calibrate.expected_calibration_error([(0.9, 1), (0.9, 1), (0.1, 0)])
    assert ece == pytest.approx((2 * 0.1 + 0.1) / 3)


def _result(confidence: float) -> DocumentResult:
    finding = Finding("XL204", "number-mismatch", "accuracy/mistranslation", Severity.MAJOR, (0, 4), None,
                      "'2021' in the source is '2012' here", confidence=confidence)
    return DocumentResult("doc", None, [finding], 90.0, {})


@pytest.mark.parametrize(("confidence", "fails"), [(0.55, False), (0.95, True)])
def test_min_confidence_joins_fail_on(confidence: float, fails: bool) -> None:
    gate = Gate("major", min_confidence=0.8)
    gate.add(_result(confidence))
    assert gate.fails() is fails


def test_min_confidence_out_of_range_in_the_config_is_one_input_error(tmp_path: Path) -> None:
    from cli_helpers import assert_one_error_line, invoke

    (tmp_path / "xlate.toml").write_text("min_confidence = 1.5\n", encoding="utf-8")
    (tmp_path / "a.es.txt").write_text("Hola.", encoding="utf-8")
    (tmp_path / "a.en.txt").write_text("Hello.", encoding="utf-8")
    run = invoke(["check", "a.es.txt", "a.en.txt"], tmp_path)
    assert_one_error_line(run, "xlate.toml", "min_confidence")
