"""SARIF: valid against the official 2.1.0 schema, and shaped the way GitHub code scanning reads it."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from xlate.checks.registry import all_checks
from xlate.report import sarif
from xlate.report.positions import line_column

# The repository root is parents[2]; CI clones it with shared/ beside it.
SCHEMA = Path(__file__).resolve().parents[2] / ".." / "shared" / "schemas" / "sarif-schema-2.1.0.json"


def _validate(log: dict) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    if not SCHEMA.is_file():
        pytest.skip(f"SARIF schema not found at {SCHEMA} (shared/ is expected beside the repository)")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])


def test_pinned_output_is_valid(render) -> None:
    _validate(json.loads(render("sarif")))


def test_real_registry_output_is_valid(sample, monkeypatch, tmp_path) -> None:
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    sarif.write(sample.results(), out, sample.info())
    log = json.loads(out.getvalue())
    _validate(log)
    rules = {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
    for spec in all_checks():
        rule = rules[spec.code]
        assert rule["name"] == spec.name
        assert rule["shortDescription"]["text"] == spec.summary
        assert rule["fullDescription"]["text"] == rule["help"]["text"] == (spec.doc or spec.summary)
        level = "warning" if spec.severity.value == "minor" else "error"
        assert rule["defaultConfiguration"]["level"] == level
        assert spec.category in rule["properties"]["tags"]


def test_results(render, sample) -> None:
    log = json.loads(render("sarif"))
    (run,) = log["runs"]
    assert log["version"] == "2.1.0"
    driver = run["tool"]["driver"]
    assert driver["name"] == "xlate" and driver["version"] == "0.1.0-test"
    assert driver["informationUri"] == "https://xlate.invalid/"
    assert run["columnKind"] == "unicodeCodePoints"
    rules = driver["rules"]
    assert len({r["id"] for r in rules}) == len(rules)
    assert "XL403" in {r["id"] for r in rules}  # not in the pinned catalogue, described from the finding

    article, record, _bad = sample.results()
    results = run["results"]
    assert len(results) == len(article.findings) + len(record.findings)
    target = article.document.target.text
    for res, finding in zip(results, article.findings + record.findings, strict=True):
        assert res["ruleId"] == finding.code
        assert rules[res["ruleIndex"]]["id"] == finding.code
        level = {"minor": "warning", "major": "error", "critical": "error"}[finding.severity.value]
        assert res["level"] == level
        assert res["message"]["text"].startswith(finding.message)
        owner = article if finding in article.findings else record
        assert res["partialFingerprints"] == {"xlateFingerprint/v1": sarif.fingerprint(owner, finding)}
        loc = res["locations"][0]["physicalLocation"]
        region = loc["region"]
        if owner is record:
            assert loc["artifactLocation"]["uri"] == "pairs.jsonl"
            assert region["startLine"] == 2
            continue
        assert loc["artifactLocation"]["uri"] == "corpus/art-1.en.txt"
        if finding.target_span is not None:
            start, end = finding.target_span
            assert (region["startLine"], region["startColumn"]) == line_column(target, start)
            assert (region["endLine"], region["endColumn"]) == line_column(target, end)

    by_code = {r["ruleId"]: r for r in results}
    caret = by_code["XL106"]["locations"][0]["physicalLocation"]["region"]
    assert caret["startColumn"] == caret["endColumn"] and caret["startLine"] == caret["endLine"] == 3
    # CRLF paragraphs: the second paragraph is on line 3, columns count from its start.
    last = by_code["XL403"]["locations"][0]["physicalLocation"]["region"]
    assert last["startLine"] == 3
    assert last["startColumn"] == target.index("An added") - target.index("The minister") + 1

    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and "line-3" in note["message"]["text"]


def test_no_documents(render) -> None:
    log = json.loads(render("sarif", results=[]))
    _validate(log)
    assert log["runs"][0]["results"] == []
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is True
