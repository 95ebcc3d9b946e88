"""A check that raises an error becomes a critical XL000 finding; the other checks still run."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

import pytest

from xlate.checks import registry
from xlate.gate import Gate
from xlate.pipeline import Checker, Settings

SOURCE = "El ministro Alejandro Mayorkas presentó ayer el plan de vivienda. La oposición lo rechazó."
# A misspelt name (XL205) and stray punctuation (XL103) that the other checks find while XL204 fails.
TARGET = "Minister Alejando Mayorkas presented the housing plan yesterday. The opposition. , rejected it."


def _failing(ctx: object) -> Iterable[registry.Hit]:
    raise ValueError("unexpected token")


@pytest.fixture
def failing_checker(monkeypatch: pytest.MonkeyPatch) -> Checker:
    spec = registry.REGISTRY["XL204"]
    monkeypatch.setitem(registry.REGISTRY, "XL204", dataclasses.replace(spec, func=_failing))
    return Checker(Settings(embeddings=False))


def test_a_failing_check_is_a_critical_finding(failing_checker: Checker) -> None:
    result = failing_checker.check(SOURCE, TARGET)
    failed = [f for f in result.findings if f.code == "XL000"]
    assert len(failed) == 1
    assert failed[0].severity.value == "critical"
    assert "XL204" in failed[0].message and "ValueError: unexpected token" in failed[0].message
    gate = Gate("critical")
    gate.add(result)
    assert gate.fails()


def test_the_other_checks_still_run(failing_checker: Checker) -> None:
    healthy = Checker(Settings(embeddings=False, ignore=("XL204",))).check(SOURCE, TARGET)
    result = failing_checker.check(SOURCE, TARGET)
    assert {f.code for f in healthy.findings} == {"XL205", "XL103"}
    assert [f.to_dict() for f in result.findings if f.code != "XL000"] == [f.to_dict() for f in healthy.findings]


def test_explain_knows_the_code_of_a_failed_check() -> None:
    from typer.testing import CliRunner

    from xlate.cli import app

    result = CliRunner().invoke(app, ["explain", "XL000"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("XL000 check-failed")
